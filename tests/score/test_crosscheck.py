"""An independent check of `b2c score`: random answer tables (seeded), each written in a random tool's
layout, format, encoding and label set, scored through the CLI, and every figure recomputed here from
DESIGN.md §3 in the plainest way (and the Wilson interval by statsmodels)."""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from statsmodels.stats.proportion import proportion_confint

from ingest.factories import LABELS, LABELS_EN, make_export

from .kit import (
    INDICATORS,
    REVERSED,
    STATEMENTS,
    copy_partnership,
    score_json,
    set_columns,
    set_scale,
    set_survey,
)

TABLES = 30
DK = "dk"  # don't know, in the tables below; None is a blank; 1..5 are steps (5 = most agreeing)

LABEL_SETS = {
    "danish": dict(zip((5, 4, 3, 2, 1, DK), LABELS, strict=True)),
    "english": dict(zip((5, 4, 3, 2, 1, DK), LABELS_EN, strict=True)),
    "danish-other": dict(
        zip(
            (5, 4, 3, 2, 1, DK),
            ("Meget enig", "Enig", "Hverken enig eller uenig", "Uenig", "Meget uenig", "Ikke relevant"),
            strict=True,
        )
    ),
}
CSV_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252")
FORMATS = {
    "surveyxact-xlsx": ("xlsx", "csv"),
    "surveyxact-csv": ("csv",),
    "ms-forms": ("xlsx",),
    "google-forms": ("csv", "xlsx"),
    "qualtrics": ("csv", "xlsx"),
    "surveymonkey": ("xlsx", "csv"),
    "limesurvey": ("csv", "xlsx"),
    "plain": ("xlsx", "csv"),
}


def half_up(value: Decimal | float) -> float:
    return float(
        Decimal(repr(value) if isinstance(value, float) else value).quantize(Decimal("0.1"), ROUND_HALF_UP)
    )


def matches_rounded(shown: float, exact: float) -> bool:
    """`shown` is `exact` rounded half up to one decimal; at a tie (within floating-point noise of x.x5)
    either neighbour is accepted, since two correct float computations may land on either side."""
    if shown == half_up(exact):
        return True
    tenths = exact * 10
    return abs(tenths - math.floor(tenths) - 0.5) < 1e-9 and abs(shown - exact) <= 0.05 + 1e-9


def expected_figures(positive: int, n: int) -> dict[str, Any]:
    if n == 0:
        return {"percent": None, "positive": 0, "n": 0, "ci95": None}
    low, high = proportion_confint(positive, n, alpha=0.05, method="wilson")
    return {
        "percent": half_up(Decimal(100 * positive) / Decimal(n)),
        "positive": positive,
        "n": n,
        "ci95": (float(low) * 100, float(high) * 100),
    }


def assert_figures(found: dict[str, Any], expected: dict[str, Any], what: str) -> None:
    assert (found["percent"], found["positive"], found["n"]) == (
        expected["percent"],
        expected["positive"],
        expected["n"],
    ), what
    if expected["ci95"] is None:
        assert found["ci95"] is None, what
    else:
        low, high = found["ci95"]
        assert matches_rounded(low, max(expected["ci95"][0], 0.0)), (what, found["ci95"], expected["ci95"])
        assert matches_rounded(high, min(expected["ci95"][1], 100.0)), (what, found["ci95"], expected["ci95"])


def recompute(table: list[list[Any]]) -> dict[str, dict[str, Any]]:
    """DESIGN.md §3, straight from the words: per indicator, each respondent with at least one valid answer
    gets the mean of them (reverse-worded ones as 6 - step) and is positive when it is >= 4; per item, the
    share of valid answers in the two most positive steps. Don't know and blank stay out of n."""
    out: dict[str, dict[str, Any]] = {}
    for indicator_id, columns in INDICATORS.items():
        n = positive = dont_know = blank = 0
        for row in table:
            valid = [6 - row[c] if c in REVERSED else row[c] for c in columns if isinstance(row[c], int)]
            if valid:
                n += 1
                positive += Fraction(sum(valid), len(valid)) >= 4
            elif any(row[c] == DK for c in columns):
                dont_know += 1
            else:
                blank += 1
        items = []
        for c in columns:
            answers = [row[c] for row in table]
            valid_answers = [a for a in answers if isinstance(a, int)]
            top = [a for a in valid_answers if (6 - a if c in REVERSED else a) >= 4]
            items.append(
                {
                    **expected_figures(len(top), len(valid_answers)),
                    "dont_know": answers.count(DK),
                    "blank": answers.count(None),
                    "steps": {str(step): valid_answers.count(step) for step in range(1, 6)},
                }
            )
        out[indicator_id] = {
            **expected_figures(positive, n),
            "dont_know": dont_know,
            "blank": blank,
            "items": items,
        }
    return out


def random_table(rng: random.Random) -> list[list[Any]]:
    """1 to 150 respondents (now and then a tiny table); each its own mix of agreement, don't know, blanks."""
    size = rng.choice((1, 2, 5)) if rng.random() < 0.15 else rng.randint(3, 150)
    weights = [rng.random() for _ in range(5)] + [rng.random() * 0.4, rng.random() * 0.4]
    values: list[Any] = [1, 2, 3, 4, 5, DK, None]
    return [rng.choices(values, weights, k=len(STATEMENTS)) for _ in range(size)]


