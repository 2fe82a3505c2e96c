"""The formulas of DESIGN.md §3 checked by hand and against statsmodels, an independent implementation."""

from __future__ import annotations

import random

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from b2c_cli.survey import stats


@pytest.mark.parametrize(
    ("positive", "n", "expected"),
    [
        (41, 100, 41.0),
        (1, 8, 12.5),
        (1, 16, 6.3),  # 6.25 rounds half up
        (1, 6, 16.7),
        (2, 3, 66.7),
        (0, 7, 0.0),
        (7, 7, 100.0),
        (1, 2000, 0.1),  # 0.05 rounds half up
        (1, 3000, 0.0),
    ],
)
def test_percent_one_decimal_rounds_half_up_exactly(positive: int, n: int, expected: float) -> None:
    assert stats.percent_one_decimal(positive, n) == expected


@pytest.mark.parametrize(
    ("positive", "n", "expected"),
    [(41, 100, 41), (81, 200, 41), (79, 200, 40), (1, 3, 33), (2, 3, 67), (1, 200, 1), (0, 9, 0)],
)
def test_percent_whole_is_the_guides_rounding(positive: int, n: int, expected: int) -> None:
    assert stats.percent_whole(positive, n) == expected


def test_wilson_by_hand() -> None:
    # 41/100: centre (0.41 + 1.92/200)/(1 + 3.84/100), half-width 1.96*sqrt(.41*.59/100 + 3.84/40000)/1.0384
    low, high = stats.wilson(41, 100)
    assert low == pytest.approx(0.31867, abs=1e-5)
    assert high == pytest.approx(0.50799, abs=1e-5)


def test_wilson_edges_stay_within_zero_and_one() -> None:
    assert stats.wilson(0, 10)[0] == 0.0
    assert stats.wilson(10, 10)[1] == 1.0
    with pytest.raises(ValueError):
        stats.wilson(1, 0)
    with pytest.raises(ValueError):
        stats.wilson(5, 4)


def test_wilson_matches_statsmodels_on_many_random_cases() -> None:
    rng = random.Random(20261127)
    for _ in range(2000):
        n = rng.randint(1, 5000)
        positive = rng.randint(0, n)
        low, high = stats.wilson(positive, n)
        ref_low, ref_high = proportion_confint(positive, n, alpha=0.05, method="wilson")
        assert low == pytest.approx(ref_low, abs=1e-12)
        assert high == pytest.approx(ref_high, abs=1e-12)


def test_newcombe_matches_statsmodels_on_many_random_cases() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        n1, n2 = rng.randint(1, 3000), rng.randint(1, 3000)
        p1, p2 = rng.randint(0, n1), rng.randint(0, n2)
        low, high = stats.newcombe(p1, n1, p2, n2)
        # statsmodels gives the interval for its first proportion minus its second: later - earlier.
        ref_low, ref_high = confint_proportions_2indep(p2, n2, p1, n1, method="newcomb", compare="diff")
        assert low == pytest.approx(ref_low, abs=1e-12)
        assert high == pytest.approx(ref_high, abs=1e-12)


def test_newcombe_for_the_guides_example() -> None:
    # Tillid 45 % -> 54 % with n = 100 each: +9 pp, not significant (the interval crosses 0).
    low, high = stats.newcombe(45, 100, 54, 100)
    assert low < 0 < high
    assert (round(low * 100, 1), round(high * 100, 1)) == (-4.8, 22.3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.05, 0.1), (12.25, 12.3), (-0.05, -0.1), (31.867, 31.9), (2.0, 2.0), (99.95, 100.0)],
)
def test_round_half_up(value: float, expected: float) -> None:
    assert stats.round_half_up(value) == expected


def test_rounding_never_gives_minus_zero() -> None:
    """A bound or a change that rounds to zero is 0.0, not -0.0 (which would print as '−0,0')."""
    import math
    from fractions import Fraction

    for value in (-0.04, -0.0, -1e-12):
        assert math.copysign(1.0, stats.round_half_up(value)) == 1.0
    for exact in (Fraction(-4, 100), Fraction(-1, 10**9), Fraction(0)):
        assert math.copysign(1.0, stats.round_exact(exact)) == 1.0
    assert stats.round_exact(Fraction(-5, 100)) == -0.1  # a tie rounds away from zero
    assert stats.round_exact(Fraction(5, 100)) == 0.1
    assert stats.round_exact(Fraction(-2875, 100)) == -28.8
