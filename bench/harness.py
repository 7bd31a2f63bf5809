"""Time every op on two implementations in one process, and report the ratios.

Fairness comes from doing the same thing to both sides: the same op code, batches
calibrated to the same wall time, rounds that interleave the two (and alternate which
goes first, so neither always runs on a cache the other warmed), the garbage collector
run before every batch and left on during it, as test suites run (mocks make reference
cycles, so collecting them is part of what they cost), and the median of the rounds,
which shrugs off the odd slow batch. An op that raises on one side is reported
as an error for that side; the run goes on.
"""

from __future__ import annotations

import gc
import importlib
import json
import math
import platform
import signal
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType, ModuleType
from typing import Any, TextIO

from . import ops, targets
from .ops import Op, Setup

ROUNDS = 20
QUICK_ROUNDS = 3
#: A calibrated batch runs for at least this long (and aims at twice it).
MIN_BATCH_NS = 5_000_000
QUICK_MIN_BATCH_NS = 1_000_000
MAX_ITERATIONS = 10_000_000
#: A batch lasts milliseconds; one still running after this long is taken to hang.
BATCH_TIMEOUT_S = 30.0


@dataclass
class Side:
    """One implementation's figures for one op."""

    module: str
    iterations: int = 0
    samples: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        if self.error is not None or not self.samples:
            return None
        return statistics.median(self.samples)


@dataclass
class Result:
    """An op measured on the baseline and on the implementation under test."""

    name: str
    target: float | None
    base: Side
    impl: Side
    unit: str = "ns"
    na: str | None = None

    @property
    def ratio(self) -> float | None:
        base, impl = self.base.median, self.impl.median
        if base is None or impl is None or base <= 0:
            return None
        return impl / base

    @property
    def met(self) -> bool | None:
        ratio = self.ratio
        if ratio is None or self.target is None:
            return None
        return ratio <= self.target

    @property
    def status(self) -> str:
        if self.na is not None:
            return "n/a"
        if self.base.error is not None or self.impl.error is not None:
            return "error"
        if self.target is None:
            return "no target"
        return "met" if self.met else "not met"

    def as_json(self) -> dict[str, Any]:
        unit = self.unit
        return {
            "unit": unit,
            f"baseline_{unit}": self.base.median,
            f"impl_{unit}": self.impl.median,
            "ratio": self.ratio,
            "target": self.target,
            "met": self.met,
            "status": self.status,
            "iterations": {"baseline": self.base.iterations, "impl": self.impl.iterations},
            "errors": {"baseline": self.base.error, "impl": self.impl.error},
            f"samples_{unit}": {"baseline": self.base.samples, "impl": self.impl.samples},
            "na": self.na,
        }


def describe(exc: BaseException) -> str:
    """One line naming an exception, for the table and the JSON."""
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0] if text else type(exc).__name__


class BatchTimeout(Exception):
    """A batch ran far past its calibrated length: the op hangs on that implementation."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (where SIGALRM exists), so a hang is an error."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BatchTimeout(f"a batch ran for over {seconds:g} s; the op seems to hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def native_core(module: ModuleType) -> Any:
    """turbomock's ``native_status()``: whether its optional native core runs and
    why (None: not turbomock), so figures for ops it covers read for what they are."""
    if module.__name__.partition(".")[0] != "turbomock":
        return None
    return importlib.import_module("turbomock._native").native_status()


def time_batch(setup: Setup, module: ModuleType, n: int) -> int:
    """Nanoseconds ``n`` iterations take, setup excluded, with the garbage collector
    on (and run just before, so each batch starts from the same place)."""
    with time_limit(BATCH_TIMEOUT_S):
        run = setup(module, n)
        gc.collect()
        start = time.perf_counter_ns()
        measured = run()
        elapsed = time.perf_counter_ns() - start
        # An op that times itself (a fresh interpreter's import) says so.
        return measured if isinstance(measured, ops.Elapsed) else elapsed


def calibrate(setup: Setup, module: ModuleType, min_ns: int) -> int:
    """The iteration count that makes one batch take between ``min_ns`` and ~4x that."""
    n = 1
    while True:
        elapsed = time_batch(setup, module, n)
        if elapsed >= min_ns or n >= MAX_ITERATIONS:
            return n
        # Aim at twice the minimum, growing at least 2x and at most 100x per step.
        wanted = int(n * 2 * min_ns / max(elapsed, 1))
        n = min(MAX_ITERATIONS, max(2 * n, min(100 * n, wanted)))


def measure(op: Op, base: ModuleType, impl: ModuleType, rounds: int, min_ns: int) -> Result:
    """Calibrate each side on its own, then time them in interleaved rounds."""
    result = Result(op.name, op.target, Side(base.__name__), Side(impl.__name__))
    missing = [name for name in op.needs if not hasattr(base, name)]
    if missing:
        result.na = f"{base.__name__} has no {', '.join(missing)}"
        return result
    sides = [(result.base, base), (result.impl, impl)]
    for side, module in sides:
        try:
            side.iterations = calibrate(op.setup, module, min_ns)
        except Exception as exc:
            fail(side, exc)
    for r in range(rounds):
        for side, module in sides if r % 2 == 0 else sides[::-1]:
            if side.error is not None:
                continue
            try:
                elapsed = time_batch(op.setup, module, side.iterations)
            except Exception as exc:
                fail(side, exc)
                continue
            side.samples.append(elapsed / side.iterations)
    return result


def fail(side: Side, exc: Exception) -> None:
    """Record an op's failure on one side and undo any patch it may have left in place."""
    side.error = describe(exc)
    targets.restore()


