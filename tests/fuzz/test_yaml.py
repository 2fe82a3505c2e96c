"""Workbook and results YAML fuzzed: whatever the bytes, `parse` gives a document or a YamlProblem,
`load_file` gives a Loaded whose problems all render in both languages (never an exception), and
`read_results` gives Results or an InputError naming the file. Nothing may take longer than the
per-input deadline.

The small quick properties of the loader stay in tests/test_yaml_loader.py; these are the seeded,
structured mutations of real files, and longer runs under `make fuzz`."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.i18n import LANGS, tr
from b2c_cli.models import Part1, Part2, Part3, Partnership
from b2c_cli.survey.results import read_results
from b2c_cli.workbook.loading import load_file
from b2c_cli.yamlfile import YamlProblem, parse

from . import harness
from .mutations import mutated_yaml, yaml_soup
from .seeds import WORKBOOK_FILES, results_seeds, yaml_seeds

MODELS: dict[str, type[BaseModel]] = {
    "Partnership": Partnership,
    "Part1": Part1,
    "Part2": Part2,
    "Part3": Part3,
}


@cache
def _folder() -> Path:
    return harness.scratch("b2c-fuzz-yaml-")


def parse_outcome(raw: bytes) -> str:
    try:
        parse(raw)
    except YamlProblem as problem:
        assert problem.key.startswith("yaml-"), problem.key
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1
        for lang in LANGS:
            assert tr(problem.key, lang, **problem.params)
        return f"problem:{problem.key}"
    return "parsed"


def timed(target: str, work: Callable[[], str]) -> None:
    started = time.perf_counter()
    with harness.deadline():
        outcome = work()
    harness.record(target, outcome, time.perf_counter() - started)


@harness.fuzz_settings(weight=5)
@given(yaml_soup())
def test_parse_arbitrary_bytes_and_token_soup(raw: bytes) -> None:
    timed("yaml-parse-soup", lambda: parse_outcome(raw))


@harness.fuzz_settings(weight=4)
@given(st.data())
def test_parse_mutated_workbook_files(data: st.DataObject) -> None:
    raw = data.draw(mutated_yaml([seed for _, seed in yaml_seeds()]))
    timed("yaml-parse-mutated", lambda: parse_outcome(raw))


def load_outcome(path: Path, name: str, model: type[BaseModel]) -> str:
    loaded = load_file(path, name, model)
    assert (loaded.model is None) == bool(loaded.problems)
    for problem in loaded.problems:
        assert problem.file == name
        assert problem.line is None or problem.line >= 1
        for lang in LANGS:
            assert problem.message(lang)
    return f"problem:{loaded.problems[0].code}" if loaded.problems else "valid"


@harness.fuzz_settings(weight=2)
@given(st.data())
def test_load_file_with_the_workbook_models(data: st.DataObject) -> None:
    name, seed = data.draw(st.sampled_from(yaml_seeds()))
    raw = data.draw(mutated_yaml([seed]))
    # The file's own model mostly; another one now and then (a file saved under the wrong name).
    model = MODELS[data.draw(st.sampled_from([WORKBOOK_FILES[name]] * 3 + sorted(MODELS)))]
    path = _folder() / name
    path.write_bytes(raw)
    timed("yaml-load-file", lambda: load_outcome(path, name, model))


def results_outcome(path: Path) -> str:
    try:
        read_results(path, "results/2026.yaml")
    except B2CError as error:
        assert error.exit_code == ExitCode.INPUT
        assert error.where is not None and error.where.startswith("results/2026.yaml")
        assert error.message("da") and error.message("en")
        return f"error:{error.key}"
    return "valid"


@harness.fuzz_settings(weight=1)
@given(st.data())
def test_read_mutated_results_files(data: st.DataObject) -> None:
    raw = data.draw(mutated_yaml(results_seeds()))
    path = _folder() / "results.yaml"
    path.write_bytes(raw)
    timed("results-read", lambda: results_outcome(path))
