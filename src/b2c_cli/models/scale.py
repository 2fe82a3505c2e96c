"""The five-step agree scale: which answer label is which step (DESIGN.md §3).

Direction always comes from the label, never from a code's order. Step 5 is the most agreeing answer
("Helt enig", "Strongly agree") and 1 the least; a reverse-worded item is mirrored later, in scoring.
Labels are matched after normalising case, Unicode form, spaces (non-breaking ones too) and a leading or
trailing step number ("5 - Helt enig", "Helt enig (5)").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

DONT_KNOW: Final = -1  # don't know, not relevant, prefer not to say: counted, not in the denominator
BLANK: Final = 0  # no answer
MIXED: Final = -2  # a label that merges neutral and don't-know: its meaning is unknowable, so an error

# The labels b2c prints on questionnaires and offers in data-entry sheets: the guide's five steps from
# 'Helt enig' to 'Helt uenig', then don't-know. Every one of them is recognised by `classify`.
ANSWER_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "da": ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig", "Ved ikke"),
    "en": (
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Disagree",
        "Strongly disagree",
        "Don't know",
    ),
}

_STEP_LABELS: dict[int, tuple[str, ...]] = {
    5: (
        "helt enig",
        "meget enig",
        "fuldstændig enig",
        "i høj grad enig",
        "strongly agree",
        "completely agree",
        "totally agree",
        "agree strongly",
    ),
    4: (
        "delvis enig",
        "delvist enig",
        "enig",
        "overvejende enig",
        "noget enig",
        "i nogen grad enig",
        "agree",
        "somewhat agree",
        "tend to agree",
        "mostly agree",
        "partly agree",
        "slightly agree",
    ),
    3: (
        "hverken enig eller uenig",
        "hverken enig el. uenig",
        "hverken enig/uenig",
        "hverken/eller",
        "hverken eller",
        "neutral",
        "neither agree nor disagree",
        "neither agree or disagree",
        "neither agree nor disagree (neutral)",
    ),
    2: (
        "delvis uenig",
        "delvist uenig",
        "uenig",
        "overvejende uenig",
        "noget uenig",
        "i nogen grad uenig",
        "disagree",
        "somewhat disagree",
        "tend to disagree",
        "mostly disagree",
        "partly disagree",
        "slightly disagree",
    ),
    1: (
        "helt uenig",
        "meget uenig",
        "fuldstændig uenig",
        "i høj grad uenig",
        "strongly disagree",
        "completely disagree",
        "totally disagree",
        "disagree strongly",
    ),
}

_DONT_KNOW_LABELS: tuple[str, ...] = (
    "ved ikke",
    "ved ikke/ikke relevant",
    "ved ikke / ikke relevant",
    "ikke relevant",
    "ikke aktuelt",
    "ønsker ikke at svare",
    "vil ikke svare",
    "vil ikke oplyse",
    "ønsker ikke at oplyse",
    "don't know",
    "dont know",
    "do not know",
    "don't know/not applicable",
    "don't know / not applicable",
    "not applicable",
    "n/a",
    "not relevant",
    "prefer not to say",
    "prefer not to answer",
    "rather not say",
    "no opinion",
)

# Words that mark a label as neutral or as don't-know, to catch labels that merge the two.
_NEUTRAL_WORDS = ("hverken", "neutral", "neither")
_DONT_KNOW_WORDS = ("ved ikke", "don't know", "dont know", "do not know", "ikke relevant", "not applicable")

_NUMBER_AROUND = re.compile(r"^\(?\d{1,2}\)?\s*[-–=.:)]\s*|\s*[-–=:]?\s*\(\d{1,2}\)$")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, Unicode form, spaces and quote marks made uniform, for comparing labels and headers."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip().casefold()


def _label_key(label: str) -> str:
    key = normalise(label)
    key = _NUMBER_AROUND.sub("", key).strip()
    return key.rstrip(".").strip()


_LOOKUP: dict[str, int] = {label: step for step, labels in _STEP_LABELS.items() for label in labels}
_LOOKUP.update(dict.fromkeys(_DONT_KNOW_LABELS, DONT_KNOW))


def classify(label: str) -> int | None:
    """The step (1-5) a label stands for, DONT_KNOW, BLANK for an empty label, MIXED for a label that
    merges neutral and don't-know, or None when it is not a label b2c knows."""
    key = _label_key(label)
    if not key:
        return BLANK
    found = _LOOKUP.get(key)
    if found is not None:
        return found
    if any(word in key for word in _NEUTRAL_WORDS) and any(word in key for word in _DONT_KNOW_WORDS):
        return MIXED
    return None


def is_scale_label(label: str) -> bool:
    """Whether a value looks like an answer on the agree scale (used to spot unused Likert columns)."""
    return classify(label) not in (None, BLANK, MIXED)
