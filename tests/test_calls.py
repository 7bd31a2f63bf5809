"""``call``, ``_Call`` and ``_CallList``: shapes, equality, reprs, chains, containment.

Tests taking ``mock`` run against ``unittest.mock`` and turbomock with the same
expectations; ``assert_same`` tests compare the two directly.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any, Callable

import pytest

from engine_support import PY311, assert_same

# -- shapes -----------------------------------------------------------------------------


def test_call_is_a_named_triple(mock: Any) -> None:
    """``call(1, a=2)`` is the tuple ``('', (1,), {'a': 2})``."""
    assert tuple(mock.call(1, a=2)) == ("", (1,), {"a": 2})


def test_attribute_call_carries_its_dotted_name(mock: Any) -> None:
    """``call.x.y(1)`` is ``('x.y', (1,), {})``."""
    assert tuple(mock.call.x.y(1)) == ("x.y", (1,), {})


def test_call_args_is_a_pair(mock: Any) -> None:
    """A mock's ``call_args`` is ``(args, kwargs)``, without a name."""
    m = mock.Mock()
    m(1, b=2)
    assert tuple(m.call_args) == ((1,), {"b": 2})


def test_mock_calls_entries_are_triples(mock: Any) -> None:
    """``mock_calls`` entries carry the dotted name of the callee."""
    m = mock.Mock()
    m.a.b(3)
    assert [tuple(c) for c in m.mock_calls] == [("a.b", (3,), {})]


