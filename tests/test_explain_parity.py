"""With explanations off (the default) every assertion message is exactly the stdlib's;
with them on, the stdlib's message still comes first, unchanged, and the failure's
``__cause__`` is the same.

Every assert kind, for calls and for awaits, on plain, specced and autospecced
mocks, is run on ``unittest.mock`` and on turbomock.
"""

from __future__ import annotations

import unittest.mock
from typing import Any, Callable

import pytest

import turbomock
from explain_support import awaited, settings
from spec_support import func
from turbomock.matchers import DictContaining, IsInstance


async def coro(a: Any, b: Any = 2) -> None:
    """A coroutine function to spec on."""


class Service:
    def get(self, key: Any, default: Any = None) -> Any:
        """A method to autospec."""


def _calls(m: Any) -> Any:
    m(1, "x", k={"a": [1, 2]})
    m.child(2)
    m(3)
    return m


def _spec_calls(m: Any) -> Any:
    m(1, 2)
    m(1, b=3, c=4)
    return m


SCENARIOS: dict[str, Callable[[Any], Any]] = {
    "not_called": lambda mod: _calls(mod.Mock()).assert_not_called(),
    "called": lambda mod: mod.Mock(name="nm").assert_called(),
    "called_once": lambda mod: _calls(mod.Mock()).assert_called_once(),
    "called_once none": lambda mod: mod.Mock().assert_called_once(),
    "called_with": lambda mod: _calls(mod.Mock()).assert_called_with(1, "x", k={"a": [1, 3]}),
    "called_with none": lambda mod: mod.Mock().assert_called_with(1),
    "called_with child": lambda mod: _calls(mod.Mock()).child.assert_called_with(3),
    "called_once_with count": lambda mod: _calls(mod.Mock()).assert_called_once_with(3),
    "called_once_with mismatch": lambda mod: _once(mod.Mock()).assert_called_once_with(2),
    "any_call": lambda mod: _calls(mod.Mock()).assert_any_call(2),
    "any_call none": lambda mod: mod.Mock().assert_any_call(2),
    "has_calls": lambda mod: _calls(mod.Mock()).assert_has_calls([mod.call(3), mod.call(1)]),
    "has_calls none": lambda mod: mod.Mock().assert_has_calls([mod.call(3)]),
    "has_calls any_order": lambda mod: _calls(mod.Mock()).assert_has_calls(
        [mod.call(3), mod.call(4)], any_order=True
    ),
    "spec called_with": lambda mod: _spec_calls(mod.Mock(spec=func)).assert_called_with(1, 2),
    "spec unbindable": lambda mod: _spec_calls(mod.Mock(spec=func)).assert_called_with(1, 2, 3),
    "spec any_call": lambda mod: _spec_calls(mod.Mock(spec=func)).assert_any_call(a=1, b=4),
    "spec has_calls": lambda mod: _spec_calls(mod.Mock(spec=func)).assert_has_calls(
        [mod.call(1, 2), mod.call(1, 3)]
    ),
    "spec has_calls unbindable": lambda mod: _spec_calls(mod.Mock(spec=func)).assert_has_calls(
        [mod.call(1, 2, 3)], any_order=True
    ),
    "autospec method": lambda mod: _autospec_method(mod).get.assert_called_with("k", 2),
    "autospec has_calls": lambda mod: _autospec_method(mod).assert_has_calls(
        [mod.call.get("k", default=2)]
    ),
    "magic method": lambda mod: _magic(mod).__getitem__.assert_called_with("j"),
    "long arguments": lambda mod: _long(mod).assert_called_with("b" * 300),
    "matchers": lambda mod: _calls(mod.Mock()).assert_called_with(
        IsInstance(str), "x", k=DictContaining(a=[1])
    ),
    "awaited": lambda mod: mod.AsyncMock().assert_awaited(),
    "awaited_once": lambda mod: _awaits(mod).assert_awaited_once(),
    "awaited_with": lambda mod: _awaits(mod).assert_awaited_with(1, 9),
    "awaited_with none": lambda mod: mod.AsyncMock().assert_awaited_with(1),
    "awaited_once_with": lambda mod: _awaits(mod).assert_awaited_once_with(1),
    "any_await": lambda mod: _awaits(mod).assert_any_await(5),
    "has_awaits": lambda mod: _awaits(mod).assert_has_awaits([mod.call(1, 2), mod.call(9)]),
    "has_awaits any_order": lambda mod: _awaits(mod).assert_has_awaits(
        [mod.call(9)], any_order=True
    ),
    "not_awaited": lambda mod: _awaits(mod).assert_not_awaited(),
}


def _once(m: Any) -> Any:
    m(1)
    return m


def _autospec_method(mod: Any) -> Any:
    m = mod.create_autospec(Service, instance=True)
    m.get("k")
    return m


def _magic(mod: Any) -> Any:
    m = mod.MagicMock()
    m["k"]
    return m


def _long(mod: Any) -> Any:
    m = mod.Mock()
    m("a" * 300)
    return m


def _awaits(mod: Any) -> Any:
    return awaited(mod.AsyncMock(spec=coro), ((1,), {}), ((1,), {"b": 3}))


def _failure(scenario: Callable[[Any], Any], mod: Any) -> AssertionError:
    with pytest.raises(AssertionError) as info:
        scenario(mod)
    return info.value


def _cause(exc: BaseException) -> Any:
    cause = exc.__cause__
    return None if cause is None else (type(cause), str(cause))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_messages_are_the_stdlibs_with_explanations_off(name: str) -> None:
    """Explanations off: the message and its cause are exactly the stdlib's."""
    scenario = SCENARIOS[name]
    theirs = _failure(scenario, unittest.mock)
    with settings(explain=False):
        ours = _failure(scenario, turbomock)
    assert (str(ours), _cause(ours)) == (str(theirs), _cause(theirs))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_explained_messages_start_with_the_stdlibs(name: str) -> None:
    """Explanations on: the stdlib's message first, unchanged, then the explanation."""
    scenario = SCENARIOS[name]
    theirs = _failure(scenario, unittest.mock)
    with settings(explain=True):
        ours = _failure(scenario, turbomock)
    text = str(ours)
    assert text == str(theirs) or text.startswith(str(theirs) + "\n\n")
    assert _cause(ours) == _cause(theirs)


def test_every_assert_kind_is_covered() -> None:
    """The scenarios above fail each assertion method of both families at least once."""
    names = {n for n in dir(turbomock.AsyncMock) if n.startswith("assert_") and n != "assert_"}
    covered = set()
    for key in SCENARIOS:
        kind = key.split(" ")[0]
        if kind in ("spec", "autospec", "magic", "long", "matchers"):
            kind = "called_with"
        covered.add(f"assert_{kind}")
    assert names <= covered, sorted(names - covered)
