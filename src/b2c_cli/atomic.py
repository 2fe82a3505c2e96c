"""The one way b2c writes a file: the new content goes into a temporary file in the same folder, is flushed
and fsynced, and then replaces the target in one step. A crash, a full disk or a `kill -9` leaves either the
old file or the new one, never half of either.

Where the system allows it (Linux), the temporary file has no name while it is being written (O_TMPFILE):
a process killed mid-write leaves nothing behind at all. It gets a name only for the instant between being
complete and replacing the target; a name left by a crash in that instant is removed by the next write of
the same file. Elsewhere a named temporary file is used and removed on any failure b2c sees."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from pathlib import Path

_STALE = ".tmp"


def _default_mode() -> int:
    """The permission bits a plain open() would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{_STALE}")


def _sweep(path: Path) -> None:
    """Remove what a crashed earlier write of `path` may have left: `.NAME.<random>.tmp`."""
    for leftover in path.parent.glob(f".{path.name}.*{_STALE}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


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
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_STALE, dir=path.parent)
    temporary = Path(name)
    try:
        try:
            _write_all(fd, payload)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


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
