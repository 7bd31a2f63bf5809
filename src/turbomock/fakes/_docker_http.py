"""One request to the fake daemon and its reply, in the Engine API's own terms.

The transport turns each HTTP request docker-py sends into a ``Request`` (path without
the ``/v1.45`` prefix, query parameters, decoded JSON body) and each ``Reply`` back into
an HTTP response, so the endpoints read like the Engine API's documentation and know
nothing of ``requests``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_errors import DaemonError

_TRUE = ("1", "true", "True")


class RequestTimedOut(Exception):
    """The daemon would still be answering when the client's read timeout runs out."""


@dataclass
class Request:
    """An API request: ``POST /containers/create`` with its query and JSON body."""

    method: str
    path: str
    params: Mapping[str, list[str]] = field(default_factory=dict)
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float | None = None

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.params.get(name)
        return values[-1] if values else default

    def flag(self, name: str) -> bool:
        return self.param(name) in _TRUE

    def filters(self, allowed: Iterable[str]) -> dict[str, list[str]]:
        """The ``filters`` parameter as {name: [values]}; the daemon's 400 for unknown names."""
        text = self.param("filters")
        if not text:
            return {}
        try:
            raw = json.loads(text)
        except ValueError as error:
            raise DaemonError(400, msg.unreadable_filters(error)) from None
        parsed: dict[str, list[str]] = {}
        for name, values in raw.items():
            if name not in allowed:
                raise DaemonError(400, msg.invalid_filter(name))
            # {"label": ["a=b"]} from docker-py, {"label": {"a=b": true}} from older clients
            parsed[name] = list(values) if isinstance(values, list) else list(values or {})
        return parsed


@dataclass
class Reply:
    """The daemon's answer: a status, and a JSON body, raw bytes or a stream of chunks."""

    status: int = 200
    json: Any = None
    content: bytes | None = None
    chunks: Iterable[bytes] | None = None
    content_type: str = "application/json"

    @classmethod
    def error(cls, error: DaemonError) -> Reply:
        return cls(error.status, {"message": error.message})

    @classmethod
    def empty(cls, status: int = 204) -> Reply:
        return cls(status, content=b"", content_type="text/plain")

    @classmethod
    def stream(cls, chunks: Iterable[bytes], content_type: str = "application/json") -> Reply:
        return cls(200, chunks=chunks, content_type=content_type)

    def body_chunks(self) -> Iterable[bytes]:
        if self.chunks is not None:
            return self.chunks
        if self.content is not None:
            return [self.content] if self.content else []
        return [json.dumps(self.json).encode() + b"\n"]


def label_matches(labels: Mapping[str, str] | None, wanted: Iterable[str]) -> bool:
    """The ``label`` filter: every ``key`` or ``key=value`` given must hold."""
    labels = labels or {}
    for condition in wanted:
        key, sep, value = condition.partition("=")
        if key not in labels or (sep and labels[key] != value):
            return False
    return True


def truthy(value: str) -> bool:
    return value.lower() in ("1", "true")
