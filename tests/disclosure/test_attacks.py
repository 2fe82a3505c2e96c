"""The disclosure rules (`b2c_cli.survey.disclosure`, README "Statistics") attacked with nothing but what
b2c prints: the terminal, `--json`, the results file and the reports of a partnership, one attack per rule.
The portfolio's attacks are in tests/portfolio/test_disclosure.py; the segment tables' on random data here."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.survey.scoring import ItemInput, segment
from ingest.factories import make_export
from report.kit import render
from score.kit import DE, HE, HU, STATEMENTS, copy_partnership, score, score_json

ONE_RESIDENT = [HE, DE, HU, HE, DE, HU]  # a resident's answers to the six statements


def _export(tmp_path: Path, rows: list[list[str | None]], name: str = "x") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return make_export(folder, "google-forms", STATEMENTS, rows)


def test_one_respondent_shows_no_answer_anywhere(run: Any, tmp_path: Path) -> None:
    """n = 1: the terminal, the JSON and every report used to print the resident's answer to every
    statement (the answers per step, the 100 %/0 %). Now: nothing of it, not even n (the results file
    holds every figure back; tests/disclosure/test_results_file.py attacks the file itself)."""
    folder = copy_partnership(tmp_path)
    export = _export(tmp_path, [ONE_RESIDENT])
    data = score_json(run, export, folder)
    for indicator in data["indicators"]:
        assert indicator["suppressed"] is True and indicator["n"] is None
        assert (indicator["percent"], indicator["positive"], indicator["ci95"]) == (None, None, None)
        for item in indicator["items"]:
            assert item["steps"] == {} and item["percent"] is None and item["positive"] is None
    text = score(run, export, folder, "--dry-run").stdout
    assert "skjult (< 5)" in text
    assert not re.search(r"\b(100|0)\s?%", text) and "1/1" not in text and "0/1" not in text
    out = tmp_path / "out"
    files = render(folder, "--format", "md,html,xlsx", output=out)
    md = files["esg-report.md"].decode("utf-8")
    assert "færre end 5 svar" in md
    # The baseline column of the table shows nothing for the survey indicators: no 100 % or 0 % of one.
    table = md.split("\n\n")
    assert not any(re.search(r"\|\s*(100|0) %", block) for block in table if "Tilhørsforhold" in block)


@pytest.mark.parametrize("answer", [HE, HU])
def test_five_alike_are_treated_as_too_few(run: Any, tmp_path: Path, answer: str) -> None:
    """Exactly the threshold, all positive or none: 5/5 or 0/5 tells each resident's answer."""
    folder = copy_partnership(tmp_path)
    data = score_json(run, _export(tmp_path, [[answer] * 6] * 5), folder)
    trust = next(i for i in data["indicators"] if i["id"] == "trust")
    assert trust["suppressed"] is True and trust["positive"] is None


def test_one_more_response_cannot_be_read_off_a_git_diff(run: Any, tmp_path: Path) -> None:
    """Differencing: the period scored from 20 responses, then from 21 (one late paper answer). The two
    results files would differ by that resident's answers: refused (exit 4), the file unchanged. With 25
    (the threshold more) it is allowed."""
    folder = copy_partnership(tmp_path)
    rows: list[list[str | None]] = [[HE, DE, HU, DE, HE, HU] if k % 2 else [HU] * 6 for k in range(20)]
    score_json(run, _export(tmp_path, rows, "a"), folder)
    stored = (folder / "results" / "baseline.yaml").read_bytes()
    refused = score(run, _export(tmp_path, [*rows, ONE_RESIDENT], "b"), folder, "--force")
    assert refused.exit_code == 4, refused.stdout + refused.stderr
    assert "1 til 4 besvarelser" in refused.stderr
    assert (folder / "results" / "baseline.yaml").read_bytes() == stored
    allowed = score(run, _export(tmp_path, [*rows, *[ONE_RESIDENT] * 5], "c"), folder, "--force")
    assert allowed.exit_code == 0, allowed.stderr


def _attack(table: Any, totals: dict[str, tuple[int, int]], respondents: int, threshold: int) -> None:
    """What a reader can work out from a printed segment table and the totals: the groups not named hold
    none or at least the threshold's respondents; per indicator, the hidden part (total less the shown
    cells) has no answers, or at least the threshold's and not all alike; no shown cell is dominated."""
    rest = respondents - sum(size for _, size in table.groups)
    assert rest == 0 or rest >= threshold or not table.groups, (rest, table.groups)
    for row in table.rows:
        positive, n = totals[row.indicator]
        shown = [cell.estimate for cell in row.cells if cell.estimate is not None]
        hidden_positive = positive - sum(e.positive for e in shown)
        hidden_n = n - sum(e.n for e in shown)
        if shown:
            assert hidden_n == 0 or (hidden_n >= threshold and 0 < hidden_positive < hidden_n), row
        for estimate in shown:
            assert estimate.n > threshold or (estimate.n == threshold and 0 < estimate.positive < threshold)


@pytest.mark.parametrize("seed", range(300))
def test_no_segment_table_gives_a_hidden_group_away(seed: int) -> None:
    rng = random.Random(seed)
    threshold = rng.choice([3, 5, 10])
    groups = [rng.choice("ABCDEFG"[: rng.randint(2, 7)]) for _ in range(rng.randint(5, 60))]
    skew = rng.random()
    codes = [rng.choice([5, 4, 1, 2, -1]) if rng.random() > skew else 5 for _ in groups]
    table = segment([("x", [ItemInput(codes)])], groups, threshold)
    valid = [c for c in codes if c >= 1]
    totals = {"x": (sum(1 for c in valid if c >= 4), len(valid))}
    _attack(table, totals, len(groups), threshold)


def test_the_json_segment_table_passes_the_attack(run: Any, tmp_path: Path) -> None:
    """Through the CLI: a small group whose answers are all positive, beside a large mixed one."""
    from score.test_segments import AGE, OLDER, OLDEST, YOUNG

    folder = copy_partnership(tmp_path)
    rows = [[HE] * 5 + [HU]] * 3 + [[HE] * 5 + [HU], [HU] * 5 + [HE]] * 6 + [[HU] * 6] * 4
    ages = [YOUNG] * 3 + [OLDER, OLDEST] * 6 + [OLDEST] * 4
    sub = tmp_path / "seg"
    sub.mkdir()
    export = make_export(sub, "google-forms", STATEMENTS, rows, extra_columns={AGE: ages})
    data = score_json(run, export, folder, "--segment", "alder")
    threshold = data["segments"]["threshold"]
    named = sum(g["respondents"] for g in data["segments"]["groups"])
    assert data["respondents"] - named in (0, *range(threshold, 1000))
    for indicator in data["indicators"]:
        shown = [
            c
            for g in data["segments"]["groups"]
            for c in g["indicators"]
            if c["indicator"] == indicator["id"] and not c["suppressed"]
        ]
        if not shown:
            continue
        hidden_n = indicator["n"] - sum(c["n"] for c in shown)
        hidden_positive = (indicator["positive"] or 0) - sum(c["positive"] for c in shown)
        assert hidden_n == 0 or (hidden_n >= threshold and 0 < hidden_positive < hidden_n), indicator["id"]
    assert YOUNG not in json.dumps(data, ensure_ascii=False)
