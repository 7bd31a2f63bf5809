"""``patch.dict``: set keys of a mapping for a while, then put every key back.

Restoring is "clear, then refill from a snapshot", as in the stdlib, so whatever
the code under test did to the mapping is undone too. ``os.environ`` (and
``os.environb``) is the exception, see ``_EnvironSnapshot``: clearing and refilling
it calls ``unsetenv``/``putenv`` for every variable, so only what changed is put back,
and the result (keys, values and their order) is checked to be the stdlib's. A
dotted name or any other mapping takes the general path, with the stdlib's
fallbacks when a method is missing (no ``copy``/``update``/``clear``: iterate, set
or delete each item).

The plain-dict case (``with patch.dict(d, {...})``) is the hot path. When the
native core is built (``turbomock._speedups``, see ``turbomock._native``),
``__init__``, ``__enter__`` and ``__exit__`` come from its ``PatchDictCore`` and do
that case in C, calling back into this class for everything else; otherwise
``_PurePatchDictCore`` below does the same in Python, with ``|=`` for ``update``.
"""

from __future__ import annotations

import os
from functools import wraps

from turbomock._compat import PATCH_DICT_WRAPS_COROUTINES
from turbomock._native import NATIVE
from turbomock._patch_target import _importer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Literal, TypeVar
    _F = TypeVar("_F", bound=Callable[..., Any])

__all__ = ["_clear_dict", "_patch_dict"]


class _PurePatchDictCore:
    """``__enter__``/``__exit__`` of ``_patch_dict`` when the native core is not
    built: the stdlib's, with the plain-dict case in ``_patch_dict``/``_unpatch_dict``."""

    __slots__ = ("in_dict", "values", "clear", "_original")

    if TYPE_CHECKING:
        in_dict: Any
        values: Any
        clear: Any
        _original: Any

        def _patch_dict(self) -> None: ...
        def _unpatch_dict(self) -> None: ...

    def __enter__(self) -> Any:
        """Patch the dict."""
        self._patch_dict()
        return self.in_dict

    def __exit__(self, *args: Any) -> Literal[False]:
        """Unpatch the dict."""
        if _held_original(self) is not None:
            self._unpatch_dict()
        return False


_Core: Any = _PurePatchDictCore if NATIVE is None else NATIVE.PatchDictCore
#: The core's own ``_original`` field (``_patch_dict._original`` reads through it).
_ORIGINAL_FIELD = _Core.__dict__["_original"]
_held_original = _ORIGINAL_FIELD.__get__


class _EnvironSnapshot:
    """``os.environ`` as ``patch.dict`` found it, kept as its raw ``_data`` (a dict
    copy, where ``os.environ.copy()`` decodes every variable).

    The stdlib's ``_original`` is that decoded copy: it is made only if someone reads
    it (then restoring is the stdlib's clear-and-refill from it, since it may have
    been changed). Otherwise ``restore`` undoes only the variables that differ, and
    falls back to clear-and-refill when that cannot give the stdlib's order.
    """

    __slots__ = ("environ", "raw", "copy")

    def __init__(self, environ: Any) -> None:
        self.environ = environ
        self.raw = environ._data.copy()
        self.copy: dict[Any, Any] | None = None

    def decoded(self) -> dict[Any, Any]:
        if self.copy is None:
            decode_key, decode_value = self.environ.decodekey, self.environ.decodevalue
            self.copy = {decode_key(k): decode_value(v) for k, v in self.raw.items()}
        return self.copy

    def restore(self) -> None:
        environ, raw = self.environ, self.raw
        data = environ._data
        decode_key = environ.decodekey
        for key in [key for key in data if key not in raw]:
            del environ[decode_key(key)]
        if data != raw:
            decode_value = environ.decodevalue
            for key, value in raw.items():
                if data.get(key) != value:
                    environ[decode_key(key)] = decode_value(value)
        if list(data) != list(raw):
            # A variable deleted and set again moved to the end: only the stdlib's
            # way gives its order back.
            _clear_dict(environ)
            environ.update(self.decoded())


#: The class of ``os.environ``: patched the fast way when it is exactly this.
_ENVIRON = type(os.environ)


