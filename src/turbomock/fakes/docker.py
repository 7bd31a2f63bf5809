"""A verified in-memory fake of the Docker SDK for Python (docker-py).

While a ``FakeDocker`` is active, every docker-py client (``docker.from_env()``,
``docker.DockerClient(...)``, ``docker.APIClient(...)``) talks to an in-memory Docker
engine instead of a daemon. The clients, their methods and the objects they return
are docker-py's own: only the transport is replaced, so a call the SDK would reject
is rejected, and the errors and models are the SDK's.

    import docker
    from turbomock.fakes.docker import FakeDocker

    with FakeDocker() as fake:
        fake.registry.add("alpine:3.20")
        fake.program("alpine:3.20", command=["echo", "hi"], stdout=b"hi\\n", exit_code=0)
        client = docker.from_env()
        assert client.containers.run("alpine:3.20", ["echo", "hi"]) == b"hi\\n"
        fake.api.create_container.assert_called_once()

Needs docker-py: ``pip install 'turbomock[docker]'``. The pytest fixture is
``fake_docker``.
"""

from __future__ import annotations

from turbomock.fakes import _docker_messages as msg

try:
    import docker
except ImportError as error:  # pragma: no cover - tested in a subprocess without docker-py
    raise ImportError(msg.INSTALL_HINT, name=error.name) from error

import functools
import inspect
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Callable, TypeVar

import turbomock
from turbomock.fakes import _docker_api_containers as containers_api
from turbomock.fakes import _docker_client as clients
from turbomock.fakes import _docker_lifecycle as life
from turbomock.fakes._docker_daemon import Daemon
from turbomock.fakes._docker_errors import DaemonError, FakeDockerError
from turbomock.fakes._docker_faults import Faults
from turbomock.fakes._docker_http import Request
from turbomock.fakes._docker_names import parse_platform, parse_reference
from turbomock.fakes._docker_registry import Layer, LayerSpec, Registry, make_content
from turbomock.fakes._docker_state import (
    HEALTH_STATUSES,
    STATUSES,
    Engine,
    ExecProgram,
    Program,
)
from turbomock.fakes._docker_transport import EngineAdapter

__all__ = ["FakeDocker", "FakeDockerError", "Faults", "Layer", "Registry"]

F = TypeVar("F", bound=Callable[..., Any])


