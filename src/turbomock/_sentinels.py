"""Sentinels, ``DEFAULT`` and ``ANY``: values compared by identity or not at all."""

from __future__ import annotations

import sys
from typing import Any


class _SentinelObject:
    """A unique named object; copying or pickling it gives the same object back."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "sentinel." + self.name

    def __reduce__(self) -> str:
        # A string result makes pickle store a reference to a global, so the
        # unpickled value *is* the original sentinel.
        return "sentinel." + self.name

    def __copy__(self) -> _SentinelObject:
        return self

    def __deepcopy__(self, memo: Any) -> _SentinelObject:
        return self


class _Sentinel:
    """Hands out one ``_SentinelObject`` per attribute name, created on first use."""

    def __init__(self) -> None:
        self._sentinels: dict[str, _SentinelObject] = {}

    def __getattr__(self, name: str) -> _SentinelObject:
        if name == "__bases__":
            # Keeps ``inspect`` and ``copy`` from mistaking this for a class.
            raise AttributeError(name)
        sentinels = self._sentinels
        try:
            return sentinels[name]
        except KeyError:
            return sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self) -> str:
        return "sentinel"


def _shared_sentinel() -> Any:
    """The stdlib's ``sentinel``, unless turbomock stands in for ``unittest.mock``.

    Sharing it makes ``turbomock.DEFAULT is unittest.mock.DEFAULT``: pytest tells
    the arguments ``@patch`` injects from fixtures by comparing ``new`` with
    ``unittest.mock.DEFAULT``, and code mixing both libraries keeps working.
    """
    stdlib = sys.modules.get("unittest.mock")
    if stdlib is None:
        import unittest.mock as stdlib
    if getattr(stdlib, "__name__", None) != "unittest.mock":
        return None  # it is turbomock itself, installed in its place
    return getattr(stdlib, "sentinel", None)


sentinel: Any = _shared_sentinel() or _Sentinel()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY:
    """Equal to everything: a wildcard inside expected calls."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "<ANY>"


ANY: Any = _ANY()
