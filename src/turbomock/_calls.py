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

#: Attribute access without ``_Call.__getattribute__``'s check (for the engine's own
#: attributes, on hot paths).
_generic_get = object.__getattribute__


def _split(parts: tuple[Any, ...], name: str) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    """``(name, args, kwargs)`` from any of the short forms users write for a call.

    The parts keep the order name, args, kwargs and any of them may be left out. The
    first part is the name when there are three, or when it is a string; of what is
    left, two parts are args and kwargs, and a lone part is args if it is a tuple and
    kwargs otherwise. Anything longer than three parts is not a call: nothing is taken.
    """
    if len(parts) > 3:
        return name, (), {}
    rest = parts
    if len(parts) == 3 or (parts and isinstance(parts[0], str)):
        name, rest = parts[0], parts[1:]
    if len(rest) == 2:
        return name, rest[0], rest[1]
    if not rest:
        return name, (), {}
    (lone,) = rest
    if isinstance(lone, tuple):
        return name, lone, {}
    return name, (), lone


def same_call(recorded: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """``recorded == _Call((args, kwargs), two=True)`` without making that record: what
    ``assert_called_with`` asks of a mock with no signature to bind, as
    ``_Call.__eq__``'s first case answers it (the expected arguments on the left)."""
    if (
        type(recorded) is _Call
        and len(recorded) == 2
        and _generic_get(recorded, "_mock_parent") is None
    ):
        return (args, kwargs) == (recorded[0], recorded[1])
    # As the stdlib asks it, with !=: a record set by hand decides with its __ne__.
    return not recorded != tuple.__new__(_Call, (args, kwargs))  # noqa: SIM202


def _path(name: str) -> str:
    """How a call's path reads in its repr: always starting from ``call``."""
    if not name:
        return "call"
    return f"call{name}" if name.startswith("()") else f"call.{name}"


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
        parts = _split(value, name)
        return tuple.__new__(cls, parts[1:] if two else parts)

    def __init__(
        self,
        value: tuple[Any, ...] = (),
        name: str | None = None,
        parent: _Call | None = None,
        two: bool = False,
        from_kall: bool = True,
    ) -> None:
        # The class holds the defaults, so a plain record keeps an empty __dict__.
        if name is not None:
            self._mock_name = name
        if parent is not None:
            self._mock_parent = parent
        if not from_kall:
            self._mock_from_kall = False

    def _parts(self) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
        """This record as ``(name, args, kwargs)``; a ``call_args`` one has no name."""
        if len(self) == 3:
            return self
        return ("", *self)

    def __eq__(self, other: object) -> bool:
        if type(other) is _Call:
            size = len(self)
            # A recorded call against an expected one, the usual case: nothing to parse.
            if size == len(other) and _generic_get(self, "_mock_parent") is None:
                if size == 2:
                    return (other[0], other[1]) == (self[0], self[1])
                if size == 3:
                    if self[0] and other[0] != self[0]:
                        return False
                    return (other[1], other[2]) == (self[1], self[2])
        try:
            size = len(other)  # type: ignore[arg-type]
        except TypeError:
            return NotImplemented
        if self._mock_parent is not None:
            # ``call.a().b()`` and ``call.x().b()``: the same last step from other calls.
            theirs = getattr(other, "_mock_parent", None)
            if theirs is not None and theirs != self._mock_parent:
                return False
        if size > 3:
            return False
        name, args, kwargs = self._parts()
        their_name, *theirs = _split(tuple(other), "")  # type: ignore[arg-type]
        # A call without a name matches any name. Matchers such as ANY sit in the
        # expected call, so its arguments go on the left and their __eq__ decides.
        return not (name and name != their_name) and tuple(theirs) == (args, kwargs)

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
        if self._mock_from_kall:
            name, args, kwargs = self._parts()
            return format_call(_path(name), args, kwargs)
        # An attribute path not called yet (``call.a.b``) reads as written, except
        # that one starting with a call needs the ``call`` it came from.
        path = self._mock_name or "call"
        return _path(path) if path.startswith("()") else path

    def call_list(self) -> _CallList:
        """Every call a chained ``call`` stands for, outermost first."""
        chain: list[_Call] = []
        link: _Call | None = self
        while link is not None:
            chain.append(link)
            link = link._mock_parent
        return _CallList(link for link in reversed(chain) if link._mock_from_kall)


_TUPLE_ATTRIBUTES = frozenset(tuple.__dict__)

call = _Call(from_kall=False)


class _CallList(list):  # type: ignore[type-arg]
    """A list of calls in which ``[c1, c2] in calls`` looks for a contiguous run."""

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        return any(self[at : at + width] == value for at in range(len(self) - width + 1))

    def __repr__(self) -> str:
        import pprint

        return pprint.pformat(list(self))


def new_named_call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """A ``mock_calls`` record, made without running ``__new__``/``__init__``."""
    return tuple.__new__(_Call, (name, args, kwargs))
