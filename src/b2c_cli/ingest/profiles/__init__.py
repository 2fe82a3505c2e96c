"""The survey tools' layouts, one profile each (see `b2c_cli.ingest.profile`), and the order they are
tried in. `layouts.detect` asks each in turn whether it recognises an export and lets the first that does
read it; a new tool is one module here and one line in PROFILES."""

from __future__ import annotations

from collections.abc import Callable

from b2c_cli.ingest.profile import Profile, Sheets
from b2c_cli.ingest.profiles import (
    google_forms,
    limesurvey,
    ms_forms,
    plain,
    qualtrics,
    surveymonkey,
    surveyxact,
)

# Why this order:
# - SurveyXact's workbook first: a Dataset sheet beside a Labels sheet says more than any header row can.
# - Then the layouts with more than one header row, strictest first: Qualtrics (StartDate and EndDate with
#   ResponseId or Status, in row 1 or, legacy, row 2), then SurveyMonkey, whose fallback test (a blank
#   under column A and "Response"/"Svar" in row 2) is loose. Both before any one-row profile, which would
#   take their second header row for a response.
# - LimeSurvey, Microsoft Forms and Google Forms each need field names of their own (LimeSurvey two of
#   submitdate, lastpage, ...; Forms ID with start and completion time; Google a Timestamp in column A)
#   that no other tool writes, so their order among themselves does not matter.
# - SurveyXact known by its header late: a single column name (respondentid, or a status flag like
#   stato_4) is its only sign, and another tool's export may carry such a field (Qualtrics embedded data).
# - Plain last: it takes any export.
PROFILES: tuple[Profile, ...] = (
    surveyxact.WORKBOOK,
    qualtrics.PROFILE,
    surveymonkey.PROFILE,
    limesurvey.PROFILE,
    ms_forms.PROFILE,
    google_forms.PROFILE,
    surveyxact.DATASET_XLSX,
    surveyxact.DATASET_CSV,
    plain.PROFILE,
)

# The header row and the rows under it read before the layout is known: as many as any profile looks at.
HEADER_BLOCK = max(profile.reads_rows for profile in PROFILES)


def sheets_in(find: Callable[[str], str | None]) -> Sheets | None:
    """The sheets of the first profile, in the same order, that knows a workbook by its sheets (`find`
    looks a sheet up by name): they say which sheet holds the responses and which side sheets go with it."""
    return next((p.sheets for p in PROFILES if p.sheets is not None and p.sheets.in_workbook(find)), None)
