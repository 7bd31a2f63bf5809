"""``mock_open``: a MagicMock standing in for ``open``, with readable file data."""

from __future__ import annotations

import io

from turbomock._compat import MOCK_OPEN_EXIT_CLOSES, OPEN_SPEC_AS_NAMES
from turbomock._magic import MagicMock
from turbomock._sentinels import DEFAULT
from turbomock._spec import Spec, spec_from_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_specs: dict[str, Spec] = {}


def _named_spec(kind: str) -> Spec:
    """The (cached) specs of a file handle and of ``open``: computed once."""
    spec = _specs.get(kind)
    if spec is None:
        import _io

        if kind == "file":
            names = list(set(dir(_io.TextIOWrapper)).union(set(dir(_io.BytesIO))))
        else:
            names = list(set(dir(_io.open)))
        spec = _specs[kind] = spec_from_list(names)
    return spec


def _to_stream(read_data: Any) -> Any:
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock: Any = None, read_data: Any = "") -> Any:
    """A mock to replace ``open``, directly or as a context manager.

    ``mock`` is the mock to configure (a MagicMock limited to ``open``'s API by
    default); ``read_data`` is what ``read``, ``readline``, ``readlines`` and
    iteration of the handle return. The data starts over on every call of the mock.
    """
    data = [_to_stream(read_data), None]

    def readlines_effect(*args: Any, **kwargs: Any) -> Any:
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return data[0].readlines(*args, **kwargs)

    def read_effect(*args: Any, **kwargs: Any) -> Any:
        if handle.read.return_value is not None:
            return handle.read.return_value
        return data[0].read(*args, **kwargs)

    def readline_effect(*args: Any, **kwargs: Any) -> Any:
        yield from iter_effect()
        while True:
            yield data[0].readline(*args, **kwargs)

    def iter_effect() -> Any:
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        yield from data[0]

    def next_effect() -> Any:
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(data[0])

    def exit_effect(exctype: Any, excinst: Any, exctb: Any) -> None:
        handle.close()

    if mock is None:
        if OPEN_SPEC_AS_NAMES:
            mock = MagicMock(name="open")
            mock._mock_state.spec = _named_spec("open")
        else:
            mock = MagicMock(name="open", spec=open)

    handle = MagicMock()
    handle._mock_state.spec = _named_spec("file")
    handle.__enter__.return_value = handle

    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None

    handle.read.side_effect = read_effect
    data[1] = readline_effect()
    handle.readline.side_effect = data[1]
    handle.readlines.side_effect = readlines_effect
    handle.__iter__.side_effect = iter_effect
    handle.__next__.side_effect = next_effect
    if MOCK_OPEN_EXIT_CLOSES:
        handle.__exit__.side_effect = exit_effect

    def reset_data(*args: Any, **kwargs: Any) -> Any:
        data[0] = _to_stream(read_data)
        if handle.readline.side_effect == data[1]:
            # Only start the lines over if the user hasn't replaced the effect.
            data[1] = readline_effect()
            handle.readline.side_effect = data[1]
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock
