"""``AsyncMock``, async specs and async magic methods.

Where parity with the standard library is the point, a test runs against both
``unittest.mock`` and turbomock with the same assertions (the ``mock`` fixture).
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import sys
import unittest.mock as unittest_mock
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, Callable

import pytest

import turbomock
from engine_support import drive, raised

PY310 = sys.version_info >= (3, 10)
NEVER_AWAITED = "coroutine 'AsyncMockMixin._execute_mock_call' was never awaited"


async def async_func(a: int, b: int = 0, *, c: int = 0) -> None:
    """A coroutine function to spec mocks on."""


def sync_func(a: int) -> None:
    """A plain function to spec mocks on."""


class WithAsync:
    """A class with async and sync methods and an async context/iterator protocol."""

    async def fetch(self, url: str) -> None: ...

    def close(self) -> None: ...

    async def __aenter__(self) -> WithAsync:
        return self

    async def __aexit__(self, *exc: object) -> None: ...

    def __aiter__(self) -> WithAsync:
        return self

    async def __anext__(self) -> None: ...


@contextmanager
def runtime_warnings() -> Iterator[list[str]]:
    """Collects the RuntimeWarnings issued inside, after a garbage collection."""
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield messages
        gc.collect()
    messages.extend(str(w.message) for w in caught if issubclass(w.category, RuntimeWarning))


# -- calling and awaiting ------------------------------------------------------------------


def test_call_returns_a_coroutine(mock: ModuleType) -> None:
    """Calling an AsyncMock returns a coroutine, which is awaitable."""
    coro = mock.AsyncMock()()
    assert inspect.isawaitable(coro)
    assert asyncio.iscoroutine(coro)
    drive(coro)


def test_is_a_coroutine_function_for_asyncio(mock: ModuleType) -> None:
    """``asyncio.iscoroutinefunction`` takes an AsyncMock for an async function."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.14 deprecates it
        assert asyncio.iscoroutinefunction(mock.AsyncMock())


def test_is_a_coroutine_function_for_inspect_as_in_the_stdlib(mock: ModuleType) -> None:
    """``inspect.iscoroutinefunction`` agrees with the stdlib's answer for this Python."""
    expected = inspect.iscoroutinefunction(unittest_mock.AsyncMock())
    assert inspect.iscoroutinefunction(mock.AsyncMock()) is expected
    assert expected is PY310


def test_specced_on_a_coroutine_function_is_one_for_inspect(mock: ModuleType) -> None:
    """With a coroutine function as spec, ``inspect`` agrees on every Python."""
    assert inspect.iscoroutinefunction(mock.AsyncMock(async_func))


@pytest.mark.parametrize(
    "make",
    [lambda impl: impl.AsyncMock(), lambda impl: impl.MagicMock(spec=async_func)],
    ids=["AsyncMock", "MagicMock-spec"],
)
def test_signature_is_args_kwargs(make: Callable[[ModuleType], Any]) -> None:
    """``inspect.signature`` of an async mock is ``(*args, **kwargs)``: as the
    stdlib's from 3.11 (3.9's and 3.10's may raise TypeError instead)."""
    assert str(inspect.signature(make(turbomock))) == "(*args, **kwargs)"
    if sys.version_info >= (3, 11):
        assert str(inspect.signature(make(unittest_mock))) == "(*args, **kwargs)"


def test_call_is_recorded_when_made_and_await_when_awaited(mock: ModuleType) -> None:
    """The call counts at once; the await only once the coroutine runs."""
    m = mock.AsyncMock()
    coro = m(1, key=2)
    assert (m.call_count, m.await_count) == (1, 0)
    assert m.call_args == mock.call(1, key=2)
    assert m.await_args is None
    drive(coro)
    assert (m.call_count, m.await_count) == (1, 1)
    assert m.await_args == mock.call(1, key=2)
    assert m.await_args_list == [mock.call(1, key=2)]


def test_await_order_follows_awaits_not_calls(mock: ModuleType) -> None:
    """``await_args_list`` lists awaits in the order they ran."""
    m = mock.AsyncMock()
    second, first = m(2), m(1)
    drive(first)
    drive(second)
    assert m.call_args_list == [mock.call(2), mock.call(1)]
    assert m.await_args_list == [mock.call(1), mock.call(2)]


