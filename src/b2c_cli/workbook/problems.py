"""A validation finding: where it is (file, line, column, key path), a stable code, and a message in the
partnership's language. Findings are collected, never raised one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from b2c_cli.errors import where
from b2c_cli.i18n import Lang, tr

Severity = Literal["error", "warning"]

# Problems that mean a file could not be read at all (exit 3 rather than 1).
UNREADABLE_PREFIX = "yaml-"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    severity: Severity = "error"
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def location(self) -> str:
        return where(self.file, self.line, self.column)

    @property
    def unreadable(self) -> bool:
        return self.code.startswith(UNREADABLE_PREFIX)

    def message(self, lang: Lang) -> str:
        return tr(self.code, lang, **self.params)

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """The stable JSON shape of `b2c validate --json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
        }


def format_path(path: Iterable[str | int]) -> str:
    """('indicators', 0, 'target') -> 'indicators[0].target'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.code)
