"""Writes the export file and the part3-evaluation.yaml of every case in tests/cases/exports/ (run once;
the files are committed, and running it again writes the same bytes):

    .venv/bin/python tests/cases/exports/generate.py

Each case is one function below that lays out what its tool really writes (see
src/b2c_cli/ingest/profiles/ for the sources): the tool's own metadata columns, header rows, codes and
quirks, with invented residents. The expected outcomes (`expected.yaml`) are NOT written here: they are
worked out by hand from the answer tables below, so the test checks b2c against an independent count.

Answers are written as HE (Helt enig), DE (Delvis enig), HV (Hverken enig eller uenig), DU (Delvis uenig),
HU (Helt uenig), VI (Ved ikke) and - (blank), one string per respondent for the three statements B
(belonging), T (trust), C (co-creation), in that order.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
Cell = str | int | float | datetime | None
Rows = list[list[Cell]]

QUESTION = "Hvor enig eller uenig er du i følgende udsagn?"
B = "Siden Nortec kom til området, er jeg blevet mere stolt af at fortælle, hvor jeg bor"
T = "Siden Nortec kom til området, har jeg fået større tillid til mine naboer"
C = "Efter jeg har deltaget i Nortecs aktiviteter, føler jeg, at jeg bedre kan bidrage til lokalområdet"
STATEMENTS = (B, T, C)

DA = {"HE": "Helt enig", "DE": "Delvis enig", "HV": "Hverken enig eller uenig", "DU": "Delvis uenig"}
DA |= {"HU": "Helt uenig", "VI": "Ved ikke"}
EN = {"HE": "Strongly agree", "DE": "Agree", "HV": "Neither agree nor disagree", "DU": "Disagree"}
EN |= {"HU": "Strongly disagree", "VI": "Don't know"}
DA_OTHER = {"HE": "Meget enig", "DE": "Enig", "HV": "Hverken enig eller uenig", "DU": "Uenig"}
DA_OTHER |= {"HU": "Meget uenig", "VI": "Ved ikke/ikke relevant"}
NUMBERED = {"HE": "5 - Helt enig", "DE": "4 - Delvist enig", "HV": "3 - Hverken enig eller uenig"}
NUMBERED |= {"DU": "2 - Delvist uenig", "HU": "1 - Helt uenig", "VI": "Ved ikke"}
CODES_DOWN = {"HE": 1, "DE": 2, "HV": 3, "DU": 4, "HU": 5, "VI": 6}  # SurveyXact's usual numbering
CODES_UP = {"HU": 1, "DU": 2, "HV": 3, "DE": 4, "HE": 5, "VI": 9}

AGES = ("Under 25 år", "25-39 år", "40-64 år", "65 år eller derover")
PEOPLE = (
    ("Mette Sørensen", "mette.sorensen@example.dk"),
    ("Jørgen Ærø", "jorgen.aero@example.dk"),
    ("Åse Østergaard", "aase.ostergaard@example.dk"),
    ("Ahmed Hansen", "ahmed.hansen@example.dk"),
    ("Fatima Jensen", "fatima.jensen@example.dk"),
    ("Lars Bøgh", "lars.bogh@example.dk"),
    ("Birgit Kjær", "birgit.kjaer@example.dk"),
    ("Omar Nielsen", "omar.nielsen@example.dk"),
    ("Grethe Løvstrøm", "grethe.lovstrom@example.dk"),
)
START = datetime(2025, 3, 3, 9, 14, 0)
FIXED_TIME = (2025, 1, 1, 0, 0, 0)  # every zip entry's time, so a workbook is the same bytes every run


def answers(row: str) -> list[str]:
    """'HE DE -' -> the three answer codes ('-' for a blank)."""
    codes = row.split()
    assert len(codes) == 3, row
    return codes


def labelled(row: str, labels: Mapping[str, str]) -> list[Cell]:
    return ["" if code == "-" else labels[code] for code in answers(row)]


def coded(row: str, codes: Mapping[str, int], text: bool) -> list[Cell]:
    return ["" if code == "-" else (str(codes[code]) if text else codes[code]) for code in answers(row)]


def when(i: int, minutes: int = 0) -> datetime:
    return START + timedelta(days=i // 3, hours=i, minutes=minutes)


# -- writers --------------------------------------------------------------------------------------------


def write_xlsx(
    path: Path, sheets: Mapping[str, Rows], merged: Mapping[str, Sequence[str]] | None = None
) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
        for cells in (merged or {}).get(name, ()):
            sheet.merge_cells(cells)
    workbook.properties.creator = "b2c tests"
    workbook.properties.created = workbook.properties.modified = datetime(2025, 1, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    _same_bytes_every_run(buffer.getvalue(), path)


def _same_bytes_every_run(data: bytes, path: Path) -> None:
    """openpyxl stamps the save time into docProps/core.xml and every zip entry; fix both."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                text = content.decode()
                start = text.index("<dcterms:modified")
                end = text.index("</dcterms:modified>") + len("</dcterms:modified>")
                stamp = '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified>'
                content = (text[:start] + stamp + text[end:]).encode()
            out.writestr(zipfile.ZipInfo(entry.filename, FIXED_TIME), content, zipfile.ZIP_DEFLATED)


