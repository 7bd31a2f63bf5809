"""Putting the fake in place and taking it out: every name, copies bound elsewhere,
restoring after errors, and the three ways to use it (with, decorator, unittest,
pytest fixture); and many threads at once."""

from __future__ import annotations

import asyncio
import asyncio.subprocess
import os
import subprocess
import sys
import threading
import types
import unittest
from collections.abc import Iterator
from typing import Any

import pytest

from turbomock.fakes.subprocess import (
    ANY_ARGS,
    FakePopen,
    FakeSubprocess,
    FakeSubprocessError,
    use_fake_subprocess,
)

NAMES = ["run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "Popen"]
ASYNC_NAMES = ["create_subprocess_exec", "create_subprocess_shell"]


def current() -> dict[str, Any]:
    """Every name the fake replaces, as bound now."""
    found = {f"subprocess.{n}": getattr(subprocess, n) for n in NAMES}
    for module in (asyncio, asyncio.subprocess):
        found.update({f"{module.__name__}.{n}": getattr(module, n) for n in ASYNC_NAMES})
    return found


@pytest.fixture
def copies() -> Iterator[types.ModuleType]:
    """A loaded module holding copies bound as ``from subprocess import run, Popen``."""
    module = types.ModuleType("turbomock_test_copies")
    module.run = subprocess.run  # type: ignore[attr-defined]
    module.Popen = subprocess.Popen  # type: ignore[attr-defined]
    module.exec_ = asyncio.create_subprocess_exec  # type: ignore[attr-defined]
    module.unrelated = len  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


def test_every_name_is_replaced_then_restored() -> None:
    """While active all nine entry points are fakes; afterwards the originals are back."""
    before = current()
    with FakeSubprocess():
        during = current()
    assert [name for name in before if during[name] is before[name]] == []
    assert current() == before
    assert issubclass(during["subprocess.Popen"], FakePopen)


def test_copies_in_loaded_modules_are_rebound(copies: types.ModuleType) -> None:
    """``from subprocess import run`` copies are faked too, and restored after."""
    original_run = copies.run
    with FakeSubprocess() as fake:
        fake.register(["hostname"], stdout="box")
        assert copies.run(["hostname"], capture_output=True).stdout == b"box"
        assert copies.Popen is subprocess.Popen
        assert issubclass(copies.Popen, FakePopen)
        assert copies.unrelated is len
    assert copies.run is original_run
    assert copies.Popen is subprocess.Popen
    assert {"turbomock_test_copies.run", "turbomock_test_copies.Popen",
            "turbomock_test_copies.exec_"} <= set(fake.rebound)


def test_rebound_lists_the_modules_own_names_first() -> None:
    """``rebound`` starts with the names replaced in subprocess and asyncio."""
    with FakeSubprocess() as fake:
        pass
    assert fake.rebound[:9] == [f"subprocess.{n}" for n in NAMES[:6]] + [
        "subprocess.Popen",
        "asyncio.subprocess.create_subprocess_exec",
        "asyncio.subprocess.create_subprocess_shell",
    ]
    assert {"asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell"} <= set(
        fake.rebound
    )


def test_copies_of_the_fake_made_meanwhile_are_restored() -> None:
    """A module imported while active, holding the fake, gets the original back."""
    module = types.ModuleType("turbomock_test_late")
    try:
        with FakeSubprocess() as fake:
            sys.modules[module.__name__] = module  # imported while the fake is active
            module.run = subprocess.run  # type: ignore[attr-defined]
        assert module.run is subprocess.run  # type: ignore[attr-defined]
        assert fake.rebound[-1] == "turbomock_test_late.run"
    finally:
        del sys.modules[module.__name__]


def test_restored_after_an_exception(copies: types.ModuleType) -> None:
    """An exception in the block still restores every name and copy."""
    before = current()
    with pytest.raises(RuntimeError, match=r"^inside$"), FakeSubprocess():
        raise RuntimeError("inside")
    assert current() == before
    assert copies.run is subprocess.run


def test_restored_after_a_failing_check() -> None:
    """The end-of-use check fails after everything is restored."""
    before = current()
    fake = FakeSubprocess()
    fake.register(["unused"])
    with pytest.raises(FakeSubprocessError), fake:
        pass
    assert current() == before


def test_one_fake_at_a_time() -> None:
    """Starting a second fake fails and leaves the first in place."""
    with FakeSubprocess() as first:
        first.register(["x"])
        with pytest.raises(RuntimeError) as raised:
            FakeSubprocess().start()
        subprocess.run(["x"])
    assert str(raised.value) == (
        "a FakeSubprocess is already active; stop it before starting another"
    )


def test_start_twice_is_refused_and_stop_twice_is_harmless() -> None:
    """start() on an active fake fails; stop() on an inactive one does nothing."""
    fake = FakeSubprocess().start()
    with pytest.raises(RuntimeError, match=r"^a FakeSubprocess is already active"):
        fake.start()
    fake.stop()
    fake.stop()
    assert not issubclass(subprocess.Popen, FakePopen)


def test_fake_popen_kept_after_stop_fails_clearly() -> None:
    """A reference to the fake Popen used after the fake stopped says so."""
    with FakeSubprocess():
        kept = subprocess.Popen
    with pytest.raises(RuntimeError) as raised:
        kept(["x"])
    assert str(raised.value) == (
        "turbomock's fake Popen was used while no FakeSubprocess is active "
        "(a reference kept from while one was?)"
    )


def test_restart_forgets_the_calls() -> None:
    """Starting again begins with no calls and fresh counts; registrations stay."""
    fake = FakeSubprocess()
    registration = fake.register(["x"])
    for _ in range(2):
        with fake:
            subprocess.run(["x"])
    assert (len(fake.calls), registration.call_count) == (1, 1)


def test_decorator_passes_a_fresh_copy_each_call() -> None:
    """As a decorator, each call runs with its own copy, passed last."""
    template = FakeSubprocess()
    template.register(["whoami"], stdout="me")
    seen = []

    @template
    def check(expected: bytes, fake: FakeSubprocess) -> None:
        assert subprocess.check_output(["whoami"]) == expected
        seen.append(fake)

    check(b"me")
    check(b"me")
    assert seen[0] is not seen[1]
    assert [len(f.calls) for f in seen] == [1, 1]
    assert template.calls == []


def test_decorator_hides_the_argument_from_callers() -> None:
    """The decorated function's signature lacks the fake's parameter (pytest asks none)."""
    import inspect

    @FakeSubprocess()
    def test_it(tmp_path: Any, fake: FakeSubprocess) -> None:
        """Not collected."""

    assert list(inspect.signature(test_it).parameters) == ["tmp_path"]


def test_decorator_on_a_coroutine_function() -> None:
    """Decorating an async function keeps it one, active while it is awaited."""
    template = FakeSubprocess()
    template.register(["date"], stdout="today")

    @template
    async def check(fake: FakeSubprocess) -> bytes:
        process = await asyncio.create_subprocess_exec("date", stdout=subprocess.PIPE)
        out, _ = await process.communicate()
        return out

    assert asyncio.iscoroutinefunction(check)
    assert asyncio.run(check()) == b"today"


def test_unittest_helper() -> None:
    """use_fake_subprocess starts a fake for a TestCase and verifies it in cleanup."""

    class Case(unittest.TestCase):
        def test_used(self) -> None:
            fake = use_fake_subprocess(self)
            fake.register(["ls"], stdout="a")
            assert subprocess.check_output(["ls"]) == b"a"

        def test_unused(self) -> None:
            use_fake_subprocess(self).register(["ls"])

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(Case).run(result)
    problems = result.errors + result.failures
    assert result.testsRun == 2
    assert [test.id().rsplit(".", 1)[1] for test, _ in problems] == ["test_unused"]
    assert "for 1 call(s), was called 0 time(s)" in problems[0][1]
    assert not issubclass(subprocess.Popen, FakePopen)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="enterContext is new in 3.11")
