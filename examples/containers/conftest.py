"""Fixtures of the example tests."""

from __future__ import annotations

import pytest

from containers.interface import Bus
from turbomock import Mock
from turbomock.fakes._docker_pytest import fake_docker as fake_docker


@pytest.fixture
def bus() -> Bus:
    return Bus()


@pytest.fixture
def capture_exception() -> Mock:
    """Stands in for the error reporter the code under test calls (Sentry, in Supervisor)."""
    reporter: Mock = Mock()
    return reporter
