"""Weights to the area's population, and how representative the sample is (DESIGN.md §3, "Weights").

When Part 3 gives the population of the area for one or more background questions (`survey.population`),
every respondent gets a weight so that the weighted sample has the population's shares:

- one question: post-stratification (each category's weight is its population share over its sample
  share); several: raking, iterative proportional fitting over the questions' margins in turn.
- Every row of the sample is weighted; weights have mean 1 (they sum to n); population counts are used as
  shares.
- A respondent whose weighting question is missing (blank, or an answer such as "Ønsker ikke at svare" that
  is not one of the population's categories) keeps the answers and falls in a category of its own, held at
  its own sample share.
- A population category with no respondents is merged with the adjacent category whose population-to-
  sample ratio is lower (on a tie, the following one) and the merge is reported; when merging would leave
  one category, weighting is refused with an error.
- Weights are capped at 5 x the mean weight (`population.cap`). When weights that meet every margin under
  the cap exist, those are used (bounded raking: each category's factor is solved with the capped weights
  held at the cap). When none do, the cap wins: the weights are trimmed to the cap, the excess is spread
  over the others, and the margins missed are disclosed.
- Weighted share = sum(w*y) / sum(w) over the respondents with a valid answer; effective n = (sum w)^2 /
  sum(w^2) over the same respondents (Kish); the Wilson interval and Newcombe's change use the weighted
  share and the effective n. The unweighted n and positive count are always kept beside them.

The representativeness of the sample (weighted or not) is each question's sample shares against the
population's, with a chi-square goodness-of-fit test (its p-value from the regularised incomplete gamma
function, checked against scipy in the tests).

Pure functions, no I/O. Written here rather than taken from a library: ipfn (unmaintained since 2021) and
weightipy bring pandas and have neither the missing category nor the merge rule, svy brings polars and a
Rust extension, and samplics is archived with trimming left a stub. The tests check these weights against
ipfn's.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from b2c_cli.errors import InputError
from b2c_cli.models.scale import normalise
from b2c_cli.survey import stats
from b2c_cli.survey.scoring import ItemInput, score_indicator

Method = Literal["post-stratification", "raking"]

MISSING = ""  # the category of respondents whose weighting question is missing
TOLERANCE = 1e-9  # a margin is met when its weighted total is within this share of n of the target
MISSED = 0.0005  # a margin missed by more than this share (0.05 percentage points) is disclosed
MAX_CYCLES = 1000


@dataclass(frozen=True)
class Category:
    """One category of a weighting question: its population share (of the respondents who answered the
    question), its respondents and the weighted share it ends up with. `label` joins merged categories
    with " + "; the missing category is "" and has no population share."""

    label: str
    population: float | None
    sample: int
    weighted: float  # share of all respondents, weighted


@dataclass(frozen=True)
class Variable:
    """A weighting question's margins and representativeness."""

    id: str
    categories: tuple[Category, ...]
    missing: int  # respondents in the category of their own
    merged: tuple[tuple[str, str], ...]  # (empty population category, the category it was merged into)
    chi2: float  # goodness of fit of the answered sample against the population shares
    df: int
    p_value: float


@dataclass(frozen=True)
class Weighting:
    method: Method
    applied: bool  # false: the partnership switched weighting off; only representativeness is reported
    weights: tuple[float, ...]  # one per respondent, mean 1 (all 1.0 when not applied)
    variables: tuple[Variable, ...]
    cap: float
    capped: int  # respondents whose weight is at the cap
    met: bool  # every margin is met
    missed: tuple[tuple[str, str, float, float], ...]  # (question, category, population share, weighted)

    @property
    def design_effect(self) -> float:
        """Kish's design effect of the weights over all respondents: n * sum(w^2) / (sum w)^2."""
        return design_effect(self.weights)

    @property
    def effective_n(self) -> float:
        return effective_n(self.weights)


