"""The data-entry workbook as Excel shows it: one dropdown per answer cell, each pointing at the right range
of a hidden lists sheet that holds exactly the allowed answers in order; a whole-number respondent column;
the exact statements as headings; frozen headings; an instructions sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.i18n import Lang, tr
from conftest import Run
from helpers import GOLDEN_FLAGS

from .kit import (
    ENTRY,
    EXAMPLE_BACKGROUND,
    EXAMPLE_STATEMENTS,
    LABELS,
    SCAFFOLD_STATEMENTS,
    copy_example,
    dropdown,
    edit_part3,
    generate,
    list_source,
    range_values,
    validation_at,
)

LAST_ROW = 501  # 500 prepared rows under the headings


def entry(run: Run, folder: Path, tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "out"
    generate(run, folder, "--format", "xlsx", "-o", out, *args)
    return out / ENTRY


def validations(sheet: Worksheet) -> dict[str, tuple[str, str | None]]:
    """Each validation's cell range -> (type, formula1)."""
    return {str(dv.sqref): (str(dv.type), dv.formula1) for dv in sheet.data_validations.dataValidation}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_example_entry_workbook(run: Run, tmp_path: Path, lang: Lang) -> None:
    folder = copy_example(tmp_path)
    path = entry(run, folder, tmp_path, "--lang", lang)
    workbook = load_workbook(path)
    answers, guide, lists = workbook.worksheets

    # Sheet 1 the responses, sheet 2 the instructions, and the lists hidden from the typist.
    assert workbook.sheetnames == [
        tr("q-sheet-answers", lang),
        tr("q-sheet-guide", lang),
        tr("q-sheet-lists", lang),
    ]
    assert answers.sheet_state == "visible"
    assert guide.sheet_state == "visible"
    assert lists.sheet_state == "hidden"

    # The headings: the respondent number, the statements exactly as in Part 3 and in workbook order (the
    # reverse-worded one as worded), then the background questions. All text, none a formula.
    headings = [answers.cell(row=1, column=c).value for c in range(1, answers.max_column + 1)]
    assert headings == [tr("q-respondent-number", lang), *EXAMPLE_STATEMENTS, *EXAMPLE_BACKGROUND]
    assert all(answers.cell(row=1, column=c).data_type == "s" for c in range(1, len(headings) + 1))
    assert answers.freeze_panes == "B2"
    assert answers.max_row == 1  # nothing typed yet

    # Exactly five validations: the number, the six statements, and one per background question.
    assert validations(answers) == {
        f"A2:A{LAST_ROW}": ("whole", "0"),
        f"B2:G{LAST_ROW}": ("list", f"'{lists.title}'!$A$1:$A$6"),
        f"H2:H{LAST_ROW}": ("list", f"'{lists.title}'!$B$1:$B$4"),
        f"I2:I{LAST_ROW}": ("list", f"'{lists.title}'!$C$1:$C$3"),
        f"J2:J{LAST_ROW}": ("list", f"'{lists.title}'!$D$1:$D$2"),
    }
    number = validation_at(answers, "A2")
    assert number is not None
    assert (number.operator, number.allow_blank, number.showErrorMessage) == ("greaterThan", True, True)
    assert number.error == tr("q-error-number", lang)

    # Every answer cell, first row to last, offers exactly the labels in order: Helt enig ... Helt uenig,
    # then Ved ikke; a wrong entry is refused with the message in the partnership's language.
    for column in "BCDEFG":
        for row in (2, 3, 250, LAST_ROW):
            assert dropdown(workbook, answers, f"{column}{row}") == list(LABELS[lang])
    scale = validation_at(answers, "B2")
    assert scale is not None
    assert (scale.allow_blank, scale.showErrorMessage, scale.error) == (
        True,
        True,
        tr("q-error-answer", lang),
    )
    # Beyond the prepared block, and in the headings, nothing is validated.
    for outside in ("A1", "B1", "J1", f"B{LAST_ROW + 1}", f"A{LAST_ROW + 1}", "K2"):
        assert validation_at(answers, outside) is None, outside

    # The background questions offer their own options, in the workbook's order.
    age_options, lived_options, sex_options = EXAMPLE_BACKGROUND.values()
    for row in (2, LAST_ROW):
        assert dropdown(workbook, answers, f"H{row}") == list(age_options)
        assert dropdown(workbook, answers, f"I{row}") == list(lived_options)
        assert dropdown(workbook, answers, f"J{row}") == list(sex_options)

    # The lists sheet holds nothing else: the labels in column A, each question's options in its own column.
    assert list(lists.iter_rows(values_only=True)) == [
        (LABELS[lang][0], age_options[0], lived_options[0], sex_options[0]),
        (LABELS[lang][1], age_options[1], lived_options[1], sex_options[1]),
        (LABELS[lang][2], age_options[2], lived_options[2], None),
        (LABELS[lang][3], age_options[3], None, None),
        (LABELS[lang][4], None, None, None),
        (LABELS[lang][5], None, None, None),
    ]

    # The instructions name the partnership and the allowed answers.
    lines = tr("q-entry-guide", lang, name="Bo-Vest × Nortec i Hedemarken", labels=", ".join(LABELS[lang]))
    assert [row[0] for row in guide.iter_rows(values_only=True)] == lines.split("\n")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_fresh_scaffold_without_background_questions(run: Run, tmp_path: Path, lang: Lang) -> None:
    folder = tmp_path / "scaffold"
    assert run("init", folder, *GOLDEN_FLAGS, "--lang", lang).exit_code == 0
    workbook = load_workbook(entry(run, folder, tmp_path))
    answers, _, lists = workbook.worksheets

    headings = [cell.value for cell in answers[1]]
    assert headings == [tr("q-respondent-number", lang), *SCAFFOLD_STATEMENTS[lang]]
    assert validations(answers) == {
        f"A2:A{LAST_ROW}": ("whole", "0"),
        f"B2:D{LAST_ROW}": ("list", f"'{lists.title}'!$A$1:$A$6"),
    }
    assert lists.sheet_state == "hidden"
    assert list(lists.iter_rows(values_only=True)) == [(label,) for label in LABELS[lang]]
    assert validation_at(answers, "E2") is None


