"""A user's mock class holds turbomock's registries about it (``_class_holder``), so
that it dies with its pools when nothing else refers to it, as the stdlib's class
and its per-mock subclasses do.

Checked side by side with the stdlib: a ``Mock`` subclass defined in a function,
used every way that makes pools (plain, specced on a class or a function, async,
children, return values, ``type(m)()``), with an ABC or a metaclass of its own,
is freed after a collection. Without the native core it lives on (the documented
``[KD-idle-classes]``), which is pinned too, so the difference can't pass unseen.
"""

from __future__ import annotations

import abc
import collections.abc
import gc
import os
import subprocess
import sys
import unittest.mock as stdlib_mock
import weakref
from types import ModuleType
from typing import Any

import pytest

import turbomock
from turbomock._class_holder import OWN_CLASSES, holder_of
from turbomock._native import NATIVE

needs_native = pytest.mark.skipif(NATIVE is None, reason="native core not in use")

KINDS = ["Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "AsyncMock"]


class Spec:
    def method(self, a: int) -> int:
        return a


def function(a: int, b: int) -> None:
    pass


async def coroutine_function(a: int) -> None:
    pass


def _defined_and_used(impl: ModuleType, kind: str, shape: str) -> weakref.ref[type]:
    """A class defined here, used, and dropped: a weak reference to it."""
    base = getattr(impl, kind)
    cls: Any
    if shape == "abc":

        class WithAbc(base, collections.abc.Iterable):  # type: ignore[misc, valid-type]
            def __iter__(self) -> Any:
                return iter(())

        cls = WithAbc
    elif shape == "metaclass":
        meta = type("Meta", (abc.ABCMeta,), {})
        cls = meta("WithMeta", (base,), {})
    else:
        cls = type("Plain", (base,), {})
    made = [cls(), cls(), cls(spec=Spec), cls(spec=function), cls(name="named")]
    if kind != "AsyncMock":
        made.append(cls(spec=coroutine_function))
        for mock in made[:2]:
            if callable(mock):
                mock.child.grandchild(1)
                mock().attribute  # noqa: B018 - a return value's child: more pools
    made += [type(mock)() for mock in made[:3]]
    return weakref.ref(cls)


@needs_native
@pytest.mark.parametrize("shape", ["plain", "abc", "metaclass"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_users_class_dies_with_its_pools(kind: str, shape: str) -> None:
    """As with the stdlib: once nothing refers to the class, a collection frees it."""
    outcomes = []
    for impl in (stdlib_mock, turbomock):
        ref = _defined_and_used(impl, kind, shape)
        gc.collect()
        outcomes.append(ref() is None)
    assert outcomes == [True, True]


@pytest.mark.skipif(NATIVE is not None, reason="the native core frees such classes")
def test_without_the_native_core_a_users_class_lives_on() -> None:
    """[KD-idle-classes], as the README says: kept with its pools for good."""
    ref = _defined_and_used(turbomock, "Mock", "plain")
    gc.collect()
    assert ref() is not None


@needs_native
def test_a_class_in_use_keeps_its_pools() -> None:
    """The holder keeps pools while the class lives: mocks made later reuse them."""
    cls: Any = type("Kept", (turbomock.Mock,), {})
    first = cls()
    pool = type(first)._mock_pool
    del first
    gc.collect()
    assert type(cls())._mock_pool is pool
    assert pool in holder_of(cls).values()


def test_own_classes_are_listed() -> None:
    """turbomock's own kinds keep their entries in module-level registries."""
    assert {
        turbomock.Mock, turbomock.MagicMock, turbomock.NonCallableMock,
        turbomock.NonCallableMagicMock, turbomock.AsyncMock, turbomock.ThreadingMock,
        turbomock.PropertyMock,
    } <= OWN_CLASSES


@needs_native
def test_the_holder_refuses_a_class_written_in_c() -> None:
    with pytest.raises(TypeError, match="class defined in Python"):
        holder_of(int)
    with pytest.raises(TypeError, match="class defined in Python"):
        holder_of(5)  # type: ignore[arg-type]


_UNDER_THE_DEBUG_ALLOCATOR = """
import gc, turbomock
for round in range(200):
    cls = type("Churn%d" % round, (turbomock.MagicMock,), {})
    mocks = [cls() for _ in range(20)]
    for m in mocks[:5]:
        m.a.b(1)
    del cls, mocks
    if round % 20 == 0:
        gc.collect()
gc.collect()
print("ok")
"""


@needs_native
def test_classes_freed_by_the_collector_under_the_debug_allocator() -> None:
    """Many classes and their pools freed by the collector, under PYTHONMALLOC=debug
    (a bad free or a use after free ends the process)."""
    env = dict(os.environ, PYTHONMALLOC="debug")
    proc = subprocess.run(
        [sys.executable, "-c", _UNDER_THE_DEBUG_ALLOCATOR],
        env=env, capture_output=True, encoding="utf-8", timeout=300, check=False,
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, "ok"), proc.stderr[-2000:]
