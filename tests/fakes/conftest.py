"""The fakes' fixtures come from turbomock's pytest plugin (``fake_subprocess``,
``fake_docker``); here, the docker-py client most docker tests start from."""

from __future__ import annotations

from typing import Any

import pytest

from turbomock.fakes.docker import FakeDocker


@pytest.fixture
def client(fake_docker: FakeDocker) -> Any:
    """A docker-py client of the fake engine, which has ``alpine:3.20`` (a test module
    that needs another image defines its own ``client``)."""
    import docker  # not at the top: the subprocess tests here run without docker-py

    fake_docker.add_image("alpine:3.20")
    return docker.from_env()
