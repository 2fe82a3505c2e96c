"""Writes (issue 12): the clean-up of the atomic writer touches only what is provably stale, never another
running writer's temporary file; all of a command's files are one step (written beside their targets in
full, then put in place), so a full disk or a folder where a file belongs leaves every old file as it was,
and a failure while putting them in place names exactly the files written; an output folder that is a
dangling symlink or a file is named as such."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.atomic import write_atomic
from conftest import Run
from helpers import REPO, files_in

EXAMPLE = REPO / "examples" / "hedemarken-nortec"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    return target


def _stale_reports(folder: Path) -> dict[str, bytes]:
    """Make every committed report old, so that the next `report` has all of them to write."""
    for path in (folder / "reports").iterdir():
        if path.is_file():
            path.write_bytes(b"old " + path.name.encode())
    return files_in(folder / "reports")


def test_another_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    """A live process is writing `.report.md.<its pid>-<random>.tmp`; our write of report.md must not
    delete it under it (the old clean-up removed every `.report.md.*.tmp`)."""
    target = tmp_path / "report.md"
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = tmp_path / f".report.md.{writer.pid}-0123456789ab.tmp"
        theirs.write_bytes(b"half of their write")
        write_atomic(target, b"ours")
        assert theirs.read_bytes() == b"half of their write"
        assert target.read_bytes() == b"ours"
    finally:
        writer.kill()
        writer.wait()


WRITER = """
import sys
from pathlib import Path
from b2c_cli.atomic import write_atomic
for i in range(300):
    write_atomic(Path(sys.argv[1]), sys.argv[2].encode() * 1000)
"""


@pytest.mark.slow
def test_concurrent_writes_of_one_file_do_not_fail(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(target), letter], env=env, stderr=subprocess.PIPE)
        for letter in "ab"
    ]
    outcomes = [
        (writer.wait(timeout=120), writer.stderr.read() if writer.stderr else b"") for writer in writers
    ]
    assert outcomes == [(0, b""), (0, b"")]
    assert target.read_bytes() in (b"a" * 1000, b"b" * 1000)
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_full_disk_halfway_through_a_report_leaves_every_old_file(
    folder: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from b2c_cli import atomic

    before = _stale_reports(folder)
    real = atomic._write_all
    calls: list[int] = []

    def fills_up(fd: int, payload: bytes) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, payload)

    monkeypatch.setattr(atomic, "_write_all", fills_up)
    result = run("report", folder)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert os.strerror(errno.ENOSPC) in result.stderr and "Intet er ændret" in result.stderr
    assert files_in(folder / "reports") == before
    assert not [p.name for p in (folder / "reports").iterdir() if p.name.endswith(".tmp")]


def test_a_folder_where_a_file_belongs_changes_nothing(folder: Path, run: Run) -> None:
    before = _stale_reports(folder)
    names = sorted(before)
    blocked = folder / "reports" / names[-1]
    blocked.unlink()
    blocked.mkdir()
    del before[names[-1]]
    result = run("report", folder)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert str(blocked) in result.stderr and "Intet er ændret" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_in(folder / "reports") == before


def test_a_failure_while_putting_files_in_place_names_what_was_written(
    folder: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _stale_reports(folder)
    real = Path.replace
    done: list[Path] = []

    def second_fails(self: Path, target: Any) -> Path:
        if len(done) == 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(target))
        done.append(Path(target))
        return real(self, target)

    monkeypatch.setattr(Path, "replace", second_fails)
    result = run("report", folder)
    assert result.exit_code == 3, result.stdout + result.stderr
    changed = [name for name, data in files_in(folder / "reports").items() if data != before.get(name)]
    assert [folder / "reports" / name for name in changed] == done
    assert str(done[0]) in result.stderr  # exactly the file that was written is named ...
    assert "Intet er ændret" not in result.stderr  # ... and nobody is told nothing changed
    assert not [p.name for p in (folder / "reports").iterdir() if p.name.endswith(".tmp")]


def test_output_at_a_dangling_symlink(folder: Path, run: Run, tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "nowhere")
    result = run("report", folder, "-o", link, "--lang", "en")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "symbolic link" in result.stderr and str(tmp_path / "nowhere") in result.stderr
    assert "File exists" not in result.stderr


def test_output_at_a_file(folder: Path, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("notes")
    result = run("questionnaire", folder, "-o", out, "--lang", "en")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert str(out) in result.stderr and "is a file" in result.stderr
    assert out.read_text() == "notes"
