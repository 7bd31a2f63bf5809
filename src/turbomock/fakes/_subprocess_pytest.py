"""The ``fake_subprocess`` pytest fixture (the fake itself never imports pytest)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from turbomock.fakes.subprocess import FakeSubprocess

__all__ = ["fake_subprocess"]


@pytest.fixture
def fake_subprocess(request: pytest.FixtureRequest) -> Iterator[FakeSubprocess]:
    """A strict ``FakeSubprocess``, active for the test.

    At teardown everything is restored; the registrations are verified only when the
    test itself passed, so a failing test is not reported a second time.
    """
    failed_before = request.session.testsfailed
    fake = FakeSubprocess().start()
    try:
        yield fake
    finally:
        fake.stop(verify=request.session.testsfailed == failed_before)
