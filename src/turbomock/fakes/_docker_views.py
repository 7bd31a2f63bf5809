"""The JSON the daemon sends about each object, built from the engine's records.

Shapes and key names are those of the Engine API 1.45 (``GET /containers/{id}/json``,
``/containers/json``, ``/images/{name}/json``, ``/images/json``, ``/networks/{id}``,
``/volumes/{name}``, ``/version``, ``/info``); docker-py's models read them as
``attrs``. The tests check every key against the API's schema.
"""

from __future__ import annotations

from typing import Any

from turbomock.fakes._docker_names import (
    ZERO_TIME,
    human_duration,
    kernel_architecture,
    rfc3339,
)
from turbomock.fakes._docker_state import (
    ContainerRecord,
    Endpoint,
    Engine,
    ImageRecord,
    NetworkRecord,
    VolumeRecord,
)

ENGINE_VERSION = "26.1.4"
API_VERSION = "1.45"
MIN_API_VERSION = "1.24"
_GO_VERSION = "go1.21.11"
_COMMIT = "de5c9cf"
_BUILD_TIME = "2024-06-05T11:29:00.000000000+00:00"

_HOST_CONFIG_DEFAULTS: dict[str, Any] = {
    "Binds": None,
    "ContainerIDFile": "",
    "LogConfig": {"Type": "json-file", "Config": {}},
    "NetworkMode": "bridge",
    "PortBindings": {},
    "RestartPolicy": {"Name": "no", "MaximumRetryCount": 0},
    "AutoRemove": False,
    "VolumeDriver": "",
    "VolumesFrom": None,
    "CapAdd": None,
    "CapDrop": None,
    "CgroupnsMode": "private",
    "Dns": [],
    "DnsOptions": [],
    "DnsSearch": [],
    "ExtraHosts": None,
    "GroupAdd": None,
    "IpcMode": "private",
    "Links": None,
    "OomScoreAdj": 0,
    "PidMode": "",
    "Privileged": False,
    "PublishAllPorts": False,
    "ReadonlyRootfs": False,
    "SecurityOpt": None,
    "UTSMode": "",
    "UsernsMode": "",
    "ShmSize": 67108864,
    "Runtime": "runc",
    "Isolation": "",
    "CpuShares": 0,
    "Memory": 0,
    "NanoCpus": 0,
    "CgroupParent": "",
    "Devices": [],
    "MemoryReservation": 0,
    "MemorySwap": 0,
    "Init": None,
}


def host_config(sent: dict[str, Any]) -> dict[str, Any]:
    """The HostConfig the daemon stores: what the client sent, over the daemon's defaults."""
    merged = {**_HOST_CONFIG_DEFAULTS, **sent}
    if merged.get("NetworkMode") in (None, "", "default"):
        merged["NetworkMode"] = "bridge"
    return merged


# --- containers ---------------------------------------------------------------------------


def _state(container: ContainerRecord) -> dict[str, Any]:
    state: dict[str, Any] = {
        "Status": container.status,
        "Running": container.running,
        "Paused": container.status == "paused",
        "Restarting": container.status == "restarting",
        "OOMKilled": container.oom_killed,
        "Dead": container.status == "dead",
        "Pid": container.pid,
        "ExitCode": container.exit_code,
        "Error": container.error,
        "StartedAt": rfc3339(container.started_at) if container.started_at else ZERO_TIME,
        "FinishedAt": rfc3339(container.finished_at) if container.finished_at else ZERO_TIME,
    }
    if container.health is not None:
        state["Health"] = {"Status": container.health, "FailingStreak": 0, "Log": []}
    return state


def _endpoint(engine: Engine, container: ContainerRecord, endpoint: Endpoint) -> dict[str, Any]:
    network = engine.networks.get(endpoint.network_id)
    live = container.running and network is not None and bool(network.subnet)
    return {
        "IPAMConfig": endpoint.ipam_config,
        "Links": None,
        "Aliases": endpoint.aliases,
        "MacAddress": endpoint.mac if live else "",
        "NetworkID": endpoint.network_id,
        "EndpointID": endpoint.endpoint_id if container.running else "",
        "Gateway": network.gateway if live and network else "",
        "IPAddress": endpoint.ip if live else "",
        "IPPrefixLen": 16 if live else 0,
        "IPv6Gateway": "",
        "GlobalIPv6Address": "",
        "GlobalIPv6PrefixLen": 0,
        "DriverOpts": None,
        "DNSNames": None,
    }


