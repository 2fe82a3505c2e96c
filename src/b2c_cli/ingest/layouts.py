"""Which tool wrote an export, from its header rows (and, for SurveyXact, its sheets), and its header rows
turned into Columns. Nothing here reads a file: the readers hand over the first rows.

What the tools really write (checked against public examples; URLs below):

- SurveyXact (XLSX): sheets `Dataset` (one header row of variable names, numeric codes in the cells),
  `Labels` (NO header row: variable, value, label; one row per code; labels often carry trailing spaces) and
  `Structure` (header row `questionName, variableName, questionType, subType, questionText, choiceValue,
  choiceText`). A statement in a battery is its own `Single` variable whose questionText is already
  "question - statement"; a `Multiple` variable's text is questionText + " - " + choiceText. Some exports
  name the text sheet `Variables` (header row; variable name, description). The Dataset holds everyone the
  survey was distributed to, with background variables (respondentid, email, name, created, closetime,
  statinternal_N, ...) and status flags `statoverall_1..5` (or short `stato_1..5`: 1 new, 2 distributed,
  3 partially answered, 4 completed, 5 rejected); rows of people who never answered (new, distributed or
  rejected, with neither 3 nor 4) are counted as excluded "not-answered".
  CSV export: dataset.csv, labels.csv and structure.csv as separate files, "European" (semicolon,
  ISO-8859-1/cp1252), comma/ANSI, or tab-separated UTF-16; dataset.csv alone has no labels.
  Sources: github.com/NIFU-NO/readSX (R/read_surveyxact.R, inst/extdata/ex_survey2_*/*.csv),
  github.com/berthott/laravel-sx (src/Services/SxSurveyService.php, tests/Feature/Sxable/structure.csv).
- Microsoft Forms (XLSX, sheet "Sheet1"): ID, Start time, Completion time, Email, Name (Danish UI: Id,
  Starttidspunkt, Tidspunkt for fuldførelse, Mail, Navn; newer forms add Last modified time / Tidspunkt for
  seneste ændring; quizzes add Total points, Quiz feedback, Points - Q, Feedback - Q). Then one column per
  question headed by its title, answers as label text. A Likert question becomes one column per statement
  headed by the statement ALONE (the question text is not exported). Column order can drift from the form's
  order. Sources: github.com/AndrewGodlewsky/AI-Dev-Survey docs/research/microsoft-forms-export.md (quoting
  support.microsoft.com and techcommunity.microsoft.com), github.com/Ketsa143/Design-Thinking
  assets/doc/encuesta.js (a real export as JSON).
- Google Forms (CSV from Sheets, or XLSX): first column Timestamp (Danish: Tidsstempel), then Email Address
  if collected, then one column per question; a grid question gives one column per row: "Question [Row]".
  Source: github.com/lesmana/google-sheet-format-form-grid-responses DEMONSTRATION.md.
- Qualtrics (CSV/TSV, XLSX): three header rows: field names (StartDate, EndDate, Status, IPAddress,
  Progress, Duration (in seconds), Finished, RecordedDate, ResponseId, RecipientLastName, ...,
  DistributionChannel, UserLanguage, Q1, Q2_1, ...), question text (a matrix: "Question - Statement") and
  `{"ImportId":"QID2_1"}`; legacy exports have only the first two. Status is text ("IP Address", "Survey
  Preview", "Survey Test", "Spam", "Imported", "Offline") or, with numeric values, Qualtrics' response type
  code (0 IP address, 1 preview, 2 test, 4 imported, 8 spam, 9 preview spam, 12 imported spam, 16 offline,
  17 offline preview). Previews and generated test responses are excluded and counted; spam is kept and
  counted in flagged_rows (Qualtrics only suspects it; analysts filter it themselves, e.g.
  `Status != "Spam"`). Sources: qualtrics.com/support/.../understanding-your-dataset/,
  docs.ropensci.org/excluder (qualtrics_fetch: "numeric flag for preview (1)"), public analysis scripts
  dropping `Status == "Survey Preview"` and `Status != "Spam"`.
- SurveyMonkey ("All Responses Data", CSV or XLSX): two header rows. Row 1: Respondent ID, Collector ID,
  Start Date, End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1, then each
  question's text over its first column and blanks to the right of it; row 2: blank under the metadata,
  "Response" / "Open-Ended Response" under single columns, the option or matrix row (statement) text under
  each column of a multi-column question. Sources: github.com/expectedparrot/edsl (conjure survey_monkey
  importer, SURVEY_MONKEY_HEADERS), a public SurveyMonkey XLSX importer describing both rows.
- LimeSurvey (CSV, UTF-8 with BOM; also XLSX): id, submitdate, lastpage, startlanguage, seed, (token),
  startdate, datestamp, ipaddr, refurl, then answers; optional timings (interviewtime, groupTime..,
  ..Time). Headings are one of: question code (`Q1`, array subquestions `Q1[SQ001]`), full text ("Question
  text [Subquestion]"), text abbreviated to 15 characters, or code + separator (". ") + text. Metadata
  headings translate in the text modes ("Response ID", "Date submitted", "Last page", ...). Source:
  github.com/LimeSurvey/LimeSurvey application/helpers/admin/export/Writer.php (headingFormat code,
  abbreviated, full, codetext).
- Plain: one header row over the data (hand-made sheets, b2c's own data-entry sheet).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Column, Layout

# (reason the row is excluded, reason it is kept but flagged); both None for an ordinary row.
RowRule = Callable[[Sequence[Cell]], tuple[str | None, str | None]]


@dataclass
class Detected:
    layout: Layout
    columns: list[Column]
    header_rows: int  # rows from the header row down that are header, not data (1-3)
    width: int  # cells kept per row: trailing columns without a header are cut off
    ignored: tuple[int, ...]  # positions below `width` without a header; they must stay empty
    rule: RowRule | None = None


# -- header text ----------------------------------------------------------------------------------------


def header_text(cell: Cell) -> str:
    """A header cell as text: whitespace (also non-breaking spaces and line breaks) trimmed and collapsed,
    otherwise as the file has it. 3.0 (how Excel stores a number) reads as '3'."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime | date | time):
        text = cell.isoformat()
    elif isinstance(cell, timedelta):
        text = str(cell)
    else:
        text = str(cell)
    return " ".join(text.replace("\ufeff", "").split())


