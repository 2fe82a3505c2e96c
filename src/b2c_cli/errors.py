"""The one error tree of b2c. Each error knows its exit code (DESIGN.md §5) and renders its message in a
language on request; nothing here prints. The CLI is the single place that turns these into output."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import ClassVar

from b2c_cli.i18n import Lang, tr


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1  # the workbook has problems
    USAGE = 2  # unknown option, missing argument
    INPUT = 3  # an input file is unreadable or invalid
    REFUSED = 4  # refused, to protect data
    INTERNAL = 70  # a bug in b2c


class B2CError(Exception):
    """Root of every error b2c raises on purpose. `key` names a message in the catalogue (b2c_cli.i18n)."""

    exit_code: ClassVar[ExitCode] = ExitCode.INTERNAL

    def __init__(self, key: str, /, *, where: str | None = None, **params: object) -> None:
        self.key = key
        self.where = where  # "file", "file:line" or "file:line:col" the message is about
        self.params: Mapping[str, object] = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang) -> str:
        text = tr(self.key, lang, **self.params)
        return f"{self.where}: {text}" if self.where else text


class UsageError(B2CError):
    exit_code = ExitCode.USAGE


class InputError(B2CError):
    """An input file (survey export, YAML) cannot be read or is not what it claims to be."""

    exit_code = ExitCode.INPUT


class Refused(B2CError):
    """b2c will not do this because it would lose or overwrite the user's data."""

    exit_code = ExitCode.REFUSED


class WorkbookInvalid(B2CError):
    """The partnership folder has validation errors; `report` holds all of them."""

    exit_code = ExitCode.INVALID


def where(file: str, line: int | None = None, column: int | None = None) -> str:
    """The `file:line:col` prefix editors and terminals turn into links."""
    parts = [file]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)
