"""Container management in the style of Home Assistant Supervisor's ``DockerInterface``.

Pulls an image for a CPU architecture and reports each progress message to listeners,
runs a container, and attaches to one that already exists. It is written against
docker-py only: tests give it a client of turbomock's fake Docker engine (or, in the
MagicMock-style tests beside them, a MagicMock).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import enum
import time
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Callable

import requests
from docker.errors import DockerException, NotFound

PLATFORMS = {
    "armv7": "linux/arm/v7",
    "armhf": "linux/arm/v6",
    "aarch64": "linux/arm64",
    "i386": "linux/386",
    "amd64": "linux/amd64",
}

PULL_UPDATE = "docker_image_pull_update"
STATE_CHANGE = "docker_container_state_change"


class DockerError(Exception):
    """Something went wrong talking to Docker."""


class DockerNotFound(DockerError):
    """The image or container asked for does not exist."""


class ContainerState(str, enum.Enum):
    RUNNING = "running"
    STOPPED = "stopped"
    FAILED = "failed"
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PullProgressDetail:
    current: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class PullLogEntry:
    """One progress message of a pull, as listeners receive it."""

    job_id: str
    status: str | None = None
    id: str | None = None
    progress: str | None = None
    progress_detail: PullProgressDetail | None = None

    @classmethod
    def from_message(cls, job_id: str, message: dict[str, Any]) -> PullLogEntry:
        detail = message.get("progressDetail")
        return cls(
            job_id=job_id,
            status=message.get("status"),
            id=message.get("id"),
            progress=message.get("progress"),
            progress_detail=None if detail is None else PullProgressDetail(**detail),
        )


@dataclass(frozen=True)
class ContainerStateEvent:
    name: str
    state: ContainerState
    id: str
    time: float


Listener = Callable[[Any], Awaitable[None]]


class Bus:
    """A tiny event bus: listeners are coroutines, called in order."""

    def __init__(self) -> None:
        self.listeners: dict[str, list[Listener]] = {}

    def register(self, event: str, listener: Listener) -> None:
        self.listeners.setdefault(event, []).append(listener)

    async def fire(self, event: str, payload: Any) -> None:
        for listener in self.listeners.get(event, []):
            await listener(payload)


def state_of(attrs: dict[str, Any]) -> ContainerState:
    """What Supervisor calls a container's state, from its inspect data."""
    state = attrs["State"]
    if state["Status"] == "running":
        health = (state.get("Health") or {}).get("Status")
        if health == "healthy":
            return ContainerState.HEALTHY
        if health == "unhealthy":
            return ContainerState.UNHEALTHY
        return ContainerState.RUNNING
    return ContainerState.STOPPED if state.get("ExitCode") == 0 else ContainerState.FAILED


class DockerInterface:
    """One named container of one image, managed through a docker-py client."""

    def __init__(
        self,
        name: str,
        image: str,
        *,
        client: Any,
        bus: Bus,
        arch: str = "amd64",
        capture_exception: Callable[[BaseException], None] = lambda err: None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.image = image
        self.client = client
        self.bus = bus
        self.arch = arch
        self.capture_exception = capture_exception
        self.clock = clock
        self.meta_config: dict[str, Any] | None = None

    async def _in_executor(self, function: Callable[[], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, function)

    async def install(self, version: str, image: str | None = None, arch: str | None = None) -> Any:
        """Pull ``image:version`` for ``arch``; every progress message goes to the bus."""
        image = image or self.image
        platform = PLATFORMS[arch or self.arch]
        job_id = uuid.uuid4().hex
        loop = asyncio.get_running_loop()
        pending: list[concurrent.futures.Future[None]] = []

        def pull() -> Any:
            for message in self.client.api.pull(
                image, tag=version, platform=platform, stream=True, decode=True
            ):
                if "error" in message:
                    raise DockerError(f"Can't install {image}:{version}: {message['error']}")
                entry = PullLogEntry.from_message(job_id, message)
                pending.append(asyncio.run_coroutine_threadsafe(
                    self.bus.fire(PULL_UPDATE, entry), loop
                ))
            return self.client.images.get(f"{image}:{version}")

        try:
            return await self._in_executor(pull)
        except (DockerException, requests.RequestException) as err:
            self.capture_exception(err)
            raise DockerError(f"Can't install {image}:{version}: {err}") from err
        finally:
            for future in pending:
                await asyncio.wrap_future(future)

    async def run(self, version: str) -> None:
        """Replace the container with a new one of ``image:version`` and start it."""

        def create_and_start() -> None:
            try:
                self.client.containers.get(self.name).remove(force=True)
            except NotFound:
                pass
            container = self.client.containers.create(
                f"{self.image}:{version}", name=self.name, detach=True,
                labels={"supervisor_managed": ""},
            )
            container.start()

        try:
            await self._in_executor(create_and_start)
        except NotFound as err:
            self.capture_exception(err)
            missing = f"Image {self.image}:{version} does not exist for {self.name}"
            raise DockerNotFound(missing) from err
        except (DockerException, requests.RequestException) as err:
            self.capture_exception(err)
            raise DockerError(f"Can't run {self.name}: {err}") from err

    def container(self) -> Any:
        """The docker-py ``Container`` of this interface (raises ``NotFound`` if there is none)."""
        return self.client.containers.get(self.name)

    async def attach(self, version: str, *, skip_state_event_if_down: bool = False) -> None:
        """Take over the running container, or at least learn the image's config."""
        try:
            attrs = await self._in_executor(lambda: self.container().attrs)
        except (DockerException, requests.RequestException):
            try:
                image = await self._in_executor(
                    lambda: self.client.images.get(f"{self.image}:{version}")
                )
            except (DockerException, requests.RequestException) as err:
                raise DockerError(f"Could not get {self.image}:{version} for {self.name}") from err
            self.meta_config = image.attrs["Config"]
            return
        self.meta_config = attrs["Config"]
        state = state_of(attrs)
        down = state in (ContainerState.STOPPED, ContainerState.FAILED)
        if not (skip_state_event_if_down and down):
            await self.bus.fire(
                STATE_CHANGE, ContainerStateEvent(self.name, state, attrs["Id"], self.clock())
            )
