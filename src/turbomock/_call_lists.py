"""The lists a mock hands out of its calls, kept true to what they stand for.

``mock_calls`` and ``method_calls`` are filled lazily (see ``_state``): the list
handed out takes in the pending calls whenever it is used, so a list fetched
earlier shows later calls, as the stdlib's (appended to at every call) does.

``call_args_list`` is the very list a mock records its calls into, and turbomock
derives ``called``, ``call_count`` and ``call_args`` from it. The stdlib keeps
those apart: ``m.call_args_list.clear()`` leaves ``call_count`` as it was. So the
first change a user makes to the list *books* the mock first (its counts become
stored values, see ``_call_state``), and the change reaches the list alone.
``await_args_list`` and ``await_count`` are kept the same way (``_async``).

Both report themselves as ``_CallList``, as the stdlib's lists do, and copy as one.
"""

from __future__ import annotations

from turbomock._calls import _CallList
from turbomock._sentinels import Marker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


class _StateList(_CallList):
    """A ``_CallList`` that knows whose it is; copies are plain ``_CallList``s."""

    __slots__ = ("_state",)

    def __init__(self, st: Any) -> None:
        self._state = st

    def __copy__(self) -> _CallList:
        return _CallList(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> _CallList:
        from copy import deepcopy  # loaded: deepcopy is why we are here

        return _CallList(deepcopy(list(self), memo))

    def __reduce_ex__(self, protocol: Any) -> Any:
        return _CallList, (list(self),)


def _wrapped(name: str, before: Callable[[Any], None]) -> Any:
    inner = getattr(_CallList, name)

    def method(self: _StateList, /, *args: Any, **kwargs: Any) -> Any:
        before(self._state)
        return inner(self, *args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"_CallList.{name}"
    method.__doc__ = inner.__doc__
    return method


def _settle(st: Any) -> None:
    if st.pending:
        st.drain_pending()


def _book(st: Any) -> None:
    if st.book is None:
        st.book_calls()


def _count_apart(awaits: Any) -> None:
    awaits.count_apart()


_READING = (
    "__len__", "__iter__", "__reversed__", "__getitem__", "__contains__", "__eq__", "__ne__",
    "__lt__", "__le__", "__gt__", "__ge__", "__repr__", "__add__", "__mul__", "__rmul__",
    "count", "index", "copy",
)
_WRITING = (
    "__setitem__", "__delitem__", "__iadd__", "__imul__", "append", "extend", "insert",
    "pop", "remove", "clear", "sort", "reverse",
)


class LiveCallList(_StateList):
    """``mock_calls`` / ``method_calls``: every use first takes in pending calls."""

    __slots__ = ()


class RecordList(_StateList):
    """``call_args_list``: a change made to it books its mock first. (turbomock
    appends its records with ``list.append`` itself, past these methods.)"""

    __slots__ = ()


class Book:
    """A mock's six call attributes as stored values, once one was assigned by
    hand: what a ``RecordList``'s first change makes (see ``turbomock._call_state``)."""

    __slots__ = (
        "called", "call_count", "call_args", "call_args_list", "mock_calls", "method_calls",
    )

    #: ``method_calls`` after ``del mock.method_calls``.
    DELETED: Any = Marker("DELETED")

    def __init__(self, calls: Any = None, mock_calls: Any = None, method_calls: Any = None) -> None:
        """The book of a mock that made ``calls`` (and has these lists)."""
        count = 0 if calls is None else len(calls)
        self.called: Any = count > 0
        self.call_count: Any = count
        self.call_args: Any = calls[-1] if count else None
        self.call_args_list: Any = calls
        self.mock_calls: Any = mock_calls
        self.method_calls: Any = method_calls


class AwaitList(_StateList):
    """``await_args_list``, as ``RecordList``: a change made to it makes its mock
    count its awaits apart from it first (``_async._Awaits``)."""

    __slots__ = ()


for _name in (*_READING, *_WRITING):
    setattr(LiveCallList, _name, _wrapped(_name, _settle))
for _name in _WRITING:
    setattr(RecordList, _name, _wrapped(_name, _book))
    setattr(AwaitList, _name, _wrapped(_name, _count_apart))
for _cls in (LiveCallList, RecordList, AwaitList):
    _cls.__hash__ = None
    # Users see a ``_CallList``, as with the stdlib (reprs of failing reprs name it).
    _cls.__name__ = _cls.__qualname__ = "_CallList"
    _cls.__module__ = _CallList.__module__
