"""The first things a newcomer sees. The bundled example exports are invented (marked so in their
.gitattributes), so scoring them, as `make demo` does, gives no "committed to git" warning; a real export
committed by mistake still warns, with a command that works from where the user is."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run
from helpers import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
EXPORTS = REPO / "examples" / "exports"


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *args],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_the_example_exports_are_marked_invented() -> None:
    for export in ("hedemarken-baseline-surveyxact.xlsx", "hedemarken-2026-google-forms.csv"):
        found = _git(EXPORTS, "check-attr", "b2c-invented", "--", export)
        assert found.strip().endswith(": set"), found


def test_a_committed_real_export_warns_with_a_command_that_works(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "hedemarken"
    shutil.copytree(REPO / "examples" / "hedemarken-nortec", folder)
    export = folder / "svar-2026.csv"
    shutil.copyfile(EXPORTS / "hedemarken-2026-google-forms.csv", export)  # same bytes, no mark here
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "x")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # as `make demo` runs from the repository root, not the partnership
    result = run("score", export, "--dir", folder, "--period", "2026", "--force")
    assert result.exit_code == 0, result.stderr
    assert "er lagt i git! Rå besvarelser er personoplysninger" in result.stderr
    command = result.stderr.split("('", 1)[1].split("')", 1)[0]
    subprocess.run(shlex.split(command), cwd=elsewhere, check=True, capture_output=True)
    assert "svar-2026.csv" not in _git(folder, "ls-files", "--cached", "--", "svar-2026.csv").split()
