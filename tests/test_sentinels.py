"""``sentinel``, ``DEFAULT`` and ``ANY``: identity survives copying and pickling, ANY
matches anything.

turbomock shares the stdlib's ``sentinel`` (so ``DEFAULT`` is one object for both
libraries); its own ``_Sentinel`` is the fallback for when turbomock is installed in
place of ``unittest.mock``, and is tested directly below.
"""

from __future__ import annotations

import copy
import pickle
import sys
import types
from typing import Any

import pytest

import turbomock
import turbomock._sentinels as sentinels_module
from engine_support import assert_same, outcome

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


@pytest.fixture
def own_sentinel(monkeypatch: pytest.MonkeyPatch) -> Any:
    """turbomock's own sentinel factory, installed as the module's ``sentinel`` and
    as ``unittest.mock``'s (as when turbomock stands in for it: its pickles name that
    module, as the stdlib's do)."""
    fresh = sentinels_module._Sentinel()
    monkeypatch.setattr(sentinels_module, "sentinel", fresh)
    stand_in = types.ModuleType("unittest.mock")
    stand_in.sentinel = fresh  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unittest.mock", stand_in)
    return fresh


# -- sentinel ---------------------------------------------------------------------------


def test_same_name_same_object(mock: Any) -> None:
    """``sentinel.foo`` is the same object every time."""
    assert mock.sentinel.foo is mock.sentinel.foo
    assert mock.sentinel.foo is not mock.sentinel.bar


def test_sentinel_name_and_repr(mock: Any) -> None:
    """A sentinel knows its name and reads as ``sentinel.<name>``."""
    assert mock.sentinel.foo.name == "foo"
    assert repr(mock.sentinel.foo) == "sentinel.foo"


def test_default_is_the_default_sentinel(mock: Any) -> None:
    """``DEFAULT`` is ``sentinel.DEFAULT``."""
    assert mock.DEFAULT is mock.sentinel.DEFAULT
    assert repr(mock.DEFAULT) == "sentinel.DEFAULT"


def test_turbomock_shares_the_stdlib_sentinel() -> None:
    """turbomock's ``sentinel`` and ``DEFAULT`` are the stdlib's objects."""
    import unittest.mock

    assert turbomock.sentinel is unittest.mock.sentinel
    assert turbomock.DEFAULT is unittest.mock.DEFAULT


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
def test_copies_are_the_same_sentinel(mock: Any, copier: Any) -> None:
    """Copying a sentinel or ``DEFAULT`` gives the original."""
    assert copier(mock.sentinel.foo) is mock.sentinel.foo
    assert copier(mock.DEFAULT) is mock.DEFAULT


def test_shallow_copy_of_the_factory_is_the_factory(mock: Any) -> None:
    """``copy.copy(sentinel)`` gives ``sentinel`` back."""
    assert copy.copy(mock.sentinel) is mock.sentinel


def test_deepcopy_of_the_factory_fails_like_the_stdlib(own_sentinel: Any) -> None:
    """``copy.deepcopy(sentinel)`` fails in the stdlib (``__deepcopy__`` is a sentinel
    there); the fallback fails the same way."""
    import unittest.mock

    assert outcome(copy.deepcopy, own_sentinel) == outcome(copy.deepcopy, unittest.mock.sentinel)


def test_deepcopy_inside_containers_keeps_identity(mock: Any) -> None:
    """Sentinels inside copied structures stay the same objects."""
    copied = copy.deepcopy({"k": [mock.sentinel.foo, (mock.DEFAULT,)]})
    assert copied["k"][0] is mock.sentinel.foo
    assert copied["k"][1][0] is mock.DEFAULT


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickle_round_trip_is_the_same_sentinel(mock: Any, protocol: int) -> None:
    """Unpickling a sentinel gives the original object, with every protocol."""
    for value in (mock.sentinel.foo, mock.DEFAULT, mock.sentinel):
        assert pickle.loads(pickle.dumps(value, protocol)) is value


@pytest.mark.parametrize(
    "operation",
    [
        lambda m: m.sentinel.foo == m.sentinel.foo,
        lambda m: m.sentinel.foo != m.sentinel.bar,
        lambda m: hash(m.sentinel.a) == hash(m.sentinel.a),
        lambda m: {m.sentinel.a: 1}[m.sentinel.a],
        lambda m: bool(m.sentinel.a),
        lambda m: hasattr(m.sentinel, "__bases__"),
        lambda m: m.sentinel.__foo__,
        lambda m: (type(m.sentinel).__name__, type(m.sentinel.a).__name__),
        lambda m: [n for n in dir(m.sentinel) if not n.startswith("__")],
        lambda m: (m.sentinel.a.__reduce__(), m.sentinel.__reduce__()),
        lambda m: setattr(m.sentinel.zzz, "name", "renamed"),
    ],
    ids=[
        "eq",
        "ne",
        "hash",
        "dict key",
        "truth",
        "__bases__",
        "dunder name",
        "types",
        "dir",
        "reduce",
        "rename",
    ],
)
def test_sentinel_details_match_the_stdlib(operation: Any) -> None:
    """Odd corners of sentinels behave as the stdlib's."""
    assert_same(operation)


