"""The benchmark runs in its small mode inside `make test`, so it cannot rot. It asserts that it completes
and prints its table, never how fast anything is (that is `make bench`'s job, on a quiet machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).with_name("bench.py")


@pytest.mark.slow
def test_the_benchmark_completes_in_small_mode() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--small"], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| b2c ")]
    assert [line.split(" | ")[0] for line in table] == [
        "| b2c --help",
        "| b2c --version",
        "| b2c validate (example)",
        "| b2c status (example)",
        "| b2c score (example, 104 respondents)",
        "| b2c score, 2,000 x 24 XLSX",
        "| b2c score, 2,000 x 24 CSV",
        "| b2c portfolio, 20 partnerships",
        "| b2c portfolio, 40 partnerships",
    ]
