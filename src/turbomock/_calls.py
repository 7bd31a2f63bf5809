"""Call records: ``call``, ``_Call`` and ``_CallList``.

A ``_Call`` is a tuple, either ``(args, kwargs)`` (``call_args``) or
``(name, args, kwargs)`` (``mock_calls``), so that it compares with plain tuples the
way users have always written them. Its three extra attributes live on the class as
defaults and only move into the instance when they differ, so the engine can make a
record with a single ``tuple.__new__`` and no ``__init__``.
"""

from __future__ import annotations

from turbomock._messages import format_call

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_EMPTY: dict[str, Any] = {}


def _parse(value: tuple[Any, ...], name: str) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    """Split any accepted call shape into ``(name, args, kwargs)``."""
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = {}
    size = len(value)
    if size == 3:
        name, args, kwargs = value
    elif size == 2:
        first, second = value
        if isinstance(first, str):
            name = first
            if isinstance(second, tuple):
                args = second
            else:
                kwargs = second
        else:
            args, kwargs = first, second
    elif size == 1:
        (only,) = value
        if isinstance(only, str):
            name = only
        elif isinstance(only, tuple):
            args = only
        else:
            kwargs = only
    return name, args, kwargs


class _Call(tuple):  # type: ignore[type-arg]
    """One recorded or expected call; ``call.a.b(1)`` builds expected ones."""

    _mock_name: str | None = None
    _mock_parent: _Call | None = None
    _mock_from_kall: bool = True

    def __new__(
        cls,
        value: tuple[Any, ...] = (),
        name: str = "",
        parent: _Call | None = None,
        two: bool = False,
        from_kall: bool = True,
    ) -> _Call:
        name, args, kwargs = _parse(value, name)
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(
        self,
        value: tuple[Any, ...] = (),
        name: str | None = None,
        parent: _Call | None = None,
        two: bool = False,
        from_kall: bool = True,
    ) -> None:
        if name is not None:
            self._mock_name = name
        if parent is not None:
            self._mock_parent = parent
        if not from_kall:
            self._mock_from_kall = False

    def __eq__(self, other: object) -> bool:
        if (
            type(other) is _Call
            and len(self) == 3
            and len(other) == 3
            and self._mock_parent is None
        ):
            # The common case (recorded against expected call): no parsing.
            name = self[0]
            if name and other[0] != name:
                return False
            return (other[1], other[2]) == (self[1], self[2])
        try:
            other_len = len(other)  # type: ignore[arg-type]
        except TypeError:
            return NotImplemented
        if len(self) == 2:
            self_name = ""
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        parent = self._mock_parent
        if parent is not None:
            other_parent = getattr(other, "_mock_parent", None)
            if other_parent is not None and parent != other_parent:
                return False
        if other_len == 0:
            other_name, other_args, other_kwargs = "", (), _EMPTY
        elif other_len <= 3:
            other_name, other_args, other_kwargs = _parse(tuple(other), "")  # type: ignore[arg-type]
        else:
            return False
        if self_name and other_name != self_name:
            return False
        # The expected side goes on the left so that ANY's __eq__ is the one used.
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    __ne__ = object.__ne__
    __hash__ = None  # type: ignore[assignment]

    def __call__(self, /, *args: Any, **kwargs: Any) -> _Call:
        name = self._mock_name
        if name is None:
            return _Call(("", args, kwargs), name="()")
        return _Call((name, args, kwargs), name=name + "()", parent=self)

    def __getattr__(self, attr: str) -> _Call:
        name = self._mock_name
        if name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name=f"{name}.{attr}", parent=self, from_kall=False)

    def __getattribute__(self, attr: str) -> Any:
        # ``call.count(1)``, ``call().__getitem__('k')``: attributes that tuple
        # defines describe calls of those names here, not the tuple methods.
        if attr in _TUPLE_ATTRIBUTES:
            raise AttributeError(attr)
        return tuple.__getattribute__(self, attr)

    @property
    def args(self) -> tuple[Any, ...]:
        return self[-2]  # type: ignore[no-any-return]

    @property
    def kwargs(self) -> dict[str, Any]:
        return self[-1]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        if not self._mock_from_kall:
            name = self._mock_name or "call"
            return "call" + name if name.startswith("()") else name
        if len(self) == 2:
            name = "call"
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = "call"
            elif name.startswith("()"):
                name = "call" + name
            else:
                name = "call." + name
        return format_call(name, args, kwargs)

    def call_list(self) -> _CallList:
        """Every call a chained ``call`` stands for, outermost first."""
        chain = []
        link: _Call | None = self
        while link is not None:
            if link._mock_from_kall:
                chain.append(link)
            link = link._mock_parent
        chain.reverse()
        return _CallList(chain)


_TUPLE_ATTRIBUTES = frozenset(tuple.__dict__)

call = _Call(from_kall=False)


class _CallList(list):  # type: ignore[type-arg]
    """A list of calls in which ``[c1, c2] in calls`` looks for a contiguous run."""

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, list):
            return list.__contains__(self, value)
        size = len(value)
        for start in range(len(self) - size + 1):
            if self[start : start + size] == value:
                return True
        return False

    def __repr__(self) -> str:
        import pprint

        return pprint.pformat(list(self))


def new_call_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """A ``call_args`` record, made without running ``__new__``/``__init__``."""
    return tuple.__new__(_Call, (args, kwargs))


def new_named_call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """A ``mock_calls`` record, made without running ``__new__``/``__init__``."""
    return tuple.__new__(_Call, (name, args, kwargs))
