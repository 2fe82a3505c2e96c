"""Fixtures for the tests of `b2c report`."""

from __future__ import annotations

from pathlib import Path

import pytest

from b2c_cli.i18n import Lang

from .kit import copy_example, render


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of examples/hedemarken-nortec with its results but without its committed reports."""
    return copy_example(tmp_path / "hedemarken")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[Lang, Path]:
    """The example's reports in Danish and in English, rendered once for every test that only reads them:
    language -> the folder holding the six files."""
    folder = copy_example(tmp_path_factory.mktemp("rendered") / "hedemarken")
    folders: dict[Lang, Path] = {}
    for lang in ("da", "en"):
        folders[lang] = folder.parent / f"reports-{lang}"
        render(folder, "--lang", lang, output=folders[lang])
    return folders
