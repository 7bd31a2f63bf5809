"""``turbomock._spec``: what a mock learns from its spec, and when.

The module's helpers are held to the stdlib's own private helpers of the same job
(``_is_list``, ``_is_exception``, ``_instance_callable``, ``_check_spec_arg_typos``);
``Spec`` and its caches are tested directly (what is cached, and that a change to the
spec class is seen) and through the mocks that use them, compared with
``unittest.mock``.
"""

from __future__ import annotations

import asyncio
import collections
import copy
import functools
import gc
import inspect
import sys
import threading
import types
import unittest.mock as stdlib_mock
import warnings
import weakref
from typing import Any

import pytest

import turbomock
from engine_support import PY310, PY312, assert_same, exact_exception, same_steps
from spec_support import Spec as Sample
from spec_support import func
from turbomock import _spec


class _Callable:
    def __call__(self) -> None:
        pass


class _CallableByMeta(type):
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return super().__call__(*args, **kwargs)


class _MadeByMeta(metaclass=_CallableByMeta):
    pass


class _Derived(_Callable):
    pass


class _CallIsNone:
    __call__ = None


async def _coroutine_function() -> None:
    pass


class _Tuple(tuple):  # type: ignore[type-arg]
    __slots__ = ()


SAMPLES: list[Any] = [
    [], ["a"], (), ("a",), collections.UserList(["a"]), _Tuple(), "ab", {"a": 1},
    ValueError, ValueError("x"), KeyboardInterrupt, BaseException, Exception(), 3, None,
    _Callable, _Callable(), _Derived, _Derived(), _MadeByMeta, _MadeByMeta(), _CallIsNone,
    _CallIsNone(), func, len, type, object, staticmethod(func), _Callable().__call__,
    _coroutine_function, functools.partial(func, 1),
]
SAMPLE_IDS = [f"{i}-{type(s).__name__}" for i, s in enumerate(SAMPLES)]


# -- the helpers, against the stdlib's own -------------------------------------------------


@pytest.mark.parametrize("obj", SAMPLES, ids=SAMPLE_IDS)
def test_helpers_answer_as_the_stdlib_helpers(obj: Any) -> None:
    """``is_list``, ``is_exception`` and ``instance_callable`` say what the stdlib's
    ``_is_list``, ``_is_exception`` and ``_instance_callable`` say."""
    mine = (_spec.is_list(obj), _spec.is_exception(obj), _spec.instance_callable(obj))
    theirs = (
        stdlib_mock._is_list(obj),  # type: ignore[attr-defined]
        stdlib_mock._is_exception(obj),  # type: ignore[attr-defined]
        stdlib_mock._instance_callable(obj),  # type: ignore[attr-defined]
    )
    assert mine == theirs


@pytest.mark.parametrize("obj", SAMPLES, ids=SAMPLE_IDS)
def test_callable_answers_as_the_stdlib(obj: Any) -> None:
    """``_callable`` (is an attribute of a spec worth a callable child?) as the stdlib's."""
    assert _spec._callable(obj) == stdlib_mock._callable(obj)  # type: ignore[attr-defined]


def _marked() -> Any:
    def plain() -> None:
        pass

    if PY312:
        return inspect.markcoroutinefunction(plain)
    plain._is_coroutine = asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]
    return plain


class _AsyncMethods:
    async def run(self) -> None:
        pass

    @classmethod
    def make(cls) -> None:
        pass

    @classmethod
    async def amake(cls) -> None:
        pass

    @property
    def prop(self) -> int:
        return 1


def _marked_method() -> Any:
    class Holder:
        def method(self) -> None:
            pass

    inspect_mark = getattr(inspect, "markcoroutinefunction", None)
    if inspect_mark is not None:
        inspect_mark(Holder.method)
    else:
        Holder.method._is_coroutine = asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]
    return Holder().method


def _with_attributes() -> Any:
    def plain() -> None:
        pass

    plain.extra = 1  # type: ignore[attr-defined]
    return plain