def effective_n(weights: Sequence[float]) -> float:
    """Kish's effective sample size, (sum w)^2 / sum(w^2); 0 for no weights."""
    squares = math.fsum(w * w for w in weights)
    return math.fsum(weights) ** 2 / squares if squares else 0.0


def design_effect(weights: Sequence[float]) -> float:
    n_eff = effective_n(weights)
    return len(weights) / n_eff if n_eff else 1.0


# -- matching respondents to categories -----------------------------------------------------------------


def group_label(value: object) -> str:
    """A background answer as a label: spaces and Unicode form made uniform, case kept; blank -> ""."""
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value == int(value) else str(value)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _categorise(labels: Sequence[str], options: Sequence[str]) -> list[int]:
    """Each respondent's category index in `options`, or -1 (missing: blank or not one of them)."""
    index = {normalise(option): k for k, option in enumerate(options)}
    return [index.get(normalise(label), -1) if label.strip() else -1 for label in labels]


def _shares(counts: Mapping[str, float], question: str) -> list[float]:
    total = math.fsum(counts.values())
    if not counts or total <= 0 or any(v <= 0 for v in counts.values()):
        raise InputError("weighting-bad-population", where="part3-evaluation.yaml", question=question)
    return [value / total for value in counts.values()]


def _merge_empty(
    options: list[list[str]], shares: list[float], sizes: list[int], question: str, refuse: bool = True
) -> list[tuple[str, str]]:
    """Merge every population category without respondents into its neighbour with the lower
    population-to-sample ratio (a tie: the following one), in place. The merges, as (empty, into)."""
    merges: list[tuple[str, str]] = []
    n = sum(sizes) or 1
    while 0 in sizes:
        if len(sizes) <= 2:
            if not refuse:  # only comparing with the population: the categories stay as they are
                break
            raise InputError(
                "weighting-one-category",
                where="part3-evaluation.yaml",
                question=question,
                category=" + ".join(options[sizes.index(max(sizes))]),
            )
        k = sizes.index(0)

        def ratio(j: int) -> float:
            return shares[j] / (sizes[j] / n) if sizes[j] else math.inf

        neighbours = [j for j in (k - 1, k + 1) if 0 <= j < len(sizes)]
        into = min(neighbours, key=lambda j: (ratio(j), -j))
        merges.append((" + ".join(options[k]), " + ".join(options[into])))
        low, high = sorted((k, into))
        options[low : high + 1] = [options[low] + options[high]]
        shares[low : high + 1] = [shares[low] + shares[high]]
        sizes[low : high + 1] = [sizes[low] + sizes[high]]
    return merges


@dataclass
class _Margin:
    question: str
    labels: list[str]  # category labels (merged ones joined), then the missing category
    shares: list[float]  # population shares of the answered categories
    members: list[list[int]]  # respondent rows per category, the missing category last
    targets: list[float]  # weighted total each category must reach
    merged: list[tuple[str, str]]


def _margin(
    question: str, counts: Mapping[str, float], labels: Sequence[str], refuse: bool = True
) -> _Margin:
    options = list(counts)
    shares = _shares(counts, question)
    category = _categorise(labels, options)
    members: list[list[int]] = [[] for _ in options]
    missing: list[int] = []
    for row, k in enumerate(category):
        (members[k] if k >= 0 else missing).append(row)
    groups = [[option] for option in options]
    sizes = [len(m) for m in members]
    merged = _merge_empty(groups, shares, sizes, question, refuse)
    # Rebuild the members of merged categories from the original options.
    position = {option: k for k, group in enumerate(groups) for option in group}
    rebuilt: list[list[int]] = [[] for _ in groups]
    for k, option in enumerate(options):
        rebuilt[position[option]].extend(members[k])
    answered = len(labels) - len(missing)
    targets = [share * answered for share in shares] + [float(len(missing))]
    return _Margin(
        question=question,
        labels=[" + ".join(g) for g in groups] + [MISSING],
        shares=shares,
        members=[sorted(m) for m in rebuilt] + [missing],
        targets=targets,
        merged=merged,
    )


