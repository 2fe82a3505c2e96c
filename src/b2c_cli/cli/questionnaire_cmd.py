"""`b2c questionnaire [DIR]`: the residents' survey and its data-entry and import sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DirArgument, LangOption, partnership_root, state
from b2c_cli.cli.output import stdout
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr


def questionnaire(
    ctx: typer.Context,
    folder: DirArgument = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: md, html, xlsx, csv (default: all).")
    ] = ("md,html,xlsx,csv"),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Folder to write to (default: questionnaire/).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Render everything; write nothing.")] = False,
) -> None:
    from b2c_cli.questionnaire.build import QuestionnaireRequest, build_questionnaire_files, parse_formats
    from b2c_cli.workbook.folder import language_hint

    run = state(ctx)
    if lang is not None:
        run.lang = lang
    root = partnership_root(folder)
    run.lang = lang or language_hint(root)
    written, lang_ = build_questionnaire_files(
        QuestionnaireRequest(
            root=root,
            today=today(),
            formats=parse_formats(formats),
            output=output,
            lang=lang,
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
