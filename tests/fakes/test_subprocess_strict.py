"""Strictness: what fails at the end of the fake's use, what relaxes it, and the
checks ``register`` makes on what it is given."""

from __future__ import annotations

import re
import subprocess
from typing import Any

import pytest
from subprocess_support import SH

from turbomock.fakes.subprocess import (
    FakeSubprocess,
    FakeSubprocessError,
    Response,
    UnregisteredCommandError,
)


def test_unused_registration_fails_at_the_end() -> None:
    """A registration never called fails the end of the block, naming it."""
    fake = FakeSubprocess()
    registration = fake.register(["make", "all"])
    with pytest.raises(FakeSubprocessError) as raised, fake:
        pass
    assert str(raised.value) == (
        "the subprocess fake's expectations were not met\n"
        "registrations not used as declared:\n"
        f"  ['make', 'all'], registered at {registration.location} for 1 call(s), "
        "was called 0 time(s)"
    )


def test_registration_used_too_few_times_fails() -> None:
    """A registration for 3 calls used twice fails with its count."""
    fake = FakeSubprocess()
    registration = fake.register(["ping"], times=3)
    fake.start()
    subprocess.run(["ping"])
    subprocess.run(["ping"])
    with pytest.raises(FakeSubprocessError) as raised:
        fake.stop()
    assert str(raised.value).splitlines()[2] == (
        f"  ['ping'], registered at {registration.location} for 3 call(s), was called 2 time(s)"
    )


def test_any_number_means_at_least_one() -> None:
    """times=None still wants one call."""
    fake = FakeSubprocess()
    registration = fake.register(["ping"], times=None)
    with pytest.raises(FakeSubprocessError) as raised, fake:
        pass
    assert str(raised.value).splitlines()[2] == (
        f"  ['ping'], registered at {registration.location} for any number of calls, "
        "was never called"
    )


def test_allow_unused_lets_registrations_go() -> None:
    """allow_unused=True ends quietly with registrations left over."""
    with FakeSubprocess(allow_unused=True) as fake:
        fake.register(["make"])
    assert fake.calls == []


def test_unregistered_call_raises_at_once() -> None:
    """An unregistered command raises UnregisteredCommandError (an AssertionError)."""
    fake = FakeSubprocess().start()
    try:
        with pytest.raises(UnregisteredCommandError) as raised:
            subprocess.run(["rm", "-rf", "/"])
    finally:
        fake.stop(verify=False)
    assert isinstance(raised.value, AssertionError)
    assert str(raised.value).startswith("unregistered command: ['rm', '-rf', '/']")


def test_swallowed_unregistered_call_fails_at_the_end() -> None:
    """Code that catches the error does not hide the unregistered command."""

    def best_effort() -> None:
        try:
            subprocess.run(["notify-send", "done"])
        except Exception:
            pass

    with pytest.raises(FakeSubprocessError) as raised, FakeSubprocess():
        best_effort()
    assert str(raised.value) == (
        "the subprocess fake's expectations were not met\n"
        "unregistered commands were started (the error raised then may have been caught "
        "by the code under test):\n"
        "  subprocess.run ['notify-send', 'done']"
    )


def test_allow_unregistered_runs_the_real_command() -> None:
    """allow_unregistered=True runs what nothing answers, for real, and records it."""
    with FakeSubprocess(allow_unregistered=True) as fake:
        result = subprocess.run([SH, "-c", "echo real; exit 5"], capture_output=True)
    assert (result.returncode, result.stdout) == (5, b"real\n")
    assert [(c.argv, c.registration) for c in fake.calls] == [
        ([SH, "-c", "echo real; exit 5"], None)
    ]


def test_real_registration_runs_the_real_command() -> None:
    """register(..., real=True) runs that command for real."""
    with FakeSubprocess() as fake:
        registration = fake.register([SH, "-c", "echo real"], real=True)
        process = subprocess.Popen([SH, "-c", "echo real"], stdout=subprocess.PIPE)
        out, _ = process.communicate()
    assert (type(process), out, registration.call_count) == (subprocess.Popen, b"real\n", 1)


