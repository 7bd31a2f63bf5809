"""Which mock ``type(mock)`` was called on, read from the caller's bytecode.

Only used when code edits (or reads a magic method from) a shared instance class,
which it can only have obtained through ``type(mock)`` or ``mock.__class__``:
rare, so the cost here doesn't matter. The caller's instructions just before the
current one are searched for ``type(<name>[.<attr>...])`` whose value is a mock of
exactly that class; failing that, a local variable holding the only such mock.
"""

from __future__ import annotations

import builtins
import sys
from bisect import bisect_right
from types import CodeType, FrameType

TYPE_CHECKING = False
if TYPE_CHECKING:
    import dis
    from typing import Any

_WINDOW = 80  # instructions looked back from the current one
_FRAMES = 4  # frames looked up (setattr() in a helper, patch internals ...)
_MISSING: Any = object()

_NAME_LOADS = frozenset(
    {"LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_DEREF",
     "LOAD_CLASSDEREF", "LOAD_FAST_AND_CLEAR", "LOAD_FROM_DICT_OR_DEREF"}
)
_CALLS = frozenset({"CALL", "CALL_FUNCTION", "PRECALL"})

_decoded: dict[CodeType, tuple[list[int], list[dis.Instruction]]] = {}


def _instructions(code: CodeType) -> tuple[list[int], list[dis.Instruction]]:
    found = _decoded.get(code)
    if found is None:
        import dis

        instructions = list(dis.get_instructions(code))
        found = ([i.offset for i in instructions], instructions)
        if len(_decoded) > 256:
            _decoded.clear()
        _decoded[code] = found
    return found


def _lookup(frame: FrameType, name: str) -> Any:
    for namespace in (frame.f_locals, frame.f_globals, vars(builtins)):
        if name in namespace:
            return namespace[name]
    return _MISSING


def _from_bytecode(frame: FrameType, cls: type) -> Any:
    offsets, instructions = _instructions(frame.f_code)
    here = bisect_right(offsets, frame.f_lasti)
    start = max(0, here - _WINDOW)
    for index in range(here - 1, start - 1, -1):
        op = instructions[index]
        if op.opname not in ("LOAD_GLOBAL", "LOAD_NAME") or op.argval != "type":
            continue
        value = _evaluate(frame, instructions, index + 1, here)
        if value is not _MISSING and type(value) is cls:
            return value
    return None


def _evaluate(frame: FrameType, instructions: list[dis.Instruction], index: int, end: int) -> Any:
    """Evaluate ``name.attr.attr`` starting at ``index`` if a one-argument call follows."""
    if index >= end or instructions[index].opname not in _NAME_LOADS:
        return _MISSING
    value = _lookup(frame, instructions[index].argval)
    index += 1
    while index < end and instructions[index].opname in ("LOAD_ATTR", "LOAD_METHOD"):
        if value is _MISSING:
            return _MISSING
        try:
            value = getattr(value, instructions[index].argval)
        except Exception:
            return _MISSING
        index += 1
    if index < end and instructions[index].opname in _CALLS and instructions[index].arg == 1:
        return value
    return _MISSING


def _only_local(frame: FrameType, cls: type) -> Any:
    found = [value for value in frame.f_locals.values() if type(value) is cls]
    unique = {id(value): value for value in found}
    return next(iter(unique.values())) if len(unique) == 1 else None


def mock_behind_type_call(cls: type, depth: int) -> Any:
    """The mock whose ``type()`` the code ``depth`` frames up is working on."""
    try:
        frame: FrameType | None = sys._getframe(depth)
    except ValueError:
        return None
    first = frame
    for _ in range(_FRAMES):
        if frame is None:
            break
        found = _from_bytecode(frame, cls)
        if found is not None:
            return found
        frame = frame.f_back
    return _only_local(first, cls) if first is not None else None
