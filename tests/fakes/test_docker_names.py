"""Image references and platforms, read as the daemon reads them."""

from __future__ import annotations

import pytest

from turbomock.fakes._docker_names import (
    InvalidReference,
    Platform,
    glob_match,
    human_duration,
    parse_platform,
    parse_reference,
    rfc3339,
)


@pytest.mark.parametrize(
    ("text", "familiar", "path"),
    [
        ("alpine", "alpine:latest", "library/alpine"),
        ("docker.io/library/alpine:3.20", "alpine:3.20", "library/alpine"),
        ("index.docker.io/acme/app:1", "acme/app:1", "acme/app"),
        ("ghcr.io/home-assistant/odroid-n2-homeassistant:2025.7.2",
         "ghcr.io/home-assistant/odroid-n2-homeassistant:2025.7.2",
         "home-assistant/odroid-n2-homeassistant"),
        ("localhost:5000/app", "localhost:5000/app:latest", "app"),
        ("alpine@sha256:" + "0" * 64, "alpine@sha256:" + "0" * 64, "library/alpine"),
    ],
)
def test_reference(text: str, familiar: str, path: str) -> None:
    """References normalize to the familiar form; the path is what 'Pulling from' names."""
    ref = parse_reference(text)
    assert (ref.familiar, ref.path) == (familiar, path)


def test_separate_tag_wins() -> None:
    """A tag passed apart (the API's tag parameter) wins over one in the name."""
    assert parse_reference("alpine:3.19", "3.20").familiar == "alpine:3.20"


@pytest.mark.parametrize("text", ["Alpine", "alpine:", "alpine@sha256:short", "-bad", "a//b"])
def test_invalid_reference(text: str) -> None:
    """What the daemon calls an invalid reference format is refused."""
    with pytest.raises(InvalidReference, match=r"^invalid reference format$"):
        parse_reference(text)


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("linux/arm64", Platform("linux", "arm64", "v8")),
        ("linux/aarch64", Platform("linux", "arm64", "v8")),
        ("linux/arm", Platform("linux", "arm", "v7")),
        ("linux/arm/v6", Platform("linux", "arm", "v6")),
        ("linux/armhf", Platform("linux", "arm", "v7")),
        ("linux/x86_64", Platform("linux", "amd64", "")),
        ("linux/i386", Platform("linux", "386", "")),
        ("linux", Platform("linux", "amd64", "")),
    ],
)
def test_platform(text: str, platform: Platform) -> None:
    """Platforms normalize as containerd's do: aliases resolved, default ARM variants filled."""
    assert parse_platform(text) == platform


def test_unknown_platform() -> None:
    """An unknown platform gets the daemon's message."""
    with pytest.raises(ValueError, match=r'^"plan9/mips": unknown operating system or arch'):
        parse_platform("plan9/mips")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.5, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"),
     (150, "2 minutes"), (3600, "About an hour"), (7200, "2 hours"), (3 * 86400, "3 days")],
)
def test_human_duration(seconds: float, text: str) -> None:
    """Durations read as docker ps prints them."""
    assert human_duration(seconds) == text


def test_rfc3339() -> None:
    """Times are RFC 3339 in UTC with nanoseconds, as the daemon writes them."""
    assert rfc3339(1_700_000_000.25) == "2023-11-14T22:13:20.250000000Z"


def test_glob_stops_at_slash() -> None:
    """The reference filter's '*' does not cross '/', as Go's path.Match."""
    assert (glob_match("alp*", "alpine"), glob_match("*", "acme/app")) == (True, False)
