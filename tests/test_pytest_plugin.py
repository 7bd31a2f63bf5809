"""The pytest plugin: asked or not, the header, leaked patches and failure output.

Every session runs in a subprocess (the switch must never reach this process).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import turbomock
from switch_support import run
from turbomock._native import native_status

HEADER = f"turbomock {turbomock.__version__}: active ({{via}}), native core {native_status()}"
#: What the header says with the switch off and the native core off.
HEADER_PURE = (
    f"turbomock {turbomock.__version__}: native core off "
    "(TURBOMOCK_PURE_PYTHON=1 is set; pure Python)"
)


def runpytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """A session in a subprocess, without pytest-mock even where it is installed."""
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:pytest_mock", *args)


# -- asked or not -------------------------------------------------------------------------


def test_installed_but_not_asked_changes_nothing(pytester: pytest.Pytester) -> None:
    """Without -p turbomock or TURBOMOCK=1, unittest.mock is the stdlib's and the header
    says nothing of turbomock (but that its native core is off, when it is)."""
    pytester.makepyfile(
        """
        import unittest.mock

        def test_stdlib():
            assert unittest.mock.__name__ == "unittest.mock"
        """
    )
    result = runpytest(pytester)
    result.assert_outcomes(passed=1)
    status = native_status()  # the session's too: same environment, same install
    expected = [] if status.active else [f"turbomock {turbomock.__version__}: native core {status}"]
    assert [line for line in result.outlines if line.startswith("turbomock ")] == expected


def test_header_says_the_native_core_is_off_without_the_switch(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switch off, native core off: one header line says so, and why (a suite that
    imports turbomock directly runs on pure Python)."""
    monkeypatch.setenv("TURBOMOCK_PURE_PYTHON", "1")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = runpytest(pytester)
    result.assert_outcomes(passed=1)
    assert [line for line in result.outlines if line.startswith("turbomock ")] == [HEADER_PURE]


