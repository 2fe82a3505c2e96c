"""`b2c score SURVEY`: score a survey export against the workbook's indicators."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from b2c_cli import gitutil
from b2c_cli.cli.common import JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import ProgressBar, print_json, stderr, stdout, warning
from b2c_cli.cli.state import today
from b2c_cli.cli.table import TextTable
from b2c_cli.i18n import Lang, has_message, tr

if TYPE_CHECKING:
    from b2c_cli.figures.model import Change, Figures, Value
    from b2c_cli.survey.pipeline import ScoreOutcome


PROGRESS_FROM_BYTES = 2_000_000


def score(
    ctx: typer.Context,
    surveys: Annotated[
        list[Path],
        typer.Argument(
            help="The survey export (XLSX or CSV); several exports of one period are scored as one sample.",
            show_default=False,
            metavar="SURVEY",
        ),
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
        str | None,
        typer.Option(
            help="Break results down by this column (or background question id; language: the survey "
            "language each resident answered in)."
        ),
    ] = None,
    as_json: JsonOption = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Score and show; write nothing.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a period's results that came from another export.")
    ] = False,
    add: Annotated[
        bool,
        typer.Option(
            "--add", help="Add exports to a period's results (the earlier exports need not be given again)."
        ),
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
    survey, more = surveys[0], tuple(surveys[1:])
    with _progress(survey) as progress:
        # Start reading the export first: the parser runs while the models are imported and the workbook
        # is checked (it waits for them before a single answer is read).
        from b2c_cli.ingest import Opening

        opening = Opening(survey, sheet, progress) if survey.is_file() else None
        from b2c_cli.lock import partnership_lock
        from b2c_cli.survey.pipeline import ScoreRequest
        from b2c_cli.survey.pipeline import score as run_score

        root = partnership_root(folder)
        run.partnership_lang(root)
        # Held from before the period's earlier results are checked until the new ones are written: two
        # runs into one period cannot both pass the check.
        with partnership_lock(root):
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
                    more=more,
                    add=add,
                )
            )
    from b2c_cli.figures.scored import outcome_figures, score_data

    lang = outcome.lang
    figures = outcome_figures(outcome)
    data = score_data(outcome, figures, root)
    try:
        if as_json:
            print_json(data)
        else:
            _show(outcome, figures, data, lang, explain)
        sys.stdout.flush()
    except OSError as exc:  # stdout is a full disk or a closed pipe: say what was written all the same
        from b2c_cli.errors import InputError

        raise InputError(
            "score-output-failed",
            where=data["results_file"],
            action=tr(
                outcome.action_message, lang, path=data["results_file"], files=", ".join(outcome.added)
            ),
            reason=exc.strerror or type(exc).__name__,
        ) from None
    for item in data["warnings"]:
        if item["code"] != "held-back":  # said above, with every figure held back in one line
            warning(item["message"], lang)
    if outcome.results.not_measured:
        names = {i.id: i.name for i in outcome.indicators}
        missing = ", ".join(names.get(i, i) for i in outcome.results.not_measured)
        warning(tr("score-not-measured", lang, indicators=missing), lang)
    for path in surveys:
        if path.name in outcome.tracked_exports and not gitutil.marked_invented(path.resolve()):
            warning(tr("score-export-tracked", lang, file=path.name, command=untrack_command(path)), lang)
    for question in data.get("weighting_missing") or []:
        warning(tr("warning-weighting-no-column", lang, indicator=question), lang)
    stderr().print(
        tr(outcome.action_message, lang, path=data["results_file"], files=", ".join(outcome.added))
    )


def untrack_command(survey: Path) -> str:
    """The git command that takes `survey` out of git, as it works from here: `git rm --cached NAME` in
    the file's own folder, else with `-C FOLDER` (the bare name would not be found from elsewhere)."""
    import shlex

    folder = survey.resolve().parent
    if folder == Path.cwd().resolve():
        return f"git rm --cached {shlex.quote(survey.name)}"
    return f"git -C {shlex.quote(str(folder))} rm --cached {shlex.quote(survey.name)}"