@pytest.mark.parametrize(
    ("value", "kwargs"),
    [
        (((1,), {}), {}),
        (("name", (1,), {"k": 2}), {}),
        (("name", (1,)), {}),
        (("name", {"k": 1}), {}),
        (((1,),), {}),
        (({"k": 1},), {}),
        (("name",), {}),
        ((), {}),
        (((1,), {"k": 2}), {"two": True}),
        (("name", (1,), {}), {"two": True}),
        ((), {"name": "given"}),
        (((1,), {}), {"name": "given"}),
        (((1,), {}), {"from_kall": False}),
        (((1,), {}), {"name": "x", "from_kall": False}),
    ],
    ids=repr,
)
def test_call_constructor_accepts_every_shape(
    value: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """``_Call(value, ...)`` parses each accepted shape as the stdlib does."""

    def scenario(mod: Any) -> Any:
        made = mod._Call(value, **kwargs)
        return tuple(made), repr(made), made.args, made.kwargs

    assert_same(scenario)


def test_args_and_kwargs_of_both_shapes(mock: Any) -> None:
    """``.args`` and ``.kwargs`` read the same from pairs and triples."""
    m = mock.Mock()
    m.f(1, k=2)
    assert m.f.call_args.args == (1,)
    assert m.f.call_args.kwargs == {"k": 2}
    assert m.mock_calls[0].args == (1,)
    assert m.mock_calls[0].kwargs == {"k": 2}


def test_call_args_unpacks_into_args_and_kwargs(mock: Any) -> None:
    """``args, kwargs = mock.call_args`` keeps working."""
    m = mock.Mock()
    m(1, k=2)
    args, kwargs = m.call_args
    assert (args, kwargs) == ((1,), {"k": 2})


def test_call_len_and_indexing() -> None:
    """Lengths and indexing of call objects match the stdlib's."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m(1, a=2)
        m.x(3)
        return (
            len(mod.call),
            len(mod.call(1)),
            len(mod.call.a),
            len(mod.call.a(1)),
            len(m.call_args),
            m.call_args[0],
            m.call_args[1],
            m.call_args[-1],
            m.mock_calls[1][0],
            m.mock_calls[1][1],
            tuple(m.mock_calls[1]),
        )

    assert_same(scenario)


# -- reprs ------------------------------------------------------------------------------

REPRS: list[tuple[str, Callable[[Any], Any]]] = [
    ("call", lambda m: m.call),
    ("call()", lambda m: m.call()),
    ("call(1, a=2)", lambda m: m.call(1, a=2)),
    ("call.x", lambda m: m.call.x),
    ("call.x.y(1)", lambda m: m.call.x.y(1)),
    ("call(1)(2)", lambda m: m.call(1)(2)),
    ("call()()", lambda m: m.call()()),
    ("call()().a", lambda m: m.call()().a),
    ("call.a(1)(2)(3)", lambda m: m.call.a(1)(2)(3)),
    ("call.a().b", lambda m: m.call.a().b),
    ("kwargs order kept", lambda m: m.call(b=2, a=1)),
    ("nested calls", lambda m: m.call(m.call(1), [m.call.a], {"k": m.call})),
    ("name= keyword", lambda m: m.call(name=1)),
    ("parent= keyword", lambda m: m.call.f(parent=3)),
    ("two= keyword", lambda m: m.call(two=True)),
    ("self= keyword", lambda m: m.call(self=1)),
    ("value= keyword", lambda m: m.call(value=1)),
    ("call.__call__", lambda m: m.call.__call__),
    ("call.a.__call__(1)", lambda m: m.call.a.__call__(1)),
    ("magic in chain", lambda m: [m.call.__getitem__(1), m.call().__len__(), m.call.x.__iter__()]),
    ("recorded call_args", lambda m: (lambda x: (x(1, k="v"), x.call_args)[1])(m.Mock())),
    ("recorded mock_calls", lambda m: (lambda x: (x.a.b(1)().c(), x.mock_calls)[1])(m.Mock())),
]


@pytest.mark.parametrize("make", [r[1] for r in REPRS], ids=[r[0] for r in REPRS])
def test_repr_matches_the_stdlib(make: Callable[[Any], Any]) -> None:
    """Calls read the same as the stdlib's in reprs."""
    assert_same(make)


def test_call_repr_pinned(mock: Any) -> None:
    """A few reprs, pinned."""
    assert repr(mock.call.x.y(1, k="v")) == "call.x.y(1, k='v')"
    assert repr(mock.call(1)(2)) == "call()(2)"
    assert repr(mock.call.a) == "a"
    assert repr(mock.call) == "call"


def test_call_list_repr_is_pretty_printed() -> None:
    """A long ``_CallList`` wraps like ``pprint`` does in the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        for i in range(4):
            m.a("y" * 40, i)
        return (
            repr(m.mock_calls),
            str(m.call_args_list),
            repr(mod._CallList()),
            str(mod._CallList([mod.call(1)])),
        )

    assert_same(scenario)


# -- equality ---------------------------------------------------------------------------

EQUALITIES: list[tuple[str, Callable[[Any], Any]]] = [
    ("call(1) == ((1,), {})", lambda m: m.call(1) == ((1,), {})),
    ("call(1) == ('', (1,), {})", lambda m: m.call(1) == ("", (1,), {})),
    ("call.a(1) == ('a', (1,), {})", lambda m: m.call.a(1) == ("a", (1,), {})),
    ("call.a(1) == ('b', (1,), {})", lambda m: m.call.a(1) == ("b", (1,), {})),
    ("call(1) == ((1,),)", lambda m: m.call(1) == ((1,),)),
    ("call(a=1) == ({'a': 1},)", lambda m: m.call(a=1) == ({"a": 1},)),
    ("call.x() == ('x',)", lambda m: m.call.x() == ("x",)),
    ("call() == ('',)", lambda m: m.call() == ("",)),
    ("call() == ((),)", lambda m: m.call() == ((),)),
    ("call() == ({},)", lambda m: m.call() == ({},)),
    ("call() == ()", lambda m: m.call() == ()),
    ("call(1) == ('x', (1,))", lambda m: m.call(1) == ("x", (1,))),
    ("call.x(1) == ('x', (1,))", lambda m: m.call.x(1) == ("x", (1,))),
    ("call.x(1) == ('x', {})", lambda m: m.call.x(1) == ("x", {})),
    ("call.x(a=1) == ('x', {'a': 1})", lambda m: m.call.x(a=1) == ("x", {"a": 1})),
    ("call(1) == (1, 2, 3, 4)", lambda m: m.call(1) == (1, 2, 3, 4)),
    ("call(1) == [(1,), {}]", lambda m: m.call(1) == [(1,), {}]),
    ("call(1) == [1]", lambda m: m.call(1) == [1]),
    ("call(1) == {}", lambda m: m.call(1) == {}),
    ("call(1) == 1", lambda m: m.call(1) == 1),
    ("call(1) == None", lambda m: m.call(1) == None),  # noqa: E711
    ("call('ab') == 'ab'", lambda m: m.call("ab") == "ab"),
    ("call.x == 'x'", lambda m: m.call.x == "x"),
    ("call(1) != call(2)", lambda m: m.call(1) != m.call(2)),
    ("call(1) != call(1)", lambda m: m.call(1) != m.call(1)),
    ("call(1) != ((1,), {})", lambda m: m.call(1) != ((1,), {})),
    ("kwargs order ignored", lambda m: m.call(a=1, b=2) == m.call(b=2, a=1)),
    ("call.a(1) == call.b(1)", lambda m: m.call.a(1) == m.call.b(1)),
    ("call(1) == call.a(1)", lambda m: m.call(1) == m.call.a(1)),
    ("call.a(1) == call(1)", lambda m: m.call.a(1) == m.call(1)),
    ("parents compared", lambda m: m.call.a(1).b(2) == m.call.a(2).b(2)),
    ("different parents same name", lambda m: m.call.a().b() == m.call.c().b()),
    ("call(ANY) == call(1)", lambda m: m.call(m.ANY) == m.call(1)),
    ("call(1) == call(ANY)", lambda m: m.call(1) == m.call(m.ANY)),
    ("ANY == call(1)", lambda m: m.ANY == m.call(1)),  # noqa: SIM300 - ANY first is the case
    ("ANY in kwargs", lambda m: m.call(m.ANY, b=m.ANY) == m.call(1, b=2)),
    ("ANY doesn't widen arity", lambda m: m.call(m.ANY) == m.call(1, 2)),
    ("two-tuple call vs named", lambda m: m._Call(((1,), {}), two=True) == m.call.x(1)),
    ("named vs two-tuple call", lambda m: m.call.x(1) == m._Call(((1,), {}), two=True)),
    (
        "recorded call_args == call",
        lambda m: (lambda x: (x(1, b=2), x.call_args == m.call(1, b=2))[1])(m.Mock()),
    ),
    (
        "recorded call_args == named tuple",
        lambda m: (lambda x: (x(1), x.call_args == ("foo", (1,), {})))(m.Mock())[1],
    ),
    (
        "recorded mock_calls[0] == wrong name",
        lambda m: (lambda x: (x.a(1), x.mock_calls[0] == ("b", (1,), {})))(m.Mock())[1],
    ),
    (
        "recorded chain == expected chain",
        lambda m: (lambda x: (x.a(1).b(2), x.mock_calls[-1] == m.call.a(1).b(2)))(m.Mock())[1],
    ),
    (
        "recorded chain vs other parent args",
        lambda m: (lambda x: (x.a(1).b(2), x.mock_calls[-1] == m.call.a(9).b(2)))(m.Mock())[1],
    ),
    (
        "expected chain vs recorded, reversed",
        lambda m: (lambda x: (x.a(1).b(2), m.call.a(9).b(2) == x.mock_calls[-1]))(m.Mock())[1],
    ),
    (
        "call_args_list == list of pairs",
        lambda m: (lambda x: (x(1), x.call_args_list == [((1,), {})]))(m.Mock())[1],
    ),
    (
        "mock_calls == list of triples",
        lambda m: (lambda x: (x(1), x.mock_calls == [("", (1,), {})]))(m.Mock())[1],
    ),
]


@pytest.mark.parametrize("compare", [e[1] for e in EQUALITIES], ids=[e[0] for e in EQUALITIES])
def test_equality_matches_the_stdlib(compare: Callable[[Any], Any]) -> None:
    """Call objects compare with calls, tuples and other values as the stdlib's do."""
    assert_same(compare)


def test_call_equals_plain_tuples(mock: Any) -> None:
    """Expected calls written as tuples match recorded ones."""
    m = mock.Mock()
    m(1, b=2)
    m.a(3)
    assert m.call_args == ((1,), {"b": 2})
    assert m.mock_calls == [("", (1,), {"b": 2}), ("a", (3,), {})]


def test_call_is_unhashable() -> None:
    """``hash(call(1))`` raises the stdlib's TypeError."""
    assert_same(lambda mod: hash(mod.call(1)))


@pytest.mark.parametrize(
    "operation",
    [
        lambda m: m.call(1) < m.call(2),
        lambda m: m.call(1) + (1,),  # noqa: RUF005 - tuple concatenation is under test
        lambda m: m.call(1) * 2,
        lambda m: list(m.call.a(1)),
        lambda m: (bool(m.call), bool(m.call()), bool(m.call.a)),
        lambda m: {m.call(1)},
    ],
    ids=["<", "+", "*", "iteration", "truth", "in a set"],
)
def test_tuple_operators_match_the_stdlib(operation: Callable[[Any], Any]) -> None:
    """The tuple operators a call keeps behave as the stdlib's."""
    assert_same(operation)


# -- attribute access describes calls ----------------------------------------------------


@pytest.mark.parametrize("name", sorted(tuple.__dict__))
def test_tuple_attribute_names_describe_calls(name: str) -> None:
    """``call.x().<name>`` for a name tuple defines is a call description, not the
    tuple's attribute (``call().__getitem__('k')``, ``call.count(1)``)."""
    assert_same(lambda mod: (getattr(mod.call.x(), name), getattr(mod.call, name)))


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        (lambda m: m["k"], lambda c: c.__getitem__("k")),
        (len, lambda c: c.__len__()),
        (iter, lambda c: c.__iter__()),
        (lambda m: 1 in m, lambda c: c.__contains__(1)),
        (lambda m: m == 1, lambda c: c.__eq__(1)),
        (lambda m: m + 1, lambda c: c.__add__(1)),
        (lambda m: m.__lt__(1), lambda c: c.__lt__(1)),
    ],
    ids=["getitem", "len", "iter", "contains", "eq", "add", "lt"],
)
def test_expected_magic_calls_match_recorded_ones(
    mock: Any, operation: Callable[[Any], Any], expected: Callable[[Any], Any]
) -> None:
    """``call.__getitem__('k')`` and friends match what a MagicMock recorded."""
    m = mock.MagicMock()
    operation(m)
    assert m.mock_calls == [expected(mock.call)]
    m.assert_has_calls([expected(mock.call)])


