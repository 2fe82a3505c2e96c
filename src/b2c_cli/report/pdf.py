"""The ESG report and the agreement as A4 PDFs: the HTML documents, with their print rules, laid out by
a real layout engine (`b2c_cli.pdfutil`). What they show is exactly what the HTML shows."""

from __future__ import annotations

from b2c_cli.pdfutil import html_to_pdf
from b2c_cli.report.documents import ReportContext, render_documents


def render_pdf(context: ReportContext) -> dict[str, bytes]:
    """esg-report.pdf and agreement.pdf, from esg-report.html and agreement.html."""
    return {
        name.removesuffix(".html") + ".pdf": html_to_pdf(html)
        for name, html in render_documents(context, "html").items()
    }
