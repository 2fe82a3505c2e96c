"""`b2c meeting add` records an evaluation meeting in Part 3; `b2c meeting agenda` writes the next
meeting's agenda (Markdown and A4 HTML) to reports/."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import typer

from b2c_cli.cli.common import DirOption, DryRunOption, LangOption, begin, partnership_root, show_written
from b2c_cli.cli.output import stderr, stdout
from b2c_cli.cli.state import today
from b2c_cli.errors import UsageError
from b2c_cli.i18n import tr


def meeting(
    ctx: typer.Context,
    action: Annotated[
        Literal["add", "agenda"],
        typer.Argument(
            help="add: record a meeting in Part 3; agenda: write the next meeting's agenda.",
            metavar="ACTION",
            show_default=False,
        ),
    ],
    folder: DirOption = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The meeting's date, YYYY-MM-DD (add: default today; agenda: default the next planned).",
            show_default=False,
        ),
    ] = None,
    participant: Annotated[
        list[str] | None, typer.Option("--participant", help="add: who took part (repeat the option).")
    ] = None,
    experiences: Annotated[
        str | None, typer.Option(help="add: how the parties and residents experience the initiatives.")
    ] = None,
    learnings: Annotated[str | None, typer.Option(help="add: what you have learnt since last time.")] = None,
    adjustments: Annotated[
        str | None, typer.Option(help="add: what you adjust in the initiatives, and how.")
    ] = None,
    resources: Annotated[str | None, typer.Option(help="add: resources re-allocated.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="agenda: the folder to write to (default: reports/)."),
    ] = None,
    dry_run: DryRunOption = False,
    lang: LangOption = None,
) -> None:
    run = begin(ctx, lang)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    if action == "agenda":
        from b2c_cli.meeting.agenda import build_agenda, write_agenda

        agenda = build_agenda(root, today(), _date(on) if on else None, run.lang_flag)
        show_written(write_agenda(agenda, root, output, dry_run), dry_run, lang)
        return

    from b2c_cli.cli.fill_cmd import PlainConversation, TerminalConversation
    from b2c_cli.workbook.fill import add_meeting

    given = {
        "date": on,
        "participants": participant or [],
        "experiences": experiences,
        "learnings": learnings,
        "adjustments": adjustments,
        "reallocated_resources": resources,
    }
    answered = any(given[k] for k in ("experiences", "learnings", "adjustments", "reallocated_resources"))
    talk = None
    if not answered:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        talk = TerminalConversation() if interactive else PlainConversation()
    try:
        result = add_meeting(root, talk, lang, given, today())
    except KeyboardInterrupt:
        stderr().print(tr("fill-interrupted", lang, file=result_file()))
        raise typer.Exit(130) from None
    stdout().print(tr("meeting-added", lang, file=result.path.name))
    stderr().print(tr("meeting-added-next", lang))


def result_file() -> str:
    from b2c_cli.workbook.folder import PART3_FILE

    return PART3_FILE


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("cli-bad-date", value=text, option="--date") from None
