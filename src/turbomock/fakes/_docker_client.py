"""Clients of the fake engine: docker-py's own ``APIClient``, wired to the fake and recorded.

While a fake is active, ``docker.APIClient.__init__`` is patched (with turbomock's
``patch.object``, so it is restored whatever happens). The patched ``__init__`` moves
the new instance to a subclass made here (``__class__`` assignment: the layout is the
same) and then runs docker-py's own ``__init__``. Every way of making a client goes
through it: ``docker.from_env()``, ``docker.DockerClient(...)``, ``docker.APIClient(...)``,
copies bound with ``from docker import from_env`` long before, and subclasses of
``APIClient``. Patching ``__new__`` instead would be simpler but cannot be undone:
CPython leaves a class whose ``__new__`` was assigned and deleted unable to create
instances with arguments.

The subclass changes three things and nothing else. ``get_adapter`` sends every
request to the fake's daemon. ``_read_from_socket`` reads exec output from the
response body, as there is no socket. And each public method of docker-py's API is
wrapped so that a call made from outside ``APIClient`` is recorded on ``fake.api``
before docker-py's own method runs; calls docker-py makes to itself (``create_container``
calling ``create_container_from_config``, ``logs`` calling ``inspect_container``) are
not, so the record reads as what the code under test asked for.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable

import docker
import docker.auth
import docker.utils.proxy
import docker.utils.socket
import requests

import turbomock
from turbomock import DEFAULT
from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_errors import FakeDockerError

if TYPE_CHECKING:
    from turbomock.fakes.docker import FakeDocker

SDK_INIT: Callable[..., None] = docker.APIClient.__init__


class _Calls(threading.local):
    """Per thread: how deep inside APIClient methods we are, and the outermost one's name."""

    depth = 0
    name: str | None = None


_calls = _Calls()


def current_call() -> str | None:
    """The public APIClient method whose request is being sent on this thread, if any."""
    return _calls.name


@contextmanager
def _inside(name: str | None) -> Iterator[None]:
    outer = _calls.depth == 0
    _calls.depth += 1
    if outer:
        _calls.name = name
    try:
        yield
    finally:
        _calls.depth -= 1
        if outer:
            _calls.name = None


@functools.cache
def sdk_method_names() -> tuple[str, ...]:
    """The public methods of docker-py's low-level API, without those of ``requests.Session``."""
    session = set(dir(requests.Session))
    names = set()
    for klass in docker.APIClient.__mro__:
        if not klass.__module__.startswith("docker."):
            continue
        for name, value in vars(klass).items():
            if not name.startswith("_") and name not in session and inspect.isfunction(value):
                names.add(name)
    return tuple(sorted(names))


def _recorded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(function)

    @functools.wraps(function)
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _calls.depth:
            return function(self, *args, **kwargs)
        try:
            signature.bind(self, *args, **kwargs)
        except TypeError:
            # docker-py's own method rejects the call, with its own message; a refused
            # call is not recorded, as with an autospecced mock.
            with _inside(name):
                return function(self, *args, **kwargs)
        self._turbomock_fake._recorder.record(name, args, kwargs)
        with _inside(name):
            return function(self, *args, **kwargs)

    return method


def _get_adapter(self: Any, url: str) -> Any:
    """Every request of this client goes to its fake's daemon."""
    return self._turbomock_fake._adapter


def _frames(body: Any, tty: bool) -> Iterator[tuple[int, bytes]]:
    if tty:
        for chunk in body.stream():
            yield 1, chunk
        return
    while True:
        header = body.read(8)
        if len(header) < 8:
            return
        length = int.from_bytes(header[4:8], "big")
        yield header[0], body.read(length)


def _read_from_socket(
    self: Any, response: Any, stream: bool, tty: bool = True, demux: bool = False
) -> Any:
    """Exec output, read from the fake response's body where docker-py reads a socket."""
    frames = _frames(response.raw, tty)
    if demux:
        output: Iterator[Any] = (docker.utils.socket.demux_adaptor(*f) for f in frames)
    else:
        output = (data for _, data in frames)
    if stream:
        return output
    try:
        return docker.utils.socket.consume_socket_output(output, demux=demux)
    finally:
        response.close()


# One subclass per client class ever used; each refers to its base, so a weak mapping
# would never let go either.
_made: dict[type, type] = {}
_lock = threading.Lock()


def fake_class(base: type) -> type:
    """The fake engine's subclass of ``base`` (``docker.APIClient`` or a subclass of it)."""
    if getattr(base, "_turbomock_fake_class", False):
        return base
    with _lock:
        made = _made.get(base)
        if made is None:
            namespace: dict[str, Any] = {
                "__module__": base.__module__,
                "__qualname__": base.__qualname__,
                "__doc__": base.__doc__,
                "_turbomock_fake_class": True,
                "get_adapter": _get_adapter,
                "_read_from_socket": _read_from_socket,
            }
            for name in sdk_method_names():
                namespace[name] = _recorded(name, getattr(base, name))
            made = type(base.__name__, (base,), namespace)
            _made[base] = made
        return made


def _isolate(client: Any) -> None:
    """Forget the machine's ~/.docker/config.json: proxies, credentials, detach keys."""
    client._general_configs = {}
    client._auth_configs = docker.auth.AuthConfig({})
    client._proxy_configs = docker.utils.proxy.ProxyConfig()


def init_for(fake: FakeDocker) -> Callable[..., None]:
    """The ``APIClient.__init__`` installed while ``fake`` is active."""

    @functools.wraps(SDK_INIT)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        self.__class__ = fake_class(type(self))
        self._turbomock_fake = fake
        with _inside(None):
            SDK_INIT(self, *args, **kwargs)
        _isolate(self)

    return __init__


def new_api_client(fake: FakeDocker, **kwargs: Any) -> Any:
    """A low-level client of ``fake``, whether or not it is active."""
    cls: Any = fake_class(docker.APIClient)
    client = cls.__new__(cls)
    init_for(fake)(client, **kwargs)
    return client


class Recorder:
    """Records each outermost APIClient call for ``fake.api``, and raises faults armed for it.

    ``fake.api`` is built on first use (autospeccing all of APIClient's methods costs
    milliseconds, and most tests never look); calls made before are replayed into it
    in order. Its methods are records, not stubs: each one's ``return_value`` is a
    private marker, so a ``return_value`` or ``side_effect`` a test sets on it, which
    would silently change nothing, is noticed and refused at the next call.
    """

    _RECORDED = turbomock.sentinel.turbomock_fake_docker_recorded

    def __init__(self, take_exception: Callable[[str], BaseException | None]) -> None:
        self._take_exception = take_exception
        self._lock = threading.Lock()
        self._pending: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._api: Any = None

    @property
    def api(self) -> Any:
        with self._lock:
            if self._api is None:
                api = turbomock.create_autospec(docker.APIClient, instance=True, name="api")
                for name in sdk_method_names():
                    getattr(api, name).return_value = self._RECORDED
                for name, args, kwargs in self._pending:
                    getattr(api, name)(*args, **kwargs)
                self._pending = []
                self._api = api
            return self._api

    def record(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        with self._lock:
            api = self._api
            if api is None:
                self._pending.append((name, args, kwargs))
        if api is not None:
            child = getattr(api, name)
            if child._mock_return_value is DEFAULT:  # reset_mock(return_value=True)
                child.return_value = self._RECORDED
            if child.side_effect is not None or child.return_value is not self._RECORDED:
                raise FakeDockerError(msg.recorder_configured(name))
            child(*args, **kwargs)
        exception = self._take_exception(name)
        if exception is not None:
            raise exception
