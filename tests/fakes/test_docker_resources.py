"""Networks and volumes: create, inspect, list, connect, remove, prune."""

from __future__ import annotations

from typing import Any

import docker
import pytest


def test_predefined_networks(client: Any) -> None:
    """The engine starts with bridge, host and none."""
    assert sorted(n.name for n in client.networks.list()) == ["bridge", "host", "none"]


def test_create_and_connect(client: Any) -> None:
    """A created network lists the running containers connected to it, with addresses."""
    network = client.networks.create("backend", labels={"team": "a"})
    container = client.containers.run("alpine:3.20", detach=True, name="app")
    network.connect(container, aliases=["api"])
    network.reload()
    member = network.attrs["Containers"][container.id]
    assert (network.attrs["Labels"], member["Name"], member["IPv4Address"],
            [c.name for c in network.containers]) == (
        {"team": "a"}, "app", "172.18.0.2/16", ["app"]
    )


def test_disconnect(client: Any) -> None:
    """Disconnecting removes the container from the network."""
    network = client.networks.create("backend")
    container = client.containers.run("alpine:3.20", detach=True)
    network.connect(container)
    network.disconnect(container)
    network.reload()
    assert network.containers == []


def test_duplicate_name(client: Any) -> None:
    """A second network of the same name is the daemon's 409."""
    client.networks.create("backend")
    with pytest.raises(docker.errors.APIError) as caught:
        client.networks.create("backend")
    assert (caught.value.status_code, caught.value.explanation) == (
        409, "network with name backend already exists"
    )


def test_remove_in_use(client: Any) -> None:
    """A network with containers on it cannot be removed."""
    network = client.networks.create("backend")
    client.containers.create("alpine:3.20", network="backend")
    with pytest.raises(docker.errors.APIError) as caught:
        network.remove()
    assert caught.value.explanation == (
        f"error while removing network: network backend id {network.id} has active endpoints"
    )


def test_remove_predefined(client: Any) -> None:
    """The predefined networks cannot be removed."""
    with pytest.raises(docker.errors.APIError, match=r"bridge is a pre-defined network and "
                                                     r"cannot be removed"):
        client.networks.get("bridge").remove()


def test_missing_network(client: Any) -> None:
    """A missing network is NotFound with the daemon's message."""
    with pytest.raises(docker.errors.NotFound) as caught:
        client.networks.get("nowhere")
    assert caught.value.explanation == "network nowhere not found"


def test_list_filters(client: Any) -> None:
    """networks.list filters by name, driver and type."""
    client.networks.create("backend", driver="bridge")
    client.networks.create("frontend", driver="overlay")
    assert ([n.name for n in client.networks.list(names=["backend"])],
            [n.name for n in client.networks.list(filters={"driver": "overlay"})],
            sorted(n.name for n in client.networks.list(filters={"type": "custom"}))) == (
        ["backend"], ["frontend"], ["backend", "frontend"]
    )


def test_prune_networks(client: Any) -> None:
    """prune removes custom networks without containers."""
    client.networks.create("unused")
    client.networks.create("used")
    client.containers.create("alpine:3.20", network="used")
    assert client.networks.prune() == {"NetworksDeleted": ["unused"]}


def test_volume_create_get_list(client: Any) -> None:
    """A created volume is found by name and listed."""
    volume = client.volumes.create("data", labels={"keep": "1"})
    assert (volume.name, client.volumes.get("data").attrs["Labels"],
            [v.name for v in client.volumes.list()],
            volume.attrs["Mountpoint"]) == (
        "data", {"keep": "1"}, ["data"], "/var/lib/docker/volumes/data/_data"
    )


def test_volume_create_existing(client: Any) -> None:
    """Creating an existing volume answers with the existing one."""
    first = client.volumes.create("data", labels={"a": "1"})
    assert client.volumes.create("data").attrs == first.attrs


def test_volume_in_use(client: Any) -> None:
    """A volume a container mounts cannot be removed."""
    container = client.containers.create("alpine:3.20", volumes=["data:/data"])
    with pytest.raises(docker.errors.APIError) as caught:
        client.volumes.get("data").remove()
    assert (caught.value.status_code, caught.value.explanation) == (
        409, f"remove data: volume is in use - [{container.id}]"
    )


def test_missing_volume(client: Any) -> None:
    """A missing volume is NotFound with the daemon's message."""
    with pytest.raises(docker.errors.NotFound) as caught:
        client.volumes.get("nothing")
    assert caught.value.explanation == "get nothing: no such volume"


def test_anonymous_volume_removed_with_container(client: Any) -> None:
    """A container's anonymous volume goes with it when removed with v=True; named ones stay."""
    container = client.containers.create("alpine:3.20", volumes=["/scratch", "kept:/kept"])
    container.remove(v=True)
    assert [v.name for v in client.volumes.list()] == ["kept"]


def test_prune_volumes(client: Any) -> None:
    """prune removes unused anonymous volumes; all=true removes unused named ones too."""
    client.volumes.create("named")
    client.containers.create("alpine:3.20", volumes=["/scratch"]).remove()
    first = client.volumes.prune()["VolumesDeleted"]
    second = client.volumes.prune(filters={"all": True})["VolumesDeleted"]
    assert (len(first), second) == (1, ["named"])