def _networks(engine: Engine, container: ContainerRecord) -> dict[str, Any]:
    named = {}
    for endpoint in container.endpoints.values():
        network = engine.networks.get(endpoint.network_id)
        if network is not None:
            named[network.name] = _endpoint(engine, container, endpoint)
    return named


def _ports(container: ContainerRecord) -> dict[str, Any]:
    if not container.running:
        return {}
    ports: dict[str, Any] = dict.fromkeys(container.config.get("ExposedPorts") or {})
    ports.update(container.host_ports)
    return ports


def container_inspect(engine: Engine, container: ContainerRecord) -> dict[str, Any]:
    """``GET /containers/{id}/json``."""
    command = (container.config.get("Entrypoint") or []) + (container.config.get("Cmd") or [])
    networks = _networks(engine, container)
    bridge = networks.get("bridge", {})
    folder = f"/var/lib/docker/containers/{container.id}"
    layer = container.id
    return {
        "Id": container.id,
        "Created": rfc3339(container.created),
        "Path": command[0] if command else "",
        "Args": command[1:],
        "State": _state(container),
        "Image": container.image_id,
        "ResolvConfPath": f"{folder}/resolv.conf",
        "HostnamePath": f"{folder}/hostname",
        "HostsPath": f"{folder}/hosts",
        "LogPath": f"{folder}/{container.id}-json.log",
        "Name": f"/{container.name}",
        "RestartCount": container.restart_count,
        "Driver": "overlay2",
        "Platform": container.platform.os,
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "",
        "ExecIDs": [
            e for e in container.exec_ids if e in engine.execs and engine.execs[e].running
        ] or None,
        "HostConfig": container.host_config,
        "GraphDriver": {
            "Data": {
                "LowerDir": f"/var/lib/docker/overlay2/{layer}-init/diff",
                "MergedDir": f"/var/lib/docker/overlay2/{layer}/merged",
                "UpperDir": f"/var/lib/docker/overlay2/{layer}/diff",
                "WorkDir": f"/var/lib/docker/overlay2/{layer}/work",
            },
            "Name": "overlay2",
        },
        "Mounts": container.mounts,
        "Config": container.config,
        "NetworkSettings": {
            "Bridge": "",
            "SandboxID": container.id[::-1] if container.running else "",
            "SandboxKey": f"/var/run/docker/netns/{container.id[:12]}" if container.running else "",
            "Ports": _ports(container),
            "HairpinMode": False,
            "LinkLocalIPv6Address": "",
            "LinkLocalIPv6PrefixLen": 0,
            "SecondaryIPAddresses": None,
            "SecondaryIPv6Addresses": None,
            "EndpointID": bridge.get("EndpointID", ""),
            "Gateway": bridge.get("Gateway", ""),
            "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0,
            "IPAddress": bridge.get("IPAddress", ""),
            "IPPrefixLen": bridge.get("IPPrefixLen", 0),
            "IPv6Gateway": "",
            "MacAddress": bridge.get("MacAddress", ""),
            "Networks": networks,
        },
    }


def status_text(engine: Engine, container: ContainerRecord) -> str:
    """``docker ps``'s STATUS column: "Up 3 seconds (healthy)", "Exited (1) 2 minutes ago"."""
    now = engine.clock()
    if container.status == "created":
        return "Created"
    if container.status == "dead":
        return "Dead"
    if container.status in ("exited", "restarting"):
        since = human_duration(now - (container.finished_at or now))
        word = "Exited" if container.status == "exited" else "Restarting"
        return f"{word} ({container.exit_code}) {since} ago"
    text = f"Up {human_duration(now - (container.started_at or now))}"
    if container.status == "paused":
        return text + " (Paused)"
    if container.health == "starting":
        return text + " (health: starting)"
    if container.health is not None:
        return text + f" ({container.health})"
    return text


def _summary_ports(container: ContainerRecord) -> list[dict[str, Any]]:
    ports: list[dict[str, Any]] = []
    for key, bindings in sorted(_ports(container).items()):
        number, _, kind = key.partition("/")
        if not bindings:
            ports.append({"PrivatePort": int(number), "Type": kind})
        for binding in bindings or []:
            ports.append({
                "IP": binding["HostIp"], "PrivatePort": int(number),
                "PublicPort": int(binding["HostPort"]), "Type": kind,
            })
    return ports


