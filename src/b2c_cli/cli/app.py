"""The Typer app: one module per command, and the single error boundary that turns b2c's errors into a
message in the user's language and the exit code of DESIGN.md §5."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from b2c_cli.__about__ import __version__
from b2c_cli.cli import (
    init_cmd,
    portfolio_cmd,
    questionnaire_cmd,
    report_cmd,
    schema_cmd,
    score_cmd,
    status_cmd,
    validate_cmd,
)
from b2c_cli.cli.output import error
from b2c_cli.cli.state import State
from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.i18n import tr


class B2CGroup(TyperGroup):
    """Runs every command inside the error boundary."""

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


app.command("init", help=init_cmd.HELP, epilog=init_cmd.EXAMPLES)(init_cmd.init)
app.command("validate", help=validate_cmd.HELP, epilog=validate_cmd.EXAMPLES)(validate_cmd.validate)
app.command("status", help=status_cmd.HELP, epilog=status_cmd.EXAMPLES)(status_cmd.status)
app.command("schema", help=schema_cmd.HELP, epilog=schema_cmd.EXAMPLES)(schema_cmd.schema)
app.command("score", help=score_cmd.HELP, epilog=score_cmd.EXAMPLES)(score_cmd.score)
app.command("report", help=report_cmd.HELP, epilog=report_cmd.EXAMPLES)(report_cmd.report)
app.command("questionnaire", help=questionnaire_cmd.HELP, epilog=questionnaire_cmd.EXAMPLES)(
    questionnaire_cmd.questionnaire
)
app.command("portfolio", help=portfolio_cmd.HELP, epilog=portfolio_cmd.EXAMPLES)(portfolio_cmd.portfolio)
