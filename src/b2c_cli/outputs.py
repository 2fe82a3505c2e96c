"""Documents a command renders in memory and then writes: choosing the formats, and writing only the files
whose bytes changed (atomically), so a re-run with the same inputs changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from b2c_cli.atomic import write_atomic
from b2c_cli.errors import InputError, UsageError


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool  # False: the file was there with exactly these bytes


def parse_formats(text: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """'md, XLSX' -> ('md', 'xlsx'); an unknown format is a usage error; nothing given means all of them."""
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    for value in chosen:
        if value not in known:
            raise UsageError("report-bad-format", value=value, choices=", ".join(known))
    return chosen or known


def write_outputs(folder: Path, outputs: dict[str, bytes], dry_run: bool) -> list[Written]:
    """Write each output whose bytes differ from what is there (atomically); report what changed."""
    written = []
    try:
        for name, data in outputs.items():
            path = folder / name
            changed = not path.is_file() or path.read_bytes() != data
            if changed and not dry_run:
                folder.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
            written.append(Written(path, changed))
    except OSError as exc:
        raise InputError(
            "cannot-write", path=str(exc.filename or folder), reason=exc.strerror or str(exc)
        ) from None
    return written
