"""The example's Markdown and HTML reports, byte for byte, in both languages, and what the golden files
must say: the guide's figures, years in the column headings, fixed and site-specific groups, footnotes with
n, interval and change, the automatic notes, the ESRS section, one language throughout.

After an intended change to the report or its templates, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_golden.py` and review the diff like code."""

from __future__ import annotations

import math
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from b2c_cli.i18n import CATALOGUES, LANGS, Lang, tr
from helpers import TESTS, fragments, leaked, pct

from .kit import DOCUMENTS, EXAMPLE, footnotes, load, markdown_tables, read_html, table_after

GOLDEN = TESTS / "report" / "golden"
# The guide's example table (its last pages), reproduced by the example's two measurements.
GUIDE_ROWS = {
    "Tilhørsforhold (versus isolation)": (85, 41, 43),
    "Tillid (versus mistænksomhed)": (80, 45, 54),
    "Medskabende (versus ikke-deltager)": (75, 22, 31),
}
YEARS = {
    "da": ["Baseline (2025)", "År 1 (2026)", "År 2 (2027)"],
    "en": ["Baseline (2025)", "Year 1 (2026)", "Year 2 (2027)"],
}
COUNT_ROW = "Unge i virksomhedspraktik"
SITE_ROWS = {COUNT_ROW: (8, 0, 4), "Tryghed": (70, 38, 47)}


def expected_rows(lang: Lang) -> dict[str, tuple[str, str, str]]:
    """Each row's target, baseline and year 1 as the guide prints them, in the language's number style."""
    return {
        name: (f"Min. {target}", str(baseline), str(year1))
        if name == COUNT_ROW
        else (f"Min. {pct(target, lang)}", pct(baseline, lang), pct(year1, lang))
        for name, (target, baseline, year1) in {**GUIDE_ROWS, **SITE_ROWS}.items()
    }


def golden_folder(lang: Lang) -> Path:
    """The example is Danish: its committed reports are the Danish golden files (`b2c report
    examples/hedemarken-nortec` must give exactly them); the English ones live under tests/."""
    return EXAMPLE / "reports" if lang == "da" else GOLDEN / lang