def test_runs_on_an_event_loop(mock: ModuleType) -> None:
    """``asyncio.run`` awaits an AsyncMock call like any coroutine."""
    m = mock.AsyncMock(return_value=5)
    assert asyncio.run(m()) == 5
    m.assert_awaited_once()


def test_awaiting_a_coroutine_twice_fails_and_counts_once(mock: ModuleType) -> None:
    """A coroutine runs once: the second await raises, the await count stays 1."""
    m = mock.AsyncMock()
    coro = m()
    drive(coro)
    with pytest.raises(RuntimeError):
        drive(coro)
    assert m.await_count == 1


# -- what an await produces ------------------------------------------------------------------


def test_default_result_is_the_return_value_asyncmock(mock: ModuleType) -> None:
    """Without configuration the result is ``return_value``, an AsyncMock."""
    m = mock.AsyncMock()
    result = drive(m())
    assert result is m.return_value
    assert isinstance(result, mock.AsyncMock)
    assert repr(result).startswith("<AsyncMock name='mock()' ")


def test_return_value_is_the_result(mock: ModuleType) -> None:
    """A configured ``return_value`` is what the await gives."""
    assert drive(mock.AsyncMock(return_value=10)()) == 10


def test_side_effect_coroutine_function_is_awaited(mock: ModuleType) -> None:
    """An async side effect is awaited and its result returned."""

    async def effect(value: int) -> int:
        return value + 1

    assert drive(mock.AsyncMock(side_effect=effect)(5)) == 6


def test_side_effect_function_result_is_returned(mock: ModuleType) -> None:
    """A plain side effect is called and its result returned as is."""
    assert drive(mock.AsyncMock(side_effect=lambda value: value * 2)(5)) == 10


def test_side_effect_returning_default_falls_back_to_return_value(mock: ModuleType) -> None:
    """A side effect returning DEFAULT lets ``return_value`` through."""
    m = mock.AsyncMock(side_effect=lambda: mock.DEFAULT, return_value=3)
    assert drive(m()) == 3


def test_side_effect_exception_is_raised_on_await(mock: ModuleType) -> None:
    """An exception side effect is raised by the await, not the call; it still counts."""
    m = mock.AsyncMock(side_effect=KeyError("boom"))
    coro = m()
    with pytest.raises(KeyError, match="boom"):
        drive(coro)
    assert m.await_count == 1


def test_side_effect_iterable_gives_values_then_stop_async_iteration(mock: ModuleType) -> None:
    """An iterable side effect gives its values, then StopAsyncIteration."""
    m = mock.AsyncMock(side_effect=[1, 2])
    assert [drive(m()), drive(m())] == [1, 2]
    exc = raised(drive, m())
    assert type(exc) is StopAsyncIteration
    assert type(exc.__context__) is StopIteration
    assert exc.__cause__ is None


def test_side_effect_iterable_raises_exceptions_it_holds(mock: ModuleType) -> None:
    """An exception inside an iterable side effect is raised when reached."""
    m = mock.AsyncMock(side_effect=[1, ValueError("second")])
    assert drive(m()) == 1
    with pytest.raises(ValueError, match="second"):
        drive(m())


def test_side_effect_asyncmock_is_awaited(mock: ModuleType) -> None:
    """An AsyncMock side effect is awaited (it is a coroutine function)."""
    effect = mock.AsyncMock(return_value=10)
    assert drive(mock.AsyncMock(side_effect=effect)()) == 10
    effect.assert_awaited_once()


def test_side_effect_returning_a_coroutine_is_not_awaited(mock: ModuleType) -> None:
    """A plain side effect returning a coroutine hands back the coroutine itself."""

    async def inner() -> int:
        return 1

    inner_coro = inner()
    assert drive(mock.AsyncMock(side_effect=lambda: inner_coro)()) is inner_coro
    assert drive(inner_coro) == 1


def test_wraps_coroutine_function_is_awaited(mock: ModuleType) -> None:
    """A wrapped coroutine function is awaited with the call's arguments."""

    async def inner(value: int) -> int:
        return value * 3

    assert drive(mock.AsyncMock(wraps=inner)(2)) == 6


