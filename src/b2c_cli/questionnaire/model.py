"""The questionnaire as data: the statements in a stable order (the workbook's indicators, then each one's
items), each as worded (a reverse-worded statement is printed as it stands; scoring mirrors it), the answer
labels, and the background questions the workbook declares."""

from __future__ import annotations

from dataclasses import dataclass

from b2c_cli.i18n import Lang
from b2c_cli.models import Part3, Partnership
from b2c_cli.models.part3 import BackgroundQuestion
from b2c_cli.models.scale import ANSWER_LABELS

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

    @property
    def steps(self) -> tuple[str, ...]:
        return self.labels[:5]

    @property
    def dont_know(self) -> str:
        return self.labels[5]


def build_questionnaire(partnership: Partnership, part3: Part3, lang: Lang) -> Questionnaire:
    statements: list[Statement] = []
    for indicator in part3.indicators:
        if indicator.kind != "survey":
            continue
        for item in indicator.items:
            statements.append(Statement(len(statements) + 1, indicator.id, item.text, item.reverse))
    background = tuple(part3.survey.background)
    seconds = len(statements) * SECONDS_PER_STATEMENT + len(background) * SECONDS_PER_BACKGROUND_QUESTION
    return Questionnaire(
        lang=lang,
        partnership=partnership,
        statements=tuple(statements),
        labels=ANSWER_LABELS[lang],
        background=background,
        minutes=max(MIN_MINUTES, -(-seconds // 60)),
        threshold=part3.survey.disclosure_threshold,
    )
