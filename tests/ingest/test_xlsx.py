"""XLSX through python-calamine: which sheet, where the header is, what the cells are."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook

from .expect import input_error, read
from .factories import ANSWERS, STATEMENTS, make_export, write_xlsx

HEADER = ["Navn", *STATEMENTS]


def test_sheet_by_name_exact_or_ignoring_case(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "svar.xlsx",
        {"Forside": [["Beboerundersøgelse 2025"]], "Besvarelser": [HEADER, ["Ole", *ANSWERS[0]]]},
    )
    for given in ("Besvarelser", " besvarelser "):
        export, rows = read(path, sheet=given)
        assert export.sheet == "Besvarelser"
        assert rows == [(2, ["Ole", "Helt enig", "Delvis enig", "Ved ikke"])]


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "svar.xlsx", {"Forside": [["x"]], "Besvarelser": [HEADER]})
    with input_error("export-unknown-sheet", str(path), sheet="Data", sheets="'Forside', 'Besvarelser'"):
        read(path, sheet="Data")


def test_first_visible_sheet_with_data(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "svar.xlsx",
        {"Skjult": [["Hemmelig", "x"], ["1", "2"]], "Tom": [], "Besvarelser": [HEADER, ["Ole", *ANSWERS[1]]]},
        hidden=["Skjult"],
    )
    export, rows = read(path)
    assert export.sheet == "Besvarelser"
    assert rows == [(2, ["Ole", "Delvis uenig", "Helt enig", ""])]
    hidden, _ = read(path, sheet="Skjult")  # a hidden sheet can still be asked for
    assert [c.name for c in hidden.columns] == ["Hemmelig", "x"]


def test_data_that_starts_at_c3(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Ark1"
    sheet["C3"], sheet["D3"], sheet["E3"] = "Navn", STATEMENTS[0], "Afdeling"
    sheet["C4"], sheet["D4"], sheet["E4"] = "Ole", "Helt enig", "Øst"
    sheet["C6"], sheet["D6"] = "Åse", "Ved ikke"
    path = tmp_path / "svar.xlsx"
    workbook.save(path)
    export, rows = read(path)
    assert [(c.index, c.name) for c in export.columns] == [(2, "Navn"), (3, STATEMENTS[0]), (4, "Afdeling")]
    assert rows == [(4, ["", "", "Ole", "Helt enig", "Øst"]), (6, ["", "", "Åse", "Ved ikke", ""])]
    assert export.excluded_rows == {"empty-row": 1}


def test_cells_keep_their_types(tmp_path: Path) -> None:
    values = [
        3,
        2.5,
        True,
        datetime(2025, 3, 3, 9, 30),
        date(2025, 3, 4),
        time(10, 15),
        timedelta(hours=30),
        "tekst",
    ]
    path = write_xlsx(tmp_path / "svar.xlsx", {"Ark1": [[f"k{n}" for n in range(len(values))], values]})
    _, rows = read(path)
    cells = rows[0][1]
    assert cells == [
        3.0,
        2.5,
        True,
        datetime(2025, 3, 3, 9, 30),
        date(2025, 3, 4),
        time(10, 15),
        timedelta(hours=30),
        "tekst",
    ]
    assert [type(cell) for cell in cells] == [float, float, bool, datetime, date, time, timedelta, str]


def test_numbers_as_headers_read_as_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "svar.xlsx", {"Ark1": [["Navn", 2024, 2025.0], ["Ole", "Helt enig", "Ved ikke"]]}
    )
    export, _ = read(path)
    assert [c.name for c in export.columns] == ["Navn", "2024", "2025"]


def test_data_right_of_the_header(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "svar.xlsx", {"Ark1": [HEADER, ["Ole", *ANSWERS[0]], ["Åse", *ANSWERS[1], "x"]]}
    )
    _, rows = read(path)  # a note right of the header is no answer: cut off, it blocks nothing
    assert [len(cells) for _, cells in rows] == [len(HEADER), len(HEADER)]


def test_duplicate_headers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "svar.xlsx", {"Ark1": [["Navn", STATEMENTS[0], STATEMENTS[0]]]})
    export, _ = read(path)  # blocks nothing until a statement matches it
    with input_error("export-duplicate-header", f"{path}:1", columns="B, C"):
        raise export.duplicate_headers[STATEMENTS[0].casefold()]


def test_progress_counts_rows(tmp_path: Path) -> None:
    rows = [[f"R{n}", "Helt enig", "Ved ikke", ""] for n in range(9000)]
    path = write_xlsx(tmp_path / "svar.xlsx", {"Ark1": [HEADER, *rows]})
    calls: list[tuple[int, int]] = []
    _, got = read(path, progress=lambda done, total: calls.append((done, total)))
    assert len(got) == 9000
    assert calls[-1] == (9001, 9001)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) < 10  # now and then, not per row


def test_surveymonkey_with_a_merged_question_cell(tmp_path: Path) -> None:
    path = make_export(tmp_path, "surveymonkey", fmt="xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells(start_row=1, start_column=10, end_row=1, end_column=12)
    workbook.save(path)
    export, rows = read(path)
    assert [c.texts for c in export.columns][-3:] == [(s,) for s in STATEMENTS]
    assert len(rows) == len(ANSWERS)
