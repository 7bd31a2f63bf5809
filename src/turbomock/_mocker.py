"""The ``mocker`` fixture's object: pytest-mock's API on turbomock.

Used when pytest-mock is not loaded (with it, pytest-mock's own fixture runs on
turbomock through the switch). Every patch it starts is stopped at the end of the
fixture's scope, last first. Beyond pytest-mock: ``spy`` of a property,
``spying()`` as a context manager that stops the spy on exit, and
``spy_return_iter`` for async iterators as well as iterators.
"""

from __future__ import annotations

import functools
import itertools
import warnings
from types import FunctionType, MethodType

import turbomock
from turbomock import _plugin_messages as msg
from turbomock._mock_type import class_attribute
from turbomock._spec import iscoroutinefunction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from typing import Any, Callable

__all__ = ["AsyncMockType", "MockType", "MockerFixture", "PytestMockWarning"]

#: What ``mocker`` hands out, for annotations (as pytest-mock's aliases).
MockType = turbomock.Mock
AsyncMockType = turbomock.AsyncMock
#: ``patch`` with its attributes (``object``, ``dict``, ...) as the type checker sees them.
_patch: Any = turbomock.patch


class PytestMockWarning(UserWarning):
    """Warnings of the ``mocker`` fixture (same name as pytest-mock's)."""


def _warn_on_enter(*args: Any, **kwargs: Any) -> Any:
    warnings.warn(msg.MOCK_AS_CONTEXT_MANAGER, PytestMockWarning, stacklevel=5)
    return turbomock.DEFAULT


class _Patcher:
    """``mocker.patch``: the patch family, each started now and stopped with the fixture."""

    def __init__(self, mocker: MockerFixture) -> None:
        self._mocker = mocker

    def _start(self, patcher: Any, warn_on_enter: bool) -> Any:
        mocked = patcher.start()
        self._mocker._patches_and_mocks.append((patcher, mocked))
        if warn_on_enter and isinstance(mocked, turbomock.MagicMixin):
            try:
                enter = mocked.__enter__
            except AttributeError:  # its spec has no __enter__
                return mocked
            if enter.side_effect is None:
                enter.side_effect = _warn_on_enter
        return mocked

    def __call__(self, target: str, *args: Any, **kwargs: Any) -> Any:
        """``patch(target, ...)``, started; returns the mock (or ``new``)."""
        return self._start(_patch(target, *args, **kwargs), True)

    def object(self, target: Any, attribute: str, *args: Any, **kwargs: Any) -> Any:
        """``patch.object(target, attribute, ...)``, started."""
        return self._start(_patch.object(target, attribute, *args, **kwargs), True)

    def context_manager(self, target: Any, attribute: str, *args: Any, **kwargs: Any) -> Any:
        """``patch.object`` without the warning on ``with``: for mocking context managers."""
        return self._start(_patch.object(target, attribute, *args, **kwargs), False)

    def multiple(self, target: Any, *args: Any, **kwargs: Any) -> Any:
        """``patch.multiple(target, ...)``, started; returns the dict of created mocks."""
        return self._start(_patch.multiple(target, *args, **kwargs), True)

    def dict(self, in_dict: Any, values: Any = (), clear: bool = False, **kwargs: Any) -> Any:
        """``patch.dict(in_dict, values, clear, ...)``, started; returns the dict."""
        return self._start(_patch.dict(in_dict, values, clear, **kwargs), True)


