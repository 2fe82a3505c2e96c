"""The example partnership's two exports reproduce the guide's table (Tilhørsforhold 41 % -> 43 %, Tillid
45 % -> 54 %, Medskabende 22 % -> 31 %), and the second period carries its change against the baseline with
a Newcombe interval that statsmodels agrees with."""

from __future__ import annotations

import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep

from ingest.factories import make_export

from .kit import (
    BASELINE_EXPORT,
    DE,
    DU,
    EXAMPLE,
    HE,
    HU,
    INDICATORS,
    REVERSED,
    STATEMENTS,
    YEAR1_EXPORT,
    indicator,
    score,
    score_json,
    survey_items,
)

BASELINE = {"belonging": 41, "trust": 45, "co-creation": 22, "tryghed": 38}
YEAR1 = {"belonging": 43, "trust": 54, "co-creation": 31, "tryghed": 47}
NAMES = {
    "belonging": "Tilhørsforhold (versus isolation)",
    "trust": "Tillid (versus mistænksomhed)",
    "co-creation": "Medskabende (versus ikke-deltager)",
    "tryghed": "Tryghed",
}


def test_the_example_workbook_is_what_these_tests_assume() -> None:
    """Six statements: belonging two, trust one, co-creation one, tryghed two with the second reversed."""
    items = survey_items()
    assert [(indicator, k) for k, (indicator, _, _) in enumerate(items)] == [
        (indicator, k) for indicator, positions in INDICATORS.items() for k in positions
    ]
    assert {k for k, (_, _, reverse) in enumerate(items) if reverse} == REVERSED


