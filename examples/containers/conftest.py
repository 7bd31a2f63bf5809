"""Fixtures of the example tests (``fake_docker`` is turbomock's pytest plugin's)."""

from __future__ import annotations

import pytest

from containers.interface import Bus
from turbomock import Mock


@pytest.fixture
def bus() -> Bus:
    return Bus()


@pytest.fixture
def capture_exception() -> Mock:
    """Stands in for the error reporter the code under test calls (Sentry, in Supervisor)."""
    reporter: Mock = Mock()
    return reporter
