"""Where a fake process's input comes from and its output goes.

The pipes are raw ``io`` streams, wrapped exactly as ``subprocess`` wraps its pipes
(``BufferedReader``/``BufferedWriter``, ``TextIOWrapper`` in text mode), so reading,
iterating, writing, buffering, newline translation and errors behave as the real
ones. Output that is not piped goes where the real child would write it: to the
file descriptor of a file object or number, or to fd 1/2 when inherited.
"""

from __future__ import annotations

import io
import os
import subprocess
import warnings
from collections.abc import Callable
from typing import IO, Any, Union

from turbomock.fakes import _subprocess_messages as msg

__all__ = [
    "InputSink",
    "OutputPipe",
    "Target",
    "find_pipe",
    "input_target",
    "output_target",
    "reader",
    "send",
    "writer",
]

#: Where a stream goes: "pipe", "devnull", "stdout" (stderr only) or a file descriptor.
Target = Union[str, int]


class OutputPipe(io.RawIOBase):
    """The parent's end of a stdout/stderr pipe: the output, readable once.

    ``before_read`` runs the process first when it has not run yet (a callback that
    waited for its input).
    """

    def __init__(self, before_read: Callable[[], None]) -> None:
        super().__init__()
        self._before_read = before_read
        self._data = b""
        self._offset = 0

    def feed(self, data: bytes) -> None:
        """Set what the process wrote to this pipe."""
        self._data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._before_read()
        with memoryview(buffer) as view:
            chunk = self._data[self._offset : self._offset + len(view)]
            view[: len(chunk)] = chunk
        self._offset += len(chunk)
        return len(chunk)

    def drain(self) -> bytes:
        """Everything not read yet, bypassing any buffer above (as the real
        ``communicate`` reads the file descriptor)."""
        self._before_read()
        rest = self._data[self._offset :]
        self._offset = len(self._data)
        return rest

    def fileno(self) -> int:
        raise io.UnsupportedOperation(msg.PIPE_HAS_NO_FD)


class InputSink(io.RawIOBase):
    """The parent's end of a stdin pipe: collects what is written; ``on_close`` runs
    when it is closed (the process may then run with its whole input)."""

    def __init__(self, on_close: Callable[[], None]) -> None:
        super().__init__()
        self._chunks: list[bytes] = []
        self._on_close = on_close

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.closed:
            raise ValueError(msg.WRITE_TO_CLOSED)
        chunk = bytes(data)
        self._chunks.append(chunk)
        return len(chunk)

    def data(self) -> bytes:
        """All bytes written so far."""
        return b"".join(self._chunks)

    def close(self) -> None:
        if not self.closed:
            super().close()
            self._on_close()

    def fileno(self) -> int:
        raise io.UnsupportedOperation(msg.PIPE_HAS_NO_FD)


def _buffer_size(bufsize: int) -> int:
    if bufsize == 1:  # as io.open warns for a binary pipe
        warnings.warn(msg.BINARY_LINE_BUFFERING, RuntimeWarning, stacklevel=4)
    return bufsize if bufsize > 1 else io.DEFAULT_BUFFER_SIZE


def writer(
    sink: InputSink, bufsize: int, text: bool, line_buffering: bool,
    encoding: str | None, errors: str | None,
) -> IO[Any]:
    """The ``stdin`` object of a Popen, layered as ``subprocess`` layers it."""
    stream: Any = sink if bufsize == 0 else io.BufferedWriter(sink, _buffer_size(bufsize))
    if text:
        stream = io.TextIOWrapper(
            stream, write_through=True, line_buffering=line_buffering,
            encoding=encoding, errors=errors,
        )
    return stream  # type: ignore[no-any-return]


def reader(
    pipe: OutputPipe, bufsize: int, text: bool, encoding: str | None, errors: str | None
) -> IO[Any]:
    """The ``stdout``/``stderr`` object of a Popen, layered as ``subprocess`` layers it."""
    stream: Any = pipe if bufsize == 0 else io.BufferedReader(pipe, _buffer_size(bufsize))
    if text:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream  # type: ignore[no-any-return]


def find_pipe(stream: object) -> OutputPipe | None:
    """The fake pipe under a stream given as another process's stdin, if it is one."""
    for _ in range(3):
        if isinstance(stream, OutputPipe):
            return stream
        stream = getattr(stream, "buffer", None) or getattr(stream, "raw", None)
    return None


def _descriptor(value: Any) -> int:
    """The file descriptor of an int or file object, as ``subprocess`` takes it."""
    if isinstance(value, int):
        return value
    return int(value.fileno())


def input_target(value: Any) -> Target | OutputPipe:
    """Where stdin comes from: "pipe", "none" (no input the fake can see) or a fake pipe."""
    if value == subprocess.PIPE:
        return "pipe"
    pipe = find_pipe(value)
    if pipe is not None:
        return pipe
    if value is not None and value != subprocess.DEVNULL:
        _descriptor(value)  # refuses what subprocess refuses, with the same error
    return "none"


def output_target(value: Any, inherited: int) -> Target:
    """Where stdout or stderr goes; ``inherited`` is the parent's descriptor."""
    if value is None:
        return inherited
    if value == subprocess.PIPE:
        return "pipe"
    if value == subprocess.DEVNULL:
        return "devnull"
    if value == subprocess.STDOUT:
        return "stdout"
    return _descriptor(value)


def send(data: bytes, target: Target, pipe: OutputPipe | None) -> None:
    """Deliver what the process wrote to one of its outputs."""
    if not data or target == "devnull":
        return
    if target == "pipe":
        assert pipe is not None
        pipe.feed(data)
        return
    assert isinstance(target, int)
    view = memoryview(data)
    while view:
        view = view[os.write(target, view) :]
