"""What `b2c portfolio` writes and says: the four files, an XLSX that reads back as tables of numbers, a
self-contained HTML page, Danish or English throughout, byte-identical re-runs, --dry-run, -o, --format,
and the usage errors."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from b2c_cli.i18n import Lang
from benchmarks.tree import make_partnership
from helpers import leaked, snapshot
from portfolio.kit import OUTPUTS, break_yaml, portfolio, replace_in

SURVEY_COLUMNS = (
    "Tilhørsforhold (versus isolation)",
    "Tillid (versus mistænksomhed)",
    "Medskabende (versus ikke-deltager)",
    "Tryghed",
)

FORMULA_NAME = "=SUM(A1:A9)"
SMALL = "Vestegnen 2"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six partnerships named 'Vestegnen N' (one of them like a spreadsheet formula): four ordinary, one
    with 2-4 answers per indicator (hidden), and one whose b2c.yaml is not YAML."""
    root = tmp_path_factory.mktemp("root")
    rng = random.Random(3)
    made = [
        make_partnership(root / "org" / f"p{index}", index, rng, n_range=(2, 4) if index == 2 else (50, 100))
        for index in range(6)
    ]
    for index, m in enumerate(made):
        name = FORMULA_NAME if index == 1 else f"Vestegnen {index}"
        replace_in(m.folder / "b2c.yaml", f'name: "Partnerskab {index:04d}"', f"name: '{name}'")
    break_yaml(made[5].folder)
    return root


@pytest.fixture(scope="module")
def written(root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Lang, Path]:
    """Every format, in Danish (the default) and in English."""
    out: dict[Lang, Path] = {}
    for lang in ("da", "en"):
        folder = tmp_path_factory.mktemp(f"out-{lang}")
        result = portfolio(root, "-o", folder, *(("--lang", "en") if lang == "en" else ()))
        assert result.exit_code == 0, result.stdout + result.stderr
        out[lang] = folder
    return out


