"""`b2c schema`: JSON Schema per workbook file, for editor completion and checks while typing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from b2c_cli.cli.common import LangOption, state
from b2c_cli.cli.output import stdout
from b2c_cli.i18n import tr


def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder to write the schemas to.", show_default=False),
    ] = None,
    lang: LangOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be written; write nothing.")
    ] = False,
) -> None:
    from b2c_cli.workbook.schema import write_schemas

    run = state(ctx)
    run.lang = lang or run.lang  # errors before the partnership is read speak --lang too
    written, lang_ = write_schemas(output, lang, Path.cwd(), dry_run=dry_run)
    run.lang = lang_
    out = stdout()
    for path, changed in written:
        key = (
            "cli-schema-would-write"
            if dry_run
            else ("cli-schema-wrote" if changed else "cli-schema-unchanged")
        )
        out.print(tr(key, lang_, path=str(path)))
