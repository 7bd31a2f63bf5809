"""``turbomock.matchers``: each compares equal to what it accepts (on either side of
``==``, inside ``call(...)``, ``assert_*``, call lists and nested containers), has a
short repr, and says why it refused a value."""

from __future__ import annotations

import re
import unittest.mock
from typing import Any

import pytest

import turbomock
from turbomock import call
from turbomock.matchers import (
    AllOf,
    AnyOf,
    Approx,
    Captor,
    Contains,
    DictContaining,
    HasAttrs,
    IsInstance,
    Matcher,
    Not,
    Predicate,
    Regex,
)


class Thing:
    def __init__(self, **attributes: Any) -> None:
        self.__dict__.update(attributes)


def is_even(value: Any) -> bool:
    return bool(value % 2 == 0)


# -- each matcher: accepts, refuses, repr, reason ------------------------------------------

CASES: list[tuple[Any, Any, Any, str, str]] = [
    # matcher, accepted value, refused value, repr, reason for the refusal
    (IsInstance(int), 3, "3", "IsInstance(int)", "got '3' (str)"),
    (IsInstance(int, float), 2.5, None, "IsInstance(int, float)", "got None (NoneType)"),
    (Approx(0.3), 0.1 + 0.2, 0.31, "Approx(0.3)", "got 0.31, off by 0.01 (allowed 3e-07)"),
    (Approx(10, abs=0.5), 10.4, 10.6, "Approx(10, abs=0.5)", "got 10.6, off by 0.6 (allowed 0.5)"),
    (Approx(100, rel=0.1), 109, 111, "Approx(100, rel=0.1)", "got 111, off by 11 (allowed 10)"),
    (Approx(1), 1.0, True, "Approx(1)", "got True (bool), not a number"),
    (Approx(1), 1, "1", "Approx(1)", "got '1' (str), not a number"),
    (Regex(r"^user-\d+$"), "user-12", "user-x", "Regex('^user-\\\\d+$')", "got 'user-x', no match"),
    (Regex("b"), "abc", 3, "Regex('b')", "got 3 (int), not str"),
    (Regex(b"b"), b"abc", "abc", "Regex(b'b')", "got 'abc' (str), not bytes"),
    (Regex("x", re.IGNORECASE), "X", "y", "Regex('x', flags=re.IGNORECASE)", "got 'y', no match"),
    (Contains("a", "b"), ["b", "c", "a"], ["a"], "Contains('a', 'b')", "got ['a'], without 'b'"),
    (Contains("ell"), "hello", "help", "Contains('ell')", "got 'help', without 'ell'"),
    (Contains("k"), {"k": 1}, {"j": 1}, "Contains('k')", "got {'j': 1}, without 'k'"),
    (
        Contains(IsInstance(int)),
        ["a", 1],
        ["a"],
        "Contains(IsInstance(int))",
        "got ['a'], without IsInstance(int)",
    ),
    (Contains(1), [1], 5, "Contains(1)", "got 5 (int), not a container"),
    (
        DictContaining({"a": 1}, b=IsInstance(str)),
        {"a": 1, "b": "x", "c": 3},
        {"a": 2},
        "DictContaining({'a': 1, 'b': IsInstance(str)})",
        "['a']: expected 1, got 2; ['b'] missing",
    ),
    (
        DictContaining(a=1),
        {"a": 1},
        [("a", 1)],
        "DictContaining({'a': 1})",
        "got [('a', 1)] (list), not a mapping",
    ),
    (
        HasAttrs(name="x", port=1),
        Thing(name="x", port=1, extra=2),
        Thing(name="y"),
        "HasAttrs(name='x', port=1)",
        ".name: expected 'x', got 'y'; .port missing",
    ),
    (
        Predicate(is_even, "an even number"),
        4,
        3,
        "Predicate('an even number')",
        "got 3, not an even number",
    ),
    (Predicate(is_even), 4, 3, "Predicate(is_even)", "got 3, is_even() is false for it"),
    (
        Predicate(is_even),
        4,
        "x",
        "Predicate(is_even)",
        "got 'x': is_even raised TypeError: not all arguments converted during string formatting",
    ),
    (
        AllOf(IsInstance(int), Predicate(is_even, "even")),
        4,
        3,
        "AllOf(IsInstance(int), Predicate('even'))",
        "Predicate('even') failed: got 3, not even",
    ),
    (AllOf(IsInstance(int), 4), 4, 6, "AllOf(IsInstance(int), 4)", "expected 4, got 6"),
    (
        AnyOf(None, IsInstance(str)),
        "a",
        1,
        "AnyOf(None, IsInstance(str))",
        "none matched: expected None, got 1; IsInstance(str) failed: got 1 (int)",
    ),
    (
        Not(IsInstance(str)),
        1,
        "a",
        "Not(IsInstance(str))",
        "got 'a', which IsInstance(str) accepts",
    ),
    (Not(None), 1, None, "Not(None)", "got None, which equals it"),
    (
        Captor(IsInstance(int)),
        1,
        "a",
        "Captor(IsInstance(int))",
        "IsInstance(int) failed: got 'a' (str)",
    ),
]
IDS = [case[3] for case in CASES]