def half_up(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def newcombe(later: tuple[int, int], earlier: tuple[int, int]) -> tuple[float, float]:
    """statsmodels' Newcombe (hybrid score) interval for p_later - p_earlier, in percentage points."""
    low, high = confint_proportions_2indep(
        later[0], later[1], earlier[0], earlier[1], method="newcomb", compare="diff", alpha=0.05
    )
    return half_up(float(low) * 100), half_up(float(high) * 100)


def copy_exports(tmp_path: Path) -> tuple[Path, Path]:
    """The exports outside git, as an analyst has them (a committed export gets a loud warning)."""
    baseline = Path(shutil.copy(BASELINE_EXPORT, tmp_path))
    year1 = Path(shutil.copy(YEAR1_EXPORT, tmp_path))
    return baseline, year1


def assert_change(
    found: dict[str, Any], against: str, period: str, later: tuple[int, int], earlier: tuple[int, int]
) -> None:
    low, high = newcombe(later, earlier)
    difference = half_up((later[0] / later[1] - earlier[0] / earlier[1]) * 100)
    assert found["against"] == against
    assert found["period"] == period
    assert found["difference"] == difference
    assert found["ci95"] == [low, high]
    assert found["significant"] is (not low <= 0 <= high)


def test_the_example_exports_give_the_guides_figures(run: Any, example: Path, tmp_path: Path) -> None:
    baseline_export, year1_export = copy_exports(tmp_path)

    baseline = score_json(run, baseline_export, example, period="baseline")
    assert baseline["respondents"] == 104  # 100 answered everything, 2 "Ved ikke" throughout, 2 blank
    assert baseline["source"]["layout"] == "surveyxact-xlsx"
    assert baseline["source"]["sheet"] == "Dataset"
    assert baseline["warnings"] == []
    for indicator_id, positive in BASELINE.items():
        found = indicator(baseline, indicator_id)
        assert (found["percent"], found["positive"], found["n"]) == (float(positive), positive, 100)
        assert (found["dont_know"], found["blank"]) == (2, 2)
        assert found["changes"] == []

    year1 = score_json(run, year1_export, example, period="2026")
    assert year1["respondents"] == 103
    assert (year1["source"]["layout"], year1["source"]["encoding"]) == ("google-forms", "utf-8")
    for indicator_id, positive in YEAR1.items():
        found = indicator(year1, indicator_id)
        assert (found["percent"], found["positive"], found["n"]) == (float(positive), positive, 100)
        assert (found["dont_know"], found["blank"]) == (2, 1)
        # Only one earlier period: the change against the baseline, not again as "previous".
        assert len(found["changes"]) == 1
        assert_change(
            found["changes"][0], "baseline", "baseline", (positive, 100), (BASELINE[indicator_id], 100)
        )
    # 41 -> 43 with n = 100 twice is no significant change (Newcombe: -11.5 to 15.4 pp).
    assert indicator(year1, "belonging")["changes"][0]["significant"] is False


def test_the_readable_table_shows_the_guides_whole_percentages(
    run: Any, example: Path, tmp_path: Path
) -> None:
    baseline_export, year1_export = copy_exports(tmp_path)
    first = score(run, baseline_export, example, period="baseline")
    assert first.exit_code == 0, first.stderr
    second = score(run, year1_export, example, period="2026")
    assert second.exit_code == 0, second.stderr
    for result, figures in ((first, BASELINE), (second, YEAR1)):
        rows = {
            line.split("│")[1].strip(): line.split("│") for line in result.stdout.splitlines() if "│" in line
        }
        for indicator_id, positive in figures.items():
            cells = [cell.strip() for cell in rows[NAMES[indicator_id]]]
            assert cells[2] == f"{positive} %"  # Danish: a space before the sign
            assert cells[3] == f"{positive}/100"
    lines = {line.split("│")[1].strip(): line for line in second.stdout.splitlines() if "│" in line}
    assert "+2,0 (mod baseline)" in lines[NAMES["belonging"]]  # Danish: a decimal comma
    assert "+9,0 (mod baseline)" in lines[NAMES["trust"]]
    assert "advarsel" not in first.stderr + second.stderr  # n = 100, and the exports are not in git


def test_the_committed_example_results_are_what_score_writes(run: Any, example: Path, tmp_path: Path) -> None:
    """examples/hedemarken-nortec/results/ is reproduced byte for byte (the same export, the same bytes)."""
    baseline_export, year1_export = copy_exports(tmp_path)
    assert score(run, baseline_export, example, period="baseline").exit_code == 0
    assert score(run, year1_export, example, "--segment", "alder", period="2026").exit_code == 0
    for name in ("baseline.yaml", "2026.yaml"):
        assert (example / "results" / name).read_bytes() == (EXAMPLE / "results" / name).read_bytes(), name


# A third measurement, by hand: 60 respondents in four kinds of rows (15 of each).
#   kind 1: HE HE | HE | HU | DE DU   belonging (5+5)/2 pos, trust pos, co-creation no, tryghed (4+6-2)/2 pos
#   kind 2: HE DE | HE | HU | DE DU   belonging 4.5 pos,     trust pos, co-creation no, tryghed pos
#   kind 3: DE DE | HU | HU | DE DU   belonging 4 pos,       trust no,  co-creation no, tryghed pos
#   kind 4: HE HE | HU | HU | DE DU   belonging pos,         trust no,  co-creation no, tryghed pos
# => belonging 60/60 = 100 %, trust 30/60 = 50 %, co-creation 0/60 = 0 %, tryghed 60/60 = 100 %.
YEAR2_ROWS = (
    [[HE, HE, HE, HU, DE, DU]] * 15
    + [[HE, DE, HE, HU, DE, DU]] * 15
    + [[DE, DE, HU, HU, DE, DU]] * 15
    + [[HE, HE, HU, HU, DE, DU]] * 15
)
YEAR2 = {"belonging": 60, "trust": 30, "co-creation": 0, "tryghed": 60}


def test_a_third_period_changes_against_baseline_and_previous(
    run: Any, example: Path, tmp_path: Path
) -> None:
    baseline_export, year1_export = copy_exports(tmp_path)
    assert score(run, baseline_export, example, period="baseline").exit_code == 0
    assert score(run, year1_export, example, period="2026").exit_code == 0
    export = make_export(tmp_path, "ms-forms", STATEMENTS, YEAR2_ROWS)
    data = score_json(run, export, example, period="2027")
    for indicator_id, positive in YEAR2.items():
        found = indicator(data, indicator_id)
        assert (found["positive"], found["n"]) == (positive, 60)
        baseline_change, previous_change = found["changes"]
        assert_change(baseline_change, "baseline", "baseline", (positive, 60), (BASELINE[indicator_id], 100))
        assert_change(previous_change, "previous", "2026", (positive, 60), (YEAR1[indicator_id], 100))
    # 41 % -> 100 %: significant; 45 % -> 50 %: not; 22 % -> 0 %: a significant fall.
    assert indicator(data, "belonging")["changes"][0]["significant"] is True
    assert indicator(data, "trust")["changes"][0]["significant"] is False
    assert indicator(data, "co-creation")["changes"][0]["significant"] is True
    assert indicator(data, "co-creation")["changes"][0]["difference"] == -22.0


@pytest.mark.parametrize(
    ("later", "earlier"),
    [((43, 100), (41, 100)), ((0, 60), (22, 100)), ((60, 60), (41, 100)), ((1, 7), (6, 9)), ((5, 5), (0, 5))],
)
def test_newcombe_of_b2c_matches_statsmodels_at_the_edges(
    later: tuple[int, int], earlier: tuple[int, int]
) -> None:
    """The formula module itself against statsmodels, including 0 % and 100 % on either side."""
    from b2c_cli.survey.scoring import Estimate, change

    found = change(Estimate(*earlier), Estimate(*later))
    assert found is not None
    assert found.ci95 == newcombe(later, earlier)