def measure_memory(base: ModuleType, impl: ModuleType) -> Result:
    """Bytes held per fresh ``MagicMock()`` on each side (tracemalloc, not timing)."""
    result = Result(
        ops.MEMORY_NAME,
        ops.MEMORY_TARGET,
        Side(base.__name__),
        Side(impl.__name__),
        unit="bytes",
    )
    for side, module in ((result.base, base), (result.impl, impl)):
        side.iterations = ops.MEMORY_INSTANCES
        try:
            side.samples.append(ops.magicmock_bytes(module, ops.MEMORY_INSTANCES))
        except Exception as exc:
            side.error = describe(exc)
    return result


def select(names: list[str], patterns: list[str]) -> list[str]:
    """Names chosen by ``-k``: an exact name picks just that op, else a substring matches."""
    if not patterns:
        return list(names)
    chosen: set[str] = set()
    for pattern in patterns:
        needle = pattern.lower()
        exact = [name for name in names if name.lower() == needle]
        chosen.update(exact or [name for name in names if needle in name.lower()])
    return [name for name in names if name in chosen]


def geomean(values: list[float]) -> float | None:
    """The geometric mean, the fair average of ratios; None for no values."""
    if not values:
        return None
    return math.exp(statistics.fmean(math.log(v) for v in values))


class Table:
    """The aligned report, printed a row at a time so a long run shows progress."""

    def __init__(self, out: TextIO, base: str, impl: str, names: list[str]) -> None:
        self.out = out
        encoding = getattr(out, "encoding", None) or "ascii"
        try:
            "µ✓✗≤×".encode(encoding)
            self.us, self.yes, self.no, self.le, self.times = "µs", "✓", "✗", "≤", "×"
        except (UnicodeEncodeError, LookupError):
            self.us, self.yes, self.no, self.le, self.times = "us", "ok", "X", "<=", "x"
        self.name_width = max([len("op"), *map(len, names)])
        base_label = "stdlib" if base == "unittest.mock" else base
        self.headers = [f"{base_label} {self.us}", f"{impl} {self.us}", "ratio", "target"]
        self.widths = [max(12, len(h)) for h in self.headers]
        self.widths[2], self.widths[3] = 12, 9
        self.notes: list[str] = []

    def line(self, name: str, cells: list[str], status: str) -> str:
        parts = [name.ljust(self.name_width)]
        parts += [cell.rjust(width) for cell, width in zip(cells, self.widths)]
        text = "  ".join([*parts, status]).rstrip()
        self.out.write(text + "\n")
        self.out.flush()
        return text

    def header(self) -> None:
        width = len(self.line("op", self.headers, ""))
        self.out.write("-" * (width + 7) + "\n")

    def row(self, result: Result) -> None:
        cells = [self._value(result, result.base), self._value(result, result.impl)]
        cells.append("" if result.ratio is None else fraction(result.ratio, times=self.times))
        cells.append("" if result.target is None else self.le + fraction(result.target, 0))
        status = {
            "met": self.yes,
            "not met": self.no,
            "no target": "",
            "error": "error",
            "n/a": "n/a",
        }[result.status]
        self.line(result.name, cells, status)
        if result.na is not None:
            self.notes.append(f"{result.name}: n/a, {result.na}")
        for side in (result.base, result.impl):
            if side.error is not None:
                self.notes.append(f"{result.name}: {side.module} raised {side.error}")

    def _value(self, result: Result, side: Side) -> str:
        if result.na is not None:
            return "n/a"
        if side.error is not None:
            return "error"
        value = side.median
        if value is None:
            return ""
        if result.unit == "bytes":
            return f"{value:,.0f} B"
        us = value / 1000
        return f"{us:.3f}" if us < 10 else f"{us:.2f}" if us < 100 else f"{us:,.1f}"


def fraction(ratio: float, digits: int | None = None, times: str = "×") -> str:
    """A ratio as ``1/x`` (x times faster), the way the targets are written; one
    above 1 as ``1.4× slower``, since ``1/0.71`` hides which side won."""
    if ratio <= 0:
        return "0"
    if ratio > 1:
        return f"{ratio:.{2 if ratio < 10 else 1}f}{times} slower"
    x = 1 / ratio
    if digits is None:
        digits = 2 if x < 10 else 1
    return f"1/{x:.{digits}f}"


