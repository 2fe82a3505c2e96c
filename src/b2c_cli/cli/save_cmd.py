"""`b2c save "besked"`: commit the partnership's own files (never surveys/) with a message."""

from __future__ import annotations

from typing import Annotated

import typer

from b2c_cli.cli.common import DirOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import stdout
from b2c_cli.i18n import tr


def save(
    ctx: typer.Context,
    message: Annotated[
        str, typer.Argument(help="What changed, in a few words.", show_default=False, metavar="MESSAGE")
    ],
    folder: DirOption = None,
    lang: LangOption = None,
) -> None:
    from b2c_cli.workbook.versions import save as save_version

    run = begin(ctx, lang)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    saved = save_version(root, message)
    out = stdout()
    if saved.commit is None:
        out.print(tr("versions-nothing-to-save", lang))
        return
    for name in saved.files:
        out.print(f"  {name}")
    out.print(tr("versions-saved", lang, commit=saved.commit, count=len(saved.files)))
