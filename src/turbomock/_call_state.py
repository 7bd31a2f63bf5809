"""What a mock says about its calls: ``called``, ``call_count``, ``call_args``,
``call_args_list``, ``mock_calls`` and ``method_calls``.

Normally all six are derived from the calls recorded (``_state.record_call``), so
none of them can miss an update when threads call at once. The stdlib keeps them
as six separate attributes that every call updates in turn (``called = True``,
``call_count += 1``, ``call_args = ...``, ``call_args_list.append(...)``,
``mock_calls.append(...)``, then each ancestor's ``method_calls`` and
``mock_calls``). A test that assigns one of them, or deletes ``method_calls``,
can see that: a ``call_count`` set to ``'x'`` makes the next call fail, a list
put in place of ``call_args_list`` gets the next calls appended to it. So the
first such assignment *books* the mock: its six values become stored ones (a
``Book``), and from then on each of its calls updates them as the stdlib's do, in
the same order and with the same errors (``_state.record_booked``).

An autospecced function keeps these on the function itself, as the stdlib's
does; the mock behind it reads and writes them there (``delegate``).
"""

from __future__ import annotations

from turbomock._base import state_of
from turbomock._call_lists import Book
from turbomock._calls import _CallList
from turbomock._sentinels import _deleted as _DELETED_CHILD
from turbomock._sentinels import _missing as _MISSING
from turbomock._state import MockState, SharedChildren, copy_extra, drain, new_extra

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

_DELETED: Any = Book.DELETED


def book_of(st: MockState) -> Book:
    """The mock's stored call state, made from its recorded calls on first need."""
    return st.book_calls()


def book_if_unnameable(st: MockState) -> None:
    """Book a mock that has a parent but whose name is no string (``Mock(parent=p)``
    without ``name=``, or ``_mock_parent``/``_mock_name`` set by hand), or whose
    ``_mock_new_name`` is no string (set by hand). The stdlib names a descendant's
    call at each ancestor as ``ancestor_name + '.' + ...`` (method calls, where the
    ancestor has a parent) and ``new_name + '.' + ...`` (mock_calls, where the
    new name is true), which fails there (TypeError) midway through recording:
    booked, the calls below it are recorded step by step and fail at the same step
    (``_state._notify_past_books``)."""
    if st.book is None and (
        (st.parent is not None and type(st.name) is not str) or type(st.new_name) is not str
    ):
        book_of(st)


def _field(name: str, derive: Callable[[MockState], Any], delegated: bool = True) -> property:
    """One of the six: read from the book if the mock has one, else derived;
    assigning it books the mock. (An autospecced function's live on it.)"""

    def fget(self: Any) -> Any:
        st = state_of(self)
        extra = st.extra
        if extra is not None:
            if delegated and extra.delegate is not None:
                return getattr(extra.delegate, name)
            book = extra.book
            if book is not None:
                value = getattr(book, name)
                if value is _DELETED:
                    raise AttributeError(name)
                return value
        return derive(st)

    def fset(self: Any, value: Any) -> None:
        st = state_of(self)
        if delegated and st.delegate is not None:
            setattr(st.delegate, name, value)
            return
        setattr(book_of(st), name, value)

    fget.__name__ = fset.__name__ = name
    return property(fget, fset)


def _called(st: MockState) -> bool:
    calls = st.calls
    return calls is not None and len(calls) > 0


def _call_count(st: MockState) -> int:
    calls = st.calls
    return 0 if calls is None else len(calls)


def _call_args(st: MockState) -> Any:
    calls = st.calls
    return calls[-1] if calls else None


def _mock_calls(st: MockState) -> _CallList:
    if st.pending or st.mock_calls is None:
        drain(st)
    calls: _CallList = st.mock_calls  # drain() made it
    return calls


def _method_calls(st: MockState) -> _CallList:
    if st.pending or st.method_calls is None:
        drain(st)
    calls: _CallList = st.method_calls  # drain() made it
    return calls


called = _field("called", _called)
call_count = _field("call_count", _call_count)
call_args = _field("call_args", _call_args)
call_args_list = _field("call_args_list", MockState.call_list)
mock_calls = _field("mock_calls", _mock_calls)
#: An instance attribute with the stdlib (not kept on an autospecced function).
method_calls = _field("method_calls", _method_calls, delegated=False)


_DERIVED: dict[str, Callable[[MockState], Any]] = {
    "called": _called,
    "call_count": _call_count,
    "call_args": _call_args,
    "call_args_list": MockState.call_list,
    "mock_calls": _mock_calls,
}


def own_call_field(st: MockState, name: str) -> Any:
    """One of the five as the mock itself keeps it, whatever it reports to."""
    extra = st.extra
    book = None if extra is None else extra.book
    if book is None:
        return _DERIVED[name](st)
    value = getattr(book, name)
    if value is _DELETED:
        raise AttributeError(name)
    return value


def delete_method_calls(st: MockState) -> None:
    """``del mock.method_calls``: gone, as the stdlib's instance attribute would be."""
    book = book_of(st)
    if book.method_calls is _DELETED:
        raise AttributeError("method_calls")
    book.method_calls = _DELETED
    st["method_calls"] = _DELETED_CHILD  # so __getattr__ refuses it, as the stdlib's


def method_calls_deleted(st: MockState) -> bool:
    """Whether ``method_calls`` is deleted now (``del m.method_calls``, not set again,
    by hand or by ``reset_mock``): the stdlib's instance attribute is then missing."""
    extra = st.extra
    book = None if extra is None else extra.book
    return book is not None and book.method_calls is _DELETED


def state_for_copy(st: MockState) -> MockState:
    """The state ``copy.copy`` gives a mock's copy (``deepcopy`` starts from it
    too, with a state of its own). The stdlib's copy gets a new ``__dict__`` with
    the same values: the lists of calls and the children dict are shared, the
    counts and links copied. So both are booked, with a book each holding the same
    list objects, and the copy's children are the original's (``SharedChildren``)."""
    book = book_of(st)
    clone: SharedChildren = SharedChildren.__new__(SharedChildren)
    for field in MockState.__slots__:
        setattr(clone, field, getattr(st, field))
    clone.children = st.children if isinstance(st, SharedChildren) else st
    if st.extra is None:
        st.extra = new_extra()
    st.extra.shares_children = True
    spec = st.spec
    if spec is not None and spec.source is not None and st.extra.methods is _MISSING:
        # The stdlib's copy shares the original's _mock_methods list, made with the
        # mock: what either appends to it counts for both. Made now, for both.
        st.extra.methods = list(spec.methods)
    copied = copy_extra(st.extra)
    if copied.kind is not None:  # await records, ThreadingMock waits
        copied.kind = copied.kind.for_copy()
    clone.extra = copied
    own = Book()
    for field in Book.__slots__:
        setattr(own, field, getattr(book, field))
    clone.book = own
    return clone
