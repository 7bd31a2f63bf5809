"""The seed-000 proof in examples/containers runs as part of the suite.

The examples are a project of their own (their tests import ``containers``, the code
they test, from the examples directory), so they run in a pytest subprocess of their
own, with this repository's pytest configuration.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_examples_pass() -> None:
    """Every test of examples/containers passes (31: the fake's, MagicMock's, the wrong call)."""
    result = subprocess.run(
        # hypothesis's plugin spends seconds on its summary; the examples do not use it
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "no:hypothesispytest", "examples/containers"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert (result.returncode, re.sub(r" in [0-9.]+s.*", "", summary)) == (0, "31 passed"), (
        result.stdout + result.stderr
    )
