"""Answer labels -> steps: direction from the label, never the code; case, spaces and Unicode form ignored."""

from __future__ import annotations

import unicodedata

import pytest

from b2c_cli.models.scale import BLANK, DONT_KNOW, MIXED, classify, is_scale_label


@pytest.mark.parametrize(
    ("label", "step"),
    [
        ("Helt enig", 5),
        ("Meget enig", 5),
        ("Delvis enig", 4),
        ("Delvist enig", 4),
        ("Enig", 4),
        ("Hverken enig eller uenig", 3),
        ("Delvis uenig", 2),
        ("Uenig", 2),
        ("Helt uenig", 1),
        ("Strongly agree", 5),
        ("Agree", 4),
        ("Neither agree nor disagree", 3),
        ("Disagree", 2),
        ("Strongly disagree", 1),
        ("  HELT\u00a0ENIG ", 5),  # odd case and a non-breaking space
        ("5 - Helt enig", 5),
        ("Helt uenig (1)", 1),
        ("1 = Helt enig", 5),  # the label decides, not the number in front of it
        ("helt enig.", 5),
    ],
)
def test_steps(label: str, step: int) -> None:
    assert classify(label) == step


@pytest.mark.parametrize(
    "label",
    ["Ved ikke", "ved ikke/ikke relevant", "Ønsker ikke at svare", "Don’t know", "Prefer not to say", "N/A"],
)
def test_dont_know(label: str) -> None:
    assert classify(label) == DONT_KNOW


def test_compatibility_forms_are_the_same_label() -> None:
    fullwidth = "Ｈｅｌｔ ｅｎｉｇ"  # as some input methods type it
    assert unicodedata.normalize("NFKC", fullwidth) == "Helt enig"
    assert classify(fullwidth) == 5
    assert classify("Don’t know") == DONT_KNOW


@pytest.mark.parametrize(
    "label", ["Hverken/eller (ved ikke)", "Neutral / don't know", "Neither agree nor disagree/Don't know"]
)
def test_labels_that_merge_neutral_and_dont_know_are_flagged(label: str) -> None:
    assert classify(label) == MIXED


@pytest.mark.parametrize("label", ["", "   "])
def test_blank(label: str) -> None:
    assert classify(label) == BLANK


@pytest.mark.parametrize("label", ["Lidt enig", "Ja", "7", "Enig?!x"])
def test_unknown_labels_are_not_guessed(label: str) -> None:
    assert classify(label) is None
    assert not is_scale_label(label)
