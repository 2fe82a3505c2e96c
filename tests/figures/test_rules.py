"""The figures layer's rules, each decided exactly (integers and Fractions, rounding half up), with the cases
an independent audit found wrong before there was one figures layer: a target met on a float, a change
rounded from a float, hand-entered percentages pooled through `round`, a '-0.0' bound, and a change 'against
the baseline' that was really against the first measured period."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from b2c_cli.figures import build_figures
from b2c_cli.figures.compute import manual_value, meets, pooled, survey_value
from b2c_cli.figures.model import Value
from b2c_cli.figures.words import change_text, value_detail
from b2c_cli.i18n import numbers
from b2c_cli.models import Part3
from b2c_cli.models.results import Results, Source
from b2c_cli.survey.results import build_results
from b2c_cli.survey.scoring import Estimate, IndicatorScore, ItemScore
from b2c_cli.survey.stats import newcombe

PERIODS = [{"id": "baseline", "year": 2025}, {"id": "2026", "year": 2026}, {"id": "2027", "year": 2027}]


def part3(target: dict[str, Any] | None = None, *, kind: str = "survey", **extra: Any) -> Part3:
    indicator: dict[str, Any] = {"id": "trust", "name": "Tillid", "kind": kind, "esrs": "S3", "kpi": "%"}
    if target is not None:
        indicator["target"] = target
    else:
        indicator["no_target_reason"] = "Ikke endnu fastsat"
    return Part3.model_validate({"periods": PERIODS, "indicators": [indicator], **extra})


def results(period: str, positive: int, n: int, statement: str = "Jeg stoler på mine naboer") -> Results:
    estimate = Estimate(positive, n)
    item = ItemScore("Q1", statement, False, estimate, (0, 0, 0, 0, 0), 0, 0)
    source = Source(file="x.csv", sha256="0" * 64, format="csv", layout="plain", b2c_version="test")
    return build_results(period, n, {}, source, [IndicatorScore("trust", estimate, 0, 0, (item,))], [])


def figures_of(target: dict[str, Any] | None, measured: dict[str, tuple[int, int]], **extra: Any) -> Any:
    found = build_figures(
        part3(target, **extra), {period: results(period, p, n) for period, (p, n) in measured.items()}
    )
    indicator = found.indicator("trust")
    assert indicator is not None
    return found, indicator


# -- target status ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("positive", "n", "value", "direction", "met"),
    [
        (57, 100, 57, "at_least", True),  # 0.57 * 100 = 56.99999999999999 in floating point
        (14, 100, 14, "at_most", True),  # 0.14 * 100 = 14.000000000000002
        (56, 100, 57, "at_least", False),
        (15, 100, 14, "at_most", False),
        (29, 40, 72.5, "at_least", True),  # 72.5 % exactly
        (28, 40, 72.5, "at_least", False),
        (100, 300, 33.3, "at_least", True),  # 33.33... >= 33.3
        (100, 300, 33.4, "at_least", False),
    ],
)
def test_a_target_is_met_in_exact_arithmetic(
    positive: int, n: int, value: float, direction: str, met: bool
) -> None:
    assert meets(survey_value(positive, n), Decimal(repr(value)), direction) is met
    # The same through the whole layer, with the target due in the period measured.
    _, indicator = figures_of(
        {"value": value, "direction": direction, "period": "2026"}, {"2026": (positive, n)}
    )
    assert indicator.target.status == ("met" if met else "not-met")


def test_a_miss_before_the_target_period_is_not_yet_due() -> None:
    target = {"value": 80, "period": "2027"}
    _, early = figures_of(target, {"baseline": (41, 100), "2026": (60, 100)})
    assert early.target.status == "not-yet-due"
    _, due = figures_of(target, {"baseline": (41, 100), "2026": (60, 100), "2027": (70, 100)})
    assert due.target.status == "not-met"
    _, early_hit = figures_of(target, {"baseline": (41, 100), "2026": (85, 100)})
    assert early_hit.target.status == "met"
    _, nothing = figures_of(target, {})
    assert nothing.target.status == "not-measured"
    _, no_target = figures_of(None, {"2026": (60, 100)})
    assert no_target.target is None


def test_a_count_is_compared_with_its_target_exactly() -> None:
    indicator = part3({"value": 8}, kind="count").indicators[0]
    entry = Part3.model_validate(
        {"manual_values": [{"indicator": "trust", "period": "2026", "value": 8}]}
    ).manual_values[0]
    assert meets(manual_value(indicator, entry), Decimal(8), "at_least") is True
    assert meets(manual_value(indicator, entry), Decimal("8.5"), "at_least") is False


# -- changes ---------------------------------------------------------------------------------------------
def test_a_tied_change_rounds_half_up_from_the_exact_difference() -> None:
    """0/40 -> 23/80 is exactly +28.75 points; the float difference 0.2875 * 100 is 28.749999..."""
    found, indicator = figures_of(None, {"baseline": (0, 40), "2026": (23, 80)})
    change = indicator.at("2026").vs_base
    assert change.difference == Decimal("28.8")
    assert Fraction(23, 80) * 100 - Fraction(0, 40) * 100 == Fraction(2875, 100)
    # The interval is still Newcombe's, checked against the formula module's unrounded bounds.
    low, high = newcombe(0, 40, 23, 80)
    assert (change.ci95.low, change.ci95.high) == (
        Decimal(f"{low * 100:.1f}"),
        Decimal(f"{high * 100:.1f}"),
    )
    assert "+28,8 procentpoint" in change_text(change, found, "da")


def test_no_bound_is_ever_printed_as_minus_zero() -> None:
    """A change whose upper bound lies just below 0 rounds to 0.0, printed '0,0', never '−0,0'."""
    case = None
    for n in range(40, 400, 7):
        for later in range(n):
            _, high = newcombe(n // 2, n, later, n)
            if -0.0005 < high < 0:
                case = (n, later)
                break
        if case:
            break
    assert case is not None, "no case with an upper bound in (-0.05, 0) percentage points found"
    n, later = case
    found, indicator = figures_of(None, {"baseline": (n // 2, n), "2026": (later, n)})
    change = indicator.at("2026").vs_base
    assert change.significant is True and change.ci95.high == 0
    for lang in ("da", "en"):
        text = change_text(change, found, lang)  # type: ignore[arg-type]
        assert "\u22120,0" not in text and "\u22120.0" not in text and "-0.0" not in text, text
        assert numbers.signed(change.ci95.high, lang) in ("0,0", "0.0")  # type: ignore[arg-type]


def test_the_declared_base_period_is_what_changes_are_against() -> None:
    """With target.base_period 2026, the 2027 change is against 2026, and 2026 itself has no change
    against the base (only against the previous period, the baseline)."""
    found, indicator = figures_of(
        {"value": 80, "base_period": "2026", "period": "2027"},
        {"baseline": (40, 100), "2026": (50, 100), "2027": (60, 100)},
    )
    assert indicator.base_period == "2026"
    assert indicator.at("baseline").changes == ()
    year1 = indicator.at("2026")
    assert year1.vs_base is None and year1.vs_previous.period == "baseline"
    year2 = indicator.at("2027")
    assert (year2.vs_base.period, year2.vs_base.difference) == ("2026", Decimal("10.0"))
    assert year2.vs_previous is None  # the previous period is the base: not shown twice
    assert "ændring mod År 1 (2026) +10,0 procentpoint" in value_detail(year2, found, "da")


def test_without_a_declared_base_the_first_measured_period_is_the_base_and_is_named() -> None:
    """No baseline measured: the change is against 2026, and it is labelled 2026, not 'baseline'."""
    found, indicator = figures_of({"value": 80}, {"2026": (50, 100), "2027": (60, 100)})
    assert indicator.base_period == "2026"
    text = value_detail(indicator.at("2027"), found, "da")
    assert "ændring mod År 1 (2026)" in text and "baseline" not in text.lower()


def test_a_declared_base_without_a_measurement_says_so() -> None:
    _, indicator = figures_of({"value": 80, "base_period": "baseline"}, {"2026": (50, 100)})
    assert indicator.at("2026").vs_base is None
    assert [note.kind for note in indicator.notes] == ["base-not-measured"]


def test_a_reworded_statement_is_not_compared() -> None:
    part = part3({"value": 80})
    found = build_figures(
        part,
        {
            "baseline": results("baseline", 40, 100, "Jeg stoler på mine naboer"),
            "2026": results("2026", 60, 100, "Jeg stoler på de fleste af mine naboer"),
        },
    )
    indicator = found.indicator("trust")
    assert indicator is not None
    change = indicator.at("2026").vs_base
    assert change is not None and not change.comparable and change.difference is None
    assert change.reason == "statement-changed"
    assert [note.kind for note in indicator.notes] == ["not-comparable"]
    assert "ingen ændring mod Baseline (2025)" in value_detail(indicator.at("2026"), found, "da")


# -- pooling ---------------------------------------------------------------------------------------------
def test_hand_entered_percentages_pool_by_the_answers_they_stand_for() -> None:
    """2.5 % and 4.5 % of 100 answers each are 2.5 and 4.5 positive answers: 7 of 200 = 3.5 %. Rounding each
    to whole answers half to even (Python's round) gave 2 + 4 = 6 of 200 = 3.0 %."""
    indicator = part3({"value": 5}, kind="percent").indicators[0]
    values = [
        manual_value(indicator, Part3.model_validate({"manual_values": [entry]}).manual_values[0])
        for entry in (
            {"indicator": "trust", "period": "2026", "value": 2.5, "n": 100},
            {"indicator": "trust", "period": "2026", "value": 4.5, "n": 100},
        )
    ]
    combined = pooled(values)
    assert combined is not None
    assert (combined.share, combined.n, combined.percent, combined.whole) == (
        Fraction(7, 200),
        200,
        Decimal("3.5"),
        4,  # 3.5 rounds half up
    )


def test_survey_values_pool_to_whole_counts() -> None:
    combined = pooled([survey_value(40, 50), survey_value(400, 2000)])
    assert combined is not None and (combined.positive, combined.n) == (440, 2050)


# -- the numbers' style ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", ("41 %", "31,9–50,8 %", "+2,0 procentpoint", "1.234", "\u221211,5")),
        ("en", ("41%", "31.9–50.8%", "+2.0 percentage points", "1,234", "\u221211.5")),
    ],
)
def test_one_number_style_per_language(lang: Any, expected: tuple[str, ...]) -> None:
    value: Value = survey_value(41, 100)
    assert value.ci95 is not None
    assert (
        numbers.percent(value.whole or 0, lang),
        numbers.interval(value.ci95.low, value.ci95.high, lang),
        numbers.points(Decimal("2.0"), lang),
        numbers.number(1234, lang),
        numbers.signed(Decimal("-11.5"), lang),
    ) == expected
