"""The classes of mocks: the stdlib's hierarchy and MRO, identity hashing, subclasses with
members of their own, ``type(mock)`` edits that reach only that mock however ``type(m)``
reached the editing code, and copying and pickling (a mock's class is what pickle refuses
and what a copy is made of). Tests taking ``mock`` run against ``unittest.mock`` and
turbomock with the same expectations; ``assert_same`` and ``same_steps`` tests compare
the two directly.
"""

from __future__ import annotations

import abc
import copy
import pickle
from typing import Any, Callable

import pytest

from engine_support import assert_same, same_steps
from spec_support import Spec

# -- classes ---------------------------------------------------------------------------------


def test_isinstance_relations(mock: Any) -> None:
    """The class hierarchy is the stdlib's."""
    assert isinstance(mock.MagicMock(), mock.Mock)
    assert isinstance(mock.Mock(), mock.NonCallableMock)
    assert isinstance(mock.Mock(), mock.CallableMixin)
    assert isinstance(mock.NonCallableMagicMock(), mock.NonCallableMock)
    assert not isinstance(mock.NonCallableMagicMock(), mock.Mock)
    assert isinstance(mock.PropertyMock(), mock.Mock)
    assert issubclass(mock.MagicMock, mock.MagicMixin)


def test_mock_type_name_and_mro(mock: Any) -> None:
    """``type(m)`` is named like, and derived from, the public class."""
    for cls in (mock.Mock, mock.MagicMock, mock.NonCallableMock, mock.NonCallableMagicMock):
        assert type(cls()).__name__ == cls.__name__
        assert type(cls()).__mro__[1] is cls


def test_mocks_are_hashable_and_equal_only_to_themselves(mock: Any) -> None:
    """Plain mocks hash by identity and compare by identity."""
    m = mock.Mock()
    assert {m: 1}[m] == 1
    assert m == m
    assert m != mock.Mock()
    assert bool(m)
    assert bool(mock.NonCallableMock())


def test_non_callable_mock_refuses_calls() -> None:
    """Calling a NonCallableMock fails as in the stdlib; its children are callable."""
    same_steps(
        lambda mod: mod.NonCallableMock(),
        lambda mod, m: m(),
        lambda mod, m: m.a(),
        lambda mod, m: (m.mock_calls, m.a, m.return_value),
    )


@pytest.mark.parametrize(
    "body",
    [
        lambda m: {"x": 3},
        lambda m: {"meth": lambda self: "real"},
        lambda m: {"__call__": lambda self, *a: ("called", a)},
        lambda m: {"p": property(lambda self: "P")},
        lambda m: {"shared": m.Mock(name="shared")},
        lambda m: {"__slots__": ()},
        lambda m: {"__repr__": lambda self: "R"},
        lambda m: {
            "__init__": lambda self, *a, **k: (
                m.Mock.__init__(self, *a, **k),
                setattr(self, "foo", 1),
            )[0]
        },
        lambda m: {"__init__": lambda self, **k: m.Mock.__init__(self, spec=Spec, **k)},
        lambda m: {"_get_child_mock": lambda self, **kw: m.NonCallableMock(**kw)},
    ],
    ids=[
        "class attribute",
        "method",
        "__call__",
        "property",
        "class-level mock",
        "slots",
        "__repr__",
        "__init__ sets attribute",
        "__init__ sets spec",
        "_get_child_mock",
    ],
)
def test_subclasses_match_the_stdlib(body: Callable[[Any], dict[str, Any]]) -> None:
    """Subclasses of Mock with their own members behave as the stdlib's."""
    same_steps(
        lambda mod: type("Sub", (mod.Mock,), body(mod))(),
        lambda mod, m: m.x,
        lambda mod, m: m.foo,
        lambda mod, m: m.p,
        lambda mod, m: m.meth(),
        lambda mod, m: m(1),
        lambda mod, m: (m.shared, m.shared(2), m.shared.mock_calls),
        lambda mod, m: (m.child, type(m.child).__name__, m.child()),
        lambda mod, m: (repr(m)[:10], m.mock_calls, m.method_calls),
        lambda mod, m: m.nope,
        lambda mod, m: isinstance(m, Spec),
        lambda mod, m: setattr(m, "p", 5),
        lambda mod, m: m.p,
    )


