"""``seal``: stop a mock (and the mocks below it) from growing new attributes."""

from __future__ import annotations

from turbomock._autospec import is_unbuilt_attribute
from turbomock._mock import NonCallableMock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def seal(mock: Any) -> None:
    """Disable the automatic creation of child mocks.

    Seals the mock and, recursively, every mock reached through its attributes
    that it created or adopted; attributes that exist keep working, new ones
    raise ``AttributeError``.
    """
    mock._mock_sealed = True
    for attr in dir(mock):
        try:
            child = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(child, NonCallableMock):
            continue
        # Like the stdlib, don't follow an autospecced attribute that would
        # lead to an attribute of the same name not built yet (0 .real .real ...).
        if is_unbuilt_attribute(child, attr):
            continue
        if child._mock_state.new_parent is mock:
            seal(child)
