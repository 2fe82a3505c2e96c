"""The statistics of DESIGN.md §3, as pure functions: Wilson score intervals for a proportion, Newcombe's
hybrid score interval for a difference of two proportions, the rounding rules (half up), Holm's step-down
correction for a family of changes, and DerSimonian-Laird random-effects pooling across partnerships."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# The 97.5 % quantile of the standard normal distribution (two-sided 95 %), to full double precision.
Z95 = 1.959963984540054


def wilson(positive: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for positive/n, as proportions in [0, 1]."""
    if n <= 0 or not 0 <= positive <= n:
        raise ValueError(f"wilson() needs 0 <= positive <= n and n > 0, got {positive}/{n}")
    low, high = wilson_share(positive / n, n, z)
    # At 0/n and n/n the bound is exactly 0 or 1; floating point would leave 1e-16 of noise.
    return (0.0 if positive == 0 else low), (1.0 if positive == n else high)


def wilson_share(share: float, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson interval for a percentage entered by hand (a share in [0, 1] of n answers)."""
    if n <= 0 or not 0 <= share <= 1:
        raise ValueError(f"wilson_share() needs 0 <= share <= 1 and n > 0, got {share} of {n}")
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / denominator
    half_width = z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def newcombe(positive1: int, n1: int, positive2: int, n2: int, z: float = Z95) -> tuple[float, float]:
    """Newcombe's hybrid score interval (his method 10, no continuity correction) for p2 - p1: the
    change from the first proportion to the second, as proportions in [-1, 1]."""
    p1, p2 = positive1 / n1, positive2 / n2
    low1, high1 = wilson(positive1, n1, z)
    low2, high2 = wilson(positive2, n2, z)
    difference = p2 - p1
    low = difference - math.sqrt((p2 - low2) ** 2 + (high1 - p1) ** 2)
    high = difference + math.sqrt((high2 - p2) ** 2 + (p1 - low1) ** 2)
    # Never reached (low >= -1 and high <= 1 by construction, exactly -1 / 1 at 0/n vs n/n): a guard only.
    return max(-1.0, low), min(1.0, high)  # pragma: no mutate


def holm(p_values: Sequence[float], alpha: float = 0.05) -> list[bool]:
    """Holm's step-down correction: which of a family of hypotheses are rejected at family-wise level alpha.
    The p-values in ascending order are compared with alpha/m, alpha/(m-1), ...; the first that fails
    stops the rejections. Returned in the input's order."""
    m = len(p_values)
    rejected = [False] * m
    for rank, index in enumerate(sorted(range(m), key=lambda i: p_values[i])):
        if p_values[index] > alpha / (m - rank):
            break
        rejected[index] = True
    return rejected


def change_p_value(positive1: int, n1: int, positive2: int, n2: int) -> float:
    """The two-sided p-value of a change between two proportions: the smallest level at which Newcombe's
    interval (the one b2c shows) excludes 0, found by bisection on the interval's z. 1.0 for no change."""
    if positive1 * n2 == positive2 * n1:
        return 1.0
    low_z, high_z = 0.0, 40.0
    for _ in range(80):
        middle = (low_z + high_z) / 2
        if middle in (low_z, high_z):
            break  # the bounds are neighbouring floats: further halving would change neither
        low, high = newcombe(positive1, n1, positive2, n2, middle)
        if low <= 0 <= high:
            high_z = middle
        else:
            low_z = middle
    return math.erfc(high_z / math.sqrt(2))


def percent(share: Fraction, places: int) -> float:
    """A share as a percentage rounded half up, exactly, to `places` decimals: the one rounding of every
    percentage b2c shows or stores (one decimal in results files, whole in the guide's table)."""
    return round_exact(share * 100, places)


def percent_one_decimal(positive: int, n: int) -> float:
    """100 * positive / n to one decimal, rounded half up exactly (no floating-point drift)."""
    return percent(Fraction(positive, n), 1)


def percent_whole(positive: int, n: int) -> int:
    """100 * positive / n as the guide prints it (41%), rounded half up exactly."""
    return int(percent(Fraction(positive, n), 0))


def wilson_percent(share: Fraction, n: int) -> tuple[float, float]:
    """The Wilson interval of a share of n answers, in percent, each bound rounded half up to one decimal
    (which also takes away the floating-point noise of the bounds at 0 % and 100 %)."""
    low, high = wilson_share(float(share), n)
    return round_half_up(low * 100), round_half_up(high * 100)


def round_half_up(value: float, places: int = 1) -> float:
    """A computed float (an interval bound) rounded half up to `places` decimals; never -0.0."""
    quantum = Decimal(10) ** -places
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0


def round_exact(value: Fraction, places: int = 1) -> float:
    """An exact value (a difference of two shares, in percentage points) rounded half up - away from zero
    on a tie, as Decimal's ROUND_HALF_UP - to `places` decimals, without floating-point drift: 28.75 gives
    28.8, where rounding the float 28.749999... would give 28.7. Never -0.0."""
    scale = 10**places
    magnitude = int(abs(value) * scale + Fraction(1, 2))  # floor(|x| * scale + 1/2)
    rounded = float(Decimal(magnitude).scaleb(-places))
    return math.copysign(rounded, value) if rounded else 0.0


def random_effects(counts: Sequence[tuple[float, float]], z: float = Z95) -> RandomEffects:
    """DerSimonian-Laird random-effects pooling of several samples' proportions (positive, n) on the logit
    scale: each sample's log-odds with variance 1/x + 1/(n-x) (0.5 added to both counts of a sample at 0 %
    or 100 %; a share entered by hand counts as share x n), the between-sample variance tau² by the method
    of moments (truncated at 0), I² = (Q - df)/Q (at least 0), and the pooled log-odds with its 95 %
    interval, turned back into proportions. Needs two samples or more."""
    if len(counts) < 2 or any(n <= 0 or not 0 <= positive <= n for positive, n in counts):
        raise ValueError(f"random_effects() needs two or more samples with 0 <= positive <= n, got {counts}")
    effects: list[float] = []
    variances: list[float] = []
    for positive, n in counts:
        x, y = float(positive), float(n - positive)
        if positive in (0, n):
            x, y = x + 0.5, y + 0.5
        effects.append(math.log(x / y))
        variances.append(1 / x + 1 / y)
    weights = [1 / v for v in variances]
    total = sum(weights)
    fixed = sum(w * e for w, e in zip(weights, effects, strict=True)) / total
    q = sum(w * (e - fixed) ** 2 for w, e in zip(weights, effects, strict=True))
    df = len(counts) - 1
    c = total - sum(w * w for w in weights) / total
    tau2 = max(0.0, (q - df) / c) if c > 0 else 0.0
    i2 = max(0.0, (q - df) / q) if q > 0 else 0.0
    random_weights = [1 / (v + tau2) for v in variances]
    pooled = sum(w * e for w, e in zip(random_weights, effects, strict=True)) / sum(random_weights)
    se = math.sqrt(1 / sum(random_weights))
    return RandomEffects(
        share=_expit(pooled),
        low=_expit(pooled - z * se),
        high=_expit(pooled + z * se),
        tau2=tau2,
        i2=i2,
        q=q,
        k=len(counts),
    )


def _expit(value: float) -> float:
    return 1 / (1 + math.exp(-value))


@dataclass(frozen=True)
class RandomEffects:
    """A random-effects pooled proportion: the estimate and its 95 % interval (proportions in [0, 1]), the
    between-sample variance tau² (on the logit scale), I² (0..1), Cochran's Q and the number of samples."""

    share: float
    low: float
    high: float
    tau2: float
    i2: float
    q: float
    k: int
