"""The optional native core, or None: where turbomock decides which to use.

``turbomock._speedups`` is compiled at install time when a C compiler is at hand
(``setup.py``; a failed build only leaves it out). It covers hot paths only, and
the pure-Python code it stands in for passes the same tests: set
``TURBOMOCK_PURE_PYTHON=1`` to run without it.

A build without a compiler succeeds quietly (pip shows why only under ``-v``), so
``native_status()`` says, for the places a user looks (``python -m turbomock info``,
the bench and pytest headers), whether the core is in use and, if not, why. This is
the one place that decides it; the wording is in ``_messages``.
"""

from __future__ import annotations

import os
from types import ModuleType

from turbomock import _messages as msg
from turbomock._record import Record

__all__ = ["NATIVE", "NativeStatus", "native_status"]

_ENV = "TURBOMOCK_PURE_PYTHON"


class NativeStatus(Record):
    """Whether the native core is in use, and a one-line reason a user can act on."""

    __slots__ = ()
    _fields = ("active", "reason")

    def __new__(cls, active: bool, reason: str) -> NativeStatus:
        return cls._make((active, reason))

    active: bool
    reason: str

    def __str__(self) -> str:
        return msg.native_core(self.active, self.reason)


def _load() -> tuple[ModuleType | None, NativeStatus]:
    if os.environ.get(_ENV, "") not in ("", "0"):
        return None, NativeStatus(False, msg.native_forced_off(_ENV, os.environ[_ENV]))
    try:
        import turbomock._speedups as module  # type: ignore[import-not-found]  # (no stub)
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name == "turbomock._speedups":
            reason = msg.native_not_built()
        else:  # built, but for another Python, or broken
            reason = msg.native_failed(exc)
        return None, NativeStatus(False, reason)
    return module, NativeStatus(True, f"turbomock._speedups from {module.__file__}")


NATIVE: ModuleType | None
_STATUS: NativeStatus
NATIVE, _STATUS = _load()


def native_status() -> NativeStatus:
    """Whether turbomock runs with its native core in this process, and why (not)."""
    return _STATUS