def test_header_says_the_native_core_is_off_once_with_the_switch(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switch on, native core off: the one line saying turbomock is active says so."""
    monkeypatch.setenv("TURBOMOCK_PURE_PYTHON", "1")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(passed=1)
    assert [line for line in result.outlines if "native core" in line] == [
        f"turbomock {turbomock.__version__}: active (pytest -p turbomock), native core off "
        "(TURBOMOCK_PURE_PYTHON=1 is set; pure Python)"
    ]


def test_header_with_p_turbomock(pytester: pytest.Pytester) -> None:
    """``-p turbomock``: the header says turbomock is active, its version and core."""
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = runpytest(pytester, "-p", "turbomock")
    result.stdout.fnmatch_lines([HEADER.format(via="pytest -p turbomock")])


def test_header_with_the_environment_variable(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TURBOMOCK=1: the header names the variable."""
    monkeypatch.setenv("TURBOMOCK", "1")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = runpytest(pytester)
    result.stdout.fnmatch_lines([HEADER.format(via="TURBOMOCK=1")])


def test_header_lists_rebound_names_with_v(pytester: pytest.Pytester) -> None:
    """With -v the header lists what was bound before the switch and rebound."""
    pytester.makepyfile(
        early_plugin="from unittest.mock import MagicMock\n",
        test_a="def test_nothing():\n    pass\n",
    )
    result = runpytest(pytester, "-v", "-p", "early_plugin", "-p", "turbomock")
    result.stdout.fnmatch_lines(
        ["  rebound early_plugin.MagicMock (was unittest.mock.MagicMock)"]
    )


def test_header_counts_rebound_names_without_v(pytester: pytest.Pytester) -> None:
    """Without -v the header gives the count."""
    pytester.makepyfile(
        early_plugin="from unittest.mock import MagicMock, patch\n",
        test_a="def test_nothing():\n    pass\n",
    )
    result = runpytest(pytester, "-p", "early_plugin", "-p", "turbomock")
    result.stdout.fnmatch_lines(
        ["turbomock: 2 name(s) bound before the switch were rebound"]
    )


def test_in_process_session_switches_off_at_the_end(tmp_path: Path) -> None:
    """A session run with pytest.main() inside a process turns the switch off when it ends."""
    code = (
        "import sys, pytest, unittest.mock as stdlib\n"
        "open('test_x.py', 'w').write('import unittest.mock\\n"
        "def test_x():\\n    assert unittest.mock.__name__ == \"turbomock\"\\n')\n"
        "code = pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'no:pytest_mock', '-p', "
        "'turbomock', 'test_x.py'])\n"
        "assert code == 0, code\n"
        "assert sys.modules['unittest.mock'] is stdlib\n"
        "print('ok')\n"
    )
    proc = run([sys.executable, "-c", code], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "ok"


# -- leaked patches ------------------------------------------------------------------------

LEAKY = """
import os
from unittest.mock import patch

def test_leaks():
    patch("os.getcwd", return_value="/leaked").start()

def test_after():
    assert os.getcwd() != "/leaked"
"""


LEAKY_STILL_ON = LEAKY.replace("!= \"/leaked\"", "== \"/leaked\"")


def test_leaked_patches_stay_by_default(pytester: pytest.Pytester) -> None:
    """By default a leaked patch stays active, as without turbomock: switching a suite
    over changes no outcome (certbot's suite leaks patches under -W error)."""
    pytester.makepyfile(test_leaky=LEAKY_STILL_ON)
    result = runpytest(pytester, "-p", "turbomock", "-W", "error")
    result.assert_outcomes(passed=2)


def test_leaked_patch_is_reported_and_stopped(pytester: pytest.Pytester) -> None:
    """``turbomock_leaked_patches = warn``: a warning naming the target and the line
    that started it, and the next test sees the original."""
    pytester.makeini("[pytest]\nturbomock_leaked_patches = warn\n")
    pytester.makepyfile(test_leaky=LEAKY)
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(passed=2, warnings=1)
    result.stdout.fnmatch_lines(
        [
            "*/test_leaky.py:5: LeakedPatchWarning: turbomock: a patch of os.getcwd started with "
            "start() at test_leaky.py:5 was still active at the end of "
            "test_leaky.py::test_leaks; it has been stopped (stop it in the test, or use a fixture)"
        ]
    )


def test_leaked_patch_as_an_error(pytester: pytest.Pytester) -> None:
    """``turbomock_leaked_patches = error`` makes a leak a teardown error."""
    pytester.makeini("[pytest]\nturbomock_leaked_patches = error\n")
    pytester.makepyfile(test_leaky=LEAKY)
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*turbomock: a patch of os.getcwd started with start()*"])


def test_bad_leak_setting_is_a_usage_error(pytester: pytest.Pytester) -> None:
    """Any other value of the ini option is refused."""
    pytester.makeini("[pytest]\nturbomock_leaked_patches = loud\n")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = runpytest(pytester, "-p", "turbomock")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*turbomock_leaked_patches must be 'off', 'warn' or 'error', not 'loud'"]
    )


def test_patches_stopped_in_time_are_not_reported(pytester: pytest.Pytester) -> None:
    """A patch stopped by the test, or started by a fixture that stops it, is no leak."""
    pytester.makepyfile(
        """
        import pytest
        from unittest.mock import patch

        @pytest.fixture
        def patched():
            p = patch("os.getcwd")
            p.start()
            yield
            p.stop()

        def test_stops_itself():
            p = patch.dict("os.environ", {"X": "1"})
            p.start()
            p.stop()

        def test_uses_fixture(patched):
            pass

        def test_stopped_by_finalizer(request):
            p = patch("os.getpid")
            p.start()
            request.addfinalizer(p.stop)
        """
    )
    pytester.makeini("[pytest]\nturbomock_leaked_patches = warn\n")
    result = runpytest(pytester, "-p", "turbomock", "-W", "error")
    result.assert_outcomes(passed=3)


def test_leaks_are_not_checked_when_not_asked(pytester: pytest.Pytester) -> None:
    """Without the switch the plugin leaves leaks to the user."""
    pytester.makepyfile(test_leaky=LEAKY.replace("unittest.mock", "turbomock"))
    result = runpytest(pytester, "-W", "error")
    result.assert_outcomes(passed=1, failed=1)


# -- failure output ------------------------------------------------------------------------

FAILING = """
from unittest.mock import MagicMock

def test_fails():
    m = MagicMock()
    m(1, key="a")
    m.assert_called_once_with(2, key="b")
"""


def test_failed_assertion_gets_pytest_introspection(pytester: pytest.Pytester) -> None:
    """A failed ``assert_called_once_with`` shows pytest's comparison of args and kwargs."""
    pytester.makepyfile(FAILING)
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: expected call not found.",
            "E       Expected: mock(2, key='b')",
            "E       *Actual: mock(1, key='a')",
            "E       ",
            "E       pytest introspection follows:",
            "E       ",
            "E       Args:",
            "E       assert (1,) == (2,)",
            "*At index 0 diff: 1 != 2*",
            "E       Kwargs:",
            "E       assert {'key': 'a'} == {'key': 'b'}",
        ]
    )


