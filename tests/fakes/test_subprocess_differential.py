"""The fake against the real ``subprocess``: each scenario runs real commands, then runs
again with the fake registered to give the same output, and every observable must be
the same (result fields and reprs, exception types, messages, args and fields)."""

from __future__ import annotations

import subprocess
import tempfile
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from subprocess_support import PY, SH, describe_exception, echo_input, observe, popen_repr

from turbomock.fakes.subprocess import FakeSubprocess

PIPE, STDOUT, DEVNULL = subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL
MISSING = "turbomock-no-such-program"
Register = Callable[[FakeSubprocess], Any]
CASES: list[Any] = []


def case(register: Register) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Add the decorated scenario, with how to register the fake for it."""

    def add(action: Callable[[], Any]) -> Callable[[], Any]:
        CASES.append(pytest.param(action, register, id=action.__name__))
        return action

    return add


def nothing(fake: FakeSubprocess) -> None:
    """No registration: the scenario fails before any process starts."""


# -- run ---------------------------------------------------------------------------


@case(lambda f: f.register([SH, "-c", "echo hello"], stdout="hello\n"))
def run_bytes() -> Any:
    return subprocess.run([SH, "-c", "echo hello"], capture_output=True)


@case(lambda f: f.register([SH, "-c", "echo hello"], stdout="hello\n"))
def run_text() -> Any:
    return subprocess.run([SH, "-c", "echo hello"], capture_output=True, text=True)


@case(lambda f: f.register([SH, "-c", "echo hello"], stdout="hello\n"))
def run_universal_newlines() -> Any:
    return subprocess.run(  # the old spelling is the point here
        [SH, "-c", "echo hello"], stdout=PIPE, universal_newlines=True  # noqa: UP021
    )


@case(lambda f: f.register([SH, "-c", "echo o; echo e >&2; exit 3"], stdout="o\n",
                           stderr="e\n", returncode=3))
def run_exit_code() -> Any:
    return subprocess.run([SH, "-c", "echo o; echo e >&2; exit 3"], capture_output=True)


@case(lambda f: f.register([SH, "-c", "echo o; echo e >&2; exit 3"], stdout="o\n",
                           stderr="e\n", returncode=3))
def run_check_raises() -> Any:
    return subprocess.run([SH, "-c", "echo o; echo e >&2; exit 3"], capture_output=True,
                          text=True, check=True)


@case(lambda f: f.register([SH, "-c", "exit 3"], returncode=3))
def run_check_uncaptured() -> Any:
    return subprocess.run([SH, "-c", "exit 3"], check=True)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_stdin_bytes() -> Any:
    return subprocess.run(["cat"], input=b"abc\n", capture_output=True)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_stdin_text() -> Any:
    return subprocess.run(["cat"], input="abc\n", capture_output=True, text=True)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_stdin_only_pipe() -> Any:
    return subprocess.run(["cat"], input=b"abc\n", stdout=DEVNULL)


@case(lambda f: f.register([SH, "-c", "echo out; echo err >&2"], stdout="out\n",
                           stderr="err\n"))
def run_stderr_to_stdout() -> Any:
    return subprocess.run([SH, "-c", "echo out; echo err >&2"], stdout=PIPE, stderr=STDOUT)


@case(lambda f: f.register([SH, "-c", "printf 'a\\r\\nb\\rc'"], stdout=b"a\r\nb\rc"))
def run_text_translates_newlines() -> Any:
    return subprocess.run([SH, "-c", "printf 'a\\r\\nb\\rc'"], capture_output=True, text=True)


@case(lambda f: f.register([SH, "-c", "printf 'a\\r\\nb\\rc'"], stdout=b"a\r\nb\rc"))
def run_text_one_pipe_translates_newlines() -> Any:
    return subprocess.run([SH, "-c", "printf 'a\\r\\nb\\rc'"], stdout=PIPE, text=True)


BAD_UTF8 = "import sys; sys.stdout.buffer.write(b'caf\\xc3\\xa9 \\xff')"


@case(lambda f: f.register([PY, "-c", BAD_UTF8], stdout=b"caf\xc3\xa9 \xff"))
def run_encoding_errors_replace() -> Any:
    return subprocess.run([PY, "-c", BAD_UTF8], capture_output=True, encoding="utf-8",
                          errors="replace")


@case(lambda f: f.register([PY, "-c", BAD_UTF8], stdout=b"caf\xc3\xa9 \xff"))
def run_undecodable_output() -> Any:
    return subprocess.run([PY, "-c", BAD_UTF8], capture_output=True, encoding="utf-8")


@case(lambda f: f.register([PY, "-c", "print('x' * 200000)"], stdout="x" * 200000 + "\n"))
def run_large_output() -> Any:
    return subprocess.run([PY, "-c", "print('x' * 200000)"], capture_output=True)


@case(lambda f: f.register([SH, "-c", "echo x; exec sleep 5"], stdout="x\n", duration=5))
def run_timeout_keeps_partial_output() -> Any:
    return subprocess.run([SH, "-c", "echo x; exec sleep 5"], capture_output=True, text=True,
                          timeout=1.0)


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=5))
def run_timeout_without_output() -> Any:
    return subprocess.run([SH, "-c", "exec sleep 5"], timeout=0.2)


@case(lambda f: f.register([MISSING], raises=FileNotFoundError))
def run_missing_program() -> Any:
    return subprocess.run([MISSING], capture_output=True)


@case(nothing)
def run_input_and_stdin() -> Any:
    return subprocess.run(["cat"], input=b"x", stdin=PIPE)


@case(nothing)
def run_capture_output_and_stdout() -> Any:
    return subprocess.run(["cat"], capture_output=True, stdout=PIPE)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_str_input_in_bytes_mode() -> Any:
    return subprocess.run(["cat"], input="abc", capture_output=True)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_bytes_input_in_text_mode() -> Any:
    return subprocess.run(["cat"], input=b"abc", capture_output=True, text=True)


@case(lambda f: f.register(["cat"], callback=echo_input))
def run_bytes_input_in_text_mode_one_pipe() -> Any:
    return subprocess.run(["cat"], input=b"abc", text=True)


@case(nothing)
def run_unknown_keyword() -> Any:
    return subprocess.run(["true"], foo=1)


@case(nothing)
def run_text_and_universal_newlines_differ() -> Any:
    return subprocess.run(["true"], text=True, universal_newlines=False)  # noqa: UP021


@case(nothing)
def run_bufsize_not_int() -> Any:
    return subprocess.run(["true"], bufsize="1")


@case(nothing)
def run_empty_args() -> Any:
    return subprocess.run([])


@case(nothing)
def run_int_argument() -> Any:
    return subprocess.run(["echo", 1])


@case(nothing)
def run_pathlike_with_shell() -> Any:
    import pathlib

    return subprocess.run(pathlib.Path("echo"), shell=True)


@case(nothing)
def run_stdout_to_stdout() -> Any:
    return subprocess.run(["true"], stdout=STDOUT)


@case(nothing)
def run_startupinfo() -> Any:
    return subprocess.run(["true"], startupinfo=object())


@case(lambda f: f.register("echo shell words", stdout="shell words\n"))
def run_shell_string() -> Any:
    return subprocess.run("echo shell words", shell=True, capture_output=True)


@case(lambda f: f.register([SH, "-c", "echo to-file"], stdout="to-file\n"))
def run_stdout_to_file() -> Any:
    with tempfile.TemporaryFile() as file:
        result = subprocess.run([SH, "-c", "echo to-file"], stdout=file)
        file.seek(0)
        return result, file.read()


@case(lambda f: f.register([SH, "-c", "echo gone"], stdout="gone\n"))
def run_stdout_to_devnull() -> Any:
    return subprocess.run([SH, "-c", "echo gone"], stdout=DEVNULL)


# -- call, check_call, check_output, getoutput, getstatusoutput -----------------------


@case(lambda f: f.register([SH, "-c", "exit 2"], returncode=2))
def call_returncode() -> Any:
    return subprocess.call([SH, "-c", "exit 2"])


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=5))
def call_timeout() -> Any:
    return subprocess.call([SH, "-c", "exec sleep 5"], timeout=0.2)


@case(lambda f: f.register([SH, "-c", "exit 2"], returncode=2))
def check_call_raises() -> Any:
    return subprocess.check_call([SH, "-c", "exit 2"])


@case(lambda f: f.register([SH, "-c", "true"]))
def check_call_passes() -> Any:
    return subprocess.check_call([SH, "-c", "true"])


@case(lambda f: f.register([SH, "-c", "echo out; echo err >&2"], stdout="out\n",
                           stderr="err\n"))
def check_output_merged() -> Any:
    return subprocess.check_output([SH, "-c", "echo out; echo err >&2"], stderr=STDOUT,
                                   text=True)


@case(lambda f: f.register([SH, "-c", "echo no; exit 1"], stdout="no\n", returncode=1))
def check_output_raises() -> Any:
    return subprocess.check_output([SH, "-c", "echo no; exit 1"])


@case(lambda f: f.register(["cat"], callback=echo_input))
def check_output_input_none_text() -> Any:
    return subprocess.check_output(["cat"], input=None, text=True)


@case(nothing)
def check_output_stdout_given() -> Any:
    return subprocess.check_output(["true"], stdout=PIPE)


@case(lambda f: f.register([SH, "-c", "echo x; exec sleep 5"], stdout="x\n", duration=5))
def check_output_timeout() -> Any:
    return subprocess.check_output([SH, "-c", "echo x; exec sleep 5"], timeout=1.0)


@case(lambda f: f.register("echo hi; echo err >&2; exit 2", stdout="hi\n", stderr="err\n",
                           returncode=2))
def getstatusoutput_merges_and_strips() -> Any:
    return subprocess.getstatusoutput("echo hi; echo err >&2; exit 2")


@case(lambda f: f.register("echo hi", stdout="hi\n"))
def getoutput_strips() -> Any:
    return subprocess.getoutput("echo hi")


# -- Popen ----------------------------------------------------------------------------


@case(lambda f: f.register([SH, "-c", "echo out; echo err >&2; exit 4"], stdout="out\n",
                           stderr="err\n", returncode=4))
def popen_communicate() -> Any:
    p = subprocess.Popen([SH, "-c", "echo out; echo err >&2; exit 4"], stdout=PIPE,
                         stderr=PIPE)
    out, err = p.communicate()
    return (out, err, p.returncode, p.poll(), p.wait(), p.stdout.closed, p.stderr.closed,
            p.stdin, p.args, type(p.pid))


@case(lambda f: f.register([SH, "-c", "printf 'a\\nb\\n'"], stdout="a\nb\n"))
def popen_iterates_text_lines() -> Any:
    with subprocess.Popen([SH, "-c", "printf 'a\\nb\\n'"], stdout=PIPE, text=True) as p:
        lines = list(p.stdout)
    return lines, p.returncode, p.stdout.closed, type(p.stdout).__name__


@case(lambda f: f.register([SH, "-c", "printf 'a\\nb\\n'"], stdout="a\nb\n"))
def popen_reads_bytes() -> Any:
    with subprocess.Popen([SH, "-c", "printf 'a\\nb\\n'"], stdout=PIPE) as p:
        first = p.stdout.readline()
        rest = p.stdout.read()
    return first, rest, p.returncode, type(p.stdout).__name__


@case(lambda f: f.register(["cat"], callback=echo_input))
def popen_writes_stdin() -> Any:
    p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
    p.stdin.write(b"abc\n")
    p.stdin.close()
    data = p.stdout.read()
    p.stdout.close()
    return data, p.wait(), type(p.stdin).__name__


@case(lambda f: f.register(["cat"], callback=echo_input))
def popen_text_stdin_line_buffered() -> Any:
    with subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True, bufsize=1) as p:
        p.stdin.write("one\n")
        out, _ = p.communicate("two\n")
    return out, p.returncode, p.stdin.line_buffering, p.stdin.closed


@case(lambda f: f.register(["cat"], callback=echo_input))
def popen_input_after_communication() -> Any:
    p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, stderr=PIPE)
    first = p.communicate(b"a")
    return first, observe(lambda: p.communicate(b"b")), p.communicate()


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=float("inf")))
def popen_kill() -> Any:
    p = subprocess.Popen([SH, "-c", "exec sleep 5"])
    p.kill()
    return p.wait(), p.returncode, p.poll(), observe(p.kill)


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=float("inf")))
def popen_terminate() -> Any:
    p = subprocess.Popen([SH, "-c", "exec sleep 5"])
    p.terminate()
    return p.wait(), popen_repr(p)


@case(lambda f: f.register([SH, "-c", "exec sleep 5"], duration=5))
def popen_wait_timeout() -> Any:
    p = subprocess.Popen([SH, "-c", "exec sleep 5"])
    timed_out = observe(lambda: p.wait(timeout=0.1))
    p.kill()
    return timed_out, p.wait()


@case(lambda f: f.register([SH, "-c", "echo x; exec sleep 5"], stdout="x\n", duration=5))
def popen_communicate_timeout_then_kill() -> Any:
    p = subprocess.Popen([SH, "-c", "echo x; exec sleep 5"], stdout=PIPE)
    try:
        p.communicate(timeout=1.0)
    except subprocess.TimeoutExpired as exc:
        timed_out = describe_exception(exc)
    p.kill()
    out, err = p.communicate()
    return timed_out, out, err, p.returncode


@case(lambda f: f.register([SH, "-c", "true"]))
def popen_text_mode_attributes() -> Any:
    with subprocess.Popen([SH, "-c", "true"], stdout=PIPE, encoding="utf-8") as p:
        p.communicate()
    return p.text_mode, p.universal_newlines, p.encoding, p.errors, p.stdout.encoding


@case(lambda f: f.register([SH, "-c", "true"]))
def popen_default_text_encoding() -> Any:
    with subprocess.Popen([SH, "-c", "true"], stdout=PIPE, text=True) as p:
        p.communicate()
    return p.text_mode, p.encoding, p.stdout.encoding


@case(lambda f: f.register([SH, "-c", "true"]))
def popen_second_communicate_one_pipe() -> Any:
    p = subprocess.Popen([SH, "-c", "true"], stdout=PIPE)
    return p.communicate(), observe(p.communicate)


def register_pipeline(fake: FakeSubprocess) -> None:
    fake.register([SH, "-c", "echo hi"], stdout="hi\n")
    fake.register(["cat"], callback=echo_input)


@case(register_pipeline)
def popen_pipeline() -> Any:
    first = subprocess.Popen([SH, "-c", "echo hi"], stdout=PIPE)
    assert first.stdout is not None
    second = subprocess.Popen(["cat"], stdin=first.stdout, stdout=PIPE)
    first.stdout.close()
    out, _ = second.communicate()
    return out, first.wait(), second.returncode


@case(lambda f: f.register([SH, "-c", "true"]))
def popen_binary_line_buffering_warns() -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with subprocess.Popen([SH, "-c", "true"], stdout=PIPE, bufsize=1) as p:
            p.communicate()
    return [(w.category, str(w.message)) for w in caught]


@case(nothing)
def popen_stdin_is_stringio() -> Any:
    import io

    return subprocess.Popen([SH, "-c", "true"], stdin=io.StringIO())


@case(lambda f: f.register(["true"]))
def popen_repr_short() -> Any:
    p = subprocess.Popen(["true"])
    before = popen_repr(p)
    p.wait()
    return before, popen_repr(p)


@case(nothing)
def popen_class_getitem() -> Any:
    alias = subprocess.Popen[bytes]
    return alias.__origin__ is subprocess.Popen, alias.__args__


@pytest.mark.parametrize(("action", "register"), CASES)
def test_fake_matches_real(action: Callable[[], Any], register: Register) -> None:
    """The fake, registered to give a command's output, is observably the real module."""
    real = observe(action)
    with FakeSubprocess() as fake:
        register(fake)
        faked = observe(action)
    assert faked == real


def test_inherited_output_reaches_the_file_descriptors(capfd: pytest.CaptureFixture[str]) -> None:
    """Output not piped goes to fd 1 and 2, where the real child writes it."""
    subprocess.run([SH, "-c", "echo out; echo err >&2"])
    real = capfd.readouterr()
    with FakeSubprocess() as fake:
        fake.register([SH, "-c", "echo out; echo err >&2"], stdout="out\n", stderr="err\n")
        subprocess.run([SH, "-c", "echo out; echo err >&2"])
    assert capfd.readouterr() == real == ("out\n", "err\n")
