"""Small helpers for the ingest tests: read an export whole, and expect an InputError by key and place."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from b2c_cli.errors import ExitCode, InputError
from b2c_cli.i18n import LANGS
from b2c_cli.ingest import Cell, Export, ProgressCallback, open_export


def read(
    path: Path, sheet: str | None = None, progress: ProgressCallback | None = None
) -> tuple[Export, list[tuple[int, Sequence[Cell]]]]:
    export = open_export(path, sheet=sheet, progress=progress)
    return export, list(export.rows)


@contextmanager
def input_error(key: str, where: str, **params: object) -> Iterator[None]:
    """The block raises InputError `key` at `where` (exit 3), with at least `params`, and its message
    renders in every language."""
    with pytest.raises(InputError) as info:
        yield
    error = info.value
    assert (error.key, error.where) == (key, where), (error.key, error.where, dict(error.params))
    assert error.exit_code == ExitCode.INPUT
    for name, value in params.items():
        assert error.params[name] == value, (name, error.params)
    for lang in LANGS:
        assert error.message(lang).startswith(f"{where}: ")