def test_error_in_the_block_skips_the_checks() -> None:
    """When the block raises, that error comes out alone, and all is restored."""
    original = subprocess.run
    fake = FakeSubprocess()
    fake.register(["never"])
    with pytest.raises(KeyError), fake:
        raise KeyError("boom")
    assert subprocess.run is original
    assert not fake.active


def test_verify_can_be_called_while_active() -> None:
    """verify() checks the registrations at any point."""
    with FakeSubprocess() as fake:
        fake.register(["once"])
        with pytest.raises(FakeSubprocessError):
            fake.verify()
        subprocess.run(["once"])
        fake.verify()


def test_end_error_lists_both_problems() -> None:
    """Unused registrations and unregistered commands are reported together."""
    fake = FakeSubprocess()
    fake.register(["a"])
    fake.start()
    with pytest.raises(UnregisteredCommandError):
        subprocess.call(["b"])
    with pytest.raises(FakeSubprocessError) as raised:
        fake.stop()
    assert str(raised.value).splitlines()[1::2] == [
        "registrations not used as declared:",
        "unregistered commands were started (the error raised then may have been caught "
        "by the code under test):",
    ]


# -- what register() refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"callback": lambda call: Response(), "stdout": "x"},
         "register() takes one kind of answer, got callback and "
         "stdout/stderr/returncode/raises/duration"),
        ({"callback": lambda call: Response(), "real": True},
         "register() takes one kind of answer, got callback and real"),
        ({"responses": [Response()], "returncode": 1},
         "register() takes one kind of answer, got responses and "
         "stdout/stderr/returncode/raises/duration"),
    ],
    ids=["callback-and-output", "callback-and-real", "responses-and-returncode"],
)
def test_one_kind_of_answer(kwargs: dict[str, Any], message: str) -> None:
    """A registration answers one way only."""
    with pytest.raises(TypeError, match=f"^{re.escape(message)}$"):
        FakeSubprocess().register(["x"], **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"times": 0}, ValueError,
         "times must be a positive int, or None for any number of calls, not 0"),
        ({"times": True}, ValueError,
         "times must be a positive int, or None for any number of calls, not True"),
        ({"responses": []}, TypeError, "responses= takes a non-empty list of Response objects"),
        ({"responses": ["ok"]}, TypeError,
         "responses= takes a non-empty list of Response objects"),
        ({"stdout": 3}, TypeError, "stdout must be str, bytes or a list of lines, not int"),
        ({"stderr": ["a", 1]}, TypeError, "the lines of stderr must be str or bytes, not int: 1"),
        ({"returncode": "1"}, TypeError, "returncode must be an int, not '1'"),
        ({"duration": -1}, ValueError,
         "duration must be a number of seconds >= 0 (inf: never ends), not -1"),
        ({"raises": "boom"}, TypeError,
         "raises must be an exception or an exception class, not 'boom'"),
        ({"command": 3}, TypeError, "a command is a string or a list of arguments, not int"),
    ],
    ids=["times-0", "times-bool", "responses-empty", "responses-not-Response", "stdout-int",
         "stderr-line-int", "returncode-str", "duration-negative", "raises-str", "command-int"],
)
def test_bad_registration_is_refused(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    """What cannot describe a process is refused when registered, not when called."""
    command = kwargs.pop("command", ["x"])
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        FakeSubprocess().register(command, **kwargs)


def test_callback_must_answer_a_response() -> None:
    """A callback returning something else fails the call, saying what it returned."""
    with FakeSubprocess() as fake:
        fake.register(["x"], callback=lambda call: "output")  # type: ignore[arg-type,return-value]
        with pytest.raises(TypeError) as raised:
            subprocess.run(["x"])
    assert str(raised.value) == (
        "the callback registered for ['x'] returned 'output'; it must return a Response "
        "(or raise)"
    )
