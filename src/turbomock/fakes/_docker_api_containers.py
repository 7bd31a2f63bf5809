"""The container and exec endpoints: create, list, inspect, start/stop/kill, wait, logs, exec.

``POST /containers/create`` receives the JSON docker-py built (``Config`` with a
``HostConfig`` and ``NetworkingConfig``) and stores what the daemon stores: the image's
config under the client's, the daemon's host-config defaults, mounts (creating named
and anonymous volumes) and network endpoints. Logs and exec output are framed as the
daemon frames them: raw for a TTY, an 8-byte header per chunk otherwise.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Callable

from turbomock.fakes import _docker_lifecycle as life
from turbomock.fakes import _docker_messages as msg
from turbomock.fakes import _docker_views as views
from turbomock.fakes._docker_errors import DaemonError, FakeDockerError
from turbomock.fakes._docker_http import Reply, Request, RequestTimedOut, label_matches
from turbomock.fakes._docker_names import (
    InvalidReference,
    parse_platform,
    parse_reference,
    rfc3339,
)
from turbomock.fakes._docker_state import (
    STDERR,
    ContainerRecord,
    Engine,
    ImageRecord,
    VolumeRecord,
)

if TYPE_CHECKING:
    from turbomock.fakes._docker_daemon import Daemon, Route


# --- create ---------------------------------------------------------------------------------


def _env(image_env: list[str] | None, own: list[str] | None) -> list[str]:
    merged: dict[str, str] = {}
    for entry in (image_env or []) + (own or []):
        merged[entry.partition("=")[0]] = entry
    return list(merged.values())


def _config(body: dict[str, Any], image: ImageRecord, container_id: str) -> dict[str, Any]:
    """The stored Config: the client's settings over the image's, in the daemon's key order."""
    base = image.content.config
    own_entrypoint = body.get("Entrypoint")
    cmd = body.get("Cmd")
    if cmd is None and own_entrypoint is None:
        cmd = base.get("Cmd")
    if isinstance(cmd, str):
        cmd = [cmd]
    entrypoint = own_entrypoint if own_entrypoint is not None else base.get("Entrypoint")
    if isinstance(entrypoint, str):
        entrypoint = [entrypoint]
    config: dict[str, Any] = {
        "Hostname": body.get("Hostname") or container_id[:12],
        "Domainname": body.get("Domainname") or "",
        "User": body.get("User") or base.get("User", ""),
        "AttachStdin": bool(body.get("AttachStdin")),
        "AttachStdout": bool(body.get("AttachStdout")),
        "AttachStderr": bool(body.get("AttachStderr")),
    }
    exposed = {**(base.get("ExposedPorts") or {}), **(body.get("ExposedPorts") or {})}
    if exposed:
        config["ExposedPorts"] = exposed
    config.update({
        "Tty": bool(body.get("Tty")),
        "OpenStdin": bool(body.get("OpenStdin")),
        "StdinOnce": bool(body.get("StdinOnce")),
        "Env": _env(base.get("Env"), body.get("Env")),
        "Cmd": cmd,
    })
    healthcheck = body.get("Healthcheck") or base.get("Healthcheck")
    if healthcheck:
        config["Healthcheck"] = healthcheck
    config.update({
        "Image": body["Image"],
        "Volumes": body.get("Volumes"),
        "WorkingDir": body.get("WorkingDir") or base.get("WorkingDir", ""),
        "Entrypoint": entrypoint,
        "OnBuild": None,
        "Labels": {**(base.get("Labels") or {}), **(body.get("Labels") or {})},
    })
    for key in ("StopSignal", "StopTimeout"):
        if body.get(key) is not None:
            config[key] = body[key]
    return config


def _volume(engine: Engine, name: str | None) -> VolumeRecord:
    anonymous = not name
    name = name or engine.new_id("volume")
    volume = engine.volumes.get(name)
    if volume is None:
        volume = VolumeRecord(name, "local", engine.clock(), anonymous=anonymous)
        if anonymous:
            volume.labels["com.docker.volume.anonymous"] = ""
        engine.volumes[name] = volume
    return volume


