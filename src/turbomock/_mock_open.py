"""``mock_open``: a MagicMock standing in for ``open``, with readable file data.

The handle's reading methods are driven by a ``_FakeFile``: it holds the stream the
data is read from and answers each method, unless the user gave that method a
``return_value`` of their own (``handle.read.return_value = "x"``), which wins.
Every call of the ``open`` mock starts the data over.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial

from turbomock._base import PUBLIC_MODULE
from turbomock._compat import MOCK_OPEN_EXIT_CLOSES, OPEN_SPEC_AS_NAMES
from turbomock._magic import MagicMock, magic_mock_with_spec
from turbomock._sentinels import DEFAULT
from turbomock._spec import Spec, spec_from_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: {kind: (Spec, the names it was made from)}, made again when those names change.
_specs: dict[str, tuple[Spec, tuple[str, ...]]] = {}
#: The names a file handle (``"file"``) or ``open`` has: one list each for the
#: process, built as the stdlib's (its order is ``_mock_methods``'s). A handle's
#: ``_mock_methods`` is this list, so a name added to it counts for every later
#: handle too, as with the stdlib's.
_names: dict[str, list[str]] = {}
_NEVER = object()  # a sentinel no call returns


def _named_spec(kind: str) -> Spec:
    """The names a file handle (``"file"``) or ``open`` has, as a spec."""
    names = _names.get(kind)
    if names is None:
        if kind == "file":  # text or binary: whatever either kind of file has
            names = list(set(dir(io.TextIOWrapper)).union(set(dir(io.BytesIO))))
        else:
            names = list(set(dir(io.open)))
        _names[kind] = names
    cached = _specs.get(kind)
    if cached is not None and cached[1] == tuple(names):
        return cached[0]
    spec = spec_from_list(names)
    _specs[kind] = (spec, tuple(names))
    return spec


class _FakeFile:
    """The contents behind one ``mock_open`` handle, and its reading methods.

    ``lines`` is the iterator ``handle.readline`` takes as its side effect: a side
    effect the user replaced is recognised by no longer being this one.
    """

    def __init__(self, handle: Any, read_data: Any) -> None:
        self.handle = handle
        self.read_data = read_data
        self.stream = self._fresh_stream()
        self.lines = self._readline_side_effect()

    def _fresh_stream(self) -> Any:
        data = self.read_data
        return io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)

    def _set_by_user(self, method: str) -> Any:
        """``handle.<method>.return_value`` (None, unless the user set one)."""
        return getattr(self.handle, method).return_value

    def reset_data(self) -> Any:
        """Side effect of the ``open`` mock: the data starts over for this handle."""
        self.stream = self._fresh_stream()
        readline = self.handle.readline
        if readline.side_effect == self.lines:
            self.lines = self._readline_side_effect()
            readline.side_effect = self.lines
        return DEFAULT

    def read(self, *args: Any, **kwargs: Any) -> Any:
        chosen = self._set_by_user("read")
        return self.stream.read(*args, **kwargs) if chosen is None else chosen

    def readlines(self, *args: Any, **kwargs: Any) -> Any:
        chosen = self._set_by_user("readlines")
        return self.stream.readlines(*args, **kwargs) if chosen is None else chosen

    def iterate(self) -> Iterator[Any]:
        """``iter(handle)``: each line, or forever a ``readline`` value set by the user."""
        if self._set_by_user("readline") is None:
            yield from self.stream
        else:  # the user's value, read anew for every line, without end
            yield from iter(partial(self._set_by_user, "readline"), _NEVER)

    def _readline_side_effect(self) -> Iterator[Any]:
        """What successive ``handle.readline()`` calls return: the lines, then ``''``."""
        yield from self.iterate()
        while True:
            yield self.stream.readline()

    def next_line(self) -> Any:
        chosen = self._set_by_user("readline")
        return next(self.stream) if chosen is None else chosen


# ``handle.readline``'s side effect is a generator of this method's: named as the
# stdlib's (its repr shows the name).
_FakeFile._readline_side_effect.__qualname__ = "mock_open.<locals>._readline_side_effect"


def _side_effects(file: _FakeFile) -> dict[str, Any]:
    """``file``'s answers as the side effects the stdlib sets: plain functions (not
    bound methods) with its names and parameters, so argument errors, ``inspect``
    and tracebacks read the same."""

    def reset_data(*args: Any, **kwargs: Any) -> Any:
        return file.reset_data()

    def _read_side_effect(*args: Any, **kwargs: Any) -> Any:
        return file.read(*args, **kwargs)

    def _readlines_side_effect(*args: Any, **kwargs: Any) -> Any:
        return file.readlines(*args, **kwargs)

    def _iter_side_effect():  # type: ignore[no-untyped-def]
        yield from file.iterate()

    def _next_side_effect():  # type: ignore[no-untyped-def]
        return file.next_line()

    def _exit_side_effect(exctype, excinst, exctb):  # type: ignore[no-untyped-def]
        file.handle.close()

    effects = {
        "open": reset_data,
        "read": _read_side_effect,
        "readlines": _readlines_side_effect,
        "__iter__": _iter_side_effect,
        "__next__": _next_side_effect,
        "__exit__": _exit_side_effect,
    }
    for effect in effects.values():
        effect.__qualname__ = f"mock_open.<locals>.{effect.__name__}"
        effect.__module__ = PUBLIC_MODULE
        effect.__annotations__ = {}
    return effects


def mock_open(mock: Any = None, read_data: Any = "") -> Any:
    """A mock to replace ``open``, directly or as a context manager.

    ``mock`` is the mock to configure (a MagicMock limited to ``open``'s API by
    default); ``read_data`` is what ``read``, ``readline``, ``readlines`` and
    iteration of the handle return. The data starts over on every call of the mock.
    """
    if mock is None:
        if OPEN_SPEC_AS_NAMES:
            mock = magic_mock_with_spec(_named_spec("open"), name="open")
        else:
            mock = MagicMock(name="open", spec=open)

    handle = magic_mock_with_spec(_named_spec("file"))
    file = _FakeFile(handle, read_data)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    # A None return value means "not chosen by the user": the fake file answers.
    effects = _side_effects(file)
    answers = {
        "read": effects["read"],
        "readline": file.lines,
        "readlines": effects["readlines"],
    }
    for method, answer in answers.items():
        child = getattr(handle, method)
        child.return_value = None
        child.side_effect = answer
    handle.__iter__.side_effect = effects["__iter__"]
    handle.__next__.side_effect = effects["__next__"]
    if MOCK_OPEN_EXIT_CLOSES:
        handle.__exit__.side_effect = effects["__exit__"]

    mock.side_effect = effects["open"]
    mock.return_value = handle
    return mock
