"""Issue 16, scoring side: `b2c score` finds a statement by its text in any survey language and reads an
answer label in any of them, so one export answered by some residents in Danish and by others in Arabic
(or English) scores as one sample. The Arabic and English texts here are test data written for the tests;
b2c never translates."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from score.kit import (
    DE,
    DU,
    HE,
    HU,
    HV,
    PART3,
    STATEMENTS,
    VI,
    all_figures,
    copy_partnership,
    indicator,
    score_json,
)

# Test data: the agree labels and statements in Arabic and English, written by hand for these tests.
AR = ["موافق بشدة", "موافق", "محايد", "غير موافق", "غير موافق بشدة", "لا أعرف"]
EN = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree", "Don't know"]
DA = [HE, DE, HV, DU, HU, VI]
AR_STATEMENTS = [f"العبارة رقم {n}" for n in range(1, len(STATEMENTS) + 1)]
EN_STATEMENTS = [f"Statement number {n}" for n in range(1, len(STATEMENTS) + 1)]

# Twelve residents' answers as steps of the Danish scale (index into DA; None = blank), one row each.
ANSWERS: list[list[int | None]] = [
    [0, 1, 0, 2, 1, 4],
    [1, 1, 3, 0, 0, 3],
    [2, 0, 1, 1, 4, 0],
    [0, 0, 0, 5, 1, 4],
    [3, 4, 1, 1, 2, 1],
    [1, 2, 0, 0, None, 4],
    [0, 1, 5, 2, 1, 3],
    [4, 3, 1, 1, 0, 2],
    [1, 0, 2, 0, 1, 4],
    [0, 1, 1, 3, 3, 0],
    [5, 0, 0, 1, 1, 4],
    [1, 1, 2, 0, 0, 3],
]
# Which language each resident answered in: Danish, Arabic, English in turn.
ROW_LANGS = ["da", "ar", "en"] * 4


def _with_languages(tmp_path: Path, name: str = "p") -> Path:
    folder = copy_partnership(tmp_path, name)
    path = folder / PART3
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    n = 0
    for entry in data["indicators"]:
        for item in entry.get("items", []):
            item["translations"] = {"ar": AR_STATEMENTS[n], "en": EN_STATEMENTS[n]}
            n += 1
    survey = data["survey"]
    survey["languages"] = ["da", "en", "ar"]
    survey["translations"] = {"ar": {"labels": AR}, "en": {"labels": EN}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


def _label(step: int | None, lang: str) -> str:
    if step is None:
        return ""
    words = {"da": DA, "ar": AR, "en": EN}[lang]
    label = words[step]
    # Arabic as exports write it: a right-to-left mark, a tatweel stretching a letter, spaces around.
    return f" \u200f{label.replace('م', 'مـ', 1)} " if lang == "ar" else label


def _rows(langs: list[str]) -> list[list[str]]:
    return [[_label(step, lang) for step in answers] for answers, lang in zip(ANSWERS, langs, strict=True)]


def _write(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows([headers, *rows])
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in [headers, *rows]:
            sheet.append(row)
        book.save(path)
    return path


def _without_columns(found: list[Any]) -> list[Any]:
    """The figures of `all_figures` without each item's column (the export's header, in its language)."""
    return [(*entry[:4], [item[1:] for item in entry[4]]) for entry in found]


def _expected(column: int) -> tuple[Fraction, int, int]:
    """Independently: the share positive (the two most agreeing steps, reversed for the reverse-worded
    sixth statement), with don't-know and blank out of the denominator."""
    steps = [row[column] for row in ANSWERS if row[column] is not None and row[column] != 5]
    positive = sum(1 for s in steps if (s >= 3 if column == 5 else s <= 1))
    return Fraction(positive, len(steps)), positive, len(steps)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_answered_in_three_languages_scores_as_one_sample(
    run: Any, tmp_path: Path, suffix: str
) -> None:
    folder = _with_languages(tmp_path)
    # Headers in Arabic for the first two statements, English for the third, Danish for the rest.
    headers = [*AR_STATEMENTS[:2], EN_STATEMENTS[2], *STATEMENTS[3:]]
    mixed = _write(tmp_path / f"mixed{suffix}", headers, _rows(ROW_LANGS))
    data = score_json(run, mixed, folder)

    danish_folder = _with_languages(tmp_path, "danish")
    danish = _write(tmp_path / f"danish{suffix}", list(STATEMENTS), _rows(["da"] * len(ANSWERS)))
    same = score_json(run, danish, danish_folder)
    assert _without_columns(all_figures(data)) == _without_columns(all_figures(same))
    assert [i["column"] for i in indicator(data, "belonging")["items"]] == AR_STATEMENTS[:2]

    for number, column in enumerate(indicator(data, "trust")["items"]):
        share, positive, n = _expected(2 + number)
        assert (column["positive"], column["n"]) == (positive, n)
        assert Fraction(column["positive"], column["n"]) == share
    tryghed = indicator(data, "tryghed")
    expected = [_expected(4), _expected(5)]
    assert [(i["positive"], i["n"]) for i in tryghed["items"]] == [(p, n) for _, p, n in expected]
    belonging = indicator(data, "belonging")
    assert [(i["positive"], i["n"]) for i in belonging["items"]] == [_expected(c)[1:] for c in (0, 1)]