class Progress:
    """``[k/N, 12.3 s] op`` on stderr as each op starts, so a long run is seen to move;
    on a terminal the line is rewritten in place and cleared at the end."""

    def __init__(self, err: TextIO, total: int) -> None:
        self.err = err
        self.total = total
        self.start = time.perf_counter()
        self.tty = bool(getattr(err, "isatty", lambda: False)())
        self.width = 0

    def step(self, done: int, name: str) -> None:
        elapsed = time.perf_counter() - self.start
        text = f"[{done}/{self.total}, {elapsed:.1f} s] {name}"
        if self.tty:
            self.err.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.err.write(text + "\n")
        self.err.flush()

    def finish(self) -> float:
        """Clear the terminal line; the elapsed seconds."""
        elapsed = time.perf_counter() - self.start
        if self.tty:
            self.err.write("\r" + " " * self.width + "\r")
            self.err.flush()
        return elapsed


def load(name: str) -> ModuleType:
    """Import an implementation by module name (``turbomock``, ``unittest.mock``, ...)."""
    return importlib.import_module(name)


def run(
    *,
    impl: str = "turbomock",
    baseline: str = "unittest.mock",
    rounds: int | None = None,
    quick: bool = False,
    patterns: list[str] | None = None,
    json_path: str | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the suite; 0 when it ran, 1 when the baseline itself failed an op, 2 on misuse."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    modules: dict[str, ModuleType] = {}
    for role, name in (("baseline", baseline), ("implementation", impl)):
        try:
            modules[name] = load(name)
        except Exception as exc:
            err.write(f"turbomock bench: cannot import the {role} {name!r}: {describe(exc)}\n")
            return 2
    base_mod, impl_mod = modules[baseline], modules[impl]
    if rounds is None:
        rounds = QUICK_ROUNDS if quick else ROUNDS
    if rounds < 1:
        err.write("turbomock bench: --rounds must be at least 1\n")
        return 2
    min_ns = QUICK_MIN_BATCH_NS if quick else MIN_BATCH_NS
    by_name = {o.name: o for o in ops.OPS}
    names = select([*by_name, ops.MEMORY_NAME], patterns or [])
    if not names:
        err.write(f"turbomock bench: no operation matches -k {' -k '.join(patterns or [])}\n")
        return 2

    python = f"{platform.python_implementation()} {platform.python_version()}"
    out.write(
        f"turbomock bench: {impl} vs {baseline}, {python} on {platform.machine()}, "
        f"{rounds} round{'s' if rounds != 1 else ''}, median time per operation\n"
    )
    native = native_core(impl_mod)
    if native is not None:
        out.write(f"native core: {native}\n")
    out.write("\n")
    progress = Progress(err, len(names))
    table = Table(out, baseline, impl, names)
    table.header()
    results: list[Result] = []
    # One untimed pass of the first op: the first figures of a fresh process were
    # seen to come out several times too slow (caches, CPU clock still ramping up).
    first = next((by_name[n] for n in names if n in by_name), None)
    if first is not None:
        measure(first, base_mod, impl_mod, 1, min_ns)
    for done, name in enumerate(names, 1):
        progress.step(done, name)
        if name == ops.MEMORY_NAME:
            result = measure_memory(base_mod, impl_mod)
        else:
            result = measure(by_name[name], base_mod, impl_mod, rounds, min_ns)
        results.append(result)
        table.row(result)

    elapsed = progress.finish()
    timed = [r.ratio for r in results if r.unit == "ns" and r.ratio is not None]
    mean = geomean([ratio for ratio in timed if ratio > 0])
    with_target = [r for r in results if r.target is not None and r.status in ("met", "not met")]
    met = sum(1 for r in with_target if r.met)
    out.write("\n")
    for note in table.notes:
        out.write(f"  {note}\n")
    if table.notes:
        out.write("\n")
    shown = "n/a" if mean is None else fraction(mean)
    out.write(f"geometric mean of {len(timed)} time ratios ({impl}/{baseline}): {shown}\n")
    out.write(f"targets met: {met} of {len(with_target)} measured (reported, not enforced)\n")
    out.write(f"python: {sys.version.split()[0]} ({python})\n")
    out.write(f"ran {len(names)} operation{'s' if len(names) != 1 else ''} in {elapsed:.1f} s\n")

    if json_path is not None:
        report = {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "impl": impl,
            "baseline": baseline,
            "rounds": rounds,
            "quick": quick,
            "native_core": None if native is None else native.active,
            "native_core_reason": None if native is None else native.reason,
            "seconds": round(elapsed, 1),
            "ops": {r.name: r.as_json() for r in results if r.unit == "ns"},
            "memory": {r.name: r.as_json() for r in results if r.unit == "bytes"},
            "geomean": mean,
            "geomean_ops": len(timed),
            "targets_met": met,
            "targets_measured": len(with_target),
        }
        with open(json_path, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
        out.write(f"figures written to {json_path}\n")
    return 1 if any(r.base.error is not None for r in results) else 0
