"""The one way b2c writes a file: the new content goes into a temporary file in the same folder, is flushed
and fsynced, and then replaces the target in one step. A crash, a full disk or a `kill -9` leaves either the
old file or the new one, never half of either.

Where the system allows it (Linux), the temporary file has no name while it is being written (O_TMPFILE):
a process killed mid-write leaves nothing behind at all. It gets a name only for the instant between being
complete and replacing the target. Elsewhere a named temporary file is used and removed on any failure b2c
sees.

A temporary name carries the writer's pid (`.NAME.<pid>-<random>.tmp`). The next write of the same file
removes what is provably stale: a name whose pid no longer runs, or one without a pid (an older b2c)
that has not changed for an hour. Another process's file that is being written is never touched.

`stage` and `Staged.commit` split a write in two, so a command can write every one of its files before it
replaces any (`outputs.write_outputs`): a full disk then leaves all the old files."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

_STALE = ".tmp"
STALE_SECONDS = 3600  # a temporary file without a pid in its name, unchanged this long, is a leftover
_PID = re.compile(r"^(\d+)-[0-9a-zA-Z_]+$")


def _default_mode() -> int:
    """The permission bits a plain open() would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}{_STALE}")


def _sweep(path: Path) -> None:
    """Remove what a crashed earlier write of `path` left: `.NAME.<pid>-<random>.tmp` whose pid no longer
    runs, or an old `.NAME.<random>.tmp` unchanged for STALE_SECONDS. Never another running writer's file."""
    prefix = f".{path.name}."
    for leftover in path.parent.glob(f"{glob_escape(prefix)}*{_STALE}"):
        middle = leftover.name[len(prefix) : -len(_STALE)]
        if _stale(leftover, middle):
            with contextlib.suppress(OSError):
                leftover.unlink()


def glob_escape(text: str) -> str:
    """`text` with glob's special characters taken literally (a file named `[draft].md`)."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def _stale(leftover: Path, middle: str) -> bool:
    found = _PID.match(middle)
    if found is not None:
        pid = int(found.group(1))
        return pid != os.getpid() and not pid_alive(pid)
    try:
        return time.time() - leftover.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` atomically, keeping an existing file's permission bits."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    _sweep(path)
    if not _write_unnamed(path, payload, mode):
        _write_named(path, payload, mode)
    _fsync_folder(path.parent)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _write_unnamed(path: Path, payload: bytes, mode: int) -> bool:
    """Write through an O_TMPFILE file; False when the system or file system cannot do that."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, mode)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False  # not supported here: the named way below
        raise
    temporary = None
    try:
        _write_all(fd, payload)
        os.fchmod(fd, mode)
        temporary = _temporary_name(path)
        try:
            os.link(f"/proc/self/fd/{fd}", temporary)
        except OSError:
            temporary = None
            return False  # no /proc to name it by: the named way below
        temporary.replace(path)
        temporary = None
        return True
    finally:
        os.close(fd)
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def _write_named(path: Path, payload: bytes, mode: int) -> None:
    temporary = _named_temporary(path, payload, mode)
    try:
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def _named_temporary(path: Path, payload: bytes, mode: int) -> Path:
    """`payload` written and fsynced under a temporary name beside `path` (removed again if that fails)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=_STALE, dir=path.parent)
    temporary = Path(name)
    try:
        try:
            _write_all(fd, payload)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return temporary


class Staged:
    """A file written and fsynced beside its target under a temporary name, not yet in its place: `commit`
    puts it there in one step, `discard` drops it."""

    def __init__(self, path: Path, temporary: Path) -> None:
        self.path, self._temporary = path, temporary

    def commit(self) -> None:
        try:
            self._temporary.replace(self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._temporary.unlink()


def stage(path: Path, data: bytes | str) -> Staged:
    """The first half of `write_atomic`: `data` written and fsynced beside `path` (without a name while it
    is written, where the system allows it); nothing replaced yet."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    _sweep(path)
    flag = getattr(os, "O_TMPFILE", None)
    if flag is not None:
        try:
            fd = os.open(path.parent, flag | os.O_WRONLY, mode)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
        else:
            try:
                _write_all(fd, payload)
                os.fchmod(fd, mode)
                temporary = _temporary_name(path)
                try:
                    os.link(f"/proc/self/fd/{fd}", temporary)
                except OSError:
                    pass  # no /proc to name it by, or a file system that cannot: the named way below
                else:
                    return Staged(path, temporary)
            finally:
                os.close(fd)
    return Staged(path, _named_temporary(path, payload, mode))


def fsync_folder(folder: Path) -> None:
    _fsync_folder(folder)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this host (one of another user's counts as running)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform, so best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
