"""pytest-mock installed together with turbomock: pytest-mock's own ``mocker`` runs on
turbomock through the switch, and its spy, stub, resetall and stopall behave as
pytest-mock documents them. Run in a venv that has pytest-mock (switch_support)."""

from __future__ import annotations

from pathlib import Path

import pytest

from switch_support import plugin_venv_python, run, write

SUITE = {
    "test_with_pytest_mock.py": """
        import asyncio
        import os

        import pytest
        import pytest_mock

        import turbomock


        class Greeter:
            def greet(self, name):
                return f"hello {name}"

            def fail(self):
                raise ValueError("no")

            async def fetch(self, value):
                return value + 1


        def test_fixture_is_pytest_mocks(mocker):
            assert type(mocker) is pytest_mock.MockerFixture
            assert mocker.mock_module is turbomock


        def test_patch_makes_turbomock_mocks(mocker):
            mocked = mocker.patch("os.getcwd", return_value="/x")
            assert os.getcwd() == "/x"
            assert type(mocked).__module__ == "turbomock"
            assert isinstance(mocked, turbomock.MagicMock)


        def test_patch_object_and_dict(mocker):
            config = {"a": 1}
            mocker.patch.dict(config, {"a": 2})
            mocked = mocker.patch.object(Greeter, "greet")
            assert config == {"a": 2}
            assert isinstance(mocked, turbomock.MagicMock)


        def test_spy(mocker):
            greeter = Greeter()
            spy = mocker.spy(greeter, "greet")
            assert greeter.greet("bob") == "hello bob"
            spy.assert_called_once_with("bob")
            assert spy.spy_return == "hello bob"
            assert spy.spy_return_list == ["hello bob"]
            assert spy.spy_exception is None


        def test_spy_exception(mocker):
            greeter = Greeter()
            spy = mocker.spy(greeter, "fail")
            with pytest.raises(ValueError):
                greeter.fail()
            assert isinstance(spy.spy_exception, ValueError)


        def test_async_spy(mocker):
            greeter = Greeter()
            spy = mocker.spy(greeter, "fetch")
            assert asyncio.run(greeter.fetch(1)) == 2
            assert spy.spy_return == 2


        def test_stub(mocker):
            stub = mocker.stub(name="callback")
            stub(1, 2)
            stub.assert_called_once_with(1, 2)
            assert isinstance(stub, turbomock.MagicMock)


        def test_resetall(mocker):
            mocked = mocker.patch("os.getcwd", return_value="/x")
            os.getcwd()
            mocker.resetall()
            assert mocked.call_count == 0
            assert os.getcwd() == "/x"
            mocker.resetall(return_value=True)
            assert isinstance(os.getcwd(), turbomock.MagicMock)


        def test_stopall(mocker):
            original = os.getcwd
            mocker.patch("os.getcwd")
            mocker.stopall()
            assert os.getcwd is original


        def test_stop(mocker):
            original = os.getcwd
            mocked = mocker.patch("os.getcwd")
            mocker.stop(mocked)
            assert os.getcwd is original


        def test_assertion_failure_message(mocker):
            mocked = mocker.patch("os.getcwd")
            mocked(1)
            with pytest.raises(AssertionError) as raised:
                mocked.assert_called_once_with(2)
            assert "pytest introspection follows:" in str(raised.value)
    """,
}


@pytest.mark.parametrize(
    ("args", "env"),
    [(["-p", "turbomock"], {}), ([], {"TURBOMOCK": "1"})],
    ids=["-p turbomock", "TURBOMOCK=1"],
)
def test_pytest_mock_runs_on_turbomock(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    """pytest-mock's fixture makes turbomock's mocks and keeps its documented behaviour."""
    write(tmp_path, SUITE)
    python = plugin_venv_python()
    proc = run([str(python), "-m", "pytest", "-p", "no:cacheprovider", *args], tmp_path, **env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "11 passed" in proc.stdout
    assert "turbomock 0.1.0.dev0: active" in proc.stdout


def test_turbomocks_mocker_is_not_registered_beside_pytest_mock(tmp_path: Path) -> None:
    """With pytest-mock loaded, turbomock registers no fixtures of its own."""
    write(
        tmp_path,
        {
            "test_it.py": """
                def test_plugins(pytestconfig):
                    manager = pytestconfig.pluginmanager
                    assert manager.has_plugin("pytest_mock")
                    assert not manager.has_plugin("turbomock.mocker")
            """
        },
    )
    python = plugin_venv_python()
    proc = run([str(python), "-m", "pytest", "-p", "no:cacheprovider", "-p", "turbomock"],
               tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


NEAR_MISS = """
    from unittest import mock

    def test_foo():
        stub = mock.Mock()
        stub(1, greet="hello")
        stub.assert_called_once_with(1, greet="hey")
"""


@pytest.mark.parametrize(
    "args",
    [["--tb=native"], ["-o", "mock_traceback_monkeypatch=false"], []],
    ids=["--tb=native", "mock_traceback_monkeypatch=false", "default"],
)
def test_pytest_mock_decides_on_introspection(tmp_path: Path, args: list[str]) -> None:
    """With pytest-mock running, its ``--tb=native`` and ``mock_traceback_monkeypatch``
    rules decide whether a failure gets pytest's comparison: the output shows it as
    often as with pytest-mock on the stdlib (never for the first two)."""
    write(tmp_path, {"test_near_miss.py": NEAR_MISS})
    python = plugin_venv_python()
    shown = []
    for switch in ("1", "0"):
        proc = run([str(python), "-m", "pytest", "-p", "no:cacheprovider", *args], tmp_path,
                   TURBOMOCK=switch)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        shown.append(proc.stdout.count("pytest introspection follows"))
    assert shown[0] == shown[1], shown
    assert (shown[0] == 0) == bool(args), shown
