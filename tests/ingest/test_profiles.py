"""The layouts as a declared list of profiles: every layout has one, the order decides between two that
would both take a header, and a new profile (even one known by its sheets) needs no change to the
readers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

import pytest

from b2c_cli import ingest
from b2c_cli.ingest import Cell, Column, Layout, profiles
from b2c_cli.ingest.layouts import profile_for
from b2c_cli.ingest.profile import XLSX, Header, Profile, Sheets
from b2c_cli.ingest.profiles import plain, surveyxact
from b2c_cli.ingest.text import header_text

from .expect import read
from .factories import write_csv, write_xlsx

Side = dict[str, list[list[Cell]]]


def header(*rows: Sequence[Cell], fmt: str = "csv", side: Side | None = None) -> Header:
    top = [(number, list(cells)) for number, cells in enumerate(rows, 1)]
    return Header.of(top, "xlsx" if fmt == "xlsx" else "csv", side or {})


def test_every_layout_has_a_profile_and_plain_takes_the_rest() -> None:
    assert {p.layout for p in profiles.PROFILES} == set(get_args(Layout))
    assert profiles.PROFILES[-1] is plain.PROFILE
    assert profile_for(header(["anything", "at all"])) is plain.PROFILE
    assert len(set(profiles.PROFILES)) == len(profiles.PROFILES)


def test_the_workbook_known_by_its_sheets_comes_first() -> None:
    assert profiles.PROFILES[0] is surveyxact.WORKBOOK
    # Its sheets decide even over a header another profile would take (here Google Forms').
    side: Side = {"Labels": [["q1", 1, "Helt enig"]]}
    found = profile_for(header(["Timestamp", "q1"], fmt="xlsx", side=side))
    assert found is surveyxact.WORKBOOK


def test_the_order_decides_between_two_profiles_that_both_recognise_a_header() -> None:
    """A Google Forms export with a question called 'respondentid' is Google Forms': SurveyXact's sign in a
    header is one column name, so it is asked late."""
    forms = header(["Timestamp", "respondentid", "Jeg har tillid til mine naboer"])
    assert surveyxact.DATASET_CSV.recognises(forms)
    assert profile_for(forms).layout == "google-forms"
    # A Qualtrics export whose second header row would pass SurveyMonkey's loose test stays Qualtrics'.
    qualtrics = header(
        ["StartDate", "EndDate", "Status", "ResponseId", "Q1"],
        ["", "End Date", "Response Type", "Response ID", "Response"],
    )
    monkey = next(p for p in profiles.PROFILES if p.layout == "surveymonkey")
    assert monkey.recognises(qualtrics)
    assert profile_for(qualtrics).layout == "qualtrics"


def test_a_profile_is_asked_only_for_the_formats_its_tool_writes() -> None:
    dataset = ["respondentid", "s_1", "statoverall_4"]
    assert profile_for(header(dataset, fmt="csv")) is surveyxact.DATASET_CSV
    assert profile_for(header(dataset, fmt="xlsx")) is surveyxact.DATASET_XLSX


def test_the_header_block_is_what_the_profiles_read() -> None:
    assert profiles.HEADER_BLOCK == max(p.reads_rows for p in profiles.PROFILES) == 3


# A made-up tool that writes its responses to a sheet "Svar" and its code labels to a sheet "Koder"
# (variable, code, label), to show that such a profile is one declaration: the readers need no change.
KODER = Sheets(responses="Svar", required=("Koder",))


def _koder_columns(head: Header) -> list[Column]:
    labels: dict[str, dict[str, str]] = {}
    for variable, code, label in head.side_sheets["Koder"]:
        labels.setdefault(header_text(variable), {})[header_text(code)] = header_text(label)
    return [Column(i, name, labels=labels.get(name)) for i, name in enumerate(head.names)]


SKEMA = Profile(
    "plain",
    lambda head: KODER.were_read(head.side_sheets),
    _koder_columns,
    formats=XLSX,
    sheets=KODER,
)


def test_a_new_profile_known_by_its_sheets_needs_no_change_to_the_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(
        tmp_path / "skema.xlsx",
        {
            "Forside": [["Beboerundersøgelse 2025"]],
            "Svar": [["nr", "q1"], [1, 2], [2, 1]],
            "Koder": [["q1", 1, "Helt enig"], ["q1", 2, "Delvis enig"]],
        },
    )
    before, _ = read(path)
    assert (before.sheet, before.columns[0].name) == ("Forside", "Beboerundersøgelse 2025")

    monkeypatch.setattr(profiles, "PROFILES", (SKEMA, *profiles.PROFILES))
    export, rows = read(path)
    assert export.sheet == "Svar"  # the profile's response sheet, not the first one
    assert export.columns[1].labels == {"1": "Helt enig", "2": "Delvis enig"}
    assert rows == [(2, [1.0, 2.0]), (3, [2.0, 1.0])]
    other, _ = read(path, sheet="Koder")  # another sheet asked for: read as it is, without side sheets
    assert (other.sheet, other.columns[0].name) == ("Koder", "q1")


def test_a_csv_never_gets_side_sheets(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "Dataset.csv", [["respondentid", "s_1"], ["1", "2"]], "utf-8", ";")
    export, _ = read(path)
    assert export.layout == "surveyxact-csv"
    assert export.columns[1].labels is None


def test_the_package_docstring_lists_the_profiles_in_their_order() -> None:
    listed = re.findall(r"^\d+\. ([a-z-]+)", ingest.__doc__ or "", re.MULTILINE)
    assert listed == [p.layout for p in profiles.PROFILES]
