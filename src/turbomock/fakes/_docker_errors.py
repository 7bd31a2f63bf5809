"""The two kinds of failure inside the fake: the daemon refusing, and the fake giving up.

``DaemonError`` is an HTTP error answer (status and message), turned by docker-py's
own code into ``NotFound``, ``ImageNotFound`` or ``APIError``. ``FakeDockerError`` is
raised when an answer from the fake would be a guess: an endpoint it does not serve,
a wait that would never end, an exec whose output nobody declared. It derives from
``AssertionError`` so that ``except DockerException`` in the code under test never
swallows it.
"""

from __future__ import annotations


class DaemonError(Exception):
    """The daemon's error answer: an HTTP status and the message of its JSON body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message


class FakeDockerError(AssertionError):
    """The fake Docker engine cannot answer this truthfully; the message says what to declare."""
