"""Answer scales as data (DESIGN.md §3): which answer label is which step of the indicator's scale.

A `Scale` lists its steps from the most to the least positive, each with its labels per survey language
(a dict language -> labels; the first label of a language is the one printed), how many of the most
positive steps count as positive, the labels that mean don't-know (not in the denominator), optional
numeric codes per step (the direction then comes from the declared codes, never from their order), and
missing markers (`NA`, `-99`) read as blank. b2c ships named scales (`SCALES`): the guide's five-step agree
scale `agree-5` (the default; it also takes the labels of the common five-step variants), the variants
alone, `agree-4` (no neutral), `agree-7`, `safe-5`, `satisfied-5`, `favourable-5`, `linear-5` and `0-10`.
A workbook may declare its own (Part 3 `survey: scales:`) and picks one per indicator (`scale:`).

In the codes answers become, step k is the most positive (k = the number of steps) and 1 the least; a
reverse-worded item is mirrored later, in scoring. Labels are matched after normalising case, Unicode
form, spaces (non-breaking ones too), a byte-order mark and a leading or trailing step number
("5 - Helt enig", "Helt enig (5)").
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final

DONT_KNOW: Final = -1  # don't know, not relevant, prefer not to say: counted, not in the denominator
BLANK: Final = 0  # no answer
MIXED: Final = -2  # a label that merges neutral and don't-know: its meaning is unknowable, so an error

DEFAULT_SCALE: Final = "agree-5"

# Words that mark a label as neutral or as don't-know, to catch labels that merge the two.
_NEUTRAL_WORDS = ("hverken", "neutral", "neither")
_DONT_KNOW_WORDS = ("ved ikke", "don't know", "dont know", "do not know", "ikke relevant", "not applicable")

_NUMBER_AROUND = re.compile(r"^\(?\d{1,2}\)?\s*[-–=.:)]\s*|\s*[-–=:]?\s*\(\d{1,2}\)$")
_LEADING_NUMBER = re.compile(r"^\(?(-?\d{1,3})\)?(?:\s*[-–=.:)(]|\s|$)")
_SPACES = re.compile(r"\s+")
# Direction marks (LRM, RLM, the Arabic letter mark, embeddings, overrides, isolates) and the Arabic tatweel
# (a stretching stroke): invisible or decorative in a label or header, so dropped before comparing (issue 16).
_INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u0640]")


def normalise(text: str) -> str:
    """Case, Unicode form, spaces, byte-order marks, direction marks, tatweel and quote marks made uniform,
    for comparing labels and headers (in any survey language)."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    return _SPACES.sub(" ", text.replace("\ufeff", "")).strip().casefold()


def label_key(label: str) -> str:
    """A label as it is compared: normalised, without a step number around it or a final full stop."""
    key = normalise(label)
    key = _NUMBER_AROUND.sub("", key).strip()
    return key.rstrip(".").strip()


def leading_number(label: str) -> int | None:
    """The number a label starts with ("10 - Completely satisfied", "1 (None at all)", "4"), if any."""
    match = _LEADING_NUMBER.match(normalise(label))
    return int(match.group(1)) if match else None


def is_mixed(key: str) -> bool:
    return any(word in key for word in _NEUTRAL_WORDS) and any(word in key for word in _DONT_KNOW_WORDS)


@dataclass(frozen=True)
class Step:
    labels: Mapping[str, Sequence[str]]  # survey language -> labels, the printed one first
    code: int | None = None


@dataclass(frozen=True)
class Scale:
    """One answer scale. `steps` from the most to the least positive; `positive` how many of the most
    positive count as positive (the guide: two of five)."""

    id: str
    steps: tuple[Step, ...]
    positive: int = 2
    dont_know: Mapping[str, Sequence[str]] = field(default_factory=dict)
    dont_know_codes: tuple[int, ...] = ()
    missing: tuple[str, ...] = ()  # markers read as blank: "NA", "-99"
    aliases: Mapping[str, int] = field(default_factory=dict)  # more labels (keys) -> step value
    # label key -> the survey language that added it (issue 16): labels of two languages on one step are
    # one answer in two languages, not a sign of a scale with more steps
    survey_labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def k(self) -> int:
        return len(self.steps)

    @property
    def lowest_positive(self) -> int:
        """The least positive step value (1..k, k most positive) that still counts as positive."""
        return self.k - self.positive + 1

    def value_of(self, position: int) -> int:
        """The step value (k = most positive) of the step at `position` in `steps` (0 = most positive)."""
        return self.k - position

    @cached_property
    def lookup(self) -> dict[str, int]:
        """label key -> step value (1..k) or DONT_KNOW."""
        found: dict[str, int] = {}
        for position, step in enumerate(self.steps):
            for labels in step.labels.values():
                for label in labels:
                    found.setdefault(label_key(label), self.value_of(position))
        for key, value in self.aliases.items():
            found.setdefault(key, value)
        for labels in self.dont_know.values():
            for label in labels:
                found.setdefault(label_key(label), DONT_KNOW)
        return found

    @cached_property
    def codes(self) -> dict[int, int]:
        """Declared numeric code -> step value or DONT_KNOW."""
        found = {step.code: self.value_of(p) for p, step in enumerate(self.steps) if step.code is not None}
        found.update(dict.fromkeys(self.dont_know_codes, DONT_KNOW))
        return found

    @cached_property
    def missing_keys(self) -> frozenset[str]:
        return frozenset(normalise(marker) for marker in self.missing)

    def labels(self, lang: str) -> list[str]:
        """The printed label of each step (most positive first), then the first don't-know label."""
        out = [_first(step.labels, lang) for step in self.steps]
        dont_know = _first(self.dont_know, lang) if self.dont_know else ""
        return out + ([dont_know] if dont_know else [])

    def classify(self, label: str) -> int | None:
        """The step value a label stands for, DONT_KNOW, BLANK for an empty label or a missing marker,
        MIXED for a label that merges neutral and don't-know, or None when it is not on this scale."""
        key = label_key(label)
        if not key or normalise(label) in self.missing_keys:
            return BLANK
        found = self.lookup.get(key)
        if found is not None:
            return found
        if is_mixed(key):
            return MIXED
        if self.codes:
            number = leading_number(label)
            if number is not None:
                return self.codes.get(number)
        return None


