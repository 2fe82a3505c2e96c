"""The JSON of `b2c portfolio --json` and portfolio.json: its keys pinned at every level, the same on stdout
as in the file, messages on stderr only, and nothing about respondents in it (or in any other output)."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from benchmarks.tree import make_partnership
from portfolio.kit import OUTPUTS, break_part3, copy_example_partnership, partnership, portfolio

TOP = {"threshold", "year", "partnerships", "valid", "broken", "rollup"}
PARTNERSHIP = {
    "path",
    "name",
    "housing",
    "company",
    "area",
    "size",
    "valid",
    "errors",
    "warnings",
    "problems",
    "latest_period",
    "next_step",
    "steps_done",
    "steps_total",
    "indicators",
}
PROBLEM = {"location", "code", "message"}
VALUE = {
    "display",
    "period",
    "year",
    "suppressed",
    "not_measured",  # the partnership's latest measurement did not measure the indicator: no figures
    "percent",
    "count",
    "n",
    "target",
    "met",
    "status",
}
ROLLUP = {
    "indicator",
    "name",
    "esrs",
    "year",
    "partnerships",
    "with_target",
    "met_target",
    "positive",
    "n",
    "percent",
    "ci95",
    "suppressed",
    "total",
    "pooling",  # "single" (one partnership's own value) or "random-effects-dl-logit"
    "shown",  # partnerships whose value is shown: the only ones any roll-up figure rests on
    "median",
    "min",
    "max",
    "tau2",  # between-partnership variance on the logit scale (two or more shown)
    "i2",  # I² in percent
    "wordings",  # how many wordings of the statements the pooled partnerships use (1: they agree)
    "not_measured",  # partnerships whose survey that year did not measure the indicator
    "too_few",  # partnerships measuring it whose value is hidden (too few answers, or held back in its file)
}
# What must never reach the portfolio: the raw export's respondent, the example's contact people, the
# segment labels of its results (small groups), and what its results file says about the export.
SECRETS = (
    "respondent.hemmelig@example.org",
    "Min nabo larmer",
    "sara.holm@example.dk",
    "jonas.brandt@example.dk",
    "+45 40 00 00 0",
    "Sara Holm",
    "Under 25 år",
    "65 år eller derover",
    "hedemarken-2026-google-forms.csv",
    "0b29689a94068ee577c27ddd2ba697897df31cdddc02609bf9a26f74a6fc73b9",
)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    root = tmp_path_factory.mktemp("root")
    copy_example_partnership(root / "bo-vest" / "hedemarken")
    make_partnership(root / "bo-vest" / "small", 2, random.Random(2), n_range=(2, 4))
    partnership(root / "kab", "a", 3, {"baseline": {"belonging": (40, 60)}, "2026": {"belonging": (45, 60)}})
    broken = make_partnership(root / "kab" / "broken", 4, random.Random(4))
    break_part3(broken.folder)
    result = portfolio(root, "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return root, result


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from _keys(value)


def test_the_keys_at_every_level(ran: tuple[Path, Result]) -> None:
    _, result = ran
    data = json.loads(result.stdout)
    assert set(data) == TOP
    assert len(data["partnerships"]) == 4 and data["rollup"]
    for p in data["partnerships"]:
        assert set(p) == PARTNERSHIP
        for problem in p["problems"]:
            assert set(problem) == PROBLEM
        for value in p["indicators"].values():
            assert set(value) == VALUE
    for row in data["rollup"]:
        assert set(row) == ROLLUP
    # Some of each kind is there to be checked: a problem, a hidden value, a count, a percentage.
    values = [v for p in data["partnerships"] for v in p["indicators"].values()]
    assert any(p["problems"] for p in data["partnerships"])
    assert any(v["suppressed"] for v in values) and any(v["count"] is not None for v in values)
    assert any(v["percent"] is not None for v in values)


def test_the_types_of_the_values(ran: tuple[Path, Result]) -> None:
    _, result = ran
    data = json.loads(result.stdout)
    assert (data["threshold"], data["year"], data["valid"], data["broken"]) == (5, None, 3, 1)
    example = next(p for p in data["partnerships"] if p["path"] == "bo-vest/hedemarken")
    assert {
        k: example[k] for k in ("name", "housing", "company", "area", "size", "valid", "latest_period")
    } == {
        "name": "Bo-Vest × Nortec i Hedemarken",
        "housing": "Bo-Vest",
        "company": "Nortec",
        "area": "Hedemarken",
        "size": "large",
        "valid": True,
        "latest_period": "2026",
    }
    assert isinstance(example["steps_done"], int) and isinstance(example["steps_total"], int)
    assert example["next_step"] is None or not example["next_step"].startswith("step-")
    # The example's 2026 results: belonging 43 of 100.
    assert example["indicators"]["belonging"] == {
        "display": "43 %",
        "period": "2026",
        "year": 2026,
        "suppressed": False,
        "not_measured": False,
        "percent": 43.0,
        "count": None,
        "n": 100,
        "target": 85.0,
        "met": False,
        "status": "not-yet-due",  # 43 % misses 85 %, but the target is for 2027
    }
    for row in data["rollup"]:
        assert isinstance(row["year"], int) and row["esrs"] in ("S3", "S4")
        if row["ci95"] is not None:
            low, high = row["ci95"]
            assert low <= row["percent"] <= high


def test_stdout_is_the_file_and_stderr_the_summary(ran: tuple[Path, Result]) -> None:
    root, result = ran
    assert result.stdout == (root / "portfolio" / "portfolio.json").read_text("utf-8")
    assert json.loads(result.stdout)  # nothing but the JSON on stdout: no 'skrevet' lines
    lines = result.stderr.splitlines()
    assert lines[0] == "4 partnerskaber: 3 gyldige, 1 med fejl."
    assert len(lines) == 2 and lines[1].startswith("  kab/broken: part3-evaluation.yaml:74:5: ")
    # --json writes the other formats too, as without it.
    assert sorted(path.name for path in (root / "portfolio").iterdir()) == sorted(OUTPUTS)


def test_json_with_a_format_subset_and_dry_run(ran: tuple[Path, Result], tmp_path: Path) -> None:
    root, result = ran
    dry = portfolio(root, "--json", "--dry-run", "-o", tmp_path / "out")
    assert dry.exit_code == 0 and dry.stdout == result.stdout
    assert not (tmp_path / "out").exists()
    only_md = portfolio(root, "--json", "--format", "md", "-o", tmp_path / "md")
    assert only_md.stdout == result.stdout  # the data on stdout, whatever is written
    assert [path.name for path in (tmp_path / "md").iterdir()] == ["portfolio.md"]


def test_no_respondent_data_anywhere(ran: tuple[Path, Result]) -> None:
    root, result = ran
    keys = set(_keys(json.loads(result.stdout)))
    assert keys <= TOP | PARTNERSHIP | PROBLEM | VALUE | ROLLUP | {
        "belonging",
        "trust",
        "co-creation",
        "tryghed",
        "unge-i-praktik",
    }
    assert not keys & {"items", "steps", "segments", "respondents", "dont_know", "blank", "contact", "email"}
    texts = {name: (root / "portfolio" / name).read_bytes() for name in OUTPUTS}
    texts["stdout"], texts["stderr"] = result.stdout.encode(), result.stderr.encode()
    with zipfile.ZipFile(io.BytesIO(texts.pop("portfolio.xlsx"))) as book:
        texts["xlsx"] = b"".join(book.read(name) for name in book.namelist())
    for name, data in texts.items():
        for secret in SECRETS:
            assert secret.encode() not in data, (name, secret)
