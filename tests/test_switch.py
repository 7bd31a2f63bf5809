"""``turbomock.install()``/``uninstall()``, the TURBOMOCK start-up hook and the rebinding
report. Each scenario runs in a fresh interpreter, so the switch never touches the
process running these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from switch_support import python, run

PTH = "turbomock-switch.pth"


def test_install_answers_every_import_style(tmp_path: Path) -> None:
    """After install(), every way of reaching unittest.mock gives turbomock."""
    result = python(
        """
        import json, unittest, turbomock
        turbomock.install()
        import unittest.mock
        from unittest import mock
        from unittest.mock import Mock
        print(json.dumps([unittest.mock is turbomock, mock is turbomock,
                          Mock is turbomock.Mock, type(Mock()).__module__]))
        """,
        tmp_path,
    )
    assert result == [True, True, True, "turbomock"]


def test_install_before_unittest_is_imported(tmp_path: Path) -> None:
    """``unittest`` imported after install() still gets turbomock as its ``mock``."""
    result = python(
        """
        import json, sys, turbomock
        turbomock.install()
        before = "unittest" in sys.modules
        import unittest
        print(json.dumps([before, unittest.mock is turbomock]))
        """,
        tmp_path,
    )
    assert result == [False, True]


def test_install_does_not_load_the_stdlib_mock(tmp_path: Path) -> None:
    """Switching on never executes the stdlib's mock.py."""
    result = python(
        """
        import json, os, sys, turbomock
        turbomock.install()
        import unittest.mock
        stdlib_file = os.path.join("unittest", "mock.py")
        print(json.dumps([name for name, m in sys.modules.items()
                          if (getattr(m, "__file__", None) or "").endswith(stdlib_file)]))
        """,
        tmp_path,
    )
    assert result == []


def test_names_bound_before_are_rebound_and_reported(tmp_path: Path) -> None:
    """Names taken from the stdlib before the switch are rebound; the report lists them."""
    result = python(
        """
        import json, turbomock
        import unittest.mock as early
        from unittest.mock import patch, MagicMock, call

        class Holder:
            mock_class = MagicMock

        report = turbomock.install()
        print(json.dumps([report.lines(), early is turbomock, patch is turbomock.patch,
                          MagicMock is turbomock.MagicMock, call is turbomock.call,
                          Holder.mock_class is turbomock.MagicMock]))
        """,
        tmp_path,
    )
    assert result == [
        [
            "turbomock: switched on (turbomock.install())",
            "  rebound __main__.early (was unittest.mock)",
            "  rebound __main__.patch (was unittest.mock.patch)",
            "  rebound __main__.MagicMock (was unittest.mock.MagicMock)",
            "  rebound __main__.call (was unittest.mock.call)",
            "  rebound __main__.Holder.mock_class (was unittest.mock.MagicMock)",
        ],
        True,
        True,
        True,
        True,
        True,
    ]


def test_what_cannot_be_rebound_is_reported(tmp_path: Path) -> None:
    """A stdlib mock, a subclass of a stdlib class and a function decorated with the
    stdlib's patch, all made before the switch, are named in the report."""
    result = python(
        """
        import json, turbomock
        from unittest import mock

        made = mock.Mock()

        class Custom(mock.MagicMock):
            pass

        @mock.patch("os.getcwd")
        def decorated(getcwd):
            pass

        report = turbomock.install()
        print(json.dumps(report.not_rebound))
        """,
        tmp_path,
    )
    assert result == [
        ["__main__.made", "a mock made by the stdlib before the switch"],
        ["__main__.Custom", "a subclass of the stdlib's unittest.mock.MagicMock, "
         "defined before the switch"],
        ["__main__.decorated", "decorated with the stdlib's patch before the switch"],
    ]


def test_nothing_to_rebind_says_so(tmp_path: Path) -> None:
    """With nothing bound before, the report says so."""
    result = python(
        "import json, turbomock; print(json.dumps(turbomock.install().lines()))", tmp_path
    )
    assert result == [
        "turbomock: switched on (turbomock.install())",
        "  nothing bound before the switch",
    ]


