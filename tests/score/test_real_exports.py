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
    items = {key: [{"text": f"Statement {c}", "column": c} for c in cols] for key, cols in columns.items()}
    items["trust"] = [{"text": "Worth it", "column": "K"}]  # a column letter: K is Worth
    folder = partnership(tmp_path, items)
    data = run_json(run, export, folder)
    rows = read_csv(export, "utf-8")
    assert rows[0][10] == "Worth"
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
    folder = partnership(
        tmp_path, {key: [{"text": t} for t in texts] for key, texts in RSE_STATEMENTS.items()}
    )
    data = run_json(run, export, folder)
    rows = read_csv(export, "utf-8")
    head, body = rows[0], rows[1:]
    assert data["respondents"] == len(body) == 273
    for key, texts in RSE_STATEMENTS.items():
        where = [next(i for i, h in enumerate(head) if h.split(". ", 1)[-1] == t) for t in texts]
        steps = [[AGREE_EN.get(row[i].casefold()) for i in where] for row in body]
        check(indicator(data, key), indicator_counts(steps, 4), key)


# -- SurveyMonkey: two header rows ---------------------------------------------------------------------------

SLEEP = {
    "belonging": ['"sleeping in separate beds helps us to stay together."'],
    "trust": ['"we sleep better when we sleep in separate beds."'],
    "co-creation": ['"our sex life has improved as a result of sleeping in separate beds."'],
}
AGREE_SOMEWHAT = {
    "strongly agree": 5,
    "somewhat agree": 4,
    "neither agree nor disagree": 3,
    "somewhat disagree": 2,
    "strongly disagree": 1,
}


def test_surveymonkey_sleeping_alone_with_a_mojibake_separator(run: Any, tmp_path: Path) -> None:
    """cp1252, two header rows, no Respondent ID; one header joins its statement with a garbled space
    ('statement:ë_"our sex life ..."'), matched all the same; Strongly/Somewhat agree on five steps."""
    export = real("fivethirtyeight/sleeping-alone-data.csv")
    folder = partnership(
        tmp_path, {k: [{"text": t.strip('".')} for t in texts] for k, texts in SLEEP.items()}
    )
    data = run_json(run, export, folder)
    assert data["source"]["layout"] == "surveymonkey"
    rows = read_csv(export, "cp1252")
    body = rows[2:]
    assert data["respondents"] == len(body) == 1093
    for key, column in (("belonging", 21), ("trust", 22), ("co-creation", 23)):
        steps = [AGREE_SOMEWHAT.get(row[column].casefold()) for row in body]
        found = indicator(data, key)
        check(found, item_counts(steps, 4), key)
        assert found["items"][0]["blank"] == sum(1 for row in body if row[column] == "")


def test_surveymonkey_star_wars_favourability_matrix(run: Any, tmp_path: Path) -> None:
    """A matrix question (text over its first column, the character in row 2) on a favourability scale,
    'Unfamiliar (N/A)' as don't-know: on the default agree scale it is refused, naming the scale that fits."""
    export = real("fivethirtyeight/StarWars.csv")
    items = {
        "belonging": [{"text": "Han Solo"}, {"text": "Luke Skywalker"}],
        "trust": [{"text": "Yoda"}],
        "co-creation": [{"text": "Jar Jar Binks"}],
    }
    folder = partnership(tmp_path, items)
    refused = run("score", export, "--dir", folder, "--period", "baseline")
    assert refused.exit_code == 3
    assert "Very favorably" in refused.stderr and "scale: favourable-5" in refused.stderr
    folder = partnership(tmp_path / "favourable", items, scale="favourable-5")
    data = run_json(run, export, folder)
    rows = read_csv(export, "cp1252")
    body = rows[2:]
    favour = {
        "very favorably": 5,
        "somewhat favorably": 4,
        "neither favorably nor unfavorably (neutral)": 3,
        "somewhat unfavorably": 2,
        "very unfavorably": 1,
    }
    at = {name: rows[1].index(name) for name in ("Han Solo", "Luke Skywalker", "Yoda", "Jar Jar Binks")}
    for key, its in items.items():
        where = [at[item["text"]] for item in its]
        found = indicator(data, key)
        check(
            found, indicator_counts([[favour.get(row[i].casefold()) for i in where] for row in body], 4), key
        )
        for k, i in enumerate(where):
            assert found["items"][k]["dont_know"] == sum(1 for row in body if row[i] == "Unfamiliar (N/A)")


