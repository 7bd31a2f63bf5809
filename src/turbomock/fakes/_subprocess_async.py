"""The fake ``asyncio.create_subprocess_exec``/``create_subprocess_shell`` and their process.

The process's ``stdout``/``stderr`` are real ``asyncio.StreamReader`` objects, fed
with the output when the process runs and closed (EOF) when it exits, so every way
of reading them behaves as with a real process. Its ``stdin`` collects what is
written. A process with a ``duration`` exits that many seconds later on the event
loop's clock (so ``asyncio.wait_for`` times out as it would); killing it ends it at
once with ``-signal``.

Arguments are checked in the order and with the messages of the real functions.
"""

from __future__ import annotations

import asyncio
import signal
import warnings
from collections.abc import Iterable
from typing import Any

from turbomock._compat import ASYNC_SUBPROCESS_TAKES_LOOP
from turbomock.fakes import _subprocess_messages as msg
from turbomock.fakes._subprocess_install import PASSTHROUGH, active
from turbomock.fakes._subprocess_match import call_argv
from turbomock.fakes._subprocess_model import ProcessCall, Response
from turbomock.fakes._subprocess_popen import bind_popen, next_pid, record_call
from turbomock.fakes._subprocess_streams import (
    OutputPipe,
    Target,
    input_target,
    output_target,
    send,
)

__all__ = ["FakeAsyncProcess", "create_subprocess_exec", "create_subprocess_shell"]

#: asyncio's default limit of a StreamReader's buffer (64 KiB).
_DEFAULT_LIMIT = 2**16
_HARMLESS = {getattr(signal, n) for n in ("SIGCHLD", "SIGCONT", "SIGURG", "SIGWINCH")
             if hasattr(signal, n)}
_STOPPING = {getattr(signal, n) for n in ("SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU")
             if hasattr(signal, n)}


async def create_subprocess_exec(
    program: Any, *args: Any, stdin: Any = None, stdout: Any = None, stderr: Any = None,
    limit: int = _DEFAULT_LIMIT, **kwds: Any,
) -> Any:
    """``asyncio.create_subprocess_exec`` while the fake is active."""
    __tracebackhide__ = True
    arguments = {"program": program, "args": args, "stdin": stdin, "stdout": stdout,
                 "stderr": stderr, "limit": limit, **kwds}
    return await _create(
        "create_subprocess_exec", (program, *args), False, arguments,
        stdin, stdout, stderr, limit, kwds,
    )


async def create_subprocess_shell(
    cmd: Any, stdin: Any = None, stdout: Any = None, stderr: Any = None,
    limit: int = _DEFAULT_LIMIT, **kwds: Any,
) -> Any:
    """``asyncio.create_subprocess_shell`` while the fake is active."""
    __tracebackhide__ = True
    arguments = {"cmd": cmd, "stdin": stdin, "stdout": stdout, "stderr": stderr,
                 "limit": limit, **kwds}
    return await _create(
        "create_subprocess_shell", cmd, True, arguments, stdin, stdout, stderr, limit, kwds
    )


def _check_loop_options(shell: bool, command: Any, kwds: dict[str, Any]) -> dict[str, Any]:
    """The event loop's checks of a subprocess's options; returns the options Popen gets."""
    __tracebackhide__ = True
    universal = kwds.pop("universal_newlines", False)
    wants_shell = kwds.pop("shell", shell)
    bufsize = kwds.pop("bufsize", 0)
    encoding = kwds.pop("encoding", None)
    errors = kwds.pop("errors", None)
    text = kwds.pop("text", None)
    if shell and not isinstance(command, (bytes, str)):
        raise ValueError(msg.ASYNC_CMD_NOT_STRING)
    if universal:
        raise ValueError(msg.ASYNC_UNIVERSAL_NEWLINES)
    if bool(wants_shell) != shell:
        raise ValueError(msg.ASYNC_SHELL_TRUE if shell else msg.ASYNC_SHELL_FALSE)
    if bufsize != 0:
        raise ValueError(msg.ASYNC_BUFSIZE)
    if text:
        raise ValueError(msg.ASYNC_TEXT)
    if encoding is not None:
        raise ValueError(msg.ASYNC_ENCODING)
    if errors is not None:
        raise ValueError(msg.ASYNC_ERRORS)
    return {"shell": shell, "universal_newlines": False, "bufsize": bufsize, **kwds}


async def _create(
    name: str, command: Any, shell: bool, arguments: dict[str, Any],
    stdin: Any, stdout: Any, stderr: Any, limit: int, kwds: dict[str, Any],
) -> Any:
    __tracebackhide__ = True
    installation = active()
    kwds = dict(kwds)
    loop = kwds.pop("loop", None) if ASYNC_SUBPROCESS_TAKES_LOOP else None
    if loop is not None:
        warnings.warn(msg.ASYNC_LOOP_DEPRECATED, DeprecationWarning, stacklevel=3)
    else:
        loop = asyncio.get_running_loop()
    popen_kwds = _check_loop_options(shell, command, dict(kwds))
    options = bind_popen(
        installation.originals["Popen"], (command,),
        {"stdin": stdin, "stdout": stdout, "stderr": stderr, **popen_kwds},
    )
    targets = (input_target(stdin), output_target(stdout, 1), output_target(stderr, 2))
    argv = call_argv(command, shell)
    given_input: Any = None
    if isinstance(targets[0], OutputPipe):
        given_input = targets[0].drain()
    call = record_call(
        function=f"asyncio.{name}", kwargs=arguments, options=options, argv=argv,
        text=False, check=False, input=given_input, timeout=None,
    )
    if installation.engine.begin(call):
        return await _real(installation.originals[name], command, shell, stdin, stdout,
                           stderr, limit, kwds)
    return FakeAsyncProcess(call, targets, loop, limit)


