"""turbomock: a drop-in, much faster ``unittest.mock``.

``import turbomock as mock`` (or ``from turbomock import Mock, patch``) and use it
exactly as ``unittest.mock``. To run an existing suite on turbomock without editing
it, see ``turbomock.install()`` and the README ("Use it on an existing suite").

What a first mock needs is imported here; the rest (the ``patch`` family,
``create_autospec``, ``mock_open``, ``seal``, ``ThreadingMock``,
the switch) is imported on first use through ``__getattr__``, so that
``import turbomock`` stays cheap (tests/test_import_cost.py).

PYTEST_DONT_REWRITE: pytest rewrites the asserts of plugin packages, and warns when
one was imported before it started, as TURBOMOCK=1 does; turbomock has no asserts.
"""

from __future__ import annotations

from types import FunctionType as _FunctionType

# First: the engine's modules (_attributes, _children, _construct, _magic_slots, _reset) use the
# classes of _mock, which imports them, so _mock must be the one entered first.
from turbomock import (
    _call_lists,
    _mock,  # noqa: F401 - import order, see above
)
from turbomock._async import AsyncMock
from turbomock._async import AsyncMockMixin as AsyncMockMixin
from turbomock._base import Base as Base
from turbomock._calls import _Call as _Call
from turbomock._calls import _CallList as _CallList
from turbomock._calls import call
from turbomock._config import configure
from turbomock._magic import MagicMixin as MagicMixin
from turbomock._magic import MagicMock, NonCallableMagicMock
from turbomock._magic_names import _magics as _magics
from turbomock._mock import CallableMixin as CallableMixin
from turbomock._mock import InvalidSpecError, Mock, NonCallableMock
from turbomock._property import PropertyMock  # eager: the engine reads it (_mock)
from turbomock._sentinels import _ANY as _ANY
from turbomock._sentinels import ANY, DEFAULT, sentinel
from turbomock._spec import _callable as _callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from turbomock._autospec import create_autospec
    from turbomock._mock_open import mock_open
    from turbomock._patch import _get_target as _get_target
    from turbomock._patch import _patch as _patch
    from turbomock._patch import patch
    from turbomock._seal import seal
    from turbomock._switch import install as install
    from turbomock._switch import uninstall as uninstall
    from turbomock._threading import ThreadingMixin as ThreadingMixin
    from turbomock._threading import ThreadingMock

#: Whether ``dir(mock)`` leaves out the mock's own machinery (read at each call).
FILTER_DIR = True

#: Public names imported on first use, and the module each comes from.
_LAZY = {
    "ThreadingMixin": "turbomock._threading",
    "ThreadingMock": "turbomock._threading",
    "_get_target": "turbomock._patch",
    "_patch": "turbomock._patch",
    "create_autospec": "turbomock._autospec",
    "install": "turbomock._switch",
    "mock_open": "turbomock._mock_open",
    "patch": "turbomock._patch",
    "seal": "turbomock._seal",
    "uninstall": "turbomock._switch",
}


def _claim(objects: list[Any]) -> None:
    """Classes and their functions report this module, as the stdlib's report
    ``unittest.mock``: in reprs, pickling errors, for pickling ``call`` objects by
    reference, and for tools that look at a method's ``__module__``. They carry no
    annotations at run time either, as the stdlib's: ours are for type checkers,
    and as strings naming private modules they would only confuse
    ``typing.get_type_hints``, ``inspect.signature`` and ``mock.__annotations__``."""
    def functions(value: object) -> list[_FunctionType]:
        found: list[object]
        if isinstance(value, property):
            found = [value.fget, value.fset, value.fdel]
        else:
            found = [getattr(value, "__func__", value)]
        return [f for f in found if type(f) is _FunctionType]

    def claim(function: _FunctionType) -> None:
        if function.__module__.startswith("turbomock._"):
            function.__module__ = __name__

    for value in objects:
        for function in functions(value):
            claim(function)
    classes = [obj for obj in objects if isinstance(obj, type)]
    for obj in classes:
        if obj.__module__.startswith("turbomock._"):
            obj.__module__ = __name__
    for obj in {klass for cls in classes for klass in cls.__mro__}:
        if not obj.__module__.startswith("turbomock"):
            continue
        own = obj.__dict__
        if type(own.get("__annotations__")) is dict:
            type.__delattr__(obj, "__annotations__")
        for value in own.values():
            for function in functions(value):
                function.__annotations__ = {}
                claim(function)


def __getattr__(name: str) -> Any:
    """Import a lazily exported name's module, claim what it exports, keep its names."""
    module_name = _LAZY.get(name)
    from importlib import import_module

    if module_name is None:
        # One of the stdlib module's other names, or none (see _stdlib_names).
        value = import_module("turbomock._stdlib_names").resolve(__name__, name)
        globals()[name] = value
        return value

    module = import_module(module_name)
    names = [lazy for lazy, where in _LAZY.items() if where == module_name]
    values = {lazy: getattr(module, lazy) for lazy in names}
    patch = values.get("patch")
    _claim([*values.values(), *(vars(patch).values() if patch is not None else ())])
    globals().update(values)
    return values[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def _eager() -> list[Any]:
    return [*globals().values(), _call_lists.LiveCallList, _call_lists.RecordList, type(ANY)]


_claim(_eager())

__version__ = "0.1.0.dev0"

__all__ = [
    "ANY",
    "AsyncMock",
    "DEFAULT",
    "FILTER_DIR",
    "InvalidSpecError",
    "MagicMock",
    "Mock",
    "NonCallableMagicMock",
    "NonCallableMock",
    "PropertyMock",
    "ThreadingMock",
    "call",
    "configure",
    "create_autospec",
    "mock_open",
    "patch",
    "seal",
    "sentinel",
]
