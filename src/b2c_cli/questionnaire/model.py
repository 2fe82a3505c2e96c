"""The questionnaire as data: the statements in a stable order (the workbook's indicators, then each one's
items), each as worded (a reverse-worded statement is printed as it stands; scoring mirrors it), the answer
labels, and the background questions the workbook declares."""

from __future__ import annotations

from dataclasses import dataclass

from b2c_cli.i18n import Lang
from b2c_cli.models import Part3, Partnership
from b2c_cli.models.part3 import BackgroundQuestion
from b2c_cli.models.scale import ANSWER_LABELS

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ku"})  # written right to left
SECONDS_PER_STATEMENT = 15
SECONDS_PER_BACKGROUND_QUESTION = 10
MIN_MINUTES = 3


@dataclass(frozen=True)
class Statement:
    number: int  # 1, 2, ... as printed
    indicator: str
    text: str
    reverse: bool


@dataclass(frozen=True)
class Questionnaire:
    lang: Lang
    partnership: Partnership
    statements: tuple[Statement, ...]
    labels: tuple[str, ...]  # the five steps, most agreeing first, then don't-know
    background: tuple[BackgroundQuestion, ...]
    minutes: int
    threshold: int  # the smallest group shown as a number; the introduction promises it
    survey_lang: str = ""  # a survey language other than the interface's (ar, tr, ...); "" for lang itself
    texts: tuple[tuple[str, str], ...] = ()  # that language's questionnaire texts, from the workbook

    @property
    def html_lang(self) -> str:
        return self.survey_lang or self.lang

    @property
    def direction(self) -> str:
        """'rtl' for Arabic, Farsi, Urdu and the other right-to-left scripts, else 'ltr'."""
        return "rtl" if self.html_lang.split("-")[0] in RTL_LANGUAGES else "ltr"

    @property
    def steps(self) -> tuple[str, ...]:
        return self.labels[:5]

    @property
    def dont_know(self) -> str:
        return self.labels[5]


def build_questionnaire(
    partnership: Partnership, part3: Part3, lang: Lang, survey_lang: str | None = None
) -> Questionnaire:
    """The questionnaire in `lang`, or in the survey language `survey_lang` with the partnership's own
    translations (same items, same order; where a translation is missing the workbook's text stands, and
    `b2c validate` names it)."""
    tag = survey_lang if survey_lang not in (None, lang) else None
    statements: list[Statement] = []
    for indicator in part3.indicators:
        if indicator.kind != "survey":
            continue
        for item in indicator.items:
            text = item.translations.get(tag, item.text) if tag else item.text
            statements.append(Statement(len(statements) + 1, indicator.id, text, item.reverse))
    background = tuple(_background(question, tag) for question in part3.survey.background)
    words = part3.survey.translations.get(tag) if tag else None
    labels = ANSWER_LABELS.get(tag or lang, ANSWER_LABELS[lang])
    if words is not None and len(words.labels) == len(labels):
        labels = tuple(words.labels)
    seconds = len(statements) * SECONDS_PER_STATEMENT + len(background) * SECONDS_PER_BACKGROUND_QUESTION
    return Questionnaire(
        lang=lang,
        partnership=partnership,
        statements=tuple(statements),
        labels=labels,
        background=background,
        minutes=max(MIN_MINUTES, -(-seconds // 60)),
        threshold=part3.survey.disclosure_threshold,
        survey_lang=tag or "",
        texts=tuple(sorted(words.texts.items())) if words else (),
    )


def _background(question: BackgroundQuestion, tag: str | None) -> BackgroundQuestion:
    found = question.translations.get(tag) if tag else None
    if found is None or len(found.options) != len(question.options):
        return question
    return question.model_copy(update={"text": found.text, "options": list(found.options)})
