"""Shared by the engine tests: the two implementations, and how to compare them.

The differential tests run one *scenario* (a function of the mock module) against
``unittest.mock`` and against turbomock and compare what came out: values by their
repr, exceptions by type and message. Reprs are compared with the parts that can't
match scrubbed: ``id='...'``, memory addresses, and the module a class lives in.

``trace(obj, *steps)`` runs each step on ``obj`` and records each outcome, carrying on
after an exception, so one scenario can pin a whole sequence of behaviour.
"""

from __future__ import annotations

import functools
import re
import sys
import unittest.mock
from collections.abc import Coroutine
from typing import Any, Callable

import pytest

import turbomock

STDLIB: Any = unittest.mock
TURBO: Any = turbomock
IMPLS = [pytest.param(STDLIB, id="unittest.mock"), pytest.param(TURBO, id="turbomock")]

# One step of a ``same_steps`` scenario: ``step(module, mock)``.
Step = Callable[[Any, Any], Any]

PY310 = sys.version_info >= (3, 10)
PY311 = sys.version_info >= (3, 11)
PY312 = sys.version_info >= (3, 12)
PY313 = sys.version_info >= (3, 13)

_ID = re.compile(r"id='\d+'")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# ``<class 'unittest.mock.Mock'>`` and ``<class 'turbomock._mock.Mock'>`` alike (where a
# class lives is reported by test_public_api, not by every test).
_MODULE = re.compile(r"\b(?:unittest\.mock|turbomock(?:\._\w+)?)\.(?=[A-Za-z_])")


def scrub(text: str) -> str:
    """``text`` with ids, addresses and mock module paths made comparable."""
    text = _ID.sub("id='...'", text)
    text = _ADDRESS.sub("0x...", text)
    return _MODULE.sub("<mock>.", text)


class Trace(list):  # type: ignore[type-arg]
    """The outcomes of a sequence of steps; compared outcome by outcome."""


class Outcome:
    """What one operation did: returned (a scrubbed repr) or raised (type, message).

    Exception types match when equal or when one derives from the other, so an
    exception class of turbomock's own that subclasses the stdlib's builtin one
    matches it (the exact types are pinned separately where they matter)."""

    __slots__ = ("exc_type", "text")

    def __init__(self, exc_type: type[BaseException] | None, text: str | Trace) -> None:
        self.exc_type = exc_type
        self.text = text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        if self.text != other.text:
            return False
        mine, theirs = self.exc_type, other.exc_type
        if mine is None or theirs is None:
            return mine is theirs
        return _same_exception_type(mine, theirs)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self.exc_type is None:
            return f"returned {self.text}"
        return f"raised {self.exc_type.__name__}: {self.text}"


def _same_exception_type(first: type[BaseException], second: type[BaseException]) -> bool:
    """Same class, one derived from the other, or each module's own class of a name
    (``InvalidSpecError`` is defined once by each library)."""
    if issubclass(first, second) or issubclass(second, first):
        return True
    return first.__name__ == second.__name__ and {first.__module__, second.__module__} <= {
        "unittest.mock",
        *(m for m in sys.modules if m == "turbomock" or m.startswith("turbomock.")),
    }


def outcome(operation: Callable[..., Any], *args: Any) -> Outcome:
    """Run ``operation(*args)`` and describe what it did."""
    try:
        result = operation(*args)
    except Exception as exc:
        return Outcome(type(exc), scrub(str(exc)))
    if isinstance(result, Trace):
        return Outcome(None, result)
    try:
        text = repr(result)
    except Exception as exc:
        text = f"<repr raised {type(exc).__name__}: {exc}>"
    return Outcome(None, scrub(text))


def trace(obj: Any, *steps: Callable[[Any], Any]) -> Trace:
    """Each step run on ``obj`` in turn, with its outcome; exceptions don't stop it."""
    return Trace(outcome(step, obj) for step in steps)


def run_both(scenario: Callable[[Any], Any]) -> tuple[Outcome, Outcome]:
    """``(stdlib, turbomock)`` outcomes of ``scenario(module)``."""
    return outcome(scenario, STDLIB), outcome(scenario, TURBO)


def assert_same(scenario: Callable[[Any], Any]) -> None:
    """``scenario`` does the same with turbomock as with ``unittest.mock``."""
    __tracebackhide__ = True
    expected, actual = run_both(scenario)
    if expected.exc_type is NameError:
        # Both raising it can't tell the libraries apart: the scenario is broken.
        raise AssertionError(f"the scenario itself fails: {expected!r}")
    if actual != expected:
        raise AssertionError(
            f"turbomock differs from unittest.mock\n"
            f"  unittest.mock: {expected!r}\n"
            f"  turbomock:     {actual!r}"
        )


def exact_exception(operation: Callable[..., Any], *args: Any) -> tuple[str, str] | None:
    """``(qualified type name, message)`` of what ``operation`` raises, None if nothing."""
    try:
        operation(*args)
    except Exception as exc:
        return type(exc).__name__, scrub(str(exc))
    return None


def raised(func: Callable[..., Any], *args: Any, **kwargs: Any) -> BaseException:
    """The exception ``func(*args, **kwargs)`` raises."""
    try:
        func(*args, **kwargs)
    except BaseException as exc:
        return exc
    raise AssertionError(f"{func!r} raised nothing")


def drive(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine that never waits on anything, without an event loop."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise AssertionError(f"{coro!r} suspended")


def same_steps(factory: Callable[[Any], Any], *steps: Callable[[Any, Any], Any]) -> None:
    """Build a mock with ``factory(module)`` in each library, run ``step(module, mock)``
    for each step, and require the same outcomes step by step."""
    __tracebackhide__ = True
    assert_same(lambda mod: trace(factory(mod), *(functools.partial(s, mod) for s in steps)))
