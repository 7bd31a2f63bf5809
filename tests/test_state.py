"""``turbomock._state``: a mock's one state object, its rarely used ``Extra`` fields,
the children a shallow copy shares, and calls recorded once and named when read.

The state's own classes are tested directly (what a fresh state holds, that an
``Extra`` is made only when a field leaves its default, that ``SharedChildren``
acts as the mapping it forwards to); what users see of them (``_mock_children``,
the call lists, ``copy.copy``) is compared with ``unittest.mock``.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

import turbomock
from engine_support import assert_same, same_steps
from turbomock._base import state_of
from turbomock._native import NATIVE
from turbomock._sentinels import _missing
from turbomock._state import (
    Book,
    Extra,
    MockState,
    SharedChildren,
    copy_extra,
    drain,
    extract_mock_name,
    new_extra,
    new_state,
    record_call,
)

#: The MockState attributes kept in ``Extra`` (properties of the class).
EXTRA_FIELDS = sorted(
    name for name, value in vars(MockState).items() if isinstance(value, property)
)


class _Marker:
    """A value no field has by default."""


# -- MockState ------------------------------------------------------------------------------


def test_states_are_made_by_new_state_only() -> None:
    """Calling the class is refused; ``new_state`` sets every slot."""
    with pytest.raises(TypeError, match="new_state"):
        MockState()
    parent, new_parent = object(), object()
    st = new_state(parent, "name", new_parent, "new")
    assert (st.parent, st.name, st.new_parent, st.new_name) == (parent, "name", new_parent, "new")
    for field in MockState.__slots__:
        getattr(st, field)  # none left unset
    assert dict(st) == {}
    with pytest.raises(AttributeError):
        st.not_a_field = 1  # type: ignore[attr-defined]


def test_a_fresh_state_reads_as_a_fresh_stdlib_mock(mock: Any) -> None:
    """What a new mock's state holds is what a new stdlib mock reports."""
    m = mock.Mock()
    assert m._mock_return_value is mock.DEFAULT
    assert m._mock_side_effect is None
    assert m._mock_children == {}
    assert (m._mock_parent, m._mock_new_parent, m._mock_name, m._mock_new_name) == (
        None, None, None, "",
    )
    assert (m.call_count, m.call_args, m.call_args_list, m.mock_calls) == (0, None, [], [])
    assert (m._mock_wraps, m._spec_class, m._spec_set, m._mock_sealed) == (None, None, None, False)


def test_states_compare_as_dicts_and_hash_by_identity() -> None:
    """Two empty states are equal (``_mock_children == {}``), yet both fit in one set."""
    first, second = new_state(None, None, None, ""), new_state(None, None, None, "")
    assert first == second == {}
    assert len({first, second}) == 2
    assert hash(first) == object.__hash__(first)
    first["a"] = 1
    assert first != second
    assert hash(first) == object.__hash__(first)


@pytest.mark.parametrize("field", EXTRA_FIELDS)
def test_extra_fields_cost_nothing_until_set(field: str) -> None:
    """Reading an Extra field of a fresh state gives ``Extra``'s default and makes no
    ``Extra``; writing the default makes none either; writing anything else makes one
    holding that value, the other fields keeping their defaults."""
    assert field in Extra.__slots__
    defaults = Extra()
    st = new_state(None, None, None, "")
    assert getattr(st, field) is getattr(defaults, field)
    setattr(st, field, getattr(defaults, field))
    assert st.extra is None
    value = _Marker()
    setattr(st, field, value)
    assert st.extra is not None
    assert getattr(st, field) is value
    assert getattr(st.extra, field) is value
    for other in EXTRA_FIELDS:
        if other != field:
            assert getattr(st, other) is getattr(defaults, other), other


def test_new_extra_is_a_fresh_extra() -> None:
    """``new_extra()`` (copied from a template by the native core) holds what
    ``Extra()`` does, in a new object each time; every default is immutable, as
    all copies share them."""
    made, plain = new_extra(), Extra()
    assert type(made) is Extra
    assert made is not new_extra()
    for field in Extra.__slots__:
        assert getattr(made, field) is getattr(plain, field), field
        value = getattr(made, field)
        assert value is None or value is _missing or type(value) is bool, field
    made.spec_set = True
    assert new_extra().spec_set is None


