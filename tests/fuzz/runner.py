"""Running a case on one implementation and comparing the two runs step by step.

A case runs in a fresh namespace per implementation (``mock`` bound to it, the
prelude's specs and helpers defined), the whole case on the stdlib first and then on
turbomock, so state the two share (``sys.modules['fuzz_target']``) never mixes.
After every step the runner records the step's outcome (value or exception, and the
warnings it issued) and the observations of ``observe``; the comparison finds the
first label whose texts differ.

Everything a case may change beyond its namespace is put back when it ends: active
patches are stopped, classes of the library that an operation could have edited are
restored from snapshots taken before it (turbomock's shared classes leak edits today,
and a leak must not spill into later cases), and the module-level objects and flags
(``FILTER_DIR``, ``ANY``'s attributes) are reset.
"""

from __future__ import annotations

import re
import sys
import unittest.mock
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import turbomock

from . import prelude
from .case import Case, Op
from .deadline import Hang, alarm_handler, timed
from .observe import (
    compiled,
    describe,
    describe_exception,
    observe_node,
    observe_pairs,
    observe_variable,
    probe,
    probe_expression,
    watched_names,
)

STDLIB: Any = unittest.mock
TURBO: Any = turbomock
OP = "<op>"
WARNINGS = "<warnings>"
_NOTHING = object()
_PRELUDE = compile(prelude.FULL_SOURCE, "<fuzz-prelude>", "exec")
#: Kinds of bystander mocks watched for leaked class edits: MagicMock, and every kind
#: the case makes (by name) itself.
_KIND_USED = re.compile(
    r"\bmock\.(Mock|NonCallableMock|NonCallableMagicMock|AsyncMock|ThreadingMock|PropertyMock)\("
)


def bystander_kinds(case: Case) -> list[str]:
    found = {"MagicMock"}
    for op in case.ops:
        found.update(_KIND_USED.findall(op.source))
    # The stdlib's ThreadingMock deadlocks on ``m == m`` (3.13.0), a probe of __eq__.
    found.discard("ThreadingMock")
    return sorted(found)


# -- putting back what a case changed ------------------------------------------------


def _library_classes(value: Any) -> Iterator[type]:
    classes = value.__mro__ if isinstance(value, type) else type(value).__mro__
    for cls in classes:
        module = cls.__dict__.get("__module__")
        if isinstance(module, str) and module.startswith(("unittest.mock", "turbomock")):
            yield cls


def _pristine(module: Any) -> dict[type, dict[str, Any]]:
    saved: dict[type, dict[str, Any]] = {}
    for name in ("Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "AsyncMock",
                 "ThreadingMock", "PropertyMock"):
        kind = getattr(module, name, None)
        if kind is not None:
            for cls in _library_classes(kind()):
                saved.setdefault(cls, dict(cls.__dict__))
    return saved


_PRISTINE = {id(STDLIB): _pristine(STDLIB), id(TURBO): _pristine(TURBO)}
_SKIP = frozenset({"__dict__", "__weakref__"})


class ClassGuard:
    """Snapshots the library classes an operation could edit; puts them back later."""

    def __init__(self, module: Any) -> None:
        self.saved = dict(_PRISTINE[id(module)])

    def cover(self, ns: dict[str, Any]) -> None:
        for value in list(ns.values()):
            for cls in _library_classes(value):
                if cls not in self.saved:
                    self.saved[cls] = dict(cls.__dict__)

    def restore(self) -> None:
        for cls, before in self.saved.items():
            now = cls.__dict__
            for name in [n for n in now if n not in before and n not in _SKIP]:
                type.__delattr__(cls, name)
            for name, value in before.items():
                if name not in _SKIP and now.get(name, _NOTHING) is not value:
                    type.__setattr__(cls, name, value)


#: Sentinels the operations use: process-wide objects an operation can set attributes
#: on (``m.a = mock.DEFAULT; m.a.b = 1``).
SENTINELS = ("DEFAULT", "s", "v", "p", "r", "new")


def _shared_objects(module: Any) -> list[Any]:
    """The library's process-wide objects an operation could change."""
    return [module.ANY, *(getattr(module.sentinel, name) for name in SENTINELS)]


def _snapshot_shared(module: Any) -> list[tuple[Any, dict[str, Any]]]:
    return [(obj, dict(vars(obj))) for obj in _shared_objects(module) if hasattr(obj, "__dict__")]


def _reset_module(module: Any, shared: list[tuple[Any, dict[str, Any]]]) -> None:
    try:
        module.patch.stopall()
    except Exception:
        pass
    module.FILTER_DIR = True
    for obj, attributes in shared:
        if vars(obj) != attributes:
            vars(obj).clear()
            vars(obj).update(attributes)
    sys.modules.pop("fuzz_target", None)


# -- one run -------------------------------------------------------------------------