def test_uninstall_puts_everything_back(tmp_path: Path) -> None:
    """uninstall() restores sys.modules, ``unittest.mock`` and every rebound name."""
    result = python(
        """
        import json, sys, unittest, turbomock
        import unittest.mock as early
        from unittest.mock import patch
        stdlib = sys.modules["unittest.mock"]
        turbomock.install()
        turbomock.uninstall()
        import unittest.mock
        print(json.dumps([sys.modules["unittest.mock"] is stdlib, unittest.mock is stdlib,
                          early is stdlib, patch is stdlib.patch,
                          turbomock._switch.is_installed()]))
        """,
        tmp_path,
    )
    assert result == [True, True, True, True, False]


def test_uninstall_without_a_stdlib_leaves_it_importable(tmp_path: Path) -> None:
    """After install()/uninstall() with the stdlib never loaded, importing unittest.mock
    loads the stdlib's, whose DEFAULT is turbomock's."""
    result = python(
        """
        import json, turbomock
        turbomock.install()
        turbomock.uninstall()
        import unittest.mock
        print(json.dumps([unittest.mock.__name__, unittest.mock.DEFAULT is turbomock.DEFAULT]))
        """,
        tmp_path,
    )
    assert result == ["unittest.mock", True]


def test_install_twice_is_one_switch(tmp_path: Path) -> None:
    """A second install() returns the first report and changes nothing."""
    result = python(
        """
        import json, turbomock
        first = turbomock.install()
        print(json.dumps([turbomock.install() is first, turbomock._switch.via()]))
        """,
        tmp_path,
    )
    assert result == [True, "turbomock.install()"]


def test_backport_names_when_asked(tmp_path: Path) -> None:
    """install(backport=True) also answers ``import mock`` and ``mock.mock``."""
    result = python(
        """
        import json, turbomock
        turbomock.install(backport=True)
        import mock
        import mock.mock
        from mock import Mock, DEFAULT
        print(json.dumps([mock.mock is turbomock, Mock is turbomock.Mock,
                          DEFAULT is turbomock.DEFAULT, type(mock.MagicMock()).__module__]))
        """,
        tmp_path,
    )
    assert result == [True, True, True, "turbomock"]


def test_backport_is_left_alone_by_default(tmp_path: Path) -> None:
    """Without backport=True, ``mock`` is not taken."""
    result = python(
        """
        import json, sys, turbomock
        turbomock.install()
        print(json.dumps("mock" in sys.modules))
        """,
        tmp_path,
    )
    assert result is False


# -- the start-up hook ------------------------------------------------------------------


def test_startup_hook_is_installed_with_the_package() -> None:
    """The .pth file sits in this interpreter's site-packages and runs the switch."""
    from turbomock._info import startup_hook_path

    path = startup_hook_path()
    assert path is not None
    assert path.name == PTH
    text = path.read_text(encoding="utf-8")
    assert text.startswith("import os; ")
    assert '__import__("turbomock._switch", None, None, ["startup"]).startup()' in text


@pytest.mark.parametrize(("value", "switched"), [("1", True), ("0", False), ("", False)])
def test_environment_variable(tmp_path: Path, value: str, switched: bool) -> None:
    """TURBOMOCK=1 switches at start-up; 0 or empty does not."""
    code = "import json, unittest.mock as m; print(json.dumps(m.__name__))"
    expected = "turbomock" if switched else "unittest.mock"
    assert python(code, tmp_path, TURBOMOCK=value) == expected


def test_unset_variable_imports_nothing(tmp_path: Path) -> None:
    """Without TURBOMOCK the hook imports nothing: a bare start has no turbomock."""
    code = "import json, sys; print(json.dumps('turbomock' in sys.modules))"
    assert python(code, tmp_path) is False


def test_bad_value_says_so_and_stays_off(tmp_path: Path) -> None:
    """An unknown value is reported on stderr; the switch stays off."""
    code = "import unittest.mock as m; print(m.__name__)"
    proc = run([sys.executable, "-c", code], tmp_path, TURBOMOCK="yes")
    assert proc.stdout == "unittest.mock\n"
    assert (
        "turbomock: TURBOMOCK='yes' is not understood (use 1 to switch turbomock on, "
        "0 or nothing to leave it off); the switch stays off.\n"
    ) in proc.stderr


