"""`b2c score SURVEY`: score a survey export against the workbook's indicators."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from b2c_cli.cli.common import JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import ProgressBar, console, print_json, stderr, warning
from b2c_cli.cli.state import today
from b2c_cli.i18n import Lang, has_message, tr

if TYPE_CHECKING:
    from rich.table import Table

    from b2c_cli.survey.pipeline import ScoreOutcome


PROGRESS_FROM_BYTES = 2_000_000


def score(
    ctx: typer.Context,
    survey: Annotated[
        Path, typer.Argument(help="The survey export (XLSX or CSV).", show_default=False, metavar="SURVEY")
    ],
    folder: Annotated[
        Path | None,
        typer.Option(
            "--dir", help="The partnership folder (default: found upward from here).", show_default=False
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="The measurement: baseline, 2026, ... (default: the first period without results)."
        ),
    ] = None,
    sheet: Annotated[str | None, typer.Option(help="The sheet to read in an XLSX file.")] = None,
    segment: Annotated[
        str | None, typer.Option(help="Break results down by this column (or background question id).")
    ] = None,
    as_json: JsonOption = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Score and show; write nothing.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a period's results that came from another export.")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show which column matched which statement, and unused answer columns."
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    run = begin(ctx, lang, as_json=as_json)
    with _progress(survey) as progress:
        # Start reading the export first: the parser runs while the models are imported and the workbook
        # is checked (it waits for them before a single answer is read).
        from b2c_cli.ingest import Opening

        opening = Opening(survey, sheet, progress) if survey.is_file() else None
        from b2c_cli.survey.pipeline import ScoreRequest, as_dict
        from b2c_cli.survey.pipeline import score as run_score

        root = partnership_root(folder if folder is not None else Path.cwd())
        run.partnership_lang(root)
        outcome = run_score(
            ScoreRequest(
                survey=survey,
                root=root,
                today=today(),
                period=period,
                sheet=sheet,
                segment=segment,
                force=force,
                dry_run=dry_run,
                progress=progress,
                opening=opening,
                lang=run.lang,
            )
        )
    lang = outcome.lang
    data = as_dict(outcome, root)
    if as_json:
        print_json(data)
    else:
        _show(outcome, data, lang, explain)
    for item in data["warnings"]:
        warning(item["message"], lang)
    if outcome.export_tracked:
        warning(tr("score-export-tracked", lang, file=survey.name), lang)
    stderr().print(tr(f"score-action-{outcome.action}", lang, path=data["results_file"]))


def _show(outcome: ScoreOutcome, data: dict[str, Any], lang: Lang, explain: bool) -> None:
    from rich.table import Table

    source = data["source"]
    details = ", ".join(
        str(v) for v in (source["sheet"], source["encoding"], _delimiter(source["delimiter"])) if v
    )
    stderr().print(
        tr(
            "score-read",
            lang,
            file=source["file"],
            layout=source["layout"],
            details=details,
            rows=data["respondents"],
        )
    )
    for reason, count in data["excluded_rows"].items():
        key = (
            f"score-excluded-{reason}" if has_message(f"score-excluded-{reason}") else "score-excluded-other"
        )
        stderr().print(tr(key, lang, count=count, reason=reason))

    table = Table(title=tr("score-title", lang, period=data["period"]), title_justify="left")
    for key in ("indicator", "percent", "positive-n", "ci", "dont-know", "blank", "change"):
        table.add_column(tr(f"score-col-{key}", lang), justify="left" if key == "indicator" else "right")
    for indicator in data["indicators"]:
        table.add_row(
            indicator["name"],
            _percent(indicator),
            f"{indicator['positive']}/{indicator['n']}",
            _interval(indicator["ci95"]),
            str(indicator["dont_know"]),
            str(indicator["blank"]),
            _changes(indicator["changes"], lang),
        )
    out = console()
    out.print(table)
    if data["segments"]:
        out.print(_segment_table(data["segments"], outcome, lang))
    if explain:
        out.print(_explain_table(data, lang))
        unused = data["unused_scale_columns"]
        out.print(tr("score-unused", lang, columns=" | ".join(unused) if unused else "-"))


def _segment_table(segments: dict[str, Any], outcome: ScoreOutcome, lang: Lang) -> Table:
    from rich.table import Table

    table = Table(title=tr("score-segment-title", lang, column=segments["column"]), title_justify="left")
    table.add_column(tr("score-col-group", lang))
    table.add_column(tr("score-col-respondents", lang), justify="right")
    names = {indicator.id: indicator.name for indicator in outcome.indicators}
    ids = [cell["indicator"] for cell in segments["groups"][0]["indicators"]] if segments["groups"] else []
    for indicator_id in ids:
        table.add_column(names.get(indicator_id, indicator_id), justify="right")
    for group in segments["groups"]:
        cells = [
            tr("score-suppressed", lang) if cell["suppressed"] else f"{_percent(cell)} (n={cell['n']})"
            for cell in group["indicators"]
        ]
        table.add_row(group["group"] or tr("score-group-blank", lang), str(group["respondents"]), *cells)
    if segments["hidden_groups"]:
        table.caption = tr(
            "score-hidden-groups",
            lang,
            groups=segments["hidden_groups"],
            respondents=segments["hidden_respondents"],
            threshold=segments["threshold"],
        )
    return table


def _explain_table(data: dict[str, Any], lang: Lang) -> Table:
    from rich.table import Table

    table = Table(title=tr("score-explain-title", lang), title_justify="left")
    for key in ("indicator", "statement", "column", "reason"):
        table.add_column(tr(f"score-col-{key}", lang))
    for match in data["matches"]:
        table.add_row(
            match["indicator"], match["text"], match["column"], tr(f"score-reason-{match['reason']}", lang)
        )
    return table


def _percent(figures: dict[str, Any]) -> str:
    """A percentage on screen as the guide prints it (DESIGN.md §3): whole, rounded half up from the counts
    (rounding the stored one decimal again would turn 42.45 into 42.5 and then 43)."""
    from b2c_cli.survey.stats import percent_whole

    n = figures["n"]
    return f"{percent_whole(figures['positive'], n)}%" if n else "-"


def _interval(ci: list[float] | None) -> str:
    return "-" if not ci else f"{ci[0]:.1f}–{ci[1]:.1f}"


def _changes(changes: list[dict[str, Any]], lang: Lang) -> str:
    parts = []
    for c in changes:
        mark = "*" if c["significant"] else ""
        parts.append(f"{c['difference']:+.1f}{mark} ({tr('score-vs', lang, period=c['period'])})")
    return "; ".join(parts) or "-"


def _delimiter(value: str | None) -> str | None:
    return {"\t": "tab", ";": "';'", ",": "','"}.get(value or "", value)


def _progress(survey: Path) -> ProgressBar:
    """A progress bar for a large export, when stderr is a terminal."""
    return ProgressBar(survey.is_file() and survey.stat().st_size >= PROGRESS_FROM_BYTES)
