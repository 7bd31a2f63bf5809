"""An operation and a case: the data the generator writes and the runner runs.

An operation is a few lines of Python source run at module level of the case's
namespace (``mock`` there is the implementation under test). Being source, the same
operation runs on both implementations, its code shape (module level, a function, a
lambda, a comprehension ...) is real, and a failing sequence *is* its reproduction.
An operation with a value assigns it to ``_``; the runner reports it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Op:
    """One operation: its kind (for grouping and for KNOWN), and its source."""

    kind: str
    source: str
    #: Whether the source assigns ``_``, the value the runner reports.
    value: bool = False
    #: Names it may edit on a class (or set as magic methods): read on bystanders.
    touched: tuple[str, ...] = ()
    #: Whether it may edit a class: the runner snapshots classes before it.
    edits_classes: bool = False
    #: The mock below a variable it worked on (``m0.a.b``), watched after it too.
    node: str = ""


@dataclass(frozen=True)
class Case:
    """A sequence of operations, and how closely to watch it."""

    seed: int
    index: int
    ops: tuple[Op, ...]
    #: Read ``mock_calls``/``method_calls`` after every step (else only at full
    #: steps): reading them drains turbomock's pending events, which could hide a
    #: naming bug that shows only when calls pile up unread.
    eager: bool = True
    #: Steps after which everything is observed (dir, class relations ...).
    full_steps: frozenset[int] = frozenset()

    def with_ops(self, ops: tuple[Op, ...], full_steps: frozenset[int]) -> Case:
        return Case(self.seed, self.index, ops, self.eager, full_steps)
