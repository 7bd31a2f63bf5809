"""``ThreadingMock``: a mock a test can wait on until another thread calls it.

The stdlib keeps an ``Event`` for "any call" plus one ``Event`` per distinct argument
list, made on every call. Here a ThreadingMock keeps the list of its finished calls and,
once someone waits, one ``Condition``: a call appends to the list and wakes the
waiters, each of which re-checks what it waits for (any call, a call with given
arguments, a number of calls). So a call costs one append, waits are exact, and
creating the mock costs what creating a ``MagicMock`` costs.

A call counts for the waits once it has *returned*, as in the stdlib (which sets its
events after the call): a wait never ends while the call's side effect still runs, and
a call whose side effect raised is never waited for.
"""

from __future__ import annotations

import threading

from turbomock import _messages as msg
from turbomock._async import _Awaits
from turbomock._attributes import passthrough
from turbomock._base import Base
from turbomock._call_lists import AwaitList
from turbomock._calls import _Call
from turbomock._class_holder import own_classes
from turbomock._magic import MagicMixin
from turbomock._mock import (
    Mock,
)
from turbomock._sentinels import sentinel
from turbomock._state import MockState, lock

_UNSET: Any = sentinel.TIMEOUT_UNSET

# For the type checker the mixin is what it is always combined with.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from turbomock._mock import Mock as _MixinBase
else:
    _MixinBase = Base


class _Waiter(_Awaits):
    """A ThreadingMock's state: its timeout, finished calls and condition.

    Subclasses ``_Awaits`` so that a ThreadingMock made async by its spec keeps its
    await records in the same object.
    """

    __slots__ = ("timeout", "done", "cond")

    def __init__(self, timeout: Any) -> None:
        _Awaits.__init__(self)
        self.timeout = timeout
        self.done: list[Any] = []  # (args, kwargs) of every call that has returned
        self.cond: threading.Condition | None = None  # made by the first wait

    def reset(self) -> None:
        _Awaits.reset(self)
        self.done = []

    def condition(self) -> threading.Condition:
        cond = self.cond
        if cond is None:
            with lock:
                cond = self.cond
                if cond is None:
                    cond = self.cond = threading.Condition(threading.Lock())
        return cond


def _waiter(st: MockState) -> _Waiter:
    """The mock's ``_Waiter``, made on first need (taking over any await records)."""
    extra = st.extra
    kind = None if extra is None else extra.kind
    if type(kind) is _Waiter:
        return kind
    with lock:
        kind = st.kind
        if type(kind) is not _Waiter:
            waiter = _Waiter(None)
            if kind is not None:  # plain await records: keep the same objects
                waiter.records = records = kind.records
                if type(records) is AwaitList and records._state is kind:
                    records._state = waiter  # a change to it now books the waiter
                waiter.last = kind.last
                waiter.count = kind.count  # (set once a copy shares the list)
            kind = st.kind = waiter
    return kind


def _finished(st: MockState, record: Any) -> None:
    """A call has returned: make it visible to the waits and wake the waiters."""
    extra = st.extra
    waiter = None if extra is None else extra.kind
    if type(waiter) is not _Waiter:
        waiter = _waiter(st)
    waiter.done.append(record)
    cond = waiter.cond
    if cond is not None:
        with cond:
            cond.notify_all()


def _reset_waits(mock: Any) -> None:
    """``reset_mock`` hook: the waits start over (the timeout stays)."""
    extra = mock._mock_state.extra
    if extra is not None and extra.kind is not None:
        extra.kind.reset()