@pytest.mark.parametrize(
    "make",
    [
        lambda: _coroutine_function,
        lambda: func,
        _marked,
        _with_attributes,
        lambda: functools.partial(_coroutine_function),
        lambda: stdlib_mock.AsyncMock(),
        lambda: stdlib_mock.Mock(),
        lambda: _Callable().__call__,
        lambda: 1,
        lambda: _AsyncMethods().run,
        lambda: _AsyncMethods.make,
        lambda: _AsyncMethods.amake,
        lambda: _marked_method(),
        lambda: object().__str__,
        lambda: object.__init__,
        lambda: str.join,
        lambda: len,
        lambda: _AsyncMethods.__dict__["prop"],
        lambda: types.FunctionType.__dict__["__name__"],
        lambda: _AsyncMethods,
        lambda: None,
    ],
    ids=["async def", "def", "marked", "def with attributes", "partial", "AsyncMock", "Mock",
         "method", "int", "async method", "classmethod", "async classmethod",
         "method of a marked function", "method-wrapper", "slot wrapper", "method descriptor",
         "builtin", "property", "getset descriptor", "class", "None"],
)
def test_iscoroutinefunction_answers_as_asyncio(make: Any) -> None:
    """The fast check says what ``asyncio.iscoroutinefunction`` (the stdlib's test of
    an async spec attribute) says."""
    obj = make()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # (deprecated in 3.14)
        expected = asyncio.iscoroutinefunction(obj)
    assert _spec.iscoroutinefunction(obj) is expected


# -- spec-argument typos --------------------------------------------------------------------


@pytest.mark.skipif(not PY310, reason="the typo check came with 3.10")
@pytest.mark.parametrize(
    "kwargs",
    [
        {"autospect": True},
        {"auto_spec": True},
        {"set_spec": True},
        {"set_spec": 1, "autospect": 1},
        {"auto_spec": 1, "set_spec": 1},
        {"auto_spec": 1, "autospect": 1},
        {"autospec": True, "spec_set": True, "spec": None},
        {"Autospect": True, "auto_spect": True, "setspec": True, "spec_sets": True},
        {},
    ],
    ids=["autospect", "auto_spec", "set_spec", "two, autospect last", "two",
         "auto_spec and autospect", "the right names", "near misses", "none"],
)
def test_spec_arg_typos_are_refused_as_the_stdlib_refuses_them(kwargs: dict[str, Any]) -> None:
    """Same exception type and message as ``unittest.mock._check_spec_arg_typos`` (the
    first typo in the stdlib's order is the one named), or nothing when it passes."""
    stdlib_check = stdlib_mock._check_spec_arg_typos  # type: ignore[attr-defined]
    assert exact_exception(_spec.check_spec_arg_typos, kwargs) == exact_exception(
        stdlib_check, kwargs
    )


@pytest.mark.parametrize("typo", ["autospect", "auto_spec", "set_spec"])
@pytest.mark.parametrize(
    "entry",
    [
        lambda mod, kw: mod.create_autospec(func, **kw),
        lambda mod, kw: mod.create_autospec(func, unsafe=True, **kw),
        lambda mod, kw: mod.patch("os.getcwd", **kw).start(),
        lambda mod, kw: mod.patch("os.getcwd", unsafe=True, **kw).start(),
        lambda mod, kw: mod.patch.object(Sample, "attr", **kw).start(),
        lambda mod, kw: mod.patch.multiple(Sample, attr=1, **kw).start(),
    ],
    ids=["create_autospec", "create_autospec unsafe", "patch", "patch unsafe", "patch.object",
         "patch.multiple"],
)
def test_spec_arg_typos_through_the_public_entry_points(typo: str, entry: Any) -> None:
    """``create_autospec`` and the ``patch`` family refuse a typo (3.10+) with the
    stdlib's error unless ``unsafe=True``; on 3.9 the keyword goes to the mock."""

    def scenario(mod: Any) -> Any:
        try:
            made = entry(mod, {typo: True})
            return type(made).__name__, getattr(made, typo, None) is True
        finally:
            mod.patch.stopall()

    assert_same(scenario)


