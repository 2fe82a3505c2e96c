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
from b2c_cli.cli.state import State, interface_lang
from b2c_cli.cli.texts import APP_EXAMPLES, EXAMPLES, HELP
from b2c_cli.cli.texts_da import APP_HELP_DA, HELP_DA, OPTION_HELP_DA, WORDS_DA
from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.i18n import Lang, tr

# The commands, in the order `b2c --help` lists them. Each lives in b2c_cli.cli.<name>_cmd as a function of
# the same name; its help text and examples are in b2c_cli.cli.texts.
COMMANDS = (
    "init",
    "fill",
    "validate",
    "status",
    "schema",
    "score",
    "report",
    "questionnaire",
    "portfolio",
    "meeting",
    "save",
    "history",
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

    help_language: Lang | None = None  # --lang on this command line, once it is read

    def list_commands(self, ctx: object) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: object, cmd_name: str) -> TyperCommand | None:
        if cmd_name not in COMMANDS:
            return None
        lang = self.help_language or help_lang()
        built = self.commands.get(cmd_name)
        if not isinstance(built, LocalizedCommand) or built.help_language != lang:
            self.commands[cmd_name] = build_command(cmd_name, lang)
        command = self.commands[cmd_name]
        assert isinstance(command, TyperCommand)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        """Typer suggests a command for a typo from the commands built so far; suggest from all of them."""
        self.help_language = _lang_in(args)
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS and not ctx.resilient_parsing:
            close = difflib.get_close_matches(name, COMMANDS)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: object, formatter: HelpFormatter) -> None:
        """The command list of `b2c --help`, from each command's help text, without building them."""
        lang = help_lang()
        texts = HELP_DA if lang == "da" else HELP
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, short_help(texts[name], limit)) for name in COMMANDS]
        with formatter.section(WORDS_DA["Commands"] if lang == "da" else "Commands"):
            formatter.write_dl(rows)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if help_lang() == "da":
            for param in self.params:
                text = getattr(param, "help", None)
                if text:
                    param.help = OPTION_HELP_DA.get(text, text)  # type: ignore[attr-defined]
        super().format_help(ctx, formatter)

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        if help_lang() == "da":
            localize_help_words("da")
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(APP_HELP_DA)
            return
        super().format_help_text(ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        formatter.write_paragraph()
        formatter.write_text(examples_text(APP_EXAMPLES, help_lang()))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=usage_prefix(help_lang()))

    def get_help_option(self, ctx: Any) -> Any:
        return localized_help_option(super().get_help_option(ctx), help_lang())

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


def help_lang() -> Lang:
    """The language of `--help`: `--lang` on the command line, else B2C_LANG, else Danish, like every
    message."""
    return _lang_in(sys.argv[1:]) or interface_lang(None)


def _lang_in(args: list[str]) -> Lang | None:
    """The value of `--lang` among `args`, when it is one."""
    for index, arg in enumerate(args):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value == "da":
            return "da"
        if value == "en":
            return "en"
    return None


def localize_help_words(lang: Lang) -> None:
    """Typer's own words on a help page ("Options", "required", ...) in `lang`: Typer looks them up through
    gettext's `_` in typer.core at the time it writes the page."""
    import typer.core

    words = WORDS_DA if lang == "da" else {}
    vars(typer.core)["_"] = lambda text: words.get(text, text)


def usage_prefix(lang: Lang) -> str:
    return WORDS_DA["Usage: "] if lang == "da" else "Usage: "


def localized_help_option(option: Any, lang: Lang) -> Any:
    if option is not None and lang == "da":
        option.help = OPTION_HELP_DA.get(option.help, option.help)
    return option


def examples_text(examples: str, lang: Lang) -> str:
    """The examples one to a line, each whole, so it can be copied and pasted as it is."""
    lines = [example.strip() for example in examples.removeprefix("Examples:").split("  |  ")]
    heading = WORDS_DA["Examples:"] if lang == "da" else "Examples:"
    return "\b\n" + heading + "\n" + "\n".join(f"  {line}" for line in lines)


class LocalizedCommand(TyperCommand):
    """A command whose help page speaks the help language, with its examples one to a line."""

    help_language: Lang = "en"

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=usage_prefix(self.help_language))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        localize_help_words(self.help_language)
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return localized_help_option(super().get_help_option(ctx), self.help_language)


def build_command(name: str, lang: Lang = "en") -> TyperCommand:
    """The command `name` from its function in b2c_cli.cli.<name>_cmd, with its help text and examples in
    `lang` (English for the README's reference; `b2c` itself asks in the help language)."""
    module = importlib.import_module(f"b2c_cli.cli.{name}_cmd")
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    text = HELP_DA[name] if lang == "da" else HELP[name]
    epilog = examples_text(EXAMPLES[name], lang)
    single.command(name, help=text, epilog=epilog, cls=LocalizedCommand)(getattr(module, name))
    command = typer.main.get_command(single)
    assert isinstance(command, LocalizedCommand)
    command.help_language = lang
    if lang == "da":
        for param in command.params:
            help_text = getattr(param, "help", None)
            if help_text:
                param.help = OPTION_HELP_DA.get(help_text, help_text)  # type: ignore[attr-defined]
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
    epilog=APP_EXAMPLES,
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
