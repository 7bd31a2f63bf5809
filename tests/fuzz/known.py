"""Known differences from unittest.mock, not fixed yet: what the fixed-seed run skips.

Each entry names the issue item it belongs to, recognises its difference by a
predicate over the ``Difference`` met (the operation at the failing step and those
before it, the label that differed, both texts; see ``matchers``) and carries a
minimal reproduction (``mock`` being either library). An ordinary entry ends the
case it is met in; a *mask* hides one observation wherever it shows up and lets the
case go on, for differences that would otherwise end most cases (a class layout
every mock shows).

``tests/test_fuzz.py`` requires the fixed-seed run to meet every entry that applies
to the running Python at least once where no other entry recognises the same
difference. So removing an entry before its fix makes that run fail (the difference
is new again), and a fix makes the entry's test fail until the entry is removed: the
table only shrinks, and only with the engine. Entries marked ``rare`` are met by long
runs, not reliably in 2,000 cases; they are exempt from that test.
"""

from __future__ import annotations

from .known_issue9 import ISSUE_9
from .known_other import OTHER
from .matchers import Known
from .runner import Difference, Mask

KNOWN: list[Known] = [*ISSUE_9, *OTHER]


def matching(diff: Difference) -> list[str]:
    """The ids of the entries that recognise ``diff``: those recognising the difference
    itself, or else the fallbacks recognising what led to it."""
    found = [e.id for e in KNOWN if e.applies and not e.fallback and e.match(diff)]
    return found or [e.id for e in KNOWN if e.applies and e.fallback and e.match(diff)]


def classify(diff: Difference) -> str | None:
    """The id of the first ordinary (non-mask) entry that recognises ``diff``."""
    masks = {entry.id for entry in KNOWN if entry.mask}
    return next((found for found in matching(diff) if found not in masks), None)


def mask_for(diff: Difference) -> str | None:
    """The id of the first mask that hides ``diff``, if any."""
    for entry in KNOWN:
        if entry.applies and entry.mask and entry.match(diff):
            return entry.id
    return None


__all__ = ["KNOWN", "Known", "Mask", "classify", "mask_for", "matching"]
