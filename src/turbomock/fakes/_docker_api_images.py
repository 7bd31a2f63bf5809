"""The image endpoints: pull, list, inspect, tag, push, remove, prune, registry data.

A pull is checked against the registry before anything is streamed, so a missing
repository, tag or platform is an HTTP 404 (docker-py raises it from ``pull`` itself);
after that, progress messages stream, and the image is stored once the last one has
been read. A failure armed with ``fake.faults.pull_error`` ends the stream with the
daemon's error message instead, and stores nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes import _docker_progress as progress
from turbomock.fakes import _docker_views as views
from turbomock.fakes._docker_errors import DaemonError, FakeDockerError
from turbomock.fakes._docker_http import Reply, Request, label_matches, truthy
from turbomock.fakes._docker_names import (
    InvalidReference,
    Platform,
    Reference,
    bare_id,
    glob_match,
    looks_like_id,
    parse_platform,
    parse_reference,
)
from turbomock.fakes._docker_registry import ImageContent, Resolved
from turbomock.fakes._docker_state import Engine, ImageRecord

if TYPE_CHECKING:
    from turbomock.fakes._docker_daemon import Daemon, Route


def _reference(text: str, tag: str | None = None) -> Reference:
    try:
        return parse_reference(text, tag)
    except InvalidReference as error:
        raise DaemonError(400, str(error)) from None


def _platform(text: str | None) -> Platform | None:
    if not text:
        return None
    try:
        return parse_platform(text)
    except ValueError as error:
        raise DaemonError(400, str(error)) from None


def _transfers(engine: Engine, content: ImageContent) -> list[progress.LayerTransfer]:
    local = engine.local_layers()
    return [
        progress.LayerTransfer(bare_id(digest)[:12], size, digest in local)
        for digest, size in content.layers
    ]


def _commit(engine: Engine, resolved: Resolved) -> None:
    with engine.lock:
        image = engine.store_image(resolved.content)
        ref = resolved.reference
        if ref.digest is None:
            engine.tag_image(image, ref.familiar)
        named = f"{ref.repository}@{resolved.digest}"
        if named not in image.digests:
            image.digests.append(named)


def pull(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /images/create?fromImage=...&tag=...&platform=...``."""
    engine = daemon.engine
    source = request.param("fromImage")
    if not source:
        raise FakeDockerError(msg.not_served("POST", "/images/create?fromSrc=...", None))
    wanted = _platform(request.param("platform"))
    tag = request.param("tag") or None
    every_tag = tag is None and "@" not in source and ":" not in source.rpartition("/")[2]
    base = _reference(source, tag)
    if every_tag:
        refs = [base.with_tag(t) for t in engine.registry.tags(base.repository)]
    else:
        refs = [base]
    plan = [engine.registry.resolve(ref, wanted, engine.platform) for ref in refs]
    transfer = daemon.faults.take_transfer("pull", base.familiar)
    shown = base.repository if every_tag else base.familiar
    # What is already local is read now, under the engine's lock, not while streaming.
    fetch = []
    for resolved in plan:
        local = engine.image_by_reference(resolved.reference)
        fresh = local is None or local.id != resolved.content.image_id
        fetch.append(_transfers(engine, resolved.content) if fresh else None)

    def messages() -> Iterator[progress.Message]:
        for resolved, layers in zip(plan, fetch):
            ref = resolved.reference
            ident = ref.digest or ref.tag or "latest"
            if layers is None:
                yield from progress.up_to_date_messages(ref.path, ident, resolved.digest)
            else:
                yield from progress.pull_messages(ref.path, ident, layers, resolved.digest)
        fresh = any(layers is not None for layers in fetch)
        outcome = "Downloaded newer image for" if fresh else "Image is up to date for"
        yield progress.status(f"Status: {outcome} {shown}")

    def stream() -> Iterator[bytes]:
        if transfer is not None:
            for message in progress.cut(messages(), transfer.after, transfer.message):
                yield progress.encode(message)
            return
        yield from (progress.encode(message) for message in messages())
        for resolved in plan:
            _commit(engine, resolved)

    return Reply.stream(stream())