class FakeDocker:
    """An in-memory Docker engine behind docker-py, active as a context manager or decorator.

    ``platform`` is the engine's own (what a pull without ``platform=`` gets);
    ``clock`` gives the time the engine stamps on what it creates (``time.time``
    by default), so tests can pin ``Created`` and ``docker ps``'s durations.
    """

    def __init__(
        self, *, platform: str = "linux/amd64", clock: Callable[[], float] | None = None
    ) -> None:
        self._options: dict[str, Any] = {"platform": platform, "clock": clock}
        now = clock or time.time
        #: What the remote registries hold: ``fake.registry.add("alpine:3.20", ...)``.
        self.registry = Registry(now)
        #: Failures to inject: a stopped daemon, daemon errors, timeouts, broken pulls.
        self.faults = Faults()
        self._engine = Engine(now, self.registry, parse_platform(platform))
        self._recorder = clients.Recorder(self.faults.take_exception)
        self._daemon = Daemon(self._engine, self.faults)
        self._adapter = EngineAdapter(self._daemon, self.faults, clients.current_call)
        self._patch: Any = None

    def __repr__(self) -> str:
        state = "active" if self.active else "inactive"
        return f"<FakeDocker {state}: {len(self._engine.images)} images, " \
               f"{len(self._engine.containers)} containers>"

    @property
    def api(self) -> Any:
        """Every call the code under test made on an ``APIClient`` method, recorded on turbomock
        mocks autospecced from docker-py: ``fake.api.pull.assert_called_once_with(...)``."""
        return self._recorder.api

    # --- activation -------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._patch is not None

    def start(self) -> FakeDocker:
        """Route every docker-py client made from now on to this engine, until ``stop()``."""
        if self._patch is not None:
            raise RuntimeError(msg.already_active())
        patcher: Any = turbomock.patch  # its .object is set after definition, unseen by mypy
        patch = patcher.object(docker.APIClient, "__init__", clients.init_for(self))
        patch.start()
        self._patch = patch
        return self

    def stop(self) -> None:
        """Restore docker-py; clients made meanwhile keep talking to this engine."""
        if self._patch is None:
            raise RuntimeError(msg.not_active())
        patch, self._patch = self._patch, None
        patch.stop()

    def __enter__(self) -> FakeDocker:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __call__(self, function: F) -> F:
        """Decorate a test: each call gets a fresh fake, as its last positional parameter."""
        if not inspect.isfunction(function) and not inspect.ismethod(function):
            raise TypeError(msg.not_a_function(function))
        options = self._options
        signature = inspect.signature(function)
        params = list(signature.parameters.values())
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if not positional:
            raise TypeError(msg.no_parameter_for_fake(function.__qualname__))
        taken = positional[-1]
        params.remove(taken)

        def arguments(fake: FakeDocker, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            # By name, so that callers passing the rest by keyword (pytest) fit too.
            if taken.kind is taken.POSITIONAL_ONLY:
                return (*args, fake), kwargs
            return args, {**kwargs, taken.name: fake}

        if inspect.iscoroutinefunction(function):
            @functools.wraps(function)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with FakeDocker(**options) as fake:
                    args, kwargs = arguments(fake, args, kwargs)
                    return await function(*args, **kwargs)
            wrapper: Any = run_async
        else:
            @functools.wraps(function)
            def run(*args: Any, **kwargs: Any) -> Any:
                with FakeDocker(**options) as fake:
                    args, kwargs = arguments(fake, args, kwargs)
                    return function(*args, **kwargs)
            wrapper = run
        wrapper.__signature__ = signature.replace(parameters=params)
        return wrapper  # type: ignore[no-any-return]

    # --- clients ------------------------------------------------------------------------------

    def client(self, **kwargs: Any) -> Any:
        """A ``docker.DockerClient`` of this engine, active or not (``kwargs`` as for it)."""
        client = docker.DockerClient.__new__(docker.DockerClient)
        client.api = self.api_client(**kwargs)
        return client

    def api_client(self, **kwargs: Any) -> Any:
        """A ``docker.APIClient`` of this engine, active or not (``kwargs`` as for it)."""
        return clients.new_api_client(self, **kwargs)

    # --- declaring the world --------------------------------------------------------------------

    def add_image(
        self,
        reference: str,
        *,
        platform: str | None = None,
        layers: Sequence[LayerSpec] | None = None,
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
        """Put an image in the engine, as if pulled long ago; return its id (``sha256:...``).

        Takes the content arguments of ``registry.add``. The registry is not changed:
        add the reference there too if the code under test pulls it.
        """
        ref = parse_reference(reference)
        content = make_content(
            ref.familiar, platform=platform or str(self._engine.platform), layers=layers,
            labels=labels, env=env, cmd=cmd, entrypoint=entrypoint, working_dir=working_dir,
            exposed_ports=exposed_ports, user=user, healthcheck=healthcheck,
            created=self._engine.clock() if created is None else created,
        )
        with self._engine.lock:
            image = self._engine.store_image(content)
            if ref.digest is None:
                self._engine.tag_image(image, ref.familiar)
            else:
                image.digests.append(ref.familiar)
            return image.id

    def add_container(
        self,
        image: str,
        *,
        name: str | None = None,
        command: Sequence[str] | str | None = None,
        status: str = "running",
        exit_code: int = 0,
        env: Mapping[str, str] | None = None,
        labels: Mapping[str, str] | None = None,
        health: str | None = None,
        stdout: bytes = b"",
        stderr: bytes = b"",
    ) -> str:
        """Put a container in the engine, in ``status`` (``created``, ``running``, ``paused``,
        ``exited``...), as if made before the test; return its id.

        ``exit_code`` is that of an exited container; ``stdout``/``stderr`` are already in
        its log; ``health`` (``healthy``, ``unhealthy``, ``starting``) is its healthcheck's.
        The image must be in the engine (``add_image``).
        """
        if status not in STATUSES:
            raise ValueError(msg.unknown_status(status, STATUSES))
        _check_health(health)
        body: dict[str, Any] = {
            "Image": image,
            "Cmd": _command(command),
            "Env": [f"{key}={value}" for key, value in (env or {}).items()],
            "Labels": dict(labels or {}),
        }
        params = {"name": [name]} if name else {}
        engine = self._engine
        with engine.lock:
            if engine.image_or_none(image) is None:
                raise FakeDockerError(msg.image_not_local(image))
            request = Request("POST", "/containers/create", params, body)
            try:
                reply = containers_api.create(self._daemon, request, ())
            except DaemonError as error:
                raise FakeDockerError(error.message) from None
            container = engine.containers[reply.json["Id"]]
            container.log(engine.clock(), 1, stdout)
            container.log(engine.clock(), 2, stderr)
            life.place(engine, container, status, exit_code)
            if health is not None:
                container.health = health
            return container.id

    def program(
        self,
        image: str,
        *,
        command: Sequence[str] | str | None = None,
        exit_code: int | None = None,
        stdout: bytes = b"",
        stderr: bytes = b"",
        health: str | None = None,
        stop_exit_code: int = 0,
    ) -> None:
        """Declare what a container of ``image`` (run with ``command``, if given) does when started.

        It writes ``stdout`` and ``stderr`` to its log, then exits with ``exit_code`` at
        once, or, with ``exit_code=None``, runs until stopped (exiting with
        ``stop_exit_code``) or killed. The most specific declaration wins, the latest
        among equals. Without any, a container runs silently until stopped.
        """
        _check_health(health)
        self._engine.programs.append(Program(
            image=image, command=_command(command), exit_code=exit_code,
            stdout=stdout, stderr=stderr, health=health, stop_exit_code=stop_exit_code,
        ))

    def program_exec(
        self,
        command: Sequence[str] | str,
        *,
        container: str | None = None,
        exit_code: int = 0,
        stdout: bytes = b"",
        stderr: bytes = b"",
    ) -> None:
        """Declare what ``command`` prints and returns when run with ``exec`` (in ``container``
        only, if given). An exec of an undeclared command raises ``FakeDockerError``."""
        self._engine.exec_programs.append(ExecProgram(
            command=_command(command) or [], container=container, exit_code=exit_code,
            stdout=stdout, stderr=stderr,
        ))


def _check_health(health: str | None) -> None:
    if health is not None and health not in HEALTH_STATUSES:
        raise ValueError(msg.unknown_health(health, HEALTH_STATUSES))


def _command(command: Sequence[str] | str | None) -> list[str] | None:
    if command is None:
        return None
    if isinstance(command, str):
        return list(docker.utils.split_command(command))
    return list(command)