# -- the names a spec gives -------------------------------------------------------------------


class _DirOverride:
    def __dir__(self) -> list[str]:
        return ["zeta", "alpha"]


def _instance_with_own() -> Any:
    obj = Sample()
    obj.own = 1  # type: ignore[attr-defined]
    return obj


@pytest.mark.parametrize(
    "make_spec",
    [
        lambda: Sample,
        lambda: Sample(),
        _instance_with_own,
        lambda: func,
        _with_attributes,
        lambda: types,
        lambda: _DirOverride(),
        lambda: int,
        lambda: 3,
        lambda: ["b", "a", "b"],
        lambda: ("x",),
        lambda: collections.UserList(["q"]),
    ],
    ids=["class", "instance", "instance with own attributes", "function",
         "function with attributes", "module", "__dir__", "builtin class", "int", "list",
         "tuple", "list-like"],
)
def test_spec_names_match_the_stdlib(make_spec: Any) -> None:
    """``_mock_methods`` (what the spec allows, in the stdlib's order) and what the
    mock then allows or refuses, for each kind of spec object."""
    same_steps(
        lambda mod: mod.Mock(spec=make_spec()),
        lambda mod, m: m._mock_methods,
        lambda mod, m: m._spec_class,
        lambda mod, m: (m.own, m.extra, m.zeta, m.alpha, m.b, m.x),
        lambda mod, m: m.missing,
        lambda mod, m: m.meth,
        lambda mod, m: m.append,
    )


def test_spec_from_list_keeps_the_users_list() -> None:
    """A list spec is used as given: the same list object, its order, its duplicates;
    membership only, no class and no signature."""
    names = ["b", "a", "b"]
    spec = _spec.spec_from_list(names)
    assert spec.methods is names
    assert spec.names == {"a", "b"}
    assert (spec.cls, spec.is_async("a")) == (None, False)
    for mod in (stdlib_mock, turbomock):
        assert mod.Mock(spec=names)._mock_methods is names


def test_a_class_spec_is_shared_and_follows_the_class() -> None:
    """One ``Spec`` per class while the class is unchanged, where version tags tell
    so exactly (3.11+ with the native core; else one each time); an attribute added
    to the class or one of its bases is seen by the next spec, and a removed one is
    gone."""

    class Base:
        pass

    class Child(Base):
        here = 1

    first = _spec.spec_for(Child)
    tagged = _spec._stamp(Child) is not None
    assert tagged == (_spec._type_version is not None and sys.version_info >= (3, 11))
    assert (_spec.spec_for(Child) is first) == tagged
    assert set(first.names) == set(dir(Child))
    Base.late = 2  # type: ignore[attr-defined]
    second = _spec.spec_for(Child)
    assert "late" in second.names
    assert "late" not in first.names
    del Child.here
    assert "here" not in _spec.spec_for(Child).names
    assert _spec.spec_for(int) is _spec.spec_for(int)


def test_class_edits_after_a_mock_are_seen_by_the_next_mock() -> None:
    """Attributes patched into a spec class (``patch(create=True)``, monkeypatching)
    show in mocks made afterwards, as with the stdlib."""

    def scenario(mod: Any) -> Any:
        class Klass:
            kept = 1

        seen = [hasattr(mod.Mock(spec=Klass), "added")]
        Klass.added = 2  # type: ignore[attr-defined]
        seen.append(hasattr(mod.Mock(spec=Klass), "added"))
        with mod.patch.object(Klass, "patched", create=True):
            seen.append(hasattr(mod.Mock(spec=Klass), "patched"))
        seen.append(hasattr(mod.Mock(spec=Klass), "patched"))
        return seen

    assert_same(scenario)


