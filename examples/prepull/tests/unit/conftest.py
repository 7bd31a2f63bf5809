"""Shared by both versions of the tests: the code under test's package on sys.path, and
the fake_subprocess fixture until turbomock's pytest plugin serves it."""

import os
import sys

from turbomock.fakes._subprocess_pytest import fake_subprocess  # noqa: F401

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "runner"))