class _patch_dict(_Core):  # type: ignore[misc]  # the core is chosen at import
    """Patch a dictionary, or dictionary-like object, and restore it afterwards.

    ``in_dict`` is the mapping or its dotted name (imported on first use);
    ``values`` a mapping or pairs, plus ``**kwargs``; ``clear=True`` empties the
    mapping before setting them. Works as decorator, class decorator, context
    manager (returning the mapping) and with ``start()``/``stop()``.
    """

    __slots__ = ("__dict__", "__weakref__")

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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls._patch_dict is not _patch_dict._patch_dict or (
            cls._unpatch_dict is not _patch_dict._unpatch_dict
        ):
            # The native core's __enter__/__exit__ skip these methods for a plain
            # dict: a subclass that overrides one gets the stdlib's, which call them.
            cls.__enter__ = _PurePatchDictCore.__enter__
            cls.__exit__ = _PurePatchDictCore.__exit__

    def __call__(self, f: _F) -> _F:
        if isinstance(f, type):
            return self.decorate_class(f)  # type: ignore[return-value]
        if PATCH_DICT_WRAPS_COROUTINES:
            import inspect

            if inspect.iscoroutinefunction(f):
                return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f: _F) -> _F:
        @wraps(f)
        def _inner(*args: Any, **kw: Any) -> Any:
            __tracebackhide__ = True  # pytest shows the test's frames, not this wrapper
            with _Applied(self):
                return f(*args, **kw)

        return _inner  # type: ignore[return-value]

    def decorate_async_callable(self, f: _F) -> _F:
        @wraps(f)
        async def _inner(*args: Any, **kw: Any) -> Any:
            __tracebackhide__ = True
            with _Applied(self):
                return await f(*args, **kw)

        return _inner  # type: ignore[return-value]

    @property
    def _original(self) -> Any:
        """The mapping as it was before the patch (None before and after)."""
        held = _held_original(self)
        return held.decoded() if type(held) is _EnvironSnapshot else held

    @_original.setter
    def _original(self, value: Any) -> None:
        _ORIGINAL_FIELD.__set__(self, value)

    @_original.deleter
    def _original(self) -> None:
        _ORIGINAL_FIELD.__delete__(self)

    def decorate_class(self, klass: type) -> type:
        """Wrap each ``patch.TEST_PREFIX`` method with its own copy of this patch."""
        from turbomock._patch import patch  # (it imports this module)

        prefix = patch.TEST_PREFIX
        # Every attribute is read, test or not: one that can't be read fails here too.
        members = [(name, getattr(klass, name)) for name in dir(klass)]
        for name, member in members:
            if name.startswith(prefix) and hasattr(member, "__call__"):  # noqa: B004 - stdlib parity
                own_copy = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, name, own_copy(member))
        return klass

    def _patch_dict(self) -> None:
        in_dict = self.in_dict
        if type(in_dict) is dict and type(self.values) is dict:
            # The plain dict, as the native core does it. ``|=`` is dict.update()
            # for one argument, through the number slot: no method lookup.
            self._original = in_dict.copy()
            if self.clear:
                in_dict.clear()
            in_dict |= self.values
            return
        if isinstance(in_dict, str):
            in_dict = self.in_dict = _importer(in_dict)
        if type(in_dict) is _ENVIRON and not self.clear:
            self._original = _EnvironSnapshot(in_dict)
            in_dict.update(self.values)
            return
        self._original = _by_method(in_dict, "copy", _copy_items)
        if self.clear:
            _clear_dict(in_dict)
        _by_method(in_dict, "update", _set_items, self.values)

    def _unpatch_dict(self) -> None:
        in_dict = self.in_dict
        held = _held_original(self)
        if type(held) is _EnvironSnapshot and held.copy is None and held.environ is in_dict:
            held.restore()
            return
        original = self._original
        if type(in_dict) is dict and type(original) is dict:
            in_dict.clear()
            in_dict |= original
            return
        _clear_dict(in_dict)
        _by_method(in_dict, "update", _set_items, original)

    def start(self) -> Any:
        """Activate the patch, returning the patched mapping."""
        from turbomock._patch import _patch  # (it imports this module)

        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self) -> Any:
        """Undo the patch; None if it was not started."""
        from turbomock._patch import _patch

        active = _patch._active_patches
        if self not in active:
            return None
        active.remove(self)
        return self.__exit__(None, None, None)


# The native core's own __init__ does the common call in C and hands the rest to
# ``_init_general``: this one, which stays ``_patch_dict.__init__`` by name so that
# a bad call reads as with the stdlib.
_patch_dict._init_general = _patch_dict.__init__
if NATIVE is not None:
    del _patch_dict.__init__


class _ClassSignature:
    """``inspect.signature(patch.dict)`` read from ``_init_general``: the native
    core's ``__init__`` has none. Instances have none either, so theirs is still
    their ``__call__``'s."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is not None:
            raise AttributeError("__signature__")
        import inspect

        sig = inspect.signature(owner._init_general)
        return sig.replace(parameters=list(sig.parameters.values())[1:])


if NATIVE is not None:
    _patch_dict.__signature__ = _ClassSignature()


class _Applied:
    """``patch.dict`` around one call of a decorated function: straight through
    ``_patch_dict``/``_unpatch_dict`` (a subclass may override them), undone
    however the call ends."""

    __slots__ = ("patcher",)

    def __init__(self, patcher: _patch_dict) -> None:
        self.patcher = patcher

    def __enter__(self) -> None:
        self.patcher._patch_dict()

    def __exit__(self, *exc_info: object) -> None:
        self.patcher._unpatch_dict()


# A mapping need not have ``copy``, ``update`` or ``clear``: without one (that is,
# where using it raises AttributeError), the work is done item by item.


def _by_method(mapping: Any, method: str, fallback: Callable[..., Any], *args: Any) -> Any:
    """``mapping.<method>(*args)``, or ``fallback(mapping, *args)`` without it."""
    try:
        return getattr(mapping, method)(*args)
    except AttributeError:
        return fallback(mapping, *args)


def _copy_items(mapping: Any) -> dict[Any, Any]:
    return {key: mapping[key] for key in mapping}


def _set_items(mapping: Any, values: Any) -> None:
    for key in values:
        mapping[key] = values[key]


def _delete_items(mapping: Any) -> None:
    for key in list(mapping):
        del mapping[key]


def _clear_dict(in_dict: Any) -> None:
    """Empty a mapping, key by key if it has no ``clear``."""
    _by_method(in_dict, "clear", _delete_items)