def _edits_keeping_the_size(mod: Any) -> Any:
    class Klass:
        def __init__(self, a: Any) -> None: ...

        def meth(self) -> None: ...

        gone = 1

    async def ameth(self: Any) -> None: ...

    def init2(self: Any, a: Any, b: Any) -> None: ...

    seen = [type(mod.Mock(spec=Klass).meth).__name__, hasattr(mod.Mock(spec=Klass), "gone")]
    del Klass.gone
    Klass.new = 2  # type: ignore[attr-defined]  # the same number of names
    seen += [hasattr(mod.Mock(spec=Klass), n) for n in ("gone", "new")]
    with mod.patch.object(Klass, "meth", ameth), mod.patch.object(Klass, "__init__", init2):
        seen.append(type(mod.Mock(spec=Klass).meth).__name__)
        seen.append(exact_exception(mod.create_autospec(Klass), 1))
    seen.append(type(mod.Mock(spec=Klass).meth).__name__)
    seen.append(exact_exception(mod.create_autospec(Klass), 1))
    return seen


@pytest.mark.parametrize("stamp", ["native", "snapshot"])
def test_class_edits_keeping_the_size_are_seen(stamp: str, monkeypatch: Any) -> None:
    """A class edited without a change in the number of its names (an attribute
    swapped for another, a method replaced by an async one, ``__init__`` patched) is
    seen by the next mock, whichever stamp tells (a size would not)."""
    if stamp == "snapshot":
        monkeypatch.setattr(_spec, "_type_version", None)
    elif _spec._type_version is None:
        pytest.skip("no native core")
    assert_same(_edits_keeping_the_size)


def test_a_metaclass_dir_is_asked_every_time() -> None:
    """A class whose metaclass has its own ``__dir__`` is never cached: each mock gets
    what ``dir()`` says at the time, as with the stdlib."""

    def scenario(mod: Any) -> Any:
        answers = [["one"], ["two"]]

        class Meta(type):
            def __dir__(cls) -> list[str]:
                return answers[0]

        class Klass(metaclass=Meta):
            pass

        first = mod.Mock(spec=Klass)
        answers.pop(0)
        second = mod.Mock(spec=Klass)
        return first._mock_methods, second._mock_methods, hasattr(second, "one")

    assert_same(scenario)


def test_a_function_spec_shares_the_names_of_every_function() -> None:
    """A plain function's ``Spec`` is FunctionType's, shared by every such function
    (so it keeps none alive), until the function has attributes of its own; a mock
    specced on it doesn't keep it alive either, as the stdlib's doesn't."""

    def one(a: Any) -> None:
        pass

    functions = _spec.spec_for_class(types.FunctionType)
    assert _spec.spec_for(one) is functions
    assert _spec.spec_for(one).cls is types.FunctionType
    gone = weakref.ref(one)
    mock = turbomock.Mock(spec=one)
    del one
    gc.collect()
    assert gone() is None
    assert "__call__" in dir(mock)

    def two(a: Any) -> None:
        pass

    two.tag = 1  # type: ignore[attr-defined]
    assert "tag" in _spec.spec_for(two).names
    assert _spec.spec_for(two).names is not functions.names


def test_magic_slots_are_the_supported_magics_the_spec_has() -> None:
    """``magic_slots`` intersects with the set it is given, and a different set (even
    an equal one) is not answered from the cache of another."""
    spec = _spec.spec_from_list(["__len__", "__iter__", "x"])
    first = frozenset({"__len__", "__eq__"})
    assert spec.magic_slots(first) == {"__len__"}
    assert spec.magic_slots(first) is spec.magic_slots(first)
    assert spec.magic_slots(frozenset({"__iter__", "__contains__"})) == {"__iter__"}
    assert spec.magic_slots(frozenset()) == frozenset()


@pytest.mark.parametrize(
    "spec",
    [["__len__"], ["__iter__", "__len__"], list, ["x"]],
    ids=["__len__", "__iter__ and __len__", "list class", "no magic"],
)
def test_a_specced_magicmock_has_the_magics_its_spec_has(spec: Any) -> None:
    """A specced MagicMock configures only the magic methods its spec has."""
    same_steps(
        lambda mod: mod.MagicMock(spec=spec),
        lambda mod, m: len(m),
        lambda mod, m: list(m),
        lambda mod, m: 1 in m,
        lambda mod, m: m[0],
        lambda mod, m: m.__len__,
    )