def test_count_and_index_are_call_names(mock: Any) -> None:
    """``call.count`` and ``call.index`` describe methods of those names."""
    m = mock.Mock()
    m.count(1)
    m.index(2)
    assert m.mock_calls == [mock.call.count(1), mock.call.index(2)]


def test_args_and_kwargs_are_properties_not_names(mock: Any) -> None:
    """``call.args``/``call.kwargs`` are the properties, as in the stdlib."""
    assert mock.call.args == ()
    assert mock.call.kwargs == {}


# -- chains ----------------------------------------------------------------------------


def test_call_list_of_a_chain(mock: Any) -> None:
    """``call.a(1).b(2).c(3).call_list()`` is every call the chain makes."""
    calls = mock.call.a(1).b(2).c(3).call_list()
    assert [repr(c) for c in calls] == ["call.a(1)", "call.a().b(2)", "call.a().b().c(3)"]


def test_call_list_equals_recorded_mock_calls(mock: Any) -> None:
    """The documented use: comparing a chained call with ``mock_calls``."""
    m = mock.Mock()
    m.a(1).b(2).c(3)
    assert m.mock_calls == mock.call.a(1).b(2).c(3).call_list()


@pytest.mark.parametrize(
    "chain",
    [
        lambda m: m.call(1).call_list(),
        lambda m: m.call.call_list(),
        lambda m: m.call.a.call_list(),
        lambda m: m.call.a(1).b.call_list(),
        lambda m: m.call.a().__getitem__(1).call_list(),
        lambda m: type(m.call(1).call_list()).__name__,
    ],
    ids=["single", "bare call", "attribute only", "trailing attribute", "magic", "type"],
)
def test_call_list_matches_the_stdlib(chain: Callable[[Any], Any]) -> None:
    """``call_list()`` of odd chains gives what the stdlib gives."""
    assert_same(chain)


