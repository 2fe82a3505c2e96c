"""The partnership's year as an iCalendar file, so it lands in Outlook: the annual wheel's activities, the
evaluation meetings and the yearly measurement. The workbook holds dates, not times, so every event is an
all-day event in the Europe/Copenhagen calendar; an activity planned for a month is one all-day event
on the month's first day (not a month-long block that fills the calendar) and repeats every year. UIDs
come from the partnership and the event's own content, so importing the file again updates events instead
of duplicating them; the file has no time of writing in it."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from b2c_cli.__about__ import __version__
from b2c_cli.i18n import Lang, tr
from b2c_cli.models import Part3, Partnership
from b2c_cli.rendering import strip_controls
from b2c_cli.report.agreement import AgreementDoc
from b2c_cli.report.documents import ReportContext

ICS_FILE = "annual-wheel.ics"
TZID = "Europe/Copenhagen"


def _uid(partnership: Partnership, kind: str, key: str) -> str:
    name = f"b2c/{partnership.name}/{partnership.start_date.isoformat()}/{kind}/{key}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@b2c"


def _first_of_month(partnership: Partnership, month: int) -> date:
    """The month's first day in the partnership's first year (from the month the partnership starts)."""
    start = partnership.start_date
    year = start.year if month >= start.month else start.year + 1
    return date(year, month, 1)


def _copenhagen() -> Timezone:
    """Europe/Copenhagen by the EU's rules (summer time from the last Sunday of March to the last Sunday of
    October), written out rather than taken from the machine's tz database, so the file never changes with
    the database's version."""
    zone = Timezone()
    zone.add("tzid", TZID)
    for part, name, start, before, after, month in (
        (TimezoneDaylight(), "CEST", datetime(1996, 3, 31, 2, 0, 0), "+0100", "+0200", 3),
        (TimezoneStandard(), "CET", datetime(1996, 10, 27, 3, 0, 0), "+0200", "+0100", 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=int(before[:3])))
        part.add("tzoffsetto", timedelta(hours=int(after[:3])))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        zone.add_component(part)
    return zone


def render_calendar(context: ReportContext) -> dict[str, bytes]:
    """The annual wheel, the evaluation meetings and the measurements as an iCalendar file."""
    return {ICS_FILE: render_ics(context.partnership, context.agreement, context.part3, context.lang)}


def render_ics(partnership: Partnership, agreement: AgreementDoc, part3: Part3, lang: Lang) -> bytes:
    stamp = datetime.combine(partnership.start_date, datetime.min.time(), tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//b2c {__version__}//Business2Community//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # The calendar's name is one line (icalendar does not escape line breaks in X- properties).
    calname = " ".join(strip_controls(tr("ics-calendar", lang, name=partnership.name)).split())
    calendar.add("x-wr-calname", calname)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_copenhagen())

    seen: Counter[str] = Counter()

    def event(kind: str, key: str, summary: str, start: date, end: date, description: str = "") -> Event:
        # The same activity twice in a month is two events: the second and later get a number of their own.
        seen[f"{kind}/{key}"] += 1
        if seen[f"{kind}/{key}"] > 1:
            key = f"{key}#{seen[f'{kind}/{key}']}"
        item = Event()
        item.add("uid", _uid(partnership, kind, key))
        item.add("dtstamp", stamp)
        item.add("summary", strip_controls(summary))
        item.add("dtstart", start)
        item.add("dtend", end)
        item.add("transp", "TRANSPARENT")
        if description:
            item.add("description", strip_controls(description))
        return item

    for entry in agreement.wheel:
        details = " – ".join(part for part in (entry.responsible, entry.role, entry.initiative) if part)
        if entry.date is not None:
            key = f"{entry.date.isoformat()}/{entry.activity}"
            item = event(
                "wheel",
                key,
                entry.activity,
                entry.date,
                date.fromordinal(entry.date.toordinal() + 1),
                details,
            )
        else:
            first = _first_of_month(partnership, entry.month)
            item = event(
                "wheel",
                f"month-{entry.month}/{entry.activity}",
                entry.activity,
                first,
                date.fromordinal(first.toordinal() + 1),
                details,
            )
            item.add("rrule", {"freq": "yearly"})
        calendar.add_component(item)

    for day in agreement.meetings:
        summary = tr("ics-meeting", lang, name=partnership.name)
        end = date.fromordinal(day.toordinal() + 1)
        calendar.add_component(
            event("meeting", day.isoformat(), summary, day, end, tr("ics-description-meeting", lang))
        )

    for period in part3.periods:
        if period.planned_date is None:
            continue
        summary = tr("ics-measurement", lang, period=period.id, name=partnership.name)
        day = period.planned_date
        calendar.add_component(
            event("measurement", period.id, summary, day, date.fromordinal(day.toordinal() + 1))
        )
    data: bytes = calendar.to_ical()
    return data
