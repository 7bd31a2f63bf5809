"""A call docker-py rejects: the MagicMock-style test passes it, the fake-based test does not.

``SlippedInterface`` looks its container up with ``containers.get(name, all=True)``
(``all=`` belongs to ``containers.list``). Against a real daemon that line raises
``TypeError``; the MagicMock-style attach test runs it happily.
"""

from __future__ import annotations

from typing import Any

import pytest

from containers import test_interface_fake, test_interface_magicmock
from containers.interface import Bus, ContainerState, DockerInterface
from turbomock import Mock
from turbomock.fakes.docker import FakeDocker


class SlippedInterface(DockerInterface):
    def container(self) -> Any:
        return self.client.containers.get(self.name, all=True)


def test_magicmock_style_test_passes_the_wrong_call(bus: Bus) -> None:
    """The MagicMock-style attach scenario passes against the wrong call."""
    test_interface_magicmock.check_attach(
        bus, SlippedInterface, {"State": {"Status": "running"}}, ContainerState.RUNNING, True
    )


def test_fake_based_test_rejects_the_wrong_call(
    fake_docker: FakeDocker, bus: Bus, capture_exception: Mock
) -> None:
    """The fake-based attach scenario fails on it with docker-py's own TypeError."""
    with pytest.raises(TypeError, match=r"get\(\) got an unexpected keyword argument 'all'"):
        test_interface_fake.check_attach(
            fake_docker, bus, capture_exception, SlippedInterface,
            "running", 0, None, ContainerState.RUNNING, True,
        )