# -- what is read from the spec, and when -----------------------------------------------------


class WithAsync:
    async def amethod(self) -> None:
        pass

    def method(self) -> None:
        pass


def _counting_instance(counter: list[int]) -> Any:
    class Counted:
        @property
        def prop(self) -> int:
            counter.append(1)
            return 1

        async def amethod(self) -> None:
            pass

    return Counted()


def test_properties_of_an_instance_spec_run_as_with_the_stdlib() -> None:
    """Before 3.13 the stdlib reads every attribute of an instance spec when the mock
    is made (properties run once); from 3.13 it reads none: the same count here."""

    def scenario(mod: Any) -> Any:
        counter: list[int] = []
        m = mod.Mock(spec=_counting_instance(counter))
        made = len(counter)
        _ = m.prop
        return made, len(counter), type(m.amethod).__name__

    assert_same(scenario)


def test_a_raising_property_of_an_instance_spec() -> None:
    """What a property raises while the spec is read, the stdlib's constructor raises
    before 3.13; from 3.13 nothing is read."""

    class Touchy:
        @property
        def prop(self) -> int:
            raise ValueError("read me not")

    assert_same(lambda mod: mod.Mock(spec=Touchy()).prop)


def test_async_attributes_decided_when_the_mock_is_made() -> None:
    """Which children are AsyncMocks: the spec's coroutine functions, decided when the
    mock is made (an instance attribute rebound later changes nothing)."""

    def scenario(mod: Any) -> Any:
        obj = WithAsync()
        obj.own_async = _coroutine_function  # type: ignore[attr-defined]
        obj.own_sync = func  # type: ignore[attr-defined]
        m = mod.Mock(spec=obj)
        obj.own_async = func  # type: ignore[attr-defined]
        obj.own_sync = _coroutine_function  # type: ignore[attr-defined]
        names = ("amethod", "method", "own_async", "own_sync")
        return [type(getattr(m, n)).__name__ for n in names], m._spec_asyncs

    assert_same(scenario)


def _class_changed_after_the_spec(mod: Any, spec_of: Any) -> Any:
    """A class's methods swapped between sync and async, and an instance's plain value
    rebound to a coroutine function, after a mock was specced on them (a fresh class
    per library)."""

    class Service:
        def fetch(self) -> None:
            pass

        async def close(self) -> None:
            pass

    obj = Service()
    obj.retries = 3  # type: ignore[attr-defined]
    m = mod.MagicMock(spec=spec_of(Service, obj))
    Service.fetch = _coroutine_function  # type: ignore[method-assign,assignment]
    Service.close = func  # type: ignore[method-assign,assignment]
    obj.retries = _coroutine_function  # type: ignore[attr-defined]
    names = ["fetch", "close"] + (["retries"] if "retries" in dir(m) else [])
    return [type(getattr(m, n)).__name__ for n in names]


@pytest.mark.parametrize(
    "spec_of", [lambda cls, obj: cls, lambda cls, obj: obj], ids=["class", "instance"]
)
def test_async_attributes_of_a_class_changed_later(spec_of: Any) -> None:
    """What the class held when the mock was made decides, as the stdlib's scan does:
    not the class as it is when the child is first made."""
    assert_same(lambda mod: _class_changed_after_the_spec(mod, spec_of))


def test_async_attributes_with_a_method_patched_later() -> None:
    """A fixture's ``Mock(spec=C)``, then a test patching the method with an
    AsyncMock: the fixture's mock keeps the child the class had."""

    def scenario(mod: Any) -> Any:
        class Client:
            def get(self) -> None:
                pass

        m = mod.Mock(spec=Client)
        with mod.patch.object(Client, "get", new_callable=mod.AsyncMock):
            inside = type(m.get).__name__
        return inside, type(mod.Mock(spec=Client).get).__name__

    assert_same(scenario)