def test_copy_extra_holds_what_the_original_holds() -> None:
    """A shallow copy's ``Extra``: a new object, each field the original's own value."""
    original = new_extra()
    original.spec_set, original.methods, original.sealed = True, ["a"], True
    copied = copy_extra(original)
    assert type(copied) is Extra
    assert copied is not original
    for field in Extra.__slots__:
        assert getattr(copied, field) is getattr(original, field), field
    copied.sealed = False
    assert original.sealed is True


@pytest.mark.skipif(NATIVE is None, reason="native core not in use")
@pytest.mark.parametrize(
    "template",
    [object(), 5, type("WithDict", (), {})(), type("Derived", (Extra,), {"__slots__": ()})()],
)
def test_clone_slots_refuses_other_classes(template: Any) -> None:
    """Only a class with ``__slots__`` alone, directly on object, is copied so."""
    with pytest.raises(TypeError, match="__slots__ only"):
        NATIVE.clone_slots(template)


def test_extra_and_state_slots_dont_overlap() -> None:
    """A name in both would be stored twice (the property hides one of them)."""
    assert set(MockState.__slots__).isdisjoint(Extra.__slots__)
    assert set(EXTRA_FIELDS) <= set(Extra.__slots__)


@pytest.mark.parametrize(
    ("make", "needs_extra"),
    [
        (lambda: turbomock.Mock(), False),
        (lambda: turbomock.MagicMock(return_value=1, side_effect=None, name="n"), False),
        (lambda: turbomock.Mock().child, False),
        (lambda: turbomock.Mock(spec=["a"]), True),
        (lambda: turbomock.Mock(wraps=len), True),
        (lambda: turbomock.Mock(unsafe=True), True),
    ],
    ids=["Mock", "configured MagicMock", "child", "spec", "wraps", "unsafe"],
)
def test_only_mocks_using_rare_features_get_an_extra(make: Any, needs_extra: bool) -> None:
    """A plain mock carries no ``Extra``; a spec, ``wraps`` or ``unsafe`` makes one."""
    assert (state_of(make()).extra is not None) is needs_extra


def test_extra_fields_read_back_through_the_mock() -> None:
    """What the constructor puts in ``Extra`` is what the stdlib's attributes show."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock(spec=["a"], wraps=len, unsafe=True)
        return m._mock_methods, m._mock_wraps, m._mock_unsafe, m._spec_class, m(["x"])

    assert_same(scenario)


def test_lazily_made_lists_are_made_once() -> None:
    """``call_list`` and ``magic_dict`` make their container on first use, then keep it."""
    st = new_state(None, None, None, "")
    assert (st.calls, st.magics) == (None, None)
    calls, magics = st.call_list(), st.magic_dict()
    assert st.call_list() is calls
    assert st.magic_dict() is magics
    assert (calls, magics) == ([], {})


def test_call_count_follows_the_calls_then_the_book(mock: Any) -> None:
    """The count is the number of calls until one is assigned by hand; from then on
    the assigned count, increased by each call."""
    m = mock.Mock()
    assert m.call_count == 0
    m()
    m(1)
    assert m.call_count == 2
    m.call_count = 10
    m()
    assert m.call_count == 11
    assert len(m.call_args_list) == 3


# -- Book -------------------------------------------------------------------------------------


def test_a_book_starts_from_the_calls_given() -> None:
    """A Book holds the six call attributes as the calls so far make them."""
    empty = Book()
    assert (empty.called, empty.call_count, empty.call_args) == (False, 0, None)
    calls = [turbomock.call(1), turbomock.call(2)]
    book = Book(calls, ["m"], ["mc"])
    assert (book.called, book.call_count, book.call_args) == (True, 2, calls[-1])
    assert book.call_args_list is calls
    assert (book.mock_calls, book.method_calls) == (["m"], ["mc"])


@pytest.mark.parametrize(
    "assign",
    [
        lambda m: setattr(m, "called", False),
        lambda m: setattr(m, "call_count", 7),
        lambda m: setattr(m, "call_args", None),
        lambda m: setattr(m, "call_args_list", []),
        lambda m: setattr(m, "mock_calls", []),
        lambda m: setattr(m, "method_calls", []),
        lambda m: delattr(m, "method_calls"),
    ],
    ids=["called", "call_count", "call_args", "call_args_list", "mock_calls", "method_calls",
         "del method_calls"],
)
def test_calls_after_a_call_attribute_was_assigned(assign: Any) -> None:
    """Once a call attribute is set by hand the mock and its parent record the next
    calls as the stdlib does, step by step."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: (m(1), m.a(2)),
        lambda mod, m: assign(m),
        lambda mod, m: m(3),
        lambda mod, m: m.a.b(4),
        lambda mod, m: (m.called, m.call_count, m.call_args, m.call_args_list),
        lambda mod, m: m.mock_calls,
        lambda mod, m: m.method_calls,
        lambda mod, m: (m.a.mock_calls, m.a.call_count),
    )


