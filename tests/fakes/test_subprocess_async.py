"""The fake asyncio processes against real ones (same scenario, same observables),
and what only the fake has: durations on the loop's clock, callbacks on the input."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from subprocess_support import SH, echo_input, observe

from turbomock.fakes.subprocess import FakeAsyncProcess, FakeSubprocess, Response

PIPE, STDOUT = asyncio.subprocess.PIPE, asyncio.subprocess.STDOUT
MISSING = "turbomock-no-such-program"
Register = Callable[[FakeSubprocess], Any]
CASES: list[Any] = []


def case(register: Register) -> Callable[[Callable[[], Awaitable[Any]]], Any]:
    """Add the decorated coroutine scenario, with how to register the fake for it."""

    def add(scenario: Callable[[], Awaitable[Any]]) -> Any:
        CASES.append(pytest.param(scenario, register, id=scenario.__name__))
        return scenario

    return add


def nothing(fake: FakeSubprocess) -> None:
    """No registration: the scenario fails before any process starts."""


async def exec_(*argv: str, **kwargs: Any) -> Any:
    """``asyncio.create_subprocess_exec`` as looked up now (the fake, when active)."""
    return await asyncio.create_subprocess_exec(*argv, **kwargs)


@case(lambda f: f.register([SH, "-c", "echo hi; exit 3"], stdout="hi\n", returncode=3))
async def exec_communicate() -> Any:
    p = await exec_(SH, "-c", "echo hi; exit 3", stdout=PIPE)
    out = await p.communicate()
    return out, p.returncode, await p.wait(), p.stdin, p.stderr, type(p.pid)


@case(lambda f: f.register(["cat"], callback=echo_input))
async def exec_stdin() -> Any:
    p = await exec_("cat", stdin=PIPE, stdout=PIPE, stderr=PIPE)
    return await p.communicate(b"abc\n"), p.returncode


@case(lambda f: f.register([SH, "-c", "echo o; echo e >&2"], stdout="o\n", stderr="e\n"))
async def exec_stderr_to_stdout() -> Any:
    p = await exec_(SH, "-c", "echo o; echo e >&2", stdout=PIPE, stderr=STDOUT)
    return await p.communicate()


@case(lambda f: f.register([SH, "-c", "printf 'a\\nb\\nc'"], stdout="a\nb\nc"))
async def exec_readline() -> Any:
    p = await exec_(SH, "-c", "printf 'a\\nb\\nc'", stdout=PIPE)
    lines = [await p.stdout.readline() for _ in range(4)]
    return lines, await p.wait(), p.stdout.at_eof()


@case(lambda f: f.register([SH, "-c", "printf abcdef"], stdout="abcdef"))
async def exec_read_parts() -> Any:
    p = await exec_(SH, "-c", "printf abcdef", stdout=PIPE)
    parts = [await p.stdout.readexactly(2), await p.stdout.readuntil(b"e"),
             await p.stdout.read()]
    return parts, await p.wait()


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=5))
async def exec_wait_for_times_out_then_kill() -> Any:
    p = await exec_(SH, "-c", "exec sleep 5")
    timed_out = type(await _raised(asyncio.wait_for(p.wait(), 0.2)))
    running = p.returncode
    p.kill()
    return timed_out, running, await p.wait(), p.returncode


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=float("inf")))
async def exec_terminate() -> Any:
    p = await exec_(SH, "-c", "exec sleep 5")
    p.send_signal(signal.SIGTERM)
    return await p.wait()


@case(lambda f: f.register([SH, "-c", "true"]))
async def exec_kill_after_exit() -> Any:
    p = await exec_(SH, "-c", "true")
    await p.wait()
    return observe(p.kill)


@case(lambda f: f.register([MISSING], raises=FileNotFoundError))
async def exec_missing_program() -> Any:
    return await exec_(MISSING)


@case(lambda f: f.register(["cat"], callback=echo_input))
async def exec_stdin_write_str() -> Any:
    p = await exec_("cat", stdin=PIPE, stdout=PIPE)
    raised = observe(lambda: p.stdin.write("text"))
    out = await p.communicate(b"bytes")
    return raised, out


@case(nothing)
async def exec_text_refused() -> Any:
    return await exec_("true", text=True)


@case(nothing)
async def exec_shell_refused() -> Any:
    return await exec_("true", shell=True)


@case(nothing)
async def exec_bufsize_refused() -> Any:
    return await exec_("true", bufsize=1)


@case(nothing)
async def exec_encoding_refused() -> Any:
    return await exec_("true", encoding="utf-8")


@case(nothing)
async def exec_unknown_keyword() -> Any:
    return await exec_("true", foo=1)


@case(lambda f: f.register("echo hi; exit 4", stdout="hi\n", returncode=4))
async def shell_communicate() -> Any:
    p = await asyncio.create_subprocess_shell("echo hi; exit 4", stdout=PIPE)
    return await p.communicate(), p.returncode


@case(nothing)
async def shell_needs_a_string() -> Any:
    return await asyncio.create_subprocess_shell(["echo", "hi"])


@case(nothing)
async def shell_universal_newlines_refused() -> Any:
    return await asyncio.create_subprocess_shell("true", universal_newlines=True)


async def _raised(awaitable: Awaitable[Any]) -> BaseException | None:
    try:
        await awaitable
    except BaseException as exc:
        return exc
    return None


def _in_loop(scenario: Callable[[], Awaitable[Any]]) -> Callable[[], Any]:
    return lambda: asyncio.run(scenario())  # type: ignore[arg-type]


@pytest.mark.parametrize(("scenario", "register"), CASES)
def test_fake_matches_real(scenario: Callable[[], Awaitable[Any]], register: Register) -> None:
    """The fake asyncio process is observably the real one."""
    real = observe(_in_loop(scenario))
    with FakeSubprocess() as fake:
        register(fake)
        faked = observe(_in_loop(scenario))
    assert faked == real


def test_process_repr_names_the_pid() -> None:
    """The process reads as asyncio's, with its class and pid."""

    async def scenario() -> FakeAsyncProcess:
        return await asyncio.create_subprocess_exec("x")  # type: ignore[return-value]

    with FakeSubprocess() as fake:
        fake.register(["x"])
        process = asyncio.run(scenario())
    assert repr(process) == f"<FakeAsyncProcess {process.pid}>"


