"""An autospecced function: a real function, with the original's signature, in front
of the mock (the stdlib's ``_set_signature``, ``_setup_func`` and ``_setup_async_mock``).

The stdlib ``exec``s source text for each one; here the code objects are made once and
renamed, and the function gets the mock's API as plain attributes.
"""

from __future__ import annotations

import linecache
from functools import partial
from types import CellType, FunctionType

from turbomock._base import PUBLIC_MODULE
from turbomock._calls import _CallList
from turbomock._compat import AUTOSPEC_ASYNC_FUNCOPY, CODE_HAS_QUALNAME
from turbomock._mock import _is_instance_mock
from turbomock._signatures import NOT_KNOWN, _check_with, signature_object

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["set_signature"]


def _funcopy_template() -> Any:
    _checksig_ = mock = None

    def funcopy(*args: Any, **kwargs: Any) -> Any:
        _checksig_(*args, **kwargs)  # type: ignore[misc]
        return mock(*args, **kwargs)  # type: ignore[misc]

    return funcopy


def _async_funcopy_template() -> Any:
    _checksig_ = mock = None

    async def funcopy(*args: Any, **kwargs: Any) -> Any:
        _checksig_(*args, **kwargs)  # type: ignore[misc]
        return await mock(*args, **kwargs)  # type: ignore[misc]

    return funcopy


# As the stdlib's, which it ``exec``s: in the file "<string>", the definition on
# line 1 (tracebacks and frame-reading side effects see the same file and lines).
_SYNC_CODE = _funcopy_template().__code__.replace(co_filename="<string>", co_firstlineno=1)
_ASYNC_CODE = _async_funcopy_template().__code__.replace(co_filename="<string>", co_firstlineno=1)
_codes: dict[tuple[Any, str], Any] = {}


def _make_funcopy(name: str, checksig: Any, mock: Any, is_async: bool) -> Any:
    """A function named like the original that checks its arguments and calls
    ``mock`` (the stdlib ``exec``s source text for each one; a code object made
    once and renamed is enough)."""
    template = _ASYNC_CODE if is_async else _SYNC_CODE
    key = (template, name)
    code = _codes.get(key)
    if code is None:
        renames = {"co_name": name}
        if CODE_HAS_QUALNAME:
            renames["co_qualname"] = name
        code = _codes[key] = template.replace(**renames)
    cells = {"_checksig_": CellType(checksig), "mock": CellType(mock)}
    closure = tuple([cells[var] for var in code.co_freevars])
    return FunctionType(code, _FUNCOPY_GLOBALS, name, None, closure)


# Globals of every stand-in function: like the stdlib's exec'd ones, they have no
# __name__, so their __module__ is None.
_FUNCOPY_GLOBALS: dict[str, Any] = {"__builtins__": __builtins__}


def set_signature(mock: Any, original: Any, is_async: bool, sig: Any = NOT_KNOWN) -> Any:
    """A function standing in for ``mock`` with ``original``'s signature (``sig``
    if known already), or ``mock`` itself when the original has none."""
    if sig is NOT_KNOWN:
        found = signature_object(original, False, isinstance(original, type))
        sig = None if found is None else found[1]
    if sig is None:
        return mock  # nothing to check calls against
    # The stdlib makes a checksig function and copies func's name and defaults
    # onto it; nothing can see that, so the checker is used as it is.
    checksig = _check_with(sig)
    name = original.__name__ if original.__name__.isidentifier() else "funcopy"
    as_coroutine = is_async and AUTOSPEC_ASYNC_FUNCOPY
    funcopy = _make_funcopy(name, checksig, mock, as_coroutine)
    _setup_func(funcopy, mock, sig)
    if is_async:
        _setup_async_mock(funcopy)
    return funcopy


def _setup_func(funcopy: Any, mock: Any, sig: Any) -> None:
    """Give the function the mock's API; the mock reports its calls to it."""
    funcopy.__dict__.update(
        mock=mock,
        called=False,
        call_count=0,
        call_args=None,
        call_args_list=_CallList(),
        method_calls=_CallList(),
        mock_calls=_CallList(),
        return_value=mock.return_value,
        side_effect=mock.side_effect,
        _mock_children=mock._mock_children,
        # reset_mock, and plain functions forwarding to the mock's methods as they
        # are when called (attributes can be set on them, as on the stdlib's), in
        # the order the stdlib's __dict__ has them.
        **_functions_of_the_stand_in(mock, funcopy),
        __signature__=sig,
    )
    mock._mock_state.delegate = funcopy


_FORWARDED = (
    "assert_called_with", "assert_called_once_with", "assert_has_calls", "assert_any_call",
    "assert_called", "assert_not_called", "assert_called_once",
)


def _compile_stand_in_functions() -> Any:
    """A function making the stand-in's own functions: ``reset_mock``, and one
    forwarding function per assert method. Each is a ``def`` nested in a function
    named ``_setup_func``, as the stdlib's (so their ``__qualname__`` is
    ``_setup_func.<locals>.NAME``; no annotations, as theirs), written out once.
    Eight ``def`` statements in one frame cost about half of what as many
    ``FunctionType(...)`` calls did. The source is kept in ``linecache``, so a
    traceback through one shows its line."""
    lines = [
        "def _setup_func(mock, funcopy):",
        "    def reset_mock():",
        "        # The function's own views start over; the mock behind it is reset,",
        "        # and so is a mock it returns (unless that is the mock itself).",
        "        funcopy.__dict__.update(method_calls=_CallList(), mock_calls=_CallList())",
        "        mock.reset_mock()",
        "        returned = funcopy.return_value",
        "        if returned is not mock and _is_instance_mock(returned):",
        "            returned.reset_mock()",
    ]
    for name in _FORWARDED:
        lines += [
            f"    def {name}(*args, **kwargs):",
            f"        return mock.{name}(*args, **kwargs)",
        ]
    ordered = (*_FORWARDED[:4], "reset_mock", *_FORWARDED[4:])  # (the stdlib's order)
    lines.append("    return {" + ", ".join(f"{name!r}: {name}" for name in ordered) + "}")
    source = "\n".join(lines) + "\n"
    filename = "<turbomock: an autospecced function's own functions>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    # ``__name__`` gives each new function the public ``__module__``.
    namespace: dict[str, Any] = {
        "__builtins__": __builtins__, "__name__": PUBLIC_MODULE,
        "_CallList": _CallList, "_is_instance_mock": _is_instance_mock,
    }
    exec(compile(source, filename, "exec"), namespace)
    return namespace["_setup_func"]


#: (mock, funcopy) -> {name: reset_mock, or a function calling ``mock``'s method
#: ``name`` as it is when called}
_functions_of_the_stand_in = _compile_stand_in_functions()


_AWAIT_ASSERTS = (
    "assert_awaited", "assert_awaited_once", "assert_awaited_with",
    "assert_awaited_once_with", "assert_any_await", "assert_has_awaits", "assert_not_awaited",
)


def _setup_async_mock(funcopy: Any) -> None:
    """The await API on an autospecced coroutine function."""
    import asyncio.coroutines

    funcopy._is_coroutine = asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]
    funcopy.await_count = 0
    funcopy.await_args = None
    funcopy.await_args_list = _CallList()

    def wrapper(attr: str, /, *args: Any, **kwargs: Any) -> Any:
        return getattr(funcopy.mock, attr)(*args, **kwargs)

    for attribute in _AWAIT_ASSERTS:
        setattr(funcopy, attribute, partial(wrapper, attribute))
