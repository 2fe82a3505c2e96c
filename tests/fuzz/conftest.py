"""Print how many inputs each fuzz target tried, and what became of them, at the end of the session."""

from __future__ import annotations

import pytest

from . import harness


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        harness.add_wall_time(report.nodeid.rpartition("::")[2].split("[")[0], report.duration)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = harness.summary()
    if lines:
        terminalreporter.section("fuzz")
        for line in lines:
            terminalreporter.write_line(line)