def test_is_async_and_async_names() -> None:
    """``is_async`` answers for the spec's names only (False for names it lacks and
    for list specs); ``async_names`` lists them in ``methods`` order."""
    spec = _spec.spec_for(WithAsync)
    assert spec.is_async("amethod")
    assert not spec.is_async("method")
    assert not spec.is_async("nowhere")
    assert spec.async_names() == ["amethod"]
    assert _spec.spec_from_list(["amethod"]).async_names() == []
    instance = WithAsync()
    instance.later = _coroutine_function  # type: ignore[attr-defined]
    assert _spec.spec_for(instance).async_names() == ["amethod", "later"]


def _signature_change_outcomes(mod: types.ModuleType) -> list[str]:
    """What assertions say when the spec's signature changes between the mock being
    made and its call being checked (a fresh function and class per library)."""

    def f(a: Any, b: Any = 1) -> None:
        pass

    class C:
        def __init__(self) -> None:
            pass

    def check(m: Any, **kwargs: Any) -> str:
        try:
            m.assert_called_with(**kwargs)
        except AssertionError:
            return "AssertionError"
        return "ok"

    made_before = mod.Mock(spec=f)
    made_before(1)
    f.__defaults__ = None  # b is now required
    made_after = mod.Mock(spec=f)
    made_after(1)
    klass_mock = mod.Mock(spec=C)
    klass_mock()
    C.__init__ = lambda self, x: None  # type: ignore[method-assign]
    return [check(made_before, a=1), check(made_after, a=1), check(klass_mock)]


def test_the_signature_is_the_one_in_force_when_the_spec_is_applied() -> None:
    """As the stdlib's, a mock matches calls by its spec's signature as it was when
    the mock was made: a change to the function or class later doesn't move it, and
    a mock made after the change sees the new one (no Spec shared between them keeps
    the old one)."""
    expected = _signature_change_outcomes(stdlib_mock)
    assert expected == ["ok", "AssertionError", "ok"]
    assert _signature_change_outcomes(turbomock) == expected


@pytest.mark.parametrize(
    "spec", [func, Sample, Sample.meth, Sample().meth, ["a"]],
    ids=["function", "class", "unbound method", "bound method", "list"],
)
def test_calls_are_checked_against_the_spec_signature(spec: Any) -> None:
    """Calls of a specced mock and assertions on them go through the spec's signature
    as with the stdlib."""
    same_steps(
        lambda mod: mod.Mock(spec=spec),
        lambda mod, m: m(1),
        lambda mod, m: m(1, 2),
        lambda mod, m: m.assert_called_with(1, b=2),
        lambda mod, m: m.assert_called_with(x=1, y=2),
        lambda mod, m: m.assert_any_call(1),
        lambda mod, m: m.mock_calls,
    )


def test_a_deep_copy_keeps_the_spec_object() -> None:
    """Deep-copying a mock doesn't copy its spec: one holding a lock copies fine, and
    the copy answers as the stdlib's."""

    class Locked:
        def __init__(self) -> None:
            self.lock = threading.Lock()

        def meth(self) -> None:
            pass

    spec = _spec.spec_for(Locked())
    assert copy.deepcopy(spec) is spec

    def scenario(mod: Any) -> Any:
        dup = copy.deepcopy(mod.Mock(spec=Locked()))
        return dup._spec_class.__name__, dup.meth, hasattr(dup, "lock"), hasattr(dup, "nope")

    assert_same(scenario)


def test_scan_false_reads_no_attribute() -> None:
    """``spec_for(obj, scan=False)`` gives the names without touching the attributes."""
    counter: list[int] = []
    spec = _spec.spec_for(_counting_instance(counter), scan=False)
    assert "prop" in spec.names
    assert counter == []


class _DirWithDuplicates:
    def __dir__(self) -> list[str]:
        return ["b", "a", "a"]


