"""``turbomock._native.native_status()``: whether the native core runs, and why not; the
one answer ``python -m turbomock info`` and the bench and pytest headers give."""

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


def run_python(args: list[str], env_value: str | None, pythonpath: str | None) -> str:
    """The output of a fresh interpreter run with ``args``, TURBOMOCK_PURE_PYTHON set to
    ``env_value`` (None: unset) and ``pythonpath`` in front of the installed package."""
    env = dict(os.environ)
    env.pop("TURBOMOCK_PURE_PYTHON", None)
    if env_value is not None:
        env["TURBOMOCK_PURE_PYTHON"] = env_value
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    proc = subprocess.run(
        [sys.executable, *args],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    return proc.stdout


def status_in_subprocess(
    env_value: str | None, pythonpath: str | None = None
) -> tuple[str, str, str]:
    """``(active and NATIVE, reason, str(status))`` as a fresh interpreter sees them."""
    flags, reason, shown = run_python(["-c", _PRINT_STATUS], env_value, pythonpath).splitlines()
    return flags, reason, shown


def info_native_line(env_value: str | None, pythonpath: str | None = None) -> str:
    """The native core's line of ``python -m turbomock info`` in a fresh interpreter."""
    out = run_python(["-m", "turbomock", "info"], env_value, pythonpath)
    return next(line for line in out.splitlines() if line.startswith("native core: "))


def package_copy_without_core(tmp_path: Path) -> Path:
    """A copy of the package, without the extension, in ``tmp_path``."""
    package = Path(turbomock.__file__).parent
    copy = tmp_path / "turbomock"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("_speedups*", "__pycache__"))
    return copy


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
    package_copy_without_core(tmp_path)
    flags, reason, shown = status_in_subprocess(None, pythonpath=str(tmp_path))
    assert flags == "False False"
    assert reason == (
        "turbomock._speedups was not built at install time (no C compiler or "
        "Python headers?); pure Python: same behaviour, patch.dict slower"
    )
    assert shown == f"off ({reason})"


def test_extension_that_fails_to_load_is_reported_with_the_error(tmp_path: Path) -> None:
    """An extension file that can't be loaded is named with the import error."""
    copy = package_copy_without_core(tmp_path)
    (copy / "_speedups.py").write_text("raise ImportError('built for another Python')\n")
    flags, reason, _ = status_in_subprocess(None, pythonpath=str(tmp_path))
    assert flags == "False False"
    assert reason == "turbomock._speedups failed to load: built for another Python; pure Python"


def test_status_reads_as_on_or_off_with_the_reason() -> None:
    """``str()`` is what a header prints: ``on``, or ``off (reason)``."""
    assert str(NativeStatus(True, "from x.so")) == "on"
    assert str(NativeStatus(False, "no compiler")) == "off (no compiler)"


def test_info_says_what_native_status_says(tmp_path: Path) -> None:
    """``python -m turbomock info`` prints ``native_status()`` itself: on, switched off,
    not built and broken read the same there as in the bench header."""
    assert info_native_line("1") == "native core: off (TURBOMOCK_PURE_PYTHON=1 is set; pure Python)"
    copy = package_copy_without_core(tmp_path)
    _, _, not_built = status_in_subprocess(None, pythonpath=str(tmp_path))
    assert info_native_line(None, pythonpath=str(tmp_path)) == f"native core: {not_built}"
    (copy / "_speedups.py").write_text("raise ImportError('built for another Python')\n")
    assert info_native_line(None, pythonpath=str(tmp_path)) == (
        "native core: off (turbomock._speedups failed to load: built for another Python; "
        "pure Python)"
    )
    if importlib.util.find_spec("turbomock._speedups") is not None:
        assert info_native_line(None) == "native core: on"