def test_every_format_is_written_to_root_portfolio(root: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    result = portfolio(copy)
    assert result.exit_code == 0, result.stderr
    folder = copy / "portfolio"
    assert sorted(p.name for p in folder.iterdir()) == sorted(OUTPUTS)
    assert result.stdout.splitlines() == [f"skrevet   {folder / name}" for name in OUTPUTS]
    # Run again: byte-identical, nothing rewritten, and the output folder is not taken for a partnership.
    before = snapshot(copy)
    again = portfolio(copy)
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [f"uændret   {folder / name}" for name in OUTPUTS]
    assert again.stderr == result.stderr
    assert snapshot(copy) == before


def test_dry_run_writes_nothing(root: Path) -> None:
    before = snapshot(root)
    result = portfolio(root, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [f"ville skrive   {root / 'portfolio' / name}" for name in OUTPUTS]
    assert snapshot(root) == before and not (root / "portfolio").exists()


def test_output_folder(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"  # made as needed
    result = portfolio(root, "--output", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["portfolio.json"]
    assert not (root / "portfolio").exists()


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ("md", ["portfolio.md"]),
        ("xlsx,json", ["portfolio.json", "portfolio.xlsx"]),
        (" HTML , md,html ", ["portfolio.html", "portfolio.md"]),
    ],
)
def test_format_subsets(root: Path, tmp_path: Path, formats: str, expected: list[str]) -> None:
    result = portfolio(root, "--format", formats, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


@pytest.mark.parametrize("formats", ["rtf", "md,odt"])
def test_an_unknown_format_is_a_usage_error(root: Path, tmp_path: Path, formats: str) -> None:
    result = portfolio(root, "--format", formats, "-o", tmp_path / "out")
    assert result.exit_code == 2
    bad = formats.split(",")[-1]
    assert (
        result.stderr.strip() == f"fejl: Ukendt format '{bad}'. Vælg blandt: md, html, xlsx, json, docx, pdf."
    )
    assert result.stdout == "" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_root_that_is_not_a_folder_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "nowhere"
    if kind == "file":
        path.write_text("name: x\n", "utf-8")
    result = portfolio(path)
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == f"fejl: {path} er ikke en mappe. Angiv mappen, der rummer partnerskaberne."
    )
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == (["nowhere"] if kind == "file" else [])


def test_a_root_without_partnerships(tmp_path: Path) -> None:
    """Exit 0 with a message; an empty portfolio is written (an organisation starting out still gets the
    files, and a later run fills them)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b2c.yaml").write_text("name: x\n", "utf-8")
    result = portfolio(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"Der er ingen partnerskaber (b2c.yaml) under {tmp_path}."
    folder = tmp_path / "portfolio"
    assert sorted(p.name for p in folder.iterdir()) == sorted(OUTPUTS)
    assert json.loads((folder / "portfolio.json").read_text("utf-8")) == {
        "threshold": 5,
        "year": None,
        "partnerships": [],
        "valid": 0,
        "broken": 0,
        "rollup": [],
    }
    md = (folder / "portfolio.md").read_text("utf-8")
    assert md.startswith("# Portefølje") and "0 partnerskaber fundet" in md
    book = load_workbook(folder / "portfolio.xlsx")
    assert [len(sheet.tables) for sheet in book.worksheets] == [1, 1, 1]


# -- the workbook -----------------------------------------------------------------------------------------
def test_the_workbook_reads_back(written: dict[Lang, Path]) -> None:
    book = load_workbook(io.BytesIO((written["da"] / "portfolio.xlsx").read_bytes()))
    assert book.sheetnames == ["Partnerskaber", "Samlet", "Fejl"]
    for sheet in book.worksheets:
        # One Excel Table over exactly the filled range, its header the first row.
        (table,) = sheet.tables.values()
        assert table.ref == sheet.dimensions, sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    partnerships, rollup, problems = book.worksheets
    header = [cell.value for cell in partnerships[1]]
    rows = {row[0].value: row for row in partnerships.iter_rows(min_row=2)}
    assert set(rows) == {"Vestegnen 0", FORMULA_NAME, SMALL, "Vestegnen 3", "Vestegnen 4"}
    # A name that looks like a formula is text, kept as text when edited.
    formula = rows[FORMULA_NAME][0]
    assert (formula.data_type, formula.quotePrefix) == ("s", True)
    # Each survey value: a share in percent format, its n and whether it met the target; or hidden, with
    # no n and no verdict (the small partnership everywhere, and those hidden beside it).
    numbers = 0
    for name, row in rows.items():
        for column in SURVEY_COLUMNS:
            share, n, met = row[header.index(column) : header.index(column) + 3]
            if name == SMALL or share.value == "skjult":
                assert [share.value, n.value, met.value] == ["skjult", None, None], (name, column)
                continue
            numbers += 1
            assert isinstance(share.value, float) and 0 <= share.value <= 1 and share.number_format == "0%"
            assert isinstance(n.value, int) and n.value >= 50
            assert met.value in ("Ja", "Nej", "Ikke endnu")
    assert numbers >= 12
    # The roll-up: percentages and interval bounds are numbers in percent format; counts are numbers.
    rollup_header = [cell.value for cell in rollup[1]]
    pooled = rollup_header.index("Samlet")
    for row in rollup.iter_rows(min_row=2):
        if row[0].value == "Unge i virksomhedspraktik":
            assert row[pooled].value is None and isinstance(row[-1].value, (int, float))
            continue
        for cell in row[pooled : pooled + 3]:
            assert isinstance(cell.value, float) and cell.number_format == "0.0%"
        assert isinstance(row[pooled + 3].value, int)
    (problem,) = list(problems.iter_rows(min_row=2, values_only=True))
    assert problem[:2] == ("org/p5", "b2c.yaml:25:7")


# -- the HTML page ------------------------------------------------------------------------------------------
def test_the_html_is_self_contained(written: dict[Lang, Path]) -> None:
    for lang in ("da", "en"):
        html = (written[lang] / "portfolio.html").read_text("utf-8")
        assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
        lowered = html.lower()
        for forbidden in ("<script", "<link", "<iframe", "<img", "@import", "url(", "http://", "https://"):
            assert forbidden not in lowered, forbidden
        assert not re.search(r"\s(src|href)\s*=", lowered)
    # The formula-like name is plain text in the page.
    assert f"<tr><td>{FORMULA_NAME}</td>" in (written["da"] / "portfolio.html").read_text("utf-8")


# -- the language -----------------------------------------------------------------------------------------
def test_danish_and_english_are_not_mixed(root: Path, written: dict[Lang, Path]) -> None:
    for lang in ("da", "en"):
        for name in ("portfolio.md", "portfolio.html"):
            text = (written[lang] / name).read_text("utf-8")
            assert leaked(text, lang) == [], (lang, name)
        book = load_workbook(written[lang] / "portfolio.xlsx")
        cells = "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
        )
        assert leaked(cells + "\n" + "\n".join(book.sheetnames), lang) == [], lang
    english = (written["en"] / "portfolio.md").read_text("utf-8")
    assert english.startswith("# Portfolio: partnerships for social cohesion")
    assert "| Belonging (versus isolation) |" in english  # the guide's indicators by their English names
    assert "| hidden |" in english and "skjult" not in english
    assert load_workbook(written["en"] / "portfolio.xlsx").sheetnames == [
        "Partnerships",
        "Rolled up",
        "Errors",
    ]
    # A broken partnership's problem is told in the portfolio's language too.
    data = json.loads((written["en"] / "portfolio.json").read_text("utf-8"))
    (broken,) = [p for p in data["partnerships"] if not p["valid"]]
    assert leaked(broken["problems"][0]["message"], "en") == []
    assert "YAML" in broken["problems"][0]["message"]
    result = portfolio(root, "--lang", "en", "--dry-run")
    assert result.stderr.splitlines()[0] == "6 partnerships: 5 valid, 1 with errors."
    assert leaked(result.stdout + result.stderr, "en") == []
    assert all(line.startswith("would write   ") for line in result.stdout.splitlines())


def test_the_language_comes_from_b2c_lang_too(root: Path) -> None:
    result = portfolio(root, "--json", "--dry-run", env={"B2C_LANG": "en"})
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "6 partnerships: 5 valid, 1 with errors."
    data = json.loads(result.stdout)
    names = {row["indicator"]: row["name"] for row in data["rollup"]}
    assert names["belonging"] == "Belonging (versus isolation)"