def test_many_statements_reach_beyond_column_z(run: Run, tmp_path: Path) -> None:
    """30 statements: the answer range runs B..AE, and the background question's dropdown sits in AF."""
    folder = copy_example(tmp_path)
    extra = "".join(f'      - text: "Ekstra udsagn nummer {k}"\n' for k in range(1, 25))
    edit_part3(
        folder,
        '      - text: "Jeg føler mig som en del af fællesskabet i Hedemarken"\n',
        '      - text: "Jeg føler mig som en del af fællesskabet i Hedemarken"\n' + extra,
    )
    workbook = load_workbook(entry(run, folder, tmp_path))
    answers, _, lists = workbook.worksheets

    assert answers.cell(row=1, column=31).value == EXAMPLE_STATEMENTS[5]
    assert validations(answers) == {
        f"A2:A{LAST_ROW}": ("whole", "0"),
        f"B2:AE{LAST_ROW}": ("list", f"'{lists.title}'!$A$1:$A$6"),
        f"AF2:AF{LAST_ROW}": ("list", f"'{lists.title}'!$B$1:$B$4"),
        f"AG2:AG{LAST_ROW}": ("list", f"'{lists.title}'!$C$1:$C$3"),
        f"AH2:AH{LAST_ROW}": ("list", f"'{lists.title}'!$D$1:$D$2"),
    }
    assert dropdown(workbook, answers, f"AE{LAST_ROW}") == list(LABELS["da"])
    assert dropdown(workbook, answers, "AF2") == list(EXAMPLE_BACKGROUND["Hvor gammel er du?"])


def test_a_background_question_without_options_is_a_free_text_column(run: Run, tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    edit_part3(
        folder,
        '      options: ["Under 25 år", "25-39 år", "40-64 år", "65 år eller derover"]\n',
        "",
    )
    workbook = load_workbook(entry(run, folder, tmp_path))
    answers, _, lists = workbook.worksheets

    assert answers["H1"].value == "Hvor gammel er du?"
    assert validation_at(answers, "H2") is None
    # The second question's options stay in the lists sheet's column C, where its dropdown points.
    source, cells = list_source(workbook, validations(answers)[f"I2:I{LAST_ROW}"][1] or "")
    assert source is lists
    assert range_values(lists, cells) == list(EXAMPLE_BACKGROUND["Hvor længe har du boet i Hedemarken?"])
