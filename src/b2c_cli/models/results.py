"""`results/PERIOD.yaml`: what `b2c score` keeps of a measurement. Aggregates only (counts, percentages,
intervals), never a row, a free-text answer or an identifying column, plus where the figures came from."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

RESULTS_SCHEMA_VERSION = 1

# A file edited by hand is read as strictly as it was written: counts are whole and never negative, figures
# are finite, and no more are positive than answered (the statistics would fail on anything else).
Count = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class _Figures(_Strict):
    @model_validator(mode="after")
    def _positive_within_n(self) -> Any:
        positive, n = getattr(self, "positive", None), getattr(self, "n", None)
        if positive is not None and n is not None and positive > n:
            raise ValueError("more positive answers than answers")
        return self


class Source(_Strict):
    file: str
    sha256: str
    format: str
    layout: str
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    b2c_version: str
    # With several exports in one period (`sources`), each one's rows: used, and left out by reason.
    rows_used: Count | None = None
    rows_dropped: dict[str, Count] = {}


class ItemResult(_Figures):
    text: str
    column: str
    reverse: bool = False
    percent: float | None
    positive: Count
    n: Count
    ci95: list[float] | None
    dont_know: Count
    blank: Count
    steps: dict[int, Count]  # answers per step as labelled, 1 (least positive) .. k (most positive)
    scale: str | None = None  # the answer scale's id; None: the guide's five-step agree scale (agree-5)


class IndicatorResult(_Figures):
    id: str
    percent: float | None
    positive: Count
    n: Count
    ci95: list[float] | None
    dont_know: Count
    blank: Count
    items: list[ItemResult]


class ResultWarning(_Strict):
    code: str
    indicator: str | None = None
    n: int | None = None


class SegmentCellResult(_Figures):
    indicator: str
    suppressed: bool = False
    percent: float | None = None
    positive: Count | None = None
    n: Count | None = None
    ci95: list[float] | None = None


class SegmentGroupResult(_Strict):
    group: str
    respondents: Count
    indicators: list[SegmentCellResult]


class SegmentResult(_Strict):
    column: str
    threshold: Count
    hidden_groups: Count
    hidden_respondents: Count
    groups: list[SegmentGroupResult]


class Results(_Strict):
    schema_version: int
    period: str
    respondents: Count
    excluded_rows: dict[str, Count] = {}
    source: Source  # the (first) export scored
    # Every export of the period when there are several (online, data entry, door to door); empty for one.
    sources: list[Source] = []
    warnings: list[ResultWarning] = []
    indicators: list[IndicatorResult]
    # Survey indicators of the workbook that no export of this period measured (none of their statements
    # was asked): reported as "not measured", never as a figure.
    not_measured: list[str] = []
    segments: SegmentResult | None = None

    def every_source(self) -> list[Source]:
        """The exports behind this period's figures: `sources` when there are several, else `source`."""
        return list(self.sources) or [self.source]
