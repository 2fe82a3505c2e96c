"""`b2c validate [DIR]`: every problem in every file, with file:line:col, at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from b2c_cli.cli.common import DirArgument, JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import print_json, stderr, stdout
from b2c_cli.cli.state import today
from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from b2c_cli.workbook.folder import Workbook
    from b2c_cli.workbook.validate import ValidationReport


def validate(
    ctx: typer.Context,
    folder: DirArgument = None,
    as_json: JsonOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as problems (exit 1).")] = False,
    lang: LangOption = None,
) -> None:
    from b2c_cli.workbook.validate import check

    run = begin(ctx, lang, as_json=as_json)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    workbook, validation = check(root, today())
    if as_json:
        print_json([problem.as_dict(lang) for problem in validation.problems])
    else:
        _show(validation, root, lang, workbook)
    code = validation.exit_code(strict)
    if code:
        raise typer.Exit(int(code))


def _show(validation: ValidationReport, root: Path, lang: Lang, workbook: Workbook) -> None:
    """Each problem on stdout as `file:line:col: severity [code] place: message`, the place in words
    ("punkt 6 under de fem vigtigste punkter"); the count on stderr."""
    from b2c_cli.workbook.places import place

    out = stdout()
    for problem in validation.problems:
        label = tr(f"cli-{problem.severity}", lang)
        document = workbook.documents.get(problem.file)
        words = place(problem.path, document.data if document else None, lang)
        path = f" {words}:" if problem.path else ""
        style = "red" if problem.severity == "error" else "yellow"
        out.print(f"{problem.location}: {label} [{problem.code}]{path} {problem.message(lang)}", style=style)
    errors, warnings = len(validation.errors), len(validation.warnings)
    if errors or warnings:
        stderr().print(tr("cli-validate-summary", lang, errors=errors, warnings=warnings, path=str(root)))
    else:
        stderr().print(tr("cli-validate-ok", lang, path=str(root)), style="green")
