"""Raw data retention: validate and status warn about an export in surveys/ older than Part 3's
survey.raw_retention_days; `b2c surveys purge` deletes only scored, untracked, expired exports, after
confirmation, and leaves results/ (with each source's SHA-256) as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import REPO, TODAY

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
DAY = 86_400


def _partnership(tmp_path: Path) -> Path:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports"))
    return folder


def _age(path: Path, days: int) -> None:
    """Set the file's modification time `days` before the tests' fixed today (B2C_TODAY)."""
    noon = datetime.combine(date.fromisoformat(TODAY), datetime.min.time()).timestamp() + DAY / 2
    then = noon - days * DAY
    os.utime(path, (then, then))


def _scored(run: Any, folder: Path, name: str, days_old: int) -> Path:
    export = folder / "surveys" / name
    shutil.copyfile(EXPORT, export)
    result = run("score", export, "--dir", folder, "--period", "2026")
    assert result.exit_code == 0, result.stderr
    _age(export, days_old)
    return export


def test_validate_and_status_warn_about_an_expired_export(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    export = _scored(run, folder, "2026.csv", 400)
    result = run("validate", folder, "--json")
    assert result.exit_code == 0
    problems = json.loads(result.stdout)
    assert any(p["code"] == "raw-export-expired" and "surveys/2026.csv" in p["message"] for p in problems)
    status = run("status", folder)
    assert "surveys/2026.csv" in status.stdout + status.stderr
    _age(export, 10)
    problems = json.loads(run("validate", folder, "--json").stdout)
    assert not any(p["code"] == "raw-export-expired" for p in problems)


def test_purge_deletes_a_scored_expired_export_and_keeps_the_results(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    export = _scored(run, folder, "2026.csv", 400)
    digest = hashlib.sha256(export.read_bytes()).hexdigest()
    fresh = _scored(run, folder, "copy-fresh.csv", 3)  # same bytes, recent: kept
    results_before = (folder / "results" / "2026.yaml").read_bytes()
    result = run("surveys", "purge", folder, "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(e["file"], e["action"]) for e in data["exports"]] == [("surveys/2026.csv", "deleted")]
    assert not export.exists() and fresh.exists()
    assert (folder / "results" / "2026.yaml").read_bytes() == results_before
    assert yaml.safe_load(results_before)["source"]["sha256"] == digest


def test_purge_without_yes_off_a_terminal_is_refused_and_deletes_nothing(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    export = _scored(run, folder, "2026.csv", 400)
    result = run("surveys", "purge", folder)
    assert result.exit_code == 4
    assert export.exists()
    dry = run("surveys", "purge", folder, "--dry-run")
    assert dry.exit_code == 0 and export.exists()


def test_purge_keeps_an_unscored_and_a_git_tracked_export_and_says_why(run: Any, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = _partnership(tmp_path)
    tracked = _scored(run, folder, "2026.csv", 400)
    unscored = folder / "surveys" / "other.csv"
    unscored.write_text("a,b\n1,2\n", "utf-8")
    _age(unscored, 500)
    git = ["git", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "surveys/2026.csv"], check=True)
    _age(tracked, 400)
    result = run("surveys", "purge", folder, "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    actions = {e["file"]: e["action"] for e in json.loads(result.stdout)["exports"]}
    assert actions == {"surveys/2026.csv": "kept-tracked", "surveys/other.csv": "kept-not-scored"}
    assert tracked.exists() and unscored.exists()
    words = run("surveys", "purge", folder, "--yes")
    assert "git" in words.stderr and "other.csv" in words.stderr


def test_purge_without_a_retention_period_is_refused(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    part3 = folder / "part3-evaluation.yaml"
    part3.write_text(part3.read_text("utf-8").replace("  raw_retention_days: 365\n", ""), "utf-8")
    result = run("surveys", "purge", folder, "--yes")
    assert result.exit_code == 4
    assert "raw_retention_days" in result.stderr
