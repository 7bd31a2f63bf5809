"""The fake ``subprocess.Popen``: each instance is a fake process answered by a registration.

``run``, ``call``, ``check_call``, ``check_output``, ``getoutput`` and
``getstatusoutput`` stay the real functions, running while ``subprocess.Popen`` is
this class, so their checks, exceptions and results are the real module's by
construction. This class reproduces what they and direct users rely on: the
constructor's checks (a wrong argument fails with the real ``TypeError``), the
streams, ``communicate``/``wait``/``poll`` with timeouts, and signals.

Time: a process ends ``duration`` seconds (its response's) after it started. Waits
never sleep: a wait whose timeout is shorter raises ``TimeoutExpired`` at once and
counts the timeout as time gone by; a wait without one skips to the end. ``poll``
sees the time that really went by too.

A process runs (its callback is called, its output written) when it starts, unless
its response comes from a callback and its stdin is a pipe whose input is not known
yet: then it runs when the input is closed or the first time the process is
waited for, polled or read from.
"""

from __future__ import annotations

import errno
import inspect
import itertools
import locale
import os
import signal
import subprocess
import sys
import time
import types
import warnings
from typing import IO, Any, Callable, ClassVar

from turbomock._compat import (
    POPEN_HAS_PIPESIZE,
    POPEN_NAMES_DEFAULT_ENCODING,
    POPEN_NAMES_LOCALE_ENCODING,
    POPEN_REFUSES_STDOUT_TO_STDOUT,
)
from turbomock.fakes import _subprocess_messages as msg
from turbomock.fakes._subprocess_install import PASSTHROUGH, Entry, active, claim_entries
from turbomock.fakes._subprocess_match import call_argv
from turbomock.fakes._subprocess_model import ProcessCall, Response, mapping_copy
from turbomock.fakes._subprocess_streams import (
    InputSink,
    OutputPipe,
    Target,
    input_target,
    output_target,
    reader,
    send,
    writer,
)

__all__ = ["FakePopen", "bind_popen", "decode_input", "next_pid", "record_call"]

# Linux never hands out a pid at or above 2**22 (PID_MAX_LIMIT): a fake pid that
# reaches os.kill finds no process rather than someone else's.
_pids = itertools.count(2**22)
# Default action "ignore" or "continue": the process goes on.
_HARMLESS_SIGNALS = {
    getattr(signal, name) for name in ("SIGCHLD", "SIGCONT", "SIGURG", "SIGWINCH")
    if hasattr(signal, name)
}
_STOP_SIGNALS = {
    getattr(signal, name) for name in ("SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU")
    if hasattr(signal, name)
}
_binders: dict[Any, Callable[..., dict[str, Any]]] = {}


def next_pid() -> int:
    """A pid for a fake process: unique, and no real process has it."""
    return next(_pids)


def _make_binder(function: Callable[..., Any], class_name: str) -> Callable[..., dict[str, Any]]:
    """A function with ``function``'s exact parameters that returns them by name.

    Made from source so a wrong call fails with the very ``TypeError`` the real
    one gives on the running Python (``Popen.__init__() got an unexpected keyword
    argument ...``), with no list of parameters to keep in step.
    """
    namespace: dict[str, Any] = {}
    parts: list[str] = []
    kinds = inspect.Parameter
    previous: Any = None
    for parameter in inspect.signature(function).parameters.values():
        kind = parameter.kind
        if previous is kinds.POSITIONAL_ONLY and kind is not kinds.POSITIONAL_ONLY:
            parts.append("/")
        opens_keywords = previous not in (kinds.KEYWORD_ONLY, kinds.VAR_POSITIONAL)
        if kind is kinds.KEYWORD_ONLY and opens_keywords:
            parts.append("*")
        if kind is kinds.VAR_POSITIONAL:
            parts.append("*" + parameter.name)
        elif kind is kinds.VAR_KEYWORD:
            parts.append("**" + parameter.name)
        elif parameter.default is parameter.empty:
            parts.append(parameter.name)
        else:
            namespace["default_" + parameter.name] = parameter.default
            parts.append(f"{parameter.name}=default_{parameter.name}")
        previous = kind
    if previous is kinds.POSITIONAL_ONLY:
        parts.append("/")
    source = (
        f"class {class_name}:\n"
        f"    def __init__({', '.join(parts)}):\n"
        "        return locals()\n"
    )
    exec(source, namespace)
    init: Callable[..., dict[str, Any]] = namespace[class_name].__init__
    return init


