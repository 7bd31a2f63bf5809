"""What the fake records of each call, and the assertion helpers reading it."""

from __future__ import annotations

import pathlib
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from turbomock import ANY
from turbomock.fakes.subprocess import ANY_ARGS, FakeSubprocess, ProcessCall, Response


@pytest.fixture
def fake() -> Iterator[FakeSubprocess]:
    with FakeSubprocess(allow_unused=True) as fake:
        fake.register(["tool", ANY_ARGS], stdout="out\n", times=None)
        yield fake


def only_call(fake: FakeSubprocess) -> ProcessCall:
    (call,) = fake.calls
    return call


@pytest.mark.parametrize(
    ("start", "function"),
    [
        (lambda: subprocess.run(["tool"]), "subprocess.run"),
        (lambda: subprocess.call(["tool"]), "subprocess.call"),
        (lambda: subprocess.check_call(["tool"]), "subprocess.check_call"),
        (lambda: subprocess.check_output(["tool"]), "subprocess.check_output"),
        (lambda: subprocess.getoutput("tool"), "subprocess.getoutput"),
        (lambda: subprocess.getstatusoutput("tool"), "subprocess.getstatusoutput"),
        (lambda: subprocess.Popen(["tool"]).wait(), "subprocess.Popen"),
    ],
    ids=["run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "Popen"],
)
def test_records_the_function_called(fake: FakeSubprocess, start: Any, function: str) -> None:
    """A call is recorded under the function the code called, not the ones it used."""
    start()
    assert only_call(fake).function == function


@pytest.mark.parametrize(
    ("start", "check"),
    [
        (lambda: subprocess.run(["tool"]), False),
        (lambda: subprocess.run(["tool"], check=True), True),
        (lambda: subprocess.call(["tool"]), False),
        (lambda: subprocess.check_call(["tool"]), True),
        (lambda: subprocess.check_output(["tool"]), True),
        (lambda: subprocess.getstatusoutput("tool"), False),
        (lambda: subprocess.Popen(["tool"]).wait(), False),
    ],
    ids=["run", "run-check", "call", "check_call", "check_output", "getstatusoutput", "Popen"],
)
def test_records_whether_failure_raises(fake: FakeSubprocess, start: Any, check: bool) -> None:
    """``check`` says whether a non-zero exit would raise CalledProcessError."""
    start()
    assert only_call(fake).check is check


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [({}, False), ({"text": True}, True), ({"universal_newlines": True}, True),
     ({"encoding": "utf-8"}, True), ({"errors": "replace"}, True)],
    ids=["bytes", "text", "universal_newlines", "encoding", "errors"],
)
def test_records_text_mode(fake: FakeSubprocess, kwargs: dict[str, Any], text: bool) -> None:
    """``text`` is true for every spelling of text mode."""
    subprocess.run(["tool"], capture_output=True, **kwargs)
    assert only_call(fake).text is text


def test_records_the_arguments(fake: FakeSubprocess) -> None:
    """argv, args as passed, cwd as a string, env as passed, shell."""
    subprocess.run(("tool", pathlib.Path("x")), cwd=pathlib.Path("/srv"), env={"A": "1"})
    call = only_call(fake)
    assert (call.argv, call.args, call.cwd, call.env, call.shell) == (
        ["tool", "x"], ("tool", pathlib.Path("x")), "/srv", {"A": "1"}, False,
    )


def test_records_the_entry_points_arguments_with_defaults(fake: FakeSubprocess) -> None:
    """kwargs holds the called function's arguments, defaults filled in."""
    subprocess.run(["tool"], capture_output=True)
    kwargs = only_call(fake).kwargs
    assert {k: kwargs[k] for k in ("input", "capture_output", "timeout", "check")} == {
        "input": None, "capture_output": True, "timeout": None, "check": False,
    }


def test_records_popen_options(fake: FakeSubprocess) -> None:
    """options holds Popen's arguments as the entry point passed them."""
    subprocess.run(["tool"], capture_output=True)
    options = only_call(fake).options
    assert (options["stdout"], options["stderr"], options["bufsize"]) == (
        subprocess.PIPE, subprocess.PIPE, -1,
    )


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (lambda: subprocess.run(["tool"], input=b"in"), b"in"),
        (lambda: subprocess.run(["tool"], input="in", text=True), "in"),
        (lambda: subprocess.check_output(["tool"], input=b"in"), b"in"),
        (lambda: subprocess.run(["tool"]), None),
    ],
    ids=["bytes", "text", "check_output", "no-input"],
)
def test_records_input(fake: FakeSubprocess, start: Any, expected: Any) -> None:
    """input is what the process got on its stdin pipe, None without a pipe."""
    start()
    assert only_call(fake).input == expected


def test_records_what_was_written_to_stdin(fake: FakeSubprocess) -> None:
    """Text written to a Popen's stdin is recorded as text once it is closed."""
    process = subprocess.Popen(["tool"], stdin=subprocess.PIPE, text=True)
    process.stdin.write("a\n")  # type: ignore[union-attr]
    process.communicate("b\n")
    assert only_call(fake).input == "a\nb\n"


@pytest.mark.parametrize(
    ("start", "timeout"),
    [
        (lambda: subprocess.run(["tool"], timeout=5), 5),
        (lambda: subprocess.call(["tool"], timeout=6), 6),
        (lambda: subprocess.check_output(["tool"], timeout=7), 7),
        (lambda: subprocess.Popen(["tool"]).wait(timeout=8), 8),
        (lambda: subprocess.Popen(["tool"]).communicate(timeout=9), 9),
        (lambda: subprocess.run(["tool"]), None),
    ],
    ids=["run", "call", "check_output", "wait", "communicate", "none"],
)
def test_records_the_timeout(fake: FakeSubprocess, start: Any, timeout: Any) -> None:
    """timeout is the first one the process was waited with."""
    start()
    assert only_call(fake).timeout == timeout