def _methods_list_scenario(mod: Any) -> Any:
    class Klass:
        a = 1

    first = mod.Mock(spec=Klass)
    first._mock_methods.append("added")
    second = mod.Mock(spec=Klass)
    listed = mod.Mock(spec=["x"])
    listed._mock_methods.append("y")
    by_hand = mod.Mock()
    by_hand._mock_methods = ["x"]
    by_hand.mock_add_spec(["y"])
    strict = mod.Mock(spec_set=["x"])
    strict._mock_methods = ["x", "z"]
    return [
        hasattr(first, "added"), "added" in dir(first),
        hasattr(second, "added"), "added" in dir(second),
        second._mock_methods is first._mock_methods,
        hasattr(listed, "y"),
        hasattr(by_hand, "y"), hasattr(by_hand, "x"), by_hand._mock_methods,
        exact_exception(setattr, strict, "z", 1), exact_exception(setattr, strict, "w", 1),
        mod.Mock(spec=_DirWithDuplicates())._mock_methods,
    ]


def test_mock_methods_is_the_mocks_own_list() -> None:
    """``_mock_methods`` is a list the mock goes by, as the stdlib's: names added to it
    exist (on that mock only), a new spec replaces a list set by hand, spec_set
    follows it, and a ``__dir__``'s duplicates stay."""
    assert_same(_methods_list_scenario)


def test_an_instance_spec_with_a_name_that_is_not_a_string() -> None:
    """``dir()`` of such a spec fails; the mock's making fails the same way."""

    def scenario(mod: Any) -> Any:
        class Klass:
            pass

        spec = Klass()
        spec.__dict__[1] = 2
        return exact_exception(mod.Mock, spec)

    assert_same(scenario)


def test_class_attributes_whose_reads_run_code_are_read_as_the_stdlib_reads_them() -> None:
    """Before 3.13 the stdlib reads every attribute of a class spec as it applies it
    (a PropertyMock on the class is called each time a mock is specced on it, what
    it raises is raised then); from 3.13 it reads them statically. An attribute that
    runs code only after the spec was applied is not read again."""

    def scenario(mod: Any) -> Any:
        class Klass:
            attr = 1

        reader = mod.PropertyMock(return_value=3)
        Klass.p = reader  # type: ignore[attr-defined]
        made = [mod.Mock(spec=Klass), mod.MagicMock(spec=Klass), mod.Mock(spec=Klass())]
        counts = [reader.call_count]
        made[0].p  # noqa: B018
        later = mod.Mock()
        later.mock_add_spec(Klass)
        counts.append(reader.call_count)
        added_late = mod.PropertyMock(return_value=4)
        specced = mod.Mock(spec=Klass)
        Klass.attr = added_late  # type: ignore[assignment]
        specced.attr.x  # noqa: B018
        counts.append(added_late.call_count)
        reader.side_effect = ValueError("no")
        try:
            mod.Mock(spec=Klass)
        except ValueError as exc:
            counts.append(str(exc))
        return counts

    assert_same(scenario)


def test_an_instance_specs_own_attributes_are_read_in_dir_order() -> None:
    """The stdlib decides which of a spec's attributes are coroutine functions in
    ``dir()``'s (sorted) order: mocks held there record those reads in that order,
    not in the order the attributes were set."""

    def scenario(mod: Any) -> Any:
        def f() -> None:
            pass

        class Holder:
            pass

        manager = mod.MagicMock()
        held = Holder()
        held.b = mod.MagicMock(spec=f)  # type: ignore[attr-defined]
        manager.attach_mock(held.b, "b")  # type: ignore[attr-defined]
        held.a = mod.MagicMock(spec=f)  # type: ignore[attr-defined]
        manager.attach_mock(held.a, "a")  # type: ignore[attr-defined]
        mod.Mock(spec=held)
        return [str(c) for c in manager.mock_calls if "__bool__" not in str(c)]

    assert_same(scenario)
