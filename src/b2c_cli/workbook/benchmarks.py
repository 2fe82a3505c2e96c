"""Reading a benchmark file (`benchmarks.yaml`, or `benchmarks.csv` with the same columns) from a folder.
Read as strictly as a workbook file: a mistake is an input error naming the file and line."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from b2c_cli.errors import InputError
from b2c_cli.models.benchmark import BENCHMARK_FILES, Benchmark, BenchmarkFile
from b2c_cli.workbook.loading import load_file
from b2c_cli.yamlfile import YamlProblem, read_file

COLUMNS = tuple(Benchmark.model_fields)


def benchmark_path(folder: Path) -> Path | None:
    """The folder's benchmark file, if it has one (YAML before CSV)."""
    return next((folder / name for name in BENCHMARK_FILES if (folder / name).is_file()), None)


def load_benchmarks(folder: Path) -> list[Benchmark]:
    """The benchmarks in `folder`, in the file's order; [] without a benchmark file."""
    path = benchmark_path(folder)
    if path is None:
        return []
    if path.suffix == ".csv":
        return _from_csv(path)
    loaded = load_file(path, path.name, BenchmarkFile)
    if loaded.problems or loaded.model is None:
        problem = loaded.problems[0]
        raise InputError(problem.code, where=problem.location, **problem.params)
    return list(loaded.model.benchmarks)


def _from_csv(path: Path) -> list[Benchmark]:
    try:
        text = read_file(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, YamlProblem) as exc:
        raise InputError("benchmark-unreadable", where=path.name, reason=str(exc)[:80]) from None
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    unknown = [name for name in reader.fieldnames or [] if name.strip() not in COLUMNS]
    if unknown:
        raise InputError(
            "benchmark-unknown-column", where=f"{path.name}:1", column=unknown[0], columns=", ".join(COLUMNS)
        )
    out = []
    for line, row in enumerate(reader, start=2):
        values: dict[str, Any] = {
            key.strip(): value.strip() for key, value in row.items() if key and value and value.strip()
        }
        if "figure" in values:
            values["figure"] = values["figure"].replace(",", ".").rstrip("% ").strip()
        try:
            out.append(Benchmark.model_validate(values))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "-"
            raise InputError("benchmark-invalid-row", where=f"{path.name}:{line}", field=field) from None
    return out
