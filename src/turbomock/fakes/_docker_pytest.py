"""The ``fake_docker`` pytest fixture: a fresh, active ``FakeDocker`` for one test.

It imports docker-py (through ``turbomock.fakes.docker``) only when a test uses the
fixture, so turbomock's pytest plugin can register it cheaply whether or not docker-py
is installed; using it without docker-py fails with the install hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from turbomock.fakes.docker import FakeDocker


@pytest.fixture
def fake_docker() -> Iterator[FakeDocker]:
    """An in-memory Docker engine behind docker-py, active for the test and undone after it."""
    from turbomock.fakes.docker import FakeDocker

    with FakeDocker() as fake:
        yield fake
