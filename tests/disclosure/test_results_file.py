"""The results file (`results/PERIOD.yaml`, committed and published with the workbook) attacked with
nothing but what b2c writes: it keeps no figure b2c would not publish, and two releases of a period never
differ by fewer answers than the threshold (DESIGN.md §3, `b2c_cli.survey.disclosure`)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint

from b2c_cli.survey import disclosure
from ingest.factories import make_export
from score.kit import DE, HE, HU, STATEMENTS, VI, copy_partnership, score, score_json

# Every statement answered positively (the sixth is reverse-worded: disagreeing is the positive answer).
ALL_POSITIVE = [HE, HE, HE, HE, HE, HU]
COUNTS = {"percent", "positive", "n", "ci95", "dont_know", "blank", "steps", "weighted", "answered"}
RESULTS = Path("results") / "baseline.yaml"


def _export(tmp_path: Path, rows: list[list[str | None]], name: str = "x") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return make_export(folder, "google-forms", STATEMENTS, rows)


def _stored(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / RESULTS).read_text("utf-8"))
    return data


def _numbers(entry: Any) -> list[int]:
    """Every whole number anywhere in a YAML value (a count hidden under another key would show here)."""
    if isinstance(entry, bool):
        return []
    if isinstance(entry, int):
        return [entry]
    if isinstance(entry, dict):
        return [n for value in entry.values() for n in _numbers(value)]
    if isinstance(entry, list):
        return [n for value in entry for n in _numbers(value)]
    return []


@pytest.mark.parametrize("respondents", [1, 4, 5])
def test_a_small_all_positive_sample_leaves_no_answer_in_the_results_file(
    run: Any, tmp_path: Path, respondents: int
) -> None:
    """1, 4 or 5 residents who all answered positively: with 5 every indicator is 5/5 and every statement
    5 of 5 in the positive steps, so any count would give each one's answers away. The file says which
    figures are held back and keeps none of their counts - not n, don't-know or blank either, which with
    the printed `respondents` would pin one another."""
    folder = copy_partnership(tmp_path)
    data = score_json(run, _export(tmp_path, [ALL_POSITIVE] * respondents), folder)
    stored = _stored(folder)
    assert stored["respondents"] == respondents
    for indicator in stored["indicators"]:
        assert indicator["suppressed"] is True, indicator["id"]
        assert set(indicator) == {"id", "suppressed", "items"}
        for item in indicator["items"]:
            assert item["suppressed"] is True
            assert not COUNTS & set(item)
            assert set(item) <= {"text", "column", "reverse", "suppressed", "scale"}
    # What the respondents less the shown counts could pin: nothing is shown but the respondents (the
    # warnings name the indicators and the threshold, no n).
    for warning in stored["warnings"]:
        assert warning["code"] == "held-back" and warning.get("n") is None
    shown = [
        n
        for key, value in stored.items()
        if key not in ("respondents", "schema_version")
        for n in _numbers(value)
    ]
    assert shown == [5] * len(stored["indicators"]), shown  # the threshold in each held-back warning
    # The JSON and the terminal say what was held back and why, and print no figure of it.
    assert data["held_back"]["indicators"] == [i["id"] for i in stored["indicators"]]
    assert all(i["n"] is None and i["dont_know"] is None for i in data["indicators"])
    text = score(run, _export(tmp_path, [ALL_POSITIVE] * respondents, "again"), folder, "--dry-run")
    assert "Holdt tilbage i results/baseline.yaml" in text.stderr and "færre end 5 svar" in text.stderr
    assert f"{respondents}/{respondents}" not in text.stdout and "100 %" not in text.stdout


def _twelve(second: int) -> list[list[str | None]]:
    """Twelve residents answering HE, DE, HU, VI in turn; belonging's second statement answered by the first
    `second` of them only (the others left it blank)."""
    rows: list[list[str | None]] = []
    for k in range(12):
        answer = (HE, DE, HU, VI)[k % 4]
        rows.append([answer, answer if k < second else None, answer, DE, HU, HE])
    return rows


def test_a_statement_nobody_answered_is_held_back_and_the_rest_is_exact(run: Any, tmp_path: Path) -> None:
    """belonging's second statement left blank by all twelve: held back with no count (not even the
    twelve blanks); belonging itself (nine answers) is shown exactly as an independent computation gives
    it (exact fractions, statsmodels' Wilson), and the terminal and the JSON say what was held back."""
    folder = copy_partnership(tmp_path)
    data = score_json(run, _export(tmp_path, _twelve(0)), folder)
    (held,) = data["held_back"]["statements"]
    assert (held["indicator"], held["text"]) == ("belonging", STATEMENTS[1])
    shown = score(run, _export(tmp_path, _twelve(0)[::-1], "again"), folder, "--dry-run", "--force")
    said = " ".join(shown.stderr.split())
    assert "Udsagn holdt tilbage i results/baseline.yaml (besvaret af færre end 5, eller af 5" in said
    belonging = next(i for i in _stored(folder)["indicators"] if i["id"] == "belonging")
    first, second = belonging["items"]
    assert second["suppressed"] is True and not COUNTS & set(second)
    assert second["text"] == STATEMENTS[1] and second["column"]
    assert "suppressed" not in first and "suppressed" not in belonging
    # first statement: 3 HE, 3 DE, 3 HU, 3 VI -> 6 positive of 9 valid
    assert (first["positive"], first["n"], first["dont_know"], first["blank"]) == (6, 9, 3, 0)
    assert first["steps"] == {1: 3, 2: 0, 3: 0, 4: 3, 5: 3}
    assert (belonging["positive"], belonging["n"], belonging["dont_know"], belonging["blank"]) == (6, 9, 3, 0)
    assert belonging["percent"] == round(float(Fraction(6, 9) * 100), 1)
    low, high = proportion_confint(6, 9, alpha=0.05, method="wilson")
    assert belonging["ci95"] == [round(low * 100, 1), round(high * 100, 1)]


def test_an_indicator_mixing_in_a_statement_of_few_answers_is_held_back(run: Any, tmp_path: Path) -> None:
    """belonging's second statement answered by three of twelve: held back, and belonging with it - each
    respondent's mean mixes those three answers in, and belonging's positives beside the first statement's
    answers per step would tell which way they went. trust (the same answers, one statement) stays exact."""
    folder = copy_partnership(tmp_path)
    data = score_json(run, _export(tmp_path, _twelve(3)), folder)
    assert "belonging" in data["held_back"]["indicators"]
    stored = _stored(folder)
    belonging = next(i for i in stored["indicators"] if i["id"] == "belonging")
    assert belonging["suppressed"] is True and set(belonging) == {"id", "suppressed", "items"}
    assert [item["text"] for item in belonging["items"]] == list(STATEMENTS[:2])
    assert all(item["suppressed"] is True and not COUNTS & set(item) for item in belonging["items"])
    trust = next(i for i in stored["indicators"] if i["id"] == "trust")
    assert (trust["positive"], trust["n"], trust["dont_know"], trust["blank"]) == (6, 9, 3, 0)
    low, high = proportion_confint(6, 9, alpha=0.05, method="wilson")
    assert trust["ci95"] == [round(low * 100, 1), round(high * 100, 1)]
    # the report hides it too (the figures layer's rule)
    from report.kit import render

    md = render(folder, "--format", "md", output=tmp_path / "out")["esg-report.md"].decode("utf-8")
    assert "Tilhørsforhold (versus isolation), Baseline (2025): færre end 5 svar" in md


def _rows(changed: int) -> list[list[str | None]]:
    """Twenty residents, ten disagreeing and ten agreeing; the first `changed` of the disagreeing ones
    agree instead (each such change moves one answer to every statement)."""
    return [[HE, DE, HE, DE, HE, HU] if k < changed or k >= 10 else [HU] * 5 + [HE] for k in range(20)]


def test_a_same_size_swap_cannot_be_read_off_a_git_diff(run: Any, tmp_path: Path) -> None:
    """Differencing with the size kept: one response taken out and another put in (a swap), or a
    correction of four, would show those answers in the diff of the results file. Refused (exit 4), even
    with --force, naming the file and the statement and the way out; the file unchanged byte for byte."""
    folder = copy_partnership(tmp_path)
    score_json(run, _export(tmp_path, _rows(0), "a"), folder)
    before = (folder / RESULTS).read_bytes()
    for changed, name in ((1, "swap"), (4, "four")):
        refused = score(run, _export(tmp_path, _rows(changed), name), folder, "--force")
        assert refused.exit_code == 4, refused.stdout + refused.stderr
        message = " ".join(refused.stderr.split())
        assert "results/baseline.yaml" in message
        assert f"afviger med kun {changed} svar" in message and STATEMENTS[0][:30] in message
        assert "mindst 5 svar" in message and "slet den og scor igen" in message
        assert (folder / RESULTS).read_bytes() == before
    english = score(run, _export(tmp_path, _rows(1), "en"), folder, "--force", "--lang", "en")
    assert english.exit_code == 4 and "differs by only 1 answer" in " ".join(english.stderr.split())
    # The same answers from another export (nothing changed) and a correction of five are allowed.
    same = score_json(run, _export(tmp_path, _rows(0)[::-1], "same"), folder, "--force")
    assert same["action"] == "replaced"
    five = score_json(run, _export(tmp_path, _rows(5), "five"), folder, "--force")
    assert five["action"] == "replaced"


def test_a_same_size_swap_of_one_segment_is_refused(run: Any, tmp_path: Path) -> None:
    """The answers alike, one resident's group changed (a corrected background answer): the group sizes
    would show it in the diff. Refused like a swap of answers."""
    folder = copy_partnership(tmp_path)
    rows = _rows(0)
    groups = ["Blok A"] * 10 + ["Blok B"] * 10
    moved = ["Blok A"] * 9 + ["Blok B"] * 11
    first = tmp_path / "a"
    first.mkdir()
    export = make_export(first, "google-forms", STATEMENTS, rows, extra_columns={"Blok": groups})
    assert score(run, export, folder, "--segment", "Blok").exit_code == 0
    before = (folder / RESULTS).read_bytes()
    second = tmp_path / "b"
    second.mkdir()
    again = make_export(second, "google-forms", STATEMENTS, rows, extra_columns={"Blok": moved})
    refused = score(run, again, folder, "--segment", "Blok", "--force")
    assert refused.exit_code == 4, refused.stdout + refused.stderr
    assert "Blok" in refused.stderr
    assert (folder / RESULTS).read_bytes() == before


def test_an_old_results_file_with_full_small_counts_still_reads_and_stays_hidden(
    run: Any, tmp_path: Path
) -> None:
    """A file written before this rule keeps n = 1 with its counts: it still reads, and every output
    still hides the figure (the figures layer's rule, as before)."""
    folder = copy_partnership(tmp_path)
    score_json(run, _export(tmp_path, [ALL_POSITIVE] * 12), folder)
    stored = _stored(folder)
    trust = next(i for i in stored["indicators"] if i["id"] == "trust")
    trust.update(percent=100.0, positive=1, n=1, ci95=[20.7, 100.0], dont_know=0, blank=11)
    trust["items"][0].update(percent=100.0, positive=1, n=1, ci95=[20.7, 100.0], dont_know=0, blank=11)
    trust["items"][0]["steps"] = {1: 0, 2: 0, 3: 0, 4: 0, 5: 1}
    (folder / RESULTS).write_text(yaml.safe_dump(stored, allow_unicode=True, sort_keys=False), "utf-8")
    assert run("validate", folder).exit_code == 0
    status = run("status", folder, "--json")
    assert status.exit_code == 0, status.stdout + status.stderr
    from report.kit import render

    files = render(folder, "--format", "md", output=tmp_path / "out")
    md = files["esg-report.md"].decode("utf-8")
    assert "færre end 5 svar" in md


@given(
    before=st.lists(st.integers(0, 6), min_size=1, max_size=6),
    moves=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=8),
)
def test_least_changed_is_half_the_l1_distance_and_never_more_than_the_answers_moved(
    before: list[int], moves: list[tuple[int, int]]
) -> None:
    """An independent check of the differencing measure: moving k answers between steps changes the
    vector by at most k (so the measure never overstates what changed), and with equal totals the
    measure is half the L1 distance."""
    after = list(before)
    moved = 0
    for source, target in moves:
        if source < len(after) and target < len(after) and after[source] > 0:
            after[source] -= 1
            after[target] += 1
            moved += 1
    old, new = dict(enumerate(before)), dict(enumerate(after))
    changed = disclosure.least_changed(old, new)
    assert changed <= moved
    assert 2 * changed == sum(abs(a - b) for a, b in zip(before, after, strict=True))
    assert disclosure.correction_allowed(changed, 5) is (changed == 0 or changed >= 5)
    # one answer added (a respondent more): one change
    assert disclosure.least_changed(old, {**old, 0: old[0] + 1}) == 1


