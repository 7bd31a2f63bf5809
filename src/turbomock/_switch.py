"""The switch: turbomock in place of ``unittest.mock`` for a whole process.

When it is on, ``sys.modules["unittest.mock"]`` is turbomock, the ``unittest``
package's ``mock`` attribute too (set now, or by an after-import hook when
``unittest`` is imported later), and, when asked, the ``mock`` backport's names
(``mock``, ``mock.mock``). Everything that imports the stdlib's mock afterwards
gets turbomock. What was bound *before* the switch (``from unittest.mock import
patch`` in a module already imported) is found in the loaded modules' globals and
in the classes they define, and rebound to turbomock's object of the same name;
what cannot be rebound (mocks already made, subclasses of the stdlib's classes,
functions already decorated with the stdlib's ``patch``) is listed in the report.
``uninstall()`` puts every entry and every rebound name back.
"""

from __future__ import annotations

import os
import sys
from types import FunctionType, ModuleType

import turbomock
from turbomock import _after_import
from turbomock import _switch_messages as msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SwitchReport", "install", "is_installed", "startup", "uninstall", "via"]

STDLIB = "unittest.mock"
BACKPORT = ("mock", "mock.mock")


class SwitchReport:
    """What turning the switch on rebound, and what it found but could not rebind."""

    def __init__(self, via: str) -> None:
        self.via = via
        #: (where, what it was): e.g. ("tests.helpers.patch", "unittest.mock.patch").
        self.rebound: list[tuple[str, str]] = []
        #: (where, why not).
        self.not_rebound: list[tuple[str, str]] = []

    def lines(self) -> list[str]:
        """The report as text, one line per reference."""
        out = [msg.REPORT_HEADER.format(via=self.via)]
        out += [msg.REBOUND.format(where=w, was=was) for w, was in self.rebound]
        out += [msg.NOT_REBOUND.format(where=w, why=why) for w, why in self.not_rebound]
        if len(out) == 1:
            out.append(msg.NOTHING_TO_REBIND)
        return out


class _State:
    """Everything the switch changed, so that ``uninstall`` can put it back."""

    def __init__(self, via: str, backport: bool) -> None:
        self.via = via
        self.backport = backport
        #: sys.modules entries as they were (None: absent).
        self.modules: dict[str, Any] = {}
        #: Whether ``unittest`` had a ``mock`` attribute, and its value.
        self.unittest_mock: tuple[bool, Any] = (False, None)
        #: (namespace, key, old, new); a class namespace is the class itself.
        self.rebindings: list[tuple[Any, str, Any, Any]] = []
        self.report = SwitchReport(via)


_state: _State | None = None


def is_installed() -> bool:
    """Whether the switch is on in this process."""
    return _state is not None


def via() -> str | None:
    """How the switch was turned on (``TURBOMOCK=1``, ``install()``, ...), or None."""
    return None if _state is None else _state.via


def report() -> SwitchReport | None:
    """The report made when the switch went on, or None when it is off."""
    return None if _state is None else _state.report


def install(*, backport: bool = False, via: str = "turbomock.install()") -> SwitchReport:
    """Turn the switch on (once; a second call only adds the backport if asked)."""
    global _state

    if _state is not None:
        if backport and not _state.backport:
            _state.backport = True
            old_backport = _take_backport(_state, turbomock)
            if old_backport:
                _rebind(_state, old_backport, turbomock)
        return _state.report
    state = _State(via, backport)
    stdlib = sys.modules.get(STDLIB)
    state.modules[STDLIB] = stdlib
    sys.modules[STDLIB] = turbomock
    unittest = sys.modules.get("unittest")
    if unittest is not None:
        _give_unittest_mock(state, unittest)
    _after_import.after_import("unittest", _unittest_imported)
    old_modules: list[ModuleType] = [stdlib] if _is_stdlib(stdlib) else []  # type: ignore[list-item]
    _state = state
    if backport:
        old_modules += _take_backport(state, turbomock)
    if old_modules:
        _rebind(state, old_modules, turbomock)
    if os.environ.get(msg.ENV_REPORT, "") not in ("", "0"):
        sys.stderr.write("\n".join(state.report.lines()) + "\n")
    return state.report


def uninstall() -> None:
    """Turn the switch off: put back every module entry and every rebound name."""
    global _state
    state = _state
    if state is None:
        return
    _state = None
    _after_import.cancel("unittest", _unittest_imported)
    for namespace, key, old, new in reversed(state.rebindings):
        if isinstance(namespace, dict):
            if namespace.get(key) is new:
                namespace[key] = old
        elif namespace.__dict__.get(key) is new:
            type.__setattr__(namespace, key, old)
    for name, module in state.modules.items():
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module
    unittest = sys.modules.get("unittest")
    if unittest is not None:
        had, value = state.unittest_mock
        if had:
            unittest.mock = value  # type: ignore[attr-defined]
        else:
            unittest.__dict__.pop("mock", None)


def startup() -> None:
    """The start-up hook's entry (``turbomock-switch.pth``): switch on if TURBOMOCK=1."""
    value = os.environ.get(msg.ENV, "")
    if value in ("", "0"):
        return
    if value != "1":
        sys.stderr.write(msg.BAD_ENV.format(name=msg.ENV, value=value))
        return
    backport = os.environ.get(msg.ENV_BACKPORT, "") not in ("", "0")
    install(backport=backport, via=f"{msg.ENV}=1")


# -- the pieces ---------------------------------------------------------------------------


def _is_stdlib(module: Any) -> bool:
    return isinstance(module, ModuleType) and module.__name__ == STDLIB


