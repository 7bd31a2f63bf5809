"""Patch targets: how a dotted name is resolved, and the errors when it is not."""

from __future__ import annotations

import os
import sys
import types
from typing import Any

import pytest

import patch_support
from engine_support import outcome
from patch_support import STDLIB, TURBO

# Fixtures, imported for pytest to find (the alias marks them used).
from patch_support import mock_fixture as mock_fixture

MOD = "patch_support"


# -- errors, pinned and compared with the stdlib ---------------------------------------


@pytest.mark.parametrize("target", ["nodot", "", 12, None, object])
def test_a_target_without_a_dot_is_refused_when_patch_is_called(mock: Any, target: Any) -> None:
    """A target that cannot be split into owner and attribute raises TypeError at once."""
    with pytest.raises(TypeError) as info:
        mock.patch(target)
    assert str(info.value) == f"Need a valid target to patch. You supplied: {target!r}"


def test_a_missing_module_raises_module_not_found_on_start(mock: Any) -> None:
    """The import happens on start, and its error names the missing module."""
    patcher = mock.patch("no_such_module_xyz.attr")
    with pytest.raises(ModuleNotFoundError, match="No module named 'no_such_module_xyz'"):
        patcher.start()


def test_a_missing_attribute_names_the_owner_and_the_attribute(mock: Any) -> None:
    """Without create=True a missing attribute is an AttributeError naming both."""
    with pytest.raises(AttributeError) as info, mock.patch("os.no_such_attribute"):
        pass
    assert str(info.value) == f"{os} does not have the attribute 'no_such_attribute'"


@pytest.mark.parametrize(
    "target",
    [
        "os.path.no_such_thing.attr",
        "no_such_module_xyz.sub.attr",
        ".attr",
        "os..attr",
        "1os.attr",
        "os:path.sep",
        "os.path:sep.attr",
        f"{MOD}.Client.nothing.attr",
    ],
)
def test_resolution_errors_match_the_stdlib(target: str) -> None:
    """Unresolvable names fail with the stdlib's exception type and message."""

    def start(mock: Any) -> Any:
        patcher = mock.patch(target)
        patcher.start()
        patcher.stop()
        return None

    assert outcome(lambda: start(TURBO)) == outcome(lambda: start(STDLIB))


def test_patch_object_refuses_a_string_target(mock: Any) -> None:
    """patch.object wants the object itself; a string is a TypeError naming it."""
    with pytest.raises(TypeError) as info:
        mock.patch.object("os", "sep")
    assert str(info.value) == "'os' must be the actual object to be patched, not a str"


# -- resolution -------------------------------------------------------------------------


def test_get_target_returns_a_lazy_getter_and_the_attribute() -> None:
    """_get_target splits off the attribute; the getter imports only when called."""
    getter, attribute = TURBO._get_target("os.path.join")
    assert attribute == "join"
    assert getter() is os.path


def test_importer_resolves_a_dotted_name() -> None:
    """_importer gives the object a dotted name refers to."""
    assert TURBO._importer("os.path") is os.path
    assert TURBO._importer(f"{MOD}.Client.connect") is patch_support.Client.connect


def test_a_target_string_is_resolved_at_start_not_at_creation(mock: Any) -> None:
    """Creating the patcher imports nothing; the module may appear later."""
    name = "late_module_for_patch_tests"
    patcher = mock.patch(f"{name}.attr", 5)
    module = types.ModuleType(name)
    module.attr = 1  # type: ignore[attr-defined]
    sys.modules[name] = module
    try:
        with patcher:
            assert module.attr == 5  # type: ignore[attr-defined]
    finally:
        del sys.modules[name]
    assert module.attr == 1  # type: ignore[attr-defined]


def test_a_replaced_module_is_seen_by_the_next_start(mock: Any) -> None:
    """Resolution is redone per start: a module swapped in sys.modules is patched anew."""
    name = "swapped_module_for_patch_tests"
    first, second = types.ModuleType(name), types.ModuleType(name)
    first.attr = second.attr = "orig"  # type: ignore[attr-defined]
    patcher = mock.patch(f"{name}.attr", "patched")
    try:
        sys.modules[name] = first
        with patcher:
            assert first.attr == "patched"  # type: ignore[attr-defined]
        sys.modules[name] = second
        with patcher:
            assert second.attr == "patched"  # type: ignore[attr-defined]
            assert first.attr == "orig"  # type: ignore[attr-defined]
    finally:
        del sys.modules[name]


def test_an_outer_patch_of_the_owner_is_seen_by_an_inner_patch(mock: Any) -> None:
    """The attribute chain is walked at each start, so nested patches compose."""
    with mock.patch(f"{MOD}.Client") as client_mock, mock.patch(f"{MOD}.Client.attr", "x"):
        assert client_mock.attr == "x"
        assert patch_support.Client is client_mock
    assert patch_support.Client.attr == "class attr"


def test_a_submodule_in_sys_modules_wins_over_the_parent_attribute() -> None:
    """On 3.11+ the module named by the longest importable prefix is the owner."""
    pkg_name = "pkg_for_patch_tests"
    package = types.ModuleType(pkg_name)
    package.__path__ = []  # type: ignore[attr-defined]
    sub = types.ModuleType(f"{pkg_name}.sub")
    sub.attr = "in submodule"  # type: ignore[attr-defined]
    decoy = types.SimpleNamespace(attr="in package attribute")
    package.sub = decoy  # type: ignore[attr-defined]
    sys.modules[pkg_name] = package
    sys.modules[f"{pkg_name}.sub"] = sub
    try:

        def start(mock: Any) -> Any:
            with mock.patch(f"{pkg_name}.sub.attr", "patched"):
                return (sub.attr, decoy.attr)  # type: ignore[attr-defined]

        assert outcome(lambda: start(TURBO)) == outcome(lambda: start(STDLIB))
    finally:
        del sys.modules[pkg_name], sys.modules[f"{pkg_name}.sub"]


def test_a_module_removed_from_sys_modules_is_imported_again(mock: Any) -> None:
    """A cached resolution is not trusted once its module left sys.modules."""
    import json

    with mock.patch("json.dumps", "first"):
        assert json.dumps == "first"
    saved = sys.modules.pop("json")
    try:
        with mock.patch("json.dumps", "second"):
            reimported = sys.modules["json"]
            assert reimported.dumps == "second"
            assert reimported is not saved
    finally:
        sys.modules["json"] = saved
