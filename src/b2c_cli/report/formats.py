"""The formats `b2c report` writes, in the order they are listed and written: one line each, naming the
renderer module that writes it (imported only when the format is chosen). Adding a format is one module
and one line here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from b2c_cli.outputs import Format, Formats

if TYPE_CHECKING:
    from b2c_cli.report.documents import ReportContext

REPORT_FORMATS: Formats[ReportContext] = Formats(
    Format("md", "the ESG report and the agreement as Markdown", "b2c_cli.report.documents:render_markdown"),
    Format("html", "the same as self-contained HTML for A4", "b2c_cli.report.documents:render_html"),
    Format("xlsx", "the ESG table as an Excel workbook with charts", "b2c_cli.report.xlsx:render_xlsx"),
    Format("ics", "the annual wheel as an iCalendar file", "b2c_cli.report.ics:render_calendar"),
    Format("docx", "the ESG report and the agreement as Word documents", "b2c_cli.report.docx:render_docx"),
    Format("pdf", "the same as A4 PDFs (needs WeasyPrint)", "b2c_cli.report.pdf:render_pdf", default=False),
    Format("vsme", "EFRAG's VSME template filled in", "b2c_cli.report.vsme:render_vsme", default=False),
)