def test_child_mock_factory_receives_the_stdlib_keywords() -> None:
    """A ``_get_child_mock`` override is called with the stdlib's keywords."""

    def scenario(mod: Any) -> Any:
        seen: list[list[str]] = []

        class Sub(mod.MagicMock):  # type: ignore[misc,name-defined]
            def _get_child_mock(self, **kw: Any) -> Any:
                seen.append(sorted(kw))
                return mod.MagicMock(**kw)

        m = Sub()
        _ = m.a
        m()
        _ = m.a.b
        len(m)
        return seen

    assert_same(scenario)


@pytest.mark.parametrize("order", ["mock first", "abc first"])
def test_mixing_with_an_abstract_base(order: str) -> None:
    """A class deriving from a mock class and an ABC can be made, as in the stdlib."""

    class Base(abc.ABC):  # noqa: B024 - an ABC with nothing abstract is the point
        pass

    def scenario(mod: Any) -> Any:
        bases = (mod.Mock, Base) if order == "mock first" else (Base, mod.MagicMock)
        return type("Mixed", bases, {})().a

    assert_same(scenario)


# -- type(mock) edits -----------------------------------------------------------------------


def test_type_edit_reaches_only_that_mock(mock: Any) -> None:
    """``type(m).foo = PropertyMock()`` (the documented recipe) changes only ``m``."""
    m = mock.MagicMock()
    other = mock.MagicMock()
    prop = mock.PropertyMock(return_value=3)
    type(m).foo = prop
    assert m.foo == 3
    prop.assert_called_once_with()
    assert isinstance(other.foo, mock.MagicMock)
    assert isinstance(mock.MagicMock().foo, mock.MagicMock)


def test_type_edit_inside_a_loop() -> None:
    """Editing ``type(x)`` for a loop variable reaches only that mock."""

    def scenario(mod: Any) -> Any:
        mocks = [mod.Mock(), mod.Mock()]
        for i, x in enumerate(mocks):
            if i == 0:
                type(x).tm_loop = mod.PropertyMock(return_value=i)
        return mocks[0].tm_loop, isinstance(mocks[1].tm_loop, mod.Mock)

    assert_same(scenario)


def test_type_edit_of_an_attribute_chain() -> None:
    """``type(m.x).foo = ...`` changes only ``m.x``."""

    def scenario(mod: Any) -> Any:
        a = mod.Mock()
        b = mod.Mock()
        type(a.x).tm_chain = mod.PropertyMock(return_value=1)
        return a.x.tm_chain, isinstance(a.y.tm_chain, mod.Mock), isinstance(b.tm_chain, mod.Mock)

    assert_same(scenario)


def _leaks(mod: Any, how: str) -> Any:
    """Edit one mock's class in an indirect way; report what two mocks then see."""
    prop = mod.PropertyMock(return_value=1)
    name = f"tm_{how.replace(' ', '_')}"
    if how == "subscript":
        mocks = [mod.Mock(), mod.Mock()]
        setattr(type(mocks[0]), name, prop)
        first, second = mocks
    elif how == "dict value":
        table = {"a": mod.Mock(), "b": mod.Mock()}
        setattr(type(table["a"]), name, prop)
        first, second = table["a"], table["b"]
    elif how == "__class__":
        first = mod.Mock()
        second = mod.Mock()
        setattr(first.__class__, name, prop)
    elif how == "saved class, other type() later":
        first = mod.Mock()
        second = mod.Mock()
        saved, _ = type(first), type(second)
        setattr(saved, name, prop)
    elif how == "class passed to a deep helper":
        first = mod.Mock()
        second = mod.Mock()
        cls = type(first)

        def level1() -> None:
            level2()

        def level2() -> None:
            level3()

        def level3() -> None:
            level4()

        def level4() -> None:
            _set_class_attribute(cls, name, prop)

        level1()
    else:  # "far from type()": more than the bytecode window between type() and the edit
        first = mod.Mock()
        second = mod.Mock()
        cls = type(first)
        # More bytecode between type() and the edit than the heuristic looks back over.
        pad: list[int] = []
        pad.append(0)
        pad.append(1)
        pad.append(2)
        pad.append(3)
        pad.append(4)
        pad.append(5)
        pad.append(6)
        pad.append(7)
        pad.append(8)
        pad.append(9)
        pad.append(10)
        pad.append(11)
        pad.append(12)
        pad.append(13)
        pad.append(14)
        pad.append(15)
        pad.append(16)
        pad.append(17)
        pad.append(18)
        pad.append(19)
        pad.append(20)
        pad.append(21)
        pad.append(22)
        pad.append(23)
        pad.append(24)
        pad.append(25)
        pad.append(26)
        pad.append(27)
        pad.append(28)
        pad.append(29)
        setattr(cls, name, prop)
    return getattr(first, name), getattr(second, name) == 1, getattr(mod.Mock(), name) == 1


