"""Caches keyed by a class or function that never keep it alive.

The stdlib keeps nothing about a spec once its mocks are gone, so neither may
turbomock: a class a test defines and mocks must die with the test (its base's
``__subclasses__()``, weak references to it and memory all show it). A plain dict
keyed by the class would hold it forever, and a ``WeakKeyDictionary`` holds it too
when the value refers to the class (a ``Spec`` does), besides making a weak
reference at every lookup. Here an entry is found by ``id()`` and checked by
identity through a weak reference to its key, which removes it when the key dies.
"""

from __future__ import annotations

from _weakref import ref  # (weakref's C half: docs/design.md, "What the import loads")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _FiledRef(ref):  # type: ignore[type-arg]
    """A weak reference that knows the ``id`` its entry is filed under, for the
    callback that drops the entry."""

    __slots__ = ("key",)
    key: int


def _filed(obj: Any, callback: Any, key: int) -> _FiledRef:
    filed = _FiledRef(obj, callback)
    filed.key = key
    return filed


class IdentityCache:
    """``{key: value}`` by identity. The key is held weakly, so the value must not
    refer to it (else the key is immortal); with ``weak_values`` the value is held
    weakly too, and the entry also goes when nothing else holds the value: for a
    value that must refer to its key."""

    __slots__ = ("_entries", "_weak_values", "_drop", "get")

    def __init__(self, weak_values: bool = False) -> None:
        #: id(key) -> (weak reference to the key, the value or a weak reference to it)
        entries: dict[int, tuple[Any, Any]] = {}
        self._entries = entries
        self._weak_values = weak_values

        def drop(ref: Any) -> None:
            # (A newer entry under a reused id has other references: left alone.)
            entry = entries.get(ref.key)
            if entry is not None and (entry[0] is ref or entry[1] is ref):
                entries.pop(ref.key, None)

        self._drop = drop
        # ``get`` is a closure over the table (no attribute lookups per call: spec
        # lookups take it several times per mock made).
        find = entries.get

        def get(key: Any) -> Any:
            """The value cached for ``key``, or None."""
            entry = find(id(key))
            if entry is None or entry[0]() is not key:
                return None
            return entry[1]() if weak_values else entry[1]

        self.get = get

    def put(self, key: Any, value: Any) -> None:
        """Cache ``value`` for ``key`` (a key that can't be weakly referenced is
        not cached)."""
        try:
            key_ref = _filed(key, self._drop, id(key))
        except TypeError:
            return
        held = _filed(value, self._drop, id(key)) if self._weak_values else value
        self._entries[id(key)] = (key_ref, held)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
