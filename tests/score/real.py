"""Workbooks for the real exports in ../shared/real-exports (read at run time, never copied into the
repository), and an independent reading of those files to check b2c's figures against."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import REPO

from .kit import EXAMPLE, PART3

REAL = REPO.parent / "shared" / "real-exports"
FIXED = ("belonging", "trust", "co-creation")


def real(relative: str) -> Path:
    path = REAL / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not in ../shared/real-exports")
    return path


def partnership(
    tmp_path: Path,
    indicators: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    scale: str | Mapping[str, str] | None = None,
    survey: Mapping[str, Any] | None = None,
) -> Path:
    """The example partnership with the fixed indicators measured by `indicators` (id -> items, each
    {text, column?, reverse?}); another indicator id is added as a new survey indicator. `scale` is the
    scale of every survey indicator, or one per id; `survey` adds keys under survey:."""
    folder = tmp_path / "partnership"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results"))
    data = yaml.safe_load((folder / PART3).read_text("utf-8"))
    kept = []
    template = next(i for i in data["indicators"] if i["id"] == "trust")
    for indicator in data["indicators"]:
        if indicator["kind"] != "survey":
            kept.append(indicator)
        elif indicator["id"] in indicators:
            kept.append({**indicator, "items": list(indicators[indicator["id"]])})
        elif indicator["id"] in FIXED:  # a fixed indicator this export does not measure
            kept.append({**indicator, "items": [{"text": f"(not asked: {indicator['id']})"}]})
    for indicator_id, items in indicators.items():
        if not any(i["id"] == indicator_id for i in kept):
            kept.append({**template, "id": indicator_id, "name": indicator_id, "items": list(items)})
    for indicator in kept:
        if indicator["kind"] == "survey" and scale is not None:
            chosen = scale if isinstance(scale, str) else scale.get(indicator["id"])
            if chosen:
                indicator["scale"] = chosen
    data["indicators"] = kept
    data["survey"] = {**data.get("survey", {}), **(survey or {})}
    (folder / PART3).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


def read_csv(path: Path, encoding: str, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def item_counts(answers: Sequence[int | None], positive_from: int) -> tuple[int, int]:
    """(positive, n) of one item from its answers as step values (None: blank or don't know)."""
    valid = [a for a in answers if a is not None]
    return sum(1 for a in valid if a >= positive_from), len(valid)


def indicator_counts(rows: Sequence[Sequence[int | None]], positive_from: int) -> tuple[int, int]:
    """(positive, n) by the respondent-mean rule, over rows of step values (one per item)."""
    n = positive = 0
    for row in rows:
        valid = [a for a in row if a is not None]
        if valid:
            n += 1
            positive += Fraction(sum(valid), len(valid)) >= positive_from
    return positive, n
