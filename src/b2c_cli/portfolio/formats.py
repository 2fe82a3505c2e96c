"""The formats `b2c portfolio` writes, one line each, naming the renderer module (imported only when the
format is chosen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from b2c_cli.outputs import Format, Formats

if TYPE_CHECKING:
    from b2c_cli.portfolio.view import PortfolioContext

PORTFOLIO_FORMATS: Formats[PortfolioContext] = Formats(
    Format("md", "the organisation's view as Markdown", "b2c_cli.portfolio.documents:render_markdown"),
    Format("html", "the same as self-contained HTML", "b2c_cli.portfolio.documents:render_html"),
    Format("xlsx", "the same as an Excel workbook", "b2c_cli.portfolio.sheets:render_xlsx"),
    Format("json", "the same as JSON for other tools", "b2c_cli.portfolio.view:render_json"),
    Format("docx", "the same as a Word document", "b2c_cli.portfolio.docx:render_docx"),
    Format(
        "pdf", "the same as an A4 PDF (needs WeasyPrint)", "b2c_cli.portfolio.pdf:render_pdf", default=False
    ),
)
