"""How long raw exports are kept (Part 3's `survey.raw_retention_days`): the files in `surveys/` and their
age, for `validate` and `status` to warn about and `b2c surveys purge` to delete (`b2c_cli.survey.retention`).
The age of an export is its file's modification time: the day it was saved or copied into `surveys/`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from b2c_cli.workbook.folder import SURVEYS_DIR

KEEP = frozenset({"README.md", ".gitignore", ".gitkeep"})


def raw_exports(root: Path) -> list[Path]:
    """The files in surveys/ (not its README, not hidden files), in name order."""
    folder = root / SURVEYS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.name not in KEEP and not p.name.startswith(".")
    )


def age_in_days(path: Path, today: date) -> int:
    return (today - datetime.fromtimestamp(path.stat().st_mtime).date()).days


def overdue(root: Path, days: int, today: date) -> list[tuple[str, int]]:
    """(name, age in days) of each raw export kept longer than `days`."""
    found = []
    for path in raw_exports(root):
        age = age_in_days(path, today)
        if age > days:
            found.append((path.relative_to(root).as_posix(), age))
    return found
