"""A partnership whose results file holds its figures back (scored from too few answers: the file keeps no
count) in the portfolio: it enters no pooled figure, is counted among the partnerships with too few
answers, and no printed number - the met/with-target count included - depends on its hidden answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ingest.factories import make_export
from portfolio.kit import partnership, portfolio, rollup_by_key
from score.kit import HE, HU, STATEMENTS

BELONGING = "belonging"
ALL_POSITIVE = [HE, HE, HE, HE, HE, HU]  # the sixth statement is reverse-worded
ALL_NEGATIVE = [HU, HU, HU, HU, HU, HE]
OTHERS = {"b": (42, 60), "c": (50, 70), "d": (40, 45)}  # shown; d (89 %) meets belonging's 85 %


def _tree(root: Path, run: Any, answers: list[str] | None) -> None:
    """b, c and d with shown belonging values in 2026; with `answers`, also a, scored by `b2c score` from
    three residents who all answered so (its results file holds every figure back)."""
    for index, (name, counts) in enumerate(OTHERS.items(), start=1):
        partnership(root, f"org/{name}", index, {"2026": {BELONGING: counts}})
    if answers is None:
        return
    folder = root / "org" / "a"
    partnership(root, "org/a", 0, {})
    exports = root.parent / f"{root.name}-export"
    exports.mkdir()
    export = make_export(exports, "google-forms", STATEMENTS, [answers] * 3)
    scored = run("score", export, "--dir", folder, "--period", "2026")
    assert scored.exit_code == 0, scored.stdout + scored.stderr
    stored = yaml.safe_load((folder / "results" / "2026.yaml").read_text("utf-8"))
    assert all(i["suppressed"] and "n" not in i for i in stored["indicators"])


def _written(root: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    out = root.parent / f"{root.name}-out"
    result = portfolio(root, "-o", out, "--format", "md,html,xlsx,json")
    assert result.exit_code == 0, result.stdout + result.stderr
    files = {path.name: path.read_bytes() for path in out.iterdir()}
    data: dict[str, Any] = json.loads(files["portfolio.json"])
    return data, files


def test_a_held_back_partnership_changes_no_printed_count(run: Any, tmp_path: Path) -> None:
    positive, positive_files = _written(_make(tmp_path / "positive", run, ALL_POSITIVE))
    _, negative_files = _written(_make(tmp_path / "negative", run, ALL_NEGATIVE))
    without, _ = _written(_make(tmp_path / "without", run, None))
    # Whatever a's three residents answered, every document is the same byte for byte (the xlsx too).
    assert positive_files == negative_files
    # a is hidden in its cell, counted as measuring with too few answers, and in no other figure.
    cell = next(p for p in positive["partnerships"] if p["path"] == "org/a")["indicators"][BELONGING]
    assert cell["suppressed"] is True and (cell["n"], cell["percent"], cell["met"]) == (None, None, None)
    row = rollup_by_key(positive)[(BELONGING, 2026)]
    alone = rollup_by_key(without)[(BELONGING, 2026)]
    assert (row["partnerships"], row["too_few"]) == (4, 1)
    assert (alone["partnerships"], alone["too_few"]) == (3, 0)
    figures = ("with_target", "met_target", "positive", "n", "percent", "ci95", "suppressed", "shown")
    figures += ("median", "min", "max", "tau2", "i2", "pooling")
    assert {k: row[k] for k in figures} == {k: alone[k] for k in figures}
    # 3/3 would meet the target: the met count is still d's alone.
    assert (row["with_target"], row["met_target"]) == (3, 1)
    md = positive_files["portfolio.md"].decode("utf-8")
    assert "1 partnerskab havde for få svar til at blive vist" in md
    # a's other indicators: measured by a alone, held back: no pooled figure at all.
    trust = rollup_by_key(positive)[("trust", 2026)]
    assert (trust["partnerships"], trust["too_few"], trust["n"], trust["suppressed"]) == (1, 1, None, True)
    english = portfolio(tmp_path / "positive", "--json", "--dry-run", "--lang", "en")
    assert english.exit_code == 0


def _make(root: Path, run: Any, answers: list[str] | None) -> Path:
    root.mkdir()
    _tree(root, run, answers)
    return root
