"""Differences from unittest.mock found by real suites and by differential testing:
each reproduction behaves as the stdlib's, on every Python version."""

from __future__ import annotations

import abc
import copy
import re
import sys
import threading
from collections.abc import Iterable, Sized
from typing import Any

import pytest

from engine_support import assert_same, exact_exception, same_steps


class Foo:
    def meth(self, a: Any, b: Any) -> None: ...


class WithStatic:
    @staticmethod
    def s(a: Any) -> None: ...

    @classmethod
    def c(cls, a: Any) -> None: ...


class _DirRaises(type):
    def __dir__(cls) -> Any:
        raise RuntimeError("no dir")


class DirRaises(metaclass=_DirRaises):
    pass


class _GetattrRaises(type):
    def __getattr__(cls, name: str) -> Any:
        raise RuntimeError("getattr " + name)


class GetattrRaises(metaclass=_GetattrRaises):
    pass


class SignatureRaises:
    @property
    def __signature__(self) -> Any:
        raise RuntimeError("sig")

    def __call__(self) -> None: ...


class CallIsFive:
    __call__ = 5


def _handle(mod: Any) -> Any:
    return mod.mock_open()()


def _with(obj: Any) -> Any:
    with obj as entered:
        return type(entered).__name__


SCENARIOS = {
    "wrong argument count names NonCallableMock": lambda mod: mod.Mock().assert_called_once(1),
    "default side effect called wrongly": lambda mod: mod.MagicMock().__iter__(1),
    "attach_mock of an int": lambda mod: mod.Mock().attach_mock(5, "x"),
    "repr with an int parent": lambda mod: repr(mod.Mock(parent=5)),
    "child of an int parent": lambda mod: repr(mod.Mock(parent=5).a),
    "call with an int parent": lambda mod: mod.Mock(parent=5, name="x")(),
    "len of a mock_open handle": lambda mod: len(_handle(mod)),
    "a mock_open handle minus one": lambda mod: _handle(mod) - 1,
    "with a mock_open handle": lambda mod: _with(_handle(mod)),
    "in a mock_open handle": lambda mod: "x" in _handle(mod),
    "len of MagicMock(spec=[])": lambda mod: len(mod.MagicMock(spec=[])),
    "MagicMock(spec=[]) minus one": lambda mod: mod.MagicMock(spec=[]) - 1,
    "with MagicMock(spec=[])": lambda mod: _with(mod.MagicMock(spec=[])),
    "autospec child configured by keyword, wrong call": lambda mod: mod.create_autospec(
        Foo, **{"meth.return_value": 3}
    ).meth(1, 2, 3),
    "autospec child configured by keyword": lambda mod: mod.create_autospec(
        Foo, **{"meth.return_value": 3}
    ).meth(1, 2),
    "patch with autospec and a child keyword": lambda mod: _patched_meth(mod),
    "_mock_methods set by hand": lambda mod: _set_then(mod, "_mock_methods", 5, "a"),
    "reset_mock(5)": lambda mod: mod.Mock().reset_mock(5),
    "attach_mock of a function": lambda mod: _attach_function(mod),
    "attach_mock of itself": lambda mod: _attach_self(mod),
    "attach_mock of an ancestor": lambda mod: _attach_ancestor(mod),
    "repr of Mock(name=1)": lambda mod: repr(mod.Mock(name=1)),
    "repr of a child of Mock(name=1)": lambda mod: repr(mod.Mock(name=1).a),
    "mock_add_spec after create_autospec": lambda mod: _add_spec_after_autospec(mod),
    "an attribute set on ANY": lambda mod: _set_on_any(mod),
    "side_effect of an autospecced function's assert helper": lambda mod: _assert_helper(mod),
    "names of mock_open's side effects": lambda mod: _open_effect_names(mod),
    "autospecced staticmethod called wrongly": lambda mod: mod.create_autospec(WithStatic).s(),
    "autospecced classmethod called wrongly": lambda mod: mod.create_autospec(WithStatic).c(),
    "PropertyMock as a magic method": lambda mod: _property_magic(mod),
    "spec whose metaclass __dir__ raises": lambda mod: mod.Mock(spec=DirRaises).x,
    "spec whose metaclass __getattr__ raises": lambda mod: repr(mod.Mock(spec=GetattrRaises)),
    "autospec of an object whose __signature__ raises": lambda mod: mod.create_autospec(
        SignatureRaises()
    )(),
    "autospec of a class whose __call__ is 5": lambda mod: mod.create_autospec(CallIsFive)(),
    "MRO of every kind": lambda mod: _mro_names(mod),
    "subclass with its own __call__, async spec": lambda mod: _own_call_async_spec(mod),
    "Mock subclass with an ABC, abstract dunder": lambda mod: _abc_subclass(mod, Iterable),
    "MagicMock subclass with an ABC, abstract dunder": lambda mod: _abc_subclass(
        mod, Sized, magic=True
    ),
    "MagicMock subclass with an ABC, abstract method": lambda mod: _abc_subclass(
        mod, Abstract, magic=True
    ),
    "MagicMock subclass with an ABC, implemented": lambda mod: _abc_subclass(
        mod, Implemented, magic=True
    ),
    "_spec_set before any spec": lambda mod: [
        mod.NonCallableMock()._spec_set,
        mod.Mock(side_effect=[1])._spec_set,
        mod.Mock(spec=[])._spec_set,
        mod.Mock(spec_set=[])._spec_set,
    ],
    "mock_add_spec that fails changes nothing": lambda mod: _failed_add_spec(mod),
    "MagicMock specced on an autospecced function": lambda mod: _spec_on_autospec(mod),
    "str() of a MagicMock whose repr raises": lambda mod: _str_raising(mod),
    "names of AsyncMock's __call__": lambda mod: (
        mod.AsyncMock().__call__.__name__, mod.AsyncMock().__call__.__qualname__
    ),
    "names of a function set as a magic method": lambda mod: _function_magic_names(mod),
    "module and name of a subclass's mock class": lambda mod: _subclass_class_names(mod),
    "__getattr__ of an int": lambda mod: mod.Mock().__getattr__(1),
    "__getattr__ of a tuple": lambda mod: mod.Mock().__getattr__((1, 2)),
    "__getattr__ of an int, with a spec": lambda mod: mod.Mock(spec=[]).__getattr__(1),
    "mock_add_spec failing in the spec's attributes": lambda mod: _add_spec_holding(mod),
    "adopting a magic method below an int parent": lambda mod: setattr(
        mod.MagicMock(parent=5), "__len__", mod.PropertyMock(return_value=3)
    ),
    "shallow copy shares its children": lambda mod: _copy_shares_children(mod),
    "private call attributes set by hand": lambda mod: _private_call_attributes(mod),
    "_spec_asyncs set by hand": lambda mod: _spec_asyncs_by_hand(mod),
    "deleting a magic method set on the mock's class": lambda mod: _class_set_magic_deleted(mod),
    "deleting __call__ from an async-specced mock's class": lambda mod: _async_class_call(mod),
    "mock_add_spec lacking a magic method set on the class": lambda mod: _class_set_magic_specced(
        mod
    ),
    "_spec_asyncs set by hand, then a magic method": lambda mod: _spec_asyncs_magic(mod, None),
    "_spec_asyncs set by hand, then the return value": lambda mod: _spec_asyncs_magic(mod, "()"),
    "_spec_asyncs listing '()' and a magic": lambda mod: _spec_asyncs_listing(mod, None),
    "_spec_asyncs listing '()' and a magic, specced": lambda mod: _spec_asyncs_listing(mod, list),
    "deepcopy of a mock specced on an object holding a lock": lambda mod: _deepcopy_locked(mod),
    "mock_open's side effects": lambda mod: _open_effects(mod),
    "where an autospecced function's frames say they are": lambda mod: _funcopy_frames(mod),
    "dir and attributes after mock_add_spec on an autospec": lambda mod: _add_spec_on_autospec(
        mod
    ),
    "module of an autospecced function's helpers": lambda mod: [
        getattr(mod.create_autospec(lambda: 0), name).__module__ == mod.Mock.__module__
        for name in ("assert_has_calls", "assert_called_with", "reset_mock")
    ],
    "shallow copy of an AsyncMock shares its await list": lambda mod: _copy_awaits(mod),
    "a function set as a magic method, read off the class": lambda mod: _class_level_magic(mod),
    "mock_open's side effects called wrongly": lambda mod: [
        exact_exception(getattr(_handle(mod), name).side_effect, 1)
        for name in ("__iter__", "__next__", "read")
    ],
    "mock_open's side effects' signatures": lambda mod: _open_effect_signatures(mod),
    "names of inherited methods": lambda mod: [
        f"{kind}.{method}: {getattr(getattr(mod, kind), method).__qualname__}"
        for kind in ("Mock", "MagicMock", "NonCallableMagicMock", "AsyncMock")
        for method in ("__init__", "reset_mock", "__dir__")
    ],
    "dir() once method_calls is deleted": lambda mod: [
        "method_calls" in dir(_deleted_method_calls(make())) for make in (mod.Mock, mod.MagicMock)
    ],
    "dir() with _mock_methods set by hand": lambda mod: _dir_of_hand_set_methods(mod),
    "PropertyMock as a magic method, the calls it records": lambda mod: _property_magic_calls(
        mod
    ),
    "comparisons assert_called_with makes": lambda mod: _counted_comparisons(mod),
    "create_autospec with a mock as an attribute keyword": lambda mod: _autospec_keyword_mock(
        mod
    ),
    "autospec of a property": lambda mod: _autospec_property(mod),
    "create_autospec with a method given as a keyword": lambda mod: _autospec_keyword_method(mod),
    "patch with autospec of a staticmethod and a classmethod": lambda mod: _patched_static(mod),
}


