"""The wire between docker-py and the fake daemon: a requests transport adapter.

docker-py's ``APIClient`` is a ``requests.Session``; every request it sends goes to
the adapter its ``get_adapter`` returns. The fake's clients return this one, which
hands the request to the daemon and turns the reply into a ``requests.Response``. So
docker-py's own code builds each request and reads each answer: the errors it raises
(``NotFound``, ``ImageNotFound``, ``APIError`` with the daemon's status and message)
are made by docker-py itself, from the same response a daemon would send.

Streamed bodies (pull progress, logs) are read by docker-py through attributes of
urllib3's response (``raw._fp.chunked``, ``raw._fp.chunk_left``, ``raw._fp.fp.raw``);
``Body`` provides exactly those, over an iterator of chunks produced on demand.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterable, Iterator
from http import HTTPStatus
from types import SimpleNamespace
from typing import Any, Callable

import requests
import requests.exceptions
import requests.structures
import requests.utils
import urllib3.exceptions

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes import _docker_views as views
from turbomock.fakes._docker_daemon import Daemon
from turbomock.fakes._docker_errors import DaemonError
from turbomock.fakes._docker_faults import Faults
from turbomock.fakes._docker_http import Reply, Request, RequestTimedOut


class _Socket:
    """What docker-py takes for the connection's socket: closing it ends the body."""

    def __init__(self, body: Body) -> None:
        self._body = body
        self.sock = self
        self._sock = self

    def recv(self, size: int) -> bytes:
        return self._body.read(size)

    def shutdown(self, how: int) -> None:
        self._body.close()

    def close(self) -> None:
        self._body.close()


class Body:
    """A response body read chunk by chunk, with the urllib3 internals docker-py reads."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._current = b""
        self._closed = False
        self._fp = SimpleNamespace(chunked=True, chunk_left=None, fp=SimpleNamespace())
        self._fp.fp.raw = _Socket(self)

    @property
    def closed(self) -> bool:
        return self._closed

    def _next_chunk(self) -> bool:
        for chunk in self._chunks:
            if chunk:
                self._current = chunk
                return True
        self._closed = True
        return False

    def read(self, amt: int | None = None, decode_content: bool | None = None) -> bytes:
        """Up to ``amt`` bytes (all if None); ``_fp.chunk_left``: what the chunk still holds."""
        parts: list[bytes] = []
        wanted = amt
        while not self._closed and (wanted is None or wanted > 0):
            if not self._current and not self._next_chunk():
                break
            take = self._current if wanted is None else self._current[:wanted]
            self._current = self._current[len(take):]
            parts.append(take)
            if wanted is not None:
                wanted -= len(take)
        self._fp.chunk_left = len(self._current) or None
        return b"".join(parts)

    def stream(self, amt: int = 2**16, decode_content: bool | None = None) -> Iterator[bytes]:
        while True:
            data = self.read(amt)
            if not data:
                return
            yield data

    def close(self) -> None:
        self._closed = True
        self._current = b""

    def release_conn(self) -> None:
        """Nothing to release: there is no connection pool."""


def _read_timeout(timeout: Any) -> float | None:
    """The read timeout in what requests got (a number, a (connect, read) pair, or None)."""
    if isinstance(timeout, tuple):
        return timeout[1] if len(timeout) > 1 else None
    read: float | None = getattr(timeout, "read_timeout", timeout)
    return read


def _pool(url: str) -> str:
    """The connection pool urllib3 names in its errors, for the client's base URL."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "http+docker":
        return "UnixHTTPConnectionPool(host='localhost', port=None)"
    kind = "HTTPSConnectionPool" if parts.scheme == "https" else "HTTPConnectionPool"
    return f"{kind}(host='{parts.hostname}', port={parts.port})"


class EngineAdapter:
    """The transport adapter of every client of one fake: requests go to its daemon."""

    def __init__(self, daemon: Daemon, faults: Faults, current_call: Callable[[], str | None]):
        self._daemon = daemon
        self._faults = faults
        self._current_call = current_call

    def send(
        self,
        request: Any,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> Any:
        call = self._current_call()
        if self._faults.daemon_stopped:
            unix = request.url.startswith("http+docker://")
            cause = urllib3.exceptions.ProtocolError(*msg.connection_refused(unix))
            raise requests.exceptions.ConnectionError(cause, request=request)
        read_timeout = _read_timeout(timeout)
        if call is not None and self._faults.take_timeout(call):
            raise self._timed_out(request, read_timeout)
        error = self._faults.take_daemon_error(call) if call is not None else None
        if error is not None:
            reply = Reply.error(DaemonError(*error))
        else:
            try:
                reply = self._daemon.handle(self._request(request, read_timeout), call)
            except RequestTimedOut:
                raise self._timed_out(request, read_timeout) from None
        return self._response(reply, request)

    def close(self) -> None:
        """Nothing to close: the daemon lives as long as its fake."""

    @staticmethod
    def _timed_out(request: Any, timeout: float | None) -> Exception:
        text = msg.read_timed_out(_pool(request.url), timeout)
        return requests.exceptions.ReadTimeout(text, request=request)

    @staticmethod
    def _request(prepared: Any, timeout: float | None) -> Request:
        parts = urllib.parse.urlsplit(prepared.url)
        raw = prepared.body
        if isinstance(raw, str):
            raw = raw.encode()
        body: Any = raw
        kind = prepared.headers.get("Content-Type", "")
        if raw and "json" in kind:
            body = json.loads(raw)
        return Request(
            method=prepared.method,
            path=urllib.parse.unquote(parts.path),
            params=urllib.parse.parse_qs(parts.query, keep_blank_values=True),
            body=body,
            headers=dict(prepared.headers),
            timeout=timeout,
        )

    def _response(self, reply: Reply, prepared: Any) -> Any:
        response = requests.Response()
        response.status_code = reply.status
        response.reason = HTTPStatus(reply.status).phrase
        response.url = prepared.url
        response.request = prepared
        response.headers = requests.structures.CaseInsensitiveDict({
            "Api-Version": views.API_VERSION,
            "Content-Type": reply.content_type,
            "Docker-Experimental": "false",
            "Ostype": self._daemon.engine.platform.os,
            "Server": f"Docker/{views.ENGINE_VERSION} ({self._daemon.engine.platform.os})",
        })
        response.encoding = requests.utils.get_encoding_from_headers(response.headers)
        response.raw = Body(reply.body_chunks())
        return response
