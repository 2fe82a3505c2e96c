"""SurveyXact, the common Danish tool.

XLSX: sheets `Dataset` (one header row of variable names, numeric codes in the cells), `Labels` (NO header
row: variable, value, label; one row per code; labels often carry trailing spaces) and `Structure` (header
row `questionName, variableName, questionType, subType, questionText, choiceValue, choiceText`). A
statement in a battery is its own `Single` variable whose questionText is already "question - statement";
a `Multiple` variable's text is questionText + " - " + choiceText. Some exports name the text sheet
`Variables` (header row; variable name, description). The Dataset holds everyone the survey was
distributed to, with background variables (respondentid, email, name, created, closetime,
statinternal_N, ...) and status flags `statoverall_1..5` (or short `stato_1..5`: 1 new, 2 distributed,
3 partially answered, 4 completed, 5 rejected); rows of people who never answered (new, distributed or
rejected, with neither 3 nor 4) are counted as excluded "not-answered".

CSV export: dataset.csv, labels.csv and structure.csv as separate files, "European" (semicolon,
ISO-8859-1/cp1252), comma/ANSI, or tab-separated UTF-16; dataset.csv alone has no labels, so the workbook
names the columns and codes.

Sources: github.com/NIFU-NO/readSX (R/read_surveyxact.R, inst/extdata/ex_survey2_*/*.csv),
github.com/berthott/laravel-sx (src/Services/SxSurveyService.php, tests/Feature/Sxable/structure.csv).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from b2c_cli.ingest import Cell, Column
from b2c_cli.ingest.profile import CSV, XLSX, Header, Profile, RowRule, Sheets
from b2c_cli.ingest.text import code_text, header_text

SHEETS = Sheets(responses="Dataset", required=("Labels",), optional=("Structure", "Variables"))

META = {
    "respondentid",
    "survey",
    "organization",
    "created",
    "modified",
    "closetime",
    "starttime",
    "difftime",
    "responsecollectsessions",
    "numberofreturnedmail",
    "importgroup",
    "distributionschedule",
    "email",
    "name",
    "digitaldistributionstatus",
    "digitaldistributionerrormessage",
    "lang",
}
# SurveyXact's status flags, full (statoverall_4) or cut to eight characters (stato_4, statc_1, stat_21).
_STATUS = re.compile(
    r"^stat(?:overall|internal|completion|creation|distribution|source|collect|[ocds])?_\d+$"
)


def _by_sheets(header: Header) -> bool:
    return SHEETS.were_read(header.side_sheets)


def _by_header(header: Header) -> bool:
    """A respondentid column or a status flag: a Dataset without its side sheets, or dataset.csv."""
    return "respondentid" in header.folded or any(_STATUS.match(name) for name in header.folded)


def _columns(header: Header) -> list[Column]:
    side = header.side_sheets
    labels = _labels(side.get("Labels", ()))
    texts = _texts(side.get("Structure", ()), side.get("Variables", ()))
    columns = []
    for index, name in enumerate(header.names):
        folded = header.folded[index]
        is_meta = folded in META or bool(_STATUS.match(folded))
        text = texts.get(name) or texts.get(folded)
        columns.append(
            Column(index, name, (text,) if text and text != name else (), labels.get(name), metadata=is_meta)
        )
    return columns


def _labels(rows: Sequence[Sequence[Cell]]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for row in rows:
        if len(row) < 3:
            continue
        variable, code, label = header_text(row[0]), code_text(row[1]), header_text(row[2])
        if variable and code:
            labels.setdefault(variable, {})[code] = label
    return labels


def _texts(structure: Sequence[Sequence[Cell]], variables: Sequence[Sequence[Cell]]) -> dict[str, str]:
    """variable name -> the question (statement) text residents saw."""
    texts: dict[str, str] = {}
    if structure:
        head = [header_text(cell).casefold() for cell in structure[0]]
        at = {name: i for i, name in enumerate(head)}
        if "variablename" in at and "questiontext" in at:
            for row in structure[1:]:
                cells = [header_text(cell) for cell in row]
                variable, text = _field(cells, at, "variablename"), _field(cells, at, "questiontext")
                choice = _field(cells, at, "choicetext")
                if _field(cells, at, "subtype").casefold() == "multiple" and choice:
                    text = f"{text} - {choice}"
                if variable and text:
                    texts[variable] = text
                    question = _field(cells, at, "questionname")
                    if question and question != variable:  # short variable names (stat_1) vs full ones
                        texts.setdefault(question.casefold(), text)
    for row in variables[1:]:
        if len(row) >= 2:
            variable, text = header_text(row[0]), header_text(row[1])
            if variable and text:
                texts.setdefault(variable, text)
    return texts


def _field(cells: Sequence[str], at: Mapping[str, int], key: str) -> str:
    index = at.get(key)
    return cells[index] if index is not None and index < len(cells) else ""


def _rule(header: Header) -> RowRule | None:
    """Rows of people who never answered (status new, distributed or rejected, neither partially answered
    nor completed) are not respondents."""
    status: dict[int, int] = {}
    for index, name in enumerate(header.folded):
        match = re.fullmatch(r"stat(?:overall|o)_([1-5])", name)
        if match:
            status[int(match.group(1))] = index
    if not {3, 4} <= set(status) or not {1, 2, 5} & set(status):
        return None
    answered = (status[3], status[4])
    unanswered = tuple(status[n] for n in (1, 2, 5) if n in status)

    def rule(cells: Sequence[Cell]) -> tuple[str | None, str | None]:
        if any(_is_one(cells[i]) for i in answered):
            return None, None
        if any(_is_one(cells[i]) for i in unanswered):
            return "not-answered", None
        return None, None

    return rule


def _is_one(cell: Cell) -> bool:
    return cell == 1 or cell == "1"


# The workbook with its side sheets: the sheets decide, whatever the Dataset's header holds.
WORKBOOK = Profile("surveyxact-xlsx", _by_sheets, _columns, row_rule=_rule, formats=XLSX, sheets=SHEETS)
# The Dataset alone (a copy of the sheet, or one without Labels) and dataset.csv: known by the header.
DATASET_XLSX = Profile("surveyxact-xlsx", _by_header, _columns, row_rule=_rule, formats=XLSX)
DATASET_CSV = Profile("surveyxact-csv", _by_header, _columns, row_rule=_rule, formats=CSV)