def _patched_static(mod: Any) -> Any:
    seen = []
    for name in ("s", "c"):
        with mod.patch.object(WithStatic, name, autospec=True) as patched:
            seen += [exact_exception(patched, *args) for args in ((), (1,), (1, 2))]
    seen.append(exact_exception(mod.create_autospec(WithStatic.__dict__["s"])))
    return seen


class _WithProperty:
    @property
    def p(self) -> int:
        return 1


def _autospec_keyword_method(mod: Any) -> Any:
    """Found by aiohttp's tests: ``create_autospec(AbstractStreamWriter, write=write,
    spec_set=True, instance=True)``; the stdlib's walk replaces the method up to
    3.12.3 and keeps it from 3.12.4."""

    def plain(data: Any) -> str:
        return "mine"

    seen = []
    for given in (plain, mod.Mock(), mod.Mock(name="named")):
        for instance in (False, True):
            m = mod.create_autospec(_Protocol, instance=instance, spec_set=True, write=given)
            seen.append((m.write is given, type(m.write).__name__))
            seen.append(exact_exception(m.write, 1, 2))
    return seen


def _autospec_property(mod: Any) -> Any:
    seen = []
    m = mod.create_autospec(_WithProperty.__dict__["p"])
    seen.append(sorted(set(dir(m)) - set(dir(mod.MagicMock()))))
    seen.append([repr(getattr(m, n)) for n in ("fget", "fset", "getter")])
    seen.append(exact_exception(m.fget))
    with mod.patch.object(_WithProperty, "p", autospec=True) as patched:
        seen.append(sorted(set(dir(patched)) - set(dir(mod.MagicMock()))))
        del patched.setter
        seen.append("setter" in dir(patched))
    return seen


