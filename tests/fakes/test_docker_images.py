"""Images: pulls from the fake registry, their progress and errors, and the local image store."""

from __future__ import annotations

import json
from typing import Any

import docker
import pytest

from turbomock.fakes.docker import FakeDocker, Layer

LAYER_A = Layer(1486, "sha256:" + "a" * 64)
LAYER_B = Layer(3000, "sha256:" + "b" * 64)


@pytest.fixture
def client(fake_docker: FakeDocker) -> Any:
    return docker.from_env()


def _statuses(messages: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(m.get("status"), m.get("id")) for m in messages]


def test_pull_returns_the_image(fake_docker: FakeDocker, client: Any) -> None:
    """images.pull stores the registry's image and returns docker-py's Image of it."""
    fake_docker.registry.add("alpine:3.20", labels={"org.example": "1"})
    image = client.images.pull("alpine", tag="3.20")
    assert (image.tags, image.labels, client.images.get("alpine:3.20") == image) == (
        ["alpine:3.20"], {"org.example": "1"}, True
    )


def test_pull_messages(fake_docker: FakeDocker, client: Any) -> None:
    """A pull streams the daemon's messages: layers fetched, checked, extracted, then status."""
    digest = fake_docker.registry.add("ghcr.io/acme/app:1", layers=[LAYER_A])
    messages = list(client.api.pull("ghcr.io/acme/app", tag="1", stream=True, decode=True))
    assert _statuses(messages) == [
        ("Pulling from acme/app", "1"),
        ("Pulling fs layer", "aaaaaaaaaaaa"),
        ("Downloading", "aaaaaaaaaaaa"), ("Downloading", "aaaaaaaaaaaa"),
        ("Downloading", "aaaaaaaaaaaa"),
        ("Verifying Checksum", "aaaaaaaaaaaa"), ("Download complete", "aaaaaaaaaaaa"),
        ("Extracting", "aaaaaaaaaaaa"), ("Extracting", "aaaaaaaaaaaa"),
        ("Extracting", "aaaaaaaaaaaa"), ("Pull complete", "aaaaaaaaaaaa"),
        (f"Digest: {digest}", None),
        ("Status: Downloaded newer image for ghcr.io/acme/app:1", None),
    ]


def test_pull_message_keys(fake_docker: FakeDocker, client: Any) -> None:
    """Messages carry the daemon's keys in its order, progressDetail empty where it has none."""
    fake_docker.registry.add("alpine:3.20", layers=[LAYER_A])
    messages = list(client.api.pull("alpine", tag="3.20", stream=True, decode=True))
    assert [list(m) for m in messages[:3]] + [messages[2]] == [
        ["status", "id"], ["status", "progressDetail", "id"],
        ["status", "progressDetail", "progress", "id"],
        {"status": "Downloading", "progressDetail": {"current": 496, "total": 1486},
         "progress": "[================>                                  ]     496B/1.486kB",
         "id": "aaaaaaaaaaaa"},
    ]


def test_docker_hub_paths(fake_docker: FakeDocker, client: Any) -> None:
    """Official Hub images are pulled from library/; the status names them familiarly."""
    fake_docker.registry.add("docker.io/library/alpine:3.20")
    messages = list(client.api.pull("alpine", tag="3.20", stream=True, decode=True))
    assert (messages[0]["status"], messages[-1]["status"]) == (
        "Pulling from library/alpine", "Status: Downloaded newer image for alpine:3.20"
    )


def test_pull_raw_bytes(fake_docker: FakeDocker, client: Any) -> None:
    """Without decode, each message is one chunk of JSON bytes ending in CRLF."""
    fake_docker.registry.add("alpine:3.20", layers=[])
    chunks = list(client.api.pull("alpine", tag="3.20", stream=True))
    assert (chunks[0], [c.endswith(b"\r\n") for c in chunks]) == (
        b'{"status":"Pulling from library/alpine","id":"3.20"}\r\n', [True] * 3
    )


def test_pull_without_stream_returns_text(fake_docker: FakeDocker, client: Any) -> None:
    """pull(stream=False) returns the whole answer as text, one JSON message per line."""
    fake_docker.registry.add("alpine:3.20", layers=[LAYER_A])
    text = client.api.pull("alpine", tag="3.20")
    lines = text.split("\r\n")
    assert (json.loads(lines[0]), "\\u003e" in lines[3], lines[-1]) == (
        {"status": "Pulling from library/alpine", "id": "3.20"}, True, ""
    )