def container_summary(engine: Engine, container: ContainerRecord, size: bool) -> dict[str, Any]:
    """One entry of ``GET /containers/json``."""
    command = (container.config.get("Entrypoint") or []) + (container.config.get("Cmd") or [])
    summary: dict[str, Any] = {
        "Id": container.id,
        "Names": [f"/{container.name}"],
        "Image": container.image_ref,
        "ImageID": container.image_id,
        "Command": " ".join(command),
        "Created": int(container.created),
        "Ports": _summary_ports(container),
        "Labels": container.config.get("Labels") or {},
        "State": container.status,
        "Status": status_text(engine, container),
        "HostConfig": {"NetworkMode": container.host_config.get("NetworkMode", "bridge")},
        "NetworkSettings": {"Networks": _networks(engine, container)},
        "Mounts": container.mounts,
    }
    if size:
        summary["SizeRw"] = 0
        summary["SizeRootFs"] = engine.images[container.image_id].content.size if (
            container.image_id in engine.images
        ) else 0
    return summary


# --- images -------------------------------------------------------------------------------


def _image_config(image: ImageRecord) -> dict[str, Any]:
    config = dict(image.content.config)
    shaped: dict[str, Any] = {
        "Hostname": "", "Domainname": "", "User": config.get("User", ""),
        "AttachStdin": False, "AttachStdout": False, "AttachStderr": False,
    }
    if config.get("ExposedPorts"):
        shaped["ExposedPorts"] = config["ExposedPorts"]
    shaped.update({
        "Tty": False, "OpenStdin": False, "StdinOnce": False,
        "Env": config.get("Env"), "Cmd": config.get("Cmd"),
    })
    if config.get("Healthcheck"):
        shaped["Healthcheck"] = config["Healthcheck"]
    shaped.update({
        "Image": "", "Volumes": None, "WorkingDir": config.get("WorkingDir", ""),
        "Entrypoint": config.get("Entrypoint"), "OnBuild": None, "Labels": config.get("Labels"),
    })
    return shaped


def image_inspect(image: ImageRecord) -> dict[str, Any]:
    """``GET /images/{name}/json``."""
    platform = image.content.platform
    inspect: dict[str, Any] = {
        "Id": image.id,
        "RepoTags": list(image.tags),
        "RepoDigests": list(image.digests),
        "Parent": "",
        "Comment": "",
        "Created": rfc3339(image.content.created),
        "DockerVersion": "",
        "Author": "",
        "Config": _image_config(image),
        "Architecture": platform.architecture,
    }
    if platform.variant:
        inspect["Variant"] = platform.variant
    inspect.update({
        "Os": platform.os,
        "Size": image.content.size,
        "GraphDriver": {
            "Data": {
                "MergedDir": f"/var/lib/docker/overlay2/{image.id[7:]}/merged",
                "UpperDir": f"/var/lib/docker/overlay2/{image.id[7:]}/diff",
                "WorkDir": f"/var/lib/docker/overlay2/{image.id[7:]}/work",
            },
            "Name": "overlay2",
        },
        "RootFS": {"Type": "layers", "Layers": [digest for digest, _ in image.content.layers]},
        "Metadata": {
            "LastTagTime": rfc3339(image.last_tag_time) if image.last_tag_time else ZERO_TIME
        },
    })
    return inspect


def image_summary(engine: Engine, image: ImageRecord) -> dict[str, Any]:
    """One entry of ``GET /images/json``."""
    return {
        "Containers": -1,
        "Created": int(image.content.created),
        "Id": image.id,
        "Labels": image.content.config.get("Labels") or {},
        "ParentId": "",
        "RepoDigests": list(image.digests),
        "RepoTags": list(image.tags),
        "SharedSize": -1,
        "Size": image.content.size,
    }


# --- networks and volumes ------------------------------------------------------------------


def network_inspect(
    engine: Engine, network: NetworkRecord, with_containers: bool
) -> dict[str, Any]:
    """``GET /networks/{id}`` (with its containers) or an entry of ``GET /networks``."""
    members: dict[str, Any] = {}
    if with_containers:
        for container in engine.network_members(network):
            endpoint = container.endpoints[network.id]
            if not container.running:
                continue
            members[container.id] = {
                "Name": container.name,
                "EndpointID": endpoint.endpoint_id,
                "MacAddress": endpoint.mac,
                "IPv4Address": f"{endpoint.ip}/16" if endpoint.ip else "",
                "IPv6Address": "",
            }
    ipam_config = [{"Subnet": network.subnet, "Gateway": network.gateway}] if network.subnet else []
    return {
        "Name": network.name,
        "Id": network.id,
        "Created": rfc3339(network.created),
        "Scope": network.scope,
        "Driver": network.driver,
        "EnableIPv6": network.enable_ipv6,
        "IPAM": {"Driver": network.ipam_driver, "Options": network.ipam_options,
                 "Config": ipam_config},
        "Internal": network.internal,
        "Attachable": network.attachable,
        "Ingress": network.ingress,
        "ConfigFrom": {"Network": ""},
        "ConfigOnly": False,
        "Containers": members,
        "Options": dict(network.options),
        "Labels": dict(network.labels),
    }