@pytest.mark.parametrize(("matcher", "good", "bad", "shown", "reason"), CASES, ids=IDS)
def test_accepts_on_either_side_of_equals(
    matcher: Any, good: Any, bad: Any, shown: str, reason: str
) -> None:
    """``matcher == value`` and ``value == matcher`` agree, and ``!=`` is their opposite."""
    assert matcher == good
    assert good == matcher
    assert (matcher != good) is False
    assert matcher != bad
    assert bad != matcher


@pytest.mark.parametrize(("matcher", "good", "bad", "shown", "reason"), CASES, ids=IDS)
def test_repr_is_how_it_is_written(
    matcher: Any, good: Any, bad: Any, shown: str, reason: str
) -> None:
    """The repr is short and reads like the constructor call."""
    assert repr(matcher) == shown


@pytest.mark.parametrize(("matcher", "good", "bad", "shown", "reason"), CASES, ids=IDS)
def test_says_why_it_refused(matcher: Any, good: Any, bad: Any, shown: str, reason: str) -> None:
    """``describe_mismatch`` gives the reason the explanation shows."""
    assert matcher.describe_mismatch(bad) == reason


def test_contains_leaves_iterators_alone() -> None:
    """An iterator is refused rather than used up by looking into it."""
    items = iter([1, 2])
    assert Contains(1) != items
    assert re.fullmatch(
        r"got <list_iterator object at 0x[0-9a-f]+> \(list_iterator\), not a container",
        Contains(1).describe_mismatch(items),
    )
    assert list(items) == [1, 2]


def test_hasattrs_reason_names_attributes_with_a_dot() -> None:
    """Attribute steps read ``.name``, key steps ``['key']``."""
    assert HasAttrs(name="x").describe_mismatch(Thing(name="y")) == ".name: expected 'x', got 'y'"


def test_matchers_are_not_hashable() -> None:
    """Their equality is not an identity, so they cannot be set members or keys."""
    with pytest.raises(TypeError):
        hash(IsInstance(int))


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: IsInstance(), "IsInstance() needs at least one type"),
        (lambda: IsInstance(int, "str"), "IsInstance() takes classes, not 'str' (str)"),
        (lambda: Approx("1"), "Approx() takes a number, not '1' (str)"),
        (lambda: Approx(True), "Approx() takes a number, not True (bool)"),
        (lambda: Contains(), "Contains() needs at least one item"),
        (lambda: HasAttrs(), "HasAttrs() needs at least one attribute"),
        (lambda: Predicate(3), "Predicate() takes a callable, not 3 (int)"),
        (lambda: AllOf(), "AllOf() needs at least one part"),
        (lambda: AnyOf(), "AnyOf() needs at least one part"),
    ],
)
def test_bad_construction_is_refused(make: Any, error: str) -> None:
    """A matcher that could never match is refused when made."""
    with pytest.raises(TypeError) as info:
        make()
    assert str(info.value) == error


def test_negative_tolerance_is_refused() -> None:
    """Tolerances are distances: never negative."""
    with pytest.raises(ValueError, match=r"^Approx\(abs=\.\.\.\) must be a number >= 0, not -1$"):
        Approx(1, abs=-1)


