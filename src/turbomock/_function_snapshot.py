"""The functions of an autospecced spec as they were when the mock was made.

The stdlib's ``create_autospec`` works out the signature of every function of its
spec at once; turbomock builds a method's mock the first time it is used. A
function changed in place in between (its ``__defaults__``, ``__code__``,
``__signature__``, ``__wrapped__`` ...) must not change what that mock accepts.
So each mock keeps a stamp of every function of its spec (``function_stamp``:
what ``inspect.signature`` depends on), taken once per version of the class and
checked as each mock is made (a few identity checks per function). A method built
later whose function no longer matches its stamp is specced and checked against a
copy of the function rebuilt from the stamp: the function as it was.

A function whose ``__wrapped__`` chain leads to something else than a function (a
partial, a bound method) has no stamp that could be checked; its signature is
worked out when the mock is made instead, as the stdlib does.
"""

from __future__ import annotations

import weakref
from types import CellType, FunctionType, MethodType

from turbomock._native import NATIVE
from turbomock._signatures import function_stamp, stamp_holds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

#: What a stamp holds for one function of a ``__wrapped__`` chain: its code,
#: defaults, keyword defaults, annotations, ``__signature__``, ``__text_signature__``.
_LINK = 6


class Stamped:
    """One function of a spec as it was: its stamp, the functions its
    ``__wrapped__`` chain reached (held, so the chain can be rebuilt), whether it
    was a coroutine function, and (for a chain no stamp can check) the function
    itself, copied as it was."""

    __slots__ = ("func", "stamp", "chain", "is_async", "copy")

    def __init__(self, func: FunctionType, is_async: bool) -> None:
        self.func = func
        self.stamp = stamp = function_stamp(func)
        self.is_async = is_async
        self.chain: tuple[FunctionType, ...] = ()
        self.copy: FunctionType | None = None
        if len(stamp) > 4:
            chain: list[Any] = [func]
            ends_elsewhere = False
            for part in stamp[_LINK::_LINK + 1]:  # what each function wraps
                if isinstance(part, weakref.ref):
                    chain.append(part())
                else:
                    ends_elsewhere = True
            self.chain = tuple(chain)
            if ends_elsewhere:
                # No stamp can check such a chain (it never equals another): the
                # function is copied now, as it is, wrapping what it wraps now.
                self.copy = _rebuilt(stamp, self.chain, ends_elsewhere=True)

    def holds(self) -> bool:
        return self.copy is None and stamp_holds(self.func, self.stamp)

    def as_it_was(self) -> FunctionType:
        """A copy of the function as the stamp has it."""
        if self.copy is not None:
            return self.copy
        return _rebuilt(self.stamp, self.chain or (self.func,), ends_elsewhere=False)


class Functions:
    """The stamped functions of some namespaces, by name; the plain ones also as
    the 5-tuples one C loop checks (``_speedups.stamps_hold``)."""

    __slots__ = ("by_name", "plain", "others")

    def __init__(self, by_name: dict[str, Stamped]) -> None:
        self.by_name = by_name
        self.plain = [
            (stamped.func, *stamped.stamp) for stamped in by_name.values()
            if len(stamped.stamp) == 4
        ]
        self.others = [stamped for stamped in by_name.values() if len(stamped.stamp) != 4]

    def hold(self) -> bool:
        if not self.others:
            return _stamps_hold(self.plain)  # type: ignore[no-any-return]
        return _stamps_hold(self.plain) and all(stamped.holds() for stamped in self.others)


def _python_stamps_hold(plain: list[tuple[Any, ...]]) -> bool:
    return all(stamp_holds(entry[0], entry[1:]) for entry in plain)


_stamps_hold: Any = _python_stamps_hold if NATIVE is None else NATIVE.stamps_hold


def snapshot(namespaces: Iterable[dict[str, Any]], is_async: Any) -> Functions:
    """The functions (plain, or in a staticmethod or classmethod) first found under
    each name of ``namespaces`` (in lookup order)."""
    found: dict[str, Stamped] = {}
    seen: set[str] = set()
    for namespace in namespaces:
        for name, value in namespace.items():
            if name in seen:
                continue
            seen.add(name)
            func = _function_in(value)
            if func is not None:
                found[name] = Stamped(func, is_async(func))
    return Functions(found)


def as_of_now(functions: Functions, is_async: Any) -> Functions:
    """``functions`` with every one changed since stamped again (the same when none
    changed: one C loop over them)."""
    if functions.hold():
        return functions
    fresh = dict(functions.by_name)
    for name, stamped in functions.by_name.items():
        if not stamped.holds():
            fresh[name] = Stamped(stamped.func, is_async(stamped.func))
    return Functions(fresh)


def _function_in(value: Any) -> FunctionType | None:
    if type(value) in (staticmethod, classmethod):
        value = value.__func__
    return value if type(value) is FunctionType else None


def as_it_was(original: Any, stamped: Stamped) -> Any:
    """``original`` (the function, or a method of it) as it was when stamped, or
    None when it is unchanged or is not that function."""
    func = original.__func__ if type(original) is MethodType else original
    if func is not stamped.func or stamped.holds():
        return None
    copy = stamped.as_it_was()
    if type(original) is not MethodType:
        return copy
    return MethodType(copy, original.__self__)


def _copy(func: FunctionType, parts: tuple[Any, ...]) -> FunctionType:
    code, defaults, keyword_defaults, annotations = parts
    closure = tuple(CellType() for _ in code.co_freevars) or None
    copy = FunctionType(code, func.__globals__, func.__name__, defaults, closure)
    copy.__kwdefaults__ = None if keyword_defaults is None else dict(keyword_defaults)
    copy.__annotations__ = dict(annotations)
    copy.__qualname__ = func.__qualname__
    copy.__module__ = func.__module__
    return copy


def _rebuilt(
    stamp: tuple[Any, ...], chain: tuple[FunctionType, ...], ends_elsewhere: bool
) -> FunctionType:
    """The first function of ``chain`` (the functions of a ``__wrapped__`` chain,
    in order, the first repeated at the end if it loops) rebuilt as ``stamp`` has
    them, each wrapping the next."""
    if len(stamp) == 4:
        return _copy(chain[0], stamp)
    copies: dict[int, FunctionType] = {}
    previous: Any = None
    first: Any = None
    for index, link in enumerate(chain):
        if id(link) in copies:  # the chain loops, as it did
            previous.__wrapped__ = copies[id(link)]
            return first  # type: ignore[no-any-return]
        base = index * (_LINK + 1)
        copy: Any = _copy(link, stamp[base:base + 4])
        signature, text_signature = stamp[base + 4], stamp[base + 5]
        if signature is not None:
            copy.__signature__ = signature
        if text_signature is not None:
            copy.__text_signature__ = text_signature
        copies[id(link)] = copy
        if previous is None:
            first = copy
        else:
            previous.__wrapped__ = copy
        previous = copy
    if ends_elsewhere:
        previous.__wrapped__ = chain[-1].__dict__["__wrapped__"]
    return first  # type: ignore[no-any-return]
