"""Small pieces several commands share."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from b2c_cli.cli.output import stdout
from b2c_cli.cli.state import State, interface_lang
from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from b2c_cli.outputs import Written

LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of messages and output: da or en (default: B2C_LANG, else the partnership's "
        "language, else da).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]
DirArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The partnership folder (default: the folder with b2c.yaml, searched upward).",
        show_default=False,
        metavar="DIR",
    ),
]
DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir", help="The partnership folder (default: found upward from here).", show_default=False
    ),
]


DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Render everything; write nothing.")]


def show_written(written: Iterable[Written], dry_run: bool, lang: Lang) -> None:
    """One line per output file: written, unchanged, or (in a dry run) would be written."""
    keys = {False: "report-unchanged", True: "report-would-write" if dry_run else "report-wrote"}
    out = stdout()
    for item in written:
        out.print(tr(keys[item.changed], lang, path=str(item.path)))


def begin(ctx: typer.Context, lang: Lang | None, *, as_json: bool = False) -> State:
    """A command's first step: take its --lang and --json, so that an error raised before the partnership
    is read speaks the language of --lang (or B2C_LANG), and comes as JSON on stdout when --json was given."""
    run = state(ctx)
    run.lang_flag = lang
    run.lang = interface_lang(lang)
    run.as_json = as_json
    return run


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    if found is None:
        found = State()
        ctx.obj = found
    return found


def partnership_root(folder: Path | None) -> Path:
    from b2c_cli.workbook.folder import find_root

    try:
        return find_root(folder if folder is not None else Path.cwd())
    except FileNotFoundError:  # the folder the shell is in was deleted (or moved) meanwhile
        from b2c_cli.errors import UsageError

        raise UsageError("cwd-gone") from None