def test_a_statement_of_exactly_the_threshold_all_alike_is_held_back_with_its_indicator(
    run: Any, tmp_path: Path
) -> None:
    """belonging's second statement answered by exactly five, all 'Helt enig': 5 of 5 positive tells each
    of the five's answer, so it is held back like a statement of fewer answers (dominance), and so is
    belonging, whose respondent means mix those five in (mixing); the other indicators stay exact."""
    folder = copy_partnership(tmp_path)
    rows = _twelve(0)
    for k in range(5):
        rows[k][1] = HE
    data = score_json(run, _export(tmp_path, rows), folder)
    stored = {i["id"]: i for i in _stored(folder)["indicators"]}
    belonging = stored["belonging"]
    assert belonging["suppressed"] is True and not COUNTS & set(belonging)
    assert all(item["suppressed"] is True and not COUNTS & set(item) for item in belonging["items"])
    assert "belonging" in data["held_back"]["indicators"]
    # trust (the third column: HE, DE, HU, VI in turn) is untouched: 6 positive of 9, 3 don't know
    trust = stored["trust"]
    assert (trust["positive"], trust["n"], trust["dont_know"]) == (6, 9, 3)
    # the report shows no figure of belonging, and says why
    assert run("report", folder, "--format", "md").exit_code == 0
    report = (folder / "reports" / "esg-report.md").read_text("utf-8")
    row = next(
        line for line in report.splitlines() if line.startswith("| Faste indikatorer | Tilhørsforhold")
    )
    assert row.split(" | ")[3:7] == ["", "", "", ""]
    assert "Tilhørsforhold (versus isolation), Baseline (2025): færre end 5 svar" in report
