"""The ``mocker`` fixture family, at every scope.

The plugin registers this module only when pytest-mock is not loaded; with
pytest-mock, its own fixtures run on turbomock through the switch.
"""

from __future__ import annotations

import pytest

from turbomock._mocker import MockerFixture, make_fixture

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["class_mocker", "mocker", "module_mocker", "package_mocker", "session_mocker"]


@pytest.fixture
def mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    """The mock API; every patch it starts is undone after the test."""
    yield from make_fixture(pytestconfig)


@pytest.fixture(scope="class")
def class_mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    """``mocker`` whose patches last for the test class."""
    yield from make_fixture(pytestconfig)


@pytest.fixture(scope="module")
def module_mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    """``mocker`` whose patches last for the module."""
    yield from make_fixture(pytestconfig)


@pytest.fixture(scope="package")
def package_mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    """``mocker`` whose patches last for the package."""
    yield from make_fixture(pytestconfig)


@pytest.fixture(scope="session")
def session_mocker(pytestconfig: pytest.Config) -> Iterator[MockerFixture]:
    """``mocker`` whose patches last for the whole session."""
    yield from make_fixture(pytestconfig)
