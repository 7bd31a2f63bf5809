"""``patch.dict``: set keys of a mapping for a while, then put every key back.

Restoring is "clear, then refill from a snapshot", as in the stdlib, so whatever
the code under test did to the mapping is undone too. For a plain ``dict`` the
snapshot, clear and refill are single C calls made straight from ``__enter__`` and
``__exit__`` (and from ``_patch_dict``/``_unpatch_dict``, the decorators' path),
with ``|=`` for ``update``; a dotted name or any other mapping takes the general
path, with the stdlib's fallbacks when a method is missing (no
``copy``/``update``/``clear``: iterate, set or delete each item).
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable, Literal, TypeVar

from turbomock._compat import PY310
from turbomock._patch_target import _importer

__all__ = ["_clear_dict", "_patch_dict"]

_F = TypeVar("_F", bound=Callable[..., Any])


#: ``turbomock._patch`` fills these in when it imports this module (an import cycle
#: otherwise): the ``_patch`` class, whose ``_active_patches`` list ``start()`` joins
#: so that ``patch.stopall()`` stops dict patches too, and the ``patch`` function,
#: whose ``TEST_PREFIX`` names the methods a class decorator wraps.
_patch_class: Any = None
_patch_function: Any = None


class _patch_dict:
    """Patch a dictionary, or dictionary-like object, and restore it afterwards.

    ``in_dict`` is the mapping or its dotted name (imported on first use);
    ``values`` a mapping or pairs, plus ``**kwargs``; ``clear=True`` empties the
    mapping before setting them. Works as decorator, class decorator, context
    manager (returning the mapping) and with ``start()``/``stop()``.
    """

    __slots__ = ("in_dict", "values", "clear", "_original", "__dict__", "__weakref__")

    def __init__(self, in_dict: Any, values: Any = (), clear: bool = False, **kwargs: Any):
        self.in_dict = in_dict
        if type(values) is dict and not kwargs:
            # The usual call: ``dict.copy`` is a method call, ``dict(values)`` a type call.
            self.values = values.copy()
        else:
            values = dict(values)
            values.update(kwargs)
            self.values = values
        self.clear = clear
        self._original: Any = None

    def __call__(self, f: _F) -> _F:
        if isinstance(f, type):
            return self.decorate_class(f)  # type: ignore[return-value]
        if PY310:
            import inspect

            if inspect.iscoroutinefunction(f):
                return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f: _F) -> _F:
        @wraps(f)
        def _inner(*args: Any, **kw: Any) -> Any:
            __tracebackhide__ = True  # pytest shows the test's frames, not this wrapper
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()

        return _inner  # type: ignore[return-value]

    def decorate_async_callable(self, f: _F) -> _F:
        @wraps(f)
        async def _inner(*args: Any, **kw: Any) -> Any:
            __tracebackhide__ = True
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()

        return _inner  # type: ignore[return-value]

    def decorate_class(self, klass: type) -> type:
        """Wrap each ``patch.TEST_PREFIX`` method with its own copy of this patch."""
        prefix = _patch_function.TEST_PREFIX
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            if attr.startswith(prefix) and hasattr(attr_value, "__call__"):  # noqa: B004 - stdlib parity
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, decorator(attr_value))
        return klass

    def __enter__(self) -> Any:
        """Patch the dict."""
        in_dict = self.in_dict
        if type(in_dict) is dict:
            # _patch_dict() for the common case, inlined: one call less per patch.
            self._original = in_dict.copy()
            if self.clear:
                in_dict.clear()
            # ``|=`` is dict.update() for one argument, reached through the number
            # slot: no method lookup and no argument tuple.
            in_dict |= self.values
            return in_dict
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self) -> None:
        in_dict = self.in_dict
        if type(in_dict) is dict:
            # As in __enter__ (which inlines this): the decorators' path.
            self._original = in_dict.copy()
            if self.clear:
                in_dict.clear()
            in_dict |= self.values
            return
        if isinstance(in_dict, str):
            in_dict = self.in_dict = _importer(in_dict)
        try:
            original = in_dict.copy()
        except AttributeError:
            # A mapping with no ``copy``: it must at least iterate over its keys.
            original = {}
            for key in in_dict:
                original[key] = in_dict[key]
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        values = self.values
        try:
            in_dict.update(values)
        except AttributeError:
            for key in values:
                in_dict[key] = values[key]

    def _unpatch_dict(self) -> None:
        in_dict = self.in_dict
        original = self._original
        if type(in_dict) is dict:
            in_dict.clear()
            in_dict |= original
            return
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(
        self, exc_type: Any = None, exc_value: Any = None, traceback: Any = None, /, *args: Any
    ) -> Literal[False]:
        """Unpatch the dict."""
        original = self._original
        if original is not None:
            in_dict = self.in_dict
            if type(in_dict) is dict:
                in_dict.clear()
                in_dict |= original
            else:
                self._unpatch_dict()
        return False

    def start(self) -> Any:
        """Activate the patch, returning the patched mapping."""
        result = self.__enter__()
        _patch_class._active_patches.append(self)
        return result

    def stop(self) -> Any:
        """Undo the patch; None if it was not started."""
        try:
            _patch_class._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _clear_dict(in_dict: Any) -> None:
    """Empty a mapping, key by key if it has no ``clear``."""
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]
