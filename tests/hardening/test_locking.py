"""Two commands at once (issue 12): every command that writes a partnership's files holds its lock file,
`.b2c.lock` with the holder's pid; a second run waits briefly and is then refused (exit 4) naming the
holder; a lock whose holder is gone is stale and taken over. Real processes where it matters: a real
holder pid, and two real `b2c score` runs started together."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from b2c_cli.lock import LOCK_FILE, partnership_lock
from conftest import Run
from helpers import REPO, TODAY, files_in

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    (target / "results" / "2026.yaml").unlink()
    return target


@pytest.fixture
def holder() -> object:
    """A live process standing in for another b2c that holds the lock."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def _lock_by(folder: Path, pid: int, host: str | None = None) -> Path:
    path = folder / LOCK_FILE
    path.write_text(f"pid: {pid}\nhost: {host or socket.gethostname()}\nsince: {time.time():.0f}\n")
    return path


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize(
    "command",
    [
        ("score", str(EXPORT), "--dir", "{dir}", "--period", "2026"),
        ("report", "{dir}", "--format", "md"),
        ("questionnaire", "{dir}", "--format", "md"),
    ],
    ids=["score", "report", "questionnaire"],
)
def test_a_held_lock_refuses_a_second_writer(
    command: tuple[str, ...], folder: Path, holder: subprocess.Popen[bytes], run: Run
) -> None:
    lock = _lock_by(folder, holder.pid)
    (folder / "reports").mkdir(exist_ok=True)
    for old in (folder / "reports").iterdir():
        old.unlink()
    before = files_in(folder)
    started = time.monotonic()
    result = run(*(part.format(dir=folder) for part in command), env={"B2C_LOCK_WAIT": "0.3"})
    said = result.stdout + result.stderr
    assert result.exit_code == 4, said
    assert str(holder.pid) in said and LOCK_FILE in said and "Intet er ændret" in said
    assert time.monotonic() - started >= 0.3  # it waited before giving up
    assert files_in(folder) == before  # nothing written, and the holder's lock is still there
    assert lock.read_text().startswith(f"pid: {holder.pid}\n")


HOLD = """
import sys, time
from pathlib import Path
from b2c_cli.lock import partnership_lock
with partnership_lock(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_run_waits_for_the_first_to_finish(folder: Path, run: Run) -> None:
    """A real process holds the lock for a moment; the run started meanwhile waits for it and goes on."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), "0.5"], stdout=subprocess.PIPE, env=env
    )
    assert first.stdout is not None and first.stdout.readline().strip() == b"holding"
    assert (folder / LOCK_FILE).read_text().startswith(f"pid: {first.pid}\n")
    result = run("score", EXPORT, "--dir", folder, "--period", "2026", env={"B2C_LOCK_WAIT": "10"})
    first.wait()
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (folder / "results" / "2026.yaml").is_file()
    assert not (folder / LOCK_FILE).exists()  # the run's own lock is gone when it is done


def test_a_stale_lock_of_a_dead_process_is_taken_over(folder: Path, run: Run) -> None:
    _lock_by(folder, _dead_pid())
    result = run("score", EXPORT, "--dir", folder, "--period", "2026", env={"B2C_LOCK_WAIT": "0"})
    assert result.exit_code == 0, result.stdout + result.stderr
    assert not (folder / LOCK_FILE).exists()


def test_a_fresh_lock_from_another_host_is_respected(folder: Path, run: Run) -> None:
    """On a shared drive the pid means nothing here: a recent lock from another machine holds."""
    _lock_by(folder, 1, host="another-machine.example")
    result = run("score", EXPORT, "--dir", folder, "--period", "2026", env={"B2C_LOCK_WAIT": "0"})
    assert result.exit_code == 4, result.stdout + result.stderr
    assert "another-machine.example" in result.stderr
    assert not (folder / "results" / "2026.yaml").exists()


def test_the_lock_is_released_after_an_error(folder: Path, run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text('a;b\n"1;2\n', "utf-8")
    result = run("score", broken, "--dir", folder, "--period", "2026")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert not (folder / LOCK_FILE).exists()


def test_the_lock_is_reentrant_and_removes_only_its_own_file(tmp_path: Path) -> None:
    with partnership_lock(tmp_path):
        with partnership_lock(tmp_path):
            assert (tmp_path / LOCK_FILE).read_text().startswith(f"pid: {os.getpid()}\n")
        assert (tmp_path / LOCK_FILE).exists()
        (tmp_path / LOCK_FILE).write_text("pid: 1\nhost: elsewhere\n")  # someone broke it and took it
    assert (tmp_path / LOCK_FILE).read_text() == "pid: 1\nhost: elsewhere\n"


def test_a_folder_that_cannot_hold_a_lock_does_not_stop_a_read(tmp_path: Path) -> None:
    with partnership_lock(tmp_path / "gone"):
        pass


SCORE = """
import sys
from b2c_cli.cli.app import app
sys.argv = ["b2c", "score", sys.argv[1], "--dir", sys.argv[2], "--period", "2026"]
app()
"""


@pytest.mark.slow
def test_two_real_score_runs_of_different_exports_into_one_period(folder: Path, tmp_path: Path) -> None:
    """Both start together. Exactly one writes the period's results; the other is refused (exit 4) either
    by the lock or, having waited for it, because the period now holds another export's results. Without
    a lock both could pass the check and one silently replace the other."""
    other = tmp_path / "other.csv"
    text = EXPORT.read_text("utf-8")
    other.write_text(text.replace("Helt enig", "Helt uenig", 1), "utf-8")
    env = {**os.environ, "B2C_TODAY": TODAY, "B2C_LOCK_WAIT": "20", "PYTHONPATH": str(REPO / "src")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SCORE, str(export), str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for export in (EXPORT, other)
    ]
    codes = sorted(process.wait(timeout=120) for process in runs)
    errors = b"".join(process.stderr.read() for process in runs if process.stderr is not None)
    assert codes == [0, 4], errors.decode()
    assert not (folder / LOCK_FILE).exists()
