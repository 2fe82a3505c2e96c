"""The command line's conventions, checked on every command: plain on-switches (no `--no-` twins), `--lang`
everywhere, and only Typer's public API (so the typer pin can be a range)."""

from __future__ import annotations

import ast

import pytest
import typer.main

from b2c_cli.cli.app import COMMANDS, app, build_command
from helpers import REPO

SRC = REPO / "src" / "b2c_cli"
# A --no-... option that is the feature itself, not the off-twin of a switch.
NO_OPTIONS = {("init", "--no-git")}


def options(name: str) -> list[object]:
    command = build_command(name) if name != "b2c" else typer.main.get_command(app)
    return [param for param in command.params if param.param_type_name == "option"]


@pytest.mark.parametrize("name", ["b2c", *COMMANDS])
def test_every_switch_is_a_plain_flag_without_a_no_twin(name: str) -> None:
    for option in options(name):
        assert option.secondary_opts == [], (
            f"b2c {name} {option.opts[0]} has the twin {option.secondary_opts}"
        )
        for opt in option.opts:
            assert not opt.startswith("--no-") or (name, opt) in NO_OPTIONS, f"b2c {name} {opt}"


def test_the_allowed_no_options_exist() -> None:
    for name, opt in NO_OPTIONS:
        assert any(opt in option.opts for option in options(name))


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_takes_lang(name: str) -> None:
    (lang,) = [option for option in options(name) if "--lang" in option.opts]
    assert lang.default is None  # not given: B2C_LANG, then the partnership, then Danish (test_cli_lang)


def private_imports(source: str) -> list[str]:
    """The modules `source` imports that are click's (not a dependency of b2c) or a private (underscore)
    module of typer, such as `typer._click`, its vendored copy of click."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return [
        name
        for name in names
        if name.split(".")[0] == "click"
        or (name.split(".")[0] == "typer" and any(part.startswith("_") for part in name.split(".")[1:]))
    ]


def test_no_module_imports_a_private_module_of_typer_or_click() -> None:
    found = {
        str(path.relative_to(REPO)): private_imports(path.read_text("utf-8")) for path in SRC.rglob("*.py")
    }
    assert {path: names for path, names in found.items() if names} == {}


@pytest.mark.parametrize(
    "source",
    [
        "from typer._click import Context",
        "from typer._click.exceptions import UsageError",
        "import typer._click.utils",
        "from typer import _click",
        "import click",
        "from click import Context",
    ],
)
def test_the_check_finds_a_private_import(source: str) -> None:
    assert private_imports(source) != []
    assert private_imports("import typer\nimport typer.main\nfrom typer.core import TyperGroup") == []
