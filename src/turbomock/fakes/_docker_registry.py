"""The remote registry the fake engine pulls from and pushes to.

A test declares what the registry holds (``fake.registry.add("alpine:3.20", ...)``);
pulls are answered from it, with the daemon's errors for what it lacks. One
reference may be added for several platforms: it then is a multi-platform index,
and a pull picks the requested platform, or the engine's own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Callable, Union

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_errors import DaemonError
from turbomock.fakes._docker_names import (
    Platform,
    Reference,
    digest_of,
    parse_platform,
    parse_reference,
)

_DEFAULT_LAYERS = (2_000_000,)


@dataclass(frozen=True)
class Layer:
    """One layer of an image: its compressed size in bytes, and optionally its digest.

    Without a digest, one is made up from the image and the layer's position. Give
    the same digest to layers of two images to make them shared: a pull then reports
    them as "Already exists".
    """

    size: int
    digest: str | None = None


LayerSpec = Union[int, Layer]


@dataclass(frozen=True)
class ImageContent:
    """What an image is, wherever it lies: platform, layers, config and creation time."""

    platform: Platform
    layers: tuple[tuple[str, int], ...]
    config: Mapping[str, Any]
    created: float

    @property
    def image_id(self) -> str:
        """The id the daemon would give it: a digest of its config, so equal images share it."""
        return digest_of("image", str(self.platform), self.layers, dict(self.config), self.created)

    @property
    def manifest_digest(self) -> str:
        return digest_of("manifest", self.image_id, self.layers)

    @property
    def size(self) -> int:
        return sum(size for _, size in self.layers)


def make_content(
    reference: str,
    *,
    platform: str,
    layers: Sequence[LayerSpec] | None,
    labels: Mapping[str, str] | None,
    env: Mapping[str, str] | Sequence[str] | None,
    cmd: Sequence[str] | str | None,
    entrypoint: Sequence[str] | str | None,
    working_dir: str | None,
    exposed_ports: Iterable[str | int] | None,
    user: str | None,
    healthcheck: Mapping[str, Any] | None,
    created: float,
) -> ImageContent:
    """Build an image's content from the keyword arguments of ``registry.add``/``add_image``."""
    where = parse_platform(platform)
    specs = list(_DEFAULT_LAYERS if layers is None else layers)
    made: list[tuple[str, int]] = []
    for index, spec in enumerate(specs):
        layer = spec if isinstance(spec, Layer) else Layer(int(spec))
        made.append((layer.digest or digest_of("layer", reference, str(where), index), layer.size))
    config: dict[str, Any] = {
        "Env": _env_list(env),
        "Cmd": _command(cmd),
        "Entrypoint": _command(entrypoint),
        "WorkingDir": working_dir or "",
        "Labels": dict(labels) if labels else None,
        "User": user or "",
    }
    if exposed_ports:
        config["ExposedPorts"] = {_port_key(port): {} for port in exposed_ports}
    if healthcheck:
        config["Healthcheck"] = dict(healthcheck)
    return ImageContent(where, tuple(made), config, created)


def _env_list(env: Mapping[str, str] | Sequence[str] | None) -> list[str]:
    base = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
    if env is None:
        return base
    if isinstance(env, Mapping):
        return base + [f"{key}={value}" for key, value in env.items()]
    return base + list(env)


