"""What a KNOWN entry is, and the building blocks of its predicate: conditions on a
``Difference``.

A predicate sees the failing step's operation, the label that differed, both texts
and the operations before it, so it can tell "a hand-set call_count, then a call of
that mock" from an unrelated difference on another mock.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .runner import OP, Difference

Predicate = Callable[[Difference], bool]

PY310 = sys.version_info >= (3, 10)
PY311 = sys.version_info >= (3, 11)
PY313 = sys.version_info >= (3, 13)


@dataclass(frozen=True)
class Known:
    """A known difference: where it belongs, how to recognise it, how to see it."""

    id: str
    #: The item of issue 9 it belongs to ("9.1 ...", "9.2 ..."), else "new", or the
    #: strict xfail test that already pins it.
    item: str
    match: Predicate
    repro: str
    mask: bool = False
    #: Whether the running Python shows it (the stdlib differs between versions).
    applies: bool = True
    #: Met by long runs only; not required of the fixed-seed run.
    rare: bool = False
    #: Recognised by what came before the failing step (a hand-set attribute, a copy,
    #: an attach): consulted only when no entry recognises the difference itself.
    fallback: bool = False


#: The label of an operation's own outcome.
OUTCOME = f"^{re.escape(OP)}$"


def on(
    *,
    kinds: tuple[str, ...] = (),
    label: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
    source: str | None = None,
) -> Predicate:
    """Every given condition holds: the failing operation's kind starts with one of
    ``kinds``; the regexes are found in the label, the stdlib's text, turbomock's
    text, the failing operation's source."""
    patterns = [
        (re.compile(pattern), part)
        for pattern, part in ((label, "label"), (expected, "expected"), (actual, "actual"))
        if pattern is not None
    ]
    in_source = re.compile(source) if source is not None else None

    def match(diff: Difference) -> bool:
        if kinds and not diff.op.kind.startswith(kinds):
            return False
        if in_source is not None and not in_source.search(diff.op.source):
            return False
        return all(pattern.search(getattr(diff, part)) for pattern, part in patterns)

    return match


def either(*predicates: Predicate) -> Predicate:
    return lambda diff: any(predicate(diff) for predicate in predicates)


def both(*predicates: Predicate) -> Predicate:
    return lambda diff: all(predicate(diff) for predicate in predicates)


def case_has(pattern: str) -> Predicate:
    """An operation up to the failing step has ``pattern`` in its source."""
    found = re.compile(pattern)
    return lambda diff: any(found.search(op.source) for op in diff.case.ops[: diff.step + 1])


def case_matches(pattern: str) -> Predicate:
    """The operations up to the failing step, one per line, match ``pattern``
    (which may span operations: a patch, then a use of what it patched). ``.``
    matches newlines too: write ``.*`` to skip lines, never ``(.*\n)*``, which
    backtracks exponentially on a long case."""
    found = re.compile(pattern, re.DOTALL)
    return lambda diff: bool(
        found.search("\n".join(op.source for op in diff.case.ops[: diff.step + 1]))
    )


def mro_with_extra(*names: str) -> Predicate:
    """An MRO (observed, or an operation's value) that differs only by turbomock's
    extra base classes ``names``."""

    def match(diff: Difference) -> bool:
        if "__mro__" not in diff.label and not (diff.label == OP and "__mro__" in diff.op.source):
            return False
        actual = diff.actual
        for name in names:
            actual = actual.replace(f"'{name}', ", "")
        return actual == diff.expected

    return match


def only_dunder_calls(diff: Difference) -> bool:
    """A ``mock_calls``/``method_calls`` observation where both sides hold nothing but
    calls of magic methods, ``__code__`` or ``_is_coroutine``: each library touching
    a mock its own way while looking at a spec that holds it."""
    if not re.search(r"\.(mock|method)_calls$", diff.label):
        return False
    pattern = r"call\.[\w.]*(__\w+__|_is_coroutine)"
    sides = [re.findall(r"call[^,\]]*", text) for text in (diff.expected, diff.actual)]
    return all(all(re.match(pattern, item) for item in side) for side in sides)


def only_more_dunder_calls(diff: Difference) -> bool:
    """A ``mock_calls``/``method_calls`` observation where the stdlib recorded every call
    turbomock did, and more: calls of magic methods, ``__code__`` or ``_is_coroutine``
    (the stdlib touching a mock while looking at a spec)."""
    if not re.search(r"\.(mock|method)_calls$", diff.label):
        return False
    expected = Counter(re.findall(r"call[^,\]]*", diff.expected))
    actual = Counter(re.findall(r"call[^,\]]*", diff.actual))
    extra = expected - actual  # counted: the stdlib may touch the same thing twice
    return (
        bool(extra)
        and not actual - expected
        and all(re.match(r"call\.[\w.]*(__\w+__|_is_coroutine)", item) for item in extra)
    )


