"""``PropertyMock``: a mock that stands in for a property on a class."""

from __future__ import annotations

from turbomock._class_holder import own_classes
from turbomock._magic import MagicMock
from turbomock._mock import Mock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class PropertyMock(Mock):
    """A mock for use as a property (or other descriptor) on a class: fetching
    it calls the mock with no arguments, setting it calls it with the value."""

    def _get_child_mock(self, /, **kwargs: Any) -> Any:
        return MagicMock(**kwargs)

    def __get__(self, obj: Any, obj_type: Any = None) -> Any:
        return self()

    def __set__(self, obj: Any, val: Any) -> None:
        self(val)


own_classes(PropertyMock)