def test_report_variable_prints_the_report(tmp_path: Path) -> None:
    """TURBOMOCK_REPORT=1 prints the rebinding report on stderr."""
    proc = run([sys.executable, "-c", "pass"], tmp_path, TURBOMOCK="1", TURBOMOCK_REPORT="1")
    assert proc.returncode == 0
    assert "turbomock: switched on (TURBOMOCK=1)\n  nothing bound before the switch\n" in (
        proc.stderr
    )


def test_backport_variable(tmp_path: Path) -> None:
    """TURBOMOCK_BACKPORT=1 also takes ``mock``."""
    code = "import json, mock; print(json.dumps(mock.mock.__name__))"
    assert python(code, tmp_path, TURBOMOCK="1", TURBOMOCK_BACKPORT="1") == "turbomock"


# -- python -m turbomock info / run ------------------------------------------------------


def info(tmp_path: Path, **env: str) -> list[str]:
    proc = run([sys.executable, "-m", "turbomock", "info"], tmp_path, **env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_info_when_off(tmp_path: Path) -> None:
    """``info`` names the version, the switch (off), the hook and the native core."""
    import turbomock
    from turbomock._info import startup_hook_path
    from turbomock._native import native_status

    lines = info(tmp_path)
    # The installed package: src/turbomock in a checkout, site-packages from a wheel.
    where = Path(turbomock.__file__).resolve().parent
    assert lines[0] == f"turbomock {turbomock.__version__} ({where})"
    assert lines[1].startswith("python: ")
    assert lines[2] == "switch: off (set TURBOMOCK=1, or use `python -m turbomock run -- CMD`)"
    assert lines[3] == f"start-up hook: installed ({startup_hook_path()})"
    assert lines[4] == f"native core: {native_status()}"


def test_info_when_on(tmp_path: Path) -> None:
    """Under TURBOMOCK=1, ``info`` says the switch is on and how."""
    assert info(tmp_path, TURBOMOCK="1")[2] == "switch: on (TURBOMOCK=1)"


def test_info_native_core_forced_off(tmp_path: Path) -> None:
    """With TURBOMOCK_PURE_PYTHON=1 it says why the native core is off."""
    lines = info(tmp_path, TURBOMOCK_PURE_PYTHON="1")
    assert lines[4] == "native core: off (TURBOMOCK_PURE_PYTHON=1 is set; pure Python)"


def test_run_switches_the_command(tmp_path: Path) -> None:
    """``run -- CMD`` runs CMD with the switch on and returns its exit status."""
    code = "import sys, unittest.mock as m; print(m.__name__); sys.exit(3)"
    proc = run([sys.executable, "-m", "turbomock", "run", "--", sys.executable, "-c", code],
               tmp_path)
    assert (proc.returncode, proc.stdout) == (3, "turbomock\n")


def test_run_without_a_command(tmp_path: Path) -> None:
    """``run`` with no command is a usage error."""
    proc = run([sys.executable, "-m", "turbomock", "run"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "turbomock run: give the command after --, e.g. python -m turbomock run -- pytest\n"
    )


def test_run_with_a_missing_command(tmp_path: Path) -> None:
    """A command that does not exist: exit 127 and a message."""
    proc = run([sys.executable, "-m", "turbomock", "run", "--", "no-such-command-xyz"], tmp_path)
    assert proc.returncode == 127
    assert proc.stderr == "turbomock run: command not found: no-such-command-xyz\n"


def test_backport_added_by_a_second_install(tmp_path: Path) -> None:
    """install() then install(backport=True): the backport is taken too."""
    result = python(
        """
        import json, turbomock
        turbomock.install()
        turbomock.install(backport=True)
        import mock
        print(json.dumps(mock.mock is turbomock))
        """,
        tmp_path,
    )
    assert result is True
