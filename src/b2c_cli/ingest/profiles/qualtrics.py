"""Qualtrics (CSV/TSV, XLSX).

Three header rows: field names (StartDate, EndDate, Status, IPAddress, Progress, Duration (in seconds),
Finished, RecordedDate, ResponseId, RecipientLastName, ..., DistributionChannel, UserLanguage, Q1, Q2_1,
...), question text (a matrix: "Question - Statement") and `{"ImportId":"QID2_1"}` (the 2016 "Insights"
export writes it with single quotes, `{'ImportId': 'QID2-1'}`, and joins matrix texts with a bare "-").
The older exports have only the first two rows; the oldest ("legacy") number Qualtrics' own fields V1, V2,
... in row 1 and name them (ResponseID, ResponseSet, Name, ..., Status, StartDate, EndDate, Finished) in
row 2, above the question texts.

Status is text ("IP Address", "Survey Preview", "Survey Test", "Spam", "Imported", "Offline") or, with
numeric values, Qualtrics' response type code (0 IP address, 1 preview, 2 test, 4 imported, 8 spam,
9 preview spam, 12 imported spam, 16 offline, 17 offline preview). Previews and generated test responses
are excluded and counted; spam is kept and counted in flagged_rows (Qualtrics only suspects it; analysts
filter it themselves, e.g. `Status != "Spam"`).

Sources: qualtrics.com/support/.../understanding-your-dataset/, docs.ropensci.org/excluder
(qualtrics_fetch: "numeric flag for preview (1)"), public analysis scripts dropping
`Status == "Survey Preview"` and `Status != "Spam"`, github.com/ctesta01/QualtricsTools (sample Insights
and legacy exports).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from b2c_cli.ingest import Cell, Column
from b2c_cli.ingest.profile import Header, Profile, RowRule
from b2c_cli.ingest.text import header_text

META = {
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "responseid",
    "responseset",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "locationaccuracy",
    "distributionchannel",
    "userlanguage",
}
_IMPORT_ID = re.compile(r"""^\{\s*["']ImportId["']\s*:""")
_LEGACY_FIELD = re.compile(r"^v\d+$")  # V1, V2, ...: the legacy export's own fields

_EXCLUDED = {
    "survey preview": "survey-preview",
    "survey preview spam": "survey-preview",
    "offline survey preview": "survey-preview",
    "1": "survey-preview",
    "9": "survey-preview",
    "17": "survey-preview",
    "survey test": "survey-test",
    "2": "survey-test",
}
_FLAGGED = {"spam": "spam", "imported spam": "spam", "8": "spam", "12": "spam"}


def _has_fields(folded: Sequence[str]) -> bool:
    names = set(folded)
    return {"startdate", "enddate"} <= names and bool({"responseid", "status"} & names)


def _is_legacy(header: Header) -> bool:
    """Row 1 numbers the tool's fields V1, V2, ...; row 2 names them."""
    return (
        header.folded[:2] == ("v1", "v2")
        and bool(header.below)
        and _has_fields([text.casefold() for text in header.below[0]])
    )


def _recognises(header: Header) -> bool:
    return bool(header.below) and (_has_fields(header.folded) or _is_legacy(header))


def _header_rows(header: Header) -> int:
    if len(header.below) > 1 and any(_IMPORT_ID.match(text) for text in header.below[1]):
        return 3
    return 2


def _columns(header: Header) -> list[Column]:
    questions = header.below[0]
    legacy = _is_legacy(header)
    columns = []
    for index, name in enumerate(header.names):
        text = questions[index] if index < len(questions) else ""
        folded = header.folded[index]
        is_meta = folded in META or folded.startswith("q_") or (legacy and bool(_LEGACY_FIELD.match(folded)))
        columns.append(Column(index, name, (text,) if text and text != name else (), metadata=is_meta))
    return columns


def _status_column(header: Header) -> int | None:
    """Where Status is: named in row 1, or in a legacy export in row 2."""
    names = [text.casefold() for text in header.below[0]] if _is_legacy(header) else header.folded
    return next((i for i, name in enumerate(names) if name == "status"), None)


def _rule(header: Header) -> RowRule | None:
    status = _status_column(header)
    if status is None:
        return None

    def rule(cells: Sequence[Cell]) -> tuple[str | None, str | None]:
        value = cells[status] if status < len(cells) else ""
        if value == "" or value == 0 or value == "IP Address":
            return None, None
        key = header_text(value).casefold()
        return _EXCLUDED.get(key), _FLAGGED.get(key)

    return rule


PROFILE = Profile("qualtrics", _recognises, _columns, _header_rows, _rule, reads_rows=3)
