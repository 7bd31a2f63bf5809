"""The plugin's reports: why a mock assertion failed, strict mode from the ini file,
and the fakes' fixtures, with or without the switch."""

from __future__ import annotations

import pytest


def runpytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """A session in a subprocess, without pytest-mock even where it is installed."""
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:pytest_mock", *args)


FAILING = """
from turbomock import Mock

def test_near_miss():
    m = Mock()
    m("alice", {"tags": ["a", "b"]}, retries=3)
    m("bob", {}, retries=3)
    try:
        m.assert_called_with("alice", {"tags": ["a", "c"]}, retries=2)
    except AssertionError as error:
        seen = str(error)
        assert seen.startswith("expected call not found.")
        assert "closest" not in seen  # the test saw the stdlib's message alone
        raise
"""


def test_a_failed_assertion_is_explained_in_the_report(pytester: pytest.Pytester) -> None:
    """The report of a failed turbomock assertion says why; the test saw the stdlib's
    message only."""
    pytester.makepyfile(FAILING)
    result = runpytest(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*Closest call: #1 of 2*", "*tags*: expected 'c', got 'b'", "*retries*: expected 2, got 3"]
    )


def test_explanations_in_reports_can_be_turned_off(pytester: pytest.Pytester) -> None:
    """``turbomock_explain = false`` leaves the report with the stdlib's message."""
    pytester.makeini("[pytest]\nturbomock_explain = false\n")
    pytester.makepyfile(FAILING)
    result = runpytest(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.no_fnmatch_line("*#1 of 2*")


def test_strict_mode_from_the_ini_file(pytester: pytest.Pytester) -> None:
    """``turbomock_strict = true`` autospecs plain patches, and a test that set up a
    return value it never used errors at teardown with what it left unused."""
    pytester.makeini("[pytest]\nturbomock_strict = true\n")
    pytester.makepyfile(
        app="def fetch(url, timeout=1):\n    return 'real'\n",
        test_app="""
        import pytest
        import app
        from turbomock import patch

        def test_autospecced():
            with patch("app.fetch") as fetch:
                with pytest.raises(TypeError):
                    app.fetch()  # missing 'url', as the real function would say

        def test_unused_return_value():
            p = patch("app.fetch", return_value="fake")
            p.start()
            p.stop()
        """,
    )
    result = runpytest(pytester)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_unused_return_value*"])
    result.stdout.fnmatch_lines(["*configured but never called*"])


def test_the_fakes_fixtures_are_served(pytester: pytest.Pytester) -> None:
    """``fake_subprocess`` comes from the plugin, with nothing in conftest."""
    pytester.makepyfile(
        """
        import subprocess

        def test_echo(fake_subprocess):
            fake_subprocess.register(["git", "status"], stdout="clean\\n")
            done = subprocess.run(["git", "status"], capture_output=True, text=True)
            assert done.stdout == "clean\\n"
        """
    )
    result = runpytest(pytester)
    result.assert_outcomes(passed=1)


OUTER_FRAMES = """
from turbomock import Mock, patch

class C:
    X = 1

@patch.object(C, "X", 2)
def test_decorated():
    assert C.X == 3  # line 8

def test_in_a_side_effect():
    def check(value):
        assert value == 3  # line 12
    Mock(side_effect=check)(2)

def test_a_mock_assertion():
    Mock().assert_called_with(1)  # line 16
"""


@pytest.mark.parametrize("switched", [False, True], ids=["imported", "switched in"])
def test_a_failure_below_turbomock_frames_is_reported_where_it_happened(
    pytester: pytest.Pytester, switched: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only turbomock's frames at the end of a traceback (an assert_* method) are cut
    from a report: a test run by @patch, or a side effect failing inside a mock's
    call, is reported at its own line, as with the stdlib."""
    if switched:
        monkeypatch.setenv("TURBOMOCK", "1")
    pytester.makepyfile(OUTER_FRAMES)
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(failed=3)
    name = "test_a_failure_below_turbomock_frames_is_reported_where_it_happened"
    result.stdout.fnmatch_lines_random(
        [f"{name}.py:8: AssertionError", f"{name}.py:12: AssertionError",
         f"{name}.py:16: AssertionError"]
    )
    result.stdout.no_fnmatch_line("*_pytest/python.py*: AssertionError")
