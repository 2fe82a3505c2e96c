"""With `--json`, a command that fails prints its error on stdout as exactly one JSON object, for scripts;
the message still goes to stderr and the exit code is unchanged (DESIGN.md §5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.cli.output import split_where
from b2c_cli.i18n import tr
from conftest import Run
from helpers import REPO, json_error

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
SECRET = "Søren svarede 'Helt uenig'"  # a resident's answer, which a crash must never print
KEYS = ["code", "exit_code", "message", "file", "line", "column"]

# Every command with --json, made to fail in a folder that is not a partnership.
OUTSIDE = {
    "validate": ["validate", "--json"],
    "status": ["status", "--json"],
    "score": ["score", str(EXPORT), "--json"],
}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "partnerships" / "hedemarken"
    shutil.copytree(EXAMPLE, folder)
    return folder


def failed(result: Any, exit_code: int) -> dict[str, Any]:
    """The error object of a failed --json run; the same message is on stderr, with its place."""
    assert result.exit_code == exit_code, result.stdout + result.stderr
    error = json_error(result.stdout, exit_code)
    assert list(error) == KEYS
    assert error["message"] in result.stderr
    return error


@pytest.mark.parametrize("command", sorted(OUTSIDE))
def test_no_partnership_is_a_json_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    error = failed(run(*OUTSIDE[command]), 2)
    assert error["code"] == "no-partnership"
    assert error["message"] == tr("no-partnership", "da", path=str(tmp_path.resolve()))
    assert (error["file"], error["line"], error["column"]) == (None, None, None)
    english = failed(run(*OUTSIDE[command], "--lang", "en"), 2)
    assert english == {**error, "message": tr("no-partnership", "en", path=str(tmp_path.resolve()))}


def test_the_shape_is_pinned(run: Run, example: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    result = run("score", missing, "--dir", example, "--period", "2026", "--json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == {
        "error": {
            "code": "score-no-such-file",
            "exit_code": 3,
            "message": tr("score-no-such-file", "da"),
            "file": str(missing),
            "line": None,
            "column": None,
        }
    }
    # The usual message on stderr, place first.
    assert result.stderr.strip() == f"fejl: {missing}: {tr('score-no-such-file', 'da')}"


def test_file_line_and_column_come_from_the_errors_place(run: Run, example: Path) -> None:
    part3 = example / "part3-evaluation.yaml"
    lines = part3.read_text("utf-8").splitlines(keepends=True)
    lines[3] = "\tbroken: [\n"
    part3.write_text("".join(lines), "utf-8")
    error = failed(run("score", EXPORT, "--dir", example, "--period", "2026", "--json", "--lang", "en"), 3)
    assert error == {
        "code": "score-workbook-invalid",
        "exit_code": 3,
        "message": tr("score-workbook-invalid", "en", count=1),
        "file": "part3-evaluation.yaml",
        "line": 4,
        "column": 1,
    }


def test_a_refusal_keeps_its_exit_code(run: Run, example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    lines = EXPORT.read_text("utf-8").splitlines(keepends=True)
    other.write_text("".join(lines[:-1]), "utf-8")  # one respondent fewer: another export for 2026
    error = failed(
        run("score", other, "--dir", example, "--period", "2026", "--segment", "alder", "--json"), 4
    )
    assert (error["code"], error["file"]) == ("score-other-export", "results/2026.yaml")


def test_portfolio_usage_errors_of_b2c_itself(run: Run, tmp_path: Path, example: Path) -> None:
    error = failed(run("portfolio", tmp_path / "nowhere", "--json", "--lang", "en"), 2)
    assert error["code"] == "portfolio-no-root"
    assert error["message"] == tr("portfolio-no-root", "en", path=str(tmp_path / "nowhere"))
    error = failed(run("portfolio", example.parent, "--format", "odt", "--json"), 2)
    assert error["code"] == "report-bad-format"


def test_validate_problems_are_not_an_error_object(run: Run, example: Path) -> None:
    """A workbook with problems is validate's result (a list), not a failure of the command."""
    (example / "part3-evaluation.yaml").write_text("indicators: 5\n", "utf-8")
    result = run("validate", example, "--json")
    assert result.exit_code == 1
    assert isinstance(json.loads(result.stdout), list)


def explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError(SECRET)


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("b2c_cli.workbook.validate.check", ["validate", "{p}", "--json"]),
        ("b2c_cli.workbook.status.status", ["status", "{p}", "--json"]),
        ("b2c_cli.survey.pipeline.score", ["score", str(EXPORT), "--dir", "{p}", "--json"]),
        ("b2c_cli.portfolio.build.build_portfolio_files", ["portfolio", "{root}", "--json"]),
    ],
    ids=["validate", "status", "score", "portfolio"],
)
def test_an_internal_error_is_a_json_object_without_values(
    run: Run, example: Path, monkeypatch: pytest.MonkeyPatch, target: str, command: list[str]
) -> None:
    monkeypatch.setattr(target, explode)
    result = run(*[arg.format(p=example, root=example.parent) for arg in command], "--lang", "en")
    assert json.loads(result.stdout) == {
        "error": {
            "code": "internal-error",
            "exit_code": 70,
            "message": tr("internal-error", "en", kind="RuntimeError"),
            "file": None,
            "line": None,
            "column": None,
        }
    }
    assert result.exit_code == 70
    assert SECRET not in result.stdout + result.stderr
    assert result.stderr.strip() == f"error: {tr('internal-error', 'en', kind='RuntimeError')}"


@pytest.mark.parametrize(
    ("where", "parts"),
    [
        (None, (None, None, None)),
        ("export.csv", ("export.csv", None, None)),
        ("export.csv:12", ("export.csv", 12, None)),
        ("part3-evaluation.yaml:32:7", ("part3-evaluation.yaml", 32, 7)),
        ("C:\\data\\export.csv:4", ("C:\\data\\export.csv", 4, None)),
        ("a:1:2:3", ("a:1", 2, 3)),
    ],
)
def test_split_where(where: str | None, parts: tuple[object, ...]) -> None:
    assert split_where(where) == parts