def _give_unittest_mock(state: _State, unittest: ModuleType) -> None:
    namespace = unittest.__dict__
    state.unittest_mock = ("mock" in namespace, namespace.get("mock"))
    unittest.mock = sys.modules[STDLIB]  # type: ignore[attr-defined]


def _unittest_imported(unittest: ModuleType) -> None:
    """``unittest`` imported after the switch: ``unittest.mock`` must be turbomock."""
    if _state is not None:
        _give_unittest_mock(_state, unittest)


def _take_backport(state: _State, turbomock: ModuleType) -> list[ModuleType]:
    """Put turbomock behind ``mock`` and ``mock.mock``; the old modules, if loaded."""
    old = [sys.modules.get(name) for name in BACKPORT]
    for name, module in zip(BACKPORT, old):
        state.modules.setdefault(name, module)
    sys.modules["mock"] = _backport_facade(turbomock)
    sys.modules["mock.mock"] = turbomock
    return [module for module in old if isinstance(module, ModuleType)]


def _backport_facade(turbomock: ModuleType) -> ModuleType:
    """A ``mock`` package that is turbomock, plus the ``mock.mock`` submodule attribute."""
    facade = ModuleType("mock", turbomock.__doc__)

    def __getattr__(name: str) -> Any:
        return getattr(turbomock, name)

    namespace = {name: value for name, value in vars(turbomock).items() if name[:2] != "__"}
    namespace.update(
        __getattr__=__getattr__,
        __all__=list(getattr(turbomock, "__all__", [])),
        __version__=getattr(turbomock, "__version__", None),
        mock=turbomock,
    )
    facade.__dict__.update(namespace)
    return facade


# -- rebinding ------------------------------------------------------------------------------


class _Rebinder:
    """Finds references to the old modules' objects and rebinds them to turbomock's."""

    def __init__(self, state: _State, old_modules: list[ModuleType], turbomock: ModuleType):
        self.state = state
        self.turbomock = turbomock
        self.old_names = {module.__name__ for module in old_modules}
        #: id(old object) -> (the object, its qualified name, its name in the module).
        self.owned: dict[int, tuple[Any, str, str]] = {}
        #: The old modules' mock base classes: instances of these cannot be rebound.
        self.mock_bases: list[type] = []
        for module in old_modules:
            self.owned[id(module)] = (module, module.__name__, "")
            for name, value in vars(module).items():
                if name.startswith("__") or not self.is_owned(value):
                    continue
                self.owned.setdefault(id(value), (value, f"{module.__name__}.{name}", name))
                if name == "NonCallableMock" and isinstance(value, type):
                    self.mock_bases.append(value)

    def is_owned(self, value: Any) -> bool:
        """Whether an old module made ``value`` (a class, a function or an instance)."""
        if isinstance(value, (type, FunctionType)):
            return value.__module__ in self.old_names
        return type(value).__module__ in self.old_names

    def counterpart(self, name: str, qualified: str) -> Any:
        """turbomock's object standing for an old one; raises AttributeError if none."""
        if name:
            return getattr(self.turbomock, name)
        return sys.modules["mock"] if qualified == "mock" else self.turbomock

    def visit_namespace(self, owner: Any, namespace: dict[str, Any], prefix: str) -> None:
        report = self.state.report
        for key, value in list(namespace.items()):
            where = f"{prefix}.{key}"
            entry = self.owned.get(id(value))
            if entry is None or entry[0] is not value:
                self.check_unrebindable(where, value)
                continue
            _, qualified, name = entry
            try:
                new = self.counterpart(name, qualified)
            except AttributeError:
                report.not_rebound.append((where, msg.WHY_NO_COUNTERPART.format(name=qualified)))
                continue
            if new is value:
                continue
            if owner is None:
                namespace[key] = new
                self.state.rebindings.append((namespace, key, value, new))
            else:
                type.__setattr__(owner, key, new)
                self.state.rebindings.append((owner, key, value, new))
            report.rebound.append((where, qualified))

    def check_unrebindable(self, where: str, value: Any) -> None:
        """Report what holds the old library in a way no rebinding can change."""
        why = None
        if isinstance(value, type):
            base = next((b for b in value.__mro__[1:] if b.__module__ in self.old_names), None)
            if base is not None and value.__module__ not in self.old_names:
                why = msg.WHY_SUBCLASS.format(base=f"{base.__module__}.{base.__qualname__}")
        elif any(base in type(value).__mro__ for base in self.mock_bases):
            why = msg.WHY_MOCK
        elif isinstance(value, FunctionType):
            patchings = value.__dict__.get("patchings")
            if isinstance(patchings, list) and any(
                type(p).__module__ in self.old_names for p in patchings
            ):
                why = msg.WHY_PATCHED
        if why is not None:
            self.state.report.not_rebound.append((where, why))

    def visit_module(self, module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if not isinstance(name, str) or name in self.old_names:
            return
        if name == "turbomock" or name.startswith("turbomock."):
            return
        # Not module.__dict__: a lazily loading module would load on that.
        namespace = object.__getattribute__(module, "__dict__")
        self.visit_namespace(None, namespace, name)
        for value in list(namespace.values()):
            if isinstance(value, type) and value.__module__ == name:
                self.visit_namespace(value, dict(value.__dict__), f"{name}.{value.__qualname__}")


def _rebind(state: _State, old_modules: list[ModuleType], turbomock: ModuleType) -> None:
    rebinder = _Rebinder(state, old_modules, turbomock)
    for module in list(sys.modules.values()):
        if isinstance(module, ModuleType):
            rebinder.visit_module(module)
