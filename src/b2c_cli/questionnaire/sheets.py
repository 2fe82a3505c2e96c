"""The spreadsheets of the questionnaire: the data-entry workbook for answers collected on paper or door to
door (one row per returned questionnaire, one column per statement headed by its exact text, every answer
cell a dropdown of the allowed labels), and the import sheet for online tools (CSV, XLSX and Qualtrics'
Advanced Format), so an online survey asks exactly the workbook's statements."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from b2c_cli.i18n import tr
from b2c_cli.questionnaire.model import Questionnaire
from b2c_cli.rendering import strip_controls
from b2c_cli.xlsxutil import FORMULA_START, reproducible, set_text, sheet_title

ENTRY_ROWS = 500  # rows prepared with dropdowns; more can be added by copying a row
HEADER_FILL = PatternFill("solid", fgColor="E8EEF2")


def render_xlsx(q: Questionnaire) -> dict[str, bytes]:
    """The data-entry workbook for paper answers, and the import sheet for online tools."""
    return {"data-entry.xlsx": entry_workbook(q), "import.xlsx": import_workbook(q)}


def render_csv(q: Questionnaire) -> dict[str, bytes]:
    """The import sheet as CSV, and Qualtrics' Advanced Format."""
    return {"import.csv": import_csv(q), "qualtrics-import.txt": qualtrics_txt(q)}


def entry_workbook(q: Questionnaire) -> bytes:
    lang = q.lang
    workbook = Workbook()
    answers = workbook.active
    assert answers is not None  # a new workbook has one sheet
    answers.title = sheet_title(tr("q-sheet-answers", lang))
    guide = workbook.create_sheet(sheet_title(tr("q-sheet-guide", lang)))
    lists = workbook.create_sheet(sheet_title(tr("q-sheet-lists", lang)))
    lists.sheet_state = "hidden"

    # The allowed answers live on a hidden sheet: long inline lists break Excel's validation.
    for row, label in enumerate(q.labels, start=1):
        set_text(lists.cell(row=row, column=1), label)
    for offset, question in enumerate(q.background, start=2):
        for row, option in enumerate(question.options, start=1):
            set_text(lists.cell(row=row, column=offset), option)

    headers = [
        tr("q-respondent-number", lang),
        *(s.text for s in q.statements),
        *(b.text for b in q.background),
    ]
    for column, heading in enumerate(headers, start=1):
        cell = answers.cell(row=1, column=column)
        set_text(cell, heading)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        answers.column_dimensions[get_column_letter(column)].width = 12 if column == 1 else 26
    answers.row_dimensions[1].height = 96
    answers.freeze_panes = "B2"
    last = ENTRY_ROWS + 1

    number = DataValidation(type="whole", operator="greaterThan", formula1="0", allow_blank=True)
    _explain(number, tr("q-error-title", lang), tr("q-error-number", lang))
    number.add(f"A2:A{last}")
    answers.add_data_validation(number)

    sheet = quote_sheetname(lists.title)
    scale = DataValidation(type="list", formula1=f"{sheet}!$A$1:$A${len(q.labels)}", allow_blank=True)
    _explain(scale, tr("q-error-title", lang), tr("q-error-answer", lang))
    if q.statements:
        first, end = get_column_letter(2), get_column_letter(1 + len(q.statements))
        scale.add(f"{first}2:{end}{last}")
        answers.add_data_validation(scale)
    for offset, question in enumerate(q.background):
        if not question.options:
            continue
        target = get_column_letter(2 + len(q.statements) + offset)
        source = get_column_letter(2 + offset)
        choice = DataValidation(
            type="list", formula1=f"{sheet}!${source}$1:${source}${len(question.options)}", allow_blank=True
        )
        _explain(choice, tr("q-error-title", lang), tr("q-error-answer", lang))
        choice.add(f"{target}2:{target}{last}")
        answers.add_data_validation(choice)

    guide.column_dimensions["A"].width = 110
    lines = tr("q-entry-guide", lang, name=q.partnership.name, labels=", ".join(q.labels)).split("\n")
    for row, line in enumerate(lines, start=1):
        cell = guide.cell(row=row, column=1)
        set_text(cell, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())


def _explain(validation: DataValidation, title: str, message: str) -> None:
    validation.showErrorMessage = True
    validation.errorTitle = title
    validation.error = message
    validation.showInputMessage = False


def import_rows(q: Questionnaire) -> list[list[str]]:
    """One row per statement and per background question, each answer option in its own column, without
    control characters (a tool importing the sheet would choke on them)."""
    lang = q.lang
    width = max([len(q.labels), *(len(b.options) for b in q.background)])
    rows = [
        [
            tr("q-col-number", lang),
            tr("q-col-type", lang),
            tr("q-col-question", lang),
            tr("q-col-statement", lang),
            *(tr("q-col-option", lang, n=n) for n in range(1, width + 1)),
        ]
    ]
    question = tr("q-question", lang)
    for statement in q.statements:
        rows.append(
            [str(statement.number), tr("q-type-scale", lang), question, statement.text, *q.labels]
            + [""] * (width - len(q.labels))
        )
    for index, background in enumerate(q.background, start=1):
        rows.append(
            [f"B{index}", tr("q-type-choice", lang), background.text, "", *background.options]
            + [""] * (width - len(background.options))
        )
    return [[strip_controls(cell) for cell in row] for row in rows]


def import_csv(q: Questionnaire) -> bytes:
    """UTF-8 with a byte order mark (so Excel reads æøå), comma-separated. A cell that a spreadsheet would
    take for a formula gets a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in import_rows(q):
        writer.writerow(["'" + cell if cell.startswith(FORMULA_START) else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def import_workbook(q: Questionnaire) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(tr("q-sheet-import", q.lang))
    for row_number, row in enumerate(import_rows(q), start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            set_text(cell, value)
            if row_number == 1:
                cell.font = Font(bold=True)
    for column, width in enumerate((6, 12, 40, 60), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())


def qualtrics_txt(q: Questionnaire) -> bytes:
    """Qualtrics' Advanced Format for 'Import survey': the statements as one matrix question with the five
    steps and don't-know as its scale, then the background questions as multiple choice."""
    lines = ["[[AdvancedFormat]]", "", "[[Block:Business2Community]]", ""]
    if q.statements:
        lines += ["[[Question:Matrix]]", "[[ID:B2C]]", tr("q-question", q.lang), "[[Choices]]"]
        lines += [_one_line(s.text) for s in q.statements]
        lines += ["[[Answers]]", *q.labels, ""]
    for index, question in enumerate(q.background, start=1):
        lines += ["[[Question:MC:SingleAnswer:Vertical]]", f"[[ID:B{index}]]", _one_line(question.text)]
        lines += ["[[Choices]]", *(_one_line(option) for option in question.options), ""]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _one_line(text: str) -> str:
    return " ".join(strip_controls(text).split())