def _show(outcome: ScoreOutcome, figures: Figures, data: dict[str, Any], lang: Lang, explain: bool) -> None:
    from b2c_cli.figures.words import change_short, interval_text, value_text
    from b2c_cli.i18n.numbers import number

    if len(outcome.results.sources) > 1:
        files = ", ".join(
            f"{s.file} ({s.layout}, {number(s.rows_used or 0, lang)})" for s in outcome.results.sources
        )
        stderr().print(tr("score-sources", lang, count=len(outcome.results.sources), files=files))
    else:
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
                rows=number(data["respondents"], lang),
            )
        )
    for reason, count in data["excluded_rows"].items():
        key = (
            f"score-excluded-{reason}" if has_message(f"score-excluded-{reason}") else "score-excluded-other"
        )
        stderr().print(tr(key, lang, count=count, reason=reason))

    table = TextTable(title=tr("score-title", lang, period=data["period"]))
    for key in ("indicator", "percent", "positive-n", "ci", "dont-know", "blank", "change"):
        table.add_column(tr(f"score-col-{key}", lang), justify="left" if key == "indicator" else "right")
    significant = False
    hidden = tr("score-hidden-figure", lang, threshold=outcome.part3.survey.disclosure_threshold)
    measured = [shown for shown in data["indicators"] if not shown["not_measured"]]
    for indicator, shown in zip(outcome.results.indicators, measured, strict=True):
        value, changes = _scored(outcome, figures, indicator.id)
        if shown["suppressed"]:
            value, changes = None, ()
        significant = significant or any(c.significant for c in changes)
        table.add_row(
            next((i.name for i in outcome.indicators if i.id == indicator.id), indicator.id),
            value_text(value, lang) if value else (hidden if shown["suppressed"] else "-"),
            hidden
            if shown["suppressed"] or indicator.positive is None or indicator.n is None
            else f"{number(indicator.positive, lang)}/{number(indicator.n, lang)}",
            interval_text(value, lang) if value else "-",
            number(indicator.dont_know, lang) if indicator.dont_know is not None else hidden,
            number(indicator.blank, lang) if indicator.blank is not None else hidden,
            "; ".join(change_short(c, figures, lang) for c in changes) or "-",
        )
    for shown in data["indicators"]:
        if shown["not_measured"]:  # the figures layer's words for it; no count, no change
            table.add_row(shown["name"], tr("value-not-measured", lang), "-", "-", "-", "-", "-")
    if significant:
        table.caption = (
            tr("score-significant-mark", lang)
            + " "
            + tr(
                "score-significant-holm", lang, comparisons=figures.comparisons, kept=figures.holm_significant
            )
        )
    out = stdout()
    out.print(table.render())
    _held_back_lines(data, lang)
    from b2c_cli.figures.method import answered_of
    from b2c_cli.figures.words import answered_text

    for answered in answered_of(outcome.part3, outcome.results):
        out.print(answered_text(answered, data["period"], lang))
    if data["segments"]:
        out.print(_segment_table(data["segments"], outcome, lang).render())
    if explain:
        out.print(_explain_table(data, lang).render())
        unused = data["unused_scale_columns"]
        out.print(tr("score-unused", lang, columns=" | ".join(unused) if unused else "-"))


def _scored(
    outcome: ScoreOutcome, figures: Figures, indicator_id: str
) -> tuple[Value | None, tuple[Change, ...]]:
    """The scored period's value and changes of one indicator, from the figures layer; a period the workbook
    does not list has no figures there, so its value is taken from its counts, the same way."""
    from b2c_cli.figures.compute import survey_value

    found = figures.indicator(indicator_id)
    figure = found.at(outcome.results.period) if found is not None else None
    if figure is not None:
        return figure.value, figure.changes
    result = next(i for i in outcome.results.indicators if i.id == indicator_id)
    if result.positive is None or not result.n:  # held back, or no answers
        return None, ()
    return survey_value(result.positive, result.n), ()


def _held_back_lines(data: dict[str, Any], lang: Lang) -> None:
    """Which figures the results file holds back, and why (they are not printed either)."""
    held = data["held_back"]
    names = {i["id"]: i["name"] for i in data["indicators"]}
    if held["indicators"]:
        stderr().print(
            tr(
                "score-held-back",
                lang,
                file=data["results_file"],
                figures=", ".join(names.get(i, i) for i in held["indicators"]),
                threshold=held["threshold"],
            )
        )
    if held["statements"]:
        statements = "; ".join(
            f"'{s['text']}' ({names.get(s['indicator'], s['indicator'])})" for s in held["statements"]
        )
        stderr().print(
            tr(
                "score-held-back-statements",
                lang,
                file=data["results_file"],
                statements=statements,
                threshold=held["threshold"],
            )
        )


def _segment_table(segments: dict[str, Any], outcome: ScoreOutcome, lang: Lang) -> TextTable:
    from b2c_cli.figures.scored import segment_value
    from b2c_cli.figures.words import value_text
    from b2c_cli.i18n.numbers import number

    table = TextTable(title=tr("score-segment-title", lang, column=segments["column"]))
    table.add_column(tr("score-col-group", lang))
    table.add_column(tr("score-col-respondents", lang), justify="right")
    names = {indicator.id: indicator.name for indicator in outcome.indicators}
    ids = [cell["indicator"] for cell in segments["groups"][0]["indicators"]] if segments["groups"] else []
    for indicator_id in ids:
        table.add_column(names.get(indicator_id, indicator_id), justify="right")
    for group in segments["groups"]:
        cells = []
        for cell in group["indicators"]:
            value = segment_value(cell)
            if cell["suppressed"]:
                cells.append(tr("score-suppressed", lang))
            else:
                text = value_text(value, lang) if value else "-"
                cells.append(f"{text} (n = {number(cell['n'] or 0, lang)})")
        table.add_row(
            group["group"] or tr("score-group-blank", lang), number(group["respondents"], lang), *cells
        )
    if segments["hidden_groups"]:
        table.caption = tr(
            "score-hidden-groups",
            lang,
            groups=segments["hidden_groups"],
            respondents=segments["hidden_respondents"],
            threshold=segments["threshold"],
        )
    return table


def _explain_table(data: dict[str, Any], lang: Lang) -> TextTable:
    table = TextTable(title=tr("score-explain-title", lang))
    for key in ("indicator", "statement", "column", "reason"):
        table.add_column(tr(f"score-col-{key}", lang))
    for match in data["matches"]:
        table.add_row(
            match["indicator"], match["text"], match["column"], tr(f"score-reason-{match['reason']}", lang)
        )
    return table


def _delimiter(value: str | None) -> str | None:
    return {"\t": "tab", ";": "';'", ",": "','"}.get(value or "", value)


def _progress(survey: Path) -> ProgressBar:
    """A progress bar for a large export, when stderr is a terminal."""
    return ProgressBar(survey.is_file() and survey.stat().st_size >= PROGRESS_FROM_BYTES)
