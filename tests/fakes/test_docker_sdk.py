"""The fake against the installed docker-py: same signatures, same refusals, served endpoints.

The strongest checks here are differential: a call is made on a docker-py client that
never reaches a daemon (an explicit API version means none is asked for) and on a
client of the fake, and both must fail the same way.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable

import docker
import docker.models.containers
import docker.models.images
import docker.models.networks
import docker.models.volumes
import pytest

from turbomock.fakes import _docker_client
from turbomock.fakes.docker import FakeDocker, FakeDockerError


def _outcome(call: Callable[[], Any]) -> tuple[str, str]:
    try:
        call()
    except Exception as error:  # the outcome is what is compared
        return type(error).__name__, str(error)
    return "no error", ""


BAD_CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("pull with a misspelt keyword", lambda c: c.api.pull("alpine", tga="1")),
    ("containers with an unknown keyword", lambda c: c.api.containers(running=True)),
    ("inspect_container without a container", lambda c: c.api.inspect_container()),
    ("inspect_container with None", lambda c: c.api.inspect_container(None)),
    ("create_container without an image", lambda c: c.api.create_container(command="ls")),
    ("logs with an unknown keyword", lambda c: c.api.logs("x", lines=10)),
    ("exec_create without a command", lambda c: c.api.exec_create("x")),
    ("images with too many arguments", lambda c: c.api.images("a", False, False, None, 1)),
    ("stop with an unknown keyword", lambda c: c.api.stop("x", signal="SIGINT")),
    ("start with an old-style argument", lambda c: c.api.start("x", binds=["/a:/b"])),
    ("containers.get with list's keyword", lambda c: c.containers.get("x", all=True)),
    ("images.pull without a repository", lambda c: c.images.pull()),
    ("containers.run without an image", lambda c: c.containers.run(command="ls")),
    ("containers.run with a misspelt option", lambda c: c.containers.run("a", enviroment={})),
    ("container.exec_run with an unknown keyword", lambda c: c.containers.list(sparse=True,
                                                                               bogus=1)),
    ("networks.create without a name", lambda c: c.networks.create()),
    ("volumes.get with two arguments", lambda c: c.volumes.get("a", "b")),
]


@pytest.mark.parametrize(("what", "call"), BAD_CALLS, ids=[what for what, _ in BAD_CALLS])
def test_bad_call_fails_as_with_docker_py(what: str, call: Callable[[Any], Any]) -> None:
    """A call docker-py refuses is refused by the fake's client with the same error."""
    real = docker.DockerClient(version="1.45")
    expected = _outcome(lambda: call(real))
    with FakeDocker():
        assert _outcome(lambda: call(docker.from_env())) == expected
    assert expected[0] in ("TypeError", "NullResource", "DeprecatedMethod")


def test_refused_call_is_not_recorded(fake_docker: FakeDocker) -> None:
    """A call refused for its arguments never reaches fake.api, as with an autospecced mock."""
    with pytest.raises(TypeError):
        docker.from_env().api.pull("alpine", tga="1")
    assert fake_docker.api.mock_calls == []


def test_every_client_method_has_the_sdk_signature() -> None:
    """Each public APIClient method of the fake's client class has docker-py's signature."""
    fake_class = _docker_client.fake_class(docker.APIClient)
    differ = {
        name: str(inspect.signature(getattr(fake_class, name)))
        for name in _docker_client.sdk_method_names()
        if inspect.signature(getattr(fake_class, name))
        != inspect.signature(getattr(docker.APIClient, name))
    }
    assert (differ, len(_docker_client.sdk_method_names()) > 100) == ({}, True)


def test_every_recorder_method_has_the_sdk_signature() -> None:
    """Each method of fake.api takes exactly the parameters of docker-py's method."""
    fake = FakeDocker()
    differ = {}
    for name in _docker_client.sdk_method_names():
        sdk = inspect.signature(getattr(docker.APIClient, name))
        without_self = sdk.replace(parameters=list(sdk.parameters.values())[1:])
        if inspect.signature(getattr(fake.api, name)) != without_self:
            differ[name] = str(inspect.signature(getattr(fake.api, name)))
    assert differ == {}


def test_high_level_objects_are_docker_py_classes(fake_docker: FakeDocker) -> None:
    """Collections and models returned are docker-py's own classes, bound to the fake's client."""
    fake_docker.add_image("alpine:3.20")
    client = docker.from_env()
    container = client.containers.create("alpine:3.20")
    found = [
        type(client.containers), type(client.images), type(client.images.get("alpine:3.20")),
        type(container), type(client.networks.get("bridge")),
        type(client.volumes.create("data")),
    ]
    assert (found, container.client is client) == ([
        docker.models.containers.ContainerCollection, docker.models.images.ImageCollection,
        docker.models.images.Image, docker.models.containers.Container,
        docker.models.networks.Network, docker.models.volumes.Volume,
    ], True)