class _Protocol:
    transport = None

    def write(self, data: Any) -> None: ...


def _autospec_keyword_mock(mod: Any) -> Any:
    """Found by aiohttp's tests: ``create_autospec(BaseProtocol, instance=True,
    transport=transport)`` with an unnamed mock."""
    seen = []
    for given in (mod.Mock(), mod.Mock(name="named"), mod.MagicMock(), 5):
        for spec_set in (False, True):
            p = mod.create_autospec(_Protocol, spec_set=spec_set, instance=True, transport=given)
            seen.append(p.transport is given)
            if given != 5:
                p.transport.is_closing()
                seen.append((repr(given.mock_calls), repr(p.mock_calls)))
    return seen


class _Counting:
    """Equal to anything, counting how often it is asked."""

    def __init__(self) -> None:
        self.asked = 0

    def __eq__(self, other: object) -> bool:
        self.asked += 1
        return other != "no"

    __hash__ = None  # type: ignore[assignment]


def _counted_comparisons(mod: Any) -> Any:
    def f(a: Any, b: Any) -> None: ...

    counts = []
    for m in (mod.Mock(), mod.Mock(spec=f), mod.create_autospec(f)):
        m(1, "no")
        counter = _Counting()
        counts.append(exact_exception(m.assert_called_with, 1, counter)[0])
        m(1, "yes")
        m.assert_called_with(1, counter)
        counts.append(counter.asked)
    return counts


def _copy_awaits(mod: Any) -> Any:
    import asyncio

    original = mod.AsyncMock()
    asyncio.run(original(0))
    copied = copy.copy(original)
    asyncio.run(copied(1))
    asyncio.run(original(2))
    return [
        (m.await_args_list, m.await_count, m.await_args, m.call_count)
        for m in (original, copied)
    ]


