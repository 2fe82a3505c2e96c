"""Each tool's export, as the tool writes it: the layout detected, the columns (names, texts, labels,
metadata), the data rows and what was left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from b2c_cli.ingest import Column, Export

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
        "codetext": [
            (f"{code}. {name}", (name, s)) for code, name, s in zip(codes, full, STATEMENTS, strict=True)
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
