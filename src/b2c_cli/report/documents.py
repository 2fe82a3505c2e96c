"""The Markdown and HTML documents: the ESG report (table, details, ESRS section) and the partnership
agreement, rendered from Jinja templates in templates/report (or an organisation's own, in the sandbox).
Everything a template shows is prepared here in the report's language, so templates only lay it out."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from b2c_cli.errors import InputError
from b2c_cli.figures.benchmarks import BenchmarkView
from b2c_cli.figures.compute import as_of
from b2c_cli.figures.method import build_method
from b2c_cli.figures.words import label_of, method_text, value_detail
from b2c_cli.i18n import Lang, tr
from b2c_cli.i18n.numbers import number
from b2c_cli.models import Part3, Partnership
from b2c_cli.models.part3 import MeetingLog
from b2c_cli.models.results import Results
from b2c_cli.rendering import environment
from b2c_cli.report.agreement import AgreementDoc
from b2c_cli.report.charts import row_chart
from b2c_cli.report.esrs import EsrsEntry
from b2c_cli.report.table import EsgTable, Row
from b2c_cli.report.weighting import WeightingView, weighting_views

DOCUMENTS = {
    "esg-report.md": "esg-report.md.j2",
    "esg-report.html": "esg-report.html.j2",
    "agreement.md": "agreement.md.j2",
    "agreement.html": "agreement.html.j2",
}


@dataclass(frozen=True)
class Cell:
    text: str  # "41%", "" when not measured
    note: int | None  # the footnote with n, interval and change


@dataclass(frozen=True)
class RowView:
    group: str  # "Faste indikatorer" on the first row of its group, else ""
    row: Row
    cells: tuple[Cell, ...]
    met: str  # "Ja" / "Nej" / "Ikke endnu" / ""
    status: str  # the target status ("met", "not-met", "not-yet-due", ...), for styling; "" without a target
    chart: Markup


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


@dataclass
class ReportContext:
    lang: Lang
    partnership: Partnership
    part3: Part3
    table: EsgTable
    rows: list[RowView]
    footnotes: list[Footnote]
    esrs: list[EsrsEntry]
    meetings: list[MeetingLog]
    agreement: AgreementDoc
    sources: list[str]  # where each period's figures came from
    notes: list[str] = field(default_factory=list)  # b2c's automatic notes, all rows
    template_dir: Path | None = None  # an organisation's own templates, used before b2c's
    report_date: str = ""  # the date of the newest information it reports, ISO: "2026-09-09"
    reporting_period: str = ""  # the measured periods it covers: "Baseline (2025) – År 1 (2026)"
    footer: str = ""  # every printed page's footer: the report date and the reporting period, in words
    esrs_basis: str = ""  # the set of ESRS the ESRS section follows, in words
    vsme_template: Path | None = None  # EFRAG's VSME Digital Template, for --format vsme
    weighting: list[WeightingView] = field(default_factory=list)  # per weighted period, the method in words
    benchmarks: list[BenchmarkView] = field(default_factory=list)  # other surveys' figures, kept apart
    method: list[str] = field(default_factory=list)  # the method section, from the figures layer


def build_context(
    partnership: Partnership,
    part3: Part3,
    table: EsgTable,
    esrs: list[EsrsEntry],
    agreement: AgreementDoc,
    results: dict[str, Results],
    lang: Lang,
    template_dir: Path | None = None,
) -> ReportContext:
    figures = table.figures
    footnotes: list[Footnote] = []
    rows: list[RowView] = []
    previous_group = ""
    for row in table.rows:
        cells = []
        for figure, text in zip(row.periods, row.texts, strict=True):
            if figure.value is None:
                cells.append(Cell(text, None))  # "ikke målt" when the period's survey did not measure it
                continue
            footnotes.append(Footnote(len(footnotes) + 1, value_detail(figure, figures, lang)))
            cells.append(Cell(text, footnotes[-1].number))
        group = tr(f"report-group-{row.group}", lang)
        rows.append(
            RowView(
                group=group if group != previous_group else "",
                row=row,
                cells=tuple(cells),
                met=row.status_text,
                status=row.status or "",
                chart=Markup(row_chart(row, table, tr("report-target", lang))),  # built escaped
            )
        )
        previous_group = group
    sources = [
        tr(
            "report-source-line",
            lang,
            period=label_of(figures, period, lang),
            file=result.source.file,
            layout=result.source.layout,
            respondents=number(result.respondents, lang),
        )
        for period, result in results.items()
    ]
    report_date = as_of(part3, figures, partnership.start_date).isoformat()
    period = reporting_period(table)
    return ReportContext(
        lang=lang,
        partnership=partnership,
        part3=part3,
        table=table,
        rows=rows,
        footnotes=footnotes,
        esrs=esrs,
        meetings=list(part3.evaluation_meetings),
        agreement=agreement,
        sources=sources,
        notes=[note for row in table.rows for note in row.notes],
        template_dir=template_dir,
        report_date=report_date,
        reporting_period=period,
        footer=footer_text(report_date, period, lang),
        esrs_basis=tr(f"report-esrs-basis-{partnership.esrs}", lang),
        weighting=weighting_views(results, figures, lang),
        method=method_text(build_method(part3, figures, results), figures, lang),
    )


def reporting_period(table: EsgTable) -> str:
    """The periods the report's figures come from: the first to the last measured ('Baseline (2025) – År 1
    (2026)'), one label when only one is measured, '' before any measurement."""
    measured = [column.label for column in table.columns if column.measured]
    if not measured:
        return ""
    return measured[0] if len(measured) == 1 else f"{measured[0]} – {measured[-1]}"


