"""A fuzzing run: many cases, known differences counted, new ones shrunk and kept."""

from __future__ import annotations

import gc
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import known
from .ops import generate_case
from .report import describe_difference, reproduction, verified
from .runner import Difference, compare
from .shrink import Signature, shrink, signature


@dataclass
class Finding:
    """One distinct difference: how often it was met, and its smallest example."""

    example: Difference
    known: str | None
    count: int = 0
    shrunk: int = 0
    text: str = ""
    verified: bool = False


@dataclass
class Result:
    cases: int = 0
    seconds: float = 0.0
    #: KNOWN id -> cases that ended on it (or, for a mask, that it hid a label in).
    hits: Counter[str] = field(default_factory=Counter)
    #: KNOWN id -> cases where it was the only entry recognising the difference, so
    #: that without it the run would have failed.
    exclusive: Counter[str] = field(default_factory=Counter)
    findings: dict[Signature, Finding] = field(default_factory=dict)

    @property
    def new(self) -> list[Finding]:
        return [f for f in self.findings.values() if f.known is None]


def fuzz(
    seed: int,
    cases: int,
    *,
    start: int = 0,
    suppress: bool = True,
    max_ops: int = 10,
    shrinks_per_signature: int = 2,
    progress: Callable[[int, Result], None] | None = None,
) -> Result:
    """Run cases ``start .. start + cases`` of ``seed``.

    With ``suppress``, differences KNOWN recognises are counted in ``hits`` and end
    their case; anything else is shrunk and kept in ``findings`` (annotated with the
    entry its shrunk form matches, if one does). Without it, every difference is a
    finding."""
    result = Result()
    began = time.perf_counter()
    exclusive_masks: set[str] = set()

    def mask(diff: Difference) -> str | None:
        found = known.mask_for(diff)
        if found is not None and known.matching(diff) == [found]:
            exclusive_masks.add(found)
        return found

    for index in range(start, start + cases):
        if index % 250 == 0:
            _collect()
        case = generate_case(seed, index, max_ops=max_ops)
        exclusive_masks.clear()
        diff, hidden = compare(case, mask if suppress else None)
        result.hits.update(hidden)
        result.exclusive.update(exclusive_masks)
        result.cases += 1
        if diff is not None:
            _record(result, diff, suppress, known.mask_for if suppress else None,
                    shrinks_per_signature)
        if progress is not None:
            progress(index, result)
    _collect()
    result.seconds = time.perf_counter() - began
    return result


def _collect() -> None:
    """Collect the cases' cycles now, between cases: a full collection inside an
    operation can take it past the deadline on a big heap, and a coroutine nobody
    awaited warns when collected, which must not happen inside someone else's test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.collect()


def _record(
    result: Result,
    diff: Difference,
    suppress: bool,
    mask: known.Mask | None,
    shrinks: int,
) -> None:
    # Recognised on the difference as met, not after shrinking: an entry is then what
    # stands between its difference and a failing run.
    first = known.classify(diff)
    if suppress and first is not None:
        result.hits[first] += 1
        if known.matching(diff) == [first]:
            result.exclusive[first] += 1
        return
    key = signature(diff, known.classify)
    finding = result.findings.get(key)
    if finding is not None and finding.shrunk >= shrinks:
        finding.count += 1
        return
    small = shrink(diff, known.classify, mask)
    identified = known.classify(small)
    if finding is None:
        finding = result.findings[key] = Finding(small, identified)
    finding.count += 1
    finding.shrunk += 1
    if finding.shrunk == 1 or len(small.case.ops[: small.step + 1]) < len(
        finding.example.case.ops[: finding.example.step + 1]
    ):
        finding.example = small
    finding.text = ""


def render(finding: Finding) -> Finding:
    """Fill in the finding's reproduction, checked by running it."""
    if not finding.text:
        body = reproduction(finding.example)
        finding.verified = verified(body)
        finding.text = (
            describe_difference(finding.example)
            + "from unittest import mock  # and again with: import turbomock as mock\n"
            + body
        )
    return finding
