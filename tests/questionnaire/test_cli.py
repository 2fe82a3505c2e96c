"""`b2c questionnaire` on the command line: which files each --format writes, -o, --dry-run, a re-run that
changes nothing, a workbook with problems, a workbook without background questions, and a statement full of
characters that mean something in Markdown, HTML, CSV and spreadsheets."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from b2c_cli.i18n import tr
from conftest import Run
from helpers import files_in, snapshot

from .kit import (
    ALL_FILES,
    ENTRY,
    FILES_BY_FORMAT,
    OUTPUT,
    SCAFFOLD_STATEMENTS,
    copy_example,
    edit_part3,
    figures,
    fill_entry_workbook,
    generate,
    score_json,
)


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def said(key: str, path: Path, lang: str = "da") -> str:
    return " ".join(tr(key, lang, path=str(path)).split())


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ("md", {"questionnaire.md"}),
        ("html", {"questionnaire.html"}),
        ("xlsx", {"data-entry.xlsx", "import.xlsx"}),
        ("csv", {"import.csv", "qualtrics-import.txt"}),
        (" HTML , md,html ", {"questionnaire.html", "questionnaire.md"}),
        ("md,html,xlsx,csv", set(ALL_FILES)),
    ],
)
def test_format_chooses_the_files(run: Run, partnership: Path, formats: str, expected: set[str]) -> None:
    result = generate(run, partnership, "--format", formats)
    out = partnership / OUTPUT
    assert set(files_in(out)) == expected
    assert lines(result.stdout) == [
        said("report-wrote", out / name)
        for fmt in ("md", "html", "xlsx", "csv")
        for name in FILES_BY_FORMAT[fmt]
        if name in expected
    ]


def test_every_format_by_default(run: Run, partnership: Path) -> None:
    generate(run, partnership)
    assert set(files_in(partnership / OUTPUT)) == ALL_FILES


@pytest.mark.parametrize("formats", ["pdf", "md,docx", "md;html"])
def test_an_unknown_format_is_a_usage_error_and_writes_nothing(
    run: Run, partnership: Path, formats: str
) -> None:
    before = snapshot(partnership)
    result = run("questionnaire", partnership, "--format", formats)
    assert result.exit_code == 2
    assert result.stdout == ""
    bad = next(
        part.strip() for part in formats.split(",") if part.strip() not in ("md", "html", "xlsx", "csv")
    )
    assert tr("report-bad-format", "da", value=bad, choices="md, html, xlsx, csv") in " ".join(
        result.stderr.split()
    )
    assert snapshot(partnership) == before


def test_output_folder(run: Run, partnership: Path, tmp_path: Path) -> None:
    target = tmp_path / "print" / "2026"  # created, parents too
    result = generate(run, partnership, "-o", target, "--format", "html,md")
    assert set(files_in(target)) == {"questionnaire.html", "questionnaire.md"}
    assert not (partnership / OUTPUT).exists()
    assert said("report-wrote", target / "questionnaire.md") in lines(result.stdout)
    generate(run, partnership, "--output", tmp_path / "long", "--format", "md")
    assert (tmp_path / "long" / "questionnaire.md").read_bytes() == (target / "questionnaire.md").read_bytes()


def test_dry_run_writes_nothing(run: Run, partnership: Path) -> None:
    before = snapshot(partnership)
    result = generate(run, partnership, "--dry-run")
    assert snapshot(partnership) == before
    assert not (partnership / OUTPUT).exists()
    out = partnership / OUTPUT
    assert sorted(lines(result.stdout)) == sorted(
        said("report-would-write", out / name) for name in ALL_FILES
    )


def test_dry_run_after_a_run_reports_unchanged_and_touches_nothing(run: Run, partnership: Path) -> None:
    generate(run, partnership)
    before = snapshot(partnership)
    result = generate(run, partnership, "--dry-run")
    assert snapshot(partnership) == before
    out = partnership / OUTPUT
    assert sorted(lines(result.stdout)) == sorted(said("report-unchanged", out / name) for name in ALL_FILES)


def test_a_rerun_changes_nothing(run: Run, partnership: Path) -> None:
    generate(run, partnership)
    before = snapshot(partnership)  # bytes and modification times
    result = generate(run, partnership)
    assert snapshot(partnership) == before
    out = partnership / OUTPUT
    assert sorted(lines(result.stdout)) == sorted(said("report-unchanged", out / name) for name in ALL_FILES)


def test_a_changed_statement_rewrites_only_what_shows_it(run: Run, partnership: Path) -> None:
    generate(run, partnership)
    # The threshold is printed in the introduction, not in the sheets.
    edit_part3(partnership, "  disclosure_threshold: 5\n", "  disclosure_threshold: 7\n")
    result = generate(run, partnership)
    out = partnership / OUTPUT
    changed = {name for name in ALL_FILES if said("report-wrote", out / name) in lines(result.stdout)}
    assert changed == {"questionnaire.md", "questionnaire.html"}


@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_the_anonymity_promise_states_the_workbooks_disclosure_threshold(
    run: Run, partnership: Path, threshold: int
) -> None:
    """The introduction tells residents that groups below the threshold are never shown: that must be the
    threshold `b2c score` applies, not a fixed five."""
    edit_part3(partnership, "  disclosure_threshold: 5\n", f"  disclosure_threshold: {threshold}\n")
    generate(run, partnership, "--format", "md,html")
    promise = tr("q-intro-anonymous", "da", threshold=threshold)
    assert promise in (partnership / OUTPUT / "questionnaire.md").read_text("utf-8")
    assert promise in html.unescape((partnership / OUTPUT / "questionnaire.html").read_text("utf-8"))


def test_a_workbook_with_problems_is_refused_and_nothing_is_written(run: Run, partnership: Path) -> None:
    edit_part3(partnership, "      value: 85\n", "      value: 185\n")  # a target above 100 %
    before = snapshot(partnership)
    result = run("questionnaire", partnership)
    assert result.exit_code == 1
    assert result.stdout == ""
    message = " ".join(tr("q-workbook-invalid", "da", count=1).split())
    assert message in " ".join(result.stderr.split())
    assert "part3-evaluation.yaml:" in result.stderr
    assert snapshot(partnership) == before


def test_unreadable_part3_is_an_input_error(run: Run, partnership: Path) -> None:
    """A YAML syntax error is exit 3 (DESIGN.md §5), as `b2c validate` says for the same folder."""
    (partnership / "part3-evaluation.yaml").write_text("indicators:\n\t- id: x\n", "utf-8")
    before = snapshot(partnership)
    result = run("questionnaire", partnership)
    assert result.exit_code == 3
    assert run("validate", partnership).exit_code == 3
    assert "part3-evaluation.yaml:2:1" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(partnership) == before


def test_problems_elsewhere_do_not_block_the_questionnaire(run: Run, partnership: Path) -> None:
    """Part 1 is not what the questionnaire is built from: a problem there does not stop it."""
    path = partnership / "part1-housing.yaml"
    path.write_text(path.read_text("utf-8").replace("priorities:\n", "priorities:\n  fokus: x\n", 1), "utf-8")
    assert run("validate", partnership).exit_code == 1
    generate(run, partnership, "--format", "md")
    assert (partnership / OUTPUT / "questionnaire.md").is_file()


def test_a_workbook_without_background_questions(run: Run, partnership: Path) -> None:
    generate(run, partnership)
    out = partnership / OUTPUT
    md = (out / "questionnaire.md").read_text("utf-8")
    page = (out / "questionnaire.html").read_text("utf-8")
    assert tr("q-about-you", "da") not in md
    assert tr("q-about-you", "da") not in page
    assert md.count("☐") == 3 * 6
    assert page.count('class="tick"') == 3 * 6
    assert "MC:SingleAnswer" not in (out / "qualtrics-import.txt").read_text("utf-8")
    assert not [
        line for line in (out / "import.csv").read_text("utf-8-sig").splitlines() if line.startswith("B")
    ]
    sheet = load_workbook(out / ENTRY).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [tr("q-respondent-number", "da"), *SCAFFOLD_STATEMENTS["da"]]


def test_lang_overrides_the_partnerships_language(run: Run, partnership: Path) -> None:
    result = generate(run, partnership, "--lang", "en", "--format", "md")
    out = partnership / OUTPUT
    assert lines(result.stdout) == [said("report-wrote", out / "questionnaire.md", "en")]
    assert (
        (out / "questionnaire.md")
        .read_text("utf-8")
        .startswith("# " + tr("q-title", "en", area="Hedemarken"))
    )


def test_found_from_a_subfolder_like_every_command(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(partnership / "surveys")
    result = run("questionnaire")
    assert result.exit_code == 0, result.stderr
    assert set(files_in(partnership / OUTPUT)) == ALL_FILES


HOSTILE = "Jeg | er <script>alert(\"x\")</script> & 'glad'\nfor *mit* [nabolag](http://x) # 100%"


def test_a_statement_full_of_markup_characters(run: Run, tmp_path: Path, all_counts: None) -> None:
    folder = copy_example(tmp_path)
    yaml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    edit_part3(
        folder,
        '"Jeg føler mig som en del af fællesskabet i Hedemarken"',
        f'"{yaml_text}"',
    )
    generate(run, folder)
    out = folder / OUTPUT

    # Markdown: one table row, the pipe and the markup escaped, the line break a <br>, nothing raw.
    md = (out / "questionnaire.md").read_text("utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| 2 |"))
    statement = (
        "Jeg \\| er \\<script\\>alert(\"x\")\\</script\\> & 'glad'<br>"
        "for \\*mit\\* \\[nabolag\\](http://x) \\# 100%"
    )
    assert row == f"| 2 | {statement} |" + " ☐ |" * 6
    assert re.findall(r"(?<!\\)<(?!br>)", md) == []  # every < is escaped, but for the line break

    # HTML: escaped text, never a tag; the statement reads exactly as written.
    page = (out / "questionnaire.html").read_text("utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;glad&#39;" in page
    assert " ".join(HOSTILE.split()) in " ".join(html.unescape(page).split())

    # The entry workbook's heading is the statement exactly, newline and all; the import sheets carry it
    # too (Qualtrics' format is one line per choice, so there the line break is a space).
    sheet = load_workbook(out / ENTRY).worksheets[0]
    assert sheet["C1"].value == HOSTILE
    assert load_workbook(out / "import.xlsx").worksheets[0]["D3"].value == HOSTILE
    assert " ".join(HOSTILE.split()) in (out / "qualtrics-import.txt").read_text("utf-8").splitlines()

    # And what is typed under it scores back.
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(out / ENTRY, filled, [(1, [5, 5, 4, 4, 4, 2], []), (2, [2, 4, 3, 3, 3, 3], [])], "da")
    data = score_json(run, folder, filled, "--period", "2027", "--dry-run")
    # belonging: r1 (5+5)/2 +, r2 (2+4)/2 = 3 -> 1/2; the hostile statement alone: 5, 4 -> 2/2
    # Two residents: n and the counts only - the disclosure rules hide a figure resting on under 5 answers.
    assert figures(data)["belonging"] == (None, None, 2, 0, 0)
    hostile = next(item for i in data["indicators"] for item in i["items"] if item["text"] == HOSTILE)
    assert (hostile["positive"], hostile["n"], hostile["steps"]) == (None, 2, {})  # no answer per step either
