"""`--segment`: indicator scores per group (here the background question `alder`), where a group under the
disclosure threshold is neither named nor given a number, and no complementary cell lets its figures be
worked out from the total; the threshold comes from the workbook and is never below 3."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import json_error, snapshot
from ingest.factories import make_export

from .kit import DE, DU, HE, HU, HV, STATEMENTS, VI, score, score_json, set_survey

AGE = "Hvor gammel er du?"  # the background question `alder` in the example's Part 3
YOUNG, MID, OLDER, OLDEST = "Under 25 år", "25-39 år", "40-64 år", "65 år eller derover"

#          B1  B2  T   C   S1  S2 (reverse-worded)
Y1 = [HE, HE, HE, HE, HE, HU]  # every indicator positive (tryghed: 5 and 6-1 = 5)
Y2 = [HU, HU, HU, HU, HU, HE]  # none positive (tryghed: 1 and 6-5 = 1)
M = [DE, DE, DE, DE, DE, DU]  # all positive: means of exactly 4 (tryghed: 4 and 6-2 = 4)
A = [HU, HU, HU, VI, HU, HE]  # none positive; don't know on co-creation
B = [HE, DE, HV, DE, DE, DU]  # belonging 4.5 pos, trust 3 no, co-creation 4 pos, tryghed (4, 4) pos
C = [HV, HV, HE, HU, HV, HV]  # belonging 3 no, trust 5 pos, co-creation 1 no, tryghed (3, 3) no
GROUPS = [
    (YOUNG, [Y1, Y2, Y1, Y2]),  # 4 respondents: under the default threshold of 5
    (MID, [M] * 6),
    (OLDER, [A] * 4 + [B] * 4),
    (OLDEST, [C] * 9),
]
# By group (positive/n):  belonging  trust  co-creation  tryghed
#   Under 25 år (4)          2/4       2/4      2/4        2/4
#   25-39 år (6)             6/6       6/6      6/6        6/6
#   40-64 år (8)             4/8       0/8      4/4        4/8     (co-creation: 4 said "Ved ikke")
#   65 år eller derover (9)  0/9       9/9      0/9        0/9
#   all 27                  12/27     17/27    12/23      12/27
# Threshold 5: "Under 25 år" is not named (4 < 5). Its size alone would follow from the total minus the
# named groups' sizes, so the smallest named group (25-39 år, 6) goes unnamed too: the unnamed hold 10.
# Per indicator, a cell with n under 5 is held back (co-creation 40-64 år, n = 4); the hidden part (10 or 14
# answers, positive and not) cannot be worked out, so the rest is shown.
THRESHOLD_5 = {
    "belonging": {OLDER: (50.0, 4, 8), OLDEST: (0.0, 0, 9)},
    "trust": {OLDER: (0.0, 0, 8), OLDEST: (100.0, 9, 9)},
    "co-creation": {OLDER: None, OLDEST: (0.0, 0, 9)},
    "tryghed": {OLDER: (50.0, 4, 8), OLDEST: (0.0, 0, 9)},
}
# Threshold 3: every group is named (4 >= 3) and every cell has n >= 3; nothing to hide.
THRESHOLD_3 = {
    "belonging": {YOUNG: (50.0, 2, 4), MID: (100.0, 6, 6), OLDER: (50.0, 4, 8), OLDEST: (0.0, 0, 9)},
    "trust": {YOUNG: (50.0, 2, 4), MID: (100.0, 6, 6), OLDER: (0.0, 0, 8), OLDEST: (100.0, 9, 9)},
    "co-creation": {YOUNG: (50.0, 2, 4), MID: (100.0, 6, 6), OLDER: (100.0, 4, 4), OLDEST: (0.0, 0, 9)},
    "tryghed": {YOUNG: (50.0, 2, 4), MID: (100.0, 6, 6), OLDER: (50.0, 4, 8), OLDEST: (0.0, 0, 9)},
}
TOTALS = {"belonging": (12, 27), "trust": (17, 27), "co-creation": (12, 23), "tryghed": (12, 27)}


def export_by_age(tmp_path: Path) -> Path:
    """The groups interleaved (row order must not matter), ages in an extra column as Google Forms has it."""
    rows = [(group, row) for group, members in GROUPS for row in members]
    rows = rows[::2] + rows[1::2]
    return make_export(
        tmp_path,
        "google-forms",
        STATEMENTS,
        [row for _, row in rows],
        extra_columns={AGE: [group for group, _ in rows]},
    )


def cells(data: dict[str, Any]) -> dict[str, dict[str, tuple[float, int, int] | None]]:
    found: dict[str, dict[str, tuple[float, int, int] | None]] = {}
    for group in data["segments"]["groups"]:
        for cell in group["indicators"]:
            if cell["suppressed"]:
                # Suppressed: no figure at all, not even n.
                assert (cell["percent"], cell["positive"], cell["n"], cell["ci95"]) == (
                    None,
                    None,
                    None,
                    None,
                )
                value = None
            else:
                value = (cell["percent"], cell["positive"], cell["n"])
                assert cell["ci95"] is not None
            found.setdefault(cell["indicator"], {})[group["group"]] = value
    return found


def assert_not_derivable(data: dict[str, Any]) -> None:
    """For each indicator, what the total leaves once the shown cells are taken out (the hidden groups and
    the suppressed cells together) is nothing or at least the threshold: no small group can be worked out."""
    threshold = data["segments"]["threshold"]
    for indicator in data["indicators"]:
        shown = [
            cell
            for group in data["segments"]["groups"]
            for cell in group["indicators"]
            if cell["indicator"] == indicator["id"] and not cell["suppressed"]
        ]
        rest = indicator["n"] - sum(cell["n"] for cell in shown)
        assert rest == 0 or rest >= threshold, (indicator["id"], rest)


def test_small_groups_are_hidden_and_cannot_be_worked_out(run: Any, example: Path, tmp_path: Path) -> None:
    export = export_by_age(tmp_path)
    data = score_json(run, export, example, "--segment", "alder")
    for indicator in data["indicators"]:
        assert (indicator["positive"], indicator["n"]) == TOTALS[indicator["id"]]
    segments = data["segments"]
    assert segments["column"] == f"{AGE}"
    assert segments["threshold"] == 5
    assert [(g["group"], g["respondents"]) for g in segments["groups"]] == [(OLDER, 8), (OLDEST, 9)]
    assert (segments["hidden_groups"], segments["hidden_respondents"]) == (2, 10)
    assert cells(data) == THRESHOLD_5
    assert_not_derivable(data)
    # The hidden group is named nowhere: not in the JSON, the results file or the readable output.
    stored = (example / "results" / "baseline.yaml").read_text("utf-8")
    text = score(run, export, example, "--segment", "alder")
    assert text.exit_code == 0
    for output in (json.dumps(data, ensure_ascii=False), stored, text.stdout, text.stderr):
        assert YOUNG not in output
        assert MID not in output
    assert OLDER in stored
    assert OLDER in text.stdout
    assert "Opdelt efter Hvor gammel er du?" in text.stdout
    assert "2 grupper (10 besvarelser i alt) er ikke vist" in text.stdout
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in text.stdout.splitlines()
        if "│" in line
    }
    assert rows[OLDER] == ["8", "50 % (n = 8)", "0 % (n = 8)", "skjult", "50 % (n = 8)"]


def test_the_segment_column_by_its_header(run: Any, example: Path, tmp_path: Path) -> None:
    by_header = score_json(run, export_by_age(tmp_path), example, "--segment", AGE, "--dry-run")
    assert cells(by_header) == THRESHOLD_5


def test_the_threshold_comes_from_the_workbook(run: Any, example: Path, tmp_path: Path) -> None:
    set_survey(example, threshold=3)
    data = score_json(run, export_by_age(tmp_path), example, "--segment", "alder")
    assert data["segments"]["threshold"] == 3
    assert (data["segments"]["hidden_groups"], data["segments"]["hidden_respondents"]) == (0, 0)
    assert cells(data) == THRESHOLD_3
    assert_not_derivable(data)


def test_a_threshold_below_3_is_a_workbook_error(run: Any, example: Path, tmp_path: Path) -> None:
    set_survey(example, threshold=2)
    line = (example / "part3-evaluation.yaml").read_text("utf-8").splitlines().index(
        "  disclosure_threshold: 2"
    ) + 1
    before = snapshot(example)
    result = score(run, export_by_age(tmp_path), example, "--segment", "alder", "--json")
    assert result.exit_code == 1
    json_error(result.stdout, 1)
    assert result.stderr.startswith(f"fejl: part3-evaluation.yaml:{line}:")
    assert "Traceback" not in result.stderr
    assert snapshot(example) == before
    validate = run("validate", example)
    assert "threshold-too-low" in validate.stdout + validate.stderr
