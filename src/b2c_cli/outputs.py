"""Documents a command renders in memory and then writes: the formats each feature offers (a registry of
renderers, one line each), choosing among them, and writing only the files whose bytes changed
(atomically), so a re-run with the same inputs changes nothing.

A renderer is `render(context) -> {file name: bytes}` in its own module, named here as "module:function"
and imported only when its format is chosen, so `--help` and the other formats never load its libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from b2c_cli.atomic import Staged, fsync_folder, stage
from b2c_cli.errors import InputError, UsageError

C = TypeVar("C")


@dataclass(frozen=True)
class Format:
    name: str  # what --format takes: "md"
    writes: str  # what it writes, for --help: "Markdown documents"
    renderer: str  # "b2c_cli.report.documents:render_markdown"
    default: bool = True  # written when --format is not given


class Formats(Generic[C]):
    """The formats of one feature, in the order they are listed and written."""

    def __init__(self, *formats: Format) -> None:
        self.formats = formats
        self.names = tuple(f.name for f in formats)
        self.defaults = tuple(f.name for f in formats if f.default)

    def help(self) -> str:
        """'Comma-separated: md (Markdown documents), ... (default: md, html, xlsx).'"""
        listed = ", ".join(f"{f.name} ({f.writes})" for f in self.formats)
        return f"Comma-separated: {listed}. Default: {', '.join(self.defaults)}."

    def parse(self, text: str | None) -> tuple[str, ...]:
        """'md, XLSX' -> ('md', 'xlsx') in the registry's order; an unknown format is a usage error; nothing
        given means the defaults."""
        chosen = {part.strip().lower() for part in (text or "").split(",") if part.strip()}
        for value in sorted(chosen - set(self.names)):
            raise UsageError("report-bad-format", value=value, choices=", ".join(self.names))
        return tuple(name for name in self.names if name in chosen) or self.defaults

    def render(self, chosen: tuple[str, ...], context: C) -> dict[str, bytes]:
        """Every chosen format's files, rendered from one context."""
        outputs: dict[str, bytes] = {}
        for found in self.formats:
            if found.name in chosen:
                outputs.update(_renderer(found.renderer)(context))
        return outputs


def _renderer(path: str) -> Callable[[Any], dict[str, bytes]]:
    module, _, function = path.partition(":")
    found: Callable[[Any], dict[str, bytes]] = getattr(importlib.import_module(module), function)
    return found


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool  # False: the file was there with exactly these bytes


def write_outputs(folder: Path, outputs: dict[str, bytes], dry_run: bool) -> list[Written]:
    """Write each output whose bytes differ from what is there; report what changed.

    All of a command's files are one step: each is first written in full beside its target (`stage`), and
    only when every one of them is written are they put in place. A full disk, a folder where a file
    belongs or any other failure before that leaves every old file as it was ("nothing was changed"); a
    failure while putting them in place (rare: a rename) names exactly the files already replaced."""
    _check_folder(folder)
    written = []
    try:
        for name, data in outputs.items():
            path = folder / name
            if (path.is_symlink() and not path.exists()) or (path.exists() and not path.is_file()):
                raise InputError("output-not-a-file", where=str(path))
            written.append(Written(path, not path.is_file() or path.read_bytes() != data))
    except OSError as exc:
        raise InputError(
            "cannot-write", path=str(exc.filename or folder), reason=exc.strerror or str(exc)
        ) from None
    changed = [item.path for item in written if item.changed]
    if dry_run or not changed:
        return written
    staged: list[Staged] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append(stage(path, outputs[path.relative_to(folder).as_posix()]))
    except OSError as exc:
        for item in staged:
            item.discard()
        raise InputError(
            "cannot-write", path=str(exc.filename or folder), reason=exc.strerror or str(exc)
        ) from None
    done: list[Path] = []
    try:
        for item in staged:
            item.commit()
            done.append(item.path)
    except OSError as exc:
        for item in staged[len(done) :]:
            item.discard()
        raise InputError(
            "cannot-write-partly",
            path=str(exc.filename or folder),
            reason=exc.strerror or str(exc),
            written=", ".join(str(path) for path in done) or "-",
            kept=", ".join(str(path) for path in changed[len(done) :]),
        ) from None
    fsync_folder(folder)
    return written


def _check_folder(folder: Path) -> None:
    """The output folder is a folder, or nothing yet: a dangling symlink or a file there is named as such,
    not reported as 'File exists' when it is created."""
    for place in (folder, *folder.parents):
        if place.is_symlink() and not place.exists():
            raise InputError("output-dangling-link", where=str(place), target=str(place.readlink()))
        if place.exists():
            if not place.is_dir():
                raise InputError("output-not-a-folder", where=str(place))
            return