def volume_inspect(volume: VolumeRecord) -> dict[str, Any]:
    """``GET /volumes/{name}``."""
    return {
        "CreatedAt": rfc3339(volume.created).split(".")[0] + "Z",
        "Driver": volume.driver,
        "Labels": dict(volume.labels) or None,
        "Mountpoint": volume.mountpoint,
        "Name": volume.name,
        "Options": dict(volume.options) or None,
        "Scope": "local",
    }


# --- the daemon itself -----------------------------------------------------------------------


def version(engine: Engine) -> dict[str, Any]:
    """``GET /version``."""
    details = {
        "ApiVersion": API_VERSION, "Arch": engine.platform.architecture,
        "BuildTime": _BUILD_TIME, "Experimental": "false", "GitCommit": _COMMIT,
        "GoVersion": _GO_VERSION, "KernelVersion": "6.8.0-turbomock", "MinAPIVersion":
        MIN_API_VERSION, "Os": engine.platform.os,
    }
    return {
        "Platform": {"Name": f"Docker Engine - Community (turbomock fake {ENGINE_VERSION})"},
        "Components": [{"Name": "Engine", "Version": ENGINE_VERSION, "Details": details}],
        "Version": ENGINE_VERSION,
        "ApiVersion": API_VERSION,
        "MinAPIVersion": MIN_API_VERSION,
        "GitCommit": _COMMIT,
        "GoVersion": _GO_VERSION,
        "Os": engine.platform.os,
        "Arch": engine.platform.architecture,
        "KernelVersion": "6.8.0-turbomock",
        "BuildTime": _BUILD_TIME,
    }


def info(engine: Engine) -> dict[str, Any]:
    """``GET /info``: the counts are live, the rest describes a plain Linux host."""
    statuses = [c.status for c in engine.containers.values()]
    return {
        "ID": "TURB:OMOC:KFAK:EDOC:KERE:NGIN:E000:0000:0000:0000:0000:0000",
        "Containers": len(statuses),
        "ContainersRunning": statuses.count("running"),
        "ContainersPaused": statuses.count("paused"),
        "ContainersStopped": len(statuses) - statuses.count("running") - statuses.count("paused"),
        "Images": len(engine.images),
        "Driver": "overlay2",
        "DriverStatus": [["Backing Filesystem", "extfs"], ["Supports d_type", "true"]],
        "Plugins": {"Volume": ["local"], "Network": ["bridge", "host", "null"],
                    "Log": ["json-file", "journald", "local"]},
        "MemoryLimit": True,
        "SwapLimit": True,
        "CpuCfsPeriod": True,
        "CpuCfsQuota": True,
        "IPv4Forwarding": True,
        "Debug": False,
        "NFd": 30,
        "NGoroutines": 40,
        "SystemTime": rfc3339(engine.clock()),
        "LoggingDriver": "json-file",
        "CgroupDriver": "systemd",
        "CgroupVersion": "2",
        "KernelVersion": "6.8.0-turbomock",
        "OperatingSystem": "turbomock fake Docker Engine",
        "OSType": engine.platform.os,
        "Architecture": kernel_architecture(engine.platform),
        "IndexServerAddress": "https://index.docker.io/v1/",
        "RegistryConfig": {"IndexConfigs": {}, "InsecureRegistryCIDRs": ["127.0.0.0/8"],
                           "Mirrors": []},
        "NCPU": 4,
        "MemTotal": 8_000_000_000,
        "DockerRootDir": "/var/lib/docker",
        "Name": "turbomock",
        "Labels": [],
        "ExperimentalBuild": False,
        "ServerVersion": ENGINE_VERSION,
        "Runtimes": {"runc": {"path": "runc"}},
        "DefaultRuntime": "runc",
        "Swarm": {"NodeID": "", "NodeAddr": "", "LocalNodeState": "inactive",
                  "ControlAvailable": False, "Error": "", "RemoteManagers": None},
        "LiveRestoreEnabled": False,
        "Isolation": "",
        "InitBinary": "docker-init",
        "SecurityOptions": ["name=seccomp,profile=builtin", "name=cgroupns"],
        "Warnings": None,
    }
