"""The network and volume endpoints.

The daemon starts with its three predefined networks (``bridge``, ``host``, ``none``);
a container joins ``bridge`` unless told otherwise, and gets its address there when
it starts. Volumes named in a container's binds or mounts are created on first use,
as the daemon does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes import _docker_views as views
from turbomock.fakes._docker_errors import DaemonError
from turbomock.fakes._docker_http import Reply, Request, label_matches, truthy
from turbomock.fakes._docker_state import NetworkRecord, VolumeRecord

if TYPE_CHECKING:
    from turbomock.fakes._docker_daemon import Daemon, Route

# --- networks ---------------------------------------------------------------------------------

_NETWORK_FILTERS = ("dangling", "driver", "id", "label", "name", "scope", "type")


def networks(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /networks?filters=...``."""
    engine = daemon.engine
    filters = request.filters(_NETWORK_FILTERS)
    chosen = list(engine.networks.values())
    tests: dict[str, Callable[[NetworkRecord, str], bool]] = {
        "name": lambda n, v: v in n.name,
        "id": lambda n, v: n.id.startswith(v),
        "driver": lambda n, v: n.driver == v,
        "scope": lambda n, v: n.scope == v,
        "type": lambda n, v: n.predefined == (v == "builtin"),
        "dangling": lambda n, v: (not n.predefined and not engine.network_members(n)) == truthy(v),
    }
    for name, values in filters.items():
        if name == "label":
            chosen = [n for n in chosen if label_matches(n.labels, values)]
        else:
            chosen = [n for n in chosen if any(tests[name](n, v) for v in values)]
    return Reply(200, [views.network_inspect(engine, n, with_containers=False) for n in chosen])


def network_inspect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    network = daemon.engine.find_network(groups[0])
    return Reply(200, views.network_inspect(daemon.engine, network, with_containers=True))


