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
    one_decimal,
    partnership,
    portfolio,
    positive_from,
    possible_positives,
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


def test_the_small_ones_cannot_be_worked_out_from_the_pooled_totals(
    tree: tuple[Path, list[Made], Path],
) -> None:
    """With every partnership's value for one year in view (--year), the pooled total less the shown values
    leaves the hidden ones; each small one's positive count is still open, even to a reader who knew every
    hidden n."""
    root, made, _ = tree
    for year, period in ((2025, "baseline"), (2026, "2026")):
        data = _json(root, "--year", year)
        rows = rollup_by_key(data)
        by_path = {p["path"]: p["indicators"] for p in data["partnerships"]}
        for indicator in SURVEY_INDICATORS:
            row = rows[(indicator, year)]
            shown = [
                v[indicator] for v in by_path.values() if indicator in v and not v[indicator]["suppressed"]
            ]
            hidden = [
                m.counts[(indicator, period)]
                for m in made
                if not m.broken and by_path[m.folder.relative_to(root).as_posix()][indicator]["suppressed"]
            ]
            assert len(hidden) >= 2  # the two small ones (and another, when theirs add up to under 5)
            hidden_positive = row["positive"] - sum(positive_from(v) for v in shown)
            hidden_n = row["n"] - sum(v["n"] for v in shown)
            assert (hidden_positive, hidden_n) == (sum(p for p, _ in hidden), sum(n for _, n in hidden))
            for _, n in hidden:
                assert len(possible_positives(n, hidden_positive, hidden_n)) > 1, (indicator, year, hidden)


# -- exactly one small partnership in an indicator-year ---------------------------------------------------
def _one_small(root: Path, small: tuple[int, int], d: tuple[int, int]) -> None:
    """Four partnerships measuring belonging in 2026: a with `small`, b 42/60, c 50/70, d with `d`."""
    for index, (name, figures) in enumerate({"a": small, "b": (42, 60), "c": (50, 70), "d": d}.items()):
        partnership(root, f"org/{name}", index, {"2026": {BELONGING: figures}})


def test_one_small_value_hides_one_more(tmp_path: Path) -> None:
    _one_small(tmp_path, small=(2, 3), d=(30, 45))
    data = _written(tmp_path, tmp_path / "out")
    values = {p["path"]: p["indicators"][BELONGING] for p in data["partnerships"]}
    # a (n = 3) is under the threshold. Alone it could be worked out: pooled 124/178 less b 42/60 and c 50/70
    # and d 30/45 leaves 2/3. So the smallest shown one, d (n = 45), is hidden with it.
    assert [path for path, v in values.items() if v["suppressed"]] == ["org/a", "org/d"]
    for path in ("org/a", "org/d"):
        _assert_hidden(values[path])
    (row,) = data["rollup"][:1]
    assert (row["indicator"], row["positive"], row["n"], row["suppressed"]) == (BELONGING, 124, 178, False)
    # What a reader can work out: the pooled total less what is shown.
    shown = [v for v in values.values() if not v["suppressed"]]
    assert [(positive_from(v), v["n"]) for v in shown] == [(42, 60), (50, 70)]
    hidden_positive, hidden_n = 124 - 92, 178 - 130  # 32 of 48: a's 2 of 3 and d's 30 of 45
    # Even knowing that a had 3 answers and d 45, a's positive count could be 0, 1, 2 or 3.
    assert list(possible_positives(3, hidden_positive, hidden_n)) == [0, 1, 2, 3]
    assert list(possible_positives(45, hidden_positive, hidden_n)) == [29, 30, 31, 32]
    for name in ("Partnerskab 0000", "Partnerskab 0003"):
        _assert_hidden_in_documents(tmp_path / "out", name, (BELONGING_NAME,))
    # a's figures are not in any document: not as 67 % (2/3), nor d's 67 % (30/45) and n = 45.
    for document in ("portfolio.md", "portfolio.html"):
        text = (tmp_path / "out" / document).read_text("utf-8")
        # In any number style: '67 %', '67%', 'n = 3', 'n=45'.
        assert not re.search(r"\b67\s?%|\bn\s?=\s?(3|45)\b", text), document
    # Whether a met its target is not counted either: 0 of b, c, d (70 %, 71 %, 67 %) met 85 %.
    assert (row["with_target"], row["met_target"]) == (3, 0)


