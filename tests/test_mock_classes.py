"""The classes of mocks: the stdlib's hierarchy, identity hashing, subclasses with
members of their own, and copying and pickling (a mock's class is what pickle refuses
and what a copy is made of). How each mock gets a class of its own, and ``type(mock)``
edits, are test_mock_type.py's. Tests taking ``mock`` run against ``unittest.mock`` and
turbomock with the same expectations; ``assert_same`` and ``same_steps`` tests compare
the two directly.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any, Callable

import pytest

from engine_support import assert_same, outcome, same_steps
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


@pytest.mark.parametrize("operation", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock"])
def test_copies_keep_attributes_set_to_none(kind: str, operation: Callable[[Any], Any]) -> None:
    """Attributes set to None (by keyword or by hand) stay None on a copy, as plain
    values do (found in certbot's tests, which deep-copy a MagicMock config)."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)(configurator=None, installer="x")
        m.other = None
        m.zero = 0
        c = operation(m)
        return c.configurator, c.other, c.installer, c.zero, "other" in vars(c)

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


@pytest.mark.parametrize("operation", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
@pytest.mark.parametrize("deleted", [None, "__hash__", "__eq__", "__str__"])
def test_copies_of_a_mock_with_a_deleted_magic(
    deleted: str | None, operation: Callable[[Any], Any]
) -> None:
    """A copy of a MagicMock one of whose magic methods was deleted compares, hashes
    and prints as the stdlib's copy (hashing stays inherited without ``__hash__``)."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        if deleted is not None:
            delattr(m, deleted)
        c = operation(m)
        return outcome(lambda: (c == m, hash(c) == hash(m), str(c) == str(m)))

    assert_same(scenario)


def test_deleting_a_magic_method_from_a_copys_class() -> None:
    """A copy's class holds none of the original's methods of its own (it finds
    them through its base, as the stdlib's): deleting one from it fails."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copy.deepcopy(m)
        return [outcome(lambda: delattr(type(c), "__str__")), outcome(lambda: str(c) == str(m))]

    assert_same(scenario)


def test_attaching_a_mock_with_a_foreign_parent_to_itself() -> None:
    """``Mock(parent=5).attach_mock(itself, 'a')``: the links are cleared without
    visiting the parent that is not a mock, as with the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.AsyncMock(parent=5)
        m.attach_mock(m, "a")
        return m._mock_parent, m._mock_name, outcome(lambda: m.a is m)

    assert_same(scenario)


@pytest.mark.parametrize(
    "spec",
    [lambda: staticmethod(lambda a: a), lambda: classmethod(lambda cls, a: a), lambda: len],
    ids=["staticmethod", "classmethod", "builtin"],
)
def test_deepcopy_of_an_autospecced_descriptor(spec: Callable[[], Any]) -> None:
    """A mock autospecced on a staticmethod/classmethod object deep-copies (its
    signature check copies as itself, as the stdlib's checking function does)."""

    def scenario(mod: Any) -> Any:
        m = mod.create_autospec(spec())
        c = copy.deepcopy(m)
        return c == m, str(c) == str(m)

    assert_same(scenario)


@pytest.mark.parametrize(
    "keywords",
    [
        {"name": "named"},
        {"name": "named", "return_value": 3},
        {"cls": 1},
        {"self": 1},
        {"name": "n", "spec": ["a"]},
        {"name": "n", "spec_set": ["a"]},
        {"unsafe": True},
    ],
    ids=lambda kw: ",".join(kw),
)
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock", "AsyncMock"])
def test_keyword_construction_matches_the_stdlib(kind: str, keywords: dict[str, Any]) -> None:
    """Keywords that name no spec take the kind's default class pool; the others, and
    those the stdlib's ``__new__`` refuses to bind, take the full path."""

    def scenario(mock: Any) -> Any:
        made = getattr(mock, kind)(**keywords)
        return (
            repr(made).split(" id=")[0], type(made).__mro__[1].__name__,
            hasattr(made, "a"), hasattr(made, "b"), made._mock_unsafe,
        )

    assert_same(scenario)


@pytest.mark.parametrize("keyword", ["spec", "spec_set"])
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock", "AsyncMock"])
@pytest.mark.parametrize("spec_kind", ["MagicMock", "AsyncMock"])
def test_a_mock_given_as_spec_is_read_as_by_the_stdlib(
    kind: str, keyword: str, spec_kind: str
) -> None:
    """What making a mock with another mock as its spec records on that mock: the
    stdlib's ``__new__`` takes the truth of ``spec_set or spec`` (3.12+) for every
    kind but an async one, which never looks at it."""

    def scenario(mock: Any) -> Any:
        spec = getattr(mock, spec_kind)(name="spec")
        try:
            made: Any = getattr(mock, kind)(**{keyword: spec})
        except Exception as exc:  # compared: 3.11+ refuses a mock as a spec
            made = type(exc).__name__
        return spec.mock_calls, made if isinstance(made, str) else type(made).__mro__[1].__name__

    assert_same(scenario)
