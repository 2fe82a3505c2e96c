"""Part 3, 'Evaluering & effektmåling': the indicators and how they are measured, the evaluation meetings
held, and the values entered by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from b2c_cli.models.common import StrictModel, Text, YesNo
from b2c_cli.models.scale import DEFAULT_SCALE, SCALES, Scale, Step, normalise, with_language

IndicatorKind = Literal["survey", "count", "percent"]
Esrs = Literal["S3", "S4"]
Direction = Literal["at_least", "at_most"]

# The guide's three fixed indicators (page 9). Their texts live in templates/texts/*.yaml.
FIXED_INDICATOR_IDS: tuple[str, ...] = ("belonging", "trust", "co-creation")

MIN_SAMPLE = 50  # the guide: "repræsentative stikprøver fra en varieret gruppe på 50-100 beboere"
DEFAULT_DISCLOSURE_THRESHOLD = 5
MIN_DISCLOSURE_THRESHOLD = 3


class Target(StrictModel):
    value: float
    direction: Direction = "at_least"
    period: Text = None  # the period by which it should be reached
    base_period: Text = None  # the period progress is measured from; the first period when not given


class SurveyItem(StrictModel):
    text: str
    column: Text = None  # the export's column letter, header or code, when the text alone does not find it
    reverse: YesNo = False
    translations: dict[str, str] = Field(default={})  # survey language (IETF tag) -> the statement


class ScaleStep(StrictModel):
    # survey language -> the step's labels, the printed one first: {da: [Meget tryg], en: [Very safe]}
    labels: dict[str, list[str]]
    code: int | None = None  # the number a code-only export writes for this step


class ScaleDeclaration(StrictModel):
    """An answer scale the workbook declares: its steps from the MOST to the LEAST positive."""

    id: str
    steps: list[ScaleStep] = Field(min_length=2)
    positive: int = Field(default=2, ge=1)  # how many of the most positive steps count as positive
    dont_know: dict[str, list[str]] = {}  # survey language -> labels meaning don't know / not relevant
    dont_know_codes: list[int] = []
    missing: list[str] = []  # markers read as blank, e.g. NA, -99

    def scale(self, extra_missing: Sequence[str] = ()) -> Scale:
        steps = tuple(Step({lang: tuple(v) for lang, v in s.labels.items()}, s.code) for s in self.steps)
        dont_know = {lang: tuple(v) for lang, v in self.dont_know.items()}
        return Scale(
            self.id,
            steps,
            min(self.positive, len(steps)),
            dont_know,
            tuple(self.dont_know_codes),
            (*self.missing, *extra_missing),
        )


class Indicator(StrictModel):
    id: str
    name: str
    kind: IndicatorKind
    esrs: Esrs
    kpi: str
    target: Target | None = None
    scale: Text = None  # a shipped scale (agree-5, agree-7, ...) or one under survey: scales; agree-5 if not
    no_target_reason: Text = None
    method: Text = None
    comment: Text = None
    items: list[SurveyItem] = []
    # A respondent who answered fewer of the statements is left out (don't-know and blank are not answers).
    min_answered: int = 1


class Period(StrictModel):
    # An editor reads an unquoted 2026 as a number; b2c takes it as the text it is.
    id: str = Field(json_schema_extra={"type": ["string", "integer"]})
    year: int
    planned_date: dt.date | None = None


class BackgroundTranslation(StrictModel):
    text: str
    options: list[str] = []


class BackgroundQuestion(StrictModel):
    id: str
    text: str
    options: list[str] = []
    translations: dict[str, BackgroundTranslation] = Field(default={})  # survey language -> question

    def texts(self) -> list[str]:
        """The question in the workbook's language and in every survey language (issue 16)."""
        return [self.text, *(t.text for t in self.translations.values() if t.text.strip())]

    def own_options(self) -> dict[str, str]:
        """An option in any survey language (normalised) -> the option as the workbook writes it, so an
        answer given in Arabic counts in the same group as the Danish one (issue 16)."""
        found = {normalise(option): option for option in self.options}
        for translation in self.translations.values():
            if len(translation.options) == len(self.options):
                for option, own in zip(translation.options, self.options, strict=True):
                    found.setdefault(normalise(option), own)
        return found


