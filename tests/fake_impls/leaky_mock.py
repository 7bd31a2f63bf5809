"""A stand-in for ``unittest.mock`` whose ``patch`` fails on exit and leaves its patch on.

The bench must undo such leftovers, or the baseline would then trip over them.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

__all__ = ["patch"]


class _Leaky:
    def __init__(self, target: str, *args: Any, **kwargs: Any) -> None:
        self._patcher = mock.patch(target, *args, **kwargs)

    def __enter__(self) -> Any:
        return self._patcher.__enter__()

    def __exit__(self, *exc_info: object) -> None:
        raise RuntimeError("deliberately leaky patch")


def patch(target: str, *args: Any, **kwargs: Any) -> _Leaky:
    """Patches like the stdlib and never unpatches."""
    return _Leaky(target, *args, **kwargs)
