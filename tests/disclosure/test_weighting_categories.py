"""Attack on the comparison with the population: it prints each background category's respondents, and a
segment by the same question hides a small group - so a small category's size (1 to threshold-1) must
not be printed, nor be pinned by the total less the shown sizes. Tried with only what b2c writes: the
results file and the report."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
AGE_Q, SEX_Q = "Hvor gammel er du?", "Hvad er dit køn?"
THRESHOLD = 5  # the example's disclosure threshold


def _statements() -> list[str]:
    part3 = yaml.safe_load((EXAMPLE / "part3-evaluation.yaml").read_text("utf-8"))
    return [item["text"] for i in part3["indicators"] if i["kind"] == "survey" for item in i["items"]]


def _export(path: Path, ages: list[str], sexes: list[str]) -> None:
    rng = random.Random(5)
    statements = _statements()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([AGE_Q, SEX_Q, *statements])
        for age, sex in zip(ages, sexes, strict=True):
            writer.writerow(
                [age, sex, *(rng.choice(["Helt enig", "Delvis uenig", "Ved ikke"]) for _ in statements)]
            )


def test_a_small_background_category_is_held_back_with_the_next_smallest(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports"))
    # 65+ has two respondents, and one respondent left the sex question blank
    ages = ["Under 25 år"] * 20 + ["25-39 år"] * 9 + ["40-64 år"] * 29 + ["65 år eller derover"] * 2
    sexes = ["Kvinde"] * 31 + ["Mand"] * 28 + [""]
    export = tmp_path / "export.csv"
    _export(export, ages, sexes)
    scored = run("score", export, "--dir", folder, "--period", "baseline", "--json")
    assert scored.exit_code == 0, scored.stdout + scored.stderr
    weighting = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))["weighting"]
    assert weighting["threshold"] == THRESHOLD
    age, sex = weighting["variables"]
    by_category = {c["category"]: c for c in age["categories"]}
    # 65+ (2) is held back, and so is the smallest named one (25-39, 9): together they hold 11, so
    # neither size can be worked out from the total less the shown ones
    for held in ("65 år eller derover", "25-39 år"):
        assert by_category[held]["sample"] is None
        assert by_category[held]["sample_percent"] is None and by_category[held]["weighted_percent"] is None
    shown = [c["sample"] for c in age["categories"] if c["sample"] is not None]
    assert sorted(shown) == [0, 20, 29]  # the empty no-answer category says nothing about anyone
    assert len(ages) - sum(shown) >= THRESHOLD
    # the one blank answer to the sex question: its size and `missing` are held back, with Mand's
    sex_categories = {c["category"]: c["sample"] for c in sex["categories"]}
    assert sex_categories == {"Kvinde": 31, "Mand": None, "": None}
    assert sex["missing"] is None
    # the report says "skjult" where the sizes would be - never "fewer than 5" of 25-39's nine - prints
    # none of the held-back sizes, and says why
    assert run("report", folder, "--format", "md").exit_code == 0
    report = (folder / "reports" / "esg-report.md").read_text("utf-8")
    table = report[report.index("| Spørgsmål | Kategori") :]
    rows = [line for line in table.split("\n\n")[0].splitlines() if line.startswith("|")]
    assert [row.split(" | ")[3] for row in rows[2:]] == [
        "20",
        "skjult",
        "29",
        "skjult",
        "31",
        "skjult",
        "skjult",
    ]
    assert "færre end 5 besvarelser vises uden størrelse og andel" in report
    english = run("report", folder, "--format", "md", "--lang", "en")
    assert english.exit_code == 0
    assert "| hidden |" in (folder / "reports" / "esg-report.md").read_text("utf-8")


def test_categories_at_the_threshold_are_printed_as_before(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("results", "reports"))
    ages = ["Under 25 år"] * 5 + ["25-39 år"] * 5 + ["40-64 år"] * 5 + ["65 år eller derover"] * 5
    export = tmp_path / "export.csv"
    _export(export, ages, ["Kvinde", "Mand"] * 10)
    assert run("score", export, "--dir", folder, "--period", "baseline", "--json").exit_code == 0
    weighting = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))["weighting"]
    assert "threshold" not in weighting
    assert [c["sample"] for c in weighting["variables"][0]["categories"]] == [5, 5, 5, 5, 0]