def write(rng: random.Random, tmp_path: Path, folder: Path, table: list[list[Any]]) -> tuple[Path, str]:
    """The table as some tool's export; the workbook gets the columns and codes such an export needs."""
    layout = rng.choice(sorted(FORMATS))
    fmt = rng.choice(FORMATS[layout])
    labels = LABEL_SETS[rng.choice(sorted(LABEL_SETS))]
    rows = [[None if value is None else labels[value] for value in row] for row in table]
    options: dict[str, Any] = {"fmt": fmt}
    if fmt == "csv":
        options["encoding"] = rng.choice(CSV_ENCODINGS)
        options["delimiter"] = rng.choice((";", ",", "\t"))
    if layout.startswith("surveyxact"):
        steps = [5, 4, 3, 2, 1] if rng.random() < 0.5 else [1, 2, 3, 4, 5]  # codes either way
        codes = {labels[step]: code for code, step in enumerate(steps, start=1)} | {
            labels[DK]: rng.choice((6, 9))
        }
        options["codes"] = codes
        if fmt == "csv":  # dataset.csv alone: variable names and codes, explained in the workbook
            set_columns(folder, [f"s_{k}" for k in range(1, 7)])
            set_survey(folder, codes={code: label for label, code in codes.items()})
    if layout == "limesurvey":
        options["headings"] = rng.choice(("code", "full", "codetext"))
        if options["headings"] == "code":
            set_columns(folder, [f"Q1[SQ{k:03d}]" for k in range(1, 7)])
    if layout in ("ms-forms", "google-forms"):
        options["danish"] = rng.random() < 0.5
    export = make_export(tmp_path, layout, STATEMENTS, rows, **options)
    return export, f"{layout}/{fmt}/{options.get('encoding', '')}/{options.get('delimiter', '')!r}"


@pytest.mark.parametrize("seed", range(TABLES))
def test_random_tables_match_an_independent_computation(run: Any, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    table = random_table(rng)
    folder = copy_partnership(tmp_path)
    if any(all(row[c] != 3 for row in table) for c in range(len(STATEMENTS))):
        # No neutral answer in a column: on the default scale that may be the four-step scale, so b2c asks
        # which it is; the questionnaire had five steps.
        set_scale(folder, "agree-5")
    export, how = write(rng, tmp_path, folder, table)
    data = score_json(run, export, folder)
    assert data["respondents"] == len(table), how
    expected = recompute(table)
    # The formulas are checked on the results file, which keeps every count of a figure it shows; one the
    # disclosure rules hold back (an indicator under the threshold or all alike at it, a statement answered
    # by fewer) it keeps with no count at all - told here from the independent computation.
    stored = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))
    for shown, kept in zip(data["indicators"], stored["indicators"], strict=True):
        wanted = expected[kept["id"]]
        hidden = _held(wanted)
        assert shown["suppressed"] is hidden is kept.get("suppressed", False), how
        assert (shown["positive"] is None) is hidden, how
        for shown_item, kept_item, wanted_item in zip(
            shown["items"], kept["items"], wanted["items"], strict=True
        ):
            held = hidden or wanted_item["n"] < 5
            assert kept_item.get("suppressed", False) is held, how
            assert (shown_item["steps"] == {}) is held, how
    for indicator_id, wanted in expected.items():
        found = next(i for i in stored["indicators"] if i["id"] == indicator_id)
        if found.get("suppressed"):
            assert not {"percent", "positive", "n", "ci95", "dont_know", "blank"} & set(found), how
            continue
        for item in found["items"]:
            if not item.get("suppressed"):
                item["steps"] = {str(step): count for step, count in item["steps"].items()}
        assert_figures(found, wanted, f"{how} {indicator_id}")
        assert (found["dont_know"], found["blank"]) == (wanted["dont_know"], wanted["blank"]), how
        for k, (item, wanted_item) in enumerate(zip(found["items"], wanted["items"], strict=True)):
            if item.get("suppressed"):
                assert not {"percent", "positive", "n", "ci95", "dont_know", "blank", "steps"} & set(item), (
                    how
                )
                continue
            assert_figures(item, wanted_item, f"{how} {indicator_id} item {k}")
            assert (item["dont_know"], item["blank"], item["steps"]) == (
                wanted_item["dont_know"],
                wanted_item["blank"],
                wanted_item["steps"],
            ), how
    # A held-back indicator's warning says so, and gives no n; the others warn of a small sample as before.
    held = [i for i, w in expected.items() if _held(w)]
    small = [w["indicator"] for w in data["warnings"] if w["code"] == "small-sample"]
    assert small == [i for i, w in expected.items() if 0 < w["n"] < 50 and i not in held], how
    assert [w["indicator"] for w in data["warnings"] if w["code"] == "held-back"] == held, how
    assert all(w["n"] is None for w in data["warnings"] if w["code"] == "held-back"), how
    assert not [w for w in data["warnings"] if w["code"] == "no-answers"], how


def _held(wanted: dict[str, Any]) -> bool:
    """The disclosure rules from their words: under 5 answers, 0/5 or 5/5, or several statements one of
    which has 1 to 4 answers (its respondents' means are in the indicator's figure)."""
    items = wanted["items"]
    mixed = len(items) > 1 and any(0 < item["n"] < 5 for item in items)
    return bool(wanted["n"] < 5 or (wanted["n"] == 5 and wanted["positive"] in (0, 5)) or mixed)