def code_text(cell: Cell) -> str:
    """A code from a label sheet as the key Column.labels uses: 1.0 -> '1', ' 2 ' -> '2'."""
    return header_text(cell)


# UTF-8 text decoded as Windows-1252 (or Latin-1) and saved again: each Danish letter becomes two characters,
# the first 'Ã' (or 'Â'), the second what cp1252 makes of a UTF-8 continuation byte (0x80-0xBF): 'æ' -> 'Ã¦',
# 'ø' -> 'Ã¸', 'å' -> 'Ã¥', 'Ø' -> 'Ã˜', 'Å' -> 'Ã…'; typographic quotes and dashes become 'â€' and one more.
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252") if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(byte)
    for byte in range(0x80, 0xC0)
)
_MOJIBAKE = re.compile(f"[ÂÃ][{re.escape(_CONTINUATION)}]|â€[{re.escape(_CONTINUATION)}]")


def mojibake(text: str) -> tuple[str, str] | None:
    """The first piece of garbled text in `text` ('Ã¸') and the letter it stands for ('ø'), or None."""
    found = _MOJIBAKE.search(text)
    if found is None:
        return None
    garbled = found.group()
    return garbled, b"".join(map(_byte, garbled)).decode("utf-8", "replace")


def _byte(char: str) -> bytes:
    """The byte Windows-1252 has for `char` (a byte it leaves undefined stands for itself)."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return bytes([ord(char)])


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# -- detection ------------------------------------------------------------------------------------------

MS_FORMS_META = {
    "id",
    "start time",
    "completion time",
    "email",
    "name",
    "last modified time",
    "starttidspunkt",
    "tidspunkt for fuldførelse",
    "mail",
    "navn",
    "tidspunkt for seneste ændring",
    "total points",
    "quiz feedback",
    "point i alt",
}
GOOGLE_TIMESTAMPS = {"timestamp", "tidsstempel", "zeitstempel", "tidstämpel", "tidsmerke", "horodateur"}
GOOGLE_META = GOOGLE_TIMESTAMPS | {"email address", "e-mailadresse", "score", "point", "username"}
QUALTRICS_META = {
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "responseid",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
}
SURVEYMONKEY_META = {
    "respondent id",
    "collector id",
    "start date",
    "end date",
    "ip address",
    "email address",
    "first name",
    "last name",
}
SURVEYMONKEY_SINGLE = {"response", "open-ended response", "svar", "åbent svar"}
LIMESURVEY_META = {
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "token",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "interviewtime",
}
LIMESURVEY_META_TEXT = {
    "response id",
    "date submitted",
    "last page",
    "start language",
    "seed",
    "date started",
    "date last action",
    "ip address",
    "referrer url",
    "total time",
}
SURVEYXACT_META = {
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
_SURVEYXACT_STATUS = re.compile(
    r"^stat(?:overall|internal|completion|creation|distribution|source|collect|[ocds])?_\d+$"
)
_LIMESURVEY_CODE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*)(?:\. (.+))?$")
_BRACKETED = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]$")


def detect(
    top: Sequence[tuple[int, Sequence[Cell]]],
    *,
    fmt: str,
    side_sheets: Mapping[str, Sequence[Sequence[Cell]]],
    display: str,
) -> Detected:
    """The layout and columns from the header row (`top[0]`) and the rows under it (up to two more)."""
    header_number, header = top[0]
    names = [header_text(cell) for cell in header]
    folded = [name.casefold() for name in names]
    below = [[header_text(cell) for cell in cells] for _, cells in top[1:]]

    if side_sheets:
        detected = _surveyxact(names, side_sheets, "surveyxact-xlsx")
    elif _is_qualtrics(folded, below):
        detected = _qualtrics(names, below)
    elif _is_surveymonkey(folded, below):
        detected = _surveymonkey(names, below[0])
    elif _is_limesurvey(names):
        detected = _limesurvey(names)
    elif (
        "id" in folded
        and {"start time", "starttidspunkt"} & set(folded)
        and ({"completion time", "tidspunkt for fuldførelse"} & set(folded))
    ):
        detected = _simple("ms-forms", names, MS_FORMS_META, quiz=True)
    elif folded and folded[0] in GOOGLE_TIMESTAMPS:
        detected = _simple("google-forms", names, GOOGLE_META, brackets=True)
    elif _is_surveyxact(folded):
        layout: Layout = "surveyxact-csv" if fmt == "csv" else "surveyxact-xlsx"
        detected = _surveyxact(names, {}, layout)
    else:
        detected = _simple("plain", names, set())
    _check_duplicates(detected.columns, f"{display}:{header_number}")
    return detected


def _is_surveyxact(folded: Sequence[str]) -> bool:
    return "respondentid" in folded or any(_SURVEYXACT_STATUS.match(name) for name in folded)


def _is_qualtrics(folded: Sequence[str], below: Sequence[Sequence[str]]) -> bool:
    names = set(folded)
    return bool(below) and {"startdate", "enddate"} <= names and bool({"responseid", "status"} & names)


def _is_surveymonkey(folded: Sequence[str], below: Sequence[Sequence[str]]) -> bool:
    """By its id columns, or (an export in another language) by its second header row: blank under the
    first column, "Response"/"Open-Ended Response" (or the Danish "Svar"/"Åbent svar") under a question."""
    if not below:
        return False
    if {"respondent id", "collector id"} <= set(folded):
        return True
    second = below[0]
    return bool(second) and not second[0] and any(cell.casefold() in SURVEYMONKEY_SINGLE for cell in second)


def _is_limesurvey(names: Sequence[str]) -> bool:
    codes = {_limesurvey_split(name)[0].casefold() for name in names}
    texts = {name.casefold() for name in names}
    return len(codes & {"submitdate", "lastpage", "startlanguage", "datestamp"}) >= 2 or (
        len(texts & LIMESURVEY_META_TEXT) >= 3
    )


def _limesurvey_split(name: str) -> tuple[str, str]:
    """`Q1[SQ001]. Question [Statement]` -> ('Q1[SQ001]', 'Question [Statement]'); a bare code gives
    (code, ''); a heading that is not a code gives ('', heading)."""
    match = _LIMESURVEY_CODE.match(name)
    if match is None:
        return "", name
    return match.group(1), match.group(2) or ""


# -- per layout -----------------------------------------------------------------------------------------


def _finish(layout: Layout, columns: list[Column], header_rows: int, rule: RowRule | None = None) -> Detected:
    named = [column for column in columns if column.name]
    width = named[-1].index + 1 if named else 0
    ignored = tuple(column.index for column in columns if not column.name and column.index < width)
    return Detected(layout, named, header_rows, width, ignored, rule)


def _bracketed(name: str) -> tuple[str, ...]:
    match = _BRACKETED.match(name)
    return (match.group(2).strip(),) if match else ()


def _simple(
    layout: Layout, names: Sequence[str], meta: set[str], *, quiz: bool = False, brackets: bool = False
) -> Detected:
    columns = []
    for index, name in enumerate(names):
        folded = name.casefold()
        is_meta = folded in meta or (quiz and folded.startswith(("points - ", "feedback - ", "point - ")))
        texts = _bracketed(name) if brackets and not is_meta else ()
        columns.append(Column(index, name, texts, metadata=is_meta))
    return _finish(layout, columns, 1)


def _qualtrics(names: Sequence[str], below: Sequence[Sequence[str]]) -> Detected:
    questions = below[0]
    header_rows = 2
    if len(below) > 1 and any(text.startswith('{"ImportId"') for text in below[1]):
        header_rows = 3
    columns = []
    for index, name in enumerate(names):
        text = questions[index] if index < len(questions) else ""
        folded = name.casefold()
        is_meta = folded in QUALTRICS_META or folded.startswith("q_")
        columns.append(Column(index, name, (text,) if text and text != name else (), metadata=is_meta))
    status = next((i for i, name in enumerate(names) if name.casefold() == "status"), None)
    return _finish("qualtrics", columns, header_rows, _qualtrics_rule(status) if status is not None else None)


_QUALTRICS_EXCLUDED = {
    "survey preview": "survey-preview",
    "survey preview spam": "survey-preview",
    "offline survey preview": "survey-preview",
    "1": "survey-preview",
    "9": "survey-preview",
    "17": "survey-preview",
    "survey test": "survey-test",
    "2": "survey-test",
}
_QUALTRICS_FLAGGED = {"spam": "spam", "imported spam": "spam", "8": "spam", "12": "spam"}


def _qualtrics_rule(status: int) -> RowRule:
    def rule(cells: Sequence[Cell]) -> tuple[str | None, str | None]:
        value = cells[status] if status < len(cells) else ""
        if value == "" or value == 0 or value == "IP Address":
            return None, None
        key = header_text(value).casefold()
        return _QUALTRICS_EXCLUDED.get(key), _QUALTRICS_FLAGGED.get(key)

    return rule


def _surveymonkey(names: Sequence[str], subs: Sequence[str]) -> Detected:
    """Row 1's question text is carried right over the blanks of a multi-column question; each such column
    is named "question - option/statement" and has the option/statement alone as a text."""
    columns = []
    question = ""
    for index, name in enumerate(names):
        sub = subs[index] if index < len(subs) else ""
        folded = name.casefold()
        if name:
            question = name
        elif not sub:  # nothing in either header row: no column (cut off, or must stay empty)
            columns.append(Column(index, ""))
            continue
        is_meta = bool(name) and (folded in SURVEYMONKEY_META or folded.startswith("custom data"))
        if is_meta or not question:
            columns.append(Column(index, name, metadata=is_meta))
        elif not sub or sub.casefold() in SURVEYMONKEY_SINGLE:
            columns.append(Column(index, question))
        else:
            columns.append(Column(index, f"{question} - {sub}", (sub,)))
    return _finish("surveymonkey", columns, 2)


def _limesurvey(names: Sequence[str]) -> Detected:
    columns = []
    for index, name in enumerate(names):
        code, text = _limesurvey_split(name)
        folded_code = code.casefold()
        is_meta = (
            folded_code in LIMESURVEY_META
            or name.casefold() in LIMESURVEY_META_TEXT
            or folded_code.startswith("grouptime")
            or (bool(code) and code.endswith("Time") and "[" not in code)
        )
        texts: tuple[str, ...] = ()
        if text and text != name:
            texts = (text, *_bracketed(text))
        elif not code:
            texts = _bracketed(name)
        columns.append(Column(index, name, texts, metadata=is_meta))
    return _finish("limesurvey", columns, 1)


def _surveyxact(
    names: Sequence[str], side: Mapping[str, Sequence[Sequence[Cell]]], layout: Layout
) -> Detected:
    labels = _surveyxact_labels(side.get("labels", ()))
    texts = _surveyxact_texts(side.get("structure", ()), side.get("variables", ()))
    columns = []
    for index, name in enumerate(names):
        folded = name.casefold()
        is_meta = folded in SURVEYXACT_META or bool(_SURVEYXACT_STATUS.match(folded))
        text = texts.get(name) or texts.get(folded)
        columns.append(
            Column(index, name, (text,) if text and text != name else (), labels.get(name), metadata=is_meta)
        )
    return _finish(layout, columns, 1, _surveyxact_rule(names))


def _surveyxact_labels(rows: Sequence[Sequence[Cell]]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for row in rows:
        if len(row) < 3:
            continue
        variable, code, label = header_text(row[0]), code_text(row[1]), header_text(row[2])
        if variable and code:
            labels.setdefault(variable, {})[code] = label
    return labels


def _surveyxact_texts(
    structure: Sequence[Sequence[Cell]], variables: Sequence[Sequence[Cell]]
) -> dict[str, str]:
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


def _surveyxact_rule(names: Sequence[str]) -> RowRule | None:
    """Rows of people who never answered (status new, distributed or rejected, neither partially answered
    nor completed) are not respondents."""
    status: dict[int, int] = {}
    for index, name in enumerate(names):
        match = re.fullmatch(r"stat(?:overall|o)_([1-5])", name.casefold())
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


# -- checks ---------------------------------------------------------------------------------------------


def _check_duplicates(columns: Sequence[Column], where: str) -> None:
    seen: dict[str, list[Column]] = {}
    for column in columns:
        seen.setdefault(column.name.casefold(), []).append(column)
    for same in seen.values():
        if len(same) > 1:
            raise InputError(
                "export-duplicate-header",
                where=where,
                name=same[0].name[:80],
                columns=", ".join(column_letter(c.index) for c in same),
            )
