"""Strict mode (``configure(strict=True)``): ``patch`` autospecs unless told how to
make its mock, a mock configured but never called is reported when its patch ends
(or, inside a test scope, when the scope finishes), and a scope reports the patches
it started and never stopped."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import turbomock
from explain_support import message, settings
from turbomock import _strict, patch

APP = """
def fetch(url, timeout=10.0):
    raise RuntimeError("the real fetch")


async def pull(url):
    raise RuntimeError("the real pull")


class Client:
    def __init__(self, host):
        self.host = host

    def get(self, path):
        raise RuntimeError("the real get")


LIMIT = 3
"""


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """A module to patch (``strictapp``), with strict mode on and explanations off."""
    (tmp_path / "strictapp.py").write_text(APP)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with settings(strict=True):
            yield importlib.import_module("strictapp")
    finally:
        sys.modules.pop("strictapp", None)
        sys.modules.pop("strictuser", None)


def _is_autospecced_function(obj: Any) -> bool:
    return type(obj).__name__ == "function" and hasattr(obj, "mock")


def _is_plain_magic_mock(obj: Any) -> bool:
    """A MagicMock without a spec: what patch makes when not autospeccing."""
    return isinstance(obj, turbomock.MagicMock) and obj._spec_class is None


# -- autospec by default ------------------------------------------------------------------


def test_patch_autospecs_by_default(app: ModuleType) -> None:
    """A call the real function would refuse raises TypeError."""
    with patch("strictapp.fetch") as fetch:
        assert _is_autospecced_function(fetch)
        app.fetch("u", timeout=1)
        with pytest.raises(TypeError, match="got an unexpected keyword argument 'retries'"):
            app.fetch("u", retries=2)


def test_patched_class_instances_are_specced(app: ModuleType) -> None:
    """A patched class makes instances with only the class's attributes."""
    with patch("strictapp.Client"):
        client = app.Client("h")
        client.get("/")
        with pytest.raises(AttributeError, match="Mock object has no attribute 'post'"):
            client.post("/")


def test_patch_object_and_multiple_autospec_too(app: ModuleType) -> None:
    """``patch.object`` and ``patch.multiple`` follow the same default."""
    with patch.object(app, "fetch") as fetch:
        assert _is_autospecced_function(fetch)
    with patch.multiple(app, fetch=turbomock.DEFAULT, Client=turbomock.DEFAULT) as made:
        assert _is_autospecced_function(made["fetch"])
        with pytest.raises(TypeError):
            app.Client()


def test_decorated_tests_get_autospecced_mocks(app: ModuleType) -> None:
    """A ``@patch`` decorator passes the autospecced mock in."""

    @patch("strictapp.fetch")
    def check(fetch: Any) -> None:
        assert _is_autospecced_function(fetch)

    check()


def test_async_functions_are_autospecced_as_async(app: ModuleType) -> None:
    """An async original gives an autospecced function whose calls are awaitable."""
    import asyncio

    with patch("strictapp.pull", return_value=5) as pull:
        assert _is_autospecced_function(pull)
        assert asyncio.run(app.pull("u")) == 5
        with pytest.raises(TypeError):
            asyncio.run(app.pull())  # 3.13 checks when awaited, earlier ones when called


@pytest.mark.parametrize(
    "kwargs",
    [
        {"autospec": False},
        {"new_callable": turbomock.MagicMock},
        {"spec": True},
        {"spec_set": True},
        {"new": turbomock.sentinel.replacement},
    ],
    ids=["autospec=False", "new_callable", "spec", "spec_set", "new"],
)
def test_shaping_arguments_opt_out(app: ModuleType, kwargs: dict[str, Any]) -> None:
    """Given anything that says how to make the replacement, patch does just that."""
    with patch("strictapp.fetch", **kwargs) as replacement:
        assert not _is_autospecced_function(replacement)


def test_autospec_false_gives_the_plain_mock(app: ModuleType) -> None:
    """``autospec=False`` opts one patch out: the usual MagicMock, accepting anything."""
    with patch("strictapp.fetch", autospec=False) as fetch:
        assert _is_plain_magic_mock(fetch)
        app.fetch(1, 2, 3, anything=4)


def test_a_created_attribute_has_nothing_to_autospec(app: ModuleType) -> None:
    """``create=True`` on a missing attribute makes the usual MagicMock."""
    with patch("strictapp.missing", create=True) as created:
        assert _is_plain_magic_mock(created)


def test_an_original_that_is_a_mock_is_not_autospecced(app: ModuleType) -> None:
    """Patching over a mock (nested patches) makes a plain mock, not an error."""
    with patch("strictapp.fetch", autospec=False), patch("strictapp.fetch") as inner:
        assert _is_plain_magic_mock(inner)


def test_strict_off_patches_as_the_stdlib(app: ModuleType) -> None:
    """Without strict mode nothing changes."""
    with settings(strict=False), patch("strictapp.fetch") as fetch:
        assert _is_plain_magic_mock(fetch)


