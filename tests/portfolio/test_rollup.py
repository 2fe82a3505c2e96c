"""The roll-up's figures: worked out by hand on a tiny tree (the arithmetic is in the comments), and
recomputed independently from what the generator wrote on a larger one, per indicator and year, with and
without --year."""

from __future__ import annotations

import json
import statistics
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from statsmodels.stats.proportion import proportion_confint

from benchmarks.tree import PERIODS, SURVEY_INDICATORS, Made
from portfolio.kit import (
    YOUNG,
    YOUNG_VALUES,
    build_tree,
    expected_rollup,
    met,
    one_decimal,
    partnership,
    portfolio,
    reference_pooled,
    rollup_by_key,
    set_young,
)


# -- the tiny tree, by hand ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    partnership(
        root,
        "org/a",
        1,
        {
            "baseline": {
                "belonging": (44, 50),
                "trust": (30, 50),
                "co-creation": (40, 50),
                "tryghed": (35, 50),
            },
            "2026": {"belonging": (45, 50), "trust": (30, 40)},
        },
    )
    partnership(
        root,
        "org/b",
        2,
        {
            "baseline": {
                "belonging": (45, 60),
                "trust": (50, 60),
                "co-creation": (42, 60),
                "tryghed": (41, 60),
            },
            "2026": {"belonging": (51, 60), "trust": (31, 40), "co-creation": (33, 40), "tryghed": (45, 60)},
        },
    )
    c = partnership(
        root,
        "other-org/c",
        3,
        {
            "baseline": {
                "belonging": (35, 40),
                "trust": (28, 40),
                "co-creation": (30, 40),
                "tryghed": (28, 40),
            }
        },
    )
    set_young(c.folder, "2026", 9)  # a and b keep the example's 0 (baseline) and 4 (2026)
    return root


