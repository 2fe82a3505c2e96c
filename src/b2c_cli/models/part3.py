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


class BackgroundQuestion(StrictModel):
    id: str
    text: str
    options: list[str] = []


class SurveySettings(StrictModel):
    disclosure_threshold: int = DEFAULT_DISCLOSURE_THRESHOLD
    # For exports that carry only numeric codes and no label sheet: the label each code stands for.
    codes: dict[int, str] = Field(default={})
    background: list[BackgroundQuestion] = []


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
