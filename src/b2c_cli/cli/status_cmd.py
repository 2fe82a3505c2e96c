"""`b2c status [DIR]`: where the partnership stands in the guide, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from b2c_cli.cli.common import DirArgument, JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import Printer, print_json, stdout
from b2c_cli.cli.state import today
from b2c_cli.cli.table import TextTable
from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from b2c_cli.workbook.status import Status

MAX_PROBLEMS_SHOWN = 5


def status(
    ctx: typer.Context, folder: DirArgument = None, as_json: JsonOption = False, lang: LangOption = None
) -> None:
    from b2c_cli.workbook.status import status as compute_status

    run = begin(ctx, lang, as_json=as_json)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    result = compute_status(root, today())
    if as_json:
        print_json(result.as_dict())
        return
    out = stdout()
    out.print(result.name or str(result.root), style="bold")
    out.print(_parts_table(result, lang).render())
    _show_unanswered(out, result, lang)
    out.print(_steps_table(result, lang).render())
    _show_next(out, result, lang)
    _show_problems(out, result, lang)


def _parts_table(result: Status, lang: Lang) -> TextTable:
    table = TextTable(title=tr("cli-status-parts", lang))
    table.add_column(tr("cli-status-part", lang))
    table.add_column(tr("cli-status-file", lang))
    table.add_column(tr("cli-status-answered", lang), justify="right")
    for part in result.parts:
        answered = f"{part.answered}/{part.total}" if part.present else tr("cli-status-missing-file", lang)
        table.add_row(tr(f"part-{part.part}", lang), part.file, answered)
    return table


def _show_unanswered(out: Printer, result: Status, lang: Lang) -> None:
    """The unanswered questions of each part begun, in the guide's words."""
    from b2c_cli.workbook.status import question_wording

    for part in result.parts:
        if not part.present or not part.unanswered or part.answered == 0:
            continue
        out.print(tr("cli-status-unanswered", lang, part=tr(f"part-{part.part}", lang), file=part.file))
        for _, doc in part.unanswered:
            out.print(f"  - {question_wording(doc, lang)}")


def _steps_table(result: Status, lang: Lang) -> TextTable:
    table = TextTable(title=tr("cli-status-steps", lang))
    table.add_column("")
    table.add_column(tr("cli-status-step", lang))
    for step in result.steps:
        table.add_row("✓" if step.done else "·", tr(step.key, lang))
    return table


def _show_next(out: Printer, result: Status, lang: Lang) -> None:
    """Who has not prepared Part 1, the next step and the next meeting and measurement."""
    for party in result.unprepared:
        out.print(tr("cli-status-unprepared", lang, party=tr(f"party-{party}", lang)), style="yellow")
    step = result.next_step
    if step is not None:
        out.print(f"{tr('cli-status-next', lang)}: {tr(step.key, lang)}. {tr(step.key + '-hint', lang)}")
    else:
        out.print(tr("cli-status-all-done", lang))
    meeting = result.next_meeting.isoformat() if result.next_meeting else tr("cli-status-none-planned", lang)
    out.print(f"{tr('cli-status-next-meeting', lang)}: {meeting}")
    if result.next_measurement is not None:
        day = result.next_measurement_date
        when = day.isoformat() if day else tr("cli-status-no-date", lang)
        out.print(f"{tr('cli-status-next-measurement', lang)}: {result.next_measurement} ({when})")
    for period, names in result.not_measured.items():
        out.print(tr("cli-status-not-measured", lang, period=period, indicators=", ".join(names)))


def _show_problems(out: Printer, result: Status, lang: Lang) -> None:
    """The validation problems in short: the count and the first few."""
    checked = result.validation
    if not checked.problems:
        return
    errors, warnings = len(checked.errors), len(checked.warnings)
    summary = tr("cli-validate-summary", lang, errors=errors, warnings=warnings, path=str(result.root))
    out.print(summary, style="red" if errors else "yellow")
    for problem in checked.problems[:MAX_PROBLEMS_SHOWN]:
        out.print(f"  {problem.location}: {problem.message(lang)}")
    hidden = len(checked.problems) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        out.print("  " + tr("cli-status-more-problems", lang, count=hidden))