def test_wraps_plain_function_is_called(mock: ModuleType) -> None:
    """A wrapped plain function is called and its result returned."""
    assert drive(mock.AsyncMock(wraps=lambda value: value - 1)(2)) == 1


# -- assertions --------------------------------------------------------------------------------


def test_assert_awaited_message(mock: ModuleType) -> None:
    """``assert_awaited`` on a never-awaited mock names it, unquoted."""
    exc = raised(mock.AsyncMock(name="job").assert_awaited)
    assert exc.args == ("Expected job to have been awaited.",)


def test_assert_awaited_once_message(mock: ModuleType) -> None:
    """``assert_awaited_once`` reports the await count."""
    m = mock.AsyncMock()
    drive(m())
    drive(m())
    exc = raised(m.assert_awaited_once)
    assert exc.args == ("Expected mock to have been awaited once. Awaited 2 times.",)


def test_assert_awaited_with_not_awaited_message(mock: ModuleType) -> None:
    """``assert_awaited_with`` before any await says so."""
    exc = raised(mock.AsyncMock().assert_awaited_with, 1, x=2)
    assert exc.args == ("Expected await: mock(1, x=2)\nNot awaited",)


def test_assert_awaited_with_mismatch_shows_latest_call(mock: ModuleType) -> None:
    """A mismatch shows the latest *call* as Actual, as the stdlib does."""
    m = mock.AsyncMock()
    drive(m(1))
    pending = m(2)
    exc = raised(m.assert_awaited_with, 3)
    actual = "  Actual" if sys.version_info >= (3, 11) else "Actual"
    assert exc.args == (f"expected await not found.\nExpected: mock(3)\n{actual}: mock(2)",)
    drive(pending)


def test_assert_awaited_once_with_checks_count_then_arguments(mock: ModuleType) -> None:
    """``assert_awaited_once_with`` fails on the count before the arguments."""
    m = mock.AsyncMock()
    exc = raised(m.assert_awaited_once_with, 1)
    assert exc.args == ("Expected mock to have been awaited once. Awaited 0 times.",)
    drive(m(1))
    m.assert_awaited_once_with(1)


def test_assert_any_await_message(mock: ModuleType) -> None:
    """``assert_any_await`` names the missing await."""
    m = mock.AsyncMock()
    drive(m(1))
    m.assert_any_await(1)
    exc = raised(m.assert_any_await, 2)
    assert exc.args == ("mock(2) await not found",)


def test_assert_has_awaits_in_order_message(mock: ModuleType) -> None:
    """``assert_has_awaits`` shows expected and actual awaits, unindented."""
    m = mock.AsyncMock()
    drive(m(1))
    drive(m(2))
    m.assert_has_awaits([mock.call(1), mock.call(2)])
    exc = raised(m.assert_has_awaits, [mock.call(2), mock.call(1)])
    assert exc.args == (
        "Awaits not found.\nExpected: [call(2), call(1)]\nActual: [call(1), call(2)]",
    )


def test_assert_has_awaits_any_order_message(mock: ModuleType) -> None:
    """With ``any_order=True`` only the missing awaits are listed."""
    m = mock.AsyncMock()
    drive(m(1))
    drive(m(2))
    m.assert_has_awaits([mock.call(2), mock.call(1)], any_order=True)
    exc = raised(m.assert_has_awaits, [mock.call(2), mock.call(3)], any_order=True)
    assert exc.args == ("(call(3),) not all found in await list",)


def test_assert_has_awaits_reports_spec_binding_errors(mock: ModuleType) -> None:
    """Expected awaits that can't bind to the spec are listed with their errors."""

    async def f(x: Any = None) -> None: ...

    m = mock.AsyncMock(spec=f)
    drive(m(1))
    exc = raised(m.assert_has_awaits, [mock.call(), mock.call(1, 2)])
    assert exc.args == (
        "Error processing expected awaits.\n"
        "Errors: [None, TypeError('too many positional arguments')]\n"
        "Expected: [call(), call(1, 2)]\n"
        "Actual: [call(1)]",
    )
    assert isinstance(exc.__cause__, TypeError)


