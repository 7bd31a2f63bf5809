"""The operations: each one written once and run against whichever implementation it is given.

An operation is a *setup* ``(impl, n) -> run``: it prepares, untimed, whatever state ``n``
iterations need (an existing mock, ``n`` mocks already called, ...) and returns ``run``,
which does the ``n`` iterations and is the only thing timed. The same code runs for
``unittest.mock`` and turbomock, so any difference is the implementation's.
"""

from __future__ import annotations

import gc
import os
import tracemalloc
from collections.abc import Coroutine
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable

from . import targets

Run = Callable[[], object]
Setup = Callable[[ModuleType, int], Run]


@dataclass(frozen=True)
class Op:
    """One timed operation and the ratio (turbomock / stdlib) it should reach."""

    name: str
    setup: Setup
    #: The largest acceptable ratio, e.g. 1/20; None when the op only informs.
    target: float | None
    #: Names the baseline must have for a comparison to mean anything (else "n/a").
    needs: tuple[str, ...] = ()


OPS: list[Op] = []


def op(
    name: str, speedup: float | None = None, needs: tuple[str, ...] = ()
) -> Callable[[Setup], Setup]:
    """Register an operation; ``speedup=20`` means the target ratio is 1/20."""

    def register(setup: Setup) -> Setup:
        OPS.append(Op(name, setup, None if speedup is None else 1 / speedup, needs))
        return setup

    return register


