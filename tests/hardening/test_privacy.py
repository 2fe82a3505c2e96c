"""Survey answers are personal data (GDPR): what b2c may never do with them (issue 7, Privacy and Faults).

- A crash inside a command prints one line and no respondent data (not the exception's message either);
  only --debug, the user's explicit choice, shows the traceback.
- No row, free-text answer or identifying column reaches results/, reports/, questionnaire/ or portfolio/.
- The scaffold's .gitignore keeps surveys/ out of git, and `b2c score` warns loudly when the export it
  scored is tracked by git.

The export is a Microsoft Forms sheet whose respondents have recognisable names, e-mail addresses and a
free-text answer, so any of them turning up anywhere is easy to find.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from b2c_cli.i18n import tr
from conftest import Run
from helpers import GOLDEN_FLAGS, REPO, TODAY

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
# Recognisable, and nowhere in b2c or the example.
SURNAME = "Quornfeldt"
EMAIL_USER = "zyxa.quornfeldt"
FREE_TEXT = "Min nabo Ottokar Vexbjerg spiller høj musik"
SECRETS = (SURNAME, EMAIL_USER, "Vexbjerg", "Ottokar")
LABELS = ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig")
AGES = ("Under 25 år", "25-39 år", "40-64 år", "65 år eller derover")
GIT = shutil.which("git")


def statements() -> list[str]:
    part3 = yaml.safe_load((EXAMPLE / "part3-evaluation.yaml").read_text("utf-8"))
    return [item["text"] for indicator in part3["indicators"] for item in indicator.get("items", [])]


def forms_export(path: Path, respondents: int = 60) -> Path:
    """A Microsoft Forms CSV: ID, times, e-mail and name, one column per statement, the age question and a
    free-text question."""
    texts = statements()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["ID", "Start time", "Completion time", "Email", "Name", *texts, "Hvor gammel er du?", "Kommentarer"]
    )
    for row in range(respondents):
        answers = [LABELS[(row * 3 + column) % 5] for column in range(len(texts))]
        writer.writerow(
            [
                row + 1,
                "2/9/26 10:00:00",
                "2/9/26 10:07:00",
                f"{EMAIL_USER}{row}@example.org",
                f"Zyxa {SURNAME}{row}",
                *answers,
                AGES[row % 4],
                f"{FREE_TEXT} ({row})",
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), "utf-8")
    return path


def fresh_example(tmp_path: Path) -> Path:
    """The example partnership without anything b2c wrote (results, reports, questionnaire)."""
    folder = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports", "questionnaire"))
    return folder


def leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret.casefold() in text.casefold()]


# -- a crash prints no respondent data --------------------------------------------------------------------
# What a careless exception message would hold: a cell of the export, name, e-mail and free text.
CRASH = f"cannot score the cell 'Zyxa {SURNAME}0 <{EMAIL_USER}0@example.org>: {FREE_TEXT}'"


def _cell_in_a_crash(*args: Any, **kwargs: Any) -> Any:
    raise ValueError(CRASH)


def test_a_crash_while_scoring_prints_one_line_and_no_respondent_data(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fresh_example(tmp_path)
    export = forms_export(folder / "surveys" / "svar.csv")
    # Deep inside the scoring: every indicator's items are scored here.
    monkeypatch.setattr("b2c_cli.survey.scoring.score_item", _cell_in_a_crash)

    result = run("score", export, "--dir", folder, "--period", "baseline")

    said = result.stdout + result.stderr
    assert result.exit_code == 70, said
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"fejl: {tr('internal-error', 'da', kind='ValueError')}"]
    assert "Traceback" not in said
    assert leaks(said) == []
    assert "cannot score the cell" not in said
    assert not (folder / "results").exists()


def _crash_in_a_real_process(folder: Path, export: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "import b2c_cli.survey.scoring\n"
        "def crash(*args, **kwargs):\n"
        f"    raise ValueError({CRASH!r})\n"
        "b2c_cli.survey.scoring.score_item = crash\n"
        f"sys.argv = ['b2c', *{list(flags)!r}, 'score', {str(export)!r}, '--dir', {str(folder)!r},"
        " '--period', 'baseline']\n"
        "from b2c_cli.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "B2C_TODAY": TODAY}
    env.pop("B2C_LANG", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


@pytest.mark.slow
def test_a_crash_in_the_real_command_and_debug(tmp_path: Path) -> None:
    folder = fresh_example(tmp_path)
    export = forms_export(folder / "surveys" / "svar.csv")

    plain = _crash_in_a_real_process(folder, export)
    assert plain.returncode == 70, plain.stderr
    assert plain.stdout == ""
    assert len(plain.stderr.strip().splitlines()) == 1
    assert "Traceback" not in plain.stderr
    assert leaks(plain.stdout + plain.stderr) == []

    # --debug is the user asking for the traceback, exception message and all.
    debug = _crash_in_a_real_process(folder, export, "--debug")
    assert debug.returncode != 70
    assert "Traceback (most recent call last)" in debug.stderr
    assert f"ValueError: {CRASH}" in debug.stderr
    assert "score_indicator" in debug.stderr  # the frames down to the crash
    assert not (folder / "results").exists()


# -- no respondent data in any output ---------------------------------------------------------------------
def _texts(path: Path) -> str:
    """A file's text; for an XLSX (a zip) every part of it."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8", "replace")