def test_duration_runs_on_the_loop_clock() -> None:
    """A process with a duration exits that long after it started, with its status."""

    async def scenario() -> tuple[Any, Any, float]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        process = await asyncio.create_subprocess_exec("build")
        running = process.returncode
        return running, await process.wait(), loop.time() - start

    with FakeSubprocess() as fake:
        fake.register(["build"], returncode=7, duration=0.2)
        running, status, took = asyncio.run(scenario())
    assert (running, status) == (None, 7)
    assert 0.2 <= took < 2


def test_output_waits_for_the_exit_to_end() -> None:
    """Output is readable at once, but its end (EOF) comes only with the exit."""

    async def scenario() -> tuple[bytes, bool, bytes]:
        process = await asyncio.create_subprocess_exec("tail", stdout=PIPE)
        line = await process.stdout.readline()
        at_eof = process.stdout.at_eof()
        process.terminate()
        return line, at_eof, await process.stdout.read()

    with FakeSubprocess() as fake:
        fake.register(["tail"], stdout="first\n", duration=float("inf"))
        assert asyncio.run(scenario()) == (b"first\n", False, b"")


def test_callback_runs_when_stdin_is_closed() -> None:
    """A callback sees everything written to stdin, once it is closed."""

    async def scenario() -> bytes:
        process = await asyncio.create_subprocess_exec("wc", stdin=PIPE, stdout=PIPE)
        process.stdin.write(b"a b ")
        process.stdin.writelines([b"c", b"\n"])
        await process.stdin.drain()
        process.stdin.close()
        return await process.stdout.read()

    with FakeSubprocess() as fake:
        fake.register(["wc"], callback=lambda call: Response(str(len(call.input.split()))))
        assert asyncio.run(scenario()) == b"3"
    assert fake.calls[0].input == b"a b c\n"


def test_waiting_is_not_cancelled_by_a_timeout() -> None:
    """After wait_for gives up, waiting again still gets the exit status."""

    async def scenario() -> int:
        process = await asyncio.create_subprocess_exec("slow")
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(process.wait(), 0.05)
        return await process.wait()

    with FakeSubprocess() as fake:
        fake.register(["slow"], returncode=5, duration=0.5)
        assert asyncio.run(scenario()) == 5


def test_records_the_call() -> None:
    """An asyncio call is recorded with its factory's name and arguments."""

    async def scenario() -> None:
        process = await asyncio.create_subprocess_shell("ls -l", stdout=PIPE, cwd="/tmp")
        await process.communicate()

    with FakeSubprocess() as fake:
        fake.register("ls -l")
        asyncio.run(scenario())
    call = fake.calls[0]
    assert (call.function, call.argv, call.shell, call.cwd, call.text, call.kwargs["limit"]) == (
        "asyncio.create_subprocess_shell", ["ls", "-l"], True, "/tmp", False, 2**16,
    )


def test_stop_signals_are_refused() -> None:
    """Stopping a fake process is not modelled, and says so."""

    async def scenario() -> None:
        process = await asyncio.create_subprocess_exec("x")
        process.send_signal(signal.SIGSTOP)

    with FakeSubprocess() as fake:
        fake.register(["x"], duration=1)
        with pytest.raises(NotImplementedError) as raised:
            asyncio.run(scenario())
    assert str(raised.value) == (
        f"the fake does not model stopped processes (signal {signal.SIGSTOP})"
    )


def test_subprocess_pipe_constants_are_shared() -> None:
    """asyncio's PIPE and STDOUT are subprocess's, which the fake relies on."""
    assert (PIPE, STDOUT) == (subprocess.PIPE, subprocess.STDOUT)


@pytest.mark.parametrize("how", ["real-registration", "allow_unregistered"])
def test_real_asyncio_process_is_recorded_once(how: str) -> None:
    """A command run for real through asyncio is a real Process, recorded once."""

    async def scenario() -> Any:
        process = await asyncio.create_subprocess_exec(SH, "-c", "echo real", stdout=PIPE)
        return type(process), await process.communicate()

    with FakeSubprocess(allow_unregistered=how == "allow_unregistered") as fake:
        if how == "real-registration":
            fake.register([SH, "-c", "echo real"], real=True)
        result = asyncio.run(scenario())
    assert result == (asyncio.subprocess.Process, (b"real\n", None))
    assert [c.function for c in fake.calls] == ["asyncio.create_subprocess_exec"]
