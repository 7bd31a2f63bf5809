"""Shared by the explanation tests: switching turbomock's settings for one test, and
splitting a failure into the stdlib's message and turbomock's explanation.

An explained failure must start with exactly the message ``unittest.mock`` gives
for the same scenario; ``explanation(scenario)`` checks that, then returns what
follows (after the blank line), which the tests pin word for word.
"""

from __future__ import annotations

import asyncio
import unittest.mock
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable

import pytest

import turbomock


@contextmanager
def settings(*, explain: bool = False, strict: bool = False) -> Iterator[None]:
    """turbomock configured so for the block, then as it was."""
    previous = turbomock.configure(explain=explain, strict=strict)
    try:
        yield
    finally:
        turbomock.configure(**previous._asdict())


@pytest.fixture(autouse=True)
def explanations_off_around() -> Any:
    """Autouse where imported: explanations off for each test, whatever the run's setting."""
    with settings(explain=False):
        yield


def message(assertion: Callable[[], Any]) -> str:
    """The message of the AssertionError ``assertion()`` raises."""
    with pytest.raises(AssertionError) as info:
        assertion()
    return str(info.value)


def stdlib_and_ours(scenario: Callable[[Any], Any]) -> tuple[str, str]:
    """``scenario(module)``'s failure message with ``unittest.mock`` and with
    turbomock explaining."""
    theirs = message(lambda: scenario(unittest.mock))
    with settings(explain=True):
        ours = message(lambda: scenario(turbomock))
    return theirs, ours


def explanation(scenario: Callable[[Any], Any]) -> str:
    """What turbomock appends to the stdlib's message for ``scenario`` ("" if nothing)."""
    __tracebackhide__ = True
    theirs, ours = stdlib_and_ours(scenario)
    if ours == theirs:
        return ""
    assert ours.startswith(theirs + "\n\n"), f"not the stdlib's message first:\n{ours}"
    return ours[len(theirs) + 2 :]


def awaited(mock: Any, *calls: tuple[tuple[Any, ...], dict[str, Any]]) -> Any:
    """``mock`` after each call in ``calls`` was made and awaited."""

    async def run() -> None:
        for args, kwargs in calls:
            await mock(*args, **kwargs)

    asyncio.run(run())
    return mock
