"""Containers: create, run, lifecycle, wait, logs, exec, listing, and the daemon's refusals."""

from __future__ import annotations

from typing import Any

import docker
import pytest
import requests

from turbomock.fakes.docker import FakeDocker, FakeDockerError


@pytest.fixture
def client(fake_docker: FakeDocker) -> Any:
    fake_docker.add_image("alpine:3.20", env={"LANG": "C"}, cmd=["sh"], labels={"base": "1"})
    return docker.from_env()


def test_run_returns_the_output(fake_docker: FakeDocker, client: Any) -> None:
    """run without detach returns what the program wrote to stdout."""
    fake_docker.program("alpine:3.20", command=["echo", "hi"], stdout=b"hi\n", exit_code=0)
    assert client.containers.run("alpine:3.20", "echo hi") == b"hi\n"


def test_run_failure_raises_container_error(fake_docker: FakeDocker, client: Any) -> None:
    """A non-zero exit raises docker-py's ContainerError, carrying stderr."""
    fake_docker.program("alpine:3.20", exit_code=3, stderr=b"boom\n")
    with pytest.raises(docker.errors.ContainerError) as caught:
        client.containers.run("alpine:3.20", "false")
    assert (caught.value.exit_status, caught.value.stderr, str(caught.value)) == (
        3, b"boom\n", "Command 'false' in image 'alpine:3.20' returned non-zero exit status "
                      "3: b'boom\\n'"
    )


def test_run_remove(fake_docker: FakeDocker, client: Any) -> None:
    """run(remove=True) leaves no container behind."""
    fake_docker.program("alpine:3.20", exit_code=0)
    client.containers.run("alpine:3.20", remove=True)
    assert client.containers.list(all=True) == []


def test_run_detached_auto_remove(fake_docker: FakeDocker, client: Any) -> None:
    """run(detach=True, remove=True) sets auto-remove: the container goes when it exits."""
    container = client.containers.run("alpine:3.20", detach=True, remove=True)
    container.stop()
    assert client.containers.list(all=True) == []


def test_run_pulls_a_missing_image(fake_docker: FakeDocker, client: Any) -> None:
    """run pulls an image that is not local, as docker-py does on ImageNotFound."""
    fake_docker.registry.add("busybox:1")
    fake_docker.program("busybox:1", exit_code=0, stdout=b"ok")
    assert client.containers.run("busybox:1") == b"ok"
    fake_docker.api.pull.assert_called_once_with("busybox", tag="1", stream=True,
                                                 all_tags=False, platform=None)


def test_run_missing_everywhere(client: Any) -> None:
    """run of an image neither local nor in the registry raises ImageNotFound."""
    with pytest.raises(docker.errors.ImageNotFound, match=r"repository does not exist"):
        client.containers.run("nothing:1")


def test_run_forever_refuses_to_hang(client: Any) -> None:
    """run without detach on a program that never exits raises FakeDockerError at once."""
    with pytest.raises(FakeDockerError) as caught:
        client.containers.run("alpine:3.20", name="svc")
    assert str(caught.value) == (
        "wait() would block forever: container svc is running and its program never exits. "
        "Declare how it ends with fake.program(image, exit_code=...), stop it first, or pass "
        "a timeout."
    )


def test_create_merges_the_image_config(client: Any) -> None:
    """A new container's config is the client's settings over the image's."""
    container = client.containers.create("alpine:3.20", environment={"A": "1"},
                                         labels={"app": "x"}, name="box")
    config = container.attrs["Config"]
    assert (container.name, container.status, config["Env"][-2:], config["Cmd"],
            container.labels, config["Image"]) == (
        "box", "created", ["LANG=C", "A=1"], ["sh"], {"base": "1", "app": "x"}, "alpine:3.20"
    )


def test_create_name_conflict(client: Any) -> None:
    """A name in use is the daemon's 409 with its message."""
    first = client.containers.create("alpine:3.20", name="box")
    with pytest.raises(docker.errors.APIError) as caught:
        client.containers.create("alpine:3.20", name="box")
    assert (caught.value.status_code, caught.value.explanation) == (409, (
        f'Conflict. The container name "/box" is already in use by container "{first.id}". '
        "You have to remove (or rename) that container to be able to reuse that name."
    ))


def test_create_platform_mismatch(client: Any) -> None:
    """Creating for another platform than the local image's: ImageNotFound, as docker-py maps it."""
    with pytest.raises(docker.errors.ImageNotFound) as caught:
        client.containers.create("alpine:3.20", platform="linux/arm64")
    assert caught.value.explanation == (
        "image with reference alpine:3.20 was found but does not match the specified "
        "platform: wanted linux/arm64/v8, actual: linux/amd64"
    )


