"""Every message the subprocess fake shows, in one place.

Where the fake stands in for the real modules, the texts are theirs (kept verbatim
so tests comparing them with the real ones pass); the rest explain a mismatch
between what was registered and what ran, argument by argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from turbomock.fakes._subprocess_model import ProcessCall, Registration

# -- the real modules' texts -----------------------------------------------------------

EMPTY_ARGS = "list index out of range"
PATHLIKE_WITH_SHELL = "path-like args is not allowed when shell is true"
BUFSIZE_NOT_INT = "bufsize must be an integer"
PIPESIZE_NOT_INT = "pipesize must be an integer"
STDOUT_FOR_STDOUT = "STDOUT can only be used for stderr"
PASS_FDS_OVERRIDE = "pass_fds overriding close_fds."
STARTUPINFO_WINDOWS = "startupinfo is only supported on Windows platforms"
CREATIONFLAGS_WINDOWS = "creationflags is only supported on Windows platforms"
TEXT_AMBIGUOUS = (
    "Cannot disambiguate when both text and universal_newlines are supplied but "
    "different. Pass one or the other."
)
BINARY_LINE_BUFFERING = (
    "line buffering (buffering=1) isn't supported in binary mode, the default buffer size "
    "will be used"
)
INPUT_AFTER_START = "Cannot send input after starting communication"
WRITE_TO_CLOSED = "I/O operation on closed file"
ASYNC_CMD_NOT_STRING = "cmd must be a string"
ASYNC_UNIVERSAL_NEWLINES = "universal_newlines must be False"
ASYNC_SHELL_TRUE = "shell must be True"
ASYNC_SHELL_FALSE = "shell must be False"
ASYNC_BUFSIZE = "bufsize must be 0"
ASYNC_TEXT = "text must be False"
ASYNC_ENCODING = "encoding must be None"
ASYNC_ERRORS = "errors must be None"
ASYNC_LOOP_DEPRECATED = (
    "The loop argument is deprecated since Python 3.8 and scheduled for removal in "
    "Python 3.10."
)

# -- the fake's own ---------------------------------------------------------------------

ALREADY_ACTIVE = "a FakeSubprocess is already active; stop it before starting another"
NOT_ACTIVE = (
    "turbomock's fake Popen was used while no FakeSubprocess is active "
    "(a reference kept from while one was?)"
)
PIPE_HAS_NO_FD = (
    "fileno: a fake process's pipe has no file descriptor; read or write the stream instead"
)
EMPTY_COMMAND = "an empty command matches no call: give at least the program"
BAD_RESPONSES = "responses= takes a non-empty list of Response objects"
_UNREGISTERED_HINT = (
    "register it with fake.register(...), or set allow_unregistered=True to run "
    "commands nothing answers for real"
)
_ONE_STRING_HINT = (
    "note: the command is one string without shell=True, so subprocess takes all of "
    "it as the program's name"
)


def show(command: Sequence[Any]) -> str:
    """A command as messages show it: the list, with matchers as their repr."""
    return "[" + ", ".join(repr(item) for item in command) + "]"


def _show_call(number: int, call: ProcessCall) -> str:
    return f"#{number} {call.function} {show(call.argv)}"


def _describe(command: Sequence[Any], fields: dict[str, Any]) -> str:
    if not fields:
        return show(command)
    return f"{show(command)} with {_fields(fields)}"


def _fields(fields: dict[str, Any]) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in fields.items())


def _call_list(calls: list[ProcessCall], chosen: list[ProcessCall] | None = None) -> str:
    numbered = [(n, c) for n, c in enumerate(calls, 1) if chosen is None or c in chosen]
    return "\n".join(f"  {_show_call(n, c)}" for n, c in numbered)


# -- registering ----------------------------------------------------------------------


def unsplittable_command(command: str, exc: Exception) -> str:
    return f"cannot split the command {command!r} like a shell would: {exc}"


def unsplittable_shell_command(command: str, exc: Exception) -> str:
    return f"the fake cannot split the shell command {command!r} to match it: {exc}"


def bad_command_type(command: object) -> str:
    return f"a command is a string or a list of arguments, not {type(command).__name__}"


def bad_command_item(item: object) -> str:
    return (
        f"a command's items are strings, paths or matchers; {item!r} "
        f"({type(item).__name__}) is refused by subprocess as an argument"
    )


def bad_output(name: str, value: object) -> str:
    return f"{name} must be str, bytes or a list of lines, not {type(value).__name__}"


def bad_output_line(name: str, line: object) -> str:
    return f"the lines of {name} must be str or bytes, not {type(line).__name__}: {line!r}"


def bad_returncode(returncode: object) -> str:
    return f"returncode must be an int, not {returncode!r}"


def bad_raises(raises: object) -> str:
    return f"raises must be an exception or an exception class, not {raises!r}"


def bad_duration(duration: object) -> str:
    return f"duration must be a number of seconds >= 0 (inf: never ends), not {duration!r}"


def bad_times(times: object) -> str:
    return f"times must be a positive int, or None for any number of calls, not {times!r}"


def conflicting_answers(chosen: list[str]) -> str:
    given = chosen + ([] if len(chosen) > 1 else ["stdout/stderr/returncode/raises/duration"])
    return f"register() takes one kind of answer, got {' and '.join(given)}"


def bad_callback_answer(registration: Registration, answer: object) -> str:
    return (
        f"the callback registered for {show(registration.command)} returned {answer!r}; "
        "it must return a Response (or raise)"
    )


# -- matching --------------------------------------------------------------------------


def argument_step(kind: str, index: int, expected: Any, actual: Any) -> str:
    if kind == "differs":
        return f"argv[{index}]: expected {expected!r}, got {actual!r}"
    if kind == "missing":
        return f"argv[{index}]: missing, expected {expected!r}"
    return f"argv[{index}]: unexpected {actual!r}"


def cwd_differs(expected: Any, actual: Any) -> str:
    return f"cwd: expected {expected!r}, got {actual!r}"


def env_item_missing(key: Any, expected: Any) -> str:
    return f"env[{key!r}]: expected {expected!r}, not set"


def env_item_differs(key: Any, expected: Any, actual: Any) -> str:
    return f"env[{key!r}]: expected {expected!r}, got {actual!r}"


def env_mismatch(expected: Any) -> str:
    return f"env: does not match {expected!r}"


def used_up(registration: Registration) -> str:
    return f"matches, but was registered for {registration.times} call(s), all used"


def unregistered(
    call: ProcessCall, closest: list[tuple[Registration, list[str]]], total: int
) -> str:
    lines = [f"unregistered command: {show(call.argv)} ({call.function})"]
    if not call.shell and len(call.argv) == 1 and " " in call.argv[0]:
        lines.append(_ONE_STRING_HINT)
    if not total:
        lines.append("no command is registered")
    else:
        lines.append(f"closest registered command{'s' if len(closest) > 1 else ''}:")
        for registration, found in closest:
            lines.append(f"  {show(registration.command)}, registered at {registration.location}")
            lines.extend(f"    {line}" for line in found)
    lines.append(_UNREGISTERED_HINT)
    return "\n".join(lines)


# -- ending --------------------------------------------------------------------------------


def never_used(registration: Registration) -> str:
    return (
        f"{show(registration.command)}, registered at {registration.location} "
        "for any number of calls, was never called"
    )


def used_too_few(registration: Registration, count: int) -> str:
    return (
        f"{show(registration.command)}, registered at {registration.location} "
        f"for {registration.times} call(s), was called {count} time(s)"
    )


def unmet(unused: list[str], unregistered: list[ProcessCall]) -> str:
    lines = ["the subprocess fake's expectations were not met"]
    if unused:
        lines.append("registrations not used as declared:")
        lines.extend(f"  {line}" for line in unused)
    if unregistered:
        lines.append(
            "unregistered commands were started (the error raised then may have been "
            "caught by the code under test):"
        )
        lines.extend(f"  {call.function} {show(call.argv)}" for call in unregistered)
    return "\n".join(lines)


def waits_forever(call: ProcessCall) -> str:
    return (
        f"{show(call.argv)} never ends (duration=inf) and was waited for without a "
        "timeout: the real process would hang here"
    )


def stop_signal(sig: int) -> str:
    return f"the fake does not model stopped processes (signal {sig})"


# -- assertions ------------------------------------------------------------------------------


def field_absent(name: str, expected: Any, function: str) -> str:
    return f"{name}: expected {expected!r}, but {function} has no such argument"


def field_differs(name: str, expected: Any, actual: Any) -> str:
    return f"{name}: expected {expected!r}, got {actual!r}"


def not_called(
    command: Sequence[Any], fields: dict[str, Any], times: int | None,
    closest: tuple[int, list[str]] | None, calls: list[ProcessCall],
) -> str:
    wanted = "" if times is None else f" ({times} time{'s' if times != 1 else ''})"
    lines = [f"expected call not found{wanted}: {_describe(command, fields)}"]
    if closest is None:
        lines.append("no process was started")
        return "\n".join(lines)
    number, found = closest
    lines.append(f"closest call: {_show_call(number + 1, calls[number])}")
    lines.extend(f"  {line}" for line in found)
    lines.append("calls:")
    lines.append(_call_list(calls))
    return "\n".join(lines)


def wrong_count(
    command: Sequence[Any], fields: dict[str, Any], times: int,
    matching: list[ProcessCall], calls: list[ProcessCall],
) -> str:
    return (
        f"expected {_describe(command, fields)} to be called {times} time(s), "
        f"it was called {len(matching)} time(s):\n{_call_list(calls, matching)}"
    )


def called_anyway(
    command: Sequence[Any], fields: dict[str, Any], matching: list[ProcessCall],
    calls: list[ProcessCall],
) -> str:
    return (
        f"expected no call of {_describe(command, fields)}, found {len(matching)}:\n"
        f"{_call_list(calls, matching)}"
    )


def not_every_call(
    fields: dict[str, Any], failing: list[tuple[ProcessCall, list[str]]],
    calls: list[ProcessCall],
) -> str:
    lines = [f"expected every call to have {_fields(fields)}; "
             f"{len(failing)} of {len(calls)} do not:"]
    for call, found in failing:
        lines.append(f"  {_show_call(calls.index(call) + 1, call)}")
        lines.extend(f"    {line}" for line in found)
    return "\n".join(lines)
