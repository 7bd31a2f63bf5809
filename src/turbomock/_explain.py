"""Explanations of failed assertions: the near miss, and why it missed.

Runs only after an assertion has failed and explanations are on
(``_config.explain``); the assertion's own message is never changed, only
followed by these lines. Calls are compared as the assertion compared them
(through the spec's signature when there is one), so parameters are named when
a signature is known (``retries``) and positional otherwise (``args[1]``,
``kwargs['retries']``). Captors do not record while an explanation runs.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from turbomock import _explain_text as text
from turbomock._assertions import exact_key, unmatched_positions
from turbomock._calls import _Call
from turbomock._diff import Difference, differences, equal
from turbomock._messages import safe_repr
from turbomock._where import never_called_hint
from turbomock.matchers import recording_paused

__all__ = ["append", "for_call", "for_count", "for_exact", "for_sequence", "for_unordered"]

#: A call to another child outweighs any number of argument differences.
_NAME_WEIGHT = 1_000


def append(message: str, build: Callable[[], list[str]]) -> str:
    """``message``, then a blank line and the explanation ``build`` writes (nothing
    when it has nothing to add). An explanation that fails says so briefly: it
    must never hide the failure it explains."""
    try:
        with recording_paused():
            lines = build()
    except Exception as exc:
        lines = [text.explanation_failed(exc)]
    if not lines:
        return message
    return message + "\n\n" + "\n".join(lines)


# -- comparing one call with another ---------------------------------------------------


class Compared(NamedTuple):
    """One actual call set against the expected one."""

    position: int
    differences: list[Difference]
    #: How many parameters (or the name) differ: the first measure of distance.
    weight: int
    #: How many of those differ as a whole (no common structure to look into).
    whole: int


def split(kall: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    """``(name, args, kwargs)`` of any call shape (``_Call``, 2- or 3-tuple)."""
    if not isinstance(kall, _Call):
        kall = _Call(tuple(kall))
    if len(kall) == 2:
        args, kwargs = tuple(kall)
        return "", args, kwargs
    name, args, kwargs = tuple(kall)
    return name, args, kwargs


def call_name(name: str) -> str:
    """How ``mock_calls`` shows a call's name: ``call``, ``call.a.b``, ``call().x``."""
    if not name:
        return "call"
    return "call" + name if name.startswith("()") else "call." + name


def _bind(sig: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    try:
        return sig.bind(*args, **kwargs)
    except TypeError as exc:
        return exc


def binding_error(sig: Any, kall: Any) -> TypeError | None:
    """Why ``kall`` does not fit ``sig`` (None when it does, or there is no ``sig``)."""
    if sig is None:
        return None
    _, args, kwargs = split(kall)
    bound = _bind(sig, args, kwargs)
    return bound if isinstance(bound, TypeError) else None


# Each argument of a call as ``path -> (order, value, default)``.
_Arguments = dict[str, tuple[tuple[int, int], Any, Any]]


def _bound_arguments(sig: Any, bound: Any) -> _Arguments:
    entries: _Arguments = {}
    for order, (name, param) in enumerate(sig.parameters.items()):
        if name not in bound.arguments:
            continue
        value = bound.arguments[name]
        default = text.NO_DEFAULT if param.default is param.empty else param.default
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            for i, item in enumerate(value):
                entries[f"{name}[{i}]"] = ((order, i), item, text.NO_DEFAULT)
        elif param.kind is inspect.Parameter.VAR_KEYWORD:
            for i, (key, item) in enumerate(value.items()):
                entries[f"{name}[{key!r}]"] = ((order, i), item, text.NO_DEFAULT)
        else:
            entries[name] = ((order, 0), value, default)
    return entries


def _raw_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], first_key: int) -> _Arguments:
    entries: _Arguments = {}
    for i, value in enumerate(args):
        entries[f"args[{i}]"] = ((0, i), value, text.NO_DEFAULT)
    for i, (key, value) in enumerate(kwargs.items()):
        entries[f"kwargs[{key!r}]"] = ((1, first_key + i), value, text.NO_DEFAULT)
    return entries


