"""``Mock(spec=C)`` answered from a class's plan (``_spec_plan``) behaves as the
stdlib's, which works everything out each time: every change to the class, to a
base, or to the function its calls are matched by is seen by the next mock."""

from __future__ import annotations

import functools
import gc
import sys
import weakref
from typing import Any

import pytest

import turbomock
from engine_support import assert_same
from turbomock import _construct, _spec_plan

PLANNED = _spec_plan.type_version(int) != 0 and sys.version_info >= (3, 11)


def _matches(m: Any, *args: Any, **kwargs: Any) -> str:
    """Whether ``m``'s last call matches ``args``/``kwargs`` (through its signature)."""
    try:
        m.assert_called_with(*args, **kwargs)
    except AssertionError:
        return "no"
    except TypeError as exc:
        return f"TypeError: {exc}"
    return "yes"


def _made_and_called(mod: Any, spec: Any, *args: Any, **kwargs: Any) -> Any:
    m = mod.Mock(spec=spec)
    m(*args, **kwargs)
    return m


def test_the_plan_is_used_and_kept_per_class() -> None:
    """What the rest of this file checks is the planned path: a second mock on the
    same class finds its plan (where version tags exist)."""

    class Klass:
        def __init__(self, a: int) -> None: ...

    turbomock.Mock(spec=Klass)
    plan = _spec_plan.plan_for(Klass)
    if not PLANNED:
        assert plan is None
        return
    assert plan is not None
    assert plan is _spec_plan.plan_for(Klass)
    assert plan.spec is not None
    assert (False, False) in plan.signatures
    assert turbomock.Mock in plan.pools
    Klass.x = 1  # type: ignore[attr-defined]
    assert _spec_plan.plan_for(Klass) is not plan


@pytest.mark.parametrize(
    "edit",
    ["defaults", "kwdefaults", "code", "signature", "wrapped defaults", "wrapped code", "base"],
)
def test_a_change_to_init_is_seen_by_the_next_mock(edit: str) -> None:
    def scenario(mod: Any) -> Any:
        def inner(self: Any, a: Any, b: Any = 1, *, c: Any = 2) -> None: ...

        @functools.wraps(inner)
        def wrapper(*args: Any, **kwargs: Any) -> None: ...

        def other(self: Any, x: Any) -> None: ...

        class Base:
            def __init__(self, a: Any, b: Any = 1, *, c: Any = 2) -> None: ...

        class Klass(Base):
            pass

        if edit.startswith("wrapped"):
            Klass.__init__ = wrapper  # type: ignore[misc]
            init: Any = inner
        else:
            init = Base.__init__
        seen = []
        for _ in range(2):  # (the second mock is the planned one)
            seen.append(_matches(_made_and_called(mod, Klass, 1), a=1))
        if edit.endswith("defaults") and edit != "kwdefaults":
            init.__defaults__ = None
        elif edit == "kwdefaults":
            init.__kwdefaults__ = None
        elif edit.endswith("code"):
            init.__code__ = other.__code__
        elif edit == "signature":
            init.__signature__ = __import__("inspect").signature(other)
        else:
            Base.__init__ = other  # type: ignore[method-assign,assignment]
        for args in ((1,), (1, 2), ()):
            m = _made_and_called(mod, Klass, *args)
            seen += [_matches(m, *args), _matches(m, x=1), _matches(m, a=1), _matches(m, 1, b=2)]
        return seen

    assert_same(scenario)


def test_a_change_to_call_is_seen_by_the_next_instance_mock() -> None:
    """An instance spec's calls match by ``__call__``: planned per (instance,
    eat_self), and checked against the function's own changes."""

    def scenario(mod: Any) -> Any:
        class Klass:
            def __call__(self, a: Any, b: Any = 1) -> None: ...

        def other(self: Any, x: Any) -> None: ...

        seen = []
        for round_ in range(3):
            for _ in range(2):
                m = mod.create_autospec(Klass, instance=True)
                m(1)
                seen += [_matches(m, a=1), _matches(m, 1, 1), _matches(m, x=1)]
            if round_ == 0:
                Klass.__call__.__defaults__ = None  # type: ignore[attr-defined]
            else:
                Klass.__call__.__code__ = other.__code__  # type: ignore[attr-defined]
        return seen

    assert_same(scenario)