def footer_text(report_date: str, period: str, lang: Lang) -> str:
    """'Rapportdato 2026-03-02 · Rapporteringsperiode Baseline (2025) – År 1 (2026)'."""
    if not report_date:
        return ""
    if not period:
        return tr("report-footer-date", lang, date=report_date)
    return tr("report-footer", lang, date=report_date, period=period)


def render_markdown(context: ReportContext) -> dict[str, bytes]:
    """The ESG report and the agreement in Markdown."""
    return render_documents(context, "md")


def render_html(context: ReportContext) -> dict[str, bytes]:
    """The ESG report and the agreement as self-contained HTML."""
    return render_documents(context, "html")


def render_documents(context: ReportContext, kind: str) -> dict[str, bytes]:
    """File name -> bytes for each document of one kind (md or html). The same context gives the same bytes.
    A mistake in an organisation's own template (--template-dir) is an input error naming the template and
    line; one in b2c's own templates is a bug."""
    env = environment("report", context.template_dir)
    lang = context.lang
    env.globals["tr"] = lambda key, **params: tr(key, lang, **params)
    env.globals["num"] = lambda value, places=1: number(value, lang, places)
    env.filters["isodate"] = _isodate
    variables: dict[str, Any] = {
        "r": context,
        "p": context.partnership,
        "lang": lang,
        "page_footer": context.footer,
    }
    try:
        return {
            name: env.get_template(template).render(**variables).encode("utf-8")
            for name, template in DOCUMENTS.items()
            if name.endswith(f".{kind}")
        }
    except Exception as exc:
        if not isinstance(exc, jinja2.TemplateError) and context.template_dir is None:
            raise
        name, line = _template_position(exc)
        where = f"{name}:{line}" if line else str(name)
        reason = str(exc)[:120].rstrip(".") or type(exc).__name__
        raise InputError(
            "report-template-error", where=where, template=Path(str(name)).name, reason=reason
        ) from None


def _template_position(exc: Exception) -> tuple[str, int | None]:
    """The template file (and line) an error happened in. Syntax errors carry it; errors while rendering
    (an undefined value, an unsafe attribute refused by the sandbox) are found in the traceback, where
    Jinja puts a frame for each template line it ran."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    if name and isinstance(exc, jinja2.TemplateError):
        return str(name), getattr(exc, "lineno", None)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return "?", None


def _isodate(value: date | None) -> str:
    return value.isoformat() if value else ""
