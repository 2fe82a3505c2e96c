"""`b2c surveys purge [DIR]`: delete the raw exports in surveys/ that are past Part 3's retention, after
confirmation (--yes for scripts). The aggregates and each source's SHA-256 stay in results/; an export no
results file records, or one git tracks, is kept and named."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from b2c_cli.cli.common import DirArgument, DryRunOption, JsonOption, LangOption, begin, partnership_root
from b2c_cli.cli.output import print_json, stdout, warning
from b2c_cli.cli.state import today
from b2c_cli.errors import Refused, WorkbookInvalid
from b2c_cli.i18n import tr

ActionArgument = Annotated[
    Literal["purge"],
    typer.Argument(
        help="What to do with the raw exports: purge (delete those past their retention).", metavar="ACTION"
    ),
]
YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Delete without asking (for scripts); without it b2c asks.")
]


def surveys(
    ctx: typer.Context,
    action: ActionArgument,
    folder: DirArgument = None,
    yes: YesOption = False,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    from b2c_cli.survey.retention import expired, purge
    from b2c_cli.workbook.validate import check, require

    run = begin(ctx, lang, as_json=as_json)
    root = partnership_root(folder)
    lang = run.partnership_lang(root)
    workbook, validation = check(root, today())
    require(validation, "purge-workbook-invalid", ("part3-evaluation.yaml",))
    part3 = workbook.part3
    if part3 is None:
        raise WorkbookInvalid("purge-workbook-invalid", where="part3-evaluation.yaml", count=1)
    days = part3.survey.raw_retention_days
    if days is None:
        raise Refused("purge-no-retention", where="part3-evaluation.yaml")
    found = expired(root, part3, today())
    doomed = [entry for entry in found if entry.verdict == "delete"]
    out = stdout()
    if not as_json:
        for entry in found:
            key = f"purge-{entry.verdict}"
            text = tr(key, lang, file=entry.name, age=entry.age_days, period=entry.period or "", days=days)
            if entry.verdict == "delete":
                out.print(text)
            else:
                warning(text, lang)
        if not found:
            out.print(tr("purge-nothing", lang, days=days))
    deleted = []
    if doomed and not dry_run:
        if not yes:
            if not sys.stdin.isatty():
                raise Refused("purge-needs-yes", count=len(doomed))
            if not typer.confirm(tr("purge-confirm", lang, count=len(doomed)), default=False):
                raise Refused("purge-not-confirmed")
        deleted = purge(doomed)
    if as_json:
        print_json(
            {
                "retention_days": days,
                "dry_run": dry_run,
                "exports": [
                    {
                        "file": entry.name,
                        "age_days": entry.age_days,
                        "sha256": entry.sha256,
                        "action": (
                            "deleted"
                            if entry in deleted
                            else "would-delete"
                            if entry.verdict == "delete"
                            else "kept-" + entry.verdict
                        ),
                        "period": entry.period,
                    }
                    for entry in found
                ],
            }
        )
        return
    if deleted:
        out.print(tr("purge-done", lang, count=len(deleted)))
    elif doomed and dry_run:
        out.print(tr("purge-dry-run", lang, count=len(doomed)))