def write_csv(
    path: Path, rows: Rows, encoding: str, delimiter: str, *, quoting: int = csv.QUOTE_MINIMAL
) -> None:
    """As the tool writes it: CRLF line ends; utf-16-le with its BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    text = buffer.getvalue()
    data = ("\ufeff" + text).encode("utf-16-le") if encoding == "utf-16-le" else text.encode(encoding)
    path.write_bytes(data)


def write_part3(
    folder: Path,
    *,
    columns: Sequence[str] | None = None,
    codes: Mapping[str, int] | None = None,
    labels: Mapping[str, str] = DA,
) -> None:
    """The workbook's Part 3 for a case: the guide's three fixed indicators, one statement each (with the
    export's column names when the texts alone cannot find them), and the codes a code-only export needs."""
    indicators = (
        (
            "belonging",
            "Tilhørsforhold (versus isolation)",
            "% der oplever tilhørsforhold til deres nabolag",
            85,
        ),
        ("trust", "Tillid (versus mistænksomhed)", "% der stoler på deres naboer", 80),
        (
            "co-creation",
            "Medskabende (versus ikke-deltager)",
            "% der føler, de bliver hørt og involveret",
            75,
        ),
    )
    lines = [
        "# yaml-language-server: $schema=.b2c/schema/part3.schema.json",
        "# Part 3 of an export case: only what scoring needs (tests/cases/exports/README.md).",
        "periods:",
        '  - id: "baseline"',
        "    year: 2024",
        '  - id: "2025"',
        "    year: 2025",
        "",
        "indicators:",
    ]
    for k, (indicator, name, kpi, target) in enumerate(indicators):
        lines += [
            f"  - id: {indicator}",
            f'    name: "{name}"',
            "    kind: survey",
            "    esrs: S3",
            f'    kpi: "{kpi}"',
            "    target:",
            f"      value: {target}",
            "    items:",
            f'      - text: "{STATEMENTS[k]}"',
        ]
        if columns is not None:
            lines.append(f'        column: "{columns[k]}"')
    lines += ["", "survey:", "  disclosure_threshold: 5"]
    if codes is not None:
        lines.append("  codes:")
        lines += [
            f'    {number}: "{labels[code]}"' for code, number in sorted(codes.items(), key=lambda c: c[1])
        ]
    (folder / "part3-evaluation.yaml").write_text("\n".join(lines) + "\n", "utf-8")


# -- SurveyXact -----------------------------------------------------------------------------------------


def surveyxact_labels(variables: Sequence[str], codes: Mapping[str, int], flags: Sequence[str]) -> Rows:
    """The Labels sheet: no header row; variable, value, label; SurveyXact keeps a trailing space."""
    rows: Rows = []
    for variable in variables:
        for code, number in sorted(codes.items(), key=lambda c: c[1]):
            rows.append([variable, number, f"{DA[code]} "])
    for k, age in enumerate(AGES, start=1):
        rows.append(["alder", k, f"{age} "])
    for flag in flags:
        rows += [[flag, 0, "Ikke valgt "], [flag, 1, "Valgt "]]
    return rows


def surveyxact_structure(variables: Sequence[str], flags: Sequence[str]) -> Rows:
    rows: Rows = [["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue"]]
    rows[0].append("choiceText")
    rows.append(["alder", "alder", "Closed", "Single", "Hvor gammel er du?", "", ""])
    for variable, statement in zip(variables, STATEMENTS, strict=True):
        rows.append([variable, variable, "Closed", "Single", f"{QUESTION} - {statement}", "", ""])
    states = ("Ny", "Distribueret", "Delvist besvaret", "Gennemført", "Afvist")
    for k, (flag, state) in enumerate(zip(flags, states, strict=True), start=1):
        rows.append([flag.rsplit("_", 1)[0], flag, "Closed", "Multiple", "Overordnet status", k, state])
    return rows


def surveyxact_dataset(
    people: Sequence[tuple[int, str]],
    variables: Sequence[str],
    codes: Mapping[str, int],
    flags: Sequence[str],
    *,
    text: bool,
) -> Rows:
    """`people`: (status 1-5, answers); status 1 new, 2 distributed, 3 partly answered, 4 completed,
    5 rejected. Everyone the survey went to is a row; a background variable (alder) and the flags."""
    header: list[Cell] = [
        "respondentid",
        "email",
        "name",
        "created",
        "closetime",
        "alder",
        *variables,
        *flags,
    ]
    rows: Rows = [header]
    for i, (status, row) in enumerate(people):
        name, mail = PEOPLE[i % len(PEOPLE)]
        answered = status in (3, 4)
        respondent: Cell = 41_200_311 + i * 7
        created: Cell = datetime(2025, 2, 24, 8, 0, 0)
        closed: Cell = when(i) if answered else ""
        age: Cell = (i % 4) + 1 if answered else ""
        flag_values: list[Cell] = [int(k == status) for k in range(1, 6)]
        cells = coded(row, codes, text) if answered else ["", "", ""]
        if text:
            respondent, age = str(respondent), str(age)
            created = created.strftime("%d-%m-%Y %H:%M:%S")
            closed = closed.strftime("%d-%m-%Y %H:%M:%S") if isinstance(closed, datetime) else ""
            flag_values = [str(v) for v in flag_values]
        rows.append([respondent, mail, name, created, closed, age, *cells, *flag_values])
    return rows


FULL_FLAGS = tuple(f"statoverall_{k}" for k in range(1, 6))
SHORT_FLAGS = tuple(f"stato_{k}" for k in range(1, 6))  # cut to eight characters, as some exports are


def sx_dataset_labels_structure(folder: Path) -> None:
    people = [
        (4, "HE DE HE"),
        (4, "DE DE VI"),
        (4, "HV HE DE"),
        (2, "- - -"),
        (4, "DU HU HE"),
        (3, "HE - -"),
        (4, "VI DE DU"),
        (2, "- - -"),
        (4, "HE HE HE"),
    ]
    variables = ("s_1", "s_2", "s_3")
    write_xlsx(
        folder / "export.xlsx",
        {
            "Dataset": surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=False),
            "Labels": surveyxact_labels(variables, CODES_DOWN, FULL_FLAGS),
            "Structure": surveyxact_structure(variables, FULL_FLAGS),
        },
    )
    write_part3(folder)