def _class_level_magic(mod: Any) -> Any:
    m = mod.MagicMock()
    m.__len__ = lambda self: 7
    method = type(m).__len__
    return method(m), method.__name__, method.__qualname__, method is type(m).__len__


def _open_effect_signatures(mod: Any) -> Any:
    import inspect

    handle = _handle(mod)
    names = ("read", "readlines", "__iter__", "__next__", "__exit__")
    effects = [getattr(handle, name).side_effect for name in names]
    return [
        (str(inspect.signature(e)), inspect.isgeneratorfunction(e), e.__module__ == mod.__name__)
        for e in effects
        if e is not None
    ]


def _deleted_method_calls(m: Any) -> Any:
    del m.method_calls
    return m


def _dir_of_hand_set_methods(mod: Any) -> Any:
    handle = _handle(mod)
    handle._mock_methods = None
    specced = mod.Mock(spec=["a", "b"])
    specced._mock_methods = ["x", "__len__"]
    bad = mod.Mock()
    bad._mock_methods = 5
    return dir(handle), dir(specced), exact_exception(dir, bad)


def _property_magic_calls(mod: Any) -> Any:
    m = mod.MagicMock()
    m.__str__ = mod.PropertyMock(return_value="p")
    before = repr(m.mock_calls)
    return before, m.__str__, repr(m.mock_calls)


class Walked:
    attr = 1

    def meth(self, a: Any) -> None: ...

    class Inner:
        pass


def _add_spec_on_autospec(mod: Any) -> Any:
    def f(a: Any) -> None: ...

    m = mod.create_autospec(Walked())
    m.mock_add_spec(f, spec_set=True)
    names = sorted(set(dir(m)) - set(dir(f)))
    return names, [hasattr(m, n) for n in ("attr", "Inner", "meth")]


class Locked:
    def __init__(self) -> None:
        self.lock = threading.Lock()

    def meth(self, a: Any) -> None: ...


def _funcopy_frames(mod: Any) -> Any:
    def target(a: Any) -> None: ...

    def caller_of_the_mock(*args: Any) -> Any:
        code = sys._getframe(4).f_code
        return code.co_filename, sys._getframe(4).f_lineno, code.co_name

    function = mod.create_autospec(target)
    function.side_effect = caller_of_the_mock
    return function(1), function.__code__.co_filename, function.__code__.co_firstlineno


def _open_effects(mod: Any) -> Any:
    m = mod.mock_open(read_data="a\nb\n")
    handle = m()
    effects = [m.side_effect, handle.read.side_effect, handle.__iter__.side_effect]
    shown = [re.sub(r" at 0x\w+", "", repr(effect)) for effect in effects]
    same_module = [effect.__module__ == mod.Mock.__module__ for effect in effects]
    return shown, same_module, m().read(), list(m())


def _deepcopy_locked(mod: Any) -> Any:
    copied = copy.deepcopy(mod.Mock(spec=Locked()))
    copied.meth(1)
    return copied.meth.call_args_list, copied._spec_class, hasattr(copied, "nope")


def _spec_asyncs_by_hand(mod: Any) -> Any:
    m = mod.Mock()
    m._spec_asyncs = ["x"]
    p = mod.PropertyMock()
    p._spec_asyncs = 5
    return type(m.x).__name__, type(m.y).__name__, m._spec_asyncs, p._spec_asyncs


def _steps(*steps: Any) -> list[str]:
    """What each step returned or raised, in order."""
    seen = []
    for step in steps:
        try:
            seen.append(repr(step())[:60])
        except Exception as exc:
            seen.append(f"{type(exc).__name__}: {exc}")
    return seen


def _async_class_call(mod: Any) -> Any:
    # Its class inherits __call__ (the stdlib's holds none of its own): deleting it
    # fails; one set on it by hand can be deleted.
    async def af(x: Any) -> Any:
        return x

    m = mod.MagicMock(spec=af)

    def delete() -> None:
        del type(m).__call__

    def set_own() -> None:
        type(m).__call__ = lambda self, *args: "own"

    return _steps(delete, set_own, lambda: m(1), delete, lambda: type(m).__call__.__qualname__)


