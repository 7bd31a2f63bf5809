"""Helpers for the tests of the switch and the pytest plugin: subprocess runs with a
clean environment, and a venv of its own with pytest-mock and pytest-xdist.

pytest-mock is never installed in the venv that runs this suite (it wraps the
stdlib's ``assert_*`` methods at start-up and would break the parity tests), so the
tests that need it or pytest-xdist run pytest in ``.venvs/plugins-<python>``, made
here on first use (``pip install pytest pytest-mock pytest-xdist`` and turbomock
itself, editable, without rebuilding the native core) and reused afterwards. If it
cannot be made, those tests fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not POSIX: no lock (the suite is run on one worker there)
    fcntl = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
#: Variables of the outer run that must not leak into the runs under test.
SCRUBBED = ("TURBOMOCK", "TURBOMOCK_BACKPORT", "TURBOMOCK_REPORT", "PYTEST_ADDOPTS",
            "PYTEST_PLUGINS", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST")
PLUGIN_PACKAGES = ("pytest", "pytest-mock", "pytest-xdist")


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without the switch's or pytest's variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def run(
    args: list[str], cwd: Path, timeout: float = 300, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run a command to completion, output captured as text."""
    return subprocess.run(
        args,
        cwd=cwd,
        env=clean_env(**extra),
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def python(code: str, cwd: Path, timeout: float = 300, **env: str) -> Any:
    """Run ``code`` in a fresh interpreter (clean environment, plus ``env``); the JSON
    it prints last is returned."""
    proc = run([sys.executable, "-c", textwrap.dedent(code)], cwd, timeout=timeout, **env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def write(root: Path, files: dict[str, str]) -> None:
    """Write dedented files under ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def plugin_venv_python() -> Path:
    """The Python of a venv with pytest-mock, pytest-xdist and turbomock (made once)."""
    venv = ROOT / ".venvs" / f"plugins-py{sys.version_info[0]}{sys.version_info[1]}"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    ready = venv / "turbomock-test-ready"
    if ready.is_file():
        return python
    # One maker at a time: pytest-xdist workers would otherwise race to make it.
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f"{venv.name}.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not ready.is_file():
            _make_plugin_venv(venv, python, ready)
    return python


def _make_plugin_venv(venv: Path, python: Path, ready: Path) -> None:
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(python), "-m", "pip", "install", "-q", *PLUGIN_PACKAGES],
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(ROOT)],
    ]
    for step in steps:
        # The editable install must not rebuild the native core in src/: this process
        # has it loaded. The venv uses the one already there (same Python version).
        proc = run(step, ROOT, timeout=900, TURBOMOCK_BUILD_NATIVE="0")
        if proc.returncode != 0:
            raise RuntimeError(
                f"could not make the plugin venv: {' '.join(step)}\n{proc.stdout}\n{proc.stderr}"
            )
    ready.write_text("ok\n", encoding="utf-8")
