"""Shared by the tests of `b2c questionnaire`: a copy of the example partnership, the questionnaire written
into it, the data-entry workbook read and filled the way a typist fills it (every answer picked from the
cell's own dropdown list), and `b2c score` run on the result with its JSON parsed."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import Result

from conftest import Run
from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
PART3 = "part3-evaluation.yaml"
OUTPUT = "questionnaire"
ENTRY = "data-entry.xlsx"
# Every file `b2c questionnaire` writes with all formats, by format.
FILES_BY_FORMAT = {
    "md": ("questionnaire.md",),
    "html": ("questionnaire.html",),
    "xlsx": ("data-entry.xlsx", "import.xlsx"),
    "csv": ("import.csv", "qualtrics-import.txt"),
}
ALL_FILES = frozenset(name for names in FILES_BY_FORMAT.values() for name in names)
TEXT_FILES = ("questionnaire.md", "questionnaire.html", "import.csv", "qualtrics-import.txt")

# The example's statements in workbook order (Part 3's survey indicators, then each one's items).
EXAMPLE_STATEMENTS = (
    "Siden Nortec åbnede mødestedet i vaskeriet, er jeg blevet mere stolt af at fortælle, hvor jeg bor",
    "Jeg føler mig som en del af fællesskabet i Hedemarken",
    "Siden Nortec etablerede indendørs mødesteder, har jeg fået større tillid til mine naboer",
    "Efter jeg deltog i Nortecs aktiviteter, føler jeg, at jeg bedre kan bidrage til lokalområdet",
    "Jeg føler mig tryg, når jeg går rundt i Hedemarken om aftenen",
    "Der er steder i Hedemarken, jeg undgår, fordi jeg føler mig utryg",  # reverse-worded
)
EXAMPLE_BACKGROUND = {
    "Hvor gammel er du?": ("Under 25 år", "25-39 år", "40-64 år", "65 år eller derover"),
    "Hvor længe har du boet i Hedemarken?": ("Under 2 år", "2-10 år", "Over 10 år"),
    "Hvad er dit køn?": ("Kvinde", "Mand"),
}
# The statements of a fresh `b2c init` scaffold (one per fixed indicator), by language.
SCAFFOLD_STATEMENTS = {
    "da": (
        "Jeg er stolt af at fortælle, hvor jeg bor",
        "Jeg har tillid til mine naboer",
        "Jeg føler, at jeg kan bidrage til lokalområdet",
    ),
    "en": (
        "I am proud to tell people where I live",
        "I trust my neighbours",
        "I feel I can contribute to the neighbourhood",
    ),
}
LABELS = {
    "da": ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig", "Ved ikke"),
    "en": (
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Disagree",
        "Strongly disagree",
        "Don't know",
    ),
}

# An answer as the tests write it: 5 (most agreeing) ... 1, DK (don't know) or None (left blank).
DK = "DK"
Answer = int | str | None


def copy_example(tmp_path: Path, name: str = "hedemarken", *, results: bool = True) -> Path:
    """A copy of examples/hedemarken-nortec (its committed questionnaire/ included)."""
    target = tmp_path / name
    ignore = shutil.ignore_patterns() if results else shutil.ignore_patterns("results")
    shutil.copytree(EXAMPLE, target, ignore=ignore)
    return target


def edit_part3(folder: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in Part 3, exactly `count` times (so a silent no-op cannot happen)."""
    path = folder / PART3
    text = path.read_text("utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {PART3}"
    path.write_text(text.replace(old, new), "utf-8")


def generate(run: Run, folder: Path, *args: object) -> Result:
    result = run("questionnaire", folder, *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def label_for(answer: Answer, lang: str) -> str | None:
    """The label a typist picks for an answer: 5 -> 'Helt enig' ... 1 -> 'Helt uenig', DK -> 'Ved ikke'."""
    if answer is None:
        return None
    if answer == DK:
        return LABELS[lang][5]
    assert isinstance(answer, int) and 1 <= answer <= 5
    return LABELS[lang][5 - answer]


# -- the data-entry workbook ------------------------------------------------------------------------------


def validation_at(sheet: Worksheet, coordinate: str) -> DataValidation | None:
    """The data validation that covers a cell (at most one may)."""
    found = [dv for dv in sheet.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) <= 1, f"{coordinate} is covered by {len(found)} validations"
    return found[0] if found else None


_LIST_FORMULA = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$")


def list_source(workbook: Workbook, formula: str) -> tuple[Worksheet, str]:
    """The sheet and the range a list validation's formula points at ('Lister'!$A$1:$A$6)."""
    match = _LIST_FORMULA.match(formula)
    assert match, f"not a reference to a range on another sheet: {formula!r}"
    quoted, plain, first_col, first_row, last_col, last_row = match.groups()
    name = quoted.replace("''", "'") if quoted is not None else plain
    assert name in workbook.sheetnames, f"{formula!r} points at a sheet that does not exist"
    return workbook[name], f"{first_col}{first_row}:{last_col}{last_row}"


def range_values(sheet: Worksheet, cells: str) -> list[Any]:
    min_col, min_row, max_col, max_row = range_boundaries(cells)
    assert min_col and min_row and max_col and max_row, cells
    return [
        sheet.cell(row=row, column=column).value
        for row in range(min_row, max_row + 1)
        for column in range(min_col, max_col + 1)
    ]


def dropdown(workbook: Workbook, sheet: Worksheet, coordinate: str) -> list[str]:
    """What the cell's dropdown offers, read from where its list validation points."""
    validation = validation_at(sheet, coordinate)
    assert validation is not None and validation.type == "list", f"{coordinate} has no dropdown"
    assert validation.formula1 is not None
    source, cells = list_source(workbook, validation.formula1)
    return [str(value) for value in range_values(source, cells)]


def fill_entry_workbook(
    source: Path,
    target: Path,
    rows: Sequence[tuple[int | None, Sequence[Answer], Sequence[str | None]]],
    lang: str,
    *,
    skip_rows: Sequence[int] = (),
) -> None:
    """Type responses into the data-entry workbook: each row a respondent number, one answer per statement
    and one option per background question (None leaves the cell empty). Every label is picked from the
    cell's own dropdown, as a typist in Excel would; `skip_rows` leaves those sheet rows empty (a typist
    who skipped a line)."""
    workbook = load_workbook(source)
    sheet = workbook.worksheets[0]
    row_number = 2
    for number, answers, background in rows:
        while row_number in skip_rows:
            row_number += 1
        if number is not None:
            sheet.cell(row=row_number, column=1, value=number)
        for offset, answer in enumerate(answers):
            label = label_for(answer, lang)
            cell = sheet.cell(row=row_number, column=2 + offset)
            if label is not None:
                options = dropdown(workbook, sheet, cell.coordinate)
                cell.value = options[options.index(label)]
        for offset, choice in enumerate(background):
            cell = sheet.cell(row=row_number, column=2 + len(answers) + offset)
            if choice is not None:
                options = dropdown(workbook, sheet, cell.coordinate)
                cell.value = options[options.index(choice)]
        row_number += 1
    workbook.save(target)


# -- scoring ------------------------------------------------------------------------------------------------


def score_json(run: Run, folder: Path, survey: Path, *args: object) -> dict[str, Any]:
    """`b2c score SURVEY --dir FOLDER --json ...`, which must succeed; its JSON."""
    result = run("score", survey, "--dir", folder, "--json", *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def figures(data: Mapping[str, Any]) -> dict[str, tuple[float | None, int, int, int, int]]:
    """Per indicator: (percent, positive, n, don't know, blank)."""
    return {
        i["id"]: (i["percent"], i["positive"], i["n"], i["dont_know"], i["blank"]) for i in data["indicators"]
    }


def item_figures(data: Mapping[str, Any]) -> dict[str, tuple[float | None, int, int, int, int]]:
    """Per statement text: (percent, positive, n, don't know, blank)."""
    return {
        item["text"]: (item["percent"], item["positive"], item["n"], item["dont_know"], item["blank"])
        for indicator in data["indicators"]
        for item in indicator["items"]
    }


# -- reading outputs ---------------------------------------------------------------------------------------


def workbook_texts(path: Path) -> list[str]:
    """Every piece of text a person sees in a workbook: sheet names, cell values, and the titles and
    messages of its data validations."""
    workbook = load_workbook(path)
    found: list[str] = []
    for sheet in workbook.worksheets:
        found.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            found.extend(str(value) for value in row if value is not None)
        for validation in sheet.data_validations.dataValidation:
            found.extend(
                text
                for text in (
                    validation.errorTitle,
                    validation.error,
                    validation.promptTitle,
                    validation.prompt,
                )
                if text
            )
    return found


def formulas_in(path: Path) -> list[str]:
    """The worksheets of a workbook that hold a formula (an <f> element); there must be none."""
    with zipfile.ZipFile(path) as archive:
        sheets = {
            name: archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")
        }
    return [name for name, data in sheets.items() if b"<f>" in data or b"<f " in data]