def _first(labels: Mapping[str, Sequence[str]], lang: str) -> str:
    if labels.get(lang):
        return labels[lang][0]
    return next((values[0] for values in labels.values() if values), "")


def _agree(
    scale_id: str, da: Sequence[str], en: Sequence[str], aliases: Mapping[str, int] | None = None
) -> Scale:
    steps = tuple(Step({"da": (d,), "en": (e,)}) for d, e in zip(da, en, strict=True))
    return Scale(scale_id, steps, 2, _DONT_KNOW, aliases=aliases or {})


_DONT_KNOW: Mapping[str, Sequence[str]] = {
    "da": (
        "Ved ikke",
        "Ved ikke/ikke relevant",
        "Ved ikke / ikke relevant",
        "Ikke relevant",
        "Ikke aktuelt",
        "Ønsker ikke at svare",
        "Vil ikke svare",
        "Vil ikke oplyse",
        "Ønsker ikke at oplyse",
    ),
    "en": (
        "Don't know",
        "Dont know",
        "Do not know",
        "Don't know/not applicable",
        "Don't know / not applicable",
        "Not applicable",
        "N/A",
        "Not relevant",
        "Prefer not to say",
        "Prefer not to answer",
        "Rather not say",
        "No opinion",
    ),
}

# The labels the guide's five-step scale has always taken, of several five-step variants: in one column,
# two labels on one step (say 'Agree' and 'Somewhat agree') mean another scale, and are an error.
_AGREE_5_ALIASES: dict[int, tuple[str, ...]] = {
    5: (
        "meget enig",
        "fuldstændig enig",
        "i høj grad enig",
        "completely agree",
        "totally agree",
        "agree strongly",
    ),
    4: (
        "delvist enig",
        "enig",
        "overvejende enig",
        "noget enig",
        "i nogen grad enig",
        "somewhat agree",
        "tend to agree",
        "mostly agree",
        "partly agree",
        "slightly agree",
    ),
    3: (
        "hverken enig el. uenig",
        "hverken enig/uenig",
        "hverken/eller",
        "hverken eller",
        "neutral",
        "neither agree or disagree",
        "neither agree nor disagree (neutral)",
    ),
    2: (
        "delvist uenig",
        "uenig",
        "overvejende uenig",
        "noget uenig",
        "i nogen grad uenig",
        "somewhat disagree",
        "tend to disagree",
        "mostly disagree",
        "partly disagree",
        "slightly disagree",
    ),
    1: (
        "meget uenig",
        "fuldstændig uenig",
        "i høj grad uenig",
        "completely disagree",
        "totally disagree",
        "disagree strongly",
    ),
}

_NEITHER_DA, _NEITHER_EN = "Hverken enig eller uenig", "Neither agree nor disagree"


def _numeric(scale_id: str, top: int, bottom: int, positive: int) -> Scale:
    """A numeric scale (a linear scale, 0-10): the numbers are the labels, `top` the most positive."""
    direction = -1 if top > bottom else 1
    steps = tuple(
        Step({"da": (str(n),), "en": (str(n),)}, code=n) for n in range(top, bottom + direction, direction)
    )
    return Scale(scale_id, steps, positive, _DONT_KNOW)


