"""`b2c report` on the command line: choosing formats, the output folder, a dry run, the language; what
happens with an invalid workbook or no results yet; and the table's special cases (a count, a percentage
entered by hand with its n, an indicator without a target, a small sample, a significant change)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from b2c_cli.i18n import tr
from conftest import Run
from helpers import files_in, snapshot

from .kit import (
    DOCUMENTS,
    ICS,
    OUTPUTS,
    PART2,
    PART3,
    XLSX,
    add_indicator,
    edit,
    footnotes,
    markdown_tables,
    render,
    set_result,
    table_after,
)


@pytest.mark.parametrize(
    ("formats", "written"),
    [
        ("md", {"esg-report.md", "agreement.md"}),
        ("html", {"esg-report.html", "agreement.html"}),
        ("xlsx", {XLSX}),
        ("ics", {ICS}),
        ("xlsx,ics", {XLSX, ICS}),
        (" HTML , md ,md", {*DOCUMENTS}),
        ("docx", {"esg-report.docx", "agreement.docx"}),
        ("md,html,xlsx,ics,docx", set(OUTPUTS)),
    ],
)
def test_format_chooses_the_files(run: Run, example: Path, formats: str, written: set[str]) -> None:
    result = run("report", example, "--format", formats)
    assert result.exit_code == 0, result.stderr
    assert set(files_in(example / "reports")) == written
    assert len(result.stdout.strip().splitlines()) == len(written)


def test_default_writes_everything(run: Run, example: Path) -> None:
    result = run("report", example)
    assert result.exit_code == 0, result.stderr
    assert set(files_in(example / "reports")) == set(OUTPUTS)


@pytest.mark.parametrize("formats", ["rtf", "md,odt", "md;html"])
def test_unknown_format_is_a_usage_error(run: Run, example: Path, formats: str) -> None:
    result = run("report", example, "--format", formats, "--lang", "en")
    assert result.exit_code == 2
    bad = formats.split(",")[-1]
    assert (
        tr("report-bad-format", "en", value=bad, choices="md, html, xlsx, ics, docx, pdf, vsme")
        in result.stderr
    )
    assert not (example / "reports").exists()


def test_output_folder(run: Run, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "esg" / "2026"
    result = run("report", example, "-o", target, "--format", "md,xlsx")
    assert result.exit_code == 0, result.stderr
    assert set(files_in(target)) == {"esg-report.md", "agreement.md", XLSX}
    assert not (example / "reports").exists()
    assert str(target / XLSX) in " ".join(result.stdout.split())


def test_dry_run_writes_nothing(run: Run, example: Path) -> None:
    before = snapshot(example)
    result = run("report", example, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert snapshot(example) == before
    lines = [" ".join(line.split()) for line in result.stdout.strip().splitlines()]
    expected = [
        " ".join(tr("report-would-write", "da", path=str(example / "reports" / n)).split()) for n in OUTPUTS
    ]
    assert lines == expected


def test_dry_run_after_a_run_says_unchanged(run: Run, example: Path) -> None:
    render(example)
    before = snapshot(example)
    result = run("report", example, "--dry-run")
    assert result.exit_code == 0
    assert snapshot(example) == before
    assert result.stdout.count(tr("report-unchanged", "da", path="").strip()) == len(OUTPUTS)


def test_lang_en_writes_english_for_a_danish_partnership(run: Run, example: Path) -> None:
    result = run("report", example, "--lang", "en", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "written" in result.stdout
    text = (example / "reports" / "esg-report.md").read_text("utf-8")
    assert text.startswith("# ESG report: ")
    assert table_after(text, "## ESG table")[0][3:5] == ["Baseline (2025)", "Year 1 (2026)"]


def test_report_finds_the_partnership_from_a_subfolder(
    run: Run, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example / "results")
    result = run("report", "--format", "ics")
    assert result.exit_code == 0, result.stderr
    assert (example / "reports" / ICS).is_file()


def test_invalid_workbook_exits_1_and_writes_nothing(run: Run, example: Path) -> None:
    def break_it(data: Any) -> None:
        data["agreement"]["initiatives"][0]["indicators"].append("no-such-indicator")

    edit(example, PART2, break_it)
    before = snapshot(example)
    result = run("report", example, "--lang", "en")
    assert result.exit_code == 1
    assert "b2c validate" in result.stderr
    assert result.stdout == ""
    assert snapshot(example) == before


def test_unreadable_results_file_exits_3(run: Run, example: Path) -> None:
    (example / "results" / "2026.yaml").write_text("indicators: [\n", "utf-8")
    result = run("report", example)
    assert result.exit_code == 3
    assert "results/2026.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (example / "reports").exists()


def test_no_results_yet_still_renders_with_empty_cells(run: Run, example: Path) -> None:
    for path in (example / "results").iterdir():
        path.unlink()

    def no_manual(data: Any) -> None:
        data["manual_values"] = []

    edit(example, PART3, no_manual)
    files = render(example)
    text = files["esg-report.md"].decode("utf-8")
    rows = table_after(text, "## ESG-tabel")
    assert [row[3:6] for row in rows[1:]] == [["", "", ""]] * 5
    assert [row[6] for row in rows[1:]] == [""] * 5  # target met: not known yet
    assert [row[2] for row in rows[1:]] == ["Min. 85 %", "Min. 80 %", "Min. 75 %", "Min. 8", "Min. 70 %"]
    assert footnotes(text) == {}
    assert "Bemærkninger" not in text and "Datagrundlag" not in text
    assert "- Udvikling: Baseline (2025) – · År 1 (2026) – · År 2 (2027) –" in text
    sheet = load_workbook(io.BytesIO(files[XLSX])).worksheets[0]
    assert [[sheet.cell(row, column).value for column in (4, 5, 6)] for row in range(2, 7)] == [
        [None] * 3
    ] * 5
    # No empty charts: each indicator says "no data yet" where its chart will be.
    assert len(sheet._charts) == 0
    said = [cell.value for row in sheet.iter_rows(min_row=7) for cell in row if isinstance(cell.value, str)]
    assert said == [f"{row[1]}: {tr('report-no-data-yet', 'da')}" for row in rows[1:]]
    items = load_workbook(io.BytesIO(files[XLSX])).worksheets[2]
    assert items.max_row <= 2 and all(cell.value is None for cell in items[2])
    html = files["esg-report.html"].decode("utf-8")
    assert html.count("<svg") == 5 and "<rect" not in html


def test_a_fresh_scaffold_renders(run: Run, partnership: Path) -> None:
    result = run("report", partnership)
    assert result.exit_code == 0, result.stderr
    files = files_in(partnership / "reports")
    assert set(files) == set(OUTPUTS)
    for name in ("esg-report.md", "agreement.md"):
        markdown_tables(files[name].decode("utf-8"))


def _with_specials(folder: Path) -> None:
    """The example plus a percentage entered by hand (n = 60, then 40) and an indicator without a target."""
    add_indicator(
        folder,
        {
            "id": "frivillige",
            "name": "Frivillige beboere",
            "kind": "percent",
            "esrs": "S4",
            "kpi": "% af de adspurgte, der er frivillige",
            "target": {"value": 25, "direction": "at_least"},
            "method": "Afdelingsbestyrelsens optælling.",
        },
        {"period": "baseline", "value": 30, "n": 60},
        {"period": "2026", "value": 35.5, "n": 40},
    )
    add_indicator(
        folder,
        {
            "id": "naboskab",
            "name": "Godt naboskab",
            "kind": "count",
            "esrs": "S3",
            "kpi": "Antal naboarrangementer",
            "no_target_reason": "Vi kender ikke et realistisk niveau før første år.",
            "method": "Optælling.",
        },
        {"period": "2026", "value": 12},
    )


def test_manual_percent_with_n_count_and_no_target(example: Path) -> None:
    _with_specials(example)
    files = render(example)
    text = files["esg-report.md"].decode("utf-8")
    rows = {row[1]: row for row in table_after(text, "## ESG-tabel")[1:]}
    notes = footnotes(text)

    volunteers = rows["Frivillige beboere"]
    assert volunteers[2] == "Min. 25 %"
    assert volunteers[3].startswith("30 %[^") and volunteers[4].startswith("36 %[^")  # 35.5 rounds half up
    assert volunteers[6] == "Ja (inden for usikkerheden)"  # 35.5 % of 40 against 25 %: 22.5-50.9 % holds it
    first = notes[int(volunteers[3].split("[^")[1].rstrip("]"))]
    assert first.startswith("Baseline (2025): n = 60, 95 %-konfidensinterval ")
    assert first.endswith(", indtastet manuelt")
    second = notes[int(volunteers[4].split("[^")[1].rstrip("]"))]
    assert second.startswith("År 1 (2026): n = 40, 95 %-konfidensinterval ")
    # n = 40 is under the guide's 50: the automatic note says so.
    small = tr("note-small-sample", "da", name="Frivillige beboere", label="År 1 (2026)", n=40, minimum=50)
    assert f"- {small}" in text

    count = rows["Unge i virksomhedspraktik"]
    assert count[3:5] == ["0[^7]", "4[^8]"] and count[2] == "Min. 8"

    neighbours = rows["Godt naboskab"]
    assert neighbours[2] == "Ingen målsætning"
    assert neighbours[3] == "" and neighbours[4].startswith("12[^")
    assert neighbours[6] == ""
    esrs = text.split("### Godt naboskab (ESRS S3, Berørte samfund)\n", 1)[1].split("\n###", 1)[0]
    assert (
        "- Målsætning: Ingen målsætning. Begrundelse: Vi kender ikke et realistisk niveau før første år."
        in esrs
    )
    assert "S4, Forbrugere og slutbrugere" in text or "(ESRS S4, " in text

    sheet = load_workbook(io.BytesIO(files[XLSX])).worksheets[0]
    by_name = {sheet.cell(row, 2).value: row for row in range(2, sheet.max_row + 1)}
    row = by_name["Frivillige beboere"]
    assert (sheet.cell(row, 4).value, sheet.cell(row, 4).number_format) == (0.3, "0%")
    assert (sheet.cell(row, 5).value, sheet.cell(row, 5).number_format) == (0.355, "0%")
    assert (sheet.cell(row, 7).value, sheet.cell(row, 7).number_format) == (0.25, "0%")
    row = by_name["Godt naboskab"]
    assert sheet.cell(row, 3).value == "Ingen målsætning"
    assert sheet.cell(row, 5).value == 12 and type(sheet.cell(row, 5).value) is int
    assert sheet.cell(row, 7).value is None and sheet.cell(row, 8).value is None
    assert len(sheet._charts) == 7
    details = load_workbook(io.BytesIO(files[XLSX])).worksheets[1]
    found = [
        [cell.value for cell in line]
        for line in details.iter_rows(min_row=2)
        if line[0].value == "Frivillige beboere" and line[1].value == "År 1 (2026)"
    ]
    assert found[0][2] == 40 and found[0][4] == 0.355
    assert "40 svar" in found[0][12]


def test_small_sample_gets_the_automatic_note(example: Path) -> None:
    set_result(example, "2026", "belonging", 17, 40)
    text = render(example, "--format", "md")["esg-report.md"].decode("utf-8")
    small = tr(
        "note-small-sample",
        "da",
        name="Tilhørsforhold (versus isolation)",
        label="År 1 (2026)",
        n=40,
        minimum=50,
    )
    assert f"- {small}" in text
    row = table_after(text, "## ESG-tabel")[1]
    assert row[4].startswith("43 %[^")  # 17 of 40 = 42.5 %, rounded half up
    assert footnotes(text)[2].startswith("År 1 (2026): n = 40, ")
    # Only that value is small.
    assert text.count("færre end de 50") == 1


def test_significant_change_is_labelled_significant(example: Path) -> None:
    set_result(example, "2026", "trust", 80, 100)
    set_result(example, "2026", "tryghed", 80, 100)
    files = render(example, "--format", "md,xlsx", "--lang", "en")
    text = files["esg-report.md"].decode("utf-8")
    rows = {row[1]: row for row in table_after(text, "## ESG table")[1:]}
    assert rows["Tillid (versus mistænksomhed)"][4].startswith("80%[^")
    # 80 % against at least 80 %: met, but the interval (71.1-86.7 %) holds 80 %.
    assert rows["Tillid (versus mistænksomhed)"][6] == "Yes (within the uncertainty)"
    note = footnotes(text)[4]
    assert ", change against Baseline (2025) +35.0 percentage points (95% CI +" in note
    assert note.endswith("), significant")
    # The automatic notes keep the changes within noise, and only those.
    assert "Tillid (versus mistænksomhed), Year 1 (2026): the change" not in text
    assert "Tilhørsforhold (versus isolation), Year 1 (2026): the change" in text
    details = load_workbook(io.BytesIO(files[XLSX])).worksheets[1]
    trust = next(
        [cell.value for cell in line]
        for line in details.iter_rows(min_row=2)
        if line[0].value == "Tillid (versus mistænksomhed)" and line[1].value == "Year 1 (2026)"
    )
    assert trust[7] == "Baseline (2025)" and trust[8] == 35 and trust[9] > 0 and trust[11] == "Yes"
    assert not trust[12]  # no automatic note
