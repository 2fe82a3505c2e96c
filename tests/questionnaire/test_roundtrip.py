"""The heart of `b2c questionnaire`: the data-entry workbook it writes, filled in the way a typist fills it
(respondent numbers, every answer picked from the cell's dropdown, some blanks, some don't-knows, the
background questions), is read back by `b2c score` with no mapping work, to figures worked out here by hand.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from b2c_cli.i18n import tr
from conftest import Run
from helpers import GOLDEN_FLAGS

from .data import (
    EXAMPLE_ROWS,
    EXPECTED,
    EXPECTED_ITEMS,
    EXPECTED_SEGMENTS,
    OLD,
    SCAFFOLD_EXPECTED,
    SCAFFOLD_ROWS,
    UNMIRRORED_S6,
    UNMIRRORED_TRYGHED,
    YOUNG,
)
from .kit import (
    ENTRY,
    EXAMPLE_STATEMENTS,
    OUTPUT,
    SCAFFOLD_STATEMENTS,
    copy_example,
    edit_part3,
    figures,
    fill_entry_workbook,
    generate,
    item_figures,
    score_json,
)

Z95 = 1.959963984540054


def wilson(positive: int, n: int) -> list[float]:
    """The 95 % Wilson score interval in percent, one decimal rounded half up, worked out independently."""
    p = positive / n
    denominator = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denominator
    return [
        float(Decimal(repr(value * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        for value in (max(0.0, centre - half), min(1.0, centre + half))
    ]


@pytest.fixture
def example(tmp_path: Path, run: Run) -> Path:
    """A copy of the example with its questionnaire written by the code under test (not the committed one)."""
    folder = copy_example(tmp_path)
    for path in (folder / OUTPUT).iterdir():
        path.unlink()
    generate(run, folder)
    return folder


def test_the_filled_entry_workbook_scores_back_to_the_figures_worked_out_by_hand(
    run: Run, example: Path, tmp_path: Path
) -> None:
    filled = example / "surveys" / "2027-paper.xlsx"
    # The typist skipped sheet row 8 (between respondents 6 and 7): an empty row is not a respondent.
    fill_entry_workbook(example / OUTPUT / ENTRY, filled, EXAMPLE_ROWS, "da", skip_rows=[8])

    data = score_json(run, example, filled, "--period", "2027")

    assert data["respondents"] == 12
    assert data["excluded_rows"] == {"empty-row": 1}
    assert data["source"]["layout"] == "plain"
    assert figures(data) == EXPECTED
    assert item_figures(data) == EXPECTED_ITEMS
    for indicator in data["indicators"]:
        assert indicator["ci95"] == wilson(indicator["positive"], indicator["n"]), indicator["id"]
    # belonging: 6 of 11 -> [28.0, 78.7], worked out once more by hand as a check on `wilson` itself.
    assert data["indicators"][0]["ci95"] == [28.0, 78.7]
    # Every statement found its column by its exact text, none by an explicit `column:`.
    assert [(m["text"], m["column"], m["reason"]) for m in data["matches"]] == [
        (text, text, "text") for text in EXAMPLE_STATEMENTS
    ]
    assert [item["reverse"] for i in data["indicators"] for item in i["items"]] == [False] * 5 + [True]
    # The background columns hold no scale labels, and the respondent number is not an answer.
    assert data["unused_scale_columns"] == []
    assert data["action"] == "written"

    stored = yaml.safe_load((example / "results" / "2027.yaml").read_text("utf-8"))
    assert {i["id"]: (i["positive"], i["n"]) for i in stored["indicators"]} == {
        key: (value[1], value[2]) for key, value in EXPECTED.items()
    }
    assert stored["respondents"] == 12


def test_only_the_reverse_flag_mirrors_the_reverse_worded_statement(
    run: Run, example: Path, tmp_path: Path
) -> None:
    """The questionnaire prints the statement as worded either way; scoring mirrors it only because Part 3
    says `reverse: yes`. Without the flag the same answers give the unmirrored figures."""
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(example / OUTPUT / ENTRY, filled, EXAMPLE_ROWS, "da")
    edit_part3(example, "        reverse: yes\n", "")
    before = (example / OUTPUT / ENTRY).read_bytes()
    generate(run, example, "--format", "xlsx")
    assert (example / OUTPUT / ENTRY).read_bytes() == before  # the reverse flag is not printed anywhere

    data = score_json(run, example, filled, "--period", "2027", "--dry-run")

    assert figures(data)["tryghed"] == UNMIRRORED_TRYGHED
    assert item_figures(data)[EXAMPLE_STATEMENTS[5]] == UNMIRRORED_S6
    assert {k: v for k, v in figures(data).items() if k != "tryghed"} == {
        k: v for k, v in EXPECTED.items() if k != "tryghed"
    }


def test_segment_by_background_question_id(run: Run, example: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(example / OUTPUT / ENTRY, filled, EXAMPLE_ROWS, "da")

    data = score_json(run, example, filled, "--period", "2027", "--segment", "alder", "--dry-run")

    segments = data["segments"]
    assert segments["column"] == "Hvor gammel er du?"
    assert segments["hidden_groups"] == 0
    assert segments["hidden_respondents"] == 0
    found = {
        group["group"]: (
            group["respondents"],
            {
                cell["indicator"]: (cell["percent"], cell["positive"], cell["n"])
                for cell in group["indicators"]
                if not cell["suppressed"]
            },
        )
        for group in segments["groups"]
    }
    assert found == EXPECTED_SEGMENTS
    # In the order of the background question's options, not alphabetically.
    assert [group["group"] for group in segments["groups"]] == [YOUNG, OLD]
    assert data["action"] == "dry-run"
    assert not (example / "results" / "2027.yaml").exists()


def test_segment_by_the_other_background_question_hides_small_groups(
    run: Run, example: Path, tmp_path: Path
) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(example / OUTPUT / ENTRY, filled, EXAMPLE_ROWS, "da")

    data = score_json(run, example, filled, "--period", "2027", "--segment", "boet", "--dry-run")

    # Over 10 år: rows 3, 7, 8, 10, 12 (5, shown); 2-10 år: rows 1, 4, 5, 9 (4); Under 2 år: rows 2, 6 (2);
    # row 11 left it blank (1). The three small groups are neither named nor shown.
    segments = data["segments"]
    assert [(g["group"], g["respondents"]) for g in segments["groups"]] == [("Over 10 år", 5)]
    assert segments["hidden_groups"] == 3
    assert segments["hidden_respondents"] == 7


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_entry_workbook_in_either_language_gives_the_same_figures(
    run: Run, example: Path, tmp_path: Path, lang: str
) -> None:
    """`--lang en` on the Danish example: English labels in the dropdowns, the statements as worded."""
    out = tmp_path / f"out-{lang}"
    generate(run, example, "--lang", lang, "--format", "xlsx", "-o", out)
    filled = tmp_path / f"filled-{lang}.xlsx"
    fill_entry_workbook(out / ENTRY, filled, EXAMPLE_ROWS, lang)

    data = score_json(run, example, filled, "--period", "2027", "--dry-run")

    assert figures(data) == EXPECTED
    assert item_figures(data) == EXPECTED_ITEMS


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_fresh_scaffold_round_trips(run: Run, tmp_path: Path, lang: str) -> None:
    folder = tmp_path / f"scaffold-{lang}"
    result = run("init", folder, *GOLDEN_FLAGS, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    generate(run, folder)
    filled = folder / "surveys" / "baseline.xlsx"
    fill_entry_workbook(folder / OUTPUT / ENTRY, filled, SCAFFOLD_ROWS, lang)

    data = score_json(run, folder, filled)

    assert data["period"] == "baseline"
    assert data["respondents"] == 7
    assert figures(data) == SCAFFOLD_EXPECTED
    assert [(m["text"], m["reason"]) for m in data["matches"]] == [
        (text, "text") for text in SCAFFOLD_STATEMENTS[lang]
    ]
    assert (folder / "results" / "baseline.yaml").is_file()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_untouched_entry_workbook_is_refused_cleanly(run: Run, tmp_path: Path, lang: str) -> None:
    folder = tmp_path / f"scaffold-{lang}"
    assert run("init", folder, *GOLDEN_FLAGS, "--lang", lang).exit_code == 0
    generate(run, folder)

    result = run("score", folder / OUTPUT / ENTRY, "--dir", folder, "--period", "baseline")

    assert result.exit_code == 3
    assert result.stdout == ""
    message = " ".join(tr("score-no-rows", lang).split())
    assert message in " ".join(result.stderr.split())
    assert ENTRY in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "results").exists() or not any((folder / "results").iterdir())


def test_the_untouched_example_entry_workbook_is_refused_cleanly(run: Run, example: Path) -> None:
    result = run("score", example / OUTPUT / ENTRY, "--dir", example, "--period", "2027", "--json")
    assert result.exit_code == 3
    assert "Traceback" not in result.stdout + result.stderr
    assert not (example / "results" / "2027.yaml").exists()
