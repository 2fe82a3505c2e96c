"""Raw exports past their retention (GDPR): the files in `surveys/` older than Part 3's
`survey.raw_retention_days`, and `b2c surveys purge`, which deletes them.

A raw export is personal data (Datatilsynet: coded data stays personal while a key exists); what b2c keeps
of it is in `results/` (aggregates only, and each source's SHA-256). So an export is deleted only when a
results file records its SHA-256 - its figures are kept - and never when git tracks it: deleting a tracked
file leaves it in the repository's history, so b2c says so and leaves it for the user to remove from git.
The age of an export is its file's modification time (the day it was saved or copied into `surveys/`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from b2c_cli import gitutil
from b2c_cli.models.part3 import Part3
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.retention import age_in_days, raw_exports

Verdict = Literal["delete", "tracked", "not-scored"]


@dataclass(frozen=True)
class Expired:
    path: Path
    name: str  # relative to the partnership folder: surveys/baseline.xlsx
    age_days: int
    sha256: str
    verdict: Verdict  # delete; kept because git tracks it; kept because no results file has its figures
    period: str | None  # the results file that records it


def expired(root: Path, part3: Part3, today: date) -> list[Expired]:
    """Every raw export past the retention, with what purge would do to it."""
    days = part3.survey.raw_retention_days
    if days is None:
        return []
    recorded = {result.source.sha256: period for period, result in load_all(root, part3).items()}
    out = []
    for path in raw_exports(root):
        age = age_in_days(path, today)
        if age <= days:
            continue
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        period = recorded.get(digest)
        verdict: Verdict = (
            "tracked" if gitutil.is_tracked(path.resolve()) else "delete" if period else "not-scored"
        )
        out.append(Expired(path, path.relative_to(root).as_posix(), age, digest, verdict, period))
    return out


def purge(found: Sequence[Expired]) -> list[Expired]:
    """Delete the exports marked for deletion; the ones deleted."""
    deleted = []
    for entry in found:
        if entry.verdict == "delete":
            entry.path.unlink()
            deleted.append(entry)
    return deleted
