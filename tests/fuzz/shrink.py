"""Shrinking a failing case to a minimal sequence that still fails the same way.

"The same way" is the failure's signature: the kind of operation at the failing
step, the shape of the label that differed (variable numbers dropped), how each side
ended (a value, or which exception) and the KNOWN entry it matches, if any. Keeping
the signature stops the shrinker from sliding to an unrelated difference on the way.
Operations after the failing step are dropped first; then chunks of operations are
removed (halving the chunk size down to single operations) while the case still
fails the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .case import Case, Op
from .runner import OP, WARNINGS, Difference, Mask, compare

_VARIABLE = re.compile(r"\b(m|h|pm|k|p|g|d|Sub)\d+\b")
_RAISED = re.compile(r"^(?:repr )?raised (\w+)")

Signature = tuple[str, str, str, str, "str | None"]


def label_shape(label: str) -> str:
    return _VARIABLE.sub(r"\1", label)


def outcome_shape(text: str) -> str:
    found = _RAISED.match(text)
    return found.group(1) if found else "value"


def signature(diff: Difference, classify: Callable[[Difference], str | None]) -> Signature:
    """What makes two failures the same: for an operation's own outcome, the kind of
    operation; for an observation, the observation (whichever step showed it)."""
    return (
        diff.op.kind if diff.label in (OP, WARNINGS) else "",
        label_shape(diff.label),
        outcome_shape(diff.expected),
        outcome_shape(diff.actual),
        classify(diff),
    )


def shrink(
    diff: Difference,
    classify: Callable[[Difference], str | None],
    mask: Mask | None = None,
    *,
    budget: int = 150,
) -> Difference:
    """The smallest case found that fails like ``diff``."""
    wanted = signature(diff, classify)
    runs = 0

    def attempt(ops: list[Op]) -> Difference | None:
        nonlocal runs
        runs += 1
        case = Case(diff.case.seed, diff.case.index, tuple(ops), diff.case.eager,
                    frozenset({len(ops) - 1}))
        found, _ = compare(case, mask)
        if found is not None and signature(found, classify) == wanted:
            return found
        return None

    best = diff
    ops = list(diff.case.ops[: diff.step + 1])
    found = attempt(ops)
    if found is not None:
        best = found
        ops = list(found.case.ops[: found.step + 1])
    chunk = max(1, len(ops) // 2)
    while chunk >= 1 and runs < budget:
        start = 0
        while start < len(ops) and runs < budget:
            candidate = ops[:start] + ops[start + chunk :]
            found = attempt(candidate) if candidate else None
            if found is not None:
                best = found
                ops = list(found.case.ops[: found.step + 1])
            else:
                start += chunk
        chunk //= 2
    return best
