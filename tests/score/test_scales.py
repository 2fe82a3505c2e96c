"""Answer scales as data, and the cases where b2c used to give a wrong number without a word: a seven- or
nine-step column collapsed onto five steps, a four-step column taken for five, the same export scored as
a second period, a mistyped period, a reworded statement compared across periods. Each test fails on the
code before scales were data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.factories import write_csv

from .kit import STATEMENTS, edit_part3, indicator, score, score_json

SEVEN = [
    "Strongly agree",
    "Agree",
    "Somewhat agree",
    "Neither agree nor disagree",
    "Somewhat disagree",
    "Disagree",
    "Strongly disagree",
]
NINE = [
    "Strongly agree",
    "Agree",
    "Mostly agree",
    "Slightly agree",
    "Neither agree nor disagree",
    "Slightly disagree",
    "Mostly disagree",
    "Disagree",
    "Strongly disagree",
]


def plain_export(tmp_path: Path, labels: list[str], name: str = "export.csv") -> Path:
    """A plain CSV: every statement of the example answered with `labels`, one row each (row k answers
    labels[k] everywhere)."""
    rows: list[list[Any]] = [["Nr", *STATEMENTS]]
    rows += [[k + 1, *([label] * len(STATEMENTS))] for k, label in enumerate(labels)]
    return write_csv(tmp_path / name, rows)


def trust_scale(folder: Path, scale: str) -> None:
    """`scale:` on the trust indicator (one statement)."""
    edit_part3(folder, "  - id: trust\n", f"  - id: trust\n    scale: {scale}\n")


def all_scales(folder: Path, scale: str) -> None:
    edit_part3(folder, "    kind: survey\n", f"    kind: survey\n    scale: {scale}\n", count=4)


def test_seven_steps_are_never_collapsed_onto_five(run: Any, example: Path, tmp_path: Path) -> None:
    """7 rows, one per step: two of seven are positive (28.6 %). Read as five steps, 'Agree' and 'Somewhat
    agree' both became step 4 and 3 of 7 (42.9 %) came out without a warning."""
    export = plain_export(tmp_path, SEVEN)
    result = score(run, export, example, "--json")
    assert result.exit_code == 3, result.stdout
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "score-problems"  # every column at once
    message = error["message"]
    assert "'Agree / Somewhat agree'" in message and "agree-5" in message
    assert "scale: agree-7" in message  # the scale the labels fit, ready to paste
    assert not (example / "results").exists()

    all_scales(example, "agree-7")
    data = score_json(run, export, example)
    trust = indicator(data, "trust")
    assert (trust["percent"], trust["positive"], trust["n"]) == (28.6, 2, 7)
    assert trust["items"][0]["steps"] == {str(step): 1 for step in range(1, 8)}
    assert trust["items"][0]["scale"] == "agree-7"
    # Two items, the second reverse-worded (tryghed): each respondent's mean is 4 (k + 1 = 8, halved),
    # which reaches the lowest positive step (6) for nobody.
    tryghed = indicator(data, "tryghed")
    assert (tryghed["positive"], tryghed["n"]) == (0, 7)


def test_nine_steps_are_refused_on_five_and_score_on_a_declared_scale(
    run: Any, example: Path, tmp_path: Path
) -> None:
    export = plain_export(tmp_path, NINE)
    result = score(run, export, example)
    assert result.exit_code == 3
    assert "Agree / Mostly agree / Slightly agree" in " ".join(result.stderr.split())
    steps = "\n".join(f'        - labels: {{en: ["{label}"]}}' for label in NINE)
    edit_part3(
        example,
        "\nsurvey:\n",
        f"\nsurvey:\n  scales:\n    - id: agree-9\n      positive: 3\n      steps:\n{steps}\n",
    )
    all_scales(example, "agree-9")
    trust = indicator(score_json(run, export, example), "trust")
    assert (trust["percent"], trust["positive"], trust["n"]) == (33.3, 3, 9)


def test_four_steps_are_not_taken_for_five(run: Any, example: Path, tmp_path: Path) -> None:
    """Helt uenig .. Helt enig with no neutral step, enough answers to tell: on the default scale b2c
    asks which scale it is (it used to pass without a word); declared, it scores on four steps, where a
    respondent's mean must reach 3 (the lowest positive step), not 4."""
    labels = ["Helt enig", "Enig", "Uenig", "Helt uenig"] * 6
    export = plain_export(tmp_path, labels)
    result = score(run, export, example)
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    assert "agree-4" in message and "scale: agree-4" in message and "scale: agree-5" in message

    all_scales(example, "agree-4")
    data = score_json(run, export, example)
    trust = indicator(data, "trust")
    assert (trust["percent"], trust["positive"], trust["n"]) == (50.0, 12, 24)
    assert trust["items"][0]["steps"] == {"1": 6, "2": 6, "3": 6, "4": 6}


def test_a_text_label_can_be_mapped_in_the_workbook(run: Any, example: Path, tmp_path: Path) -> None:
    # three times four answers: enough that the disclosure threshold (5) shows the figure
    export = plain_export(tmp_path, ["Helt enig", "Delvis enigt", "Helt uenig", "Delvis enigt"] * 3)
    result = score(run, export, example)
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    # the nearest label of the scale, as a paste-ready mapping
    assert '"Delvis enigt": "Delvis enig"' in message
    edit_part3(example, "\nsurvey:\n", '\nsurvey:\n  labels:\n    "Delvis enigt": "Delvis enig"\n')
    trust = indicator(score_json(run, export, example), "trust")
    assert (trust["positive"], trust["n"]) == (9, 12)


