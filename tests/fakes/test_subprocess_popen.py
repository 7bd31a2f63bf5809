"""What only the fake has: how responses are given (callbacks, errors, lines,
durations) and the fake process's time, signals and limits."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import time
import types
from collections.abc import Iterator

import pytest

from turbomock.fakes import _subprocess_popen
from turbomock.fakes.subprocess import FakePopen, FakeSubprocess, ProcessCall, Response


@pytest.fixture
def fake() -> Iterator[FakeSubprocess]:
    with FakeSubprocess() as fake:
        yield fake


def test_lines_are_written_with_newlines(fake: FakeSubprocess) -> None:
    """A list of lines is output with a newline after each."""
    fake.register(["ls"], stdout=["a", b"b"])
    assert subprocess.check_output(["ls"]) == b"a\nb\n"


def test_text_is_written_as_utf8(fake: FakeSubprocess) -> None:
    """A str is the UTF-8 a program would write."""
    fake.register(["echo"], stdout="café")
    assert subprocess.check_output(["echo"]) == "café".encode()


def test_raises_instance_is_raised_as_is(fake: FakeSubprocess) -> None:
    """An exception instance given as raises= is what starting the process raises."""
    error = PermissionError(errno.EACCES, "nope")
    fake.register(["secret"], raises=error)
    with pytest.raises(PermissionError) as raised:
        subprocess.run(["secret"])
    assert raised.value is error
    assert fake.calls[0].returncode is None


def test_raises_class_is_built_as_subprocess_builds_it(fake: FakeSubprocess) -> None:
    """PermissionError as raises= has the errno, message and filename of a failed exec."""
    fake.register(["./script.sh"], raises=PermissionError)
    with pytest.raises(PermissionError) as raised:
        subprocess.run(["./script.sh"])
    assert (raised.value.errno, raised.value.strerror, raised.value.filename) == (
        errno.EACCES, os.strerror(errno.EACCES), "./script.sh",
    )


def test_raises_other_class_is_called_without_arguments(fake: FakeSubprocess) -> None:
    """Any other exception class is raised as ``cls()``."""
    fake.register(["x"], raises=MemoryError)
    with pytest.raises(MemoryError) as raised:
        subprocess.run(["x"])
    assert raised.value.args == ()


def test_callback_error_comes_from_the_call(fake: FakeSubprocess) -> None:
    """What a callback raises is raised by the call that started the process."""

    def refuse(call: object) -> Response:
        raise OSError(errno.E2BIG, "Argument list too long")

    fake.register(["xargs"], callback=refuse)
    with pytest.raises(OSError, match=r"Argument list too long"):
        subprocess.run(["xargs"], capture_output=True)


def test_callback_waits_for_a_popen_stdin_to_close(fake: FakeSubprocess) -> None:
    """With a stdin pipe, the callback runs only once the input is complete."""
    runs: list[object] = []

    def count(call: ProcessCall) -> Response:
        runs.append(call.input)
        return Response(stdout=str(len(call.input or b"")))

    fake.register(["wc", "-c"], callback=count)
    process = subprocess.Popen(["wc", "-c"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    process.stdin.write(b"12345")  # type: ignore[union-attr]
    assert runs == []
    out, _ = process.communicate()
    assert (out, runs) == (b"5", [b"12345"])


def test_run_within_the_duration_succeeds(fake: FakeSubprocess) -> None:
    """A timeout longer than the duration is no problem, and nothing sleeps."""
    fake.register(["build"], duration=30, returncode=0)
    start = time.monotonic()
    assert subprocess.run(["build"], timeout=60).returncode == 0
    assert time.monotonic() - start < 5


def test_waits_with_timeouts_add_up(fake: FakeSubprocess) -> None:
    """Each wait that times out counts as that much time gone by."""
    fake.register(["build"], duration=2.5)
    process = subprocess.Popen(["build"])
    outcomes = []
    for _ in range(3):
        try:
            outcomes.append(process.wait(timeout=1))
        except subprocess.TimeoutExpired:
            outcomes.append("timeout")
    assert outcomes == ["timeout", "timeout", 0]


def test_poll_sees_real_time(fake: FakeSubprocess, monkeypatch: pytest.MonkeyPatch) -> None:
    """poll() is None until the duration has really gone by (on the monotonic clock)."""
    now = [1000.0]
    monkeypatch.setattr(_subprocess_popen, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    fake.register(["build"], duration=10, returncode=3)
    process = subprocess.Popen(["build"])
    polls = [process.poll()]
    now[0] += 9.9
    polls.append(process.poll())
    now[0] += 0.1
    assert [*polls, process.poll()] == [None, None, 3]


def test_endless_process_waited_without_timeout_fails(fake: FakeSubprocess) -> None:
    """A wait that would hang for ever raises instead, saying why."""
    fake.register(["serve"], duration=float("inf"))
    process = subprocess.Popen(["serve"])
    with pytest.raises(RuntimeError) as raised:
        process.wait()
    assert str(raised.value) == (
        "['serve'] never ends (duration=inf) and was waited for without a timeout: the real "
        "process would hang here"
    )
    process.kill()
    process.wait()


def test_harmless_signals_leave_the_process_running(fake: FakeSubprocess) -> None:
    """Signal 0 and those ignored by default do not end a process."""
    fake.register(["serve"], duration=float("inf"))
    process = subprocess.Popen(["serve"])
    process.send_signal(0)
    process.send_signal(signal.SIGCHLD)
    assert process.poll() is None
    process.send_signal(signal.SIGHUP)
    assert process.wait() == -signal.SIGHUP


def test_stop_signals_are_refused(fake: FakeSubprocess) -> None:
    """Stopping a process is not modelled, and says so."""
    fake.register(["serve"], duration=float("inf"))
    process = subprocess.Popen(["serve"])
    with pytest.raises(NotImplementedError):
        process.send_signal(signal.SIGSTOP)
    process.kill()
    assert process.wait() == -signal.SIGKILL


def test_signal_after_exit_does_nothing(fake: FakeSubprocess) -> None:
    """A process that has ended keeps its status whatever is sent."""
    fake.register(["true"], returncode=0)
    process = subprocess.Popen(["true"])
    process.terminate()
    assert process.wait() == 0


def test_keyboard_interrupt_skips_the_wait(fake: FakeSubprocess) -> None:
    """Leaving ``with Popen`` on KeyboardInterrupt does not wait for the process."""
    fake.register(["serve"], duration=float("inf"))
    with pytest.raises(KeyboardInterrupt), subprocess.Popen(["serve"]) as process:
        raise KeyboardInterrupt
    assert process.returncode is None
    process.kill()
    process.wait()


def test_pipes_have_no_file_descriptor(fake: FakeSubprocess) -> None:
    """fileno() of a fake pipe fails clearly, as io does for streams without one."""
    fake.register(["x"])
    process = subprocess.Popen(["x"], stdout=subprocess.PIPE)
    with pytest.raises(io.UnsupportedOperation) as raised:
        process.stdout.fileno()  # type: ignore[union-attr]
    assert str(raised.value) == (
        "fileno: a fake process's pipe has no file descriptor; read or write the stream "
        "instead"
    )
    process.communicate()


def test_pids_are_unique_and_no_real_process_has_them(fake: FakeSubprocess) -> None:
    """Fake pids are distinct and above Linux's largest possible pid."""
    fake.register(["x"], times=3)
    pids = [subprocess.Popen(["x"]).pid for _ in range(3)]
    assert len(set(pids)) == 3
    assert min(pids) >= 2**22


def test_long_repr_is_cut_as_popen_cuts_it(fake: FakeSubprocess) -> None:
    """A Popen's repr longer than 80 characters ends in '...>' at 80."""
    fake.register(["echo", "x" * 100])
    process = subprocess.Popen(["echo", "x" * 100])
    process.wait()
    text = repr(process)
    assert (len(text), text[:31], text[-4:]) == (80, "<FakePopen: returncode: 0 args:", "...>")


def test_fake_popen_is_popen_while_active(fake: FakeSubprocess) -> None:
    """isinstance(p, subprocess.Popen) holds for a fake process while active."""
    fake.register(["x"])
    process = subprocess.Popen(["x"])
    process.wait()
    assert isinstance(process, subprocess.Popen)
    assert isinstance(process, FakePopen)
