"""Realistic survey exports, generated: one per tool's layout (see b2c_cli/ingest/profiles/ for what each
tool writes), as XLSX (openpyxl) or CSV (csv module) in any encoding and delimiter.

    path = make_export(tmp_path, "google-forms", STATEMENTS, [["Helt enig", "Ved ikke", None], ...])

`answers_rows` holds one row per respondent with one answer label (or None for a blank) per statement.
SurveyXact layouts store codes instead (Helt enig = 1 ... Helt uenig = 5, Ved ikke = 6 unless `codes` says
otherwise) and, for XLSX, the Labels and Structure sheets that explain them. Metadata columns (ids, times,
names, e-mails) are filled with made-up people. Used by the ingest tests and the scoring tests.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from b2c_cli.ingest import Cell

LABELS = ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig", "Ved ikke")
LABELS_EN = (
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
    "Don't know",
)
CODES = {label: code for code, label in enumerate(LABELS, start=1)}  # Helt enig = 1 ... Ved ikke = 6
QUESTION = "Hvor enig eller uenig er du i følgende udsagn?"
STATEMENTS = (
    "Jeg har tillid til mine naboer",
    "Jeg føler mig som en del af fællesskabet i Hedemarken",
    "Jeg er med til at skabe aktiviteter i området",
)
ANSWERS = (
    ("Helt enig", "Delvis enig", "Ved ikke"),
    ("Delvis uenig", "Helt enig", None),
    ("Hverken enig eller uenig", "Helt uenig", "Delvis enig"),
)
PEOPLE = (
    ("Mette Sørensen", "mette.sorensen@example.dk"),
    ("Jørgen Ærø", "jorgen.aero@example.dk"),
    ("Åse Østergaard", "aase.ostergaard@example.dk"),
    ("Ahmed Hansen", "ahmed.hansen@example.dk"),
)
START = datetime(2025, 3, 3, 9, 0, 0)

LAYOUTS = (
    "surveyxact-xlsx",
    "surveyxact-csv",
    "ms-forms",
    "google-forms",
    "qualtrics",
    "surveymonkey",
    "limesurvey",
    "plain",
)
DEFAULT_FORMAT = {
    "surveyxact-xlsx": "xlsx",
    "surveyxact-csv": "csv",
    "ms-forms": "xlsx",
    "google-forms": "csv",
    "qualtrics": "csv",
    "surveymonkey": "xlsx",
    "limesurvey": "csv",
    "plain": "xlsx",
}
# What each tool writes when it writes CSV: (encoding, delimiter).
DEFAULT_CSV = {
    "surveyxact-xlsx": ("utf-16-le", "\t"),
    "surveyxact-csv": ("utf-16-le", "\t"),
    "ms-forms": ("utf-8-sig", ","),
    "google-forms": ("utf-8", ","),
    "qualtrics": ("utf-8-sig", ","),
    "surveymonkey": ("utf-8", ","),
    "limesurvey": ("utf-8-sig", ","),
    "plain": ("cp1252", ";"),
}
SHEET_NAMES = {"ms-forms": "Sheet1", "google-forms": "Formularsvar 1", "plain": "Besvarelser"}

Rows = list[list[Cell]]


def make_export(
    tmp_path: Path,
    layout: str,
    statements: Sequence[str] = STATEMENTS,
    answers_rows: Sequence[Sequence[str | None]] = ANSWERS,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    filename: str | None = None,
    question: str = QUESTION,
    extra_columns: Mapping[str, Sequence[Cell]] | None = None,
    statuses: Sequence[str] | None = None,
    codes: Mapping[str, int] | None = None,
    not_answered: int = 0,
    danish: bool = False,
    headings: str = "full",
) -> Path:
    """Write an export in `layout` and return its path.

    fmt: "xlsx" or "csv" (default: what the tool usually gives). encoding / delimiter: for CSV, default the
    tool's own (utf-8, utf-8-sig, utf-16-le, utf-16-be - both with a BOM - or cp1252). filename: default
    "<layout>.<fmt>" (give another suffix to test renamed files). extra_columns: more columns (e.g.
    {"Afdeling": [...]}) placed before the statements, one value per respondent. statuses: Qualtrics' Status
    per respondent (default "IP Address"). codes: SurveyXact's label -> code table. not_answered: SurveyXact
    rows of people who never answered. danish: Microsoft Forms / Google Forms with the Danish UI's headers.
    headings: LimeSurvey's heading format: "code", "full" or "codetext".
    """
    fmt = fmt or DEFAULT_FORMAT[layout]
    sheets = build_sheets(
        layout,
        statements,
        answers_rows,
        fmt=fmt,
        question=question,
        extra_columns=extra_columns or {},
        statuses=statuses,
        codes=codes or CODES,
        not_answered=not_answered,
        danish=danish,
        headings=headings,
    )
    path = tmp_path / (filename or f"{layout}.{fmt}")
    if fmt == "xlsx":
        write_xlsx(path, sheets)
    else:
        default_encoding, default_delimiter = DEFAULT_CSV[layout]
        write_csv(
            path, next(iter(sheets.values())), encoding or default_encoding, delimiter or default_delimiter
        )
    return path


def build_sheets(
    layout: str,
    statements: Sequence[str],
    answers_rows: Sequence[Sequence[str | None]],
    *,
    fmt: str = "xlsx",
    question: str = QUESTION,
    extra_columns: Mapping[str, Sequence[Cell]] | None = None,
    statuses: Sequence[str] | None = None,
    codes: Mapping[str, int] | None = None,
    not_answered: int = 0,
    danish: bool = False,
    headings: str = "full",
) -> dict[str, Rows]:
    """The sheets of an export (sheet name -> rows, header rows included); the first is the data."""
    extra = extra_columns or {}
    extra_names = list(extra)
    n = len(answers_rows)

    def extras(i: int) -> list[Cell]:
        return [extra[name][i] for name in extra_names]

    def answers(i: int) -> list[Cell]:
        return ["" if a is None else a for a in answers_rows[i]]

    def when(i: int, minutes: int = 0) -> Cell:
        moment = START + timedelta(hours=i, minutes=minutes)
        return moment if fmt == "xlsx" else moment.strftime("%Y-%m-%d %H:%M:%S")

    if layout in ("surveyxact-xlsx", "surveyxact-csv"):
        return _surveyxact(
            layout, statements, answers_rows, question, extra, codes or CODES, not_answered, fmt
        )
    if layout == "plain":
        rows: Rows = [["Respondent", *extra_names, *statements]]
        rows += [[i + 1, *extras(i), *answers(i)] for i in range(n)]
        return {SHEET_NAMES["plain"]: rows}
    if layout == "ms-forms":
        meta = (
            [
                "Id",
                "Starttidspunkt",
                "Tidspunkt for fuldførelse",
                "Mail",
                "Navn",
                "Tidspunkt for seneste ændring",
            ]
            if danish
            else ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
        )
        rows = [[*meta, *extra_names, *statements]]
        for i in range(n):
            name, mail = PEOPLE[i % len(PEOPLE)]
            rows.append([i + 1, when(i), when(i, 4), mail, name, "", *extras(i), *answers(i)])
        return {SHEET_NAMES["ms-forms"]: rows}
    if layout == "google-forms":
        meta = ["Tidsstempel", "E-mailadresse"] if danish else ["Timestamp", "Email Address"]
        rows = [[*meta, *extra_names, *(f"{question} [{s}]" for s in statements)]]
        for i in range(n):
            stamp = (START + timedelta(hours=i)).strftime("%d/%m/%Y %H.%M.%S")
            rows.append([stamp, PEOPLE[i % len(PEOPLE)][1], *extras(i), *answers(i)])
        return {SHEET_NAMES["google-forms"]: rows}
    if layout == "qualtrics":
        return {"Sheet0": _qualtrics(statements, answers_rows, question, extra, statuses, fmt)}
    if layout == "surveymonkey":
        return {"Sheet": _surveymonkey(statements, answers_rows, question, extra, fmt)}
    if layout == "limesurvey":
        return {"results": _limesurvey(statements, answers_rows, question, extra, headings, fmt)}
    raise ValueError(f"unknown layout {layout!r}")


def _qualtrics(
    statements: Sequence[str],
    answers_rows: Sequence[Sequence[str | None]],
    question: str,
    extra: Mapping[str, Sequence[Cell]],
    statuses: Sequence[str] | None,
    fmt: str,
) -> Rows:
    names = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished"]
    names += ["RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail"]
    names += [
        "ExternalReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
    ]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)"]
    texts += ["Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name"]
    texts += ["Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude"]
    texts += ["Distribution Channel", "User Language"]
    ids = [f'{{"ImportId":"{name[0].lower() + name[1:]}"}}' for name in names]
    ids[0] = '{"ImportId":"startDate","timeZone":"Europe/Copenhagen"}'
    extra_names = list(extra)
    rows: Rows = [
        [*names, *extra_names, *(f"Q1_{k}" for k in range(1, len(statements) + 1))],
        [*texts, *extra_names, *(f"{question} - {s}" for s in statements)],
        [*ids, *(f'{{"ImportId":"QID{9 + k}_TEXT"}}' for k in range(len(extra_names))), *_qids(statements)],
    ]
    for i, answer_row in enumerate(answers_rows):
        status = statuses[i] if statuses is not None else "IP Address"
        name, mail = PEOPLE[i % len(PEOPLE)]
        first, last = name.split(" ", 1)
        start = START + timedelta(hours=i)
        stamp = start.strftime("%Y-%m-%d %H:%M:%S")
        end = (start + timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S")
        meta: list[Cell] = [stamp, end, status, f"192.0.2.{i + 1}", "100", "183", "True", end, f"R_{i:015d}"]
        meta += [last, first, mail, "", "55.676", "12.568", "preview" if "Preview" in status else "anonymous"]
        meta += ["DA"]
        rows.append(
            [*meta, *(extra[name][i] for name in extra_names), *("" if a is None else a for a in answer_row)]
        )
    return rows


def _qids(statements: Sequence[str]) -> list[str]:
    return [f'{{"ImportId":"QID1_{k}"}}' for k in range(1, len(statements) + 1)]


def _surveymonkey(
    statements: Sequence[str],
    answers_rows: Sequence[Sequence[str | None]],
    question: str,
    extra: Mapping[str, Sequence[Cell]],
    fmt: str,
) -> Rows:
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address"]
    meta += ["First Name", "Last Name", "Custom Data 1"]
    extra_names = list(extra)
    first: list[Cell] = [*meta, *extra_names, question, *([""] * (len(statements) - 1))]
    second: list[Cell] = [*([""] * len(meta)), *(["Response"] * len(extra_names)), *statements]
    rows: Rows = [first, second]
    for i, answer_row in enumerate(answers_rows):
        name, mail = PEOPLE[i % len(PEOPLE)]
        given, family = name.split(" ", 1)
        start = START + timedelta(hours=i)
        stamp: Cell = start if fmt == "xlsx" else start.strftime("%m/%d/%Y %I:%M:%S %p")
        values: list[Cell] = [
            11489000000 + i,
            405000000,
            stamp,
            stamp,
            f"192.0.2.{i + 1}",
            mail,
            given,
            family,
            "",
        ]
        rows.append(
            [*values, *(extra[n][i] for n in extra_names), *("" if a is None else a for a in answer_row)]
        )
    return rows


def _limesurvey(
    statements: Sequence[str],
    answers_rows: Sequence[Sequence[str | None]],
    question: str,
    extra: Mapping[str, Sequence[Cell]],
    headings: str,
    fmt: str,
) -> Rows:
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    texts = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started"]
    texts += ["Date last action"]
    subs = [f"Q1[SQ{k:03d}]" for k in range(1, len(statements) + 1)]
    full = [f"{question} [{s}]" for s in statements]
    if headings == "code":
        header = [*codes, *extra, *subs]
    elif headings == "codetext":
        header = [*(f"{c}. {t}" for c, t in zip(codes, texts, strict=True)), *(f"{e}. {e}" for e in extra)]
        header += [f"{c}. {t}" for c, t in zip(subs, full, strict=True)]
    else:
        header = [*texts, *extra, *full]
    rows: Rows = [list(header)]
    for i, answer_row in enumerate(answers_rows):
        stamp = (START + timedelta(hours=i)).strftime("%Y-%m-%d %H:%M:%S")
        meta: list[Cell] = [str(i + 1), stamp, "2", "da", str(1000 + i), stamp, stamp]
        rows.append([*meta, *(extra[n][i] for n in extra), *("" if a is None else a for a in answer_row)])
    return rows


def _surveyxact(
    layout: str,
    statements: Sequence[str],
    answers_rows: Sequence[Sequence[str | None]],
    question: str,
    extra: Mapping[str, Sequence[Cell]],
    codes: Mapping[str, int],
    not_answered: int,
    fmt: str,
) -> dict[str, Rows]:
    variables = [f"s_{k}" for k in range(1, len(statements) + 1)]
    extra_names = list(extra)
    status = [f"statoverall_{k}" for k in range(1, 6)]
    header: list[Cell] = ["respondentid", "email", "name", *extra_names, *variables, *status]
    data: Rows = [header]

    def code(answer: str | None) -> Cell:
        if answer is None:
            return ""
        return codes[answer] if fmt == "xlsx" else str(codes[answer])

    def flag(on: bool) -> Cell:
        value = 1 if on else 0
        return value if fmt == "xlsx" else str(value)

    for i, answer_row in enumerate(answers_rows):
        name, mail = PEOPLE[i % len(PEOPLE)]
        respondent: Cell = 90000000 + i if fmt == "xlsx" else str(90000000 + i)
        flags = [flag(k == 4) for k in range(1, 6)]
        data.append(
            [respondent, mail, name, *(extra[n][i] for n in extra_names), *map(code, answer_row), *flags]
        )
    for j in range(not_answered):
        respondent = 90009000 + j if fmt == "xlsx" else str(90009000 + j)
        flags = [flag(k == 2) for k in range(1, 6)]
        data.append([respondent, "", "", *([""] * len(extra_names)), *([""] * len(variables)), *flags])
    if layout == "surveyxact-csv" or fmt == "csv":
        return {"Dataset": data}
    labels: Rows = []
    for variable in variables:
        for label, number in sorted(codes.items(), key=lambda item: item[1]):
            labels.append([variable, number, f"{label} "])  # SurveyXact keeps trailing spaces in labels
    for k in range(1, 6):
        labels += [[f"statoverall_{k}", 0, "Ikke valgt"], [f"statoverall_{k}", 1, "Valgt"]]
    structure: Rows = [
        [
            "questionName",
            "variableName",
            "questionType",
            "subType",
            "questionText",
            "choiceValue",
            "choiceText",
        ]
    ]
    for variable, statement in zip(variables, statements, strict=True):
        structure.append([variable, variable, "Closed", "Single", f"{question} - {statement}", "", ""])
    states = ("Ny", "Distribueret", "Delvist besvaret", "Gennemført", "Afvist")
    for k, state in enumerate(states, start=1):
        structure.append(
            ["statoverall", f"statoverall_{k}", "Closed", "Multiple", "Overordnet status", k, state]
        )
    return {"Dataset": data, "Labels": labels, "Structure": structure}


def write_xlsx(
    path: Path, sheets: Mapping[str, Sequence[Sequence[Cell]]], hidden: Sequence[str] = ()
) -> Path:
    """Each sheet's rows from A1; '' and None become empty cells."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
        if name in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    return path


def write_csv(
    path: Path,
    rows: Sequence[Sequence[Cell]],
    encoding: str = "utf-8",
    delimiter: str = ",",
    *,
    quoting: int = csv.QUOTE_MINIMAL,
    prefix: str = "",
) -> Path:
    """CSV in `encoding`: utf-8, utf-8-sig, utf-16-le / utf-16-be (written with a BOM, as tools do; add
    '-nobom' to leave it out) or cp1252. `prefix` goes before the first row (e.g. "sep=;\\r\\n")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    text = prefix + buffer.getvalue()
    if encoding.startswith("utf-16"):
        codec = encoding.removesuffix("-nobom")
        data = ("" if encoding.endswith("-nobom") else "\ufeff").encode(codec) + text.encode(codec)
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path
