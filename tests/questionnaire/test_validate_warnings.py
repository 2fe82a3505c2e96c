"""The checks `b2c validate` makes for the questionnaire: a survey indicator without statements, two
statements with the same text, and a measurement whose planned date has passed with no results. Each is a
warning: exit 0, and exit 1 with --strict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.i18n import tr
from conftest import Run
from helpers import TODAY

from .kit import PART3, SCAFFOLD_STATEMENTS, edit_part3, fill_entry_workbook, generate, score_json

BELONGING, TRUST, CO_CREATION = SCAFFOLD_STATEMENTS["da"]


def problems(run: Run, folder: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = run("validate", folder, "--json", *args)
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return result.exit_code, found


def assert_only_warnings(run: Run, folder: Path, expected: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Validation finds exactly these (code, path) warnings; exit 0, and 1 with --strict."""
    code, found = problems(run, folder)
    assert [(p["code"], p["path"]) for p in found] == expected
    assert {p["severity"] for p in found} == {"warning"}
    assert {p["file"] for p in found} == {PART3}
    assert code == 0
    strict_code, strict_found = problems(run, folder, "--strict")
    assert strict_code == 1
    assert strict_found == found
    return found


def test_the_scaffold_has_none_of_these_warnings(run: Run, partnership: Path) -> None:
    assert problems(run, partnership) == (0, [])


def test_a_survey_indicator_without_statements(run: Run, partnership: Path) -> None:
    edit_part3(
        partnership,
        f'    items:\n      - text: "{TRUST}"\n',
        "    items: []\n",
    )
    edit_part3(partnership, "        reverse: false\n  - id: co-creation", "  - id: co-creation")
    found = assert_only_warnings(run, partnership, [("no-items", "indicators[1].items")])
    assert found[0]["message"] == tr("no-items", "da", id="trust")
    assert found[0]["line"] is not None

    # The questionnaire leaves the indicator out rather than failing.
    generate(run, partnership, "--format", "md")
    text = (partnership / "questionnaire" / "questionnaire.md").read_text("utf-8")
    assert BELONGING in text and CO_CREATION in text and TRUST not in text


def test_a_survey_indicator_with_no_items_key_at_all(run: Run, partnership: Path) -> None:
    edit_part3(partnership, f'    items:\n      - text: "{TRUST}"\n        reverse: false\n', "")
    found = assert_only_warnings(run, partnership, [("no-items", "indicators[1].items")])
    assert found[0]["line"] is not None  # the indicator's line, since it has no `items:` to point at


def test_two_statements_with_the_same_text(run: Run, partnership: Path) -> None:
    # The same words with other case and spacing are the same statement to a resident and to matching.
    edit_part3(
        partnership,
        f'"{TRUST}"',
        '"  jeg er STOLT af at fortælle,  hvor jeg bor"',
    )
    found = assert_only_warnings(
        run,
        partnership,
        [
            ("duplicate-item-text", "indicators[0].items[0].text"),
            ("duplicate-item-text", "indicators[1].items[0].text"),
        ],
    )
    assert found[0]["message"] == tr("duplicate-item-text", "da", text=BELONGING[:60])


@pytest.mark.parametrize("planned", ["2024-12-01", "2025-01-14"])
def test_a_measurement_whose_planned_date_has_passed_without_results(
    run: Run, partnership: Path, planned: str
) -> None:
    assert planned < TODAY
    edit_part3(
        partnership,
        '  - id: "baseline"\n    year: 2024\n    planned_date:\n',
        f'  - id: "baseline"\n    year: 2024\n    planned_date: {planned}\n',
    )
    found = assert_only_warnings(run, partnership, [("measurement-overdue", "periods[0].planned_date")])
    assert found[0]["message"] == tr("measurement-overdue", "da", period="baseline", date=planned)


def test_no_overdue_warning_once_the_period_is_scored(run: Run, partnership: Path, tmp_path: Path) -> None:
    edit_part3(
        partnership, "    year: 2024\n    planned_date:\n", "    year: 2024\n    planned_date: 2024-12-01\n"
    )
    assert_only_warnings(run, partnership, [("measurement-overdue", "periods[0].planned_date")])

    # Score the baseline from the data-entry workbook: results/baseline.yaml appears and the warning goes.
    generate(run, partnership, "--format", "xlsx")
    filled = tmp_path / "baseline.xlsx"
    fill_entry_workbook(partnership / "questionnaire" / "data-entry.xlsx", filled, [(1, [5, 4, 3], [])], "da")
    score_json(run, partnership, filled, "--period", "baseline")
    assert (partnership / "results" / "baseline.yaml").is_file()

    assert problems(run, partnership) == (0, [])
    assert problems(run, partnership, "--strict") == (0, [])


@pytest.mark.parametrize("planned", ["2025-01-15", "2025-02-01"])
def test_no_overdue_warning_for_today_or_a_future_date(run: Run, partnership: Path, planned: str) -> None:
    edit_part3(
        partnership, "    year: 2024\n    planned_date:\n", f"    year: 2024\n    planned_date: {planned}\n"
    )
    assert problems(run, partnership) == (0, [])
    assert problems(run, partnership, "--strict") == (0, [])


def test_the_warnings_are_in_english_for_an_english_partnership(run: Run, partnership_en: Path) -> None:
    edit_part3(
        partnership_en,
        "    year: 2024\n    planned_date:\n",
        "    year: 2024\n    planned_date: 2024-12-01\n",
    )
    result = run("validate", partnership_en)
    assert result.exit_code == 0
    assert tr("measurement-overdue", "en", period="baseline", date="2024-12-01") in result.stdout


def test_what_the_duplicate_warning_protects_against(run: Run, partnership: Path, tmp_path: Path) -> None:
    """Two statements with the same text make two entry columns with the same heading: `b2c score` cannot
    tell them apart and refuses cleanly (exit 3), naming both columns. The warning says so beforehand."""
    edit_part3(partnership, f'"{TRUST}"', f'"{BELONGING}"')
    assert problems(run, partnership)[0] == 0
    generate(run, partnership, "--format", "xlsx")
    filled = tmp_path / "filled.xlsx"
    fill_entry_workbook(partnership / "questionnaire" / "data-entry.xlsx", filled, [(1, [5, 4, 3], [])], "da")

    result = run("score", filled, "--dir", partnership, "--period", "baseline")

    assert result.exit_code == 3
    assert "(B, C)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (partnership / "results").exists()
