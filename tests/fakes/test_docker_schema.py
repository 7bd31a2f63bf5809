"""The JSON the fake sends has the Engine API 1.45's keys, and docker-py's models read it.

The key sets below are the properties of the API's schemas (ContainerInspectResponse,
ContainerState, ContainerConfig, NetworkSettings, EndpointSettings, MountPoint,
ContainerSummary, ImageInspect, ImageSummary, Network, Volume, SystemVersion, ...) as
the Engine API 1.45 documents them. Every key the fake fills must be one of them.
"""

from __future__ import annotations

from typing import Any

import docker
import pytest

from turbomock.fakes.docker import FakeDocker

CONTAINER_INSPECT = {
    "Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath",
    "HostsPath", "LogPath", "Name", "RestartCount", "Driver", "Platform", "MountLabel",
    "ProcessLabel", "AppArmorProfile", "ExecIDs", "HostConfig", "GraphDriver", "SizeRw",
    "SizeRootFs", "Mounts", "Config", "NetworkSettings",
}
STATE = {
    "Status", "Running", "Paused", "Restarting", "OOMKilled", "Dead", "Pid", "ExitCode",
    "Error", "StartedAt", "FinishedAt", "Health",
}
HEALTH = {"Status", "FailingStreak", "Log"}
CONFIG = {
    "Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr",
    "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck",
    "ArgsEscaped", "Image", "Volumes", "WorkingDir", "Entrypoint", "NetworkDisabled",
    "MacAddress", "OnBuild", "Labels", "StopSignal", "StopTimeout", "Shell",
}
HOST_CONFIG = {
    "Binds", "ContainerIDFile", "LogConfig", "NetworkMode", "PortBindings", "RestartPolicy",
    "AutoRemove", "VolumeDriver", "VolumesFrom", "Mounts", "ConsoleSize", "Annotations",
    "CapAdd", "CapDrop", "CgroupnsMode", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts",
    "GroupAdd", "IpcMode", "Cgroup", "Links", "OomScoreAdj", "PidMode", "Privileged",
    "PublishAllPorts", "ReadonlyRootfs", "SecurityOpt", "StorageOpt", "Tmpfs", "UTSMode",
    "UsernsMode", "ShmSize", "Sysctls", "Runtime", "Isolation", "MaskedPaths",
    "ReadonlyPaths", "CpuShares", "Memory", "CgroupParent", "BlkioWeight",
    "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
    "BlkioDeviceWriteIOps", "CpuPeriod", "CpuQuota", "CpuRealtimePeriod",
    "CpuRealtimeRuntime", "CpusetCpus", "CpusetMems", "Devices", "DeviceCgroupRules",
    "DeviceRequests", "KernelMemoryTCP", "MemoryReservation", "MemorySwap",
    "MemorySwappiness", "NanoCpus", "OomKillDisable", "Init", "PidsLimit", "Ulimits",
    "CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth",
}
NETWORK_SETTINGS = {
    "Bridge", "SandboxID", "HairpinMode", "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen",
    "Ports", "SandboxKey", "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID",
    "Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen",
    "IPv6Gateway", "MacAddress", "Networks",
}
ENDPOINT = {
    "IPAMConfig", "Links", "MacAddress", "Aliases", "NetworkID", "EndpointID", "Gateway",
    "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen",
    "DriverOpts", "DNSNames",
}
MOUNT = {"Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation"}
CONTAINER_SUMMARY = {
    "Id", "Names", "Image", "ImageID", "Command", "Created", "Ports", "SizeRw", "SizeRootFs",
    "Labels", "State", "Status", "HostConfig", "NetworkSettings", "Mounts",
}
PORT = {"IP", "PrivatePort", "PublicPort", "Type"}
IMAGE_INSPECT = {
    "Id", "RepoTags", "RepoDigests", "Parent", "Comment", "Created", "DockerVersion",
    "Author", "Config", "Architecture", "Variant", "Os", "OsVersion", "Size", "GraphDriver",
    "RootFS", "Metadata",
}
IMAGE_SUMMARY = {
    "Id", "ParentId", "RepoTags", "RepoDigests", "Created", "Size", "SharedSize", "Labels",
    "Containers",
}
NETWORK = {
    "Name", "Id", "Created", "Scope", "Driver", "EnableIPv6", "IPAM", "Internal",
    "Attachable", "Ingress", "ConfigFrom", "ConfigOnly", "Containers", "Options", "Labels",
    "Peers",
}
NETWORK_CONTAINER = {"Name", "EndpointID", "MacAddress", "IPv4Address", "IPv6Address"}
VOLUME = {
    "Name", "Driver", "Mountpoint", "CreatedAt", "Status", "Labels", "Scope", "ClusterVolume",
    "Options", "UsageData",
}
VERSION = {
    "Platform", "Components", "Version", "ApiVersion", "MinAPIVersion", "GitCommit",
    "GoVersion", "Os", "Arch", "KernelVersion", "Experimental", "BuildTime",
}
EXEC_INSPECT = {
    "CanRemove", "DetachKeys", "ID", "Running", "ExitCode", "ProcessConfig", "OpenStdin",
    "OpenStderr", "OpenStdout", "ContainerID", "Pid",
}


