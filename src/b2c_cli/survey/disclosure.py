"""The disclosure rules (DESIGN.md §3), as pure functions every published figure passes: the terminal,
`--json`, reports and the portfolio all show only what these allow.

- Threshold: a figure resting on fewer answers than the threshold (default 5) is never shown - a group's,
  the whole survey's, or one statement's answers per step.
- Dominance: a figure (a group's, the whole survey's, a statement's) exactly at the threshold whose answers
  are all positive or none of them (0/5, 5/5) gives every answer away, and is treated as too few.
- Mixing: an indicator with several statements, one of them hidden for its few answers (1 to threshold-1,
  or the threshold's all alike), is held back too: its respondent-mean figure beside the other
  statements' answers would tell which way those few answered.
- Complementary suppression: the hidden part of a table (the groups not named, plus the cells held back)
  must itself rest on at least the threshold's answers and must not be all positive or all negative, or
  the total less the shown cells would give it away; while it is, the smallest shown cell is held back too.
  With the whole survey at 0 % or 100 % every group can be worked out, so no group is shown.
- Group sizes: the groups not named together hold at least the threshold's respondents (the smallest named
  group joins them until they do), so the printed sizes never pin one hidden group's size.
- Differencing: a period's results may be replaced only by a sample that differs by no response or by at
  least the threshold's, so two releases never differ by a group smaller than the threshold. A replacement
  of the same size (a correction, or one response swapped for another) is judged by what the two files
  show: for every count vector they both print - a statement's answers per step with its don't-know and
  blank counts, an indicator's positive, other, don't-know and blank respondents, the segment groups'
  sizes, a segment cell's positive and other answers - the least number of answers that must have changed
  (the larger of the counts gained and the counts lost, half the L1 distance when the totals agree) is 0
  or at least the threshold; 1 to threshold-1 would show those answers in the difference, and is refused.
- The results file (`results/PERIOD.yaml`) is an output like any other: a figure it would not publish is
  written as held back (`suppressed: true`) with none of its counts - not n, don't-know or blank either,
  since the respondents less any two of them would give the third.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def too_few(n: int | None, threshold: int) -> bool:
    """Whether a figure resting on n answers must stay hidden (fewer answers than the threshold)."""
    return n is not None and n < threshold


def dominated(positive: int | None, n: int | None, threshold: int) -> bool:
    """A cell below the threshold, or at it with every answer alike (0/5 or 5/5): it gives answers away."""
    if n is None:
        return False
    return n < threshold or (n == threshold and positive is not None and positive in (0, n))


def mixes_hidden(statements: Sequence[tuple[int | None, int | None]], threshold: int) -> bool:
    """Whether an indicator's figure mixes in a statement (positive, n) hidden for its few answers: 1 to
    threshold-1, or the threshold's all alike. With several statements each respondent's mean counts, so
    the indicator's positives beside the other statements' answers per step would tell which way those few
    answered. Such an indicator is held back too."""
    return len(statements) > 1 and any(
        n is not None and n > 0 and dominated(positive, n, threshold) for positive, n in statements
    )


def derivable(positive: int, n: int, threshold: int) -> bool:
    """Whether a hidden part (positive of n) could be worked out from a total: it has answers, and either
    fewer than the threshold or all of one kind."""
    return n > 0 and (n < threshold or positive in (0, n))


def hold_back(cells: Mapping[K, tuple[int, int]], threshold: int, hidden: tuple[int, int] = (0, 0)) -> set[K]:
    """The cells not to show, given each cell's (positive, n) and the (positive, n) of answers shown in no
    cell: the dominated ones, and then, while the hidden part could be worked out from the total, the
    smallest shown cell as well."""
    held = {key for key, (positive, n) in cells.items() if dominated(positive, n, threshold)}
    while True:
        positive = hidden[0] + sum(cells[key][0] for key in held)
        n = hidden[1] + sum(cells[key][1] for key in held)
        if not (held or hidden[1]) or not derivable(positive, n, threshold):
            return held
        shown = sorted((cells[key][1], str(key), key) for key in cells if key not in held)
        if not shown:
            return held
        held.add(shown[0][2])


def unnamed_groups(sizes: Mapping[K, int], threshold: int) -> set[K]:
    """The groups not to name: those below the threshold and, while they hold fewer respondents than the
    threshold together (so the total less the named groups would pin their size), the smallest named."""
    hidden = {key for key, size in sizes.items() if size < threshold}
    while hidden and 0 < sum(sizes[key] for key in hidden) < threshold:
        named = sorted((size, str(key), key) for key, size in sizes.items() if key not in hidden)
        if not named:
            break
        hidden.add(named[0][2])
    return hidden


def least_changed(before: Mapping[K, int], after: Mapping[K, int]) -> int:
    """The fewest answers that must have changed (moved, added or removed) to turn one count vector into
    the other: the larger of the counts gained and the counts lost."""
    keys = set(before) | set(after)
    gained = sum(max(after.get(key, 0) - before.get(key, 0), 0) for key in keys)
    lost = sum(max(before.get(key, 0) - after.get(key, 0), 0) for key in keys)
    return max(gained, lost)


def correction_allowed(changed: int, threshold: int) -> bool:
    """Differencing between two releases of one size: no answer of a vector changed, or at least the
    threshold's - never 1 to threshold-1, which the difference between the files would show."""
    return changed == 0 or changed >= threshold


def replacement_allowed(before: int, after: int, threshold: int) -> bool:
    """Differencing: a period's published sample may be replaced by one of the same size (a correction) or
    one that differs by at least the threshold's responses - never by one to threshold-1 responses, whose
    answers the difference between the two releases would show."""
    return before == after or abs(before - after) >= threshold