class _Matches:
    """Predicate: a finished call equals ``(args, kwargs)``; scans each call once."""

    __slots__ = ("waiter", "expected", "seen", "position")

    def __init__(self, waiter: _Waiter, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.waiter = waiter
        self.expected = (args, kwargs)
        self.seen: list[Any] | None = None
        self.position = 0

    def __call__(self) -> bool:
        done = self.waiter.done
        if done is not self.seen:  # first check, or reset_mock started a new list
            self.seen = done
            self.position = 0
        expected = self.expected
        # Recorded on the left, as the stdlib compares: (args, kwargs) == expected.
        for record in done[self.position :]:
            self.position += 1
            if (record[0], record[1]) == expected:
                return True
        return False


class ThreadingMixin(_MixinBase):
    """Adds waiting for calls made in other threads (see ``ThreadingMock``)."""

    #: The timeout of ThreadingMocks made without ``timeout=`` (None: wait forever).
    DEFAULT_TIMEOUT: Any = None

    _mock_reset_hook = _reset_waits
    _mock_kind_state = staticmethod(_waiter)

    def reset_mock(self, /, *args: Any, **kwargs: Any) -> None:
        """Also start the waits over (done by ``_mock_reset_hook`` for every mock the
        reset reaches; this method is the stdlib's, named as it is)."""
        super().reset_mock(*args, **kwargs)

    def __init__(self, /, *args: Any, timeout: Any = _UNSET, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if timeout is _UNSET:
            timeout = self.DEFAULT_TIMEOUT
        if timeout is not None:
            _waiter(self._mock_state).timeout = timeout

    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        result = super()._mock_call(*args, **kwargs)
        _finished(self._mock_state, (args, kwargs))
        return result

    def _get_child_mock(self, /, **kw: Any) -> Any:
        """Children inherit the timeout of their parent."""
        parent = kw.get("parent")
        if isinstance(parent, ThreadingMixin):
            kw["timeout"] = parent._mock_wait_timeout
        else:
            new_parent = kw.get("_new_parent")
            if isinstance(new_parent, ThreadingMixin):
                kw["timeout"] = new_parent._mock_wait_timeout
        return super()._get_child_mock(**kw)

    @property
    def _mock_wait_timeout(self) -> Any:
        """The timeout the waits use when given none."""
        extra = self._mock_state.extra
        kind = None if extra is None else extra.kind
        return kind.timeout if type(kind) is _Waiter else None

    @_mock_wait_timeout.setter
    def _mock_wait_timeout(self, value: Any) -> None:
        _waiter(self._mock_state).timeout = value

    def _mock_wait(self, predicate: Callable[[_Waiter], Callable[[], bool]], timeout: Any) -> bool:
        """Wait until ``predicate(waiter)()`` holds; False on timeout."""
        waiter = _waiter(self._mock_state)
        check = predicate(waiter)
        cond = waiter.condition()
        with cond:
            return cond.wait_for(check, timeout)

    def wait_until_called(self, *, timeout: Any = _UNSET) -> None:
        """Wait until the mock is called (a call made earlier counts).

        ``timeout``: seconds; None waits forever; by default the mock's timeout.
        """
        if timeout is _UNSET:
            timeout = self._mock_wait_timeout
        if not self._mock_wait(lambda waiter: lambda: bool(waiter.done), timeout):
            raise AssertionError(msg.not_called_before_timeout(self._mock_name or "mock", timeout))

    def wait_until_any_call_with(self, /, *args: Any, timeout: Any = _UNSET, **kwargs: Any) -> None:
        """Wait until the mock is called with these arguments (earlier calls count).

        Beyond the stdlib: ``timeout=`` (seconds, None waits forever; by default the
        mock's timeout) is taken by the wait, never matched against the call. To wait
        for a call that has a ``timeout`` argument of its own, use
        ``wait_until_any_call(call(..., timeout=...))``.
        """
        self._mock_wait_for_call(args, kwargs, timeout)

    def wait_until_any_call(self, expected: Any, /, *, timeout: Any = _UNSET) -> None:
        """Wait until the mock is called as ``expected``, a ``call(...)`` whose
        arguments are all the call's own (``timeout`` included).

        Not in the stdlib. ``timeout``: as for ``wait_until_any_call_with``.
        """
        _, args, kwargs = _Call(expected)
        self._mock_wait_for_call(args, kwargs, timeout)

    def _mock_wait_for_call(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], timeout: Any
    ) -> None:
        if timeout is _UNSET:
            timeout = self._mock_wait_timeout
        if not self._mock_wait(lambda waiter: _Matches(waiter, args, kwargs), timeout):
            raise AssertionError(msg.call_not_found(self._format_mock_call_signature(args, kwargs)))

    def wait_until_call_count(self, count: int, /, *, timeout: Any = _UNSET) -> None:
        """Wait until the mock has been called at least ``count`` times.

        Not in the stdlib. ``timeout``: seconds, None waits forever; by default the
        mock's timeout.
        """
        if timeout is _UNSET:
            timeout = self._mock_wait_timeout
        if not self._mock_wait(lambda waiter: lambda: len(waiter.done) >= count, timeout):
            waiter = _waiter(self._mock_state)
            raise AssertionError(
                msg.call_count_not_reached(
                    self._mock_name or "mock", count, timeout, len(waiter.done)
                )
            )


class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
    """A ``MagicMock`` that a test can wait on until other threads call it.

    ``timeout`` (seconds) is how long its waits last by default; without it,
    ``ThreadingMock.DEFAULT_TIMEOUT`` when the mock is made (None: forever).
    Children share their parent's timeout. ``wait_until_called()``,
    ``wait_until_any_call_with(*args, **kwargs)``, and beyond the stdlib
    ``wait_until_call_count(n)``, ``wait_until_any_call(call(...))`` and a
    ``timeout=`` keyword on every wait.
    """


passthrough(ThreadingMixin)
own_classes(ThreadingMixin, ThreadingMock)
