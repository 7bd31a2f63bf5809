"""Shared test configuration: pytester for the tests that run pytest itself, and the
``mock`` fixture for the tests that hold both libraries to the same expectations."""

from __future__ import annotations

from typing import Any

import pytest

from engine_support import IMPLS

pytest_plugins = ["pytester"]


@pytest.fixture(params=IMPLS)
def mock(request: pytest.FixtureRequest) -> Any:
    """``unittest.mock``, then turbomock: a test taking ``mock`` runs against each."""
    return request.param