def inspect(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /images/{name}/json``."""
    return Reply(200, views.image_inspect(daemon.engine.find_image(groups[0])))


_IMAGE_FILTERS = ("dangling", "label", "reference", "before", "since", "until")


def _matches_reference(image: ImageRecord, pattern: str) -> bool:
    for name in image.tags:
        repository = name.rpartition(":")[0]
        if glob_match(pattern, name) or glob_match(pattern, repository):
            return True
    return False


def listing(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /images/json?all=...&filters=...``: newest first."""
    engine = daemon.engine
    filters = request.filters(_IMAGE_FILTERS)
    if "until" in filters:
        raise DaemonError(400, msg.filter_not_faked("until"))
    chosen = list(engine.images.values())
    for value in filters.get("dangling", []):
        chosen = [i for i in chosen if (not i.tags) == truthy(value)]
    if "label" in filters:
        chosen = [i for i in chosen
                  if label_matches(i.content.config.get("Labels"), filters["label"])]
    if "reference" in filters:
        chosen = [i for i in chosen if any(_matches_reference(i, p) for p in filters["reference"])]
    for key in ("before", "since"):
        for value in filters.get(key, []):
            pivot = engine.find_image(value).content.created
            newer = key == "since"
            chosen = [i for i in chosen if (i.content.created > pivot) == newer
                      and i.content.created != pivot]
    chosen.sort(key=lambda image: image.content.created, reverse=True)
    return Reply(200, [views.image_summary(engine, image) for image in chosen])


def remove(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``DELETE /images/{name}?force=...&noprune=...``."""
    engine = daemon.engine
    name = groups[0]
    force = request.flag("force")
    image = engine.find_image(name)
    by_name = not looks_like_id(name) or engine.image_by_reference(_reference(name)) is image
    users = engine.containers_of(image)
    running = [c for c in users if c.running]
    if by_name and len(image.tags) > 1:
        familiar = _reference(name).familiar
        image.tags.remove(familiar)
        return Reply(200, [{"Untagged": familiar}])
    if running and (not by_name or force):
        raise DaemonError(409, msg.image_used_by_running(image.id, running[0].id))
    if users and not force:
        if by_name:
            familiar = _reference(name).familiar
            raise DaemonError(409, msg.image_in_use(familiar, users[0].id, image.id))
        raise DaemonError(409, msg.image_used_by_stopped(image.id, users[0].id))
    if not by_name and len(image.tags) > 1 and not force:
        raise DaemonError(409, msg.image_in_many_repositories(image.id))
    answer: list[dict[str, str]] = [{"Untagged": t} for t in image.tags + image.digests]
    image.tags, image.digests = [], []
    if not users:
        del engine.images[image.id]
        answer.append({"Deleted": image.id})
    return Reply(200, answer)


def tag(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /images/{name}/tag?repo=...&tag=...``."""
    image = daemon.engine.find_image(groups[0])
    target = _reference(request.param("repo") or "", request.param("tag") or None)
    if target.digest is not None:
        raise DaemonError(400, msg.TAG_WITH_DIGEST)
    daemon.engine.tag_image(image, target.familiar)
    return Reply.empty(201)


def _registry_name(ref: Reference) -> str:
    if ref.path.startswith("library/") and "/" not in ref.repository:
        return f"docker.io/{ref.path}"
    if ref.repository == ref.path:
        return f"docker.io/{ref.repository}"
    return ref.repository


def push(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /images/{name}/push?tag=...``."""
    engine = daemon.engine
    base = _reference(groups[0])
    tag_param = request.param("tag") or None
    if tag_param:
        base = base.with_tag(tag_param)
    if tag_param or ":" in groups[0].rpartition("/")[2]:
        refs = [base]
    else:
        refs = sorted(
            {_reference(t) for i in engine.images.values() for t in i.tags
             if _reference(t).repository == base.repository},
            key=lambda r: r.tag or "",
        )
    images = [(ref, engine.image_by_reference(ref)) for ref in refs]
    transfer = daemon.faults.take_transfer("push", base.familiar)

    def messages() -> Iterator[progress.Message]:
        if not images or any(image is None for _, image in images):
            yield progress.error(msg.push_missing(groups[0]))
            return
        for ref, image in images:
            assert image is not None  # checked above; for the type checker
            content = image.content
            layers = [
                progress.LayerTransfer(
                    bare_id(d)[:12], size, engine.registry.has_layer(ref.repository, d)
                )
                for d, size in content.layers
            ]
            size = 400 + 100 * len(layers)
            yield from progress.push_messages(
                _registry_name(ref), ref.tag or "latest", layers, content.manifest_digest, size
            )

    def stream() -> Iterator[bytes]:
        if transfer is not None:
            for message in progress.cut(messages(), transfer.after, transfer.message):
                yield progress.encode(message)
            return
        failed = False
        for message in messages():
            failed = failed or "error" in message
            yield progress.encode(message)
        if not failed:
            for ref, image in images:
                if image is not None:
                    digest = engine.registry.receive(ref, image.content)
                    named = f"{ref.repository}@{digest}"
                    with engine.lock:
                        if named not in image.digests:
                            image.digests.append(named)

    return Reply.stream(stream())


def prune(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``POST /images/prune``: unused dangling images (all unused ones with dangling=false)."""
    engine = daemon.engine
    filters = request.filters(("dangling", "label", "until"))
    only_dangling = all(truthy(v) for v in filters.get("dangling", ["true"]))
    deleted: list[dict[str, str]] = []
    reclaimed = 0
    for image in list(engine.images.values()):
        if engine.containers_of(image) or (only_dangling and image.tags):
            continue
        labels = image.content.config.get("Labels")
        if "label" in filters and not label_matches(labels, filters["label"]):
            continue
        deleted.extend({"Untagged": t} for t in image.tags)
        deleted.append({"Deleted": image.id})
        reclaimed += image.content.size
        del engine.images[image.id]
    return Reply(200, {"ImagesDeleted": deleted or None, "SpaceReclaimed": reclaimed})


def distribution(daemon: Daemon, request: Request, groups: Sequence[str]) -> Reply:
    """``GET /distribution/{name}/json``: what the registry holds for a reference."""
    digest, platforms = daemon.engine.registry.describe(_reference(groups[0]))
    described: list[dict[str, Any]] = []
    for platform in platforms:
        entry: dict[str, Any] = {"architecture": platform.architecture, "os": platform.os}
        if platform.variant:
            entry["variant"] = platform.variant
        described.append(entry)
    media = "application/vnd.oci.image.%s.v1+json" % (
        "index" if len(platforms) > 1 else "manifest"
    )
    return Reply(200, {
        "Descriptor": {"mediaType": media, "digest": digest, "size": 500 * len(platforms)},
        "Platforms": described,
    })


ROUTES: tuple[Route, ...] = (
    ("POST", r"/images/create", pull),
    ("GET", r"/images/json", listing),
    ("POST", r"/images/prune", prune),
    ("GET", r"/images/(.+)/json", inspect),
    ("POST", r"/images/(.+)/tag", tag),
    ("POST", r"/images/(.+)/push", push),
    ("DELETE", r"/images/(.+)", remove),
    ("GET", r"/distribution/(.+)/json", distribution),
)
