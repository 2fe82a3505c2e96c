"""The "Command reference" section of README.md, generated from the commands themselves so that the README
and `--help` cannot drift apart: `make docs` (`python -m b2c_cli.cli.reference README.md`) writes it
between the two marker comments, and tests/test_cli_reference.py fails when it is stale."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

import typer
import typer.main

from b2c_cli.atomic import write_atomic
from b2c_cli.cli.app import COMMANDS, app, build_command
from b2c_cli.cli.texts import EXAMPLES

START = "<!-- cli-reference start -->"
END = "<!-- cli-reference end -->"
WIDTH = 110  # the README's line length


def reference() -> str:
    """The generated Markdown between the markers: the global options, then every command."""
    group = typer.main.get_command(app)
    root = typer.Context(group, info_name="b2c")
    lines = [
        "Generated from the code by `make docs` (edit the help texts in `src/b2c_cli/cli/`, not this part).",
        "Every command also takes `-h`/`--help`.",
        "",
        f"`b2c {' '.join(group.collect_usage_pieces(root))}`",
        "",
        *_parameters(group, root),
    ]
    for name in COMMANDS:
        lines += ["", *_command(name, root)]
    return "\n".join(lines) + "\n"


def _command(name: str, root: typer.Context) -> list[str]:
    command = build_command(name)
    ctx = typer.Context(command, info_name=name, parent=root)
    examples = EXAMPLES[name].removeprefix("Examples:").split("  |  ")
    return [
        f"### `b2c {name}`",
        "",
        f"`{ctx.command_path} {' '.join(command.collect_usage_pieces(ctx))}`",
        "",
        textwrap.fill(command.help or "", WIDTH),
        "",
        *_parameters(command, ctx),
        "",
        "```sh",
        *(example.strip() for example in examples),
        "```",
    ]


def _parameters(command: Any, ctx: typer.Context) -> list[str]:
    """A table of the arguments and options (but -h/--help, which every command has), each with its help
    and default."""
    rows = ["| argument or option | what it does | default |", "| --- | --- | --- |"]
    for param in command.params:
        record = param.get_help_record(ctx)
        if record is None:  # hidden
            continue
        rows.append(f"| `{_cell(record[0])}` | {_cell(param.help or '')} | {_cell(_default(param))} |")
    return rows


def _default(param: Any) -> str:
    if param.param_type_name == "argument":
        return "required" if param.required else ""
    if param.default in (None, False) or param.show_default is False:
        return ""  # no value, a switch that is off, or a default the help text states in words
    return f"`{param.default}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def update(readme: Path) -> bool:
    """Write the reference between the markers of `readme`; True when that changed the file."""
    text = readme.read_text("utf-8")
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{readme}: the markers {START} and {END} are missing")
    updated = f"{head}{START}\n{reference()}{END}{tail}"
    if updated == text:
        return False
    write_atomic(readme, updated)
    return True


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    sys.stdout.write(f"{path}: {'updated' if update(path) else 'unchanged'}\n")