class MockerFixture:
    """What the ``mocker`` fixtures return: the mock API, with every patch undone at the
    end of the fixture's scope."""

    def __init__(self, config: Any = None) -> None:
        self._patches_and_mocks: list[tuple[Any, Any]] = []
        #: Mocks made by create_autospec and stub, reset by resetall too.
        self._made: list[Any] = []
        #: The spies handed out (resetall clears their records, keeps their side effect).
        self._spies: list[Any] = []
        self.mock_module = turbomock
        self.patch = _Patcher(self)
        self.Mock = turbomock.Mock
        self.MagicMock = turbomock.MagicMock
        self.NonCallableMock = turbomock.NonCallableMock
        self.NonCallableMagicMock = turbomock.NonCallableMagicMock
        self.PropertyMock = turbomock.PropertyMock
        self.AsyncMock = turbomock.AsyncMock
        self.ThreadingMock = turbomock.ThreadingMock
        self.call = turbomock.call
        self.ANY = turbomock.ANY
        self.DEFAULT = turbomock.DEFAULT
        self.sentinel = turbomock.sentinel
        self.mock_open = turbomock.mock_open
        self.seal = turbomock.seal

    # -- making mocks ----------------------------------------------------------------------

    def create_autospec(
        self, spec: Any, spec_set: bool = False, instance: bool = False, **kwargs: Any
    ) -> Any:
        """``create_autospec``, remembered so that ``resetall`` resets it."""
        made = turbomock.create_autospec(spec, spec_set, instance, **kwargs)
        self._made.append(made)
        return made

    def stub(self, name: str | None = None) -> Any:
        """A mock that accepts any arguments, for callbacks."""
        made = turbomock.MagicMock(spec=lambda *args, **kwargs: None, name=name)
        self._made.append(made)
        return made

    def async_stub(self, name: str | None = None) -> Any:
        """An ``AsyncMock`` that accepts any arguments, for async callbacks."""

        async def any_arguments(*args: Any, **kwargs: Any) -> None:
            return None

        made = turbomock.AsyncMock(spec=any_arguments, name=name)
        self._made.append(made)
        return made

    # -- spies -------------------------------------------------------------------------------

    def spy(self, obj: object, name: str, duplicate_iterators: bool = False) -> Any:
        """Wrap ``obj.name`` so that calls go through and are recorded, with the last
        result in ``spy_return`` (all of them in ``spy_return_list``) and the last
        exception in ``spy_exception``. A property, or a plain data attribute of an
        instance, is spied on as a ``PropertyMock`` would be: a read is ``call()``, an
        assignment ``call(value)``; the value reaches the code as before."""
        prop = _static_property(obj, name)
        if prop is not None:
            return self._spy_property(obj, name, prop)
        method = getattr(obj, name)
        if not callable(method):
            return self._spy_data(obj, name)
        spy_obj: Any = None

        def record_result(result: Any) -> Any:
            spy_obj.spy_return_iter = None
            if duplicate_iterators:
                result, spy_obj.spy_return_iter = _duplicate(result)
            spy_obj.spy_return = result
            spy_obj.spy_return_list.append(result)
            return result

        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            spy_obj.spy_return = spy_obj.spy_exception = None
            try:
                result = await method(*args, **kwargs)
            except BaseException as exc:
                spy_obj.spy_exception = exc
                raise
            return record_result(result)

        def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
            spy_obj.spy_return = spy_obj.spy_exception = None
            try:
                result = method(*args, **kwargs)
            except BaseException as exc:
                spy_obj.spy_exception = exc
                raise
            return record_result(result)

        spy_wrapper: Any = async_wrapper if iscoroutinefunction(method) else sync_wrapper
        functools.update_wrapper(spy_wrapper, method)
        autospec = isinstance(method, (FunctionType, MethodType))
        spy_obj = self.patch.object(obj, name, side_effect=spy_wrapper, autospec=autospec)
        _init_spy(spy_obj)
        self._spies.append(spy_obj)
        return spy_obj

    def spying(self, obj: object, name: str, duplicate_iterators: bool = False) -> _Spying:
        """``with mocker.spying(obj, name) as spy:``: a spy that stops on leaving the block."""
        return _Spying(self, obj, name, duplicate_iterators)

    def _spy_property(self, obj: object, name: str, prop: property) -> Any:
        owner = obj if isinstance(obj, type) else type(obj)
        return self._spy_accessors(
            obj,
            name,
            lambda instance: prop.__get__(instance, owner),
            prop.__set__,
            prop.__delete__,
            prop.__doc__,
        )

    def _spy_data(self, obj: object, name: str) -> Any:
        owner = type(obj)
        if isinstance(obj, type):
            raise TypeError(msg.SPY_CLASS_DATA.format(owner=obj.__qualname__, name=name))
        if not hasattr(obj, "__dict__"):
            raise TypeError(msg.SPY_NO_DICT.format(owner=owner.__qualname__, name=name))
        missing: Any = object()
        default = class_attribute(owner, name, missing)

        def get(instance: Any) -> Any:
            own = instance.__dict__
            if name in own:
                return own[name]
            if default is missing:
                owner_name = type(instance).__name__
                raise AttributeError(msg.NO_ATTRIBUTE.format(owner=owner_name, name=name))
            return default

        def set_(instance: Any, value: Any) -> None:
            instance.__dict__[name] = value

        def delete(instance: Any) -> None:
            try:
                del instance.__dict__[name]
            except KeyError:
                raise AttributeError(name) from None

        return self._spy_accessors(obj, name, get, set_, delete, None, create=default is missing)

    def _spy_accessors(
        self,
        obj: object,
        name: str,
        get: Callable[[Any], Any],
        set_: Callable[[Any, Any], None],
        delete: Callable[[Any], None],
        doc: str | None,
        create: bool = False,
    ) -> Any:
        """Put a recording property in place of ``name`` on ``obj``'s class (on ``obj``
        itself when it is a class); an instance's spy records only that instance."""
        owner = obj if isinstance(obj, type) else type(obj)
        only = None if isinstance(obj, type) else obj
        spy_obj = turbomock.MagicMock(name=name)
        _init_spy(spy_obj)

        def getter(instance: Any) -> Any:
            if only is not None and instance is not only:
                return get(instance)
            spy_obj.spy_return = spy_obj.spy_exception = None
            spy_obj()
            try:
                result = get(instance)
            except BaseException as exc:
                spy_obj.spy_exception = exc
                raise
            spy_obj.spy_return = result
            spy_obj.spy_return_list.append(result)
            return result

        def setter(instance: Any, value: Any) -> None:
            if only is None or instance is only:
                spy_obj(value)
            set_(instance, value)

        spied = property(getter, setter, delete, doc)
        self.patch.object(owner, name, spied, create=create)
        # stop(spy) finds the patch through the spy.
        patcher, _ = self._patches_and_mocks[-1]
        self._patches_and_mocks[-1] = (patcher, spy_obj)
        self._spies.append(spy_obj)
        return spy_obj

    # -- undoing ---------------------------------------------------------------------------

    def resetall(self, *, return_value: bool = False, side_effect: bool = False) -> None:
        """Reset every mock this fixture made or patched in, and spies' records (a spy
        keeps its side effect, which is what calls the original)."""
        mocks = [mocked for _, mocked in self._patches_and_mocks] + self._made
        for mocked in mocks:
            target = mocked
            if isinstance(mocked, FunctionType):  # an autospecced function
                target = getattr(mocked, "mock", None)
            if not isinstance(target, turbomock.NonCallableMock):
                continue
            spy = any(mocked is known for known in self._spies)
            target.reset_mock(return_value=return_value, side_effect=side_effect and not spy)
            if spy:
                _init_spy(mocked)

    def stopall(self) -> None:
        """Stop every patch this fixture started, last first."""
        while self._patches_and_mocks:
            patcher, _ = self._patches_and_mocks.pop()
            patcher.stop()
        self._made.clear()
        self._spies.clear()

    def stop(self, mock: Any) -> None:
        """Stop the patch that put ``mock`` in place (a spy's too)."""
        for index, (patcher, mocked) in enumerate(self._patches_and_mocks):
            if mocked is mock:
                del self._patches_and_mocks[index]
                patcher.stop()
                return
        raise ValueError(msg.NOT_REGISTERED)


