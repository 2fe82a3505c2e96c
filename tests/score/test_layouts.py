"""`b2c score --json` on one hand-checked answers table, written by every survey tool's layout, as XLSX and
CSV, in every encoding and delimiter Danish exports come in. The expected figures are worked out by hand
below; every export of the table must give exactly them."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ingest.factories import QUESTION, make_export

from .kit import DE, DU, HE, HU, HV, STATEMENTS, VI, indicator, score, score_json, set_columns, set_survey

# The six statements in workbook order: B1, B2 (belonging), T (trust), C (co-creation), S1, S2 (tryghed; S2
# is reverse-worded, so its answers are mirrored: 6 - step). Steps: HE 5, DE 4, HV 3, DU 2, HU 1; VI is
# don't know; None is blank.
TABLE: list[list[str | None]] = [
    #  B1    B2    T     C     S1    S2
    [HE, DE, HE, DU, HE, HU],  # r1
    [DE, HV, DE, HV, DE, DE],  # r2
    [HV, HV, HU, HE, HU, HE],  # r3
    [VI, HE, VI, DE, VI, VI],  # r4
    [None, None, DE, None, HE, None],  # r5
    [DU, HE, HV, VI, DE, DU],  # r6
    [VI, VI, HE, HE, HV, HU],  # r7
    [HE, HE, DU, None, None, None],  # r8
    [None, None, None, None, None, None],  # r9: answered nothing (but is a respondent)
    [HU, HE, DE, HU, DE, HV],  # r10
]

# belonging, respondent means of (B1, B2): r1 (5+4)/2 = 4.5 pos | r2 (4+3)/2 = 3.5 | r3 (3+3)/2 = 3
#   | r4 VI + 5 -> 5 pos | r5 blank | r6 (2+5)/2 = 3.5 | r7 VI, VI -> don't know | r8 (5+5)/2 = 5 pos
#   | r9 blank | r10 (1+5)/2 = 3  =>  3 positive of n = 7: 300/7 = 42.857.. -> 42.9; dont_know 1, blank 2.
#   Wilson (z = 1.96): centre (3/7 + z²/14) / (1 + z²/7) = 0.45388, half width 0.29566 -> [15.8, 75.0].
# B1: HE HE | DE | HV | DU | HU; VI ×2; blank ×2: steps 1:1 2:1 3:1 4:1 5:2, top-2-box 3/6 = 50.0,
#   Wilson 0.5 ± 0.31238 -> [18.8, 81.2].
# B2: DE | HV HV | HE HE HE HE; VI ×1; blank ×2: steps 3:2 4:1 5:4, 5/7 = 71.4,
#   0.63836 ± 0.27942 -> [35.9, 91.8].
# trust, one item T: HE HE | DE DE DE | HV | DU | HU; VI ×1 (r4); blank ×1 (r9): 5/8 = 62.5,
#   0.58445 ± 0.27871 -> [30.6, 86.3]; with one item the indicator is the item.
# co-creation, one item C: HE HE | DE | HV | DU | HU; VI ×1 (r6); blank ×3 (r5, r8, r9): 3/6 = 50.0,
#   [18.8, 81.2].
# tryghed, (S1, 6 - S2): r1 (5, 6-1=5) pos | r2 (4, 6-4=2) -> 3 | r3 (1, 6-5=1) -> 1 | r4 VI, VI -> don't know
#   | r5 (5, blank) -> 5 pos | r6 (4, 6-2=4) -> 4 pos | r7 (3, 6-1=5) -> 4.0 pos (exactly 4 counts)
#   | r8, r9 blank | r10 (4, 6-3=3) -> 3.5  =>  4 of 7 = 57.142.. -> 57.1, 0.54612 ± 0.29566 -> [25.0, 84.2];
#   dont_know 1, blank 2.
# S1: HE HE | DE DE DE | HV | HU; VI ×1; blank ×2 (r8, r9): steps 1:1 3:1 4:3 5:2, 5/7 = 71.4, [35.9, 91.8].
# S2 (reverse-worded; steps as labelled, positive = Delvis/Helt uenig): HU HU | DU | HV | DE | HE; VI ×1;
#   blank ×3 (r5, r8, r9): steps 1:2 2:1 3:1 4:1 5:1, positive 2 + 1 = 3 of 6 = 50.0, [18.8, 81.2].
Figures = tuple[float, int, int, list[float]]
EXPECTED: dict[str, tuple[Figures, int, int, list[tuple[int, Figures, int, int, dict[str, int]]]]] = {
    # id: ((percent, positive, n, ci95), dont_know, blank, [(statement, item figures, dk, blank, steps)])
    "belonging": (
        (42.9, 3, 7, [15.8, 75.0]),
        1,
        2,
        [
            (0, (50.0, 3, 6, [18.8, 81.2]), 2, 2, {"1": 1, "2": 1, "3": 1, "4": 1, "5": 2}),
            (1, (71.4, 5, 7, [35.9, 91.8]), 1, 2, {"1": 0, "2": 0, "3": 2, "4": 1, "5": 4}),
        ],
    ),
    "trust": (
        (62.5, 5, 8, [30.6, 86.3]),
        1,
        1,
        [(2, (62.5, 5, 8, [30.6, 86.3]), 1, 1, {"1": 1, "2": 1, "3": 1, "4": 3, "5": 2})],
    ),
    "co-creation": (
        (50.0, 3, 6, [18.8, 81.2]),
        1,
        3,
        [(3, (50.0, 3, 6, [18.8, 81.2]), 1, 3, {"1": 1, "2": 1, "3": 1, "4": 1, "5": 2})],
    ),
    "tryghed": (
        (57.1, 4, 7, [25.0, 84.2]),
        1,
        2,
        [
            (4, (71.4, 5, 7, [35.9, 91.8]), 1, 2, {"1": 1, "2": 0, "3": 1, "4": 3, "5": 2}),
            (5, (50.0, 3, 6, [18.8, 81.2]), 1, 3, {"1": 2, "2": 1, "3": 1, "4": 1, "5": 1}),
        ],
    ),
}
RESPONDENTS = 10
# Every indicator rests on fewer than 50 answers: one warning each, with its n.
WARNINGS = [
    ("small-sample", "belonging", 7),
    ("small-sample", "trust", 8),
    ("small-sample", "co-creation", 6),
    ("small-sample", "tryghed", 7),
]

# The same table in other label sets the tools' users pick (the direction always from the words).
ENGLISH = {
    HE: "Strongly agree",
    DE: "Agree",
    HV: "Neither agree nor disagree",
    DU: "Disagree",
    HU: "Strongly disagree",
    VI: "Don't know",
}
DANISH_OTHER = {
    HE: "Meget enig",
    DE: "Enig",
    HV: "Hverken enig eller uenig",
    DU: "Uenig",
    HU: "Meget uenig",
    VI: "Ved ikke/ikke relevant",
}
NUMBERED = {
    HE: "5 - Helt enig",
    DE: "4 - Delvist enig",
    HV: "3 - Hverken enig eller uenig",
    DU: "2 - Delvist uenig",
    HU: "1 - Helt uenig",
    VI: "Ønsker ikke at svare",
}
# SurveyXact numbers the steps either way; its Labels sheet (or the workbook's codes) says which is which.
CODES_DOWN = {HE: 1, DE: 2, HV: 3, DU: 4, HU: 5, VI: 6}  # the factory's default
CODES_UP = {HU: 1, DU: 2, HV: 3, DE: 4, HE: 5, VI: 9}
SURVEYXACT_VARIABLES = [f"s_{k}" for k in range(1, 7)]
LIMESURVEY_CODES = [f"Q1[SQ{k:03d}]" for k in range(1, 7)]


def relabel(rows: Sequence[Sequence[str | None]], labels: Mapping[str, str] | None) -> list[list[str | None]]:
    if labels is None:
        return [list(row) for row in rows]
    return [[None if cell is None else labels[cell] for cell in row] for row in rows]


def workbook_codes(codes: Mapping[str, int]) -> dict[int, str]:
    return {code: label for label, code in codes.items()}


@dataclass(frozen=True)
class Case:
    id: str
    layout: str
    fmt: str
    source: dict[str, Any]  # layout, sheet, encoding, delimiter as reported
    encoding: str | None = None
    delimiter: str | None = None
    labels: Mapping[str, str] | None = None
    options: dict[str, Any] = field(default_factory=dict)  # more make_export arguments
    columns: list[str] | None = None  # column: for each statement in the workbook
    codes: Mapping[str, int] | None = None  # SurveyXact's label -> code, also stated in the workbook
    excluded: dict[str, int] = field(default_factory=dict)
    extra_rows: list[list[str | None]] = field(default_factory=list)


def _xlsx(layout: str, sheet: str) -> dict[str, Any]:
    return {"layout": layout, "format": "xlsx", "sheet": sheet, "encoding": None, "delimiter": None}


def _csv(layout: str, encoding: str, delimiter: str) -> dict[str, Any]:
    return {"layout": layout, "format": "csv", "sheet": None, "encoding": encoding, "delimiter": delimiter}


PREVIEW_ROWS: list[list[str | None]] = [[HE] * 6, [HU] * 6]  # would change every figure if counted
QUALTRICS_STATUSES = ["IP Address"] * RESPONDENTS + ["Survey Preview"] * len(PREVIEW_ROWS)

CASES = [
    # SurveyXact: codes in Dataset, labels in Labels (with their trailing spaces), texts in Structure; two
    # people who never answered are not respondents.
    Case(
        "surveyxact-xlsx",
        "surveyxact-xlsx",
        "xlsx",
        _xlsx("surveyxact-xlsx", "Dataset"),
        options={"not_answered": 2},
        excluded={"not-answered": 2},
    ),
    Case(
        "surveyxact-xlsx-codes-upward",
        "surveyxact-xlsx",
        "xlsx",
        _xlsx("surveyxact-xlsx", "Dataset"),
        codes=CODES_UP,
    ),
    # SurveyXact's dataset.csv has only variable names and codes: the workbook names the columns and codes.
    Case(
        "surveyxact-csv-utf16-tab",
        "surveyxact-csv",
        "csv",
        _csv("surveyxact-csv", "utf-16-le", "\t"),
        columns=SURVEYXACT_VARIABLES,
        codes=CODES_DOWN,
        options={"not_answered": 1},
        excluded={"not-answered": 1},
    ),
    Case(
        "surveyxact-csv-european-cp1252",
        "surveyxact-csv",
        "csv",
        _csv("surveyxact-csv", "cp1252", ";"),
        encoding="cp1252",
        delimiter=";",
        columns=SURVEYXACT_VARIABLES,
        codes=CODES_UP,
    ),
    Case("ms-forms", "ms-forms", "xlsx", _xlsx("ms-forms", "Sheet1"), labels=ENGLISH),
    Case(
        "ms-forms-danish",
        "ms-forms",
        "xlsx",
        _xlsx("ms-forms", "Sheet1"),
        options={"danish": True},
    ),
    Case("google-forms-csv", "google-forms", "csv", _csv("google-forms", "utf-8", ",")),
    Case(
        "google-forms-xlsx",
        "google-forms",
        "xlsx",
        _xlsx("google-forms", "Formularsvar 1"),
        labels=DANISH_OTHER,
        options={"danish": True},
    ),
    Case(
        "qualtrics-csv",
        "qualtrics",
        "csv",
        _csv("qualtrics", "utf-8-sig", ","),
        labels=ENGLISH,
        options={"statuses": QUALTRICS_STATUSES},
        extra_rows=PREVIEW_ROWS,
        excluded={"survey-preview": 2},
    ),
    Case(
        "qualtrics-tsv-utf16",
        "qualtrics",
        "csv",
        _csv("qualtrics", "utf-16-le", "\t"),
        encoding="utf-16-le",
        delimiter="\t",
        options={"statuses": QUALTRICS_STATUSES},
        extra_rows=PREVIEW_ROWS,
        excluded={"survey-preview": 2},
    ),
    Case(
        "qualtrics-xlsx",
        "qualtrics",
        "xlsx",
        _xlsx("qualtrics", "Sheet0"),
        options={"statuses": QUALTRICS_STATUSES},
        extra_rows=PREVIEW_ROWS,
        excluded={"survey-preview": 2},
    ),
    Case("surveymonkey-xlsx", "surveymonkey", "xlsx", _xlsx("surveymonkey", "Sheet"), labels=ENGLISH),
    Case("surveymonkey-csv", "surveymonkey", "csv", _csv("surveymonkey", "utf-8", ",")),
    Case(
        "limesurvey-full",
        "limesurvey",
        "csv",
        _csv("limesurvey", "utf-8-sig", ","),
        options={"headings": "full"},
    ),
    Case(
        "limesurvey-codetext",
        "limesurvey",
        "csv",
        _csv("limesurvey", "utf-8-sig", ","),
        labels=DANISH_OTHER,
        options={"headings": "codetext"},
    ),
    # Question codes alone say nothing about the statements: the workbook names the columns.
    Case(
        "limesurvey-code",
        "limesurvey",
        "csv",
        _csv("limesurvey", "utf-8-sig", ","),
        options={"headings": "code"},
        columns=LIMESURVEY_CODES,
    ),
    Case(
        "limesurvey-xlsx",
        "limesurvey",
        "xlsx",
        _xlsx("limesurvey", "results"),
        labels=ENGLISH,
        options={"headings": "full"},
    ),
    Case("plain-xlsx", "plain", "xlsx", _xlsx("plain", "Besvarelser"), labels=NUMBERED),
    Case("plain-csv-excel", "plain", "csv", _csv("plain", "cp1252", ";")),
]


def header(layout: str, k: int, headings: str = "full") -> str:
    """The header the factory writes over statement k (0-5) in `layout`: what the item's column is."""
    statement = STATEMENTS[k]
    if layout.startswith("surveyxact"):
        return SURVEYXACT_VARIABLES[k]
    if layout == "qualtrics":
        return f"Q1_{k + 1}"
    if layout == "surveymonkey":
        return f"{QUESTION} - {statement}"
    if layout == "limesurvey" and headings == "code":
        return LIMESURVEY_CODES[k]
    if layout == "limesurvey" and headings == "codetext":
        return f"{LIMESURVEY_CODES[k]}. {QUESTION} [{statement}]"
    if layout in ("google-forms", "limesurvey"):
        return f"{QUESTION} [{statement}]"
    return statement  # Microsoft Forms, plain: the statement alone


