"""`b2c save` and `b2c history`: versions of a partnership without knowing git. Git stays the store; b2c
commits the partnership's own files (workbooks, results, reports, questionnaires) and never anything under
surveys/ (raw answers are personal data), and tells what each saved version changed in words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from b2c_cli import gitutil
from b2c_cli.errors import InputError, UsageError
from b2c_cli.i18n import Lang, tr
from b2c_cli.workbook.folder import (
    PART1_FILES,
    PART2_FILE,
    PART3_FILE,
    PARTNERSHIP_FILE,
    RESULTS_DIR,
    SURVEYS_DIR,
)
from b2c_cli.yamlfile import YamlProblem, parse

PART_KEYS: dict[str, str] = {
    PARTNERSHIP_FILE: "versions-part-partnership",
    PART1_FILES["housing"]: "versions-part1-housing",
    PART1_FILES["company"]: "versions-part1-company",
    PART2_FILE: "versions-part2",
    PART3_FILE: "versions-part3",
}


@dataclass(frozen=True)
class Saved:
    commit: str | None  # None: nothing had changed
    files: list[str]


@dataclass(frozen=True)
class Version:
    commit: str
    date: str
    message: str
    changes: str  # in words


def _require_git(root: Path) -> None:
    if not gitutil.available():
        raise UsageError("versions-no-git-program")
    if not gitutil.inside_work_tree(root):
        raise UsageError("versions-no-repository", path=str(root))


def own_files(files: list[str]) -> list[str]:
    """The partnership's own files among `files`: everything but surveys/."""
    return [name for name in files if not (name == SURVEYS_DIR or name.startswith(SURVEYS_DIR + "/"))]


def save(root: Path, message: str) -> Saved:
    """Commit the partnership's changed files with `message`."""
    _require_git(root)
    if not message.strip():
        raise UsageError("versions-empty-message")
    files = own_files(gitutil.changed_files(root))
    if not files:
        return Saved(None, [])
    commit = gitutil.commit(root, files, message.strip())
    if commit is None:
        raise InputError("versions-commit-failed", where=str(root))
    return Saved(commit, files)


def history(root: Path, lang: Lang, limit: int = 50) -> list[Version]:
    """The saved versions, newest first, each with what changed in words."""
    _require_git(root)
    return [
        Version(commit[:7], day, message, describe(root, commit, lang))
        for commit, day, message in gitutil.log(root, limit)
    ]


def describe(root: Path, commit: str, lang: Lang) -> str:
    """'Del 2: 3 svar ændret; resultater for 2026 tilføjet' for one commit."""
    said: list[str] = []
    others = 0
    for status, name in gitutil.changes(root, commit):
        if name in PART_KEYS:
            part = tr(PART_KEYS[name], lang)
            if status == "A":
                said.append(tr("versions-part-added", lang, part=part))
            elif status == "D":
                said.append(tr("versions-part-removed", lang, part=part))
            else:
                count = _answers_changed(root, commit, name)
                said.append(tr("versions-answers", lang, part=part, count=count))
        elif name.startswith(RESULTS_DIR + "/") and name.endswith(".yaml"):
            period = name.removeprefix(RESULTS_DIR + "/").removesuffix(".yaml")
            key = {"A": "versions-results-added", "D": "versions-results-removed"}.get(
                status, "versions-results-changed"
            )
            said.append(tr(key, lang, period=period))
        else:
            others += 1
    if others:
        said.append(tr("versions-other-files", lang, count=others))
    return "; ".join(said) if said else tr("versions-nothing", lang)


def _answers_changed(root: Path, commit: str, name: str) -> int:
    """How many answers (leaf values) differ in `name` between the commit and the one before it."""
    before = _leaves(gitutil.show(root, f"{commit}^", name))
    after = _leaves(gitutil.show(root, commit, name))
    keys = set(before) | set(after)
    return sum(1 for key in keys if before.get(key) != after.get(key))


def _leaves(raw: bytes | None) -> dict[str, Any]:
    if raw is None:
        return {}
    try:
        data = parse(raw).data
    except YamlProblem:
        return {"": raw}
    found: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif value is not None:
            found[path] = value

    walk(data, "")
    return found
