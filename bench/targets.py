"""Things the benchmarks spec, autospec and patch: the shapes real test suites mock.

They live in a module of their own so ``patch('<module>.name')`` goes through the same
import-and-getattr path it takes in a real ``setUp``.
"""

from __future__ import annotations

from typing import Any

#: A plain dict for ``patch.dict``, about the size of a settings mapping.
CONFIG: dict[str, Any] = {f"key_{i}": i for i in range(10)}


def fetch(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes:
    """A network call: the classic thing to patch out."""
    raise RuntimeError("the benchmark must never call the real fetch")


def parse(text: str, strict: bool = False) -> dict[str, Any]:
    """A pure helper that tests still like to patch."""
    raise RuntimeError("the benchmark must never call the real parse")


class Client:
    """A small service client, patched as a whole class in ``setUp``."""

    def __init__(self, host: str, port: int = 5432) -> None:
        self.host = host
        self.port = port

    def connect(self) -> None:
        """Open the connection."""

    def query(self, sql: str, *params: Any) -> list[Any]:
        """Run a query."""
        return []

    def close(self) -> None:
        """Close the connection."""


def _make_class_with_methods(count: int) -> type:
    # Methods made from source so each has its own name, code and signature, as the
    # methods of a hand-written class would; autospec inspects every one of them.
    lines = ["class C50:", '    """A class with many methods, like a real service facade."""']
    for i in range(count):
        lines.append(f"    def method_{i:02d}(self, a, b=None, *args, c=0, **kwargs):")
        lines.append(f"        return {i}")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)
    cls: type = namespace["C50"]
    cls.__module__ = __name__
    return cls


#: The 50-method class used for ``spec=`` and ``create_autospec``.
C50 = _make_class_with_methods(50)


_GLOBALS = {"fetch": fetch, "parse": parse, "Client": Client, "C50": C50, "CONFIG": CONFIG}
_CLIENT = dict(vars(Client))
_CONFIG = dict(CONFIG)


def restore() -> None:
    """Undo anything a failing patch left behind, so one side's bug cannot hit the other."""
    globals().update(_GLOBALS)
    for name in set(vars(Client)) - set(_CLIENT):
        delattr(Client, name)
    for name, value in _CLIENT.items():
        if vars(Client).get(name) is not value:
            setattr(Client, name, value)
    CONFIG.clear()
    CONFIG.update(_CONFIG)