def test_own_sentinel_same_name_same_object(own_sentinel: Any) -> None:
    """The fallback hands out one object per name."""
    assert own_sentinel.foo is own_sentinel.foo
    assert own_sentinel.foo.name == "foo"
    assert repr(own_sentinel.foo) == "sentinel.foo"


def test_own_sentinel_has_no_bases(own_sentinel: Any) -> None:
    """The fallback doesn't pretend to be a class (``__bases__`` is missing)."""
    assert not hasattr(own_sentinel, "__bases__")


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
def test_own_sentinel_copies_are_the_same(own_sentinel: Any, copier: Any) -> None:
    """Copying a fallback sentinel gives the original."""
    assert copier(own_sentinel.foo) is own_sentinel.foo
    assert copier([own_sentinel.foo])[0] is own_sentinel.foo


def test_own_sentinel_shallow_copy_of_the_factory(own_sentinel: Any) -> None:
    """``copy.copy`` of the fallback factory gives it back."""
    assert copy.copy(own_sentinel) is own_sentinel


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_own_sentinel_pickle_round_trip(own_sentinel: Any, protocol: int) -> None:
    """Unpickling a fallback sentinel gives the original object."""
    assert pickle.loads(pickle.dumps(own_sentinel.foo, protocol)) is own_sentinel.foo
    assert pickle.loads(pickle.dumps(own_sentinel, protocol)) is own_sentinel


# -- ANY -------------------------------------------------------------------------------


def test_any_equals_everything(mock: Any) -> None:
    """``ANY`` is equal to any value, on either side."""
    for value in (1, None, "x", object(), mock.Mock()):
        assert mock.ANY == value  # noqa: SIM300 - ANY's own __eq__ is under test
        assert value == mock.ANY
        assert not mock.ANY.__ne__(value)


def test_any_repr(mock: Any) -> None:
    """``ANY`` reads as ``<ANY>``."""
    assert repr(mock.ANY) == "<ANY>"


def test_any_matches_inside_expected_calls(mock: Any) -> None:
    """``ANY`` stands for one argument in an assertion."""
    m = mock.Mock()
    m(1, object(), key="x")
    m.assert_called_with(1, mock.ANY, key=mock.ANY)
    assert m.call_args == mock.call(mock.ANY, mock.ANY, key="x")


class _NeverEqual:
    """Refuses equality with everything: ANY must still match it."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


@pytest.mark.parametrize(
    "check",
    [
        lambda m, x: x.assert_called_with(m.ANY),
        lambda m, x: x.assert_called_once_with(m.ANY),
        lambda m, x: x.assert_any_call(m.ANY),
        lambda m, x: x.assert_has_calls([m.call(m.ANY)]),
        lambda m, x: x.assert_has_calls([m.call(m.ANY)], any_order=True),
        lambda m, x: x.call_args == m.call(m.ANY),
        lambda m, x: m.call(m.ANY) == x.call_args,
        lambda m, x: x.call_args_list == [m.call(m.ANY)],
        lambda m, x: [m.call(m.ANY)] == x.mock_calls,
        lambda m, x: m.call(m.ANY) in x.mock_calls,
    ],
    ids=[
        "called_with",
        "called_once_with",
        "any_call",
        "has_calls",
        "has_calls any order",
        "call_args ==",
        "== call_args",
        "call_args_list ==",
        "== mock_calls",
        "in mock_calls",
    ],
)
def test_any_beats_a_value_that_refuses_equality(check: Any) -> None:
    """The expected side is compared first, so ANY matches even a never-equal value."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m(_NeverEqual())
        return check(mod, m)

    assert_same(scenario)


@pytest.mark.parametrize(
    "operation",
    [
        lambda m: hash(m.ANY),
        lambda m: type(m.ANY).__name__,
        lambda m: (m.ANY == m.ANY, m.ANY in [1], [1, 2] == [m.ANY, m.ANY]),  # noqa: SIM300 - list first is the case
        lambda m: (copy.copy(m.ANY) is m.ANY, copy.deepcopy(m.ANY) is m.ANY),
        lambda m: pickle.loads(pickle.dumps(m.ANY)),
        lambda m: m.call(m.ANY) == m.call(1, 2),
    ],
    ids=["hash", "type", "containers", "copies", "pickle", "arity"],
)
def test_any_details_match_the_stdlib(operation: Any) -> None:
    """Odd corners of ANY behave as the stdlib's."""
    assert_same(operation)


def test_default_return_value_means_the_usual_result(mock: Any) -> None:
    """Setting ``return_value = DEFAULT`` gives back the default child mock."""
    m = mock.Mock()
    m.return_value = mock.DEFAULT
    assert isinstance(m(), mock.Mock)
    assert m() is m.return_value