def test_assert_awaited_with_matches_through_the_spec_signature(mock: ModuleType) -> None:
    """With a spec, positional and keyword spellings of an await match."""
    m = mock.AsyncMock(spec=async_func)
    drive(m(1, 2))
    m.assert_awaited_with(a=1, b=2)
    m.assert_any_await(1, b=2)


def test_assert_not_awaited_message(mock: ModuleType) -> None:
    """``assert_not_awaited`` reports how many awaits there were."""
    m = mock.AsyncMock()
    m.assert_not_awaited()
    drive(m())
    exc = raised(m.assert_not_awaited)
    assert exc.args == ("Expected mock to not have been awaited. Awaited 1 times.",)


def test_awaits_match_any(mock: ModuleType) -> None:
    """``ANY`` matches in every await assertion."""
    m = mock.AsyncMock()
    drive(m(object(), 1))
    m.assert_awaited_with(mock.ANY, 1)
    m.assert_any_await(mock.ANY, 1)
    m.assert_has_awaits([mock.call(mock.ANY, 1)])


# -- state by hand and reset ---------------------------------------------------------------


def test_reset_mock_forgets_awaits(mock: ModuleType) -> None:
    """``reset_mock`` clears await count, args and list, with the calls."""
    m = mock.AsyncMock(return_value=1)
    drive(m(1))
    m.reset_mock()
    assert (m.await_count, m.await_args, m.await_args_list) == (0, None, [])
    assert m.call_args_list == []
    assert drive(m()) == 1


def test_reset_mock_forgets_awaits_of_children(mock: ModuleType) -> None:
    """``reset_mock`` on a parent clears its children's awaits too."""
    m = mock.AsyncMock()
    drive(m.child(1))
    m.reset_mock()
    assert m.child.await_count == 0
    assert m.child.await_args_list == []


def test_await_state_can_be_set(mock: ModuleType) -> None:
    """``await_count``, ``await_args`` and ``await_args_list`` can be assigned;
    later awaits carry on from the assigned values."""
    m = mock.AsyncMock()
    m.await_count = 5
    m.await_args = mock.call("set")
    replacement: list[Any] = []
    m.await_args_list = replacement
    assert (m.await_count, m.await_args) == (5, mock.call("set"))
    drive(m(1))
    assert (m.await_count, m.await_args) == (6, mock.call(1))
    assert m.await_args_list is replacement
    assert replacement == [mock.call(1)]


def test_await_args_list_is_the_same_list_each_time(mock: ModuleType) -> None:
    """Reading ``await_args_list`` twice gives the same list object."""
    m = mock.AsyncMock()
    assert m.await_args_list is m.await_args_list
    assert isinstance(m.await_args_list, mock._CallList)


# -- never-awaited coroutines ------------------------------------------------------------


def test_each_unawaited_call_warns_once_with_the_stdlib_name(mock: ModuleType) -> None:
    """Every call never awaited gives one RuntimeWarning naming
    ``AsyncMockMixin._execute_mock_call``, as the stdlib's does."""
    with runtime_warnings() as messages:
        m = mock.AsyncMock()
        m()
        m(1)
    assert messages == [NEVER_AWAITED, NEVER_AWAITED]


def test_awaited_calls_do_not_warn(mock: ModuleType) -> None:
    """Awaited calls (with side effects, wraps, magic methods) warn about nothing."""

    async def effect() -> int:
        return 1

    with runtime_warnings() as messages:
        drive(mock.AsyncMock()())
        drive(mock.AsyncMock(side_effect=effect)())
        drive(mock.AsyncMock(wraps=effect)())
        drive(mock.MagicMock().__aenter__())
        m = mock.AsyncMock(side_effect=[1])
        drive(m())
        with pytest.raises(StopAsyncIteration):
            drive(m())
        m.assert_awaited()
    assert messages == []


def test_creating_and_inspecting_does_not_warn(mock: ModuleType) -> None:
    """Making async mocks and asking whether they are async creates no coroutine."""
    with runtime_warnings() as messages:
        m = mock.AsyncMock(WithAsync)
        inspect.iscoroutinefunction(m.fetch)
        mock.MagicMock(spec=async_func).assert_not_awaited()
        m.reset_mock()
    assert messages == []


