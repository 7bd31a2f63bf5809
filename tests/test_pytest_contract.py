"""pytest tells ``@patch``-injected mocks from fixtures by their ``patchings``.

It counts the patchings whose ``new`` is ``DEFAULT`` of ``unittest.mock`` (or
``mock``) and leaves that many leading arguments alone. These tests run a real
pytest session on a ``@patch``-decorated test, with turbomock imported directly
and with turbomock installed in place of ``unittest.mock``.
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


def test_patch_from_turbomock_directly(pytester: pytest.Pytester) -> None:
    """Mocks injected by turbomock's @patch are not mistaken for fixtures."""
    pytester.makepyfile(TEST_FILE.format(import_line="from turbomock import patch"))
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=3)


def test_patch_with_turbomock_as_unittest_mock(pytester: pytest.Pytester) -> None:
    """The same holds when turbomock stands in for unittest.mock from start-up."""
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
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=4)