# -- _CallList containment --------------------------------------------------------------


CONTAINMENT: list[tuple[str, Callable[[Any], Any]]] = [
    (
        "contiguous run",
        lambda m: [m.call(1), m.call(2)] in m._CallList([m.call(1), m.call(2), m.call(3)]),
    ),
    (
        "run at the end",
        lambda m: [m.call(2), m.call(3)] in m._CallList([m.call(1), m.call(2), m.call(3)]),
    ),
    (
        "gap breaks the run",
        lambda m: [m.call(1), m.call(3)] in m._CallList([m.call(1), m.call(2), m.call(3)]),
    ),
    ("wrong order", lambda m: [m.call(2), m.call(1)] in m._CallList([m.call(1), m.call(2)])),
    ("single call", lambda m: m.call(2) in m._CallList([m.call(1), m.call(2)])),
    ("missing call", lambda m: m.call(5) in m._CallList([m.call(1), m.call(2)])),
    ("empty list in list", lambda m: [] in m._CallList([m.call(1)])),
    ("empty list in empty", lambda m: [] in m._CallList()),
    ("list in empty", lambda m: [m.call(1)] in m._CallList([])),
    ("longer than the list", lambda m: [m.call(1), m.call(1)] in m._CallList([m.call(1)])),
    (
        "ANY in the run",
        lambda m: [m.call(m.ANY), m.call(2)] in m._CallList([m.call(1), m.call(2), m.call(3)]),
    ),
    ("tuple is not a run", lambda m: (m.call(1), m.call(2)) in m._CallList([m.call(1), m.call(2)])),
    (
        "_CallList as the run",
        lambda m: m._CallList([m.call(2)]) in m._CallList([m.call(1), m.call(2)]),
    ),
    (
        "chain's call_list",
        lambda m: (lambda x: (x.a(1).b(2), m.call.a(1).b(2).call_list() in x.mock_calls))(m.Mock())[
            1
        ],
    ),
]


