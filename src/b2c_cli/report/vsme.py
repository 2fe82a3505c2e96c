"""The partnership in EFRAG's VSME Digital Template, for a partner company that reports under VSME
(Commission Recommendation (EU) 2025/1710): a filled copy of the template the user supplies, so a new
EFRAG release needs no new b2c.

What is filled, found by the template's defined names (the local names of the VSME XBRL taxonomy, which
EFRAG's converter reads):
- B2, the practice row: the practice is in place (its row's yes, which the template's own checks read),
  the sustainability matters it addresses - affected communities (the S3 indicators) and/or consumers and
  end-users (S4) - and whether a target is set;
- the description of the practices and of the target;
- the indicator table as the entity-specific social disclosure (VSME §10-11).

openpyxl cannot save this workbook without losing its data validations, so the values are written into
the package's XML directly: only the cells filled change; every other part, defined name, formula and
validation stays byte for byte as EFRAG made it."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from b2c_cli.errors import InputError, UsageError
from b2c_cli.figures.words import value_detail
from b2c_cli.i18n import tr
from b2c_cli.report.documents import ReportContext
from b2c_cli.xlsxutil import EXCEL_CELL_LIMIT

VSME_FILE = "vsme-template.xlsx"
MATTERS = "SustainabilityIssueAddressedByPracticePolicyAndOrFutureInitiative"  # B2: ten yes/no cells
TARGET_SET = "UndertakingHasSetATargetWhichIsRelatedToAPolicy"
PRACTICES = "DescriptionOfPracticesPoliciesAndOrFutureInitiatives"
TARGET = "DescriptionOfATargetRelatedToAPolicy"
ENTITY_SPECIFIC = "DisclosureOfAnyOtherSocialAndOrEntitySpecificSocialDisclosures"
# The matters of MATTERS' cells, in the taxonomy's order: the ESRS topics, from climate change (1) to
# business conduct (10). Affected communities is the 8th, consumers and end-users the 9th.
MATTER_OF_STANDARD = {"S3": 7, "S4": 8}
_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_CELL = re.compile(r"^([A-Z]+)(\d+)$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Target:
    """A cell to fill: the package part (a sheet's XML) and the cell's reference."""

    part: str
    cell: str


def render_vsme(context: ReportContext) -> dict[str, bytes]:
    """A filled copy of the VSME Digital Template given with --vsme-template."""
    if context.vsme_template is None:
        raise UsageError("report-vsme-template-missing")
    return {VSME_FILE: fill_template(context.vsme_template, values(context))}


def values(context: ReportContext) -> dict[str, list[bool | str | None]]:
    """Defined name -> the values of its cells (None: leave the cell as it is)."""
    standards = {entry.standard for entry in context.esrs}
    matters: list[bool | str | None] = [None] * 10
    for standard, index in MATTER_OF_STANDARD.items():
        if standard in standards:
            matters[index] = True
    has_target = any(entry.indicator.target is not None for entry in context.esrs)
    return {
        MATTERS: matters,
        TARGET_SET: [has_target],
        PRACTICES: [_practices(context)],
        TARGET: [_targets(context) if has_target else None],
        ENTITY_SPECIFIC: [_indicator_table(context)],
    }


def _practices(context: ReportContext) -> str:
    p, agreement = context.partnership, context.agreement
    joint = agreement.part2.joint_priorities
    actions = " ".join(part for part in (joint.focus, joint.joint_actions) if part) or "; ".join(
        i.title for i in agreement.initiatives
    )
    return tr(
        "report-vsme-practice",
        context.lang,
        name=p.name,
        housing=p.housing.name,
        company=p.company.name,
        area=p.area.name,
        actions=actions,
        indicators=", ".join(entry.indicator.name for entry in context.esrs),
    )


def _targets(context: ReportContext) -> str:
    targets = "; ".join(
        entry.indicator.name
        + ": "
        + entry.target_text
        + (f" ({tr('report-by', context.lang)}: {entry.target_label})" if entry.target_label else "")
        for entry in context.esrs
        if entry.indicator.target is not None
    )
    bases = sorted({entry.base_label for entry in context.esrs if entry.base_label})
    return tr("report-vsme-targets", context.lang, targets=targets, base=", ".join(bases) or "–")


def _indicator_table(context: ReportContext) -> str:
    """The ESG table as lines of text: per indicator its standard, KPI, target, and each measured value
    with what lies behind it (n, interval, change), in the figures layer's words."""
    lang, figures = context.lang, context.table.figures
    lines = [tr("report-vsme-table", lang)]
    for view in context.rows:
        row = view.row
        head = f"{row.indicator.name} (ESRS {row.indicator.esrs}; {tr('report-col-kpi', lang)}: "
        head += f"{row.indicator.kpi}; {tr('report-col-target', lang)}: {row.target_text}"
        if view.met:
            head += f"; {tr('report-col-met', lang)}: {view.met}"
        lines.append(head + ")")
        for figure, text in zip(row.periods, row.texts, strict=True):
            if figure.value is not None or figure.not_measured:
                # not measured: its words and the period's label, no number
                lines.append(f"- {text} · {value_detail(figure, figures, lang)}")
    return "\n".join(lines)


# -- the template's package ----------------------------------------------------------------------------
def fill_template(path: Path, named: dict[str, list[bool | str | None]]) -> bytes:
    """A copy of the template at `path` with the cells of each defined name in `named` set (booleans as
    TRUE/FALSE, text as inline strings), and B2's row marked as a practice in place (the cell left of its
    matters: C512 in 1.3.0, which the template's own checks read); every other part and cell as it was."""
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            parts = {info.filename: package.read(info) for info in infos}
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError("report-vsme-template-invalid", path=str(path), reason=str(exc)[:120]) from None
    names = _defined_names(parts, path)
    sheets = _sheet_parts(parts, path)
    row_yes = _row_of_b2(names, sheets, path)
    changes: dict[str, dict[str, bool | str]] = {row_yes.part: {row_yes.cell: True}}
    for name, cell_values in named.items():
        cells = _cells(names, sheets, name, path)
        if len(cells) != len(cell_values):
            reason = f"{name} covers {len(cells)} cells, not {len(cell_values)}"
            raise InputError("report-vsme-template-invalid", path=str(path), reason=reason)
        for cell, value in zip(cells, cell_values, strict=True):
            if value is not None:
                changes.setdefault(cell.part, {})[cell.cell] = value
    for part, filled in changes.items():
        parts[part] = _set_cells(parts[part].decode("utf-8"), filled, path).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in infos:  # the same entries, in the same order, with the same dates
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type
            copy.writestr(entry, parts[info.filename])
    return out.getvalue()


def _defined_names(parts: dict[str, bytes], path: Path) -> dict[str, str]:
    workbook = parts.get("xl/workbook.xml")
    if workbook is None:
        raise InputError("report-vsme-template-invalid", path=str(path), reason="no xl/workbook.xml")
    text = workbook.decode("utf-8")
    return dict(re.findall(r'<definedName name="([^"]+)"[^>]*>([^<]*)</definedName>', text))


def _sheet_parts(parts: dict[str, bytes], path: Path) -> dict[str, str]:
    """Sheet name -> its part ('General Information' -> 'xl/worksheets/sheet4.xml')."""
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    relations = parts.get("xl/_rels/workbook.xml.rels", b"").decode("utf-8")
    targets = {}
    for attributes in re.findall(r"<Relationship ([^>]*?)/?>", relations):
        found = dict(re.findall(r'(\w+)="([^"]*)"', attributes))
        if found.get("Type") == _WORKSHEET and "Id" in found and "Target" in found:
            targets[found["Id"]] = found["Target"]
    sheets = {}
    for attributes in re.findall(r"<sheet ([^>]*)/>", workbook):
        name = re.search(r'name="([^"]*)"', attributes)
        rid = re.search(r'r:id="([^"]*)"', attributes)
        if name and rid and rid.group(1) in targets:
            sheets[_unescape(name.group(1))] = "xl/" + targets[rid.group(1)].removeprefix("/xl/")
    if not sheets:
        raise InputError("report-vsme-template-invalid", path=str(path), reason="no worksheets")
    return sheets


def _cells(names: dict[str, str], sheets: dict[str, str], name: str, path: Path) -> list[Target]:
    """The cells of a defined name ('General Information'!$D$512:$M$512), in a row."""
    reference = names.get(name)
    found = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?", reference or "")
    if found is None or _unescape(found.group(1)).replace("''", "'") not in sheets:
        reason = f"the defined name {name} is missing or not one row of cells ({reference})"
        raise InputError("report-vsme-template-invalid", path=str(path), reason=reason)
    sheet, first, row, last, last_row = found.groups()
    if last_row not in (None, row):
        reason = f"the defined name {name} spans more than one row"
        raise InputError("report-vsme-template-invalid", path=str(path), reason=reason)
    part = sheets[_unescape(sheet).replace("''", "'")]
    columns = range(_column(first), _column(last or first) + 1)
    return [Target(part, f"{_letters(column)}{row}") for column in columns]


def _row_of_b2(names: dict[str, str], sheets: dict[str, str], path: Path) -> Target:
    """The B2 row's own yes: the cell just left of the matters' cells (C512 in 1.3.0)."""
    first = _cells(names, sheets, MATTERS, path)[0]
    found = _CELL.match(first.cell)
    assert found is not None  # _cells builds the references
    column, row = found.groups()
    return Target(first.part, f"{_letters(_column(column) - 1)}{row}")


def _set_cells(xml: str, cells: dict[str, bool | str], path: Path) -> str:
    """The sheet's XML with each cell element replaced by one holding the value, its style kept."""
    for reference, value in cells.items():
        found = re.search(rf'<c r="{reference}"(?P<attributes>[^>]*?)(?:/>|>.*?</c>)', xml, re.S)
        if found is None:
            reason = f"cell {reference} is not in the sheet"
            raise InputError("report-vsme-template-invalid", path=str(path), reason=reason)
        style = re.search(r' s="(\d+)"', found["attributes"])
        kept = f' s="{style.group(1)}"' if style else ""
        if isinstance(value, bool):
            element = f'<c r="{reference}"{kept} t="b"><v>{int(value)}</v></c>'
        else:
            text = _ILLEGAL.sub("", value)[:EXCEL_CELL_LIMIT]
            inline = f'<is><t xml:space="preserve">{escape(text)}</t></is>'
            element = f'<c r="{reference}"{kept} t="inlineStr">{inline}</c>'
        xml = xml[: found.start()] + element + xml[found.end() :]
    return xml


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"')
