"""Building blocks of KNOWN's predicates: conditions on a ``Difference``.

A predicate sees the failing step's operation, the label that differed, both texts
and the operations before it, so it can tell "a hand-set call_count, then a call of
that mock" from an unrelated difference on another mock.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .runner import OP, Difference

Predicate = Callable[[Difference], bool]

#: What a frame's file looks like once normalised.
FILE = r"'(<fuzz>|<mock-lib>|<harness>|<string>|\w+\.py)'"
#: A label reading a bystander mock (made before the case's mocks, or fresh).
BYSTANDER = r"before_\w+|mock\.\w+\(\)"
#: The label of an operation's own outcome.
OUTCOME = f"^{re.escape(OP)}$"
#: Operation kinds that edit a class.
CLASS_EDIT = ("type_edit", "magic.set", "magic.del")

#: ``x.attach_mock(y, 'n')``, and ``x.n = y``/``x.return_value = y`` which reparent a
#: mock ``y`` as well: (root of x, rest of x, y).
_ATTACH = re.compile(r"^(\w+)([^\n=]*)\.attach_mock\(([\w.()]+), ", re.M)
_ASSIGN = re.compile(r"^(\w+)([^\n=]*)\.\w+ = ((?:m|h|pm)\d+[\w.()]*)$", re.M)
#: ``m1 = m0.a``: a variable bound to a child of another.
_BINDING = re.compile(r"^((?:m|h|pm)\d+) = ((?:m|h|pm)\d+)[.(]", re.M)
_WATCHED = re.compile(r"\b(?:m|h|pm|k)\d+\b")
_COPY = re.compile(r"^(\w+) = copy\.\w+\((\w+)\)", re.M)
_FIRST_NAME = re.compile(r"(?:del )?(\w+)")


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


def attached_an_ancestor(diff: Difference) -> bool:
    """The case attached a mock below itself (to itself, a child, a descendant),
    through a path or through variables bound to children."""
    parents: dict[str, str] = {}
    for op in diff.case.ops[: diff.step + 1]:
        for child, parent in _BINDING.findall(op.source):
            parents[child] = parent
        for root, path, attached in [*_ATTACH.findall(op.source), *_ASSIGN.findall(op.source)]:
            chain = [root + path, root]
            node = root
            while node in parents:
                node = parents[node]
                chain.append(node)
            if any(attached == link for link in chain) or (root + path).startswith(attached + "."):
                return True
    return False


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


def related(diff: Difference, roots: set[str]) -> set[str]:
    """``roots`` and every variable bound to a child or a parent of one of them."""
    found = set(roots)
    bindings = [
        pair for op in diff.case.ops[: diff.step + 1] for pair in _BINDING.findall(op.source)
    ]
    grew = True
    while grew:
        grew = False
        for child, parent in bindings:
            if (child in found) != (parent in found):
                found.update((child, parent))
                grew = True
    return found


def _mentions(diff: Difference, names: set[str]) -> bool:
    return bool(set(re.findall(r"\w+", diff.label + " " + diff.op.source)) & names)


def after(kinds: str | tuple[str, ...], roots: Callable[[str], list[str]]) -> Predicate:
    """The failing step follows an operation of one of ``kinds`` (prefixes) and is
    about one of the variables ``roots`` names in it (or one bound to their children or
    parents)."""

    def match(diff: Difference) -> bool:
        found: set[str] = set()
        for op in diff.case.ops[: diff.step + 1]:
            if op.kind.startswith(kinds):
                found.update(roots(op.source))
        return bool(found) and _mentions(diff, related(diff, found))

    return match


def first_name(source: str) -> list[str]:
    """The variable an operation starts from (``m0`` in ``del m0.a.call_count``)."""
    found = _FIRST_NAME.match(source)
    return [found.group(1)] if found else []


def copied(source: str) -> list[str]:
    """The copy and its original, in ``m1 = copy.copy(m0)``."""
    return [name for pair in _COPY.findall(source) for name in pair]


def edited_variables(source: str) -> list[str]:
    """The watched variables a class edit names (the mock whose class it edits)."""
    return [name for name in _WATCHED.findall(source) if name != "twin"]


def autospec_child_configured(diff: Difference) -> bool:
    """A mock made by create_autospec (or patch with autospec) had its method
    configured by keyword (``**{'meth.return_value': 3}``) and the step uses it."""
    configured = any(
        ("create_autospec" in op.source or "autospec=" in op.source) and "'meth." in op.source
        for op in diff.case.ops[: diff.step + 1]
    )
    return configured and ".meth" in diff.op.source