def sx_short_flags_codes_upward_variables(folder: Path) -> None:
    people = [
        (4, "HE DE HE"),
        (5, "- - -"),
        (4, "HV VI DE"),
        (3, "DU - -"),
        (4, "VI HE HU"),
        (1, "- - -"),
        (4, "DE DE DU"),
    ]
    variables = ("tilhoer", "tillid", "medskab")
    variable_texts: Rows = [["Variable", "Description"], ["alder", "Hvor gammel er du?"]]
    variable_texts += [[v, s] for v, s in zip(variables, STATEMENTS, strict=True)]
    write_xlsx(
        folder / "export.xlsx",
        {  # sheets in the order this export has them: Labels first
            "Labels": surveyxact_labels(variables, CODES_UP, SHORT_FLAGS),
            "Dataset": surveyxact_dataset(people, variables, CODES_UP, SHORT_FLAGS, text=False),
            "Variables": variable_texts,
        },
    )
    write_part3(folder)


def sx_dataset_sheet_alone(folder: Path) -> None:
    people = [(4, "HE DE HE"), (4, "DE VI HV"), (2, "- - -"), (4, "HU HE -"), (4, "HE HE DE")]
    variables = ("s_1", "s_2", "s_3")
    dataset = surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=False)
    write_xlsx(folder / "export.xlsx", {"Ark1": dataset})  # the Dataset copied into a new workbook
    write_part3(folder, columns=variables, codes=CODES_DOWN)


def sx_degree_scale_labels(folder: Path) -> None:
    """The trust statement asked on a degree scale (I meget høj grad ... Slet ikke), not an agree scale."""
    people = [(4, "HE DE HE"), (4, "DE DE VI"), (4, "HV HE DE")]
    variables = ("s_1", "s_2", "s_3")
    labels = surveyxact_labels(variables, CODES_DOWN, FULL_FLAGS)
    degree = ("I meget høj grad", "I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke")
    for row in labels:
        if row[0] == "s_2":
            row[2] = f"{degree[int(row[1]) - 1]} "
    write_xlsx(
        folder / "export.xlsx",
        {
            "Dataset": surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=False),
            "Labels": labels,
            "Structure": surveyxact_structure(variables, FULL_FLAGS),
        },
    )
    write_part3(folder)


def sxc_european_semicolon_cp1252(folder: Path) -> None:
    people = [(4, "HE HE DE"), (4, "HV DE VI"), (2, "- - -"), (4, "DE HU HE"), (3, "VI - -"), (4, "DU DE DE")]
    variables = ("s_1", "s_2", "s_3")
    dataset = surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=True)
    write_csv(folder / "export.csv", dataset, "cp1252", ";")
    write_part3(folder, columns=variables, codes=CODES_DOWN)


def sxc_tab_utf16_short_flags(folder: Path) -> None:
    people = [
        (4, "HE HE DE"),
        (4, "DE HV VI"),
        (3, "HU - -"),
        (5, "- - -"),
        (4, "HE DU HE"),
        (4, "VI DE DE"),
        (4, "DU HE HV"),
    ]
    variables = ("spm_3_1", "spm_3_2", "spm_3_3")
    dataset = surveyxact_dataset(people, variables, CODES_UP, SHORT_FLAGS, text=True)
    write_csv(folder / "export.csv", dataset, "utf-16-le", "\t")
    write_part3(folder, columns=variables, codes=CODES_UP)


def sxc_comma_ansi(folder: Path) -> None:
    people = [(4, "DE DE DE"), (4, "HE VI HU"), (4, "HU DU HV"), (1, "- - -"), (4, "HE HE HE")]
    variables = ("s_1", "s_2", "s_3")
    dataset = surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=True)
    dataset[0].insert(6, "afdeling")  # an open background question: text, with commas and Danish letters
    homes = ["Søndergård, blok 4", "Østerbo", "Åparken, 2. sal", "", "Østerbo"]
    for row, home in zip(dataset[1:], homes, strict=True):
        row.insert(6, home)
    write_csv(folder / "export.csv", dataset, "cp1252", ",")
    write_part3(folder, columns=variables, codes=CODES_DOWN)