def test_unittest_enter_context() -> None:
    """On 3.11+, TestCase.enterContext(FakeSubprocess()) works the same way."""

    class Case(unittest.TestCase):
        def test_it(self) -> None:
            fake = self.enterContext(FakeSubprocess())  # type: ignore[attr-defined]
            fake.register(["ls"], stdout="a")
            assert subprocess.check_output(["ls"]) == b"a"

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(Case).run(result)
    assert (result.testsRun, result.errors, result.failures) == (1, [], [])


def test_os_popen_goes_through_the_fake() -> None:
    """os.popen starts its command with subprocess.Popen, so the fake answers it."""
    with FakeSubprocess() as fake:
        fake.register("uname -s", stdout="Plan9\n")
        with os.popen("uname -s") as pipe:
            assert pipe.read() == "Plan9\n"
    assert fake.calls[0].function == "subprocess.Popen"


def test_calls_from_many_threads_are_all_recorded() -> None:
    """Processes started from many threads at once are each recorded once."""
    threads, per_thread = 8, 25
    barrier = threading.Barrier(threads)

    def work(n: int) -> None:
        barrier.wait()
        for i in range(per_thread):
            subprocess.run(["job", str(n), str(i)], check=True, capture_output=True)

    with FakeSubprocess() as fake:
        registration = fake.register(["job", ANY_ARGS], stdout="done", times=None)
        workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    argvs = sorted(tuple(c.argv) for c in fake.calls)
    expected = sorted(("job", str(n), str(i)) for n in range(threads) for i in range(per_thread))
    assert argvs == expected
    assert registration.call_count == threads * per_thread
    assert len({c.pid for c in fake.calls}) == threads * per_thread
    assert {c.function for c in fake.calls} == {"subprocess.run"}