def _class_set_magic_deleted(mod: Any) -> Any:
    # The user's method replaced the stdlib's default on the class: a deletion takes
    # it off, and no default comes back; a configured method stays a child until a
    # later deletion marks it deleted.
    m = mod.MagicMock()
    m.__getitem__.return_value = 9
    type(m).__getitem__ = lambda self, key: key

    def delete() -> None:
        del m.__getitem__

    return _steps(
        lambda: m[1], delete, lambda: m.__getitem__, lambda: "__getitem__" in dir(m),
        delete, lambda: "__getitem__" in dir(m), delete,
    )


def _class_set_magic_specced(mod: Any) -> Any:
    m = mod.MagicMock()
    type(m).__len__ = lambda self: 4
    type(m).__getitem__ = lambda self, key: key
    m.mock_add_spec(["__len__", "x"])
    n = mod.NonCallableMagicMock()
    type(n).__len__ = lambda self: 4
    n.mock_add_spec(object())
    return _steps(lambda: len(m), lambda: m[1], lambda: m.__getitem__, lambda: len(n))


def _spec_asyncs_magic(mod: Any, what: Any) -> Any:
    # The stdlib's _get_child_mock asks `name in _spec_asyncs` for every child, a
    # magic method and the return value too: a Mock there is not iterable.
    m = mod.MagicMock()
    m._spec_asyncs = mod.Mock()
    if what == "()":
        return m()
    m.__len__.return_value = 3
    return len(m)


def _spec_asyncs_listing(mod: Any, spec: Any) -> Any:
    m = mod.MagicMock(spec=spec)
    m._spec_asyncs = ["()", "__len__"]
    return type(m()).__name__, type(m.__len__).__name__


def _private_call_attributes(mod: Any) -> Any:
    m = mod.Mock()
    m._mock_call_args = True
    m._mock_call_count = 3
    m._mock_mock_calls = [1]
    seen = [m.call_args, m.call_count, m.called, m.mock_calls]
    m._mock_called = 0
    return [*seen, m.called, m._mock_call_args, m._mock_call_count]


def _copy_shares_children(mod: Any) -> Any:
    m = mod.Mock()
    _ = m.cached
    _ = m.cached  # reached twice: turbomock keeps it as an instance attribute
    c = copy.copy(m)
    c.register("needs-retry", 1)
    del c.gone
    del c.cached
    c.emit = mod.Mock(name="new")
    d = copy.copy(c)
    _ = d.z
    return (
        c.register is m.register, m.register.call_args_list, hasattr(m, "gone"),
        hasattr(m, "cached"), m.emit is c.emit, m.method_calls == c.method_calls,
        m._mock_children is c._mock_children, m.z is d.z,
    )


def _function_magic_names(mod: Any) -> Any:
    m = mod.MagicMock()
    m.__str__ = lambda self: "s"
    return m.__str__.__name__, m.__str__.__qualname__, m.__str__.__code__.co_name, str(m)


def _subclass_class_names(mod: Any) -> Any:
    class Sub(mod.MagicMock):  # type: ignore[misc, name-defined]
        pass

    cls = type(Sub())
    # (the module's own name differs: unittest.mock, turbomock)
    return cls.__module__ == mod.MagicMock.__module__, cls.__qualname__, cls.__name__


class Holding:
    def __init__(self, held: Any) -> None:
        self.held = held


def _add_spec_holding(mod: Any) -> Any:
    m = mod.Mock(spec=lambda a: 0)
    try:
        m.mock_add_spec(Holding(m), spec_set=True)
    except TypeError as exc:
        raised = str(exc)
    return raised, repr(m), m._spec_set, m._spec_class


class Abstract(abc.ABC):
    @abc.abstractmethod
    def foo(self) -> None: ...

    @abc.abstractmethod
    def __len__(self) -> int: ...


class Implemented(Iterable):  # type: ignore[type-arg]
    def __iter__(self) -> Any:
        return iter([1])


async def _coroutine_function() -> None: ...


def _mro_names(mod: Any) -> Any:
    made = [
        mod.Mock(), mod.MagicMock(), mod.NonCallableMagicMock(), mod.AsyncMock(),
        mod.Mock(spec=_coroutine_function), mod.MagicMock(spec=_coroutine_function),
        mod.NonCallableMock(spec=_coroutine_function), mod.mock_open()(),
        mod.MagicMock(spec=[]), mod.PropertyMock(),
    ]
    # (less MagicSlots, the base documented as KD-class-layout)
    return [[k.__name__ for k in type(m).__mro__ if k.__name__ != "MagicSlots"] for m in made]


