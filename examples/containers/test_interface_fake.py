"""The seed's Docker interface scenarios, tested against turbomock's fake Docker engine.

No MagicMock plumbing: the registry says what can be pulled, the engine holds the
containers, docker-py does the rest. Compare ``test_interface_magicmock.py``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import docker
import pytest
import requests
from docker.errors import DockerException, ImageNotFound

from containers.interface import (
    STATE_CHANGE,
    Bus,
    ContainerState,
    ContainerStateEvent,
    DockerError,
    DockerInterface,
    DockerNotFound,
    PullLogEntry,
    PullProgressDetail,
)
from turbomock import ANY, Mock
from turbomock.fakes.docker import FakeDocker, Layer

HA = "ghcr.io/home-assistant/qemux86-64-homeassistant"


def make(
    bus: Bus, capture_exception: Mock | None = None, cls: type[DockerInterface] = DockerInterface
) -> Any:
    return cls("homeassistant", HA, client=docker.from_env(), bus=bus,
               capture_exception=capture_exception or Mock(), clock=lambda: 1.0)


def listen(bus: Bus, event: str) -> list[Any]:
    heard: list[Any] = []

    async def listener(payload: Any) -> None:
        heard.append(payload)

    bus.register(event, listener)
    return heard


@pytest.mark.parametrize(
    ("arch", "platform"),
    [
        ("armv7", "linux/arm/v7"),
        ("armhf", "linux/arm/v6"),
        ("aarch64", "linux/arm64"),
        ("i386", "linux/386"),
        ("amd64", "linux/amd64"),
    ],
)
def test_docker_image_platform(fake_docker: FakeDocker, bus: Bus, arch: str, platform: str) -> None:
    """install pulls the image built for the architecture's platform (the only one there)."""
    fake_docker.registry.add("test:1.2.3", platform=platform)
    image = asyncio.run(make(bus).install("1.2.3", "test", arch=arch))
    assert image.tags == ["test:1.2.3"]
    fake_docker.api.pull.assert_called_once_with(
        "test", tag="1.2.3", platform=platform, stream=True, decode=True
    )


@pytest.mark.parametrize("err", [DockerException(), requests.RequestException()])
def test_image_pull_fail(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock, err: Exception
) -> None:
    """A failure after the pull is reported once and raised as DockerError."""
    fake_docker.registry.add(f"{HA}:2022.7.3")
    fake_docker.faults.fail("inspect_image", err)
    with pytest.raises(DockerError):
        asyncio.run(make(bus, capture_exception).install("2022.7.3"))
    capture_exception.assert_called_once_with(err)


