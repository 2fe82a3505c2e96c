"""`b2c fill`: driven as a person would, through a pseudo-terminal (prompt_toolkit) and through plain stdin
(a script). Afterwards `validate` passes and `git diff` shows only the answered values' lines changed:
every comment, every other line and the key order are as `b2c init` wrote them. Ctrl-C changes nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from b2c_cli.workbook.fill import fill
from b2c_cli.yamlfile import parse
from conftest import Run
from helpers import GOLDEN_FLAGS, REPO, TODAY

B2C = str(Path(sys.executable).with_name("b2c"))

# The answers, in the guide's order, and what each must become in the file.
ANSWERS = [
    ("Hvem har udfyldt denne del", "Sara Holm, boligsocial koordinator"),
    ("Hvilke udfordringer eller muligheder er i fokus", "Mange unge uden job; ensomhed blandt ældre"),
    ("Gennem hvilke indsatser", ""),
    ("Hvordan kan indsatserne fremme", ""),
    ("Nyt punkt", "Tryghed"),
    ("Nyt punkt", ""),
    ("Tilføj en til?", "ja"),
    ("Slags ressource", "timer"),
    ("Hvad ressourcen er", "Koordinatoren følger de unge"),
    ("Hvor meget", "8 timer om måneden"),
    ("Tilføj en til?", "nej"),
    ("Afstem, om I søger", "stor"),
    ("Hvad er jeres interesse", ""),
    ("Nyt punkt", "% af de unge er i praktik"),
    ("Nyt punkt", "Vi vil øge tryghed: også om aftenen"),
    ("Nyt punkt", ""),
]

EXPECTED_DIFF = {
    "-prepared_by:",
    "+prepared_by: Sara Holm, boligsocial koordinator",
    "-  focus:",
    "+  focus: Mange unge uden job; ensomhed blandt ældre",
    "+    - Tryghed",
    "+  - kind: hours",
    "+    description: Koordinatoren følger de unge",
    "+    amount: 8 timer om måneden",
    "-  partnership_size:",
    "+  partnership_size: large",
    '+  - "% af de unge er i praktik"',
    '+  - "Vi vil øge tryghed: også om aftenen"',
}


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    done = subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def committed(run: Run, tmp_path: Path) -> Path:
    """A fresh partnership, committed to git as `b2c init` left it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "hedemarken"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "init")
    return folder


def _changed_lines(folder: Path) -> set[str]:
    diff = _git(folder, "diff", "-U0", "--", "part1-housing.yaml")
    return {line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))}


def _env() -> dict[str, str]:
    return {**os.environ, "B2C_TODAY": TODAY, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}


def _check_after(folder: Path) -> None:
    assert _changed_lines(folder) == EXPECTED_DIFF
    checked = subprocess.run([B2C, "validate", str(folder)], env=_env(), capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    data = parse((folder / "part1-housing.yaml").read_bytes()).data
    assert list(data) == ["party", "prepared_by", "priorities", "resources", "expectations", "key_points"]
    assert data["key_points"] == ["% af de unge er i praktik", "Vi vil øge tryghed: også om aftenen"]
    assert data["resources"] == [
        {"kind": "hours", "description": "Koordinatoren følger de unge", "amount": "8 timer om måneden"}
    ]


def test_fill_through_plain_stdin(committed: Path) -> None:
    answers = "".join(answer + "\n" for _, answer in ANSWERS)
    done = subprocess.run(
        [B2C, "fill", "part1-housing", "--dir", str(committed)],
        input=answers,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Gemt i part1-housing.yaml" in done.stdout
    # every question was asked, in the guide's order
    positions = [done.stderr.find(question) for question, _ in ANSWERS[:5]]
    assert positions == sorted(positions) and -1 not in positions
    _check_after(committed)


def test_fill_through_a_terminal(committed: Path) -> None:
    child = pexpect.spawn(
        B2C,
        ["fill", "part1-housing"],
        cwd=str(committed),
        env=_env(),
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 250),
    )
    try:
        for question, answer in ANSWERS:
            child.expect(re.escape(question))
            child.sendline(answer)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    _check_after(committed)


def test_ctrl_c_leaves_the_file_as_it_was(committed: Path) -> None:
    before = (committed / "part1-housing.yaml").read_bytes()
    child = pexpect.spawn(
        B2C, ["fill", "part1-housing"], cwd=str(committed), env=_env(), encoding="utf-8", timeout=20
    )
    try:
        for question, answer in ANSWERS[:3]:
            child.expect(re.escape(question))
            child.sendline(answer)
        child.expect("Hvordan kan indsatserne")
        child.sendintr()
        child.expect("intet gemt")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    assert (committed / "part1-housing.yaml").read_bytes() == before


class Scripted:
    """A Conversation that answers the questions containing a given text, in turn, and keeps every other
    answer as it is."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.said: list[str] = []
        self.asked: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def ask(self, question: str, default: str) -> str:
        self.asked.append(question)
        last = self.said[-1] if self.said else ""
        for needle, queue in self.answers.items():
            if (needle in question or needle in last) and queue:
                return queue.pop(0)
        return default


def test_a_date_typed_the_danish_way_is_asked_again_with_a_suggestion(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    talk = Scripted({"evalueringsmøder": ["12-03-2025", "", ""]})
    result = fill(folder, "part2", talk, "da")
    assert result.written
    assert any("mente du 2025-03-12?" in line for line in talk.said)
    data = parse((folder / "part2-joint.yaml").read_bytes()).data
    assert data["agreement"]["evaluation_meetings"][-1] == "2025-03-12"


def test_danish_choice_words_are_stored_as_the_files_values(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    talk = Scripted({"Afstem, om I søger": ["mellem", "lille"]})
    fill(folder, "part1-housing", talk, "da")
    assert any("'mellem' er ikke et af svarene" in line for line in talk.said)
    data = parse((folder / "part1-housing.yaml").read_bytes()).data
    assert data["expectations"]["partnership_size"] == "small"


def test_fill_keeps_a_hand_written_file_byte_for_byte_where_nothing_is_answered(tmp_path: Path) -> None:
    example = tmp_path / "example"
    shutil.copytree(REPO / "examples" / "hedemarken-nortec", example)
    before = (example / "part1-housing.yaml").read_bytes()
    done = subprocess.run(
        [B2C, "fill", "part1-housing", "--dir", str(example)],
        input="\n" * 60,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (example / "part1-housing.yaml").read_bytes() == before
    assert "Ingen svar ændret" in done.stdout


def test_an_indicator_reference_is_checked_against_part3_at_once(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert run("init", folder, *GOLDEN_FLAGS).exit_code == 0
    talk = Scripted({"Nyt punkt": ["tillid", "trust", ""]})  # the first list: the site-specific indicators
    fill(folder, "part2", talk, "da")
    assert any("Indikatoren 'tillid' findes ikke" in line for line in talk.said)
    data = parse((folder / "part2-joint.yaml").read_bytes()).data
    assert data["joint_priorities"]["site_specific_indicators"] == ["trust"]
