"""Registries about a user's mock class, held by that class, so that they die with it.

turbomock keeps, per mock class, pools of pristine classes for its mocks
(``_mock_type.pool_for``) and which pool a plain ``cls()`` takes
(``_construct.new_mock``); per metaclass, the leaves' metaclass. For turbomock's own
classes, which live as long as the process, module-level dicts hold them. A user's
``class MyMock(Mock)`` may be defined inside a test, though: a pool's classes derive
from it, so a module-level dict would keep the class, its pools and their classes
alive to the end of the process, where the stdlib frees a dead mock's class, and its
base with it. A user's class therefore keeps these entries itself, in a dict held in
its type object (``class_holder`` in ``_speedups.c``: the ``tp_cache`` slot, which
CPython no longer uses but still traverses and releases), so the garbage collector
frees class, pools and leaves together.

Without the native core there is no such place: a module-level dict holds them, and
such a class lives as long as the process (README, ``[KD-idle-classes]``).
"""

from __future__ import annotations

from turbomock._native import NATIVE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = ["OWN_CLASSES", "holder_of", "own_classes"]

#: turbomock's own mock classes (and mixins): module globals, never freed, whose
#: entries live in module-level dicts, the fastest to read.
OWN_CLASSES: set[type] = set()


def own_classes(*classes: type) -> None:
    """Declare turbomock's own classes (each module, for those it defines)."""
    OWN_CLASSES.update(classes)


#: Without the native core: every class's entries, for good.
_held: dict[type, dict[Any, Any]] = {}


def _held_here(cls: type) -> dict[Any, Any]:
    found = _held.get(cls)
    if found is None:
        found = _held.setdefault(cls, {})
    return found


#: ``holder_of(cls)``: the dict of ``cls``'s entries (made on first use). ``cls``
#: must be a class defined in Python (a mock class or a metaclass: always so).
holder_of: Callable[[type], dict[Any, Any]] = getattr(NATIVE, "class_holder", None) or _held_here
