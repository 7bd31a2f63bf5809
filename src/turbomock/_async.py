"""``AsyncMock``: a mock whose calls return coroutines, recording each await.

The stdlib gives every AsyncMock a fake ``__code__`` (itself a spec'd mock) and seven
more instance attributes up front, which is most of its 200-700 µs creation cost. Here
the function-like attributes are class-level and shared (``__code__`` is the real code
object of an ``async def``), and the await records live in the mock's state only once
something is awaited, so ``AsyncMock()`` costs what ``Mock()`` costs.

A call is recorded when it is made; the coroutine it returns records the await when
it runs, then produces the side effect or return value (see ``_awaited``).
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType, WrapperDescriptorType

from turbomock import _messages as msg
from turbomock._assertions import (
    AWAITS,
    _failure,
    _name,
    call_story,
    check_any,
    check_latest,
    check_sequence,
    count_story,
)
from turbomock._attributes import passthrough
from turbomock._base import Base, named_as
from turbomock._call_lists import AwaitList
from turbomock._calls import _Call, _CallList
from turbomock._class_holder import own_classes
from turbomock._compat import ASYNC_MOCK_FUNCTION_ATTRS, CODE_HAS_QUALNAME
from turbomock._construct import ENGINE_INITS, PASSING_INITS
from turbomock._magic import AsyncMagicMixin
from turbomock._mock import (
    CallableMixin,
    Mock,
    _is_instance_mock,
)
from turbomock._mock_type import add_to_leaves, class_attribute
from turbomock._sentinels import DEFAULT, _missing
from turbomock._spec import _callable, is_exception, iscoroutinefunction
from turbomock._state import MockState, lock, record_call

# For the type checker the mixin is what it is always combined with.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Coroutine
    from typing import Any, Callable

    from turbomock._mock import NonCallableMock as _MixinBase
else:
    _MixinBase = Base


_append = list.append


#: ``_Awaits.count`` while the count is the length of the records (a sentinel:
#: copies keep it).
DERIVED: Any = _missing


class _Awaits:
    """An async mock's await records: ``await_args_list`` and what was set by hand.

    ``await_count`` is derived from the list, so concurrent awaits are never lost.
    Once the list is not only this mock's (shared with a copy, changed or replaced
    by hand) or the count was set by hand, it counts its awaits in ``count``.
    """

    __slots__ = ("records", "last", "count")

    def __init__(self) -> None:
        self.records: Any = AwaitList(self)
        self.last: Any = None  # await_args: the latest await, or the value last assigned
        self.count: Any = DERIVED  # or the count kept apart (any value set by hand)

    def reset(self) -> None:
        self.records = AwaitList(self)
        self.last = None
        self.count = DERIVED

    def awaits(self) -> int:
        count = self.count
        return len(self.records) if count is DERIVED else count

    def count_apart(self) -> None:
        """Count awaits apart from the list from now on: it is shared with a copy,
        was changed by hand, or replaced (as the stdlib's three attributes are)."""
        with lock:
            if self.count is DERIVED:
                self.count = self.awaits()

    def record(self, call: Any) -> None:
        """One await: appended, and counted apart when the list is not only ours,
        step by step in the stdlib's order (a list set to None fails last)."""
        records = self.records
        if self.count is DERIVED:
            _append(records, call)
            self.last = call
            return
        with lock:
            self.count += 1
        self.last = call
        if type(records) is AwaitList:
            _append(records, call)
        else:
            records.append(call)

    def for_copy(self) -> _Awaits:
        """The records a shallow copy of the mock starts with: as the stdlib's copy
        shares ``await_args_list`` and copies the count, both now count apart."""
        from copy import copy  # loaded: a copy of the mock is why we are here

        self.count_apart()
        with lock:
            clone = copy(self)
        return clone


def _awaits(st: MockState) -> _Awaits:
    """The mock's await records, made on first need.

    Another kind's state (ThreadingMock's) may hold them: it subclasses ``_Awaits``.
    """
    extra = st.extra
    kind = None if extra is None else extra.kind
    if kind is None:
        with lock:
            kind = st.kind
            if kind is None:
                kind = st.kind = _Awaits()
    return kind


def _next_item(effect: Any) -> Any:
    """The next item of an iterable side effect (raised if an exception)."""
    try:
        item = next(effect)
    except StopIteration:
        # A StopIteration can't cross a coroutine boundary (PEP 479).
        raise StopAsyncIteration  # noqa: B904 - the stdlib chains it implicitly
    if is_exception(item):
        raise item
    return item


async def _awaited(mock: Any, st: MockState, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The body of every coroutine an async mock's call returns."""
    record = tuple.__new__(_Call, (args, kwargs))
    extra = st.extra
    delegate = None if extra is None else extra.delegate
    if delegate is None:
        kind = None if extra is None else extra.kind
        if kind is None:
            kind = _awaits(st)
        kind.record(record)
        effect = st.side_effect
    else:
        # An autospecced async function (a plain function) keeps the await
        # records in its own attributes: the mock's properties read them there.
        delegate.await_args_list.append(record)
        vars(delegate).update(await_args=record, await_count=delegate.await_count + 1)
        effect = mock.side_effect

    if effect is not None:
        # Called right here, in the coroutine's own frame, as the stdlib's is (a
        # side effect looking at its caller's frame finds the same one).
        if _callable(effect) and not is_exception(effect):
            outcome = effect(*args, **kwargs)
            if iscoroutinefunction(effect):
                outcome = await outcome
        elif is_exception(effect):
            raise effect
        else:
            outcome = _next_item(effect)
        if outcome is not DEFAULT:
            return outcome

    value = st.return_value
    if delegate is None and value is not DEFAULT:
        return value
    wraps = st.wraps
    if wraps is not None and value is DEFAULT and (
        delegate is None or delegate.return_value is DEFAULT
    ):
        result = wraps(*args, **kwargs)
        return (await result) if iscoroutinefunction(wraps) else result
    return mock.return_value


# Never-awaited coroutines warn with this name, which suites filter on, as in
# ``filterwarnings("ignore:coroutine 'AsyncMockMixin._execute_mock_call' was never awaited")``.
# Tracebacks and frame inspection inside a side effect see the stdlib's names too.
_awaited.__qualname__ = "AsyncMockMixin._execute_mock_call"
_awaited.__name__ = "_execute_mock_call"
_awaited.__code__ = (
    _awaited.__code__.replace(co_name=_awaited.__name__, co_qualname=_awaited.__qualname__)
    if CODE_HAS_QUALNAME
    else _awaited.__code__.replace(co_name=_awaited.__name__)
)


@named_as("CallableMixin.__call__")  # an AsyncMock's __call__ is that one, with the stdlib
def _async_call(self: Any, /, *args: Any, **kwargs: Any) -> Any:
    """``__call__`` of async mocks: record the call, return the coroutine.

    Goes through the hook chain (``_mock_check_sig``, ``_increment_mock_call``,
    ``_mock_call``, ``_execute_mock_call``) when a class overrides any of them.
    """
    st = self._mock_state
    extra = st.extra
    if extra is not None:
        check = extra.check_sig
        if check is not None:
            check(*args, **kwargs)
    pool = type(self)._mock_pool
    cls = type(self) if pool is None else pool.probe  # see CallableMixin.__call__
    if (
        cls._mock_check_sig is _CHECK_SIG
        and cls._increment_mock_call is _INCREMENT
        and cls._mock_call is _MOCK_CALL
        and cls._execute_mock_call is _ASYNC_EXECUTE
        and (extra is None or (extra.delegate is None and not extra.own_hooks))
    ):
        # No user code runs until the coroutine is awaited, so no frames to keep.
        record_call(st, args, kwargs)
        return _awaited(self, st, args, kwargs)
    self._mock_check_sig(*args, **kwargs)
    self._increment_mock_call(*args, **kwargs)
    return self._mock_call(*args, **kwargs)


# Introspected at runtime as ``(*args, **kwargs)``, like the stdlib's ``__call__``.
_async_call.__annotations__ = {}


# -- the function-like face ---------------------------------------------------------


async def _code_template(*args: Any, **kwargs: Any) -> Any:
    """Only its code object is used: what ``AsyncMock().__code__`` shows to ``inspect``."""


class _CoroutineMarker:
    """``_is_coroutine``: asyncio's marker, read when asked (``asyncio`` is then loaded)."""

    __slots__ = ()

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        from asyncio import coroutines

        return getattr(coroutines, "_is_coroutine", None)


class _FreshDict:
    """``__kwdefaults__``: an empty dict of the mock's own, made on first read."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return vars(obj).setdefault(self.name, {})


class _NoAnnotations(dict):  # type: ignore[type-arg]
    """``__annotations__``: None on an instance, as the stdlib sets it.

    A dict itself, so that tools reading a class's ``__dict__['__annotations__']``
    (``typing.get_type_hints``) still find an empty mapping.
    """

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        return self if obj is None else None


# -- the mixin ------------------------------------------------------------------------


def _await_state_property(field: str, doc: str) -> property:
    """``await_count``/``await_args``/``await_args_list``: on the autospecced
    function when there is one (as the stdlib's delegating properties), else ours."""

    def fget(self: Any) -> Any:
        st = self._mock_state
        delegate = st.delegate
        if delegate is not None:
            return getattr(delegate, field)
        return _OWN_GETTERS[field](st)

    def fset(self: Any, value: Any) -> None:
        st = self._mock_state
        delegate = st.delegate
        if delegate is not None:
            setattr(delegate, field, value)
        else:
            _OWN_SETTERS[field](st, value)

    return property(fget, fset, doc=doc)


def _own_count(st: MockState) -> int:
    extra = st.extra
    kind = None if extra is None else extra.kind
    if kind is None:
        return 0
    return kind.awaits()  # type: ignore[no-any-return]


def _set_own_count(st: MockState, value: int) -> None:
    kind = _awaits(st)
    kind.count_apart()  # a count set by hand is what the next await adds one to
    kind.count = value


def _own_args(st: MockState) -> Any:
    extra = st.extra
    kind = None if extra is None else extra.kind
    return None if kind is None else kind.last


def _set_own_args(st: MockState, value: Any) -> None:
    _awaits(st).last = value


def _own_list(st: MockState) -> Any:
    return _awaits(st).records


def _set_own_list(st: MockState, value: Any) -> None:
    kind = _awaits(st)
    kind.count_apart()
    kind.records = value


_OWN_GETTERS: dict[str, Callable[[MockState], Any]] = {
    "await_count": _own_count,
    "await_args": _own_args,
    "await_args_list": _own_list,
}
_OWN_SETTERS: dict[str, Callable[[MockState, Any], None]] = {
    "await_count": _set_own_count,
    "await_args": _set_own_args,
    "await_args_list": _set_own_list,
}


def _private_property(field: str) -> property:
    """The stdlib's ``_mock_await_*`` names: the mock's own records, never a delegate's."""
    return property(
        lambda self: _OWN_GETTERS[field](self._mock_state),
        lambda self, value: _OWN_SETTERS[field](self._mock_state, value),
    )


def _reset_awaits(mock: Any) -> None:
    """``reset_mock`` hook: forget the awaits (also the autospecced function's)."""
    extra = mock._mock_state.extra
    if extra is None:
        return
    delegate = extra.delegate
    if delegate is not None:
        delegate.await_count = 0
        delegate.await_args = None
        delegate.await_args_list = _CallList()
    kind = extra.kind
    if kind is not None:
        kind.reset()


class AsyncMockMixin(_MixinBase):
    """What makes a mock async: calls return coroutines, awaits are recorded.

    Mixed in front of ``Mock``/``MagicMock`` for a mock specced on a coroutine
    function; ``AsyncMock`` is built on it.
    """

    _mock_reset_hook = _reset_awaits
    _mock_kind_state = staticmethod(_awaits)
    _mock_async_signature = True

    # What makes ``inspect``/``asyncio.iscoroutinefunction`` take it for an async
    # function. Shared by all instances; assigning any of them stays per-mock.
    __code__ = _code_template.__code__
    _is_coroutine = _CoroutineMarker()
    if ASYNC_MOCK_FUNCTION_ATTRS:
        # In the class namespace, not set on the class: the class keeps its name.
        __name__ = "AsyncMock"
        __defaults__ = ()
        __kwdefaults__ = _FreshDict("__kwdefaults__")
        __annotations__ = _NoAnnotations()

    if not TYPE_CHECKING:  # type checkers see the engine's signature

        def __init__(self, /, *args: Any, **kwargs: Any) -> None:
            # The stdlib's AsyncMock has this __init__; the await records are made
            # on first need (see _awaits), so it only passes the arguments on.
            super().__init__(*args, **kwargs)

    def reset_mock(self, /, *args: Any, **kwargs: Any) -> None:
        """Also forget the awaits (done by ``_mock_reset_hook`` for every mock the
        reset reaches; this method is the stdlib's, named as it is)."""
        super().reset_mock(*args, **kwargs)

    def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Coroutine[Any, Any, Any]:
        """The coroutine a call returns: it records the await, then produces the result."""
        return _awaited(self, self._mock_state, args, kwargs)

    await_count = _await_state_property("await_count", "How many times the mock was awaited.")
    await_args = _await_state_property("await_args", "The arguments of the latest await.")
    await_args_list = _await_state_property(
        "await_args_list", "The arguments of every await, in order."
    )
    _mock_await_count = _private_property("await_count")
    _mock_await_args = _private_property("await_args")
    _mock_await_args_list = _private_property("await_args_list")

    def assert_awaited(self) -> None:
        """Assert the mock was awaited at least once."""
        if self.await_count == 0:
            raise _failure(msg.expected_awaited(_name(self)), count_story(self, AWAITS))

    def assert_awaited_once(self) -> None:
        """Assert the mock was awaited exactly once."""
        if self.await_count != 1:
            text = msg.expected_awaited_once(_name(self), self.await_count)
            raise _failure(text, count_story(self, AWAITS))

    def assert_awaited_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the latest await was with these arguments (the failure's "Actual"
        shows the latest *call*, as the stdlib's does)."""
        check_latest(self, AWAITS, self.await_args, args, kwargs)

    def assert_awaited_once_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was awaited exactly once, with these arguments."""
        if self.await_count != 1:
            text = msg.expected_awaited_once(_name(self), self.await_count)
            story = call_story(self, "assert_awaited_once_with", AWAITS, args, kwargs)
            raise _failure(text, story)
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was awaited with these arguments at some point."""
        check_any(self, AWAITS, self.await_args_list, args, kwargs)

    def assert_has_awaits(self, calls: Any, any_order: bool = False) -> None:
        """Assert ``calls`` appear in ``await_args_list``: as a contiguous run, or in
        any order with ``any_order=True``."""
        check_sequence(self, AWAITS, calls, self.await_args_list, any_order)

    def assert_not_awaited(self) -> None:
        """Assert the mock was never awaited."""
        if self.await_count != 0:
            text = msg.expected_not_awaited(_name(self), self.await_count)
            raise _failure(text, count_story(self, AWAITS))


# The function attributes show in dir(), as they do in the stdlib's (they are its
# instance's).
AsyncMockMixin._mock_dir_extras = tuple(
    name
    for name in ("__annotations__", "__code__", "__defaults__", "__kwdefaults__", "__name__")
    if name in AsyncMockMixin.__dict__
)
ENGINE_INITS.append(AsyncMockMixin.__init__)
PASSING_INITS.append((AsyncMockMixin, AsyncMockMixin.__dict__["__init__"]))


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A ``Mock`` for async functions: calling it returns a coroutine.

    The coroutine's result comes from ``side_effect`` (an exception is raised; an
    iterable gives its next value, ``StopAsyncIteration`` once exhausted; an async
    function is awaited, a plain one called) or else ``return_value``, by default
    a new ``AsyncMock``; with ``wraps``, from the wrapped object. Calls are
    recorded when made (``call_count`` ...), awaits when awaited (``await_count``,
    ``await_args``, ``await_args_list``, ``assert_awaited*``). Attributes are
    AsyncMocks, synchronous magic methods MagicMocks.
    """

    __call__ = _async_call


_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE, without importing inspect
#: Types whose instances carry no attributes of their own and are never awaitable.
_NEVER_ASYNC = frozenset(
    {str, bytes, bytearray, int, float, complex, bool, type(None), tuple, list, dict,
     set, frozenset, BuiltinFunctionType, WrapperDescriptorType, property}
)
#: Wrappers the stdlib looks through (by their ``__func__``) before asking.
_METHOD_LIKE = frozenset({MethodType, staticmethod, classmethod})


def _is_async_obj(obj: Any) -> bool:
    """Whether ``obj`` makes a mock async: as a spec, or as what ``patch`` replaces.

    The stdlib asks ``asyncio.iscoroutinefunction`` and ``inspect.isawaitable`` about
    everything. For plain functions (and methods around them) the code flags give the
    same answer; a class with no custom metaclass can only say yes through a few
    attribute names, looked for in its MRO. Anything else takes the full check.
    """
    tp = type(obj)
    if tp is FunctionType:
        if not obj.__dict__:  # no coroutine marker, no __wrapped__/__partialmethod__
            return bool(obj.__code__.co_flags & _CO_COROUTINE)
    elif tp is type:
        for klass in obj.__mro__:
            names = klass.__dict__
            if (
                "__func__" in names
                or "_is_coroutine" in names
                or "_is_coroutine_marker" in names
                or "__partialmethod__" in names
            ):
                break
        else:
            return False
    elif tp in _METHOD_LIKE:
        obj = obj.__func__
        if type(obj) is FunctionType and not obj.__dict__:
            return bool(obj.__code__.co_flags & _CO_COROUTINE)
        return _is_coroutine_or_awaitable(obj)
    elif tp in _NEVER_ASYNC or obj is DEFAULT:
        return False
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, "__func__"):
        obj = obj.__func__
    return _is_coroutine_or_awaitable(obj)


def _is_coroutine_or_awaitable(obj: Any) -> bool:
    if iscoroutinefunction(obj):
        return True
    import inspect

    return inspect.isawaitable(obj)


def _async_mixin_for(cls: type) -> type:
    """What goes in front of ``cls`` for a mock specced on a coroutine function
    (or an awaitable): the mock becomes async, keeping its class name and kind."""
    return AsyncMockMixin


def _quick_call(bases: tuple[type, ...]) -> dict[str, Any]:
    """A callable mock specced on a coroutine function (a leaf on ``AsyncMockMixin``
    and a mock class) calls through AsyncMock's quick ``__call__``, unless its
    class has a ``__call__`` of its own, which the stdlib's would call."""
    engine_call = CallableMixin.__dict__["__call__"]
    if len(bases) == 2 and class_attribute(bases[1], "__call__") is engine_call:
        return {"__call__": _async_call}
    return {}


add_to_leaves(AsyncMockMixin, _quick_call)


_CHECK_SIG = CallableMixin._mock_check_sig
_INCREMENT = CallableMixin._increment_mock_call
_MOCK_CALL = CallableMixin._mock_call
_ASYNC_EXECUTE = AsyncMockMixin._execute_mock_call


passthrough(AsyncMockMixin)
own_classes(AsyncMockMixin, AsyncMock)