def test_turbomock_frames_are_hidden(pytester: pytest.Pytester) -> None:
    """The traceback ends at the test's line: no turbomock frame is shown."""
    pytester.makepyfile(FAILING)
    result = runpytest(pytester, "-p", "turbomock")
    assert "turbomock/_" not in result.stdout.str()
    result.stdout.fnmatch_lines(['>       m.assert_called_once_with(2, key="b")'])


def test_introspection_can_be_turned_off(pytester: pytest.Pytester) -> None:
    """``turbomock_assert_introspection = false`` leaves the failure as it was raised."""
    pytester.makeini("[pytest]\nturbomock_assert_introspection = false\n")
    pytester.makepyfile(FAILING)
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(failed=1)
    assert "pytest introspection follows" not in result.stdout.str()
    assert "turbomock/_" in result.stdout.str()


def test_native_tracebacks_get_no_introspection(pytester: pytest.Pytester) -> None:
    """``--tb=native`` asks for plain tracebacks: nothing is added, as pytest-mock does."""
    pytester.makepyfile(FAILING)
    result = runpytest(pytester, "-p", "turbomock", "--tb=native")
    result.assert_outcomes(failed=1)
    assert "pytest introspection follows" not in result.stdout.str()
    assert result.stdout.str().count("Traceback (most recent call last)") == 1


def test_other_assertion_errors_are_left_alone(pytester: pytest.Pytester) -> None:
    """A plain failing assert is reported by pytest as usual."""
    pytester.makepyfile("def test_plain():\n    assert 1 == 2\n")
    result = runpytest(pytester, "-p", "turbomock")
    result.stdout.fnmatch_lines([">       assert 1 == 2", "E       assert 1 == 2"])
    assert "pytest introspection follows" not in result.stdout.str()


# -- the mocker fixtures ---------------------------------------------------------------------


def test_mocker_is_served_without_pytest_mock(pytester: pytest.Pytester) -> None:
    """pytest-mock not loaded: turbomock's mocker fixtures are there."""
    pytester.makepyfile(
        """
        def test_uses(mocker, class_mocker, module_mocker, package_mocker, session_mocker):
            assert type(mocker).__module__ == "turbomock._mocker"
        """
    )
    runpytest(pytester).assert_outcomes(passed=1)


def test_no_turbomock_removes_the_mocker(pytester: pytest.Pytester) -> None:
    """``-p no:turbomock`` disables the plugin, fixtures included."""
    pytester.makepyfile("def test_uses(mocker):\n    pass\n")
    result = runpytest(pytester, "-p", "no:turbomock")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'mocker' not found*"])


def test_backport_with_p_turbomock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TURBOMOCK_BACKPORT=1 with -p turbomock also answers ``import mock``."""
    monkeypatch.setenv("TURBOMOCK_BACKPORT", "1")
    pytester.makepyfile(
        """
        import mock
        from mock import patch

        @patch("os.getcwd")
        def test_backport(getcwd):
            assert mock.mock.__name__ == "turbomock"
            assert type(getcwd).__module__ == "turbomock"
        """
    )
    runpytest(pytester, "-p", "turbomock").assert_outcomes(passed=1)


def test_p_turbomock_with_autoload_disabled(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 still lets ``-p turbomock`` load and switch."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        "import unittest.mock\n\ndef test_it():\n"
        "    assert unittest.mock.__name__ == 'turbomock'\n"
    )
    result = runpytest(pytester, "-p", "turbomock")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([HEADER.format(via="pytest -p turbomock")])
