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


# The counts of an indicator or a statement: all of them, or - held back under the disclosure rules - none
# (with `respondents` printed, any two of n, dont_know and blank would pin the third).
_COUNTED = ("positive", "n", "dont_know", "blank")
_SHOWN = ("percent", "ci95", "weighted")


class _Counted(_Figures):
    @model_validator(mode="after")
    def _all_or_none(self) -> Any:
        counted = [*_COUNTED, *(("steps",) if "steps" in type(self).model_fields else ())]
        if getattr(self, "suppressed", False):
            extra = ("answered",) if "answered" in type(self).model_fields else ()
            if any(getattr(self, key) is not None for key in (*counted, *_SHOWN, *extra)):
                raise ValueError("a held-back figure keeps no count")
        elif any(getattr(self, key) is None for key in counted):
            raise ValueError("a figure shown keeps every count")
        return self

    def counts(self) -> tuple[int, int, int, int] | None:
        """positive, n, don't-know and blank; None for a figure held back (the file keeps none of them)."""
        positive, n, dont_know, blank = (getattr(self, key) for key in _COUNTED)
        if positive is None or n is None or dont_know is None or blank is None:
            return None
        return positive, n, dont_know, blank


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


class WeightedFigures(_Strict):
    """A share weighted to the area's population (DESIGN.md §3), beside the unweighted n and positives."""

    share: float  # sum(w*y) / sum(w), six decimals
    percent: float  # one decimal, half up
    ci95: list[float]  # Wilson on the effective n
    effective_n: float  # Kish's (sum w)^2 / sum(w^2) over the valid respondents, two decimals


class ItemResult(_Counted):
    """One statement. `suppressed`: answered by fewer than the threshold (or its indicator is held back),
    so the file keeps its text, column and scale for comparing periods, and no count."""

    text: str
    column: str
    reverse: bool = False
    suppressed: bool = False
    percent: float | None = None
    positive: Count | None = None
    n: Count | None = None
    ci95: list[float] | None = None
    dont_know: Count | None = None
    blank: Count | None = None
    # answers per step as labelled, 1 (least positive) .. k (most positive)
    steps: dict[int, Count] | None = None
    scale: str | None = None  # the answer scale's id; None: the guide's five-step agree scale (agree-5)
    weighted: WeightedFigures | None = None


class AnsweredResult(_Strict):
    """An indicator with several statements: its respondents with a valid answer, by how many statements
    they answered (don't-know and blank are not answers)."""

    min_answered: int = Field(ge=1)
    complete: Count  # answered every statement
    partial: Count  # answered only some, at least min_answered: scored
    too_few: Count  # answered fewer than min_answered: left out of n


class IndicatorResult(_Counted):
    """An indicator's figure. `suppressed`: fewer answers than the threshold, or all alike at it
    (DESIGN.md §3): the file keeps no count of it nor of its statements."""

    id: str
    suppressed: bool = False
    percent: float | None = None
    positive: Count | None = None
    n: Count | None = None
    ci95: list[float] | None = None
    dont_know: Count | None = None
    blank: Count | None = None
    items: list[ItemResult]
    weighted: WeightedFigures | None = None
    answered: AnsweredResult | None = None  # only for an indicator with several statements


class ResultWarning(_Strict):
    code: str
    indicator: str | None = None
    n: int | None = None
    # ids-not-checked: the exports added (`file`) and the earlier ones their IDs were not compared with.
    file: str | None = None
    files: str | None = None
    threshold: int | None = None  # held-back: the disclosure threshold the figure was held back at


class SegmentCellResult(_Figures):
    indicator: str
    suppressed: bool = False
    percent: float | None = None
    positive: Count | None = None
    n: Count | None = None
    ci95: list[float] | None = None
    weighted: WeightedFigures | None = None  # the group's weighted share, when the period is weighted


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


class WeightCategory(_Strict):
    category: str  # an option of the background question ("A + B" when merged; "" the missing answers)
    population: float | None  # its share of the population, percent (none for the missing answers)
    # Respondents, and their share of all respondents, plain and weighted; all three None when the category
    # is held back (1 to threshold-1 respondents, or to keep such a category's size from the total).
    sample: Count | None
    sample_percent: float | None
    weighted_percent: float | None


class WeightMerge(_Strict):
    category: str
    into: str


class WeightVariable(_Strict):
    question: str  # the background question's id
    # Respondents without an answer to it, weighted as a category of their own (None: held back, as the
    # '' category's sample).
    missing: Count | None
    merged: list[WeightMerge] = []
    chi2: float
    df: Count
    p_value: float
    categories: list[WeightCategory]


class MissedMargin(_Strict):
    question: str
    category: str
    population: float  # percent
    weighted: float  # percent, as reached under the cap


class WeightingResult(_Strict):
    """How the period's answers were weighted (or, `applied: false`, only compared with the population):
    aggregates only."""

    method: str  # post-stratification | raking
    applied: bool
    source: str
    date: str | None = None
    cap: float
    design_effect: float
    effective_n: float
    capped: Count
    met: bool
    missed: list[MissedMargin] = []
    variables: list[WeightVariable]
    # Set when a category's size is held back: the disclosure threshold it was held back at.
    threshold: Count | None = None


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

    weighting: WeightingResult | None = None
    # Weighting questions (Part 3's population) the export had no column for: the period is unweighted.
    weighting_missing: list[str] = []
