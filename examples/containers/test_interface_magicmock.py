"""Two of the same scenarios written the seed's way, with MagicMock, for comparison.

Each test hand-builds what docker-py would return and asserts the calls made. The
mock accepts any call at all, so these tests cannot notice a call docker-py would
reject (``test_wrong_sdk_call.py`` shows one slipping through).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from docker.models.containers import Container

from containers.interface import (
    STATE_CHANGE,
    Bus,
    ContainerState,
    ContainerStateEvent,
    DockerInterface,
)
from turbomock import MagicMock, Mock, call, patch


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
def test_docker_image_platform(bus: Bus, arch: str, platform: str) -> None:
    """install pulls for the architecture's platform (the MagicMock way)."""
    client = MagicMock()
    interface = DockerInterface("homeassistant", "test", client=client, bus=bus)
    with patch.object(client.images, "get", return_value=Mock(id="test:1.2.3")) as get:
        asyncio.run(interface.install("1.2.3", "test", arch=arch))
        client.api.pull.assert_called_once_with(
            "test", tag="1.2.3", platform=platform, stream=True, decode=True
        )
        get.assert_called_once_with("test:1.2.3")


@pytest.mark.parametrize(
    ("attrs", "expected", "fired_when_skip_down"),
    [
        ({"State": {"Status": "running"}}, ContainerState.RUNNING, True),
        ({"State": {"Status": "exited", "ExitCode": 0}}, ContainerState.STOPPED, False),
        ({"State": {"Status": "exited", "ExitCode": 137}}, ContainerState.FAILED, False),
        (
            {"State": {"Status": "running", "Health": {"Status": "healthy"}}},
            ContainerState.HEALTHY,
            True,
        ),
        (
            {"State": {"Status": "running", "Health": {"Status": "unhealthy"}}},
            ContainerState.UNHEALTHY,
            True,
        ),
    ],
)
def test_attach_existing_container(
    bus: Bus, attrs: dict[str, Any], expected: ContainerState, fired_when_skip_down: bool
) -> None:
    """attach reports the existing container's state (the MagicMock way)."""
    check_attach(bus, DockerInterface, attrs, expected, fired_when_skip_down)


def check_attach(
    bus: Bus, cls: type[DockerInterface], attrs: dict[str, Any], expected: ContainerState,
    fired_when_skip_down: bool,
) -> None:
    attrs["Id"] = "abc123"
    attrs["Config"] = {}
    container_collection = MagicMock()
    container_collection.get.return_value = Container(attrs)
    client = MagicMock()
    client.containers = container_collection
    fire_event = MagicMock()

    async def fire(event: str, payload: Any) -> None:
        fire_event(event, payload)

    with patch.object(bus, "fire", side_effect=fire):
        interface = cls("homeassistant", "test", client=client, bus=bus, clock=lambda: 1)
        asyncio.run(interface.attach("2022.7.3"))
        assert [
            event for event in fire_event.call_args_list if event.args[0] == STATE_CHANGE
        ] == [
            call(STATE_CHANGE, ContainerStateEvent("homeassistant", expected, "abc123", 1)),
        ]

        fire_event.reset_mock()
        asyncio.run(interface.attach("2022.7.3", skip_state_event_if_down=True))
        docker_events = [
            event for event in fire_event.call_args_list if event.args[0] == STATE_CHANGE
        ]
        if fired_when_skip_down:
            assert docker_events == [
                call(STATE_CHANGE, ContainerStateEvent("homeassistant", expected, "abc123", 1)),
            ]
        else:
            assert not docker_events