def test_second_pull_is_up_to_date(fake_docker: FakeDocker, client: Any) -> None:
    """Pulling again what is already local reports it up to date, without layers."""
    digest = fake_docker.registry.add("alpine:3.20")
    client.images.pull("alpine:3.20")
    messages = list(client.api.pull("alpine", tag="3.20", stream=True, decode=True))
    assert _statuses(messages) == [
        ("Pulling from library/alpine", "3.20"), (f"Digest: {digest}", None),
        ("Status: Image is up to date for alpine:3.20", None),
    ]


def test_shared_layers_already_exist(fake_docker: FakeDocker, client: Any) -> None:
    """A layer some local image has is reported as already there, and not fetched."""
    fake_docker.add_image("base:1", layers=[LAYER_A])
    fake_docker.registry.add("app:1", layers=[LAYER_A, LAYER_B])
    messages = list(client.api.pull("app", tag="1", stream=True, decode=True))
    assert _statuses(messages)[1:3] == [
        ("Already exists", "aaaaaaaaaaaa"), ("Pulling fs layer", "bbbbbbbbbbbb")
    ]


def test_missing_repository(client: Any) -> None:
    """A repository the registry lacks: ImageNotFound with the daemon's 404 message."""
    with pytest.raises(docker.errors.ImageNotFound) as caught:
        client.images.pull("acme/nothing")
    assert str(caught.value) == (
        "404 Client Error for http+docker://localhost/v1.45/images/create?tag=latest&"
        "fromImage=acme%2Fnothing: Not Found (\"pull access denied for acme/nothing, "
        "repository does not exist or may require 'docker login': denied: requested access "
        "to the resource is denied\")"
    )


def test_missing_tag(fake_docker: FakeDocker, client: Any) -> None:
    """A tag the registry lacks: NotFound (not ImageNotFound), as docker-py maps the message."""
    fake_docker.registry.add("alpine:3.20")
    with pytest.raises(docker.errors.NotFound) as caught:
        client.api.pull("alpine", tag="9", stream=True)
    assert (type(caught.value).__name__, caught.value.explanation, caught.value.status_code) == (
        "NotFound", "manifest for alpine:9 not found: manifest unknown: manifest unknown", 404
    )


def test_platform_is_chosen(fake_docker: FakeDocker, client: Any) -> None:
    """A multi-platform reference gives each pull the platform asked for."""
    fake_docker.registry.add("alpine:3.20", platform="linux/amd64")
    fake_docker.registry.add("alpine:3.20", platform="linux/arm/v7")
    image = client.images.pull("alpine:3.20", platform="linux/arm/v7")
    assert (image.attrs["Architecture"], image.attrs["Variant"], image.attrs["Os"]) == (
        "arm", "v7", "linux"
    )


def test_engine_platform_is_the_default(client: Any) -> None:
    """Without platform=, a multi-platform pull gets the engine's platform."""
    with FakeDocker(platform="linux/arm64") as fake:
        fake.registry.add("alpine:3.20", platform="linux/amd64")
        fake.registry.add("alpine:3.20", platform="linux/arm64")
        assert docker.from_env().images.pull("alpine:3.20").attrs["Architecture"] == "arm64"


def test_missing_platform(fake_docker: FakeDocker, client: Any) -> None:
    """A platform the registry lacks: NotFound with the daemon's message, normalized platform."""
    fake_docker.registry.add("alpine:3.20", platform="linux/amd64")
    with pytest.raises(docker.errors.NotFound) as caught:
        client.images.pull("alpine:3.20", platform="linux/arm64")
    assert caught.value.explanation == (
        "no matching manifest for linux/arm64/v8 in the manifest list entries"
    )


def test_invalid_reference(client: Any) -> None:
    """An invalid reference is the daemon's 400."""
    with pytest.raises(docker.errors.APIError) as caught:
        client.api.pull("Alpine", tag="1")
    assert (caught.value.status_code, caught.value.explanation) == (
        400, "invalid reference format"
    )


def test_all_tags(fake_docker: FakeDocker, client: Any) -> None:
    """all_tags pulls every tag of the repository."""
    for tag in ("3.19", "3.20"):
        fake_docker.registry.add(f"alpine:{tag}", layers=[Layer(10, f"sha256:{tag[-1] * 64}")])
    images = client.images.pull("alpine", all_tags=True)
    assert sorted(t for i in images for t in i.tags) == ["alpine:3.19", "alpine:3.20"]


