"""The daemon's progress messages: sizes, bars and the bytes on the wire."""

from __future__ import annotations

import pytest

from turbomock.fakes import _docker_progress as progress


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0B"), (999, "999B"), (1000, "1kB"), (1486, "1.486kB"), (432_700_000, "432.7MB"),
     (436_480_882, "436.5MB"), (5_000_000_000, "5GB")],
)
def test_human_size(size: int, text: str) -> None:
    """Sizes are SI, four significant digits, no space, as the daemon prints them."""
    assert progress.human_size(size) == text


@pytest.mark.parametrize(
    ("current", "total", "bar"),
    [
        (1378, 1486, "[==============================================>    ]  1.378kB/1.486kB"),
        (1486, 1486, "[==================================================>]  1.486kB/1.486kB"),
        (432_700_000, 436_480_882,
         "[=================================================> ]  432.7MB/436.5MB"),
        (0, 100, "[>                                                  ]       0B/100B"),
        (150, 100, "[==================================================>]     150B"),
        (0, 0, ""),
        (42, 0, "     42B"),
    ],
)
def test_progress_bar(current: int, total: int, bar: str) -> None:
    """The progress text is the daemon's: a 50-wide bar, the current size padded to eight."""
    assert progress.progress_bar(current, total) == bar


def test_encode_escapes_like_go() -> None:
    """On the wire a message is compact JSON with <, > and & escaped as Go does, then CRLF."""
    message = progress.progress("Downloading", "abc", 1, 2)
    assert progress.encode(message) == (
        b'{"status":"Downloading","progressDetail":{"current":1,"total":2},'
        b'"progress":"[=========================\\u003e                         ]       1B/2B",'
        b'"id":"abc"}\r\n'
    )


def test_error_message_shape() -> None:
    """A failure is errorDetail then error, as the daemon sends it."""
    assert list(progress.error("boom").items()) == [
        ("errorDetail", {"message": "boom"}), ("error", "boom")
    ]


def test_cut_stops_after_the_given_count() -> None:
    """A transfer cut after two messages sends those two, then the error."""
    messages = [progress.status(str(n)) for n in range(5)]
    assert list(progress.cut(messages, 2, "gone")) == [
        {"status": "0"}, {"status": "1"}, {"errorDetail": {"message": "gone"}, "error": "gone"}
    ]


def test_waiting_beyond_three_downloads() -> None:
    """Layers past the third concurrent download wait, as with dockerd's defaults."""
    layers = [progress.LayerTransfer(f"layer{n}", 0, False) for n in range(5)]
    statuses = [(m["status"], m.get("id")) for m in progress.pull_messages("x/y", "1", layers,
                                                                             "sha256:d")]
    assert statuses[6:8] == [("Waiting", "layer3"), ("Waiting", "layer4")]


def test_push_messages() -> None:
    """A push prepares every layer, sends new ones, skips the registry's, ends with the digest."""
    layers = [progress.LayerTransfer("aaa", 3, False), progress.LayerTransfer("bbb", 9, True)]
    messages = list(progress.push_messages("docker.io/library/x", "1", layers, "sha256:d", 500))
    assert [(m.get("status"), m.get("id")) for m in messages] == [
        ("The push refers to repository [docker.io/library/x]", None),
        ("Preparing", "aaa"), ("Preparing", "bbb"),
        ("Pushing", "aaa"), ("Pushing", "aaa"), ("Pushing", "aaa"), ("Pushed", "aaa"),
        ("Layer already exists", "bbb"),
        ("1: digest: sha256:d size: 500", None),
        (None, None),
    ]
    assert messages[-1] == {"progressDetail": {}, "aux": {"Tag": "1", "Digest": "sha256:d",
                                                          "Size": 500}}
