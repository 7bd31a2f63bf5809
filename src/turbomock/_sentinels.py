"""Sentinels, ``DEFAULT`` and ``ANY``: values compared by identity or not at all.

``turbomock.DEFAULT is unittest.mock.DEFAULT`` whenever both are loaded, in either
order, because pytest tells the arguments ``@patch`` injects from fixtures by
comparing each patching's ``new`` with ``sys.modules["unittest.mock"].DEFAULT``
(and code mixing both libraries compares them too). Yet ``import turbomock`` must
not execute the stdlib's ``mock.py``. So:

- the stdlib's module already loaded: turbomock uses its ``sentinel`` (and so its
  ``DEFAULT``);
- not loaded: turbomock makes its own;
- either way, whenever the stdlib's module executes later (imported for the first
  time, or again after being dropped from ``sys.modules``), it adopts turbomock's
  sentinels the moment it has executed (``adopt``): every place
  that module stored one of its sentinels at import time (globals, class
  attributes, function defaults and closures, containers inside them) is found by
  walking what the module defined, and pointed at turbomock's sentinel of the same
  name. The stdlib's behaviour is unchanged: CPython's own mock suite passes
  against it afterwards (tests/test_switch_sentinels.py).
"""

from __future__ import annotations

import sys
from types import FunctionType, ModuleType

from turbomock import _after_import

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["ANY", "DEFAULT", "adopt", "make_default_visible", "sentinel"]

#: Where the stdlib keeps its mock module.
STDLIB_MOCK = "unittest.mock"


class _SentinelObject:
    """A unique named object; copying or pickling it gives the same object back.

    An ordinary object otherwise, as the stdlib's: tests set attributes on sentinels
    (``sentinel.config.debug = True``), take weak references to them, read ``vars()``.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "sentinel." + self.name

    def __reduce__(self) -> str:
        # A string result makes pickle store a reference to a global, so the
        # unpickled value *is* the original sentinel (copy returns it too).
        return "sentinel." + self.name


class Marker:
    """A private marker kept in a mock's state (a deleted ``method_calls``, a call
    that is no method call): compared by identity, so a copy or a deep copy of the
    mock must hold the marker itself, never a copy of it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<turbomock {self.name}>"

    def __copy__(self) -> Marker:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Marker:
        return self


class _Sentinel:
    """Hands out one ``_SentinelObject`` per attribute name, created on first use."""

    def __init__(self) -> None:
        self._sentinels: dict[str, _SentinelObject] = {}

    def __getattr__(self, name: str) -> _SentinelObject:
        if name == "__bases__":
            # Keeps ``inspect`` and ``copy`` from mistaking this for a class. (No
            # message: the stdlib's says nothing either.)
            raise AttributeError
        sentinels = self._sentinels
        try:
            return sentinels[name]
        except KeyError:
            return sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self) -> str:
        return "sentinel"


# Pickles name the stdlib's module, as its sentinels' do: they load wherever Python
# does, and give the very sentinel back where turbomock's are in use (the stdlib's
# module then holds them: see adopt, and the switch).
_SentinelObject.__module__ = _Sentinel.__module__ = STDLIB_MOCK


# -- the stdlib adopting turbomock's sentinels ---------------------------------------

_KEEP: Any = object()


