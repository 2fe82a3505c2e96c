"""Properties of the whole pipeline (export file -> CLI -> JSON), with Hypothesis: the order of the rows
does not matter, respondents who answered nothing but "Ved ikke" or blanks change no percentage, and (in
every run of both) each percentage lies in [0, 100] inside its own interval."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.factories import make_export

from .kit import DE, DU, HE, HU, HV, STATEMENTS, VI, all_figures, copy_partnership, figures, score_json

ANSWER = st.sampled_from([HE, DE, HV, DU, HU, VI, None])
ROW = st.lists(ANSWER, min_size=len(STATEMENTS), max_size=len(STATEMENTS))
TABLE = st.lists(ROW, min_size=1, max_size=30)
# Layouts that need nothing in the workbook beyond the statements' texts, in their usual format.
LAYOUT = st.sampled_from(["plain", "google-forms", "ms-forms", "qualtrics", "surveymonkey", "limesurvey"])
# `run` holds no state between calls (a CliRunner around the app), so sharing it across examples is safe;
# each example gets its own temporary partnership and export.
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def scored(run: Any, layout: str, rows: Sequence[Sequence[str | None]]) -> dict[str, Any]:
    """The JSON of scoring `rows` in a fresh partnership; every run is also checked for the bounds: each
    percentage (indicator and item) in [0, 100], inside its own Wilson interval, from its own counts."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = copy_partnership(Path(temporary))
        export = make_export(Path(temporary), layout, STATEMENTS, rows)
        data = score_json(run, export, folder)
        # The figures as scored, from the results file: the JSON hides those under the disclosure
        # threshold (n and counts only), which would hide what these properties are about.
        stored = yaml.safe_load((folder / "results" / "baseline.yaml").read_text("utf-8"))
        data["indicators"] = stored["indicators"]
    for entry in [e for i in data["indicators"] for e in (i, *i["items"])]:
        if entry.get("suppressed"):  # held back (fewer answers than the threshold): no count at all
            assert not {"percent", "positive", "n", "ci95", "dont_know", "blank", "steps"} & set(entry)
            continue
        if entry["n"] == 0:
            assert entry["percent"] is None and entry["ci95"] is None
            continue
        low, high = entry["ci95"]
        assert 0 <= low <= entry["percent"] <= high <= 100
        assert 0 <= entry["positive"] <= entry["n"]
        assert abs(entry["percent"] - 100 * entry["positive"] / entry["n"]) <= 0.05 + 1e-9
    return data


@PROPERTY
@given(layout=LAYOUT, table=TABLE, data=st.data())
def test_row_order_changes_no_figure(run: Any, layout: str, table: list[list[str | None]], data: Any) -> None:
    order = data.draw(st.permutations(range(len(table))))
    first = scored(run, layout, table)
    second = scored(run, layout, [table[i] for i in order])
    assert all_figures(second) == all_figures(first)
    assert second["warnings"] == first["warnings"]


@PROPERTY
@given(
    layout=LAYOUT,
    table=TABLE,
    added=st.lists(
        st.lists(st.sampled_from([VI, None]), min_size=len(STATEMENTS), max_size=len(STATEMENTS)),
        min_size=1,
        max_size=10,
    ),
    data=st.data(),
)
def test_rows_of_dont_know_and_blanks_change_no_percentage(
    run: Any, layout: str, table: list[list[str | None]], added: list[list[str | None]], data: Any
) -> None:
    """Each added respondent answers "Ved ikke" or leaves blank on every statement (a mix, per cell too),
    anywhere among the rows; they are counted as don't know or blank and change no n, percentage or
    interval."""
    positions = data.draw(st.lists(st.integers(0, len(table)), min_size=len(added), max_size=len(added)))
    longer = [list(row) for row in table]
    for row, at in zip(added, positions, strict=True):
        longer.insert(at, row)
    before = scored(run, layout, table)
    after = scored(run, layout, longer)
    assert after["respondents"] == before["respondents"] + len(added)
    for old, new in zip(before["indicators"], after["indicators"], strict=True):
        assert figures(new) == figures(old)
        assert new.get("suppressed") is old.get("suppressed")  # n and positives alike: held back alike
        if not new.get("suppressed"):
            assert new["dont_know"] + new["blank"] == old["dont_know"] + old["blank"] + len(added)
        for old_item, new_item in zip(old["items"], new["items"], strict=True):
            assert figures(new_item) == figures(old_item)
            assert new_item.get("steps") == old_item.get("steps")
