"""`b2c history`: the saved versions, newest first, with what each changed in words."""

from __future__ import annotations

from typing import Annotated

import typer

from b2c_cli.cli.common import DirOption, JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import print_json, stdout
from b2c_cli.cli.table import TextTable
from b2c_cli.i18n import tr


def history(
    ctx: typer.Context,
    folder: DirOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many versions.", min=1)] = 50,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    from b2c_cli.workbook.versions import history as list_versions

    run = begin(ctx, lang, as_json=as_json)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    versions = list_versions(root, lang, limit)
    if as_json:
        print_json(
            [
                {"commit": v.commit, "date": v.date, "message": v.message, "changes": v.changes}
                for v in versions
            ]
        )
        return
    if not versions:
        stdout().print(tr("versions-none", lang))
        return
    table = TextTable()
    for key in ("versions-col-version", "versions-col-date", "versions-col-message", "versions-col-changes"):
        table.add_column(tr(key, lang))
    for version in versions:
        table.add_row(version.commit, version.date, version.message, version.changes)
    stdout().print(table.render())
