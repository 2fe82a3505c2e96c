"""The organisation's view as a Word document: the roll-up per indicator and year, the ESRS S3/S4
summary, and every partnership's latest values (on landscape pages: a column per indicator), with the
report date, the years covered and the page number in the footer. The same cells as the HTML
(`view.table_cell`), under the same disclosure rules: nothing is computed here."""

from __future__ import annotations

from docx.document import Document

from b2c_cli import docxutil as word
from b2c_cli.docxutil import Cell, Footer
from b2c_cli.figures.words import value_text
from b2c_cli.i18n import Lang, tr
from b2c_cli.i18n.numbers import number
from b2c_cli.portfolio.rollup import Portfolio, RollupRow
from b2c_cli.portfolio.view import PortfolioContext, ci_text, not_measured_lines, spread_lines, table_cell

DOCX_FILE = "portfolio.docx"


def render_docx(context: PortfolioContext) -> dict[str, bytes]:
    return {DOCX_FILE: portfolio_document(context)}


def portfolio_document(context: PortfolioContext) -> bytes:
    lang, pf = context.lang, context.portfolio
    title = tr("pf-title", lang)
    doc = word.document(
        title, lang, Footer(context.footer, tr("report-page", lang, page="{page}", pages="{pages}"))
    )
    word.heading(doc, title, 0)
    intro = tr(
        "pf-intro",
        lang,
        total=len(pf.summaries),
        valid=len(pf.valid),
        broken=len(pf.broken),
        threshold=pf.threshold,
    )
    word.paragraph(doc, intro)
    _rollup(doc, pf, lang)
    _esrs(doc, pf, lang)
    word.landscape(doc)
    _partnerships(doc, pf, lang)
    if pf.broken:
        word.heading(doc, tr("pf-broken-heading", lang), 1)
        for summary in pf.broken:
            for problem in summary.problems:
                word.paragraph(
                    doc, f"{summary.path}: {problem.location}: {problem.message}", style="List Bullet"
                )
    return word.to_bytes(doc)


def _shown(row: RollupRow, lang: Lang) -> str:
    """The pooled value, 'hidden' when too few answers, or a count's total: the HTML's cell."""
    if row.pooled:
        return value_text(row.pooled, lang)
    if row.pooled_hidden:
        return tr("score-suppressed", lang)
    return number(row.total, lang) if row.total is not None else ""


def _rollup(doc: Document, pf: Portfolio, lang: Lang) -> None:
    word.heading(doc, tr("pf-rollup-heading", lang), 1)
    headers = [
        tr("report-col-indicator", lang),
        "ESRS",
        tr("pf-col-year", lang),
        tr("pf-col-measuring", lang),
        tr("pf-col-met", lang),
        tr("pf-col-pooled", lang),
        tr("pf-col-ci", lang),
        "n",
    ]
    rows: list[list[Cell | str]] = [
        [
            row.indicator.name,
            row.indicator.esrs,
            str(row.year),  # a year is a label, not a number to group
            number(row.partnerships, lang),
            f"{number(row.met, lang)}/{number(row.with_target, lang)}",
            _shown(row, lang),
            ci_text(row.pooled, lang),
            number(row.pooled.n, lang) if row.pooled and row.pooled.n is not None else "",
        ]
        for row in pf.rollup
    ]
    word.table(doc, headers, rows, widths=[50, 14, 14, 20, 18, 20, 28, 14])
    for line in not_measured_lines(pf, lang):
        word.paragraph(doc, line, style="List Bullet")
    lines = spread_lines(pf, lang)
    if lines:
        word.heading(doc, tr("pf-spread-heading", lang), 2)
        for line in lines:
            word.paragraph(doc, line)


def _esrs(doc: Document, pf: Portfolio, lang: Lang) -> None:
    word.heading(doc, tr("pf-esrs-heading", lang), 1)
    word.paragraph(doc, tr("pf-esrs-method", lang))
    for standard in ("S3", "S4"):
        rows = [row for row in pf.rollup if row.indicator.esrs == standard]
        if not rows:
            continue
        word.heading(doc, f"ESRS {standard}: {tr('report-esrs-' + standard, lang)}", 2)
        for index, row in enumerate(rows):
            if index + 1 < len(rows) and rows[index + 1].indicator.id == row.indicator.id:
                continue  # one line per indicator: its latest year
            line = tr(
                "pf-esrs-line",
                lang,
                name=row.indicator.name,
                year=row.year,
                measuring=row.partnerships,
                met=row.met,
                with_target=row.with_target,
            )
            if row.pooled:
                n = number(row.pooled.n, lang) if row.pooled.n is not None else ""
                pooled = tr(
                    "pf-esrs-pooled",
                    lang,
                    value=value_text(row.pooled, lang),
                    ci=ci_text(row.pooled, lang),
                    n=n,
                )
                line += f" {pooled}"
            elif row.total is not None:
                line += " " + tr("pf-esrs-total", lang, total=number(row.total, lang))
            word.paragraph(doc, line, style="List Bullet")


def _partnerships(doc: Document, pf: Portfolio, lang: Lang) -> None:
    word.heading(doc, tr("pf-partnerships-heading", lang), 1)
    headers = [
        tr("pf-col-partnership", lang),
        tr("report-area", lang),
        tr("pf-col-latest", lang),
        tr("pf-col-steps", lang),
        *(column.name for column in pf.columns),
    ]
    marks = {"met": " ✓", "unmet": " ✗"}
    rows: list[list[Cell | str]] = []
    for summary in pf.valid:
        cells: list[Cell | str] = [
            summary.name,
            summary.area,
            summary.latest_period(pf.year) or "",
            f"{number(summary.steps_done, lang)}/{number(summary.steps_total, lang)}",
        ]
        for column in pf.columns:
            shown = table_cell(pf, summary, column, lang)
            if shown is None:
                cells.append("")
                continue
            n = f" (n = {shown.n})" if shown.n else ""
            cells.append(f"{shown.text}{n}{marks.get(shown.mark, '')}")
        rows.append(cells)
    fixed = [46, 30, 22, 16]
    free = word.landscape_width() - sum(fixed)
    columns = max(len(pf.columns), 1)
    word.table(doc, headers, rows, widths=[*fixed, *([free / columns] * len(pf.columns))], size=8)
