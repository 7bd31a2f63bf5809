"""``ThreadingMock`` (placeholder until the threading work lands)."""

from __future__ import annotations

from turbomock._magic import MagicMixin
from turbomock._mock import Mock


class ThreadingMock(MagicMixin, Mock):
    pass
