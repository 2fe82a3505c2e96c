"""Generated portfolios: many partnership folders under one root, made from the example partnership with
their own names and their own results files, some of them broken and some with few answers. Used by the
portfolio tests (small trees, figures checked by hand) and by the benchmark (1,000 and 2,000)."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from b2c_cli.models.results import Source
from b2c_cli.survey.results import build_results, results_path, to_yaml
from b2c_cli.survey.scoring import Estimate, IndicatorScore

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hedemarken-nortec"
SURVEY_INDICATORS = ("belonging", "trust", "co-creation", "tryghed")
PERIODS = (("baseline", 2025), ("2026", 2026))
WORKBOOK = (
    "b2c.yaml",
    "part1-housing.yaml",
    "part1-company.yaml",
    "part2-joint.yaml",
    "part3-evaluation.yaml",
)


@dataclass
class Made:
    """What was written, so tests can check the portfolio's figures against it."""

    folder: Path
    broken: bool = False
    counts: dict[tuple[str, str], tuple[int, int]] = field(
        default_factory=dict
    )  # (indicator, period) -> (pos, n)


def make_partnership(
    folder: Path,
    index: int,
    rng: random.Random,
    *,
    broken: bool = False,
    n_range: tuple[int, int] = (60, 120),
) -> Made:
    """A copy of the example with its own name and area and its own results for baseline and 2026."""
    folder.mkdir(parents=True)
    for name in WORKBOOK:
        text = (EXAMPLE / name).read_text("utf-8")
        if name == "b2c.yaml":
            text = text.replace("Bo-Vest × Nortec i Hedemarken", f"Partnerskab {index:04d}")
            text = text.replace('name: "Hedemarken"', f'name: "Område {index:04d}"')
            if broken:
                text += "size: small\n"  # a duplicate key: the file cannot be read
        (folder / name).write_text(text, "utf-8")
    made = Made(folder, broken=broken)
    for period, _ in PERIODS:
        scores = []
        for indicator in SURVEY_INDICATORS:
            n = rng.randint(*n_range)
            positive = rng.randint(0, n)
            made.counts[(indicator, period)] = (positive, n)
            scores.append(IndicatorScore(indicator, Estimate(positive, n), 0, 0, ()))
        source = Source(
            file=f"export-{index}-{period}.xlsx",
            sha256=f"{index:064x}",
            format="xlsx",
            layout="plain",
            b2c_version="bench",
        )
        results = build_results(
            period, max(n for (_, p), (_, n) in made.counts.items() if p == period), {}, source, scores, []
        )
        path = results_path(folder, period)
        path.parent.mkdir(exist_ok=True)
        path.write_text(to_yaml(results, "da"), "utf-8")
    return made


def make_tree(root: Path, count: int, seed: int = 1, broken_every: int = 50) -> list[Made]:
    """`count` partnerships under root/org-K/ (ten organisations), every `broken_every`th one broken, and a
    .git and a node_modules folder with partnership-looking files in them that must be skipped."""
    rng = random.Random(seed)
    made = []
    for index in range(count):
        folder = root / f"org-{index % 10}" / f"partnership-{index:04d}"
        made.append(
            make_partnership(folder, index, rng, broken=broken_every > 0 and index % broken_every == 7)
        )
    for skipped in (root / ".git" / "x", root / "org-0" / "node_modules" / "pkg"):
        skipped.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLE / "b2c.yaml", skipped / "b2c.yaml")
    return made