def test_counted_registrations_are_shared_exactly_between_threads() -> None:
    """A registration for N calls answers exactly N of many concurrent calls."""
    threads = 8
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []

    def work() -> None:
        barrier.wait()
        try:
            subprocess.run(["token"], check=True)
            outcomes.append("answered")
        except AssertionError:
            outcomes.append("refused")

    fake = FakeSubprocess().start()
    registration = fake.register(["token"], times=3)
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    fake.stop(verify=False)
    assert sorted(outcomes) == ["answered"] * 3 + ["refused"] * 5
    assert registration.call_count == 3


PYTEST_CONFTEST = """
from turbomock.fakes._subprocess_pytest import fake_subprocess
"""


def test_pytest_fixture(pytester: pytest.Pytester) -> None:
    """The fixture fakes for the test, fails teardown on unused registrations, and
    adds nothing to a test that failed already."""
    pytester.makeconftest(PYTEST_CONFTEST)
    pytester.makepyfile(
        """
        import subprocess

        def test_passes(fake_subprocess):
            fake_subprocess.register(["git", "status"], stdout="clean")
            assert subprocess.check_output(["git", "status"], text=True) == "clean"

        def test_unused(fake_subprocess):
            fake_subprocess.register(["git", "push"])

        def test_fails(fake_subprocess):
            fake_subprocess.register(["git", "push"])
            assert False, "the test's own failure"

        def test_restored():
            assert subprocess.Popen.__module__ == "subprocess"
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR at teardown of test_unused*",
        "the subprocess fake's expectations were not met",
        "registrations not used as declared:",
        "  ['git', 'push'], registered at test_pytest_fixture.py:8 for 1 call(s), "
        "was called 0 time(s)",
        "*= short test summary info =*",
    ])
    assert "ERROR at teardown of test_fails" not in result.stdout.str()
