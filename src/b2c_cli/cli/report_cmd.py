"""`b2c report [DIR]`: the ESG table and the partnership documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DirArgument, LangOption, partnership_root, state
from b2c_cli.cli.output import stdout
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr


def report(
    ctx: typer.Context,
    folder: DirArgument = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: md, html, xlsx, ics (default: all).")
    ] = "md,html,xlsx,ics",
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
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Render everything; write nothing.")] = False,
) -> None:
    from b2c_cli.report.build import ReportRequest, build_report, parse_formats
    from b2c_cli.workbook.folder import language_hint

    run = state(ctx)
    if lang is not None:
        run.lang = lang
    root = partnership_root(folder)
    run.lang = lang or language_hint(root)
    written, lang_ = build_report(
        ReportRequest(
            root=root,
            today=today(),
            formats=parse_formats(formats),
            output=output,
            lang=lang,
            template_dir=template_dir,
            dry_run=dry_run,
        )
    )
    out = stdout()
    for item in written:
        key = (
            "report-would-write"
            if dry_run and item.changed
            else ("report-wrote" if item.changed else "report-unchanged")
        )
        out.print(tr(key, lang_, path=str(item.path)))
