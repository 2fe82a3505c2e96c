"""Exports b2c must not score, one per problem: the exit code of DESIGN.md §5 (3 for an unreadable or invalid
input, 1 for an invalid workbook, 2 for usage), a message that names the file (and the row, column and
values where there are some), no traceback, nothing on stdout, and nothing changed in the partnership."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from helpers import json_error, snapshot
from ingest.factories import QUESTION, make_export, write_csv, write_xlsx

from .kit import (
    DE,
    DU,
    HE,
    HU,
    HV,
    STATEMENTS,
    VI,
    copy_partnership,
    edit_part3,
    score,
    score_json,
    set_survey,
)

ROWS: list[list[Any]] = [
    [HE, DE, HE, DU, HE, HU],
    [DE, HV, DE, HV, DE, DE],
    [HV, HV, HU, HE, HU, HE],
    [VI, HE, VI, DE, VI, VI],
    [HE, DE, HE, DU, HE, HU],
    [DE, HV, DE, HV, DE, DE],
    [HE, HE, DE, DU, HE, HU],
    [DE, HV, DE, HV, DE, DE],
]
PERIOD = "2026"  # the bad exports are scored for 2026, after a good baseline


@pytest.fixture
def scored(run: Any, tmp_path: Path) -> Path:
    """The example partnership with its baseline scored, so 'nothing changed' covers a results file."""
    folder = copy_partnership(tmp_path)
    (tmp_path / "good").mkdir()
    good = make_export(tmp_path / "good", "google-forms", STATEMENTS, ROWS)
    score_json(run, good, folder, period="baseline")
    return folder


def fails(run: Any, export: Path, folder: Path, code: int, *args: object, period: str = PERIOD) -> str:
    """Run `b2c score --json` expecting exit `code`; the error message (stderr) it gave. Stdout holds
    the error as JSON."""
    before = snapshot(folder)
    result = score(run, export, folder, "--json", *args, period=period)
    assert result.exit_code == code, result.stdout + result.stderr
    json_error(result.stdout, code)
    assert "Traceback" not in result.stderr
    assert snapshot(folder) == before
    return result.stderr


def one_line(message: str) -> str:
    return " ".join(message.split())


def test_unknown_answer_labels_are_listed_with_counts_and_first_row(
    run: Any, scored: Path, tmp_path: Path
) -> None:
    rows = [list(row) for row in ROWS]
    rows[2][2] = rows[5][2] = "Måske"  # data rows start on row 2: respondents 3 and 6 are rows 4 and 7
    rows[7][2] = "Enig nok"  # row 9
    export = make_export(tmp_path, "google-forms", STATEMENTS, rows)
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith("fejl: google-forms.csv:4: Kolonne E (")  # Tidsstempel, E-mail, B1, B2, T
    assert "har 3 svar, som b2c ikke kender: 'Måske' ×2 (4), 'Enig nok' ×1 (9)" in message


def test_a_label_merging_neutral_and_dont_know_is_refused(run: Any, scored: Path, tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][3] = "Hverken/eller (ved ikke)"  # co-creation, respondent 2: row 3
    export = make_export(tmp_path, "ms-forms", STATEMENTS, rows)
    message = one_line(fails(run, export, scored, 3))
    # ID, Start time, Completion time, Email, Name, Last modified time, B1, B2, T, C: column J.
    assert message.startswith("fejl: ms-forms.xlsx:3: Kolonne J (")
    assert "'Hverken/eller (ved ikke)' ×1 (3)" in message


CODE = {HE: 5, DE: 4, HV: 3, DU: 2, HU: 1, VI: 9}


def test_numeric_codes_need_labels_and_score_once_the_workbook_states_them(
    run: Any, scored: Path, tmp_path: Path
) -> None:
    rows = [["Løbenr", *STATEMENTS]] + [[i + 1, *(CODE[cell] for cell in row)] for i, row in enumerate(ROWS)]
    export = write_csv(tmp_path / "koder.csv", rows, "cp1252", ";")
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith("fejl: koder.csv:2: Kolonne B (")
    # B1 holds 5 4 3 9 5 4 5 4: each code with its count and first row, most frequent first.
    assert "'4' ×3 (3), '5' ×3 (2), '3' ×1 (4), '9' ×1 (5)" in message
    assert "survey: codes:" in message

    set_survey(scored, codes={5: HE, 4: DE, 3: HV, 2: DU, 1: HU, 9: VI})
    data = score_json(run, export, scored, period=PERIOD)
    # trust (T): 5 4 1 9 5 4 4 4 -> top-2-box 6 of 7 = 85.7; belonging B1/B2 means: (5,4) (4,3) (3,3) (-,5)
    # (5,4) (4,3) (5,5) (4,3) -> 4.5 pos, 3.5, 3, 5 pos, 4.5 pos, 3.5, 5 pos, 3.5 -> 4 of 8 = 50.0
    trust = next(i for i in data["indicators"] if i["id"] == "trust")
    belonging = next(i for i in data["indicators"] if i["id"] == "belonging")
    assert (trust["percent"], trust["positive"], trust["n"], trust["dont_know"]) == (85.7, 6, 7, 1)
    assert (belonging["percent"], belonging["positive"], belonging["n"]) == (50.0, 4, 8)


def test_a_date_or_time_where_an_answer_belongs(run: Any, scored: Path, tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[3][2] = dt.datetime(2025, 3, 4)  # Excel turned "4-3" into a date: respondent 4, row 5
    rows[6][2] = dt.time(12, 30)  # row 8
    export = make_export(tmp_path, "plain", STATEMENTS, rows, fmt="xlsx", filename="datoer.xlsx")
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith("fejl: datoer.xlsx:5: Kolonne D (")  # Respondent, B1, B2, T
    assert "'12:30:00' ×1 (8)" in message
    assert "'2025-03-04' ×1 (5)" in message


def test_a_statement_in_no_column_lists_the_closest_headers(run: Any, scored: Path, tmp_path: Path) -> None:
    statements = list(STATEMENTS)
    statements[2] = statements[2].replace("tillid", "tiltro")  # the survey's text drifted from the workbook's
    export = make_export(tmp_path, "google-forms", statements, ROWS)
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith("fejl: google-forms.csv: Udsagnet 'Siden Nortec etablerede")
    assert "(indikator trust)" in message
    # The closest first: the statement as the export has it (cut at 70 characters), then its whole header.
    closest = (
        "Nærmeste overskrifter: 'Siden Nortec etablerede indendørs mødesteder, har jeg fået større tilt' | "
    )
    assert closest + f"'{QUESTION} [Siden Nortec etablered" in message
    assert "column:" in message


def test_a_statement_in_two_columns_is_ambiguous(run: Any, scored: Path, tmp_path: Path) -> None:
    last_year = f"Sidste år [{STATEMENTS[2]}]"
    export = make_export(
        tmp_path, "google-forms", STATEMENTS, ROWS, extra_columns={last_year: [HE] * len(ROWS)}
    )
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith("fejl: google-forms.csv: Udsagnet 'Siden Nortec etablerede")
    assert "passer på flere kolonner: Sidste år [Siden Nortec" in message
    assert f"| {QUESTION} [Siden Nortec" in message


def test_duplicate_headers(run: Any, scored: Path, tmp_path: Path) -> None:
    rows = [["Respondent", *STATEMENTS, STATEMENTS[2]]] + [[i, *row, HE] for i, row in enumerate(ROWS)]
    export = write_csv(tmp_path / "dubletter.csv", rows, "utf-8", ",")
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith(f"fejl: {export}:1: Overskriften 'Siden Nortec etablerede")
    assert "(D, H)" in message


@pytest.mark.parametrize("position", ["last", "middle"])
def test_data_under_a_blank_header(run: Any, scored: Path, tmp_path: Path, position: str) -> None:
    header = ["Respondent", *STATEMENTS]
    rows = [[i, *row] for i, row in enumerate(ROWS)]
    at = len(header) if position == "last" else 1
    header.insert(at, "")
    for row in rows:
        row.insert(at, "")
    rows[2][at] = "en note uden overskrift"  # row 4
    export = write_csv(tmp_path / "tom-overskrift.csv", [header, *rows], "utf-8", ",")
    message = one_line(fails(run, export, scored, 3))
    letter = "H" if position == "last" else "B"
    assert message.startswith(f"fejl: {export}:4:{at + 1}: Kolonne {letter} indeholder data")
    assert "en note uden overskrift" not in message


@pytest.mark.parametrize(("encoding", "delimiter"), [("cp1252", ";"), ("utf-8", ","), ("utf-16-le", "\t")])
def test_a_ragged_csv_row_is_named(
    run: Any, scored: Path, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    """The row that lost a field, whatever the delimiter: in a semicolon or tab file the statements' commas
    must not make the comma look like the delimiter and blame row 2."""
    rows = [["Respondent", *STATEMENTS]] + [[i, *row] for i, row in enumerate(ROWS)]
    rows[4] = rows[4][:-1]  # row 5 lost its last field
    export = write_csv(tmp_path / "skæv.csv", rows, encoding, delimiter)
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith(f"fejl: {export}:5: Denne række har 6 kolonner, men overskriften har 7.")


def test_a_ragged_row_after_the_sample_is_named(run: Any, scored: Path, tmp_path: Path) -> None:
    rows = [["Respondent", *STATEMENTS]] + [[i, *ROWS[i % len(ROWS)]] for i in range(2000)]
    rows[1500] = [*rows[1500], "ekstra"]
    export = write_csv(tmp_path / "lang.csv", rows, "cp1252", ";")
    message = one_line(fails(run, export, scored, 3))
    assert message.startswith(f"fejl: {export}:1501: Denne række har 8 kolonner, men overskriften har 7.")


def test_a_zero_byte_file(run: Any, scored: Path, tmp_path: Path) -> None:
    export = tmp_path / "tom.xlsx"
    export.write_bytes(b"")
    assert one_line(fails(run, export, scored, 3)).startswith(f"fejl: {export}: Filen er tom (0 byte).")


def test_an_old_xls_or_protected_workbook(run: Any, scored: Path, tmp_path: Path) -> None:
    for name in ("gammel.xls", "beskyttet.xlsx"):
        export = tmp_path / name
        export.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))  # the OLE2 header
        message = one_line(fails(run, export, scored, 3))
        assert message.startswith(f"fejl: {export}: Det er en gammel Excel .xls-fil")


def test_a_file_that_does_not_exist(run: Any, scored: Path, tmp_path: Path) -> None:
    export = tmp_path / "findes-ikke.xlsx"
    assert (
        one_line(fails(run, export, scored, 3))
        == f"fejl: {export}: Filen findes ikke. Tjek stien til eksporten."
    )


def test_a_folder_instead_of_a_file(run: Any, scored: Path, tmp_path: Path) -> None:
    assert "Det er en mappe, ikke en fil. Angiv selve eksporten" in fails(run, tmp_path, scored, 3)


def test_a_sheet_that_does_not_exist(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    message = one_line(fails(run, export, scored, 3, "--sheet", "Ark2"))
    assert message.startswith(f"fejl: {export}: Projektmappen har intet ark ved navn 'Ark2'.")
    assert "Dens ark er: 'Besvarelser'." in message


def test_a_sheet_in_a_csv_file(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="csv")
    assert "--sheet 'Besvarelser'" in fails(run, export, scored, 3, "--sheet", "Besvarelser")


def test_a_segment_column_that_is_missing(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    message = one_line(fails(run, export, scored, 3, "--segment", "afdeling"))
    assert message.startswith("fejl: plain.xlsx: Kolonnen 'afdeling' til --segment findes ikke")
    assert "Kolonner: Respondent | Siden Nortec" in message


@pytest.mark.parametrize("period", ["2026/27", "år 1", "", "-1", "baseline-"])
def test_an_invalid_period_is_a_usage_error(run: Any, scored: Path, tmp_path: Path, period: str) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    message = one_line(fails(run, export, scored, 2, period=period))
    expected = (
        "må kun indeholde bogstaverne a-z, tal og bindestreger og højst være 64 tegn lang, "
        "fx baseline eller 2026."
    )
    assert message == f"fejl: Perioden '{period}' {expected}"


def test_an_unknown_option_is_a_usage_error(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    result = score(run, export, scored, "--json", "--segmnet", "alder", period=PERIOD)
    assert result.exit_code == 2
    assert result.stdout == ""  # the parser's own errors: the arguments saying --json were not understood
    assert "No such option: --segmnet" in result.stderr


def test_a_folder_that_is_no_partnership_is_a_usage_error(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    elsewhere = tmp_path / "andet"
    elsewhere.mkdir()
    before = snapshot(scored)
    result = run("score", export, "--dir", elsewhere, "--period", PERIOD, "--json")
    assert result.exit_code == 2
    assert json_error(result.stdout, 2)["code"] == "no-partnership"
    assert result.stderr.startswith(f"fejl: Der er ingen b2c.yaml i {elsewhere}")
    assert snapshot(scored) == before
    assert list(elsewhere.iterdir()) == []


def test_a_workbook_with_an_error_in_part3(run: Any, scored: Path, tmp_path: Path) -> None:
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="xlsx")
    edit_part3(scored, "    kind: count\n", "    kind: counted\n")
    line = (scored / "part3-evaluation.yaml").read_text("utf-8").splitlines().index("    kind: counted") + 1
    message = one_line(fails(run, export, scored, 1))
    assert message.startswith(f"fejl: part3-evaluation.yaml:{line}:")
    assert "b2c validate" in message


def test_a_csv_renamed_xlsx_is_read_as_csv(run: Any, scored: Path, tmp_path: Path) -> None:
    """Not an error: what a file is comes from its bytes, not its name."""
    export = make_export(tmp_path, "plain", STATEMENTS, ROWS, fmt="csv", filename="omdøbt.xlsx")
    data = score_json(run, export, scored, period=PERIOD)
    assert (data["source"]["format"], data["source"]["layout"]) == ("csv", "plain")
    assert (data["source"]["encoding"], data["source"]["delimiter"]) == ("cp1252", ";")
    assert data["respondents"] == len(ROWS)
    trust = next(i for i in data["indicators"] if i["id"] == "trust")
    assert (trust["positive"], trust["n"]) == (6, 7)  # T: HE DE HU VI HE DE DE DE


def test_an_export_with_only_headers(run: Any, scored: Path, tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "kun-overskrifter.xlsx", {"Ark1": [["Respondent", *STATEMENTS]]})
    assert "kun-overskrifter.xlsx: Eksporten indeholder ingen besvarelser" in fails(run, export, scored, 3)
