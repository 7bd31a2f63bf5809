"""What the runner looks at after each step, and how values become comparable text.

Every observation is a label and a text. The label is a Python expression over the
case's namespace (``m0.call_args_list``, ``type(m0) is type(m1)``), so a reproduction
prints exactly what differed with ``print(repr(label))``. The text is the value's repr
or the exception's type and message, with what can't match between the libraries
made equal: ids, addresses, the mock module's name, the library's file paths.
"""

from __future__ import annotations

import re
import unittest.mock
from collections.abc import Callable, Iterator
from types import CodeType
from typing import Any

from engine_support import scrub

from .deadline import Hang, timed
from .kinds_magic import PROBES

_LIBRARY_FILE = re.compile(r"[^'\"\s]*?(?:unittest[/\\]mock|turbomock[/\\]\w+)\.py")
#: This harness's own files: frames beyond the case's module code.
_HARNESS_FILE = re.compile(r"[^'\"\s]*?[/\\]fuzz[/\\]\w+\.py")
_OTHER_FILE = re.compile(r"[^'\"\s<]*[/\\](\w+\.py)")
#: Numbers made from addresses (``hash(m)``, ``os.fspath(m)``).
_BIG_NUMBER = re.compile(r"\b\d{10,}\b")
_BARE_MODULE = re.compile(r"(?<![\w.<])(?:unittest\.mock|turbomock)(?![\w.])")
#: Variables the operations bind and the runner watches (mocks, handles, PropertyMocks).
WATCHED = re.compile(r"(?:m|h|pm)\d+")

#: The public classes a value is checked against (those the running stdlib has).
KIND_NAMES = [
    name
    for name in (
        "NonCallableMock",
        "Mock",
        "MagicMock",
        "NonCallableMagicMock",
        "AsyncMock",
        "ThreadingMock",
        "PropertyMock",
    )
    if hasattr(unittest.mock, name)
]


def _hide_memos(text: str) -> str:
    """``call.__deepcopy__({...})`` records the memo of a deep copy, whose contents are
    each library's private attributes: keep the call, drop the memo."""
    out: list[str] = []
    start = 0
    while True:
        found = text.find("__deepcopy__({", start)
        if found < 0:
            out.append(text[start:])
            return "".join(out)
        open_at = found + len("__deepcopy__(")
        out.append(text[start:open_at])
        depth, index = 0, open_at
        while index < len(text):
            char = text[index]
            if char in "{[(":
                depth += 1
            elif char in "}])":
                depth -= 1
                if depth == 0:
                    break
            index += 1
        out.append("<memo>")
        start = index + 1


_CODE: dict[tuple[str, str], CodeType] = {}


def compiled(source: str, mode: str = "exec") -> CodeType:
    """``source`` compiled (cached: cases share most of their operations)."""
    key = (source, mode)
    code = _CODE.get(key)
    if code is None:
        if len(_CODE) > 10_000:
            _CODE.clear()
        code = _CODE[key] = compile(source, "<fuzz>", mode)
    return code


def normalise(text: str) -> str:
    """``text`` with the parts that can't match between the libraries made equal."""
    if "__deepcopy__({" in text:
        text = _hide_memos(text)
    if "/" in text or "\\" in text:
        text = _LIBRARY_FILE.sub("<mock-lib>", text)
        text = _HARNESS_FILE.sub("<harness>", text)
        text = _OTHER_FILE.sub(r"\1", text)
    text = _BIG_NUMBER.sub("<number>", scrub(text))
    if "mock" in text:
        text = _BARE_MODULE.sub("<mock>", text)
    return text


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        # Where the limit is hit decides the wording; that it is hit is what matters.
        return "raised RecursionError"
    try:
        message = str(exc)
    except Exception as inner:
        message = f"<str raised {type(inner).__name__}>"
    return f"raised {type(exc).__name__}: {normalise(message)}"


