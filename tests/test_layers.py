"""`make lint` keeps the layering and finds dead code: import-linter's contracts ([tool.importlinter]) and
vulture ([tool.vulture]) run on a copy of the package, unchanged and with a forbidden import or an unused
function put in, as someone might by mistake."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO

BIN = Path(sys.executable).parent
PACKAGE = REPO / "src" / "b2c_cli"
CONFIG: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))

LAYERS = "cli -> features -> figures -> survey -> workbook -> models, ingest -> infrastructure"
TERMINAL = "only b2c_cli.cli imports typer, click or rich: the core never prints"
MODELS = "b2c_cli.models imports no other part of b2c_cli"
CYCLES = "no import cycles between the modules of one package"


def contract(contract_id: str) -> dict[str, Any]:
    contracts: list[dict[str, Any]] = CONFIG["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def top_level_modules() -> set[str]:
    return {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.name != "__init__.py") or (path / "__init__.py").is_file()
    }


def test_the_terminal_contract_covers_every_module_but_the_cli() -> None:
    """A forbidden contract lists its modules one by one: a new top-level module must be added to it (the
    layers contract is exhaustive, so it must be placed there too)."""
    sources = {
        name.removeprefix("b2c_cli.")
        for name in contract("core-never-talks-to-the-terminal")["source_modules"]
    }
    assert sources == top_level_modules() - {"cli", "__main__"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The package, its config and the whitelist copied into a folder of their own, as lint sees them."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "b2c_cli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    (tmp_path / "tests").mkdir()
    shutil.copy(REPO / "tests" / "vulture_whitelist.py", tmp_path / "tests")
    return tmp_path


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first, so grimp finds the copy rather than the installed (editable) package.
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "COLUMNS": "250"}
    command = [BIN / "lint-imports", "--config", project / "pyproject.toml", "--no-cache", "--no-logo"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def vulture(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN / "vulture"], cwd=project, capture_output=True, text=True, check=False)


def append(project: Path, module: str, code: str) -> None:
    path = project / "src" / "b2c_cli" / module
    path.write_text(path.read_text("utf-8") + code, "utf-8")


def broken(output: str) -> set[str]:
    return {line.split(" BROKEN")[0].strip() for line in output.splitlines() if " BROKEN" in line}


@pytest.mark.slow
def test_the_unchanged_package_keeps_every_contract(project: Path) -> None:
    done = lint_imports(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 4 kept, 0 broken." in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "code", "contracts", "named"),
    [
        pytest.param(
            "survey/stats.py",
            "\nimport typer\n",
            {TERMINAL},
            "b2c_cli.survey.stats -> typer",
            id="typer-in-the-core",
        ),
        pytest.param(
            "workbook/status.py",
            "\n\ndef _show() -> None:\n    from rich.console import Console\n\n    Console().print('x')\n",
            {TERMINAL},
            "b2c_cli.workbook.status -> rich",
            id="rich-inside-a-function",
        ),
        pytest.param(
            "models/common.py",
            "\nfrom b2c_cli.cli import app\n",
            {LAYERS, TERMINAL, MODELS, CYCLES},  # and through the cli, typer; and cli imports the models
            "b2c_cli.models.common -> b2c_cli.cli",
            id="models-import-the-cli",
        ),
        pytest.param(
            "resources.py",
            "\nfrom b2c_cli.workbook import folder\n",
            {LAYERS, CYCLES},  # the cycle the strict YAML loader's move out of workbook/ broke
            "b2c_cli.resources -> b2c_cli.workbook.folder",
            id="infrastructure-imports-a-layer-above",
        ),
        pytest.param(
            "questionnaire/model.py",
            "\nfrom b2c_cli.report import table\n",
            {LAYERS},
            "b2c_cli.questionnaire.model -> b2c_cli.report.table",
            id="one-feature-imports-another",
        ),
        pytest.param(
            "report/table.py",
            "\nfrom b2c_cli.report import esrs\n",
            {CYCLES},
            ".table -> .esrs",
            id="a-cycle-inside-a-package",
        ),
    ],
)
def test_a_forbidden_import_fails_lint_naming_the_contract(
    project: Path, module: str, code: str, contracts: set[str], named: str
) -> None:
    append(project, module, code)
    done = lint_imports(project)
    assert done.returncode == 1, done.stdout + done.stderr
    assert broken(done.stdout) == contracts, done.stdout
    assert named in done.stdout


@pytest.mark.slow
def test_a_module_outside_the_layers_fails_lint(project: Path) -> None:
    (project / "src" / "b2c_cli" / "helpers.py").write_text('"""Somewhere new."""\n', "utf-8")
    done = lint_imports(project)
    assert done.returncode == 1
    assert broken(done.stdout) == {LAYERS}
    assert "not listed as layers:\n\n- b2c_cli.helpers" in done.stdout


@pytest.mark.slow
def test_vulture_passes_the_package_and_flags_an_unused_function(project: Path) -> None:
    clean = vulture(project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout == ""
    append(project, "workbook/status.py", "\n\ndef days_left(today: int) -> int:\n    return 365 - today\n")
    lines = (project / "src" / "b2c_cli" / "workbook" / "status.py").read_text("utf-8").splitlines()
    line = lines.index("def days_left(today: int) -> int:") + 1
    dead = vulture(project)
    assert dead.returncode == 3, dead.stdout + dead.stderr  # vulture's exit code for dead code found
    assert dead.stdout.splitlines() == [
        f"src/b2c_cli/workbook/status.py:{line}: unused function 'days_left' (60% confidence)"
    ]


def whitelist() -> list[tuple[str, str]]:
    """The whitelist's entries as (name, comment)."""
    text = (REPO / "tests" / "vulture_whitelist.py").read_text("utf-8")
    return [
        (name.strip().removeprefix("_."), comment.strip())
        for name, _, comment in (line.partition("#") for line in text.splitlines())
        if name.startswith("_.")
    ]


def test_every_whitelist_entry_still_names_code() -> None:
    """An entry whose code is gone would hide the next unused thing of that name: it must go too."""
    source = "\n".join(path.read_text("utf-8") for path in PACKAGE.rglob("*.py"))
    entries = whitelist()
    assert entries  # the file still reads as entries
    for name, _ in entries:
        assert re.search(rf"\b{re.escape(name)}\b", source), f"{name} is in no module any more"
