"""A deadline for each operation and observation, so a hang is an outcome, not a stuck run.

While ``alarm_handler()`` is active (main thread, POSIX), ``timed(fn)`` runs ``fn``
with a real-time alarm set to ``DEADLINE`` seconds, repeating until ``fn`` returns; the
alarm raises ``Hang`` while ``fn`` runs. Elsewhere ``timed`` just runs ``fn``.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

#: Seconds an operation or an observation may take before it counts as hung.
DEADLINE = 1.0

#: Seconds between repeated alarms once the deadline has passed: code that swallows an
#: exception (a weakref callback, a ``__del__``) must not swallow the deadline.
REPEAT = 0.05

T = TypeVar("T")
_active = False
_armed = False


class Hang(BaseException):
    """An operation or observation ran past the deadline."""


def _on_alarm(signum: int, frame: Any) -> None:
    if _armed:
        raise Hang


@contextmanager
def alarm_handler() -> Iterator[None]:
    """Make ``timed`` arm the alarm (a no-op where alarms can't be used)."""
    global _active
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or _active:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _active = True
    try:
        yield
    finally:
        _active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(run: Callable[[], T]) -> T:
    """``run()``, raising ``Hang`` if it takes longer than the deadline."""
    global _armed
    if not _active or _armed:
        return run()
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, DEADLINE, REPEAT)
    try:
        return run()
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
