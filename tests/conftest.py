"""Fixtures for every test: a fixed 'today', a CliRunner around the real Typer app, and a freshly
scaffolded partnership folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from b2c_cli.cli.app import app
from helpers import GOLDEN_FLAGS, TODAY

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Status and validation depend on today's date and on B2C_LANG: pin both. A wide terminal keeps rich
    from wrapping the lines the tests look for."""
    monkeypatch.setenv("B2C_TODAY", TODAY)
    monkeypatch.delenv("B2C_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def run() -> Run:
    """`run("validate", folder, "--json")` -> the Result, with stdout and stderr kept apart."""
    runner = CliRunner()

    def invoke(*args: object, input: str | None = None, env: dict[str, str | None] | None = None) -> Result:
        argv: Sequence[str] = [str(arg) for arg in args]
        return runner.invoke(app, argv, input=input, env=env)

    return invoke


def _scaffold(run: Run, folder: Path, *extra: str) -> Path:
    result = run("init", folder, *GOLDEN_FLAGS, *extra)
    assert result.exit_code == 0, result.stdout + result.stderr
    return folder


@pytest.fixture
def partnership(run: Run, tmp_path: Path) -> Path:
    """A fresh Danish partnership (the golden inputs: Bo-Vest × Nortec in Hedemarken, large, 2024-09-01)."""
    return _scaffold(run, tmp_path / "hedemarken")


@pytest.fixture
def partnership_en(run: Run, tmp_path: Path) -> Path:
    """The same partnership scaffolded in English."""
    return _scaffold(run, tmp_path / "hedemarken-en", "--lang", "en")


@pytest.fixture
def all_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """`b2c score` writes every count as scored, before the disclosure rules hold back a figure on too few
    answers: for the tests of reading exports, whose samples are a handful of rows (the rule itself is
    tested in tests/disclosure with nothing patched)."""
    from b2c_cli.models.results import Results
    from b2c_cli.survey import pipeline

    def keep(results: Results, threshold: int) -> Results:
        return results

    monkeypatch.setattr(pipeline, "hold_back", keep)
