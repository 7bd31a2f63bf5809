"""pytest tells ``@patch``-injected mocks from fixtures by their ``patchings``.

It counts the patchings whose ``new`` is the ``DEFAULT`` of
``sys.modules["unittest.mock"]`` (or ``["mock"]``) and leaves that many leading
arguments alone. These tests run a real pytest session on ``@patch``-decorated tests
in every mode: the switch on; turbomock imported directly with the stdlib's mock never
imported, imported before it, or imported after it by another library; and both
libraries' patches in one module.
"""

from __future__ import annotations

import pytest

TEST_FILE = """
import os
{import_line}

@patch("os.getcwd")
@patch("os.getpid", return_value=7)
def test_injected(getpid_mock, getcwd_mock, tmp_path):
    getcwd_mock.return_value = str(tmp_path)
    assert os.getcwd() == str(tmp_path)
    assert os.getpid() == 7
    getcwd_mock.assert_called_once_with()


@patch.object(os, "sep", "|")
def test_new_given_injects_nothing(tmp_path):
    assert os.sep == "|"


class TestMethods:
    @patch("os.getcwd")
    def test_in_class(self, getcwd_mock):
        getcwd_mock.return_value = "/x"
        assert os.getcwd() == "/x"
"""

#: Every session: no cache, and no pytest-mock even where it is installed.
BASE_ARGS = ("-q", "-p", "no:cacheprovider", "-p", "no:pytest_mock")

#: Appended to a test module: which mock library its ``patch`` came from.
CHECK_ORIGIN = """

def test_origin():
    import sys
    assert patch.__module__.split(".")[0] == {origin!r}
    assert ("unittest.mock" in sys.modules) == {stdlib_loaded!r}
"""


def test_patch_from_turbomock_directly_stdlib_never_imported(pytester: pytest.Pytester) -> None:
    """turbomock imported directly, unittest.mock imported by nobody before collection:
    the injected mocks are still not mistaken for fixtures."""
    pytester.makepyfile(
        TEST_FILE.format(import_line="from turbomock import patch")
        + CHECK_ORIGIN.format(origin="turbomock", stdlib_loaded=True)
    )
    result = pytester.runpytest_subprocess(*BASE_ARGS)
    result.assert_outcomes(passed=4)


def test_stdlib_imported_first(pytester: pytest.Pytester) -> None:
    """unittest.mock imported before turbomock (turbomock shares its sentinel)."""
    pytester.makeconftest("import unittest.mock\nimport turbomock\n")
    pytester.makepyfile(TEST_FILE.format(import_line="from turbomock import patch"))
    result = pytester.runpytest_subprocess(*BASE_ARGS)
    result.assert_outcomes(passed=3)


def test_stdlib_imported_later_by_another_library(pytester: pytest.Pytester) -> None:
    """turbomock first, then another library imports unittest.mock (which adopts
    turbomock's sentinels): both libraries' @patch are counted right."""
    pytester.makeconftest("import turbomock\n")
    pytester.makepyfile(
        other_library="import unittest.mock\n",
        test_turbomock=TEST_FILE.format(
            import_line="import other_library\nfrom turbomock import patch"
        ),
        test_stdlib=TEST_FILE.format(import_line="from unittest.mock import patch"),
    )
    result = pytester.runpytest_subprocess(*BASE_ARGS)
    result.assert_outcomes(passed=6)


def test_both_libraries_in_one_module(pytester: pytest.Pytester) -> None:
    """A test stacking a turbomock patch on a stdlib patch gets both mocks."""
    pytester.makepyfile(
        """
        import os
        import turbomock
        import unittest.mock

        @turbomock.patch("os.getcwd")
        @unittest.mock.patch("os.getpid")
        def test_both(getpid_mock, getcwd_mock, tmp_path):
            assert type(getpid_mock).__module__ == "unittest.mock"
            assert type(getcwd_mock).__module__ == "turbomock"
        """
    )
    result = pytester.runpytest_subprocess(*BASE_ARGS)
    result.assert_outcomes(passed=1)


def test_plugin_disabled_with_stdlib_loaded(pytester: pytest.Pytester) -> None:
    """With turbomock's plugin disabled, turbomock's @patch is counted as long as
    unittest.mock is loaded by someone (here a conftest)."""
    pytester.makeconftest("import unittest.mock\n")
    pytester.makepyfile(TEST_FILE.format(import_line="from turbomock import patch"))
    result = pytester.runpytest_subprocess(*BASE_ARGS, "-p", "no:turbomock")
    result.assert_outcomes(passed=3)


def test_patch_with_the_switch_on(pytester: pytest.Pytester) -> None:
    """``-p turbomock``: ``from unittest.mock import patch`` is turbomock's, counted right."""
    pytester.makepyfile(
        TEST_FILE.format(import_line="from unittest.mock import patch")
        + CHECK_ORIGIN.format(origin="turbomock", stdlib_loaded=True)
    )
    result = pytester.runpytest_subprocess(*BASE_ARGS, "-p", "turbomock")
    result.assert_outcomes(passed=4)


def test_patch_with_turbomock_as_unittest_mock(pytester: pytest.Pytester) -> None:
    """The same holds when turbomock is put in place of unittest.mock by hand."""
    pytester.makeconftest(
        """
import sys
import turbomock
sys.modules["unittest.mock"] = turbomock
import unittest
unittest.mock = turbomock
"""
    )
    pytester.makepyfile(
        TEST_FILE.format(import_line="from unittest.mock import patch")
        + "\n\ndef test_really_turbomock():\n"
        "    import unittest.mock\n"
        "    assert unittest.mock.__name__ == 'turbomock'\n"
    )
    result = pytester.runpytest_subprocess(*BASE_ARGS)
    result.assert_outcomes(passed=4)
