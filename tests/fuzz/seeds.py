"""Valid files to mutate: the bundled example exports and partnership, and exports of every tool's layout
built by tests/ingest/factories.py, in the encodings and delimiters the tools write."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from openpyxl import Workbook

from helpers import REPO
from ingest.factories import LAYOUTS, make_export

from .harness import scratch

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORTS = REPO / "examples" / "exports"
GOLDEN = REPO / "tests" / "golden"

# Which model each workbook file is loaded with (b2c_cli.workbook.folder).
WORKBOOK_FILES = {
    "b2c.yaml": "Partnership",
    "part1-housing.yaml": "Part1",
    "part1-company.yaml": "Part1",
    "part2-joint.yaml": "Part2",
    "part3-evaluation.yaml": "Part3",
}

_CSV_VARIANTS = (  # (encoding, delimiter) beyond each tool's own
    ("utf-8", ";"),
    ("utf-8-sig", "\t"),
    ("cp1252", ";"),
    ("utf-16-le", "\t"),
    ("utf-16-be", ","),
    ("utf-16-le-nobom", "\t"),
)


@cache
def _folder() -> Path:
    return scratch("b2c-fuzz-seeds-")


@cache
def csv_seeds() -> tuple[bytes, ...]:
    folder = _folder()
    found = [path.read_bytes() for path in sorted(EXPORTS.glob("*.csv"))]
    for layout in LAYOUTS:
        found.append(make_export(folder, layout, fmt="csv", filename=f"{layout}.csv").read_bytes())
    for number, (encoding, delimiter) in enumerate(_CSV_VARIANTS):
        layout = LAYOUTS[number % len(LAYOUTS)]
        path = make_export(
            folder, layout, fmt="csv", encoding=encoding, delimiter=delimiter, filename=f"v{number}.csv"
        )
        found.append(path.read_bytes())
    return tuple(found)


@cache
def xlsx_seeds() -> tuple[bytes, ...]:
    folder = _folder()
    found = [path.read_bytes() for path in sorted(EXPORTS.glob("*.xlsx"))]
    found += [path.read_bytes() for path in sorted((EXAMPLE / "questionnaire").glob("*.xlsx"))]
    for layout in LAYOUTS:
        if layout != "surveyxact-csv":
            found.append(make_export(folder, layout, fmt="xlsx", filename=f"{layout}.xlsx").read_bytes())
    found.append(_odd_cells(folder / "odd.xlsx").read_bytes())
    return tuple(found)


def _odd_cells(path: Path) -> Path:
    """Cells where answers belong that are no text: dates, times, booleans, numbers, a formula with no
    cached value, a merged header, a hidden first sheet, shared strings."""
    workbook = Workbook()
    hidden = workbook.active
    assert hidden is not None
    hidden.title = "Skjult"
    hidden.append(["not", "this", "one"])
    hidden.sheet_state = "hidden"
    sheet = workbook.create_sheet("Besvarelser")
    sheet.append(["Respondent", "Tillid", "Fællesskab", "Dato"])
    sheet.append([1, "Helt enig", "Delvis enig", date(2025, 3, 3)])
    sheet.append([2, datetime(2025, 3, 3, 9, 30), time(10, 30), True])
    sheet.append([3, 4.5, "=1+1", "=A2&B2"])
    sheet.append([4, "Helt enig", None, "Ved ikke"])
    sheet.merge_cells("B6:C6")
    sheet["B6"] = "flettet"
    workbook.save(path)
    return path


@cache
def yaml_seeds() -> tuple[tuple[str, bytes], ...]:
    """(file name, bytes): the example partnership's workbook files, both scaffolds, the results files."""
    found: list[tuple[str, bytes]] = []
    for folder in (EXAMPLE, GOLDEN / "scaffold-da", GOLDEN / "scaffold-en"):
        found += [(name, (folder / name).read_bytes()) for name in WORKBOOK_FILES if (folder / name).exists()]
    return tuple(found)


@cache
def results_seeds() -> tuple[bytes, ...]:
    return tuple(path.read_bytes() for path in sorted((EXAMPLE / "results").glob("*.yaml")))