def test_records_pid_and_exit_status(fake: FakeSubprocess) -> None:
    """A call knows its pid and, once waited for, its exit status."""
    process = subprocess.Popen(["tool"])
    call = only_call(fake)
    assert (call.pid, call.returncode) == (process.pid, None)
    process.wait()
    assert call.returncode == 0


def test_registration_knows_its_calls(fake: FakeSubprocess) -> None:
    """A registration lists the calls it answered, each with its place among them."""
    registration = fake.registrations[0]
    subprocess.run(["tool", "a"])
    subprocess.run(["tool", "b"])
    assert [(c.argv, c.index, c.registration) for c in registration.calls] == [
        (["tool", "a"], 0, registration), (["tool", "b"], 1, registration),
    ]
    assert registration.call_count == 2


def test_callback_gets_the_call() -> None:
    """A callback sees the call's argv, cwd, env and input."""
    seen: list[Any] = []

    def respond(call: ProcessCall) -> Response:
        seen.append((call.argv, call.cwd, call.env, call.input))
        return Response(stdout=call.input.upper())

    with FakeSubprocess() as fake:
        fake.register(["upper"], callback=respond)
        result = subprocess.run(["upper"], input=b"abc", capture_output=True, cwd="/",
                                env={"K": "v"})
    assert (result.stdout, seen) == (b"ABC", [(["upper"], "/", {"K": "v"}, b"abc")])


def test_repr_of_a_call(fake: FakeSubprocess) -> None:
    """A call reads as its command and function."""
    subprocess.run(["tool", "x"])
    assert repr(only_call(fake)) == "ProcessCall(['tool', 'x'], function='subprocess.run')"


# -- assertion helpers -------------------------------------------------------------------


def test_assert_called_passes_on_a_matching_call(fake: FakeSubprocess) -> None:
    """assert_called finds a call by command (patterns allowed) and fields."""
    subprocess.run(["tool", "build", "--fast"], check=True, text=True)
    fake.assert_called("tool build --fast", check=True, text=True)
    fake.assert_called(["tool", ANY, ANY_ARGS], function="subprocess.run")
    fake.assert_called_once(["tool", ANY_ARGS])


def test_assert_called_explains_the_closest_call(fake: FakeSubprocess) -> None:
    """A failed assert_called shows the closest call, argument by argument and field
    by field, then every call."""
    subprocess.run(["tool", "build"], capture_output=True)
    subprocess.run(["tool", "push", "img:2"], check=True, text=True)
    with pytest.raises(AssertionError) as raised:
        fake.assert_called(["tool", "push", "img:1"], text=True, check=False)
    assert str(raised.value) == "\n".join([
        "expected call not found: ['tool', 'push', 'img:1'] with text=True, check=False",
        "closest call: #2 subprocess.run ['tool', 'push', 'img:2']",
        "  argv[2]: expected 'img:1', got 'img:2'",
        "  check: expected False, got True",
        "calls:",
        "  #1 subprocess.run ['tool', 'build']",
        "  #2 subprocess.run ['tool', 'push', 'img:2']",
    ])


def test_assert_called_with_no_calls(fake: FakeSubprocess) -> None:
    """With no process started, the failure says so."""
    with pytest.raises(AssertionError) as raised:
        fake.assert_called("tool")
    assert str(raised.value) == "expected call not found: ['tool']\nno process was started"


def test_assert_called_counts(fake: FakeSubprocess) -> None:
    """times= wants exactly that many matching calls, and lists those there were."""
    subprocess.run(["tool"])
    subprocess.run(["tool"])
    fake.assert_called("tool", times=2)
    with pytest.raises(AssertionError) as raised:
        fake.assert_called_once("tool")
    assert str(raised.value) == (
        "expected ['tool'] to be called 1 time(s), it was called 2 time(s):\n"
        "  #1 subprocess.run ['tool']\n"
        "  #2 subprocess.run ['tool']"
    )


def test_assert_not_called(fake: FakeSubprocess) -> None:
    """assert_not_called fails listing the calls that match."""
    subprocess.run(["tool", "rm"])
    fake.assert_not_called(["tool", "push", ANY_ARGS])
    with pytest.raises(AssertionError) as raised:
        fake.assert_not_called(["tool", ANY_ARGS], shell=False)
    assert str(raised.value) == (
        "expected no call of ['tool', ANY_ARGS] with shell=False, found 1:\n"
        "  #1 subprocess.run ['tool', 'rm']"
    )


def test_assert_every_call(fake: FakeSubprocess) -> None:
    """assert_every_call names each call lacking a field, and how."""
    subprocess.run(["tool", "a"], check=False, text=True)
    subprocess.run(["tool", "b"], check=True)
    fake.assert_every_call(function="subprocess.run")
    with pytest.raises(AssertionError) as raised:
        fake.assert_every_call(check=False, text=True)
    assert str(raised.value) == (
        "expected every call to have check=False, text=True; 1 of 2 do not:\n"
        "  #2 subprocess.run ['tool', 'b']\n"
        "    check: expected False, got True\n"
        "    text: expected True, got False"
    )


def test_field_an_entry_point_lacks(fake: FakeSubprocess) -> None:
    """A field no argument of the call has is a difference, named as such."""
    subprocess.Popen(["tool"]).wait()
    with pytest.raises(AssertionError) as raised:
        fake.assert_every_call(capture_output=True)
    assert str(raised.value).splitlines()[2] == (
        "    capture_output: expected True, but subprocess.Popen has no such argument"
    )
