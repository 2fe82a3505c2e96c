"""`b2c questionnaire [DIR]`: the residents' survey and its data-entry and import sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DirArgument, DryRunOption, LangOption, begin, partnership_root, show_written
from b2c_cli.cli.state import today
from b2c_cli.questionnaire.formats import QUESTIONNAIRE_FORMATS


def questionnaire(
    ctx: typer.Context,
    folder: DirArgument = None,
    formats: Annotated[
        str | None, typer.Option("--format", help=QUESTIONNAIRE_FORMATS.help(), show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Folder to write to (default: questionnaire/).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    dry_run: DryRunOption = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace a data-entry workbook that answers have been typed into."),
    ] = False,
    survey_lang: Annotated[
        str | None,
        typer.Option(
            "--survey-lang",
            help="Also write the questionnaire in a survey language of Part 3's survey.languages (an IETF "
            "tag such as ar or tr, or all), from the workbook's translations: questionnaire.TAG.html "
            "and .md (with xlsx also data-entry.TAG.xlsx), right to left for Arabic, Farsi and Urdu.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from b2c_cli.questionnaire.build import QuestionnaireRequest, build_questionnaire_files

    run = begin(ctx, lang)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    from b2c_cli.lock import partnership_lock

    with partnership_lock(root):
        written, _ = build_questionnaire_files(
            QuestionnaireRequest(
                root=root,
                today=today(),
                formats=QUESTIONNAIRE_FORMATS.parse(formats),
                output=output,
                lang=lang,
                dry_run=dry_run,
                force=force,
                survey_lang=survey_lang,
            )
        )
    show_written(written, dry_run, lang)
