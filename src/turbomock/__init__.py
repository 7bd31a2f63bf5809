"""turbomock: a drop-in, much faster ``unittest.mock``.

``import turbomock as mock`` (or ``from turbomock import Mock, patch``) and use it
exactly as ``unittest.mock``.
"""

from __future__ import annotations

from turbomock._async import AsyncMock
from turbomock._async import AsyncMockMixin as AsyncMockMixin
from turbomock._autospec import create_autospec
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
from turbomock._mock_open import mock_open
from turbomock._patch import _get_target as _get_target
from turbomock._patch import _patch as _patch
from turbomock._patch import patch
from turbomock._property import PropertyMock
from turbomock._seal import seal
from turbomock._sentinels import _ANY as _ANY
from turbomock._sentinels import ANY, DEFAULT, sentinel
from turbomock._spec import _callable as _callable
from turbomock._threading import ThreadingMixin as ThreadingMixin
from turbomock._threading import ThreadingMock

#: Whether ``dir(mock)`` leaves out the mock's own machinery (read at each call).
FILTER_DIR = True


def _claim_classes() -> None:
    """Classes and their functions report this module, as the stdlib's report
    ``unittest.mock``: in reprs, pickling errors, for pickling ``call`` objects by
    reference, and for tools that look at a method's ``__module__``."""
    from types import FunctionType

    from turbomock._state import LiveCallList

    def functions(value: object) -> list[FunctionType]:
        found: list[object]
        if isinstance(value, property):
            found = [value.fget, value.fset, value.fdel]
        else:
            found = [getattr(value, "__func__", value)]
        return [f for f in found if type(f) is FunctionType]

    def claim(function: FunctionType) -> None:
        if function.__module__.startswith("turbomock._"):
            function.__module__ = __name__

    reachable = [*globals().values(), *vars(patch).values(), LiveCallList, type(ANY)]
    classes = [obj for obj in reachable if isinstance(obj, type)]
    for obj in classes:
        if obj.__module__.startswith("turbomock._"):
            obj.__module__ = __name__
    for value in [*globals().values(), *vars(patch).values()]:
        for function in functions(value):
            claim(function)
    # The stdlib's classes and methods carry no annotations at run time; ours are for
    # type checkers, and as strings naming private modules they would only confuse
    # typing.get_type_hints, inspect.signature and ``mock.__annotations__``.
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


_claim_classes()

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
