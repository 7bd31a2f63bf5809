"""``turbomock._native.native_status()``: whether the native core runs, and why not."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import turbomock
from turbomock._native import NativeStatus, native_status

_PRINT_STATUS = (
    "from turbomock._native import native_status as s, NATIVE as n; "
    "print(s().active, n is not None); print(s().reason); print(s())"
)


def status_in_subprocess(
    env_value: str | None, pythonpath: str | None = None
) -> tuple[str, str, str]:
    """``(active and NATIVE, reason, str(status))`` as a fresh interpreter sees them."""
    env = dict(os.environ)
    env.pop("TURBOMOCK_PURE_PYTHON", None)
    if env_value is not None:
        env["TURBOMOCK_PURE_PYTHON"] = env_value
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    proc = subprocess.run(
        [sys.executable, "-c", _PRINT_STATUS],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    flags, reason, shown = proc.stdout.splitlines()
    return flags, reason, shown


def test_status_matches_the_core_in_use() -> None:
    """``active`` is true exactly when ``NATIVE`` holds the loaded module."""
    from turbomock._native import NATIVE

    assert native_status().active is (NATIVE is not None)


def test_status_is_the_same_object_each_time() -> None:
    """The decision is taken once, at import: every call reports that decision."""
    assert native_status() is native_status()


@pytest.mark.skipif(
    importlib.util.find_spec("turbomock._speedups") is None, reason="native core not built"
)
def test_built_core_is_reported_on_with_its_file() -> None:
    """Built and not turned off: on, and the reason names the extension file."""
    flags, reason, shown = status_in_subprocess(None)
    assert flags == "True True"
    assert reason.startswith("turbomock._speedups from ")
    assert shown == "on"


def test_environment_switch_is_the_reason_when_set() -> None:
    """``TURBOMOCK_PURE_PYTHON=1`` turns it off and says so, with the value set."""
    flags, reason, shown = status_in_subprocess("1")
    assert flags == "False False"
    assert reason == "TURBOMOCK_PURE_PYTHON=1 is set; pure Python"
    assert shown == "off (TURBOMOCK_PURE_PYTHON=1 is set; pure Python)"


def test_zero_leaves_the_switch_off() -> None:
    """``TURBOMOCK_PURE_PYTHON=0`` counts as not set."""
    _, reason, _ = status_in_subprocess("0")
    assert "TURBOMOCK_PURE_PYTHON" not in reason


def test_missing_extension_is_reported_as_not_built(tmp_path: Path) -> None:
    """A copy of the package without the extension says it was not built, and why."""
    package = Path(turbomock.__file__).parent
    copy = tmp_path / "turbomock"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("_speedups*", "__pycache__"))
    flags, reason, shown = status_in_subprocess(None, pythonpath=str(tmp_path))
    assert flags == "False False"
    assert reason == (
        "turbomock._speedups was not built at install time (no C compiler or "
        "Python headers?); pure Python: same behaviour, patch.dict slower"
    )
    assert shown == f"off ({reason})"


def test_extension_that_fails_to_load_is_reported_with_the_error(tmp_path: Path) -> None:
    """An extension file that can't be loaded is named with the import error."""
    package = Path(turbomock.__file__).parent
    copy = tmp_path / "turbomock"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("_speedups*", "__pycache__"))
    (copy / "_speedups.py").write_text("raise ImportError('built for another Python')\n")
    flags, reason, _ = status_in_subprocess(None, pythonpath=str(tmp_path))
    assert flags == "False False"
    assert reason == "turbomock._speedups failed to load: built for another Python; pure Python"


def test_status_reads_as_on_or_off_with_the_reason() -> None:
    """``str()`` is what a header prints: ``on``, or ``off (reason)``."""
    assert str(NativeStatus(True, "from x.so")) == "on"
    assert str(NativeStatus(False, "no compiler")) == "off (no compiler)"
