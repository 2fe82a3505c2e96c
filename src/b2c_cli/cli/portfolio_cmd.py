"""`b2c portfolio ROOT`: every partnership under ROOT in one organisation-level view."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DryRunOption, JsonOption, LangOption, show_written, state
from b2c_cli.cli.output import ProgressBar, print_json, stderr
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr


def portfolio(
    ctx: typer.Context,
    root: Annotated[
        Path,
        typer.Argument(help="The folder to search for partnerships.", show_default=False, metavar="ROOT"),
    ],
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: md, html, xlsx, json (default: all).")
    ] = "md,html,xlsx,json",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Folder to write to (default: ROOT/portfolio/).", show_default=False
        ),
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only this year's measurements.")] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from b2c_cli.portfolio.build import PortfolioRequest, build_portfolio_files
    from b2c_cli.portfolio.formats import PORTFOLIO_FORMATS

    run = state(ctx)
    if lang is not None:
        run.lang = lang
    lang_ = run.lang
    with ProgressBar() as progress:
        result, data, written = build_portfolio_files(
            PortfolioRequest(
                root=root,
                today=today(),
                formats=PORTFOLIO_FORMATS.parse(formats),
                output=output,
                lang=lang_,
                year=year,
                dry_run=dry_run,
                progress=progress,
            )
        )
    if as_json:
        print_json(data)
    else:
        show_written(written, dry_run, lang_)
    if not result.summaries:
        stderr().print(tr("pf-none", lang_, path=str(root)))
    else:
        stderr().print(
            tr(
                "pf-summary",
                lang_,
                total=len(result.summaries),
                valid=len(result.valid),
                broken=len(result.broken),
            )
        )
        for summary in result.broken:
            for problem in summary.problems[:3]:
                stderr().print(f"  {summary.path}: {problem.location}: {problem.message}", style="red")
