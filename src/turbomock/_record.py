"""``Record``: the namedtuple behaviour turbomock's own results need, without
``collections``.

``configure()`` returns the previous ``Settings`` and ``native_status()`` a
``NativeStatus``; users treat both as namedtuples (``configure(**old._asdict())``).
``collections.namedtuple`` would cost ``import turbomock`` the ``collections`` package
with ``operator``, ``keyword`` and ``reprlib``, about a sixth of the import on 3.11
(docs/design.md, "What the import loads"), so this base gives the same surface:
fields by name, ``_fields``, ``_make()``, ``_asdict()``, ``_replace()``, a
``Name(field=value, ...)`` repr, and tuple equality, hashing, copying and pickling.
"""

from __future__ import annotations

from _operator import itemgetter

from turbomock import _messages as msg
from turbomock._compat import REPLACE_REFUSES_WITH_TYPE_ERROR

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing is not loaded by ``import turbomock``)
    from collections.abc import Iterable
    from typing import Any, ClassVar, TypeVar

    _R = TypeVar("_R", bound="Record")

__all__ = ["Record"]


class Record(tuple):  # type: ignore[type-arg]  # (each subclass names its fields)
    """A tuple whose items are named by the subclass's ``_fields``; the subclass's
    ``__new__`` takes them as parameters (so Python itself words a wrong call, as
    namedtuple's generated ``__new__`` has it) and builds the tuple with ``_make``."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for index, field in enumerate(cls._fields):
            setattr(cls, field, property(itemgetter(index), doc=f"Item {index}: {field}."))

    def __repr__(self) -> str:
        shown = ", ".join(f"{field}={value!r}" for field, value in zip(self._fields, self))
        return f"{type(self).__name__}({shown})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)

    @classmethod
    def _make(cls: type[_R], values: Iterable[Any]) -> _R:
        return tuple.__new__(cls, values)

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self))

    def _replace(self: _R, **changes: Any) -> _R:
        unknown = [name for name in changes if name not in self._fields]
        if unknown:
            error = TypeError if REPLACE_REFUSES_WITH_TYPE_ERROR else ValueError
            raise error(msg.record_unknown_fields(unknown))
        return type(self)(**{**self._asdict(), **changes})
