"""Turning the fake on and off: which clients it serves, and that docker-py is restored."""

from __future__ import annotations

import asyncio
import inspect
import json
import types
from pathlib import Path

import docker
import docker.api.client
import docker.client
import pytest

from turbomock.fakes import _docker_client
from turbomock.fakes.docker import FakeDocker

SDK_INIT = docker.APIClient.__init__


def _module_with_copies() -> types.ModuleType:
    """A module that bound docker-py's names before any fake started."""
    module = types.ModuleType("already_loaded")
    exec("from docker import APIClient, DockerClient, from_env", module.__dict__)
    return module


def test_from_env_talks_to_the_fake() -> None:
    """docker.from_env() while active returns a client whose requests the fake answers."""
    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        assert docker.from_env().images.get("alpine:3.20").tags == ["alpine:3.20"]


def test_every_constructor_is_served() -> None:
    """DockerClient(), APIClient(), and their names in docker.client and docker.api.client."""
    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        clients = [
            docker.DockerClient().api, docker.APIClient(), docker.client.from_env().api,
            docker.api.client.APIClient(base_url="tcp://127.0.0.1:2375"),
            docker.DockerClient.from_env().api,
        ]
        assert [c.inspect_image("alpine:3.20")["RepoTags"] for c in clients] == [
            ["alpine:3.20"]
        ] * 5


def test_copies_bound_before_start_are_served() -> None:
    """Names bound by 'from docker import ...' before the fake started reach it too."""
    module = _module_with_copies()
    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        made = [module.from_env().api, module.DockerClient().api, module.APIClient()]
        assert {len(c.images()) for c in made} == {1}


def test_clients_are_docker_py_classes() -> None:
    """The clients are instances of docker-py's own classes, named as they are."""
    with FakeDocker():
        client = docker.from_env()
        api = client.api
    assert (type(client) is docker.DockerClient, isinstance(api, docker.APIClient),
            type(api).__name__, type(api).__module__) == (
        True, True, "APIClient", "docker.api.client"
    )


def test_init_is_restored() -> None:
    """Leaving the fake puts docker-py's own APIClient.__init__ back."""
    with FakeDocker():
        assert docker.APIClient.__init__ is not SDK_INIT
    assert docker.APIClient.__init__ is SDK_INIT


def test_init_is_restored_after_an_exception() -> None:
    """An exception inside the fake still restores docker-py."""
    with pytest.raises(KeyError), FakeDocker():
        raise KeyError("boom")
    assert docker.APIClient.__init__ is SDK_INIT


def test_client_made_inside_keeps_its_engine() -> None:
    """A client made while active keeps talking to the fake after it stops."""
    with FakeDocker() as fake:
        client = docker.from_env()
    fake.add_image("alpine:3.20")
    assert client.images.get("alpine:3.20").tags == ["alpine:3.20"]


def test_nested_fakes_have_their_own_engines() -> None:
    """An inner fake serves clients made inside it; the outer one serves again after it."""
    with FakeDocker() as outer:
        outer.add_image("alpine:3.20")
        with FakeDocker():
            assert docker.from_env().images.list() == []
        assert len(docker.from_env().images.list()) == 1


def test_start_twice_is_refused() -> None:
    """start() on an active fake raises RuntimeError."""
    fake = FakeDocker()
    with fake, pytest.raises(RuntimeError) as caught:
        fake.start()
    assert str(caught.value) == "this FakeDocker is already active; make a new one to nest fakes"


def test_stop_when_inactive_is_refused() -> None:
    """stop() on an inactive fake raises RuntimeError."""
    with pytest.raises(RuntimeError, match=r"^this FakeDocker is not active$"):
        FakeDocker().stop()


def test_client_of_an_inactive_fake() -> None:
    """fake.client() works without activating anything."""
    fake = FakeDocker()
    fake.add_image("alpine:3.20")
    assert (fake.client().images.get("alpine:3.20").tags, fake.active) == (["alpine:3.20"], False)


