"""Part 3, 'Evaluering & effektmåling': the indicators and how they are measured, the evaluation meetings
held, and the values entered by hand."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from b2c_cli.models.common import StrictModel, Text, YesNo

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
    column: Text = None  # the export's column name or code, when the text alone does not find it
    reverse: YesNo = False
    translations: dict[str, str] = Field(default={})  # survey language (IETF tag) -> the statement


class Indicator(StrictModel):
    id: str
    name: str
    kind: IndicatorKind
    esrs: Esrs
    kpi: str
    target: Target | None = None
    no_target_reason: Text = None
    method: Text = None
    comment: Text = None
    items: list[SurveyItem] = []


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
    background: list[BackgroundQuestion] = []
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