def assert_table_figures(data: Mapping[str, Any], columns: Sequence[str]) -> None:
    """The JSON of a run on TABLE has exactly the hand-worked figures; `columns` are the six headers."""
    assert data["period"] == "baseline"
    assert data["respondents"] == RESPONDENTS
    assert [(w["code"], w["indicator"], w["n"]) for w in data["warnings"]] == WARNINGS
    assert all(w["message"] for w in data["warnings"])
    assert [i["id"] for i in data["indicators"]] == list(EXPECTED)
    for indicator_id, (expected, dont_know, blank, items) in EXPECTED.items():
        found = indicator(data, indicator_id)
        assert (found["percent"], found["positive"], found["n"], found["ci95"]) == expected, indicator_id
        assert (found["dont_know"], found["blank"]) == (dont_know, blank), indicator_id
        assert len(found["items"]) == len(items)
        for item, (statement, figures, item_dk, item_blank, steps) in zip(found["items"], items, strict=True):
            assert item["text"] == STATEMENTS[statement]
            assert item["column"] == columns[statement]
            assert (item["percent"], item["positive"], item["n"], item["ci95"]) == figures, item["text"]
            assert (item["dont_know"], item["blank"]) == (item_dk, item_blank), item["text"]
            assert item["steps"] == steps, item["text"]
            assert item["reverse"] is (statement == 5)