# -- the weights -----------------------------------------------------------------------------------------


def _bounded_factor(weights: Sequence[float], target: float, cap: float) -> float | None:
    """The factor f with sum(min(f * w, cap)) = target, or None when even all at the cap fall short."""
    if not weights:
        return 1.0
    if cap * len(weights) < target * (1 - 1e-12):
        return None
    ordered = sorted(weights, reverse=True)
    rest = math.fsum(ordered)
    for capped in range(len(ordered)):
        factor = (target - capped * cap) / rest
        if factor * ordered[capped] <= cap * (1 + 1e-12):
            return factor
        rest -= ordered[capped]
    return cap / ordered[-1]


def _adjust(weights: list[float], margin: _Margin, cap: float) -> None:
    for rows, target in zip(margin.members, margin.targets, strict=True):
        current = [weights[row] for row in rows]
        factor = _bounded_factor(current, target, cap)
        for row in rows:
            weights[row] = cap if factor is None else min(weights[row] * factor, cap)


def _met(weights: Sequence[float], margins: Sequence[_Margin], tolerance: float) -> bool:
    n = len(weights)
    return all(
        abs(math.fsum(weights[row] for row in rows) - target) <= tolerance * n
        for margin in margins
        for rows, target in zip(margin.members, margin.targets, strict=True)
    )


def _trim(weights: list[float], cap: float) -> None:
    """Scale to mean 1, then cap and spread each excess over the weights below the cap, until none is over."""
    n = len(weights)
    total = math.fsum(weights)
    weights[:] = [w * n / total for w in weights]
    for _ in range(n + 1):
        excess = math.fsum(w - cap for w in weights if w > cap)
        if excess <= 1e-12:
            break
        below = math.fsum(w for w in weights if w < cap)
        weights[:] = [cap if w >= cap else w * (1 + excess / below) for w in weights]


def weigh(
    population: Mapping[str, Mapping[str, float]],
    answers: Mapping[str, Sequence[str]],
    cap: float = 5.0,
    apply: bool = True,
) -> Weighting:
    """The weights for the respondents, whose answers to each weighting question are in `answers` (one
    label per respondent, "" for blank), to the `population` (question id -> option -> count or share)."""
    questions = list(population)
    n = len(answers[questions[0]]) if questions else 0
    margins = [_margin(q, population[q], answers[q], refuse=apply) for q in questions]
    weights = [1.0] * n
    if apply:
        for _ in range(MAX_CYCLES):
            for margin in margins:
                _adjust(weights, margin, cap)
            if _met(weights, margins, TOLERANCE):
                break
        if not _met(weights, margins, TOLERANCE):
            _trim(weights, cap)
    missed: list[tuple[str, str, float, float]] = []
    variables = []
    for margin in margins:
        categories = []
        answered = n - len(margin.members[-1])
        for k, rows in enumerate(margin.members):
            weighted = math.fsum(weights[row] for row in rows) / n if n else 0.0
            share = margin.shares[k] if k < len(margin.shares) else None
            categories.append(Category(margin.labels[k], share, len(rows), weighted))
            if apply and share is not None and answered:
                achieved = weighted * n / answered  # as a share of those who answered the question
                if abs(achieved - share) > MISSED:
                    missed.append((margin.question, margin.labels[k], share, achieved))
        observed = [len(rows) for rows in margin.members[:-1]]
        chi2, df, p_value = chi_square(observed, margin.shares)
        variables.append(
            Variable(
                margin.question,
                tuple(categories),
                len(margin.members[-1]),
                tuple(margin.merged),
                chi2,
                df,
                p_value,
            )
        )
    return Weighting(
        method="post-stratification" if len(questions) == 1 else "raking",
        applied=apply,
        weights=tuple(weights),
        variables=tuple(variables),
        cap=cap,
        capped=sum(1 for w in weights if w >= cap * (1 - 1e-9)) if apply else 0,
        met=not missed,
        missed=tuple(missed),
    )


