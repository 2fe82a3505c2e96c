"""Shared by the portfolio tests: partnerships made from the example with results of our choosing, the
command run outside the function-scoped fixtures (so a module can build its tree once), an independent
recomputation of the roll-up from what was written, and readers for the Markdown, HTML and XLSX."""

from __future__ import annotations

import io
import math
import random
import shutil
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
from openpyxl import load_workbook
from statsmodels.stats.meta_analysis import combine_effects
from statsmodels.stats.proportion import proportion_confint
from typer.testing import CliRunner, Result

from b2c_cli.cli.app import app
from b2c_cli.models.results import Source
from b2c_cli.survey.results import build_results, results_path, to_yaml
from b2c_cli.survey.scoring import Estimate, IndicatorScore
from benchmarks.tree import EXAMPLE, PERIODS, SURVEY_INDICATORS, Made, make_partnership
from helpers import TODAY

# What the autouse fixture of tests/conftest.py pins, for runs from fixtures wider than one test.
ENV: dict[str, str | None] = {"B2C_TODAY": TODAY, "B2C_LANG": None, "COLUMNS": "200"}
PART3 = "part3-evaluation.yaml"
YEARS = dict(PERIODS)  # period -> year: baseline 2025, "2026" 2026
# The example's targets (all "at least"): percent for the survey indicators, a count for unge-i-praktik.
TARGETS = {"belonging": 85, "trust": 80, "co-creation": 75, "tryghed": 70, "unge-i-praktik": 8}
YOUNG = "unge-i-praktik"
# The example's manual values for unge-i-praktik, copied into every generated partnership.
YOUNG_VALUES = {"baseline": 0, "2026": 4}
OUTPUTS = (
    "portfolio.md",
    "portfolio.html",
    "portfolio.xlsx",
    "portfolio.json",
    "portfolio.docx",
)  # as written


def portfolio(*args: object, env: Mapping[str, str | None] | None = None) -> Result:
    """`b2c portfolio ARGS` with the environment of the autouse fixture (and `env` on top)."""
    return CliRunner().invoke(app, ["portfolio", *(str(arg) for arg in args)], env={**ENV, **(env or {})})


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


# -- partnerships with results of our choosing -------------------------------------------------------------
Counts = Mapping[str, Mapping[str, tuple[int, int]]]  # period -> indicator -> (positive, n)


def write_counts(folder: Path, period: str, counts: Mapping[str, tuple[int, int]]) -> None:
    """results/PERIOD.yaml as `b2c score` writes it, with exactly these (positive, n) per indicator."""
    scores = [IndicatorScore(indicator, Estimate(p, n), 0, 0, ()) for indicator, (p, n) in counts.items()]
    source = Source(file="export.xlsx", sha256="0" * 64, format="xlsx", layout="plain", b2c_version="test")
    respondents = max(n for _, n in counts.values())
    results = build_results(period, respondents, {}, source, scores, [])
    path = results_path(folder, period)
    path.parent.mkdir(exist_ok=True)
    path.write_text(to_yaml(results, "da"), "utf-8")


def partnership(root: Path, relative: str, index: int, counts: Counts) -> Made:
    """A copy of the example at root/relative named 'Partnerskab NNNN', with exactly `counts` as its
    results (a period not in `counts` has no results file)."""
    folder = root / relative
    made = make_partnership(folder, index, random.Random(index))
    shutil.rmtree(folder / "results")
    made.counts = {}
    for period, figures in counts.items():
        write_counts(folder, period, figures)
        made.counts.update({(indicator, period): pn for indicator, pn in figures.items()})
    return made


def set_young(folder: Path, period: str, value: int) -> None:
    """The manual count of young people in internships for `period` (the example has 0 and 4)."""
    quoted = '"2026"' if period == "2026" else period
    replace_in(
        folder / PART3,
        f"period: {quoted}\n    value: {YOUNG_VALUES[period]}\n",
        f"period: {quoted}\n    value: {value}\n",
    )


def set_threshold(folder: Path, threshold: int) -> None:
    replace_in(folder / PART3, "disclosure_threshold: 5", f"disclosure_threshold: {threshold}")


