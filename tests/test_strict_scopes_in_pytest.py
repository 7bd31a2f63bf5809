"""The test-scope functions driven from pytest hooks, as the pytest plugin is to drive
them: a scope per test, opened before any fixture and finished after every fixture
is torn down, so patches stopped by fixtures report into it. The conftest below is
the reference for the plugin's integration."""

from __future__ import annotations

import pytest

CONFTEST = """
import pytest
import turbomock
from turbomock import _config, _strict

SCOPE = pytest.StashKey()
FAILED = pytest.StashKey()


def pytest_addoption(parser):
    parser.addini("turbomock_explain", "explain failing mock assertions", type="bool", default=True)
    parser.addini("turbomock_strict", "turbomock strict mode", type="bool", default=False)


def pytest_configure(config):
    values = {
        "explain": config.getini("turbomock_explain"),
        "strict": config.getini("turbomock_strict"),
    }
    values.update(_config.set_by_environment())
    config.stash[SCOPE] = turbomock.configure(**values)


def pytest_unconfigure(config):
    turbomock.configure(**config.stash[SCOPE]._asdict())


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    item.stash[SCOPE] = _strict.start_scope()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    report = _strict.finish_scope(item.stash[SCOPE])
    for patcher in report.leaked:
        patcher.stop()
    if item.stash.get(FAILED, False):
        report.unused.clear()  # the test's own failure is the news
    if report and _config.strict:
        pytest.fail(report.text(), pytrace=False)
    return result


@pytest.fixture
def patcher():
    started = []

    def start(*args, **kwargs):
        p = turbomock.patch(*args, **kwargs)
        started.append(p)
        return p.start()

    yield start
    for p in reversed(started):
        p.stop()
"""

TESTS = """
import os
import turbomock


def test_clean(patcher):
    getcwd = patcher("os.getcwd", return_value="/x")
    assert os.getcwd() == "/x"


def test_unused(patcher):
    patcher("os.getcwd", return_value="/x")


def test_leaked():
    turbomock.patch("os.getpid", return_value=1).start()
    assert os.getpid() == 1


def test_failing(patcher):
    patcher("os.getcwd", return_value="/x")
    assert False, "the test's own failure"
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_app=TESTS)
    return pytester


def test_strict_scopes_report_at_teardown(project: pytest.Pytester) -> None:
    """Unused configuration and leaked patches fail the test at teardown in strict mode."""
    project.makeini("[pytest]\nturbomock_strict = true\n")
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_unused*",
            "*strict mode: configured but never called:",
            "*  getcwd: return_value = '/x'",
            "*ERROR at teardown of test_leaked*",
            "*patches started during the test and never stopped:",
            "*  patch('os.getpid')",
        ]
    )
    result.stdout.no_fnmatch_line("*ERROR at teardown of test_failing*")


def test_without_strict_mode_nothing_is_reported(project: pytest.Pytester) -> None:
    """Strict mode off: the same tests only fail for their own reasons."""
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)


def test_explanations_follow_the_ini_option(pytester: pytest.Pytester) -> None:
    """``turbomock_explain = false`` keeps the stdlib's message alone."""
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        test_explained="""
import turbomock

def test_it():
    m = turbomock.Mock()
    m(1)
    m.assert_called_with(2)
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*Closest call: #1 of 1: mock(1)*"])
    pytester.makeini("[pytest]\nturbomock_explain = false\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.stdout.no_fnmatch_line("*Closest call*")
    result.assert_outcomes(failed=1)
