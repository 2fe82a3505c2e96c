"""Fixtures for the end-to-end tests of `b2c score`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .kit import copy_partnership


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of examples/hedemarken-nortec without its results, in tmp_path (not in git)."""
    return copy_partnership(tmp_path)
