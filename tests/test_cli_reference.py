"""The README's command reference is generated from the commands (`make docs`), and every command,
argument and option has a help text to generate it from."""

from __future__ import annotations

from pathlib import Path

import pytest

from b2c_cli.cli import reference
from b2c_cli.cli.app import COMMANDS, app, build_command
from b2c_cli.cli.texts import EXAMPLES
from helpers import REPO


def test_the_readme_reference_is_the_generated_one() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    _, start, rest = readme.partition(reference.START)
    committed, end, _ = rest.partition(reference.END)
    assert start and end, "README.md lost its cli-reference markers"
    assert committed == "\n" + reference.reference(), (
        "README.md's command reference is out of date: run `make docs` and commit README.md"
    )


def test_update_rewrites_only_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{reference.START}\nstale\n{reference.END}\n\n## After\n", "utf-8")
    assert reference.update(readme) is True
    text = readme.read_text("utf-8")
    assert text.startswith(f"# Title\n\n{reference.START}\n")
    assert text.endswith(f"{reference.END}\n\n## After\n")
    assert "stale" not in text
    assert reference.update(readme) is False  # a second run changes nothing


@pytest.mark.parametrize("name", COMMANDS)
def test_the_reference_lists_every_option_with_its_help_and_the_examples(name: str) -> None:
    section = reference.reference().split(f"### `b2c {name}`\n", 1)[1].split("\n### ", 1)[0]
    section = section.replace("\\|", "|")
    for param in build_command(name).params:
        rows = [line for line in section.splitlines() if line.startswith("| `") and param.help in line]
        assert len(rows) == 1, f"{param.name} is not in the reference of b2c {name}"
        names = param.opts if param.param_type_name == "option" else [param.metavar]
        assert all(f"`{n}" in rows[0] or f" {n}" in rows[0] for n in names), rows[0]
    for example in EXAMPLES[name].removeprefix("Examples:").split("|"):
        assert f"\n{example.strip()}\n" in section


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_argument_and_option_has_a_help_text(name: str) -> None:
    command = build_command(name)
    assert (command.help or "").strip(), f"b2c {name} has no help text"
    for param in command.params:
        assert (getattr(param, "help", None) or "").strip(), f"b2c {name}: {param.name} has no help text"


def test_the_global_options_have_help_texts() -> None:
    import typer.main

    for param in typer.main.get_command(app).params:
        assert (getattr(param, "help", None) or "").strip(), f"b2c: {param.name} has no help text"