def sxc_no_codes_in_workbook(folder: Path) -> None:
    """dataset.csv alone has no labels; the workbook names the columns but forgot the codes."""
    people = [(4, "HE HE DE"), (4, "HV DE VI"), (4, "DE HU HE")]
    variables = ("s_1", "s_2", "s_3")
    dataset = surveyxact_dataset(people, variables, CODES_DOWN, FULL_FLAGS, text=True)
    write_csv(folder / "export.csv", dataset, "cp1252", ";")
    write_part3(folder, columns=variables)


# -- Microsoft Forms ------------------------------------------------------------------------------------


def ms_english_ui(folder: Path) -> None:
    rows_in = ["HE DE HE", "DE DE DE", "HU VI DU", "HV HE -", "VI DU HE", "HE HE HV"]
    homes = ["Østerbo", "Søndergård", "Østerbo", "Vestervang", "Søndergård", "Østerbo"]
    header: list[Cell] = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    header += [
        "Which part of Hedemarken do you live in?",
        *STATEMENTS,
        "Is there anything else you want to tell us?",
    ]
    rows: Rows = [header]
    for i, row in enumerate(rows_in):
        comment = "Mødestedet er godt" if i == 1 else ""
        rows.append([i + 1, when(i), when(i, 6), "anonymous", "", "", homes[i], *labelled(row, EN), comment])
    write_xlsx(folder / "export.xlsx", {"Sheet1": rows})
    write_part3(folder)


def ms_danish_ui_drifting_order(folder: Path) -> None:
    rows_in = ["DE HE VI", "HE HE HE", "DU HV DE", "- DE HU", "HE DU DE"]
    meta = [
        "Id",
        "Starttidspunkt",
        "Tidspunkt for fuldførelse",
        "Mail",
        "Navn",
        "Tidspunkt for seneste ændring",
    ]
    rows: Rows = [[*meta, C, B, "Hvor gammel er du?", T]]  # not the form's order: Forms lets it drift
    for i, row in enumerate(rows_in):
        name, mail = PEOPLE[i]
        b, t, c = labelled(row, DA)
        rows.append([i + 1, when(i), when(i, 4), mail, name, "", c, b, AGES[i % 4], t])
    write_xlsx(folder / "export.xlsx", {"Sheet1": rows})
    write_part3(folder)


def ms_quiz_columns(folder: Path) -> None:
    rows_in = ["HE DE DE", "DE VI HE", "HU HU DU", "DE DE DE"]
    quiz = "Hvilket år åbnede mødestedet i vaskeriet?"
    header: list[Cell] = ["ID", "Start time", "Completion time", "Email", "Name"]
    header += ["Total points", "Quiz feedback", quiz, f"Points - {quiz}", f"Feedback - {quiz}", *STATEMENTS]
    rows: Rows = [header]
    for i, row in enumerate(rows_in):
        name, mail = PEOPLE[i + 2]
        points = int(i != 2)  # one resident got the quiz question wrong
        year = "2024" if points else "2023"
        meta: list[Cell] = [i + 1, when(i), when(i, 9), mail, name, points, ""]
        rows.append([*meta, year, points, "", *labelled(row, DA_OTHER)])
    write_xlsx(folder / "export.xlsx", {"Sheet1": rows})
    write_part3(folder)


# -- Google Forms ---------------------------------------------------------------------------------------


def gf_csv_grid_danish(folder: Path) -> None:
    rows_in = ["HE HE DE", "DE HV HE", "VI DE -", "HU DU DU", "HE HE HE", "DE - VI", "HV DE DE"]
    rows: Rows = [
        ["Tidsstempel", "E-mailadresse", "Hvor gammel er du?", *(f"{QUESTION} [{s}]" for s in STATEMENTS)]
    ]
    for i, row in enumerate(rows_in):
        stamp = when(i).strftime("%d/%m/%Y %H.%M.%S")
        rows.append([stamp, PEOPLE[i][1], AGES[i % 4], *labelled(row, DA)])
    write_csv(folder / "export.csv", rows, "utf-8", ",")
    write_part3(folder)


def gf_xlsx_quiz_english(folder: Path) -> None:
    rows_in = ["DE DE DE", "HE VI HU", "DU HE HE", "HE HE VI"]
    grid = "How much do you agree or disagree with the following statements?"
    rows: Rows = [["Timestamp", "Email Address", "Score", *(f"{grid} [{s}]" for s in STATEMENTS)]]
    for i, row in enumerate(rows_in):
        rows.append([when(i), PEOPLE[i + 4][1], f"{i % 3} / 2", *labelled(row, EN)])
    summary: Rows = [["Svar i alt", len(rows_in)], ["Hentet", "2025-03-04"]]  # a sheet the user added first
    write_xlsx(folder / "export.xlsx", {"Oversigt": summary, "Form Responses 1": rows})
    write_part3(folder)


