"""Matchers: values that compare equal to every argument they accept.

Put one wherever an expected argument goes: ``m.assert_called_with(IsInstance(int))``,
``call(Regex('^user-'))``, ``m.call_args_list == [call(Approx(0.3))]``, or nested
inside the dicts, lists and tuples of an expected argument. Each has a short repr
(the way it is written) and, when explanations are on, says why it rejected a value::

    retries: IsInstance(int) failed: got '3' (str)

A matcher compares equal to ``x`` exactly when it accepts ``x``, whichever side of
``==`` it is on. Matchers are not hashable, so they cannot stand in sets or as keys.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping

from turbomock import _messages as msg
from turbomock._explain_text import got, short_repr, typed
from turbomock._mock import _is_instance_mock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "AllOf",
    "AnyOf",
    "Approx",
    "Captor",
    "Contains",
    "DictContaining",
    "HasAttrs",
    "IsInstance",
    "Matcher",
    "Not",
    "Predicate",
    "Regex",
]

_MISSING: Any = object()


class Matcher:
    """Base class: ``matches`` decides, ``describe_mismatch`` explains a refusal.

    Subclass it to write your own; ``==`` and ``!=`` come from ``matches``.
    """

    __slots__ = ()

    def matches(self, actual: Any) -> bool:
        """Whether ``actual`` is accepted."""
        raise NotImplementedError

    def describe_mismatch(self, actual: Any) -> str:
        """Why ``actual`` is refused (called only after ``matches`` said no)."""
        return got(actual)

    def __eq__(self, other: object) -> bool:
        return self.matches(other)

    def __ne__(self, other: object) -> bool:
        return not self.matches(other)

    __hash__ = None  # type: ignore[assignment]


def _accepts(expected: Any, actual: Any) -> bool:
    """``expected == actual`` for a matcher or a plain value, as a bool."""
    if isinstance(expected, Matcher):
        return expected.matches(actual)
    return bool(expected == actual)


def _why_not(expected: Any, actual: Any) -> str:
    """Why ``expected`` (a matcher or a plain value) refused ``actual``."""
    if isinstance(expected, Matcher):
        return f"{short_repr(expected)} failed: {expected.describe_mismatch(actual)}"
    return f"expected {short_repr(expected)}, got {short_repr(actual)}"


def _arguments(*items: Any, **named: Any) -> str:
    parts = [short_repr(item) for item in items]
    parts.extend(f"{key}={short_repr(value)}" for key, value in named.items())
    return ", ".join(parts)


class IsInstance(Matcher):
    """Accepts instances of any of ``types`` (as ``isinstance`` decides)."""

    __slots__ = ("types",)

    def __init__(self, *types: type) -> None:
        if not types:
            raise TypeError(msg.matcher_needs("IsInstance", "type"))
        for kind in types:
            if not isinstance(kind, type):
                raise TypeError(msg.matcher_takes("IsInstance", "classes", typed(kind)))
        self.types = types

    def matches(self, actual: Any) -> bool:
        return isinstance(actual, self.types)

    def __repr__(self) -> str:
        return f"IsInstance({', '.join(t.__name__ for t in self.types)})"


class Approx(Matcher):
    """Accepts numbers within a tolerance of ``value``: relative ``rel`` (a fraction
    of ``value``) or absolute ``abs``, whichever is larger, as ``pytest.approx``
    does (defaults ``rel=1e-6``, ``abs=1e-12``). Booleans are not numbers here."""

    __slots__ = ("value", "rel", "abs", "_given")

    def __init__(
        self, value: complex, *, rel: float | None = None, abs: float | None = None
    ) -> None:
        if isinstance(value, bool) or not _is_number(value):
            raise TypeError(msg.matcher_takes("Approx", "a number", typed(value)))
        for name, given in (("rel", rel), ("abs", abs)):
            if given is not None and (not _is_number(given) or given < 0):
                raise ValueError(msg.approx_tolerance(name, given))
        self.value = value
        self.rel = 1e-6 if rel is None else rel
        self.abs = 1e-12 if abs is None else abs
        self._given = {k: v for k, v in (("rel", rel), ("abs", abs)) if v is not None}

    def _tolerance(self) -> float:
        return max(self.rel * _magnitude(self.value), self.abs)

    def _distance(self, actual: Any) -> float | None:
        if isinstance(actual, bool) or not _is_number(actual):
            return None
        try:
            return _magnitude(actual - self.value)
        except (TypeError, ValueError, ArithmeticError):
            return None

    def matches(self, actual: Any) -> bool:
        distance = self._distance(actual)
        return distance is not None and distance <= self._tolerance()

    def describe_mismatch(self, actual: Any) -> str:
        distance = self._distance(actual)
        if distance is None:
            return f"{got(actual)}, not a number"
        return f"got {short_repr(actual)}, off by {distance:.3g} (allowed {self._tolerance():.3g})"

    def __repr__(self) -> str:
        return f"Approx({_arguments(self.value, **self._given)})"


def _is_number(value: object) -> bool:
    try:
        value + 0  # type: ignore[operator]
        abs(value)  # type: ignore[arg-type]
    except Exception:
        return False
    return not isinstance(value, (str, bytes))


def _magnitude(value: Any) -> float:
    magnitude = abs(value)
    return math.inf if magnitude != magnitude else float(magnitude)  # NaN: never close


class Regex(Matcher):
    """Accepts strings (bytes, for a bytes pattern) in which ``pattern`` is found
    (``re.search``: anchor it with ``^``/``$`` to match the whole string)."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: str | bytes | re.Pattern[Any], flags: int = 0) -> None:
        self.pattern = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)

    def matches(self, actual: Any) -> bool:
        if not isinstance(actual, type(self.pattern.pattern)):
            return False
        return self.pattern.search(actual) is not None  # type: ignore[arg-type]

    def describe_mismatch(self, actual: Any) -> str:
        kind = type(self.pattern.pattern)
        if not isinstance(actual, kind):
            return f"{got(actual)}, not {kind.__name__}"
        return f"got {short_repr(actual)}, no match"

    def __repr__(self) -> str:
        flags = self.pattern.flags & ~re.UNICODE
        suffix = f", flags={re.RegexFlag(flags)!r}" if flags else ""
        return f"Regex({self.pattern.pattern!r}{suffix})"


