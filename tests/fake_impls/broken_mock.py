"""A deliberately broken stand-in for ``unittest.mock``: the bench must report, not crash.

``Mock`` raises when called, ``MagicMock`` and ``ThreadingMock`` are missing, and the rest
is the stdlib's, so the harness's error and "n/a" paths can be tested on any Python.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, call, create_autospec, mock_open, patch

__all__ = ["AsyncMock", "Mock", "call", "create_autospec", "mock_open", "patch"]


class Mock:
    """Fails the way an unfinished implementation might."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("deliberately broken Mock")