def gf_tsv_separate_questions(folder: Path) -> None:
    rows_in = ["HE DE HE", "HE DE DE", "DE HU VI", "DU HV HE", "- HE DE"]
    # Each statement asked as its own question: its header is the statement alone.
    rows: Rows = [["Tidsstempel", "Hvor længe har du boet i Hedemarken?", *STATEMENTS]]
    lived = ["Under 2 år", "2-10 år", "Over 10 år", "2-10 år", "Over 10 år"]
    for i, row in enumerate(rows_in):
        rows.append([when(i).strftime("%d/%m/%Y %H.%M.%S"), lived[i], *labelled(row, DA)])
    write_csv(folder / "export.tsv", rows, "utf-8", "\t")  # Sheets' TSV: tabs, no quotes around commas
    write_part3(folder)


# -- Qualtrics ------------------------------------------------------------------------------------------

QUALTRICS_FIELDS = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)"]
QUALTRICS_FIELDS += ["Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName"]
QUALTRICS_FIELDS += ["RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude"]
QUALTRICS_FIELDS += ["DistributionChannel", "UserLanguage"]
QUALTRICS_TEXTS = [
    "Start Date",
    "End Date",
    "Response Type",
    "IP Address",
    "Progress",
    "Duration (in seconds)",
]
QUALTRICS_TEXTS += ["Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name"]
QUALTRICS_TEXTS += ["Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude"]
QUALTRICS_TEXTS += ["Distribution Channel", "User Language"]


def _qualtrics_header() -> Rows:
    ids = [f'{{"ImportId":"{name[0].lower()}{name[1:]}"}}' for name in QUALTRICS_FIELDS]
    ids[0] = '{"ImportId":"startDate","timeZone":"Europe/Copenhagen"}'
    ids[1] = '{"ImportId":"endDate","timeZone":"Europe/Copenhagen"}'
    rows: Rows = [
        [*QUALTRICS_FIELDS, "Q1", "Q2_1", "Q2_2", "Q2_3"],
        [*QUALTRICS_TEXTS, "Hvor gammel er du?", *(f"{QUESTION} - {s}" for s in STATEMENTS)],
    ]
    rows.append([*ids, '{"ImportId":"QID1"}', *(f'{{"ImportId":"QID2_{k}"}}' for k in (1, 2, 3))])
    return rows


def _qualtrics_meta(i: int, status: Cell, *, numeric: bool) -> list[Cell]:
    name, mail = PEOPLE[i]
    first, last = name.split(" ", 1)
    start, end = when(i), when(i, 3)
    stamp: Callable[[datetime], Cell] = (
        (lambda d: d) if numeric else (lambda d: d.strftime("%Y-%m-%d %H:%M:%S"))
    )
    channel = {"Survey Preview": "preview", "Survey Test": "test", 1: "preview"}.get(status, "anonymous")
    number: Callable[[int], Cell] = (lambda n: n) if numeric else str
    finished: Cell = 1 if numeric else "True"
    return [
        stamp(start),
        stamp(end),
        status,
        f"192.0.2.{17 + i}",
        number(100),
        number(180 + 11 * i),
        finished,
        stamp(end),
        f"R_{(7 * i + 3) * 1031:015X}",
        last,
        first,
        mail,
        "",
        "55.6761",
        "12.5683",
        channel,
        "DA",
    ]


def q_csv_three_header_rows(folder: Path) -> None:
    people = [
        ("IP Address", "HE DE DE"),
        ("IP Address", "DE HE VI"),
        ("Survey Preview", "HU HU HU"),
        ("IP Address", "HV DU HE"),
        ("Spam", "HE HE HE"),
        ("Survey Test", "DU DU DU"),
        ("IP Address", "VI - DE"),
        ("IP Address", "HE DE HU"),
    ]
    rows = _qualtrics_header()
    for i, (status, row) in enumerate(people):
        rows.append([*_qualtrics_meta(i, status, numeric=False), AGES[i % 4], *labelled(row, DA)])
    write_csv(folder / "export.csv", rows, "utf-8-sig", ",")
    write_part3(folder)


def q_xlsx_numeric_values(folder: Path) -> None:
    """'Use numeric values': Status as Qualtrics' response type code, answers as the choices' recode values
    (the scale listed from Helt uenig = 1 to Helt enig = 5, Ved ikke = 6)."""
    codes = {"HU": 1, "DU": 2, "HV": 3, "DE": 4, "HE": 5, "VI": 6}
    people = [
        (0, "HE DE HE"),
        (1, "HU HU HU"),
        (0, "HV VI DU"),
        (8, "DE DE DE"),
        (0, "HU HE -"),
        (4, "VI DE HE"),
    ]
    rows = _qualtrics_header()
    for i, (status, row) in enumerate(people):
        rows.append([*_qualtrics_meta(i, status, numeric=True), (i % 4) + 1, *coded(row, codes, False)])
    write_xlsx(folder / "export.xlsx", {"Sheet0": rows})
    write_part3(folder, codes=codes)


INSIGHTS_FIELDS = ["ResponseID", "ResponseSet", "IPAddress", "StartDate", "EndDate", "RecipientLastName"]
INSIGHTS_FIELDS += ["RecipientFirstName", "RecipientEmail", "ExternalDataReference", "Finished", "Status"]