# -- chi-square goodness of fit ----------------------------------------------------------------------------


def chi_square(observed: Sequence[int], shares: Sequence[float]) -> tuple[float, int, float]:
    """Pearson's chi-square of observed counts against expected shares: (statistic, degrees of freedom,
    p-value). With fewer than two categories or no answers: (0, 0, 1)."""
    total = sum(observed)
    if len(observed) < 2 or not total:
        return 0.0, 0, 1.0
    statistic = math.fsum((o - s * total) ** 2 / (s * total) for o, s in zip(observed, shares, strict=True))
    df = len(observed) - 1
    return statistic, df, upper_gamma(df / 2, statistic / 2)


def upper_gamma(a: float, x: float) -> float:
    """The regularised upper incomplete gamma function Q(a, x): the chi-square survival function at 2x
    with 2a degrees of freedom (a series below a + 1, Lentz's continued fraction above)."""
    if x <= 0:
        return 1.0
    log_front = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        k = a
        for _ in range(10_000):
            k += 1
            term *= x / k
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_front))
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return min(1.0, math.exp(log_front) * h)


# -- weighted estimates ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightedEstimate:
    """A weighted share beside its unweighted counts (DESIGN.md §3)."""

    positive: int  # unweighted
    n: int  # unweighted
    share: float | None  # sum(w*y) / sum(w) over the valid respondents
    effective_n: float  # Kish, over the valid respondents

    @property
    def percent(self) -> float | None:
        return stats.round_half_up(self.share * 100) if self.share is not None else None

    @property
    def ci95(self) -> tuple[float, float] | None:
        if self.share is None or not self.effective_n:
            return None
        low, high = wilson_effective(self.share, self.effective_n)
        return stats.round_half_up(low * 100), stats.round_half_up(high * 100)


def wilson_effective(share: float, n: float, z: float = stats.Z95) -> tuple[float, float]:
    """The Wilson score interval of a (weighted) share on an effective n that need not be whole."""
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / denominator
    half = z * math.sqrt(max(0.0, share * (1 - share)) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe_effective(
    share1: float, n1: float, share2: float, n2: float, z: float = stats.Z95
) -> tuple[float, float]:
    """Newcombe's hybrid score interval for share2 - share1, each on its effective n."""
    low1, high1 = wilson_effective(share1, n1, z)
    low2, high2 = wilson_effective(share2, n2, z)
    difference = share2 - share1
    low = difference - math.sqrt((share2 - low2) ** 2 + (high1 - share1) ** 2)
    high = difference + math.sqrt((high2 - share2) ** 2 + (share1 - low1) ** 2)
    return max(-1.0, low), min(1.0, high)


def _positives(items: Sequence[ItemInput]) -> list[int]:
    """Per respondent: 1 positive, 0 not positive, -1 no valid answer - by the scoring rules themselves,
    applied once per distinct pattern of answers."""
    respondents = len(items[0].codes) if items else 0
    patterns = list(zip(*(item.codes for item in items), strict=True)) if items else []
    seen: dict[tuple[int, ...], int] = {}
    for pattern in set(patterns):
        estimate = score_indicator(
            "", [replace(item, codes=[code]) for item, code in zip(items, pattern, strict=True)]
        ).estimate
        seen[pattern] = estimate.positive if estimate.n else -1
    return [seen[pattern] for pattern in patterns] if respondents else []


def weighted_estimate(items: Sequence[ItemInput], weights: Sequence[float]) -> WeightedEstimate:
    """An indicator's (or, with one item, a statement's) weighted share by the respondent-mean rule."""
    flags = _positives(items)
    valid = [(flag, w) for flag, w in zip(flags, weights, strict=True) if flag >= 0]
    n = len(valid)
    positive = sum(flag for flag, _ in valid)
    total = math.fsum(w for _, w in valid)
    share = math.fsum(w for flag, w in valid if flag) / total if total else None
    return WeightedEstimate(positive, n, share, effective_n([w for _, w in valid]))
