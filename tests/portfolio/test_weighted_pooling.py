"""A weighted partnership enters the portfolio's pooled share with its weighted share on Kish's effective n
(DESIGN §3: a weighted figure rests on the effective n), not with its unweighted counts - checked against
statsmodels' DerSimonian-Laird (`combine_effects`) on the same logit effects and variances."""

from __future__ import annotations

import random

import pytest

from b2c_cli.figures.compute import pooled_random, survey_value, weighted_value
from b2c_cli.figures.model import Value
from b2c_cli.models.results import IndicatorResult, WeightedFigures
from b2c_cli.survey.weighting import wilson_effective

from .kit import reference_pooled


def _weighted(positive: int, n: int, share: float, effective_n: float) -> Value:
    low, high = wilson_effective(share, effective_n)
    result = IndicatorResult(
        id="trust",
        percent=round(100 * positive / n, 1),
        positive=positive,
        n=n,
        ci95=None,
        dont_know=0,
        blank=0,
        items=[],
        weighted=WeightedFigures(
            share=round(share, 6),
            percent=round(100 * share, 1),
            ci95=[round(100 * low, 1), round(100 * high, 1)],
            effective_n=round(effective_n, 2),
        ),
    )
    return weighted_value(result)


@pytest.mark.parametrize("seed", range(20))
def test_weighted_shares_pool_on_their_effective_n(seed: int) -> None:
    rng = random.Random(seed)
    values, counts = [], []
    for _ in range(rng.randint(2, 8)):
        n = rng.randint(20, 300)
        positive = rng.randint(1, n - 1)
        if rng.random() < 0.6:
            share = min(0.98, max(0.02, positive / n + rng.uniform(-0.15, 0.15)))
            effective_n = round(n / rng.uniform(1.0, 2.5), 2)
            value = _weighted(positive, n, share, effective_n)
            assert value.share is not None and value.effective_n is not None
            counts.append((float(value.share) * value.effective_n, value.effective_n))
        else:
            value = survey_value(positive, n)
            counts.append((positive, n))
        values.append(value)
    pooled = pooled_random(values)
    assert pooled is not None and pooled.percent is not None and pooled.ci95 is not None
    percent, low, high, _, _ = reference_pooled(counts)
    assert float(pooled.percent) == pytest.approx(percent, abs=0.05 + 1e-9)
    assert float(pooled.ci95.low) == pytest.approx(low, abs=0.05 + 1e-9)
    assert float(pooled.ci95.high) == pytest.approx(high, abs=0.05 + 1e-9)


def test_one_weighted_partnership_keeps_its_own_interval_on_the_effective_n() -> None:
    """Alone, a weighted partnership's pooled figure is its own: the Wilson interval on the effective n (it
    was once recomputed on the unweighted n, narrower than the partnership's own)."""
    value = _weighted(60, 100, 0.52, 55.0)
    pooled = pooled_random([value])
    assert pooled is not None
    assert (pooled.share, pooled.ci95) == (value.share, value.ci95)
    assert pooled.source == "pooled"
    unweighted_width = survey_value(52, 100).ci95
    assert unweighted_width is not None and pooled.ci95 is not None
    assert pooled.ci95.high - pooled.ci95.low > unweighted_width.high - unweighted_width.low
