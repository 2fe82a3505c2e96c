"""The ESG report and the partnership agreement as Word documents an ESG lead edits in Word: Word's own
styles, tables with a header row that repeats on every page, the notes under the table (n, interval and
change behind each value), the ESG table on landscape pages, the agreement's signature block kept on one
page, and the report date, the reporting period and the page number in every footer. Every text is the
report context's (the figures layer's words): nothing is computed here."""

from __future__ import annotations

from docx.document import Document

from b2c_cli import docxutil as word
from b2c_cli.docxutil import Cell, Footer
from b2c_cli.i18n import tr
from b2c_cli.i18n.numbers import number
from b2c_cli.report.documents import ReportContext

ESG_FILE, AGREEMENT_FILE = "esg-report.docx", "agreement.docx"


def render_docx(context: ReportContext) -> dict[str, bytes]:
    """The ESG report and the agreement as .docx files."""
    return {ESG_FILE: esg_document(context), AGREEMENT_FILE: agreement_document(context)}


def _footer(context: ReportContext) -> Footer:
    return Footer(context.footer, tr("report-page", context.lang, page="{page}", pages="{pages}"))


def esg_document(context: ReportContext) -> bytes:
    lang, p = context.lang, context.partnership
    title = tr("report-esg-title", lang, name=p.name)
    doc = word.document(title, lang, _footer(context))
    word.heading(doc, title, 0)
    word.paragraph(
        doc, tr("report-esg-intro", lang, area=p.area.name, housing=p.housing.name, company=p.company.name)
    )
    word.landscape(doc)
    _esg_table(doc, context)
    word.portrait(doc)
    _esrs_section(doc, context)
    return word.to_bytes(doc)


def _esg_table(doc: Document, context: ReportContext) -> None:
    lang = context.lang
    word.heading(doc, tr("report-table-heading", lang), 1)
    periods = context.table.columns
    headers = [
        tr("report-col-group", lang),
        tr("report-col-indicator", lang),
        tr("report-col-target", lang),
        *(column.label for column in periods),
        tr("report-col-met", lang),
        tr("report-col-comment", lang),
        tr("report-col-kpi", lang),
    ]
    rows: list[list[Cell | str]] = [
        [
            Cell(view.group, bold=True),
            view.row.indicator.name,
            view.row.target_text,
            *(Cell(cell.text, str(cell.note) if cell.note else "", number=True) for cell in view.cells),
            view.met,
            view.row.comment,
            view.row.indicator.kpi,
        ]
        for view in context.rows
    ]
    fixed = 23 + 38 + 24 + 17
    free = word.landscape_width() - fixed - 19 * len(periods)
    widths = [23, 38, 24, *([19] * len(periods)), 17, free * 0.45, free * 0.55]
    word.table(doc, headers, rows, widths=widths, size=8.5)
    word.heading(doc, tr("report-notes-under-table", lang), 2)
    for footnote in context.footnotes:
        word.note(doc, str(footnote.number), footnote.text)
    if context.notes:
        word.paragraph(doc, tr("report-notes-heading", lang) + ":", keep=True).runs[0].bold = True
        for text in context.notes:
            word.note(doc, "", text)
    if context.sources:
        word.paragraph(doc, tr("report-sources-heading", lang) + ":", keep=True).runs[0].bold = True
        for source in context.sources:
            word.note(doc, "", source)


def _method_section(doc: Document, context: ReportContext) -> None:
    """The method section, from the figures layer, as in the other formats."""
    if not context.method:
        return
    word.heading(doc, tr("report-method-heading", context.lang), 1)
    for line in context.method:
        word.note(doc, "", line)


def _esrs_section(doc: Document, context: ReportContext) -> None:
    lang = context.lang
    _method_section(doc, context)
    word.heading(doc, tr("report-esrs-heading", lang), 1)
    word.paragraph(doc, tr("report-esrs-intro", lang))
    word.paragraph(doc, context.esrs_basis)
    word.paragraph(doc, tr("report-esrs-entity-specific", lang))
    for entry in context.esrs:
        indicator = entry.indicator
        word.heading(doc, f"{indicator.name} (ESRS {entry.standard}, {entry.standard_name})", 2)
        word.labelled(doc, tr("report-col-kpi", lang), indicator.kpi, keep=True)
        word.labelled(doc, tr("report-method", lang), indicator.method or tr("report-no-method", lang))
        if indicator.target:
            details = f"{tr('report-unit', lang)}: {entry.unit}"
            if entry.base_label:
                details += f"; {tr('report-base', lang)}: {entry.base_label}"
            if entry.target_label:
                details += f"; {tr('report-by', lang)}: {entry.target_label}"
            word.labelled(doc, tr("report-col-target", lang), f"{entry.target_text} ({details})")
        else:
            reason = f"{tr('report-reason', lang)}: {indicator.no_target_reason}"
            word.labelled(doc, tr("report-col-target", lang), f"{tr('report-no-target', lang)}. {reason}")
        progress = " · ".join(f"{step.label} {step.text or '–'}" for step in entry.progress)
        word.labelled(doc, tr("report-progress", lang), progress)
        word.labelled(doc, tr("report-datapoints", lang), entry.datapoints_text)
    word.heading(doc, tr("report-meetings-heading", lang), 2)
    if context.meetings:
        headers = [
            tr("report-col-date", lang),
            tr("report-col-participants", lang),
            tr("report-col-adjustments", lang),
        ]
        rows = [
            [meeting.date.isoformat(), ", ".join(meeting.participants), meeting.adjustments or ""]
            for meeting in context.meetings
        ]
        word.table(doc, headers, rows, widths=[24, 60, word.portrait_width() - 84])
    else:
        word.paragraph(doc, tr("report-no-meetings", lang))