def test_pull_by_digest(fake_docker: FakeDocker, client: Any) -> None:
    """A pull by digest stores the image with that digest and no tag."""
    digest = fake_docker.registry.add("alpine:3.20")
    image = client.images.pull("alpine", tag=digest)
    assert (image.tags, image.attrs["RepoDigests"]) == ([], [f"alpine@{digest}"])


def test_pinned_digest(fake_docker: FakeDocker, client: Any) -> None:
    """registry.add(digest=...) pins the digest a pull reports and the image records."""
    pinned = "sha256:490080d7da0f385928022927990e04f604615f7b8c622ef3e58253d0f089881d"
    fake_docker.registry.add("alpine:3.20", digest=pinned)
    assert client.images.pull("alpine:3.20").attrs["RepoDigests"] == [f"alpine@{pinned}"]


def test_pull_error_midway(fake_docker: FakeDocker, client: Any) -> None:
    """pull_error ends the stream with the daemon's error message and stores nothing."""
    fake_docker.registry.add("alpine:3.20", layers=[LAYER_A])
    fake_docker.faults.pull_error("alpine:3.20", "no space left on device", after=2)
    messages = list(client.api.pull("alpine", tag="3.20", stream=True, decode=True))
    assert (messages[2:], client.api.images()) == (
        [{"errorDetail": {"message": "no space left on device"},
          "error": "no space left on device"}],
        [],
    )


def test_pull_error_through_images_pull(fake_docker: FakeDocker, client: Any) -> None:
    """images.pull reads past the error, as docker-py does, and then fails to find the image."""
    fake_docker.registry.add("alpine:3.20")
    fake_docker.faults.pull_error("alpine:3.20", "unexpected EOF")
    with pytest.raises(docker.errors.ImageNotFound, match=r"No such image: alpine:3\.20"):
        client.images.pull("alpine:3.20")


def test_get_by_id_and_prefix(fake_docker: FakeDocker, client: Any) -> None:
    """An image is found by reference, full id, bare id and unique id prefix."""
    image_id = fake_docker.add_image("alpine:3.20")
    names = ["alpine:3.20", image_id, image_id[7:], image_id[7:19], image_id[:15]]
    assert {client.images.get(name).id for name in names} == {image_id}


def test_get_missing(client: Any) -> None:
    """A missing image: ImageNotFound with the reference in familiar form."""
    with pytest.raises(docker.errors.ImageNotFound) as caught:
        client.images.get("docker.io/library/nothing")
    assert caught.value.explanation == "No such image: nothing:latest"


def test_list_filters(fake_docker: FakeDocker, client: Any) -> None:
    """images.list filters by name, label and danglingness."""
    fake_docker.add_image("alpine:3.20", labels={"keep": "yes"}, created=1.0)
    fake_docker.add_image("busybox:1", created=2.0)
    fake_docker.add_image("busybox:2", created=3.0)
    client.images.get("busybox:2").tag("busybox", "1")
    found = [
        [i.tags for i in client.images.list()],
        [i.tags for i in client.images.list(name="busybox")],
        [i.tags for i in client.images.list(filters={"label": "keep=yes"})],
        [i.id for i in client.images.list(filters={"dangling": True})],
    ]
    assert found == [
        [["busybox:2", "busybox:1"], [], ["alpine:3.20"]],
        [["busybox:2", "busybox:1"]],
        [["alpine:3.20"]],
        [fake_docker.client().images.list(all=True)[1].id],
    ]


def test_unknown_filter(client: Any) -> None:
    """An unknown filter is the daemon's 400."""
    with pytest.raises(docker.errors.APIError, match=r"invalid filter 'colour'"):
        client.images.list(filters={"colour": "red"})


def test_tag_and_untag(fake_docker: FakeDocker, client: Any) -> None:
    """tag adds a name; removing one of two names only untags."""
    fake_docker.add_image("alpine:3.20")
    image = client.images.get("alpine:3.20")
    assert image.tag("mirror/alpine", "stable") is True
    answer = client.api.remove_image("alpine:3.20")
    assert (answer, client.images.get(image.id).tags) == (
        [{"Untagged": "alpine:3.20"}], ["mirror/alpine:stable"]
    )