def _set_class_attribute(cls: type, name: str, value: Any) -> None:
    setattr(cls, name, value)


@pytest.mark.parametrize(
    "how",
    [
        "subscript",
        "dict value",
        "__class__",
        "saved class, other type() later",
        "class passed to a deep helper",
        "far from type()",
    ],
)
def test_indirect_type_edit_reaches_only_that_mock(how: str) -> None:
    """However ``type(m)`` reached the editing code, only ``m`` changes."""
    assert_same(lambda mod: _leaks(mod, how))


def test_magic_method_read_from_an_indirect_type() -> None:
    """``type(mocks[1]).__str__(mocks[1])`` gives the default str, as in the stdlib."""

    def scenario(mod: Any) -> Any:
        mocks = [mod.MagicMock(), mod.MagicMock()]
        mocks[0].__str__.return_value = "A"
        method = type(mocks[1]).__str__
        return method(mocks[1])[:11]

    assert_same(scenario)


# -- copying and pickling --------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.Mock(),
        lambda m: m.MagicMock(),
        lambda m: m.Mock(spec=int),
        lambda m: m.NonCallableMock(name="x"),
        lambda m: m.Mock(name="nm", return_value=3),
        lambda m: m.Mock(side_effect=[1, 2]),
        lambda m: m.PropertyMock(),
    ],
    ids=["Mock", "MagicMock", "spec", "NonCallableMock", "named", "side effect", "PropertyMock"],
)
@pytest.mark.parametrize(
    "operation",
    [
        lambda x: copy.copy(x),
        lambda x: copy.deepcopy(x),
        lambda x: pickle.dumps(x),
        lambda x: (lambda c: (c, c.mock_calls))(copy.copy(x)),
        lambda x: (lambda c: (c, c.mock_calls))(copy.deepcopy(x)),
    ],
    ids=["copy", "deepcopy", "pickle", "copy state", "deepcopy state"],
)
def test_copying_a_fresh_mock_matches_the_stdlib(
    make: Callable[[Any], Any], operation: Callable[[Any], Any]
) -> None:
    """Fresh mocks copy (or refuse to pickle) as the stdlib's do."""
    assert_same(lambda mod: operation(make(mod)))


def test_shallow_copy_of_a_used_mock() -> None:
    """``copy.copy`` of a mock that was called and has children matches the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock(return_value=3)
        m(1)
        _ = m.a
        c = copy.copy(m)
        return c, c(), c.mock_calls, c.a

    assert_same(scenario)


def _deepcopy_summary(mod: Any, kind: str, use: Callable[[Any], Any]) -> Any:
    m = getattr(mod, kind)()
    use(m)
    c = copy.deepcopy(m)
    readable = bool(repr(c.mock_calls))
    return type(c).__name__, len(c.mock_calls), len(c.call_args_list), c.call_count, readable


@pytest.mark.parametrize(
    ("kind", "use"),
    [
        ("MagicMock", lambda m: m(1)),
        ("MagicMock", lambda m: m.a(1)),
        ("MagicMock", lambda m: len(m)),
        ("Mock", lambda m: (m(1), m.a)),
    ],
    ids=["called", "child called", "magic used", "called, then child made"],
)
def test_deepcopy_of_a_used_mock_reads_like_the_stdlib(
    kind: str, use: Callable[[Any], Any]
) -> None:
    """The deep copy of a used mock reports its calls as the stdlib's copy does."""
    assert_same(lambda mod: _deepcopy_summary(mod, kind, use))


def test_deepcopy_of_a_mock_copies_its_children() -> None:
    """A deep copy carries configured children over as copies, as the stdlib's does."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m.a.return_value = 5
        m.b.c.side_effect = KeyError
        c = copy.deepcopy(m)
        return c.a(), c.a is m.a, sorted(c._mock_children), sorted(c.b._mock_children)

    assert_same(scenario)
