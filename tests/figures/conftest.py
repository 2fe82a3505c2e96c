"""Fixtures for the tests of the figures layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.kit import copy_example


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of examples/hedemarken-nortec with its results but without its committed reports."""
    return copy_example(tmp_path / "hedemarken")