def test_environment_variable_turns_it_on(tmp_path: Path) -> None:
    """``TURBOMOCK_STRICT=1`` at import is strict mode."""
    (tmp_path / "strictapp.py").write_text(APP)
    code = (
        "import turbomock, strictapp\n"
        "with turbomock.patch('strictapp.fetch') as f:\n"
        "    print(type(f).__name__, hasattr(f, 'mock'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURBOMOCK_")}
    env.update(TURBOMOCK_STRICT="1", PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "function True\n"


# -- configured but never called -------------------------------------------------------


def test_configured_return_value_never_called_fails_the_patch(app: ModuleType) -> None:
    """A return value set up for a call that never came is reported at patch exit."""

    def run() -> None:
        with patch("strictapp.fetch", return_value=b"{}"):
            pass

    assert (
        message(run) == "strict mode: configured but never called:\n  fetch: return_value = b'{}'"
    )
    assert app.fetch.__module__ == "strictapp"  # the patch was undone first


def test_configured_later_is_reported_too(app: ModuleType) -> None:
    """Configuration after the patch started counts, on the mock and below it."""

    def run() -> None:
        with patch("strictapp.Client") as client:
            client.return_value.get.side_effect = KeyError("k")
            client.return_value.host = "unused attributes are not configuration"

    assert message(run) == (
        "strict mode: configured but never called:\n  Client().get: side_effect = KeyError('k')"
    )


def test_used_configuration_is_not_reported(app: ModuleType) -> None:
    """Called mocks are fine, whatever they were given."""
    with patch("strictapp.fetch", return_value=b"{}"), patch("strictapp.Client") as client:
        client.return_value.get.return_value = 1
        assert app.fetch("u") == b"{}"
        assert app.Client("h").get("/") == 1


def test_mock_return_values_are_not_configuration(app: ModuleType) -> None:
    """A return value that is itself a mock is made by mocks for themselves."""
    with patch("strictapp.fetch") as fetch, patch("strictapp.Client", autospec=False) as client:
        fetch.return_value = turbomock.MagicMock()
        client.return_value = turbomock.Mock()
        client.method.return_value = turbomock.Mock()


def test_default_magic_methods_are_not_reported(app: ModuleType) -> None:
    """What MagicMock gives its magic methods by itself is not configuration."""
    with patch("strictapp.LIMIT", new_callable=turbomock.MagicMock) as limit:
        len(limit)
        limit.__str__  # noqa: B018 - made, with its default, never called
        limit.__eq__  # noqa: B018
        limit.__iter__  # noqa: B018
        limit.__exit__  # noqa: B018
        limit.__hash__  # noqa: B018


def test_mock_open_is_not_reported_for_what_it_sets_up(app: ModuleType) -> None:
    """``mock_open`` configures every file method; only what the test set counts."""
    with patch("builtins.open", turbomock.mock_open(read_data="data")), open("any.txt") as f:
        assert f.read() == "data"


def test_none_return_values_are_not_configuration(app: ModuleType) -> None:
    """``return_value = None`` only stops a mock making a child: nothing to report."""
    with patch("strictapp.Client") as client:
        client.return_value.get.return_value = None


def test_configured_magic_methods_are_reported(app: ModuleType) -> None:
    """A magic method given a value of its own and never used is reported."""

    def run() -> None:
        with patch("strictapp.LIMIT", new_callable=turbomock.MagicMock) as limit:
            limit.__len__.return_value = 5

    assert message(run) == (
        "strict mode: configured but never called:\n  LIMIT.__len__: return_value = 5"
    )


def test_side_effect_iterables_are_reported(app: ModuleType) -> None:
    """A side effect given as a list is checked as the mock stores it."""

    def run() -> None:
        with patch("strictapp.fetch", autospec=False) as fetch:
            fetch.side_effect = [1, 2]

    assert message(run) == (
        "strict mode: configured but never called:\n"
        "  fetch: side_effect = an iterator (list_iterator)"
    )


def test_a_decorated_test_fails_with_the_report(app: ModuleType) -> None:
    """With ``@patch`` the report is raised when the decorated function returns."""

    @patch("strictapp.fetch", return_value=b"{}")
    def check(fetch: Any) -> None:
        pass

    assert message(check) == (
        "strict mode: configured but never called:\n  fetch: return_value = b'{}'"
    )


def test_a_failing_body_is_not_reported_over(app: ModuleType) -> None:
    """When the body raised, that error is the news: nothing is added."""
    with pytest.raises(ValueError, match="the body"), patch("strictapp.fetch", return_value=1):
        raise ValueError("the body")


def test_patch_multiple_undoes_every_patch_before_reporting(app: ModuleType) -> None:
    """Every attribute is put back before the report is raised."""
    original_fetch, original_client = app.fetch, app.Client

    def run() -> None:
        with patch.multiple(app, fetch=turbomock.DEFAULT, Client=turbomock.DEFAULT) as made:
            made["Client"].return_value.get.return_value = 1

    assert message(run) == (
        "strict mode: configured but never called:\n  Client().get: return_value = 1"
    )
    assert (app.fetch, app.Client) == (original_fetch, original_client)


def test_user_made_mocks_placed_by_patch_are_checked(app: ModuleType) -> None:
    """A mock given as ``new`` is checked like one the patch made."""

    def run() -> None:
        with patch("strictapp.fetch", turbomock.Mock(return_value=2)):
            pass

    assert message(run) == "strict mode: configured but never called:\n  mock: return_value = 2"


def test_the_report_names_where_to_patch(app: ModuleType, tmp_path: Path) -> None:
    """When the whole mock went unused, the report says where the original still is."""
    (tmp_path / "strictuser.py").write_text("from strictapp import fetch\n")
    importlib.import_module("strictuser")

    def run() -> None:
        with patch("strictapp.fetch", return_value=b"{}"):
            pass

    assert message(run) == (
        "strict mode: configured but never called:\n"
        "  fetch: return_value = b'{}'\n"
        "  Never called. The mock replaces strictapp.fetch; code that looks the original up "
        "elsewhere still gets it:\n"
        "    strictuser.fetch is strictapp.fetch — patch 'strictuser.fetch'"
    )


def test_not_checked_when_strict_mode_is_off(app: ModuleType) -> None:
    """Without strict mode a patch never reports."""
    with settings(strict=False), patch("strictapp.fetch", return_value=1):
        pass


# -- test scopes (for the pytest plugin) -------------------------------------------------


def test_a_scope_collects_instead_of_raising(app: ModuleType) -> None:
    """Inside a scope, patch exits record; ``finish_scope`` reports."""
    scope = _strict.start_scope()
    with patch("strictapp.fetch", return_value=1):
        pass
    report = _strict.finish_scope(scope)
    assert bool(report)
    assert report.text() == "strict mode: configured but never called:\n  fetch: return_value = 1"
    assert report.leaked == []


def test_an_empty_scope_reports_nothing(app: ModuleType) -> None:
    """A clean test gives an empty, false report."""
    scope = _strict.start_scope()
    with patch("strictapp.fetch", return_value=1):
        app.fetch("u")
    report = _strict.finish_scope(scope)
    assert not report
    assert report.text() == ""


def test_a_scope_reports_patches_left_started(app: ModuleType) -> None:
    """Patches started in the scope and never stopped are listed, with their mocks checked."""
    scope = _strict.start_scope()
    patcher = patch("strictapp.fetch", return_value=1)
    patcher.start()
    dict_patcher = patch.dict(os.environ, {"STRICT_TEST": "1"})
    dict_patcher.start()
    try:
        report = _strict.finish_scope(scope)
    finally:
        patch.stopall()
    assert report.leaked == [patcher, dict_patcher]
    assert report.text() == (
        "strict mode: configured but never called:\n"
        "  fetch: return_value = 1\n"
        "patches started during the test and never stopped:\n"
        "  patch('strictapp.fetch')\n"
        f"  patch.dict({turbomock._explain_text.short_repr(os.environ)})"
    )


def test_patches_started_before_the_scope_are_not_its_leaks(app: ModuleType) -> None:
    """Only what the scope started is its concern."""
    patcher = patch("strictapp.fetch")
    patcher.start()
    try:
        assert _strict.finish_scope(_strict.start_scope()).leaked == []
    finally:
        patcher.stop()


def test_leaks_are_reported_without_strict_mode(app: ModuleType) -> None:
    """Leaked patches are listed either way (the plugin warns or fails); unused
    configuration only in strict mode."""
    with settings(strict=False):
        scope = _strict.start_scope()
        patcher = patch("strictapp.fetch", return_value=1)
        patcher.start()
        try:
            report = _strict.finish_scope(scope)
        finally:
            patcher.stop()
    assert report.unused == []
    assert report.leaked == [patcher]


def test_watched_mocks_are_checked_when_the_scope_finishes(app: ModuleType) -> None:
    """``watch`` adds a mock made without ``patch`` to the scope's checks."""
    scope = _strict.start_scope()
    used, unused = turbomock.Mock(return_value=1), turbomock.Mock(name="spare", side_effect=OSError)
    _strict.watch(used)
    _strict.watch(unused)
    used()
    report = _strict.finish_scope(scope)
    assert (
        report.text()
        == "strict mode: configured but never called:\n  spare: side_effect = <class 'OSError'>"
    )


def test_watch_outside_a_scope_does_nothing(app: ModuleType) -> None:
    """With no scope open there is nothing to add the mock to."""
    _strict.watch(turbomock.Mock(return_value=1))


def test_unused_configuration_lists_each_mock() -> None:
    """The check itself: every configured, uncalled mock of a tree, once."""
    m = turbomock.MagicMock(name="root", return_value=1)
    m.a.side_effect = ValueError
    m.b.return_value = 2
    m.b()
    m.c.return_value.d.return_value = 3
    assert sorted(_strict.unused_configuration(m)) == [
        ("root", "return_value", 1),
        ("root.a", "side_effect", ValueError),
        ("root.c().d", "return_value", 3),
    ]