# The questionnaire's own texts a survey language needs from the workbook (b2c writes them only in da and en).
QUESTIONNAIRE_TEXTS = (
    "title",
    "intro-who",
    "intro-why",
    "intro-anonymous",
    "intro-time",
    "question",
    "how-to-answer",
    "col-statement",
    "about-you",
    "thanks",
    "respondent-number",
)


class SurveyLanguage(StrictModel):
    """A survey language's own words: the answer labels (most agreeing first, then don't-know) and the
    questionnaire's texts (keys as QUESTIONNAIRE_TEXTS; {area}, {threshold}, {minutes} ... as in b2c's)."""

    labels: list[str] = []
    texts: dict[str, str] = Field(default={})


DEFAULT_WEIGHT_CAP = 5.0  # DESIGN.md §3: weights are capped at 5 x the mean weight


class Population(StrictModel):
    """The area's population for one or more background questions (e.g. Landsbyggefonden's Beboerdata):
    per background question id, a count or a share per option. With it b2c weights the answers to the area
    (post-stratification for one question, raking for several) and reports how representative the sample
    is; `weight: false` keeps the figures unweighted and reports only the representativeness."""

    weight: YesNo = True
    source: str
    date: dt.date | None = None
    cap: float = Field(default=DEFAULT_WEIGHT_CAP, gt=1)
    margins: dict[str, dict[str, float]] = Field(min_length=1)


class SurveySettings(StrictModel):
    disclosure_threshold: int = DEFAULT_DISCLOSURE_THRESHOLD
    # For exports that carry only numeric codes and no label sheet: the label each code stands for.
    codes: dict[int, str] = Field(default={})
    # Text labels an export writes that the scale does not know: the export's label -> the scale's label.
    labels: dict[str, str] = Field(default={})
    missing: list[str] = []  # markers every scale reads as blank (R's NA, -99)
    scales: list[ScaleDeclaration] = []
    background: list[BackgroundQuestion] = []
    # The respondent-ID column of the exports (its header), for the check that no respondent is in two
    # exports of one period; None: the survey tools' own ID columns (RespondentID, Response ID, ID, ...).
    id_column: str | None = None
    population: Population | None = None
    # The languages residents answer in (IETF tags: da, en, tr, ar, fa, so, ur, bs), and each one's words.
    languages: list[str] = []
    translations: dict[str, SurveyLanguage] = Field(default={})
    # How many days a raw export in surveys/ is kept (personal data, GDPR) before `b2c surveys purge`.
    raw_retention_days: int | None = Field(default=None, ge=1)


class MeetingLog(StrictModel):
    date: dt.date
    participants: list[str] = []
    experiences: Text = None
    learnings: Text = None
    adjustments: Text = None
    reallocated_resources: Text = None


class ManualValue(StrictModel):
    indicator: str
    period: str
    value: float
    n: int | None = None
    source: Text = None
    comment: Text = None


class Part3(StrictModel):
    periods: list[Period] = []
    indicators: list[Indicator] = []
    survey: SurveySettings = SurveySettings()
    evaluation_meetings: list[MeetingLog] = []
    manual_values: list[ManualValue] = []

    def scales(self) -> dict[str, Scale]:
        """Every scale an indicator may pick: the shipped ones, then the workbook's (which win by id); the
        workbook's missing markers apply to all of them."""
        extra = tuple(self.survey.missing)
        found = {
            scale_id: dataclasses.replace(scale, missing=(*scale.missing, *extra)) if extra else scale
            for scale_id, scale in SCALES.items()
        }
        found.update({d.id: d.scale(extra) for d in self.survey.scales})
        # The survey languages' answer labels (the questionnaire prints them on the default scale): an export
        # answered in Arabic, or in Danish and Arabic in one column, scores on that scale (issue 16).
        default = found.get(DEFAULT_SCALE)
        if default is not None and not any(d.id == DEFAULT_SCALE for d in self.survey.scales):
            for tag, words in self.survey.translations.items():
                default = with_language(default, tag, words.labels)
            found[DEFAULT_SCALE] = default
        return found
