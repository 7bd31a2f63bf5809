"""Failures a test can inject into the fake engine: ``fake.faults``.

Each fault fails the way the real thing fails, so the code under test sees what it
would see in production: a stopped daemon makes ``docker.from_env()`` raise
``DockerException`` and every request raise ``requests.exceptions.ConnectionError``; a
daemon error goes through docker-py's own mapping to ``NotFound``/``ImageNotFound``/
``APIError``; a timeout is requests' ``ReadTimeout``; a transfer failing midway is the
daemon's error message inside the progress stream. Faults keyed by an SDK method
(``"inspect_container"``) apply to the calls of that ``APIClient`` method, whether the
code under test made them directly or through ``client.containers.get``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Generic, TypeVar

import docker

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_names import parse_reference

T = TypeVar("T")
K = TypeVar("K")


@dataclass
class _Armed(Generic[T]):
    """A fault and how many more calls it hits (None: all of them)."""

    what: T
    remaining: int | None


@dataclass(frozen=True)
class Transfer:
    """A pull or push that sends ``after`` progress messages, then the daemon's ``message``."""

    after: int
    message: str


def _sdk_method(name: str) -> str:
    if name.startswith("_") or not callable(getattr(docker.APIClient, name, None)):
        raise ValueError(msg.unknown_method(name))
    return name


class Faults:
    """The failures armed on one fake; every method arms one and returns nothing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._raises: dict[str, list[_Armed[BaseException]]] = {}
        self._errors: dict[str, list[_Armed[tuple[int, str]]]] = {}
        self._timeouts: dict[str, list[_Armed[None]]] = {}
        self._transfers: dict[tuple[str, str], list[_Armed[Transfer]]] = {}

    # --- the daemon as a whole ------------------------------------------------------------

    def stop_daemon(self) -> None:
        """Make the daemon unreachable: new clients raise ``DockerException``, requests fail."""
        self._stopped = True

    def start_daemon(self) -> None:
        """Make the daemon reachable again (its state is kept, as after a restart)."""
        self._stopped = False

    @property
    def daemon_stopped(self) -> bool:
        return self._stopped

    # --- one SDK method ---------------------------------------------------------------------

    def fail(self, method: str, exception: BaseException, *, times: int | None = 1) -> None:
        """Raise ``exception`` from the next ``times`` calls of ``APIClient.<method>`` (None: all).

        For what no daemon answer can produce: ``requests.exceptions.RequestException()``,
        a bare ``DockerException()``.
        """
        self._arm(self._raises, _sdk_method(method), exception, times)

    def daemon_error(
        self, method: str, status: int, message: str, *, times: int | None = 1
    ) -> None:
        """Answer the next ``times`` requests of ``APIClient.<method>`` with an HTTP error.

        docker-py turns it into the exception it raises for that answer, e.g.
        ``daemon_error("create_container", 500, "no space left on device")`` → ``APIError``.
        """
        self._arm(self._errors, _sdk_method(method), (status, message), times)

    def timeout(self, method: str, *, times: int | None = 1) -> None:
        """Make the next ``times`` requests of ``APIClient.<method>`` time out (``ReadTimeout``)."""
        self._arm(self._timeouts, _sdk_method(method), None, times)

    # --- transfers --------------------------------------------------------------------------

    def pull_error(self, reference: str, message: str, *, after: int = 1) -> None:
        """Break the next pull of ``reference`` after ``after`` progress messages with ``message``.

        The daemon reports such failures inside the stream (``{"errorDetail": ...,
        "error": ...}``), as for a full disk or a dropped registry connection; the
        image is not stored.
        """
        key = ("pull", parse_reference(reference).familiar)
        self._arm(self._transfers, key, Transfer(after, message), 1)

    def push_error(self, reference: str, message: str, *, after: int = 1) -> None:
        """Break the next push of ``reference`` after ``after`` progress messages."""
        key = ("push", parse_reference(reference).familiar)
        self._arm(self._transfers, key, Transfer(after, message), 1)

    # --- the fake's side -------------------------------------------------------------------

    def take_exception(self, method: str) -> BaseException | None:
        return self._take(self._raises, method)

    def take_daemon_error(self, method: str) -> tuple[int, str] | None:
        return self._take(self._errors, method)

    def take_timeout(self, method: str) -> bool:
        with self._lock:
            armed = self._timeouts.get(method)
            if not armed:
                return False
            self._spend(armed)
            return True

    def take_transfer(self, kind: str, familiar: str) -> Transfer | None:
        return self._take(self._transfers, (kind, familiar))

    def _arm(self, table: dict[K, list[_Armed[T]]], key: K, what: T, times: int | None) -> None:
        if times is not None and times < 1:
            raise ValueError(msg.times_not_positive(times))
        with self._lock:
            table.setdefault(key, []).append(_Armed(what, times))

    def _take(self, table: dict[K, list[_Armed[T]]], key: K) -> T | None:
        with self._lock:
            armed = table.get(key)
            if not armed:
                return None
            return self._spend(armed)

    @staticmethod
    def _spend(armed: list[_Armed[T]]) -> T:
        first = armed[0]
        if first.remaining is not None:
            first.remaining -= 1
            if first.remaining == 0:
                armed.pop(0)
        return first.what