def golden(lang: Lang, name: str) -> str:
    return (golden_folder(lang) / name).read_text("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_documents_match_golden_files(rendered: dict[Lang, Path], lang: Lang) -> None:
    folder = golden_folder(lang)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        folder.mkdir(parents=True, exist_ok=True)
        for name in DOCUMENTS:
            shutil.copyfile(rendered[lang] / name, folder / name)
    assert set(DOCUMENTS) <= {path.name for path in folder.iterdir()}
    for name in DOCUMENTS:
        assert (rendered[lang] / name).read_bytes() == (folder / name).read_bytes(), (
            f"{name} differs from {folder / name}"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_esg_table_has_the_guides_figures_years_and_groups(lang: Lang) -> None:
    text = golden(lang, "esg-report.md")
    rows = table_after(text, f"## {tr('report-table-heading', lang)}")
    header = [
        tr("report-col-group", lang),
        tr("report-col-indicator", lang),
        tr("report-col-target", lang),
        f"{tr('report-baseline', lang)} (2025)",
        f"{tr('report-year-n', lang, n=1)} (2026)",
        f"{tr('report-year-n', lang, n=2)} (2027)",
        tr("report-col-met", lang),
        tr("report-col-comment", lang),
        tr("report-col-kpi", lang),
    ]
    assert rows[0] == header
    # The guide's headings, each with its year.
    assert rows[0][3:6] == YEARS[lang]
    body = {row[1]: row for row in rows[1:]}
    assert list(body) == [*GUIDE_ROWS, *SITE_ROWS]
    not_yet = tr("report-not-yet", lang)
    for name, (target, baseline, year1) in expected_rows(lang).items():
        row = body[name]
        assert row[2] == target
        # The value, then its footnote; År 2 is not measured yet.
        assert re.fullmatch(rf"{re.escape(baseline)}\[\^\d+\]", row[3]), row
        assert re.fullmatch(rf"{re.escape(year1)}\[\^\d+\]", row[4]), row
        assert row[5] == ""
        assert row[6] == not_yet  # none of the targets is met, and they are due in 2027
    # Fixed first, then the partnership's own; the group is named on its first row only.
    groups = [row[0] for row in rows[1:]]
    assert groups == [tr("report-group-fixed", lang), "", "", tr("report-group-site", lang), ""]
    assert body["Tilhørsforhold (versus isolation)"][7] == "Kvantitativ og kvalitativ analyse"
    assert body["Tryghed"][8] == "% der føler sig trygge i nabolaget"


def _wilson(positive: int, n: int) -> tuple[float, float]:
    z = 1.959963984540054
    p = positive / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round((centre - half) * 100, 1), round((centre + half) * 100, 1)


def _number(text: str) -> float:
    return float(text.replace("\u2212", "-").replace(",", "."))


NUMBER = r"[+\u2212]?\d+(?:[.,]\d+)?"
PLACEHOLDER = {
    "against": r"(?P<against>.+?)",
    "difference": rf"(?P<difference>{NUMBER}) (?:procentpoint|percentage points)",
}


def _pattern(key: str, lang: Lang) -> str:
    """A catalogue message as a regular expression, each placeholder a group (a number, unless named in
    PLACEHOLDER)."""
    pieces = re.split(r"\{(\w+)\}", tr(key, lang))
    return "".join(
        re.escape(piece) if i % 2 == 0 else PLACEHOLDER.get(piece, rf"(?P<{piece}>{NUMBER})")
        for i, piece in enumerate(pieces)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_value_has_a_footnote_with_n_interval_and_change(lang: Lang) -> None:
    text = golden(lang, "esg-report.md")
    notes = footnotes(text)
    referenced = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", text)]
    assert referenced == list(range(1, 11)) == sorted(notes)
    figures = {
        (period, indicator["id"]): (indicator["positive"], indicator["n"])
        for period in ("baseline", "2026")
        for indicator in load(EXAMPLE, f"results/{period}.yaml")["indicators"]
    }
    order = ["belonging", "trust", "co-creation", "unge-i-praktik", "tryghed"]
    labels = {
        "baseline": f"{tr('report-baseline', lang)} (2025)",
        "2026": f"{tr('report-year-n', lang, n=1)} (2026)",
    }
    for index, indicator in enumerate(order):
        first, second = notes[2 * index + 1], notes[2 * index + 2]
        if indicator == "unge-i-praktik":  # a count entered by hand: no n, no interval
            assert first == f"{labels['baseline']}: {tr('report-manual-value', lang)}"
            assert second == f"{labels['2026']}: {tr('report-manual-value', lang)}"
            continue
        for note, period in ((first, "baseline"), (second, "2026")):
            positive, n = figures[period, indicator]
            low, high = (
                f"{bound:.1f}".replace(".", "," if lang == "da" else ".") for bound in _wilson(positive, n)
            )
            interval = f"{low}–{high}" + (" %" if lang == "da" else "%")
            expected = f"{labels[period]}: n = {n}, {tr('report-ci', lang, interval=interval)}"
            if period == "baseline":
                assert note == expected
                continue
            # Year 1 adds the change against the baseline with its interval: within noise, so not significant.
            assert note.startswith(expected + ", ")
            match = re.fullmatch(_pattern("report-change-noise", lang), note[len(expected) + 2 :])
            assert match, note
            assert match["against"] == labels["baseline"]
            difference = figures["2026", indicator][0] - figures["baseline", indicator][0]
            assert _number(match["difference"]) == difference
            assert _number(match["low"]) < 0 < _number(match["high"])
            assert _number(match["low"]) < difference < _number(match["high"])


@pytest.mark.parametrize("lang", LANGS)
def test_automatic_notes_say_the_changes_are_within_noise(lang: Lang) -> None:
    text = golden(lang, "esg-report.md")
    label = f"{tr('report-year-n', lang, n=1)} (2026)"
    expected = [
        tr(
            "note-change-within-noise",
            lang,
            name=name,
            label=label,
            against=f"{tr('report-baseline', lang)} (2025)",
            difference=f"{difference} {'procentpoint' if lang == 'da' else 'percentage points'}",
        )
        for name, difference in (
            ("Tilhørsforhold (versus isolation)", "+2,0" if lang == "da" else "+2.0"),
            ("Tillid (versus mistænksomhed)", "+9,0" if lang == "da" else "+9.0"),
            ("Medskabende (versus ikke-deltager)", "+9,0" if lang == "da" else "+9.0"),
            ("Tryghed", "+9,0" if lang == "da" else "+9.0"),
        )
    ]
    section = text.split(f"{tr('report-notes-heading', lang)}:\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.split("\n") == [f"- {note}" for note in expected]
    # n = 100 everywhere: no small-sample note.
    assert not any(
        piece in text for piece in fragments(CATALOGUES[lang]["note-small-sample"]) if len(piece) > 8
    )


@pytest.mark.parametrize("lang", LANGS)
def test_esrs_section_has_standard_method_target_and_progress(lang: Lang) -> None:
    text = golden(lang, "esg-report.md")
    esrs = text.split(f"## {tr('report-esrs-heading', lang)}\n", 1)[1]
    name = tr("report-esrs-S3", lang)
    for indicator, (target, baseline, year1) in expected_rows(lang).items():
        block = esrs.split(f"### {indicator} (ESRS S3, {name})\n", 1)[1].split("\n### ", 1)[0]
        lines = block.strip().split("\n")
        assert lines[0].startswith(f"- {tr('report-col-kpi', lang)}: ")
        assert lines[1].startswith(f"- {tr('report-method', lang)}: ") and "Begrænsninger" in lines[1]
        unit = tr("report-unit-count" if target == "Min. 8" else "report-unit-percent", lang)
        base, by = f"{tr('report-baseline', lang)} (2025)", f"{tr('report-year-n', lang, n=2)} (2027)"
        assert lines[2] == (
            f"- {tr('report-col-target', lang)}: {target} ({tr('report-unit', lang)}: {unit}; "
            f"{tr('report-base', lang)}: {base}; {tr('report-by', lang)}: {by})"
        )
        year = f"{tr('report-year-n', lang, n=1)} (2026)"
        year2 = f"{tr('report-year-n', lang, n=2)} (2027)"
        assert lines[3] == f"- {tr('report-progress', lang)}: {base} {baseline} · {year} {year1} · {year2} –"
    meetings = table_after(text, f"### {tr('report-meetings-heading', lang)}")
    part3 = load(EXAMPLE, "part3-evaluation.yaml")
    assert [row[0] for row in meetings[1:]] == [str(m["date"]) for m in part3["evaluation_meetings"]]
    assert [row[2] for row in meetings[1:]] == [m["adjustments"] for m in part3["evaluation_meetings"]]


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_the_same_table(lang: Lang) -> None:
    html = golden(lang, "esg-report.html")
    doc = read_html(html)
    assert doc.problems == []
    assert f'<html lang="{lang}">' in html
    for label in ("Baseline (2025)", f"{tr('report-year-n', lang, n=1)} (2026)"):
        assert f"<th>{label}</th>" in html
    for value in (pct(v, lang) for v in (41, 43, 45, 54, 22, 31)):
        assert re.search(rf'<td class="num">{value}<sup>\d+</sup></td>', html), value
    assert f'<td class="group">{tr("report-group-fixed", lang)}</td>' in html
    assert f'<td class="group">{tr("report-group-site", lang)}</td>' in html
    assert html.count('<td class="not-yet">') == 5 and '<td class="unmet">' not in html


@pytest.mark.parametrize("lang", LANGS)
def test_agreement_is_ready_to_sign(lang: Lang) -> None:
    text = golden(lang, "agreement.md")
    assert text.startswith(f"# {tr('report-agreement-title', lang)}: Bo-Vest × Nortec i Hedemarken\n")
    parties = table_after(text, f"## {tr('report-parties', lang)}")
    assert parties[1] == [
        tr("report-col-name", lang),
        "Bo-Vest",
        f"Nortec ({tr('report-cvr', lang)} 12345678)",
    ]
    wheel = table_after(text, f"## {tr('report-wheel', lang)}")
    months = [tr(f"month-{m}", lang) for m in (1, 2, 3)] + [f"{tr('month-6', lang)} (2025-06-21)"]
    assert [row[0] for row in wheel[1:5]] == months
    signatures = table_after(text, f"## {tr('report-signatures', lang)}")
    assert signatures[0] == [tr("report-for", lang, party="Bo-Vest"), tr("report-for", lang, party="Nortec")]
    assert len(markdown_tables(text)) == 6


def _leaves(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    return [node] if isinstance(node, str) else []


def _content() -> list[str]:
    """Every text of the example's own (Danish) workbook and results, longest first."""
    names = [
        "b2c.yaml",
        "part2-joint.yaml",
        "part3-evaluation.yaml",
        "results/baseline.yaml",
        "results/2026.yaml",
    ]
    texts = {leaf.strip() for name in names for leaf in _leaves(load(EXAMPLE, name))}
    # Text a person wrote (it has a space or a capital), not the ids and keywords around it.
    return sorted((t for t in texts if " " in t or t[:1].isupper()), key=len, reverse=True)


def _ui_only(text: str) -> str:
    """`text` with the example's own content taken out, leaving what b2c wrote around it."""
    for piece in _content():
        text = text.replace(piece, "\n")
    return text


def _ui_texts(lang: Lang) -> set[str]:
    """The report's own words in `lang` (labels, headings, the fixed parts of notes), less those the other
    language shares."""
    other: Lang = "en" if lang == "da" else "da"
    shared = "\n".join(CATALOGUES[other].values())
    found = set()
    for key, template in CATALOGUES[lang].items():
        if not key.startswith(("report-", "month-")):
            continue
        for piece in re.split(r"\{\w+\}", template):
            piece = piece.strip(" :.,()")
            if len(piece) >= 4 and piece not in shared and not piece.isdigit():
                found.add(piece)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_documents_are_in_one_language(lang: Lang) -> None:
    """The English report carries no Danish UI text and the Danish none of the English (the example's
    own content is Danish in both), while its own labels are there."""
    other: Lang = "en" if lang == "da" else "da"
    foreign = _ui_texts(other)
    assert len(foreign) > 50
    for name in DOCUMENTS:
        text = golden(lang, name)
        if name.endswith(".html"):
            text = "\n".join(read_html(text).text)
        text = _ui_only(text)
        assert leaked(text, lang) == [], name
        words = set(re.findall(r"\w[\w-]*", text))
        wrong = sorted(piece for piece in foreign if (piece in words if " " not in piece else piece in text))
        assert wrong == [], f"{name}: {wrong}"
    esg = golden(lang, "esg-report.md")
    for key in ("report-table-heading", "report-esrs-heading", "report-group-fixed", "report-notes-heading"):
        assert tr(key, lang) in esg
