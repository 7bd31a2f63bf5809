"""What the subprocess fake is told (``Response``, ``Registration``) and what it records
(``ProcessCall``).

Registrations and calls are shared between threads: a registration's calls are only
appended under the fake's lock (held by the engine), and read as copies.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Optional, Union

from turbomock.fakes import _subprocess_messages as msg
from turbomock.fakes._subprocess_match import (
    UNSET,
    align,
    effective_env,
    env_differences,
    match,
    matches,
    show_command,
)

__all__ = ["Output", "ProcessCall", "Registration", "Response", "Responder"]

#: A stream's content: text (written as UTF-8), bytes, or lines (each ends with "\n").
Output = Union[str, bytes, Sequence[Union[str, bytes]]]
#: A callback computing a response from the call; it may raise instead.
Responder = Callable[["ProcessCall"], "Response"]
Raises = Optional[Union[BaseException, "type[BaseException]"]]

# The errno a failed exec reports for the OSError subclasses worth naming by class.
_EXEC_ERRNO: dict[type[BaseException], int] = {
    FileNotFoundError: errno.ENOENT,
    PermissionError: errno.EACCES,
    NotADirectoryError: errno.ENOTDIR,
}


def _output_bytes(value: Output, name: str) -> bytes:
    """A stream's content as the bytes the process writes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, Sequence) and not isinstance(value, (bytearray, memoryview)):
        lines = []
        for line in value:
            if not isinstance(line, (str, bytes)):
                raise TypeError(msg.bad_output_line(name, line))
            lines.append(_output_bytes(line, name) + b"\n")
        return b"".join(lines)
    raise TypeError(msg.bad_output(name, value))


class Response:
    """What one fake process does: the output it writes, its exit status and how long
    it runs, or the error raised when starting it (``raises=``).

    ``stdout``/``stderr`` are bytes, text (written as UTF-8) or a list of lines (each
    written with a ``"\\n"``). A ``duration`` in seconds makes waits with a shorter
    ``timeout`` raise ``TimeoutExpired`` (the fake never sleeps for it).
    """

    __slots__ = ("stdout", "stderr", "returncode", "raises", "duration")

    def __init__(
        self,
        stdout: Output = b"",
        stderr: Output = b"",
        returncode: int = 0,
        *,
        raises: Raises = None,
        duration: float = 0.0,
    ) -> None:
        if isinstance(returncode, bool) or not isinstance(returncode, int):
            raise TypeError(msg.bad_returncode(returncode))
        if not (
            raises is None
            or isinstance(raises, BaseException)
            or (isinstance(raises, type) and issubclass(raises, BaseException))
        ):
            raise TypeError(msg.bad_raises(raises))
        if isinstance(duration, bool) or not isinstance(duration, (int, float)) or duration < 0:
            raise ValueError(msg.bad_duration(duration))
        self.stdout = _output_bytes(stdout, "stdout")
        self.stderr = _output_bytes(stderr, "stderr")
        self.returncode = returncode
        self.raises = raises
        self.duration = float(duration)

    def start_error(self, argv: Sequence[str]) -> BaseException | None:
        """The exception starting the process raises, built as subprocess builds it."""
        raises = self.raises
        if raises is None or isinstance(raises, BaseException):
            return raises
        code = _EXEC_ERRNO.get(raises)
        if code is not None:
            return raises(code, os.strerror(code), argv[0])
        return raises()

    def __repr__(self) -> str:
        fields = [f"stdout={self.stdout!r}", f"stderr={self.stderr!r}"]
        fields.append(f"returncode={self.returncode!r}")
        if self.raises is not None:
            fields.append(f"raises={self.raises!r}")
        if self.duration:
            fields.append(f"duration={self.duration!r}")
        return f"Response({', '.join(fields)})"


class ProcessCall:
    """One process the code under test started while the fake was active.

    ``argv`` is the command as matched (a shell command line split like shlex);
    ``args`` as passed. ``function`` is the entry point the code called
    (``"subprocess.run"``, ``"subprocess.Popen"``, ``"asyncio.create_subprocess_exec"``,
    ...), ``kwargs`` that function's arguments (defaults filled in), ``options`` the
    ``Popen`` arguments that resulted. ``input`` is what the process got on its stdin
    pipe (``None`` without one), ``timeout`` the first timeout it was waited with.
    ``check`` says whether a non-zero exit raises (``run(check=True)``,
    ``check_call``, ``check_output``); ``text`` whether its pipes are in text mode.
    """

    __slots__ = (
        "argv", "args", "function", "kwargs", "options", "cwd", "env", "shell",
        "text", "check", "input", "timeout", "pid", "returncode", "registration",
        "index",
    )

    def __init__(
        self,
        *,
        argv: list[str],
        args: Any,
        function: str,
        kwargs: dict[str, Any],
        options: dict[str, Any],
        cwd: str | None,
        env: dict[str, str] | None,
        shell: bool,
        text: bool,
        check: bool,
        input: bytes | str | None,
        timeout: float | None,
        pid: int | None,
    ) -> None:
        self.argv = argv
        self.args = args
        self.function = function
        self.kwargs = kwargs
        self.options = options
        self.cwd = cwd
        self.env = env
        self.shell = shell
        self.text = text
        self.check = check
        self.input = input
        self.timeout = timeout
        self.pid = pid
        #: The exit status once a wait or poll saw it (None before, or if never waited).
        self.returncode: int | None = None
        #: The registration that answered, or None (unregistered, or run for real).
        self.registration: Registration | None = None
        #: Which of the registration's calls this is (0 for the first).
        self.index = -1

    #: The fields assertions read from the call itself, before kwargs and options.
    FIELDS = ("argv", "args", "function", "cwd", "env", "shell", "text", "check",
              "input", "timeout", "pid", "returncode")

    def field(self, name: str) -> Any:
        """A field for assertions: the call's own, else the entry point's argument,
        else the Popen argument. Raises ``KeyError`` for a name none of them has."""
        if name in self.FIELDS:
            return getattr(self, name)
        if name in self.kwargs:
            return self.kwargs[name]
        return self.options[name]

    def __repr__(self) -> str:
        return f"ProcessCall({show_command(self.argv)}, function={self.function!r})"