def _undocumented(found: dict[str, Any], documented: set[str]) -> set[str]:
    return set(found) - documented


@pytest.fixture
def busy(fake_docker: FakeDocker) -> Any:
    """A client of a fake holding a running, healthy container with ports, a volume, a network."""
    fake_docker.add_image("web:1", exposed_ports=[80], labels={"tier": "front"},
                          healthcheck={"Test": ["CMD", "true"]})
    fake_docker.program("web:1", health="healthy")
    client = docker.from_env()
    client.networks.create("backend")
    client.containers.run("web:1", name="web", detach=True, ports={80: 8080},
                          volumes={"data": {"bind": "/data", "mode": "rw"}}, network="backend")
    return client


def test_container_inspect_keys(busy: Any) -> None:
    """Every key of a container's inspect data, at every level filled, is documented."""
    attrs = busy.containers.get("web").attrs
    network = attrs["NetworkSettings"]
    assert [
        _undocumented(attrs, CONTAINER_INSPECT), _undocumented(attrs["State"], STATE),
        _undocumented(attrs["State"]["Health"], HEALTH), _undocumented(attrs["Config"], CONFIG),
        _undocumented(attrs["HostConfig"], HOST_CONFIG),
        _undocumented(network, NETWORK_SETTINGS),
        _undocumented(network["Networks"]["backend"], ENDPOINT),
        _undocumented(attrs["Mounts"][0], MOUNT),
    ] == [set()] * 8


def test_container_inspect_fills_what_docker_py_reads(busy: Any) -> None:
    """The properties of docker-py's Container read the fake's data as the daemon's."""
    container = busy.containers.get("web")
    # Container.health is docker-py 7's; docker-py 6 reads the same key by hand
    health = getattr(container, "health", container.attrs["State"]["Health"]["Status"])
    assert (container.name, container.status, health, container.labels,
            container.image.tags, container.ports["80/tcp"][0]) == (
        "web", "running", "healthy", {"tier": "front"}, ["web:1"],
        {"HostIp": "0.0.0.0", "HostPort": "8080"},
    )


def test_container_summary_keys(busy: Any) -> None:
    """Every key of a container listing entry, ports included, is documented."""
    entry = busy.api.containers(size=True)[0]
    assert (_undocumented(entry, CONTAINER_SUMMARY), _undocumented(entry["Ports"][0], PORT)) == (
        set(), set()
    )


def test_image_keys(busy: Any) -> None:
    """Every key of an image's inspect data and listing entry is documented."""
    inspect_data = busy.api.inspect_image("web:1")
    summary = busy.api.images()[0]
    assert (_undocumented(inspect_data, IMAGE_INSPECT),
            _undocumented(inspect_data["Config"], CONFIG),
            _undocumented(summary, IMAGE_SUMMARY)) == (set(), set(), set())


def test_image_fills_what_docker_py_reads(busy: Any) -> None:
    """The properties of docker-py's Image read the fake's data as the daemon's."""
    image = busy.images.get("web:1")
    assert (image.tags, image.labels, image.short_id, image.id.startswith("sha256:"),
            len(image.id)) == (["web:1"], {"tier": "front"}, image.id[:19], True, 71)


def test_network_keys(busy: Any) -> None:
    """Every key of a network's inspect data, its containers included, is documented."""
    data = busy.api.inspect_network("backend")
    member = next(iter(data["Containers"].values()))
    assert (_undocumented(data, NETWORK), _undocumented(member, NETWORK_CONTAINER),
            busy.networks.get("backend").containers[0].name) == (set(), set(), "web")


def test_volume_keys(busy: Any) -> None:
    """Every key of a volume's inspect data is documented; docker-py reads its name."""
    data = busy.api.inspect_volume("data")
    assert (_undocumented(data, VOLUME), busy.volumes.get("data").name) == (set(), "data")


def test_version_keys(busy: Any) -> None:
    """Every key of the version answer is documented, and the API version is 1.45."""
    data = busy.version()
    assert (_undocumented(data, VERSION), data["ApiVersion"], data["MinAPIVersion"]) == (
        set(), "1.45", "1.24"
    )


def test_exec_inspect_keys(fake_docker: FakeDocker, busy: Any) -> None:
    """Every key of an exec's inspect data is documented."""
    fake_docker.program_exec("true")
    exec_id = busy.api.exec_create("web", "true")["Id"]
    busy.api.exec_start(exec_id)
    assert _undocumented(busy.api.exec_inspect(exec_id), EXEC_INSPECT) == set()
