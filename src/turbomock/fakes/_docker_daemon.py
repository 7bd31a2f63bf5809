"""The fake daemon's front door: API versions, routing, and the system endpoints.

docker-py's own ``APIClient`` methods build every request; the daemon answers each one
from the engine. A path no route serves is refused with ``FakeDockerError`` naming it
(and the SDK call that sent it), never with a made-up answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Callable

from turbomock.fakes import _docker_api_containers as containers
from turbomock.fakes import _docker_api_images as images
from turbomock.fakes import _docker_api_resources as resources
from turbomock.fakes import _docker_messages as msg
from turbomock.fakes import _docker_views as views
from turbomock.fakes._docker_errors import DaemonError, FakeDockerError
from turbomock.fakes._docker_faults import Faults
from turbomock.fakes._docker_http import Reply, Request
from turbomock.fakes._docker_state import Engine

Handler = Callable[["Daemon", Request, Sequence[str]], Reply]
Route = tuple[str, str, Handler]
_VERSIONED = re.compile(r"^/v(\d+\.\d+)(/.*)$")


def _ping(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply(200, content=b"OK", content_type="text/plain; charset=utf-8")


def _version(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply(200, views.version(daemon.engine))


def _info(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply(200, views.info(daemon.engine))


_SYSTEM: tuple[Route, ...] = (
    ("GET", r"/_ping", _ping),
    ("HEAD", r"/_ping", _ping),
    ("GET", r"/version", _version),
    ("GET", r"/info", _info),
)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


class Daemon:
    """Answers requests from the engine's state; one per fake."""

    routes: tuple[tuple[str, re.Pattern[str], Handler], ...] = tuple(
        (method, re.compile(pattern), handler)
        for method, pattern, handler in (
            _SYSTEM + images.ROUTES + containers.ROUTES + resources.ROUTES
        )
    )

    def __init__(self, engine: Engine, faults: Faults) -> None:
        self.engine = engine
        self.faults = faults

    def handle(self, request: Request, sdk_call: str | None) -> Reply:
        """The reply to ``request``; ``sdk_call`` names the APIClient method that sent it."""
        try:
            request.path = self._unversioned(request.path)
            for method, pattern, handler in self.routes:
                if method != request.method:
                    continue
                match = pattern.fullmatch(request.path)
                if match is not None:
                    with self.engine.lock:
                        return handler(self, request, match.groups())
        except DaemonError as error:
            return Reply.error(error)
        raise FakeDockerError(msg.not_served(request.method, request.path, sdk_call))

    @staticmethod
    def _unversioned(path: str) -> str:
        match = _VERSIONED.match(path)
        if match is None:
            return path
        version, rest = match.groups()
        if _version_key(version) > _version_key(views.API_VERSION):
            raise DaemonError(400, msg.version_too_new(version, views.API_VERSION))
        if _version_key(version) < _version_key(views.MIN_API_VERSION):
            raise DaemonError(400, msg.version_too_old(version, views.MIN_API_VERSION))
        return rest
