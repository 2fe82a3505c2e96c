"""`b2c report --format vsme --vsme-template PATH`: EFRAG's VSME Digital Template (read from ../shared/vsme at
run time, never copied into the repository) filled from the example. The filled copy opens with openpyxl
and holds the values at the template's defined names; compared part by part with the original, it differs
only in the cells filled - every other part, defined name, formula and data validation is byte for byte
EFRAG's, so EFRAG's converter reads it as it reads the template."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from b2c_cli.figures import Figures, build_figures
from b2c_cli.figures.words import value_detail, value_text
from b2c_cli.i18n import tr
from b2c_cli.report import vsme
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook as load_partnership
from helpers import REPO

from .kit import EXAMPLE, PART3, XLSX, edit, render, report
from .printed import required

TEMPLATE = REPO.parent / "shared" / "vsme" / "VSME-Digital-Template-1.3.0.xlsx"
needs_template = required("EFRAG's VSME template (../shared/vsme)", TEMPLATE.is_file())
pytestmark = needs_template
CELL = re.compile(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _book(data: bytes) -> Workbook:
    with warnings.catch_warnings():  # openpyxl says it drops the validations it cannot read: we only read
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(data))


def _named(book: Workbook, name: str) -> list[Any]:
    """The values at a defined name's cells."""
    values = []
    for sheet, cells in book.defined_names[name].destinations:
        found = book[sheet][cells]
        rows = found if isinstance(found, tuple) else ((found,),)
        for row in rows:
            values += [cell.value for cell in (row if isinstance(row, tuple) else (row,))]
    return values


@pytest.fixture
def filled(example: Path, tmp_path: Path) -> bytes:
    files = render(example, "--format", "vsme", "--vsme-template", TEMPLATE, output=tmp_path / "out")
    assert set(files) == {vsme.VSME_FILE}
    return files[vsme.VSME_FILE]


@pytest.fixture(scope="module")
def figures() -> Figures:
    part3 = load_partnership(EXAMPLE).part3
    assert part3 is not None
    return build_figures(part3, load_all(EXAMPLE, part3))


def test_the_filled_template_holds_the_values_at_the_named_cells(filled: bytes, figures: Figures) -> None:
    book = _book(filled)
    # B2: affected communities (the example's indicators are all S3), not consumers and end-users; the
    # other eight matters as EFRAG left them (unticked); a target is set.
    matters = _named(book, vsme.MATTERS)
    assert matters == [False] * 7 + [True, False, False]
    assert _named(book, vsme.TARGET_SET) == [True]
    assert book["General Information"]["C512"].value is True  # the row's own yes
    assert _named(book, "PracticePolicyAndOrFutureInitiativeIsPubliclyAvailable") == [None]  # not known
    (practices,) = _named(book, vsme.PRACTICES)
    assert practices.startswith("Bo-Vest × Nortec i Hedemarken: ") and "Bo-Vest" in practices
    (target,) = _named(book, vsme.TARGET)
    assert "Tilhørsforhold (versus isolation): Min. 85 %" in target and "Baseline (2025)" in target
    (table,) = _named(book, vsme.ENTITY_SPECIFIC)
    assert table.startswith(tr("report-vsme-table", "da"))
    for indicator in figures.indicators:
        assert indicator.name in table
        for figure in indicator.periods:
            if figure.value is not None:  # each value with n, interval and change, in the figures' words
                assert f"- {value_text(figure.value, 'da')} · {value_detail(figure, figures, 'da')}" in table


def test_the_package_differs_from_efrags_only_in_the_filled_cells(filled: bytes) -> None:
    original, copy = _parts(TEMPLATE.read_bytes()), _parts(filled)
    assert list(copy) == list(original)  # the same parts, in the same order
    changed = {name for name in original if original[name] != copy[name]}
    assert changed == {"xl/worksheets/sheet4.xml", "xl/worksheets/sheet6.xml"}
    # Every defined name, the workbook, styles, strings, calculation chain: untouched.
    assert original["xl/workbook.xml"] == copy["xl/workbook.xml"]
    expected = {
        "xl/worksheets/sheet4.xml": {"C512", "K512", "O512", "E521", "E522"},
        "xl/worksheets/sheet6.xml": {"C200"},
    }
    for part, cells in expected.items():
        before, after = original[part].decode("utf-8"), copy[part].decode("utf-8")
        old = {m.group(1): m.group(0) for m in CELL.finditer(before)}
        new = {m.group(1): m.group(0) for m in CELL.finditer(after)}
        assert set(old) == set(new)
        assert {ref for ref in old if old[ref] != new[ref]} == cells
        for ref in cells:  # an input cell, never a formula, keeping its style
            assert "<f" not in old[ref] and "<f" not in new[ref]
            assert re.search(r' s="\d+"', old[ref]).group(0) in new[ref]  # type: ignore[union-attr]
        # Outside those cells the sheet is byte for byte the same: validations, formulas, protection.
        assert CELL.sub("", before) == CELL.sub("", after)
        assert before.count("<dataValidation ") == after.count("<dataValidation ") > 0


def test_a_consumer_indicator_ticks_consumers_and_the_copy_is_deterministic(
    example: Path, tmp_path: Path
) -> None:
    def to_s4(data: Any) -> None:
        data["indicators"][4]["esrs"] = "S4"

    edit(example, PART3, to_s4)
    first = render(example, "--format", "vsme", "--vsme-template", TEMPLATE, output=tmp_path / "a")
    second = render(example, "--format", "vsme", "--vsme-template", TEMPLATE, output=tmp_path / "b")
    assert first == second
    matters = _named(_book(first[vsme.VSME_FILE]), vsme.MATTERS)
    assert matters == [False] * 7 + [True, True, False]


def test_vsme_needs_the_template_and_refuses_another_workbook(example: Path, tmp_path: Path) -> None:
    result = report(example, "--format", "vsme", "--lang", "en")
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()) == f"error: {tr('report-vsme-template-missing', 'en')}"
    other = tmp_path / "not-the-template.xlsx"
    other.write_bytes((EXAMPLE / "reports" / XLSX).read_bytes())
    result = report(example, "--format", "md,vsme", "--vsme-template", other, "--lang", "en")
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    assert str(other) in message and vsme.MATTERS in message
    assert "Traceback" not in result.stderr
    assert not (example / "reports").exists()  # nothing half-written
