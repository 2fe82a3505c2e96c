"""The partnership lock: one command at a time writes a partnership's files.

Every command that writes into a partnership folder (`score`, `report`, `questionnaire`, `init --force`)
holds `.b2c.lock` in it from before it reads what it checks (an earlier period's results, a typed-in
data-entry sheet) until its last file is written, so two runs cannot both pass the check and then replace
each other's work. The lock file is created exclusively (O_CREAT | O_EXCL) and holds the holder's pid, host
and start time. A second run waits up to `WAIT_SECONDS` for it, then is refused (exit 4) with the holder's
pid and the lock file's path. A lock whose holder is gone (a crash, `kill -9`) is stale: one left on this
host by a pid that no longer runs is removed and taken over at once; one from another host only when it
is older than `FOREIGN_STALE_SECONDS`.

A folder b2c may not write in cannot be locked, and nothing can be written there either: the command goes
on and fails (or writes elsewhere, `-o`) as it would have.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from b2c_cli.atomic import pid_alive
from b2c_cli.errors import Refused

LOCK_FILE = ".b2c.lock"
WAIT_SECONDS = 5.0  # how long a second run waits for the first one to finish
POLL_SECONDS = 0.05
FOREIGN_STALE_SECONDS = 6 * 3600  # a lock from another host (a shared drive) older than this is stale
_UNLOCKABLE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR)


def _wait_seconds() -> float:
    """B2C_LOCK_WAIT (seconds) overrides the wait, e.g. 0 in a script that must not block."""
    try:
        return max(0.0, float(os.environ.get("B2C_LOCK_WAIT", WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS


@contextlib.contextmanager
def partnership_lock(root: Path) -> Iterator[None]:
    """Hold the lock of the partnership at `root` for the body; re-entrant within one process."""
    path = root / LOCK_FILE
    key = str(path.absolute())
    if key in _held:
        yield
        return
    taken = _acquire(path)
    _held.add(key)
    try:
        yield
    finally:
        _held.discard(key)
        if taken:
            with contextlib.suppress(OSError):
                if _holder(path) == _me():
                    path.unlink()


_held: set[str] = set()


def _me() -> tuple[int, str]:
    return os.getpid(), socket.gethostname()


def _acquire(path: Path) -> bool:
    """Take the lock; False when the folder cannot hold one (not writable, gone)."""
    deadline = time.monotonic() + _wait_seconds()
    pid, host = _me()
    content = f"pid: {pid}\nhost: {host}\nsince: {time.time():.0f}\n".encode()
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if _stale(path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            if time.monotonic() >= deadline:
                holder = _holder(path)
                raise Refused(
                    "lock-held",
                    where=str(path),
                    pid=holder[0] if holder else "?",
                    host=holder[1] if holder else "?",
                ) from None
            time.sleep(POLL_SECONDS)
            continue
        except OSError as exc:
            if exc.errno in _UNLOCKABLE:
                return False
            raise
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        return True


def _holder(path: Path) -> tuple[int, str] | None:
    """(pid, host) from a lock file, or None when it cannot be read or is not one b2c wrote."""
    try:
        with path.open("rb") as handle:
            text = handle.read(512).decode("utf-8", "replace")
    except OSError:
        return None
    fields = dict(line.partition(": ")[::2] for line in text.splitlines())
    try:
        return int(fields["pid"]), fields.get("host", "")
    except (KeyError, ValueError):
        return None


def _stale(path: Path) -> bool:
    """The lock's holder provably no longer runs: a pid on this host that is gone; a lock from another host
    (or one that cannot be read) only when it is older than FOREIGN_STALE_SECONDS."""
    holder = _holder(path)
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return True  # released meanwhile: try again
    if holder is not None and holder[1] == socket.gethostname():
        return not pid_alive(holder[0])
    if holder is None and age < 2.0:
        return False  # being written by its holder this instant
    return age > FOREIGN_STALE_SECONDS
