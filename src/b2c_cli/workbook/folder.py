"""A partnership folder: its file names, finding it from anywhere inside, and loading all of its files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from b2c_cli.errors import UsageError
from b2c_cli.i18n import DEFAULT_LANG, Lang, as_lang
from b2c_cli.models import Part1, Part2, Part3, Partnership
from b2c_cli.models.common import Party
from b2c_cli.workbook.loading import load_file
from b2c_cli.workbook.problems import Problem, sort_key
from b2c_cli.yamlfile import YamlDocument, YamlProblem, read_file

PARTNERSHIP_FILE = "b2c.yaml"
PART1_FILES: dict[Party, str] = {"housing": "part1-housing.yaml", "company": "part1-company.yaml"}
PART2_FILE = "part2-joint.yaml"
PART3_FILE = "part3-evaluation.yaml"
WORKBOOK_FILES: tuple[str, ...] = (PARTNERSHIP_FILE, *PART1_FILES.values(), PART2_FILE, PART3_FILE)
SURVEYS_DIR = "surveys"
RESULTS_DIR = "results"
REPORTS_DIR = "reports"
SCHEMA_DIR = ".b2c/schema"

M = TypeVar("M", bound=BaseModel)


def find_root(start: Path) -> Path:
    """The folder holding `b2c.yaml`: `start` or the nearest folder above it, as git finds `.git`."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        marker = folder / PARTNERSHIP_FILE
        if marker.exists() and not marker.is_dir():  # a FIFO in its place is found, then refused as such
            return folder
    raise UsageError("no-partnership", path=str(start))


@dataclass
class Workbook:
    """Every file of one partnership as far as it could be read. A file that is missing or invalid has no
    model; its problems are in `problems`."""

    root: Path
    lang: Lang = DEFAULT_LANG
    partnership: Partnership | None = None
    part1: dict[Party, Part1] = field(default_factory=dict)
    part2: Part2 | None = None
    part3: Part3 | None = None
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    # Files with type errors: the model of the rest, for the guide's rules, and the key paths taken out.
    partial: dict[str, BaseModel] = field(default_factory=dict)
    pruned: dict[str, list[tuple[str | int, ...]]] = field(default_factory=dict)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def mark(self, file: str, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        document = self.documents.get(file)
        if document is None:
            return None, None
        found = document.mark(path)
        return found.line, found.column

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=sort_key)


def load_workbook(root: Path) -> Workbook:
    """Parse and type-check every workbook file that exists. Cross-file rules are `validate`'s job."""
    workbook = Workbook(root)
    for name in WORKBOOK_FILES:
        if (root / name).exists():
            workbook.present.add(name)
    workbook.lang = language_hint(root)

    partnership = _load(workbook, PARTNERSHIP_FILE, Partnership)
    if partnership is not None:
        workbook.partnership = partnership
        workbook.lang = partnership.language
    for party, name in PART1_FILES.items():
        part1 = _load(workbook, name, Part1)
        if part1 is not None:
            workbook.part1[party] = part1
    workbook.part2 = _load(workbook, PART2_FILE, Part2)
    workbook.part3 = _load(workbook, PART3_FILE, Part3)
    return workbook


def _load(workbook: Workbook, name: str, model: type[M]) -> M | None:
    if name not in workbook.present:
        return None
    loaded = load_file(workbook.root / name, name, model)
    if loaded.document is not None:
        workbook.documents[name] = loaded.document
    workbook.problems.extend(loaded.problems)
    if loaded.partial is not None:
        workbook.partial[name] = loaded.partial
        workbook.pruned[name] = loaded.pruned
    return loaded.model


def language_hint(root: Path) -> Lang:
    """The partnership's language even when b2c.yaml has other errors, so every message can use it."""
    try:
        text = read_file(root / PARTNERSHIP_FILE).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, YamlProblem):  # also a FIFO or device: never block on it
        return DEFAULT_LANG
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "language":
            return as_lang(value.split("#")[0].strip().strip("'\""))
    return DEFAULT_LANG