def _volume_mount(volume: VolumeRecord, target: str, mode: str, writable: bool) -> dict[str, Any]:
    return {"Type": "volume", "Name": volume.name, "Source": volume.mountpoint,
            "Destination": target, "Driver": volume.driver, "Mode": mode, "RW": writable,
            "Propagation": ""}


def _mounts(engine: Engine, body: dict[str, Any], host: dict[str, Any]) -> list[dict[str, Any]]:
    mounts: list[dict[str, Any]] = []
    for bind in host.get("Binds") or []:
        source, _, rest = bind.partition(":")
        target, _, mode = rest.partition(":")
        writable = "ro" not in mode.split(",")
        if source.startswith("/"):
            mounts.append({"Type": "bind", "Source": source, "Destination": target,
                           "Mode": mode, "RW": writable, "Propagation": "rprivate"})
        else:
            mounts.append(_volume_mount(_volume(engine, source), target, mode or "z", writable))
    for mount in host.get("Mounts") or []:
        kind, target = mount.get("Type", "volume"), mount.get("Target", "")
        writable = not mount.get("ReadOnly")
        if kind == "volume":
            volume = _volume(engine, mount.get("Source"))
            mounts.append(_volume_mount(volume, target, "z", writable))
        else:
            mounts.append({"Type": kind, "Source": mount.get("Source") or "",
                           "Destination": target, "Mode": "", "RW": writable,
                           "Propagation": "rprivate" if kind == "bind" else ""})
    taken = {m["Destination"] for m in mounts}
    for target in body.get("Volumes") or {}:
        if target not in taken:
            mounts.append(_volume_mount(_volume(engine, None), target, "", True))
    return mounts


def _attach_networks(engine: Engine, container: ContainerRecord, body: dict[str, Any]) -> None:
    mode = container.host_config.get("NetworkMode") or "bridge"
    wanted = dict(((body.get("NetworkingConfig") or {}).get("EndpointsConfig")) or {})
    if not mode.startswith("container:") and mode not in wanted:
        wanted = {mode: {}, **wanted}
    for name, settings in wanted.items():
        network = engine.find_network(name)
        settings = settings or {}
        engine.connect(container, network, settings.get("Aliases"), settings.get("IPAMConfig"))