def network_create(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /networks/create``; names are unique, as the daemon checks since API 1.44."""
    engine = daemon.engine
    body: dict[str, Any] = request.body or {}
    name = body.get("Name") or ""
    if any(n.name == name for n in engine.networks.values()):
        raise DaemonError(409, msg.network_exists(name))
    network = engine.add_network(name, body.get("Driver") or "bridge")
    network.internal = bool(body.get("Internal"))
    network.attachable = bool(body.get("Attachable"))
    network.ingress = bool(body.get("Ingress"))
    network.enable_ipv6 = bool(body.get("EnableIPv6"))
    network.scope = body.get("Scope") or "local"
    network.labels = dict(body.get("Labels") or {})
    network.options = dict(body.get("Options") or {})
    ipam = body.get("IPAM") or {}
    network.ipam_driver = ipam.get("Driver") or "default"
    network.ipam_options = ipam.get("Options")
    pools = ipam.get("Config") or []
    if pools and pools[0].get("Subnet"):
        network.subnet = pools[0]["Subnet"]
        network.gateway = pools[0].get("Gateway") or network.subnet.rsplit(".", 2)[0] + ".0.1"
    return Reply(201, {"Id": network.id, "Warning": ""})


def network_remove(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    engine = daemon.engine
    network = engine.find_network(groups[0])
    if network.predefined:
        raise DaemonError(403, msg.predefined_network(network.name))
    if engine.network_members(network):
        raise DaemonError(403, msg.network_has_endpoints(network.name, network.id))
    del engine.networks[network.id]
    return Reply.empty()


def network_connect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    engine = daemon.engine
    network = engine.find_network(groups[0])
    body: dict[str, Any] = request.body or {}
    container = engine.find_container(body.get("Container") or "")
    settings = body.get("EndpointConfig") or {}
    engine.connect(container, network, settings.get("Aliases"), settings.get("IPAMConfig"))
    return Reply(200, content=b"", content_type="text/plain")


def network_disconnect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    engine = daemon.engine
    network = engine.find_network(groups[0])
    body: dict[str, Any] = request.body or {}
    container = engine.find_container(body.get("Container") or "")
    if network.id not in container.endpoints:
        raise DaemonError(403, msg.not_connected(container.id, network.id))
    del container.endpoints[network.id]
    return Reply(200, content=b"", content_type="text/plain")


def network_prune(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    engine = daemon.engine
    deleted = []
    for network in list(engine.networks.values()):
        if not network.predefined and not engine.network_members(network):
            del engine.networks[network.id]
            deleted.append(network.name)
    return Reply(200, {"NetworksDeleted": deleted or None})


# --- volumes ----------------------------------------------------------------------------------

_VOLUME_FILTERS = ("dangling", "driver", "label", "name")


def volumes(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /volumes?filters=...``."""
    engine = daemon.engine
    filters = request.filters(_VOLUME_FILTERS)
    chosen = list(engine.volumes.values())
    tests: dict[str, Callable[[VolumeRecord, str], bool]] = {
        "name": lambda v, x: x in v.name,
        "driver": lambda v, x: v.driver == x,
        "dangling": lambda v, x: (not engine.volume_users(v)) == truthy(x),
    }
    for name, values in filters.items():
        if name == "label":
            chosen = [v for v in chosen if label_matches(v.labels, values)]
        else:
            chosen = [v for v in chosen if any(tests[name](v, x) for x in values)]
    return Reply(200, {"Volumes": [views.volume_inspect(v) for v in chosen], "Warnings": None})


def volume_create(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /volumes/create``: an existing name answers with the existing volume."""
    engine = daemon.engine
    body: dict[str, Any] = request.body or {}
    name = body.get("Name") or engine.new_id("volume")
    volume = engine.volumes.get(name)
    if volume is None:
        volume = VolumeRecord(
            name, body.get("Driver") or "local", engine.clock(),
            labels=dict(body.get("Labels") or {}), options=dict(body.get("DriverOpts") or {}),
            anonymous=not body.get("Name"),
        )
        engine.volumes[name] = volume
    return Reply(201, views.volume_inspect(volume))


def volume_inspect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply(200, views.volume_inspect(daemon.engine.find_volume(groups[0])))


def volume_remove(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    engine = daemon.engine
    volume = engine.find_volume(groups[0])
    users = engine.volume_users(volume)
    if users:
        raise DaemonError(409, msg.volume_in_use(volume.name, [c.id for c in users]))
    del engine.volumes[volume.name]
    return Reply.empty()


def volume_prune(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /volumes/prune``: unused anonymous volumes (all unused ones with all=true)."""
    engine = daemon.engine
    filters = request.filters(("all", "label"))
    every = any(truthy(v) for v in filters.get("all", []))
    deleted = []
    for volume in list(engine.volumes.values()):
        if engine.volume_users(volume) or not (every or volume.anonymous):
            continue
        if "label" in filters and not label_matches(volume.labels, filters["label"]):
            continue
        del engine.volumes[volume.name]
        deleted.append(volume.name)
    return Reply(200, {"VolumesDeleted": deleted or None, "SpaceReclaimed": 0})


ROUTES: tuple[Route, ...] = (
    ("GET", r"/networks", networks),
    ("POST", r"/networks/create", network_create),
    ("POST", r"/networks/prune", network_prune),
    ("GET", r"/networks/([^/]+)", network_inspect),
    ("DELETE", r"/networks/([^/]+)", network_remove),
    ("POST", r"/networks/([^/]+)/connect", network_connect),
    ("POST", r"/networks/([^/]+)/disconnect", network_disconnect),
    ("GET", r"/volumes", volumes),
    ("POST", r"/volumes/create", volume_create),
    ("POST", r"/volumes/prune", volume_prune),
    ("GET", r"/volumes/([^/]+)", volume_inspect),
    ("DELETE", r"/volumes/([^/]+)", volume_remove),
)