# -- SharedChildren ----------------------------------------------------------------------------


def _shared() -> tuple[SharedChildren, MockState]:
    original = new_state(None, None, None, "")
    shared: SharedChildren = SharedChildren.__new__(SharedChildren)
    shared.children = original
    return shared, original


_MAPPING_STEPS = [
    lambda d: d.__setitem__("a", 1),
    lambda d: d["a"],
    lambda d: d["missing"],
    lambda d: d.get("a"),
    lambda d: d.get("missing", "default"),
    lambda d: d.setdefault("b", 2),
    lambda d: d.setdefault("b", 3),
    lambda d: ("a" in d, "zz" in d),
    lambda d: (list(d), len(d)),
    lambda d: (list(d.keys()), list(d.values()), list(d.items())),
    lambda d: d.pop("b"),
    lambda d: d.pop("b", "gone"),
    lambda d: d.pop("b"),
    lambda d: d.__delitem__("a"),
    lambda d: d.__delitem__("a"),
    lambda d: (d == {}, d != {}, d == {"a": 1}),
    lambda d: d.__setitem__("c", 3),
    lambda d: (d == {"c": 3}, d != {"c": 3}, repr(d)),
]


def _run(obj: Any, step: Any) -> Any:
    try:
        return "ok", step(obj)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def test_shared_children_act_as_the_dict_they_forward_to() -> None:
    """Every mapping operation on a copy's state gives what it gives on a plain dict,
    and its effect lands in the original's state, none in the copy's own storage."""
    shared, original = _shared()
    plain: dict[str, Any] = {}
    for step in _MAPPING_STEPS:
        assert _run(shared, step) == _run(plain, step)
        assert dict(original) == plain
    assert dict.__len__(shared) == 0
    assert hash(shared) == object.__hash__(shared)


def test_a_copy_shares_its_children_with_the_original() -> None:
    """``copy.copy(m)``: a child made, replaced or deleted through either mock is the
    other's too, and a copy of the copy shares them as well."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        _ = m.before
        c = copy.copy(m)
        cc = copy.copy(c)
        made_by_copy = c.made
        seen = [m.made is made_by_copy, cc.made is made_by_copy, c.before is m.before]
        m.replaced = mod.Mock(name="replacement")
        seen.append(c.replaced is m.replaced)
        del c.before
        seen.append(hasattr(m, "before"))
        seen.append(hasattr(cc, "before"))
        seen.append(c._mock_children is m._mock_children)
        seen.append(cc._mock_children is m._mock_children)
        seen.append(sorted(m._mock_children))
        return seen

    assert_same(scenario)


def test_a_copy_has_fields_of_its_own_but_shares_the_call_lists() -> None:
    """The copy's name, return value and side effect are its own; its lists of calls
    are the original's list objects, its counts copied, as with the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock(return_value=1, name="orig")
        m(0)
        c = copy.copy(m)
        c.return_value = 2
        c.side_effect = [3]
        c(1)
        m(2)
        return (
            m(), c._mock_name, m.call_count, c.call_count,
            c.call_args_list is m.call_args_list, m.call_args_list, m.mock_calls, c.mock_calls,
        )

    assert_same(scenario)


def test_a_deep_copy_of_a_copy_gets_its_own_children() -> None:
    """``copy.deepcopy`` of a shallow copy copies the shared children into a dict of
    its own: later children of the original don't show in it."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m.a.return_value = 5
        deep = copy.deepcopy(copy.copy(m))
        _ = m.b
        return deep.a(), deep.a is m.a, sorted(deep._mock_children), sorted(m._mock_children)

    assert_same(scenario)


def test_deepcopy_settles_pending_calls_first() -> None:
    """A state with calls not yet named is drained before it is copied: the copy's
    lists hold the named calls, and the original's lists are unchanged."""
    m = turbomock.Mock()
    m.a.b(1)
    m(2)
    st = state_of(m)
    assert st.pending
    dup = copy.deepcopy(m)
    assert not st.pending
    clone = state_of(dup)
    assert clone is not st
    # (deep-copied records are no longer calls, the stdlib's neither: count them)
    assert (len(clone.mock_calls), len(clone.method_calls)) == (2, 1)
    assert m.mock_calls == [turbomock.call.a.b(1), turbomock.call(2)]
    assert set(clone) == {"a"}
    assert clone["a"] is not st["a"]