SCALES: Final[dict[str, Scale]] = {
    scale.id: scale
    for scale in (
        _agree(
            "agree-5",
            ("Helt enig", "Delvis enig", _NEITHER_DA, "Delvis uenig", "Helt uenig"),
            ("Strongly agree", "Agree", _NEITHER_EN, "Disagree", "Strongly disagree"),
            {label: step for step, labels in _AGREE_5_ALIASES.items() for label in labels},
        ),
        _agree(
            "agree-5-enig",
            ("Helt enig", "Enig", _NEITHER_DA, "Uenig", "Helt uenig"),
            ("Strongly agree", "Agree", _NEITHER_EN, "Disagree", "Strongly disagree"),
        ),
        _agree(
            "agree-5-meget",
            ("Meget enig", "Enig", _NEITHER_DA, "Uenig", "Meget uenig"),
            ("Strongly agree", "Agree", _NEITHER_EN, "Disagree", "Strongly disagree"),
        ),
        _agree(
            "agree-5-somewhat",
            ("Helt enig", "Delvis enig", _NEITHER_DA, "Delvis uenig", "Helt uenig"),
            ("Strongly agree", "Somewhat agree", _NEITHER_EN, "Somewhat disagree", "Strongly disagree"),
        ),
        _agree(
            "agree-4",
            ("Helt enig", "Enig", "Uenig", "Helt uenig"),
            ("Strongly agree", "Agree", "Disagree", "Strongly disagree"),
        ),
        _agree(
            "agree-7",
            ("Helt enig", "Enig", "Delvis enig", _NEITHER_DA, "Delvis uenig", "Uenig", "Helt uenig"),
            (
                "Strongly agree",
                "Agree",
                "Somewhat agree",
                _NEITHER_EN,
                "Somewhat disagree",
                "Disagree",
                "Strongly disagree",
            ),
        ),
        _agree(
            "safe-5",
            ("Meget tryg", "Tryg", "Hverken tryg eller utryg", "Utryg", "Meget utryg"),
            ("Very safe", "Safe", "Neither safe nor unsafe", "Unsafe", "Very unsafe"),
        ),
        _agree(
            "satisfied-5",
            (
                "Meget tilfreds",
                "Tilfreds",
                "Hverken tilfreds eller utilfreds",
                "Utilfreds",
                "Meget utilfreds",
            ),
            (
                "Very satisfied",
                "Satisfied",
                "Neither satisfied nor dissatisfied",
                "Dissatisfied",
                "Very dissatisfied",
            ),
        ),
        _agree(
            "favourable-5",
            ("Meget positiv", "Positiv", "Hverken positiv eller negativ", "Negativ", "Meget negativ"),
            (
                "Very favorably",
                "Somewhat favorably",
                "Neither favorably nor unfavorably (neutral)",
                "Somewhat unfavorably",
                "Very unfavorably",
            ),
            {"neither favorably nor unfavorably": 3, "very favourably": 5, "somewhat favourably": 4},
        ),
        _numeric("linear-5", 5, 1, 2),
        _numeric("0-10", 10, 0, 2),
    )
}
# favourable-5 knows 'Unfamiliar (N/A)' as don't-know.
SCALES["favourable-5"] = Scale(
    "favourable-5",
    SCALES["favourable-5"].steps,
    2,
    {**_DONT_KNOW, "en": (*_DONT_KNOW["en"], "Unfamiliar (N/A)", "Unfamiliar")},
    aliases=SCALES["favourable-5"].aliases,
)

DEFAULT: Final = SCALES[DEFAULT_SCALE]

# The labels b2c prints on questionnaires and offers in data-entry sheets: the guide's five steps from
# 'Helt enig' to 'Helt uenig', then don't-know. Every one of them is recognised by `classify`.
ANSWER_LABELS: Final[dict[str, tuple[str, ...]]] = {
    lang: tuple(DEFAULT.labels(lang)) for lang in ("da", "en")
}


def with_language(scale: Scale, lang: str, labels: Sequence[str]) -> Scale:
    """`scale` that also takes a survey language's labels (issue 16): one per step, most positive first,
    then optionally a don't-know label. Labels of another count do not fit the scale and leave it as it is
    (`b2c validate` names them)."""
    if len(labels) not in (scale.k, scale.k + 1) or not all(label.strip() for label in labels):
        return scale
    steps = tuple(
        dataclasses.replace(step, labels={**step.labels, lang: (label, *step.labels.get(lang, ()))})
        for step, label in zip(scale.steps, labels, strict=False)
    )
    dont_know = dict(scale.dont_know)
    if len(labels) > scale.k:
        dont_know[lang] = (labels[-1], *dont_know.get(lang, ()))
    survey_labels = {**scale.survey_labels, **{label_key(label): lang for label in labels}}
    return dataclasses.replace(scale, steps=steps, dont_know=dont_know, survey_labels=survey_labels)


def classify(label: str) -> int | None:
    """On the guide's default scale: the step (1-5), DONT_KNOW, BLANK, MIXED, or None (unknown)."""
    return DEFAULT.classify(label)


def is_scale_label(label: str) -> bool:
    """Whether a value looks like an answer on the agree scale (used to spot unused Likert columns)."""
    return classify(label) not in (None, BLANK, MIXED)


def fitting(labels: Sequence[str], scales: Mapping[str, Scale]) -> list[str]:
    """The ids of the scales on which every one of `labels` is a step or don't-know, each step with at most
    one of them (the scales a column's labels fit), fewest steps first."""
    keys = {label_key(label) for label in labels} - {""}
    out = []
    for scale in scales.values():
        values = [scale.classify(key) for key in keys]
        if any(v is None or v == MIXED for v in values):
            continue
        on_steps = [v for v in values if v is not None and v >= 1]
        if len(on_steps) == len(set(on_steps)):
            out.append((scale.k, scale.id))
    return [scale_id for _, scale_id in sorted(out)]
