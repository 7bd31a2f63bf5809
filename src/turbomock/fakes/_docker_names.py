"""Names as the daemon reads and writes them: image references, platforms, ids, times.

Kept apart from the engine so that the registry, the state and the JSON views agree
on one reading of ``"alpine"`` (``docker.io/library/alpine:latest``, shown as
``alpine:latest``) and of ``"linux/arm64"`` (``linux/arm64/v8``).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from typing import Any

from turbomock.fakes import _docker_messages as msg

HUB = "docker.io"
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9-]+)*(?::[0-9]+)?)"
_REPOSITORY = re.compile(rf"^(?:{_DOMAIN}/)?{_COMPONENT}(?:/{_COMPONENT})*$")
_TAG = re.compile(r"^[\w][\w.-]{0,127}$")
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
_HEX = re.compile(r"^[0-9a-f]{1,64}$")


class InvalidReference(ValueError):
    """A reference the daemon would refuse with "invalid reference format"."""


@dataclass(frozen=True)
class Reference:
    """An image reference in its familiar form: ``repository`` has no ``docker.io/library/``."""

    repository: str
    tag: str | None = None
    digest: str | None = None

    @property
    def familiar(self) -> str:
        """``alpine:latest``, ``ghcr.io/x/y:1``, ``alpine@sha256:...``."""
        if self.digest is not None:
            return f"{self.repository}@{self.digest}"
        return f"{self.repository}:{self.tag or 'latest'}"

    @property
    def path(self) -> str:
        """The repository's path on its registry, as in "Pulling from library/alpine"."""
        domain, _, rest = self.repository.partition("/")
        if rest and _is_domain(domain):
            return rest
        return self.repository if "/" in self.repository else f"library/{self.repository}"

    def with_tag(self, tag: str) -> Reference:
        return Reference(self.repository, tag, None)


def _is_domain(part: str) -> bool:
    return "." in part or ":" in part or part == "localhost"


def parse_reference(text: str, tag: str | None = None) -> Reference:
    """Read ``text`` (and ``tag``, as in the API's ``fromImage``/``tag``) the daemon's way."""
    name, digest = text, None
    if "@" in name:
        name, digest = name.split("@", 1)
        if not _DIGEST.match(digest):
            raise InvalidReference(msg.INVALID_REFERENCE)
    head, sep, last = name.rpartition(":")
    if sep and "/" not in last:
        name, tag_in_name = head, last
        tag = tag_in_name if tag is None else tag
    if tag is not None and tag.startswith("sha256:") and digest is None:
        digest, tag = tag, None
        if not _DIGEST.match(digest):
            raise InvalidReference(msg.INVALID_REFERENCE)
    if not _REPOSITORY.match(name) or (tag is not None and not _TAG.match(tag)):
        raise InvalidReference(msg.INVALID_REFERENCE)
    domain, _, rest = name.partition("/")
    if domain == HUB or domain == "index.docker.io":
        name = rest
        if name.startswith("library/") and name.count("/") == 1:
            name = name[len("library/"):]
    if digest is None and tag is None:
        tag = "latest"
    return Reference(name, tag, digest)


def looks_like_id(text: str) -> bool:
    """``sha256:<hex>`` or a bare hex prefix: what the daemon tries as an image id."""
    body = text[7:] if text.startswith("sha256:") else text
    return bool(_HEX.match(body))


def bare_id(text: str) -> str:
    return text[7:] if text.startswith("sha256:") else text


# --- platforms --------------------------------------------------------------------------

_ARCH_ALIASES = {
    "x86_64": ("amd64", ""),
    "x86-64": ("amd64", ""),
    "aarch64": ("arm64", ""),
    "armhf": ("arm", "v7"),
    "armel": ("arm", "v6"),
    "i386": ("386", ""),
    "i686": ("386", ""),
}
_DEFAULT_VARIANT = {"arm64": "v8", "arm": "v7"}
_KNOWN_OS = {"linux", "windows", "darwin", "freebsd"}
_KNOWN_ARCH = {"amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le"}


@dataclass(frozen=True)
class Platform:
    """A normalized platform: arm64 always has its variant (v8), arm its own (v7 by default)."""

    os: str
    architecture: str
    variant: str = ""

    def __str__(self) -> str:
        parts = [self.os, self.architecture] + ([self.variant] if self.variant else [])
        return "/".join(parts)


def parse_platform(text: str) -> Platform:
    """Normalize ``linux/arm64``, ``linux/arm/v7``, ``linux/x86_64`` as the daemon does."""
    parts = text.strip().lower().split("/")
    if not 1 <= len(parts) <= 3 or parts[0] not in _KNOWN_OS:
        raise ValueError(msg.invalid_platform(text))
    os_name = parts[0]
    arch = parts[1] if len(parts) > 1 else "amd64"
    variant = parts[2] if len(parts) > 2 else ""
    if arch in _ARCH_ALIASES:
        arch, implied = _ARCH_ALIASES[arch]
        variant = variant or implied
    if arch not in _KNOWN_ARCH:
        raise ValueError(msg.invalid_platform(text))
    variant = variant or _DEFAULT_VARIANT.get(arch, "")
    return Platform(os_name, arch, variant)


def kernel_architecture(platform: Platform) -> str:
    """``docker info``'s Architecture: the kernel's name for the engine's machine."""
    return {"amd64": "x86_64", "arm64": "aarch64", "arm": "armv7l", "386": "i686"}.get(
        platform.architecture, platform.architecture
    )


# --- ids, digests and times -------------------------------------------------------------


def digest_of(*parts: Any) -> str:
    """A stable ``sha256:`` digest of any JSON-able parts, so equal content gets equal ids."""
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def rfc3339(timestamp: float) -> str:
    """The daemon's time format: RFC 3339 with nanoseconds, in UTC."""
    seconds = int(timestamp)
    nanos = round((timestamp - seconds) * 1e9)
    if nanos >= 1_000_000_000:
        seconds, nanos = seconds + 1, nanos - 1_000_000_000
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{stamp}.{nanos:09d}Z"


ZERO_TIME = "0001-01-01T00:00:00Z"


def human_duration(seconds: float) -> str:
    """``docker ps``'s durations: "Less than a second", "3 seconds", "About a minute"..."""
    s = int(seconds)
    if s < 1:
        return "Less than a second"
    if s == 1:
        return "1 second"
    if s < 60:
        return f"{s} seconds"
    minutes = s // 60
    if minutes == 1:
        return "About a minute"
    if minutes < 60:
        return f"{minutes} minutes"
    hours = round(minutes / 60)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // 24 // 7} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // 24 // 30} months"
    return f"{hours // 24 // 365} years"


def glob_match(pattern: str, text: str) -> bool:
    """Go's ``path.Match``: ``*`` and ``?`` stop at ``/``, as the ``reference`` filter uses it."""
    regex = "".join(
        "[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch) for ch in pattern
    )
    return re.fullmatch(regex, text) is not None
