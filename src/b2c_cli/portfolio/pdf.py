"""The organisation's view as an A4 PDF: the HTML with its print rules, laid out by a real layout engine
(`b2c_cli.pdfutil`), the partnerships' table on landscape pages."""

from __future__ import annotations

from b2c_cli.pdfutil import html_to_pdf
from b2c_cli.portfolio.documents import render_html
from b2c_cli.portfolio.view import PortfolioContext


def render_pdf(context: PortfolioContext) -> dict[str, bytes]:
    return {"portfolio.pdf": html_to_pdf(render_html(context)["portfolio.html"])}
