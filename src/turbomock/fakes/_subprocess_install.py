"""Putting the subprocess fake in place and taking it out again, whatever happens.

While a fake is active, ``subprocess.Popen`` and asyncio's two process factories are
replaced by the fakes, and ``run``/``call``/``check_call``/``check_output``/
``getoutput``/``getstatusoutput`` by thin *entry points* that call the real
function (which then builds the fake ``Popen``). An entry point notes on a
per-thread stack which function the code called and with what, so the fake
``Popen`` records the call under that name.

Copies bound elsewhere (``from subprocess import run``) are found by scanning the
globals of loaded modules for the very objects replaced, and rebound. Every change
goes on an undo list that is undone last-first on exit, each step even when an
earlier one fails; modules loaded while the fake was active are searched for copies
of the fakes, which are put back to the originals too. (A module loaded before,
re-executed meanwhile with ``importlib.reload``, is not searched again.)

One fake is active at a time (per process): starting a second raises.
"""

from __future__ import annotations

import asyncio
import asyncio.subprocess
import contextvars
import functools
import inspect
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from turbomock.fakes import _subprocess_messages as msg

if TYPE_CHECKING:
    from turbomock.fakes._subprocess_engine import Engine

__all__ = [
    "ENTRY_POINTS", "PASSTHROUGH", "Entry", "Installation", "active", "claim_entries", "install",
]

#: The functions replaced by entry points that call the real function, by name.
ENTRY_POINTS = ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput")
#: What the fake replaces outright, as (module, name).
_REPLACED = (
    (subprocess, "Popen"),
    (asyncio.subprocess, "create_subprocess_exec"),
    (asyncio.subprocess, "create_subprocess_shell"),
)
# The fake's own modules hold no copies worth rebinding.
_OWN_PREFIX = "turbomock.fakes._subprocess"

#: Set while a real asyncio factory runs for the fake: the ``subprocess.Popen`` it makes
#: is the real one, not a second fake process (task-local, so other tasks are unaffected).
PASSTHROUGH: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "turbomock_subprocess_passthrough", default=False
)
_state_lock = threading.Lock()
_active: Installation | None = None
_local = threading.local()