def test_without_the_translations_the_arabic_labels_are_unknown(run: Any, tmp_path: Path) -> None:
    folder = copy_partnership(tmp_path)
    mixed = _write(tmp_path / "mixed.csv", list(STATEMENTS), _rows(ROW_LANGS))
    result = run("score", mixed, "--dir", folder, "--period", "baseline")
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr


def _groups(data: dict[str, Any]) -> dict[str, dict[str, tuple[int, int] | None]]:
    found: dict[str, dict[str, tuple[int, int] | None]] = {}
    for group in data["segments"]["groups"]:
        for cell in group["indicators"]:
            value = None if cell["suppressed"] else (cell["positive"], cell["n"])
            found.setdefault(group["group"], {})[cell["indicator"]] = value
    return found


def _expected_group(
    rows: list[list[int | None]], columns: tuple[int, ...], reverse: int = -1
) -> tuple[int, int]:
    positive = n = 0
    for row in rows:
        for column in columns:
            step = row[column]
            if step is None or step == 5:
                continue
            n += 1
            positive += step >= 3 if column == reverse else step <= 1
    return positive, n


@pytest.mark.parametrize("segment", ["language", "sprog"])
def test_the_answering_language_as_a_segment(run: Any, tmp_path: Path, segment: str) -> None:
    folder = _with_languages(tmp_path)
    answers = ANSWERS * 2  # 24 residents, 8 per language: above the disclosure threshold of 5
    langs = ROW_LANGS * 2
    rows = [[_label(step, lang) for step in row] for row, lang in zip(answers, langs, strict=True)]
    export = _write(tmp_path / "mixed.csv", [*AR_STATEMENTS[:2], *STATEMENTS[2:]], rows)
    data = score_json(run, export, folder, "--segment", segment)
    groups = _groups(data)
    assert sorted(groups) == ["ar", "da", "en"]
    for lang in ("da", "ar", "en"):
        mine = [row for row, tag in zip(answers, langs, strict=True) if tag == lang]
        assert groups[lang]["trust"] == _expected_group(mine, (2,))
        assert groups[lang]["co-creation"] == _expected_group(mine, (3,))


def test_an_export_language_column_is_the_segment(run: Any, tmp_path: Path) -> None:
    folder = _with_languages(tmp_path)
    answers = ANSWERS * 2
    rows = [
        [_label(step, "da") for step in row] + [tag] for row, tag in zip(answers, ROW_LANGS * 2, strict=True)
    ]
    export = _write(tmp_path / "qualtrics.csv", [*STATEMENTS, "Q_Language"], rows)
    data = score_json(run, export, folder, "--segment", "language")
    assert sorted(_groups(data)) == ["ar", "da", "en"]


def test_a_label_two_languages_use_for_different_steps_is_a_validate_error(run: Any, tmp_path: Path) -> None:
    folder = _with_languages(tmp_path)
    path = folder / PART3
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    data["survey"]["translations"]["en"]["labels"][1] = "Helt enig"  # Danish for the top step, on step 4
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    result = run("validate", folder, "--lang", "en")
    assert result.exit_code != 0
    out = result.stdout + result.stderr
    assert "Helt enig" in out and "'en'" in out and "'da'" in out


AGE_OPTIONS = ["Under 25 år", "25-39 år", "40-64 år", "65 år eller derover"]
AR_AGE = ["أقل من 25 سنة", "25-39 سنة", "40-64 سنة", "65 سنة فأكثر"]  # test data
AR_AGE_QUESTION = "كم عمرك؟"  # test data