def compare(expected: Any, actual: Any, sig: Any, index: int = 0) -> Compared:
    """How ``actual`` differs from ``expected``: by parameter name when both fit
    ``sig``, else by position and keyword."""
    e_name, e_args, e_kwargs = split(expected)
    a_name, a_args, a_kwargs = split(actual)
    found: list[Difference] = []
    weight = 0
    if e_name != a_name:
        found.append(Difference("name", text.other_name(call_name(e_name), call_name(a_name))))
        weight += _NAME_WEIGHT
        sig = None  # different callables: no one signature binds both
    e_bound = None if sig is None else _bind(sig, e_args, e_kwargs)
    a_bound = None if sig is None else _bind(sig, a_args, a_kwargs)
    if (
        e_bound is None
        or a_bound is None
        or isinstance(e_bound, TypeError)
        or isinstance(a_bound, TypeError)
    ):
        mine = _raw_arguments(e_args, e_kwargs, 0)
        theirs = _raw_arguments(a_args, a_kwargs, len(e_kwargs))
    else:
        mine = _bound_arguments(sig, e_bound)
        theirs = _bound_arguments(sig, a_bound)
    paths = sorted({**theirs, **mine}, key=lambda p: (mine.get(p) or theirs[p])[0])
    whole = 0
    for path in paths:
        if path not in theirs:
            _, value, default = mine[path]
            inner = [Difference(path, text.not_passed(value, default))]
        elif path not in mine:
            _, value, default = theirs[path]
            inner = [Difference(path, text.passed_unexpectedly(value, default))]
        else:
            inner = differences(mine[path][1], theirs[path][1], path, 1)
            if not inner:
                continue
        found += inner
        weight += 1
        if len(inner) == 1 and inner[0].path == path:
            whole += 1
    return Compared(index, found, weight, whole)


def closest(comparisons: Sequence[Compared], prefer_last: bool = False) -> Compared:
    """The closest call: the fewest differing parameters, then the fewest that
    differ as a whole (a dict with one wrong key is nearer than a string), then
    the fewest differences; ties go to the first (the last, with ``prefer_last``)."""

    def key(c: Compared) -> tuple[int, int, int, int]:
        order = -c.position if prefer_last else c.position
        return (c.weight, c.whole, len(c.differences), order)

    return min(comparisons, key=key)


# -- the explanations ------------------------------------------------------------------


def _signature(mock: Any, kall: Any) -> Any:
    """The signature the assertion bound ``kall`` with (None without a spec)."""
    name = split(kall)[0]
    try:
        sig = mock._get_call_signature_from_name(name) if name else mock._spec_signature
    except Exception:
        return None
    return sig if isinstance(sig, inspect.Signature) else None


def for_call(
    mock: Any,
    assertion: str,
    noun: str,
    expected: Any,
    calls: Sequence[Any],
    render: Callable[[Any], str],
    last_only: bool = False,
) -> list[str]:
    """A failed assertion about one expected call: the closest actual call and
    how it differs, the other calls, and what the assertion looked at."""
    if not calls:
        return _none_hint(mock, noun)
    render = _clipped(render)
    total = len(calls)
    lines: list[str] = []
    sig = _signature(mock, expected)
    problem = binding_error(sig, expected)
    if problem is not None:
        lines.append(text.does_not_bind(f"The expected {noun}", sig, problem))
    compared = [compare(expected, c, _signature(mock, c), i) for i, c in enumerate(calls)]
    last = compared[-1]
    matching = [c for c in compared if not c.differences]
    if last_only and matching and last.differences:
        lines.append(
            text.only_last_compared(assertion, noun, matching[-1].position, last.position, total)
        )
        lines.append(text.last_differs(noun, last.position, total, render(calls[-1])))
        lines += text.differences_block([str(d) for d in last.differences])
        return lines
    best = closest(compared, prefer_last=last_only)
    for c in matching:
        lines.append(text.call_matches(noun, c.position, total, render(calls[c.position])))
    if not best.differences:
        others = [c for c in compared if c.differences]
    else:
        lines.append(text.closest(noun, best.position, total, render(calls[best.position])))
        lines += text.differences_block([str(d) for d in best.differences])
        others = [c for c in compared if c.position != best.position]
    lines += text.others_block(
        noun, [(c.position, total, render(calls[c.position]), len(c.differences)) for c in others]
    )
    if last_only and best.position != last.position:
        lines.append(text.last_compared(assertion, noun, last.position, total))
    return lines


def for_count(
    mock: Any, noun: str, calls: Sequence[Any], render: Callable[[Any], str]
) -> list[str]:
    """A failed count assertion: the calls one per line, or, with none, why the
    mock may never have been reached."""
    if not calls:
        return _none_hint(mock, noun)
    return text.listed_calls(noun, [text.short_call(render(c)) for c in calls])


