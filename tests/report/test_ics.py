"""The annual wheel as iCalendar, parsed back with the icalendar package: an all-day event for every wheel
activity, evaluation meeting and planned measurement; month-only activities span their month and repeat
every year; UIDs that stay the same from run to run; the Europe/Copenhagen time zone."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from b2c_cli.i18n import LANGS, Lang, tr

from .kit import CONTROL, EXAMPLE, ICS, PART2, PART3, copy_example, edit, load, render

NAME = "Bo-Vest × Nortec i Hedemarken"


def _calendar(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _events(data: bytes) -> list[Any]:
    return list(_calendar(data).walk("VEVENT"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_wheel_entry_meeting_and_measurement_is_an_event(
    rendered: dict[Lang, Path], lang: Lang
) -> None:
    events = _events((rendered[lang] / ICS).read_bytes())
    part2, part3 = load(EXAMPLE, PART2), load(EXAMPLE, PART3)
    wheel = part2["agreement"]["annual_wheel"]
    meetings = part2["agreement"]["evaluation_meetings"]
    planned = [period for period in part3["periods"] if period.get("planned_date")]
    assert len(events) == len(wheel) + len(meetings) + len(planned)
    by_summary: dict[str, list[Any]] = {}
    for event in events:
        by_summary.setdefault(str(event["SUMMARY"]), []).append(event)
        # All-day events: the workbook holds dates, never times.
        assert type(event.decoded("DTSTART")) is date and type(event.decoded("DTEND")) is date
        assert event.decoded("DTEND") > event.decoded("DTSTART")

    start = load(EXAMPLE, "b2c.yaml")["start_date"]
    for entry in wheel:
        (event,) = by_summary[entry["activity"]]
        if "date" in entry:
            assert event.decoded("DTSTART") == entry["date"]
            assert event.decoded("DTEND") == entry["date"] + timedelta(days=1)
            assert "RRULE" not in event
        else:
            # One all-day event on the month's first day in the partnership's first year, every year: not
            # a month-long block across the calendar.
            first = date(start.year if entry["month"] >= start.month else start.year + 1, entry["month"], 1)
            assert event.decoded("DTSTART") == first
            assert event.decoded("DTEND") == first + timedelta(days=1)
            assert event["RRULE"]["FREQ"] == ["YEARLY"]
        assert entry["role"] in str(event["DESCRIPTION"])

    meeting_events = by_summary[tr("ics-meeting", lang, name=NAME)]
    assert sorted(event.decoded("DTSTART") for event in meeting_events) == meetings
    assert all(str(event["DESCRIPTION"]) == tr("ics-description-meeting", lang) for event in meeting_events)
    for period in planned:
        (event,) = by_summary[tr("ics-measurement", lang, period=period["id"], name=NAME)]
        assert event.decoded("DTSTART") == period["planned_date"]


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_is_in_copenhagen_time(rendered: dict[Lang, Path], lang: Lang) -> None:
    data = (rendered[lang] / ICS).read_bytes()
    calendar = _calendar(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    parts = {component.name: component for component in zone.subcomponents}
    assert set(parts) == {"STANDARD", "DAYLIGHT"}
    assert parts["DAYLIGHT"].decoded("TZOFFSETTO") == timedelta(hours=2)
    assert parts["STANDARD"].decoded("TZOFFSETTO") == timedelta(hours=1)
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Copenhagen"
    assert str(calendar["X-WR-CALNAME"]) == tr("ics-calendar", lang, name=NAME)
    assert str(calendar["VERSION"]) == "2.0"
    # RFC 5545: CRLF line ends, lines folded at 75 octets, no control characters.
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert not CONTROL.search(data.decode("utf-8").replace("\r\n", ""))


def _uids(data: bytes) -> dict[str, str]:
    return {
        str(event["UID"]): str(event["SUMMARY"]) + str(event.decoded("DTSTART")) for event in _events(data)
    }


def test_uids_are_unique_and_stable(tmp_path: Path) -> None:
    first = render(copy_example(tmp_path / "one"))[ICS]
    again = render(copy_example(tmp_path / "elsewhere" / "two"))[ICS]
    uids = _uids(first)
    assert len(uids) == len(_events(first))  # unique
    assert _uids(again) == uids
    assert all(uid.endswith("@b2c") for uid in uids)


def test_uids_survive_an_added_event(tmp_path: Path) -> None:
    """Importing the file again after the wheel grew updates the events already there: their UIDs do not
    depend on their position."""
    folder = copy_example(tmp_path / "hedemarken")
    before = _uids(render(folder)[ICS])

    def add(data: Any) -> None:
        data["agreement"]["annual_wheel"].insert(
            0, {"month": 5, "activity": "Ny aktivitet", "responsible": "both"}
        )

    edit(folder, PART2, add)
    after = _uids(render(folder)[ICS])
    assert set(before) < set(after)
    assert len(after) == len(before) + 1
    assert {uid: after[uid] for uid in before} == before


def test_the_same_activity_twice_in_a_month_is_two_events(tmp_path: Path) -> None:
    """UIDs must be unique in a calendar: a repeated activity must not merge with (or replace) the first."""
    folder = copy_example(tmp_path / "hedemarken")
    before = _uids(render(folder)[ICS])

    def repeat(data: Any) -> None:
        wheel = data["agreement"]["annual_wheel"]
        wheel.append({**wheel[0], "role": "Anden runde"})
        wheel.append({**wheel[3]})  # the dated one, again

    edit(folder, PART2, repeat)
    data = render(folder)[ICS]
    uids = [str(event["UID"]) for event in _events(data)]
    assert len(uids) == len(set(uids)) == len(before) + 2
    assert set(before) < set(uids)  # the first of each keeps its UID
