"""``ThreadingMock``: waiting for calls made in other threads.

The stdlib has ThreadingMock from 3.13; there the parity tests also run against
``unittest.mock`` (the ``mock`` fixture), before that against turbomock alone. The
extensions (``wait_until_call_count``, ``wait_until_any_call``, ``timeout=`` on every
wait) are turbomock's only. Nothing here asserts on time: a wait that must fail
gets a short timeout, one that must succeed either finds the call already made or
is woken by a thread the test releases.
"""

from __future__ import annotations

import threading
import unittest.mock as unittest_mock
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, Callable

import pytest

import turbomock
from engine_support import raised

IMPLS = {"turbomock": turbomock}
if hasattr(unittest_mock, "ThreadingMock"):
    IMPLS["unittest.mock"] = unittest_mock

SHORT = 0.01  # a timeout for waits that must fail


@pytest.fixture(params=list(IMPLS), ids=list(IMPLS))
def mock(request: pytest.FixtureRequest) -> ModuleType:
    return IMPLS[request.param]


@contextmanager
def in_thread(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Iterator[None]:
    """Runs ``func`` in a thread for the duration of the block, then joins it."""
    thread = threading.Thread(target=func, args=args, kwargs=kwargs)
    thread.start()
    try:
        yield
    finally:
        thread.join()


class Something:
    """A spec for ThreadingMocks."""

    def method_1(self) -> None: ...

    def method_2(self) -> None: ...


# -- what a ThreadingMock is ------------------------------------------------------------


def test_is_a_mock_with_magic_methods(mock: ModuleType) -> None:
    """A ThreadingMock is a Mock with MagicMock's magic methods."""
    m = mock.ThreadingMock()
    assert isinstance(m, mock.Mock)
    assert len(m) == 0
    assert int(m) == 1


def test_children_and_return_values_are_threadingmocks(mock: ModuleType) -> None:
    """Attributes, return values and magic methods are ThreadingMocks."""
    m = mock.ThreadingMock()
    assert isinstance(m.child, mock.ThreadingMock)
    assert isinstance(m(), mock.ThreadingMock)
    assert isinstance(m.__str__, mock.ThreadingMock)


def test_spec_restricts_attributes(mock: ModuleType) -> None:
    """``spec`` works as for any mock."""
    m = mock.ThreadingMock(spec=Something)
    assert isinstance(m.method_1, mock.ThreadingMock)
    with pytest.raises(AttributeError):
        m.other  # noqa: B018


def test_default_timeout_is_none(mock: ModuleType) -> None:
    """Without ``timeout`` or a DEFAULT_TIMEOUT, waits wait forever."""
    assert mock.ThreadingMock.DEFAULT_TIMEOUT is None
    assert mock.ThreadingMock()._mock_wait_timeout is None


def test_timeout_argument_is_kept(mock: ModuleType) -> None:
    """``timeout=`` is the mock's wait timeout, not an attribute."""
    m = mock.ThreadingMock(timeout=2)
    assert m._mock_wait_timeout == 2


def test_children_inherit_the_timeout(mock: ModuleType) -> None:
    """Children, return values and magic methods share their parent's timeout."""
    m = mock.ThreadingMock(timeout=2)
    assert m.child._mock_wait_timeout == 2
    assert m.really().__mul__().complex._mock_wait_timeout == 2


def test_default_timeout_is_read_when_the_mock_is_made(
    mock: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DEFAULT_TIMEOUT applies to mocks made while it is set, and only to those."""
    before = mock.ThreadingMock()
    monkeypatch.setattr(mock.ThreadingMock, "DEFAULT_TIMEOUT", 3)
    during = mock.ThreadingMock()
    monkeypatch.undo()
    assert before._mock_wait_timeout is None
    assert during._mock_wait_timeout == 3
    assert during.child._mock_wait_timeout == 3
    assert mock.ThreadingMock()._mock_wait_timeout is None


def test_names_of_its_own_stay_free(mock: ModuleType) -> None:
    """``timeout``, ``event`` and such are ordinary attributes."""
    m = mock.ThreadingMock()
    m.timeout = "mytimeout"
    m.event = "myevent"
    m("works")
    m.wait_until_called()
    m.wait_until_any_call_with("works")
    assert m.timeout == "mytimeout"


# -- waiting ----------------------------------------------------------------------------------


def test_wait_until_called_returns_for_an_earlier_call(mock: ModuleType) -> None:
    """A call made before the wait counts."""
    m = mock.ThreadingMock()
    m()
    m.wait_until_called()


def test_wait_until_called_is_woken_by_another_thread(mock: ModuleType) -> None:
    """A wait without timeout ends when another thread calls the mock."""
    m = mock.ThreadingMock()
    with in_thread(m.method, 1):
        m.method.wait_until_called()
    m.method.assert_called_once_with(1)


def test_wait_until_called_timeout_message(mock: ModuleType) -> None:
    """A wait that times out names the mock and the timeout."""
    m = mock.ThreadingMock(name="job")
    exc = raised(m.wait_until_called, timeout=SHORT)
    assert exc.args == (f"job was not called before timeout({SHORT}).",)


def test_wait_until_called_uses_the_mock_timeout(mock: ModuleType) -> None:
    """Without ``timeout=`` the wait uses the mock's own timeout."""
    m = mock.ThreadingMock(timeout=SHORT)
    exc = raised(m.method_1.wait_until_called)
    assert exc.args == (f"method_1 was not called before timeout({SHORT}).",)


def test_wait_until_any_call_with_matches_arguments(mock: ModuleType) -> None:
    """Only a call with equal arguments ends the wait."""
    m = mock.ThreadingMock(timeout=SHORT)
    m.method(1, 2, key=3)
    m.method.wait_until_any_call_with(1, 2, key=3)
    exc = raised(m.method.wait_until_any_call_with, 2, 1)
    assert exc.args == ("method(2, 1) call not found",)
    with pytest.raises(AssertionError):
        m.method.wait_until_any_call_with()


def test_wait_until_any_call_with_is_woken_by_another_thread(mock: ModuleType) -> None:
    """A wait for given arguments ends when another thread makes that call."""
    m = mock.ThreadingMock()
    m(0)
    with in_thread(m, 1):
        m.wait_until_any_call_with(1)


def test_wait_until_any_call_with_matches_any(mock: ModuleType) -> None:
    """``ANY`` in the expected arguments matches."""
    m = mock.ThreadingMock(timeout=SHORT)
    m(object(), 2)
    m.wait_until_any_call_with(mock.ANY, 2)


def test_magic_method_calls_can_be_waited_for(mock: ModuleType) -> None:
    """Calls of magic methods count like any other."""
    m = mock.ThreadingMock()
    str(m)
    m.__str__.wait_until_called()


def test_reset_mock_resets_the_waits(mock: ModuleType) -> None:
    """After ``reset_mock`` earlier calls no longer end a wait."""
    m = mock.ThreadingMock(timeout=SHORT)
    m(1)
    m.reset_mock()
    with pytest.raises(AssertionError):
        m.wait_until_called()
    with pytest.raises(AssertionError):
        m.wait_until_any_call_with(1)
    m(1)
    m.wait_until_called()
    m.wait_until_any_call_with(1)
    assert m._mock_wait_timeout == SHORT


def test_wait_does_not_end_while_the_side_effect_runs(mock: ModuleType) -> None:
    """A call counts once it has returned: its side effect has finished by then."""
    release = threading.Event()
    m = mock.ThreadingMock(side_effect=lambda: release.wait())

    with in_thread(m):
        with pytest.raises(AssertionError):
            m.wait_until_called(timeout=SHORT)
        release.set()
        m.wait_until_called()


def test_call_whose_side_effect_raised_does_not_count(mock: ModuleType) -> None:
    """As in the stdlib, a call that raised is recorded but never waited for."""
    m = mock.ThreadingMock(side_effect=KeyError, timeout=SHORT)
    with pytest.raises(KeyError):
        m(1)
    assert m.call_count == 1
    with pytest.raises(AssertionError):
        m.wait_until_called()
    with pytest.raises(AssertionError):
        m.wait_until_any_call_with(1)


def test_specced_async_threadingmock_counts_the_call(mock: ModuleType) -> None:
    """A ThreadingMock specced on a coroutine function counts calls when made."""

    async def fetch(url: str) -> None: ...

    m = mock.ThreadingMock(spec=fetch, timeout=SHORT)
    coro = m("url")
    m.wait_until_any_call_with("url")
    try:
        coro.send(None)
    except StopIteration:
        pass
    m.assert_awaited_once_with("url")
    m.reset_mock()
    assert m.await_count == 0
    with pytest.raises(AssertionError):
        m.wait_until_called()


def test_subclass_mock_call_override_still_notifies(mock: ModuleType) -> None:
    """A subclass overriding ``_mock_call`` and calling super() is waited for."""
    seen: list[Any] = []

    class Custom(mock.ThreadingMock):  # type: ignore[name-defined,misc]
        def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            seen.append(args)
            return super()._mock_call(*args, **kwargs)

    m = Custom()
    m(5)
    m.wait_until_any_call_with(5)
    assert seen == [(5,)]


# -- beyond the stdlib ----------------------------------------------------------------------


def test_wait_until_call_count_returns_once_reached() -> None:
    """``wait_until_call_count(n)`` ends when the mock has returned n times."""
    m = turbomock.ThreadingMock()

    def call_three_times() -> None:
        for value in range(3):
            m(value)

    with in_thread(call_three_times):
        m.wait_until_call_count(3)
    m.wait_until_call_count(2)


def test_wait_until_call_count_timeout_message() -> None:
    """A count not reached in time says how many calls there were."""
    m = turbomock.ThreadingMock(name="job")
    m()
    exc = raised(m.wait_until_call_count, 3, timeout=SHORT)
    assert exc.args == (f"job was not called 3 times before timeout({SHORT}). Called 1 times.",)


def test_wait_until_call_count_uses_the_mock_timeout() -> None:
    """Without ``timeout=`` the count wait uses the mock's timeout."""
    m = turbomock.ThreadingMock(timeout=SHORT)
    exc = raised(m.wait_until_call_count, 1)
    assert exc.args == (f"mock was not called 1 times before timeout({SHORT}). Called 0 times.",)


def test_wait_until_call_count_after_reset_starts_from_zero() -> None:
    """``reset_mock`` sets the count the wait sees back to zero."""
    m = turbomock.ThreadingMock(timeout=SHORT)
    m()
    m.reset_mock()
    with pytest.raises(AssertionError, match="Called 0 times"):
        m.wait_until_call_count(1)


def test_wait_until_any_call_with_timeout_is_the_wait_timeout() -> None:
    """``timeout=`` is taken by the wait, never matched against the call."""
    m = turbomock.ThreadingMock()
    m(1)
    m.wait_until_any_call_with(1, timeout=SHORT)
    exc = raised(m.wait_until_any_call_with, 2, timeout=SHORT)
    assert exc.args == ("mock(2) call not found",)


def test_wait_until_any_call_matches_a_timeout_argument_of_the_call() -> None:
    """``wait_until_any_call(call(...))`` matches all the call's own arguments."""
    m = turbomock.ThreadingMock()
    m("url", timeout=5)
    m.wait_until_any_call(turbomock.call("url", timeout=5), timeout=SHORT)
    exc = raised(m.wait_until_any_call, turbomock.call("url", timeout=6), timeout=SHORT)
    assert exc.args == ("mock('url', timeout=6) call not found",)


def test_wait_until_any_call_with_accepts_self_as_argument() -> None:
    """A call with a ``self`` keyword argument can be waited for."""
    m = turbomock.ThreadingMock()
    m(self=1)
    m.wait_until_any_call_with(self=1, timeout=SHORT)


def test_waits_count_calls_that_happen_while_waiting() -> None:
    """Many calls from many threads wake a count wait exactly at the count."""
    m = turbomock.ThreadingMock()
    start = threading.Barrier(4)

    def call_many() -> None:
        start.wait()
        for _ in range(250):
            m()

    threads = [threading.Thread(target=call_many) for _ in range(3)]
    for thread in threads:
        thread.start()
    start.wait()
    m.wait_until_call_count(750)
    for thread in threads:
        thread.join()
    assert m.call_count == 750


def test_waiter_keeps_a_copys_own_await_count() -> None:
    """A mock whose await list a shallow copy shares counts its own awaits; becoming a
    ThreadingMock's waiter keeps that count (not the shared list's length)."""
    from turbomock import _async, _threading

    m = turbomock.AsyncMock()
    st = m._mock_state
    kind = _async._awaits(st)
    kind.record(turbomock.call(1))
    copied = kind.for_copy()  # the original now counts apart: 1
    copied.record(turbomock.call(2))  # the shared list has 2
    assert (kind.awaits(), copied.awaits()) == (1, 2)
    assert _threading._waiter(st).awaits() == 1


def test_reset_mock_is_named_as_the_stdlibs() -> None:
    """``ThreadingMock().reset_mock`` is ``ThreadingMixin.reset_mock``, as 3.13's."""
    assert turbomock.ThreadingMock().reset_mock.__qualname__ == "ThreadingMixin.reset_mock"
    stdlib = getattr(unittest_mock, "ThreadingMock", None)
    if stdlib is not None:
        assert stdlib().reset_mock.__qualname__ == "ThreadingMixin.reset_mock"
