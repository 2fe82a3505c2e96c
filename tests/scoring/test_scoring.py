"""Scoring rules of DESIGN.md §3 on small hand-checked cases, and as properties over random answers."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from b2c_cli.models.scale import BLANK, DONT_KNOW
from b2c_cli.survey.scoring import (
    Estimate,
    ItemInput,
    change,
    score_indicator,
    score_item,
    segment,
)

DK, NA = DONT_KNOW, BLANK


def test_item_top_two_box_counts_dont_know_and_blank_outside_the_denominator() -> None:
    item = score_item(ItemInput([5, 4, 3, 2, 1, DK, NA, 5]))
    assert item.estimate == Estimate(positive=3, n=6)
    assert item.estimate.percent == 50.0
    assert item.steps == (1, 1, 1, 1, 2)
    assert (item.dont_know, item.blank) == (1, 1)


def test_reverse_worded_item_counts_disagreement_as_positive() -> None:
    item = score_item(ItemInput([5, 4, 3, 2, 1, 1], reverse=True))
    assert item.estimate == Estimate(positive=3, n=6)
    assert item.steps == (2, 1, 1, 1, 1)  # as labelled, before mirroring


def test_indicator_respondent_mean_rule_by_hand() -> None:
    first = [5, 4, 5, DK, NA, DK, 2, 3, 4]
    second = [3, 3, DK, DK, NA, NA, 1, 5, 4]  # reverse-worded
    score = score_indicator("belonging", [ItemInput(first), ItemInput(second, reverse=True)])
    # respondent: (5,3r=3)->4.0 pos | (4,3)->3.5 | (5,-)->5 pos | (-,-) dk | blank | dk | (2,1r=5)->3.5
    #             | (3,5r=1)->2 | (4,4r=2)->3
    assert score.estimate == Estimate(positive=2, n=6)
    assert (score.dont_know, score.blank) == (2, 1)
    assert score.estimate.n + score.dont_know + score.blank == 9


def test_mean_of_exactly_four_is_positive() -> None:
    score = score_indicator("x", [ItemInput([5, 5, 4]), ItemInput([3, 1, 4]), ItemInput([4, 5, 4])])
    # means: 4.0, 3.67, 4.0
    assert score.estimate == Estimate(positive=2, n=3)


def test_indicator_with_no_answers_has_no_percent() -> None:
    score = score_indicator("x", [ItemInput([DK, NA])])
    assert score.estimate.n == 0
    assert score.estimate.percent is None
    assert score.estimate.ci95 is None


def test_items_must_have_the_same_respondents() -> None:
    with pytest.raises(ValueError):
        score_indicator("x", [ItemInput([5, 4]), ItemInput([5])])


def test_estimate_figures() -> None:
    estimate = Estimate(41, 100)
    assert (estimate.percent, estimate.display, estimate.ci95) == (41.0, 41, (31.9, 50.8))
    assert estimate.small is False
    assert Estimate(20, 49).small is True


def test_change_is_labelled_by_its_interval() -> None:
    not_significant = change(Estimate(45, 100), Estimate(54, 100))
    assert not_significant is not None
    assert not_significant.difference == 9.0
    assert not not_significant.significant
    significant = change(Estimate(22, 100), Estimate(45, 100))
    assert significant is not None
    assert significant.significant
    assert significant.ci95[0] > 0
    assert change(Estimate(0, 0), Estimate(5, 10)) is None


answers = st.lists(st.sampled_from([1, 2, 3, 4, 5, DK, NA]), min_size=1, max_size=80)


@given(answers, st.booleans(), st.randoms())
def test_row_order_does_not_matter(codes: list[int], reverse: bool, rnd: random.Random) -> None:
    shuffled = codes[:]
    rnd.shuffle(shuffled)
    assert score_item(ItemInput(codes, reverse)).estimate == score_item(ItemInput(shuffled, reverse)).estimate


@given(
    st.lists(st.tuples(st.sampled_from([1, 2, 3, 4, 5, DK, NA]), st.sampled_from([1, 2, 3, 4, 5, DK, NA])))
)
def test_adding_dont_know_rows_changes_no_percentage(rows: list[tuple[int, int]]) -> None:
    def indicator(rows: list[tuple[int, int]]) -> Estimate:
        return score_indicator(
            "x", [ItemInput([a for a, _ in rows]), ItemInput([b for _, b in rows])]
        ).estimate

    before = indicator(rows)
    after = indicator([*rows, (DK, DK), (DK, NA), (NA, NA)])
    assert (before.positive, before.n) == (after.positive, after.n)


@given(answers, st.booleans())
def test_interval_contains_the_estimate_and_percent_is_bounded(codes: list[int], reverse: bool) -> None:
    estimate = score_item(ItemInput(codes, reverse)).estimate
    if estimate.n:
        assert estimate.percent is not None
        assert estimate.ci95 is not None
        assert 0 <= estimate.percent <= 100
        assert estimate.ci95[0] <= estimate.percent <= estimate.ci95[1]


@given(answers, st.booleans())
def test_one_item_indicator_equals_its_item_score(codes: list[int], reverse: bool) -> None:
    item = ItemInput(codes, reverse)
    assert score_indicator("x", [item]).estimate == score_item(item).estimate


# -- segments ------------------------------------------------------------------------------------------------


def _segment(groups: list[str], codes: list[int], threshold: int = 5):  # type: ignore[no-untyped-def]
    return segment([("trust", [ItemInput(codes)])], groups, threshold)


def test_small_groups_are_neither_named_nor_shown() -> None:
    groups = ["A"] * 10 + ["B"] * 8 + ["C"] * 2
    table = _segment(groups, [5] * 9 + [1] + [5] * 4 + [1] * 4 + [5, 1])
    # C's 2 respondents would be pinned by the total less A's and B's sizes: B (the smallest) goes too.
    assert [g for g, _ in table.groups] == ["A"]
    assert (table.hidden_groups, table.hidden_respondents) == (2, 10)
    cells = {cell.group: cell.estimate for cell in table.rows[0].cells}
    assert cells == {"A": Estimate(9, 10)}


def test_no_complementary_suppression_when_the_hidden_part_is_large_enough() -> None:
    groups = ["A"] * 10 + ["B"] * 8 + ["C"] * 3 + ["D"] * 3
    table = _segment(groups, [4] * 9 + [1] + [4] * 7 + [1] + [4, 4, 1] + [4] * 3)
    cells = {cell.group: cell.estimate for cell in table.rows[0].cells}
    assert cells == {"A": Estimate(9, 10), "B": Estimate(7, 8)}  # C+D: 6 together >= 5, not all alike


def test_a_cell_with_few_valid_answers_is_suppressed_with_a_complement() -> None:
    groups = ["A"] * 10 + ["B"] * 6 + ["C"] * 12
    codes = [5] * 9 + [1] + [5, 5, DK, DK, DK, DK] + [1] * 12
    table = _segment(groups, codes)
    cells = {cell.group: cell.estimate for cell in table.rows[0].cells}
    assert cells["B"] is None  # n = 2
    assert cells["A"] is None  # the smallest shown cell goes too, so B cannot be derived
    assert cells["C"] == Estimate(0, 12)


def test_blank_segment_values_form_their_own_group_last() -> None:
    groups = ["B"] * 5 + [""] * 5 + ["A"] * 5
    table = _segment(groups, [5] * 15)
    assert [g for g, _ in table.groups] == ["A", "B", ""]
