"""Each tool's export, as the tool writes it: the layout detected, the columns (names, texts, labels,
metadata), the data rows and what was left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from b2c_cli.ingest import Column, Export
from helpers import REPO

from .expect import read
from .factories import (
    ANSWERS,
    CODES,
    LABELS,
    PEOPLE,
    QUESTION,
    STATEMENTS,
    make_export,
    write_csv,
    write_xlsx,
)

SEGMENT = {"Afdeling": ["Østerbo", "Søndergård", "Østerbo"]}
LABEL_TABLE = {str(code): label for label, code in CODES.items()}


def answers_in(export: Export, rows: list[tuple[int, object]], names: list[str]) -> list[list[object]]:
    """The cells under the columns named `names`, per row."""
    at = {c.name: c.index for c in export.columns}
    return [[cells[at[name]] for name in names] for _, cells in rows]  # type: ignore[index]


def statement_columns(export: Export) -> list[Column]:
    return [c for c in export.columns if not c.metadata and not c.name.startswith("Afdeling")]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_ms_forms(tmp_path: Path, fmt: str) -> None:
    export, rows = read(make_export(tmp_path, "ms-forms", fmt=fmt, extra_columns=SEGMENT))
    assert export.layout == "ms-forms"
    names = [c.name for c in export.columns]
    assert names == [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Afdeling",
        *STATEMENTS,
    ]
    assert [c.metadata for c in export.columns] == [True] * 6 + [False] * 4
    assert all(c.texts == () and c.labels is None for c in export.columns)
    assert [number for number, _ in rows] == [2, 3, 4]
    assert answers_in(export, rows, list(STATEMENTS)) == [[a or "" for a in row] for row in ANSWERS]
    assert answers_in(export, rows, ["Name", "Afdeling"])[1] == [PEOPLE[1][0], "Søndergård"]


def test_ms_forms_danish_ui_and_drifting_column_order(tmp_path: Path) -> None:
    order = [2, 0, 1]
    statements = [STATEMENTS[i] for i in order]
    answers = [[row[i] for i in order] for row in ANSWERS]
    export, rows = read(make_export(tmp_path, "ms-forms", statements, answers, danish=True))
    assert export.layout == "ms-forms"
    assert [c.name for c in export.columns if c.metadata] == [
        "Id",
        "Starttidspunkt",
        "Tidspunkt for fuldførelse",
        "Mail",
        "Navn",
        "Tidspunkt for seneste ændring",
    ]
    assert answers_in(export, rows, list(STATEMENTS)) == [[a or "" for a in row] for row in ANSWERS]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("danish", [False, True])
def test_google_forms(tmp_path: Path, fmt: str, danish: bool) -> None:
    export, rows = read(make_export(tmp_path, "google-forms", fmt=fmt, danish=danish, extra_columns=SEGMENT))
    assert export.layout == "google-forms"
    timestamp, mail = ("Tidsstempel", "E-mailadresse") if danish else ("Timestamp", "Email Address")
    assert [(c.name, c.metadata) for c in export.columns[:3]] == [
        (timestamp, True),
        (mail, True),
        ("Afdeling", False),
    ]
    grid = statement_columns(export)
    assert [c.name for c in grid] == [f"{QUESTION} [{s}]" for s in STATEMENTS]
    assert [c.texts for c in grid] == [(s,) for s in STATEMENTS]
    assert [number for number, _ in rows] == [2, 3, 4]
    assert [[cells[c.index] for c in grid] for _, cells in rows] == [
        [a or "" for a in row] for row in ANSWERS
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_qualtrics(tmp_path: Path, fmt: str) -> None:
    statuses = ["IP Address", "Survey Preview", "Spam"]
    export, rows = read(make_export(tmp_path, "qualtrics", fmt=fmt, statuses=statuses, extra_columns=SEGMENT))
    assert export.layout == "qualtrics"
    status = next(c for c in export.columns if c.name == "Status")
    assert (status.texts, status.metadata) == (("Response Type",), True)
    items = statement_columns(export)
    assert [c.name for c in items] == ["Q1_1", "Q1_2", "Q1_3"]
    assert [c.texts for c in items] == [(f"{QUESTION} - {s}",) for s in STATEMENTS]
    # Three header rows; the preview (row 5) is left out and counted, the spam response kept and flagged.
    assert [number for number, _ in rows] == [4, 6]
    assert [[cells[c.index] for c in items] for _, cells in rows] == [
        [a or "" for a in ANSWERS[0]],
        [a or "" for a in ANSWERS[2]],
    ]
    assert export.excluded_rows == {"survey-preview": 1}
    assert export.flagged_rows == {"spam": 1}


def test_qualtrics_numeric_status_and_test_responses(tmp_path: Path) -> None:
    answers = [*ANSWERS, ANSWERS[0], ANSWERS[1]]
    statuses = ["0", "1", "8", "2", "Survey Test"]
    export, rows = read(make_export(tmp_path, "qualtrics", STATEMENTS, answers, statuses=statuses))
    assert [number for number, _ in rows] == [4, 6]
    assert export.excluded_rows == {"survey-preview": 1, "survey-test": 2}
    assert export.flagged_rows == {"spam": 1}


def test_qualtrics_legacy_two_header_rows(tmp_path: Path) -> None:
    path = make_export(tmp_path, "qualtrics", fmt="xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet.delete_rows(3)  # no {"ImportId": ...} row
    workbook.save(path)
    export, rows = read(path)
    assert export.layout == "qualtrics"
    assert [number for number, _ in rows] == [3, 4, 5]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_surveymonkey(tmp_path: Path, fmt: str) -> None:
    export, rows = read(make_export(tmp_path, "surveymonkey", fmt=fmt, extra_columns=SEGMENT))
    assert export.layout == "surveymonkey"
    assert [c.name for c in export.columns if c.metadata] == [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    segment = next(c for c in export.columns if c.name == "Afdeling")  # row 2 says "Response"
    assert (segment.texts, segment.metadata) == ((), False)
    matrix = statement_columns(export)
    assert [c.name for c in matrix] == [f"{QUESTION} - {s}" for s in STATEMENTS]
    assert [c.texts for c in matrix] == [(s,) for s in STATEMENTS]
    assert [number for number, _ in rows] == [3, 4, 5]
    assert [[cells[c.index] for c in matrix] for _, cells in rows] == [
        [a or "" for a in row] for row in ANSWERS
    ]


def test_surveymonkey_single_and_open_questions(tmp_path: Path) -> None:
    first = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "Hvor bor du?",
        "Kommentarer",
        "Hvor tryg er du?",
        "",
    ]
    second = ["", "", "", "Response", "Open-Ended Response", "Om dagen", "Om aftenen"]
    data = ["1", "2", "3/3/2025", "Østerbo", "Godt, tak", "Meget tryg", "Lidt tryg"]
    path = write_csv(tmp_path / "monkey.csv", [first, second, data], "utf-8", ",")
    export, rows = read(path)
    assert export.layout == "surveymonkey"
    assert [(c.name, c.texts) for c in export.columns if not c.metadata] == [
        ("Hvor bor du?", ()),
        ("Kommentarer", ()),
        ("Hvor tryg er du? - Om dagen", ("Om dagen",)),
        ("Hvor tryg er du? - Om aftenen", ("Om aftenen",)),
    ]
    assert rows == [(3, data)]


@pytest.mark.parametrize("headings", ["full", "code", "codetext"])
def test_limesurvey(tmp_path: Path, headings: str) -> None:
    export, rows = read(make_export(tmp_path, "limesurvey", headings=headings, extra_columns=SEGMENT))
    assert export.layout == "limesurvey"
    assert (export.encoding, export.delimiter) == ("utf-8-sig", ",")
    assert sum(c.metadata for c in export.columns) == 7
    items = statement_columns(export)
    codes = [f"Q1[SQ{k:03d}]" for k in (1, 2, 3)]
    full = [f"{QUESTION} [{s}]" for s in STATEMENTS]
    expected = {
        "full": [(name, (s,)) for name, s in zip(full, STATEMENTS, strict=True)],
        "code": [(code, ()) for code in codes],
        # code and text: the text, the statement, and the code whole and alone (for column:)
        "codetext": [
            (f"{code}. {name}", (name, s, code, code[3:-1]))
            for code, name, s in zip(codes, full, STATEMENTS, strict=True)
        ],
    }[headings]
    assert [(c.name, c.texts) for c in items] == expected
    assert [number for number, _ in rows] == [2, 3, 4]
    assert [[cells[c.index] for c in items] for _, cells in rows] == [
        [a or "" for a in row] for row in ANSWERS
    ]


def test_surveyxact_xlsx(tmp_path: Path) -> None:
    export, rows = read(make_export(tmp_path, "surveyxact-xlsx", extra_columns=SEGMENT, not_answered=2))
    assert (export.layout, export.sheet, export.format) == ("surveyxact-xlsx", "Dataset", "xlsx")
    items = [c for c in export.columns if c.name.startswith("s_")]
    assert [c.name for c in items] == ["s_1", "s_2", "s_3"]
    assert [c.texts for c in items] == [(f"{QUESTION} - {s}",) for s in STATEMENTS]
    assert all(c.labels == LABEL_TABLE for c in items)  # trailing spaces in the Labels sheet trimmed
    assert [c.name for c in export.columns if c.metadata] == ["respondentid", "email", "name"] + [
        f"statoverall_{k}" for k in range(1, 6)
    ]
    assert [number for number, _ in rows] == [2, 3, 4]
    assert [[cells[c.index] for c in items] for _, cells in rows] == [
        [1.0, 2.0, 6.0],
        [4.0, 1.0, ""],
        [3.0, 5.0, 2.0],
    ]
    assert export.excluded_rows == {"not-answered": 2}


def test_surveyxact_xlsx_chosen_over_the_first_sheet_and_with_a_variables_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "sx.xlsx",
        {
            "Labels": [["q1", 1, "Helt enig"], ["q1", 2.0, "Delvis enig"], ["q2", "1", "Ja"]],
            "Variables": [["Variable", "Description"], ["q1", "Jeg har tillid til mine naboer"]],
            "Dataset": [["respondentid", "q1", "q2"], [1, 2, 1], [2, "", ""]],
        },
    )
    export, rows = read(path)
    assert (export.layout, export.sheet) == ("surveyxact-xlsx", "Dataset")
    q1, q2 = export.columns[1:]
    assert (q1.texts, q1.labels) == (
        ("Jeg har tillid til mine naboer",),
        {"1": "Helt enig", "2": "Delvis enig"},
    )
    assert (q2.texts, q2.labels) == ((), {"1": "Ja"})
    assert rows == [(2, [1.0, 2.0, 1.0]), (3, [2.0, "", ""])]
    labels, _ = read(path, sheet="Labels")  # any other sheet is read as a plain one
    assert labels.layout == "plain"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1252", "utf-8-sig"])
@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_surveyxact_csv(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = make_export(tmp_path, "surveyxact-csv", encoding=encoding, delimiter=delimiter, not_answered=1)
    export, rows = read(path)
    assert (export.layout, export.encoding, export.delimiter) == ("surveyxact-csv", encoding, delimiter)
    items = [c for c in export.columns if c.name.startswith("s_")]
    assert all(c.labels is None and c.texts == () and not c.metadata for c in items)
    assert [[cells[c.index] for c in items] for _, cells in rows] == [
        ["1", "2", "6"],
        ["4", "1", ""],
        ["3", "5", "2"],
    ]
    assert export.excluded_rows == {"not-answered": 1}


def test_plain(tmp_path: Path) -> None:
    export, rows = read(make_export(tmp_path, "plain", extra_columns=SEGMENT))
    assert (export.layout, export.sheet) == ("plain", "Besvarelser")
    assert [(c.index, c.name, c.metadata) for c in export.columns] == [
        (0, "Respondent", False),
        (1, "Afdeling", False),
        *((2 + k, s, False) for k, s in enumerate(STATEMENTS)),
    ]
    assert rows == [
        (2, [1.0, "Østerbo", "Helt enig", "Delvis enig", "Ved ikke"]),
        (3, [2.0, "Søndergård", "Delvis uenig", "Helt enig", ""]),
        (4, [3.0, "Østerbo", "Hverken enig eller uenig", "Helt uenig", "Delvis enig"]),
    ]


def test_labels_cover_the_scale() -> None:
    assert set(CODES) == set(LABELS)


def test_surveymonkey_in_danish_is_known_by_its_second_row(tmp_path: Path) -> None:
    first = ["Respondent-id", "Startdato", "Hvor bor du?", "Hvor enig er du?", ""]
    second = ["", "", "Svar", STATEMENTS[0], STATEMENTS[1]]
    data = ["7", "3/3/2025", "Østerbo", "Helt enig", "Ved ikke"]
    path = write_xlsx(tmp_path / "monkey.xlsx", {"Ark1": [first, second, data]})
    export, rows = read(path)
    assert export.layout == "surveymonkey"
    assert [c.texts for c in export.columns[3:]] == [(STATEMENTS[0],), (STATEMENTS[1],)]
    assert rows == [(3, data)]


def test_a_plain_sheet_whose_first_answer_is_svar_stays_plain(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "svar.xlsx", {"Ark1": [["Id", "Spørgsmål"], ["1", "Svar"], ["2", "Svar"]]})
    export, rows = read(path)
    assert export.layout == "plain"
    assert [number for number, _ in rows] == [2, 3]


INSIGHTS_FIELDS = ["ResponseID", "ResponseSet", "IPAddress", "StartDate", "EndDate", "RecipientLastName"]
INSIGHTS_FIELDS += ["RecipientFirstName", "RecipientEmail", "ExternalDataReference", "Finished", "Status"]


def test_qualtrics_2016_insights_export_with_single_quoted_import_ids(tmp_path: Path) -> None:
    """The 2016 "Insights" CSV writes its third header row as {'ImportId': 'QID1-1'}: it is a header row,
    not a response (it used to be read as one)."""
    names = [*INSIGHTS_FIELDS, "Q1_1", "Q1_2"]
    texts = [*INSIGHTS_FIELDS, *(f"{QUESTION}-{s}" for s in STATEMENTS[:2])]
    ids = [f"{{'ImportId': '{name[0].lower()}{name[1:]}'}}" for name in INSIGHTS_FIELDS]
    ids += ["{'ImportId': 'QID1-1'}", "{'ImportId': 'QID1-2'}"]
    meta = ["Default Response Set", "", "2016-06-24 14:27:08", "2016-06-24 14:31:40", "", "", "", "", "1"]
    rows = [
        names,
        texts,
        ids,
        ["R_1aBcD", *meta, "0", "Helt enig", "Ved ikke"],
        ["R_2eFgH", *meta, "2", "Helt uenig", "Helt uenig"],  # a generated test response
        ["R_3iJkL", *meta, "0", "Delvis enig", ""],
    ]
    export, data = read(write_csv(tmp_path / "insights.csv", rows, "utf-8", ","))
    assert export.layout == "qualtrics"
    assert [number for number, _ in data] == [4, 6]
    assert export.excluded_rows == {"survey-test": 1}
    assert [c.name for c in export.columns if not c.metadata] == ["Q1_1", "Q1_2"]
    assert export.columns[-1].texts == (f"{QUESTION}-{STATEMENTS[1]}",)


LEGACY_FIELDS = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress"]
LEGACY_FIELDS += ["Status", "StartDate", "EndDate", "Finished"]


def test_qualtrics_legacy_export_numbers_its_fields_v1_v2(tmp_path: Path) -> None:
    """Row 1 V1..V10 and question ids, row 2 the fields' names and the question texts, then responses; the
    status (V7) still excludes previews (it used to be read as a plain sheet with its second header row
    as a response)."""
    numbered = [f"V{k}" for k in range(1, 11)]
    rows = [
        [*numbered, "Q1_1", "Q1_2", "LocationLatitude", ""],
        [*LEGACY_FIELDS, *(f"{QUESTION}-{s}" for s in STATEMENTS[:2]), "LocationLatitude", ""],
    ]
    for k, (status, answers) in enumerate([("0", ANSWERS[0]), ("1", ANSWERS[1]), ("0", ANSWERS[2])]):
        fields = [f"R_{k}xYz", "Default Response Set", "Anonymous", "", "", "", status]
        fields += ["2016-06-24 12:27:08", "2016-06-24 12:29:51", "1"]
        rows.append([*fields, *(a or "" for a in answers[:2]), "55.6761", ""])
    export, data = read(write_csv(tmp_path / "legacy.csv", rows, "utf-8-sig", ","))
    assert export.layout == "qualtrics"
    assert [c.name for c in export.columns if c.metadata] == [*numbered, "LocationLatitude"]
    assert export.columns[6].texts == ("Status",)
    items = [c for c in export.columns if not c.metadata]
    assert [(c.name, c.texts) for c in items] == [
        ("Q1_1", (f"{QUESTION}-{STATEMENTS[0]}",)),
        ("Q1_2", (f"{QUESTION}-{STATEMENTS[1]}",)),
    ]
    assert [number for number, _ in data] == [3, 5]
    assert export.excluded_rows == {"survey-preview": 1}


REAL_QUALTRICS = REPO.parent / "shared" / "real-exports" / "qualtricstools"


@pytest.mark.skipif(not REAL_QUALTRICS.is_dir(), reason="../shared/real-exports is not here")
@pytest.mark.parametrize("name", ["Insights", "Legacy"])
def test_the_real_qualtrics_sample_exports(name: str) -> None:
    """QualtricsTools' sample survey (read from ../shared at run time): 15 generated test responses
    (Status 2), in both the 2016 and the legacy layout; every one is a test, none a header row."""
    export, data = read(REAL_QUALTRICS / f"No_Basis_for_Evaluation ({name}).csv")
    assert export.layout == "qualtrics"
    assert data == []
    assert export.excluded_rows == {"survey-test": 15}
