"""turbomock: a drop-in, much faster ``unittest.mock``.

``import turbomock as mock`` (or ``from turbomock import Mock, patch``) and use it
exactly as ``unittest.mock``.
"""

from __future__ import annotations

from turbomock._async import AsyncMock
from turbomock._autospec import create_autospec
from turbomock._calls import _Call, _CallList, call
from turbomock._magic import MagicMixin, MagicMock, NonCallableMagicMock
from turbomock._magic_names import _magics
from turbomock._mock import (
    Base,
    CallableMixin,
    InvalidSpecError,
    Mock,
    NonCallableMock,
)
from turbomock._mock_open import mock_open
from turbomock._property import PropertyMock
from turbomock._seal import seal
from turbomock._sentinels import ANY, DEFAULT, sentinel
from turbomock._spec import _callable
from turbomock._threading import ThreadingMock

from turbomock._patch import _get_target, _patch, patch

FILTER_DIR = True

__version__ = "0.1.0.dev0"

__all__ = [
    "ANY",
    "DEFAULT",
    "FILTER_DIR",
    "AsyncMock",
    "Base",
    "CallableMixin",
    "InvalidSpecError",
    "MagicMixin",
    "MagicMock",
    "Mock",
    "NonCallableMagicMock",
    "NonCallableMock",
    "PropertyMock",
    "ThreadingMock",
    "call",
    "create_autospec",
    "mock_open",
    "patch",
    "seal",
    "sentinel",
]