def drive(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine that never waits on I/O, without an event loop to measure too."""
    for _ in range(100):
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value
    raise RuntimeError(f"{coro!r} did not finish after 100 steps without an event loop")


TARGETS = targets.__name__
CHILDREN = tuple(f"child_{i:02d}" for i in range(20))
READ_DATA = "first line\nsecond line\nthird line\n"


# -- creating mocks -------------------------------------------------------------------


@op("Mock()", 20)
def _mock(impl: ModuleType, n: int) -> Run:
    Mock = impl.Mock

    def run() -> None:
        for _ in range(n):
            Mock()

    return run


@op("MagicMock()", 30)
def _magicmock(impl: ModuleType, n: int) -> Run:
    MagicMock = impl.MagicMock

    def run() -> None:
        for _ in range(n):
            MagicMock()

    return run


@op("NonCallableMagicMock()", 30)
def _noncallable(impl: ModuleType, n: int) -> Run:
    NonCallableMagicMock = impl.NonCallableMagicMock

    def run() -> None:
        for _ in range(n):
            NonCallableMagicMock()

    return run


@op("AsyncMock()", 30)
def _asyncmock(impl: ModuleType, n: int) -> Run:
    AsyncMock = impl.AsyncMock

    def run() -> None:
        for _ in range(n):
            AsyncMock()

    return run


@op("ThreadingMock()", 20, needs=("ThreadingMock",))
def _threadingmock(impl: ModuleType, n: int) -> Run:
    ThreadingMock = impl.ThreadingMock

    def run() -> None:
        for _ in range(n):
            ThreadingMock()

    return run


@op("Mock(spec=C50)", 50)
def _mock_spec(impl: ModuleType, n: int) -> Run:
    Mock = impl.Mock
    C50 = targets.C50

    def run() -> None:
        for _ in range(n):
            Mock(spec=C50)

    return run


# -- attributes and calls -------------------------------------------------------------


@op("m.a.b.c fresh", 20)
def _chain_fresh(impl: ModuleType, n: int) -> Run:
    Mock = impl.Mock

    def run() -> None:
        for _ in range(n):
            Mock().a.b.c

    return run


@op("m.a.b.c existing")
def _chain_existing(impl: ModuleType, n: int) -> Run:
    m = impl.Mock()
    m.a.b.c

    def run() -> None:
        for _ in range(n):
            m.a.b.c

    return run


@op("m.a.b.c.d.e() fresh", 20)
def _chain_call_fresh(impl: ModuleType, n: int) -> Run:
    Mock = impl.Mock

    def run() -> None:
        for _ in range(n):
            Mock().a.b.c.d.e()

    return run


@op("m(1, x=2)", 4)
def _call(impl: ModuleType, n: int) -> Run:
    # A new mock per batch, so every batch records onto an equally long call list.
    m = impl.Mock()

    def run() -> None:
        for _ in range(n):
            m(1, x=2)

    return run


@op("MagicMock+call+assert_called_once_with", 10)
def _call_assert(impl: ModuleType, n: int) -> Run:
    MagicMock = impl.MagicMock

    def run() -> None:
        for _ in range(n):
            m = MagicMock()
            m(1, x=2)
            m.assert_called_once_with(1, x=2)

    return run


@op("m(x, 1)+assert_called_with(x, ANY)", 4)
def _call_assert_existing(impl: ModuleType, n: int) -> Run:
    m = impl.Mock()
    x = impl.sentinel.x
    any_ = impl.ANY

    def run() -> None:
        for _ in range(n):
            m(x, 1)
            m.assert_called_with(x, any_)

    return run


@op("100 calls+assert_has_calls", 3)
def _has_calls(impl: ModuleType, n: int) -> Run:
    # One untouched mock per iteration, made beforehand: neither side pays for a reset.
    mocks = [impl.Mock() for _ in range(n)]
    expected = [impl.call(i) for i in range(100)]

    def run() -> None:
        for m in mocks:
            for i in range(100):
                m(i)
            m.assert_has_calls(expected)

    return run


@op("reset_mock() 20 children", 5)
def _reset(impl: ModuleType, n: int) -> Run:
    mocks = []
    for _ in range(n):
        m = impl.Mock()
        for name in CHILDREN:
            getattr(m, name)()
        mocks.append(m)

    def run() -> None:
        for m in mocks:
            m.reset_mock()

    return run


# -- autospec -------------------------------------------------------------------------


@op("create_autospec(C50)", 300)
def _autospec_class(impl: ModuleType, n: int) -> Run:
    create_autospec = impl.create_autospec
    C50 = targets.C50

    def run() -> None:
        for _ in range(n):
            create_autospec(C50)

    return run


@op("create_autospec(C50, instance=True)+call", 300)
def _autospec_instance(impl: ModuleType, n: int) -> Run:
    create_autospec = impl.create_autospec
    C50 = targets.C50

    def run() -> None:
        for _ in range(n):
            create_autospec(C50, instance=True).method_07(1, b=2)

    return run


@op("create_autospec(func)+call", 20)
def _autospec_function(impl: ModuleType, n: int) -> Run:
    create_autospec = impl.create_autospec
    fetch = targets.fetch

    def run() -> None:
        for _ in range(n):
            create_autospec(fetch)("https://example.invalid", timeout=1.0)

    return run


# -- patching -------------------------------------------------------------------------


@op("patch('mod.attr')", 10)
def _patch(impl: ModuleType, n: int) -> Run:
    patch = impl.patch
    target = f"{TARGETS}.fetch"

    def run() -> None:
        for _ in range(n):
            with patch(target):
                pass

    return run


@op("patch.object", 10)
def _patch_object(impl: ModuleType, n: int) -> Run:
    patch_object = impl.patch.object
    Client = targets.Client

    def run() -> None:
        for _ in range(n):
            with patch_object(Client, "connect"):
                pass

    return run


@op("patch.dict", 2)
def _patch_dict(impl: ModuleType, n: int) -> Run:
    patch_dict = impl.patch.dict
    config = targets.CONFIG
    values = {"debug": True}

    def run() -> None:
        for _ in range(n):
            with patch_dict(config, values):
                pass

    return run


@op("patch.dict(os.environ)", 10)
def _patch_environ(impl: ModuleType, n: int) -> Run:
    patch_dict = impl.patch.dict
    environ = os.environ
    values = {"TURBOMOCK_BENCH_A": "1", "TURBOMOCK_BENCH_B": "2"}

    def run() -> None:
        for _ in range(n):
            with patch_dict(environ, values):
                pass

    return run


@op("setUp: 3 autospec patches")
def _setup_like(impl: ModuleType, n: int) -> Run:
    patch = impl.patch
    f, c, p = f"{TARGETS}.fetch", f"{TARGETS}.Client", f"{TARGETS}.parse"
    mod = targets

    def run() -> None:
        for _ in range(n):
            with patch(f, autospec=True), patch(c, autospec=True), patch(p, autospec=True):
                mod.fetch("https://example.invalid")
                mod.Client("db.example.invalid")
                mod.parse("{}")

    return run


# -- async ----------------------------------------------------------------------------


@op("AsyncMock await+assert_awaited_once fresh", 10)
def _await_fresh(impl: ModuleType, n: int) -> Run:
    AsyncMock = impl.AsyncMock

    def run() -> None:
        for _ in range(n):
            m = AsyncMock()
            drive(m())
            m.assert_awaited_once()

    return run


@op("await AsyncMock existing", 3)
def _await_existing(impl: ModuleType, n: int) -> Run:
    m = impl.AsyncMock()

    def run() -> None:
        for _ in range(n):
            drive(m())

    return run


# -- helpers --------------------------------------------------------------------------


@op("mock_open read", 10)
def _mock_open(impl: ModuleType, n: int) -> Run:
    mock_open = impl.mock_open

    def run() -> None:
        for _ in range(n):
            with mock_open(read_data=READ_DATA)("data.txt") as f:
                f.read()

    return run


# -- strict mode (turbomock's configure(strict=True)) -----------------------------------


def _three_patches(impl: ModuleType, n: int, autospec: bool | None) -> Run:
    """The ``setUp`` of ``_setup_like`` with the patches' ``autospec`` left to
    the caller (None: not given)."""
    patch = impl.patch
    f, c, p = f"{TARGETS}.fetch", f"{TARGETS}.Client", f"{TARGETS}.parse"
    mod = targets
    kw = {} if autospec is None else {"autospec": autospec}

    def run() -> None:
        for _ in range(n):
            with patch(f, **kw), patch(c, **kw), patch(p, **kw):
                mod.fetch("https://example.invalid")
                mod.Client("db.example.invalid")
                mod.parse("{}")

    return run


@op("setUp: 3 patches")
def _setup_plain(impl: ModuleType, n: int) -> Run:
    return _three_patches(impl, n, None)


@op("setUp: 3 patches, strict mode")
def _setup_strict(impl: ModuleType, n: int) -> Run:
    # The same patches with strict mode on, which autospecs them and checks each
    # mock for unused configuration at exit. An implementation without strict
    # mode (the stdlib) gets the same safety the only way it can: autospec=True.
    configure = getattr(impl, "configure", None)
    plain = _three_patches(impl, n, None if configure else True)
    if configure is None:
        return plain

    def run() -> None:
        previous = configure(strict=True)
        try:
            plain()
        finally:
            configure(**previous._asdict())

    return run


# -- memory ---------------------------------------------------------------------------

#: Name and target (impl bytes / baseline bytes) of the memory figure.
MEMORY_NAME = "MagicMock() memory"
MEMORY_TARGET = 1 / 5
MEMORY_INSTANCES = 200


def magicmock_bytes(impl: ModuleType, count: int) -> float:
    """Bytes one fresh ``MagicMock()`` keeps alive, class included, averaged over
    ``count`` live instances.

    Every mock has a class of its own, in both libraries; turbomock takes them from
    a pool made ahead of time. So the mocks measured are of a ``MagicMock`` subclass
    made just for this: its pool starts empty, and every class its mocks hold, with
    the idle ones the pool made alongside, is counted.
    """
    warm = [impl.MagicMock() for _ in range(10)]  # shared caches are not per-mock cost

    class Measured(impl.MagicMock):  # type: ignore[name-defined,misc]
        pass

    keep: list[object] = [None] * count  # allocated before tracing starts
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            keep[i] = Measured()
        gc.collect()  # garbage made while building them is not "held"
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del warm, keep
    return (after - before) / count


# -- import cost (appended last: one fresh interpreter per iteration) -----------------------


class Elapsed(int):
    """Nanoseconds an op measured itself; the harness times such a batch by this value,
    not by its own clock (a fresh interpreter's start-up is not the op)."""


#: Runs in the fresh interpreter: the time ``import <module>`` adds to a bare start.
_IMPORT_PROBE = (
    "import time; t = time.perf_counter_ns(); import {module}; "
    "print(time.perf_counter_ns() - t)"
)


def _import_ns(module: str) -> int:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("TURBOMOCK")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with bytecode cached, as installed
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE.format(module=module)],
        env=env,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return int(out)


@op("import (fresh interpreter)", 4)
def _import(impl: ModuleType, n: int) -> Run:
    module = impl.__name__
    _import_ns(module)  # untimed: writes the bytecode cache, warms the file system

    def run() -> Elapsed:
        return Elapsed(sum(_import_ns(module) for _ in range(n)))

    return run
