"""What a side effect sees of the frames between the caller and itself.

``sys._getframe(n)`` and ``warnings.warn(..., stacklevel=n)`` inside a side effect
(or a wrapped function) count the mock's own frames; plugins use a fixed
``stacklevel`` to point warnings at the test. So the frames must be the stdlib's:
as many, with the same names.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import unittest.mock
import warnings
from typing import Any, Callable

import pytest

import turbomock
from engine_support import IMPLS, assert_same

PY311 = sys.version_info >= (3, 11)


def _name(frame: Any) -> str:
    code = frame.f_code
    return code.co_qualname if PY311 else code.co_name  # type: ignore[no-any-return]


def _frames_to(stop: str) -> list[str]:
    """Names of the frames from the caller of this one up to ``stop`` (excluded)."""
    frame = sys._getframe(2)
    names = []
    while frame is not None and frame.f_code.co_name != stop:
        names.append(_name(frame))
        frame = frame.f_back
    return names


def _seen_by_side_effect(make: Callable[[Callable[..., Any]], Any]) -> list[str]:
    def effect(*args: Any, **kwargs: Any) -> list[str]:
        return _frames_to("_call_it")

    def _call_it(mock: Any) -> Any:
        return mock()

    return _call_it(make(effect))  # type: ignore[no-any-return]


KINDS: list[Callable[[Any], Callable[[Callable[..., Any]], Any]]] = [
    lambda mod: lambda effect: mod.Mock(side_effect=effect),
    lambda mod: lambda effect: mod.MagicMock(side_effect=effect),
    lambda mod: lambda effect: mod.Mock(wraps=effect),
    lambda mod: lambda effect: mod.MagicMock(spec=effect, side_effect=effect),
    lambda mod: lambda effect: mod.create_autospec(lambda: None, side_effect=effect),
]


@pytest.mark.parametrize("kind", KINDS)
def test_side_effect_sees_the_stdlibs_frames(kind: Any) -> None:
    """A side effect or wrapped function runs under the same frames as with the stdlib."""
    assert _seen_by_side_effect(kind(turbomock)) == _seen_by_side_effect(kind(unittest.mock))


def test_side_effect_frames_are_pinned() -> None:
    """Three frames: ``__call__``, ``_mock_call``, ``_execute_mock_call`` (named so)."""
    seen = _seen_by_side_effect(lambda effect: turbomock.Mock(side_effect=effect))
    expected = ["_execute_mock_call", "_mock_call", "__call__"]
    if PY311:
        expected = [f"CallableMixin.{name}" for name in expected]
    assert seen == expected


def test_threading_mock_frames_are_pythons_313() -> None:
    """ThreadingMock adds its ``_mock_call`` frame, as 3.13's does (on every version)."""
    seen = _seen_by_side_effect(lambda effect: turbomock.ThreadingMock(side_effect=effect))
    expected = ["_execute_mock_call", "_mock_call", "_mock_call", "__call__"]
    if PY311:
        expected = [
            "CallableMixin._execute_mock_call",
            "CallableMixin._mock_call",
            "ThreadingMixin._mock_call",
            "CallableMixin.__call__",
        ]
    assert seen == expected


@pytest.mark.parametrize("mod", IMPLS)
def test_async_side_effect_frame(mod: Any) -> None:
    """An AsyncMock's side effect runs in the coroutine ``_execute_mock_call``."""

    def effect() -> str:
        return _name(sys._getframe(1))

    async def main() -> Any:
        return await mod.AsyncMock(side_effect=effect)()

    name = asyncio.run(main())
    assert name == ("AsyncMockMixin._execute_mock_call" if PY311 else "_execute_mock_call")


@pytest.mark.parametrize("mod", IMPLS)
def test_warning_stacklevel_in_a_side_effect_points_at_the_caller(mod: Any) -> None:
    """``warnings.warn(stacklevel=5)`` in a side effect names the line that called the mock."""

    def effect() -> None:
        warnings.warn("from the side effect", UserWarning, stacklevel=5)

    m = mod.Mock(side_effect=effect)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m()  # the line the warning must name
    line = sys._getframe().f_lineno - 1
    assert [(w.filename, w.lineno) for w in caught] == [(__file__, line)]


def _calls_until_recursion_error(mod: Any, make: Callable[[Any], Any]) -> list[int]:
    """How many calls a mock that is its own side effect records before the recursion
    limit stops it, started from 8 stack depths in turn."""

    def at_depth(extra: int, m: Any) -> Any:
        return m() if extra == 0 else at_depth(extra - 1, m)

    counts: list[int] = []

    def run() -> None:  # in a thread of its own: the same start whatever runs the test
        for extra in range(8):
            m = make(mod)
            m.side_effect = m
            try:
                at_depth(extra, m)
            except RecursionError:
                counts.append(m.call_count)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return counts


@pytest.mark.xfail(
    strict=True,
    reason="turbomock differs [KD-recursion-depth]: a mock whose side effect is itself records "
    "one call more before RecursionError at some stack depths (the stdlib's recording of a "
    "call takes more stack)",
)
@pytest.mark.parametrize(
    "make",
    [lambda mod: mod.Mock(), lambda mod: mod.Mock(parent=mod.Mock(), name="n")],
    ids=["Mock", "Mock with a parent"],
)
def test_self_recursion_stops_after_as_many_calls(make: Callable[[Any], Any]) -> None:
    """A mock that is its own side effect records as many calls as the stdlib's before
    the recursion limit stops it."""
    expected = _calls_until_recursion_error(unittest.mock, make)
    assert _calls_until_recursion_error(turbomock, make) == expected


def test_a_raised_side_effect_shows_the_stdlibs_source_line() -> None:
    """The last line a traceback shows for an exception side effect reads as the
    stdlib's (``raise effect``; ``raise result`` for an iterator's item): a
    real suite's captured logs differed only there."""
    import traceback

    def scenario(impl: Any) -> Any:
        seen = []
        for effect in (ValueError("x"), [KeyError("k")], ValueError):
            m = impl.Mock(side_effect=effect)
            try:
                m()
            except Exception as exc:
                frames = traceback.extract_tb(exc.__traceback__)
                seen.append((frames[-1].line, len(frames)))
        return seen

    assert_same(scenario)
