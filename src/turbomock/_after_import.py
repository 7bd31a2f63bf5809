"""Run code right after a named module has executed, whenever it is imported later.

Two things need this and nothing else gives it exactly: the stdlib's
``unittest.mock`` adopting turbomock's sentinels the moment it is first imported
(``_sentinels``), and the ``unittest`` package getting its ``mock`` attribute when
it is imported after the switch put turbomock in ``sys.modules`` (``_switch``).
A finder at the front of ``sys.meta_path`` answers only for the names registered,
finds the real spec through the finders behind it, and has the loader run the
callbacks after ``exec_module``; the module keeps its real loader and spec.
"""

from __future__ import annotations

import sys
from types import ModuleType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Callable

    Callback = Callable[[ModuleType], None]

__all__ = ["after_import", "cancel"]


class _Loader:
    """The real loader, plus the callbacks to run once the module has executed."""

    def __init__(self, real: Any, callbacks: list[Callback]) -> None:
        self.real = real
        self.callbacks = callbacks

    def __getattr__(self, name: str) -> Any:
        # get_source, get_filename, is_package ...: whoever asks gets the real loader's.
        return getattr(self.real, name)

    def create_module(self, spec: Any) -> ModuleType | None:
        create = getattr(self.real, "create_module", None)
        return None if create is None else create(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.real.exec_module(module)
        # The module is the real loader's work: make it say so, as if we were not here.
        module.__loader__ = self.real
        spec = getattr(module, "__spec__", None)
        if spec is not None:
            spec.loader = self.real
        for callback in list(self.callbacks):
            callback(module)


class _Finder:
    """A meta path finder that answers only for the registered names."""

    def __init__(self) -> None:
        self.callbacks: dict[str, list[Callback]] = {}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> Any:
        callbacks = self.callbacks.get(fullname)
        if not callbacks:
            return None
        for finder in list(sys.meta_path):
            if finder is self:
                continue
            find_spec = getattr(finder, "find_spec", None)
            if find_spec is None:
                continue
            spec = find_spec(fullname, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _Loader(spec.loader, callbacks)
            return spec
        return None


_finder = _Finder()


def after_import(name: str, callback: Callback) -> None:
    """Call ``callback(module)`` each time module ``name`` executes from now on."""
    _finder.callbacks.setdefault(name, []).append(callback)
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def cancel(name: str, callback: Callback) -> None:
    """Undo ``after_import(name, callback)``; the finder leaves when nothing is left."""
    callbacks = _finder.callbacks.get(name, [])
    if callback in callbacks:
        callbacks.remove(callback)
    if not callbacks:
        _finder.callbacks.pop(name, None)
    if not _finder.callbacks and _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
