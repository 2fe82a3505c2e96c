"""`b2c schema`: JSON Schema per workbook file, for editor completion and checks while typing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import DryRunOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import stdout
from b2c_cli.errors import UsageError
from b2c_cli.i18n import tr


def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write the schemas to (default: .b2c/schema in the partnership).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    dry_run: DryRunOption = False,
) -> None:
    from b2c_cli.workbook.schema import write_schemas

    run = begin(ctx, lang)
    try:  # outside a partnership too, with -o
        lang = run.partnership_lang(partnership_root(None))
    except UsageError:
        lang = run.lang
    written, _ = write_schemas(output, lang, Path.cwd(), dry_run=dry_run)
    out = stdout()
    for path, changed in written:
        key = "cli-schema-wrote" if changed else "cli-schema-unchanged"
        out.print(tr("cli-schema-would-write" if dry_run else key, lang, path=str(path)))
