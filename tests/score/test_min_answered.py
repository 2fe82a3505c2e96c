"""An indicator's minimum of answered statements (Part 3 `min_answered`, DESIGN.md §3): a respondent who
answered fewer of its statements is left out of n; don't-know and blank are not answers. The counts
(answered all, only some, too few) are checked against a plain per-respondent reference, min_answered 1
gives exactly the figures of before, and the results file, `b2c score` and the report's method section
say the same."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from b2c_cli.models.scale import BLANK, DONT_KNOW
from b2c_cli.survey.scoring import ItemInput, score_indicator
from ingest.factories import make_export

from .kit import BASELINE_EXPORT, DE, DU, HE, HU, STATEMENTS, VI, score

PART3 = "part3-evaluation.yaml"


def _reference(columns: list[list[int]], reverse: list[bool], least: int) -> dict[str, int]:
    """The respondent-mean rule written out once per respondent, without the scoring module."""
    out = dict.fromkeys(("positive", "n", "complete", "partial", "too_few", "dont_know", "blank"), 0)
    for answers in zip(*columns, strict=True):
        valid = [6 - a if mirrored else a for a, mirrored in zip(answers, reverse, strict=True) if a >= 1]
        if not valid:
            out["dont_know" if DONT_KNOW in answers else "blank"] += 1
        elif len(valid) < least:
            out["too_few"] += 1
        else:
            out["complete" if len(valid) == len(answers) else "partial"] += 1
            out["n"] += 1
            out["positive"] += sum(valid) / len(valid) >= 4
    return out


def _old_rule(columns: list[list[int]], reverse: list[bool]) -> tuple[int, int]:
    """Before min_answered: every respondent with one valid answer counted."""
    ref = _reference(columns, reverse, 1)
    return ref["positive"], ref["n"]


@pytest.mark.parametrize("seed", range(12))
def test_the_counts_follow_a_plain_reference(seed: int) -> None:
    rng = random.Random(seed)
    statements = rng.randint(2, 5)
    respondents = rng.randint(1, 300)
    codes = [1, 2, 3, 4, 5, DONT_KNOW, BLANK]
    columns = [[rng.choice(codes) for _ in range(respondents)] for _ in range(statements)]
    reverse = [rng.random() < 0.3 for _ in range(statements)]
    for least in range(1, statements + 1):
        items = [
            ItemInput(column, mirrored, min_answered=least)
            for column, mirrored in zip(columns, reverse, strict=True)
        ]
        got = score_indicator("x", items)
        ref = _reference(columns, reverse, least)
        assert (got.estimate.positive, got.estimate.n) == (ref["positive"], ref["n"])
        assert (got.complete, got.partial, got.too_few) == (ref["complete"], ref["partial"], ref["too_few"])
        assert (got.dont_know, got.blank) == (ref["dont_know"], ref["blank"])
        if least == 1:
            assert got.too_few == 0
            assert (got.estimate.positive, got.estimate.n) == _old_rule(columns, reverse)


def test_an_indicator_needs_one_min_answered_within_its_statements() -> None:
    with pytest.raises(ValueError):
        score_indicator("x", [ItemInput([1], min_answered=2)])
    with pytest.raises(ValueError):
        score_indicator("x", [ItemInput([1], min_answered=1), ItemInput([1], min_answered=2)])


def _set_min(folder: Path, indicator: str, value: object) -> None:
    path = folder / PART3
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(i for i in data["indicators"] if i["id"] == indicator)["min_answered"] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("value", [0, 3, "to", 1.5])
def test_a_min_answered_out_of_range_is_an_error_naming_file_and_indicator(
    run: Any, example: Path, value: object
) -> None:
    _set_min(example, "tryghed", value)
    before = {p: p.read_bytes() for p in example.rglob("*") if p.is_file()}
    result = run("validate", example)
    assert result.exit_code == 1, result.stdout + result.stderr
    text = result.stdout + result.stderr
    assert PART3 in text and "min_answered" in text and "Traceback" not in text
    if isinstance(value, int):
        assert "'tryghed'" in text and "1 til 2" in text
    assert score(run, BASELINE_EXPORT, example).exit_code != 0
    assert {p: p.read_bytes() for p in example.rglob("*") if p.is_file()} == before


def _method_texts(files: dict[str, bytes]) -> dict[str, str]:
    sheet = load_workbook(io.BytesIO(files["esg-report.xlsx"]))["Metode"]
    docx = Document(io.BytesIO(files["esg-report.docx"]))
    return {
        "md": files["esg-report.md"].decode("utf-8"),
        "html": files["esg-report.html"].decode("utf-8").replace("&#39;", "'"),
        "xlsx": "\n".join(str(row[0].value) for row in sheet.iter_rows()),
        "docx": "\n".join(p.text for p in docx.paragraphs),
    }


# Tryghed is the last two statements: 40 answered both, 12 left the second blank, 8 answered it "ved ikke".
ROWS = [[HE, HE, HE, HU, DE, DU]] * 40 + [[HE, HE, HE, HU, DE, None]] * 12 + [[HE, DE, HE, HU, HE, VI]] * 8


def test_min_answered_two_leaves_out_and_says_so_everywhere(run: Any, example: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "ms-forms", STATEMENTS, ROWS)
    result = score(run, export, example, period="2027")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Tryghed: 20 svarede kun på nogle af udsagnene og tæller med." in result.stdout
    one = yaml.safe_load((example / "results" / "2027.yaml").read_text(encoding="utf-8"))
    before = next(i for i in one["indicators"] if i["id"] == "tryghed")
    assert before["n"] == 60 and before["answered"] == {
        "min_answered": 1,
        "complete": 40,
        "partial": 20,
        "too_few": 0,
    }

    _set_min(example, "tryghed", 2)
    result = score(run, export, example, "--force", period="2027")
    assert result.exit_code == 0, result.stdout + result.stderr
    two = yaml.safe_load((example / "results" / "2027.yaml").read_text(encoding="utf-8"))
    after = next(i for i in two["indicators"] if i["id"] == "tryghed")
    answered = after["answered"]
    assert answered["min_answered"] == 2
    assert answered["complete"] + answered["partial"] == after["n"]
    assert answered["partial"] == 0  # with two statements and a minimum of two, nobody answered only some
    assert after["n"] + answered["too_few"] == before["n"]
    assert answered["too_few"] == before.get("answered", {}).get("partial", 0)
    assert (after["n"], answered["too_few"]) == (40, 20)
    # The other indicators keep their figures.
    for old, new in zip(one["indicators"], two["indicators"], strict=True):
        if old["id"] != "tryghed":
            assert old == new
    sentence = (
        f"Tryghed: 0 svarede kun på nogle af udsagnene; {answered['too_few']} blev udeladt, "
        "fordi de svarede på færre end 2."
    )
    assert sentence in result.stdout

    from report.kit import render

    texts = _method_texts(render(example, "--format", "md,html,xlsx,docx", output=tmp_path / "r"))
    for kind, text in texts.items():
        assert sentence in text, kind
        rule = "Tryghed: en beboer tæller kun med, når vedkommende har svaret på mindst 2 af de 2"
        assert rule in text, kind
        assert "En beboer tæller med fra ét besvaret udsagn" not in text, kind
