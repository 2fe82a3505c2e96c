"""`benchmarks.yaml` (or `benchmarks.csv`): published figures from other surveys to set beside the
partnership's own, e.g. Landsbyggefonden's trivsels- og tryghedsundersøgelse. A benchmark is another survey
with another instrument and population: it is shown in a column of its own, marked so, and never enters
the partnership's figures, changes or target status."""

from __future__ import annotations

from pydantic import Field, model_validator

from b2c_cli.models.common import StrictModel, Text

BENCHMARK_FILES = ("benchmarks.yaml", "benchmarks.csv")


class Benchmark(StrictModel):
    indicator: Text = None  # the workbook indicator it is set beside (its id) ...
    statement: Text = None  # ... or the statement's text, when it is one statement
    figure: float = Field(ge=0, le=100)  # percent
    measure: Text = None  # what the other survey measured, in its own words
    population: str
    source: str
    year: int = Field(ge=1900, le=2100)
    url: Text = None
    n: int | None = Field(default=None, ge=1)  # the other survey's answers

    @model_validator(mode="after")
    def _indicator_or_statement(self) -> Benchmark:
        if not self.indicator and not self.statement:
            raise ValueError("a benchmark needs an indicator or a statement")
        if self.url and not self.url.startswith(("https://", "http://")):
            raise ValueError("a benchmark's url must start with https:// or http://")
        return self


class BenchmarkFile(StrictModel):
    benchmarks: list[Benchmark] = []
