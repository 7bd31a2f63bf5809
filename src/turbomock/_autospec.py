"""``create_autospec`` (placeholder until the autospec work lands)."""

from __future__ import annotations

from typing import Any


def create_autospec(spec: Any, spec_set: Any = False, instance: bool = False, _parent: Any = None,
                    _name: Any = None, *, unsafe: bool = False, **kwargs: Any) -> Any:
    raise NotImplementedError("create_autospec is not implemented yet")