def q_insights_2016(folder: Path) -> None:
    """The 2016 'Insights' CSV: field names in rows 1 and 2, the ImportId row in single quotes, matrix texts
    joined by a bare '-' (so the texts cannot find the statements: the workbook names the columns),
    numeric codes with -1 for the 'no opinion' choice, and Status 2 for generated test responses."""
    codes = {"HE": 1, "DE": 2, "HV": 3, "DU": 4, "HU": 5, "VI": -1}
    tail = ["LocationLatitude", "LocationLongitude", "LocationAccuracy"]
    ids = [f"{{'ImportId': '{name}'}}" for name in ("responseId", "responseSetId", "ipAddress", "startDate")]
    ids += [f"{{'ImportId': '{name}'}}" for name in ("endDate", "panel-RecipientLastName")]
    ids += [f"{{'ImportId': 'panel-{name}'}}" for name in ("RecipientFirstName", "RecipientEmail")]
    ids += [
        "{'ImportId': 'panel-ExternalDataReference'}",
        "{'ImportId': 'finished'}",
        "{'ImportId': 'status'}",
    ]
    rows: Rows = [
        [*INSIGHTS_FIELDS, "Q1", "Q2_1", "Q2_2", "Q2_3", *tail],
        [*INSIGHTS_FIELDS, "Hvor gammel er du?", *(f"{QUESTION}-{s}" for s in STATEMENTS), *tail],
        [*ids, "{'ImportId': 'QID1'}", *(f"{{'ImportId': 'QID2-{k}'}}" for k in (1, 2, 3)), *tail],
    ]
    people = [("0", "HE DE HE"), ("2", "HU HU HU"), ("0", "DE VI HV"), ("0", "DU HE DE"), ("2", "HV HV HV")]
    people += [("0", "HE HE -"), ("0", "HV DE HU")]
    for i, (status, row) in enumerate(people):
        stamp = when(i).strftime("%Y-%m-%d %H:%M:%S")
        meta = [f"R_{(5 * i + 2) * 7919:015X}", "Default Response Set", "", stamp, stamp, "", "", "", "", "1"]
        rows.append([*meta, status, str((i % 4) + 1), *coded(row, codes, True), "55.6761", "12.5683", "-1"])
    write_csv(folder / "export.csv", rows, "utf-8", ",")
    write_part3(folder, columns=["Q2_1", "Q2_2", "Q2_3"], codes=codes)


def q_legacy_v_fields(folder: Path) -> None:
    """The legacy CSV: Qualtrics' own fields numbered V1..V10 in row 1 and named in row 2, a trailing
    empty column, answers as labels; V7 is the Status (1: a preview)."""
    fields = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress"]
    fields += ["Status", "StartDate", "EndDate", "Finished"]
    tail = ["LocationLatitude", "LocationLongitude", "LocationAccuracy", ""]
    rows: Rows = [
        [*(f"V{k}" for k in range(1, 11)), "Q1", "Q2_1", "Q2_2", "Q2_3", *tail],
        [*fields, "Hvor gammel er du?", *(f"{QUESTION}-{s}" for s in STATEMENTS), *tail],
    ]
    people = [("0", "DE DE HE"), ("1", "HU HU HU"), ("0", "HE HU VI"), ("0", "HV HE HE"), ("0", "- DE DU")]
    for i, (status, row) in enumerate(people):
        stamp = when(i).strftime("%Y-%m-%d %H:%M:%S")
        meta = [f"R_{(3 * i + 1) * 104729:015X}", "Default Response Set", "Anonymous", "", "", "", status]
        rows.append(
            [*meta, stamp, stamp, "1", AGES[i % 4], *labelled(row, DA), "55.6761", "12.5683", "-1", ""]
        )
    write_csv(folder / "export.csv", rows, "utf-8-sig", ",")
    write_part3(folder, columns=["Q2_1", "Q2_2", "Q2_3"])


# -- SurveyMonkey ---------------------------------------------------------------------------------------


def _monkey(
    meta: Sequence[str], single: str, people: Sequence[str], fmt: str, labels: Mapping[str, str]
) -> Rows:
    """Row 1: the metadata, 'Hvor gammel er du?', the matrix question over its first column and blanks;
    an open question. Row 2: blank under the metadata, `single` under one-column questions, the
    statements under the matrix."""
    open_label = "Open-Ended Response" if single == "Response" else "Åbent svar"
    first: list[Cell] = [*meta, "Hvor gammel er du?", QUESTION, "", "", "Er der andet, du vil fortælle os?"]
    second: list[Cell] = [*([""] * len(meta)), single, *STATEMENTS, open_label]
    rows: Rows = [first, second]
    for i, row in enumerate(people):
        name, mail = PEOPLE[i]
        given, family = name.split(" ", 1)
        start, end = when(i), when(i, 5)
        stamp: Callable[[datetime], Cell] = (
            (lambda d: d) if fmt == "xlsx" else (lambda d: d.strftime("%m/%d/%Y %I:%M:%S %p"))
        )
        values: list[Cell] = [
            11_489_021_307 + 13 * i,
            405_117_320,
            stamp(start),
            stamp(end),
            f"198.51.100.{4 + i}",
        ]
        values += [mail, given, family, ""]
        if fmt != "xlsx":
            values[:2] = [str(values[0]), str(values[1])]
        rows.append([*values, AGES[i % 4], *labelled(row, labels), "Tak for mødestedet" if i == 2 else ""])
    return rows