def _shown(kall: Any) -> str:
    return text.short_call(safe_repr(kall))


def _clipped(render: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda kall: text.short_call(render(kall))


def _none_hint(mock: Any, noun: str) -> list[str]:
    """Why there is nothing to compare: awaits that never happened, or a patch of
    a name the code under test does not look up."""
    if noun == "await" and mock.call_count:
        return [text.called_not_awaited(mock.call_count)]
    return never_called_hint(mock, noun)


def for_sequence(
    mock: Any,
    noun: str,
    expected: Sequence[Any],
    actual: Sequence[Any],
    any_order: bool,
    where: str,
) -> list[str]:
    """A failed ``assert_has_calls``/``assert_has_awaits``: which expected call
    was missed, where the run broke off, and the call found there instead."""
    if not actual:
        return _none_hint(mock, noun)
    expected = [_as_call(c) for c in expected]
    lines: list[str] = []
    total = len(expected)
    for position, kall in enumerate(expected):
        sig = _signature(mock, kall)
        problem = binding_error(sig, kall)
        if problem is not None:
            lines.append(text.expected_binding(position, total, _shown(kall), sig, problem))
    if lines:
        return lines
    matched_expected = [_matched(mock, c) for c in expected]
    matched_actual = [_matched(mock, c) for c in actual]
    lists = _Lists(mock, expected, actual, matched_expected, matched_actual, where)
    return _unordered(lists)[0] if any_order else _ordered(lists)


def _as_call(kall: Any) -> _Call:
    return kall if isinstance(kall, _Call) else _Call(tuple(kall))


def _matched(mock: Any, kall: Any) -> Any:
    """``kall`` as the assertion compares it (bound through the signature)."""
    try:
        return mock._call_matcher(kall)
    except Exception:
        return kall


def _same(actual: Any, expected: Any) -> bool:
    # The assertion compares slices of mock_calls with the expected list: the
    # actual call is on the left.
    return equal(actual, expected) is True


class _Lists(NamedTuple):
    """An expected list of calls and a recorded one, each also as compared."""

    mock: Any
    expected: list[_Call]
    actual: Sequence[Any]
    matched_expected: list[Any]
    matched_actual: list[Any]
    #: What the recorded list is called: ``mock_calls``, ``await_args_list``.
    where: str


def _ordered(lists: _Lists) -> list[str]:
    mock, expected, actual, matched_expected, matched_actual, where = lists
    total_e, total_a = len(expected), len(actual)
    best_start, best_run = 0, 0
    for start in range(total_a):
        run = 0
        while (
            run < total_e
            and start + run < total_a
            and _same(matched_actual[start + run], matched_expected[run])
        ):
            run += 1
        if run > best_run:
            best_start, best_run = start, run
    if best_run == total_e:
        return []  # found after all: nothing to explain
    missed = expected[best_run]
    lines: list[str] = []
    if best_run == 0:
        lines.append(text.sequence_not_started(0, total_e, _shown(missed), where))
        compared = [
            compare(missed, c, _pair_signature(mock, missed, c), i) for i, c in enumerate(actual)
        ]
        best = closest(compared)
        lines.append(text.closest("call", best.position, total_a, _shown(actual[best.position])))
        lines += text.differences_block([str(d) for d in best.differences])
        return lines
    lines.append(text.sequence_broke_off(best_run, total_e, best_start, _shown(missed), where))
    at = best_start + best_run
    if at < total_a:
        instead = actual[at]
        lines.append(text.next_instead(where, at, total_a, _shown(instead)))
        found = compare(missed, instead, _pair_signature(mock, missed, instead), at)
        lines += text.differences_block([str(d) for d in found.differences])
    else:
        lines.append(text.sequence_ends(where, total_a))
    elsewhere = [i for i in range(total_a) if _same(matched_actual[i], matched_expected[best_run])]
    if elsewhere:
        lines.append(text.found_elsewhere(_shown(missed), where, elsewhere[0], total_a))
    return lines


def _unordered(lists: _Lists) -> tuple[list[str], list[int]]:
    """Lines for the expected calls no recorded call matched, and the positions
    of the recorded calls left over."""
    mock, expected, actual, matched_expected, matched_actual, where = lists

    missing, left = unmatched_positions(matched_expected, matched_actual)
    total_e, total_a = len(expected), len(actual)
    lines: list[str] = []
    for position in missing:
        kall = expected[position]
        lines.append(text.unordered_missing(position, total_e, _shown(kall)))
        if not left:
            lines.append(text.nothing_left(where))
            continue
        compared = [
            compare(kall, actual[i], _pair_signature(mock, kall, actual[i]), i) for i in left
        ]
        best = closest(compared)
        lines.append(
            text.closest_left(where, best.position, total_a, _shown(actual[best.position]))
        )
        lines += text.differences_block([str(d) for d in best.differences], "    ")
    return lines, left


def for_exact(mock: Any, expected: Sequence[Any], actual: Sequence[Any]) -> list[str]:
    """A failed ``assert_calls``: the two lists aligned on the calls they share
    (a longest common subsequence), then, in each gap, the calls paired up and
    how they differ, and the calls missing or not expected."""
    if not actual:
        return never_called_hint(mock, "call")
    expected = [_as_call(c) for c in expected]
    total_e, total_a = len(expected), len(actual)
    lines: list[str] = []
    for gap_e, gap_a in _gaps(mock, expected, actual):
        for e, a in zip(gap_e, gap_a):
            kall, got = expected[e], actual[a]
            lines.append(
                text.exact_pair(e, total_e, _shown(kall), "mock_calls", a, total_a, _shown(got))
            )
            found = compare(kall, got, _pair_signature(mock, kall, got), a)
            lines += text.differences_block([str(d) for d in found.differences])
        lines += [text.exact_missing(e, total_e, _shown(expected[e])) for e in gap_e[len(gap_a) :]]
        lines += [
            text.exact_unexpected("mock_calls", a, total_a, _shown(actual[a]))
            for a in gap_a[len(gap_e) :]
        ]
    return lines


#: Above this many comparisons the alignment pairs calls by position instead.
_MAX_ALIGNMENT = 40_000


def _gaps(
    mock: Any, expected: list[Any], actual: Sequence[Any]
) -> list[tuple[list[int], list[int]]]:
    """The positions of the expected and the recorded calls left unmatched between
    two matched ones, gap by gap, for the longest run of matches in order."""

    mine = [exact_key(mock, c) for c in expected]
    theirs = [exact_key(mock, c) for c in actual]
    rows, cols = len(mine), len(theirs)
    if rows * cols > _MAX_ALIGNMENT:
        return [(list(range(rows)), list(range(cols)))]
    same = [[_same(theirs[j], mine[i]) for j in range(cols)] for i in range(rows)]
    # longest[i][j]: the longest common run of expected[i:] and actual[j:].
    longest = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if same[i][j]:
                longest[i][j] = longest[i + 1][j + 1] + 1
            else:
                longest[i][j] = max(longest[i + 1][j], longest[i][j + 1])
    gaps: list[tuple[list[int], list[int]]] = []
    gap_e: list[int] = []
    gap_a: list[int] = []
    i = j = 0
    while i < rows or j < cols:
        if i < rows and j < cols and same[i][j] and longest[i][j] == longest[i + 1][j + 1] + 1:
            if gap_e or gap_a:
                gaps.append((gap_e, gap_a))
                gap_e, gap_a = [], []
            i, j = i + 1, j + 1
        elif j < cols and (i == rows or longest[i][j + 1] >= longest[i + 1][j]):
            gap_a.append(j)
            j += 1
        else:
            gap_e.append(i)
            i += 1
    if gap_e or gap_a:
        gaps.append((gap_e, gap_a))
    return gaps


def for_unordered(mock: Any, expected: Sequence[Any], actual: Sequence[Any]) -> list[str]:
    """A failed ``assert_calls_any_order``: the expected calls not found (with the
    closest call left for each), then the recorded calls no expected one took."""
    if not actual:
        return never_called_hint(mock, "call")

    expected = [_as_call(c) for c in expected]
    mine = [exact_key(mock, c) for c in expected]
    theirs = [exact_key(mock, c) for c in actual]
    lines, left = _unordered(_Lists(mock, expected, actual, mine, theirs, "mock_calls"))
    lines += [text.exact_unexpected("mock_calls", i, len(actual), _shown(actual[i])) for i in left]
    return lines


def _pair_signature(mock: Any, expected: Any, actual: Any) -> Any:
    """One signature for both calls, when they went to the same callable."""
    if split(expected)[0] != split(actual)[0]:
        return None
    return _signature(mock, actual)