def _execute(op: Op, ns: dict[str, Any]) -> tuple[str, str]:
    """The outcome of one operation, and the warnings it issued."""
    ns["_"] = _NOTHING
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            timed(lambda: exec(compiled(op.source), ns))
        except Hang:
            outcome = "hung"
        except Exception as exc:
            outcome = describe_exception(exc)
        else:
            value = ns.get("_", _NOTHING)
            outcome = "done" if value is _NOTHING else probe(lambda: value)
    issued = [
        (w.category.__name__, describe(str(w.message)), describe(w.filename))
        for w in caught
        if "never awaited" not in str(w.message)
    ]
    return outcome, describe(issued) if issued else ""


def _probe(source: str, ns: dict[str, Any]) -> str:
    try:
        value = timed(lambda: eval(compiled(source, "eval"), ns))
    except Hang:
        return "hung"
    except Exception as exc:
        return describe_exception(exc)
    return describe(value)


def run(case: Case, module: Any) -> list[dict[str, str]]:
    """What each step of ``case`` did on ``module``: label -> text, per step."""
    with warnings.catch_warnings(), alarm_handler():
        # Coroutines nobody awaited warn when collected, at no step in particular.
        warnings.simplefilter("ignore")
        return _run(case, module)


def _run(case: Case, module: Any) -> list[dict[str, str]]:
    ns: dict[str, Any] = {"__name__": "__fuzz__", "mock": module}
    exec(_PRELUDE, ns)
    guarded = any(op.edits_classes for op in case.ops)
    guard = ClassGuard(module) if guarded else None
    # Bystanders, made before the first operation: one per class edit and kind, each
    # read once (a read makes a child, which could hide a later leak).
    bystanders: dict[str, list[Any]] = {}
    if guarded:
        edits = sum(op.edits_classes for op in case.ops)
        for kind in bystander_kinds(case):
            bystanders[kind] = [getattr(module, kind)() for _ in range(edits)]
    edits_done = 0
    shared = _snapshot_shared(module)
    touched: list[str] = []
    records: list[dict[str, str]] = []
    try:
        for step, op in enumerate(case.ops):
            if guard is not None:
                guard.cover(ns)
            outcome, issued = _execute(op, ns)
            record = {OP: outcome}
            if issued:
                record[WARNINGS] = issued
            full = step in case.full_steps
            names = watched_names(ns)
            for name in names:
                record.update(
                    observe_variable(ns, name, calls=case.eager or full, full=full, module=module)
                )
            if op.node and outcome != "hung":
                record.update(observe_node(ns, op.node, calls=case.eager or full))
            if full:
                record.update(observe_pairs(ns, names))
            for name in op.touched:
                if name not in touched:
                    touched.append(name)
            if op.edits_classes:
                for kind, made in bystanders.items():
                    holder = f"before_{kind}"
                    ns[holder] = made[edits_done]
                    for name in touched:
                        for who in (holder, f"mock.{kind}()"):
                            source = probe_expression(name, who)
                            record[source] = _probe(source, ns)
                    del ns[holder]
                edits_done += 1
            records.append(record)
    finally:
        _reset_module(module, shared)
        if guard is not None:
            guard.restore()
        ns.clear()
    return records


# -- comparing two runs --------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """The first place where turbomock's run differs from the stdlib's."""

    case: Case
    step: int
    label: str
    expected: str
    actual: str

    @property
    def op(self) -> Op:
        return self.case.ops[self.step]


Mask = Callable[[Difference], "str | None"]


def compare(
    case: Case, mask: Mask | None = None, modules: tuple[Any, Any] = (STDLIB, TURBO)
) -> tuple[Difference | None, set[str]]:
    """The first unmasked difference between the two runs of ``case`` (or None), and
    the ids of the masks that hid one. ``modules``: the reference, then the subject.

    A hang is checked by running the case again: on a loaded machine an operation can
    miss the deadline once without hanging."""
    found, hidden = _compare(case, mask, modules)
    if found is not None and "hung" in (found.expected, found.actual):
        found, hidden = _compare(case, mask, modules)
    return found, hidden


def _compare(
    case: Case, mask: Mask | None, modules: tuple[Any, Any]
) -> tuple[Difference | None, set[str]]:
    expected = run(case, modules[0])
    actual = run(case, modules[1])
    hidden: set[str] = set()
    for step, want in enumerate(expected):
        got = actual[step]
        if "hung" in want.values():
            # A deadlock of the stdlib's (ThreadingMock ``m == m``) is no spec, and
            # what follows it is not comparable.
            break
        for label in [*want, *(label for label in got if label not in want)]:
            e, a = want.get(label, "<absent>"), got.get(label, "<absent>")
            if e == a:
                continue
            found = Difference(case, step, label, e, a)
            masked = mask(found) if mask is not None else None
            if masked is None:
                return found, hidden
            hidden.add(masked)
    return None, hidden
