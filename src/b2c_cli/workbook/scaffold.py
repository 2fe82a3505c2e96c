"""`b2c init`: a new partnership folder from the templates, every question of the guide beside the key it
belongs to. Everything is rendered in memory first; then only missing files are written, and a failure
half-way removes what this run created. An existing file is never overwritten."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from b2c_cli import gitutil
from b2c_cli.atomic import write_atomic
from b2c_cli.errors import InputError, Refused
from b2c_cli.i18n import Lang, tr
from b2c_cli.models import FIXED_INDICATOR_IDS, SCHEMA_VERSION
from b2c_cli.models.common import Party, Size
from b2c_cli.rendering import environment
from b2c_cli.resources import field_doc, texts
from b2c_cli.workbook.folder import (
    PART1_FILES,
    PART2_FILE,
    PART3_FILE,
    PARTNERSHIP_FILE,
    SCHEMA_DIR,
    SURVEYS_DIR,
)
from b2c_cli.workbook.schema import render_schemas


@dataclass(frozen=True)
class InitOptions:
    housing: str
    company: str
    area: str
    start_date: date
    lang: Lang = "da"
    size: Size = "large"
    git: bool = True
    housing_contact: str | None = None  # the contact person's name, as `init` asked for it
    company_contact: str | None = None


@dataclass(frozen=True)
class PlannedFile:
    path: str  # relative, with forward slashes
    content: str


@dataclass
class InitResult:
    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there, left exactly as they were
    git_init: bool = False  # a repository was (or, in a dry run, would be) created
    git_missing: bool = False
    dry_run: bool = False
    first_commit: str | None = None  # the commit of what init wrote, when it ran git init


def genitive(name: str, lang: Lang) -> str:
    """'Nortec' -> 'Nortecs' / "Nortec's"; names ending in s keep just the apostrophe."""
    if lang == "da":
        return name + ("'" if name[-1:].lower() in "sxz" else "s")
    return name + ("'" if name[-1:].lower() == "s" else "'s")


def render_scaffold(options: InitOptions) -> list[PlannedFile]:
    """Every file of a new partnership, rendered from templates/scaffold in the chosen language."""
    lang = options.lang
    words = texts(lang)
    env = environment("scaffold")
    env.globals["doc"] = lambda model, name: field_doc(model, name, lang) or ""
    fixed = []
    for indicator_id in FIXED_INDICATOR_IDS:
        spec: dict[str, Any] = words["fixed_indicators"][indicator_id]
        statement = spec["statement"].format(
            company=options.company, company_genitive=genitive(options.company, lang)
        )
        fixed.append({**spec, "id": indicator_id, "statement": statement})
    start = options.start_date
    context: dict[str, Any] = {
        "t": words,
        "lang": lang,
        "schema_version": SCHEMA_VERSION,
        "name": words["name_pattern"].format(
            housing=options.housing, company=options.company, area=options.area
        ),
        "housing": options.housing,
        "company": options.company,
        "area": options.area,
        "size": options.size,
        "housing_contact": options.housing_contact,
        "company_contact": options.company_contact,
        "start_date": start.isoformat(),
        "periods": [
            {"id": "baseline", "year": start.year},
            {"id": str(start.year + 1), "year": start.year + 1},
        ],
        "fixed": fixed,
        "example_meeting": _months_later(start, 3).isoformat(),
        "example_count_id": words["example_count_id"],
    }

    def render(template: str, **extra: Any) -> str:
        return env.get_template(template).render(**context, **extra)

    files = [PlannedFile(PARTNERSHIP_FILE, render("b2c.yaml.j2"))]
    parties: list[Party] = ["housing", "company"] if options.size == "large" else ["housing"]
    files += [PlannedFile(PART1_FILES[party], render("part1.yaml.j2", party=party)) for party in parties]
    files += [
        PlannedFile(PART2_FILE, render("part2.yaml.j2")),
        PlannedFile(PART3_FILE, render("part3.yaml.j2")),
        PlannedFile(".gitignore", render("gitignore.j2")),
        PlannedFile(".pre-commit-config.yaml", render("pre-commit-config.yaml.j2")),
        PlannedFile(f"{SURVEYS_DIR}/README.md", render("surveys-README.md.j2")),
    ]
    files += [PlannedFile(f"{SCHEMA_DIR}/{name}", text) for name, text in render_schemas(lang).items()]
    return files


def _months_later(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, 28))


def init_partnership(target: Path, options: InitOptions, *, force: bool, dry_run: bool) -> InitResult:
    """Create the partnership at `target`; with `force`, add only the files that are missing."""
    if target.exists() and not target.is_dir():
        raise Refused("init-target-is-file", path=str(target))
    if not force:
        if (target / PARTNERSHIP_FILE).exists():
            raise Refused("init-existing-partnership", path=str(target))
        if target.is_dir() and any(target.iterdir()):
            raise Refused("init-not-empty", path=str(target))

    result = InitResult(target, dry_run=dry_run)
    planned = render_scaffold(options)
    missing = [f for f in planned if not (target / f.path).exists()]
    result.kept = [f.path for f in planned if (target / f.path).exists()]
    result.created = [f.path for f in missing]
    # A partnership that exists already chose about git when it was made (perhaps --no-git): leave it.
    if options.git and not (target / PARTNERSHIP_FILE).exists():
        if not gitutil.available():
            result.git_missing = True
        else:
            result.git_init = not gitutil.inside_work_tree(_nearest_existing(target))
    if dry_run:
        return result

    _write_all(target, missing)
    if result.git_init and not gitutil.init(target):
        result.git_init = False
        result.git_missing = True
    if result.git_init:
        # The first version: what init wrote, so `b2c history` and `git diff` start from it.
        result.first_commit = gitutil.commit(
            target, [f.path for f in missing], tr("init-first-commit", options.lang)
        )
    return result


def _nearest_existing(path: Path) -> Path:
    path = path.resolve()
    while not path.exists():
        path = path.parent
    return path


def _write_all(target: Path, files: list[PlannedFile]) -> None:
    """Write `files` under `target`; on any failure, remove what was created here and raise."""
    made: list[Path] = []  # files and folders this run created, in order
    try:
        for folder in [target, *sorted({(target / f.path).parent for f in files})]:
            missing_dirs = [p for p in (folder, *folder.parents) if not p.exists()]
            for new_dir in reversed(missing_dirs):
                new_dir.mkdir()
                made.append(new_dir)
        for planned in files:
            path = target / planned.path
            write_atomic(path, planned.content)
            made.append(path)
    except OSError as exc:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() else path.unlink()
        raise InputError(
            "cannot-write", path=str(exc.filename or target), reason=exc.strerror or str(exc)
        ) from None
