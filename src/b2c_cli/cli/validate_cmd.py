"""`b2c validate [DIR]`: every problem in every file, with file:line:col, at once."""

from __future__ import annotations

from typing import Annotated

import typer

from b2c_cli.cli.common import DirArgument, JsonOption, LangOption, partnership_root, state
from b2c_cli.cli.output import print_json, stderr, stdout
from b2c_cli.cli.state import today
from b2c_cli.i18n import tr


def validate(
    ctx: typer.Context,
    folder: DirArgument = None,
    as_json: JsonOption = False,
    strict: Annotated[bool, typer.Option(help="Treat warnings as problems (exit 1).")] = False,
    lang: LangOption = None,
) -> None:
    from b2c_cli.workbook.validate import check

    run = state(ctx)
    run.lang = lang or run.lang  # errors before the partnership is read speak --lang too
    root = partnership_root(folder)
    _, validation = check(root, today())
    run.lang = lang or validation.lang
    lang_ = run.lang
    if as_json:
        print_json([problem.as_dict(lang_) for problem in validation.problems])
    else:
        out = stdout()
        for problem in validation.problems:
            label = tr(f"cli-{problem.severity}", lang_)
            path = f" {problem.path}:" if problem.path else ""
            style = "red" if problem.severity == "error" else "yellow"
            out.print(
                f"{problem.location}: {label} [{problem.code}]{path} {problem.message(lang_)}", style=style
            )
        errors, warnings = len(validation.errors), len(validation.warnings)
        if errors or warnings:
            stderr().print(
                tr("cli-validate-summary", lang_, errors=errors, warnings=warnings, path=str(root))
            )
        else:
            stderr().print(tr("cli-validate-ok", lang_, path=str(root)), style="green")
    code = validation.exit_code(strict)
    if code:
        raise typer.Exit(int(code))
