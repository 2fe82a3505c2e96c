"""`b2c init DIR`: scaffold a partnership folder."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from b2c_cli.cli.common import begin
from b2c_cli.cli.output import message, stdout, warning
from b2c_cli.cli.state import today
from b2c_cli.errors import InputError, UsageError
from b2c_cli.i18n import Lang, tr

if TYPE_CHECKING:
    from b2c_cli.workbook.scaffold import InitOptions, InitResult


Size = Literal["small", "large"]


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(help="The folder to create the partnership in.", show_default=False, metavar="DIR"),
    ],
    housing: Annotated[str | None, typer.Option(help="The housing organisation, e.g. Bo-Vest.")] = None,
    company: Annotated[str | None, typer.Option(help="The company, e.g. Nortec.")] = None,
    area: Annotated[str | None, typer.Option(help="The area or housing estate, e.g. Hedemarken.")] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            help="Language of the files and messages: da or en (default: B2C_LANG, else da). With --force "
            "in a partnership, new files keep its language.",
            show_default=False,
        ),
    ] = None,
    size: Annotated[
        str | None,
        typer.Option(
            help="small (lille): one concrete action; large (stor): both parties prepare Part 1.",
            show_default=False,
        ),
    ] = None,
    housing_contact: Annotated[
        str | None, typer.Option(help="The housing organisation's contact person, e.g. 'Sara Holm'.")
    ] = None,
    company_contact: Annotated[
        str | None, typer.Option(help="The company's contact person, e.g. 'Jonas Berg'.")
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="Start date of the partnership, YYYY-MM-DD (default: today).")
    ] = None,
    no_git: Annotated[bool, typer.Option("--no-git", help="Do not run 'git init'.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Add missing files to an existing folder; never overwrite.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be written; write nothing.")
    ] = False,
) -> None:
    from b2c_cli.workbook.scaffold import init_partnership

    run = begin(ctx, lang)
    options = _existing_partnership(folder) if force else None
    if options is not None:
        run.partnership_lang(folder)
    else:
        chosen_size: Size | None = _size_of(size) if size is not None else None
        values = _ask_missing({"housing": housing, "company": company, "area": area}, run.lang)
        chosen_size = chosen_size or _ask_size(run.lang)
        contacts = _ask_contacts(housing_contact, company_contact, chosen_size, run.lang)
        options = _new_options(values, _parse_start(start), chosen_size, run.lang)
        options = dataclasses.replace(options, housing_contact=contacts[0], company_contact=contacts[1])
    options = dataclasses.replace(options, git=not no_git)
    result = init_partnership(folder, options, force=force, dry_run=dry_run)
    _show(result, folder, dry_run=dry_run, git_wanted=not no_git, lang=run.lang)


def _new_options(values: dict[str, str], start: date, size: Size, lang: Lang) -> InitOptions:
    from b2c_cli.workbook.scaffold import InitOptions

    return InitOptions(
        housing=values["housing"],
        company=values["company"],
        area=values["area"],
        start_date=start,
        lang=lang,
        size=size,
    )


def _show(result: InitResult, folder: Path, *, dry_run: bool, git_wanted: bool, lang: Lang) -> None:
    """Each file written (or, in a dry run, that would be) and kept; git; the next step."""
    out = stdout()
    verb = "cli-init-would-write" if dry_run else "cli-init-wrote"
    for name in result.created:
        out.print(tr(verb, lang, path=str(folder / name)))
    for name in result.kept:
        out.print(tr("cli-init-kept", lang, path=str(folder / name)))
    if result.git_init:
        out.print(tr("cli-init-git-would" if dry_run else "cli-init-git", lang, path=str(folder)))
    if result.first_commit:
        out.print(tr("cli-init-first-commit", lang, commit=result.first_commit))
    if result.git_missing and git_wanted:
        warning(tr("cli-init-no-git", lang), lang)
    if not dry_run:
        message("cli-init-next", lang, path=str(folder))


def _existing_partnership(folder: Path) -> InitOptions | None:
    """With --force in an existing partnership, new files follow its b2c.yaml, not the flags."""
    from b2c_cli.models import Partnership
    from b2c_cli.workbook.folder import PARTNERSHIP_FILE
    from b2c_cli.workbook.loading import load_file
    from b2c_cli.workbook.scaffold import InitOptions

    path = folder / PARTNERSHIP_FILE
    if not path.is_file():
        return None
    loaded = load_file(path, PARTNERSHIP_FILE, Partnership)
    if loaded.model is None:
        first = loaded.problems[0]
        raise InputError("cli-init-broken-partnership", where=first.location, file=PARTNERSHIP_FILE)
    p = loaded.model
    return InitOptions(
        housing=p.housing.name,
        company=p.company.name,
        area=p.area.name,
        start_date=p.start_date,
        lang=p.language,
        size=p.size,
    )


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask_missing(values: dict[str, str | None], lang: Lang) -> dict[str, str]:
    missing = [name for name, value in values.items() if not value]
    if missing and not _interactive():
        raise UsageError("cli-init-missing", options=", ".join(f"--{name}" for name in missing))
    answers = {name: value for name, value in values.items() if value}
    for name in missing:
        answers[name] = typer.prompt(tr(f"cli-init-ask-{name}", lang)).strip()
    return answers


def _size_of(answer: str) -> Size:
    """small/large, or the Danish lille/stor."""
    from b2c_cli.workbook.choices import choice

    value = choice(answer, ("small", "large"))
    if value == "small":
        return "small"
    if value == "large":
        return "large"
    raise UsageError("cli-init-bad-size", value=answer)


def _ask_size(lang: Lang) -> Size:
    """The size, asked until the answer is one (lille/stor or small/large); large without a terminal."""
    if not _interactive():
        return "large"
    default = "stor" if lang == "da" else "large"
    while True:
        answer = typer.prompt(tr("cli-init-ask-size", lang), default=default).strip()
        try:
            return _size_of(answer)
        except UsageError as problem:
            warning(problem.message(lang), lang)


def _ask_contacts(
    housing: str | None, company: str | None, size: Size, lang: Lang
) -> tuple[str | None, str | None]:
    """The contact persons: the flags, else asked on a terminal (Enter skips)."""
    if not _interactive():
        return housing, company
    if housing is None:
        housing = typer.prompt(tr("cli-init-ask-housing-contact", lang), default="", show_default=False)
    if company is None:
        company = typer.prompt(tr("cli-init-ask-company-contact", lang), default="", show_default=False)
    return (housing or "").strip() or None, (company or "").strip() or None


def _parse_start(start: str | None) -> date:
    if start is None:
        return today()
    try:
        return date.fromisoformat(start)
    except ValueError:
        raise UsageError("cli-bad-date", value=start, option="--start") from None
