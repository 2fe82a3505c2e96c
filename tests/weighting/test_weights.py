"""The weights of DESIGN.md §3 against independent computations: raking against ipfn, post-stratification
against its closed form, the edge rules (missing answers, empty categories, the cap), the weighted share,
Kish's effective n, Wilson and Newcombe on it against statsmodels, and the chi-square test against scipy."""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest
from ipfn import ipfn
from scipy.stats import chisquare
from statsmodels.stats.proportion import proportion_confint

from b2c_cli.errors import InputError
from b2c_cli.survey.scoring import ItemInput
from b2c_cli.survey.weighting import (
    chi_square,
    effective_n,
    newcombe_effective,
    weigh,
    weighted_estimate,
)

AGES = ["u25", "25-39", "40-64", "65+"]
SEXES = ["K", "M"]
POPULATION = {
    "alder": {"u25": 200, "25-39": 300, "40-64": 350, "65+": 150},
    "koen": {"K": 510, "M": 490},
}


def _sample(seed: int, n: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    ages = [rng.choices(AGES, [1, 2, 4, 3])[0] for _ in range(n)]
    sexes = [rng.choices(SEXES, [3, 2])[0] for _ in range(n)]
    return ages, sexes


def _ipfn_weights(ages: list[str], sexes: list[str]) -> list[float]:
    """Raking by ipfn on the age x sex table of counts, each cell's weight spread over its respondents."""
    n = len(ages)
    table = (
        pd.DataFrame({"a": ages, "s": sexes, "total": 1.0}).groupby(["a", "s"], as_index=False)["total"].sum()
    )
    margins = []
    for column, question in (("a", "alder"), ("s", "koen")):
        counts = POPULATION[question]
        total = sum(counts.values())
        series = pd.Series({k: v / total * n for k, v in counts.items()})
        series.index.name = column
        margins.append(series)
    fitted = ipfn.ipfn(
        table, margins, [["a"], ["s"]], convergence_rate=1e-13, max_iteration=10_000
    ).iteration()
    cells = {(r.a, r.s): r.total for r in fitted.itertuples()}
    sizes: dict[tuple[str, str], int] = {}
    for key in zip(ages, sexes, strict=True):
        sizes[key] = sizes.get(key, 0) + 1
    return [cells[key] / sizes[key] for key in zip(ages, sexes, strict=True)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_raking_gives_ipfns_weights(seed: int) -> None:
    ages, sexes = _sample(seed, 400)
    weighting = weigh(POPULATION, {"alder": ages, "koen": sexes})
    assert weighting.method == "raking" and weighting.met and weighting.capped == 0
    expected = _ipfn_weights(ages, sexes)
    assert max(abs(a - b) for a, b in zip(weighting.weights, expected, strict=True)) < 1e-7
    assert math.isclose(sum(weighting.weights), 400)


def test_post_stratification_is_population_share_over_sample_share() -> None:
    ages, _ = _sample(4, 250)
    weighting = weigh({"alder": POPULATION["alder"]}, {"alder": ages})
    assert weighting.method == "post-stratification"
    for age, weight in zip(ages, weighting.weights, strict=True):
        expected = (POPULATION["alder"][age] / 1000) / (ages.count(age) / 250)
        assert math.isclose(weight, expected, rel_tol=1e-12)


def test_counts_and_shares_give_the_same_weights() -> None:
    ages, sexes = _sample(5, 120)
    shares = {q: {k: v / sum(c.values()) for k, v in c.items()} for q, c in POPULATION.items()}
    a = weigh(POPULATION, {"alder": ages, "koen": sexes}).weights
    b = weigh(shares, {"alder": ages, "koen": sexes}).weights
    assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 1e-12


def test_a_missing_answer_is_its_own_category_at_its_sample_share() -> None:
    ages, sexes = _sample(6, 200)
    ages[:15] = [""] * 10 + ["Ønsker ikke at svare"] * 5
    weighting = weigh(POPULATION, {"alder": ages, "koen": sexes})
    assert weighting.met
    missing = weighting.variables[0]
    assert missing.missing == 15
    # Held at its own share of the sample (15 of 200) ...
    assert math.isclose(math.fsum(weighting.weights[:15]), 15, rel_tol=1e-6)
    # ... and the others at the population's shares of those who answered.
    for age in AGES:
        total = math.fsum(w for a, w in zip(ages, weighting.weights, strict=True) if a == age)
        assert math.isclose(total, POPULATION["alder"][age] / 1000 * 185, rel_tol=1e-6)


def test_an_empty_category_is_merged_with_the_neighbour_of_lower_ratio() -> None:
    # Nobody under 25: its neighbour 25-39 is the only one; 65+ empty: 40-64 is its only neighbour.
    ages = ["25-39"] * 30 + ["40-64"] * 50
    weighting = weigh({"alder": POPULATION["alder"]}, {"alder": ages})
    variable = weighting.variables[0]
    assert variable.merged == (("u25", "25-39"), ("65+", "40-64"))
    assert [c.label for c in variable.categories][:2] == ["u25 + 25-39", "40-64 + 65+"]
    # Merged: 25-39 stands for u25 too (share 0.5), 40-64 for 65+ (0.5).
    assert math.isclose(math.fsum(weighting.weights[:30]), 40, rel_tol=1e-9)


def test_the_merge_picks_the_lower_ratio_and_on_a_tie_the_following_category() -> None:
    population = {"x": {"a": 10, "b": 10, "c": 10}}
    # b is empty; a has ratio (1/3)/(0.25) = 1.33, c has (1/3)/(0.75) = 0.44: merged into c.
    merged = weigh(population, {"x": ["a"] * 10 + ["c"] * 30}).variables[0].merged
    assert merged == (("b", "c"),)
    tie = weigh(population, {"x": ["a"] * 20 + ["c"] * 20}).variables[0].merged
    assert tie == (("b", "c"),)
    lower_first = weigh(population, {"x": ["a"] * 30 + ["c"] * 10}).variables[0].merged
    assert lower_first == (("b", "a"),)


def test_weighting_is_refused_when_merging_would_leave_one_category() -> None:
    with pytest.raises(InputError) as caught:
        weigh({"koen": {"K": 1, "M": 1}}, {"koen": ["K"] * 40})
    assert caught.value.key == "weighting-one-category"


def test_the_cap_holds_and_margins_are_met_when_possible() -> None:
    # 65+ is 3 of 300 in the sample but 30 % of the population: post-stratified weights would be 30.
    ages = ["u25"] * 100 + ["25-39"] * 100 + ["40-64"] * 97 + ["65+"] * 3
    population = {"alder": {"u25": 30, "25-39": 20, "40-64": 20, "65+": 30}}
    weighting = weigh(population, {"alder": ages}, cap=5)
    assert max(weighting.weights) <= 5 + 1e-9
    assert math.isclose(sum(weighting.weights), 300)
    assert not weighting.met and weighting.capped == 3
    missed = {category: (population, reached) for _, category, population, reached in weighting.missed}
    assert missed["65+"][0] == 0.3
    assert math.isclose(missed["65+"][1], 15 / 300)  # 3 respondents at 5, disclosed
    # The excess is spread over the others, in proportion.
    assert math.isclose(weighting.weights[0] / weighting.weights[100], 30 / 20 * 100 / 100, rel_tol=1e-9)


def test_bounded_raking_meets_every_margin_under_the_cap_when_it_can() -> None:
    rng = random.Random(9)
    ages = [rng.choices(AGES, [1, 8, 8, 8])[0] for _ in range(300)]
    sexes = [rng.choices(SEXES, [1, 3])[0] for _ in range(300)]
    unbounded = weigh(POPULATION, {"alder": ages, "koen": sexes}, cap=100)
    assert max(unbounded.weights) > 6  # ordinary raking goes above the cap ...
    bounded = weigh(POPULATION, {"alder": ages, "koen": sexes}, cap=5.5)
    # ... bounded raking meets every margin with no weight above it.
    assert bounded.met and max(bounded.weights) <= 5.5 + 1e-9 and bounded.capped > 0
    for question, labels in (("alder", ages), ("koen", sexes)):
        counts = POPULATION[question]
        for category, count in counts.items():
            total = math.fsum(
                w for label, w in zip(labels, bounded.weights, strict=True) if label == category
            )
            assert math.isclose(total, count / sum(counts.values()) * 300, rel_tol=1e-6)


def test_weighted_share_effective_n_and_wilson_match_an_independent_computation() -> None:
    rng = random.Random(11)
    ages, sexes = _sample(11, 500)
    weighting = weigh(POPULATION, {"alder": ages, "koen": sexes})
    codes = [rng.choice([1, 2, 3, 4, 5, 5, 4, -1, 0]) for _ in range(500)]  # -1 don't know, 0 blank
    estimate = weighted_estimate([ItemInput(codes)], weighting.weights)
    w = np.array(weighting.weights)
    valid = np.array([c >= 1 for c in codes])
    y = np.array([c >= 4 for c in codes], dtype=float)
    share = float((w[valid] * y[valid]).sum() / w[valid].sum())
    n_eff = float(w[valid].sum() ** 2 / (w[valid] ** 2).sum())
    assert estimate.n == int(valid.sum()) and estimate.positive == int(y[valid].sum())
    assert estimate.share is not None and abs(estimate.share - share) * 100 < 0.0005
    assert abs(estimate.effective_n - n_eff) < 1e-9
    assert math.isclose(effective_n(list(w[valid])), n_eff)
    low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
    assert estimate.ci95 is not None
    assert abs(estimate.ci95[0] - low * 100) <= 0.05 and abs(estimate.ci95[1] - high * 100) <= 0.05


def test_newcombe_on_effective_n_matches_statsmodels_wilson_bounds() -> None:
    p1, n1, p2, n2 = 0.42, 76.3, 0.531, 90.2
    l1, u1 = proportion_confint(p1 * n1, n1, method="wilson")
    l2, u2 = proportion_confint(p2 * n2, n2, method="wilson")
    d = p2 - p1
    expected = (d - math.hypot(p2 - l2, u1 - p1), d + math.hypot(u2 - p2, p1 - l1))
    got = newcombe_effective(p1, n1, p2, n2)
    assert abs(got[0] - expected[0]) < 1e-9 and abs(got[1] - expected[1]) < 1e-9


@pytest.mark.parametrize(
    ("observed", "shares"),
    [
        ([10, 20, 30], [0.2, 0.3, 0.5]),
        ([31, 27, 22, 24], [0.196, 0.266, 0.354, 0.184]),
        ([3, 97], [0.5, 0.5]),
    ],
)
def test_chi_square_matches_scipy(observed: list[int], shares: list[float]) -> None:
    statistic, df, p = chi_square(observed, shares)
    total = sum(observed)
    expected = chisquare(observed, [s * total for s in shares])
    assert df == len(observed) - 1
    assert math.isclose(statistic, float(expected.statistic), rel_tol=1e-12)
    assert math.isclose(p, float(expected.pvalue), rel_tol=1e-9, abs_tol=1e-15)


def test_weighting_switched_off_keeps_weights_at_one() -> None:
    ages, sexes = _sample(12, 80)
    weighting = weigh(POPULATION, {"alder": ages, "koen": sexes}, apply=False)
    assert set(weighting.weights) == {1.0} and not weighting.applied and not weighting.missed
    assert weighting.variables[0].df == 3
