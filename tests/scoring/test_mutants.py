"""Rules of DESIGN.md §3 that mutation testing (`make mutation`) showed no test pinned: each test here
states one rule and fails when the code breaks it. Hand-checked numbers; statsmodels as the reference for
the intervals at another confidence level."""

from __future__ import annotations

from typing import Any

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from b2c_cli.models.scale import BLANK, DONT_KNOW
from b2c_cli.survey import scoring, stats
from b2c_cli.survey.disclosure import hold_back
from b2c_cli.survey.scoring import (
    Estimate,
    IndicatorScore,
    ItemInput,
    change,
    score_indicator,
    score_item,
    segment,
)

DK, NA = DONT_KNOW, BLANK
Z99 = 2.5758293035489004  # the 99.5 % quantile: a 99 % interval


# -- items and indicators ----------------------------------------------------------------------------------


def test_an_item_score_says_which_item_it_is() -> None:
    """The report names each item's column and statement and marks reverse-worded ones."""
    item = score_item(ItemInput([1, 2], reverse=True, column="s_3", text="Jeg føler mig utryg"))
    assert (item.column, item.text, item.reverse) == ("s_3", "Jeg føler mig utryg", True)
    assert item.estimate == Estimate(positive=2, n=2)


def test_an_indicator_keeps_its_id_and_each_items_score() -> None:
    first, second = ItemInput([5, 1, DK], column="a"), ItemInput([4, 2, NA], reverse=True, column="b")
    score = score_indicator("tillid", [first, second])
    assert score.id == "tillid"
    assert score.items == (score_item(first), score_item(second))
    assert score.items[1].estimate == Estimate(positive=1, n=2)  # mirrored: 2 -> 4 is positive


def test_an_indicator_without_items_has_no_answers_and_no_percent() -> None:
    assert score_indicator("x", []) == IndicatorScore("x", Estimate(0, 0), 0, 0, ())
    assert score_indicator("x", []).estimate.percent is None


def test_items_of_unequal_length_are_a_programming_error_that_says_so() -> None:
    with pytest.raises(ValueError, match=r"^every item needs one code per respondent$"):
        score_indicator("x", [ItemInput([5, 4, 3]), ItemInput([5, 4])])


@pytest.mark.parametrize(
    ("first", "second", "dont_know", "blank"),
    [
        ([DK, DK], [DK, DK], 2, 0),  # only don't-know: counted as don't-know
        ([NA, NA], [NA, NA], 0, 2),  # nothing answered: counted as blank
        ([DK, NA], [NA, DK], 2, 0),  # a don't-know and a blank: the don't-know is what they said
        ([DK, NA, NA], [DK, NA, NA], 1, 2),
    ],
)
def test_respondents_without_a_valid_answer_are_counted_as_dont_know_or_blank(
    first: list[int], second: list[int], dont_know: int, blank: int
) -> None:
    score = score_indicator("x", [ItemInput(first), ItemInput(second)])
    assert score.estimate == Estimate(0, 0)
    assert (score.dont_know, score.blank) == (dont_know, blank)


# -- change between periods -------------------------------------------------------------------------------


def test_a_change_carries_its_newcombe_interval_in_percentage_points() -> None:
    # The guide's example: Tillid 45 % -> 54 %, n = 100 each: +9 pp, 95 % interval -4.8 to 22.3.
    found = change(Estimate(45, 100), Estimate(54, 100))
    assert found is not None
    assert (found.difference, found.ci95, found.significant) == (9.0, (-4.8, 22.3), False)
    falling = change(Estimate(54, 100), Estimate(45, 100))
    assert falling is not None
    assert (falling.difference, falling.ci95) == (-9.0, (-22.3, 4.8))


@pytest.mark.parametrize(
    ("interval", "significant"),
    [
        ((0.0, 0.2), False),  # the interval contains 0 at its edge: not significant
        ((-0.2, 0.0), False),
        ((-0.1, 0.1), False),
        ((1e-9, 0.2), True),
        ((-0.2, -1e-9), True),
    ],
)
def test_a_change_whose_interval_contains_zero_even_at_an_edge_is_not_significant(
    monkeypatch: pytest.MonkeyPatch, interval: tuple[float, float], significant: bool
) -> None:
    monkeypatch.setattr(scoring.stats, "newcombe", lambda *args: interval)
    found = change(Estimate(10, 20), Estimate(12, 20))
    assert found is not None
    assert found.significant is significant


# -- segments and disclosure ------------------------------------------------------------------------------


def _cells(table: scoring.SegmentTable, row: int = 0) -> dict[str, Estimate | None]:
    return {cell.group: cell.estimate for cell in table.rows[row].cells}


def test_groups_come_in_the_given_order_then_alphabetically_and_blank_last() -> None:
    groups = ["B"] * 5 + ["C"] * 5 + [""] * 5 + ["A"] * 5 + ["D"] * 5
    table = segment([("x", [ItemInput([5] * 25)])], groups, 5, order=["", "C", "A"])
    assert [group for group, _ in table.groups] == ["C", "A", "B", "D", ""]


def test_a_group_of_exactly_the_threshold_is_named_and_shown() -> None:
    codes = [5] * 9 + [1] + [5, 5, 5, 1, 1]
    table = segment([("x", [ItemInput(codes)])], ["A"] * 10 + ["B"] * 5, 5)
    assert table.groups == (("A", 10), ("B", 5))
    assert (table.hidden_groups, table.hidden_respondents) == (0, 0)
    assert _cells(table) == {"A": Estimate(9, 10), "B": Estimate(3, 5)}


