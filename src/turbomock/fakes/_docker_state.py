"""The engine's state: images, containers, networks, volumes and execs, held in memory.

Every request of every client of one fake reads and writes this one ``Engine``, so the
high-level and low-level APIs always agree. Records hold facts (a container's
config, status, exit code, log lines); the JSON the daemon would send is built from
them on demand (``_docker_views``). One re-entrant lock guards the whole state: the
code under test may call the SDK from several threads (an executor, say), and a
request's reads and writes must not interleave with another's.

Lookups follow the daemon: an image by reference, digest, full id or unique id prefix;
a container, network or exec by id, name or unique id prefix.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_errors import DaemonError
from turbomock.fakes._docker_names import (
    InvalidReference,
    Platform,
    Reference,
    bare_id,
    digest_of,
    looks_like_id,
    parse_reference,
)
from turbomock.fakes._docker_registry import ImageContent, Registry

STATUSES = ("created", "running", "paused", "restarting", "exited", "dead")
HEALTH_STATUSES = ("starting", "healthy", "unhealthy")
STDOUT, STDERR = 1, 2
_NAME = re.compile(r"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
_ADJECTIVES = ("admiring", "brave", "clever", "dreamy", "eager", "festive", "gallant", "happy")
_SURNAMES = ("curie", "hopper", "lovelace", "noether", "ritchie", "turing", "wozniak", "yonath")


def _generated_name(serial: int) -> str:
    """The ``serial``-th name of the series (``adjective_surname``, then numbered)."""
    adjective = _ADJECTIVES[serial % len(_ADJECTIVES)]
    surname = _SURNAMES[serial // len(_ADJECTIVES) % len(_SURNAMES)]
    name = f"{adjective}_{surname}"
    if serial >= len(_ADJECTIVES) * len(_SURNAMES):
        name += str(serial // (len(_ADJECTIVES) * len(_SURNAMES)))
    return name


@dataclass
class ImageRecord:
    """A local image: its content, the tags and digests that name it, when it was last tagged."""

    content: ImageContent
    tags: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    last_tag_time: float | None = None

    @property
    def id(self) -> str:
        return self.content.image_id


@dataclass
class Endpoint:
    """A container's place on a network."""

    network_id: str
    endpoint_id: str
    ip: str
    mac: str
    aliases: list[str] | None = None
    ipam_config: dict[str, Any] | None = None


@dataclass
class Program:
    """What a container's main process does when started: declared with ``fake.program``."""

    image: str
    command: list[str] | None = None
    exit_code: int | None = None
    stdout: bytes = b""
    stderr: bytes = b""
    health: str | None = None
    stop_exit_code: int = 0

    @property
    def runs_until_stopped(self) -> bool:
        return self.exit_code is None


@dataclass
class ExecProgram:
    """What a command run with ``exec`` prints and returns: declared with ``fake.program_exec``."""

    command: list[str]
    container: str | None = None
    exit_code: int = 0
    stdout: bytes = b""
    stderr: bytes = b""


@dataclass
class ContainerRecord:
    """A container: its configuration as the daemon stores it, its state, its log."""

    id: str
    name: str
    created: float
    image_ref: str
    image_id: str
    platform: Platform
    config: dict[str, Any]
    host_config: dict[str, Any]
    mounts: list[dict[str, Any]]
    status: str = "created"
    exit_code: int = 0
    pid: int = 0
    started_at: float | None = None
    finished_at: float | None = None
    oom_killed: bool = False
    error: str = ""
    health: str | None = None
    restart_count: int = 0
    logs: list[tuple[float, int, bytes]] = field(default_factory=list)
    endpoints: dict[str, Endpoint] = field(default_factory=dict)
    host_ports: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    exec_ids: list[str] = field(default_factory=list)
    program: Program | None = None

    @property
    def running(self) -> bool:
        return self.status in ("running", "paused", "restarting")

    def log(self, when: float, stream: int, data: bytes) -> None:
        """Append output as the logging driver stores it: one entry per line."""
        for line in data.splitlines(keepends=True):
            self.logs.append((when, stream, line))


@dataclass
class NetworkRecord:
    id: str
    name: str
    driver: str
    created: float
    subnet: str
    gateway: str
    scope: str = "local"
    internal: bool = False
    attachable: bool = False
    ingress: bool = False
    enable_ipv6: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    ipam_driver: str = "default"
    ipam_options: dict[str, str] | None = None
    predefined: bool = False
    next_host: int = 2


@dataclass
class VolumeRecord:
    name: str
    driver: str
    created: float
    labels: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    anonymous: bool = False

    @property
    def mountpoint(self) -> str:
        return f"/var/lib/docker/volumes/{self.name}/_data"