def test_mock_specced_async_warns_when_not_awaited(mock: ModuleType) -> None:
    """A MagicMock specced on a coroutine function warns like an AsyncMock."""
    with runtime_warnings() as messages:
        mock.MagicMock(spec=async_func)(1)
    assert messages == [NEVER_AWAITED]


# -- the function-like face ----------------------------------------------------------


def test_function_attributes_as_in_the_stdlib(mock: ModuleType) -> None:
    """``__name__``, ``__defaults__``, ``__kwdefaults__``, ``__annotations__`` are
    what the stdlib sets on this Python (3.10+), or absent (3.9)."""
    m = mock.AsyncMock()
    if PY310:
        assert m.__name__ == "AsyncMock"
        assert m.__defaults__ == ()
        assert m.__kwdefaults__ == {}
        assert m.__annotations__ is None
    else:
        for name in ("__name__", "__defaults__", "__kwdefaults__"):
            assert not hasattr(m, name)


def test_code_has_the_coroutine_flag(mock: ModuleType) -> None:
    """``__code__`` says coroutine, as ``inspect`` reads it."""
    assert mock.AsyncMock().__code__.co_flags & inspect.CO_COROUTINE


def test_is_coroutine_marker_is_asyncios(mock: ModuleType) -> None:
    """``_is_coroutine`` is asyncio's marker object."""
    assert mock.AsyncMock()._is_coroutine is asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]


@pytest.mark.skipif(not PY310, reason="3.9's AsyncMock has no __kwdefaults__")
def test_kwdefaults_belong_to_each_mock(mock: ModuleType) -> None:
    """Changing one AsyncMock's ``__kwdefaults__`` leaves the others' alone."""
    first, second = mock.AsyncMock(), mock.AsyncMock()
    first.__kwdefaults__["x"] = 1
    assert first.__kwdefaults__ == {"x": 1}
    assert second.__kwdefaults__ == {}


def test_function_attributes_can_be_replaced_per_mock(mock: ModuleType) -> None:
    """Assigning ``__name__`` or ``__code__`` changes that mock only."""
    first, second = mock.AsyncMock(), mock.AsyncMock()
    first.__name__ = "renamed"
    first.__code__ = sync_func.__code__
    assert first.__name__ == "renamed"
    assert first.__code__ is sync_func.__code__
    assert second.__code__ is not sync_func.__code__


def test_dir_lists_what_the_stdlibs_lists(mock: ModuleType) -> None:
    """``dir()`` shows the same names as the stdlib's AsyncMock on this Python."""
    assert dir(mock.AsyncMock()) == dir(unittest_mock.AsyncMock())


def test_asyncmock_class_keeps_its_name_and_type_hints() -> None:
    """The class-level stand-ins don't change the class's own name or type hints."""
    assert turbomock.AsyncMock.__name__ == "AsyncMock"
    assert turbomock.AsyncMockMixin.__name__ == "AsyncMockMixin"  # type: ignore[attr-defined]
    import typing

    typing.get_type_hints(turbomock.AsyncMock)


# -- kinds of children, specs ------------------------------------------------------------------


def test_attributes_and_return_value_are_asyncmocks(mock: ModuleType) -> None:
    """Attributes and the return value of an AsyncMock are AsyncMocks."""
    m = mock.AsyncMock()
    assert isinstance(m.attr, mock.AsyncMock)
    assert isinstance(m.return_value, mock.AsyncMock)


@pytest.mark.parametrize("name", ["__enter__", "__exit__", "__next__", "__len__", "__aiter__"])
def test_sync_magic_methods_of_asyncmock_are_magicmocks(mock: ModuleType, name: str) -> None:
    """Synchronous magic methods (``__aiter__`` too) of an AsyncMock are MagicMocks."""
    child = getattr(mock.AsyncMock(), name)
    assert isinstance(child, mock.MagicMock)
    assert not isinstance(child, mock.AsyncMock)


