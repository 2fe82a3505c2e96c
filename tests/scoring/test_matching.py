"""Statements find their columns by text (also inside a longer header) or by an explicit column name."""

from __future__ import annotations

import pytest

from b2c_cli.errors import InputError
from b2c_cli.ingest import Column
from b2c_cli.survey.matching import WantedItem, match_items

TRUST = "Siden Nortec etablerede indendørs mødesteder, har jeg fået større tillid til mine naboer"


def item(text: str = TRUST, column: str | None = None) -> WantedItem:
    return WantedItem("trust", 0, text, column, False)


def columns(*headers: str) -> list[Column]:
    return [Column(index, header) for index, header in enumerate(headers)]


@pytest.mark.parametrize(
    "header",
    [
        TRUST,
        TRUST.upper(),
        f"  {TRUST}. ",
        f"Hvor enig er du i følgende udsagn? [{TRUST}]",
        f"Hvor enig er du? - {TRUST}",
        f"Q3. Hvor enig er du: {TRUST}",
        TRUST.replace(" ", "\u00a0"),
    ],
)
def test_statement_found_in_the_forms_tools_use(header: str) -> None:
    (match,) = match_items([item()], columns("Tidsstempel", header, "Navn"), "export.csv")
    assert match.column.index == 1


def test_decomposed_letters_match_their_composed_form() -> None:
    text = "Jeg føler mig tryg på gaden om aftenen"
    decomposed = text.replace("å", "a\u030a")
    assert decomposed != text
    (match,) = match_items([item(text)], columns("ID", decomposed), "export.csv")
    assert match.column.index == 1


def test_exact_header_wins_over_a_header_that_wraps_the_text() -> None:
    cols = columns(f"Spørgsmål 1 - {TRUST}", TRUST)
    (match,) = match_items([item()], cols, "export.csv")
    assert (match.column.index, match.reason) == (1, "text")


def test_question_text_from_another_header_row_is_used() -> None:
    cols = [Column(0, "q1_1", texts=(f"Hvor enig er du? - {TRUST}",))]
    (match,) = match_items([item()], cols, "export.csv")
    assert match.reason == "text-part"


def test_explicit_column_name() -> None:
    (match,) = match_items([item(column="q1_1")], columns("q1_1", "q1_2"), "export.csv")
    assert (match.column.index, match.reason) == (0, "column")


def test_a_statement_that_is_only_a_prefix_of_another_does_not_match() -> None:
    with pytest.raises(InputError) as caught:
        match_items(
            [item("Jeg har tillid til mine naboer")],
            columns("Jeg har tillid til mine naboer og venner"),
            "x.csv",
        )
    assert caught.value.key == "match-no-statement"
    assert "Jeg har tillid til mine naboer og venner" in caught.value.message("en")


def test_no_match_lists_the_closest_headers() -> None:
    with pytest.raises(InputError) as caught:
        match_items([item()], columns("ID", TRUST.replace("større", "mere")), "export.xlsx")
    message = caught.value.message("da")
    assert caught.value.key == "match-no-statement"
    assert "export.xlsx" in message
    assert "mere tillid" in message


def test_two_matching_columns_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        match_items([item()], columns(f"A - {TRUST}", f"B - {TRUST}"), "export.csv")
    assert caught.value.key == "match-ambiguous"


def test_two_items_on_one_column_is_an_error() -> None:
    other = WantedItem("belonging", 0, "Q1", "q1", False)
    with pytest.raises(InputError) as caught:
        match_items([item(column="q1"), other], columns("q1"), "export.csv")
    assert caught.value.key == "match-shared-column"