def test_background_answers_in_two_languages_make_one_group(run: Any, tmp_path: Path) -> None:
    folder = _with_languages(tmp_path)
    path = folder / PART3
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    age = next(q for q in data["survey"]["background"] if q["id"] == "alder")
    age["translations"] = {"ar": {"text": AR_AGE_QUESTION, "options": AR_AGE}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    answers = ANSWERS * 2
    langs = ROW_LANGS * 2
    ages = [(n // 2) % 2 + 1 for n in range(len(answers))]  # '25-39 år' or '40-64 år', 12 each
    rows = [
        [_label(step, lang) for step in row] + [(AR_AGE if lang == "ar" else AGE_OPTIONS)[a]]
        for row, lang, a in zip(answers, langs, ages, strict=True)
    ]
    export = _write(tmp_path / "mixed.csv", [*STATEMENTS, AR_AGE_QUESTION], rows)
    found = _groups(score_json(run, export, folder, "--segment", "alder"))
    assert sorted(found) == ["25-39 år", "40-64 år"]
    for a in (1, 2):
        mine = [row for row, age_index in zip(answers, ages, strict=True) if age_index == a]
        assert found[AGE_OPTIONS[a]]["trust"] == _expected_group(mine, (2,))


def test_three_language_data_entry_round_trip(run: Any, tmp_path: Path) -> None:
    """Questionnaire in da, en and ar -> a data-entry workbook per language filled in its language (as
    a data-entry person would from the paper forms) -> `b2c score` over the three -> exactly the figures of
    the same answers typed in Danish only."""
    folder = _with_languages(tmp_path)
    result = run("questionnaire", folder, "--survey-lang", "all", "--format", "xlsx")
    assert result.exit_code == 0, result.stderr
    out = folder / "questionnaire"
    books = {
        "da": out / "data-entry.xlsx",
        "en": out / "data-entry.en.xlsx",
        "ar": out / "data-entry.ar.xlsx",
    }
    danish_only = tmp_path / "danish-only.xlsx"
    danish_only.write_bytes(books["da"].read_bytes())

    def fill(path: Path, rows: list[tuple[int, list[int | None]]], lang: str) -> None:
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        words = {"da": DA, "ar": AR, "en": EN}[lang]
        lists = book.worksheets[2]
        offered = [lists.cell(row=r, column=1).value for r in range(1, len(words) + 1)]
        assert offered == words  # the dropdowns offer this language's labels
        for line, (number, answers) in enumerate(rows, start=2):
            sheet.cell(row=line, column=1, value=number)
            for column, step in enumerate(answers, start=2):
                if step is not None:
                    sheet.cell(row=line, column=column, value=words[step])
        book.save(path)

    numbered = list(enumerate(ANSWERS, start=1))
    for lang, path in books.items():
        fill(path, [(n, row) for (n, row), tag in zip(numbered, ROW_LANGS, strict=True) if tag == lang], lang)
    fill(danish_only, numbered, "da")
    headers = [c.value for c in openpyxl.load_workbook(books["ar"]).worksheets[0][1]]
    assert headers[1 : 1 + len(AR_STATEMENTS)] == AR_STATEMENTS

    three = score_json(run, books["da"], folder, books["en"], books["ar"], "--dry-run")
    other = _with_languages(tmp_path, "other")
    one = score_json(run, danish_only, other, "--dry-run")
    assert _without_columns(all_figures(three)) == _without_columns(all_figures(one))
    assert indicator(three, "trust")["items"][0]["n"] == _expected(2)[2]


def test_a_typed_in_language_workbook_is_not_replaced(run: Any, tmp_path: Path) -> None:
    folder = _with_languages(tmp_path)
    assert run("questionnaire", folder, "--survey-lang", "ar", "--format", "xlsx").exit_code == 0
    path = folder / "questionnaire" / "data-entry.ar.xlsx"
    book = openpyxl.load_workbook(path)
    book.worksheets[0].cell(row=2, column=2, value=AR[0])
    book.save(path)
    typed = path.read_bytes()
    result = run("questionnaire", folder, "--survey-lang", "ar", "--format", "xlsx")
    assert result.exit_code == 4, result.stderr
    assert path.read_bytes() == typed
