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

_specs: dict[str, Spec] = {}
_NEVER = object()  # a sentinel no call returns


def _named_spec(kind: str) -> Spec:
    """The names a file handle (``"file"``) or ``open`` has, as a spec; made once."""
    spec = _specs.get(kind)
    if spec is None:
        import _io

        if kind == "file":  # text or binary: whatever either kind of file has
            names = {*dir(_io.TextIOWrapper), *dir(_io.BytesIO)}
        else:
            names = set(dir(_io.open))
        spec = _specs[kind] = spec_from_list(sorted(names))
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

    def reset_data(self, *args: Any, **kwargs: Any) -> Any:
        """Side effect of the ``open`` mock: the data starts over for this handle."""
        self.stream = self._fresh_stream()
        readline = self.handle.readline
        if readline.side_effect == self.lines:
            self.lines = self._readline_side_effect()
            readline.side_effect = self.lines
        return DEFAULT

    def _read_side_effect(self, *args: Any, **kwargs: Any) -> Any:
        chosen = self._set_by_user("read")
        return self.stream.read(*args, **kwargs) if chosen is None else chosen

    def _readlines_side_effect(self, *args: Any, **kwargs: Any) -> Any:
        chosen = self._set_by_user("readlines")
        return self.stream.readlines(*args, **kwargs) if chosen is None else chosen

    def _iter_side_effect(self) -> Iterator[Any]:
        """``iter(handle)``: each line, or forever a ``readline`` value set by the user."""
        if self._set_by_user("readline") is None:
            yield from self.stream
        else:  # the user's value, read anew for every line, without end
            yield from iter(partial(self._set_by_user, "readline"), _NEVER)

    def _readline_side_effect(self) -> Iterator[Any]:
        """What successive ``handle.readline()`` calls return: the lines, then ``''``."""
        yield from self._iter_side_effect()
        while True:
            yield self.stream.readline()

    def _next_side_effect(self) -> Any:
        chosen = self._set_by_user("readline")
        return next(self.stream) if chosen is None else chosen

    def _exit_side_effect(self, exc_type: Any, exc: Any, tb: Any) -> None:
        self.handle.close()


# The side effects are named as the stdlib's closures are (suites look at them).
for _method in (
    "reset_data", "_read_side_effect", "_readlines_side_effect", "_iter_side_effect",
    "_readline_side_effect", "_next_side_effect", "_exit_side_effect",
):
    getattr(_FakeFile, _method).__qualname__ = f"mock_open.<locals>.{_method}"


def _effect(file: _FakeFile, name: str) -> Any:
    """``file``'s method ``name`` as a plain function, as the stdlib's side effects
    are (closures of ``mock_open``, not bound methods), with the same names."""
    method = getattr(_FakeFile, name)

    def effect(*args: Any, **kwargs: Any) -> Any:
        return method(file, *args, **kwargs)

    effect.__name__ = name
    effect.__qualname__ = method.__qualname__
    effect.__module__ = PUBLIC_MODULE
    return effect


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
    answers = {
        "read": _effect(file, "_read_side_effect"),
        "readline": file.lines,
        "readlines": _effect(file, "_readlines_side_effect"),
    }
    for method, answer in answers.items():
        child = getattr(handle, method)
        child.return_value = None
        child.side_effect = answer
    handle.__iter__.side_effect = _effect(file, "_iter_side_effect")
    handle.__next__.side_effect = _effect(file, "_next_side_effect")
    if MOCK_OPEN_EXIT_CLOSES:
        handle.__exit__.side_effect = _effect(file, "_exit_side_effect")

    mock.side_effect = _effect(file, "reset_data")
    mock.return_value = handle
    return mock