@pytest.mark.parametrize("kind", ["AsyncMock", "MagicMock"])
@pytest.mark.parametrize("name", ["__aenter__", "__aexit__", "__anext__"])
def test_async_magic_methods_are_asyncmocks(mock: ModuleType, kind: str, name: str) -> None:
    """``__aenter__``, ``__aexit__``, ``__anext__`` are AsyncMocks on both kinds."""
    child = getattr(getattr(mock, kind)(), name)
    assert isinstance(child, mock.AsyncMock)
    assert asyncio.iscoroutinefunction(child)


@pytest.mark.parametrize("kind", ["AsyncMock", "MagicMock"])
def test_async_with(mock: ModuleType, kind: str) -> None:
    """``async with`` awaits ``__aenter__``/``__aexit__``; exceptions propagate."""
    cm = getattr(mock, kind)()
    cm.__aenter__.return_value = "entered"

    async def use() -> Any:
        async with cm as value:
            return value

    assert asyncio.run(use()) == "entered"
    cm.__aenter__.assert_awaited_once()
    cm.__aexit__.assert_awaited_once_with(None, None, None)

    async def fail() -> None:
        async with cm:
            raise TypeError("inside")

    with pytest.raises(TypeError, match="inside"):
        asyncio.run(fail())


@pytest.mark.parametrize("kind", ["AsyncMock", "MagicMock"])
@pytest.mark.parametrize("make", [None, list, iter], ids=["default", "list", "iter"])
def test_async_for(mock: ModuleType, kind: str, make: Any) -> None:
    """``async for`` iterates ``__aiter__.return_value`` (nothing by default)."""
    it = getattr(mock, kind)()
    if make is not None:
        it.__aiter__.return_value = make([1, 2, 3])

    async def collect() -> list[Any]:
        return [item async for item in it]

    assert asyncio.run(collect()) == ([] if make is None else [1, 2, 3])


@pytest.mark.parametrize("kind", ["AsyncMock", "MagicMock"])
def test_spec_class_async_methods_become_asyncmocks(mock: ModuleType, kind: str) -> None:
    """Methods that are coroutine functions on the spec become AsyncMocks."""
    m = getattr(mock, kind)(WithAsync)
    assert isinstance(m.fetch, mock.AsyncMock)
    assert isinstance(m.close, mock.MagicMock)
    assert not isinstance(m.close, mock.AsyncMock)


def test_mock_spec_class_sync_methods_stay_mocks(mock: ModuleType) -> None:
    """A Mock specced on a class gets AsyncMocks for async methods, Mocks for the rest."""
    m = mock.Mock(WithAsync)
    assert isinstance(m.fetch, mock.AsyncMock)
    assert isinstance(m.close, mock.Mock)
    assert not isinstance(m.close, (mock.MagicMock, mock.AsyncMock))


def test_spec_instance_async_attributes_decided_when_made(mock: ModuleType) -> None:
    """An instance spec's attributes count as async as they were when the mock was made."""
    instance = WithAsync()
    instance.later = sync_func  # type: ignore[attr-defined]
    instance.now = async_func  # type: ignore[attr-defined]
    m = mock.Mock(spec_set=instance)
    instance.later = async_func  # type: ignore[attr-defined]
    assert isinstance(m.now, mock.AsyncMock)
    assert not isinstance(m.later, mock.AsyncMock)


def test_spec_method_calls_are_recorded_on_the_parent(mock: ModuleType) -> None:
    """Calls of an async child show in the parent's mock_calls and method_calls."""
    m = mock.AsyncMock(WithAsync)
    drive(m.fetch("url"))
    assert m.mock_calls == [mock.call.fetch("url")]
    assert m.method_calls == [mock.call.fetch("url")]
    m.fetch.assert_awaited_once_with("url")


@pytest.mark.parametrize("kind", ["Mock", "MagicMock"])
def test_spec_on_coroutine_function_makes_the_mock_async(mock: ModuleType, kind: str) -> None:
    """``Mock``/``MagicMock(spec=async_fn)`` keep their class but behave async."""
    klass = getattr(mock, kind)
    m = klass(spec=async_func)
    assert isinstance(m, klass)
    assert type(m).__name__ == kind
    assert not isinstance(m, mock.AsyncMock)
    coro = m(1)
    assert inspect.isawaitable(coro)
    drive(coro)
    m.assert_awaited_once_with(1)
    assert repr(m).startswith(f"<{kind} spec='function' id=")


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "AsyncMock"])
def test_positional_spec_on_coroutine_function_makes_the_mock_async(
    mock: ModuleType, kind: str
) -> None:
    """The spec given positionally counts the same."""
    drive(getattr(mock, kind)(async_func)(1))


