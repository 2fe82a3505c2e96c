"""`b2c report [DIR]`: the ESG table and the partnership documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DirArgument, DryRunOption, LangOption, begin, partnership_root, show_written
from b2c_cli.cli.state import today
from b2c_cli.report.formats import REPORT_FORMATS


def report(
    ctx: typer.Context,
    folder: DirArgument = None,
    formats: Annotated[
        str | None, typer.Option("--format", help=REPORT_FORMATS.help(), show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder to write to (default: reports/).", show_default=False),
    ] = None,
    lang: LangOption = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            help="Your own Jinja templates, used instead of b2c's where names match.",
            show_default=False,
            exists=True,
            file_okay=False,
        ),
    ] = None,
    vsme_template: Annotated[
        Path | None,
        typer.Option(
            help="EFRAG's VSME Digital Template (.xlsx) for --format vsme: b2c fills a copy of it.",
            show_default=False,
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
) -> None:
    from b2c_cli.report.build import ReportRequest, build_report

    run = begin(ctx, lang)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    from b2c_cli.lock import partnership_lock

    with partnership_lock(root):
        written, _ = build_report(
            ReportRequest(
                root=root,
                today=today(),
                formats=REPORT_FORMATS.parse(formats),
                output=output,
                lang=lang,
                template_dir=template_dir,
                dry_run=dry_run,
                vsme_template=vsme_template,
            )
        )
    show_written(written, dry_run, lang)
