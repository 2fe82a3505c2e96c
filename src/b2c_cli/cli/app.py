"""The Typer app: one module per command, and the single error boundary that turns b2c's errors into a
message in the user's language and the exit code of DESIGN.md §5."""

from __future__ import annotations

import difflib
import importlib
import sys
from typing import Annotated, Any

import typer
import typer.main
from typer._click import Command, Context, HelpFormatter
from typer._click.exceptions import UsageError
from typer._click.utils import make_default_short_help
from typer.core import TyperGroup

from b2c_cli.__about__ import __version__
from b2c_cli.cli.output import error
from b2c_cli.cli.state import State
from b2c_cli.cli.texts import EXAMPLES, HELP
from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.i18n import tr

# The commands, in the order `b2c --help` lists them. Each lives in b2c_cli.cli.<name>_cmd as a function of
# the same name; its help text and examples are in b2c_cli.cli.texts.
COMMANDS = ("init", "validate", "status", "schema", "score", "report", "questionnaire", "portfolio")


class B2CGroup(TyperGroup):
    """Runs every command inside the error boundary, and builds a command only when it is run (or its own
    help is asked for): turning a function's signature into a command is most of what `b2c --help` and a
    short command would otherwise spend."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            module = importlib.import_module(f"b2c_cli.cli.{cmd_name}_cmd")
            single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
            single.command(cmd_name, help=HELP[cmd_name], epilog=EXAMPLES[cmd_name])(
                getattr(module, cmd_name)
            )
            self.commands[cmd_name] = typer.main.get_command(single)
        return self.commands[cmd_name]

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        """Typer suggests a command for a typo from the commands built so far; suggest from all of them."""
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            close = difflib.get_close_matches(args[0], COMMANDS) if args else []
            if close and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(repr(c) for c in close)}?"
            raise

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The command list of `b2c --help`, from each command's help text, without building them."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, make_default_short_help(HELP[name], limit)) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except B2CError as exc:
            state = ctx.find_object(State) or State()
            error(exc.message(state.lang), state.lang)
            raise typer.Exit(int(exc.exit_code)) from None
        except Exception as exc:
            state = ctx.find_object(State) or State()
            if state.debug:
                raise
            # One line, no traceback and no values: a crash must never print a resident's answers.
            error(tr("internal-error", state.lang, kind=type(exc).__name__), state.lang)
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


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