def describe(value: Any) -> str:
    try:
        text = repr(value)
    except Exception as exc:
        return "repr " + describe_exception(exc)
    return normalise(text)


def probe(read: Callable[[], Any]) -> str:
    """What reading a value gave: its description, or the exception's ("hung" past the
    deadline)."""
    try:
        return timed(lambda: describe(read()))
    except Hang:
        return "hung"
    except Exception as exc:
        return describe_exception(exc)


def watched_names(ns: dict[str, Any]) -> list[str]:
    names = [name for name in ns if WATCHED.fullmatch(name)]
    return sorted(names, key=lambda name: (len(name), name))


def observe_node(ns: dict[str, Any], node: str, *, calls: bool) -> Iterator[tuple[str, str]]:
    """The call state of the mock an operation worked on, below a variable."""
    try:
        value = timed(lambda: eval(compiled(node, "eval"), ns))
    except Hang:
        yield node, "hung"
        return
    except Exception as exc:
        yield node, describe_exception(exc)
        return
    yield node, probe(lambda: value)
    yield f"{node}.call_count", probe(lambda: value.call_count)
    yield f"{node}.call_args_list", probe(lambda: value.call_args_list)
    if calls:
        yield f"{node}.mock_calls", probe(lambda: value.mock_calls)
        yield f"{node}.method_calls", probe(lambda: value.method_calls)


def observe_variable(
    ns: dict[str, Any], name: str, *, calls: bool, full: bool, module: Any
) -> Iterator[tuple[str, str]]:
    """Observations of one watched variable."""
    value = ns[name]
    yield name, probe(lambda: value)
    yield f"{name}.call_count", probe(lambda: value.call_count)
    yield f"{name}.called", probe(lambda: value.called)
    yield f"{name}.call_args", probe(lambda: value.call_args)
    yield f"{name}.call_args_list", probe(lambda: value.call_args_list)
    if calls:
        yield f"{name}.mock_calls", probe(lambda: value.mock_calls)
        yield f"{name}.method_calls", probe(lambda: value.method_calls)
    if full:
        yield f"dir({name})", probe(lambda: dir(value))
        yield f"[c.__name__ for c in type({name}).__mro__]", probe(
            lambda: [c.__name__ for c in type(value).__mro__]
        )
        yield (
            f"[k for k in {KIND_NAMES!r} if isinstance({name}, getattr(mock, k))]",
            probe(lambda: [k for k in KIND_NAMES if isinstance(value, getattr(module, k))]),
        )
        yield f"callable({name})", probe(lambda: callable(value))
        if _is_async(value, module):
            yield f"{name}.await_count", probe(lambda: value.await_count)
            yield f"{name}.await_args_list", probe(lambda: value.await_args_list)


def _is_async(value: Any, module: Any) -> bool:
    try:
        return isinstance(value, module.NonCallableMock) and "await_count" in dir(type(value))
    except Exception:
        return False


def observe_pairs(ns: dict[str, Any], names: list[str]) -> Iterator[tuple[str, str]]:
    """How the classes of the watched variables relate."""
    for i, first in enumerate(names):
        a = type(ns[first])
        for second in names[i + 1 :]:
            b = type(ns[second])
            yield f"type({first}) is type({second})", describe(a is b)
            yield f"issubclass(type({first}), type({second}))", _subclass(a, b)
            yield f"issubclass(type({second}), type({first}))", _subclass(b, a)


def _subclass(a: type, b: type) -> str:
    return probe(lambda: issubclass(a, b))


def probe_expression(name: str, holder: str) -> str:
    """An expression reading ``name`` on the mock ``holder`` (a magic method through the
    syntax that uses it)."""
    use = PROBES.get(name)
    if use is None:
        return f"{holder}.{name}"
    use = use.removeprefix("_ = ")
    if use.count("{x}") > 1 and not holder.isidentifier():
        # One bystander, however often the expression names it.
        return f"(lambda x: {use.format(x='x')})({holder})"
    return use.format(x=holder)
