"""SurveyMonkey ("All Responses Data", CSV or XLSX): two header rows.

Row 1: Respondent ID, Collector ID, Start Date, End Date, IP Address, Email Address, First Name, Last Name,
Custom Data 1, then each question's text over its first column and blanks to the right of it; row 2: blank
under the metadata, "Response" / "Open-Ended Response" (Danish UI: "Svar" / "Åbent svar") under single
columns, the option or matrix row (statement) text under each column of a multi-column question. Older
exports start at StartDate, EndDate without the id columns.

Sources: github.com/expectedparrot/edsl (conjure survey_monkey importer, SURVEY_MONKEY_HEADERS), a public
SurveyMonkey XLSX importer describing both rows, github.com/fivethirtyeight/data (sleeping-alone-data,
star-wars-survey).
"""

from __future__ import annotations

from b2c_cli.ingest import Column
from b2c_cli.ingest.profile import Header, Profile

META = {
    "respondent id",
    "collector id",
    "start date",
    "end date",
    "ip address",
    "email address",
    "first name",
    "last name",
}
SINGLE = {"response", "open-ended response", "svar", "åbent svar"}  # row 2 under a one-column question


def _recognises(header: Header) -> bool:
    """By its id columns, or (an export in another language) by its second header row: blank under the
    first column, "Response"/"Open-Ended Response" (or the Danish "Svar"/"Åbent svar") under a question."""
    if not header.below:
        return False
    if {"respondent id", "collector id"} <= set(header.folded):
        return True
    second = header.below[0]
    return bool(second) and not second[0] and any(cell.casefold() in SINGLE for cell in second)


def _header_rows(header: Header) -> int:
    return 2


def _columns(header: Header) -> list[Column]:
    """Row 1's question text is carried right over the blanks of a multi-column question; each such column
    is named "question - option/statement" and has the option/statement alone as a text."""
    subs = header.below[0]
    columns = []
    question = ""
    for index, name in enumerate(header.names):
        sub = subs[index] if index < len(subs) else ""
        folded = header.folded[index]
        if name:
            question = name
        elif not sub:  # nothing in either header row: no column (cut off, or must stay empty)
            columns.append(Column(index, ""))
            continue
        is_meta = bool(name) and (folded in META or folded.startswith("custom data"))
        if is_meta or not question:
            columns.append(Column(index, name, metadata=is_meta))
        elif not sub or sub.casefold() in SINGLE:
            columns.append(Column(index, question, _unmangled(question)))
        else:
            columns.append(Column(index, f"{question} - {sub}", (sub,)))
    return columns


# Spaces garbled on the way out of SurveyMonkey (a non-breaking space through the wrong code page):
# FiveThirtyEight's "statement:ë_"our sex life ..."ë_" is "statement: "our sex life ..."".
_MANGLED_SPACES = ("ë_",)


def _unmangled(text: str) -> tuple[str, ...]:
    cleaned = text
    for mangled in _MANGLED_SPACES:
        cleaned = cleaned.replace(mangled, " ")
    return (" ".join(cleaned.split()),) if cleaned != text else ()


PROFILE = Profile("surveymonkey", _recognises, _columns, _header_rows, reads_rows=2)