def test_remove_deletes(fake_docker: FakeDocker, client: Any) -> None:
    """Removing the last name deletes the image."""
    image_id = fake_docker.add_image("alpine:3.20")
    answer = client.api.remove_image("alpine:3.20")
    assert (answer, client.images.list()) == (
        [{"Untagged": "alpine:3.20"}, {"Deleted": image_id}], []
    )


def test_remove_in_use(fake_docker: FakeDocker, client: Any) -> None:
    """An image a container uses is kept, with the daemon's conflict message."""
    image_id = fake_docker.add_image("alpine:3.20")
    container_id = fake_docker.add_container("alpine:3.20", status="exited")
    with pytest.raises(docker.errors.APIError) as caught:
        client.images.remove("alpine:3.20")
    assert (caught.value.status_code, caught.value.explanation) == (
        409, f'conflict: unable to remove repository reference "alpine:3.20" (must force) - '
             f"container {container_id[:12]} is using its referenced image {image_id[7:19]}"
    )


def test_remove_used_by_running(fake_docker: FakeDocker, client: Any) -> None:
    """Even forced, an image a running container uses cannot be deleted."""
    image_id = fake_docker.add_image("alpine:3.20")
    container_id = fake_docker.add_container("alpine:3.20")
    with pytest.raises(docker.errors.APIError) as caught:
        client.images.remove(image_id, force=True)
    assert caught.value.explanation == (
        f"conflict: unable to delete {image_id[7:19]} (cannot be forced) - image is being used "
        f"by running container {container_id[:12]}"
    )


def test_push_and_pull_back(fake_docker: FakeDocker, client: Any) -> None:
    """A pushed image is in the registry: its messages end with the digest, pulls find it."""
    fake_docker.add_image("registry.example:5000/team/app:2", layers=[LAYER_A])
    messages = list(client.images.push("registry.example:5000/team/app", tag="2", stream=True,
                                       decode=True))
    assert (messages[0]["status"], messages[-1]["aux"]["Tag"],
            fake_docker.registry.references()) == (
        "The push refers to repository [registry.example:5000/team/app]", "2",
        ["registry.example:5000/team/app:2"],
    )


def test_push_missing(client: Any) -> None:
    """Pushing what is not local ends the stream with the daemon's error message."""
    messages = list(client.api.push("nothing", tag="1", stream=True, decode=True))
    assert messages == [{
        "errorDetail": {"message": "An image does not exist locally with the tag: nothing"},
        "error": "An image does not exist locally with the tag: nothing",
    }]


def test_prune_dangling(fake_docker: FakeDocker, client: Any) -> None:
    """prune removes dangling images no container uses."""
    fake_docker.add_image("app:1", created=1.0)
    fake_docker.add_image("app:2", created=2.0)
    client.images.get("app:2").tag("app", "1")
    dangling = fake_docker.client().images.list()[1].id
    answer = client.images.prune()
    assert (answer["ImagesDeleted"], [i.tags for i in client.images.list()]) == (
        [{"Deleted": dangling}], [["app:2", "app:1"]]
    )


def test_registry_data(fake_docker: FakeDocker, client: Any) -> None:
    """get_registry_data reports the registry's digest and platforms."""
    fake_docker.registry.add("alpine:3.20", platform="linux/amd64")
    digest = fake_docker.registry.add("alpine:3.20", platform="linux/arm/v7")
    data = client.images.get_registry_data("alpine:3.20")
    assert (data.id, data.has_platform("linux/arm/v7"), data.has_platform("linux/s390x"),
            data.attrs["Descriptor"]["mediaType"]) == (
        digest, True, False, "application/vnd.oci.image.index.v1+json"
    )


def test_registry_references_and_remove(fake_docker: FakeDocker) -> None:
    """registry.references lists what was added; remove forgets a reference."""
    fake_docker.registry.add("alpine:3.20")
    fake_docker.registry.add("ghcr.io/acme/app:1")
    fake_docker.registry.remove("alpine:3.20")
    assert fake_docker.registry.references() == ["ghcr.io/acme/app:1"]


def test_registry_add_needs_a_tag(fake_docker: FakeDocker) -> None:
    """registry.add refuses a digest reference: the digest comes from the content."""
    with pytest.raises(ValueError, match=r"^registry\.add needs a tag, not a digest: "):
        fake_docker.registry.add("alpine@sha256:" + "0" * 64)
