"""fake.api: the calls the code under test made, asserted with turbomock's assertions."""

from __future__ import annotations

from typing import Any

import docker
import pytest

from turbomock import call
from turbomock.fakes.docker import FakeDocker, FakeDockerError


def test_assert_matches_through_the_signature(fake_docker: FakeDocker, client: Any) -> None:
    """Assertions match calls by docker-py's signature: positional or keyword, same call."""
    fake_docker.registry.add("busybox:1")
    client.api.pull("busybox", "1")
    fake_docker.api.pull.assert_called_once_with(repository="busybox", tag="1")


def test_high_level_calls_are_recorded_as_api_calls(fake_docker: FakeDocker, client: Any) -> None:
    """High-level calls show as the APIClient calls docker-py made for them, in order."""
    client.containers.run("alpine:3.20", detach=True, name="box")
    assert [c[0] for c in fake_docker.api.mock_calls] == [
        "create_container", "inspect_container", "start"
    ]


def test_internal_calls_are_not_recorded(fake_docker: FakeDocker, client: Any) -> None:
    """Calls docker-py makes to itself (the version probe, logs' TTY check) are not recorded."""
    fake_docker.add_container("alpine:3.20", name="box")
    client.api.logs("box")
    client.api.create_container("alpine:3.20")
    assert fake_docker.api.mock_calls == [
        call.logs("box"), call.create_container("alpine:3.20")
    ]


def test_failed_assertion_explains(fake_docker: FakeDocker, client: Any) -> None:
    """A failed assertion says what was expected and what was called."""
    client.images.get("alpine:3.20")
    with pytest.raises(AssertionError) as caught:
        fake_docker.api.inspect_image.assert_called_once_with("alpine:3.21")
    assert "inspect_image('alpine:3.21')" in str(caught.value)
    assert "inspect_image('alpine:3.20')" in str(caught.value)


def test_configured_return_value_is_refused(fake_docker: FakeDocker, client: Any) -> None:
    """Setting return_value on fake.api (which would change nothing) fails the next call."""
    fake_docker.api.images.return_value = []
    with pytest.raises(FakeDockerError) as caught:
        client.images.list()
    assert str(caught.value) == (
        "fake.api.images only records calls: a return_value or side_effect set on it would "
        "change nothing. To make images fail, use fake.faults.fail('images', exception) or "
        "fake.faults.daemon_error(...)."
    )


def test_configured_side_effect_is_refused(fake_docker: FakeDocker, client: Any) -> None:
    """Setting side_effect on fake.api, even after calls were recorded, fails the next call."""
    client.ping()
    fake_docker.api.ping.side_effect = RuntimeError
    with pytest.raises(FakeDockerError, match=r"^fake\.api\.ping only records calls"):
        client.ping()


def test_reset_mock_starts_a_new_record(fake_docker: FakeDocker, client: Any) -> None:
    """fake.api.reset_mock() forgets the calls so far; recording goes on."""
    client.ping()
    fake_docker.api.reset_mock()
    client.version()
    assert fake_docker.api.mock_calls == [call.version()]


def test_calls_before_first_look_are_kept(client: Any) -> None:
    """Calls made before fake.api is first read are all there, in order, once it is."""
    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        fresh = docker.from_env()
        fresh.ping()
        fresh.images.get("alpine:3.20")
        assert fake.api.mock_calls == [call.ping(), call.inspect_image("alpine:3.20")]


def test_reset_with_return_value_keeps_recording(fake_docker: FakeDocker, client: Any) -> None:
    """reset_mock(return_value=True) on fake.api does not count as configuring it."""
    client.ping()
    fake_docker.api.reset_mock(return_value=True)
    client.ping()
    fake_docker.api.ping.assert_called_once_with()
