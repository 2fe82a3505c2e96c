"""The XLSX's per-statement sheet gives each statement the steps of its own answer scale: one table per
scale with that scale's step labels as headers, so the answers on a 7- and a 4-step scale are counted
under their own steps (they used to leave the five guide columns empty)."""

from __future__ import annotations

import csv
import io
import shutil
import warnings
from collections import Counter
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from b2c_cli.cli.app import app
from b2c_cli.i18n import tr
from b2c_cli.models.scale import SCALES

from .kit import ENV, EXAMPLE, render

# belonging (2 statements) and tryghed (2) on the guide's scale; trust on agree-7, co-creation on agree-4
AGREE5 = ["Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig"]
AGREE7 = [
    "Helt enig",
    "Enig",
    "Delvis enig",
    "Hverken enig eller uenig",
    "Delvis uenig",
    "Uenig",
    "Helt uenig",
]
AGREE4 = ["Helt enig", "Enig", "Uenig", "Helt uenig"]
TRUST = [AGREE7[k % 7] for k in range(12)]  # every step at least once
CO = [AGREE4[k % 3] for k in range(12)]  # "Helt uenig" never: its column must still be there, with 0


def _statements() -> list[str]:
    text = (EXAMPLE / "part3-evaluation.yaml").read_text("utf-8")
    return [line.split('"')[1] for line in text.splitlines() if line.strip().startswith('- text: "')][:6]


def test_each_statement_has_the_columns_of_its_own_scale(tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports"))
    part3 = folder / "part3-evaluation.yaml"
    text = part3.read_text("utf-8")
    for indicator, scale in (("trust", "agree-7"), ("co-creation", "agree-4")):
        assert text.count(f"  - id: {indicator}\n") == 1
        text = text.replace(f"  - id: {indicator}\n", f"  - id: {indicator}\n    scale: {scale}\n")
    part3.write_text(text, "utf-8")
    statements = _statements()
    export = tmp_path / "svar.csv"
    with export.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["ID", *statements])
        for k in range(12):
            five = AGREE5[k % 5]
            writer.writerow([k + 1, five, five, TRUST[k], CO[k], five, five])
    scored = CliRunner().invoke(
        app, ["score", str(export), "--dir", str(folder), "--period", "baseline"], env=ENV
    )
    assert scored.exit_code == 0, scored.stdout + scored.stderr
    files = render(folder, "--format", "xlsx", output=tmp_path / "out")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(files["esg-report.xlsx"]))
    sheet = book.worksheets[2]
    tables = sorted(sheet.tables.values(), key=lambda t: int(t.ref.split(":")[0][1:]))
    assert [t.name for t in tables] == ["Statements", "Statements2", "Statements3"]
    found: dict[str, tuple[list[str], dict[str, list[object]]]] = {}
    for table in tables:
        first, last = (int(part[1:]) for part in table.ref.split(":"))
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first, max_row=last)]
        headers = [str(value) for value in rows[0] if value is not None]
        by_statement = {str(row[2]): row for row in rows[1:]}
        found[str(len(headers) - 9)] = (headers, by_statement)
    # the guide's scale first, with its words; then each scale's own labels, least to most agreeing
    five, by5 = found["5"]
    assert five[5:10] == [tr(f"report-step-{step}", "da") for step in (1, 2, 3, 4, 5)]
    assert set(by5) == {statements[0], statements[1], statements[4], statements[5]}
    seven, by7 = found["7"]
    assert seven[5:12] == list(reversed(SCALES["agree-7"].labels("da")[:7]))
    four, by4 = found["4"]
    assert four[5:9] == ["Helt uenig", "Uenig", "Enig", "Helt enig"]
    # the counts under their own steps, worked out from the answers written
    trust = Counter(TRUST)
    assert by7[statements[2]][5:12] == [trust[label] for label in reversed(AGREE7)]
    co = Counter(CO)
    assert by4[statements[3]][5:9] == [co[label] for label in reversed(AGREE4)] == [0, 4, 4, 4]
    # n and the share next to them: agree-4's top two of 12 = 8/12; agree-7's top two = 4/12
    assert by4[statements[3]][11] == 12 and by4[statements[3]][12] == 8 / 12
    assert by7[statements[2]][14] == 12 and by7[statements[2]][15] == 4 / 12
