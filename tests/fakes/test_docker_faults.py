"""Injected failures fail the way the real daemon and transport fail."""

from __future__ import annotations

from typing import Any

import docker
import pytest
import requests

from turbomock.fakes.docker import FakeDocker


def test_stopped_daemon_at_from_env(fake_docker: FakeDocker) -> None:
    """With the daemon stopped, from_env raises DockerException as docker-py words it."""
    fake_docker.faults.stop_daemon()
    with pytest.raises(docker.errors.DockerException) as caught:
        docker.from_env()
    assert str(caught.value) == (
        "Error while fetching server API version: ('Connection aborted.', "
        "FileNotFoundError(2, 'No such file or directory'))"
    )


def test_stopped_daemon_over_tcp(fake_docker: FakeDocker) -> None:
    """Over TCP, a stopped daemon refuses the connection."""
    fake_docker.faults.stop_daemon()
    with pytest.raises(docker.errors.DockerException, match=r"ConnectionRefusedError\(111, "):
        docker.DockerClient(base_url="tcp://127.0.0.1:2375")


def test_stopped_daemon_for_existing_clients(fake_docker: FakeDocker, client: Any) -> None:
    """Existing clients get requests' ConnectionError; starting the daemon again restores them."""
    fake_docker.faults.stop_daemon()
    with pytest.raises(requests.exceptions.ConnectionError):
        client.images.list()
    fake_docker.faults.start_daemon()
    assert [i.tags for i in client.images.list()] == [["alpine:3.20"]]


def test_daemon_error(fake_docker: FakeDocker, client: Any) -> None:
    """daemon_error answers one request with the error; docker-py makes its APIError of it."""
    fake_docker.faults.daemon_error("create_container", 500, "no space left on device")
    with pytest.raises(docker.errors.APIError) as caught:
        client.containers.create("alpine:3.20")
    assert (str(caught.value), len(client.containers.list(all=True))) == (
        "500 Server Error for http+docker://localhost/v1.45/containers/create: Internal Server "
        'Error ("no space left on device")', 0
    )
    client.containers.create("alpine:3.20")


def test_daemon_error_mapped_by_docker_py(fake_docker: FakeDocker, client: Any) -> None:
    """A 404 saying "No such image" becomes ImageNotFound, as docker-py decides."""
    fake_docker.faults.daemon_error("inspect_image", 404, "No such image: alpine:3.20")
    with pytest.raises(docker.errors.ImageNotFound):
        client.images.get("alpine:3.20")


def test_daemon_error_every_time(fake_docker: FakeDocker, client: Any) -> None:
    """times=None keeps answering with the error."""
    fake_docker.faults.daemon_error("ping", 503, "maintenance", times=None)
    outcomes = []
    for _ in range(3):
        with pytest.raises(docker.errors.APIError) as caught:
            client.ping()
        outcomes.append(caught.value.status_code)
    assert outcomes == [503, 503, 503]


def test_fail_raises_the_exception(fake_docker: FakeDocker, client: Any) -> None:
    """fail raises the given exception from the next call, through the high-level API too."""
    container = client.containers.create("alpine:3.20", name="box")
    error = requests.exceptions.RequestException("flaky")
    fake_docker.faults.fail("inspect_container", error, times=2)
    raised = []
    for _ in range(3):
        try:
            client.containers.get("box")
        except requests.exceptions.RequestException as caught:
            raised.append(caught)
    assert (raised, client.containers.get("box").id) == ([error, error], container.id)


def test_fail_records_the_call(fake_docker: FakeDocker, client: Any) -> None:
    """A call that fail() makes raise is still recorded: it was made."""
    fake_docker.faults.fail("ping", docker.errors.DockerException())
    with pytest.raises(docker.errors.DockerException):
        client.ping()
    fake_docker.api.ping.assert_called_once_with()


def test_timeout(fake_docker: FakeDocker, client: Any) -> None:
    """timeout makes the next request time out as requests reports it."""
    fake_docker.faults.timeout("containers")
    with pytest.raises(requests.exceptions.ReadTimeout) as caught:
        client.containers.list()
    assert str(caught.value) == (
        "UnixHTTPConnectionPool(host='localhost', port=None): Read timed out. (read timeout=60)"
    )


def test_unknown_method(fake_docker: FakeDocker) -> None:
    """A fault for a method APIClient does not have is refused at once."""
    with pytest.raises(ValueError, match=r"^docker\.APIClient has no method 'get_container'$"):
        fake_docker.faults.fail("get_container", RuntimeError())


def test_times_must_be_positive(fake_docker: FakeDocker) -> None:
    """times=0 is refused: it would arm nothing."""
    with pytest.raises(ValueError, match=r"^times must be at least 1 \(or None for every "):
        fake_docker.faults.timeout("ping", times=0)


def test_push_error(fake_docker: FakeDocker, client: Any) -> None:
    """push_error ends the push stream with the daemon's error; the registry gets nothing."""
    fake_docker.faults.push_error("alpine:3.20", "denied: requested access", after=1)
    messages = list(client.images.push("alpine", tag="3.20", stream=True, decode=True))
    assert (messages[-1]["error"], fake_docker.registry.references()) == (
        "denied: requested access", []
    )
