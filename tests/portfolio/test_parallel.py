"""Summing up in worker processes gives exactly what one process gives, and progress is only drawn on a
terminal: with stderr redirected, the summary line is all it gets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from b2c_cli.portfolio.build import PARALLEL_FROM, summarise_all
from b2c_cli.portfolio.rollup import build_portfolio
from b2c_cli.portfolio.view import as_dict
from benchmarks.tree import Made, make_tree
from helpers import TODAY
from portfolio.kit import portfolio

COUNT = 45  # over PARALLEL_FROM, so that workers=2 does start a pool


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Made]]:
    assert COUNT >= PARALLEL_FROM
    root = tmp_path_factory.mktemp("tree")
    return root, make_tree(root, COUNT, seed=4, broken_every=10)


def test_parallel_and_sequential_summaries_are_identical(tree: tuple[Path, list[Made]]) -> None:
    root, made = tree
    today = date.fromisoformat(TODAY)
    calls: dict[int, list[tuple[int, int]]] = {1: [], 2: []}
    sequential = summarise_all(root, today, workers=1, progress=lambda d, t: calls[1].append((d, t)))
    parallel = summarise_all(root, today, workers=2, progress=lambda d, t: calls[2].append((d, t)))
    assert len(sequential) == COUNT
    assert parallel == sequential  # every field, in the same order
    assert [s.path for s in sequential] == sorted(m.folder.relative_to(root).as_posix() for m in made)
    assert sum(not s.valid for s in sequential) == sum(m.broken for m in made) == 4  # 7, 17, 27, 37
    # Progress is told once per partnership, counting up to the total, either way.
    for workers in (1, 2):
        assert calls[workers] == [(done, COUNT) for done in range(1, COUNT + 1)]
    for year in (None, 2026):
        assert as_dict(build_portfolio(parallel, year), "da") == as_dict(
            build_portfolio(sequential, year), "da"
        )


def test_only_the_summary_on_stderr_when_it_is_not_a_terminal(
    tree: tuple[Path, list[Made]], tmp_path: Path
) -> None:
    root, _ = tree
    result = portfolio(root, "--format", "json", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    broken = [
        p
        for p in json.loads((tmp_path / "portfolio.json").read_text("utf-8"))["partnerships"]
        if not p["valid"]
    ]
    # The summary, then each broken partnership's problem: no progress bar, no control characters.
    expected = [f"{COUNT} partnerskaber: {COUNT - 4} gyldige, 4 med fejl."] + [
        f"  {p['path']}: {p['problems'][0]['location']}: {p['problems'][0]['message']}" for p in broken
    ]
    assert result.stderr.splitlines() == expected
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
