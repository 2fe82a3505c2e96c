"""The formats `b2c questionnaire` writes, one line each, naming the renderer module (imported only when
the format is chosen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from b2c_cli.outputs import Format, Formats

if TYPE_CHECKING:
    from b2c_cli.questionnaire.model import Questionnaire

QUESTIONNAIRE_FORMATS: Formats[Questionnaire] = Formats(
    Format("md", "the questionnaire as Markdown", "b2c_cli.questionnaire.documents:render_markdown"),
    Format("html", "the questionnaire for print on A4", "b2c_cli.questionnaire.documents:render_html"),
    Format("xlsx", "the data-entry workbook, the import sheet", "b2c_cli.questionnaire.sheets:render_xlsx"),
    Format("csv", "the import sheet as CSV and for Qualtrics", "b2c_cli.questionnaire.sheets:render_csv"),
)