def sm_xlsx_matrix_english_ui(folder: Path) -> None:
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address"]
    meta += ["First Name", "Last Name", "Custom Data 1"]
    people = ["HE DE DE", "DE DE HE", "HV VI HU", "HE HE HE", "DU - DE"]
    write_xlsx(folder / "export.xlsx", {"Sheet": _monkey(meta, "Response", people, "xlsx", DA)})
    write_part3(folder)


def sm_csv_danish_ui(folder: Path) -> None:
    meta = ["Respondent-id", "Indsamler-id", "Startdato", "Slutdato", "IP-adresse", "E-mailadresse"]
    meta += ["Fornavn", "Efternavn", "Brugerdefinerede data 1"]
    people = ["DE HE HV", "HE DE DE", "VI HU HE", "DE DE DU", "HU HE VI", "HE - HE"]
    write_csv(folder / "export.csv", _monkey(meta, "Svar", people, "csv", DA_OTHER), "utf-8", ",")
    write_part3(folder)


def sm_csv_without_ids(folder: Path) -> None:
    """An older export: it starts at StartDate, EndDate, written in Windows-1252."""
    rows: Rows = [["StartDate", "EndDate", QUESTION, "", "", "Hvor gammel er du?"]]
    rows.append(["", "", *STATEMENTS, "Response"])
    for i, row in enumerate(["HE HE DE", "DU DE HE", "DE VI VI", "HE HV HU"]):
        stamp = when(i).strftime("%m/%d/%Y %H:%M:%S")
        rows.append([stamp, when(i, 7).strftime("%m/%d/%Y %H:%M:%S"), *labelled(row, DA), AGES[(i + 1) % 4]])
    write_csv(folder / "export.csv", rows, "cp1252", ",")
    write_part3(folder)


# -- LimeSurvey -----------------------------------------------------------------------------------------


def _lime_meta(i: int, *, complete: bool = True) -> list[Cell]:
    started = when(i).strftime("%Y-%m-%d %H:%M:%S")
    last = when(i, 6).strftime("%Y-%m-%d %H:%M:%S")
    return [
        str(i + 1),
        last if complete else "",
        "2" if complete else "1",
        "da",
        str(1_204_551 + 37 * i),
        started,
        last,
    ]


def ls_csv_full_text_headings(folder: Path) -> None:
    meta = [
        "Response ID",
        "Date submitted",
        "Last page",
        "Start language",
        "Seed",
        "Date started",
        "Date last action",
    ]
    rows: Rows = [[*meta, "Hvor gammel er du?", *(f"{QUESTION} [{s}]" for s in STATEMENTS)]]
    people = ["HE DE HE", "DE DE DE", "VI HU HV", "HE - -", "HV HE DE", "DU DE HE"]
    for i, row in enumerate(people):
        complete = i != 3  # a response never submitted: LimeSurvey exports it too ("all responses")
        rows.append([*_lime_meta(i, complete=complete), AGES[i % 4], *labelled(row, DA)])
    write_csv(folder / "export.csv", rows, "utf-8-sig", ",")
    write_part3(folder)


def ls_csv_code_headings_timings(folder: Path) -> None:
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    header: list[Cell] = [*codes[:5], "token", *codes[5:], "ipaddr", "refurl", "alder"]
    header += ["Q1[SQ001]", "Q1[SQ002]", "Q1[SQ003]", "interviewtime", "groupTime45", "alderTime", "Q1Time"]
    rows: Rows = [header]
    for i, row in enumerate(["DE HE DE", "HE HE HU", "HU DE VI", "DE DU DE", "HE VI HE"]):
        meta = _lime_meta(i)
        rows.append([*meta[:5], f"tok{i:04d}x", *meta[5:], "", "", AGES[i % 4], *labelled(row, DA)])
        rows[-1] += [f"{95.5 + 7 * i:.2f}", f"{60.25 + 5 * i:.2f}", f"{12.0 + i:.2f}", f"{48.75 + 3 * i:.2f}"]
    write_csv(folder / "export.csv", rows, "utf-8-sig", ",")
    write_part3(folder, columns=["Q1[SQ001]", "Q1[SQ002]", "Q1[SQ003]"])


def ls_csv_codetext_headings(folder: Path) -> None:
    meta = [("id", "Response ID"), ("submitdate", "Date submitted"), ("lastpage", "Last page")]
    meta += [("startlanguage", "Start language"), ("seed", "Seed"), ("startdate", "Date started")]
    meta += [("datestamp", "Date last action")]
    header: list[Cell] = [f"{code}. {text}" for code, text in meta]
    header += [f"Q1[SQ00{k}]. {QUESTION} [{s}]" for k, s in enumerate(STATEMENTS, start=1)]
    rows: Rows = [header]
    for i, row in enumerate(["HE DE HE", "HV HV DE", "DE HE HE", "VI DE DU"]):
        rows.append([*_lime_meta(i), *labelled(row, DA_OTHER)])
    write_csv(folder / "export.csv", rows, "utf-8-sig", ",")
    write_part3(folder)


# -- plain ----------------------------------------------------------------------------------------------