def test_lifecycle(fake_docker: FakeDocker, client: Any) -> None:
    """start, pause, unpause, stop and restart move the container through its states."""
    fake_docker.program("alpine:3.20", stop_exit_code=143)
    container = client.containers.create("alpine:3.20")
    seen = []
    for step in ("start", "pause", "unpause", "stop", "restart"):
        getattr(container, step)()
        container.reload()
        seen.append((container.status, container.attrs["State"]["ExitCode"]))
    assert seen == [("running", 0), ("paused", 0), ("running", 0), ("exited", 143),
                    ("running", 0)]


def test_kill_signals(fake_docker: FakeDocker, client: Any) -> None:
    """SIGKILL ends with 137, SIGTERM with the stop code, SIGHUP changes nothing."""
    fake_docker.program("alpine:3.20", stop_exit_code=0)
    codes = []
    for signal in ("SIGHUP", "SIGTERM", None):
        container = client.containers.run("alpine:3.20", detach=True)
        container.kill(signal=signal)
        container.reload()
        codes.append((container.status, container.attrs["State"]["ExitCode"]))
    assert codes == [("running", 0), ("exited", 0), ("exited", 137)]


def test_kill_not_running(client: Any) -> None:
    """Killing a stopped container is the daemon's 409."""
    container = client.containers.create("alpine:3.20", name="box")
    with pytest.raises(docker.errors.APIError) as caught:
        container.kill()
    assert caught.value.explanation == (
        f"Cannot kill container: {container.id}: Container {container.id} is not running"
    )


def test_invalid_signal(client: Any) -> None:
    """An unknown signal is the daemon's 400."""
    container = client.containers.run("alpine:3.20", detach=True)
    with pytest.raises(docker.errors.APIError, match=r'\("Invalid signal: SIGNOPE"\)'):
        container.kill("SIGNOPE")


def test_start_twice_is_not_an_error(client: Any) -> None:
    """Starting a running container is the daemon's 304: no error."""
    container = client.containers.run("alpine:3.20", detach=True)
    assert container.start() is None


def test_wait_returns_the_exit_code(fake_docker: FakeDocker, client: Any) -> None:
    """wait on an exited container returns its status code."""
    fake_docker.program("alpine:3.20", exit_code=7)
    container = client.containers.run("alpine:3.20", detach=True)
    assert container.wait() == {"Error": None, "StatusCode": 7}


def test_wait_timeout(client: Any) -> None:
    """wait(timeout=) on a container that keeps running raises requests' ReadTimeout."""
    container = client.containers.run("alpine:3.20", detach=True)
    with pytest.raises(requests.exceptions.ReadTimeout) as caught:
        container.wait(timeout=5)
    assert str(caught.value) == (
        "UnixHTTPConnectionPool(host='localhost', port=None): Read timed out. (read timeout=5)"
    )


def test_remove_running(client: Any) -> None:
    """Removing a running container is refused; force removes it."""
    container = client.containers.run("alpine:3.20", detach=True, name="svc")
    with pytest.raises(docker.errors.APIError) as caught:
        container.remove()
    container.remove(force=True)
    assert (caught.value.explanation, client.containers.list(all=True)) == (
        'cannot remove container "/svc": container is running: stop the container before '
        "removing or force remove", []
    )


def test_logs(fake_docker: FakeDocker, client: Any) -> None:
    """logs returns stdout and stderr, or one of them, as stored line by line."""
    fake_docker.program("alpine:3.20", stdout=b"one\ntwo\n", stderr=b"warn\n", exit_code=0)
    container = client.containers.run("alpine:3.20", detach=True)
    assert (container.logs(), container.logs(stdout=False), container.logs(tail=1),
            list(container.logs(stream=True))) == (
        b"one\ntwo\nwarn\n", b"warn\n", b"warn\n", [b"one\n", b"two\n", b"warn\n"]
    )


def test_logs_timestamps(client: Any) -> None:
    """logs(timestamps=True) prefixes each line with its RFC 3339 time."""
    with FakeDocker(clock=lambda: 1_700_000_000.5) as fake:
        fake.add_image("alpine:3.20")
        fake.add_container("alpine:3.20", name="box", stdout=b"hello\n")
        assert docker.from_env().containers.get("box").logs(timestamps=True) == (
            b"2023-11-14T22:13:20.500000000Z hello\n"
        )


def test_logs_of_a_tty_container(fake_docker: FakeDocker, client: Any) -> None:
    """A TTY container's log is raw, not multiplexed."""
    fake_docker.program("alpine:3.20", stdout=b"raw\n", exit_code=0)
    container = client.containers.run("alpine:3.20", tty=True, detach=True)
    assert (container.logs(), b"".join(container.logs(stream=True))) == (b"raw\n", b"raw\n")