@pytest.mark.parametrize("kind", ["Mock", "MagicMock"])
def test_spec_on_plain_function_stays_sync(mock: ModuleType, kind: str) -> None:
    """A mock specced on a plain function returns its return value."""
    m = getattr(mock, kind)(spec=sync_func, return_value=3)
    assert m(1) == 3
    assert not hasattr(m, "await_count")


def test_asyncmock_spec_on_plain_function_stays_async(mock: ModuleType) -> None:
    """An AsyncMock specced on a plain function is still async."""
    m = mock.AsyncMock(spec=sync_func, return_value=3)
    assert drive(m(1)) == 3


def test_spec_on_awaitable_makes_the_mock_async(mock: ModuleType) -> None:
    """An awaitable spec (a Future) makes the mock async; isinstance still works."""
    loop = asyncio.new_event_loop()
    try:
        future = loop.create_future()
    finally:
        loop.close()
    m = mock.MagicMock(future)
    assert isinstance(m, asyncio.Future)
    drive(m())


def test_non_callable_specced_async_is_not_callable(mock: ModuleType) -> None:
    """``NonCallableMock(spec=async_fn)`` has the await API but can't be called."""
    m = mock.NonCallableMock(spec=async_func)
    assert not callable(m)
    assert m.await_count == 0
    assert asyncio.iscoroutinefunction(m)


def test_children_of_specced_async_mock_are_asyncmocks(mock: ModuleType) -> None:
    """A MagicMock turned async by its spec returns an AsyncMock."""
    m = mock.MagicMock(spec=async_func)
    assert isinstance(m.return_value, mock.AsyncMock)


@pytest.mark.skipif(not PY310, reason="3.9's seal still lets a spec's async attributes through")
def test_seal_stops_async_children(mock: ModuleType) -> None:
    """A sealed Mock specced on a class creates neither sync nor async children."""
    m = mock.Mock(WithAsync)
    mock.seal(m)
    with pytest.raises(AttributeError):
        m.fetch  # noqa: B018
    with pytest.raises(AttributeError):
        m.close  # noqa: B018


# -- subclasses --------------------------------------------------------------------------


def test_subclass_execute_override_is_honoured(mock: ModuleType) -> None:
    """A subclass overriding ``_execute_mock_call`` decides the result."""

    class Custom(mock.AsyncMock):  # type: ignore[name-defined,misc]
        async def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            return ("custom", args)

    m = Custom()
    assert drive(m(1)) == ("custom", (1,))
    assert m.call_count == 1


def test_subclass_mock_call_override_is_honoured(mock: ModuleType) -> None:
    """A subclass overriding ``_mock_call`` sees every call."""
    seen: list[Any] = []

    class Custom(mock.AsyncMock):  # type: ignore[name-defined,misc]
        def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
            seen.append(args)
            return super()._mock_call(*args, **kwargs)

    drive(Custom(return_value=2)(7))
    assert seen == [(7,)]


def test_class_level_check_sig_runs_at_call_time(mock: ModuleType) -> None:
    """A ``_mock_check_sig`` set on ``type(mock)`` checks each call when made."""
    m = mock.AsyncMock()

    def check(self: Any, *args: Any, **kwargs: Any) -> None:
        if args:
            raise TypeError("no positional arguments")

    type(m)._mock_check_sig = check
    with pytest.raises(TypeError, match="no positional"):
        m(1)
    assert m.call_count == 0
    drive(m(x=1))
    m.assert_awaited_once_with(x=1)


def test_mixin_makes_a_custom_async_magicmock(mock: ModuleType) -> None:
    """``AsyncMockMixin`` in front of ``MagicMock`` gives an async MagicMock."""

    class AsyncMagic(mock.AsyncMockMixin, mock.MagicMock):  # type: ignore[name-defined,misc]
        pass

    m = AsyncMagic(return_value=4)
    assert drive(m()) == 4
    m.assert_awaited_once()
    assert len(m) == 0
