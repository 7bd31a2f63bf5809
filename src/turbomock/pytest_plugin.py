"""turbomock's pytest plugin (entry point ``pytest11: turbomock``).

pytest loads it whenever turbomock is installed; it *switches* only when asked:
``-p turbomock`` (command line, ``addopts``, ``PYTEST_ADDOPTS``) or ``TURBOMOCK=1``.
Asked with ``-p``, pytest imports it before entry-point plugins and conftest files,
and the switch goes on at once (in ``pytest_addoption``, which pytest calls as the
plugin registers), so they all import turbomock for ``unittest.mock``.

When the switch is on: the header says so; a patch started in a test with
``start()`` and never stopped is reported and stopped at teardown; failed mock
assertions are shown through pytest's introspection with turbomock's frames hidden.
Always (none of it changes what a test sees): ``@patch``-decorated tests using
turbomock's ``patch`` directly are counted right by pytest; the ``mocker`` fixture
family is served when pytest-mock is not loaded, and the fakes' fixtures
(``fake_subprocess``, ``fake_docker``); a failed turbomock assertion's report says
why it failed (``turbomock_explain``); strict mode when asked (``turbomock_strict``).
Cheap to import: fixtures and hooks only.
"""

from __future__ import annotations

import os
from types import FunctionType

import pytest

import turbomock
from turbomock import _config, _switch
from turbomock import _plugin_messages as msg
from turbomock import _switch_messages as switch_msg
from turbomock._messages import no_module_attribute
from turbomock._native import native_status
from turbomock._sentinels import make_default_visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Generator
    from typing import Any

    from turbomock._mocker import AsyncMockType as AsyncMockType
    from turbomock._mocker import MockerFixture as MockerFixture
    from turbomock._mocker import MockType as MockType
    from turbomock._mocker import PytestMockWarning as PytestMockWarning

#: Ini options.
INI_LEAKED = "turbomock_leaked_patches"
INI_INTROSPECTION = "turbomock_assert_introspection"
INI_EXPLAIN = "turbomock_explain"
INI_STRICT = "turbomock_strict"

_MOCKER_NAMES = ("AsyncMockType", "MockType", "MockerFixture", "PytestMockWarning")


def __getattr__(name: str) -> Any:
    """``from turbomock.pytest_plugin import MockerFixture`` without importing it up front."""
    if name in _MOCKER_NAMES:
        from turbomock import _mocker

        return getattr(_mocker, name)
    raise AttributeError(no_module_attribute(__name__, name))


class _Plugin:
    """This session's switch state (the module holds one per config)."""

    def __init__(self) -> None:
        self.switched_here = False


_STATE_KEY = pytest.StashKey[_Plugin]()
#: The settings of ``turbomock.configure`` before this session changed them.
_SETTINGS_KEY = pytest.StashKey["Any"]()
#: A test's strict-mode scope, and whether its call failed.
_SCOPE_KEY = pytest.StashKey["Any"]()
_FAILED_KEY = pytest.StashKey[bool]()


def _asked(config: pytest.Config) -> bool:
    """Whether this pytest run asked for the switch: ``-p turbomock`` not overridden by a
    later ``-p no:turbomock`` (``addopts`` come first, then the command line), the
    plugin in PYTEST_PLUGINS, or TURBOMOCK=1."""
    namespace = getattr(config, "known_args_namespace", None)
    asked = False
    for plugin in getattr(namespace, "plugins", None) or []:
        plugin = plugin.strip()
        if plugin == "turbomock":
            asked = True
        elif plugin == "no:turbomock":
            asked = False
    env_plugins = [p.strip() for p in os.environ.get("PYTEST_PLUGINS", "").split(",")]
    return asked or "turbomock" in env_plugins or _env_on()


def _env_on() -> bool:
    return os.environ.get(switch_msg.ENV, "") not in ("", "0")


def active() -> bool:
    """Whether turbomock stands in for ``unittest.mock`` in this process."""
    return _switch.is_installed()


# -- the switch and the header ----------------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Declare the ini options; switch on now if asked (earliest point we run at)."""
    parser.addini(INI_LEAKED, msg.INI_LEAKED, default="off")
    parser.addini(INI_INTROSPECTION, msg.INI_INTROSPECTION, type="bool", default=True)
    parser.addini(INI_EXPLAIN, msg.INI_EXPLAIN, type="bool", default=True)
    parser.addini(INI_STRICT, msg.INI_STRICT, type="bool", default=False)
    config = pluginmanager.get_plugin("pytestconfig")
    if config is None or _switch.is_installed() or not _asked(config):
        return
    if _env_on():
        _switch.startup()  # the start-up hook did not run (python -S, no .pth, ...)
    else:
        backport = os.environ.get(switch_msg.ENV_BACKPORT, "") not in ("", "0")
        _switch.install(backport=backport, via="pytest -p turbomock")
    config.stash[_STATE_KEY] = state = _Plugin()
    state.switched_here = _switch.is_installed()


