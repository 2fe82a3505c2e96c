"""Targeted YAML edits: the edited value changes, every other byte stays; each edit is checked by the strict
loader, and one that would change anything else is refused."""

from __future__ import annotations

import pytest

from b2c_cli.yamledit import Append, Delete, EditFailed, Set, apply
from b2c_cli.yamlfile import parse

TEXT = """\
# a comment at the top
party: housing   # trailing comment
prepared_by:
priorities:
  # the guide's question
  focus: >-
    Mange unge står uden job,
    og flere ældre er ensomme.
  site_specific_indicators: ["Tryghed", 'Unge i praktik']
key_points:
  - "Vi vil minimere ensomhed."
  - 'Vi vil øge tryghed.'
  # - ...
"""


def _changed(before: str, after: str) -> tuple[list[str], list[str]]:
    old, new = before.splitlines(), after.splitlines()
    return [line for line in old if line not in new], [line for line in new if line not in old]


def test_an_empty_key_gets_its_value_on_its_own_line() -> None:
    after = apply(TEXT, [Set(("prepared_by",), "Sara Holm: koordinator")])
    assert _changed(TEXT, after) == (["prepared_by:"], ['prepared_by: "Sara Holm: koordinator"'])


def test_a_folded_text_keeps_its_style_and_indentation() -> None:
    after = apply(TEXT, [Set(("priorities", "focus"), "Unge uden job")])
    assert "  focus: >-\n    Unge uden job\n  site_specific_indicators" in after
    assert parse(after.encode()).data["priorities"]["focus"] == "Unge uden job"


def test_quote_style_is_kept_and_a_flow_list_is_extended() -> None:
    after = apply(
        TEXT,
        [
            Set(("key_points", 1), "Vi vil øge trygheden."),
            Append(("priorities", "site_specific_indicators"), "X"),
        ],
    )
    assert "  - 'Vi vil øge trygheden.'" in after
    assert parse(after.encode()).data["priorities"]["site_specific_indicators"] == [
        "Tryghed",
        "Unge i praktik",
        "X",
    ]
    assert "# a comment at the top\nparty: housing   # trailing comment\n" in after
    assert "  # - ...\n" in after


def test_items_are_added_and_removed_by_whole_lines() -> None:
    after = apply(TEXT, [Append(("key_points",), "% af beboerne"), Delete(("key_points", 0))])
    removed, added = _changed(TEXT, after)
    assert removed == ['  - "Vi vil minimere ensomhed."']
    assert added == ['  - "% af beboerne"']


def test_a_new_key_is_added_after_the_last_key_of_its_mapping() -> None:
    after = apply(TEXT, [Set(("priorities", "initiatives"), "Praktik")])
    assert parse(after.encode()).data["priorities"]["initiatives"] == "Praktik"
    assert _changed(TEXT, after)[0] == []


@pytest.mark.parametrize(
    "value", ["~", "null", "yes", "12:30", "- x", "#tag", "@home", "a: b", " lead", "x #y"]
)
def test_text_that_looks_like_something_else_reads_back_as_the_same_text(value: str) -> None:
    after = apply(TEXT, [Set(("prepared_by",), value)])
    assert parse(after.encode()).data["prepared_by"] == value


def test_an_edit_that_cannot_be_made_cleanly_is_refused() -> None:
    with pytest.raises(EditFailed):
        apply("a: [1, 2]\n", [Set(("a", 5), "x")])