def agreement_document(context: ReportContext) -> bytes:
    lang, p, a = context.lang, context.partnership, context.agreement
    joint, measurement = a.part2.joint_priorities, a.part2.agreement.measurement
    title = f"{tr('report-agreement-title', lang)}: {p.name}"
    doc = word.document(title, lang, _footer(context))
    word.heading(doc, title, 0)

    word.heading(doc, tr("report-parties", lang), 1)
    company = p.company.name + (f" ({tr('report-cvr', lang)} {p.company.cvr})" if p.company.cvr else "")
    housing, firm = p.housing.contact, p.company.contact
    word.table(
        doc,
        ["", tr("report-party-housing", lang), tr("report-party-company", lang)],
        [
            [Cell(tr("report-col-name", lang), bold=True), p.housing.name, company],
            [Cell(tr("report-contact", lang), bold=True), housing.name or "", firm.name or ""],
            [Cell(tr("report-role", lang), bold=True), housing.role or "", firm.role or ""],
            [Cell(tr("report-email", lang), bold=True), housing.email or "", firm.email or ""],
            [Cell(tr("report-phone", lang), bold=True), housing.phone or "", firm.phone or ""],
        ],
        widths=[34, 72, 72],
    )
    area = ", ".join(part for part in (p.area.name, p.area.afdeling, p.area.municipality) if part)
    word.paragraph(
        doc,
        f"{tr('report-area', lang)}: {area}. {tr('report-start', lang)}: {p.start_date.isoformat()}. "
        f"{tr('report-size-' + p.size, lang)}.",
    )

    word.heading(doc, tr("report-joint-heading", lang), 1)
    for key, text in (
        ("report-joint-focus", joint.focus),
        ("report-joint-actions", joint.joint_actions),
        ("report-joint-resources", joint.resources),
        ("report-joint-indicators", ", ".join(a.site_indicators)),
    ):
        word.labelled(doc, tr(key, lang).rstrip(":"), text or "–")

    if a.resources:
        word.heading(doc, tr("report-other-resources", lang), 1)
        word.table(
            doc,
            [tr("report-col-source", lang), tr("report-col-name", lang), tr("report-col-contribution", lang)],
            [[r.source, r.name, r.contribution] for r in a.resources],
            widths=[40, 50, 88],
        )

    word.heading(doc, tr("report-initiatives", lang), 1)
    if a.initiatives:
        word.table(
            doc,
            [
                tr("report-col-initiative", lang),
                tr("report-col-description", lang),
                tr("report-col-focus", lang),
                tr("report-col-place", lang),
                tr("report-col-responsible", lang),
                tr("report-col-indicators", lang),
            ],
            [[i.title, i.description, i.focus, i.place, i.responsible, i.indicators] for i in a.initiatives],
            widths=[25, 42, 26, 26, 21, 38],
            size=8.5,
        )
    else:
        word.paragraph(doc, tr("report-none-yet", lang))

    word.heading(doc, tr("report-wheel", lang), 1)
    if a.wheel:
        word.table(
            doc,
            [
                tr("report-col-month", lang),
                tr("report-col-activity", lang),
                tr("report-col-responsible", lang),
                tr("report-col-role", lang),
                tr("report-col-initiative", lang),
            ],
            [
                [
                    e.month_name + (f" ({e.date.isoformat()})" if e.date else ""),
                    e.activity,
                    e.responsible,
                    e.role,
                    e.initiative,
                ]
                for e in a.wheel
            ],
            widths=[28, 44, 30, 46, 30],
            size=8.5,
        )
    else:
        word.paragraph(doc, tr("report-none-yet", lang))

    word.heading(doc, tr("report-meeting-dates", lang), 1)
    dates = " · ".join(day.isoformat() for day in a.meetings)
    word.paragraph(doc, dates or tr("report-none-yet", lang))

    word.heading(doc, tr("report-measurement", lang), 1)
    joint_text = (
        "–" if measurement.joint is None else tr("report-yes" if measurement.joint else "report-no", lang)
    )
    respondents = number(measurement.respondents, lang) if measurement.respondents is not None else "–"
    for key, text in (
        ("report-measurement-scope", measurement.scope or "–"),
        ("report-measurement-respondents", respondents),
        ("report-measurement-month", a.measurement_month or "–"),
        ("report-measurement-joint", joint_text),
        ("report-measurement-method", measurement.method or "–"),
    ):
        word.labelled(doc, tr(key, lang).rstrip(":"), text)
    word.table(
        doc,
        [tr("report-col-indicator", lang), "ESRS", tr("report-col-target", lang), tr("report-col-kpi", lang)],
        [[i.name, i.esrs, i.target, i.kpi] for i in a.indicators],
        widths=[52, 16, 26, 84],
    )

    # The signatures: heading and block on one page, never "Underskrift:" alone on the next.
    word.heading(doc, tr("report-signatures", lang), 1)
    labels = [tr("report-col-name", lang), tr("report-col-date", lang), tr("report-signature", lang)]
    word.table(
        doc,
        [tr("report-for", lang, party=p.housing.name), tr("report-for", lang, party=p.company.name)],
        [[Cell(f"{label}:\n\n"), Cell(f"{label}:\n\n")] for label in labels],
        widths=[89, 89],
        keep_together=True,
    )
    return word.to_bytes(doc)