def test_follow_a_running_container(fake_docker: FakeDocker, client: Any) -> None:
    """Following the log of a container that keeps running fails once the log is read."""
    fake_docker.program("alpine:3.20", stdout=b"up\n")
    container = client.containers.run("alpine:3.20", detach=True, name="svc")
    stream = container.logs(stream=True, follow=True)
    assert next(stream) == b"up\n"
    with pytest.raises(FakeDockerError, match=r"^logs\(follow=True\) would block forever"):
        next(stream)


def test_exec_run(fake_docker: FakeDocker, client: Any) -> None:
    """exec_run returns the declared exit code and output."""
    fake_docker.program_exec(["cat", "/etc/os-release"], stdout=b"ID=alpine\n", exit_code=0)
    container = client.containers.run("alpine:3.20", detach=True)
    result = container.exec_run("cat /etc/os-release")
    assert (result.exit_code, result.output) == (0, b"ID=alpine\n")


def test_exec_run_demux(fake_docker: FakeDocker, client: Any) -> None:
    """exec_run(demux=True) separates stdout from stderr."""
    fake_docker.program_exec("ls /nope", stdout=b"", stderr=b"no such file\n", exit_code=1)
    container = client.containers.run("alpine:3.20", detach=True)
    assert tuple(container.exec_run("ls /nope", demux=True)) == (1, (None, b"no such file\n"))


def test_exec_run_stream(fake_docker: FakeDocker, client: Any) -> None:
    """exec_run(stream=True) yields the output chunks."""
    fake_docker.program_exec("tail", stdout=b"a\n")
    container = client.containers.run("alpine:3.20", detach=True)
    assert list(container.exec_run("tail", stream=True).output) == [b"a\n"]


def test_exec_for_one_container(fake_docker: FakeDocker, client: Any) -> None:
    """An exec declared for one container does not answer for another."""
    fake_docker.program_exec("id", container="one", stdout=b"root\n")
    one = client.containers.run("alpine:3.20", detach=True, name="one")
    two = client.containers.run("alpine:3.20", detach=True, name="two")
    assert one.exec_run("id").output == b"root\n"
    with pytest.raises(FakeDockerError) as caught:
        two.exec_run("id")
    assert str(caught.value) == (
        "the fake Docker engine does not know what ['id'] prints in container two: declare it "
        "with fake.program_exec(['id'], exit_code=..., stdout=...)"
    )


def test_exec_in_stopped_container(client: Any) -> None:
    """exec in a container that is not running is the daemon's 409."""
    container = client.containers.create("alpine:3.20")
    with pytest.raises(docker.errors.APIError) as caught:
        container.exec_run("true")
    assert (caught.value.status_code, caught.value.explanation) == (
        409, f"Container {container.id} is not running"
    )


def test_list_running_and_all(client: Any) -> None:
    """list shows running containers, newest first; all=True shows the rest too."""
    client.containers.create("alpine:3.20", name="made")
    client.containers.run("alpine:3.20", detach=True, name="up")
    assert ([c.name for c in client.containers.list()],
            [c.name for c in client.containers.list(all=True)]) == (["up"], ["up", "made"])


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        ({"status": "exited"}, ["down"]),
        ({"exited": 1}, ["down"]),
        ({"label": "role=web"}, ["web"]),
        ({"label": ["role"]}, ["web", "down"]),
        ({"name": "we"}, ["web"]),
        ({"ancestor": "alpine:3.20"}, ["web", "down"]),
        ({"health": "healthy"}, ["web"]),
        ({"network": "bridge"}, ["web", "down"]),
    ],
)
def test_list_filters(
    fake_docker: FakeDocker, client: Any, filters: dict[str, Any], names: list[str]
) -> None:
    """list(filters=) keeps the containers the daemon would."""
    fake_docker.add_container("alpine:3.20", name="down", status="exited", exit_code=1,
                              labels={"role": "db"})
    fake_docker.add_container("alpine:3.20", name="web", labels={"role": "web"},
                              health="healthy")
    assert [c.name for c in client.containers.list(all=True, filters=filters)] == names


def test_list_filter_not_faked(client: Any) -> None:
    """A daemon filter the fake does not implement fails loudly instead of being ignored."""
    with pytest.raises(FakeDockerError, match=r"^the fake Docker engine does not implement "
                                              r"the 'publish' filter"):
        client.containers.list(filters={"publish": "80"})


def test_list_limit_and_since(client: Any) -> None:
    """limit and since select among all containers, newest first."""
    for name in ("a1", "a2", "a3"):
        client.containers.create("alpine:3.20", name=name)
    assert ([c.name for c in client.containers.list(limit=2)],
            [c.name for c in client.containers.list(since="a1")]) == (["a3", "a2"], ["a3", "a2"])


