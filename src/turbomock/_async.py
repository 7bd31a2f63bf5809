"""``AsyncMock`` (placeholder until the async work lands)."""

from __future__ import annotations

from turbomock._magic import AsyncMagicMixin
from turbomock._mock import KINDS, Base, Mock


class AsyncMockMixin(Base):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    pass


KINDS["AsyncMock"] = AsyncMock
KINDS["AsyncMockMixin"] = AsyncMockMixin
