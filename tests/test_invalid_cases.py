"""Every folder under tests/cases/invalid/ is one broken workbook, found automatically.

A case holds only the files that differ from the base (a fresh Danish scaffold from the golden inputs), an
optional `delete.txt` naming base files to remove, and `expected.txt`:

    # what the case shows
    exit 1
    part2-joint.yaml:16 dates-out-of-order
    part2-joint.yaml:- missing-file          ('-': a problem with no line)

and optionally `shown.txt`: pieces of text the human output of `b2c validate` must contain.

The test copies the base, overlays the case, runs `b2c validate --json` and compares the exit code and the
exact set of (file, line, code).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from b2c_cli.cli.app import app
from b2c_cli.i18n import CATALOGUES
from conftest import Run
from helpers import GOLDEN_FLAGS, TESTS, TODAY, fragments, problem_codes

CASES_DIR = TESTS / "cases" / "invalid"
CASES = sorted(path for path in CASES_DIR.iterdir() if path.is_dir())
CONTROL_FILES = {"expected.txt", "delete.txt", "shown.txt"}
PROBLEM_FIELDS = {"file", "line", "column", "path", "code", "severity", "message"}

Key = tuple[str, int | None, str]
# Problems no case folder can hold (a FIFO or a device in a file's place, an 8 MB file), proved by
# tests/hardening/test_files.py instead.
NOT_A_CASE = frozenset({"yaml-not-a-file", "yaml-too-large"})


@dataclass(frozen=True)
class Expected:
    exit_code: int
    problems: frozenset[Key]


def read_expected(case: Path) -> Expected:
    exit_code: int | None = None
    problems: set[Key] = set()
    for raw in (case / "expected.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("exit "):
            exit_code = int(line.removeprefix("exit "))
            continue
        where, code = line.split()
        file, _, number = where.rpartition(":")
        problems.add((file, None if number == "-" else int(number), code))
    assert exit_code is not None, f"{case.name}/expected.txt has no 'exit N' line"
    return Expected(exit_code, frozenset(problems))


@pytest.fixture(scope="session")
def base_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base") / "hedemarken"
    result = CliRunner().invoke(app, ["init", str(folder), *GOLDEN_FLAGS], env={"B2C_TODAY": TODAY})
    assert result.exit_code == 0, result.stderr
    return folder


def overlay(case: Path, target: Path) -> None:
    """Put the case's files over the base: a case file replaces the base file; a case folder may even
    replace a base file of the same name (to make it unreadable)."""
    delete = case / "delete.txt"
    if delete.is_file():
        for name in delete.read_text("utf-8").split():
            (target / name).unlink()
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_dir() or relative.as_posix() in CONTROL_FILES:
            continue
        destination = target / relative
        for parent in reversed(relative.parents[:-1]):
            if (target / parent).is_file():
                (target / parent).unlink()
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_invalid_case(case: Path, base_folder: Path, tmp_path: Path, run: Run) -> None:
    expected = read_expected(case)
    folder = tmp_path / "hedemarken"
    shutil.copytree(base_folder, folder)
    overlay(case, folder)

    result = run("validate", folder, "--json")

    problems = json.loads(result.stdout)
    found = {(p["file"], p["line"], p["code"]) for p in problems}
    assert found == expected.problems, result.stdout
    assert len(problems) == len(found), "the same problem was reported twice"
    assert result.exit_code == expected.exit_code, result.stdout + result.stderr
    for problem in problems:
        assert set(problem) == PROBLEM_FIELDS
        template = CATALOGUES["da"][problem["code"]]  # the partnership is Danish, so is every message
        assert all(piece in problem["message"] for piece in fragments(template)), problem
    assert result.stderr == ""  # --json: the data on stdout, nothing else


SHOWN = [case for case in CASES if (case / "shown.txt").is_file()]


@pytest.mark.parametrize("case", SHOWN, ids=[case.name for case in SHOWN])
def test_what_a_person_reads(case: Path, base_folder: Path, tmp_path: Path, run: Run) -> None:
    """`shown.txt`: lines of text `b2c validate` must print for the case, as a person reads them (the place
    in words, the cause named)."""
    folder = tmp_path / "hedemarken"
    shutil.copytree(base_folder, folder)
    overlay(case, folder)
    printed = run("validate", folder).stdout
    for wanted in (case / "shown.txt").read_text("utf-8").splitlines():
        if wanted.strip():
            assert wanted.strip() in printed, printed


def test_every_problem_code_has_a_case() -> None:
    """A new rule or loader problem needs a case here; a case may not expect a code nothing reports."""
    covered = {code for case in CASES for _, _, code in read_expected(case).problems}
    codes = problem_codes() - NOT_A_CASE
    assert codes - covered == set(), "codes without a case in tests/cases/invalid"
    assert covered - codes == set(), "cases expect codes no module reports"