@pytest.mark.parametrize("check", [c[1] for c in CONTAINMENT], ids=[c[0] for c in CONTAINMENT])
def test_containment_matches_the_stdlib(check: Callable[[Any], Any]) -> None:
    """``x in call_list`` looks for a call, or a contiguous run of calls, as the stdlib."""
    assert_same(check)


def test_sub_list_containment(mock: Any) -> None:
    """A list of calls is found in ``mock_calls`` only as a contiguous run."""
    m = mock.Mock()
    m(1)
    m(2)
    m(3)
    assert [mock.call(2), mock.call(3)] in m.mock_calls
    assert [mock.call(1), mock.call(3)] not in m.mock_calls


def test_call_list_is_a_list(mock: Any) -> None:
    """Views are ``_CallList``s: lists that compare with plain lists."""
    m = mock.Mock()
    m(1)
    assert isinstance(m.call_args_list, list)
    assert isinstance(m.call_args_list, mock._CallList)
    assert m.call_args_list == [mock.call(1)]
    assert [mock.call(1)] == m.call_args_list


def test_call_list_slices_and_sums() -> None:
    """Slicing and adding views give what the stdlib gives."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m(1)
        m(2)
        m(3)
        return (
            type(m.call_args_list[1:]).__name__,
            m.call_args_list[1:],
            type(m.call_args_list + [mod.call(4)]).__name__,  # noqa: RUF005 - list.__add__ is under test
        )

    assert_same(scenario)


# -- copying and pickling -------------------------------------------------------------


def test_deepcopy_of_a_call_matches_the_stdlib() -> None:
    """``copy.deepcopy(call)`` compares with the original as the stdlib's copy does."""
    assert_same(lambda mod: copy.deepcopy(mod.call.a(1)) == mod.call.a(1))


@pytest.mark.xfail(
    strict=True,
    reason="turbomock differs [KD-copy-call]: copy.copy(call) returns a copy where the stdlib "
    "raises RecursionError",
)
def test_shallow_copy_of_a_call_matches_the_stdlib() -> None:
    """``copy.copy`` of a call does what the stdlib's does."""
    assert_same(lambda mod: copy.copy(mod.call.a(1)))


@pytest.mark.xfail(
    PY311,
    strict=True,
    reason="turbomock differs [KD-pickle-call]: pickles calls (protocol >= 2) where the stdlib "
    "raises RecursionError",
)
@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickling_a_call_matches_the_stdlib(protocol: int) -> None:
    """Pickling a call object does what the stdlib's does (3.11+: RecursionError)."""
    assert_same(lambda mod: pickle.loads(pickle.dumps(mod.call.a(1, b=2), protocol)))


@pytest.mark.parametrize("protocol", range(2))
def test_pickling_a_call_with_old_protocols(protocol: int) -> None:
    """Protocols 0 and 1 round-trip a call in both libraries."""
    assert_same(lambda mod: pickle.loads(pickle.dumps(mod.call.a(1, b=2), protocol)))
