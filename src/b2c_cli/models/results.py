"""`results/PERIOD.yaml`: what `b2c score` keeps of a measurement. Aggregates only (counts, percentages,
intervals), never a row, a free-text answer or an identifying column, plus where the figures came from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

RESULTS_SCHEMA_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    file: str
    sha256: str
    format: str
    layout: str
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    b2c_version: str


class ItemResult(_Strict):
    text: str
    column: str
    reverse: bool = False
    percent: float | None
    positive: int
    n: int
    ci95: list[float] | None
    dont_know: int
    blank: int
    steps: dict[int, int]  # answers per step as labelled, 1 (most disagreeing) .. 5 (most agreeing)


class IndicatorResult(_Strict):
    id: str
    percent: float | None
    positive: int
    n: int
    ci95: list[float] | None
    dont_know: int
    blank: int
    items: list[ItemResult]


class ResultWarning(_Strict):
    code: str
    indicator: str | None = None
    n: int | None = None


class SegmentCellResult(_Strict):
    indicator: str
    suppressed: bool = False
    percent: float | None = None
    positive: int | None = None
    n: int | None = None
    ci95: list[float] | None = None


class SegmentGroupResult(_Strict):
    group: str
    respondents: int
    indicators: list[SegmentCellResult]


class SegmentResult(_Strict):
    column: str
    threshold: int
    hidden_groups: int
    hidden_respondents: int
    groups: list[SegmentGroupResult]


class Results(_Strict):
    schema_version: int
    period: str
    respondents: int
    excluded_rows: dict[str, int] = {}
    source: Source
    warnings: list[ResultWarning] = []
    indicators: list[IndicatorResult]
    segments: SegmentResult | None = None
