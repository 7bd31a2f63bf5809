"""Where to patch: a mock that ``patch`` put in place and that was never called gets
the other names that still hold the original, the ``from x import y`` mistake.

The sample package is written for each test: ``wapp.http`` defines ``fetch`` and
``Client``; ``wapp.client`` does ``from wapp.http import Client, fetch``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import turbomock
from explain_support import message, settings
from turbomock import patch

HTTP = """
def fetch(url, timeout=10.0, *, retries=3):
    raise RuntimeError("the real network")


class Client:
    def get(self, path):
        raise RuntimeError("the real network")
"""

CLIENT = """
from wapp.http import Client, fetch


def get_user(name):
    return fetch("https://example.invalid/users/" + name, retries=2)


def get_page(path):
    return Client().get(path)
"""

HINT = (
    "Never called. The mock replaces wapp.http.fetch; code that looks the original up "
    "elsewhere still gets it:\n"
    "  wapp.client.fetch is wapp.http.fetch — patch 'wapp.client.fetch'"
)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    package = tmp_path / "wapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "http.py").write_text(HTTP)
    (package / "client.py").write_text(CLIENT)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with settings(explain=True):
            yield importlib.import_module("wapp.client")
    finally:
        for name in [n for n in sys.modules if n == "wapp" or n.startswith("wapp.")]:
            del sys.modules[name]


def _explanation(text: str) -> str:
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""


def test_patching_the_definition_names_the_importer(app: ModuleType) -> None:
    """The classic mistake: patch where defined, code calls its own imported name."""
    with patch("wapp.http.fetch") as fetch:
        with pytest.raises(RuntimeError, match="the real network"):
            app.get_user("bob")  # the code under test still reaches the real fetch
        text = message(fetch.assert_called_once)
    assert text == "Expected 'fetch' to have been called once. Called 0 times.\n\n" + HINT


def test_hint_for_assert_called_with(app: ModuleType) -> None:
    """A call assertion on a never-called mock gets the hint too."""
    with patch("wapp.http.fetch") as fetch:
        assert _explanation(message(lambda: fetch.assert_called_with("x"))) == HINT


def test_hint_for_an_autospecced_patch(app: ModuleType) -> None:
    """An autospecced function is found through the function standing in for it."""
    with patch("wapp.http.fetch", autospec=True) as fetch:
        assert _explanation(message(fetch.assert_called)) == HINT


def test_hint_for_patch_object(app: ModuleType) -> None:
    """``patch.object`` on the module is the same patch."""
    http = sys.modules["wapp.http"]
    with patch.object(http, "fetch") as fetch:
        assert _explanation(message(fetch.assert_called)) == HINT


def test_hint_for_a_started_patch(app: ModuleType) -> None:
    """A patch started with ``start()`` is found as well."""
    patcher = patch("wapp.http.fetch")
    fetch = patcher.start()
    try:
        assert _explanation(message(fetch.assert_called)) == HINT
    finally:
        patcher.stop()


def test_hint_for_a_child_of_a_patched_class(app: ModuleType) -> None:
    """A method of a patched class's instance: the class's whole tree went unused."""
    with patch("wapp.http.Client") as client:
        text = message(client.return_value.get.assert_called_once)
    assert _explanation(text) == (
        "Never called. The mock replaces wapp.http.Client; code that looks the original up "
        "elsewhere still gets it:\n"
        "  wapp.client.Client is wapp.http.Client — patch 'wapp.client.Client'"
    )


def test_no_hint_when_patched_where_it_is_imported(app: ModuleType) -> None:
    """Patching the importer is right: the original's home is not offered instead."""
    with patch("wapp.client.fetch") as fetch:
        assert _explanation(message(fetch.assert_called)) == ""


def test_no_hint_once_the_mock_was_used(app: ModuleType) -> None:
    """A mock that was called (even through a child) was patched in the right place."""
    with patch("wapp.client.Client") as client:
        app.get_page("/")
        assert _explanation(message(lambda: client.return_value.get.assert_called_with("/x"))) == (
            "Closest call: #1 of 1: get('/')\n  args[0]: expected '/x', got '/'"
        )


def test_no_hint_after_the_patch_ended(app: ModuleType) -> None:
    """Once the patch is undone there is no patch to blame."""
    with patch("wapp.http.fetch") as fetch:
        pass
    assert _explanation(message(fetch.assert_called)) == ""


def test_no_hint_for_a_created_attribute(app: ModuleType) -> None:
    """``create=True`` made the attribute: nothing else can hold an original."""
    http = sys.modules["wapp.http"]
    with patch.object(http, "missing", create=True) as created:
        assert _explanation(message(created.assert_called)) == ""


def test_no_hint_for_a_mock_made_by_hand(app: ModuleType) -> None:
    """A mock that no patch placed gets no hint."""
    assert _explanation(message(turbomock.Mock().assert_called)) == ""


def test_hint_for_an_await_assertion(app: ModuleType, tmp_path: Path) -> None:
    """Await assertions say "Never awaited"."""
    (tmp_path / "wapp" / "aio.py").write_text("async def pull():\n    pass\n")
    (tmp_path / "wapp" / "user.py").write_text("from wapp.aio import pull\n")
    importlib.import_module("wapp.user")
    with patch("wapp.aio.pull") as pull:
        assert _explanation(message(pull.assert_awaited)) == (
            "Never awaited. The mock replaces wapp.aio.pull; code that looks the original up "
            "elsewhere still gets it:\n"
            "  wapp.user.pull is wapp.aio.pull — patch 'wapp.user.pull'"
        )


def test_at_most_five_other_names(app: ModuleType, tmp_path: Path) -> None:
    """Only the first five other names (sorted) are listed."""
    for i in range(7):
        (tmp_path / "wapp" / f"user{i}.py").write_text("from wapp.http import fetch\n")
        importlib.import_module(f"wapp.user{i}")
    with patch("wapp.http.fetch") as fetch:
        lines = _explanation(message(fetch.assert_called)).splitlines()
    assert [line.split(" is ")[0].strip() for line in lines[1:]] == [
        "wapp.client.fetch",
        "wapp.user0.fetch",
        "wapp.user1.fetch",
        "wapp.user2.fetch",
        "wapp.user3.fetch",
    ]