def test_no_row_free_text_or_identifying_column_reaches_an_output(run: Run, tmp_path: Path) -> None:
    folder = fresh_example(tmp_path)
    export = forms_export(folder / "surveys" / "svar.csv")
    # One export per period: the same export is never scored as two periods.
    export_2026 = forms_export(folder / "surveys" / "svar-2026.csv", respondents=61)
    export_2027 = forms_export(folder / "surveys" / "svar-2027.csv", respondents=62)
    said = []
    # The name and comment columns are free text: refused as --segment (issue 12), nothing written or said.
    for column in ("Name", "Kommentarer"):
        result = run("score", export, "--dir", folder, "--period", "baseline", "--segment", column)
        assert result.exit_code == 3, result.stdout + result.stderr
        said.append(result.stdout + result.stderr)
    assert not (folder / "results" / "baseline.yaml").exists()
    for args in (
        ("score", export, "--dir", folder, "--period", "baseline"),
        ("score", export_2026, "--dir", folder, "--period", "2026", "--segment", "alder", "--explain"),
        ("score", export_2027, "--dir", folder, "--period", "2027", "--json"),
        ("report", folder),
        ("questionnaire", folder),
        ("portfolio", tmp_path),
        ("status", folder),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.stdout + result.stderr
        said.append(result.stdout + result.stderr)
    assert leaks("\n".join(said)) == []

    outputs = [
        path
        for path in sorted(tmp_path.rglob("*"))
        if path.is_file() and "surveys" not in path.relative_to(tmp_path).parts
    ]
    written = {path.relative_to(tmp_path).parts[1] for path in outputs if path.parent != folder}
    assert {"results", "reports", "questionnaire"} <= written
    assert (tmp_path / "portfolio" / "portfolio.xlsx").is_file()
    for path in outputs:
        assert leaks(_texts(path)) == [], path
    results = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))
    assert not results.get("segments")


# -- raw exports stay out of git ----------------------------------------------------------------------------
@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """git with no user or system configuration of this machine, and a committer."""
    if GIT is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.org")


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.slow
@pytest.mark.usefixtures("git_env")
def test_the_scaffold_keeps_survey_exports_out_of_git(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "hedemarken"
    flags = [flag for flag in GOLDEN_FLAGS if flag != "--no-git"]
    result = run("init", folder, *flags)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (folder / ".git").is_dir()
    forms_export(folder / "surveys" / "svar-2026.csv")
    forms_export(folder / "surveys" / "2027" / "rå svar.csv")

    status = git(folder, "status", "--porcelain", "--untracked-files=all")
    assert "svar" not in status  # init committed the scaffold's own files; the exports stay out
    git(folder, "add", "--all")
    tracked = git(folder, "ls-files").splitlines()
    assert "surveys/README.md" in tracked
    assert [name for name in tracked if "svar" in name] == []


@pytest.mark.slow
@pytest.mark.usefixtures("git_env")
def test_score_warns_loudly_when_the_export_is_committed(run: Run, tmp_path: Path) -> None:
    folder = fresh_example(tmp_path)
    git(folder, "init", "--quiet")
    committed = forms_export(folder / "svar-2026.csv")  # beside the workbook, where .gitignore does not reach
    git(folder, "add", "--all")
    git(folder, "commit", "--quiet", "-m", "Partnerskabet og svarene")
    kept_out = forms_export(folder / "surveys" / "svar-2027.csv", respondents=61)

    result = run("score", committed, "--dir", folder, "--period", "baseline")
    assert result.exit_code == 0, result.stdout + result.stderr
    command = f"git -C {folder.resolve()} rm --cached svar-2026.csv"
    warning = tr("score-export-tracked", "da", file="svar-2026.csv", command=command)
    assert f"advarsel: {warning}" in result.stderr

    result = run("score", kept_out, "--dir", folder, "--period", "2026")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "git" not in result.stderr
