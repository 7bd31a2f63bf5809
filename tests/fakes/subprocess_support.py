"""Helpers for the subprocess fake's tests: running a scenario and describing what
it did, so the real module and the fake can be compared observable by observable."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

#: Real commands the differential tests run (and register on the fake).
SH = "/bin/sh"
PY = sys.executable

_EXCEPTION_FIELDS = (
    "cmd", "returncode", "output", "stdout", "stderr", "timeout",
    "errno", "strerror", "filename", "filename2",
)


def describe(value: Any) -> Any:
    """A comparable description of a result: every field of a CompletedProcess, the
    type and value of anything else."""
    if isinstance(value, subprocess.CompletedProcess):
        return ("CompletedProcess", value.args, value.returncode, value.stdout,
                value.stderr, repr(value))
    if isinstance(value, BaseException):
        return describe_exception(value)
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, [describe(item) for item in value])
    return (type(value).__name__, value)


def describe_exception(exc: BaseException) -> Any:
    """Type, message, args and every field ``subprocess`` and ``OSError`` set.

    A timeout that is the time left of a longer one (as ``communicate`` reports when
    nothing was left to read) is rounded to tenths, in the message too.
    """
    fields = {name: getattr(exc, name) for name in _EXCEPTION_FIELDS if hasattr(exc, name)}
    args, message = exc.args, str(exc)
    if isinstance(exc, subprocess.TimeoutExpired):
        fields["timeout"] = exc.timeout = round(exc.timeout, 1)
        args, message = (exc.args[0], exc.timeout, *exc.args[2:]), str(exc)
    return ("raised", type(exc), message, args, fields)


def observe(action: Callable[[], Any]) -> Any:
    """What ``action`` returned, or what it raised, described."""
    try:
        result = action()
    except Exception as exc:
        return describe_exception(exc)
    return describe(result)


def popen_repr(process: Any) -> str:
    """A Popen's repr with the class name the real one has."""
    return repr(process).replace("FakePopen", "Popen", 1)


def echo_input(call: Any) -> Any:
    """A callback answering with the process's input, as ``cat`` does."""
    from turbomock.fakes.subprocess import Response

    data = call.input or b""
    return Response(stdout=data.encode() if isinstance(data, str) else data)
