"""The single error boundary: an unexpected exception is one line and exit 70 (no traceback, no values);
--debug shows the traceback. Usage errors are exit 2 with nothing on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from b2c_cli.i18n import tr
from conftest import Run
from helpers import TODAY, leaked

SECRET = "Søren svarede 'Helt uenig'"  # a resident's answer must never reach the terminal in a crash


def explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError(SECRET)


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("b2c_cli.workbook.validate.check", ["validate"]),
        ("b2c_cli.workbook.status.status", ["status"]),
        (
            "b2c_cli.workbook.scaffold.render_scaffold",
            ["init", "ny", "--housing", "A", "--company", "B", "--area", "C", "--no-git"],
        ),
        ("b2c_cli.workbook.schema.render_schemas", ["schema", "-o", "schemas"]),
    ],
    ids=["validate", "status", "init", "schema"],
)
def test_internal_error_is_one_line_and_exit_70(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch, target: str, command: list[str]
) -> None:
    monkeypatch.chdir(partnership)
    monkeypatch.setattr(target, explode)

    result = run(*command)

    assert result.exit_code == 70
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines == [f"fejl: {tr('internal-error', 'da', kind='RuntimeError')}"]
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr


def test_internal_error_in_english(run: Run, partnership_en: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("b2c_cli.workbook.validate.check", explode)
    result = run("validate", partnership_en, "--lang", "en")
    assert result.exit_code == 70
    assert result.stderr.strip() == f"error: {tr('internal-error', 'en', kind='RuntimeError')}"


def test_debug_lets_the_exception_through(
    run: Run, partnership: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("b2c_cli.workbook.validate.check", explode)
    result = run("--debug", "validate", partnership)
    assert isinstance(result.exception, RuntimeError)
    assert result.exit_code != 70


def _crash(partnership: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """The real `b2c` entry point in a fresh interpreter, with the validator made to crash."""
    code = (
        "import sys\n"
        "import b2c_cli.workbook.validate as v\n"
        "def boom(*a, **k):\n"
        f"    raise RuntimeError({SECRET!r})\n"
        "v.check = boom\n"
        f"sys.argv = ['b2c', *{list(flags)!r}, 'validate', {str(partnership)!r}]\n"
        "from b2c_cli.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "B2C_TODAY": TODAY}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


@pytest.mark.slow
def test_internal_error_in_a_real_process(partnership: Path) -> None:
    plain = _crash(partnership)
    assert plain.returncode == 70
    assert plain.stdout == ""
    assert len(plain.stderr.strip().splitlines()) == 1
    assert "Traceback" not in plain.stderr
    assert SECRET not in plain.stderr

    debug = _crash(partnership, "--debug")
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert f"RuntimeError: {SECRET}" in debug.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["nope"],
        ["validate", "--nope"],
        ["status", "a", "b"],
        ["schema", "--lang", "de"],
        ["validate", "--lang"],
    ],
    ids=["unknown-command", "unknown-option", "extra-argument", "bad-choice", "missing-value"],
)
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error" in result.stderr


def test_no_command_shows_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 2
    # A usage error (exit 2): the help goes to stderr, as every usage message does.
    assert "Brug: b2c [OPTIONS] COMMAND" in result.stderr  # Danish, like every message


@pytest.mark.parametrize("command", [["validate"], ["status"], ["schema"]])
def test_errors_before_reading_a_partnership_follow_lang(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    danish = run(*command)
    english = run(*command, "--lang", "en")
    assert danish.exit_code == english.exit_code == 2
    assert danish.stderr.startswith("fejl: ")
    assert english.stderr.startswith("error: ")
    assert leaked(danish.stderr, "da") == []
    assert leaked(english.stderr, "en") == []
