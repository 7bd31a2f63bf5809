"""The switch, end to end: a sample project whose files reach the stdlib's mock in every
way there is, run through each way of switching turbomock on (and once off).

Every mock the sample makes is recorded with the module its class reports
(``turbomock`` or ``unittest.mock``); each run asserts where every one came from.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from switch_support import plugin_venv_python, run, write

SAMPLE = {
    # A plugin that imports unittest.mock before anything else: its names are bound
    # before the switch (when the switch comes from pytest) and must be rebound.
    "sample_plugin.py": """
        from unittest.mock import Mock as EarlyMock
        import unittest.mock as early_module
    """,
    "app/__init__.py": "",
    # Only the package: unittest.mock is reached as an attribute of ``unittest``.
    "app/package_attribute.py": """
        import unittest


        def made():
            return unittest.mock.AsyncMock()
    """,
    "app/styles.py": """
        import unittest
        import unittest.mock
        from unittest import mock
        from unittest.mock import MagicMock, create_autospec

        from app import package_attribute


        def fetch(url):
            return url


        def made():
            return {
                "import unittest.mock": unittest.mock.MagicMock(),
                "from unittest import mock": mock.Mock(),
                "from unittest.mock import X": MagicMock(),
                "unittest.mock via the package": package_attribute.made(),
                "create_autospec": create_autospec(fetch).mock,
            }
    """,
    "tests/__init__.py": "",
    "tests/test_sample.py": """
        import json
        import os
        import subprocess
        import sys
        import unittest
        from unittest.mock import patch

        from app import styles

        RECORD = {}


        def where(obj):
            return type(obj).__module__


        def tearDownModule():
            out = os.environ["SAMPLE_OUT"]
            with open(os.path.join(out, f"report-{os.getpid()}.json"), "w") as f:
                json.dump(RECORD, f)


        class TestStyles(unittest.TestCase):
            def test_import_styles(self):
                for style, obj in styles.made().items():
                    RECORD[style] = where(obj)

            def test_backport_styles(self):
                if os.environ.get("SAMPLE_BACKPORT") == "1":
                    import mock
                    import mock.mock

                    RECORD["import mock"] = where(mock.Mock())
                    RECORD["mock.mock"] = where(mock.mock.MagicMock())

            @patch("os.getcwd")
            def test_patch_decorator(self, getcwd):
                getcwd.return_value = "/nowhere"
                self.assertEqual(os.getcwd(), "/nowhere")
                RECORD["@patch"] = where(getcwd)

            def test_patch_object(self):
                with patch.object(styles, "fetch") as fetch:
                    RECORD["patch.object"] = where(fetch)

            def test_early_plugin(self):
                plugin = sys.modules.get("sample_plugin")
                if plugin is not None:
                    RECORD["bound before the switch"] = where(plugin.EarlyMock())
                    RECORD["module bound before the switch"] = plugin.early_module.__name__

            def test_subprocess(self):
                code = "import unittest.mock as m; print(type(m.Mock()).__module__)"
                out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                     text=True, check=True).stdout
                RECORD["a Python subprocess"] = out.strip()
    """,
    # install() from a conftest (the sample_plugin was imported before it).
    "conftest.py": """
        import os

        if os.environ.get("SAMPLE_INSTALL") == "1":
            import turbomock

            turbomock.install()
    """,
}

STYLES = [
    "import unittest.mock",
    "from unittest import mock",
    "from unittest.mock import X",
    "unittest.mock via the package",
    "create_autospec",
    "@patch",
    "patch.object",
]
PLUGIN_STYLES = ["bound before the switch", "module bound before the switch"]
TURBOMOCK = "turbomock"
STDLIB = "unittest.mock"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project, with an empty directory for its reports."""
    root = tmp_path / "sample"
    write(root, SAMPLE)
    (root / "out").mkdir()
    return root


def reports(root: Path) -> list[dict[str, str]]:
    """Every report the run wrote (one per process that ran sample tests)."""
    found = [json.loads(p.read_text()) for p in sorted((root / "out").glob("report-*.json"))]
    assert found, "the sample wrote no report"
    return found


def merged(root: Path) -> dict[str, str]:
    result: dict[str, str] = {}
    for report in reports(root):
        result.update(report)
    return result


def expected(styles: str, subprocess: str, plugin: bool = True) -> dict[str, str]:
    """Where each style's mock must come from: ``styles`` for all, and the subprocess's."""
    result = dict.fromkeys(STYLES, styles)
    if plugin:
        result["bound before the switch"] = styles
        result["module bound before the switch"] = styles
    result["a Python subprocess"] = subprocess
    return result