def pytest_configure(config: pytest.Config) -> None:
    """Serve the mocker fixtures unless pytest-mock does, and the fakes' fixtures;
    turn strict mode on if asked (the environment wins over the ini file)."""
    value = config.getini(INI_LEAKED)
    if value not in ("off", "warn", "error"):
        raise pytest.UsageError(msg.BAD_LEAKED_VALUE.format(value=value))
    manager = config.pluginmanager
    if not manager.has_plugin("pytest_mock") and not manager.has_plugin("turbomock.mocker"):
        from turbomock import _mocker_fixtures

        manager.register(_mocker_fixtures, "turbomock.mocker")
    if not manager.has_plugin("turbomock.fakes"):
        from turbomock.fakes import _pytest_fixtures

        manager.register(_pytest_fixtures, "turbomock.fakes")
    strict = config.getini(INI_STRICT)
    wanted = {"strict": bool(strict), **_config.set_by_environment()}
    config.stash[_SETTINGS_KEY] = turbomock.configure(**wanted)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Turn the switch off if this session turned it on (in-process pytest runs); put
    turbomock's settings back."""
    state = config.stash.get(_STATE_KEY, None)
    if state is not None and state.switched_here:
        _switch.uninstall()
        state.switched_here = False
    previous = config.stash.get(_SETTINGS_KEY, None)
    if previous is not None:
        turbomock.configure(**previous._asdict())


def pytest_report_header(config: pytest.Config) -> list[str] | None:
    """Say that turbomock is active, its version and its native core (-v: what was
    rebound before the switch). Switch off, say only that the native core is off, if
    it is: tests that import turbomock directly run slower without it."""
    native = native_status()
    if not active():
        if native.active:
            return None
        return [switch_msg.HEADER_NATIVE_OFF.format(version=turbomock.__version__, native=native)]
    report = _switch.report()
    lines = [
        switch_msg.HEADER_ACTIVE.format(
            version=turbomock.__version__, via=_switch.via(), native=native
        )
    ]
    if report is not None and config.getoption("verbose") > 0:
        lines += report.lines()[1:]
    elif report is not None:
        if report.rebound:
            lines.append(switch_msg.HEADER_REBOUND.format(count=len(report.rebound)))
        if report.not_rebound:
            lines.append(switch_msg.HEADER_NOT_REBOUND.format(count=len(report.not_rebound)))
    return lines


# -- @patch-decorated tests ---------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: Any, name: str, obj: object) -> None:
    """pytest counts ``@patch``-injected arguments by comparing with the ``DEFAULT`` of
    the loaded ``unittest.mock``; make sure one is loaded when turbomock's is used."""
    if type(obj) is FunctionType and obj.__dict__.get("patchings"):
        make_default_visible()


# -- leaked patches and failure output (switch on only) --------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Note where each patch started during the test's call was started (only when
    asked to: a suite switched over must behave as before, leaks included)."""
    if not active() or item.config.getini(INI_LEAKED) == "off":
        yield
        return
    from turbomock import _plugin_checks

    with _plugin_checks.watch_starts(item):
        yield


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    """Strict mode: open the test's scope before any fixture runs."""
    if _config.strict:
        from turbomock import _strict

        item.stash[_SCOPE_KEY] = _strict.start_scope()
    yield


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """After the fixtures are torn down: report and stop the patches the test leaked,
    if asked to (errors in strict mode, with the configuration it never used)."""
    yield
    scope = item.stash.get(_SCOPE_KEY, None)
    if scope is not None:
        from turbomock import _strict

        report = _strict.finish_scope(scope)
        for patcher in report.leaked:
            patcher.stop()
        if item.stash.get(_FAILED_KEY, False):
            report.unused.clear()  # the test's own failure is the news
        if report:
            pytest.fail(report.text(), pytrace=False)
    elif active() and item.config.getini(INI_LEAKED) != "off":
        from turbomock import _plugin_checks

        _plugin_checks.stop_leaks(item, item.config.getini(INI_LEAKED) == "error")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, None, None]:
    """A failed mock assertion: say why it failed; add pytest's introspection, hide
    turbomock's frames (switch on). Only the report changes: the test is over."""
    excinfo = call.excinfo
    if excinfo is not None and call.when == "call":
        item.stash[_FAILED_KEY] = True
    if excinfo is not None and isinstance(excinfo.value, AssertionError):
        if item.config.getini(INI_EXPLAIN):
            _explain_in_report(excinfo.value)
        if active() and _introspection_wanted(item.config):
            from turbomock import _plugin_checks

            _plugin_checks.explain_assertion(item.config, excinfo)
    yield


def _introspection_wanted(config: pytest.Config) -> bool:
    """Ours, unless turned off, or ``--tb=native`` (plain tracebacks asked for), or
    pytest-mock is running: its own ``mock_traceback_monkeypatch`` then decides, as
    its users expect."""
    return (
        bool(config.getini(INI_INTROSPECTION))
        and config.getoption("tbstyle", "auto") != "native"
        and not config.pluginmanager.has_plugin("pytest_mock")
    )


def _explain_in_report(error: AssertionError) -> None:
    """Append the explanation a turbomock assertion left on its error (once)."""
    story = getattr(error, "_turbomock_story", None)
    if story is None or not error.args or not isinstance(error.args[0], str):
        return
    from turbomock import _explain

    error._turbomock_story = None  # type: ignore[attr-defined]
    error.args = (_explain.append(error.args[0], lambda: story(_explain)), *error.args[1:])
