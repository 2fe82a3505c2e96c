"""`b2c status [DIR]`: where the partnership stands in the guide, and what to do next."""

from __future__ import annotations

import typer

from b2c_cli.cli.common import DirArgument, JsonOption, LangOption, partnership_root, state
from b2c_cli.cli.output import console, print_json
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr

MAX_PROBLEMS_SHOWN = 5


def status(
    ctx: typer.Context, folder: DirArgument = None, as_json: JsonOption = False, lang: LangOption = None
) -> None:
    from rich.table import Table

    from b2c_cli.workbook.status import status as compute_status

    run = state(ctx)
    run.lang = lang or run.lang  # errors before the partnership is read speak --lang too
    result = compute_status(partnership_root(folder), today())
    run.lang = lang = lang or result.lang
    if as_json:
        print_json(result.as_dict())
        return

    out = console()
    out.print(result.name or str(result.root), style="bold")
    parts = Table(title=tr("cli-status-parts", lang), title_justify="left")
    parts.add_column(tr("cli-status-part", lang))
    parts.add_column(tr("cli-status-file", lang))
    parts.add_column(tr("cli-status-answered", lang), justify="right")
    for part in result.parts:
        if not part.present:
            answered = tr("cli-status-missing-file", lang)
        else:
            answered = f"{part.answered}/{part.total}"
        parts.add_row(tr(f"part-{part.part}", lang), part.file, answered)
    out.print(parts)

    steps = Table(title=tr("cli-status-steps", lang), title_justify="left")
    steps.add_column("")
    steps.add_column(tr("cli-status-step", lang))
    for step in result.steps:
        steps.add_row("✓" if step.done else "·", tr(step.key, lang))
    out.print(steps)

    for party in result.unprepared:
        out.print(tr("cli-status-unprepared", lang, party=tr(f"party-{party}", lang)), style="yellow")
    next_step = result.next_step
    if next_step is not None:
        out.print(
            f"{tr('cli-status-next', lang)}: {tr(next_step.key, lang)}. {tr(next_step.key + '-hint', lang)}"
        )
    else:
        out.print(tr("cli-status-all-done", lang))
    out.print(
        f"{tr('cli-status-next-meeting', lang)}: "
        + (result.next_meeting.isoformat() if result.next_meeting else tr("cli-status-none-planned", lang))
    )
    if result.next_measurement is not None:
        when = (
            result.next_measurement_date.isoformat()
            if result.next_measurement_date
            else tr("cli-status-no-date", lang)
        )
        out.print(f"{tr('cli-status-next-measurement', lang)}: {result.next_measurement} ({when})")

    checked = result.validation
    if checked.problems:
        out.print(
            tr(
                "cli-validate-summary",
                lang,
                errors=len(checked.errors),
                warnings=len(checked.warnings),
                path=str(result.root),
            ),
            style="red" if checked.errors else "yellow",
        )
        for problem in checked.problems[:MAX_PROBLEMS_SHOWN]:
            out.print(f"  {problem.location}: {problem.message(lang)}")
        if len(checked.problems) > MAX_PROBLEMS_SHOWN:
            out.print(
                "  " + tr("cli-status-more-problems", lang, count=len(checked.problems) - MAX_PROBLEMS_SHOWN)
            )
