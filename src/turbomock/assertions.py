"""Assertions people write by hand, as functions of the mock.

``assert m.mock_calls == [...]``, ``assert m.call_count == 2`` and a loop over
``call_args_list`` fail with a bare ``AssertionError`` or a diff of reprs; these
say what was expected, and, with explanations on (``turbomock.configure(explain=
True)``), which call differs and how. They are functions, not methods, so a
mock's namespace stays exactly the stdlib's. Calls are compared as the
``assert_*`` methods compare them: through the spec's signature when the mock has
one, with ``ANY`` and ``turbomock.matchers`` deciding for themselves.

Each takes a mock (or an autospecced function).
"""

from __future__ import annotations

from collections.abc import Iterable

from turbomock import _explain_text as text
from turbomock._assertions import (
    CALLS,
    _failure,
    _name,
    call_story,
    exact_key,
    unmatched_positions,
)
from turbomock._attributes import extract_mock as _extract_mock
from turbomock._calls import _Call, _CallList
from turbomock._mock import _is_instance_mock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "assert_called_n_times_with",
    "assert_calls",
    "assert_calls_any_order",
    "assert_never_called_with",
]


def assert_calls(mock: Any, calls: Iterable[Any]) -> None:
    """Assert ``mock.mock_calls`` is exactly ``calls``, in order: the calls of the
    mock, its children and their return values (``call(1)``, ``call.close()``)."""
    mock, wanted, actual, expected, recorded = _lists("assert_calls", mock, calls)
    if len(expected) == len(recorded) and all(map(_same, recorded, expected)):
        return
    message = text.calls_differ(_CallList(wanted), actual, "")
    raise _failure(message, lambda explain: explain.for_exact(mock, wanted, actual))


def assert_calls_any_order(mock: Any, calls: Iterable[Any]) -> None:
    """Assert ``mock.mock_calls`` holds exactly ``calls``, in any order (each
    recorded call stands for one expected call)."""
    mock, wanted, actual, expected, recorded = _lists("assert_calls_any_order", mock, calls)
    missing, left = unmatched_positions(expected, recorded)
    if not missing and not left:
        return
    message = text.calls_differ(_CallList(wanted), actual, " (in any order)")
    raise _failure(message, lambda explain: explain.for_unordered(mock, wanted, actual))


def assert_called_n_times_with(mock: Any, times: int, /, *args: Any, **kwargs: Any) -> None:
    """Assert exactly ``times`` of the mock's own calls (``call_args_list``) were
    made with these arguments."""
    mock = _the_mock("assert_called_n_times_with", mock)
    if type(times) is not int or times < 0:
        raise TypeError(text.bad_times(times))
    history = mock.call_args_list
    found = _matching(mock, history, args, kwargs)
    if len(found) == times:
        return
    shown = mock._format_mock_call_signature(args, kwargs)
    message = text.called_times_with(_name(mock), times, shown, len(found), len(history))
    raise _failure(message, _story(mock, "assert_called_n_times_with", args, kwargs))


def assert_never_called_with(mock: Any, /, *args: Any, **kwargs: Any) -> None:
    """Assert none of the mock's own calls (``call_args_list``) was made with
    these arguments."""
    mock = _the_mock("assert_never_called_with", mock)
    history = mock.call_args_list
    found = _matching(mock, history, args, kwargs)
    if not found:
        return
    shown = mock._format_mock_call_signature(args, kwargs)
    message = text.called_with_after_all(_name(mock), shown, found, len(history))
    raise _failure(message, _story(mock, "assert_never_called_with", args, kwargs))


def _lists(function: str, obj: Any, calls: Iterable[Any]) -> tuple[Any, ...]:
    """The mock, the expected calls, its ``mock_calls``, and both lists of calls
    as they are compared (``exact_key``)."""
    mock = _the_mock(function, obj)
    wanted = list(calls)
    actual = mock.mock_calls
    return (
        mock,
        wanted,
        actual,
        [exact_key(mock, c) for c in wanted],
        [exact_key(mock, c) for c in actual],
    )


def _the_mock(function: str, obj: Any) -> Any:
    mock = _extract_mock(obj)
    if not _is_instance_mock(mock):
        raise TypeError(text.not_a_mock(function, obj))
    return mock


def _same(recorded: Any, expected: Any) -> bool:
    # The recorded call on the left, as the stdlib's list comparisons put it.
    return recorded is expected or bool(recorded == expected)


def _matching(mock: Any, history: list[Any], args: Any, kwargs: Any) -> list[int]:
    """Positions of the calls in ``history`` that match ``args``/``kwargs``."""
    expected = mock._call_matcher(_Call((args, kwargs), two=True))
    if isinstance(expected, Exception):
        raise TypeError(text.expected_does_not_bind(expected)) from expected
    return [i for i, c in enumerate(history) if _same(mock._call_matcher(c), expected)]


def _story(mock: Any, assertion: str, args: Any, kwargs: Any) -> Any:
    return call_story(mock, assertion, CALLS, args, kwargs)