def test_missing_markers_are_blank_only_where_declared(run: Any, example: Path, tmp_path: Path) -> None:
    export = plain_export(tmp_path, ["Helt enig", "NA", "-99", "Helt uenig"] * 3)
    assert score(run, export, example).exit_code == 3
    edit_part3(example, "\nsurvey:\n", '\nsurvey:\n  missing: ["NA", "-99"]\n')
    trust = indicator(score_json(run, export, example), "trust")
    assert (trust["positive"], trust["n"], trust["blank"]) == (3, 6, 6)


def test_a_numeric_scale_takes_numbers_and_number_cells(run: Any, example: Path, tmp_path: Path) -> None:
    """Google Forms' linear scale: 1-5 as numbers (4.0 in an XLSX cell, '4' in a CSV); declared, the
    numbers are steps with 5 the most positive."""
    export = plain_export(tmp_path, ["5", "4", "3", "2", "1", "4"])
    all_scales(example, "linear-5")
    trust = indicator(score_json(run, export, example), "trust")
    assert (trust["positive"], trust["n"]) == (3, 6)


def test_the_same_export_is_never_scored_as_a_second_period(run: Any, example: Path, tmp_path: Path) -> None:
    export = plain_export(tmp_path, ["Helt enig", "Delvis enig", "Helt uenig"])
    score_json(run, export, example, period="baseline")
    result = score(run, export, example, "--json", period="2026")
    assert result.exit_code == 4
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "score-export-in-other-period"
    assert "'baseline'" in error["message"]
    assert not (example / "results" / "2026.yaml").exists()
    # and it may be scored again as the period it is
    assert score_json(run, export, example, period="baseline")["action"] == "unchanged"


def test_an_unknown_period_is_a_usage_error_listing_the_known_ones(
    run: Any, example: Path, tmp_path: Path
) -> None:
    export = plain_export(tmp_path, ["Helt enig"])
    result = score(run, export, example, "--json", period="2029")
    assert result.exit_code == 2
    message = json.loads(result.stdout)["error"]["message"]
    assert "'2029'" in message and "baseline, 2026, 2027" in message
    assert not (example / "results").exists()


def test_a_reworded_statement_is_not_comparable_anywhere(run: Any, example: Path, tmp_path: Path) -> None:
    """The trust statement reworded between baseline and 2026: the change is 'not comparable' in score's
    output and JSON and in the report, and validate warns; the unchanged indicators still compare."""
    export = plain_export(tmp_path, ["Helt enig", "Delvis enig", "Helt uenig"] * 20, "baseline.csv")
    score_json(run, export, example, period="baseline")
    old = STATEMENTS[2]
    new = old.replace("større tillid", "mere tillid")
    assert new != old
    edit_part3(example, f'"{old}"', f'"{new}"')
    rows: list[list[Any]] = [["Nr", *(new if s == old else s for s in STATEMENTS)]]
    rows += [[k, *(["Helt enig"] * len(STATEMENTS))] for k in range(60)]
    later = write_csv(tmp_path / "2026.csv", rows)
    data = score_json(run, later, example, period="2026")
    trust = next(i for i in data["indicators"] if i["id"] == "trust")
    assert trust["percent"] == 100.0
    assert [c["comparable"] for c in trust["changes"]] == [False]
    belonging = next(i for i in data["indicators"] if i["id"] == "belonging")
    assert [c["comparable"] for c in belonging["changes"]] == [True]
    shown = run("score", later, "--dir", example, "--period", "2026")
    assert shown.exit_code == 0
    assert "ikke sammenlignelig" in shown.stdout
    report = run("report", example, "--format", "md")
    assert report.exit_code == 0, report.stderr
    text = "\n".join(p.read_text("utf-8") for p in (example / "reports").rglob("*.md"))
    assert "ikke sammenlignelig" in text or "ikke beregnet" in text
    validated = run("validate", example, "--json")
    codes = [p["code"] for p in json.loads(validated.stdout)]
    assert "statement-changed-between-periods" in codes


def test_a_scale_change_between_periods_is_not_comparable(run: Any, example: Path, tmp_path: Path) -> None:
    export = plain_export(tmp_path, ["Helt enig", "Enig", "Uenig"] * 20, "baseline.csv")
    trust_scale(example, "agree-5-enig")
    score_json(run, export, example, period="baseline")
    edit_part3(example, "    scale: agree-5-enig\n", "    scale: agree-4\n")
    later = plain_export(tmp_path, ["Helt enig", "Enig", "Uenig"] * 21, "2026.csv")
    score_json(run, later, example, period="2026")
    shown = run("score", later, "--dir", example, "--period", "2026", "--lang", "en")
    assert "not comparable" in shown.stdout
    report = run("report", example, "--format", "md", "--lang", "en")
    assert report.exit_code == 0, report.stderr
    text = "\n".join(p.read_text("utf-8") for p in (example / "reports").rglob("*.md"))
    assert "the answer scale differs" in text
