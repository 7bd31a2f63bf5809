"""The functions of an autospecced spec as they were (``_function_snapshot``).

What must hold: a stamp notices every change in place that moves a function's
signature, the native check agrees with the Python one, and a function rebuilt
from its stamp has the signature the function had (also through a ``__wrapped__``
chain, one that loops, or one that ends in something else than a function).
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

import pytest

from turbomock import _function_snapshot as snap
from turbomock._native import NATIVE
from turbomock._spec import iscoroutinefunction


def _fresh() -> Any:
    def f(a: int, b: Any = 1, *, k: Any = 2) -> None: ...

    return f


def _late(x: Any, *, k: Any) -> None: ...


MUTATIONS: list[tuple[str, Callable[[Any], None]]] = [
    ("nothing", lambda f: None),
    ("defaults", lambda f: setattr(f, "__defaults__", None)),
    ("defaults, equal", lambda f: setattr(f, "__defaults__", (1,))),
    ("keyword defaults", lambda f: setattr(f, "__kwdefaults__", None)),
    ("keyword default changed", lambda f: f.__kwdefaults__.update(k=3)),
    ("annotations", lambda f: f.__annotations__.update(a=str)),
    ("annotations gone", lambda f: setattr(f, "__annotations__", {})),
    ("code", lambda f: setattr(f, "__code__", _late.__code__)),
    ("signature", lambda f: setattr(f, "__signature__", inspect.Signature())),
    ("wrapped", lambda f: setattr(f, "__wrapped__", _late)),
    ("other attribute", lambda f: setattr(f, "note", 1)),
]


@pytest.mark.parametrize("change", [m[1] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS])
def test_a_stamp_holds_until_the_signature_can_move(change: Callable[[Any], None]) -> None:
    f = _fresh()
    stamped = snap.Stamped(f, False)
    before = inspect.signature(f)
    functions = snap.Functions({"f": stamped})
    change(f)
    moved = inspect.signature(f) != before
    if moved:
        assert not stamped.holds()
        assert not functions.hold()
    if change is MUTATIONS[0][1]:
        assert stamped.holds()
        assert functions.hold()
    # Rebuilt, it has the signature it had.
    assert inspect.signature(stamped.as_it_was()) == before


@pytest.mark.skipif(NATIVE is None, reason="native core not in use")
@pytest.mark.parametrize("change", [m[1] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS])
def test_the_native_check_agrees_with_the_python_one(change: Callable[[Any], None]) -> None:
    f = _fresh()
    f.__annotations__  # noqa: B018 - made, as a stamp makes it
    entry = [(f, *snap.Stamped(f, False).stamp)]
    change(f)
    assert NATIVE.stamps_hold(entry) == snap._python_stamps_hold(entry)


@pytest.mark.skipif(NATIVE is None, reason="native core not in use")
def test_the_native_check_refuses_what_is_not_a_stamp() -> None:
    with pytest.raises(TypeError, match="list"):
        NATIVE.stamps_hold(())
    with pytest.raises(TypeError, match="5-tuples"):
        NATIVE.stamps_hold([(1, 2)])
    assert NATIVE.stamps_hold([(len, None, None, None, {})]) is False


def test_a_wrapped_chain_changed_in_place_is_rebuilt_as_it_was() -> None:
    def inner(a: Any, b: Any) -> None: ...

    @functools.wraps(inner)
    def outer(*args: Any) -> None: ...

    stamped = snap.Stamped(outer, False)
    before = inspect.signature(outer)
    inner.__defaults__ = (1,)  # a function further down the chain
    assert not stamped.holds()
    assert inspect.signature(stamped.as_it_was()) == before
    assert inspect.signature(outer) != before


def test_a_chain_that_loops_is_rebuilt_looping() -> None:
    def a() -> None: ...

    def b() -> None: ...

    a.__wrapped__ = b  # type: ignore[attr-defined]
    b.__wrapped__ = a  # type: ignore[attr-defined]
    stamped = snap.Stamped(a, False)
    with pytest.raises(ValueError, match="wrapper loop"):
        inspect.signature(stamped.as_it_was())


def test_a_chain_through_something_else_is_copied_as_it_is() -> None:
    def target(a: Any, b: Any) -> None: ...

    def outer(*args: Any) -> None: ...

    outer.__wrapped__ = functools.partial(target, 1)  # type: ignore[attr-defined]
    stamped = snap.Stamped(outer, False)
    before = inspect.signature(outer)
    assert not stamped.holds()  # nothing can check it: it counts as changed
    outer.__wrapped__ = target  # type: ignore[attr-defined]
    assert inspect.signature(stamped.as_it_was()) == before


def test_a_method_is_rebuilt_bound_as_it_was() -> None:
    class C:
        def meth(self, a: Any, b: Any = 1) -> None: ...

    stamped = snap.Stamped(C.meth, False)
    instance = C()
    before = inspect.signature(instance.meth)
    C.meth.__defaults__ = None
    rebuilt = snap.as_it_was(instance.meth, stamped)
    assert inspect.signature(rebuilt) == before != inspect.signature(instance.meth)
    assert rebuilt.__self__ is instance
    assert snap.as_it_was(C().meth, snap.Stamped(_fresh(), False)) is None  # not that function


def test_snapshot_takes_the_first_of_each_name_and_the_kind() -> None:
    async def coroutine(a: Any) -> None: ...

    def plain(a: Any) -> None: ...

    first = {"x": staticmethod(coroutine), "y": 1, "z": classmethod(plain)}
    second = {"x": plain, "y": plain}
    functions = snap.snapshot([first, second], iscoroutinefunction)
    assert set(functions.by_name) == {"x", "z"}  # y: a non-function shadows it
    assert functions.by_name["x"].func is coroutine
    assert functions.by_name["x"].is_async
    assert functions.by_name["z"].func is plain
    assert not functions.by_name["z"].is_async
    plain.__defaults__ = (1,)
    fresh = snap.as_of_now(functions, iscoroutinefunction)
    assert fresh is not functions
    assert fresh.by_name["z"].holds()
    assert snap.as_of_now(fresh, iscoroutinefunction) is fresh