class Contains(Matcher):
    """Accepts containers holding every one of ``items`` (substrings, for strings;
    keys, for mappings). Items may be matchers. Iterators are refused: looking
    into one would use it up."""

    __slots__ = ("items",)

    def __init__(self, *items: Any) -> None:
        if not items:
            raise TypeError(msg.matcher_needs("Contains", "item"))
        self.items = items

    def _missing(self, actual: Any) -> list[Any] | None:
        """The items ``actual`` lacks; None when it is not a container."""
        if isinstance(actual, (str, bytes)):
            try:
                return [item for item in self.items if item not in actual]
            except TypeError:
                return list(self.items)
        if isinstance(actual, Mapping):
            actual = list(actual)
        elif not isinstance(actual, Iterable) or isinstance(actual, Iterator) or _is_mock(actual):
            return None  # an iterator would be used up by looking into it
        else:
            actual = list(actual)
        return [item for item in self.items if not any(_accepts(item, e) for e in actual)]

    def matches(self, actual: Any) -> bool:
        return self._missing(actual) == []

    def describe_mismatch(self, actual: Any) -> str:
        missing = self._missing(actual)
        if missing is None:
            return f"{got(actual)}, not a container"
        return f"got {short_repr(actual)}, without {', '.join(map(short_repr, missing))}"

    def __repr__(self) -> str:
        return f"Contains({_arguments(*self.items)})"


class _Subset(Matcher):
    """Accepts values having at least the given entries, each equal (or matched)."""

    __slots__ = ("expected",)

    def __init__(self, expected: dict[Any, Any]) -> None:
        self.expected = expected

    def subset_items(self, actual: Any) -> list[tuple[str, Any, Any]] | None:
        """``(path step, expected, actual value or MISSING)`` per entry; None when
        ``actual`` is not the right kind of thing at all."""
        raise NotImplementedError

    def matches(self, actual: Any) -> bool:
        items = self.subset_items(actual)
        if items is None:
            return False
        return all(value is not _MISSING and _accepts(exp, value) for _, exp, value in items)

    def describe_mismatch(self, actual: Any) -> str:
        items = self.subset_items(actual)
        if items is None:
            return f"{got(actual)}, {self._wrong_kind}"
        reasons = []
        for step, expected, value in items:
            if value is _MISSING:
                reasons.append(f"{step} {self._absent}")
            elif not _accepts(expected, value):
                reasons.append(f"{step}: {_why_not(expected, value)}")
        return "; ".join(reasons)

    #: How ``describe_mismatch`` words a value of the wrong kind, and a missing entry.
    _wrong_kind = "not a match"
    _absent = "missing"


class DictContaining(_Subset):
    """Accepts mappings holding at least these keys, each with an equal (or
    matched) value; other keys are ignored."""

    __slots__ = ()
    _wrong_kind = "not a mapping"

    def __init__(self, entries: Mapping[Any, Any] | None = None, /, **named: Any) -> None:
        super().__init__({**(entries or {}), **named})

    def subset_items(self, actual: Any) -> list[tuple[str, Any, Any]] | None:
        if not isinstance(actual, Mapping):
            return None
        return [
            (f"[{key!r}]", value, actual.get(key, _MISSING)) for key, value in self.expected.items()
        ]

    def __repr__(self) -> str:
        return f"DictContaining({short_repr(self.expected)})"


class HasAttrs(_Subset):
    """Accepts objects having at least these attributes, each equal (or matched)."""

    __slots__ = ()

    def __init__(self, **attributes: Any) -> None:
        if not attributes:
            raise TypeError(msg.matcher_needs("HasAttrs", "attribute"))
        super().__init__(attributes)

    def subset_items(self, actual: Any) -> list[tuple[str, Any, Any]] | None:
        return [
            (f".{name}", value, getattr(actual, name, _MISSING))
            for name, value in self.expected.items()
        ]

    def __repr__(self) -> str:
        return f"HasAttrs({_arguments(**self.expected)})"