# --- what the fake serves, and what it refuses to guess -----------------------------------

SERVED: list[tuple[str, Callable[[Any], Any]]] = [
    ("ping", lambda c: c.api.ping()),
    ("version", lambda c: c.api.version()),
    ("info", lambda c: c.api.info()),
    ("pull", lambda c: list(c.api.pull("alpine", tag="3.20", stream=True, decode=True))),
    ("images", lambda c: c.api.images()),
    ("inspect_image", lambda c: c.api.inspect_image("alpine:3.20")),
    ("tag", lambda c: c.api.tag("alpine:3.20", "mine", "1")),
    ("push", lambda c: c.api.push("mine", tag="1")),
    ("inspect_distribution", lambda c: c.api.inspect_distribution("alpine:3.20")),
    ("create_container", lambda c: c.api.create_container("alpine:3.20", name="box")),
    ("containers", lambda c: c.api.containers(all=True)),
    ("inspect_container", lambda c: c.api.inspect_container("box")),
    ("start", lambda c: c.api.start("box")),
    ("port", lambda c: c.api.port("box", 80)),
    ("pause", lambda c: c.api.pause("box")),
    ("unpause", lambda c: c.api.unpause("box")),
    ("exec_create", lambda c: c.api.exec_create("box", ["true"])),
    ("logs", lambda c: c.api.logs("box")),
    ("restart", lambda c: c.api.restart("box")),
    ("rename", lambda c: c.api.rename("box", "crate")),
    ("kill", lambda c: c.api.kill("crate")),
    ("wait", lambda c: c.api.wait("crate")),
    ("stop", lambda c: c.api.stop("crate")),
    ("create_network", lambda c: c.api.create_network("net")),
    ("networks", lambda c: c.api.networks()),
    ("connect_container_to_network", lambda c: c.api.connect_container_to_network("crate", "net")),
    ("inspect_network", lambda c: c.api.inspect_network("net")),
    ("disconnect_container_from_network",
     lambda c: c.api.disconnect_container_from_network("crate", "net")),
    ("remove_network", lambda c: c.api.remove_network("net")),
    ("prune_networks", lambda c: c.api.prune_networks()),
    ("create_volume", lambda c: c.api.create_volume("vol")),
    ("volumes", lambda c: c.api.volumes()),
    ("inspect_volume", lambda c: c.api.inspect_volume("vol")),
    ("remove_volume", lambda c: c.api.remove_volume("vol")),
    ("prune_volumes", lambda c: c.api.prune_volumes()),
    ("remove_container", lambda c: c.api.remove_container("crate")),
    ("prune_containers", lambda c: c.api.prune_containers()),
    ("remove_image", lambda c: c.api.remove_image("mine:1")),
    ("prune_images", lambda c: c.api.prune_images()),
]


def test_served_methods_answer(fake_docker: FakeDocker) -> None:
    """Every APIClient method the README lists as served gets an answer from the engine."""
    fake_docker.registry.add("alpine:3.20")
    client = docker.from_env()
    failed = {name: _outcome(lambda call=call: call(client)) for name, call in SERVED}  # type: ignore[misc]
    assert {name: o for name, o in failed.items() if o[0] != "no error"} == {}


@pytest.mark.parametrize(
    ("call", "request_line"),
    [
        (lambda c: c.api.top("box"), "GET /containers/box/top (sent by APIClient.top)"),
        (lambda c: c.api.diff("box"), "GET /containers/box/changes (sent by APIClient.diff)"),
        (lambda c: c.api.events(decode=True), "GET /events (sent by APIClient.events)"),
    ],
)
def test_unserved_endpoint_fails_loudly(
    fake_docker: FakeDocker, call: Callable[[Any], Any], request_line: str
) -> None:
    """A request no endpoint serves raises FakeDockerError naming it and the SDK call."""
    fake_docker.add_image("alpine:3.20")
    fake_docker.add_container("alpine:3.20", name="box")
    with pytest.raises(FakeDockerError) as caught:
        call(docker.from_env())
    assert str(caught.value) == (
        f"turbomock's fake Docker engine does not serve {request_line}. The calls it "
        "serves are listed in the README, section 'Faking the Docker SDK'."
    )


def test_fake_docker_error_escapes_docker_exception_handlers() -> None:
    """FakeDockerError is no DockerException, so code under test cannot swallow it."""
    assert (issubclass(FakeDockerError, docker.errors.DockerException),
            issubclass(FakeDockerError, AssertionError)) == (False, True)
