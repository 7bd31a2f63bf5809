"""The subprocess fake's bookkeeping: registrations, recorded calls, and which
registration answers a call.

Lock rules: ``lock`` guards the lists of registrations and calls and each
registration's calls. Matching a call runs user code (matchers' ``__eq__``), so it
happens outside the lock on a snapshot of the registrations; only taking a
registration that still has room is done under it.
"""

from __future__ import annotations

import threading

from turbomock.fakes import _subprocess_messages as msg
from turbomock.fakes._subprocess_model import ProcessCall, Registration

__all__ = ["Engine", "FakeSubprocessError", "UnregisteredCommandError"]

#: How many registrations an unregistered-command error shows.
_CLOSEST = 3


class FakeSubprocessError(AssertionError):
    """The code under test did not run the commands the fake was told about."""


class UnregisteredCommandError(FakeSubprocessError):
    """A command was started that no registration answers."""


class Engine:
    """Registrations and calls of one fake."""

    def __init__(self, *, allow_unregistered: bool, allow_unused: bool) -> None:
        self.allow_unregistered = allow_unregistered
        self.allow_unused = allow_unused
        self.lock = threading.Lock()
        self.registrations: list[Registration] = []
        self.calls: list[ProcessCall] = []
        self.unregistered: list[ProcessCall] = []

    def add(self, registration: Registration) -> None:
        with self.lock:
            self.registrations.append(registration)

    def reset(self) -> None:
        """Forget every call, keep the registrations: a fresh start."""
        with self.lock:
            self.calls = []
            self.unregistered = []
            for registration in self.registrations:
                registration.reset()

    def begin(self, call: ProcessCall) -> bool:
        """Record ``call`` and find its registration; whether it runs for real.

        Raises ``UnregisteredCommandError`` when nothing answers and unregistered
        commands are not allowed (the call is recorded all the same).
        """
        __tracebackhide__ = True
        with self.lock:
            snapshot = list(self.registrations)
        matching = [reg for reg in snapshot if reg.matches(call)]
        with self.lock:
            self.calls.append(call)
            for registration in matching:
                if registration.has_room():
                    registration.take(call)
                    return registration.real
            allowed = self.allow_unregistered
            if not allowed:
                self.unregistered.append(call)
        if allowed:
            return True
        raise UnregisteredCommandError(self.explain_unregistered(call, snapshot, matching))

    def explain_unregistered(
        self, call: ProcessCall, registrations: list[Registration], used_up: list[Registration]
    ) -> str:
        """The error for ``call``: the closest registrations and how each differs."""
        ranked: list[tuple[tuple[int, int, int], int, Registration, list[str]]] = []
        for order, registration in enumerate(registrations):
            if registration in used_up:
                key, found = (0, 0, 0), [msg.used_up(registration)]
            else:
                key, found = registration.differences(call)
            ranked.append((key, order, registration, found))
        ranked.sort(key=lambda item: item[:2])
        closest = [(registration, found) for _, _, registration, found in ranked[:_CLOSEST]]
        return msg.unregistered(call, closest, len(registrations))

    def unmet(self) -> str | None:
        """What went against the registrations, for the end of the fake's use."""
        with self.lock:
            registrations = list(self.registrations)
            unregistered = list(self.unregistered)
        unused: list[str] = []
        if not self.allow_unused:
            for registration in registrations:
                reason = registration.unmet()
                if reason is not None:
                    unused.append(reason)
        if not unused and not unregistered:
            return None
        return msg.unmet(unused, unregistered)

    def snapshot(self) -> list[ProcessCall]:
        with self.lock:
            return list(self.calls)