def bind_popen(popen: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """``Popen``'s arguments by name, defaults filled in; a wrong call fails as for ``popen``."""
    __tracebackhide__ = True
    binder = _binders.get(popen)
    if binder is None:
        binder = _binders[popen] = _make_binder(popen.__init__, "Popen")
    values = binder(None, *args, **kwargs)
    del values["self"]
    return values


def _default_encoding() -> str | None:
    """What ``Popen.encoding`` says in text mode when no encoding is given."""
    if POPEN_NAMES_DEFAULT_ENCODING:
        return "utf-8" if sys.flags.utf8_mode else locale.getpreferredencoding(False)
    return "locale" if POPEN_NAMES_LOCALE_ENCODING else None


def decode_input(data: bytes, encoding: str | None, errors: str | None) -> str | bytes:
    """Input as a text-mode process's record shows it (bytes if it does not decode)."""
    if encoding is None or encoding == "locale":
        encoding = locale.getpreferredencoding(False)
    try:
        return data.decode(encoding, errors or "strict")
    except UnicodeDecodeError:
        return data


def _translate(data: bytes, stream: Any) -> str:
    """Text mode's result of ``communicate``: decoded, newlines made ``\\n``."""
    text: str = data.decode(stream.encoding, stream.errors)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _entry_facts(frames: list[Entry]) -> tuple[str | None, dict[str, Any], bool, Any, Any]:
    """From the entry-point calls: (function, its arguments, check, input, timeout)."""
    if not frames:
        return None, {}, False, None, None
    outer = frames[0]
    arguments = outer.arguments()
    check = outer.function in ("subprocess.check_call", "subprocess.check_output") or (
        outer.function == "subprocess.run" and bool(arguments.get("check"))
    )
    given_input = timeout = None
    for frame in frames:
        if frame.function == "subprocess.run":
            named = frame.arguments()
            given_input, timeout = named["input"], named["timeout"]
        elif frame.function == "subprocess.call":
            timeout = frame.arguments()["timeout"]
    return outer.function, arguments, check, given_input, timeout


def record_call(
    *, function: str, kwargs: dict[str, Any], options: dict[str, Any], argv: list[str],
    text: bool, check: bool, input: Any, timeout: Any,
) -> ProcessCall:
    """The record of a process being started."""
    cwd = options["cwd"]
    return ProcessCall(
        argv=argv, args=options["args"], function=function, kwargs=kwargs, options=options,
        cwd=None if cwd is None else os.fsdecode(cwd), env=mapping_copy(options["env"]),
        shell=bool(options["shell"]), text=text, check=check, input=input, timeout=timeout,
        pid=None,
    )


class FakePopen:
    """``subprocess.Popen`` while the fake is active: a fake process answering from
    its registration (or the real ``Popen`` for commands run for real)."""

    __class_getitem__: ClassVar[Any] = classmethod(types.GenericAlias)

    args: Any
    stdin: IO[Any] | None
    stdout: IO[Any] | None
    stderr: IO[Any] | None
    pid: int
    returncode: int | None
    encoding: str | None
    errors: str | None
    text_mode: Any

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        installation = active()
        popen = installation.originals["Popen"]
        if PASSTHROUGH.get():
            return popen(*args, **kwargs)
        options = bind_popen(popen, args, kwargs)
        self = object.__new__(cls)
        self._configure(options)
        argv = call_argv(options["args"], bool(options["shell"]))
        function, arguments, check, given_input, timeout = _entry_facts(claim_entries())
        stdin = self._stdin_target
        piped = stdin == "pipe" and given_input is not None
        call = record_call(
            function=function or "subprocess.Popen", kwargs=arguments if function else options,
            options=options, argv=argv, text=bool(self.text_mode), check=check,
            input=given_input if piped else None, timeout=timeout,
        )
        if installation.engine.begin(call):
            return popen(*args, **kwargs)
        if isinstance(stdin, OutputPipe):  # another fake process's output is the input
            data = stdin.drain()
            call.input = decode_input(data, self.encoding, self.errors) if self.text_mode else data
        self._start(call, piped or isinstance(stdin, OutputPipe))
        return self

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Everything happened in ``__new__``, which may hand back a real ``Popen``."""

    # -- starting ------------------------------------------------------------------

    def _configure(self, options: dict[str, Any]) -> None:
        """The constructor's checks, in the real order, and the text-mode settings."""
        __tracebackhide__ = True
        bufsize = -1 if options["bufsize"] is None else options["bufsize"]
        if not isinstance(bufsize, int):
            raise TypeError(msg.BUFSIZE_NOT_INT)
        stdout = options["stdout"]
        if POPEN_REFUSES_STDOUT_TO_STDOUT and type(stdout) is int and stdout == subprocess.STDOUT:
            raise ValueError(msg.STDOUT_FOR_STDOUT)
        if POPEN_HAS_PIPESIZE:
            pipesize = -1 if options["pipesize"] is None else options["pipesize"]
            if not isinstance(pipesize, int):
                raise TypeError(msg.PIPESIZE_NOT_INT)
            self.pipesize = pipesize
        if options["pass_fds"] and not options["close_fds"]:
            warnings.warn(msg.PASS_FDS_OVERRIDE, RuntimeWarning, stacklevel=3)
        if options["startupinfo"] is not None:
            raise ValueError(msg.STARTUPINFO_WINDOWS)
        if options["creationflags"] != 0:
            raise ValueError(msg.CREATIONFLAGS_WINDOWS)
        text, universal = options["text"], options["universal_newlines"]
        if text is not None and universal is not None and bool(universal) != bool(text):
            raise subprocess.SubprocessError(msg.TEXT_AMBIGUOUS)
        self.args = options["args"]
        self.stdin = self.stdout = self.stderr = None
        self.returncode = None
        encoding, errors = options["encoding"], options["errors"]
        self.text_mode = encoding or errors or text or universal
        if self.text_mode and encoding is None:
            encoding = _default_encoding()
        self.encoding, self.errors = encoding, errors
        self._line_buffering = bool(self.text_mode) and bufsize == 1
        self._bufsize = -1 if self._line_buffering else bufsize
        self._stdin_target = input_target(options["stdin"])
        self._stdout_target = output_target(stdout, 1)
        self._stderr_target = output_target(options["stderr"], 2)
        if self._stdout_target == "stdout":  # before 3.13: the child's dup2(-2) fails
            raise OSError(errno.EBADF, os.strerror(errno.EBADF), None)

    def _start(self, call: ProcessCall, input_known: bool) -> None:
        __tracebackhide__ = True
        self._call = call
        self._input_known = input_known
        self._communication_started = False
        self._started = time.monotonic()
        self._skipped = 0.0
        self._response: Response | None = None
        self._signal: int | None = None
        self._collected: dict[str, list[bytes]] | None = None
        self._pending_input: Any = None
        text, encoding, errors = bool(self.text_mode), self.encoding, self.errors
        self._sink = InputSink(self._stdin_closed) if self._stdin_target == "pipe" else None
        if self._sink is not None:
            self.stdin = writer(
                self._sink, self._bufsize, text, self._line_buffering, encoding, errors
            )
        self._pipes: dict[str, OutputPipe] = {}
        for name in ("stdout", "stderr"):
            if getattr(self, f"_{name}_target") == "pipe":
                pipe = self._pipes[name] = OutputPipe(self._run)
                setattr(self, name, reader(pipe, self._bufsize, text, encoding, errors))
        self.pid = call.pid = next_pid()
        assert call.registration is not None
        lazy = call.registration.has_callback and self._sink is not None and not input_known
        if not lazy:
            self._run()

    def _written(self) -> Any:
        assert self._sink is not None
        data = self._sink.data()
        if self.text_mode and self.stdin is not None:
            return decode_input(data, getattr(self.stdin, "encoding", None), self.errors)
        return data

    def _stdin_closed(self) -> None:
        if not self._input_known:
            self._call.input = self._written()
        self._run()

    def _run(self) -> None:
        """Run the process: work out its response, write its output."""
        __tracebackhide__ = True
        if self._response is not None:
            return
        call = self._call
        if self._sink is not None and not self._input_known:
            call.input = self._written()
        assert call.registration is not None
        response = call.registration.response_for(call)
        error = response.start_error(call.argv)
        if error is not None:
            raise error
        self._response = response
        out, err = response.stdout, response.stderr
        err_target: Target = self._stderr_target
        if err_target == "stdout":
            out, err, err_target = out + err, b"", self._stdout_target
        send(out, self._stdout_target, self._pipes.get("stdout"))
        send(err, err_target, self._pipes.get("stderr"))

    # -- time and exit status ---------------------------------------------------------

    def _remaining(self) -> float:
        assert self._response is not None
        if self._signal is not None:
            return 0.0
        gone = time.monotonic() - self._started + self._skipped
        return self._response.duration - gone

    def _reap(self) -> int:
        assert self._response is not None
        code = -self._signal if self._signal is not None else self._response.returncode
        self.returncode = self._call.returncode = code
        return code

    def _note_timeout(self, timeout: float | None) -> None:
        if timeout is not None and self._call.timeout is None:
            self._call.timeout = timeout

    def _pass_time(self, timeout: float | None) -> None:
        """Let the process run to its end, or raise when ``timeout`` comes first."""
        __tracebackhide__ = True
        remaining = self._remaining()
        if remaining <= 0:
            return
        if timeout is not None and timeout < remaining:
            self._skipped += max(timeout, 0.0)
            raise subprocess.TimeoutExpired(self.args, timeout)
        if remaining == float("inf"):
            raise RuntimeError(msg.waits_forever(self._call))
        self._skipped += remaining

    def poll(self) -> int | None:
        """The exit status if the process has ended, else None."""
        if self.returncode is None:
            self._run()
            if self._remaining() <= 0:
                self._reap()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the process to end; ``TimeoutExpired`` if ``timeout`` comes first."""
        __tracebackhide__ = True
        self._note_timeout(timeout)
        if self.returncode is not None:
            return self.returncode
        self._run()
        self._pass_time(timeout)
        return self._reap()

    def send_signal(self, sig: int) -> None:
        """Signal the process: any signal but the harmless ones ends it (-sig)."""
        self.poll()
        if self.returncode is not None or sig == 0 or sig in _HARMLESS_SIGNALS:
            return
        if sig in _STOP_SIGNALS:
            raise NotImplementedError(msg.stop_signal(sig))
        self._signal = int(sig)

    def terminate(self) -> None:
        """Send SIGTERM."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Send SIGKILL."""
        self.send_signal(signal.SIGKILL)

    # -- talking to the process ---------------------------------------------------------

    def communicate(self, input: Any = None, timeout: float | None = None) -> tuple[Any, Any]:
        """Send ``input``, read stdout and stderr to the end, wait for the exit."""
        __tracebackhide__ = True
        if self._communication_started and input:
            raise ValueError(msg.INPUT_AFTER_START)
        self._note_timeout(timeout)
        streams = [self.stdin, self.stdout, self.stderr]
        if timeout is None and not self._communication_started and streams.count(None) >= 2:
            # One pipe or none: use it through its stream, as subprocess does.
            stdout = stderr = None
            if self.stdin is not None:
                if input:
                    self.stdin.write(input)
                self.stdin.close()
            elif self.stdout is not None:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr is not None:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return stdout, stderr
        try:
            out, err = self._exchange(input, timeout)
        finally:
            self._communication_started = True
        self.wait()
        if not self.text_mode:
            return out, err
        return (
            None if out is None else _translate(out, self.stdout),
            None if err is None else _translate(err, self.stderr),
        )

    def _reading(self) -> bool:
        return any(not getattr(self, name).closed for name in self._pipes)

    def _exchange(self, input: Any, timeout: float | None) -> tuple[bytes | None, bytes | None]:
        """The general ``communicate``: input written raw, output read raw, with a timeout."""
        __tracebackhide__ = True
        started = time.monotonic()
        if self.stdin is not None and not self._communication_started:
            self.stdin.flush()
            if not input:
                self.stdin.close()
        if self._collected is None:
            self._collected = {name: [] for name in self._pipes}
        stdin: Any = self.stdin
        if stdin is not None and self._pending_input is None:
            self._pending_input = input
            if input is not None and self.text_mode:
                self._pending_input = input.encode(stdin.encoding, stdin.errors)
        if self._pending_input:
            data = bytes(memoryview(self._pending_input))
            self._pending_input = b""
            assert self._sink is not None
            assert self.stdin is not None
            if not self._sink.closed:
                self._sink.write(data)
                self.stdin.close()
        self._run()
        collected = self._collected
        if timeout is not None and not self._reading():
            # Nothing left to read: the real one times out in its final wait, which
            # gets (and reports) the time left rather than the timeout given.
            self._pass_time(timeout - (time.monotonic() - started))
        try:
            self._pass_time(timeout)
        except subprocess.TimeoutExpired as exc:
            self._collect(close=False)
            exc.stdout = b"".join(collected["stdout"]) if collected.get("stdout") else None
            exc.stderr = b"".join(collected["stderr"]) if collected.get("stderr") else None
            raise
        self._collect(close=True)
        out = b"".join(collected["stdout"]) if "stdout" in collected else None
        err = b"".join(collected["stderr"]) if "stderr" in collected else None
        return out, err

    def _collect(self, close: bool) -> None:
        """Read what the open pipes hold into the ``communicate`` buffers."""
        assert self._collected is not None
        for name, pipe in self._pipes.items():
            stream = getattr(self, name)
            if stream.closed:
                continue
            data = pipe.drain()
            if data:
                self._collected[name].append(data)
            if close:
                stream.close()

    # -- the rest of Popen's interface ------------------------------------------------

    def __enter__(self) -> FakePopen:
        return self

    def __exit__(self, exc_type: Any, value: Any, traceback: Any) -> None:
        __tracebackhide__ = True
        if self.stdout is not None:
            self.stdout.close()
        if self.stderr is not None:
            self.stderr.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        finally:
            if exc_type is not KeyboardInterrupt:
                self.wait()

    @property
    def universal_newlines(self) -> Any:
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value: Any) -> None:
        self.text_mode = bool(value)

    def __repr__(self) -> str:
        text = f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"
        return text if len(text) <= 80 else text[:76] + "...>"
