"""The fast counts scoring uses on byte codes (raw-byte tallies, answer patterns packed into one integer per
respondent) give exactly what a plain Counter gives, for every code scoring can produce."""

from __future__ import annotations

from array import array
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from b2c_cli.models.scale import BLANK, DONT_KNOW
from b2c_cli.survey.scoring import answer_patterns, tally

CODES = st.integers(min_value=DONT_KNOW, max_value=11)  # the widest shipped scale: 0-10 is eleven steps


@st.composite
def answer_columns(draw: st.DrawFn) -> list[list[int]]:
    items = draw(st.integers(min_value=1, max_value=10))  # past eight: the tuple path
    respondents = draw(st.integers(min_value=0, max_value=60))
    return [draw(st.lists(CODES, min_size=respondents, max_size=respondents)) for _ in range(items)]


@given(answer_columns())
def test_answer_patterns_count_as_a_counter_of_tuples_does(columns: list[list[int]]) -> None:
    expected = Counter(zip(*columns, strict=True))
    as_bytes = [array("b", column) for column in columns]
    assert dict(answer_patterns(as_bytes)) == dict(expected)
    assert dict(answer_patterns(columns)) == dict(expected)  # plain lists (segments' subsets)


@given(st.lists(CODES, max_size=80))
def test_tally_counts_as_a_counter_does(codes: list[int]) -> None:
    values = range(DONT_KNOW, 12)
    expected = Counter(codes)
    assert tally(array("b", codes), values) == {value: expected[value] for value in values}
    assert tally(codes, values) == {value: expected[value] for value in values}
    assert tally(array("b", codes), range(BLANK, 1))[BLANK] == codes.count(BLANK)