def create(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /containers/create?name=...&platform=...``."""
    engine = daemon.engine
    body: dict[str, Any] = request.body or {}
    image_ref = body.get("Image") or ""
    image = engine.image_or_none(image_ref)
    if image is None:
        try:
            shown = parse_reference(image_ref).familiar
        except InvalidReference:
            shown = image_ref
        raise DaemonError(404, msg.no_such_image(shown))
    wanted = request.param("platform")
    if wanted:
        try:
            platform = parse_platform(wanted)
        except ValueError as error:
            raise DaemonError(400, str(error)) from None
        if platform != image.content.platform:
            raise DaemonError(404, msg.platform_mismatch(
                image_ref, str(platform), str(image.content.platform)))
    name = request.param("name")
    name = engine.check_name(name) if name else engine.new_name()
    container_id = engine.new_id("container")
    host = views.host_config(body.get("HostConfig") or {})
    container = ContainerRecord(
        id=container_id, name=name, created=engine.clock(), image_ref=image_ref,
        image_id=image.id, platform=image.content.platform,
        config=_config(body, image, container_id), host_config=host,
        mounts=_mounts(engine, body, host),
    )
    _attach_networks(engine, container, body)
    engine.containers[container.id] = container
    return Reply(201, {"Id": container.id, "Warnings": []})


# --- list and inspect -----------------------------------------------------------------------

_CONTAINER_FILTERS = (
    "ancestor", "before", "exited", "expose", "health", "id", "isolation", "is-task",
    "label", "name", "network", "publish", "since", "status", "volume",
)
_NOT_FAKED = ("expose", "isolation", "is-task", "publish")


def _ancestor(engine: Engine, container: ContainerRecord, wanted: str) -> bool:
    image = engine.image_or_none(wanted)
    if image is not None:
        return image.id == container.image_id
    try:
        return parse_reference(wanted).familiar == parse_reference(container.image_ref).familiar
    except InvalidReference:
        return False


def _keep(engine: Engine, container: ContainerRecord, name: str, values: list[str]) -> bool:
    if name == "label":
        return label_matches(container.config.get("Labels"), values)
    checks: dict[str, Callable[[str], bool]] = {
        "id": lambda v: container.id.startswith(v),
        "name": lambda v: v.lstrip("/") in container.name,
        "status": lambda v: container.status == v,
        "exited": lambda v: container.status == "exited" and str(container.exit_code) == v,
        "ancestor": lambda v: _ancestor(engine, container, v),
        "health": lambda v: (container.health or "none") == v,
        "network": lambda v: any(
            engine.find_network(v).id == n for n in container.endpoints
        ) if v else False,
        "volume": lambda v: any(
            v in (m.get("Name"), m.get("Destination")) for m in container.mounts
        ),
    }
    return any(checks[name](value) for value in values)


def listing(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /containers/json?all=...&limit=...&since=...&before=...&filters=...``."""
    engine = daemon.engine
    filters = request.filters(_CONTAINER_FILTERS)
    for name in _NOT_FAKED:
        if name in filters:
            raise FakeDockerError(msg.filter_not_faked(name))
    ordered = list(engine.sorted_containers())
    since = [request.param("since"), *filters.pop("since", [])]
    before = [request.param("before"), *filters.pop("before", [])]
    limit = int(request.param("limit") or -1)
    show_all = request.flag("all") or limit > 0 or any(since) or any(before)
    for pivot_name in filter(None, since):
        pivot = ordered.index(engine.find_container(pivot_name))
        ordered = ordered[:pivot]
    for pivot_name in filter(None, before):
        pivot = ordered.index(engine.find_container(pivot_name))
        ordered = ordered[pivot + 1:]
    if not show_all and "status" not in filters and "exited" not in filters:
        ordered = [c for c in ordered if c.running]
    for name, values in filters.items():
        ordered = [c for c in ordered if _keep(engine, c, name, values)]
    if limit > 0:
        ordered = ordered[:limit]
    size = request.flag("size")
    return Reply(200, [views.container_summary(engine, c, size) for c in ordered])


def inspect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /containers/{id}/json``."""
    container = daemon.engine.find_container(groups[0])
    return Reply(200, views.container_inspect(daemon.engine, container))


# --- lifecycle --------------------------------------------------------------------------------


def start(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply.empty(life.start(daemon.engine, daemon.engine.find_container(groups[0])))


def stop(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    return Reply.empty(life.stop(daemon.engine, daemon.engine.find_container(groups[0])))


def restart(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    life.restart(daemon.engine, daemon.engine.find_container(groups[0]))
    return Reply.empty()


def kill(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    container = daemon.engine.find_container(groups[0])
    life.kill(daemon.engine, container, groups[0], request.param("signal"))
    return Reply.empty()


def pause(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    life.pause(daemon.engine.find_container(groups[0]))
    return Reply.empty()


def unpause(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    life.unpause(daemon.engine.find_container(groups[0]))
    return Reply.empty()


def wait(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /containers/{id}/wait?condition=...``; times out as the client's read would."""
    container = daemon.engine.find_container(groups[0])
    answer = life.wait(container, request.param("condition"), request.timeout)
    if answer is None:
        raise RequestTimedOut()
    return Reply(200, answer)


def remove(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    container = daemon.engine.find_container(groups[0])
    life.remove(daemon.engine, container, force=request.flag("force"), volumes=request.flag("v"))
    return Reply.empty()


def rename(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    container = daemon.engine.find_container(groups[0])
    container.name = daemon.engine.check_name(request.param("name") or "")
    return Reply.empty()


def prune(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /containers/prune``: every container that is not running."""
    engine = daemon.engine
    filters = request.filters(("label", "until"))
    if "until" in filters:
        raise FakeDockerError(msg.filter_not_faked("until"))
    deleted = []
    for container in list(engine.containers.values()):
        if container.running:
            continue
        labels = container.config.get("Labels")
        if "label" in filters and not label_matches(labels, filters["label"]):
            continue
        life.remove(engine, container, force=False, volumes=False)
        deleted.append(container.id)
    return Reply(200, {"ContainersDeleted": deleted or None, "SpaceReclaimed": 0})


# --- logs and exec --------------------------------------------------------------------------


def frame(stream: int, data: bytes) -> bytes:
    """One chunk of a multiplexed stream: stream id, three zero bytes, big-endian length."""
    return struct.pack(">BxxxL", stream, len(data)) + data


def _since(value: str | None) -> float | None:
    return float(value) if value not in (None, "", "0") else None


def logs(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /containers/{id}/logs``: the log as the json-file driver kept it."""
    engine = daemon.engine
    container = engine.find_container(groups[0])
    wanted = {1: request.flag("stdout"), STDERR: request.flag("stderr")}
    tail = request.param("tail") or "all"
    if tail != "all" and not tail.lstrip("-").isdigit():
        raise DaemonError(400, msg.invalid_tail(tail))
    since, until = _since(request.param("since")), _since(request.param("until"))
    entries = [
        entry for entry in container.logs
        if wanted[entry[1]]
        and (since is None or entry[0] >= since)
        and (until is None or entry[0] <= until)
    ]
    if tail != "all" and int(tail) >= 0:
        entries = entries[len(entries) - int(tail):] if int(tail) else []
    stamps = request.flag("timestamps")
    tty = bool(container.config.get("Tty"))
    follow = request.flag("follow") and container.running
    name = container.name

    def chunks() -> Iterator[bytes]:
        for when, stream, line in entries:
            data = (rfc3339(when).encode() + b" " + line) if stamps else line
            yield data if tty else frame(stream, data)
        if follow:
            raise FakeDockerError(msg.wait_forever("logs(follow=True)", name))

    kind = "application/vnd.docker.raw-stream" if tty else (
        "application/vnd.docker.multiplexed-stream"
    )
    return Reply.stream(chunks(), kind)


def exec_create(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    container = daemon.engine.find_container(groups[0])
    exec_ = life.exec_create(daemon.engine, container, request.body or {})
    return Reply(201, {"Id": exec_.id})


def exec_start(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /exec/{id}/start``: runs the declared command to its end and sends its output."""
    engine = daemon.engine
    exec_ = engine.find_exec(groups[0])
    body = request.body or {}
    frames = life.exec_start(engine, exec_)
    if body.get("Detach"):
        return Reply(200, content=b"", content_type="application/json")
    tty = bool(body.get("Tty") or exec_.tty)
    chunks = [data if tty else frame(stream, data) for stream, data in frames]
    kind = "application/vnd.docker.raw-stream" if tty else (
        "application/vnd.docker.multiplexed-stream"
    )
    return Reply.stream(chunks, kind)


def exec_inspect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    exec_ = daemon.engine.find_exec(groups[0])
    return Reply(200, {
        "CanRemove": False,
        "ContainerID": exec_.container_id,
        "DetachKeys": "",
        "ExitCode": exec_.exit_code,
        "ID": exec_.id,
        "OpenStderr": exec_.stderr,
        "OpenStdin": exec_.stdin,
        "OpenStdout": exec_.stdout,
        "ProcessConfig": {
            "arguments": exec_.command[1:],
            "entrypoint": exec_.command[0] if exec_.command else "",
            "privileged": exec_.privileged,
            "tty": exec_.tty,
            "user": exec_.user,
        },
        "Running": exec_.running,
        "Pid": exec_.pid,
    })


ROUTES: tuple[Route, ...] = (
    ("POST", r"/containers/create", create),
    ("GET", r"/containers/json", listing),
    ("POST", r"/containers/prune", prune),
    ("GET", r"/containers/([^/]+)/json", inspect),
    ("POST", r"/containers/([^/]+)/start", start),
    ("POST", r"/containers/([^/]+)/stop", stop),
    ("POST", r"/containers/([^/]+)/restart", restart),
    ("POST", r"/containers/([^/]+)/kill", kill),
    ("POST", r"/containers/([^/]+)/pause", pause),
    ("POST", r"/containers/([^/]+)/unpause", unpause),
    ("POST", r"/containers/([^/]+)/wait", wait),
    ("POST", r"/containers/([^/]+)/rename", rename),
    ("GET", r"/containers/([^/]+)/logs", logs),
    ("POST", r"/containers/([^/]+)/exec", exec_create),
    ("DELETE", r"/containers/([^/]+)", remove),
    ("POST", r"/exec/([^/]+)/start", exec_start),
    ("GET", r"/exec/([^/]+)/json", exec_inspect),
)
