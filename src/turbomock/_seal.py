"""``seal``: stop a mock (and the mocks below it) from growing new attributes."""

from __future__ import annotations

from collections.abc import Iterator

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
    for child in _offspring(mock):
        seal(child)


def _offspring(mock: Any) -> Iterator[NonCallableMock]:
    """The mocks ``mock`` made or adopted, as its visible attributes reach them.

    Like the stdlib, an autospecced attribute not built yet is not followed: it would only
    lead to attributes of the same name, not built either (``0 .real .real ...``).
    """
    for attr in dir(mock):
        value = getattr(mock, attr, None)  # None for one that raises AttributeError
        if not isinstance(value, NonCallableMock) or value._mock_state.new_parent is not mock:
            continue
        if not is_unbuilt_attribute(value, attr):
            yield value