def test_image_pull_fail_missing_from_registry(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """A version the registry lacks fails the pull with the daemon's own 404."""
    fake_docker.registry.add(f"{HA}:2022.7.3")
    with pytest.raises(DockerError, match=r"manifest for .*:2099\.1\.0 not found"):
        asyncio.run(make(bus, capture_exception).install("2099.1.0"))
    assert type(capture_exception.call_args.args[0]) is docker.errors.NotFound


def test_run_missing_image(fake_docker: FakeDocker, bus: Bus, capture_exception: Mock) -> None:
    """run raises DockerNotFound and reports the SDK's ImageNotFound when the image is absent."""
    with pytest.raises(DockerNotFound):
        asyncio.run(make(bus, capture_exception).run("2022.7.3"))
    capture_exception.assert_called_once()
    assert isinstance(capture_exception.call_args.args[0], ImageNotFound)


def test_run_replaces_the_container(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """run removes the old container and starts a new one of the version asked for."""
    fake_docker.add_image(f"{HA}:2022.7.3")
    old = fake_docker.add_container(f"{HA}:2022.7.3", name="homeassistant")
    fake_docker.add_image(f"{HA}:2022.8.0")
    asyncio.run(make(bus, capture_exception).run("2022.8.0"))
    container = docker.from_env().containers.get("homeassistant")
    assert (container.id != old, container.status, container.image.tags) == (
        True, "running", [f"{HA}:2022.8.0"]
    )


def test_install_fires_progress_events(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """Every progress message of the pull reaches the listeners, in the daemon's shape."""
    repo = "ghcr.io/home-assistant/odroid-n2-homeassistant"
    shared, fresh = (Layer(30_000_000, "sha256:6e771e15690e" + "0" * 52),
                     Layer(1486, "sha256:1578b14a573c" + "0" * 52))
    fake_docker.add_image(f"{repo}:2025.7.1", platform="linux/arm64", layers=[shared])
    digest = "sha256:490080d7da0f385928022927990e04f604615f7b8c622ef3e58253d0f089881d"
    fake_docker.registry.add(f"{repo}:2025.7.2", platform="linux/arm64",
                             layers=[shared, fresh], digest=digest)
    events = listen(bus, "docker_image_pull_update")
    asyncio.run(make(bus, capture_exception).install("2025.7.2", repo, arch="aarch64"))
    empty = PullProgressDetail()

    def bar(status: str, current: int, progress: str) -> PullLogEntry:
        return PullLogEntry(ANY, status, "1578b14a573c", progress,
                            PullProgressDetail(current=current, total=1486))

    steps = [
        (496, "[================>                                  ]     496B/1.486kB"),
        (991, "[=================================>                 ]     991B/1.486kB"),
        (1486, "[==================================================>]  1.486kB/1.486kB"),
    ]
    assert events == [
        PullLogEntry(ANY, "Pulling from home-assistant/odroid-n2-homeassistant", "2025.7.2"),
        PullLogEntry(ANY, "Already exists", "6e771e15690e", progress_detail=empty),
        PullLogEntry(ANY, "Pulling fs layer", "1578b14a573c", progress_detail=empty),
        *(bar("Downloading", current, text) for current, text in steps),
        PullLogEntry(ANY, "Verifying Checksum", "1578b14a573c", progress_detail=empty),
        PullLogEntry(ANY, "Download complete", "1578b14a573c", progress_detail=empty),
        *(bar("Extracting", current, text) for current, text in steps),
        PullLogEntry(ANY, "Pull complete", "1578b14a573c", progress_detail=empty),
        PullLogEntry(ANY, f"Digest: {digest}"),
        PullLogEntry(ANY, f"Status: Downloaded newer image for {repo}:2025.7.2"),
    ]


def test_install_raises_on_pull_error(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """An error message inside the pull stream (a full disk) fails the install."""
    fake_docker.registry.add(f"{HA}:2022.7.3")
    fake_docker.faults.pull_error(f"{HA}:2022.7.3", "write /tmp/blob: no space left on device",
                                  after=3)
    with pytest.raises(DockerError, match="no space left on device"):
        asyncio.run(make(bus, capture_exception).install("2022.7.3"))


@pytest.mark.parametrize(
    ("status", "exit_code", "health", "expected", "fired_when_skip_down"),
    [
        ("running", 0, None, ContainerState.RUNNING, True),
        ("exited", 0, None, ContainerState.STOPPED, False),
        ("exited", 137, None, ContainerState.FAILED, False),
        ("running", 0, "healthy", ContainerState.HEALTHY, True),
        ("running", 0, "unhealthy", ContainerState.UNHEALTHY, True),
    ],
)
def test_attach_existing_container(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock, status: str, exit_code: int,
    health: str | None, expected: ContainerState, fired_when_skip_down: bool,
) -> None:
    """attach reports the existing container's state, unless asked to skip a down one."""
    check_attach(fake_docker, bus, capture_exception, DockerInterface,
                 status, exit_code, health, expected, fired_when_skip_down)


def check_attach(
    fake: FakeDocker, bus: Bus, capture_exception: Mock, cls: type[DockerInterface],
    status: str, exit_code: int, health: str | None, expected: ContainerState,
    fired_when_skip_down: bool,
) -> None:
    fake.add_image(f"{HA}:2022.7.3")
    container_id = fake.add_container(f"{HA}:2022.7.3", name="homeassistant", status=status,
                                      exit_code=exit_code, health=health)
    events = listen(bus, STATE_CHANGE)
    interface = make(bus, capture_exception, cls)
    asyncio.run(interface.attach("2022.7.3"))
    assert events == [ContainerStateEvent("homeassistant", expected, container_id, 1.0)]
    events.clear()
    asyncio.run(interface.attach("2022.7.3", skip_state_event_if_down=True))
    assert len(events) == int(fired_when_skip_down)


def test_attach_container_failure(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """Without a container, attach learns the image's config and fires no state event."""
    fake_docker.add_image(f"{HA}:2022.7.3", env={"TZ": "UTC"})
    events = listen(bus, STATE_CHANGE)
    interface = make(bus, capture_exception)
    asyncio.run(interface.attach("2022.7.3"))
    assert (events, interface.meta_config["Env"][-1]) == ([], "TZ=UTC")


def test_attach_total_failure(fake_docker: FakeDocker, bus: Bus, capture_exception: Mock) -> None:
    """Without a container or an image, attach raises DockerError."""
    with pytest.raises(DockerError, match=f"Could not get {HA}:2022.7.3 for homeassistant"):
        asyncio.run(make(bus, capture_exception).attach("2022.7.3"))