# -- Qualtrics: nothing but generated test responses -------------------------------------------------------


def test_qualtrics_exports_of_test_responses_are_refused_with_the_reason(run: Any, tmp_path: Path) -> None:
    """Both Qualtrics layouts (2016 Insights with single-quoted ImportIds, legacy V1..): the 15 responses
    are Qualtrics' generated test responses (Status 2), so nothing is scored, and the message says so
    instead of calling the export empty. The workbook's scale is declared (Like .. Dislike, No opinion)."""
    like = {
        "id": "like-3",
        "steps": [
            {"labels": {"en": ["Like"]}, "code": 1},
            {"labels": {"en": ["Neither like nor dislike"]}, "code": 2},
            {"labels": {"en": ["Dislike"]}, "code": 3},
        ],
        "positive": 1,
        "dont_know": {"en": ["No opinion"]},
        "dont_know_codes": [-1, -2],
    }
    for name in ("No_Basis_for_Evaluation (Insights).csv", "No_Basis_for_Evaluation (Legacy).csv"):
        export = real(f"qualtricstools/{name}")
        statement = "Indicate how you feel about squash"
        folder = partnership(
            tmp_path / name.split("(")[1][:4],
            {"belonging": [{"text": statement}]},
            scale="like-3",
            survey={"scales": [like]},
        )
        result = run("score", export, "--dir", folder, "--period", "baseline")
        assert result.exit_code == 3, result.stdout + result.stderr
        message = " ".join(result.stderr.split())
        assert "15" in message and "Survey Test" in message, message
        assert not (folder / "results" / "baseline.yaml").exists()


# -- SurveyXact: the workbook, and its CSV trio ------------------------------------------------------------

READSX = {
    "belonging": [
        "Jeg er svært motivert for fagene på programområdet",
        "Jeg kommer til å trives med programområdet jeg har valgt",
    ],
    "trust": ["Fagene kommer til å handle om noe jeg synes er spennende"],
    "co-creation": ["Jeg er fortsatt usikker på om jeg har valgt det rette programområdet"],
}
READSX_VARIABLES = {"belonging": ["up_01", "up_03"], "trust": ["up_04"], "co-creation": ["up_02"]}


