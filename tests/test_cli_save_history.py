"""`b2c save` and `b2c history` against a real git repository: the partnership's own files are committed,
never anything under surveys/, and the history says what changed in words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run
from helpers import GOLDEN_FLAGS

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(run: Run, tmp_path: Path) -> Path:
    folder = tmp_path / "hedemarken"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    _git(folder, "init", "-q")
    return folder


def test_save_commits_the_partnership_but_never_surveys(run: Run, repo: Path) -> None:
    (repo / "surveys" / "raw.csv").write_text("navn,svar\nSara,5\n", encoding="utf-8")
    # even an export someone forced into git before is left out of every save
    _git(repo, "add", "-f", "surveys/raw.csv")
    result = run("save", "Første udgave", "--dir", repo)
    assert result.exit_code == 0, result.stderr
    assert "Gemt som version" in result.stdout
    committed = _git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert "part1-housing.yaml" in committed and "b2c.yaml" in committed
    assert not any(name.startswith("surveys/") for name in committed)
    assert _git(repo, "log", "--format=%s") == "Første udgave\n"

    again = run("save", "Intet nyt", "--dir", repo)
    assert again.exit_code == 0
    assert "Intet at gemme" in again.stdout
    assert _git(repo, "rev-list", "--count", "HEAD").strip() == "1"


def test_history_says_what_changed_in_words(run: Run, repo: Path) -> None:
    assert run("save", "Første udgave", "--dir", repo).exit_code == 0
    part2 = repo / "part2-joint.yaml"
    text = part2.read_text(encoding="utf-8")
    text = text.replace("  focus:\n", "  focus: Unge uden job\n", 1)
    text = text.replace("  joint_actions:\n", "  joint_actions: Praktik\n", 1)
    text = text.replace("  resources:\n", "  resources: Timer\n", 1)
    part2.write_text(text, encoding="utf-8")
    (repo / "results").mkdir()
    (repo / "results" / "2026.yaml").write_text("period: '2026'\n", encoding="utf-8")
    assert run("save", "Del 2 på mødet", "--dir", repo).exit_code == 0

    result = run("history", "--dir", repo, "--json")
    versions = json.loads(result.stdout)
    assert [v["message"] for v in versions] == ["Del 2 på mødet", "Første udgave"]
    assert versions[0]["changes"] == "Del 2: 3 svar ændret; resultater for 2026 tilføjet"
    assert "Del 2 oprettet" in versions[1]["changes"]
    shown = run("history", "--dir", repo)
    assert "Del 2: 3 svar ændret" in shown.stdout


def test_save_outside_git_says_how_to_start(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    if subprocess.run(["git", "-C", str(folder), "rev-parse"], capture_output=True).returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    result = run("save", "x", "--dir", folder)
    assert result.exit_code == 2
    assert "git init" in result.stderr
