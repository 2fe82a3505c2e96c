"""Hostile text in every free-text field the reports show: formula starts (`=HYPERLINK(...)`, `@SUM(1)`,
`+1`, `-1`, tab, CR), pipes and line breaks, HTML, Markdown markup, control characters and a text longer than
an Excel cell. No formula in the XLSX (formula-like text is text, marked with a quote prefix), Markdown
tables keep their shape, no HTML gets through, and the calendar still parses."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from b2c_cli.rendering import markdown_cell
from b2c_cli.workbook.folder import Workbook
from b2c_cli.workbook.validate import check
from b2c_cli.xlsxutil import EXCEL_CELL_LIMIT, FORMULA_START
from helpers import TODAY

from .kit import (
    CONTROL,
    ICS,
    PART2,
    PART3,
    PARTNERSHIP,
    XLSX,
    add_indicator,
    copy_example,
    edit,
    markdown_tables,
    read_html,
    render,
    set_paths,
)

LONG = "Lang tekst " + "x" * 40_000 + " slut"
PAYLOADS = {
    "hyperlink": '=HYPERLINK("http://x","y")',
    "at": "@SUM(1)",
    "plus": "+1",
    "minus": "-1",
    "tab": "\t=1+2 tab\tinside",
    "cr": "\r=1+2 cr\rinside",
    "pipe-newline": "a | b\nc || d\r\ne",
    "script": "<script>alert(1)</script>",
    "markdown": "*bold* _it_ `code` [link](http://x) # no heading",
    "control": "bell\x07 back\x08 esc\x1b nul\x00 del\x7f end",
    "long": LONG,
}

# Every free-text field a report shows: (file, path), '*' for each element of a list.
FIELDS: list[tuple[str, tuple[str, ...]]] = [
    (PARTNERSHIP, ("name",)),
    (PARTNERSHIP, ("area", "name")),
    (PARTNERSHIP, ("area", "afdeling")),
    (PARTNERSHIP, ("area", "municipality")),
    (PARTNERSHIP, ("housing", "name")),
    (PARTNERSHIP, ("company", "name")),
    (PARTNERSHIP, ("company", "cvr")),
    *(
        (PARTNERSHIP, (party, "contact", key))
        for party in ("housing", "company")
        for key in ("name", "role", "email", "phone")
    ),
    (PART2, ("joint_priorities", "focus")),
    (PART2, ("joint_priorities", "joint_actions")),
    (PART2, ("joint_priorities", "resources")),
    (PART2, ("other_resources", "*", "name")),
    (PART2, ("other_resources", "*", "contribution")),
    (PART2, ("agreement", "initiatives", "*", "title")),
    (PART2, ("agreement", "initiatives", "*", "description")),
    (PART2, ("agreement", "initiatives", "*", "place")),
    (PART2, ("agreement", "annual_wheel", "*", "activity")),
    (PART2, ("agreement", "annual_wheel", "*", "role")),
    (PART2, ("agreement", "measurement", "scope")),
    (PART2, ("agreement", "measurement", "method")),
    (PART3, ("indicators", "*", "name")),
    (PART3, ("indicators", "*", "kpi")),
    (PART3, ("indicators", "*", "method")),
    (PART3, ("indicators", "*", "comment")),
    (PART3, ("indicators", "*", "no_target_reason")),
    (PART3, ("evaluation_meetings", "*", "participants", "*")),
    (PART3, ("evaluation_meetings", "*", "adjustments")),
]


def marker(index: int) -> str:
    """Letters and digits only, which no escaping changes: shows where each field's text ended up."""
    return f"Q{index:02d}Q"


def hostile(folder: Path, payload: str) -> None:
    """Every field of FIELDS set to `payload` followed by its marker (an indicator without a target is added
    first, so the no-target reason is shown too)."""
    add_indicator(
        folder,
        {
            "id": "naboer",
            "name": "Naboer",
            "kind": "count",
            "esrs": "S4",
            "kpi": "Antal",
            "no_target_reason": "Ukendt niveau",
            "method": "Optælling",
        },
        {"period": "baseline", "value": 3},
    )
    for name in (PARTNERSHIP, PART2, PART3):

        def change(data: Any, name: str = name) -> None:
            for index, (file, path) in enumerate(FIELDS):
                if file == name:
                    assert set_paths(data, path, payload + marker(index)), path

        edit(folder, name, change)


@dataclass
class Outputs:
    payload: str
    files: dict[str, bytes]
    workbook: Workbook  # the workbook as b2c reads it

    def text(self, name: str) -> str:
        return self.files[name].decode("utf-8")

    @property
    def indicator_name(self) -> str:
        """The first indicator's name as b2c read it (whitespace around it stripped)."""
        assert self.workbook.part3 is not None
        return self.workbook.part3.indicators[0].name

    @property
    def activity(self) -> str:
        assert self.workbook.part2 is not None
        return self.workbook.part2.agreement.annual_wheel[0].activity


@pytest.fixture(scope="module", params=list(PAYLOADS), ids=list(PAYLOADS))
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    folder = copy_example(tmp_path_factory.mktemp(request.param) / "hedemarken")
    payload = PAYLOADS[request.param]
    hostile(folder, payload)
    workbook, problems = check(folder, date.fromisoformat(TODAY))
    assert problems.errors == []
    return Outputs(payload, render(folder), workbook)