def readsx_expected() -> tuple[int, dict[str, tuple[int, int]]]:
    """From the workbook's Dataset and Labels sheets, read here with python-calamine: the respondents (a row
    whose status flags say answered, partially or completely) and each indicator's (positive, n) on the
    four steps Helt uenig=1 .. Helt enig=4 as the Labels sheet names the codes; positive from 3 up."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(real("surveyxact-readsx/ex_survey2.xlsx")))
    data = book.get_sheet_by_name("Dataset").to_python()
    labels = book.get_sheet_by_name("Labels").to_python()
    steps = {"helt uenig": 1, "uenig": 2, "enig": 3, "helt enig": 4}
    meaning = {
        (row[0], int(row[1])): steps.get(str(row[2]).strip().casefold()) for row in labels if row[1] != ""
    }
    head, body = data[0], data[1:]
    col = {name: i for i, name in enumerate(head)}
    answered = [r for r in body if r[col["stato_3"]] == 1 or r[col["stato_4"]] == 1]

    def step(row: list[Any], variable: str) -> int | None:
        cell = row[col[variable]]
        return meaning.get((variable, int(cell))) if cell != "" else None

    out = {
        key: indicator_counts([[step(r, v) for v in vs] for r in answered], 3)
        for key, vs in READSX_VARIABLES.items()
    }
    return len(answered), out


def test_surveyxact_workbook_on_four_steps(run: Any, tmp_path: Path) -> None:
    """readSX's ex_survey2.xlsx: 999 rows, of which 574 never answered (excluded and reported); its 28
    statements on four steps without a neutral one. On the default scale b2c stops and names agree-4;
    declared, the figures match the sheets read independently."""
    export = real("surveyxact-readsx/ex_survey2.xlsx")
    items = {key: [{"text": t} for t in texts] for key, texts in READSX.items()}
    refused = run("score", export, "--dir", partnership(tmp_path, items), "--period", "baseline")
    assert refused.exit_code == 3
    assert "scale: agree-4" in refused.stderr
    data = run_json(run, export, partnership(tmp_path / "four", items, scale="agree-4"))
    respondents, expected = readsx_expected()
    assert data["respondents"] == respondents == 425
    assert data["excluded_rows"] == {"not-answered": 574}
    for key, counts in expected.items():
        check(indicator(data, key), counts, key)
        assert indicator(data, key)["items"][0]["scale"] == "agree-4"


def test_surveyxact_csv_trio_read_together_in_three_encodings(run: Any, tmp_path: Path) -> None:
    """dataset.csv holds codes and variable names only; its labels.csv and structure.csv beside it give
    the codes' labels and the statements, so the workbook types neither a code nor a column. `;`/cp1252,
    `,`/cp1252 (ragged structure.csv) and tab/UTF-16: the same figures as the workbook export."""
    respondents, expected = readsx_expected()
    items = {key: [{"text": t} for t in texts] for key, texts in READSX.items()}
    for variant in ("semicolon_ansi", "comma_ansi", "tab_utf16"):
        export = real(f"surveyxact-readsx/ex_survey2_{variant}/dataset.csv")
        data = run_json(run, export, partnership(tmp_path / variant, items, scale="agree-4"))
        assert data["source"]["layout"] == "surveyxact-csv"
        assert data["respondents"] == respondents
        for key, counts in expected.items():
            check(indicator(data, key), counts, f"{variant} {key}")


# -- Google Forms: XLSX and the Sheets TSV -----------------------------------------------------------------

RCS = "rstudio-rcs-2019/2019 Spanish R Community Survey Responses"
ENJOY_R = "Por favor calificá cuánto disfrutas usando R"
ENJOY_PYTHON = "Por favor calificá cuánto disfrutas usando Python"


def test_google_forms_linear_scales_as_numbers_in_xlsx_and_tsv(run: Any, tmp_path: Path) -> None:
    """Linear scales 1-5 (4.0 number cells in the XLSX, text in the TSV) on the declared numeric scale;
    a question title used twice (an unused one) blocks nothing; a Timestamp date cell is metadata."""
    rows = read_csv(real(f"{RCS}.tsv"), "utf-8", "\t")
    head, body = rows[0], rows[1:]
    r_col = next(i for i, h in enumerate(head) if h.startswith(ENJOY_R))
    py_col = next(i for i, h in enumerate(head) if h.startswith(ENJOY_PYTHON))
    items = {"belonging": [{"text": head[r_col]}], "trust": [{"text": head[py_col]}]}
    folder = partnership(tmp_path, items, scale="linear-5")
    for suffix in (".xlsx", ".tsv"):
        data = run_json(run, real(f"{RCS}{suffix}"), folder, "--dry-run")
        assert data["source"]["layout"] == "google-forms", suffix
        assert data["respondents"] == len(body) == 338
        for key, col in (("belonging", r_col), ("trust", py_col)):
            answers = [int(row[col]) if row[col] else None for row in body]
            check(indicator(data, key), item_counts(answers, 4), f"{suffix} {key}")
        assert data["not_measured"] == ["co-creation"]
