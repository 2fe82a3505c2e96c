"""The statistics of DESIGN.md §3, as pure functions: Wilson score intervals for a proportion, Newcombe's
hybrid score interval for a difference of two proportions, and the rounding rules (half up)."""

from __future__ import annotations

import math
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
