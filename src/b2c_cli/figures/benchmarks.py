"""The comparison with other surveys: each benchmark beside the partnership's latest figure for the same
indicator or statement, in columns of their own. The benchmark is marked as another survey with another
instrument and population; it is never put into the partnership's figures, changes or target status, and
no difference between the two is computed or tested."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from b2c_cli.figures.model import Figures, PeriodFigure
from b2c_cli.figures.words import label_of, value_text
from b2c_cli.i18n import Lang
from b2c_cli.i18n import numbers as num
from b2c_cli.models.benchmark import Benchmark
from b2c_cli.models.scale import normalise


@dataclass(frozen=True)
class BenchmarkView:
    subject: str  # the indicator's name, or the statement
    own: str  # the partnership's latest figure with its period: "47 % (År 1 (2026))"; "" when not measured
    figure: str  # the other survey's: "74 %"
    measure: str  # what the other survey measured, in its words
    population: str
    source: str  # source, year and n: "Landsbyggefonden ... (2023, n = 26.088)"
    url: str

    @property
    def address(self) -> str:
        """The URL without its scheme, for HTML and PDF: the address is cited, but the self-contained
        report neither links nor points outside itself."""
        return self.url.removeprefix("https://").removeprefix("http://")


def _latest_item(figures: Figures, statement: str) -> tuple[str, PeriodFigure | None, int]:
    wanted = normalise(statement)
    for indicator in figures.indicators:
        for figure in reversed(indicator.periods):
            for index, item in enumerate(figure.items):
                if normalise(item.text) == wanted and item.value is not None:
                    return item.text, figure, index
    return statement, None, -1


def benchmark_views(benchmarks: Sequence[Benchmark], figures: Figures, lang: Lang) -> list[BenchmarkView]:
    views = []
    for benchmark in benchmarks:
        own = ""
        subject = benchmark.statement or benchmark.indicator or ""
        if benchmark.indicator:
            indicator = figures.indicator(benchmark.indicator)
            if indicator is not None:
                subject = indicator.name
                latest = indicator.latest
                if latest is not None and latest.value is not None:
                    own = f"{value_text(latest.value, lang)} ({label_of(figures, latest.period, lang)})"
        else:
            subject, figure, index = _latest_item(figures, benchmark.statement or "")
            if figure is not None:
                value = figure.items[index].value
                assert value is not None
                own = f"{value_text(value, lang)} ({label_of(figures, figure.period, lang)})"
        views.append(benchmark_view(benchmark, subject, own, lang))
    return views


def benchmark_view(benchmark: Benchmark, subject: str, own: str, lang: Lang) -> BenchmarkView:
    """One benchmark in words, beside `own` (the figure it is set beside, already in words)."""
    n = f", n = {num.number(benchmark.n, lang)}" if benchmark.n else ""
    return BenchmarkView(
        subject=subject,
        own=own,
        figure=num.percent(Decimal(repr(benchmark.figure)).normalize(), lang),
        measure=benchmark.measure or "",
        population=benchmark.population,
        source=f"{benchmark.source} ({benchmark.year}{n})",
        url=benchmark.url or "",
    )
