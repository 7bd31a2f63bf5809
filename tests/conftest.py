"""Shared test configuration: pytester for the tests that run pytest itself, and the
``mock`` fixture (also named ``impl``) for the tests that hold both libraries to the
same expectations. Fixtures only some files use live in the support modules:
``patch_support`` (the patch tests' ``mock``), ``explain_support`` (explanations off)."""

from __future__ import annotations

from typing import Any

import pytest

from engine_support import IMPLS

pytest_plugins = ["pytester"]


@pytest.fixture(params=IMPLS)
def mock(request: pytest.FixtureRequest) -> Any:
    """``unittest.mock``, then turbomock: a test taking ``mock`` runs against each."""
    return request.param


@pytest.fixture
def impl(mock: Any) -> Any:
    """``mock`` under another name, for the test files where ``mock`` names a mock."""
    return mock
