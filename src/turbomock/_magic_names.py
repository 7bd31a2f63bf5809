"""The magic method names mocks support, and what MagicMock returns for each by default."""

from __future__ import annotations

from turbomock._compat import LEGACY_DIV_MAGICS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

_PLAIN = (
    "lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof "
    "enter exit divmod rdivmod neg pos abs invert complex int float index "
    "round trunc floor ceil bool next fspath aiter"
)
_NUMERIC = "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
if LEGACY_DIV_MAGICS:
    _NUMERIC += " div"


def _dunder(words: str) -> set[str]:
    return {f"__{word}__" for word in words.split()}


_magics = (
    _dunder(_PLAIN)
    | _dunder(_NUMERIC)
    | {f"__i{word}__" for word in _NUMERIC.split()}
    | {f"__r{word}__" for word in _NUMERIC.split()}
)

#: Supported, but not set up on a MagicMock until the user configures them.
NON_DEFAULTS = frozenset(
    {
        "__get__", "__set__", "__delete__", "__reversed__", "__missing__",
        "__reduce__", "__reduce_ex__", "__getinitargs__", "__getnewargs__",
        "__getstate__", "__setstate__", "__getformat__", "__repr__", "__dir__",
        "__subclasses__", "__format__", "__getnewargs_ex__",
    }
    | ({"__setformat__"} if LEGACY_DIV_MAGICS else set())
)

#: Awaited by ``async with`` / ``async for``: their mocks are AsyncMocks.
ASYNC_METHOD_MAGICS = frozenset({"__aenter__", "__aexit__", "__anext__"})
#: Used by ``async for`` but called synchronously.
SYNC_ASYNC_MAGICS = frozenset({"__aiter__"})
ASYNC_MAGICS = ASYNC_METHOD_MAGICS | SYNC_ASYNC_MAGICS

ALL_SYNC_MAGICS = frozenset(_magics) | NON_DEFAULTS
ALL_MAGICS = ALL_SYNC_MAGICS | ASYNC_MAGICS

#: What a MagicMock configures by default (class-level slots on MagicMock).
DEFAULT_MAGICS = frozenset(_magics) | ASYNC_METHOD_MAGICS

UNSUPPORTED_MAGICS = frozenset(
    {
        "__getattr__", "__setattr__", "__init__", "__new__", "__prepare__",
        "__instancecheck__", "__subclasscheck__", "__del__",
    }
)

#: Fixed default return values.
RETURN_VALUES: dict[str, Any] = {
    "__lt__": NotImplemented,
    "__gt__": NotImplemented,
    "__le__": NotImplemented,
    "__ge__": NotImplemented,
    "__int__": 1,
    "__contains__": False,
    "__len__": 0,
    "__exit__": False,
    "__complex__": 1j,
    "__float__": 1.0,
    "__bool__": True,
    "__index__": 1,
    "__aexit__": False,
}


def _fspath(mock: Any) -> str:
    return f"{type(mock).__name__}/{mock._extract_mock_name()}/{id(mock)}"


#: Default return values computed from the owning mock when the method is made.
CALCULATED_RETURN_VALUES: dict[str, Callable[[Any], Any]] = {
    "__hash__": object.__hash__,
    "__str__": object.__str__,
    "__sizeof__": object.__sizeof__,
    "__fspath__": _fspath,
}


def is_magic(name: str) -> bool:
    """``__x__`` shaped: such names are never created as child mocks on demand.
    (Sliced first: a name that can't be, ``Mock(name=1)``'s, fails as the stdlib's.)"""
    return name[:2] == "__" and name[-2:] == "__" and len(name) >= 4