def test_the_table_says_its_threshold_indicator_and_group_sizes() -> None:
    codes = [5] * 10 + [DK] * 2 + [1] * 6
    table = segment([("tillid", [ItemInput(codes)])], ["A"] * 12 + ["B"] * 6, 5)
    assert table.threshold == 5
    assert table.rows[0].indicator == "tillid"
    # respondents: everyone in the group; n: only those with a valid answer
    assert [(cell.group, cell.respondents, cell.estimate) for cell in table.rows[0].cells] == [
        ("A", 12, Estimate(10, 10)),
        ("B", 6, Estimate(0, 6)),
    ]


def test_a_small_hidden_group_is_protected_by_hiding_the_smallest_shown_one() -> None:
    """C (2) is neither named nor shown; with A and B named, the total less their sizes would pin C's: so B,
    the smallest named group (exactly the threshold), goes unnamed too, and B and C are shown as one."""
    codes = [5] * 9 + [1] + [5, 5, 1, 1, 1] + [5, 1]
    table = segment([("x", [ItemInput(codes)])], ["A"] * 10 + ["B"] * 5 + ["C"] * 2, 5)
    assert [group for group, _ in table.groups] == ["A"]
    assert (table.hidden_groups, table.hidden_respondents) == (2, 7)
    assert _cells(table) == {"A": Estimate(9, 10)}


def test_reverse_worded_items_are_mirrored_within_each_group() -> None:
    codes = [1] * 5 + [5] + [5] * 5 + [1]
    groups = ["A"] * 6 + ["B"] * 6
    table = segment(
        [
            ("plain", [ItemInput(codes, column="q1", text="Jeg er tryg")]),
            ("reversed", [ItemInput(codes, reverse=True, column="q2", text="Jeg er utryg")]),
        ],
        groups,
        5,
    )
    assert _cells(table, 0) == {"A": Estimate(1, 6), "B": Estimate(5, 6)}
    assert _cells(table, 1) == {"A": Estimate(5, 6), "B": Estimate(1, 6)}


def suppress(sizes: dict[Any, int], threshold: int, hidden: int = 0) -> set[Any]:
    """Cells of mixed answers (one positive each), held back by size alone."""
    return hold_back({key: (1, n) for key, n in sizes.items()}, threshold, (0, hidden))


def test_nothing_is_suppressed_when_every_cell_reaches_the_threshold() -> None:
    assert suppress({"A": 10, "B": 10}, 5) == set()
    assert suppress({"A": 5, "B": 10}, 5) == set()  # exactly the threshold is enough


def test_complementary_suppression_stops_once_the_hidden_part_reaches_the_threshold() -> None:
    assert suppress({"A": 2, "B": 3, "C": 10}, 5) == {"A", "B"}  # 2 + 3 = 5: C may be shown
    assert suppress({"A": 2, "B": 2, "C": 10, "D": 12}, 5) == {"A", "B", "C"}


def test_everything_is_suppressed_when_even_all_cells_together_are_too_few() -> None:
    assert suppress({"A": 2, "B": 1}, 5) == {"A", "B"}
    assert suppress({"A": 1}, 5, hidden=1) == {"A"}


def test_of_equally_small_cells_the_first_by_name_is_suppressed_whatever_the_keys() -> None:
    """Ties are broken by the key's text: the same cell every run, and keys need not be comparable (a
    group key with None in it)."""
    assert suppress({"B": 6, "A": 6, "C": 2}, 5) == {"C", "A"}
    assert suppress({("Nord", None): 6, ("Nord", 2): 6, ("Syd", 1): 2}, 5) == {("Syd", 1), ("Nord", 2)}


# -- the Wilson and Newcombe intervals ----------------------------------------------------------------------


@pytest.mark.parametrize(("positive", "n"), [(0, 0), (1, 0), (-1, 4), (5, 4)])
def test_wilson_refuses_impossible_counts_and_says_why(positive: int, n: int) -> None:
    with pytest.raises(ValueError, match=r"wilson\(\) needs 0 <= positive <= n and n > 0"):
        stats.wilson(positive, n)


@pytest.mark.parametrize(("share", "n"), [(0.5, 0), (0.5, -3), (1.5, 10), (-0.1, 10), (1.01, 10)])
def test_wilson_share_refuses_impossible_shares_and_says_why(share: float, n: int) -> None:
    with pytest.raises(ValueError, match=r"wilson_share\(\) needs 0 <= share <= 1 and n > 0"):
        stats.wilson_share(share, n)


def test_wilson_bounds_are_exactly_zero_and_one_at_none_and_all() -> None:
    """No 1e-17 of floating-point noise at 0 % or 100 % (it would print as 0,0 but compare as > 0)."""
    for n in range(1, 300):
        assert stats.wilson(0, n)[0] == 0.0
        assert stats.wilson(n, n)[1] == 1.0
        assert stats.wilson_share(1.0, n)[1] <= 1.0  # a percentage entered by hand as 100
        assert stats.wilson_share(0.0, n)[0] >= 0.0


def test_the_intervals_honour_another_confidence_level() -> None:
    low, high = stats.wilson(41, 100, z=Z99)
    ref = proportion_confint(41, 100, alpha=0.01, method="wilson")
    assert (low, high) == pytest.approx(ref, abs=1e-9)
    assert (high - low) > (stats.wilson(41, 100)[1] - stats.wilson(41, 100)[0])
    low, high = stats.newcombe(45, 100, 54, 100, z=Z99)
    ref = confint_proportions_2indep(54, 100, 45, 100, method="newcomb", compare="diff", alpha=0.01)
    assert (low, high) == pytest.approx(ref, abs=1e-9)


@pytest.mark.parametrize(("value", "places", "expected"), [(2.345, 2, 2.35), (0.5, 0, 1.0), (7.0, 3, 7.0)])
def test_round_half_up_to_other_places(value: float, places: int, expected: float) -> None:
    assert stats.round_half_up(value, places) == expected
