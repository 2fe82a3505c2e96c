"""The catalogue of bad inputs (issue 7): YAML a person typed, text that must not turn into something else in
an output, and scaffolding over what is already there. Hostile spreadsheets are in test_spreadsheets.py.

Each bad input is one row of CATALOGUE: the mistake a user makes, a recipe that builds it in a copy of the
example partnership (examples/hedemarken-nortec) or a fresh `b2c init` scaffold, the command, the exit code
of DESIGN.md §5 and what the message must say: the file and the place (`file:line:col`, a path, an option)
and the fix. One test runs every row and asserts

- the exit code, and every fragment in the message;
- no traceback;
- nothing in the partnership changed (bytes and modification times of every file and folder), except the
  files a row says the command adds; a command that writes into a separate output folder (`-o`) either
  writes all of its files there or (on an error) none.

The messages are Danish: the example and the scaffold are Danish partnerships.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from icalendar import Calendar
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from typer.testing import Result

from b2c_cli.workbook.validate import check as check_workbook
from b2c_cli.xlsxutil import EXCEL_CELL_LIMIT, FORMULA_START, sheet_title
from conftest import Run
from helpers import GOLDEN_FLAGS, REPO, SCAFFOLD_FILES, TODAY, snapshot

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
B2C, PART1, PART2, PART3 = "b2c.yaml", "part1-housing.yaml", "part2-joint.yaml", "part3-evaluation.yaml"
BASELINE = "results/baseline.yaml"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line breaks allowed
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Ctx:
    """Where a row runs: `tmp` holds the partnership `dir`, a separate output folder `out` and a copy of a
    survey export `export` (outside the partnership, as an analyst keeps it before filing it)."""

    tmp: Path
    monkeypatch: pytest.MonkeyPatch
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    @property
    def dir(self) -> Path:
        return self.tmp / "hedemarken"

    @property
    def out(self) -> Path:
        return self.tmp / "out"

    @property
    def export(self) -> Path:
        return self.tmp / "exports" / "2026.csv"

    def fill(self, text: str) -> str:
        return text.format(dir=self.dir, out=self.out, export=self.export, tmp=self.tmp)


Recipe = Callable[[Ctx], None]
Check = Callable[[Ctx, Result], None]


@dataclass(frozen=True)
class Bad:
    id: str
    mistake: str  # what the user did
    recipe: Recipe
    command: tuple[str, ...]  # {dir}: the partnership, {out}: a separate output folder, {export}, {tmp}
    exit: int
    says: tuple[str, ...]  # the file and place, then the fix (the same placeholders as `command`)
    base: Literal["example", "scaffold", "none"] = "example"
    watch: Literal["dir", "tmp"] = "dir"  # what must not change: the partnership, or everything in tmp
    adds: tuple[str, ...] = ()  # files (relative to dir) the command adds, leaving every other one as it was
    writes: tuple[str, ...] = ()  # files the command must write into {out}
    check: Check | None = None  # what else must hold afterwards
    within: float | None = None  # seconds the command may take
    absent: tuple[str, ...] = ()  # text that must not be in the output


# -- recipes ---------------------------------------------------------------------------------------------
def nothing(ctx: Ctx) -> None:
    """The input as it is."""


def replace(name: str, old: str, new: str) -> Recipe:
    """Replace the one occurrence of `old` in `name` by `new`, as someone editing the file would."""

    def recipe(ctx: Ctx) -> None:
        path = ctx.dir / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        path.write_text(text.replace(old, new), "utf-8")

    return recipe


def write(name: str, data: str | bytes) -> Recipe:
    def recipe(ctx: Ctx) -> None:
        path = ctx.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return recipe


def resave(name: str, encoding: str) -> Recipe:
    """The file saved again in another encoding (Notepad on a Danish Windows: cp1252)."""

    def recipe(ctx: Ctx) -> None:
        path = ctx.dir / name
        path.write_bytes(path.read_text("utf-8").encode(encoding))

    return recipe


def delete(*names: str) -> Recipe:
    def recipe(ctx: Ctx) -> None:
        for name in names:
            (ctx.dir / name).unlink()

    return recipe


def both(*recipes: Recipe) -> Recipe:
    def recipe(ctx: Ctx) -> None:
        for one in recipes:
            one(ctx)

    return recipe


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # b2c refuses anchors and aliases: never write one, even for a value used twice


def edit(name: str, change: Callable[[Any], None]) -> Recipe:
    """Load `name`, let `change` edit the data, write it back (comments are lost, values kept)."""

    def recipe(ctx: Ctx) -> None:
        path = ctx.dir / name
        data = yaml.safe_load(path.read_text("utf-8"))
        change(data)
        path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9))

    return recipe


def set_in(name: str, *changes: tuple[tuple[str | int, ...], str]) -> Recipe:
    """Set each (key path, text) in `name`."""

    def change(data: Any) -> None:
        for path, value in changes:
            node = data
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value

    return edit(name, change)


def alias_bomb(levels: int = 9) -> str:
    """Billion laughs: each level nine aliases of the one before (9**9 strings if it were expanded)."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def deep_nesting(depth: int = 20_000) -> str:
    return "periods: " + "[" * depth + "]" * depth + "\n"


