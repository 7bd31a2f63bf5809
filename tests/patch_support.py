"""Shared by the patch tests: the two implementations side by side, and things to patch.

``IMPLS`` maps a name to a namespace holding the mock API the tests use. turbomock's
entry is the real package when it imports; when it does not (engine broken, or
``TURBOMOCK_PATCH_HYBRID=1``) it is a hybrid, turbomock's patch modules over
``unittest.mock``'s mock classes, so the patch tests still run (and say so in their
ids: ``turbomock-hybrid``).

The module-level functions and classes below are patch targets, reached by dotted
name as ``'patch_support.<name>'``.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
import unittest.mock
from typing import Any

import pytest

_PATCH_NAMES = (
    "patch", "_patch", "_patch_dict", "_get_target", "_importer", "_clear_dict",
    "_is_async_obj", "_check_spec_arg_typos",
)
_ENGINE_MODULES = ("_magic", "_async", "_autospec", "_mock", "_sentinels")


def _namespace(module: Any, extra: dict[str, Any]) -> types.SimpleNamespace:
    names = {k: v for k, v in vars(module).items() if not k.startswith("__")}
    names.update(extra)
    return types.SimpleNamespace(**names)


def _turbomock() -> tuple[str, types.SimpleNamespace]:
    patch_modules = tuple(
        f"turbomock._patch{suffix}" for suffix in ("", "_mapping", "_mock", "_stack", "_target")
    )
    if os.environ.get("TURBOMOCK_PATCH_HYBRID"):
        # Test the patch modules alone, over unittest.mock's mocks.
        return "turbomock-hybrid", _hybrid(patch_modules)
    try:
        import turbomock

        mine = [importlib.import_module(name) for name in patch_modules]
        if turbomock.patch is not mine[0].patch:
            raise ImportError("turbomock does not export this patch")
    except ImportError:
        return "turbomock-hybrid", _hybrid(patch_modules)
    extra = {n: getattr(m, n) for m in reversed(mine) for n in _PATCH_NAMES if hasattr(m, n)}
    return "turbomock", _namespace(turbomock, extra)


def _hybrid(patch_modules: tuple[str, ...]) -> types.SimpleNamespace:
    """turbomock's patch modules importing ``unittest.mock``'s classes as the engine."""
    stdlib = types.ModuleType("unittest_mock_as_engine")
    stdlib.__dict__.update(vars(unittest.mock))
    if not hasattr(stdlib, "InvalidSpecError"):  # 3.9

        class InvalidSpecError(Exception):
            pass

        stdlib.InvalidSpecError = InvalidSpecError  # type: ignore[attr-defined]
    saved = {name: sys.modules.get(name) for name in (*patch_modules, "turbomock")}
    saved.update({f"turbomock.{m}": sys.modules.get(f"turbomock.{m}") for m in _ENGINE_MODULES})
    package = types.ModuleType("turbomock")
    package.__path__ = [str(_src_dir())]
    sys.modules["turbomock"] = package
    for name in _ENGINE_MODULES:
        sys.modules[f"turbomock.{name}"] = stdlib
    for name in patch_modules:
        sys.modules.pop(name, None)
    try:
        mine = [importlib.import_module(name) for name in patch_modules]
    finally:
        # The hybrid modules keep what they imported; sys.modules goes back as it was.
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    extra = {n: getattr(m, n) for m in reversed(mine) for n in _PATCH_NAMES if hasattr(m, n)}
    return _namespace(stdlib, extra)


def _src_dir() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parents[1] / "src" / "turbomock"


_TURBO_NAME, _TURBO = _turbomock()
#: name -> namespace with ``patch``, ``DEFAULT``, ``MagicMock``... of that implementation.
IMPLS: dict[str, types.SimpleNamespace] = {
    "unittest.mock": _namespace(unittest.mock, {}),
    _TURBO_NAME: _TURBO,
}
STDLIB = IMPLS["unittest.mock"]
TURBO = _TURBO


# -- fixtures: a test module takes them with ``from patch_support import ...`` -------------


@pytest.fixture(params=list(IMPLS), ids=list(IMPLS), name="mock")
def mock_fixture(request: pytest.FixtureRequest) -> Any:
    """The patch tests' ``mock``: each entry of ``IMPLS`` in turn."""
    return IMPLS[request.param]


@pytest.fixture(autouse=True)
def no_patch_left_started() -> Any:
    """Autouse where imported: after each test, no patch of either library is active."""
    yield
    for impl in IMPLS.values():
        assert impl._patch._active_patches == []


# -- targets reached by dotted name -----------------------------------------------------

value = 3
CONFIG: dict[str, Any] = {"a": 1, "b": 2}


def fetch(url: str) -> str:
    """A sync function."""
    return "real " + url


async def afetch(url: str) -> str:
    """An async function."""
    return "real " + url


class Client:
    """A class with one of each kind of method."""

    attr = "class attr"

    def connect(self, host: str) -> str:
        return "real " + host

    async def aconnect(self, host: str) -> str:
        return "real " + host

    @staticmethod
    def static(x: int) -> int:
        return x

    @classmethod
    def klass(cls, x: int) -> int:
        return x


class SubClient(Client):
    """Inherits everything from ``Client``."""


class Thing:
    """Attributes of each kind, for patch.object; every test leaves them restored."""

    plain = "plain"
    static = staticmethod(len)
    klass = classmethod(len)
    prop = property(lambda self: "prop")