def _own_call_async_spec(mod: Any) -> Any:
    class Own(mod.Mock):  # type: ignore[misc, name-defined]
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return "own"

    m = Own(spec=_coroutine_function)
    return m(), type(m).__call__.__qualname__


def _abc_subclass(mod: Any, abc_class: type, magic: bool = False) -> Any:
    kind = mod.MagicMock if magic else mod.Mock
    sub = type("Sub", (kind, abc_class), {})
    made = sub()
    return isinstance(made, abc_class), sorted(type(made).__abstractmethods__)


class AnswersAll:
    def __getattr__(self, name: str) -> Any:
        return 1


def _failed_add_spec(mod: Any) -> Any:
    m = mod.NonCallableMock(side_effect=[1, 2])
    try:
        m.mock_add_spec(AnswersAll(), spec_set=True)
    except TypeError as exc:
        raised = str(exc)
    m.anything = 1
    return raised, repr(m), m._spec_class, m._spec_set, m._mock_methods


def _spec_on_autospec(mod: Any) -> Any:
    function = mod.create_autospec(Foo.meth)
    mod.MagicMock(spec=function)
    return function.mock_calls


def _str_raising(mod: Any) -> Any:
    m = mod.MagicMock(name=1)
    try:
        str(m)
    except TypeError as exc:
        first = str(exc)
    return first, "__str__" in dir(m), exact_exception(str, m)


def _patched_meth(mod: Any) -> Any:
    with mod.patch.object(sys.modules[__name__], "Foo", autospec=True, **{"meth.return_value": 3}):
        return Foo().meth(1, 2, 3)  # type: ignore[call-arg]


def _set_then(mod: Any, name: str, value: Any, read: str) -> Any:
    m = mod.Mock()
    setattr(m, name, value)
    return getattr(m, read)


def _attach_function(mod: Any) -> Any:
    m = mod.Mock()

    def f() -> int:
        return 1

    m.attach_mock(f, "f")
    return (m.f is f, f._mock_name, f._mock_new_name)  # type: ignore[attr-defined]


def _attach_self(mod: Any) -> Any:
    m = mod.Mock()
    m.attach_mock(m, "me")
    return repr(m.me)


def _attach_ancestor(mod: Any) -> Any:
    m = mod.Mock()
    m.a.b.attach_mock(m, "root")
    return repr(m)


def _add_spec_after_autospec(mod: Any) -> Any:
    m = mod.create_autospec(Foo)
    m.mock_add_spec(["other"])
    return (hasattr(m, "meth"), hasattr(m, "other"), hasattr(m, "nope"))


def _set_on_any(mod: Any) -> Any:
    mod.ANY.turbomock_test_attribute = 1
    del mod.ANY.turbomock_test_attribute


def _assert_helper(mod: Any) -> Any:
    f = mod.create_autospec(lambda: None)
    f.assert_called.side_effect = 1
    return f.assert_called.side_effect


def _open_effect_names(mod: Any) -> Any:
    m = mod.mock_open()
    handle = m.return_value
    names = [
        getattr(getattr(handle, n).side_effect, "__name__", None)
        for n in ("read", "readline", "readlines", "__iter__", "__next__", "__exit__")
    ]
    return names, m.side_effect.__name__


def _property_magic(mod: Any) -> Any:
    m = mod.MagicMock()
    m.__len__ = mod.PropertyMock(return_value=3)
    return len(m)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario_behaves_as_the_stdlibs(name: str) -> None:
    """The scenario gives the stdlib's result, or its exception type and message."""
    assert_same(SCENARIOS[name])


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
def test_copies_of_a_used_magicmock(copier: Any) -> None:
    """A copy of a used MagicMock equals the original and shares its hash and str,
    and its class derives from the original's, as with the stdlib."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: m(1),
        lambda mod, m: len(m),
        lambda mod, m: setattr(m, "copied", copier(m)),
        lambda mod, m: (m.copied == m, hash(m.copied) == hash(m), str(m.copied) == str(m)),
        lambda mod, m: type(m.copied).__mro__[1] is type(m),
    )


def test_shallow_copy_records_calls_as_the_stdlibs() -> None:
    """Calls on a shallow copy land where the stdlib's land (the lists are shared)."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: m(1),
        lambda mod, m: setattr(m, "copied", copy.copy(m)),
        lambda mod, m: m.copied(2),
        lambda mod, m: (m.copied.call_args_list, m.call_args_list),
    )