class Entry:
    """One call of an entry point (``subprocess.run`` and the like) in progress."""

    __slots__ = ("function", "original", "args", "kwargs", "claimed")

    def __init__(
        self, function: str, original: Callable[..., Any], args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        self.function = function
        self.original = original
        self.args = args
        self.kwargs = kwargs
        self.claimed = False

    def arguments(self) -> dict[str, Any]:
        """The call's arguments by name, defaults filled in, ``**kwargs`` spread out."""
        signature = _signature(self.original)
        bound = signature.bind(*self.args, **self.kwargs)
        bound.apply_defaults()
        named: dict[str, Any] = {}
        for name, value in bound.arguments.items():
            if signature.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
                named.update(value)
            else:
                named[name] = value
        return named


@functools.cache
def _signature(function: Callable[..., Any]) -> inspect.Signature:
    return inspect.signature(function)


def _entries() -> list[Entry]:
    stack: list[Entry] | None = getattr(_local, "entries", None)
    if stack is None:
        stack = _local.entries = []
    return stack


def claim_entries() -> list[Entry]:
    """The entry-point calls that led to the ``Popen`` being made now, outermost first.

    ``check_output`` runs ``run`` which makes the ``Popen``: the process is recorded
    as ``check_output``'s. Calls are claimed, so a process started inside a callback
    (nested deeper on the same thread) is not taken for the same call.
    """
    stack = _entries()
    start = len(stack)
    while start and not stack[start - 1].claimed:
        start -= 1
    frames = stack[start:]
    for frame in frames:
        frame.claimed = True
    return frames


def _entry_point(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A stand-in for ``subprocess.<name>`` that records the call, then runs the real one."""
    label = f"subprocess.{name}"

    @functools.wraps(original)
    def entry_point(*args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        with _Entered(Entry(label, original, args, kwargs)):
            return original(*args, **kwargs)

    return entry_point


class _Entered:
    """On this thread's stack of entry-point calls while the real function runs
    (a class, not a generator: it adds no frame to tracebacks)."""

    __slots__ = ("entry",)

    def __init__(self, entry: Entry) -> None:
        self.entry = entry

    def __enter__(self) -> None:
        _entries().append(self.entry)

    def __exit__(self, *exc_info: object) -> None:
        _entries().pop()


class Installation:
    """The fake in place: what it replaced, and how to put it back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        #: What the replaced names held before, by name ("Popen", "run", ...).
        self.originals: dict[str, Any] = {}
        #: Every (module, name) the fake rebound, in order.
        self.rebound: list[tuple[str, str]] = []
        self._undo: list[tuple[types.ModuleType, str, Any]] = []
        self._fakes: dict[int, tuple[Any, Any]] = {}  # id(fake) -> (fake, original)
        # The modules loaded when the fake started (name -> id): rebound then if need be,
        # so only modules loaded later are searched for copies of the fakes at the end.
        self._modules = {name: id(module) for name, module in list(sys.modules.items())}

    def _set(self, module: types.ModuleType, name: str, value: Any) -> None:
        original = getattr(module, name)
        setattr(module, name, value)
        self._undo.append((module, name, original))
        self.rebound.append((module.__name__, name))

    def undo(self) -> None:
        """Restore everything, last change first; safe to call twice."""
        errors: list[BaseException] = []
        while self._undo:
            module, name, original = self._undo.pop()
            try:
                setattr(module, name, original)
            except BaseException as exc:  # keep restoring the rest, then re-raise
                errors.append(exc)
        # Modules imported while the fake was active may hold the fakes: restore them.
        for module, name, value in _scan(self._fakes, skip=self._modules):
            try:
                setattr(module, name, value)
                self.rebound.append((module.__name__, name))
            except BaseException as exc:
                errors.append(exc)
        if errors:
            raise errors[0]


def _scan(
    wanted: Mapping[int, tuple[Any, Any]], skip: Mapping[str, int] | None = None
) -> list[tuple[types.ModuleType, str, Any]]:
    """Module globals that are one of ``wanted``'s keys (by identity), with the
    replacement for each; modules listed in ``skip`` (name to id) are left out."""
    found = []
    ids = frozenset(wanted)
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType) or name.startswith(_OWN_PREFIX):
            continue
        if skip is not None and skip.get(name) == id(module):
            continue
        namespace = getattr(module, "__dict__", None)
        if type(namespace) is not dict:
            continue
        # Most modules hold none: find that out at C speed (no other thread can change
        # the dict meanwhile, as nothing here releases the GIL).
        if ids.isdisjoint(map(id, namespace.values())):
            continue
        for attr, value in list(namespace.items()):
            pair = wanted.get(id(value))
            if pair is not None and pair[0] is value:
                found.append((module, attr, pair[1]))
    return found


def install(engine: Engine, replacements: Mapping[str, Any]) -> Installation:
    """Put the fake in place for ``engine``: ``replacements`` has the fake ``Popen``
    and asyncio factories by name; entry points are made here."""
    global _active
    with _state_lock:
        if _active is not None:
            raise RuntimeError(msg.ALREADY_ACTIVE)
        installation = Installation(engine)
        targets: list[tuple[types.ModuleType, str, Any]] = [
            (subprocess, name, _entry_point(name, getattr(subprocess, name)))
            for name in ENTRY_POINTS
        ]
        targets += [(module, name, replacements[name]) for module, name in _REPLACED]
        try:
            wanted: dict[int, tuple[Any, Any]] = {}
            for module, name, fake in targets:
                original = getattr(module, name)
                installation.originals[name] = original
                wanted[id(original)] = (original, fake)
                installation._fakes[id(fake)] = (fake, original)
            for module, name, fake in targets:
                installation._set(module, name, fake)
            for module, attr, fake in _scan(wanted):
                installation._set(module, attr, fake)
        except BaseException:
            installation.undo()
            raise
        _active = installation
        return installation


def uninstall(installation: Installation) -> None:
    """Take the fake out; the next ``install`` may follow."""
    global _active
    with _state_lock:
        try:
            installation.undo()
        finally:
            if _active is installation:
                _active = None


def active() -> Installation:
    """The fake in place, for a fake ``Popen`` being made; raises if there is none."""
    installation = _active
    if installation is None:
        raise RuntimeError(msg.NOT_ACTIVE)
    return installation
