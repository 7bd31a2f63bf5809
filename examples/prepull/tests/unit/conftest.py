"""Shared by both versions of the tests: the code under test's package on sys.path
(``fake_subprocess`` is turbomock's pytest plugin's)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "runner"))
