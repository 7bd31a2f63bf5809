"""How two values differ, as a list of ``path: what`` lines.

Used only by explanations, so only after an assertion has failed. A difference
is looked for where the assertion looked: ``expected == actual`` with the expected
value on the left (so ``ANY`` and matchers decide). Where two values are unequal
and both are containers of the same kind, the search goes inside: dict keys,
list and tuple items, set elements, the fields of dataclasses, namedtuples and
attrs classes; anything else is one difference at that path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from turbomock import _explain_text as text
from turbomock._mock import _is_instance_mock
from turbomock.matchers import _MISSING as _ABSENT
from turbomock.matchers import Matcher, _Subset

__all__ = ["Difference", "differences", "equal"]

#: How deep the search goes before calling what is left one difference.
MAX_DEPTH = 12

_MISSING: Any = object()


class Difference(NamedTuple):
    """One difference: where it is and what it is."""

    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}" if self.path else self.what


def equal(expected: Any, actual: Any) -> bool | BaseException:
    """``expected == actual`` as the assertion saw it, or what the comparison raised."""
    try:
        return bool(expected == actual)
    except Exception as exc:
        return exc


def differences(expected: Any, actual: Any, path: str = "", depth: int = 0) -> list[Difference]:
    """Every difference between ``expected`` and ``actual``, by path; [] when equal."""
    verdict = equal(expected, actual)
    if verdict is True:
        return []
    if isinstance(verdict, BaseException):
        return [Difference(path, text.comparison_raised(verdict))]
    if depth >= MAX_DEPTH:
        return [Difference(path, text.values_differ(expected, actual))]
    found = _inside(expected, actual, path, depth + 1)
    if found:
        return found
    if isinstance(expected, Matcher):
        return [Difference(path, text.matcher_failed(expected, expected.describe_mismatch(actual)))]
    return [Difference(path, text.values_differ(expected, actual))]


def _inside(expected: Any, actual: Any, path: str, depth: int) -> list[Difference]:
    """The differences inside two unequal containers of one kind; [] if they are not."""
    if isinstance(expected, _Subset):
        return _subset(expected, actual, path, depth)
    if isinstance(expected, Matcher) or _is_mock(expected) or _is_mock(actual):
        return []
    fields = _fields(expected, actual)
    if fields is not None:
        return _by_fields(expected, actual, fields, path, depth)
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        return _mappings(expected, actual, path, depth)
    if (
        type(expected) is type(actual)
        or _both(expected, actual, list)
        or _both(expected, actual, tuple)
    ):
        if isinstance(expected, (list, tuple)):
            return _sequences(expected, actual, path, depth)
        if isinstance(expected, (set, frozenset)):
            return _sets(expected, actual, path)
    return []


def _both(expected: Any, actual: Any, kind: type) -> bool:
    return isinstance(expected, kind) and isinstance(actual, kind)


_is_mock = _is_instance_mock


def _fields(expected: Any, actual: Any) -> list[str] | None:
    """The compared field names of two instances of one dataclass, namedtuple or
    attrs class; None for anything else."""
    cls = type(expected)
    if type(actual) is not cls or isinstance(expected, type):
        return None
    if isinstance(getattr(cls, "__dataclass_fields__", None), dict):
        import dataclasses

        return [f.name for f in dataclasses.fields(expected) if f.compare]
    attrs_fields = getattr(cls, "__attrs_attrs__", None)
    if attrs_fields is not None:
        return [a.name for a in attrs_fields if getattr(a, "eq", True)]
    named = getattr(cls, "_fields", None)
    if isinstance(expected, tuple) and isinstance(named, tuple):
        return list(named)
    return None


def _by_fields(
    expected: Any, actual: Any, fields: list[str], path: str, depth: int
) -> list[Difference]:
    found: list[Difference] = []
    for name in fields:
        found += differences(
            getattr(expected, name), getattr(actual, name), f"{path}.{name}", depth
        )
    return found


def _mappings(
    expected: Mapping[Any, Any], actual: Mapping[Any, Any], path: str, depth: int
) -> list[Difference]:
    found: list[Difference] = []
    for key, value in expected.items():
        where = f"{path}[{key!r}]"
        other = actual.get(key, _MISSING)
        if other is _MISSING:
            found.append(Difference(where, text.key_missing(value)))
        else:
            found += differences(value, other, where, depth)
    for key, other in actual.items():
        if key not in expected:
            found.append(Difference(f"{path}[{key!r}]", text.key_unexpected(other)))
    return found


def _sequences(expected: Any, actual: Any, path: str, depth: int) -> list[Difference]:
    """Items compared by position. When the lengths differ, the common head and
    tail are set aside first, so one inserted item reads as one difference."""
    if len(expected) == len(actual):
        found: list[Difference] = []
        for index, (mine, theirs) in enumerate(zip(expected, actual)):
            found += differences(mine, theirs, f"{path}[{index}]", depth)
        return found
    head = 0
    limit = min(len(expected), len(actual))
    while head < limit and equal(expected[head], actual[head]) is True:
        head += 1
    tail = 0
    while (
        tail < limit - head
        and equal(expected[len(expected) - 1 - tail], actual[len(actual) - 1 - tail]) is True
    ):
        tail += 1
    middle_expected = expected[head : len(expected) - tail]
    middle_actual = actual[head : len(actual) - tail]
    return positional(middle_expected, middle_actual, path, depth, head)


def positional(
    expected: Any, actual: Any, path: str, depth: int, offset: int = 0
) -> list[Difference]:
    """Items compared index by index; the extra ones on either side are missing or
    unexpected. Indexes are counted from ``offset``."""
    found: list[Difference] = []
    for index in range(max(len(expected), len(actual))):
        where = f"{path}[{offset + index}]"
        if index >= len(actual):
            found.append(Difference(where, text.item_missing(expected[index])))
        elif index >= len(expected):
            found.append(Difference(where, text.item_unexpected(actual[index])))
        else:
            found += differences(expected[index], actual[index], where, depth)
    return found


def _sets(expected: Any, actual: Any, path: str) -> list[Difference]:
    found = [Difference(path, text.element_missing(e)) for e in _ordered(expected - actual)]
    found += [Difference(path, text.element_unexpected(a)) for a in _ordered(actual - expected)]
    return found


def _ordered(elements: Any) -> list[Any]:
    """Set elements in a stable order (sorted when they can be, else by repr)."""
    try:
        return sorted(elements)
    except TypeError:
        return sorted(elements, key=repr)


def _subset(expected: _Subset, actual: Any, path: str, depth: int) -> list[Difference]:
    items = expected.subset_items(actual)
    if items is None:
        return []
    found: list[Difference] = []
    for step, wanted, value in items:
        where = path + step
        if value is _ABSENT:
            missing = text.key_missing if step.startswith("[") else text.attribute_missing
            found.append(Difference(where, missing(wanted)))
        else:
            found += differences(wanted, value, where, depth)
    return found
