"""A partnership whose 2026 survey did not measure trust: it enters none of trust's 2026 roll-up figures,
and every portfolio document says how many partnerships did not measure it."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import docx
import yaml
from openpyxl import load_workbook

from .kit import partnership as make
from .kit import portfolio, rollup_by_key

TRUST = "Tillid (versus mistænksomhed)"


def _not_measuring(folder: Path, period: str, indicator: str) -> None:
    """The results file as `b2c score` writes it when the export lacked the indicator's statements."""
    path = folder / "results" / f"{period}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["indicators"] = [i for i in data["indicators"] if i["id"] != indicator]
    data["not_measured"] = [indicator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_a_partnership_not_measuring_enters_no_roll_up_and_is_counted(tmp_path: Path) -> None:
    make(tmp_path, "a", 1, {"2026": {"belonging": (30, 50), "trust": (40, 50)}})
    b = make(tmp_path, "b", 2, {"2026": {"belonging": (20, 40), "trust": (10, 40)}})
    _not_measuring(tmp_path / "b", "2026", "trust")
    assert b is not None
    result = portfolio(tmp_path, "--json", "--dry-run")
    assert result.exit_code == 0, result.stderr
    rows = rollup_by_key(json.loads(result.stdout))
    trust = rows[("trust", 2026)]
    # a's 40/50 alone (Wilson, its own value): b's 10/40 is nowhere
    assert (trust["partnerships"], trust["not_measured"]) == (1, 1)
    assert (trust["positive"], trust["n"], trust["percent"]) == (40, 50, 80.0)
    assert rows[("belonging", 2026)]["not_measured"] == 0
    assert rows[("belonging", 2026)]["partnerships"] == 2

    out = tmp_path / "out"
    written = portfolio(tmp_path, "-o", out, "--format", "md,html,xlsx,docx")
    assert written.exit_code == 0, written.stderr
    line = f"{TRUST}, 2026: ikke målt i 1 partnerskab"
    assert line in (out / "portfolio.md").read_text("utf-8")
    assert line in (out / "portfolio.html").read_text("utf-8")
    document = docx.Document(str(out / "portfolio.docx"))
    assert any(line in p.text for p in document.paragraphs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO((out / "portfolio.xlsx").read_bytes()))
    sheet = book.worksheets[1]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("Ikke målt (partnerskaber)")
    by_name = {(row[0].value, row[2].value): row[column].value for row in sheet.iter_rows(min_row=2)}
    assert by_name[(TRUST, 2026)] == 1
    assert by_name[("Tilhørsforhold (versus isolation)", 2026)] == 0


def _partnership_row(rows: list[list[str]], name: str) -> list[str]:
    return next(row for row in rows if row and row[0] == name)


def test_the_cell_of_a_latest_year_that_did_not_measure_says_so(tmp_path: Path) -> None:
    """b measured trust at baseline (60 %) but not in 2026, its latest year: its trust cell says "ikke
    målt" in every format - never the baseline's 60 % as if it were 2026's."""
    make(tmp_path, "a", 1, {"baseline": {"trust": (20, 50)}, "2026": {"trust": (40, 50)}})
    make(tmp_path, "b", 2, {"baseline": {"trust": (30, 50)}, "2026": {"trust": (10, 40)}})
    _not_measuring(tmp_path / "b", "2026", "trust")
    name = {"a": "Partnerskab 0001", "b": "Partnerskab 0002"}

    data = json.loads(portfolio(tmp_path, "--json", "--dry-run").stdout)
    cells = {p["path"]: p["indicators"]["trust"] for p in data["partnerships"]}
    assert cells["b"]["not_measured"] is True and cells["b"]["display"] == "ikke målt"
    assert (cells["b"]["year"], cells["b"]["period"], cells["b"]["percent"], cells["b"]["n"]) == (
        2026,
        "2026",
        None,
        None,
    )
    assert (cells["a"]["not_measured"], cells["a"]["percent"]) == (False, 80.0)
    # with --year 2025 the baseline is b's latest measurement, and it did measure trust
    earlier = json.loads(portfolio(tmp_path, "--json", "--dry-run", "--year", "2025").stdout)
    assert {p["path"]: p["indicators"]["trust"]["percent"] for p in earlier["partnerships"]}["b"] == 60.0

    out = tmp_path / "out"
    written = portfolio(tmp_path, "-o", out, "--format", "md,html,xlsx,docx,json")
    assert written.exit_code == 0, written.stderr
    markdown = (out / "portfolio.md").read_text("utf-8")
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {name['b']} |"))
    assert "ikke målt" in row and "60 %" not in row
    html = (out / "portfolio.html").read_text("utf-8")
    row = next(line for line in html.splitlines() if f"<td>{name['b']}</td>" in line)
    assert "ikke målt" in row and "60 %" not in row
    document = docx.Document(str(out / "portfolio.docx"))
    table_rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    row_b = _partnership_row(table_rows, name["b"])
    assert "ikke målt" in row_b and not any("60 %" in c for c in row_b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO((out / "portfolio.xlsx").read_bytes()))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    by_name = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=2)}
    trust = headers.index(TRUST)
    assert by_name[name["b"]][trust : trust + 2] == ["ikke målt", None]
    assert by_name[name["a"]][trust] == 0.8
    assert json.loads((out / "portfolio.json").read_text("utf-8"))["partnerships"][1]["indicators"]["trust"][
        "not_measured"
    ]

    english = portfolio(tmp_path, "-o", tmp_path / "en", "--format", "md", "--lang", "en")
    assert english.exit_code == 0, english.stderr
    row = next(
        line
        for line in (tmp_path / "en" / "portfolio.md").read_text("utf-8").splitlines()
        if line.startswith(f"| {name['b']} |")
    )
    assert "not measured" in row
