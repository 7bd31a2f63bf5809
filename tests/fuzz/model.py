"""What the generator knows about a case while it writes it: the variables so far.

Operations are written without running anything, so the same sequence goes to both
implementations. The model is a guess (a spec may forbid a name, a call may raise):
that is fine, a wrong guess gives the same outcome on both sides. It only steers the
draws towards sequences that do something: calls before assertions, names that were
edited on a class read again afterwards, an ancestor to attach.
"""

from __future__ import annotations

import random
import unittest.mock
from dataclasses import dataclass, field

#: The stdlib's kinds that are classes, in the order the generator draws them.
MOCK_KINDS = ["Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "AsyncMock"]
if hasattr(unittest.mock, "ThreadingMock"):
    MOCK_KINDS.append("ThreadingMock")
MAGIC_KINDS = frozenset({"MagicMock", "NonCallableMagicMock", "AsyncMock", "ThreadingMock"})
CALLABLE_KINDS = frozenset({"Mock", "MagicMock", "AsyncMock", "ThreadingMock", "PropertyMock"})

NAMES = ["a", "b", "meth", "attr", "x"]
SPEC_NAMES = ["meth", "attr", "smeth", "cmeth", "ameth", "prop", "Inner", "x", "missing"]
#: Arguments calls are made with (each a tuple of positional and keyword sources).
ARGS: list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = [
    ((), ()),
    (("1",), ()),
    (("1", "2"), ()),
    (("'x'",), ()),
    ((), (("c", "1"),)),
    (("1",), (("b", "2"),)),
    ((), (("a", "1"),)),
    (("mock.sentinel.s",), ()),
    (("1", "2", "3"), ()),
]


#: Specs whose autospec is a function with the mock behind it as ``.mock``.
FUNCTION_SPECS = ("f", "fa", "af", "Klass.meth", "Klass.smeth", "Klass.cmeth")


@dataclass
class Var:
    """A variable of the case holding a mock (or something used like one)."""

    name: str
    kind: str
    callable: bool = True
    magic: bool = False
    is_async: bool = False
    spec: str | None = None
    #: A variable this one was bound from as a child (``m1 = m0.a``).
    parent: str | None = None
    #: The variable this one is a copy of.
    copy_of: str | None = None
    #: A ThreadingMock or part of one (the stdlib's deadlocks on ``m == m``).
    threading: bool = False
    #: Calls made so far: (path below the variable, args, kwargs).
    calls: list[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]] = field(
        default_factory=list
    )


@dataclass
class World:
    """The case written so far, as the generator sees it."""

    rng: random.Random
    mocks: list[Var] = field(default_factory=list)
    #: Variables holding a class reached through ``type(m)``: name -> mock name.
    classes: dict[str, str] = field(default_factory=dict)
    patchers: list[str] = field(default_factory=list)
    property_mocks: list[str] = field(default_factory=list)
    #: Attribute names edited on a class or set as magic methods so far.
    touched: list[str] = field(default_factory=list)
    counter: int = 0

    # -- drawing -------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: list[str] | tuple[str, ...]) -> str:
        return options[self.rng.randrange(len(options))]

    def fresh(self, prefix: str) -> str:
        name = f"{prefix}{self.counter}"
        self.counter += 1
        return name

    def add(self, var: Var) -> Var:
        self.mocks.append(var)
        return var

    def target(self, *, magic: bool | None = None) -> Var | None:
        """A mock variable to work on, recent ones more often."""
        pool = self.mocks if magic is None else [v for v in self.mocks if v.magic == magic]
        if not pool:
            return None
        if len(pool) > 1 and self.chance(0.5):
            return pool[-1]
        return pool[self.rng.randrange(len(pool))]

    def some_mock(self) -> str:
        """The name of a mock variable, as ``target`` picks one (``None`` if none)."""
        var = self.target()
        return "None" if var is None else var.name

    # -- pieces of source ----------------------------------------------------------

    def attr_name(self, var: Var | None = None) -> str:
        if self.touched and self.chance(0.3):
            return self.pick(self.touched)
        if var is not None and var.spec is not None and self.chance(0.6):
            return self.pick(SPEC_NAMES)
        return self.pick(NAMES)

    def path(self, var: Var, *, allow_call: bool = True) -> str:
        """A path below ``var``: ``""``, ``".a"``, ``"()"``, ``".a.b()"`` ..."""
        if var.calls and self.chance(0.3):
            return var.calls[self.rng.randrange(len(var.calls))][0]
        parts: list[str] = []
        if var.kind == "autospec" and var.spec in FUNCTION_SPECS and self.chance(0.3):
            # The mock behind an autospecced function: its own call storage (the
            # private names) is not the function's.
            parts.append(".mock")
        for _ in range(self.rng.choice((0, 0, 0, 1, 1, 2))):
            if allow_call and var.callable and self.chance(0.15):
                parts.append("()")
            elif self.chance(0.08):
                parts.append(".return_value")
            else:
                parts.append("." + self.attr_name(var))
        return "".join(parts)

    def args(self) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        return ARGS[self.rng.randrange(len(ARGS))]

    def value(self) -> str:
        """A value to store somewhere: plain data, a mock, a function, a marker."""
        options = [
            "1",
            "None",
            "'v'",
            "mock.sentinel.v",
            "mock.DEFAULT",
            "mock.Mock()",
            "mock.MagicMock(name='named')",
            "f",
            "lambda *args, **kwargs: 1",
            "mock.PropertyMock(return_value=2)",
        ]
        if self.mocks and self.chance(0.3):
            return self.some_mock()
        return self.pick(options)

    def side_effect(self) -> str:
        options = [
            "[1, 2]",
            "iter([1, 2])",
            "KeyError('boom')",
            "KeyError",
            "StopIteration",
            "lambda *args, **kwargs: mock.DEFAULT",
            "lambda *args, **kwargs: len(args)",
            "None",
            "f",
            "[ValueError('one'), 2]",
            f"frame_at({self.rng.randint(1, 5)})",
            f"warn_at({self.rng.randint(1, 5)})",
        ]
        return self.pick(options)

    def spec(self) -> str:
        options = [
            "f",
            "af",
            "Klass",
            "inst",
            "Sized",
            "['a', 'meth']",
            "[]",
            "Klass.meth",
            "DirRaises",
            "GetattrRaises",
            "badsig",
            "CallIsFive",
            "'text'",
            "raising_prop",
            "answers_all",
            "locked",
        ]
        if self.mocks and self.chance(0.1):
            return self.some_mock()
        if self.mocks and self.chance(0.08):
            return f"Holding({self.some_mock()})"
        return self.pick(options)


def render_args(args: tuple[str, ...], kwargs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join([*args, *(f"{k}={v}" for k, v in kwargs)])


def call_object(path: str, args: tuple[str, ...], kwargs: tuple[tuple[str, str], ...]) -> str:
    """The ``mock.call`` expression that records a call of ``path`` with these args."""
    return f"mock.call{path}({render_args(args, kwargs)})"
