"""The optional native core, or None: where turbomock decides which to use.

``turbomock._speedups`` is compiled at install time when a C compiler is at hand
(``setup.py``; a failed build only leaves it out). It covers hot paths only, and
the pure-Python code it stands in for passes the same tests: set
``TURBOMOCK_PURE_PYTHON=1`` to run without it.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

__all__ = ["NATIVE"]


def _load() -> ModuleType | None:
    if os.environ.get("TURBOMOCK_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module("turbomock._speedups")
    except ImportError:
        return None


NATIVE: ModuleType | None = _load()