def _export(tmp_path: Path, case: Case, example: Path) -> Path:
    rows = relabel(TABLE, case.labels) + relabel(case.extra_rows, case.labels)
    options = dict(case.options)
    if case.codes is not None:
        options["codes"] = case.codes
    if case.columns is not None:
        set_columns(example, case.columns)
    if case.codes is not None and case.layout == "surveyxact-csv":
        set_survey(example, codes=workbook_codes(case.codes))
    return make_export(
        tmp_path,
        case.layout,
        STATEMENTS,
        rows,
        fmt=case.fmt,
        encoding=case.encoding,
        delimiter=case.delimiter,
        **options,
    )


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_layout_scores_the_hand_checked_table(
    run: Any, example: Path, tmp_path: Path, case: Case
) -> None:
    export = _export(tmp_path, case, example)
    data = score_json(run, export, example)
    headings = case.options.get("headings", "full")
    assert_table_figures(data, [header(case.layout, k, headings) for k in range(6)])
    assert data["excluded_rows"] == case.excluded
    source = data["source"]
    assert {key: source[key] for key in case.source} == case.source
    assert source["file"] == export.name
    assert source["sha256"] == hashlib.sha256(export.read_bytes()).hexdigest()
    assert data["action"] == "written"
    assert (example / "results" / "baseline.yaml").is_file()


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"]
DELIMITERS = [";", ",", "\t"]