def break_yaml(folder: Path) -> None:
    """A YAML syntax error in b2c.yaml (line 25 of the example: `size: large`)."""
    replace_in(folder / "b2c.yaml", "size: large", "size: [large")


def break_part3(folder: Path) -> None:
    """Part 3 reads as YAML but is invalid: an indicator kind that does not exist (line 62)."""
    replace_in(folder / PART3, "kind: count", "kind: tally")


# -- the figures, worked out again from what was written -----------------------------------------------------
def one_decimal(positive: int, n: int) -> float:
    """100 * positive / n to one decimal, half up, in exact arithmetic (not b2c's own function)."""
    exact = Fraction(100 * positive, n)
    tenths = Decimal(exact.numerator) / Decimal(exact.denominator)
    return float(tenths.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def met(indicator: str, positive: int, n: int) -> bool:
    return 100 * positive >= TARGETS[indicator] * n


@dataclass(frozen=True)
class Expected:
    partnerships: int
    with_target: int
    met: int
    positive: int
    n: int
    shown: tuple[tuple[int, int], ...] = ()  # the shown partnerships' counts, which alone are pooled


def hidden_counts(positive: int, n: int, threshold: int) -> bool:
    """The disclosure rules from their words: under the threshold, or at it with every answer alike."""
    return n < threshold or (n == threshold and positive in (0, n))


def reference_pooled(counts: Sequence[tuple[float, int]]) -> tuple[float, float, float, float, float]:
    """(percent, ci low, ci high, tau², I² in percent) of shares pooled over partnerships, by statsmodels:
    one share as it is (Wilson); two or more by DerSimonian-Laird random effects on the logit scale
    (0.5 added to both counts of a share at 0 % or 100 %), turned back into percent."""
    if len(counts) == 1:
        ((positive, n),) = counts
        low, high = proportion_confint(positive, n, alpha=0.05, method="wilson")  # type: ignore[arg-type]
        return 100 * positive / n, 100 * float(low), 100 * float(high), 0.0, 0.0
    effects, variances = [], []
    for positive, n in counts:
        x, y = (positive + 0.5, n - positive + 0.5) if positive in (0, n) else (positive, n - positive)
        effects.append(math.log(x / y))
        variances.append(1 / x + 1 / y)
    with warnings.catch_warnings():  # its Hartung-Knapp variant takes a square root of a negative number
        warnings.simplefilter("ignore", RuntimeWarning)
        found = combine_effects(np.array(effects), np.array(variances), method_re="dl")
    frame = found.summary_frame()
    # statsmodels leaves the moment estimate of tau² negative when Q < df; DerSimonian and Laird truncate
    # it at 0, which makes the random-effects estimate the fixed-effect one.
    row = frame.loc["random effect" if found.tau2 > 0 else "fixed effect"]

    def expit(v: float) -> float:
        return 100 / (1 + math.exp(-v))

    return (
        expit(float(row["eff"])),
        expit(float(row["ci_low"])),
        expit(float(row["ci_upp"])),
        max(0.0, float(found.tau2)),
        100 * max(0.0, float(found.i2)),
    )


def expected_rollup(made: Iterable[Made], threshold: int) -> dict[tuple[str, int], Expected]:
    """Per (survey indicator, year), from the `Made` records of the valid partnerships: how many measured
    it, how many with enough answers (n >= threshold) had a target and met it, and the pooled counts."""
    valid = [m for m in made if not m.broken]
    expected = {}
    for indicator in SURVEY_INDICATORS:
        for period, year in PERIODS:
            values = [m.counts[(indicator, period)] for m in valid if (indicator, period) in m.counts]
            if not values:
                continue
            enough = [(p, n) for p, n in values if not hidden_counts(p, n, threshold)]
            expected[(indicator, year)] = Expected(
                partnerships=len(values),
                with_target=len(enough),
                met=sum(met(indicator, p, n) for p, n in enough),
                positive=sum(p for p, _ in enough),
                n=sum(n for _, n in enough),
                shown=tuple(enough),
            )
    return expected


def rollup_by_key(data: Mapping[str, Any]) -> dict[tuple[str, int], dict[str, Any]]:
    return {(row["indicator"], row["year"]): row for row in data["rollup"]}


def positive_from(value: Mapping[str, Any]) -> int:
    """A shown cell's positive count, worked out as a reader would: from its one-decimal percent and n."""
    candidates = [p for p in range(value["n"] + 1) if one_decimal(p, value["n"]) == value["percent"]]
    assert len(candidates) == 1, value
    return candidates[0]


def possible_positives(n: int, hidden_positive: int, hidden_n: int) -> range:
    """The positive counts a hidden value with n answers can have, when the hidden values together (this
    one among them) have hidden_positive out of hidden_n: even knowing every hidden n, this range."""
    others = hidden_n - n
    return range(max(0, hidden_positive - others), min(n, hidden_positive) + 1)


# -- reading what was written ----------------------------------------------------------------------------
def md_rows(text: str, first_cell: str) -> list[list[str]]:
    """The Markdown table rows (split at ' | ') whose first cell is `first_cell`."""
    rows = []
    for line in text.splitlines():
        if line.startswith("| "):
            cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
            if cells[0] == first_cell:
                rows.append(cells)
    return rows


class _Tables(HTMLParser):
    """Every <tr> of an HTML page as the texts of its cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_rows(text: str) -> list[list[str]]:
    parser = _Tables()
    parser.feed(text)
    return parser.rows


def html_tags(text: str) -> set[str]:
    parser = _Tables()
    parser.feed(text)
    return set(parser.tags)


def xlsx_sheets(data: bytes) -> dict[str, list[list[Any]]]:
    """Each sheet of a workbook as rows of cell values."""
    book = load_workbook(io.BytesIO(data))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets
    }


def copy_example_partnership(dest: Path) -> Path:
    """The example as it is, with its real results (items, steps, segments) and a raw export in
    surveys/ holding respondent data that must never reach the portfolio."""
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("reports", "questionnaire"))
    (dest / "surveys" / "raw-export.csv").write_text(
        "Email,Fritekst,Q1\nrespondent.hemmelig@example.org,Min nabo larmer hver nat,Helt enig\n", "utf-8"
    )
    return dest


def cells_of(data: Mapping[str, Any], names: Sequence[str]) -> dict[str, dict[str, Any]]:
    """path -> the partnership's indicator values, for the partnerships with these names."""
    return {p["name"]: p["indicators"] for p in data["partnerships"] if p["name"] in names}


# -- the generated tree -------------------------------------------------------------------------------------
ORGS = ("nord/kab", "nord/bo-vest", "syd/himmerland")
YAML_BROKEN, PART3_BROKEN = 3, 7  # partnership-03: b2c.yaml does not parse; partnership-07: Part 3 invalid
SMALL = (5, 10)  # partnerships with 2-4 answers per indicator
TREE_SIZE = 12
# Folders holding a b2c.yaml that is not a partnership of the portfolio.
SKIPPED = (".git/objects/ab", "nord/node_modules/pkg", "syd/.venv/lib", "syd/__pycache__")
NESTED = "nord/kab/partnership-00/archive/old-partnership"


def tree_path(index: int) -> str:
    return f"{ORGS[index % len(ORGS)]}/partnership-{index:02d}"


def build_tree(root: Path, seed: int = 11) -> list[Made]:
    """Twelve partnerships in org folders two levels deep: two broken (one whose b2c.yaml is not YAML, one
    whose Part 3 is invalid), two with 2-4 answers per indicator, the rest 40-120; a b2c.yaml in .git,
    node_modules, .venv and __pycache__, and a whole partnership inside partnership-00's folder."""
    rng = random.Random(seed)
    made = []
    for index in range(TREE_SIZE):
        n_range = (2, 4) if index in SMALL else (40, 120)
        made.append(make_partnership(root / tree_path(index), index, rng, n_range=n_range))
    break_yaml(made[YAML_BROKEN].folder)
    break_part3(made[PART3_BROKEN].folder)
    made[YAML_BROKEN].broken = made[PART3_BROKEN].broken = True
    for skipped in SKIPPED:
        (root / skipped).mkdir(parents=True)
        shutil.copy(EXAMPLE / "b2c.yaml", root / skipped / "b2c.yaml")
    make_partnership(root / NESTED, 99, random.Random(99))
    return made
