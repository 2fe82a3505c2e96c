"""Typed-in answers (issue 12): `questionnaire/data-entry.xlsx` is where paper answers are typed. Running
`b2c questionnaire` again must never replace a file someone has typed into with an empty form, unless
`--force` says so; b2c's own, untouched form is still brought up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Run
from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    return target


def _type_answers(path: Path, count: int = 60) -> None:
    """Someone types `count` answers into the data-entry sheet, as from paper forms, and saves."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    first = sheet.max_row + 1
    typed = 0
    for row in range(first, first + 20):
        for column in range(1, 4):
            sheet.cell(row=row, column=column, value=typed % 5 + 1)
            typed += 1
            if typed == count:
                break
        if typed == count:
            break
    book.save(path)


def test_typed_in_answers_are_not_replaced(folder: Path, run: Run) -> None:
    entry = folder / "questionnaire" / "data-entry.xlsx"
    _type_answers(entry)
    typed = entry.read_bytes()
    result = run("questionnaire", folder)
    said = result.stdout + result.stderr
    assert result.exit_code == 4, said
    assert "data-entry.xlsx" in said and "60 celler" in said and "--force" in said
    assert entry.read_bytes() == typed


def test_a_dry_run_says_so_too(folder: Path, run: Run) -> None:
    entry = folder / "questionnaire" / "data-entry.xlsx"
    _type_answers(entry, 3)
    result = run("questionnaire", folder, "--dry-run", "--lang", "en")
    assert result.exit_code == 4, result.stdout + result.stderr
    assert "3 cells" in result.stderr


def test_force_replaces_it(folder: Path, run: Run) -> None:
    entry = folder / "questionnaire" / "data-entry.xlsx"
    pristine = entry.read_bytes()
    _type_answers(entry)
    result = run("questionnaire", folder, "--force")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert entry.read_bytes() == pristine


def test_an_untouched_form_is_brought_up_to_date(folder: Path, run: Run) -> None:
    """b2c's own form, changed only by a re-save without any typing, is not a typed-in file."""
    entry = folder / "questionnaire" / "data-entry.xlsx"
    pristine = entry.read_bytes()
    load_workbook(entry).save(entry)  # opened and saved, nothing typed
    assert entry.read_bytes() != pristine
    result = run("questionnaire", folder)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert entry.read_bytes() == pristine


def test_a_damaged_data_entry_file_is_not_replaced_either(folder: Path, run: Run) -> None:
    entry = folder / "questionnaire" / "data-entry.xlsx"
    entry.write_bytes(b"PK\x03\x04 half a workbook")
    result = run("questionnaire", folder)
    assert result.exit_code == 4, result.stdout + result.stderr
    assert entry.read_bytes() == b"PK\x03\x04 half a workbook"
