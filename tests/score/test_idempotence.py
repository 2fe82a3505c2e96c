"""The results file is written once per export: the same export again is a no-op (same bytes, same mtime),
another export for a scored period is refused (exit 4) unless --force, --dry-run writes nothing. And it
holds aggregates only: no name, e-mail, free text or other identifying value of the export reaches it, or
the terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from helpers import json_error, snapshot
from ingest.factories import PEOPLE, make_export

from .kit import DE, DU, HE, HU, HV, STATEMENTS, VI, files_under, score, score_json

ROWS: list[list[str | None]] = [
    [HE, DE, HE, DU, HE, HU],
    [DE, HV, DE, HV, DE, DE],
    [HV, HV, HU, HE, HU, HE],
    [VI, HE, VI, DE, VI, VI],
]
OTHER_ROWS: list[list[str | None]] = [*ROWS, [HE, HE, HE, HE, HE, HU]]


def test_the_same_export_again_changes_nothing(run: Any, example: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "google-forms", STATEMENTS, ROWS)
    first = score_json(run, export, example)
    assert first["action"] == "written"
    results = example / "results" / "baseline.yaml"
    # An old modification time, so that a rewrite in the same clock tick could not go unnoticed.
    os.utime(results, ns=(946_684_800_000_000_000, 946_684_800_000_000_000))
    written, mtime = results.read_bytes(), results.stat().st_mtime_ns
    before = snapshot(example)

    again = score_json(run, export, example)
    assert again["action"] == "unchanged"
    assert results.read_bytes() == written
    assert results.stat().st_mtime_ns == mtime
    assert snapshot(example) == before

    text = score(run, export, example)  # the readable output says so
    assert text.exit_code == 0
    assert "results/baseline.yaml er uændret: eksporten er allerede scoret." in text.stderr
    assert snapshot(example) == before


def test_the_results_file_is_deterministic_and_has_provenance(run: Any, tmp_path: Path) -> None:
    """Two partnerships scoring the same export get the same bytes: no timestamp, no absolute path."""
    from .kit import copy_partnership

    export = make_export(tmp_path, "surveyxact-xlsx", STATEMENTS, ROWS)
    one, two = copy_partnership(tmp_path, "one"), copy_partnership(tmp_path, "two")
    data = score_json(run, export, one)
    score_json(run, export, two)
    text = (one / "results" / "baseline.yaml").read_text("utf-8")
    assert text == (two / "results" / "baseline.yaml").read_text("utf-8")
    assert str(tmp_path) not in text
    assert data["source"]["sha256"] in text
    assert "file: surveyxact-xlsx.xlsx" in text
    assert "layout: surveyxact-xlsx" in text
    assert "sheet: Dataset" in text
    assert "b2c_version:" in text


def test_another_export_for_a_scored_period_is_refused(run: Any, example: Path, tmp_path: Path) -> None:
    first = make_export(tmp_path, "google-forms", STATEMENTS, ROWS, filename="first.csv")
    # 10 responses against the first's 4: at least the disclosure threshold apart, so it may replace it.
    second = make_export(tmp_path, "google-forms", STATEMENTS, OTHER_ROWS * 2, filename="second.csv")
    score_json(run, first, example)
    before = snapshot(example)

    refused = score(run, second, example, "--json")
    assert refused.exit_code == 4
    json_error(refused.stdout, 4)
    assert "results/baseline.yaml" in refused.stderr
    assert "first.csv" in refused.stderr  # the export the period's results came from
    assert "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(example) == before

    # A dry run of it is refused just the same (it would not be allowed for real).
    assert score(run, second, example, "--dry-run").exit_code == 4
    assert snapshot(example) == before

    # --force with --dry-run shows what would happen, and still writes nothing.
    dry = score_json(run, second, example, "--force", "--dry-run")
    assert dry["action"] == "dry-run"
    assert dry["respondents"] == 10
    assert snapshot(example) == before

    replaced = score_json(run, second, example, "--force")
    assert replaced["action"] == "replaced"
    stored = (example / "results" / "baseline.yaml").read_text("utf-8")
    assert "file: second.csv" in stored
    assert replaced["source"]["sha256"] in stored
    assert "respondents: 10" in stored


def test_dry_run_writes_nothing(run: Any, example: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "ms-forms", STATEMENTS, ROWS)
    before = snapshot(example)
    data = score_json(run, export, example, "--dry-run")
    assert data["action"] == "dry-run"
    assert data["results_file"] == "results/baseline.yaml"
    # 2 of 4 (4.5, 3.5, 3, 5): under the disclosure threshold, so held back with no count at all.
    first = data["indicators"][0]
    assert (first["suppressed"], first["positive"], first["n"], first["dont_know"]) == (
        True,
        None,
        None,
        None,
    )
    assert snapshot(example) == before
    assert not (example / "results").exists()

    text = score(run, export, example, "--dry-run", "--explain")
    assert text.exit_code == 0
    assert "Prøvekørsel: intet er skrevet (results/baseline.yaml ville blive skrevet)." in text.stderr
    assert snapshot(example) == before


def test_same_export_with_other_options_updates_and_the_period_defaults(
    run: Any, example: Path, tmp_path: Path
) -> None:
    """Without --period the first period without results is scored; the same export with --segment is an
    update of that period's file, not a refusal; the same export once more without --period is refused as
    the next period."""
    export = make_export(tmp_path, "google-forms", STATEMENTS, ROWS, extra_columns={"Afdeling": ["A"] * 4})
    result = score(run, export, example, "--json", period=None)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["period"] == "baseline"
    updated = score_json(run, export, example, "--segment", "Afdeling")
    assert updated["action"] == "updated"
    assert updated["segments"]["column"] == "Afdeling"
    # baseline has results, so the next period would be 2026: the same export must not become it (it used
    # to, inventing a year equal to the baseline).
    nxt = score(run, export, example, "--json", period=None)
    assert nxt.exit_code == 4, nxt.stdout + nxt.stderr
    error = json.loads(nxt.stdout)["error"]
    assert error["code"] == "score-export-in-other-period"
    assert "'baseline'" in error["message"] and "'2026'" in error["message"]
    assert not (example / "results" / "2026.yaml").exists()


# -- no respondent data in results or on the terminal -------------------------------------------------------

SECRETS = {
    "Kommentar": [
        "Min nabo Kirsten Vognmandsen i nr. 14 larmer hver nat",
        "Ring til mig på 20 45 67 89, hilsen Bjarke Uldahl",
        "Viceværten Preben Kjærsgaard hjælper altid",
        "Jeg er bange for drengene ved vaskeriet",
    ],
    "Telefon": ["+45 20 45 67 89", "+45 31 11 22 33", "+45 40 00 12 34", "+45 50 98 76 54"],
    "CPR-nummer": ["010190-1234", "020285-5678", "030375-9012", "040465-3456"],
}
LAYOUTS = ["surveyxact-xlsx", "ms-forms", "google-forms", "qualtrics", "surveymonkey", "limesurvey", "plain"]


def secrets() -> list[str]:
    found = [value for values in SECRETS.values() for value in values]
    found += [part for name, mail in PEOPLE for part in (name, mail)]
    found += [f"192.0.2.{i}" for i in range(1, 5)]  # Qualtrics' and SurveyMonkey's IP addresses
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_respondent_data_reaches_results_or_the_terminal(
    run: Any, example: Path, tmp_path: Path, layout: str
) -> None:
    export = make_export(
        tmp_path,
        layout,
        STATEMENTS,
        ROWS,
        extra_columns={**SECRETS, "Afdeling": ["Østerbo", "Søndergård", "Østerbo", "Søndergård"]},
    )
    outputs = []
    for args in (
        ["--json"],
        ["--explain"],
        ["--segment", "Afdeling", "--explain"],
        ["--segment", "Afdeling", "--json"],
    ):
        result = score(run, export, example, *args)
        assert result.exit_code == 0, result.stderr
        outputs += [result.stdout, result.stderr]
    stored = [data.decode("utf-8") for data in files_under(example / "results").values()]
    assert stored
    everything = "\n".join(outputs + stored)
    leaked = [secret for secret in secrets() if secret in everything]
    assert leaked == []
