"""Every text the explanations and strict mode write, in one module.

Explanations follow the stdlib's message after a blank line; each line is short
and names one thing: a call by its number (``#k of N``), a difference by its
path (``args[1]['tags'][1]: expected 'c', got 'b'``).
"""

from __future__ import annotations

from collections.abc import Sequence

from turbomock._messages import safe_repr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Longest repr shown whole in a difference; longer ones are cut around the change.
WIDTH = 60
#: Context kept before the first differing character of a cut repr.
LEAD = 20
#: Other calls listed at most; the rest are counted.
MAX_LISTED = 10
#: Longest call shown whole in an explanation.
CALL_WIDTH = 100


# -- values -------------------------------------------------------------------------


def short_repr(obj: object, width: int = WIDTH) -> str:
    """A repr that fits on a line: the start, then ``...``."""
    text = safe_repr(obj)
    if len(text) <= width:
        return text
    return text[: width - 3] + "..."


def short_call(rendered: str) -> str:
    """A call as the explanation shows it: cut at ``CALL_WIDTH``."""
    if len(rendered) <= CALL_WIDTH:
        return rendered
    return rendered[: CALL_WIDTH - 3] + "..."


def typed(obj: object) -> str:
    """``'3' (str)``: a value with its type, for when the repr alone can mislead."""
    return f"{short_repr(obj)} ({type(obj).__name__})"


def got(obj: object) -> str:
    return f"got {typed(obj)}"


def cut_pair(expected: str, actual: str, width: int = WIDTH) -> tuple[str, str]:
    """Two reprs, each cut to ``width`` around where they first differ, so the
    difference is on screen in both."""
    if len(expected) <= width and len(actual) <= width:
        return expected, actual
    first = 0
    for first, (mine, theirs) in enumerate(zip(expected, actual)):  # noqa: B007
        if mine != theirs:
            break
    else:
        first = min(len(expected), len(actual))
    start = max(0, first - LEAD)
    return _window(expected, start, width), _window(actual, start, width)


def _window(text: str, start: int, width: int) -> str:
    if len(text) <= width:
        return text
    start = min(start, max(0, len(text) - width))
    piece = text[start : start + width]
    head = "..." if start > 0 else ""
    tail = "..." if start + width < len(text) else ""
    return head + piece + tail


# -- differences --------------------------------------------------------------------


def values_differ(expected: object, actual: object) -> str:
    mine, theirs = safe_repr(expected), safe_repr(actual)
    if mine == theirs:
        # Same repr, different values: the types are what tells them apart.
        return f"expected {typed(expected)}, got {typed(actual)}"
    mine, theirs = cut_pair(mine, theirs)
    return f"expected {mine}, got {theirs}"


def comparison_raised(exc: BaseException) -> str:
    return f"comparing raised {type(exc).__name__}: {exc}"


def matcher_failed(matcher: object, reason: str) -> str:
    return f"{short_repr(matcher)} failed: {reason}"


def key_missing(expected: object) -> str:
    return f"expected {short_repr(expected)}, key missing"


def key_unexpected(actual: object) -> str:
    return f"unexpected key, got {short_repr(actual)}"


def item_missing(expected: object) -> str:
    return f"expected {short_repr(expected)}, item missing"


def item_unexpected(actual: object) -> str:
    return f"unexpected item, got {short_repr(actual)}"


def element_missing(expected: object) -> str:
    return f"missing element {short_repr(expected)}"


def element_unexpected(actual: object) -> str:
    return f"unexpected element {short_repr(actual)}"


def attribute_missing(expected: object) -> str:
    return f"expected {short_repr(expected)}, no such attribute"


def not_passed(expected: object, default: object) -> str:
    return f"expected {short_repr(expected)}, not passed{_default_note(default)}"


def passed_unexpectedly(actual: object, default: object) -> str:
    return f"not expected{_default_note(default)}, got {short_repr(actual)}"


def _default_note(default: object) -> str:
    return "" if default is NO_DEFAULT else f" (default {short_repr(default)})"


class _NoDefault:
    """Marks a parameter without a default (``None`` is a default like any other)."""

    def __repr__(self) -> str:
        return "<no default>"


