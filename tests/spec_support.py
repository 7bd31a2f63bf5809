"""What the mock tests spec mocks on: a class with one member of each kind (attribute,
method, property, static and class method) and a function with a keyword-only argument.
"""

from __future__ import annotations

from typing import Any


class Spec:
    """A class to spec mocks on."""

    attr = 1

    def meth(self, x: Any, y: Any = 2) -> None:
        pass

    @property
    def prop(self) -> int:
        return 3

    @staticmethod
    def static(z: Any) -> None:
        pass

    @classmethod
    def klass(cls, w: Any) -> None:
        pass


def func(a: Any, b: Any, *, c: Any = 1) -> None:
    """A function to spec mocks on."""
