"""`b2c score` with a population in Part 3, on generated exports, against an independent computation
(pandas + ipfn for the weights, the respondent-mean rule written out again, statsmodels' Wilson): every
weighted figure within 0.05 percentage points. Also: weighting switched off, an export without the
weighting question's column, the change between weighted periods on the effective n of each, and the
report's representativeness table."""

from __future__ import annotations

import csv
import json
import math
import random
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml
from ipfn import ipfn
from statsmodels.stats.proportion import proportion_confint

from b2c_cli.survey.weighting import wilson_effective
from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
AGE_Q, SEX_Q = "Hvor gammel er du?", "Hvad er dit køn?"
AGES = ["Under 25 år", "25-39 år", "40-64 år", "65 år eller derover"]
SEXES = ["Kvinde", "Mand"]
SCALE = {"Helt enig": 5, "Delvis enig": 4, "Hverken enig eller uenig": 3, "Delvis uenig": 2, "Helt uenig": 1}


def _part3() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLE / "part3-evaluation.yaml").read_text("utf-8"))
    return data


def _items() -> list[tuple[str, str, bool]]:
    return [
        (i["id"], item["text"], bool(item.get("reverse", False)))
        for i in _part3()["indicators"]
        if i["kind"] == "survey"
        for item in i["items"]
    ]


def _partnership(tmp_path: Path) -> Path:
    """The example with weighting switched on (it ships with `weight: false`, so that its committed figures
    stay the unweighted ones the guide's table and the other tests are checked against)."""
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports"))
    part3 = folder / "part3-evaluation.yaml"
    text = part3.read_text("utf-8")
    assert text.count("    weight: false\n") == 1
    part3.write_text(text.replace("    weight: false\n", ""), "utf-8")
    return folder