def _command(value: Sequence[str] | str | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def _port_key(port: str | int) -> str:
    text = str(port)
    return text if "/" in text else f"{text}/tcp"


@dataclass
class _Tagged:
    """One tag of a repository: its image for each platform, and the digest a pull reports."""

    platforms: dict[Platform, ImageContent] = field(default_factory=dict)
    pinned_digest: str | None = None

    @property
    def digest(self) -> str:
        if self.pinned_digest is not None:
            return self.pinned_digest
        if len(self.platforms) == 1:
            return next(iter(self.platforms.values())).manifest_digest
        return digest_of("index", sorted(c.manifest_digest for c in self.platforms.values()))


@dataclass(frozen=True)
class Resolved:
    """A pull's answer from the registry: the image for the platform, and the digest to report."""

    reference: Reference
    content: ImageContent
    digest: str


class Registry:
    """What the remote registries hold, by repository and tag: ``fake.registry``."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._repos: dict[str, dict[str, _Tagged]] = {}

    def add(
        self,
        reference: str,
        *,
        platform: str = "linux/amd64",
        layers: Sequence[LayerSpec] | None = None,
        digest: str | None = None,
        labels: Mapping[str, str] | None = None,
        env: Mapping[str, str] | Sequence[str] | None = None,
        cmd: Sequence[str] | str | None = None,
        entrypoint: Sequence[str] | str | None = None,
        working_dir: str | None = None,
        exposed_ports: Iterable[str | int] | None = None,
        user: str | None = None,
        healthcheck: Mapping[str, Any] | None = None,
        created: float | None = None,
    ) -> str:
        """Declare that the registry holds ``reference`` for ``platform``; return its digest.

        ``layers`` are sizes in bytes or ``Layer`` objects (default: one 2 MB layer).
        ``digest`` pins the ``sha256:`` digest a pull reports (default: made up from the
        content). Adding the same reference for another platform makes it multi-platform.
        """
        ref = parse_reference(reference)
        if ref.tag is None:
            raise ValueError(msg.registry_needs_tag(reference))
        content = make_content(
            ref.familiar, platform=platform, layers=layers, labels=labels, env=env, cmd=cmd,
            entrypoint=entrypoint, working_dir=working_dir, exposed_ports=exposed_ports,
            user=user, healthcheck=healthcheck,
            created=self._clock() if created is None else created,
        )
        with self._lock:
            tagged = self._repos.setdefault(ref.repository, {}).setdefault(ref.tag, _Tagged())
            tagged.platforms[content.platform] = content
            if digest is not None:
                tagged.pinned_digest = digest
            return tagged.digest

    def remove(self, reference: str) -> None:
        """Forget ``reference`` (all its platforms); pulling it then fails as for a missing tag."""
        ref = parse_reference(reference)
        with self._lock:
            tags = self._repos.get(ref.repository, {})
            if ref.tag not in tags:
                raise KeyError(reference)
            del tags[ref.tag]

    def references(self) -> list[str]:
        """Every reference the registry holds, in familiar form (``alpine:3.20``)."""
        with self._lock:
            return sorted(
                f"{repo}:{tag}" for repo, tags in self._repos.items() for tag in tags
            )

    # --- the engine's side -------------------------------------------------------------

    def tags(self, repository: str) -> list[str]:
        with self._lock:
            if repository not in self._repos:
                raise DaemonError(404, msg.repository_missing(repository))
            return sorted(self._repos[repository])

    def resolve(self, ref: Reference, wanted: Platform | None, native: Platform) -> Resolved:
        """Find what a pull of ``ref`` gets, or raise the daemon's error for what is missing."""
        with self._lock:
            tags = self._repos.get(ref.repository)
            if tags is None:
                raise DaemonError(404, msg.repository_missing(ref.repository))
            if ref.digest is not None:
                return self._by_digest(ref, tags, wanted, native)
            tagged = tags.get(ref.tag or "latest")
            if tagged is None:
                raise DaemonError(404, msg.manifest_missing(ref.familiar))
            return Resolved(ref, self._pick(tagged, wanted, native), tagged.digest)

    def _by_digest(
        self, ref: Reference, tags: dict[str, _Tagged], wanted: Platform | None, native: Platform
    ) -> Resolved:
        for tagged in tags.values():
            if tagged.digest == ref.digest:
                return Resolved(ref, self._pick(tagged, wanted, native), tagged.digest)
            for content in tagged.platforms.values():
                if content.manifest_digest == ref.digest:
                    return Resolved(ref, content, content.manifest_digest)
        raise DaemonError(404, msg.manifest_missing(ref.familiar))

    @staticmethod
    def _pick(tagged: _Tagged, wanted: Platform | None, native: Platform) -> ImageContent:
        if wanted is None and len(tagged.platforms) == 1:
            return next(iter(tagged.platforms.values()))
        target = wanted or native
        if target in tagged.platforms:
            return tagged.platforms[target]
        raise DaemonError(404, msg.no_matching_manifest(str(target)))

    def describe(self, ref: Reference) -> tuple[str, list[Platform]]:
        """The digest and platforms of ``ref``, as ``GET /distribution`` reports them."""
        with self._lock:
            tags = self._repos.get(ref.repository)
            if tags is None:
                raise DaemonError(404, msg.repository_missing(ref.repository))
            for tagged in tags.values() if ref.digest else [tags.get(ref.tag or "latest")]:
                if tagged is not None and (ref.digest is None or tagged.digest == ref.digest):
                    return tagged.digest, sorted(tagged.platforms, key=str)
            raise DaemonError(404, msg.manifest_missing(ref.familiar))

    def has_layer(self, repository: str, digest: str) -> bool:
        with self._lock:
            return any(
                digest == layer
                for tagged in self._repos.get(repository, {}).values()
                for content in tagged.platforms.values()
                for layer, _ in content.layers
            )

    def receive(self, ref: Reference, content: ImageContent) -> str:
        """Store a pushed image under ``ref``'s tag (replacing that platform); return the digest."""
        with self._lock:
            tagged = self._repos.setdefault(ref.repository, {}).setdefault(
                ref.tag or "latest", _Tagged()
            )
            tagged.platforms = {content.platform: content}
            tagged.pinned_digest = None
            return tagged.digest
