"""How two values differ, by path (``turbomock._diff``), and how long values are cut
around the difference (``turbomock._explain_text.cut_pair``)."""

from __future__ import annotations

import collections
import dataclasses
from typing import Any

import turbomock
from turbomock._diff import MAX_DEPTH, differences
from turbomock._explain_text import cut_pair
from turbomock.matchers import DictContaining, HasAttrs, IsInstance


def lines(expected: Any, actual: Any) -> list[str]:
    return [str(d) for d in differences(expected, actual, "x")]


@dataclasses.dataclass
class User:
    name: str
    age: int
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", compare=False)


Point = collections.namedtuple("Point", "x y")


class _Field:
    def __init__(self, name: str, eq: bool = True) -> None:
        self.name = name
        self.eq = eq


class AttrsLike:
    """Shaped like an attrs class: ``__attrs_attrs__`` lists the fields."""

    __attrs_attrs__ = (_Field("a"), _Field("b"), _Field("c", eq=False))

    def __init__(self, a: Any, b: Any, c: Any) -> None:
        self.a, self.b, self.c = a, b, c

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AttrsLike) and (self.a, self.b) == (other.a, other.b)

    __hash__ = None  # type: ignore[assignment]


def test_equal_values_have_no_differences() -> None:
    """Equal is equal, however deep."""
    assert lines({"a": [1, (2, {3})]}, {"a": [1, (2, {3})]}) == []


def test_dict_keys_missing_unexpected_and_different() -> None:
    """Each key on its own path: missing, unexpected, or its value's difference."""
    assert lines({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 5, "d": 4}) == [
        "x['b']: expected 2, got 5",
        "x['c']: expected 3, key missing",
        "x['d']: unexpected key, got 4",
    ]


def test_nested_containers_give_the_full_path() -> None:
    """Dicts and lists are followed down to the one differing item."""
    assert lines({"tags": ["a", "c"]}, {"tags": ["a", "b"]}) == [
        "x['tags'][1]: expected 'c', got 'b'"
    ]


def test_list_with_an_inserted_item() -> None:
    """One extra expected item reads as one missing item, not a cascade."""
    assert lines([1, 9, 2, 3], [1, 2, 3]) == ["x[1]: expected 9, item missing"]


def test_list_with_an_extra_item() -> None:
    """One extra actual item reads as one unexpected item."""
    assert lines([1, 3], [1, 2, 3]) == ["x[1]: unexpected item, got 2"]


def test_list_and_tuple_differ_as_a_whole() -> None:
    """Different container kinds are one difference."""
    assert lines((1, 2), [1, 2]) == ["x: expected (1, 2), got [1, 2]"]


def test_sets_list_missing_and_unexpected_elements() -> None:
    """Set elements are missing or unexpected, in sorted order."""
    assert lines({1, 2, 4, 5}, {1, 2, 3}) == [
        "x: missing element 4",
        "x: missing element 5",
        "x: unexpected element 3",
    ]


def test_dataclass_fields_compared_ones_only() -> None:
    """Dataclass fields by name; a field with compare=False is left out."""
    assert lines(User("ann", 31, ["y"], note="a"), User("ann", 30, ["x"], note="b")) == [
        "x.age: expected 31, got 30",
        "x.tags[0]: expected 'y', got 'x'",
    ]


def test_namedtuple_fields_by_name() -> None:
    """A namedtuple's items are named by field."""
    assert lines(Point(1, 3), Point(1, 2)) == ["x.y: expected 3, got 2"]


def test_attrs_style_fields_by_name() -> None:
    """``__attrs_attrs__`` fields by name; one with eq=False is left out."""
    assert lines(AttrsLike(1, 5, 9), AttrsLike(1, 2, 3)) == ["x.b: expected 5, got 2"]


def test_same_repr_different_values_show_their_types() -> None:
    """When the reprs can't tell two values apart, their types are shown."""

    class Id:
        def __repr__(self) -> str:
            return "Id"

    assert lines(Id(), Id()) == ["x: expected Id (Id), got Id (Id)"]


def test_a_comparison_that_raises_is_the_difference() -> None:
    """An ``__eq__`` that raises is reported, not propagated."""

    class Touchy:
        def __eq__(self, other: object) -> bool:
            raise ValueError("no comparing")

        __hash__ = None  # type: ignore[assignment]

    assert lines(Touchy(), 1) == ["x: comparing raised ValueError: no comparing"]


def test_depth_is_bounded() -> None:
    """Past ``MAX_DEPTH`` levels the rest is one difference."""
    deep_e: Any = 1
    deep_a: Any = 2
    for _ in range(MAX_DEPTH + 3):
        deep_e, deep_a = [deep_e], [deep_a]
    (found,) = differences(deep_e, deep_a, "x")
    assert found.path == "x" + "[0]" * MAX_DEPTH


def test_mocks_are_compared_whole() -> None:
    """A mock is never looked into, even one that supports item access."""
    first, second = turbomock.MagicMock(name="a"), turbomock.MagicMock(name="b")
    (found,) = differences(first, second, "x")
    assert found.path == "x"
    assert found.what.startswith("expected <MagicMock name='a' id=")


def test_matcher_refusal_gives_its_reason() -> None:
    """A matcher that refused is named with why."""
    assert lines(IsInstance(int), "3") == ["x: IsInstance(int) failed: got '3' (str)"]


def test_dict_containing_is_followed_by_key() -> None:
    """A subset matcher's keys get their own paths."""
    assert lines(DictContaining(a=1, b={"c": 2}, z=0), {"a": 1, "b": {"c": 3}}) == [
        "x['b']['c']: expected 2, got 3",
        "x['z']: expected 0, key missing",
    ]


def test_has_attrs_is_followed_by_attribute() -> None:
    """An attribute subset matcher's attributes get their own paths."""
    assert lines(HasAttrs(x=1, w=2), Point(1, 5)) == ["x.w: expected 2, no such attribute"]


def test_long_values_are_cut_around_the_difference() -> None:
    """Both reprs are cut at the same place, so the difference shows in each."""
    expected = "'" + "a" * 100 + "X" + "b" * 100 + "'"
    actual = "'" + "a" * 100 + "Y" + "b" * 100 + "'"
    assert cut_pair(expected, actual) == (
        "..." + "a" * 20 + "X" + "b" * 39 + "...",
        "..." + "a" * 20 + "Y" + "b" * 39 + "...",
    )


def test_short_values_are_not_cut() -> None:
    """Reprs that fit are left whole."""
    assert cut_pair("'abc'", "'abd'") == ("'abc'", "'abd'")


def test_a_difference_near_the_start_is_cut_at_the_end_only() -> None:
    """No leading ``...`` when the difference is near the start."""
    assert cut_pair("X" + "a" * 100, "Y" + "a" * 100) == (
        "X" + "a" * 59 + "...",
        "Y" + "a" * 59 + "...",
    )


def test_long_values_in_a_difference_line() -> None:
    """A difference near the end shows a full window that ends with the values."""
    (found,) = differences("a" * 100 + "X", "a" * 100 + "Y", "x")
    assert found.what == "expected ..." + "a" * 58 + "X', got ..." + "a" * 58 + "Y'"