def test_ports_published(client: Any) -> None:
    """Published ports appear once running; a port without a host port gets one assigned."""
    container = client.containers.run("alpine:3.20", detach=True, ports={"80/tcp": 8080,
                                                                         "53/udp": None})
    container.reload()
    assert (container.ports["80/tcp"], container.ports["53/udp"][0]["HostPort"]) == (
        [{"HostIp": "0.0.0.0", "HostPort": "8080"}, {"HostIp": "::", "HostPort": "8080"}],
        "32768",
    )


def test_summary_status_text(client: Any) -> None:
    """The listing's Status reads like docker ps."""
    now = [100.0]
    with FakeDocker(clock=lambda: now[0]) as fake:
        fake.add_image("alpine:3.20")
        fake.add_container("alpine:3.20", name="box", health="healthy")
        now[0] = 103.0
        assert docker.from_env().api.containers()[0]["Status"] == "Up 3 seconds (healthy)"


def test_mounts_and_volumes(client: Any) -> None:
    """A named volume in a run is created and mounted; a bind mount is listed as such."""
    container = client.containers.run(
        "alpine:3.20", detach=True,
        volumes={"cache": {"bind": "/cache", "mode": "rw"}, "/srv": {"bind": "/srv", "mode": "ro"}},
    )
    mounts = {m["Destination"]: (m["Type"], m["RW"]) for m in container.attrs["Mounts"]}
    assert (mounts, client.volumes.get("cache").name) == (
        {"/cache": ("volume", True), "/srv": ("bind", False)}, "cache"
    )


def test_network_address_while_running(client: Any) -> None:
    """A container on the default bridge has an address only while it runs."""
    container = client.containers.run("alpine:3.20", detach=True)
    container.reload()
    running = container.attrs["NetworkSettings"]["IPAddress"]
    container.stop()
    container.reload()
    assert (running, container.attrs["NetworkSettings"]["IPAddress"]) == ("172.17.0.2", "")


def test_image_of_a_container(client: Any) -> None:
    """container.image is the Image it was created from."""
    container = client.containers.create("alpine:3.20")
    assert container.image.tags == ["alpine:3.20"]


def test_rename(client: Any) -> None:
    """rename changes the name the container is found by."""
    client.containers.create("alpine:3.20", name="old").rename("new")
    assert client.containers.get("new").name == "new"


def test_prune(fake_docker: FakeDocker, client: Any) -> None:
    """prune removes every container that is not running."""
    stopped = fake_docker.add_container("alpine:3.20", status="exited")
    fake_docker.add_container("alpine:3.20", name="up")
    assert (client.containers.prune()["ContainersDeleted"],
            [c.name for c in client.containers.list(all=True)]) == ([stopped], ["up"])


def test_add_container_refuses_a_missing_image(fake_docker: FakeDocker) -> None:
    """add_container needs the image in the engine, and says how to add it."""
    with pytest.raises(FakeDockerError) as caught:
        fake_docker.add_container("nothing:1")
    assert str(caught.value) == (
        "add_container: no local image 'nothing:1'. Add it first with "
        "fake.add_image('nothing:1', ...) or pull it."
    )


def test_add_container_refuses_an_unknown_status(fake_docker: FakeDocker) -> None:
    """add_container lists the statuses it knows."""
    with pytest.raises(ValueError, match=r"^status must be one of created, running, paused, "
                                         r"restarting, exited, dead, not 'up'$"):
        fake_docker.add_container("alpine:3.20", status="up")


def test_unknown_health_is_refused(fake_docker: FakeDocker) -> None:
    """program and add_container accept only the daemon's health statuses."""
    with pytest.raises(ValueError, match=r"^health must be one of starting, healthy, unhealthy "
                                         r"\(or None\), not 'fine'$"):
        fake_docker.program("alpine:3.20", health="fine")


def test_most_specific_program_wins(fake_docker: FakeDocker, client: Any) -> None:
    """A program declared for the command beats one for the image alone, in any order."""
    fake_docker.program("alpine:3.20", command="echo a", stdout=b"a", exit_code=0)
    fake_docker.program("alpine:3.20", stdout=b"any", exit_code=0)
    assert (client.containers.run("alpine:3.20", "echo a"),
            client.containers.run("alpine:3.20", "echo b")) == (b"a", b"any")


def test_threads_share_the_engine(fake_docker: FakeDocker, client: Any) -> None:
    """Containers created from many threads at once all land in the engine, each once."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: client.containers.create("alpine:3.20", name=f"c{n}"),
                      range(40)))
    assert (len(client.containers.list(all=True)), fake_docker.api.create_container.call_count) == (
        40, 40
    )
