"""Every real export in ../shared/real-exports scored as a user would (a workbook written here for each),
its figures checked against an independent reading of the file with the csv module or python-calamine;
or refused with the true reason where nothing can be scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .kit import indicator
from .real import indicator_counts, item_counts, partnership, read_csv, real
from .test_crosscheck import assert_figures, expected_figures

AGREE_EN = {
    "strongly agree": 5,
    "agree": 4,
    "neither agree nor disagree": 3,
    "neutral": 3,
    "neither agree or disagree": 3,
    "disagree": 2,
    "strongly disagree": 1,
}


def run_json(run: Any, export: Path | list[Path], folder: Path, *args: object) -> dict[str, Any]:
    exports = export if isinstance(export, list) else [export]
    result = run("score", *exports, "--dir", folder, "--period", "baseline", "--json", *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def check(found: dict[str, Any], counts: tuple[int, int], what: str = "") -> None:
    assert_figures(found, expected_figures(*counts), what)


# -- plain CSVs --------------------------------------------------------------------------------------------


def test_carpentries_post_survey_capitalised_agree_labels(run: Any, tmp_path: Path) -> None:
    """One header row of short names: the workbook names the columns; 'Strongly Agree' etc. capitalised."""
    export = real("carpentries/20180908_post_clean.csv")
    columns = {
        "belonging": ["AtmosphereWelcoming", "LearnedSkills"],
        "trust": ["Worth"],
        "co-creation": ["Recommend"],
    }
    folder = partnership(
        tmp_path,
        {key: [{"text": f"Statement {c}", "column": c} for c in cols] for key, cols in columns.items()},
    )
    data = run_json(run, export, folder)
    rows = read_csv(export, "utf-8")
    head, body = rows[0], rows[1:]
    assert data["respondents"] == len(body) == 967
    for key, cols in columns.items():
        at = [head.index(c) for c in cols]
        steps = [[AGREE_EN.get(row[i].casefold()) for i in at] for row in body]
        found = indicator(data, key)
        check(found, indicator_counts(steps, 4), key)
        for k, i in enumerate(at):
            check(
                found["items"][k], item_counts([AGREE_EN.get(row[i].casefold()) for row in body], 4), cols[k]
            )
            assert found["items"][k]["blank"] == sum(1 for row in body if row[i] == "")


def test_carpentries_long_term_survey_with_r_missing_markers(run: Any, tmp_path: Path) -> None:
    """Written by R: missing answers are the text NA, which the workbook declares a missing marker."""
    export = real("carpentries/20200326-longterm-other_questions-no-open.csv")
    columns = {
        "belonging": ["impact_career_advancement", "impact_professional_recognition"],
        "trust": ["impact_increase_confidence"],
        "co-creation": ["impact_motivation_learning"],
    }
    items = {key: [{"text": f"Statement {c}", "column": c} for c in cols] for key, cols in columns.items()}
    # Without the marker, NA is an unknown label that names the column and suggests the fix.
    folder = partnership(tmp_path, items)
    result = run("score", export, "--dir", folder, "--period", "baseline")
    assert result.exit_code == 3
    assert "'NA' ×41" in result.stderr and "labels:" in result.stderr
    folder = partnership(tmp_path / "with-marker", items, survey={"missing": ["NA"]})
    data = run_json(run, export, folder)
    rows = read_csv(export, "utf-8")
    head, body = rows[0], rows[1:]
    assert data["respondents"] == 176
    for key, cols in columns.items():
        at = [head.index(c) for c in cols]
        found = indicator(data, key)
        check(
            found, indicator_counts([[AGREE_EN.get(row[i].casefold()) for i in at] for row in body], 4), key
        )
        for k, i in enumerate(at):
            assert found["items"][k]["blank"] == sum(1 for row in body if row[i] == "NA")


# -- LimeSurvey, re-saved by pandas ------------------------------------------------------------------------

RSE_STATEMENTS = {
    "belonging": ["I find real enjoyment in my job", "Most days I am enthusiastic about my job"],
    "trust": ["I feel fairly well satisfied with my job"],
    "co-creation": ["I am satisfied with my supervisor/line manager's confidence in me"],
}


def test_rse_2017_limesurvey_array_headings_and_an_unnamed_index_column(run: Any, tmp_path: Path) -> None:
    """`likert2[affSat1]. [I find real enjoyment in my job]`: matched by the statement; the pandas index
    (data under an empty header) is an unused column and blocks nothing; one item matched by its code."""
    export = real("rse-survey/2017_de_public_data.csv")
    items = {key: [{"text": text} for text in texts] for key, texts in RSE_STATEMENTS.items()}
    items["co-creation"] = [{"text": "Supervisor", "column": "affRec1"}]
    folder = partnership(tmp_path, items)
    data = run_json(run, export, folder)
    assert data["source"]["layout"] == "limesurvey"
    rows = read_csv(export, "utf-8")
    head, body = rows[0], rows[1:]
    assert data["respondents"] == len(body) == 325

    def at(text: str) -> int:
        return next(i for i, h in enumerate(head) if h.endswith(f"[{text}]") or f"[{text}]" in h)

    for key, texts in RSE_STATEMENTS.items():
        where = [at(t) for t in texts]
        found = indicator(data, key)
        steps = [[AGREE_EN.get(row[i].casefold()) for i in where] for row in body]
        check(found, indicator_counts(steps, 4), key)


def test_rse_2016_limesurvey_code_and_text_headings(run: Any, tmp_path: Path) -> None:
    export = real("rse-survey/2016_uk_public_data.csv")
    folder = partnership(tmp_path, {key: [{"text": t} for t in texts] for key, texts in RSE_STATEMENTS.items()})
    data = run_json(run, export, folder)
    rows = read_csv(export, "utf-8")
    head, body = rows[0], rows[1:]
    assert data["respondents"] == len(body) == 273
    for key, texts in RSE_STATEMENTS.items():
        where = [next(i for i, h in enumerate(head) if h.split(". ", 1)[-1] == t) for t in texts]
        steps = [[AGREE_EN.get(row[i].casefold()) for i in where] for row in body]
        check(indicator(data, key), indicator_counts(steps, 4), key)