@dataclass
class ExecRecord:
    id: str
    container_id: str
    command: list[str]
    tty: bool
    stdout: bool
    stderr: bool
    stdin: bool
    privileged: bool
    user: str
    workdir: str | None
    env: list[str] | None
    running: bool = False
    exit_code: int | None = None
    pid: int = 0


R = TypeVar("R")


class Engine:
    """All state of one fake daemon, and the lookups every endpoint shares."""

    def __init__(
        self, clock: Callable[[], float], registry: Registry, platform: Platform
    ) -> None:
        self.clock = clock
        self.registry = registry
        self.platform = platform
        self.lock = threading.RLock()
        self.images: dict[str, ImageRecord] = {}
        self.containers: dict[str, ContainerRecord] = {}
        self.networks: dict[str, NetworkRecord] = {}
        self.volumes: dict[str, VolumeRecord] = {}
        self.execs: dict[str, ExecRecord] = {}
        self.programs: list[Program] = []
        self.exec_programs: list[ExecProgram] = []
        self._serial = itertools.count(1)
        self._pids = itertools.count(4242)
        self._host_ports = itertools.count(32768)
        self._subnets = itertools.count(18)
        for name, driver in (("bridge", "bridge"), ("host", "host"), ("none", "null")):
            network = self.add_network(name, driver, predefined=True)
            if name == "bridge":
                network.subnet, network.gateway = "172.17.0.0/16", "172.17.0.1"

    # --- ids and counters ----------------------------------------------------------------

    def new_id(self, kind: str) -> str:
        """A 64-hex id, stable from run to run: tests can pin what they print."""
        return bare_id(digest_of(kind, next(self._serial)))

    def new_pid(self) -> int:
        return next(self._pids)

    def new_host_port(self) -> str:
        return str(next(self._host_ports))

    def new_name(self) -> str:
        """The first free generated name, from the container count on (the series is
        endless, so ``next`` always finds one)."""
        names = map(_generated_name, itertools.count(len(self.containers)))
        return next(name for name in names if self.container_by_name(name) is None)

    # --- images --------------------------------------------------------------------------

    def find_image(self, text: str) -> ImageRecord:
        """The image ``text`` names (reference, digest, id, id prefix), or the daemon's 404."""
        found = self.image_or_none(text)
        if found is None:
            shown = text
            if not looks_like_id(text):
                try:
                    shown = parse_reference(text).familiar
                except InvalidReference:
                    pass
            raise DaemonError(404, msg.no_such_image(shown))
        return found

    def image_or_none(self, text: str) -> ImageRecord | None:
        if text.startswith("sha256:") and len(text) == 71:
            return self.images.get(text)
        try:
            ref = parse_reference(text)
        except InvalidReference:
            ref = None
        if ref is not None:
            found = self.image_by_reference(ref)
            if found is not None:
                return found
        if looks_like_id(text):
            return self._unique(
                [img for img in self.images.values() if bare_id(img.id).startswith(bare_id(text))],
                text,
            )
        return None

    def image_by_reference(self, ref: Reference) -> ImageRecord | None:
        for image in self.images.values():
            if ref.digest is not None:
                if f"{ref.repository}@{ref.digest}" in image.digests:
                    return image
            elif ref.familiar in image.tags:
                return image
        return None

    def store_image(self, content: ImageContent) -> ImageRecord:
        """The record for ``content``, made if new (equal content is one image, as with ids)."""
        image = self.images.get(content.image_id)
        if image is None:
            image = self.images[content.image_id] = ImageRecord(content)
        return image

    def tag_image(self, image: ImageRecord, familiar: str) -> None:
        """Point the tag at ``image``, taking it from any image that had it."""
        for other in self.images.values():
            if other is not image and familiar in other.tags:
                other.tags.remove(familiar)
        if familiar not in image.tags:
            image.tags.append(familiar)
        image.last_tag_time = self.clock()

    def local_layers(self) -> set[str]:
        return {digest for image in self.images.values() for digest, _ in image.content.layers}

    def containers_of(self, image: ImageRecord) -> list[ContainerRecord]:
        return [c for c in self.containers.values() if c.image_id == image.id]

    # --- containers ----------------------------------------------------------------------

    def find_container(self, text: str) -> ContainerRecord:
        found = self.container_by_name(text) or self.containers.get(text)
        if found is None and text and re.fullmatch(r"[0-9a-f]{1,64}", text):
            prefixed = [c for c in self.containers.values() if c.id.startswith(text)]
            found = self._unique(prefixed, text)
        if found is None:
            raise DaemonError(404, msg.no_such_container(text))
        return found

    def container_by_name(self, name: str) -> ContainerRecord | None:
        bare = name[1:] if name.startswith("/") else name
        for container in self.containers.values():
            if container.name == bare:
                return container
        return None

    def check_name(self, name: str) -> str:
        if not _NAME.match(name):
            raise DaemonError(400, msg.invalid_container_name(name))
        bare = name.lstrip("/")
        taken = self.container_by_name(bare)
        if taken is not None:
            raise DaemonError(409, msg.name_in_use(bare, taken.id))
        return bare

    def program_for(self, container: ContainerRecord) -> Program | None:
        """The most specific program declared for the container's image (and command)."""
        command = (container.config.get("Entrypoint") or []) + (container.config.get("Cmd") or [])
        best: Program | None = None
        for program in self.programs:
            if not self._names_image(program.image, container):
                continue
            if program.command is not None and program.command not in (
                command, container.config.get("Cmd") or []
            ):
                continue
            if best is None or (best.command is None and program.command is not None):
                best = program
            elif (best.command is None) == (program.command is None):
                best = program  # the later declaration wins
        return best

    def _names_image(self, text: str, container: ContainerRecord) -> bool:
        image = self.image_or_none(text)
        if image is not None:
            return image.id == container.image_id
        try:
            return parse_reference(text).familiar == parse_reference(container.image_ref).familiar
        except InvalidReference:
            return False

    def exec_program_for(self, exec_: ExecRecord, container: ContainerRecord) -> ExecProgram | None:
        best: ExecProgram | None = None
        for program in self.exec_programs:
            if program.command != exec_.command:
                continue
            if program.container is not None:
                try:
                    if self.find_container(program.container) is not container:
                        continue
                except DaemonError:
                    continue
            if best is None or best.container is None or program.container is not None:
                best = program
        return best

    # --- networks, volumes, execs --------------------------------------------------------

    def add_network(self, name: str, driver: str, *, predefined: bool = False) -> NetworkRecord:
        serial = next(self._subnets) if not predefined else 0
        network = NetworkRecord(
            id=self.new_id("network"), name=name, driver=driver, created=self.clock(),
            subnet=f"172.{serial}.0.0/16" if serial else "",
            gateway=f"172.{serial}.0.1" if serial else "", predefined=predefined,
        )
        self.networks[network.id] = network
        return network

    def find_network(self, text: str) -> NetworkRecord:
        if text in self.networks:
            return self.networks[text]
        for network in self.networks.values():
            if network.name == text:
                return network
        candidates = [n for n in self.networks.values() if n.id.startswith(text)] if text else []
        if len(candidates) == 1:
            return candidates[0]
        raise DaemonError(404, msg.network_not_found(text))

    def network_members(self, network: NetworkRecord) -> list[ContainerRecord]:
        return [c for c in self.containers.values() if network.id in c.endpoints]

    def connect(
        self,
        container: ContainerRecord,
        network: NetworkRecord,
        aliases: list[str] | None = None,
        ipam_config: dict[str, Any] | None = None,
    ) -> Endpoint:
        if network.id in container.endpoints:
            raise DaemonError(403, msg.already_connected(container.name, network.name))
        ip = ""
        if network.subnet:
            prefix = network.gateway.rsplit(".", 1)[0]
            wanted = (ipam_config or {}).get("IPv4Address")
            ip = wanted or f"{prefix}.{network.next_host}"
            network.next_host += 1
        octets = [int(part) for part in ip.split(".")] if ip else []
        mac = "02:42:" + ":".join(f"{o:02x}" for o in octets) if octets else ""
        endpoint = Endpoint(network.id, self.new_id("endpoint"), ip, mac, aliases, ipam_config)
        container.endpoints[network.id] = endpoint
        return endpoint

    def find_volume(self, name: str) -> VolumeRecord:
        if name not in self.volumes:
            raise DaemonError(404, msg.no_such_volume(name))
        return self.volumes[name]

    def volume_users(self, volume: VolumeRecord) -> list[ContainerRecord]:
        return [
            c for c in self.containers.values()
            if any(m.get("Name") == volume.name for m in c.mounts)
        ]

    def find_exec(self, exec_id: str) -> ExecRecord:
        if exec_id not in self.execs:
            raise DaemonError(404, msg.no_such_exec(exec_id))
        return self.execs[exec_id]

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _unique(found: list[R], text: str) -> R | None:
        if len(found) > 1:
            raise DaemonError(400, msg.ambiguous_prefix(text))
        return found[0] if found else None

    def sorted_containers(self) -> Iterator[ContainerRecord]:
        """Newest first, as ``docker ps`` lists them (the dict keeps creation order)."""
        return reversed(list(self.containers.values()))
