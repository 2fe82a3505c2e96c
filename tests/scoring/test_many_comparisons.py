"""Holm's correction, the change's p-value and DerSimonian-Laird pooling, against statsmodels."""

from __future__ import annotations

import math
import random
import warnings

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects
from statsmodels.stats.multitest import multipletests

from b2c_cli.survey import stats


@pytest.mark.parametrize("seed", range(50))
def test_holm_equals_statsmodels(seed: int) -> None:
    rng = random.Random(seed)
    p = [rng.random() ** 3 for _ in range(rng.randint(1, 12))]
    assert stats.holm(p) == list(multipletests(p, alpha=0.05, method="holm")[0])


@pytest.mark.parametrize("seed", range(30))
def test_the_p_value_is_where_newcombes_interval_touches_0(seed: int) -> None:
    rng = random.Random(seed)
    n1, n2 = rng.randint(5, 300), rng.randint(5, 300)
    x1, x2 = rng.randint(0, n1), rng.randint(0, n2)
    p = stats.change_p_value(x1, n1, x2, n2)
    low, high = stats.newcombe(x1, n1, x2, n2)
    assert (p < 0.05) is (not low <= 0 <= high) or abs(p - 0.05) < 1e-6
    if 1e-12 < p < 1:
        z = math.sqrt(2) * _erfcinv(p)
        low, high = stats.newcombe(x1, n1, x2, n2, z)
        assert min(abs(low), abs(high)) < 1e-6


def _erfcinv(p: float) -> float:
    low, high = 0.0, 40.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if math.erfc(middle) > p else (low, middle)
    return low


@pytest.mark.parametrize("seed", range(40))
def test_random_effects_equals_statsmodels_dersimonian_laird(seed: int) -> None:
    rng = random.Random(seed)
    counts = []
    for _ in range(rng.randint(2, 12)):
        n = rng.randint(5, 500)
        counts.append((rng.randint(1, n - 1), n))
    found = stats.random_effects(counts)
    effects = np.array([math.log(x / (n - x)) for x, n in counts])
    variances = np.array([1 / x + 1 / (n - x) for x, n in counts])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        reference = combine_effects(effects, variances, method_re="dl")
    row = reference.summary_frame().loc["random effect" if reference.tau2 > 0 else "fixed effect"]
    expit = lambda v: 1 / (1 + math.exp(-v))  # noqa: E731
    assert found.share == pytest.approx(expit(row["eff"]), abs=1e-9)
    assert found.low == pytest.approx(expit(row["ci_low"]), abs=1e-9)
    assert found.high == pytest.approx(expit(row["ci_upp"]), abs=1e-9)
    assert found.tau2 == pytest.approx(max(0.0, reference.tau2), abs=1e-9)
    assert found.i2 == pytest.approx(max(0.0, reference.i2), abs=1e-9)
    assert found.q == pytest.approx(reference.q, rel=1e-9)
