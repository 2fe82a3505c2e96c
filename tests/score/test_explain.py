"""`--explain` says which column each statement was found in and why, and which columns look like agree-scale
answers but were not used; the progress bar for large files never shows when stderr is not a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.cli import score_cmd
from ingest.factories import make_export, write_xlsx

from .kit import DE, DU, HE, HU, HV, STATEMENTS, VI, edit_part3, score, score_json

ROWS: list[list[str | None]] = [
    [HE, DE, HE, DU, HE, HU],
    [DE, HV, DE, HV, DE, DE],
    [HV, HV, HU, HE, HU, HE],
    [VI, HE, VI, DE, VI, VI],
]
EXTRA = {
    "Jeg kan lide min opgang": [HE, "Delvis uenig", HV, "Helt uenig"],  # agree-scale answers, not in Part 3
    "Kommentar": ["Fint", "Mere lys i kælderen", "", "Nej"],
    "Afdeling": ["Østerbo", "Søndergård", "Østerbo", "Søndergård"],
}
# Headers as a hand-made sheet may have them: the statement alone, after a question and " - " or ": ", in
# brackets, or a bare code the workbook names with column:.
HEADERS = [
    f"1. Hvor enig er du? - {STATEMENTS[0]}",
    STATEMENTS[1],
    "Q3",
    f"Hvor enig er du? [{STATEMENTS[3]}]",
    f"Spørgsmål 5: {STATEMENTS[4]}",
    STATEMENTS[5],
]
REASONS = ["text-part", "text", "column", "text-part", "text-part", "text"]
INDICATOR_OF = ["belonging", "belonging", "trust", "co-creation", "tryghed", "tryghed"]


@pytest.fixture
def export(example: Path, tmp_path: Path) -> Path:
    """A plain sheet with three extra columns; trust's column (a bare code) is named in the workbook."""
    edit_part3(example, f'- text: "{STATEMENTS[2]}"\n', f'- text: "{STATEMENTS[2]}"\n        column: "Q3"\n')
    header = ["Løbenr", *EXTRA, *HEADERS]
    rows = [[i + 1, *(EXTRA[name][i] for name in EXTRA), *row] for i, row in enumerate(ROWS)]
    return write_xlsx(tmp_path / "håndlavet.xlsx", {"Ark1": [header, *rows]})


def test_explain_in_json(run: Any, example: Path, export: Path) -> None:
    data = score_json(run, export, example, "--explain")
    assert [(m["indicator"], m["text"], m["column"], m["reason"]) for m in data["matches"]] == list(
        zip(INDICATOR_OF, STATEMENTS, HEADERS, REASONS, strict=True)
    )
    assert data["unused_scale_columns"] == ["Jeg kan lide min opgang"]


def test_explain_on_screen(run: Any, example: Path, export: Path) -> None:
    result = run(
        "score", export, "--dir", example, "--period", "baseline", "--explain", env={"COLUMNS": "1000"}
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Hvilken kolonne hvert udsagn blev fundet i" in out
    rows = [
        [cell.strip() for cell in line.split("│")[1:-1]] for line in out.splitlines() if line.count("│") == 5
    ]
    explained = [row for row in rows if row[0] in ("belonging", "trust", "co-creation", "tryghed")]
    assert [(row[0], row[1], row[2]) for row in explained] == list(
        zip(INDICATOR_OF, STATEMENTS, HEADERS, strict=True)
    )
    reason = {
        "text": "udsagnets tekst",
        "text-part": "udsagnets tekst i en længere overskrift",
        "column": "kolonnenavn i arbejdsbogen",
    }
    assert [row[3] for row in explained] == [reason[r] for r in REASONS]
    assert "Ubrugte kolonner, der ligner svar på enig-skalaen: Jeg kan lide min opgang" in out

    plain = score(run, export, example)
    assert plain.exit_code == 0
    assert "Hvilken kolonne" not in plain.stdout
    assert "Ubrugte kolonner" not in plain.stdout


def test_explain_with_nothing_unused(run: Any, example: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "ms-forms", STATEMENTS, ROWS)
    data = score_json(run, export, example, "--explain")
    assert {m["reason"] for m in data["matches"]} == {"text"}  # Microsoft Forms: the statement is the header
    assert data["unused_scale_columns"] == []
    text = score(run, export, example, "--explain")
    assert "Ubrugte kolonner, der ligner svar på enig-skalaen: -" in text.stdout


# -- progress ------------------------------------------------------------------------------------------------


@pytest.fixture
def large_export(tmp_path: Path) -> Path:
    rows = [ROWS[i % len(ROWS)] for i in range(30_000)]
    path = make_export(tmp_path, "plain", STATEMENTS, rows, fmt="csv")
    assert path.stat().st_size >= score_cmd.PROGRESS_FROM_BYTES
    return path


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_when_stderr_is_not_a_terminal(run: Any, example: Path, large_export: Path) -> None:
    as_json = score(run, large_export, example, "--json", "--dry-run")
    assert as_json.exit_code == 0, as_json.stderr
    assert as_json.stderr.splitlines() == [
        "Prøvekørsel: intet er skrevet (results/baseline.yaml ville blive skrevet)."
    ]
    result = score(run, large_export, example)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Læst plain.csv: plain (cp1252, ';'), 30.000 besvarelser.",  # Danish thousands
        "Resultaterne er skrevet til results/baseline.yaml.",
    ]
    for output in (result.stderr, as_json.stderr, as_json.stdout):
        assert "\r" not in output
        assert "━" not in output


def test_progress_only_for_large_files_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, large_export: Path
) -> None:
    """The other side of the test above, so it cannot pass for the wrong reason: on a terminal the same
    file gets a progress bar; a small file never does; off a terminal there is none."""
    small = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="csv", filename="small.csv")
    assert score_cmd._progress(large_export).enabled is False  # pytest's stderr is no terminal
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert score_cmd._progress(small).enabled is False
    progress = score_cmd._progress(large_export)
    assert progress.enabled is True
    with progress as update:
        assert update is not None
        update(1, 2)
