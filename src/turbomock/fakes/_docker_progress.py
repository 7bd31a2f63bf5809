"""The daemon's progress messages for pulls and pushes, shaped and encoded as it sends them.

A message is a dict with the daemon's keys in the daemon's order (``status``,
``progressDetail``, ``progress``, ``id``, ``aux``; ``errorDetail`` then ``error`` for a
failure), because code under test often compares whole messages. The ``progress``
text is the daemon's: a 50-wide bar, then sizes in SI units with four significant
digits, the current size padded to eight characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

Message = dict[str, Any]

_UNITS = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")
_CONCURRENT_DOWNLOADS = 3  # dockerd's default max-concurrent-downloads (and uploads: 5)
_CONCURRENT_UPLOADS = 5
_STEPS = 3  # progress messages per layer and phase


def human_size(size: float) -> str:
    """``1486`` → ``1.486kB``: SI units, four significant digits, no space."""
    unit = 0
    while size >= 1000.0 and unit < len(_UNITS) - 1:
        size /= 1000.0
        unit += 1
    return f"{size:.4g}{_UNITS[unit]}"


def progress_bar(current: int, total: int) -> str:
    """The ``progress`` text of a message with ``progressDetail`` {current, total}."""
    if current <= 0 and total <= 0:
        return ""
    if total <= 0:
        return f"{human_size(current):>8}"
    filled = min(int(current / total * 100) // 2, 50)
    bar = f"[{'=' * filled}>{' ' * (50 - filled)}] "
    if current > total:
        return bar + f"{human_size(current):>8}"
    return bar + f"{human_size(current):>8}/{human_size(total)}"


def status(text: str, layer: str | None = None, *, detail: bool = True) -> Message:
    """A status message; per-layer ones carry an empty ``progressDetail`` as the daemon's do."""
    message: Message = {"status": text}
    if layer is not None:
        if detail:
            message["progressDetail"] = {}
        message["id"] = layer
    return message


def progress(text: str, layer: str, current: int, total: int) -> Message:
    return {
        "status": text,
        "progressDetail": {"current": current, "total": total},
        "progress": progress_bar(current, total),
        "id": layer,
    }


def error(text: str) -> Message:
    return {"errorDetail": {"message": text}, "error": text}


def encode(message: Message) -> bytes:
    """One message on the wire: compact JSON with Go's escapes of ``<>&``, then CRLF."""
    text = json.dumps(message, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.encode() + b"\r\n"


@dataclass(frozen=True)
class LayerTransfer:
    """One layer of a pull or push: its short id, its size, and whether it is already there."""

    short_id: str
    size: int
    present: bool


def _steps(size: int) -> list[int]:
    if size <= 0:
        return []
    return sorted({-(-size * step // _STEPS) for step in range(1, _STEPS + 1)})


def pull_messages(
    path: str, ident: str, layers: Sequence[LayerTransfer], digest: str
) -> Iterator[Message]:
    """What ``docker pull`` shows for one image, up to its digest: layers fetched, extracted."""
    yield status(f"Pulling from {path}", ident, detail=False)
    fetched = []
    for layer in layers:
        if layer.present:
            yield status("Already exists", layer.short_id)
        else:
            yield status("Pulling fs layer", layer.short_id)
            fetched.append(layer)
    for layer in fetched[_CONCURRENT_DOWNLOADS:]:
        yield status("Waiting", layer.short_id)
    for layer in fetched:
        for current in _steps(layer.size):
            yield progress("Downloading", layer.short_id, current, layer.size)
        yield status("Verifying Checksum", layer.short_id)
        yield status("Download complete", layer.short_id)
    for layer in fetched:
        for current in _steps(layer.size):
            yield progress("Extracting", layer.short_id, current, layer.size)
        yield status("Pull complete", layer.short_id)
    yield status(f"Digest: {digest}")


def up_to_date_messages(path: str, ident: str, digest: str) -> Iterator[Message]:
    """What ``docker pull`` shows, up to the digest, when the local image is the registry's."""
    yield status(f"Pulling from {path}", ident, detail=False)
    yield status(f"Digest: {digest}")


def push_messages(
    repository: str, tag: str, layers: Sequence[LayerTransfer], digest: str, size: int
) -> Iterator[Message]:
    """What ``docker push`` shows for one tag: layers prepared, sent or already there."""
    yield status(f"The push refers to repository [{repository}]")
    for layer in layers:
        yield status("Preparing", layer.short_id)
    for layer in layers[_CONCURRENT_UPLOADS:]:
        yield status("Waiting", layer.short_id)
    for layer in layers:
        if layer.present:
            yield status("Layer already exists", layer.short_id)
            continue
        for current in _steps(layer.size):
            yield progress("Pushing", layer.short_id, current, layer.size)
        yield status("Pushed", layer.short_id)
    yield status(f"{tag}: digest: {digest} size: {size}")
    yield {"progressDetail": {}, "aux": {"Tag": tag, "Digest": digest, "Size": size}}


def cut(messages: Iterable[Message], after: int, failure: str) -> Iterator[Message]:
    """The first ``after`` messages, then the daemon's error message: a transfer failing midway."""
    for count, message in enumerate(messages):
        if count == after:
            break
        yield message
    yield error(failure)
