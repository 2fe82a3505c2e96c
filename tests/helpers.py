"""Shared by the tests: the fixed inputs of the golden scaffold, and small helpers to look at folders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from b2c_cli.i18n import CATALOGUES, Lang

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
TODAY = "2025-01-15"

# The inputs of the golden scaffold (tests/golden/scaffold-*) and of the base of tests/cases/invalid.
GOLDEN_FLAGS = [
    "--housing",
    "Bo-Vest",
    "--company",
    "Nortec",
    "--area",
    "Hedemarken",
    "--start",
    "2024-09-01",
    "--size",
    "large",
    "--no-git",
]

# Every file `b2c init` writes for a large partnership, relative to the folder.
SCAFFOLD_FILES = frozenset(
    {
        "b2c.yaml",
        "part1-housing.yaml",
        "part1-company.yaml",
        "part2-joint.yaml",
        "part3-evaluation.yaml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "surveys/README.md",
        ".b2c/schema/b2c.schema.json",
        ".b2c/schema/part1.schema.json",
        ".b2c/schema/part2.schema.json",
        ".b2c/schema/part3.schema.json",
    }
)


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path with '/') and its bytes; .git is left out."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


def snapshot(folder: Path) -> dict[str, tuple[str, bytes, int]]:
    """Everything under `folder` with its kind, bytes and modification time, to prove nothing changed."""
    found: dict[str, tuple[str, bytes, int]] = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        if path.is_dir():
            found[path.relative_to(folder).as_posix()] = ("dir", b"", stat.st_mtime_ns)
        else:
            found[path.relative_to(folder).as_posix()] = ("file", path.read_bytes(), stat.st_mtime_ns)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def fragments(template: str) -> list[str]:
    """The literal pieces of a message template (between its placeholders), stripped."""
    return [literal.strip() for literal, *_ in string.Formatter().parse(template) if literal.strip()]


def foreign_fragments(lang: Lang, min_length: int = 10) -> set[str]:
    """Pieces of message text that belong to the *other* language only: any of them in output that should be
    in `lang` means a message leaked through untranslated."""
    other: Lang = "en" if lang == "da" else "da"
    own_text = "\n".join(CATALOGUES[lang].values())
    return {
        fragment
        for template in CATALOGUES[other].values()
        for fragment in fragments(template)
        if len(fragment) >= min_length and fragment not in own_text
    }


def leaked(text: str, lang: Lang) -> list[str]:
    """The other language's message fragments found in `text` (empty when `text` is all in `lang`)."""
    return sorted(fragment for fragment in foreign_fragments(lang) if fragment in text)


# The modules whose string constants name the problems `b2c validate` reports.
PROBLEM_MODULES = ("workbook/validate.py", "workbook/loading.py", "yamlfile.py")
# Hyphenated constants in those modules that are not problem codes.
NOT_PROBLEM_CODES = frozenset({"utf-8-sig", "kind-mapping", "kind-list", "kind-empty", "kind-text"})
# Reported by a file's age, which a case folder cannot carry (its files are copied today): checked by
# tests/weighting/test_retention.py instead.
DATED_PROBLEM_CODES = frozenset({"raw-export-expired"})


def problem_codes() -> set[str]:
    """Every problem code the loader and the rules can report, read from their source: each hyphenated,
    lower-case string constant (`"dates-out-of-order"`), less the few that are something else."""
    codes: set[str] = set()
    for module in PROBLEM_MODULES:
        tree = ast.parse((REPO / "src" / "b2c_cli" / module).read_text("utf-8"))
        codes.update(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "-" in node.value
            and node.value.replace("-", "").isalnum()
            and node.value == node.value.lower()
        )
    return codes - NOT_PROBLEM_CODES - DATED_PROBLEM_CODES


def pct(value: object, lang: Lang) -> str:
    """A percentage as each language writes it (DESIGN.md §3), written out here independently of b2c's own
    formatting: '41 %' in Danish, '41%' in English; a decimal comma in Danish ('12,5 %')."""
    text = str(value)
    return f"{text.replace('.', ',')} %" if lang == "da" else f"{text}%"


def json_error(stdout: str, exit_code: int) -> dict[str, object]:
    """What a failing command prints on stdout with `--json`: exactly one object, {"error": {...}}, with
    the exit code it ended with. Returns the inner object."""
    import json

    data = json.loads(stdout)
    assert list(data) == ["error"], stdout
    error: dict[str, object] = data["error"]
    assert error["exit_code"] == exit_code, stdout
    return error