def pl_data_entry_sheet(folder: Path) -> None:
    """b2c's own data-entry workbook (b2c questionnaire): Besvarelser, Vejledning, Lister; typed in by
    hand from paper questionnaires, with one row left empty."""
    rows: Rows = [["Besvarelse nr.", *STATEMENTS, "Hvor gammel er du?"]]
    typed = [(1, "HE DE HE"), (2, "DE HE DE"), None, (3, "HU VI HV"), (4, "HE HE -"), (5, "VI DU DE")]
    for entry in typed:
        if entry is None:
            rows.append([])
            continue
        number, row = entry
        rows.append([number, *labelled(row, DA), AGES[number % 4]])
    guide: Rows = [["Sådan taster du besvarelser ind"], ["Én række pr. spørgeskema, der er kommet tilbage."]]
    lists: Rows = [
        [DA[code], AGES[k] if k < 4 else ""] for k, code in enumerate(("HE", "DE", "HV", "DU", "HU", "VI"))
    ]
    write_xlsx(folder / "export.xlsx", {"Besvarelser": rows, "Vejledning": guide, "Lister": lists})
    write_part3(folder)


def pl_excel_csv_semicolon_cp1252(folder: Path) -> None:
    """Saved from Danish Excel as 'CSV (semikolonsepareret)': Windows-1252, ';', numbered labels."""
    rows: Rows = [["Nr.", *STATEMENTS, "Afdeling"]]
    people = ["HE HE DE", "DE DU HE", "HV DE DE", "VI HE HU", "HE - VI", "DU HE HE"]
    homes = ["Østerbo", "Søndergård", "Østerbo", "Åparken", "Søndergård", "Østerbo"]
    for i, row in enumerate(people):
        rows.append([str(i + 1), *labelled(row, NUMBERED), homes[i]])
    write_csv(folder / "export.csv", rows, "cp1252", ";")
    write_part3(folder)


def pl_merged_header(folder: Path) -> None:
    """A hand-made sheet: a title 'Baggrund' merged over the two background columns E1:F1."""
    rows: Rows = [["Nr.", *STATEMENTS, "Baggrund", ""]]
    for i, row in enumerate(["HE DE HE", "DE DE VI"]):
        rows.append([i + 1, *labelled(row, DA), AGES[i], "Østerbo"])
    write_xlsx(folder / "export.xlsx", {"Ark1": rows}, merged={"Ark1": ["E1:F1"]})
    write_part3(folder)


def pl_mojibake_header(folder: Path) -> None:
    """UTF-8 opened as Windows-1252 and saved again as UTF-8: 'området' has become 'omrÃ¥det'."""
    rows: Rows = [["Nr.", *STATEMENTS]]
    for i, row in enumerate(["HE DE HE", "DE HE DE"]):
        rows.append([str(i + 1), *labelled(row, DA)])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    garbled = buffer.getvalue().encode("utf-8").decode("cp1252", errors="replace")
    (folder / "export.csv").write_bytes(garbled.encode("utf-8"))
    write_part3(folder)


CASES: dict[str, Callable[[Path], None]] = {
    "surveyxact-xlsx/dataset-labels-structure": sx_dataset_labels_structure,
    "surveyxact-xlsx/short-flags-codes-upward-variables": sx_short_flags_codes_upward_variables,
    "surveyxact-xlsx/dataset-sheet-alone": sx_dataset_sheet_alone,
    "surveyxact-xlsx/degree-scale-labels": sx_degree_scale_labels,
    "surveyxact-csv/european-semicolon-cp1252": sxc_european_semicolon_cp1252,
    "surveyxact-csv/tab-utf16-short-flags": sxc_tab_utf16_short_flags,
    "surveyxact-csv/comma-ansi": sxc_comma_ansi,
    "surveyxact-csv/no-codes-in-workbook": sxc_no_codes_in_workbook,
    "ms-forms/english-ui": ms_english_ui,
    "ms-forms/danish-ui-drifting-order": ms_danish_ui_drifting_order,
    "ms-forms/quiz-columns": ms_quiz_columns,
    "google-forms/csv-grid-danish": gf_csv_grid_danish,
    "google-forms/xlsx-quiz-english": gf_xlsx_quiz_english,
    "google-forms/tsv-separate-questions": gf_tsv_separate_questions,
    "qualtrics/csv-three-header-rows": q_csv_three_header_rows,
    "qualtrics/xlsx-numeric-values": q_xlsx_numeric_values,
    "qualtrics/insights-2016": q_insights_2016,
    "qualtrics/legacy-v-fields": q_legacy_v_fields,
    "surveymonkey/xlsx-matrix-english-ui": sm_xlsx_matrix_english_ui,
    "surveymonkey/csv-danish-ui": sm_csv_danish_ui,
    "surveymonkey/csv-without-ids": sm_csv_without_ids,
    "limesurvey/csv-full-text-headings": ls_csv_full_text_headings,
    "limesurvey/csv-code-headings-timings": ls_csv_code_headings_timings,
    "limesurvey/csv-codetext-headings": ls_csv_codetext_headings,
    "plain/data-entry-sheet": pl_data_entry_sheet,
    "plain/excel-csv-semicolon-cp1252": pl_excel_csv_semicolon_cp1252,
    "plain/merged-header": pl_merged_header,
    "plain/mojibake-header": pl_mojibake_header,
}


def main() -> None:
    for name, write in CASES.items():
        folder = HERE / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("export.*"):
            old.unlink()
        write(folder)
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
