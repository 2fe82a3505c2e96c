"""Every file b2c writes goes through b2c_cli.atomic.write_atomic. A failure at any point of a write, and a
real `kill -9` in the middle of one, leave the previous file intact and no temporary file behind."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.atomic import write_atomic

OLD = b"the previous report\n"


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "esg-report.md"
    target.write_bytes(OLD)
    return folder, target


def _fail(*_: Any, **__: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture(params=["unnamed", "named"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of writing: O_TMPFILE (Linux), and a named temporary file (elsewhere)."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    return str(request.param)


@pytest.mark.parametrize("step", ["write", "fsync", "fchmod", "replace"])
def test_a_failure_at_any_step_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, step: str
) -> None:
    folder, target = _folder(tmp_path)
    if step == "replace":
        monkeypatch.setattr(Path, "replace", _fail)
    else:
        monkeypatch.setattr(os, step, _fail)
    with pytest.raises(OSError):
        write_atomic(target, b"x" * 100_000)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == ["esg-report.md"]


def test_no_proc_to_name_the_file_by_falls_back_to_a_named_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    folder, target = _folder(tmp_path)
    monkeypatch.setattr(os, "link", _fail)  # as on a system without /proc
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in folder.iterdir()) == ["esg-report.md"]


def test_permissions_are_those_of_a_normal_write_or_of_the_file_replaced(tmp_path: Path, mode: str) -> None:
    new = tmp_path / "new.txt"
    write_atomic(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    kept.chmod(0o640)
    write_atomic(kept, "y")
    assert kept.stat().st_mode & 0o777 == 0o640
    assert kept.read_text() == "y"


def test_a_leftover_of_a_crashed_write_is_removed_by_the_next_write(tmp_path: Path, mode: str) -> None:
    folder, target = _folder(tmp_path)
    """Provably stale only (issue 12): an older b2c's leftover unchanged for an hour, or one whose writer's
    pid no longer runs. tests/hardening/test_writes.py proves a running writer's file is left alone."""
    old = folder / ".esg-report.md.a1b2c3d4e5f6.tmp"
    old.write_bytes(b"half")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (folder / f".esg-report.md.{dead.pid}-a1b2c3d4e5f6.tmp").write_bytes(b"half")
    (folder / ".other.md.a1b2c3d4e5f6.tmp").write_bytes(b"not ours to touch")
    write_atomic(target, b"new")
    assert sorted(p.name for p in folder.iterdir()) == [".other.md.a1b2c3d4e5f6.tmp", "esg-report.md"]


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from b2c_cli.atomic import write_atomic
    print("ready", flush=True)
    write_atomic(Path(sys.argv[1]), b"n" * (int(sys.argv[2]) * 1024 * 1024))
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2])
def test_kill_9_in_the_middle_of_a_large_write(tmp_path: Path, delay: float) -> None:
    """A real process writing a 200 MB report is killed with SIGKILL at several moments."""
    folder, target = _folder(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), "200"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    content = target.read_bytes()
    # Either the old file, or (if the write had already finished) the whole new one: never a mix.
    assert content == OLD or (len(content) == 200 * 1024 * 1024 and set(content[:4096]) == {ord("n")})
    leftovers = [p.name for p in folder.iterdir() if p.name != "esg-report.md"]
    if hasattr(os, "O_TMPFILE"):
        assert leftovers == []  # the temporary file had no name while it was written
    else:  # pragma: no cover (a named temporary file may remain; the next write removes it)
        write_atomic(target, b"again")
        assert [p.name for p in folder.iterdir()] == ["esg-report.md"]