PWNED = "pwned-by-yaml"  # the file a YAML tag tries to create: it must never exist


def python_tag(ctx: Ctx) -> None:
    command = f"touch {ctx.tmp / PWNED}"
    replace(
        PART3, 'kpi: "% der stoler på deres naboer"', f'kpi: !!python/object/apply:os.system ["{command}"]'
    )(ctx)


def nothing_ran(ctx: Ctx, result: Result) -> None:
    assert not (ctx.tmp / PWNED).exists(), "a YAML tag ran a command"


# Broken results files: YAML syntax (an unclosed bracket), and a figure that is not a number.
BROKEN_RESULTS = replace(BASELINE, "respondents: 104", "respondents: [104")
RESULTS_NOT_A_NUMBER = replace(BASELINE, "respondents: 104", "respondents: mange")


def not_empty(ctx: Ctx) -> None:
    ctx.dir.mkdir()
    (ctx.dir / "noter.txt").write_text("Mødenoter fra opstarten\n", "utf-8")


def a_file(ctx: Ctx) -> None:
    ctx.dir.write_text("Ikke en mappe\n", "utf-8")


def read_only(ctx: Ctx) -> None:
    """A folder the user may not write in. Where the OS does not enforce it (as root), writing there is
    made to fail the way the OS would."""
    ctx.dir.mkdir()
    ctx.dir.chmod(0o555)
    ctx.cleanup.append(lambda: ctx.dir.chmod(0o755))
    if _writable(ctx.dir):
        folder = ctx.dir
        real_mkdir = Path.mkdir

        def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
            if self.parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            real_mkdir(self, *args, **kwargs)

        ctx.monkeypatch.setattr(Path, "mkdir", mkdir)


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.mkdir()
    except PermissionError:
        return False
    probe.rmdir()
    return True


def disk_full_at_fifth_file(ctx: Ctx) -> None:
    """The disk fills up while `init` writes: the fifth file fails."""
    from b2c_cli.atomic import write_atomic
    from b2c_cli.workbook import scaffold

    written: list[Path] = []

    def failing(path: Path, data: bytes | str) -> None:
        if len(written) == 4:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        write_atomic(path, data)
        written.append(path)

    ctx.monkeypatch.setattr(scaffold, "write_atomic", failing)


def edited_then_incomplete(ctx: Ctx) -> None:
    with (ctx.dir / PART2).open("a", encoding="utf-8") as handle:
        handle.write("# Vores egne noter: tal med jobcentret i marts.\n")
    (ctx.dir / "part1-company.yaml").unlink()
    (ctx.dir / "surveys" / "README.md").unlink()


def forbidden_sheet_titles(ctx: Ctx) -> None:
    """A translator's sheet names with characters Excel refuses, an apostrophe at the end once cut to 31
    characters, a control character, and the name Excel reserves."""
    from b2c_cli.i18n import da

    titles = {
        "report-sheet-esg": "ESG: [2025/26] *?\\",
        "report-sheet-details": "Detaljer om målingerne i år 1 'og 2'",  # 31 characters end in '
        "report-sheet-items": "Udsagn\x07",
        "report-sheet-wheel": "History",
    }
    for key, title in titles.items():
        ctx.monkeypatch.setitem(da.MESSAGES, key, title)


# -- checks on what was written ---------------------------------------------------------------------
def cells(ctx: Ctx) -> list[tuple[str, str, Any]]:
    """(file, sheet, cell) of every cell in every XLSX in {out}, each also checked to be no formula."""
    found = []
    for path in sorted(ctx.out.rglob("*.xlsx")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate, cell.value)
                    found.append((path.name, sheet.title, cell))
    return found


def no_live_formula(*payloads: str) -> Check:
    """Each payload is in some XLSX cell, as text; every cell that starts like a formula is text marked to
    stay text (quote prefix)."""

    def check(ctx: Ctx, result: Result) -> None:
        all_cells = cells(ctx)
        for _, _, cell in all_cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
        texts = [cell.value for _, _, cell in all_cells if isinstance(cell.value, str)]
        for payload in payloads:
            assert any(payload in text for text in texts), f"{payload!r} is in no cell"

    return check