def test_subclass_keeps_its_methods() -> None:
    """A subclass of APIClient made while active is served and keeps its own methods."""

    class Mine(docker.APIClient):
        def image_count(self) -> int:
            return len(self.images())

    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        mine = Mine()
        assert (mine.image_count(), isinstance(mine, Mine)) == (1, True)


def test_machine_config_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's Docker config (here, proxies) does not leak into the fake's containers."""
    config = {"proxies": {"default": {"httpProxy": "http://proxy.invalid:3128"}}}
    (tmp_path / "config.json").write_text(json.dumps(config))
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    with FakeDocker() as fake:
        fake.add_image("alpine:3.20")
        container = docker.from_env().containers.create("alpine:3.20")
        assert not any("proxy" in entry.lower() for entry in container.attrs["Config"]["Env"])


def test_decorator_passes_a_fresh_fake() -> None:
    """As a decorator, each call gets its own active fake as the last argument."""
    seen = []

    @FakeDocker()
    def check(label: str, fake: FakeDocker) -> None:
        fake.add_image(f"alpine:{label}")
        seen.append([i.tags for i in docker.from_env().images.list()])

    check("1")
    check("2")
    assert (seen, docker.APIClient.__init__ is SDK_INIT) == ([[["alpine:1"]], [["alpine:2"]]], True)


def test_decorator_hides_the_parameter() -> None:
    """The decorated function's signature drops the fake: pytest must not seek a fixture."""

    @FakeDocker()
    def check(tmp_path: Path, fake: FakeDocker) -> None:
        """A test."""

    assert (str(inspect.signature(check)), check.__doc__) == (
        "(tmp_path: 'Path') -> 'None'", "A test."
    )


def test_decorated_pytest_test_runs(pytester: pytest.Pytester) -> None:
    """pytest collects and runs a test decorated with FakeDocker(), fixtures included."""
    pytester.makepyfile(
        """
        import docker
        from turbomock.fakes.docker import FakeDocker

        @FakeDocker()
        def test_it(tmp_path, fake):
            fake.add_image("alpine:3.20")
            assert tmp_path.exists() and len(docker.from_env().images.list()) == 1
        """
    )
    # hypothesis's plugin spends seconds on its summary; this run has no use for it
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest").assert_outcomes(
        passed=1
    )


def test_decorator_on_coroutine_function() -> None:
    """A decorated coroutine function runs with the fake active while it is awaited."""

    @FakeDocker()
    async def check(fake: FakeDocker) -> list[str]:
        fake.add_image("alpine:3.20")
        await asyncio.sleep(0)
        return [i.tags[0] for i in docker.from_env().images.list()]

    assert asyncio.run(check()) == ["alpine:3.20"]


def test_decorator_refuses_a_class() -> None:
    """Decorating something that is not a function raises TypeError."""
    with pytest.raises(TypeError, match=r"^FakeDocker\(\) decorates functions and coroutine "):
        FakeDocker()(int)  # type: ignore[type-var]


def test_decorator_needs_a_parameter() -> None:
    """Decorating a function with no positional parameter for the fake raises TypeError."""

    def check() -> None:
        """Takes nothing."""

    with pytest.raises(TypeError) as caught:
        FakeDocker()(check)
    assert str(caught.value) == (
        "test_decorator_needs_a_parameter.<locals>.check must take the fake as its last "
        "positional parameter"
    )


def test_fixture_is_active(fake_docker: FakeDocker) -> None:
    """The fake_docker fixture is an active fake."""
    assert (fake_docker.active, docker.from_env().ping()) == (True, True)


def test_fake_class_is_made_once() -> None:
    """The fake subclass of a client class is built once and reused."""
    first = _docker_client.fake_class(docker.APIClient)
    assert (first is _docker_client.fake_class(docker.APIClient),
            _docker_client.fake_class(first) is first) == (True, True)


def test_repr() -> None:
    """The repr says whether the fake is active and what it holds."""
    fake = FakeDocker()
    fake.add_image("alpine:3.20")
    assert repr(fake) == "<FakeDocker inactive: 1 images, 0 containers>"
