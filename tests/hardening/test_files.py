"""Files that are not what they seem (issue 12): a FIFO or a device (`/dev/zero`) where a workbook or
results file belongs is refused before a byte is read (validate, and so the pre-commit hook, used to hang
on it), a huge YAML file after a bounded read; `results/` as a dangling symlink, a file or a folder that
cannot be listed is an error, never a report without survey figures; a results file copied to another
period's name is refused by `validate` and `report`."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import Run
from helpers import REPO, files_in

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    return target


def _timed(run: Run, *args: object) -> tuple[int, str, float]:
    started = time.monotonic()
    result = run(*args)
    return result.exit_code, result.stdout + result.stderr, time.monotonic() - started


@pytest.mark.parametrize("name", ["part2-joint.yaml", "b2c.yaml", "part3-evaluation.yaml"])
def test_a_fifo_as_a_workbook_file(folder: Path, run: Run, name: str) -> None:
    (folder / name).unlink()
    os.mkfifo(folder / name)
    code, said, took = _timed(run, "validate", folder)
    assert code == 3, said
    assert name in said and "ikke en almindelig fil" in said
    assert took < 10


def test_dev_zero_as_a_workbook_file(folder: Path, run: Run) -> None:
    (folder / "part2-joint.yaml").unlink()
    (folder / "part2-joint.yaml").symlink_to("/dev/zero")
    code, said, took = _timed(run, "validate", folder)
    assert code == 3, said
    assert "part2-joint.yaml" in said and "ikke en almindelig fil" in said
    assert took < 10


def test_a_huge_yaml_file_is_read_only_so_far(folder: Path, run: Run) -> None:
    with (folder / "part2-joint.yaml").open("a") as handle:
        handle.write("# " + "x" * (9 * 1024 * 1024) + "\n")
    code, said, _ = _timed(run, "validate", folder, "--lang", "en")
    assert code == 3, said
    assert "part2-joint.yaml" in said and "larger than 8 MB" in said


def test_a_fifo_as_a_results_file(folder: Path, run: Run) -> None:
    (folder / "results" / "2026.yaml").unlink()
    os.mkfifo(folder / "results" / "2026.yaml")
    code, said, took = _timed(run, "report", folder, "--format", "md")
    assert code == 3, said
    assert "results/2026.yaml" in said and "ikke en almindelig fil" in said
    assert took < 10


@pytest.mark.parametrize("kind", ["dangling-symlink", "file"])
def test_results_that_are_not_a_folder_stop_the_report(folder: Path, run: Run, kind: str) -> None:
    """The old report left out every survey figure and exited 0."""
    shutil.rmtree(folder / "results")
    if kind == "file":
        (folder / "results").write_text("not a folder")
    else:
        (folder / "results").symlink_to(folder / "moved-away")
    shutil.rmtree(folder / "reports")
    code, said, _ = _timed(run, "report", folder, "--format", "md")
    assert code == 3, said
    assert "results" in said and "ingen resultater kan læses" in said
    assert not (folder / "reports").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_results_that_cannot_be_listed_stop_the_report(folder: Path, run: Run) -> None:
    (folder / "results").chmod(0o300)
    try:
        code, said, _ = _timed(run, "report", folder, "--format", "md")
    finally:
        (folder / "results").chmod(0o755)
    assert code == 3, said


def test_no_results_folder_yet_is_a_report_without_survey_figures(folder: Path, run: Run) -> None:
    shutil.rmtree(folder / "results")
    code, said, _ = _timed(run, "report", folder, "--format", "md")
    assert code == 0, said


def test_a_results_file_copied_to_another_period(folder: Path, run: Run) -> None:
    """2026's results saved as 2027.yaml: the report would show 2026's figures as 2027's."""
    shutil.copyfile(folder / "results" / "2026.yaml", folder / "results" / "2027.yaml")
    reports = files_in(folder / "reports")
    code, said, _ = _timed(run, "report", folder, "--format", "md")
    assert code == 1, said  # the workbook has a problem, which validate names
    assert "results/2027.yaml:4" in said and "b2c validate" in said
    assert files_in(folder / "reports") == reports
    code, said, _ = _timed(run, "validate", folder)
    assert code == 1, said
    assert "results/2027.yaml:4" in said and "results-period-mismatch" in said


def test_reading_a_results_file_checks_its_period(folder: Path) -> None:
    from b2c_cli.errors import InputError
    from b2c_cli.survey.results import read_results

    copy = folder / "results" / "2027.yaml"
    shutil.copyfile(folder / "results" / "2026.yaml", copy)
    with pytest.raises(InputError) as raised:
        read_results(copy, "results/2027.yaml")
    assert raised.value.key == "results-period-mismatch" and raised.value.where == "results/2027.yaml:4"
