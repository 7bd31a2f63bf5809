"""The ``fake_subprocess`` pytest fixture (the fake itself never imports pytest).

Importing this module costs nothing beyond pytest: the fake (and asyncio with it) is
imported when a test first asks for the fixture, so a plugin may import this freely.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from turbomock.fakes.subprocess import FakeSubprocess

__all__ = ["fake_subprocess"]


@pytest.fixture
def fake_subprocess(request: pytest.FixtureRequest) -> Iterator[FakeSubprocess]:
    """A strict ``FakeSubprocess``, active for the test.

    At teardown everything is restored; the registrations are verified only when the
    test itself passed, so a failing test is not reported a second time. A failed
    check is reported as its message alone (no traceback of this fixture).
    """
    from turbomock.fakes.subprocess import FakeSubprocess, FakeSubprocessError

    failed_before = request.session.testsfailed
    fake = FakeSubprocess().start()
    try:
        yield fake
    finally:
        fake.stop(verify=False)
    if request.session.testsfailed == failed_before:
        try:
            fake.verify()
        except FakeSubprocessError as exc:
            pytest.fail(str(exc), pytrace=False)