def pytest_args(python: Path | str, *args: str) -> list[str]:
    return [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q", *args]


def plain_pytest_args(*args: str) -> list[str]:
    """This venv's pytest, without pytest-mock even where it is installed."""
    return pytest_args(sys.executable, "-p", "no:pytest_mock", *args)


def run_sample(root: Path, args: list[str], **env: str) -> dict[str, str]:
    proc = run(args, root, PYTHONPATH=str(root), SAMPLE_OUT=str(root / "out"), **env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return merged(root)


def test_off_run_makes_only_stdlib_mocks(sample: Path) -> None:
    """Without the switch (turbomock installed, plugin loaded), every mock is the stdlib's."""
    result = run_sample(sample, plain_pytest_args("-p", "sample_plugin"))
    assert result == expected(STDLIB, STDLIB)


def test_pytest_p_turbomock(sample: Path) -> None:
    """``pytest -p turbomock``: every mock of the run is turbomock's, the plugin's early
    binding included; a subprocess is not switched (it has no -p)."""
    args = plain_pytest_args("-p", "sample_plugin", "-p", "turbomock")
    assert run_sample(sample, args) == expected(TURBOMOCK, STDLIB)


def test_addopts(sample: Path) -> None:
    """``-p turbomock`` in the project's ini ``addopts`` works the same."""
    write(sample, {"pytest.ini": "[pytest]\naddopts = -p sample_plugin -p turbomock\n"})
    assert run_sample(sample, plain_pytest_args()) == expected(TURBOMOCK, STDLIB)


def test_no_turbomock_wins_over_addopts(sample: Path) -> None:
    """``-p no:turbomock`` on the command line turns the addopts' switch off again."""
    write(sample, {"pytest.ini": "[pytest]\naddopts = -p sample_plugin -p turbomock\n"})
    args = plain_pytest_args("-p", "no:turbomock")
    assert run_sample(sample, args) == expected(STDLIB, STDLIB)


def test_environment_variable(sample: Path) -> None:
    """``TURBOMOCK=1``: the test process and the Python subprocess it starts are switched."""
    args = plain_pytest_args("-p", "sample_plugin")
    assert run_sample(sample, args, TURBOMOCK="1") == expected(TURBOMOCK, TURBOMOCK)


def test_environment_variable_with_the_backport(sample: Path) -> None:
    """``TURBOMOCK=1 TURBOMOCK_BACKPORT=1``: the ``mock`` backport's names are turbomock too."""
    args = plain_pytest_args("-p", "sample_plugin")
    result = run_sample(sample, args, TURBOMOCK="1", TURBOMOCK_BACKPORT="1", SAMPLE_BACKPORT="1")
    assert result == {
        **expected(TURBOMOCK, TURBOMOCK),
        "import mock": TURBOMOCK,
        "mock.mock": TURBOMOCK,
    }


def test_turbomock_run(sample: Path) -> None:
    """``python -m turbomock run -- python -m pytest`` switches the command and its children."""
    args = [sys.executable, "-m", "turbomock", "run", "--", *plain_pytest_args()]
    args += ["-p", "sample_plugin"]
    assert run_sample(sample, args) == expected(TURBOMOCK, TURBOMOCK)


def test_install_from_conftest(sample: Path) -> None:
    """``turbomock.install()`` in a conftest: everything imported after it, and what the
    plugin bound before it, is turbomock's."""
    args = plain_pytest_args("-p", "sample_plugin")
    assert run_sample(sample, args, SAMPLE_INSTALL="1") == expected(TURBOMOCK, STDLIB)


def test_unittest_runner_with_the_environment_variable(sample: Path) -> None:
    """``TURBOMOCK=1 python -m unittest``: the same without pytest at all."""
    args = [sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."]
    result = run_sample(sample, args, TURBOMOCK="1")
    assert result == expected(TURBOMOCK, TURBOMOCK, plugin=False)


@pytest.mark.parametrize(
    ("how", "env"),
    [(["-p", "turbomock"], {}), ([], {"TURBOMOCK": "1"})],
    ids=["-p turbomock", "TURBOMOCK=1"],
)
def test_xdist_workers(sample: Path, how: list[str], env: dict[str, str]) -> None:
    """``pytest -n 2``: every worker is switched, through -p as through the variable."""
    python = plugin_venv_python()
    args = pytest_args(python, "-n", "2", "-p", "sample_plugin", *how)
    result = run_sample(sample, args, **env)
    subprocess = TURBOMOCK if env else STDLIB
    assert result == expected(TURBOMOCK, subprocess)
    assert len(reports(sample)) == 2  # both workers ran sample tests
