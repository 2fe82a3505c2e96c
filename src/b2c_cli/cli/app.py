"""The Typer app: one module per command, and the single error boundary that turns b2c's errors into a
message in the user's language and the exit code of DESIGN.md §5."""

from __future__ import annotations

import difflib
import importlib
import sys
from contextlib import AbstractContextManager
from typing import Annotated, Any, Protocol

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from b2c_cli.__about__ import __version__
from b2c_cli.cli.output import error, error_object, print_json
from b2c_cli.cli.state import State
from b2c_cli.cli.texts import EXAMPLES, HELP
from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.i18n import tr

# The commands, in the order `b2c --help` lists them. Each lives in b2c_cli.cli.<name>_cmd as a function of
# the same name; its help text and examples are in b2c_cli.cli.texts.
COMMANDS = (
    "init",
    "validate",
    "status",
    "schema",
    "score",
    "report",
    "questionnaire",
    "portfolio",
    "surveys",
)


class HelpFormatter(Protocol):
    """What `format_commands` uses of the help formatter (Typer's class for it lives in a private module)."""

    width: int

    def section(self, name: str) -> AbstractContextManager[None]: ...

    def write_dl(self, rows: list[tuple[str, str]]) -> None: ...


class B2CGroup(TyperGroup):
    """Runs every command inside the error boundary, and builds a command only when it is run (or its own
    help is asked for): turning a function's signature into a command is most of what `b2c --help` and a
    short command would otherwise spend. Only Typer's public API: its Context and Command classes come
    from a private copy of click, so the contexts these methods get are typed `Any` and unused ones
    `object`."""

    def list_commands(self, ctx: object) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: object, cmd_name: str) -> TyperCommand | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = build_command(cmd_name)
        command = self.commands[cmd_name]
        assert isinstance(command, TyperCommand)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        """Typer suggests a command for a typo from the commands built so far; suggest from all of them."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS and not ctx.resilient_parsing:
            close = difflib.get_close_matches(name, COMMANDS)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: object, formatter: HelpFormatter) -> None:
        """The command list of `b2c --help`, from each command's help text, without building them."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, short_help(HELP[name], limit)) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except B2CError as exc:
            run = ctx.find_object(State) or State()
            error(exc.message(run.lang), run.lang)
            if run.as_json:
                text = tr(exc.key, run.lang, **exc.params)
                print_json(error_object(exc.key, exc.exit_code, text, exc.where))
            raise typer.Exit(int(exc.exit_code)) from None
        except Exception as exc:
            run = ctx.find_object(State) or State()
            if run.debug:
                raise
            # One line, no traceback and no values: a crash must never print a resident's answers.
            text = tr("internal-error", run.lang, kind=type(exc).__name__)
            error(text, run.lang)
            if run.as_json:
                print_json(error_object("internal-error", ExitCode.INTERNAL, text))
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


def build_command(name: str) -> TyperCommand:
    """The command `name` from its function in b2c_cli.cli.<name>_cmd, with its help text and examples."""
    module = importlib.import_module(f"b2c_cli.cli.{name}_cmd")
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    single.command(name, help=HELP[name], epilog=EXAMPLES[name])(getattr(module, name))
    command = typer.main.get_command(single)
    assert isinstance(command, TyperCommand)
    return command


def short_help(text: str, limit: int) -> str:
    """The start of a help text for the command list: its first sentence when that fits in `limit`
    characters, else as many words as fit and an ellipsis."""
    words = text.split()
    shown: list[str] = []
    for word in words:
        if len(" ".join([*shown, word])) > limit:
            while shown and len(" ".join(shown)) + 3 > limit:
                shown.pop()
            return " ".join(shown) + "..."
        shown.append(word)
        if word.endswith("."):
            break
    return " ".join(shown)


app = typer.Typer(
    cls=B2CGroup,
    name="b2c",
    help="Business2Community partnerships as YAML workbooks: scaffold, validate, score and report.\n\n"
    "Run 'b2c COMMAND --help' for a command's options and examples.",
    epilog="Examples:  b2c init hedemarken --housing Bo-Vest --company Nortec --area Hedemarken  |  "
    "b2c validate hedemarken  |  b2c status",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: Typer's rich help imports rich, markdown-it and more, tripling the time `b2c --help` takes.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"b2c {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = State(debug=debug)
