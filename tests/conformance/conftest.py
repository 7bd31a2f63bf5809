"""Prints the per-module CPython-suite figures at the end of every run, pass or fail."""

from __future__ import annotations

import platform
from typing import cast

import pytest

_lines: dict[str, list[str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect each suite module's summary line, once per test (at teardown)."""
    if report.when != "teardown":
        return
    for name, value in report.user_properties:
        if name == "conformance":
            impl, line = cast("tuple[str, str]", value)
            _lines.setdefault(impl, []).append(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One section per implementation measured."""
    for impl, lines in _lines.items():
        terminalreporter.section(
            f"CPython's unittest.mock suite against {impl} (Python {platform.python_version()})"
        )
        for line in lines:
            terminalreporter.line(line)