@pytest.mark.parametrize("call", ["none", "staticmethod", "missing", "builtin base"])
def test_instance_specs_of_every_kind_of_call(call: str) -> None:
    def scenario(mod: Any) -> Any:
        namespace: dict[str, Any] = {}
        if call == "none":
            namespace["__call__"] = None
        elif call == "staticmethod":
            namespace["__call__"] = staticmethod(lambda a, b=1: None)
        base = dict if call == "builtin base" else object
        klass = type("Klass", (base,), namespace)
        seen = []
        for _ in range(2):
            try:
                m = mod.Mock(spec=klass, _spec_as_instance=True)
                m(1)
            except TypeError as exc:
                seen.append(f"TypeError: {exc}")
                continue
            seen += [_matches(m, 1), _matches(m, a=1), _matches(m, b=1)]
        return seen

    assert_same(scenario)


def test_class_attribute_changes_are_seen_by_the_next_mock() -> None:
    """Names, async attributes and magic methods follow the class and its bases,
    and a swapped ``__bases__``."""

    def scenario(mod: Any) -> Any:
        class Base:
            def meth(self) -> None: ...

        class Other:
            def elsewhere(self) -> None: ...

        class Klass(Base):
            pass

        async def ameth(self: Any) -> None: ...

        def describe(kind: Any) -> Any:
            m = kind(spec=Klass)
            try:
                size: Any = len(m)
            except TypeError as exc:
                size = str(exc)
            return (
                [hasattr(m, n) for n in ("meth", "added", "elsewhere")],
                type(getattr(m, "meth", None)).__name__,
                size,
            )

        seen = []
        for step in range(5):
            seen += [describe(mod.Mock), describe(mod.MagicMock), describe(mod.MagicMock)]
            if step == 0:
                Base.added = 1  # type: ignore[attr-defined]
            elif step == 1:
                Base.meth = ameth  # type: ignore[method-assign]
            elif step == 2:
                Base.__len__ = lambda self: 3  # type: ignore[attr-defined]
            elif step == 3:
                Klass.__bases__ = (Other,)
        return seen

    assert_same(scenario)


def test_spec_and_spec_set_and_other_arguments_take_the_same_path() -> None:
    def scenario(mod: Any) -> Any:
        class Klass:
            def __init__(self, a: Any) -> None: ...

            def meth(self) -> None: ...

        seen = []
        for kwargs in (
            {"spec": Klass}, {"spec_set": Klass}, {"spec": Klass, "spec_set": None},
            {"spec": Klass, "name": "n"}, {"spec_set": Klass, "spec": list},
        ):
            for kind in (mod.Mock, mod.MagicMock, mod.NonCallableMagicMock, mod.AsyncMock):
                m = kind(**kwargs)
                try:
                    m.other = 1
                    set_other = "set"
                except AttributeError as exc:
                    set_other = str(exc)
                seen.append((type(m).__name__, set_other, hasattr(m, "meth"), repr(m)[:20]))
        return seen

    assert_same(scenario)


def test_an_async_class_spec_is_not_planned_into_the_wrong_pool() -> None:
    """A class the stdlib takes for a coroutine function (one with ``_is_coroutine``
    markers) makes an async mock every time."""

    def scenario(mod: Any) -> Any:
        import asyncio

        class Klass:
            pass

        seen = []
        for step in range(3):
            seen += [type(mod.Mock(spec=Klass)).__mro__[1].__name__ for _ in range(2)]
            if step == 0:
                Klass._is_coroutine = getattr(  # type: ignore[attr-defined]
                    asyncio.coroutines, "_is_coroutine", object()
                )
            elif step == 1:
                del Klass._is_coroutine  # type: ignore[attr-defined]
        return seen

    assert_same(scenario)


def test_a_mock_class_changed_later_takes_its_pool_anew() -> None:
    """A user's mock class edited after mocks of it were made on a spec: the next
    one is made as the edited class says (its version tag changed)."""

    class Klass:
        def __len__(self) -> int:
            return 0

    class MyMock(turbomock.MagicMock):
        pass

    first = type(MyMock(spec=Klass))
    if PLANNED:
        assert _construct._planned_pool(MyMock, (), {"spec": Klass}) is first._mock_pool
    MyMock._mock_default_slots = frozenset({"__iter__"})  # type: ignore[misc]
    try:
        again = MyMock(spec=Klass)
        assert type(again)._mock_pool is not first._mock_pool
        assert type(again)._mock_pool.bag is MyMock._mock_bag_with(frozenset())
    finally:
        del MyMock._mock_default_slots