def test_every_field_reaches_the_reports(outputs: Outputs) -> None:
    markdown = outputs.text("esg-report.md") + outputs.text("agreement.md")
    html = outputs.text("esg-report.html") + outputs.text("agreement.html")
    for index, (file, path) in enumerate(FIELDS):
        assert marker(index) in markdown, (file, path)
        assert marker(index) in html, (file, path)


def _lines(text: str) -> str:
    """Line breaks as line feeds: what an XML or iCalendar reader gives back for a CR or CR LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _excel(text: str) -> str:
    """What an XLSX cell holds of `text`: without the characters XML cannot carry, within Excel's limit."""
    text = _lines(ILLEGAL_CHARACTERS_RE.sub("", text))  # XML reads a CR as a line feed
    return text if len(text) <= EXCEL_CELL_LIMIT else text[: EXCEL_CELL_LIMIT - 1] + "…"


def test_xlsx_holds_no_formula_and_formula_like_text_as_quoted_text(outputs: Outputs) -> None:
    data = outputs.files[XLSX]
    book = load_workbook(io.BytesIO(data))  # it loads: every part is well-formed XML, chart titles included
    seen = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert cell.data_type in ("s", "inlineStr")
                    assert len(cell.value) <= EXCEL_CELL_LIMIT
                    assert not ILLEGAL_CHARACTERS_RE.search(cell.value)
                    # Marked so Excel keeps it text even when someone edits the cell.
                    assert bool(cell.quotePrefix) == cell.value.startswith(FORMULA_START), cell.coordinate
                    seen.update(re.findall(r"Q\d\dQ", cell.value))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(?:\w+:)?f[ >/]", archive.read(name)), name
    # The ESG sheet shows the indicator's name, comment and KPI as written; the wheel sheet its activity.
    esg, wheel = book.worksheets[0], book.worksheets[3]
    assert esg["B2"].value == _excel(outputs.indicator_name)
    assert esg["B2"].data_type == "s"
    assert wheel["C2"].value == _excel(outputs.activity)
    if outputs.payload.startswith(("=", "@", "+", "-", "\t", "\r")):
        assert esg["B2"].quotePrefix and wheel["C2"].quotePrefix
    if outputs.payload is LONG:
        assert esg["B2"].value.endswith("…") and len(esg["B2"].value) == EXCEL_CELL_LIMIT
    else:
        for field in ("name", "comment", "kpi"):
            assert marker(FIELDS.index((PART3, ("indicators", "*", field)))) in seen
    # The chart titles are the indicators' names too (openpyxl has parsed them above).
    titles = [
        "\n".join("".join(r.t for r in p.r or []) for p in chart.title.tx.rich.p) for chart in esg._charts
    ]
    assert len(titles) == 6
    assert titles[0] == " ".join(ILLEGAL_CHARACTERS_RE.sub("", outputs.indicator_name).split())[:250]


UNESCAPED_TAG = re.compile(r"(?<!\\)<\s*/?\s*script", re.IGNORECASE)


@pytest.mark.parametrize("name", ["esg-report.md", "agreement.md"])
def test_markdown_tables_keep_their_shape_and_nothing_becomes_markup(outputs: Outputs, name: str) -> None:
    text = outputs.text(name)
    tables = markdown_tables(text)  # checks every row is whole and has the header's number of cells
    # The ESG report: the guide's table, the example's benchmark and its representativeness per period
    # (issue 16), and the meetings.
    assert len(tables) == (5 if name == "esg-report.md" else 6)
    assert [len(table.rows) for table in tables] == (
        [1 + 6, 1 + 1, 1 + 7, 1 + 7, 1 + 7]
        if name == "esg-report.md"
        else [1 + 5, 1 + 2, 1 + 3, 1 + 6, 1 + 6, 1 + 3]
    )
    assert not CONTROL.search(text)
    assert not UNESCAPED_TAG.search(text)
    # Rendered as CommonMark with tables, the user's text stays text: no element it did not ask for.
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html.lower()
    assert "<a href" not in html and "<code>" not in html and "<em>" not in html
    if name == "esg-report.md":
        assert "<strong>" not in html
    allowed = r"br|p|h\d|ul|ol|li|strong|table|thead|tbody|tr|th|td"
    assert re.findall(rf"<(?!/?(?:{allowed})\b)[^>]*>", html) == []
    if outputs.payload is not LONG:  # the name shows up whole in the table's cell
        assert markdown_cell(CONTROL.sub("", outputs.indicator_name)) in text


@pytest.mark.parametrize("name", ["esg-report.html", "agreement.html"])
def test_html_escapes_everything(outputs: Outputs, name: str) -> None:
    text = outputs.text(name)
    doc = read_html(text)
    assert doc.problems == []
    assert doc.tags["script"] == 0 and "<script" not in text.lower()
    assert doc.tags["a"] == 0
    assert not CONTROL.search(text)
    if outputs.payload == PAYLOADS["script"]:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    # The text reads back as written, less control characters.
    assert CONTROL.sub("", outputs.indicator_name) in "".join(doc.text)


def test_calendar_parses_and_keeps_the_text(outputs: Outputs) -> None:
    data = outputs.files[ICS]
    assert not CONTROL.search(data.decode("utf-8").replace("\r\n", ""))
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 6 + 8 + 3
    # The first wheel activity, as written (less control characters; a line break stays a line break).
    assert str(events[0]["SUMMARY"]) == _lines(CONTROL.sub("", outputs.activity))
    assert len({str(event["UID"]) for event in events}) == len(events)
    assert "\n" not in str(calendar["X-WR-CALNAME"])