class _Adoption:
    """One walk over what a freshly executed module defined, swapping its sentinels."""

    def __init__(self, module: ModuleType) -> None:
        self.module_name = module.__name__
        self.old_factory = module.__dict__.get("sentinel")
        default = module.__dict__.get("DEFAULT")
        self.sentinel_type = type(default)
        self.seen: set[int] = set()

    def owned(self, value: Any) -> bool:
        """Whether ``value`` (a function or class) was defined by the module."""
        return getattr(value, "__module__", None) == self.module_name

    def replace(self, value: Any) -> Any:
        """turbomock's counterpart of ``value``, a new container holding them, or _KEEP."""
        if value is self.old_factory:
            return sentinel
        kind = type(value)
        if kind is self.sentinel_type:
            return getattr(sentinel, value.name)
        if kind is tuple or kind is frozenset:
            items = [self.replace(item) for item in value]
            if all(new is _KEEP for new in items):
                return _KEEP
            return kind(old if new is _KEEP else new for old, new in zip(value, items))
        if id(value) in self.seen:
            return _KEEP
        if kind is list or kind is dict or kind is set:
            self.seen.add(id(value))
            self.fix_container(value)
        elif kind is FunctionType:
            if self.owned(value):
                self.seen.add(id(value))
                self.fix_function(value)
        elif kind is staticmethod or kind is classmethod:
            self.replace(value.__func__)
        elif kind is property:
            for accessor in (value.fget, value.fset, value.fdel):
                self.replace(accessor)
        elif isinstance(value, type) and self.owned(value):
            self.seen.add(id(value))
            for name, item in list(value.__dict__.items()):
                new = self.replace(item)
                if new is not _KEEP:
                    type.__setattr__(value, name, new)
        return _KEEP

    def fix_container(self, value: Any) -> None:
        if type(value) is dict:
            for key, item in list(value.items()):
                new = self.replace(item)
                if new is not _KEEP:
                    value[key] = new
        elif type(value) is list:
            for index, item in enumerate(value):
                new = self.replace(item)
                if new is not _KEEP:
                    value[index] = new
        else:
            for item in list(value):
                new = self.replace(item)
                if new is not _KEEP:
                    value.discard(item)
                    value.add(new)

    def fix_function(self, function: FunctionType) -> None:
        defaults = function.__defaults__
        if defaults is not None:
            new = self.replace(defaults)
            if new is not _KEEP:
                function.__defaults__ = new
        if function.__kwdefaults__ is not None:
            self.fix_container(function.__kwdefaults__)
        for cell in function.__closure__ or ():
            try:
                contents = cell.cell_contents
            except ValueError:  # an empty cell
                continue
            new = self.replace(contents)
            if new is not _KEEP:
                cell.cell_contents = new


def adopt(module: ModuleType) -> None:
    """Make a freshly executed stdlib ``unittest.mock`` use turbomock's sentinels."""
    if module.__dict__.get("sentinel") is sentinel:
        return
    walk = _Adoption(module)
    namespace = module.__dict__
    for name, value in list(namespace.items()):
        new = walk.replace(value)
        if new is not _KEEP:
            namespace[name] = new
    # Its sentinel classes are those of the sentinels it now has, so that
    # ``isinstance(sentinel.x, _SentinelObject)`` holds there too.
    namespace["_Sentinel"] = type(sentinel)
    namespace["_SentinelObject"] = type(sentinel.DEFAULT)


def _loaded_stdlib() -> ModuleType | None:
    """The stdlib's mock module if it has been imported (not turbomock in its place)."""
    module = sys.modules.get(STDLIB_MOCK)
    if module is None or getattr(module, "__name__", None) != STDLIB_MOCK:
        return None
    return module


def _initial_sentinel() -> Any:
    # Whichever sentinel is chosen, a stdlib module executed later (first import, or
    # again after someone dropped it from sys.modules or reloaded it) adopts it.
    _after_import.after_import(STDLIB_MOCK, adopt)
    stdlib = _loaded_stdlib()
    shared = None if stdlib is None else getattr(stdlib, "sentinel", None)
    return _Sentinel() if shared is None else shared


sentinel: Any = _initial_sentinel()
#: The classes of the sentinels in use (the stdlib's when they were taken from it).
SENTINEL_TYPE: type = type(sentinel)
SENTINEL_OBJECT_TYPE: type = type(sentinel.DEFAULT)
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY:
    """Equal to everything: a wildcard inside expected calls. (Attributes can be set
    on it, as on the stdlib's.)"""

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "<ANY>"


ANY: Any = _ANY()


def make_default_visible() -> None:
    """Load the stdlib's ``unittest.mock`` (which adopts our sentinels) when no loaded
    module shows pytest our ``DEFAULT``: pytest counts a test's ``@patch`` arguments
    by comparing with ``sys.modules["unittest.mock"].DEFAULT`` (or ``mock``'s)."""
    for name in (STDLIB_MOCK, "mock"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "DEFAULT", None) is DEFAULT:
            return
    if sys.modules.get(STDLIB_MOCK) is None:
        import unittest.mock  # noqa: F401 - loading it is the point
