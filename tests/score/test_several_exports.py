"""Several exports, one period: online and paper answers scored together as one sample, each source
recorded, the source as a segment, a respondent in two exports refused, and adding an export later only
with --add."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from ingest.factories import make_export, write_csv

from .kit import (
    DE,
    HE,
    HU,
    STATEMENTS,
    VI,
    drop_population,
    edit_part3,
    indicator,
    score,
    score_json,
)

ONLINE = [[HE] * 6, [DE] * 6, [HU] * 6, [VI] * 6]
PAPER = [[HE] * 6, [HU] * 6, [HU] * 6]


def paper_sheet(tmp_path: Path, rows: list[list[str]], first_id: int = 100, name: str = "papir.csv") -> Path:
    """The data-entry sheet typed in from paper questionnaires: an ID and one column per statement."""
    table: list[list[Any]] = [["ID", *STATEMENTS]]
    table += [[first_id + k, *row] for k, row in enumerate(rows)]
    return write_csv(tmp_path / name, table)


def test_two_exports_score_as_one_sample_with_every_source_recorded(
    run: Any, example: Path, tmp_path: Path
) -> None:
    online = make_export(tmp_path, "ms-forms", STATEMENTS, ONLINE)
    paper = paper_sheet(tmp_path, PAPER)
    data = score_json(run, online, example, paper)
    assert data["respondents"] == 7
    trust = indicator(data, "trust")  # HE, DE, HU, (VI) + HE, HU, HU: 3 of 6
    assert (trust["positive"], trust["n"], trust["dont_know"]) == (3, 6, 1)
    sources = data["sources"]
    assert [(s["file"], s["layout"], s["rows_used"]) for s in sources] == [
        (online.name, "ms-forms", 4),
        ("papir.csv", "plain", 3),
    ]
    for source, path in zip(sources, (online, paper), strict=True):
        assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    written = yaml.safe_load((example / "results" / "baseline.yaml").read_text("utf-8"))
    assert [s["file"] for s in written["sources"]] == [online.name, "papir.csv"]

    # the same again: nothing changes; the source as a segment
    assert score_json(run, online, example, paper)["action"] == "unchanged"
    by_source = score_json(run, online, example, paper, "--segment", "source", "--dry-run")
    assert by_source["segments"]["column"] == "source"


def test_a_respondent_in_two_exports_is_refused(run: Any, example: Path, tmp_path: Path) -> None:
    online = paper_sheet(tmp_path, ONLINE, first_id=1, name="online.csv")
    paper = paper_sheet(tmp_path, PAPER, first_id=4)  # 4 is in both
    result = score(run, online, example, paper, "--json")
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "score-duplicate-respondent"
    assert "online.csv" in error["message"]
    assert not (example / "results").exists()


def test_the_same_file_twice_is_refused(run: Any, example: Path, tmp_path: Path) -> None:
    paper = paper_sheet(tmp_path, PAPER)
    copy = tmp_path / "kopi.csv"
    copy.write_bytes(paper.read_bytes())
    result = score(run, paper, example, copy)
    assert result.exit_code == 3
    assert "papir.csv" in result.stderr


def test_adding_an_export_later_needs_add(run: Any, example: Path, tmp_path: Path) -> None:
    online = make_export(tmp_path, "ms-forms", STATEMENTS, ONLINE)
    paper = paper_sheet(tmp_path, [*PAPER, [DE] * 6, [HE] * 6])  # five: the period grows by the threshold
    score_json(run, online, example)
    before = (example / "results" / "baseline.yaml").read_bytes()
    # the paper answers alone would replace the online ones: refused
    alone = score(run, paper, example)
    assert alone.exit_code == 4
    # both, without --add: refused, and the message says --add
    both = score(run, online, example, paper)
    assert both.exit_code == 4 and "--add" in both.stderr
    # three more answers would show theirs in the difference between the two files: refused
    few = paper_sheet(tmp_path, PAPER, name="tre.csv")
    assert score(run, few, example, "--add").exit_code == 4
    assert score(run, online, example, few, "--add").exit_code == 4
    assert (example / "results" / "baseline.yaml").read_bytes() == before
    added = score_json(run, online, example, paper, "--add")
    assert added["respondents"] == 9 and added["action"] == "updated"
    # --add with only the new export: the four online answers were too few to keep counts of (the results
    # file holds them back), so there is nothing to add to - refused, naming the export to give again
    again = tmp_path / "again"
    again.mkdir()
    shutil.copytree(example, again / "hedemarken", ignore=shutil.ignore_patterns("results"))
    folder = again / "hedemarken"
    drop_population(folder)  # the exports have no age column to compare with the population
    score_json(run, online, folder)
    kept = (folder / "results" / "baseline.yaml").read_bytes()
    only_new = score(run, paper, folder, "--add")
    assert only_new.exit_code == 4 and "ms-forms.xlsx" in only_new.stderr
    assert (folder / "results" / "baseline.yaml").read_bytes() == kept


def test_an_export_without_an_indicator_scores_the_others(run: Any, example: Path, tmp_path: Path) -> None:
    """The paper sheet lacks the tryghed statements: the online answers alone measure tryghed; an export
    with none of them says tryghed was not measured; a misspelt statement still stops."""
    online = make_export(tmp_path, "ms-forms", STATEMENTS, ONLINE * 2)  # enough answers to be shown
    short = [["ID", *STATEMENTS[:4]]] + [[100 + k, *row[:4]] for k, row in enumerate(PAPER)]
    paper = write_csv(tmp_path / "papir.csv", short)
    data = score_json(run, online, example, paper)
    tryghed = indicator(data, "tryghed")
    assert tryghed["n"] == 6  # the online answers only (two don't know)
    assert tryghed["blank"] == 3  # the paper respondents were not asked
    later = write_csv(tmp_path / "papir-2026.csv", [*short, [200, *PAPER[0][:4]]])
    alone = score_json(run, later, example, period="2026")
    assert alone["not_measured"] == ["tryghed"]
    assert [(i["id"], i["not_measured"]) for i in alone["indicators"]] == [
        ("belonging", False),
        ("trust", False),
        ("co-creation", False),
        ("tryghed", True),
    ]
    shown = score(run, later, example, period="2026")
    assert "Ikke målt" in shown.stderr and "Tryghed" in shown.stderr
    misspelt = [["ID", *STATEMENTS[:4], STATEMENTS[4].replace("tryg", "trig")]]
    misspelt += [[100 + k, *row[:5]] for k, row in enumerate(PAPER)]
    typo = write_csv(tmp_path / "stavefejl.csv", misspelt)
    result = score(run, typo, example, period="2027")
    assert result.exit_code == 3
    assert "Nærmeste overskrifter" in result.stderr


def _numbered(tmp_path: Path, name: str, header: str, rows: list[list[str]], first: int) -> Path:
    table: list[list[Any]] = [[header, *STATEMENTS]]
    table += [[f"L{first + k}", *row] for k, row in enumerate(rows)]
    return write_csv(tmp_path / name, table)


def test_a_declared_id_column_finds_a_respondent_in_two_exports(
    run: Any, example: Path, tmp_path: Path
) -> None:
    """`survey: id_column: "Løbenr"`: a column no survey tool names so. Undeclared, the same respondent in
    both exports goes unnoticed; declared, it is refused, naming the other export."""
    online = _numbered(tmp_path, "online.csv", "Løbenr", ONLINE, first=1)
    paper = _numbered(tmp_path, "papir.csv", "Løbenr", PAPER, first=4)  # L4 is in both
    unchecked = score(run, online, example, paper, "--dry-run")
    assert unchecked.exit_code == 0, unchecked.stderr
    edit_part3(example, "survey:\n", 'survey:\n  id_column: "Løbenr"\n')
    result = score(run, online, example, paper, "--json")
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "score-duplicate-respondent"
    assert "online.csv" in error["message"] and "L4" in error["message"]
    assert not (example / "results").exists()
    apart = _numbered(tmp_path, "papir2.csv", "løbenr", PAPER, first=100)  # case and spacing do not count
    assert score_json(run, online, example, apart)["respondents"] == 7


def test_a_declared_id_column_the_export_lacks_is_refused(run: Any, example: Path, tmp_path: Path) -> None:
    edit_part3(example, "survey:\n", 'survey:\n  id_column: "Respondent nr"\n')
    online = _numbered(tmp_path, "online.csv", "Løbenr", ONLINE, first=1)
    result = score(run, online, example, "--lang", "en")
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    assert "online.csv" in message and "'Respondent nr'" in message
    assert "Columns in the file: Løbenr | " in message
    assert not (example / "results").exists()