def _run(root: Path, *args: object) -> dict[str, Any]:
    result = portfolio(root, "--json", "--dry-run", *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _wilson(positive: int, n: int) -> tuple[float, float]:
    low, high = proportion_confint(positive, n, alpha=0.05, method="wilson")
    return 100 * float(low), 100 * float(high)


def _assert_ci(row: dict[str, Any], positive: int, n: int) -> None:
    """The interval in the JSON is statsmodels' Wilson interval, in percent, to one decimal."""
    low, high = _wilson(positive, n)
    assert row["ci95"] is not None
    assert abs(row["ci95"][0] - low) <= 0.05 + 1e-9 and abs(row["ci95"][1] - high) <= 0.05 + 1e-9


# (indicator, year) -> partnerships measuring, with a target, met, and the shown counts (positive, n)
# Targets: belonging 85, trust 80, co-creation 75, tryghed 70 (percent, at least).
TINY: dict[tuple[str, int], tuple[int, int, int, tuple[tuple[int, int], ...]]] = {
    # belonging 2025: a 44/50 = 88 % (met), b 45/60 = 75 % (no), c 35/40 = 87.5 % (met) -> 2 of 3.
    ("belonging", 2025): (3, 3, 2, ((44, 50), (45, 60), (35, 40))),
    # belonging 2026: a 45/50 = 90 % (met), b 51/60 = 85 % (met: exactly the target) -> 2 of 2.
    ("belonging", 2026): (2, 2, 2, ((45, 50), (51, 60))),
    # trust 2025: a 30/50 = 60 %, b 50/60 = 83.3 % (met), c 28/40 = 70 % -> 1 of 3.
    ("trust", 2025): (3, 3, 1, ((30, 50), (50, 60), (28, 40))),
    # trust 2026: a 30/40 = 75 %, b 31/40 = 77.5 % -> 0 of 2.
    ("trust", 2026): (2, 2, 0, ((30, 40), (31, 40))),
    # co-creation 2025: a 40/50 = 80 % (met), b 42/60 = 70 %, c 30/40 = 75 % (met: exactly) -> 2 of 3.
    ("co-creation", 2025): (3, 3, 2, ((40, 50), (42, 60), (30, 40))),
    # co-creation 2026: only b, 33/40 = 82.5 % (met) -> 1 of 1: its own value, 82.5 %, Wilson 68.1-91.3.
    ("co-creation", 2026): (1, 1, 1, ((33, 40),)),
    # tryghed 2025: a 35/50 = 70 % (met: exactly), b 41/60 = 68.3 %, c 28/40 = 70 % (met) -> 2 of 3.
    ("tryghed", 2025): (3, 3, 2, ((35, 50), (41, 60), (28, 40))),
    # tryghed 2026: only b, 45/60 = 75 % (met) -> 1 of 1.
    ("tryghed", 2026): (1, 1, 1, ((45, 60),)),
}


def _assert_pooled(row: dict[str, Any], counts: tuple[tuple[int, int], ...], key: object) -> None:
    """The pooled percentage, interval, tau² and I² equal statsmodels' (DerSimonian-Laird on the logit
    scale; one partnership: its own value and Wilson interval), and the median and range are the shares'."""
    percent, low, high, tau2, i2 = reference_pooled(counts)
    assert abs(row["percent"] - percent) <= 0.05 + 1e-9, (key, row["percent"], percent)
    assert abs(row["ci95"][0] - low) <= 0.05 + 1e-9 and abs(row["ci95"][1] - high) <= 0.05 + 1e-9, key
    assert row["n"] == sum(n for _, n in counts), key
    assert row["pooling"] == ("single" if len(counts) == 1 else "random-effects-dl-logit"), key
    shares = sorted(100 * p / n for p, n in counts)
    assert row["shown"] == len(counts), key
    assert abs(row["median"] - statistics.median(shares)) <= 0.05 + 1e-9, key
    assert (abs(row["min"] - shares[0]) <= 0.05 + 1e-9, abs(row["max"] - shares[-1]) <= 0.05 + 1e-9) == (
        True,
        True,
    ), key
    if len(counts) > 1:
        assert abs(row["tau2"] - tau2) <= 0.00005 + 1e-9 and abs(row["i2"] - i2) <= 0.05 + 1e-9, key


def test_the_tiny_tree_by_hand(tiny: Path) -> None:
    rows = rollup_by_key(_run(tiny))
    assert set(rows) == {*TINY, (YOUNG, 2025), (YOUNG, 2026)}
    for key, (measuring, with_target, met_, counts) in TINY.items():
        row = rows[key]
        assert (row["partnerships"], row["with_target"], row["met_target"]) == (measuring, with_target, met_)
        _assert_pooled(row, counts, key)
        assert row["suppressed"] is False and row["total"] is None


def test_one_partnership_at_400_of_2000_does_not_outweigh_nine_at_40_of_50(tmp_path: Path) -> None:
    """The issue's case: summed, 760/2450 would pool to 31.0 % (29.2-32.9) while the median is 80 %. As
    clusters (random effects) the pooled share is near the nine, with a wide interval, and I² says how
    much the partnerships differ."""
    partnership(tmp_path, "big", 0, {"2026": {"belonging": (400, 2000)}})
    for index in range(1, 10):
        partnership(tmp_path, f"p{index}", index, {"2026": {"belonging": (40, 50)}})
    row = rollup_by_key(_run(tmp_path))[("belonging", 2026)]
    counts = ((400, 2000),) + ((40, 50),) * 9
    _assert_pooled(row, counts, "big")
    assert row["median"] == 80.0 and (row["min"], row["max"]) == (20.0, 80.0)
    assert row["percent"] > 70 and row["i2"] > 90


def test_a_count_is_summed_not_pooled(tiny: Path) -> None:
    rows = rollup_by_key(_run(tiny))
    # unge-i-praktik, a count with the target 8: baseline 0 + 0 + 0 = 0, none met;
    # 2026: a 4 + b 4 + c 9 = 17, only c's 9 reaches 8 -> 1 of 3.
    assert (rows[(YOUNG, 2025)]["total"], rows[(YOUNG, 2025)]["met_target"]) == (0, 0)
    assert (rows[(YOUNG, 2026)]["total"], rows[(YOUNG, 2026)]["met_target"]) == (17, 1)
    for year in (2025, 2026):
        row = rows[(YOUNG, year)]
        assert (row["partnerships"], row["with_target"]) == (3, 3)
        assert (row["positive"], row["n"], row["percent"], row["ci95"], row["suppressed"]) == (
            None,
            None,
            None,
            None,
            False,
        )


def test_the_tiny_tree_documents_show_the_same_figures(tiny: Path, tmp_path: Path) -> None:
    result = portfolio(tiny, "-o", tmp_path, "--format", "md,html")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "portfolio.md").read_text("utf-8")
    html = (tmp_path / "portfolio.html").read_text("utf-8")
    # The roll-up table: whole percent (half up), the interval with a decimal comma, n - the JSON's figures.
    rows = rollup_by_key(_run(tiny))

    def da(row: dict[str, Any]) -> tuple[str, str]:
        whole = int(Decimal(str(row["percent"])).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        low, high = (f"{bound:.1f}".replace(".", ",") for bound in row["ci95"])
        return f"{whole} %", f"{low}–{high} %"

    for key, name, counts in (
        (("belonging", 2025), "Tilhørsforhold (versus isolation) | S3 | 2025 | 3 | 2/3", 150),
        (("trust", 2026), "Tillid (versus mistænksomhed) | S3 | 2026 | 2 | 0/2", 80),
        (("co-creation", 2026), "Medskabende (versus ikke-deltager) | S3 | 2026 | 1 | 1/1", 40),
    ):
        value, interval = da(rows[key])
        assert f"| {name} | {value} | {interval} | {counts} |" in md, key
    assert da(rows[("co-creation", 2026)]) == ("83 %", "68,1–91,3 %")  # b's own 33/40, Wilson
    assert "| Unge i virksomhedspraktik | S3 | 2026 | 3 | 1/3 | 17 |  |  |" in md
    # The ESRS summary gives each indicator's latest year.
    assert "Tilhørsforhold (versus isolation) (2026): målt i 2 partnerskaber; 2 af 2" in md
    value, interval = da(rows[("belonging", 2026)])
    assert f"Samlet {value} (95 %-KI {interval}, n = 110)" in md
    value, interval = da(rows[("belonging", 2025)])
    assert f'<td class="num">{value}</td><td class="num">{interval}</td><td class="num">150</td>' in html


def test_each_partnership_shows_its_latest_value(tiny: Path) -> None:
    data = _run(tiny)
    by_path = {p["path"]: p for p in data["partnerships"]}
    a, b, c = by_path["org/a"], by_path["org/b"], by_path["other-org/c"]
    # c's latest period is 2026 too: no survey then, but its count of young people in internships.
    assert (a["latest_period"], b["latest_period"], c["latest_period"]) == ("2026", "2026", "2026")
    assert c["indicators"]["belonging"]["period"] == "baseline"
    # a: belonging from 2026 (45/50 = 90 %), co-creation only measured at baseline (40/50 = 80 %).
    assert {k: a["indicators"]["belonging"][k] for k in ("period", "percent", "n", "met", "display")} == {
        "period": "2026",
        "percent": 90.0,
        "n": 50,
        "met": True,
        "display": "90 %",
    }
    assert (a["indicators"]["co-creation"]["period"], a["indicators"]["co-creation"]["percent"]) == (
        "baseline",
        80.0,
    )
    # b: trust 31/40 = 77.5 % shown as 78 % (half up), target 80 not met.
    trust = b["indicators"]["trust"]
    assert (trust["percent"], trust["display"], trust["n"], trust["target"], trust["met"]) == (
        77.5,
        "78 %",
        40,
        80.0,
        False,
    )
    # c's count for 2026 (no survey that year) is its latest young-people value.
    young = c["indicators"][YOUNG]
    assert (young["period"], young["count"], young["display"], young["met"], young["n"]) == (
        "2026",
        9.0,
        "9",
        True,
        None,
    )


def test_the_tiny_tree_for_one_year(tiny: Path) -> None:
    data = _run(tiny, "--year", "2025")
    assert data["year"] == 2025
    rows = rollup_by_key(data)
    assert {year for _, year in rows} == {2025}
    for key, (measuring, with_target, met_, counts) in TINY.items():
        if key[1] == 2025:
            row = rows[key]
            assert (row["partnerships"], row["with_target"], row["met_target"]) == (
                measuring,
                with_target,
                met_,
            )
            _assert_pooled(row, counts, key)
    by_path = {p["path"]: p for p in data["partnerships"]}
    # Every value and the latest period are as of 2025: a's belonging is its baseline 44/50 = 88 %.
    assert {p["latest_period"] for p in data["partnerships"]} == {"baseline"}
    assert (
        by_path["org/a"]["indicators"]["belonging"]["percent"],
        by_path["org/a"]["indicators"]["belonging"]["year"],
    ) == (88.0, 2025)
    assert {p["indicators"][YOUNG]["count"] for p in data["partnerships"]} == {YOUNG_VALUES["baseline"]}


def test_a_year_without_measurements(tiny: Path) -> None:
    before = _run(tiny, "--year", "2024")
    assert before["rollup"] == [] and all(p["indicators"] == {} for p in before["partnerships"])
    assert {p["latest_period"] for p in before["partnerships"]} == {None}
    after = _run(tiny, "--year", "2030")  # the latest values up to 2030, but no roll-up row for 2030
    assert after["rollup"] == []
    assert after["partnerships"] == _run(tiny)["partnerships"]


# -- the larger tree, recomputed ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Made]]:
    root = tmp_path_factory.mktemp("tree")
    return root, build_tree(root, seed=5)


@pytest.mark.parametrize("year", [None, 2025, 2026])
def test_the_roll_up_against_an_independent_recomputation(
    tree: tuple[Path, list[Made]], year: int | None
) -> None:
    root, made = tree
    data = _run(root, *(("--year", year) if year else ()))
    rows = rollup_by_key(data)
    expected = expected_rollup(made, threshold=5)
    wanted = {key for key in expected if year is None or key[1] == year}
    assert {key for key in rows if key[0] != YOUNG} == wanted
    for key in wanted:
        row, e = rows[key], expected[key]
        assert (row["partnerships"], row["with_target"], row["met_target"]) == (
            e.partnerships,
            e.with_target,
            e.met,
        ), key
        if e.shown:
            _assert_pooled(row, e.shown, key)
    valid = [m for m in made if not m.broken]
    for period, y in PERIODS:
        if year is None or y == year:
            # Every valid partnership has the example's count; none reaches the target of 8.
            row = rows[(YOUNG, y)]
            assert (row["total"], row["partnerships"], row["met_target"]) == (
                YOUNG_VALUES[period] * len(valid),
                len(valid),
                0,
            )


@pytest.mark.parametrize("year", [None, 2025])
def test_each_shown_value_against_what_was_written(tree: tuple[Path, list[Made]], year: int | None) -> None:
    root, made = tree
    data = _run(root, *(("--year", year) if year else ()))
    period = "baseline" if year == 2025 else "2026"
    by_path = {p["path"]: p for p in data["partnerships"]}
    shown = 0
    for m in made:
        if m.broken:
            continue
        values = by_path[m.folder.relative_to(root).as_posix()]["indicators"]
        for indicator in SURVEY_INDICATORS:
            value = values[indicator]
            positive, n = m.counts[(indicator, period)]
            assert value["period"] == period
            if value["suppressed"]:
                continue
            shown += 1
            assert (value["percent"], value["n"]) == (one_decimal(positive, n), n)
            assert value["met"] is met(indicator, positive, n)
    assert shown >= 30  # most are shown: only the small ones and the few hidden with them are not


def test_the_roll_up_says_when_partnerships_word_a_statement_differently(tmp_path: Path) -> None:
    """Statements pooled across partnerships are one measure only when their texts agree: the roll-up
    counts the wordings (1 when they agree; case and spacing do not count)."""
    for index in range(3):
        partnership(tmp_path, f"p{index}", index, {"2026": {"belonging": (40, 50)}})
    assert rollup_by_key(_run(tmp_path))[("belonging", 2026)]["wordings"] == 1
    part3 = tmp_path / "p2" / "part3-evaluation.yaml"
    text = part3.read_text("utf-8")
    first = text.index("- text: ")
    end = text.index("\n", first)
    part3.write_text(text[:first] + '- text: "Jeg er glad for at bo her"' + text[end:], "utf-8")
    assert rollup_by_key(_run(tmp_path))[("belonging", 2026)]["wordings"] == 2
    # The documents list the wordings and who uses each, so a reader sees what the pooled figure mixes.
    import io

    from docx import Document

    out = tmp_path / "out"
    result = portfolio(tmp_path, "-o", out, "--format", "md,html,docx")
    assert result.exit_code == 0, result.stderr
    original = text[first + len("- text: ") : end].strip().strip('"')
    docx = "\n".join(p.text for p in Document(io.BytesIO((out / "portfolio.docx").read_bytes())).paragraphs)
    for kind, found in (
        ("md", (out / "portfolio.md").read_text("utf-8")),
        ("html", (out / "portfolio.html").read_text("utf-8")),
        ("docx", docx),
    ):
        line = next(x for x in found.splitlines() if "samme ordlyd" in x)
        assert "»Jeg er glad for at bo her" in line and f"»{original}" in line, kind
        assert line.count("»") == 2, kind


def test_the_documents_show_the_spread_and_the_pooling_method(tiny: Path, tmp_path: Path) -> None:
    """Median, range, met count and, for a pooled figure, DerSimonian-Laird with tau² and I²: the JSON's
    values (checked against a reference above) in md, html, docx and xlsx alike."""
    import io

    from docx import Document

    from portfolio.kit import xlsx_sheets

    result = portfolio(tiny, "-o", tmp_path, "--format", "md,html,docx,xlsx")
    assert result.exit_code == 0, result.stderr
    row = rollup_by_key(_run(tiny))[("belonging", 2025)]
    assert row["pooling"] == "random-effects-dl-logit" and row["shown"] == 3

    def pct(value: float) -> str:
        return f"{value:.1f}".replace(".", ",") + " %"

    line = (
        "Tilhørsforhold (versus isolation), 2025: 3 partnerskaber med vist tal, "
        f"median {pct(row['median'])}, "
        f"spænd {pct(row['min'])}–{pct(row['max'])}; {row['met_target']} af {row['with_target']} med mål har "
        "nået det."
    )
    dl = (
        "Samlet procent: DerSimonian-Laird (random effects) på logit-skalaen, "
        f"τ² = {row['tau2']:.4f}".replace(".", ",")
        + f", I² = {pct(row['i2'])}."
    )
    md = (tmp_path / "portfolio.md").read_text("utf-8")
    html = (tmp_path / "portfolio.html").read_text("utf-8")
    docx = "\n".join(
        p.text for p in Document(io.BytesIO((tmp_path / "portfolio.docx").read_bytes())).paragraphs
    )
    for kind, text in (("md", md), ("html", html), ("docx", docx)):
        assert f"{line} {dl}" in text, kind
    assert "Samlet procent: ét partnerskabs eget tal med Wilson-interval." in md  # co-creation 2026: b alone
    sheet = next(
        rows
        for name, rows in xlsx_sheets((tmp_path / "portfolio.xlsx").read_bytes()).items()
        if "Samlet" in name or "Rollup" in name or "samlet" in name
    )
    header = sheet[0]
    found = next(r for r in sheet[1:] if r[0] == "Tilhørsforhold (versus isolation)" and r[2] == 2025)
    values = dict(zip(header, found, strict=True))
    assert abs(values["Median (midterste)"] - row["median"] / 100) < 1e-9
    assert (
        abs(values["Laveste"] - row["min"] / 100) < 1e-9 and abs(values["Højeste"] - row["max"] / 100) < 1e-9
    )
    assert abs(values["τ²"] - row["tau2"]) < 1e-9 and abs(values["I²"] - row["i2"] / 100) < 1e-9
    assert values["Puljning"] == "DerSimonian-Laird, logit-skala"