async def _real(
    original: Any, command: Any, shell: bool, stdin: Any, stdout: Any, stderr: Any,
    limit: int, kwds: dict[str, Any],
) -> Any:
    """Run the real factory; the ``subprocess.Popen`` it makes is the real one."""
    token = PASSTHROUGH.set(True)
    try:
        args = (command,) if shell else tuple(command)
        return await original(*args, stdin=stdin, stdout=stdout, stderr=stderr, limit=limit,
                              **kwds)
    finally:
        PASSTHROUGH.reset(token)


class _Stdin:
    """The process's ``stdin``: a ``StreamWriter`` look-alike that collects the input."""

    def __init__(self, process: FakeAsyncProcess) -> None:
        self._process = process
        self._chunks: list[bytes] = []
        self._closing = False

    def write(self, data: Any) -> None:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise AssertionError(repr(data))  # what asyncio's pipe transport raises
        if data and not self._closing:
            self._chunks.append(bytes(data))

    def writelines(self, data: Iterable[Any]) -> None:
        for chunk in data:
            self.write(chunk)

    def data(self) -> bytes:
        return b"".join(self._chunks)

    async def drain(self) -> None:
        await asyncio.sleep(0)

    def can_write_eof(self) -> bool:
        return True

    def write_eof(self) -> None:
        self.close()

    def close(self) -> None:
        if not self._closing:
            self._closing = True
            self._process._stdin_closed()

    def is_closing(self) -> bool:
        return self._closing

    async def wait_closed(self) -> None:
        return None

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default


class FakeAsyncProcess:
    """``asyncio.subprocess.Process`` of a fake process."""

    def __init__(
        self, call: ProcessCall, targets: tuple[Any, Target, Target],
        loop: asyncio.AbstractEventLoop, limit: int,
    ) -> None:
        self._call = call
        self._loop = loop
        self._targets = targets
        self._response: Response | None = None
        self._returncode: int | None = None
        self._exited: asyncio.Future[int] = loop.create_future()
        self._timer: asyncio.TimerHandle | None = None
        self.pid = call.pid = next_pid()
        self.stdin = _Stdin(self) if targets[0] == "pipe" else None
        self.stdout = asyncio.StreamReader(limit=limit, loop=loop) if targets[1] == "pipe" else None
        self.stderr = asyncio.StreamReader(limit=limit, loop=loop) if targets[2] == "pipe" else None
        assert call.registration is not None
        if not (call.registration.has_callback and self.stdin is not None):
            self._run()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.pid}>"

    @property
    def returncode(self) -> int | None:
        """The exit status, None while the process runs."""
        return self._returncode

    def _stdin_closed(self) -> None:
        self._call.input = self.stdin.data() if self.stdin is not None else None
        self._run()

    def _run(self) -> None:
        """Run the process: work out its response, write its output, plan its exit."""
        __tracebackhide__ = True
        if self._response is not None or self._returncode is not None:
            return
        call = self._call
        if self.stdin is not None:
            call.input = self.stdin.data()
        assert call.registration is not None
        response = call.registration.response_for(call)
        error = response.start_error(call.argv)
        if error is not None:
            raise error
        self._response = response
        deliveries = [(response.stdout, self._targets[1], self.stdout)]
        if self._targets[2] == "stdout":  # stderr=STDOUT: both go where stdout goes
            deliveries = [(response.stdout + response.stderr, self._targets[1], self.stdout)]
        else:
            deliveries.append((response.stderr, self._targets[2], self.stderr))
        for data, target, stream in deliveries:
            if stream is not None:
                if data:
                    stream.feed_data(data)
            else:
                send(data, target, None)
        if response.duration == 0:
            self._exit(response.returncode)
        elif response.duration != float("inf"):
            self._timer = self._loop.call_later(response.duration, self._exit, response.returncode)

    def _exit(self, code: int) -> None:
        if self._returncode is not None:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._returncode = self._call.returncode = code
        for stream in (self.stdout, self.stderr):
            if stream is not None:
                stream.feed_eof()
        if not self._exited.done():
            self._exited.set_result(code)

    async def wait(self) -> int:
        """Wait for the process to exit; its exit status."""
        self._run()
        return await asyncio.shield(self._exited)

    async def communicate(self, input: bytes | None = None) -> tuple[bytes | None, bytes | None]:
        """Send ``input``, read stdout and stderr to the end, wait for the exit."""
        if self.stdin is not None:
            if input is not None:
                self.stdin.write(input)
            await self.stdin.drain()
            self.stdin.close()
        stdout = None if self.stdout is None else await self.stdout.read()
        stderr = None if self.stderr is None else await self.stderr.read()
        await self.wait()
        return stdout, stderr

    def send_signal(self, sig: int) -> None:
        """Signal the process: any signal but the harmless ones ends it (-sig)."""
        if self._returncode is not None:
            raise ProcessLookupError()
        if sig == 0 or sig in _HARMLESS:
            return
        if sig in _STOPPING:
            raise NotImplementedError(msg.stop_signal(sig))
        self._exit(-int(sig))

    def terminate(self) -> None:
        """Send SIGTERM."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Send SIGKILL."""
        self.send_signal(signal.SIGKILL)