class _Spying:
    """The context manager of ``mocker.spying``."""

    def __init__(self, mocker: MockerFixture, obj: object, name: str, duplicate: bool) -> None:
        self.mocker = mocker
        self.args = (obj, name, duplicate)
        self.spy: Any = None

    def __enter__(self) -> Any:
        self.spy = self.mocker.spy(*self.args)
        return self.spy

    def __exit__(self, *exc_info: object) -> None:
        self.mocker.stop(self.spy)


def _init_spy(spy_obj: Any) -> None:
    spy_obj.spy_return = None
    spy_obj.spy_return_iter = None
    spy_obj.spy_return_list = []
    spy_obj.spy_exception = None


def _static_property(obj: object, name: str) -> property | None:
    """The property ``name`` of ``obj``'s class (or of ``obj``, a class), if it is one."""
    owner = obj if isinstance(obj, type) else type(obj)
    found = class_attribute(owner, name)
    return found if isinstance(found, property) else None


def _duplicate(result: Any) -> tuple[Any, Any]:
    """(what the caller gets, an independent copy) for iterators; (result, None) otherwise."""
    if hasattr(type(result), "__anext__") and hasattr(type(result), "__aiter__"):
        first, second = _async_tee(result)
        return first, second
    if hasattr(type(result), "__next__") and hasattr(type(result), "__iter__"):
        first_it, second_it = itertools.tee(result, 2)
        return first_it, second_it
    return result, None


def _async_tee(source: AsyncIterator[Any]) -> tuple[AsyncIterator[Any], AsyncIterator[Any]]:
    """Two async iterators giving the same items as ``source``, each at its own pace."""
    buffers: list[list[Any]] = [[], []]
    done: list[bool] = [False]

    async def one(mine: list[Any], other: list[Any]) -> AsyncIterator[Any]:
        while True:
            if mine:
                yield mine.pop(0)
                continue
            if done[0]:
                return
            try:
                item = await source.__anext__()
            except StopAsyncIteration:
                done[0] = True
                return
            other.append(item)
            yield item

    return one(buffers[0], buffers[1]), one(buffers[1], buffers[0])


def make_fixture(config: Any) -> Iterator[MockerFixture]:
    """The body of every ``mocker`` fixture: yield one, stop everything after."""
    mocker = MockerFixture(config)
    try:
        yield mocker
    finally:
        mocker.stopall()