# -- recording and naming ----------------------------------------------------------------------


def test_recording_appends_one_event_per_ancestor_and_names_on_drain() -> None:
    """``record_call`` appends the record to the callee and one shared event to each
    ancestor; ``drain`` turns an ancestor's events into calls named relative to it."""
    root = turbomock.Mock()
    child = root.a.b
    st, mid, top = state_of(child), state_of(root.a), state_of(root)
    record = record_call(st, (1,), {"k": 2})
    assert st.calls == [record]
    assert len(mid.pending) == len(top.pending) == 1
    assert mid.pending[0] is top.pending[0]
    drain(top)
    assert top.pending == []
    assert list(top.mock_calls) == [turbomock.call.a.b(1, k=2)]
    assert list(top.method_calls) == [turbomock.call.a.b(1, k=2)]
    assert len(mid.pending) == 1  # each ancestor drains on its own
    assert root.a.mock_calls == [turbomock.call.b(1, k=2)]


@pytest.mark.parametrize(
    "calls",
    [
        lambda m: m.a.b.c(1),
        lambda m: m.a().b(2),
        lambda m: m().a()(3),
        lambda m: m.a.return_value.b.return_value(4),
        lambda m: (m.x(1), m.x.y(2), m(3), m.x()(4)),
    ],
    ids=["attribute chain", "through a return value", "call of a call", "return values",
         "mixed"],
)
def test_calls_are_named_relative_to_each_ancestor(calls: Any) -> None:
    """``mock_calls`` and ``method_calls`` at every level, as the stdlib names them."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        calls(m)
        levels = [m, m.a, m.x, m.a.b, m.return_value, m.a.return_value]
        return [(level.mock_calls, level.method_calls) for level in levels]

    assert_same(scenario)


def test_names_settle_before_a_link_changes() -> None:
    """Calls made before ``attach_mock`` or a rename keep the names they had then."""

    def scenario(mod: Any) -> Any:
        root, other = mod.Mock(), mod.Mock()
        root.child.leaf(1)
        other.attach_mock(root.child, "moved")
        root.child.leaf(2)
        other.moved.leaf(3)
        parented = mod.Mock(parent=root, name="late")
        parented(4)
        return root.mock_calls, root.method_calls, other.mock_calls, other.method_calls

    assert_same(scenario)


def test_a_call_list_read_early_shows_later_calls() -> None:
    """``mock_calls`` fetched before a call includes it when read after; a copy of it
    is a snapshot; it can't be hashed."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        live, methods = m.mock_calls, m.method_calls
        snapshot = copy.copy(live)
        m.a(1)
        m(2)
        m.b()
        return (
            live, methods, snapshot, type(live).__name__, len(live), live[-1],
            live == m.mock_calls, live.count(mod.call(2)),
        )

    assert_same(scenario)
    assert_same(lambda mod: hash(mod.Mock().mock_calls))


@pytest.mark.parametrize(
    "make",
    [
        lambda mod: mod.Mock(name="x").a().b,
        lambda mod: mod.Mock().a.return_value.b.return_value,
        lambda mod: mod.Mock(name="top").return_value()(),
        lambda mod: mod.Mock(parent=mod.Mock(name="p"), name="kid").c,
        lambda mod: mod.Mock(name=1),
        lambda mod: mod.Mock(parent=5),
    ],
    ids=["named chain", "return values", "calls of calls", "parent=", "name not a string",
         "parent not a mock"],
)
def test_repr_names_match_the_stdlib(make: Any) -> None:
    """The dotted name in the repr (``extract_mock_name``), failures included."""
    assert_same(lambda mod: repr(make(mod)))


def test_extract_mock_name_of_a_deep_chain() -> None:
    """The name is built from the state up to its root."""
    m = turbomock.Mock(name="root")
    leaf = m.a().b.c()()
    assert extract_mock_name(state_of(leaf)) == "root.a().b.c()()"


def test_calls_with_a_foreign_parent_fail_as_the_stdlib() -> None:
    """A mock whose parent is not a mock fails to record a call as the stdlib's."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock(parent=5, name="n")
        return m(1)

    assert_same(scenario)
