"""Where to patch: the ``from x import y`` mistake, found after the fact.

``patch('app.http.fetch')`` replaces one name; a module that did
``from app.http import fetch`` still holds the original under its own name and
calls that. When a mock that ``patch`` put in place was never called, the
explanation looks for those other names: every loaded module's globals are
searched for the object the patch replaced. The patch itself is found among the
live patchers (the one whose target now holds the mock), so nothing is recorded
while patches start and stop.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from types import ModuleType

from turbomock import _explain_text as text
from turbomock._attributes import extract_mock as _extract_mock
from turbomock._mock import _is_instance_mock
from turbomock._patch import _patch
from turbomock._sentinels import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["holders", "never_called_hint", "patched_name"]

#: Other names listed at most.
MAX_HOLDERS = 5
#: Values Python shares between unrelated names: holding one says nothing.
_SHARED_VALUES = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    tuple,
    frozenset,
    range,
    type(Ellipsis),
    type(NotImplemented),
)


def never_called_hint(mock: Any, noun: str) -> list[str]:
    """The ``patch 'app.client.fetch'`` hint for a never-called mock, or nothing."""
    root = _patched_root(mock)
    if root is None:
        return []
    found = _active_patch_of(root)
    if found is None:
        return []
    target, attribute, original = found
    others = holders(original, target, attribute)
    if not others:
        return []
    return text.patched_elsewhere(patched_name(target, attribute), others, noun)


def _patched_root(mock: Any) -> Any:
    """The top of ``mock``'s tree, if nothing in that tree was ever called."""
    node = mock
    while True:
        parent = node._mock_state.new_parent
        if parent is None or not _is_instance_mock(parent):
            break
        node = parent
    if node.call_count or node.mock_calls:
        return None
    return node


def _patchers() -> Iterator[Any]:
    """Every patcher alive: started ones first, then the rest (context managers
    and decorators) from the garbage collector's view of the heap."""
    yield from list(_patch._active_patches)
    for obj in gc.get_objects():
        # type(), not isinstance(): isinstance may ask an object's __class__, which
        # for mocks and lazy proxies runs code.
        if issubclass(type(obj), _patch):
            yield obj


def _active_patch_of(mock: Any) -> tuple[Any, str, Any] | None:
    """``(target, attribute, original)`` of the active patch that put ``mock`` in place."""
    for patcher in _patchers():
        state = getattr(patcher, "_state", None)
        if state is None:
            continue
        target, original = state[0], state[1]
        attribute = patcher.attribute
        try:
            current = getattr(target, attribute)
        except Exception:
            continue
        if current is mock or _extract_mock(current) is mock:
            if original is DEFAULT:
                return None  # created by the patch: nothing else can hold it
            return target, attribute, original
    return None


def patched_name(target: Any, attribute: str) -> str:
    """The dotted name a patch replaced: ``app.http.fetch``, ``app.http.Client.get``."""
    if isinstance(target, ModuleType):
        return f"{target.__name__}.{attribute}"
    if isinstance(target, type):
        return f"{target.__module__}.{target.__qualname__}.{attribute}"
    return f"{type(target).__name__} instance .{attribute}"


def holders(original: Any, target: Any, attribute: str) -> list[str]:
    """``module.name`` of every module global that is ``original``, sorted, at most
    ``MAX_HOLDERS``: not the patched one, and not the original's own home (where a
    function or class was defined), since patching where a name is imported, not
    where it is defined, is the right thing, not the mistake."""
    if isinstance(original, _SHARED_VALUES):
        return []  # small ints, interned strings...: equal values are one object
    home = _home(original)
    found = set()
    for name, module in list(sys.modules.items()):
        if not issubclass(type(module), ModuleType):
            continue  # something else registered as a module: leave it alone
        for key, value in list(module.__dict__.items()):
            if value is original and not (module is target and key == attribute):
                found.add(f"{getattr(module, '__name__', name)}.{key}")
    found.discard(home)
    return sorted(found)[:MAX_HOLDERS]


def _home(original: Any) -> str:
    """``module.qualname`` where a function or class was defined ("" for others)."""
    module = getattr(original, "__module__", None)
    qualname = getattr(original, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str):
        return f"{module}.{qualname}"
    return ""
