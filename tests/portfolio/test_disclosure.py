"""DESIGN.md §3 in the portfolio: no number resting on fewer answers than the disclosure threshold is shown
anywhere (JSON, Markdown, HTML, XLSX), and none can be worked out from a pooled total and the values shown
beside it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from benchmarks.tree import SURVEY_INDICATORS, Made
from portfolio.kit import (
    SMALL,
    YOUNG,
    build_tree,
    html_rows,
    md_rows,
    partnership,
    portfolio,
    rollup_by_key,
    set_threshold,
    tree_path,
    xlsx_sheets,
)

HIDDEN = "skjult"
BELONGING = "belonging"
BELONGING_NAME = "Tilhørsforhold (versus isolation)"
SURVEY_NAMES = (
    "Tilhørsforhold (versus isolation)",
    "Tillid (versus mistænksomhed)",
    "Medskabende (versus ikke-deltager)",
    "Tryghed",
)
VALUE_KEYS_HIDDEN = {"percent": None, "count": None, "n": None, "met": None, "display": HIDDEN}


def _json(root: Path, *args: object) -> dict[str, Any]:
    result = portfolio(root, "--json", "--dry-run", *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _written(root: Path, out: Path, *args: object) -> dict[str, Any]:
    """Every format into `out`; the JSON read back."""
    result = portfolio(root, "-o", out, *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads((out / "portfolio.json").read_text("utf-8"))
    return data


def _by_name(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p["indicators"] for p in data["partnerships"]}


def _assert_hidden(value: Mapping[str, Any]) -> None:
    assert value["suppressed"] is True
    assert {key: value[key] for key in VALUE_KEYS_HIDDEN} == VALUE_KEYS_HIDDEN


def _assert_hidden_in_documents(out: Path, name: str, columns: tuple[str, ...] = SURVEY_NAMES) -> None:
    """The partnership's row says 'skjult' under each of `columns` in the Markdown, the HTML and the XLSX,
    with no n beside it."""
    md = (out / "portfolio.md").read_text("utf-8")
    html = (out / "portfolio.html").read_text("utf-8")
    (header,) = [row for row in md_rows(md, "Partnerskab") if "Trin" in row]
    (row,) = md_rows(md, name)
    for column in columns:
        assert row[header.index(column)] == HIDDEN, (name, column, row)
    (html_header,) = [r for r in html_rows(html) if r and r[0] == "Partnerskab"]
    (html_row,) = [r for r in html_rows(html) if r and r[0] == name]
    for column in columns:
        assert html_row[html_header.index(column)] == HIDDEN, (name, column, html_row)
    sheet = xlsx_sheets((out / "portfolio.xlsx").read_bytes())["Partnerskaber"]
    (xlsx_row,) = [r for r in sheet[1:] if r[0] == name]
    for column in columns:
        at = sheet[0].index(column)
        assert xlsx_row[at : at + 3] == [HIDDEN, None, None], (name, column, xlsx_row)


# -- partnerships with too few answers -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Made], Path]:
    root = tmp_path_factory.mktemp("tree")
    made = build_tree(root)
    out = root / "portfolio"
    result = portfolio(root)
    assert result.exit_code == 0, result.stderr
    return root, made, out


def test_a_small_partnership_is_hidden_in_the_json(tree: tuple[Path, list[Made], Path]) -> None:
    _, made, out = tree
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    by_path = {p["path"]: p["indicators"] for p in data["partnerships"]}
    for index in SMALL:
        assert all(made[index].counts[(i, "2026")][1] < 5 for i in SURVEY_INDICATORS)
        values = by_path[tree_path(index)]
        for indicator in SURVEY_INDICATORS:
            _assert_hidden(values[indicator])
            assert values[indicator]["target"] is not None  # the target is no secret
        # A count is not a number of answers: it stays.
        assert (values[YOUNG]["suppressed"], values[YOUNG]["count"]) == (False, 4.0)


def test_a_small_partnership_is_hidden_in_every_document(tree: tuple[Path, list[Made], Path]) -> None:
    _, _, out = tree
    for index in SMALL:
        _assert_hidden_in_documents(out, f"Partnerskab {index:04d}")


def test_every_value_under_the_threshold_is_hidden(tree: tuple[Path, list[Made], Path]) -> None:
    """For both years (the latest values and --year 2025): any value on fewer than 5 answers is hidden."""
    root, made, _ = tree
    for args, period in (((), "2026"), (("--year", "2025"), "baseline")):
        data = _json(root, *args)
        by_path = {p["path"]: p["indicators"] for p in data["partnerships"]}
        for m in made:
            if m.broken:
                continue
            for indicator in SURVEY_INDICATORS:
                value = by_path[m.folder.relative_to(root).as_posix()][indicator]
                if m.counts[(indicator, period)][1] < 5:
                    _assert_hidden(value)


ROLLUP_FIGURES = ("with_target", "met_target", "positive", "n", "percent", "ci95", "suppressed", "total")
SPREAD_FIGURES = ("pooling", "shown", "median", "min", "max", "tau2", "i2")


def _figures(data: Mapping[str, Any]) -> dict[tuple[str, int], tuple[Any, ...]]:
    """Every survey roll-up figure but the number of partnerships measuring (a count of partnerships, no
    answer); the count indicator is left out (the partnerships taken away had their counts shown)."""
    return {
        key: tuple(row[k] for k in (*ROLLUP_FIGURES, *SPREAD_FIGURES))
        for key, row in rollup_by_key(data).items()
        if key[0] != YOUNG
    }


def test_the_small_ones_cannot_be_worked_out_from_the_pooled_totals(
    tree: tuple[Path, list[Made], Path], tmp_path: Path
) -> None:
    """The attack: take the roll-up and the shown values and look for what the hidden ones add. Nothing:
    a hidden value enters no roll-up figure, so the roll-up with the small partnerships is the roll-up
    without them (only the number measuring differs) - also the differencing attack of adding one more
    small partnership to a portfolio and comparing the two releases."""
    root, _, _ = tree
    without = tmp_path / "without"
    shutil.copytree(root, without, ignore=shutil.ignore_patterns("portfolio"))
    for index in SMALL:
        shutil.rmtree(without / tree_path(index))
    for args in ((), ("--year", "2025"), ("--year", "2026")):
        assert _figures(_json(root, *args)) == _figures(_json(without, *args)), args


# -- exactly one small partnership in an indicator-year ---------------------------------------------------
def _one_small(root: Path, small: tuple[int, int], d: tuple[int, int]) -> None:
    """Four partnerships measuring belonging in 2026: a with `small`, b 42/60, c 50/70, d with `d`."""
    for index, (name, figures) in enumerate({"a": small, "b": (42, 60), "c": (50, 70), "d": d}.items()):
        partnership(root, f"org/{name}", index, {"2026": {BELONGING: figures}})


def test_one_small_value_is_left_out_of_every_rollup_figure(tmp_path: Path) -> None:
    _one_small(tmp_path, small=(2, 3), d=(30, 45))
    data = _written(tmp_path, tmp_path / "out")
    values = {p["path"]: p["indicators"][BELONGING] for p in data["partnerships"]}
    # a (n = 3) is under the threshold: hidden, and left out of the roll-up, so no complement is needed.
    assert [path for path, v in values.items() if v["suppressed"]] == ["org/a"]
    _assert_hidden(values["org/a"])
    (row,) = data["rollup"][:1]
    assert (row["indicator"], row["partnerships"], row["shown"], row["n"], row["suppressed"]) == (
        BELONGING,
        4,
        3,
        175,
        False,
    )
    # The same roll-up as without a at all.
    alone = tmp_path / "alone"
    _one_small(alone, small=(2, 3), d=(30, 45))
    shutil.rmtree(alone / "org" / "a")
    assert _figures(data) == _figures(_json(alone))
    _assert_hidden_in_documents(tmp_path / "out", "Partnerskab 0000", (BELONGING_NAME,))
    for document in ("portfolio.md", "portfolio.html"):
        text = (tmp_path / "out" / document).read_text("utf-8")
        assert not re.search(r"\bn\s?=\s?3\b", text), document
    # Whether a met its target is not counted either: 0 of b, c, d (70 %, 71 %, 67 %) met 85 %.
    assert (row["with_target"], row["met_target"]) == (3, 0)


@pytest.mark.parametrize("small", [(0, 5), (5, 5)])
def test_a_partnership_at_the_threshold_with_every_answer_alike_is_hidden(
    tmp_path: Path, small: tuple[int, int]
) -> None:
    """0/5 or 5/5 says what each of the five answered: treated as a small value."""
    _one_small(tmp_path, small=small, d=(30, 45))
    data = _json(tmp_path)
    values = {p["path"]: p["indicators"][BELONGING] for p in data["partnerships"]}
    _assert_hidden(values["org/a"])
    assert rollup_by_key(data)[(BELONGING, 2026)]["n"] == 175


def test_a_single_partnership_with_every_answer_alike_does_not_show_in_the_met_count(tmp_path: Path) -> None:
    """a 3/3 and b 40/40: a is hidden, b (40 answers) shown; the roll-up is b's alone, and 'met 1 of 1'
    is b's, not a's."""
    partnership(tmp_path, "a", 1, {"2026": {BELONGING: (3, 3)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (40, 40)}})
    data = _written(tmp_path, tmp_path / "out")
    assert [p["indicators"][BELONGING]["suppressed"] for p in data["partnerships"]] == [True, False]
    (row,) = data["rollup"][:1]
    assert (row["partnerships"], row["shown"], row["n"], row["with_target"], row["met_target"]) == (
        2,
        1,
        40,
        1,
        1,
    )
    md = (tmp_path / "out" / "portfolio.md").read_text("utf-8")
    assert "n = 3" not in md and "43" not in md


# -- a pooled total on too few answers -------------------------------------------------------------------
def test_a_pooled_total_under_the_threshold_is_hidden(tmp_path: Path) -> None:
    """Two partnerships measured co-creation with 2 answers each: both hidden, so nothing of it is shown:
    not a pooled figure, not its n, nor how many met the target."""
    partnership(tmp_path, "a", 1, {"2026": {BELONGING: (40, 60), "co-creation": (2, 2)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (50, 70), "co-creation": (1, 2)}})
    out = tmp_path / "out"
    data = _written(tmp_path, out)
    row = rollup_by_key(data)[("co-creation", 2026)]
    assert {k: row[k] for k in ("partnerships", "with_target", "met_target", *ROLLUP_FIGURES[2:])} == {
        "partnerships": 2,
        "with_target": 0,
        "met_target": 0,
        "positive": None,
        "n": None,
        "percent": None,
        "ci95": None,
        "suppressed": True,
        "total": None,
    }
    assert {k: row[k] for k in SPREAD_FIGURES} == dict.fromkeys(SPREAD_FIGURES)
    md = (out / "portfolio.md").read_text("utf-8")
    html = (out / "portfolio.html").read_text("utf-8")
    assert "| Medskabende (versus ikke-deltager) | S3 | 2026 | 2 | 0/0 | skjult |  |  |" in md
    assert ["Medskabende (versus ikke-deltager)", "S3", "2026", "2", "0/0", HIDDEN, "", ""] in html_rows(html)
    rollup = xlsx_sheets((out / "portfolio.xlsx").read_bytes())["Samlet"]
    (xlsx_row,) = [r for r in rollup[1:] if r[0] == "Medskabende (versus ikke-deltager)"]
    assert xlsx_row[5:9] == [HIDDEN, None, None, None]
    lines = [li for li in md.splitlines() if li.startswith("- Medskabende")]
    (line,) = [li for li in lines if "for få svar" not in li]
    assert "0 af 0 med en målsætning nåede den." in line
    # and the two hidden ones are counted as having too few answers (no more said of them)
    assert "- Medskabende (versus ikke-deltager), 2026: 2 partnerskaber havde for få svar" in md
    for name in ("Partnerskab 0001", "Partnerskab 0002"):
        _assert_hidden_in_documents(out, name, ("Medskabende (versus ikke-deltager)",))


def test_a_single_small_partnership_does_not_give_away_its_target(tmp_path: Path) -> None:
    """The only partnership to measure tryghed, with 3 answers, all positive: 'met 1 of 1' would say it
    scored 100 %."""
    partnership(tmp_path, "a", 1, {"2026": {BELONGING: (40, 60), "tryghed": (3, 3)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (50, 70)}})
    row = rollup_by_key(_json(tmp_path))[("tryghed", 2026)]
    assert (row["partnerships"], row["with_target"], row["met_target"], row["suppressed"]) == (1, 0, 0, True)
    assert (row["positive"], row["n"], row["percent"]) == (None, None, None)


# -- a stricter threshold in one workbook --------------------------------------------------------------------
def test_a_workbook_threshold_of_8_raises_the_organisations(tmp_path: Path) -> None:
    root = tmp_path / "root"
    a = partnership(root, "a", 1, {"2026": {BELONGING: (30, 40)}})
    partnership(root, "b", 2, {"2026": {BELONGING: (4, 6)}})  # 6 answers: over 5, under 8
    partnership(root, "c", 3, {"2026": {BELONGING: (50, 70)}})
    partnership(root, "d", 4, {"2026": {BELONGING: (45, 60)}})
    control = tmp_path / "control"
    shutil.copytree(root, control)
    set_threshold(a.folder, 8)

    before = _json(control)
    assert before["threshold"] == 5
    assert _by_name(before)["Partnerskab 0002"][BELONGING]["n"] == 6  # shown under the default

    out = tmp_path / "out"
    data = _written(root, out)
    assert data["threshold"] == 8
    values = {p["path"]: p["indicators"][BELONGING] for p in data["partnerships"]}
    assert [path for path, v in values.items() if v["suppressed"]] == ["b"]
    _assert_hidden(values["b"])
    assert "færre end 8 svar" in (out / "portfolio.md").read_text("utf-8")
    assert "færre end 8 svar" in (out / "portfolio.html").read_text("utf-8")
    _assert_hidden_in_documents(out, "Partnerskab 0002", (BELONGING_NAME,))
    (row,) = data["rollup"][:1]
    assert (row["shown"], row["n"]) == (3, 170)  # a, c, d: b's 6 answers are in no figure


def test_a_lower_workbook_threshold_does_not_lower_the_organisations(tmp_path: Path) -> None:
    a = partnership(tmp_path, "a", 1, {"2026": {BELONGING: (3, 4)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (50, 70)}})
    set_threshold(a.folder, 3)  # the lowest a workbook may set
    data = _json(tmp_path)
    assert data["threshold"] == 5
    _assert_hidden(_by_name(data)["Partnerskab 0001"][BELONGING])


# -- a value from an earlier year -------------------------------------------------------------------------
def test_an_earlier_small_value_stays_hidden_for_a_later_year(tmp_path: Path) -> None:
    """a measured only at baseline, with 3 answers. In the portfolio for 2026 its latest value is that
    baseline one, and it stays hidden: with --year as without."""
    partnership(tmp_path, "a", 1, {"baseline": {BELONGING: (2, 3)}})
    partnership(tmp_path, "b", 2, {"baseline": {BELONGING: (40, 60)}, "2026": {BELONGING: (45, 60)}})
    partnership(tmp_path, "c", 3, {"baseline": {BELONGING: (50, 70)}, "2026": {BELONGING: (40, 50)}})
    for args in ((), ("--year", "2026"), ("--year", "2025")):
        out = tmp_path / ("out" + "".join(args))
        data = _written(tmp_path, out, *args)
        value = _by_name(data)["Partnerskab 0001"][BELONGING]
        assert value["period"] == "baseline", args
        _assert_hidden(value)
        _assert_hidden_in_documents(out, "Partnerskab 0001", (BELONGING_NAME,))
    rows = rollup_by_key(_json(tmp_path, "--year", "2026"))
    assert set(rows) == {(BELONGING, 2026), (YOUNG, 2026)}
    assert (rows[(BELONGING, 2026)]["shown"], rows[(BELONGING, 2026)]["n"]) == (2, 110)