@pytest.mark.parametrize("layout", ["plain", "google-forms"])
@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["semicolon", "comma", "tab"])
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_and_delimiter(
    run: Any, example: Path, tmp_path: Path, layout: str, encoding: str, delimiter: str
) -> None:
    """Danish letters and the commas inside the statements survive every encoding and delimiter, and the
    run says which it found (a UTF-16 file is reported with its byte order)."""
    export = make_export(
        tmp_path, layout, STATEMENTS, TABLE, fmt="csv", encoding=encoding, delimiter=delimiter
    )
    data = score_json(run, export, example)
    assert_table_figures(data, [header(layout, k) for k in range(6)])
    assert data["source"]["layout"] == layout
    assert (data["source"]["encoding"], data["source"]["delimiter"]) == (encoding, delimiter)


def test_the_readable_table_reports_what_was_read_and_left_out(
    run: Any, example: Path, tmp_path: Path
) -> None:
    """Without --json: the figures on stdout, and on stderr the layout, encoding and delimiter found, the
    Survey Preview rows left out, one warning per small indicator and where the results went."""
    case = next(c for c in CASES if c.id == "qualtrics-tsv-utf16")
    export = _export(tmp_path, case, example)
    result = score(run, export, example)
    assert result.exit_code == 0, result.stderr
    assert "Læst qualtrics.csv: qualtrics (utf-16-le, tab), 10 besvarelser." in result.stderr
    assert "2 testbesvarelser (Survey Preview) er ikke talt med." in result.stderr
    assert result.stderr.count("advarsel:") == 4
    assert "Resultaterne er skrevet til results/baseline.yaml." in result.stderr
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") > 2}
    # Whole percentages, rounded half up (42.857 -> 43, 62.5 -> 63, 57.14 -> 57), as the guide's table.
    assert lines["Tilhørsforhold (versus isolation)"].split("│")[2].strip() == "43 %"
    assert "3/7" in lines["Tilhørsforhold (versus isolation)"]
    assert "15,8–75,0 %" in lines["Tilhørsforhold (versus isolation)"]
    assert lines["Tillid (versus mistænksomhed)"].split("│")[2].strip() == "63 %"
    assert lines["Medskabende (versus ikke-deltager)"].split("│")[2].strip() == "50 %"
    assert lines["Tryghed"].split("│")[2].strip() == "57 %"
    assert "Læst" not in result.stdout


def test_case_spaces_and_unicode_form_do_not_matter(run: Any, example: Path, tmp_path: Path) -> None:
    """Headers and labels in capitals, decomposed (NFD: "å" as "a" + ring) and padded with spaces, as a
    hand-made sheet from a Mac may have them, match the workbook's statements and the scale."""

    def odd(text: str) -> str:
        return "  " + unicodedata.normalize("NFD", text).upper().replace(" ", "\u00a0 ") + " "

    statements = [odd(statement) for statement in STATEMENTS]
    rows = [[None if cell is None else odd(cell) for cell in row] for row in TABLE]
    export = make_export(tmp_path, "plain", statements, rows, fmt="xlsx")
    data = score_json(run, export, example)
    # The column is the header as the file has it, with its spaces trimmed and collapsed.
    assert_table_figures(data, [" ".join(statement.split()) for statement in statements])