NO_DEFAULT: Any = _NoDefault()


def other_name(expected: str, actual: str) -> str:
    return f"expected {expected}, got {actual}"


def does_not_bind(what: str, signature: Any, exc: BaseException) -> str:
    return f"{what} does not fit the signature {_bare(signature)}: {exc}"


def _bare(signature: Any) -> str:
    """A signature without its annotations: the parameters are what matter here."""
    try:
        empty = signature.empty
        parameters = [p.replace(annotation=empty) for p in signature.parameters.values()]
        return str(signature.replace(parameters=parameters, return_annotation=empty))
    except Exception:
        return safe_repr(signature)


def difference_count(count: int) -> str:
    if count == 0:
        return "matches"
    return "1 difference" if count == 1 else f"{count} differences"


# -- calls --------------------------------------------------------------------------


def numbered(index: int, total: int) -> str:
    return f"#{index + 1} of {total}"


def closest(noun: str, index: int, total: int, rendered: str) -> str:
    return f"Closest {noun}: {numbered(index, total)}: {rendered}"


def differences_block(lines: Sequence[str], indent: str = "  ") -> list[str]:
    return [indent + line for line in lines]


def others_block(noun: str, entries: Sequence[tuple[int, int, str, int]]) -> list[str]:
    """``Other calls:`` then ``#k of N <call>: <count>``, at most ``MAX_LISTED``."""
    if not entries:
        return []
    lines = [f"Other {noun}s:"]
    for index, total, rendered, count in entries[:MAX_LISTED]:
        lines.append(f"  {numbered(index, total)}: {rendered}: {difference_count(count)}")
    if len(entries) > MAX_LISTED:
        lines.append(f"  ... and {len(entries) - MAX_LISTED} more")
    return lines


def call_matches(noun: str, index: int, total: int, rendered: str) -> str:
    return f"{noun.capitalize()} {numbered(index, total)} matches: {rendered}"


def last_compared(assertion: str, noun: str, last: int, total: int) -> str:
    return f"Note: {assertion} compares only the last {noun}, {numbered(last, total)}."


def only_last_compared(assertion: str, noun: str, match: int, last: int, total: int) -> str:
    return (
        f"{noun.capitalize()} {numbered(match, total)} matches, but {assertion} compares only "
        f"the last {noun} ({numbered(last, total)}); assert_any_{noun} looks at every one."
    )


def last_differs(noun: str, last: int, total: int, rendered: str) -> str:
    return f"The last {noun}, {numbered(last, total)}: {rendered}"


def listed_calls(noun: str, rendered: Sequence[str]) -> list[str]:
    """Every call, numbered; a repeat says which earlier call it repeats."""
    total = len(rendered)
    lines = [f"The {noun}s:"]
    first_seen: dict[str, int] = {}
    for index, text in enumerate(rendered[:MAX_LISTED]):
        seen = first_seen.setdefault(text, index)
        repeat = "" if seen == index else f" (same as #{seen + 1})"
        lines.append(f"  {numbered(index, total)}: {text}{repeat}")
    if total > MAX_LISTED:
        lines.append(f"  ... and {total - MAX_LISTED} more")
    return lines


# -- sequences (assert_has_calls) -----------------------------------------------------


def sequence_not_started(position: int, total: int, rendered: str, where: str) -> str:
    return f"Expected call {numbered(position, total)}, {rendered}, is not in {where}."


def sequence_broke_off(matched: int, total: int, start: int, rendered: str, where: str) -> str:
    calls = "call" if matched == 1 else "calls"
    verb = "matches" if matched == 1 else "match"
    return (
        f"Expected {calls} {_span(0, matched)} {verb} {where} {_span(start, start + matched)}; "
        f"then expected call {numbered(matched, total)}, {rendered}, does not follow."
    )


def _span(first: int, stop: int) -> str:
    return f"#{first + 1}" if stop - first == 1 else f"#{first + 1}-#{stop}"


def next_instead(where: str, index: int, total: int, rendered: str) -> str:
    return f"{where} {numbered(index, total)} is {rendered}:"