class Registration:
    """A command the fake answers, how, and for how many calls (``times``; None: any
    number, at least one). Returned by ``FakeSubprocess.register``."""

    __slots__ = ("command", "cwd", "env", "times", "location", "real",
                 "_responses", "_callback", "_calls")

    def __init__(
        self,
        command: tuple[Any, ...],
        *,
        responses: Sequence[Response],
        callback: Responder | None,
        real: bool,
        times: int | None,
        cwd: Any,
        env: Any,
        location: str,
    ) -> None:
        self.command = command
        self.cwd = cwd
        self.env = env
        self.times = times
        self.location = location
        self.real = real
        self._responses = tuple(responses)
        self._callback = callback
        self._calls: list[ProcessCall] = []

    @property
    def calls(self) -> list[ProcessCall]:
        """The calls this registration answered, in order (a copy)."""
        return list(self._calls)

    @property
    def has_callback(self) -> bool:
        """Whether a callback computes the responses (so they may depend on the input)."""
        return self._callback is not None

    @property
    def call_count(self) -> int:
        """How many calls this registration answered."""
        return len(self._calls)

    def __repr__(self) -> str:
        times = "any number of" if self.times is None else str(self.times)
        return f"<Registration {show_command(self.command)} for {times} call(s), {self.location}>"

    def copy(self) -> Registration:
        """The same registration, with no calls yet (for a copy of the fake)."""
        return Registration(
            self.command, responses=self._responses, callback=self._callback, real=self.real,
            times=self.times, cwd=self.cwd, env=self.env, location=self.location,
        )

    # -- used by the engine ---------------------------------------------------------

    def matches(self, call: ProcessCall) -> bool:
        """Whether this registration answers ``call`` (room aside)."""
        if not match(self.command, call.argv):
            return False
        if self.cwd is not UNSET and not matches(self.cwd, call.cwd):
            return False
        return self.env is UNSET or not env_differences(self.env, effective_env(call.env))

    def differences(self, call: ProcessCall) -> tuple[tuple[int, int, int], list[str]]:
        """How far ``call`` is from this registration (differences in all, in argv,
        and arguments not equal, for ranking), and each difference in words."""
        cost, kept, steps = align(self.command, call.argv)
        found = [str(step) for step in steps]
        if self.cwd is not UNSET and not matches(self.cwd, call.cwd):
            found.append(msg.cwd_differs(self.cwd, call.cwd))
        if self.env is not UNSET:
            found.extend(env_differences(self.env, effective_env(call.env)))
        return (len(found), cost, -kept), found

    def has_room(self) -> bool:
        """Whether the registration may answer one more call (caller holds the lock)."""
        return self.times is None or len(self._calls) < self.times

    def take(self, call: ProcessCall) -> None:
        """Answer ``call`` (caller holds the lock)."""
        call.registration = self
        call.index = len(self._calls)
        self._calls.append(call)

    def reset(self) -> None:
        """Forget the calls answered, for a fresh start of the fake."""
        self._calls = []

    def unmet(self) -> str | None:
        """Why this registration was not used as declared, or None."""
        count = len(self._calls)
        if self.times is None:
            return None if count else msg.never_used(self)
        return None if count >= self.times else msg.used_too_few(self, count)

    def response_for(self, call: ProcessCall) -> Response:
        """The response for ``call``: a callback's answer, or the next in sequence."""
        if self._callback is not None:
            answer = self._callback(call)
            if not isinstance(answer, Response):
                raise TypeError(msg.bad_callback_answer(self, answer))
            return answer
        return self._responses[min(call.index, len(self._responses) - 1)]


def mapping_copy(env: Mapping[Any, Any] | None) -> dict[str, str] | None:
    """The ``env`` a call passed, as strings (``None`` if it inherits the environment)."""
    return None if env is None else effective_env(env)
