"""Every folder tests/cases/exports/<layout>/<case>/ is one survey export as its tool writes it, found
automatically and scored through the real CLI (tests/cases/exports/README.md says how to add one).

A case holds one `export.*` file, the workbook files it needs (usually `part3-evaluation.yaml`, put over a
fresh Danish scaffold) and `expected.yaml`: the figures `b2c score --json` must give (per indicator n,
positive, dont_know, blank and the columns matched; the layout, encoding, delimiter or sheet found; the
respondents and the rows left out by reason), or the error it must stop with (exit code, message key,
where, and text the message must hold).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from typer.testing import CliRunner

from b2c_cli.cli.app import app
from b2c_cli.errors import InputError
from b2c_cli.i18n import CATALOGUES
from b2c_cli.ingest import Layout, open_export
from conftest import Run
from helpers import GOLDEN_FLAGS, TESTS, TODAY, fragments

CASES_DIR = TESTS / "cases" / "exports"
# One folder per layout (a __pycache__ beside generate.py is none), one case folder in it per case.
LAYOUT_DIRS = sorted(p for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
CASES = sorted(case for folder in LAYOUT_DIRS for case in folder.iterdir() if case.is_dir())
# Workbook files a case may put over the base scaffold.
WORKBOOK_FILES = frozenset(
    ("b2c.yaml", "part1-housing.yaml", "part1-company.yaml", "part2-joint.yaml", "part3-evaluation.yaml")
)
REPORTED = ("sheet", "encoding", "delimiter")  # as the results' source reports them
OUTCOME_KEYS = {"layout", *REPORTED, "respondents", "excluded_rows", "flagged_rows", "indicators"}
OUTCOME_KEYS.add("asked_sheet")
ERROR_KEYS = {"exit", "key", "where", "contains"}
FIGURES = ("n", "positive", "dont_know", "blank")
PERIOD = "baseline"


@dataclass(frozen=True)
class Failure:
    exit_code: int
    key: str
    where: str
    contains: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expected:
    layout: str
    asked_sheet: str | None = None  # given as --sheet
    error: Failure | None = None
    reported: dict[str, Any] = field(default_factory=dict)  # of REPORTED
    respondents: int | None = None
    excluded_rows: dict[str, int] = field(default_factory=dict)
    flagged_rows: dict[str, int] = field(default_factory=dict)
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)


def read_expected(case: Path) -> Expected:
    """expected.yaml, checked for shape: every key known, either an error or the figures, never both."""
    data = yaml.safe_load((case / "expected.yaml").read_text("utf-8"))
    assert isinstance(data, dict), f"{case.name}/expected.yaml is not a mapping"
    layout = case.parent.name
    sheet = data.get("asked_sheet")
    if "error" in data:
        assert set(data) <= {"error", "asked_sheet"}, f"{case.name}: error (and asked_sheet) only"
        error = data["error"]
        assert set(error) <= ERROR_KEYS and {"exit", "key", "where"} <= set(error), (case.name, error)
        contains = tuple(str(text) for text in error.get("contains", ()))
        failure = Failure(int(error["exit"]), error["key"], str(error["where"]), contains)
        return Expected(layout, sheet, failure)
    assert set(data) <= OUTCOME_KEYS, f"{case.name}: unknown keys {set(data) - OUTCOME_KEYS}"
    assert data.get("layout") == layout, f"{case.name}: layout must be its folder's, {layout!r}"
    assert isinstance(data.get("respondents"), int), f"{case.name}: respondents missing"
    indicators = data.get("indicators") or {}
    assert indicators, f"{case.name}: no indicators"
    for name, figures in indicators.items():
        assert set(figures) <= {*FIGURES, "columns"} and set(FIGURES) <= set(figures), (case.name, name)
        assert all(isinstance(figures[key], int) for key in FIGURES), (case.name, name)
    return Expected(
        layout,
        sheet,
        reported={key: data[key] for key in REPORTED if key in data},
        respondents=data["respondents"],
        excluded_rows=dict(data.get("excluded_rows") or {}),
        flagged_rows=dict(data.get("flagged_rows") or {}),
        indicators=indicators,
    )


def export_file(case: Path) -> Path:
    exports = sorted(case.glob("export.*"))
    assert len(exports) == 1, f"{case.name}: exactly one export.* file, found {[p.name for p in exports]}"
    return exports[0]


@pytest.fixture(scope="session")
def base_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports-base") / "hedemarken"
    result = CliRunner().invoke(app, ["init", str(folder), *GOLDEN_FLAGS], env={"B2C_TODAY": TODAY})
    assert result.exit_code == 0, result.stderr
    return folder


def one_line(text: str) -> str:
    return " ".join(text.split())


def read_by_ingest(path: Path, sheet: str | None) -> tuple[str, dict[str, int]] | None:
    """The layout and flagged rows as the ingest layer gives them (b2c score does not report flagged
    rows); None when the export cannot be opened at all."""
    try:
        export = open_export(path, sheet=sheet)
    except InputError:
        return None
    try:
        for _ in export.rows:
            pass
    except InputError:
        pass
    return export.layout, export.flagged_rows


@pytest.mark.parametrize("case", CASES, ids=[f"{case.parent.name}/{case.name}" for case in CASES])
def test_export_case(
    case: Path, base_folder: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, all_counts: None
) -> None:
    expected = read_expected(case)
    folder = tmp_path / "hedemarken"
    shutil.copytree(base_folder, folder)
    for name in WORKBOOK_FILES:
        if (case / name).is_file():
            shutil.copyfile(case / name, folder / name)
    export = folder / "surveys" / export_file(case).name
    shutil.copyfile(export_file(case), export)
    monkeypatch.chdir(export.parent)  # messages then name the export as the user typed it
    command = ["score", export.name, "--dir", folder, "--period", PERIOD]
    if expected.asked_sheet is not None:
        command += ["--sheet", expected.asked_sheet]

    by_ingest = read_by_ingest(export, expected.asked_sheet)
    if by_ingest is not None:
        assert by_ingest[0] == expected.layout

    if expected.error is not None:
        error = expected.error
        result = run(*command)
        assert result.exit_code == error.exit_code, result.stdout + result.stderr
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        message = one_line(result.stderr)
        assert f"{error.where}: " in message, message
        assert all(one_line(piece) in message for piece in fragments(CATALOGUES["da"][error.key])), message
        assert all(text in message for text in error.contains), message
        assert not (folder / "results").exists()
        return

    result = run(*command, "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    source = data["source"]
    assert source["layout"] == expected.layout
    assert {key: source[key] for key in expected.reported} == expected.reported
    assert data["respondents"] == expected.respondents
    assert data["excluded_rows"] == expected.excluded_rows
    assert by_ingest is not None and by_ingest[1] == expected.flagged_rows
    # The figures as scored: with `all_counts` the results file keeps every count (b2c holds back a figure
    # on fewer answers than the disclosure threshold; what --json shows of one is n and the counts only).
    stored = yaml.safe_load((folder / "results" / f"{PERIOD}.yaml").read_text("utf-8"))
    found = {indicator["id"]: indicator for indicator in stored["indicators"]}
    assert set(found) == set(expected.indicators), "every indicator scored has its figures in expected.yaml"
    for name, figures in expected.indicators.items():
        assert {key: found[name][key] for key in FIGURES} == {key: figures[key] for key in FIGURES}, name
        if "columns" in figures:
            assert [item["column"] for item in found[name]["items"]] == figures["columns"], name


def test_every_layout_has_a_case() -> None:
    layouts = set(get_args(Layout))
    folders = {path.name for path in LAYOUT_DIRS}
    assert folders == layouts, "one folder per layout in b2c_cli.ingest.Layout, named after it"
    for layout in layouts:
        cases = [case for case in CASES if case.parent.name == layout]
        assert cases, f"no case for {layout}"
        assert any(read_expected(case).error is None for case in cases), f"{layout} has no scored case"


@pytest.mark.parametrize("case", CASES, ids=[f"{case.parent.name}/{case.name}" for case in CASES])
def test_every_case_is_well_formed(case: Path) -> None:
    expected = read_expected(case)
    export = export_file(case)
    assert {path.name for path in case.iterdir()} <= {export.name, "expected.yaml", *WORKBOOK_FILES}
    assert all(path.is_file() for path in case.iterdir())
    assert (case / "expected.yaml").read_text("utf-8").startswith("# "), "say what the case shows"
    if expected.error is not None:
        assert expected.error.key in CATALOGUES["da"], expected.error.key
        assert expected.error.where.split(":")[0] == export.name
    assert export.stat().st_size < 64 * 1024, "an export case is small"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("export_cases_generate", CASES_DIR / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(path)
    return {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


def test_the_generator_writes_the_committed_cases(tmp_path: Path) -> None:
    """The committed files are what tests/cases/exports/generate.py writes (workbooks compared cell by
    cell, so a new openpyxl's bytes do not matter); every case folder has its function there."""
    generator = _generator()
    assert set(generator.CASES) == {f"{case.parent.name}/{case.name}" for case in CASES}
    for name, write in generator.CASES.items():
        target = tmp_path / name
        target.mkdir(parents=True)
        write(target)
        committed = CASES_DIR / name
        assert sorted(p.name for p in target.iterdir()) == sorted(
            p.name for p in committed.iterdir() if p.name != "expected.yaml"
        ), name
        for path in target.iterdir():
            if path.suffix == ".xlsx":
                assert _cells(path) == _cells(committed / path.name), name
            else:
                assert path.read_bytes() == (committed / path.name).read_bytes(), f"{name}/{path.name}"