def test_approx_never_accepts_nan() -> None:
    """NaN is not close to anything."""
    assert Approx(1.0, abs=1e9) != float("nan")


def test_approx_accepts_complex_numbers() -> None:
    """Complex numbers are compared by the distance between them."""
    assert Approx(1 + 1j, abs=0.01) == 1.005 + 1j


# -- in calls, assertions and call lists ---------------------------------------------------


@pytest.mark.parametrize("mod", [unittest.mock, turbomock], ids=["unittest.mock", "turbomock"])
def test_in_assertions(mod: Any) -> None:
    """Matchers work in every ``assert_*`` of either library."""
    m = mod.Mock()
    m("user-7", {"id": 7, "tags": ["a", "b"]}, timeout=0.30000001)
    m.assert_called_with(
        Regex(r"^user-\d+$"), DictContaining(tags=Contains("b")), timeout=Approx(0.3)
    )
    m.assert_called_once_with(IsInstance(str), mod.ANY, timeout=IsInstance(float))
    m.assert_any_call(
        Not("user-8"), HasAttrs(__len__=IsInstance(object)), timeout=AnyOf(1, Approx(0.3))
    )
    m.assert_has_calls([mod.call(IsInstance(str), IsInstance(dict), timeout=IsInstance(float))])
    with pytest.raises(AssertionError):
        m.assert_called_with(IsInstance(int), mod.ANY, timeout=mod.ANY)


def test_in_call_list_comparisons() -> None:
    """``==`` between a call list and expected calls with matchers, either way round."""
    m = turbomock.Mock()
    m(1)
    m.child("x", [1, {"k": 2.0}])
    expected = [call(IsInstance(int)), call.child(Regex("x"), [1, {"k": Approx(2)}])]
    assert m.mock_calls == expected
    assert expected == m.mock_calls
    assert m.child.call_args == call("x", [IsInstance(int), DictContaining(k=2)])
    assert call(IsInstance(str)) not in m.call_args_list


def test_nested_in_containers() -> None:
    """Matchers decide wherever they sit in an expected value."""
    assert {"a": [1, (IsInstance(str), 3)]} == {"a": [1, ("x", 3)]}
    assert [AllOf(IsInstance(int), Not(0))] != [0]


def test_a_matcher_subclass_gets_equality_and_reason() -> None:
    """Subclassing ``Matcher`` with ``matches`` is all it takes."""

    class Positive(Matcher):
        def matches(self, actual: Any) -> bool:
            return isinstance(actual, int) and actual > 0

        def __repr__(self) -> str:
            return "Positive()"

    m = turbomock.Mock()
    m(-1)
    assert Positive() == 1
    assert Positive() != -1
    assert Positive().describe_mismatch(-1) == "got -1 (int)"
    with pytest.raises(AssertionError):
        m.assert_called_with(Positive())


# -- captors -------------------------------------------------------------------------------


def test_captor_records_the_argument_of_the_checked_call() -> None:
    """``value`` is the last value accepted, ``values`` all of them."""
    m = turbomock.Mock()
    m({"id": 1})
    captor = Captor()
    m.assert_called_once_with(captor)
    assert captor.value == {"id": 1}
    assert captor.values == [{"id": 1}]


def test_captor_records_every_call_in_a_list_comparison() -> None:
    """Compared with a whole call list, it records one value per call."""
    m = turbomock.Mock()
    m(1)
    m(2)
    captor = Captor(IsInstance(int))
    assert m.call_args_list == [call(captor), call(captor)]
    assert captor.values == [1, 2]


def test_captor_with_a_refusing_part_records_nothing() -> None:
    """A captor records only what its part accepted."""
    captor = Captor(IsInstance(int))
    assert captor != "x"
    assert captor.values == []


def test_captor_value_with_nothing_captured() -> None:
    """Reading ``value`` before anything was captured fails clearly."""
    with pytest.raises(AssertionError, match=r"^Captor\(\) captured nothing$"):
        Captor().value  # noqa: B018 - reading it is the test


def test_captor_values_is_a_copy() -> None:
    """Changing ``values`` does not change what was captured."""
    captor = Captor()
    assert captor == 1
    captor.values.append(2)
    assert captor.values == [1]
