"""`b2c fill [PART]`: the guide's questions one at a time, answers written into the file in place."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from b2c_cli.cli.common import DirOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import stderr, stdout
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr


class PlainConversation:
    """Questions on stderr, answers one line each from stdin: for scripts, tests and pipes. An empty line
    keeps the shown answer; the end of the input keeps every answer not yet given."""

    def say(self, text: str) -> None:
        stderr().print(text)

    def ask(self, question: str, default: str) -> str:
        shown = f" [{default}]" if default else ""
        sys.stderr.write(f"{question}{shown}{'' if question.endswith((':', '?', '.', ')')) else ':'} ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stderr.write("\n")
            raise EOFError
        answer = line.rstrip("\r\n")
        return answer if answer.strip() else default


class TerminalConversation:
    """A terminal: prompt_toolkit's line editor. The current answer shows greyed in the empty line (Enter
    keeps it) and is one arrow-up away to edit; what is typed replaces it."""

    def __init__(self) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory

        self.history = InMemoryHistory()
        self.session: PromptSession[str] = PromptSession(history=self.history)

    def say(self, text: str) -> None:
        stdout().print(text)

    def ask(self, question: str, default: str) -> str:
        from prompt_toolkit.formatted_text import FormattedText

        stdout().print(question)
        if default:
            self.history.append_string(default)
        answer = self.session.prompt("> ", placeholder=FormattedText([("fg:ansibrightblack", default)]))
        return answer if answer.strip() else default


def fill(
    ctx: typer.Context,
    part: Annotated[
        str | None,
        typer.Argument(
            help="part1-housing, part1-company, part2 or part3 (default: the first part not yet answered).",
            show_default=False,
            metavar="PART",
        ),
    ] = None,
    folder: DirOption = None,
    lang: LangOption = None,
) -> None:
    from b2c_cli.workbook.fill import PARTS, choose_part
    from b2c_cli.workbook.fill import fill as fill_part
    from b2c_cli.workbook.status import status

    run = begin(ctx, lang)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    if part is None:
        progress = status(root, today()).parts
        unfinished = [p.part for p in progress if p.present and p.answered < p.total]
        part = choose_part(root, None, unfinished)
    else:
        part = choose_part(root, part, [])
    file = PARTS[part][0]
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    talk = TerminalConversation() if interactive else PlainConversation()
    talk.say(tr("fill-intro", lang, file=file))
    try:
        result = fill_part(root, part, talk, lang)
    except KeyboardInterrupt:
        stderr().print(tr("fill-interrupted", lang, file=file))
        raise typer.Exit(130) from None
    if result.written:
        stdout().print(tr("fill-saved", lang, file=file, count=len(result.changed)))
        stderr().print(tr("fill-next", lang))
    else:
        stdout().print(tr("fill-nothing", lang, file=file))