def csv_neutralised(*payloads: str) -> Check:
    """Each payload is a cell of import.csv, with a leading apostrophe; no cell starts like a formula."""

    def check(ctx: Ctx, result: Result) -> None:
        no_live_formula(*payloads)(ctx, result)
        text = (ctx.out / "import.csv").read_text("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        values = [value for row in rows for value in row]
        assert not [value for value in values if value.startswith(FORMULA_START)]
        for payload in payloads:
            assert "'" + payload in values, payload

    return check


def _unescaped_pipes(line: str) -> int:
    count, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


def tables_keep_shape(marker: str) -> Check:
    """Every Markdown table has as many columns in each row as in its header, and `marker` is in one."""

    def check(ctx: Ctx, result: Result) -> None:
        seen = False
        for path in sorted(ctx.out.glob("*.md")):
            width = None
            for line in path.read_text("utf-8").splitlines():
                if not line.startswith("|"):
                    width = None
                    continue
                if width is None:
                    width = _unescaped_pipes(line)
                assert _unescaped_pipes(line) == width, (path.name, line)
                seen = seen or marker in line
        assert seen, f"{marker} is in no table row"

    return check


class _Tags(HTMLParser):
    """The start tags of an HTML file, each with its attribute names."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, set[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name for name, _ in attrs}))


def html_escaped(ctx: Ctx, result: Result) -> None:
    for path in sorted(ctx.out.glob("*.html")):
        text = path.read_text("utf-8")
        parser = _Tags()
        parser.feed(text)
        assert "<script>alert" not in text, path.name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, path.name
        assert not [tag for tag, attributes in parser.tags if "onerror" in attributes], path.name


def long_text_cut(ctx: Ctx, result: Result) -> None:
    found = [
        cell.value for _, _, cell in cells(ctx) if isinstance(cell.value, str) and "LANGTEKST" in cell.value
    ]
    assert found
    for value in found:
        assert len(value) <= EXCEL_CELL_LIMIT
        assert value.endswith("…")


def controls_stripped(ctx: Ctx, result: Result) -> None:
    """No control character in any text file; every file still parses; the text around them is kept."""
    for path in sorted(ctx.out.iterdir()):
        if path.suffix == ".xlsx":
            continue
        if path.suffix == ".docx":  # Word's XML: no control character, the text around them kept
            with zipfile.ZipFile(path) as package:
                xml = package.read("word/document.xml").decode("utf-8")
            assert not CONTROL.search(xml), path.name
            assert "KtrlMark" in xml, path.name
            continue
        text = path.read_text("utf-8")
        assert not CONTROL.search(text), path.name
        if path.suffix == ".md" or path.suffix == ".html":
            assert "KtrlMark" in text, path.name
        if path.suffix == ".html":
            _Tags().feed(text)
    calendar = Calendar.from_ical((ctx.out / "annual-wheel.ics").read_bytes())
    assert any("Kal[31mMark" in str(event.get("SUMMARY")) for event in calendar.walk("VEVENT"))
    # XLSX cells lose the characters XML cannot hold; DEL and the C1 controls are XML and stay.
    texts = [cell.value for _, _, cell in cells(ctx) if isinstance(cell.value, str)]
    assert any(re.search(r"Ktrl[\x7f-\x9f]*Mark", text) for text in texts)
    assert not any(ILLEGAL_CHARACTERS_RE.search(text) for text in texts)


def sheet_titles_valid(ctx: Ctx, result: Result) -> None:
    titles = load_workbook(ctx.out / "esg-report.xlsx").sheetnames
    assert (
        len(titles) == len(set(titles)) == 6
    )  # the ESG table, details, statements, wheel, chart data, method
    for title in titles:
        assert not SHEET_TITLE_FORBIDDEN.search(title) and not CONTROL.search(title), title
        assert 0 < len(title) <= 31 and not title.startswith("'") and not title.endswith("'"), title
        assert title.casefold() != "history"


def names_kept(ctx: Ctx, result: Result) -> None:
    workbook, validation = check_workbook(ctx.dir, date.fromisoformat(TODAY))
    assert validation.errors == [], [problem.location for problem in validation.errors]
    assert workbook.partnership is not None
    assert workbook.partnership.housing.name == 'Bo "Vest": x\n- y'
    assert workbook.partnership.company.name == "Nor\ntec # ikke\n  size: small"
    assert workbook.partnership.area.name == "=HYPERLINK(1) \\ 'x'"
    assert workbook.partnership.size == "large"


def edited_untouched(ctx: Ctx, result: Result) -> None:
    assert (ctx.dir / PART2).read_text("utf-8").endswith("# Vores egne noter: tal med jobcentret i marts.\n")


def nothing_left_behind(ctx: Ctx, result: Result) -> None:
    assert not ctx.dir.exists() or not any(ctx.dir.iterdir())


# -- the catalogue --------------------------------------------------------------------------------------
SCORE_2027 = ("score", "{export}", "--dir", "{dir}", "--period", "2027")
REPORT_OUT = ("report", "{dir}", "-o", "{out}")
REPORT_FILES = (
    "esg-report.md",
    "esg-report.html",
    "agreement.md",
    "agreement.html",
    "esg-report.xlsx",
    "annual-wheel.ics",
    "esg-report.docx",
    "agreement.docx",
)
QUESTIONNAIRE_FILES = (
    "questionnaire.md",
    "questionnaire.html",
    "data-entry.xlsx",
    "import.xlsx",
    "import.csv",
    "qualtrics-import.txt",
)
PORTFOLIO_FILES = ("portfolio.json", "portfolio.md", "portfolio.html", "portfolio.xlsx", "portfolio.docx")
FIX_VALIDATE = "Kør 'b2c validate'"  # what score/report/questionnaire tell the user to do first

CATALOGUE: list[Bad] = [
    # -- YAML: values are never guessed ------------------------------------------------------------------
    Bad(
        "yaml-no-for-a-number",
        "NO where a whole number belongs (YAML 1.1 would read false)",
        replace(B2C, "schema_version: 1", "schema_version: NO"),
        ("validate", "{dir}"),
        1,
        ("b2c.yaml:4:1", "'NO' er ikke et helt tal", "Skriv et tal"),
    ),
    Bad(
        "yaml-yes-for-a-year",
        "yes as a period's year, scored (YAML 1.1 would read true)",
        replace(PART3, "year: 2025", "year: yes"),
        SCORE_2027,
        1,
        ("part3-evaluation.yaml:5:5", FIX_VALIDATE),
    ),
    Bad(
        "yaml-on-for-a-date",
        "on as the start date",
        replace(B2C, "start_date: 2025-01-06", "start_date: on"),
        ("validate", "{dir}"),
        1,
        ("b2c.yaml:27:1", "'on' er ikke en gyldig dato", "ÅÅÅÅ-MM-DD"),
    ),
    Bad(
        "yaml-clock-time-for-a-number",
        "10:30 as a target (YAML 1.1 would read 630, base 60)",
        replace(PART3, "value: 85", "value: 10:30"),
        ("validate", "{dir}"),
        1,
        ("part3-evaluation.yaml:21:7", "'10:30' er ikke et tal", "Skriv et tal som 85"),
        absent=("630",),
    ),
    Bad(
        "yaml-leading-zero",
        "0555 as a target (YAML 1.1 would read octal 365)",
        replace(PART3, "value: 85", "value: 0555"),
        ("validate", "{dir}"),
        1,
        ("part3-evaluation.yaml:21:7", "Målsætningen 555", "mellem 0 og 100"),
        absent=("365",),
    ),
    Bad(
        "yaml-decimal-comma",
        "1,5 with a Danish decimal comma where a number belongs",
        replace(PART3, "value: 85", "value: 1,5"),
        ("validate", "{dir}"),
        1,
        ("part3-evaluation.yaml:21:7", "'1,5' bruger decimalkomma", "Skriv 1.5 med punktum"),
    ),
    Bad(
        "yaml-nan-for-a-number",
        "nan as a manual value (Pydantic would read it as a float, and the count rule crashed on it)",
        replace(PART3, "    value: 4\n", "    value: nan\n"),
        ("validate", "{dir}"),
        1,
        ("part3-evaluation.yaml:208:5", "'nan' er ikke et tal", "Skriv et tal"),
    ),
    Bad(
        "yaml-infinity-for-a-target",
        "infinity as a count's target, before the report (it crashed the report)",
        replace(PART3, "      value: 8\n", "      value: infinity\n"),
        REPORT_OUT,
        1,
        ("part3-evaluation.yaml:78:7", FIX_VALIDATE),
    ),
    Bad(
        "yaml-impossible-date",
        "2025-13-45 as the start date, before making the questionnaire",
        replace(B2C, "start_date: 2025-01-06", "start_date: 2025-13-45"),
        ("questionnaire", "{dir}", "-o", "{out}"),
        1,
        ("b2c.yaml:27:1", FIX_VALIDATE),
    ),
    Bad(
        "yaml-duplicate-key",
        "the same key twice in one mapping",
        replace(B2C, "size: large", "size: large\nsize: small"),
        ("validate", "{dir}"),
        3,
        ("b2c.yaml:26:1", "'size' står to gange (første gang i linje 25)", "Slet den ene"),
    ),
    Bad(
        "yaml-duplicate-key-scored",
        "the same key twice, and then scoring (a YAML error: exit 3)",
        replace(
            PART3,
            '    esrs: S3\n    kpi: "% der stoler',
            '    esrs: S3\n    esrs: S4\n    kpi: "% der stoler',
        ),
        SCORE_2027,
        3,
        ("part3-evaluation.yaml:42:5", FIX_VALIDATE),
    ),
    Bad(
        "yaml-tab-indentation",
        "a line indented with a tab",
        replace(B2C, "  afdeling:", "\tafdeling:"),
        ("validate", "{dir}"),
        3,
        ("b2c.yaml:8:1", "erstat tabulatoren med mellemrum"),
    ),
    Bad(
        "yaml-nbsp-indentation",
        "a line indented with a non-breaking space pasted from Word, before the report",
        replace(B2C, "  afdeling:", "\u00a0 afdeling:"),
        ("report", "{dir}", "-o", "{out}"),
        3,
        ("b2c.yaml:8:1", FIX_VALIDATE),
    ),
    Bad(
        "yaml-anchor-and-alias",
        "an anchor and an alias to reuse a value",
        both(
            replace(B2C, 'name: "Hedemarken"', 'name: &omraade "Hedemarken"'),
            replace(B2C, 'afdeling: "Afdeling Hedemarken"', "afdeling: *omraade"),
        ),
        ("validate", "{dir}"),
        3,
        ("b2c.yaml:7:9", "Anker '&omraade'", "skriv værdierne ud"),
    ),
    Bad(
        "yaml-alias-bomb",
        "billion laughs in Part 3, scored: refused before anything expands",
        write(PART3, alias_bomb()),
        SCORE_2027,
        3,
        ("part3-evaluation.yaml:1:5", FIX_VALIDATE),
        within=2.0,
    ),
    Bad(
        "yaml-deep-nesting",
        "twenty thousand nested brackets",
        write(PART3, deep_nesting()),
        ("validate", "{dir}"),
        3,
        ("part3-evaluation.yaml:1:59", "kan ikke læses som YAML her"),
        within=2.0,
    ),
    Bad(
        "yaml-python-object-tag",
        "!!python/object/apply:os.system, which a careless loader would run, scored",
        python_tag,
        SCORE_2027,
        3,
        ("part3-evaluation.yaml:42:10", FIX_VALIDATE),
        check=nothing_ran,
    ),
    Bad(
        "yaml-python-name-tag",
        "!!python/name:os.system",
        replace(B2C, 'name: "Hedemarken"', "name: !!python/name:os.system"),
        ("validate", "{dir}"),
        3,
        ("b2c.yaml:7:9", "python/name:os.system", "skriv værdien som tekst"),
    ),
    Bad(
        "yaml-binary-tag",
        "!!binary on a text, before making the questionnaire",
        replace(B2C, 'name: "Hedemarken"', "name: !!binary SGVkZW1hcmtlbg=="),
        ("questionnaire", "{dir}", "-o", "{out}"),
        3,
        ("b2c.yaml:7:9", FIX_VALIDATE),
    ),
    Bad(
        "yaml-custom-tag",
        "a local tag (!Ref) copied from a CloudFormation file",
        replace(B2C, 'name: "Hedemarken"', "name: !Ref Hedemarken"),
        ("validate", "{dir}"),
        3,
        ("b2c.yaml:7:9", "'!Ref'", "skriv værdien som tekst"),
    ),
    Bad(
        "yaml-cp1252",
        "Part 2 saved as Windows-1252 (ANSI) with æøå",
        resave(PART2, "cp1252"),
        ("validate", "{dir}"),
        3,
        ("part2-joint.yaml:2:11", "Windows-1252", "Gem den som UTF-8"),
    ),
    Bad(
        "yaml-empty-file",
        "Part 2 emptied by accident",
        write(PART2, b""),
        ("validate", "{dir}"),
        3,
        ("part2-joint.yaml:1:1", "Filen er tom", "b2c init --force"),
    ),
    Bad(
        "yaml-list-for-a-mapping",
        "the area written as a list of one where a mapping belongs",
        edit(B2C, lambda data: data.update(area=[data["area"]])),
        ("validate", "{dir}"),
        1,
        ("b2c.yaml:3:1", "Her skal stå 'nøgle: værdi'-linjer", "en liste"),
    ),
    Bad(
        "yaml-list-for-the-file",
        "Part 1 written as a list of answers, before the report",
        write(PART1, "- party: housing\n- focus: Unge uden job\n"),
        ("report", "{dir}", "-o", "{out}"),
        1,
        ("part1-housing.yaml:1:1", FIX_VALIDATE),
    ),
    Bad(
        "yaml-misspelt-key",
        "start_dato for start_date",
        replace(B2C, "start_date:", "start_dato:"),
        ("validate", "{dir}"),
        1,
        ("b2c.yaml:27:1", "Ukendt nøgle 'start_dato'", "Mente du 'start_date'?"),
    ),
    # -- results files edited by hand --------------------------------------------------------------------
    Bad(
        "results-invalid-yaml-report",
        "results/baseline.yaml edited by hand into invalid YAML, then the report",
        BROKEN_RESULTS,
        REPORT_OUT,
        3,
        ("results/baseline.yaml:5", "b2c score"),
    ),
    Bad(
        "results-invalid-yaml-score-other-period",
        "results/baseline.yaml broken by hand, then scoring another period (the changes need it)",
        BROKEN_RESULTS,
        SCORE_2027,
        3,
        ("results/baseline.yaml:5", "b2c score"),
    ),
    Bad(
        "results-invalid-yaml-score-same-period",
        "results/baseline.yaml broken by hand, then scoring the baseline again",
        BROKEN_RESULTS,
        ("score", "{export}", "--dir", "{dir}", "--period", "baseline"),
        4,
        ("results/baseline.yaml", "som ikke kan læses", "Brug --force"),
    ),
    Bad(
        "results-not-a-number",
        "a count in results/baseline.yaml overwritten with a word",
        RESULTS_NOT_A_NUMBER,
        REPORT_OUT,
        3,
        ("results/baseline.yaml:5", "b2c score"),
    ),
    Bad(
        "results-impossible-counts",
        "more positive answers than answers typed into results/baseline.yaml (it crashed the statistics)",
        replace(BASELINE, "  positive: 41\n", "  positive: 4100\n"),
        SCORE_2027,
        3,
        ("results/baseline.yaml:18", "b2c score"),
    ),
    Bad(
        "results-nan",
        "nan typed as a percentage in results/baseline.yaml (it was shown as a figure)",
        replace(BASELINE, "  percent: 41.0\n", "  percent: nan\n"),
        REPORT_OUT,
        3,
        ("results/baseline.yaml:19", "b2c score"),
    ),
    Bad(
        "results-from-another-export",
        "scoring this year's export as the baseline, which has results from another export",
        nothing,
        ("score", "{export}", "--dir", "{dir}", "--period", "baseline"),
        4,
        ("results/baseline.yaml", "hedemarken-baseline-surveyxact.xlsx", "Brug --force", "--period"),
    ),
    # -- outputs: text stays text -----------------------------------------------------------------------
    Bad(
        "output-formula-party-names",
        "party names that begin with =, + and @ (formula injection), in the report",
        set_in(
            B2C,
            (("housing", "name"), '=HYPERLINK("http://x.example","Bo-Vest")'),
            (("company", "name"), "+45 Nortec"),
            (("area", "name"), "@Hedemarken"),
        ),
        REPORT_OUT,
        0,
        ("{out}/esg-report.xlsx",),
        writes=REPORT_FILES,
        check=no_live_formula('=HYPERLINK("http://x.example","Bo-Vest")', "+45 Nortec"),
    ),
    Bad(
        "output-formula-indicator",
        "an indicator name beginning with - and a comment beginning with @, tab or CR",
        set_in(
            PART3,
            (("indicators", 0, "name"), "-1 Tilhørsforhold"),
            (("indicators", 0, "comment"), "@SUM(A1:A9)"),
            (("indicators", 1, "comment"), "\t=1+2 tab"),
            (("indicators", 2, "comment"), "\r=3+4 cr"),
        ),
        REPORT_OUT,
        0,
        ("{out}/esg-report.xlsx",),
        writes=REPORT_FILES,
        check=no_live_formula("-1 Tilhørsforhold", "@SUM(A1:A9)", "=1+2 tab", "=3+4 cr"),
    ),
    Bad(
        "output-formula-questionnaire",
        "statements and answer options beginning with =, -, + and @, in the import sheet",
        set_in(
            PART3,
            (("indicators", 1, "items", 0, "text"), "=1+2 Jeg stoler på mine naboer"),
            (("survey", "background", 0, "text"), "-Hvor gammel er du?"),
            (("survey", "background", 0, "options", 0), "@Under 25 år"),
            (("survey", "background", 1, "text"), "+Hvor længe har du boet her?"),
        ),
        ("questionnaire", "{dir}", "-o", "{out}"),
        0,
        ("{out}/import.csv",),
        writes=QUESTIONNAIRE_FILES,
        check=csv_neutralised(
            "=1+2 Jeg stoler på mine naboer",
            "-Hvor gammel er du?",
            "@Under 25 år",
            "+Hvor længe har du boet her?",
        ),
    ),
    Bad(
        "output-formula-portfolio",
        "party names beginning with = and +, in the organisation-level view",
        set_in(
            B2C,
            (("housing", "name"), "=1+1 Bo-Vest"),
            (("company", "name"), "+Nortec"),
            (("name",), "@Partnerskab"),
        ),
        ("portfolio", "{tmp}", "-o", "{out}"),
        0,
        ("{out}/portfolio.xlsx",),
        writes=PORTFOLIO_FILES,
        check=no_live_formula("=1+1 Bo-Vest", "+Nortec", "@Partnerskab"),
    ),
    Bad(
        "output-pipe-and-newline",
        "an indicator name with | and line breaks, in the Markdown tables",
        set_in(PART3, (("indicators", 0, "name"), "Tilhør | PipeMark\nanden linje || x\r\ntredje")),
        REPORT_OUT,
        0,
        ("{out}/esg-report.md",),
        writes=REPORT_FILES,
        check=tables_keep_shape("PipeMark"),
    ),
    Bad(
        "output-script",
        "<script> in the partnership's name, in the HTML",
        set_in(B2C, (("name",), "Bo-Vest <script>alert(1)</script> <img src=x onerror=alert(2)>")),
        REPORT_OUT,
        0,
        ("{out}/esg-report.html",),
        writes=REPORT_FILES,
        check=html_escaped,
    ),
    Bad(
        "output-over-the-cell-limit",
        "a 40,000-character comment, longer than an Excel cell holds",
        set_in(PART3, (("indicators", 0, "comment"), "LANGTEKST " + "x" * 40_000)),
        REPORT_OUT,
        0,
        ("{out}/esg-report.xlsx",),
        writes=REPORT_FILES,
        check=long_text_cut,
    ),
    Bad(
        "output-control-characters",
        "control characters (bell, escape, NUL, DEL, NEL) pasted into names and activities",
        both(
            replace(PART3, 'name: "Tryghed"', r'name: "Ktrl\a\e\0\x01\x7f\u0085Mark"'),
            replace(PART2, 'activity: "Sommerfest på græsset"', r'activity: "Kal\x1b[31m\x08Mark"'),
        ),
        REPORT_OUT,
        0,
        ("{out}/annual-wheel.ics",),
        writes=REPORT_FILES,
        check=controls_stripped,
    ),
    Bad(
        "output-forbidden-sheet-titles",
        "sheet names with []:*?/\\, a trailing apostrophe, a control character and 'History'",
        forbidden_sheet_titles,
        ("report", "{dir}", "-o", "{out}", "--format", "xlsx"),
        0,
        ("{out}/esg-report.xlsx",),
        writes=("esg-report.xlsx",),
        check=sheet_titles_valid,
    ),
    # -- scaffolding: never overwrite ---------------------------------------------------------------------
    Bad(
        "init-not-empty",
        "init into a folder that already holds other files",
        not_empty,
        ("init", "{dir}", *GOLDEN_FLAGS),
        4,
        ("{dir}", "er ikke tom", "--force"),
        base="none",
        watch="tmp",
    ),
    Bad(
        "init-into-a-file",
        "init with the name of a file",
        a_file,
        ("init", "{dir}", *GOLDEN_FLAGS),
        4,
        ("{dir} er en fil", "Vælg et andet navn"),
        base="none",
        watch="tmp",
    ),
    Bad(
        "init-read-only-folder",
        "init into a folder the user may not write in",
        read_only,
        ("init", "{dir}/ny", *GOLDEN_FLAGS),
        3,
        ("{dir}/ny", os.strerror(errno.EACCES), "Vælg en mappe, du har skriveadgang til", "Intet er ændret"),
        base="none",
        watch="tmp",
    ),
    Bad(
        "init-disk-full",
        "the disk fills up half-way through init: what was written is removed",
        disk_full_at_fifth_file,
        ("init", "{dir}", *GOLDEN_FLAGS),
        3,
        ("{dir}/", os.strerror(errno.ENOSPC), "Intet er ændret"),
        base="none",
        watch="tmp",
        check=nothing_left_behind,
    ),
    Bad(
        "init-names-with-yaml-syntax",
        "party names with quotes, a colon, a line break, a # and a leading =: every file stays valid YAML",
        nothing,
        (
            "init",
            "{dir}",
            *("--housing", 'Bo "Vest": x\n- y', "--company", "Nor\ntec # ikke\n  size: small"),
            *("--area", "=HYPERLINK(1) \\ 'x'", "--start", "2024-09-01", "--no-git"),
        ),
        0,
        ("oprettet   {dir}/b2c.yaml",),
        base="none",
        adds=tuple(SCAFFOLD_FILES),
        check=names_kept,
    ),
    Bad(
        "init-over-a-partnership",
        "init again over an existing partnership, without --force",
        nothing,
        ("init", "{dir}", *GOLDEN_FLAGS),
        4,
        ("{dir} rummer allerede et partnerskab", "--force"),
        base="scaffold",
    ),
    Bad(
        "init-force-over-edited-files",
        "init --force after editing Part 2 and deleting two files: only the missing ones come back",
        edited_then_incomplete,
        ("init", "{dir}", "--force", *GOLDEN_FLAGS),
        0,
        ("oprettet   {dir}/part1-company.yaml", "findes, urørt   {dir}/part2-joint.yaml"),
        base="scaffold",
        adds=("part1-company.yaml", "surveys/README.md"),
        check=edited_untouched,
    ),
    Bad(
        "init-force-broken-b2c",
        "init --force while b2c.yaml has a tab in it: nothing is added",
        both(replace(B2C, '  name: "Bo-Vest"', '\tname: "Bo-Vest"'), delete("part1-company.yaml")),
        ("init", "{dir}", "--force", *GOLDEN_FLAGS),
        3,
        ("b2c.yaml:", "Ret filen først"),
        base="scaffold",
    ),
    # -- usage -------------------------------------------------------------------------------------------
    Bad(
        "usage-unknown-option",
        "an option that does not exist",
        nothing,
        ("validate", "{dir}", "--strikt"),
        2,
        ("--strikt", "b2c validate -h"),
    ),
    Bad(
        "usage-unknown-command",
        "a command misspelt",
        nothing,
        ("valdate", "{dir}"),
        2,
        ("'valdate'", "Did you mean 'validate'?"),
    ),
    Bad(
        "usage-no-such-folder",
        "a partnership folder that does not exist",
        nothing,
        ("status", "{tmp}/hedemarkn"),
        2,
        ("{tmp}/hedemarkn", "b2c init"),
    ),
    Bad(
        "usage-unknown-language",
        "--lang xx",
        nothing,
        ("report", "{dir}", "--lang", "xx", "-o", "{out}"),
        2,
        ("'--lang'", "'da', 'en'"),
    ),
    Bad(
        "usage-unknown-format",
        "a report format b2c does not write",
        nothing,
        ("report", "{dir}", "--format", "odt", "-o", "{out}"),
        2,
        ("'odt'", "md, html, xlsx, ics"),
    ),
    Bad(
        "usage-no-such-export",
        "scoring an export that is not where the user said",
        nothing,
        ("score", "{tmp}/eksport.csv", "--dir", "{dir}"),
        3,
        ("{tmp}/eksport.csv", "Tjek stien"),
    ),
]


def test_the_catalogue_is_large_enough() -> None:
    ids = [bad.id for bad in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 35


def _files(found: dict[str, tuple[str, bytes, int]]) -> dict[str, tuple[bytes, int]]:
    return {name: (data, mtime) for name, (kind, data, mtime) in found.items() if kind == "file"}


@pytest.mark.parametrize("bad", CATALOGUE, ids=[bad.id for bad in CATALOGUE])
def test_bad_input(bad: Bad, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = Ctx(tmp_path, monkeypatch)
    ctx.export.parent.mkdir()
    shutil.copyfile(EXPORT, ctx.export)
    if bad.base == "example":
        shutil.copytree(EXAMPLE, ctx.dir)
    elif bad.base == "scaffold":
        result = run("init", ctx.dir, *GOLDEN_FLAGS)
        assert result.exit_code == 0, result.stdout + result.stderr
    try:
        bad.recipe(ctx)
        watched = ctx.dir if bad.watch == "dir" else ctx.tmp
        before = snapshot(watched) if watched.is_dir() else {}
        time.sleep(0.01)  # so that a file written again gets another modification time

        started = time.monotonic()
        result = run(*(ctx.fill(arg) for arg in bad.command))
        took = time.monotonic() - started

        said = result.stdout + result.stderr
        assert result.exit_code == bad.exit, said
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in said
        for fragment in bad.says:
            assert ctx.fill(fragment) in said, f"{ctx.fill(fragment)!r} not in:\n{said}"
        for text in bad.absent:
            assert text not in said
        if bad.within is not None:
            assert took < bad.within, f"took {took:.2f} s"

        after = snapshot(watched) if watched.is_dir() else {}
        if not bad.adds:
            assert after == before, "the command changed the partnership"
        else:
            old, new = _files(before), _files(after)
            assert {name: new.get(name) for name in old} == old, "the command changed an existing file"
            assert set(new) - set(old) == set(bad.adds)

        written = sorted(p.name for p in ctx.out.iterdir()) if ctx.out.exists() else []
        assert written == sorted(bad.writes), "the output folder is not all or nothing"
        if bad.check is not None:
            bad.check(ctx, result)
    finally:
        for undo in ctx.cleanup:
            undo()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("ESG-tabel", "ESG-tabel"),
        ("a[b]c:d*e?f/g\\h", "a-b-c-d-e-f-g-h"),
        ("'Udsagn'", "Udsagn"),
        ("x" * 30 + "'" + "y" * 5, "x" * 30),  # cut to 31, the apostrophe at the end goes too
        ("Lyd\x07", "Lyd"),
        ("history", "history-"),
        ("", "Sheet"),
        ("''", "Sheet"),
    ],
)
def test_sheet_title(title: str, expected: str) -> None:
    assert sheet_title(title) == expected
