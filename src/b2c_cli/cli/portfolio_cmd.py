"""`b2c portfolio ROOT`: every partnership under ROOT in one organisation-level view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from b2c_cli.cli.common import DryRunOption, JsonOption, LangOption, begin, show_written
from b2c_cli.cli.output import ProgressBar, print_json, stderr
from b2c_cli.cli.state import today
from b2c_cli.i18n import Lang, tr
from b2c_cli.portfolio.formats import PORTFOLIO_FORMATS

if TYPE_CHECKING:
    from b2c_cli.portfolio.rollup import Portfolio


def portfolio(
    ctx: typer.Context,
    root: Annotated[
        Path,
        typer.Argument(help="The folder to search for partnerships.", show_default=False, metavar="ROOT"),
    ],
    formats: Annotated[
        str | None, typer.Option("--format", help=PORTFOLIO_FORMATS.help(), show_default=False)
    ] = None,
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

    lang = begin(ctx, lang, as_json=as_json).lang  # many partnerships, so no one partnership's language
    with ProgressBar() as progress:
        result, data, written = build_portfolio_files(
            PortfolioRequest(
                root=root,
                today=today(),
                formats=PORTFOLIO_FORMATS.parse(formats),
                output=output,
                lang=lang,
                year=year,
                dry_run=dry_run,
                progress=progress,
            )
        )
    if as_json:
        print_json(data)
    else:
        show_written(written, dry_run, lang)
    _show_summary(result, root, lang)


def _show_summary(result: Portfolio, root: Path, lang: Lang) -> None:
    """On stderr: how many partnerships were found and valid, and the first problems of each broken one."""
    if not result.summaries:
        stderr().print(tr("pf-none", lang, path=str(root)))
        return
    total, valid, broken = len(result.summaries), len(result.valid), len(result.broken)
    stderr().print(tr("pf-summary", lang, total=total, valid=valid, broken=broken))
    for summary in result.broken:
        for problem in summary.problems[:3]:
            stderr().print(f"  {summary.path}: {problem.location}: {problem.message}", style="red")