class Predicate(Matcher):
    """Accepts values for which ``function`` returns true. ``description`` names
    what it accepts (``'an even number'``); an exception counts as a refusal and
    is shown in the explanation."""

    __slots__ = ("function", "description")

    def __init__(self, function: Callable[[Any], object], description: str | None = None) -> None:
        if not callable(function):
            raise TypeError(msg.matcher_takes("Predicate", "a callable", typed(function)))
        self.function = function
        self.description = description

    def _verdict(self, actual: Any) -> bool | BaseException:
        try:
            return bool(self.function(actual))
        except Exception as exc:
            return exc

    def matches(self, actual: Any) -> bool:
        return self._verdict(actual) is True

    def describe_mismatch(self, actual: Any) -> str:
        verdict = self._verdict(actual)
        name = getattr(self.function, "__name__", "predicate")
        if isinstance(verdict, BaseException):
            return f"got {short_repr(actual)}: {name} raised {type(verdict).__name__}: {verdict}"
        if self.description is not None:
            return f"got {short_repr(actual)}, not {self.description}"
        return f"got {short_repr(actual)}, {name}() is false for it"

    def __repr__(self) -> str:
        if self.description is not None:
            return f"Predicate({self.description!r})"
        return f"Predicate({getattr(self.function, '__name__', short_repr(self.function))})"


class _Combination(Matcher):
    """A matcher made of ``parts``: matchers, or plain values compared with ``==``."""

    __slots__ = ("parts",)

    def __init__(self, *parts: Any) -> None:
        if not parts:
            raise TypeError(msg.matcher_needs(type(self).__name__, "part"))
        self.parts = parts

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_arguments(*self.parts)})"


class AllOf(_Combination):
    """Accepts what every one of ``parts`` accepts."""

    __slots__ = ()

    def matches(self, actual: Any) -> bool:
        return all(_accepts(part, actual) for part in self.parts)

    def describe_mismatch(self, actual: Any) -> str:
        return "; ".join(_why_not(p, actual) for p in self.parts if not _accepts(p, actual))


class AnyOf(_Combination):
    """Accepts what at least one of ``parts`` accepts."""

    __slots__ = ()

    def matches(self, actual: Any) -> bool:
        return any(_accepts(part, actual) for part in self.parts)

    def describe_mismatch(self, actual: Any) -> str:
        return "none matched: " + "; ".join(_why_not(p, actual) for p in self.parts)


class Not(Matcher):
    """Accepts what ``part`` (a matcher or a plain value) refuses."""

    __slots__ = ("part",)

    def __init__(self, part: Any) -> None:
        self.part = part

    def matches(self, actual: Any) -> bool:
        return not _accepts(self.part, actual)

    def describe_mismatch(self, actual: Any) -> str:
        if isinstance(self.part, Matcher):
            return f"got {short_repr(actual)}, which {short_repr(self.part)} accepts"
        return f"got {short_repr(actual)}, which equals it"

    def __repr__(self) -> str:
        return f"Not({short_repr(self.part)})"


_paused = threading.local()


class Captor(Matcher):
    """Accepts what ``part`` accepts (anything, by default) and records it.

    ``value`` is the last value recorded, ``values`` all of them in order. Every
    comparison that accepts records, so use a captor with an assertion that
    compares one call (``assert_called_with``, ``assert_called_once_with``) or a
    whole call list (``m.call_args_list == [call(c), call(c)]``); assertions that
    search (``assert_any_call``, ``assert_has_calls``) may compare it with calls
    they then reject for another argument. Explanations never record.
    """

    __slots__ = ("part", "_values")

    def __init__(self, part: Any = _MISSING) -> None:
        self.part = part
        self._values: list[Any] = []

    def matches(self, actual: Any) -> bool:
        if self.part is not _MISSING and not _accepts(self.part, actual):
            return False
        if not getattr(_paused, "depth", 0):
            self._values.append(actual)
        return True

    def describe_mismatch(self, actual: Any) -> str:
        return _why_not(self.part, actual)

    @property
    def value(self) -> Any:
        """The last value recorded; an AssertionError if there is none."""
        if not self._values:
            raise AssertionError(msg.captured_nothing(repr(self)))
        return self._values[-1]

    @property
    def values(self) -> list[Any]:
        """Every value recorded, oldest first (a copy)."""
        return list(self._values)

    def __repr__(self) -> str:
        return "Captor()" if self.part is _MISSING else f"Captor({short_repr(self.part)})"


class recording_paused:
    """While active (in this thread), captors accept without recording: the
    explanations compare arguments again and must not change what was captured."""

    def __enter__(self) -> None:
        _paused.depth = getattr(_paused, "depth", 0) + 1

    def __exit__(self, *exc_info: object) -> None:
        _paused.depth -= 1


def _is_mock(obj: object) -> bool:
    return _is_instance_mock(obj)