def sequence_ends(where: str, last: int) -> str:
    return f"{where} ends after #{last}."


def found_elsewhere(rendered: str, where: str, index: int, total: int) -> str:
    return f"{rendered} is {where} {numbered(index, total)}, out of sequence."


def unordered_missing(position: int, total: int, rendered: str) -> str:
    return f"Expected call {numbered(position, total)}, {rendered}, not found."


def nothing_left(where: str) -> str:
    return f"  No call of {where} is left to compare it with."


def closest_left(where: str, index: int, total: int, rendered: str) -> str:
    return f"  Closest call left: {where} {numbered(index, total)}: {rendered}"


def expected_binding(
    position: int, total: int, rendered: str, signature: object, exc: BaseException
) -> str:
    return does_not_bind(f"Expected call {numbered(position, total)}, {rendered},", signature, exc)


def exact_pair(
    position: int, total: int, rendered: str, where: str, index: int, count: int, actual: str
) -> str:
    return (
        f"Expected call {numbered(position, total)}, {rendered}; "
        f"{where} {numbered(index, count)} is {actual}:"
    )


def exact_missing(position: int, total: int, rendered: str) -> str:
    return f"Expected call {numbered(position, total)}, {rendered}, is missing."


def exact_unexpected(where: str, index: int, total: int, rendered: str) -> str:
    return f"{where} {numbered(index, total)}, {rendered}, was not expected."


# -- the assertion functions (turbomock.assertions) ------------------------------------


def calls_differ(expected: object, actual: object, how: str) -> str:
    return f"Calls differ from the expected list{how}.\nExpected: {expected}\n  Actual: {actual}"


def _times(count: int) -> str:
    return "1 time" if count == 1 else f"{count} times"


def called_times_with(name: str, times: int, shown: str, found: int, total: int) -> str:
    return (
        f"Expected {name!r} to be called {_times(times)} with {shown}; "
        f"it was called {_times(found)} with it, in {total} call{'' if total == 1 else 's'}."
    )


def called_with_after_all(name: str, shown: str, found: Sequence[int], total: int) -> str:
    numbers = ", ".join(f"#{i + 1}" for i in found)
    verb = "was" if len(found) == 1 else "were"
    calls = "call" if len(found) == 1 else "calls"
    return (
        f"Expected {name!r} never to be called with {shown}, "
        f"but {calls} {numbers} of {total} {verb}."
    )


def bad_times(times: object) -> str:
    return f"the number of times must be an int >= 0, not {short_repr(times)}"


def not_a_mock(function: str, obj: object) -> str:
    return f"{function}() takes a mock, not {typed(obj)}"


def expected_does_not_bind(exc: BaseException) -> str:
    return f"the expected call does not fit the mock's signature: {exc}"


def called_not_awaited(count: int) -> str:
    times = "once" if count == 1 else f"{count} times"
    return (
        f"Called {times}, but never awaited: a call counts as an await only once the "
        "coroutine it returned is awaited."
    )


# -- where to patch -------------------------------------------------------------------


def patched_elsewhere(patched: str, holders: Sequence[str], noun: str) -> list[str]:
    lines = [
        f"Never {noun}ed. The mock replaces {patched}; code that looks the original up "
        "elsewhere still gets it:"
    ]
    lines.extend(f"  {holder} is {patched} — patch {holder!r}" for holder in holders)
    return lines


# -- explanation failures -------------------------------------------------------------


def explanation_failed(exc: BaseException) -> str:
    return f"(turbomock could not explain this failure: {type(exc).__name__}: {exc})"


# -- strict mode ------------------------------------------------------------------------


def unused_header() -> str:
    return "strict mode: configured but never called:"


def unused_entry(name: str, field: str, value: object) -> str:
    if hasattr(type(value), "__next__") and not callable(value):
        # A side effect given as a list is kept as an iterator: show what it is
        # without consuming it.
        return f"  {name}: {field} = an iterator ({type(value).__name__})"
    return f"  {name}: {field} = {short_repr(value)}"


def leaked_header() -> str:
    return "patches started during the test and never stopped:"


def leaked_entry(description: str) -> str:
    return f"  {description}"
