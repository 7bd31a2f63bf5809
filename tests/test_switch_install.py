"""The start-up hook is installed by both kinds of install: a wheel (``pip install .``)
and an editable install (``pip install -e .``, which is how this suite's venv is made:
see test_switch.py::test_startup_hook_is_installed_with_the_package)."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from switch_support import ROOT, run

PTH = "turbomock-switch.pth"


# Builds a wheel and a venv: minutes on a loaded machine, not a hang.
@pytest.mark.timeout(900)
def test_wheel_carries_and_installs_the_hook(tmp_path: Path) -> None:
    """The wheel has the .pth at its root; installed in a fresh venv, TURBOMOCK=1 works."""
    wheels = tmp_path / "wheels"
    proc = run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        tmp_path,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = wheels.glob("turbomock-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert PTH in archive.namelist()
        line = archive.read(PTH).decode("utf-8")
    assert line.startswith("import os; ")

    venv = tmp_path / "venv"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    for step in (
        [sys.executable, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
    ):
        proc = run(step, tmp_path, timeout=900)
        assert proc.returncode == 0, proc.stdout + proc.stderr

    code = "import unittest.mock as m; print(m.__name__)"
    switched = run([str(python), "-c", code], tmp_path, TURBOMOCK="1")
    unswitched = run([str(python), "-c", code], tmp_path)
    assert (switched.stdout, unswitched.stdout) == ("turbomock\n", "unittest.mock\n")
    info = run([str(python), "-m", "turbomock", "info"], tmp_path)
    assert f"start-up hook: installed ({venv}" in info.stdout