def test_hidden_values_that_are_all_negative_hide_one_more(tmp_path: Path) -> None:
    """a 0/3 and d 0/45: hiding the two would still give both away (pooled less shown = 0 of 48, so each
    is 0 %). One more is hidden, so the hidden part has both kinds of answers."""
    _one_small(tmp_path, small=(0, 3), d=(0, 45))
    data = _json(tmp_path)
    values = {p["path"]: p["indicators"][BELONGING] for p in data["partnerships"]}
    hidden = [path for path, v in values.items() if v["suppressed"]]
    assert hidden == ["org/a", "org/b", "org/d"]
    (row,) = data["rollup"][:1]
    assert (row["positive"], row["n"]) == (92, 178)
    hidden_positive = row["positive"] - positive_from(values["org/c"])  # 42 of 108 (a, b, d)
    assert hidden_positive == 42
    assert len(possible_positives(3, hidden_positive, 108)) > 1


def test_when_nothing_is_left_to_hide_the_pooled_total_goes(tmp_path: Path) -> None:
    """a 3/3 and b 40/40: both hidden, and together all positive, so the pooled 43/43 would say that a's
    three answers were all positive. The pooled figure is hidden."""
    partnership(tmp_path, "a", 1, {"2026": {BELONGING: (3, 3)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (40, 40)}})
    data = _written(tmp_path, tmp_path / "out")
    assert all(p["indicators"][BELONGING]["suppressed"] for p in data["partnerships"])
    (row,) = data["rollup"][:1]
    assert (row["positive"], row["n"], row["percent"], row["ci95"], row["suppressed"]) == (
        None,
        None,
        None,
        None,
        True,
    )
    md = (tmp_path / "out" / "portfolio.md").read_text("utf-8")
    assert f"| {BELONGING_NAME} | S3 | 2026 | 2 | 1/1 | {HIDDEN} |  |  |" in md
    assert not re.search(r"\b100\s?%", md) and "43" not in md


# -- a pooled total on too few answers -------------------------------------------------------------------
def test_a_pooled_total_under_the_threshold_is_hidden(tmp_path: Path) -> None:
    """Two partnerships measured co-creation with 2 answers each: 4 in all, under 5. Nothing of it is shown:
    not the pooled figure, not its n, nor how many met the target."""
    partnership(tmp_path, "a", 1, {"2026": {BELONGING: (40, 60), "co-creation": (2, 2)}})
    partnership(tmp_path, "b", 2, {"2026": {BELONGING: (50, 70), "co-creation": (1, 2)}})
    out = tmp_path / "out"
    data = _written(tmp_path, out)
    row = rollup_by_key(data)[("co-creation", 2026)]
    assert row == {
        "indicator": "co-creation",
        "name": "Medskabende (versus ikke-deltager)",
        "esrs": "S3",
        "year": 2026,
        "partnerships": 2,
        "with_target": 0,  # neither has 5 answers: whether they met the target is not told
        "met_target": 0,
        "positive": None,
        "n": None,
        "percent": None,
        "ci95": None,
        "suppressed": True,
        "total": None,
    }
    md = (out / "portfolio.md").read_text("utf-8")
    html = (out / "portfolio.html").read_text("utf-8")
    assert "| Medskabende (versus ikke-deltager) | S3 | 2026 | 2 | 0/0 | skjult |  |  |" in md
    assert ["Medskabende (versus ikke-deltager)", "S3", "2026", "2", "0/0", HIDDEN, "", ""] in html_rows(html)
    rollup = xlsx_sheets((out / "portfolio.xlsx").read_bytes())["Samlet"]
    (xlsx_row,) = [r for r in rollup[1:] if r[0] == "Medskabende (versus ikke-deltager)"]
    assert xlsx_row[5:9] == [HIDDEN, None, None, None]
    # The ESRS line says how many measured it, and gives no figure.
    (line,) = [li for li in md.splitlines() if li.startswith("- Medskabende")]
    assert line.endswith("0 af 0 med en målsætning nåede den.")
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
    # b is under 8; with it hidden alone, 6 < 8 could still be worked out: a (40, the smallest shown) too.
    assert [path for path, v in values.items() if v["suppressed"]] == ["a", "b"]
    _assert_hidden(values["b"])
    assert "færre end 8 svar" in (out / "portfolio.md").read_text("utf-8")
    assert "færre end 8 svar" in (out / "portfolio.html").read_text("utf-8")
    _assert_hidden_in_documents(out, "Partnerskab 0002", (BELONGING_NAME,))
    # Pooled over all four: (30+4+50+45)/(40+6+70+60) = 129/176 = 73.3 %.
    (row,) = data["rollup"][:1]
    assert (row["positive"], row["n"], row["percent"]) == (129, 176, one_decimal(129, 176))


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
    assert (rows[(BELONGING, 2026)]["positive"], rows[(BELONGING, 2026)]["n"]) == (85, 110)
