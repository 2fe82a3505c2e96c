"""Laying HTML out as an A4 PDF with WeasyPrint, a real layout engine: the documents' own print rules
(`@page` sizes and margins, page numbers, landscape pages for wide tables, headings kept with what follows,
tables broken between rows only) decide the pages, and the fonts used are embedded (as subsets). The same
HTML on the same engine and fonts gives the same bytes.

WeasyPrint is the optional `pdf` extra and needs the Pango library from the system; where either is
missing, asking for a PDF is a usage error that says how to install them."""

from __future__ import annotations

from typing import Any

from b2c_cli.errors import UsageError


def engine() -> Any:
    """The WeasyPrint module, or the error that says how to install it."""
    try:
        import weasyprint
    except ImportError as exc:  # the package is missing
        raise UsageError("report-pdf-engine-missing", reason=_reason(exc)) from None
    except OSError as exc:  # the package is there, the system's Pango is not
        raise UsageError("report-pdf-engine-missing", reason=_reason(exc)) from None
    return weasyprint


def html_to_pdf(html: bytes) -> bytes:
    """One self-contained HTML document (nothing fetched: it has no links to follow) as a PDF."""
    weasyprint = engine()
    document = weasyprint.HTML(string=html.decode("utf-8"), base_url=None, url_fetcher=_refuse)
    pdf: bytes = document.write_pdf()
    return pdf


def _refuse(url: str, *_args: object, **_options: object) -> Any:
    """Nothing a report contains is fetched: a URL in a user's text stays text."""
    raise ValueError(f"b2c's PDF fetches nothing ({url[:60]})")


def _reason(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:160]