def test_a_plan_keeps_no_class_alive() -> None:
    """A class mocked and dropped dies, even when its ``__init__`` refers to it (a
    ``super()`` cell), as with the stdlib."""

    def make() -> Any:
        class Klass:
            def __init__(self, a: int) -> None:
                super().__init__()

            def __call__(self, b: int) -> None: ...

        for _ in range(2):
            turbomock.Mock(spec=Klass)
            turbomock.MagicMock(spec=Klass)
            turbomock.create_autospec(Klass, instance=True)
        return weakref.ref(Klass)

    gone = make()
    gc.collect()
    assert gone() is None


def test_pure_python_plans_nothing(monkeypatch: Any) -> None:
    """Without version tags there are no plans: every mock works it all out."""
    monkeypatch.setattr(_spec_plan, "type_version", lambda cls: 0)

    class Klass:
        pass

    assert _spec_plan.plan_for(Klass) is None
    assert hasattr(turbomock.Mock(spec=Klass), "__init__")


def test_changes_made_in_place_are_seen() -> None:
    """Annotations and keyword-only defaults changed in their dicts, and a function
    reached through a ``__wrapped__`` that is a bound method: the next mock's
    signature is the one in force, as the stdlib's."""

    def scenario(mod: Any) -> Any:
        import inspect

        def f(a: Any, *, k: Any = 1) -> None: ...

        class Klass:
            def __init__(self, a: Any, *, k: Any = 1) -> None: ...

        class Holder:
            def inner(self, a: Any) -> None: ...

        def g(*args: Any, **kwargs: Any) -> None: ...

        g.__wrapped__ = Holder().inner  # type: ignore[attr-defined]

        def new(self: Any, x: Any) -> None: ...

        seen = []
        for _ in range(2):
            seen += [
                str(inspect.signature(mod.create_autospec(f))),
                str(inspect.signature(mod.create_autospec(Klass))),
                str(mod.Mock(spec=g)._spec_signature),
            ]
            f.__annotations__["a"] = int
            f.__kwdefaults__["k"] = 2  # type: ignore[index]
            Klass.__init__.__kwdefaults__["k"] = 2  # type: ignore[index]
            Klass.__init__.__annotations__["a"] = int
            Holder.inner.__code__ = new.__code__
        return seen

    assert_same(scenario)


def test_a_wrapped_function_is_not_kept_alive() -> None:
    """A function a signature was found through (``__wrapped__``) is not kept by the
    caches: a class it refers to (its ``super()`` cell) dies with the test."""

    def deco(f: Any) -> Any:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return f(*args, **kwargs)

        return wrapper

    def make() -> Any:
        class Klass:
            @deco
            def __init__(self, a: int) -> None:
                super().__init__()

        for _ in range(2):
            turbomock.Mock(spec=Klass)(1)
        return weakref.ref(Klass)

    gone = make()
    gc.collect()
    assert gone() is None


@pytest.mark.filterwarnings("ignore:Assigning a code object:DeprecationWarning")
@pytest.mark.parametrize("change", ["code", "marker", "classmethod code"])
def test_a_method_made_a_coroutine_function_in_place_is_seen(change: str) -> None:
    """A class's function turned into a coroutine function in place (its code, or
    a coroutine marker; the class itself unchanged) makes the next mock's child
    async, as the stdlib's scan finds; mocks made before keep theirs."""

    def scenario(mod: Any) -> Any:
        import asyncio
        import inspect

        async def coroutine(self: Any) -> None: ...

        class Klass:
            def meth(self) -> None: ...

            @classmethod
            def cmeth(cls) -> None: ...

        before = [mod.Mock(spec=Klass) for _ in range(2)]
        if change == "code":
            Klass.meth.__code__ = coroutine.__code__
        elif change == "marker":
            if hasattr(inspect, "markcoroutinefunction"):
                inspect.markcoroutinefunction(Klass.meth)
            else:
                Klass.meth._is_coroutine = asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]
        else:
            Klass.__dict__["cmeth"].__func__.__code__ = coroutine.__code__
        after = [mod.Mock(spec=Klass) for _ in range(2)]
        return [
            (type(m.meth).__name__, type(m.cmeth).__name__) for m in (*before, *after)
        ]

    assert_same(scenario)
