"""`b2c meeting agenda`: the next evaluation meeting's agenda, from the guide and the workbook: what was
agreed last time, the latest results with their uncertainty (worded by the figures layer), the annual
wheel's activities until the meeting after, and the guide's questions for the meeting. Markdown and an A4
HTML page, written to reports/."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from b2c_cli.errors import WorkbookInvalid
from b2c_cli.i18n import Lang, tr
from b2c_cli.models import Part2, Part3
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.resources import field_doc
from b2c_cli.workbook.choices import MONTHS
from b2c_cli.workbook.folder import REPORTS_DIR
from b2c_cli.workbook.validate import check, require

QUESTIONS = ("experiences", "learnings", "adjustments", "reallocated_resources")
WHEEL_MONTHS_AHEAD = 3  # without a later meeting planned: the wheel's next three months


@dataclass
class Agenda:
    title: str
    day: date
    lang: Lang
    last_agreed: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    last_date: date | None = None
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (indicator, value, detail)
    wheel: list[tuple[str, str, str]] = field(default_factory=list)  # (when, activity, responsible)
    questions: list[str] = field(default_factory=list)


def meeting_day(part2: Part2 | None, today: date) -> date:
    """The next planned evaluation meeting from today, else today."""
    planned = sorted(d for d in (part2.agreement.evaluation_meetings if part2 else []) if d >= today)
    return planned[0] if planned else today


def build_agenda(root: Path, today: date, day: date | None, lang: Lang | None) -> Agenda:
    from b2c_cli.figures import build_figures
    from b2c_cli.figures.words import interval_text, label_of, status_text, target_text, value_text
    from b2c_cli.survey.results import load_all

    workbook, validation = check(root, today)
    require(validation, "meeting-workbook-invalid")
    partnership, part2, part3 = workbook.partnership, workbook.part2, workbook.part3
    if partnership is None or part2 is None or part3 is None:
        raise WorkbookInvalid("meeting-workbook-invalid", count=1)
    lang = lang or workbook.lang
    day = day or meeting_day(part2, today)
    agenda = Agenda(tr("meeting-agenda-title", lang, name=partnership.name, date=day.isoformat()), day, lang)

    agenda.last_date, agenda.last_agreed = _last_agreed(part3, day, lang)
    figures = build_figures(part3, load_all(root, part3))
    for indicator in figures.indicators:
        latest = indicator.latest
        if latest is None or latest.value is None:
            agenda.results.append((indicator.name, tr("meeting-not-measured", lang), ""))
            continue
        value = latest.value
        detail = [label_of(figures, latest.period, lang)]
        interval = interval_text(value, lang)
        if interval:
            detail.append(tr("meeting-interval", lang, interval=interval))
        if value.n is not None:
            detail.append(f"n = {value.n}")
        detail.append(f"{tr('meeting-target', lang)}: {target_text(indicator, lang)}")
        met = status_text(indicator.target.status if indicator.target else None, lang)
        if met:
            detail.append(f"{tr('meeting-met', lang)}: {met}")
        agenda.results.append((indicator.name, value_text(value, lang), " · ".join(detail)))

    later = sorted(d for d in part2.agreement.evaluation_meetings if d > day)
    until = later[0] if later else _months_later(day, WHEEL_MONTHS_AHEAD)
    for entry in part2.agreement.annual_wheel:
        when = _wheel_when(entry.date, entry.month, day, until, lang)
        if when is not None:
            agenda.wheel.append((when, entry.activity, tr(f"meeting-responsible-{entry.responsible}", lang)))
    agenda.questions = [field_doc("MeetingLog", name, lang) or name for name in QUESTIONS]
    return agenda


def _last_agreed(part3: Part3, day: date, lang: Lang) -> tuple[date | None, list[tuple[str, str]]]:
    before = [m for m in part3.evaluation_meetings if m.date < day]
    if not before:
        return None, []
    last = max(before, key=lambda m: m.date)
    found = []
    for name in ("adjustments", "reallocated_resources", "learnings"):
        text = getattr(last, name)
        if text:
            found.append((field_doc("MeetingLog", name, lang) or name, text))
    return last.date, found


def _months_later(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


def _wheel_when(on: date | None, month: int | None, start: date, until: date, lang: Lang) -> str | None:
    """When a wheel activity falls between this meeting and the next, in words; None when it does not."""
    if on is not None:
        return on.isoformat() if start <= on <= until else None
    if month is None:
        return None
    for year in (start.year, start.year + 1):
        first = date(year, month, 1)
        last_day = _months_later(first, 1)
        if first <= until and last_day > start:
            return f"{MONTHS[lang][month - 1]} {year}"
    return None


# -- rendering ----------------------------------------------------------------------------------------------


def render_markdown(agenda: Agenda) -> str:
    lang = agenda.lang
    lines = [f"# {agenda.title}", ""]
    lines += [f"## 1. {tr('meeting-last-time', lang)}", ""]
    if agenda.last_agreed:
        lines.append(tr("meeting-last-date", lang, date=str(agenda.last_date)))
        lines.append("")
        lines += [f"- **{label}** {text}" for label, text in agenda.last_agreed]
    else:
        lines.append(tr("meeting-nothing-logged", lang))
    lines += ["", f"## 2. {tr('meeting-results', lang)}", ""]
    lines += [
        f"| {tr('meeting-col-indicator', lang)} | {tr('meeting-col-value', lang)} | |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {_md(name)} | {value} | {detail} |" for name, value, detail in agenda.results]
    lines += ["", f"## 3. {tr('meeting-wheel', lang)}", ""]
    if agenda.wheel:
        lines += [f"- {when}: {_md(activity)} ({who})" for when, activity, who in agenda.wheel]
    else:
        lines.append(tr("meeting-no-wheel", lang))
    lines += ["", f"## 4. {tr('meeting-questions', lang)}", ""]
    lines += [f"{number}. {question}" for number, question in enumerate(agenda.questions, start=1)]
    lines += ["", tr("meeting-record-hint", lang), ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


_CSS = (
    "@page { size: A4; margin: 18mm 16mm; } body { font-family: 'DejaVu Sans', Arial, sans-serif; "
    "font-size: 10.5pt; line-height: 1.4; max-width: 178mm; margin: 0 auto; } h1 { font-size: 16pt; } "
    "h2 { font-size: 12.5pt; margin-top: 1.2em; break-after: avoid; } table { border-collapse: collapse; "
    "width: 100%; } th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; "
    "vertical-align: top; } td.value { text-align: right; white-space: nowrap; } tr { break-inside: avoid; } "
    "li { margin-bottom: 0.4em; } .notes { border: 1px solid #999; min-height: 28mm; margin: 0.3em 0 1em; }"
)


def render_html(agenda: Agenda) -> str:
    lang = agenda.lang
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{e(agenda.title)}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(agenda.title)}</h1>",
        f"<h2>1. {e(tr('meeting-last-time', lang))}</h2>",
    ]
    if agenda.last_agreed:
        parts.append(f"<p>{e(tr('meeting-last-date', lang, date=str(agenda.last_date)))}</p><ul>")
        parts += [f"<li><strong>{e(label)}</strong> {e(text)}</li>" for label, text in agenda.last_agreed]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{e(tr('meeting-nothing-logged', lang))}</p>")
    parts.append(f"<h2>2. {e(tr('meeting-results', lang))}</h2><table><thead><tr>")
    parts.append(
        f"<th>{e(tr('meeting-col-indicator', lang))}</th><th>{e(tr('meeting-col-value', lang))}</th><th></th>"
    )
    parts.append("</tr></thead><tbody>")
    parts += [
        f'<tr><td>{e(name)}</td><td class="value">{e(value)}</td><td>{e(detail)}</td></tr>'
        for name, value, detail in agenda.results
    ]
    parts.append(f"</tbody></table><h2>3. {e(tr('meeting-wheel', lang))}</h2>")
    if agenda.wheel:
        parts.append("<ul>")
        parts += [f"<li>{e(when)}: {e(activity)} ({e(who)})</li>" for when, activity, who in agenda.wheel]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{e(tr('meeting-no-wheel', lang))}</p>")
    parts.append(f"<h2>4. {e(tr('meeting-questions', lang))}</h2><ol>")
    parts += [f'<li>{e(question)}<div class="notes"></div></li>' for question in agenda.questions]
    parts.append(f"</ol><p>{e(tr('meeting-record-hint', lang))}</p></body></html>")
    return "\n".join(parts) + "\n"


def write_agenda(agenda: Agenda, root: Path, output: Path | None, dry_run: bool) -> list[Written]:
    stem = f"agenda-{agenda.day.isoformat()}"
    outputs = {
        f"{stem}.md": render_markdown(agenda).encode("utf-8"),
        f"{stem}.html": render_html(agenda).encode("utf-8"),
    }
    return write_outputs(output if output is not None else root / REPORTS_DIR, outputs, dry_run)