def _export(path: Path, seed: int, n: int, *, with_sex: bool = True) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        row = {AGE_Q: rng.choices(AGES, [5, 2, 2, 1])[0]}
        if with_sex:
            row[SEX_Q] = rng.choices([*SEXES, ""], [6, 3, 1])[0]
        for _, text, _ in _items():
            row[text] = rng.choices([*SCALE, "Ved ikke", ""], [3, 3, 2, 2, 1, 1, 1])[0]
        rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def _score(run: Any, export: Path, folder: Path, period: str) -> dict[str, Any]:
    result = run("score", export, "--dir", folder, "--period", period, "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return dict(yaml.safe_load((folder / "results" / f"{period}.yaml").read_text("utf-8")))


def _independent_weights(rows: list[dict[str, str]]) -> np.ndarray:
    """Raking by ipfn, the missing køn answers a category of their own at their sample share."""
    population = _part3()["survey"]["population"]["margins"]
    frame = pd.DataFrame(
        {"a": [r[AGE_Q] for r in rows], "s": [r.get(SEX_Q) or "MISSING" for r in rows], "total": 1.0}
    )
    n = len(rows)
    table = frame.groupby(["a", "s"], as_index=False)["total"].sum()
    missing = int((frame["s"] == "MISSING").sum())
    age_total = sum(population["alder"].values())
    ages = pd.Series({k: v / age_total * n for k, v in population["alder"].items()})
    ages.index.name = "a"
    sex_total = sum(population["køn"].values())
    sexes = pd.Series(
        {**{k: v / sex_total * (n - missing) for k, v in population["køn"].items()}, "MISSING": missing}
    )
    sexes.index.name = "s"
    fitted = ipfn.ipfn(table, [ages, sexes], [["a"], ["s"]], convergence_rate=1e-13, max_iteration=10_000)
    cells = {(r.a, r.s): r.total for r in fitted.iteration().itertuples()}
    sizes = frame.groupby(["a", "s"]).size().to_dict()
    return np.array([cells[(a, s)] / sizes[(a, s)] for a, s in zip(frame["a"], frame["s"], strict=True)])


def _independent_share(
    rows: list[dict[str, str]], weights: np.ndarray, indicator: str
) -> tuple[float, float]:
    """The weighted share by the respondent-mean rule, and Kish's effective n over the valid respondents."""
    items = [(text, reverse) for ind, text, reverse in _items() if ind == indicator]
    flags = []
    for row in rows:
        steps = [6 - SCALE[row[t]] if rev else SCALE[row[t]] for t, rev in items if row[t] in SCALE]
        flags.append(None if not steps else sum(steps) / len(steps) >= 4)
    valid = np.array([f is not None for f in flags])
    y = np.array([bool(f) for f in flags], dtype=float)
    w = weights[valid]
    return float((w * y[valid]).sum() / w.sum()), float(w.sum() ** 2 / (w**2).sum())


@pytest.mark.parametrize("seed", [21, 22])
def test_weighted_figures_match_an_independent_computation(run: Any, tmp_path: Path, seed: int) -> None:
    folder = _partnership(tmp_path)
    export = tmp_path / "export.csv"
    rows = _export(export, seed, 240)
    results = _score(run, export, folder, "baseline")
    weights = _independent_weights(rows)
    assert results["weighting"]["method"] == "raking" and results["weighting"]["met"]
    n_all = len(rows)
    assert math.isclose(
        results["weighting"]["design_effect"], n_all * (weights**2).sum() / weights.sum() ** 2, abs_tol=0.0005
    )
    for indicator in results["indicators"]:
        share, n_eff = _independent_share(rows, weights, indicator["id"])
        weighted = indicator["weighted"]
        assert abs(weighted["share"] * 100 - share * 100) < 0.05
        assert abs(weighted["percent"] - share * 100) <= 0.05 + 1e-9
        assert abs(weighted["effective_n"] - n_eff) < 0.01
        low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
        assert abs(weighted["ci95"][0] - low * 100) <= 0.05 + 1e-9
        assert abs(weighted["ci95"][1] - high * 100) <= 0.05 + 1e-9
        # The unweighted n and positives stay beside the weighted figures.
        assert indicator["n"] == indicator["n"] and indicator["positive"] <= indicator["n"]
    sex = next(v for v in results["weighting"]["variables"] if v["question"] == "køn")
    assert sex["missing"] == sum(1 for r in rows if not r[SEX_Q])


def test_the_change_between_weighted_periods_uses_each_periods_effective_n(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    _export(first, 31, 150)
    _export(second, 32, 180)
    a = _score(run, first, folder, "baseline")
    b = _score(run, second, folder, "2026")
    result = run("report", folder, "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = (folder / "reports" / "esg-report.md").read_text("utf-8")
    ia = next(i for i in a["indicators"] if i["id"] == "trust")["weighted"]
    ib = next(i for i in b["indicators"] if i["id"] == "trust")["weighted"]
    l1, u1 = wilson_effective(ia["share"], ia["effective_n"])
    l2, u2 = wilson_effective(ib["share"], ib["effective_n"])
    d = ib["share"] - ia["share"]
    low = d - math.hypot(ib["share"] - l2, u1 - ia["share"])
    high = d + math.hypot(u2 - ib["share"], ia["share"] - l1)

    def signed(x: float) -> str:
        return f"{x * 100:+.1f}".replace(".", ",").replace("-", "−")

    words = f"{signed(d)} procentpoint (95 %-KI {signed(low)} til {signed(high)})"
    assert words in text
    assert "Vægtning og repræsentativitet" in text and "χ² =" in text


def test_weighting_switched_off_reports_unweighted_figures_and_representativeness(
    run: Any, tmp_path: Path
) -> None:
    folder = _partnership(tmp_path)
    part3 = folder / "part3-evaluation.yaml"
    part3.write_text(
        part3.read_text("utf-8").replace("  population:\n", "  population:\n    weight: false\n"), "utf-8"
    )
    export = tmp_path / "export.csv"
    _export(export, 41, 120)
    results = _score(run, export, folder, "baseline")
    assert results["weighting"]["applied"] is False
    assert all("weighted" not in i for i in results["indicators"])
    assert results["weighting"]["variables"][0]["df"] == 3


def test_an_export_without_the_weighting_column_stays_unweighted_with_a_warning(
    run: Any, tmp_path: Path
) -> None:
    folder = _partnership(tmp_path)
    export = tmp_path / "export.csv"
    _export(export, 51, 90, with_sex=False)
    result = run("score", export, "--dir", folder, "--period", "baseline", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["weighting_missing"] == ["køn"]
    assert "køn" in result.stderr
    results = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))
    assert "weighting" not in results and all("weighted" not in i for i in results["indicators"])
    assert run("report", folder, "--format", "md").exit_code == 0
    text = (folder / "reports" / "esg-report.md").read_text("utf-8")
    assert "ikke vægtet, fordi eksporten ikke har spørgsmålet om køn" in text


def test_a_weighted_and_an_unweighted_period_are_not_compared(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    _export(first, 61, 100, with_sex=False)  # unweighted: no køn column
    _export(second, 62, 100)
    _score(run, first, folder, "baseline")
    _score(run, second, folder, "2026")
    assert run("report", folder, "--format", "md").exit_code == 0
    text = (folder / "reports" / "esg-report.md").read_text("utf-8")
    assert "den ene måling er vægtet til befolkningen og den anden ikke" in text


def test_the_method_section_says_which_periods_are_weighted(run: Any, tmp_path: Path) -> None:
    """A weighted report's method section once called every figure unweighted (a hard-coded False)."""
    folder = _partnership(tmp_path)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    _export(first, 71, 100)
    _export(second, 72, 100)
    _score(run, first, folder, "baseline")
    assert run("report", folder, "--format", "md").exit_code == 0
    text = (folder / "reports" / "esg-report.md").read_text("utf-8")
    assert "Tallene er vægtede efter områdets befolkning" in text
    assert "Tallene er uvægtede" not in text
    _export(second, 72, 100, with_sex=False)  # this period cannot be weighted
    _score(run, second, folder, "2026")
    assert run("report", folder, "--format", "md", "--lang", "en").exit_code == 0
    text = (folder / "reports" / "esg-report.md").read_text("utf-8")
    assert "The figures of Baseline (2025) are weighted" in text
    assert "those of Year 1 (2026) are unweighted" in text


def test_segment_figures_are_weighted_with_the_periods_weights(run: Any, tmp_path: Path) -> None:
    """A weighted period's breakdown by age: each shown group's weighted share and effective n match the
    independent computation on that group's rows (ipfn weights); hidden cells stay hidden."""
    folder = _partnership(tmp_path)
    export = tmp_path / "export.csv"
    rows = _export(export, 81, 300)
    result = run("score", export, "--dir", folder, "--period", "baseline", "--segment", "alder", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    weights = _independent_weights(rows)
    checked = 0
    for group in data["segments"]["groups"]:
        members = [k for k, r in enumerate(rows) if r[AGE_Q] == group["group"]]
        for cell in group["indicators"]:
            if cell["suppressed"]:
                assert cell.get("weighted") is None
                continue
            share, n_eff = _independent_share([rows[k] for k in members], weights[members], cell["indicator"])
            weighted = cell["weighted"]
            assert abs(weighted["share"] - share) < 5e-6
            assert abs(weighted["effective_n"] - n_eff) < 0.01
            low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
            assert abs(weighted["ci95"][0] - low * 100) <= 0.05 + 1e-9
            assert abs(weighted["ci95"][1] - high * 100) <= 0.05 + 1e-9
            checked += 1
    assert checked >= 12
    # The terminal table shows the weighted share (one decimal) of a group, not the unweighted one.
    table = run("score", export, "--dir", folder, "--period", "baseline", "--segment", "alder", "--dry-run")

    def whole(share: Decimal) -> int:  # the terminal's whole percent, half up from the share itself
        return int((share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def weighted_whole(cell: dict[str, Any]) -> int:
        return whole(Decimal(repr(cell["weighted"]["share"])))

    def unweighted_whole(cell: dict[str, Any]) -> int:
        return whole(Decimal(cell["positive"]) / Decimal(cell["n"]))

    differing = [
        c
        for g in data["segments"]["groups"]
        for c in g["indicators"]
        if c.get("weighted") and weighted_whole(c) != unweighted_whole(c)
    ]
    assert differing
    for cell in differing:
        assert f"{weighted_whole(cell)} % (n = {cell['n']})" in table.stdout
        assert f"{unweighted_whole(cell)} % (n = {cell['n']})" not in table.stdout
    results = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))
    assert any(c.get("weighted") for g in results["segments"]["groups"] for c in g["indicators"])
