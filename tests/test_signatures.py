"""Tests for ``turbomock._signatures``: the cached signatures are always the ones
``inspect.signature`` gives now (the stdlib asks it each time)."""

from __future__ import annotations

import inspect
import sys
from functools import partial
from typing import Any

import pytest

from turbomock import _signatures


def _inspected(func: Any, eat_self: bool) -> Any:
    try:
        return inspect.signature(partial(func, None) if eat_self else func)
    except ValueError:
        return None


class _Plain:
    pass


_BUILTINS = {
    "object.__init__ (a class without __init__)": object.__init__,
    "type.__call__ bound to a class (an instance spec)": _Plain.__call__,
    "a method-wrapper bound to None": None.__repr__,
    "a method descriptor": str.join,
    "a classmethod descriptor": dict.__dict__["fromkeys"],
    "a module function": len,
    "a module function whose defaults are names": sys.getrecursionlimit,
    "a bound builtin method": [].append,
    "a builtin with keyword defaults": int.to_bytes,
    "a builtin without a text signature": dict.__dict__["get"],
    "an exception's __init__": ValueError.__init__,
}


@pytest.mark.parametrize("func", list(_BUILTINS.values()), ids=list(_BUILTINS))
@pytest.mark.parametrize("eat_self", [False, True])
def test_builtin_signatures_are_inspects(func: Any, eat_self: bool) -> None:
    """Cached by what inspect reads of them, built-in callables get inspect's answer,
    from the cache too."""
    expected = _inspected(func, eat_self)
    for _ in range(2):
        try:
            found = _signatures._signature(func, eat_self)
        except TypeError as error:  # what inspect raises (a callable that takes nothing)
            with pytest.raises(TypeError, match=str(error)):
                inspect.signature(partial(func, None) if eat_self else func)
            continue
        assert str(found) == str(expected)
        assert found == expected


def test_distinct_builtins_sharing_a_text_signature_share_an_entry() -> None:
    """The key is what decides the answer, not the object: two classes without an
    ``__init__`` of their own share one entry (and keep neither alive)."""

    class Other:
        pass

    before = len(_signatures._builtin_signatures)
    _signatures._signature(_Plain.__call__, False)
    _signatures._signature(Other.__call__, False)
    assert len(_signatures._builtin_signatures) <= before + 1


def test_a_python_function_changed_since_is_worked_out_again() -> None:
    """A function's cached signature is checked against what could change it."""

    def f(a: Any, b: Any = 1) -> None:
        pass

    first = _signatures._signature(f, False)
    assert str(first) == str(inspect.signature(f))
    assert _signatures._signature(f, False) is first
    f.__defaults__ = None
    assert str(_signatures._signature(f, False)) == str(inspect.signature(f))
    f.__code__ = (lambda x: None).__code__
    assert str(_signatures._signature(f, False)) == str(inspect.signature(f))
    assert "x" in inspect.signature(f).parameters
    f.__signature__ = inspect.Signature()  # type: ignore[attr-defined]
    assert str(_signatures._signature(f, False)) == "()"


def test_only_static_classes_methods_are_keyed_by_themselves() -> None:
    """A heap class's methods (an extension module's class, from 3.10 on often a
    heap type) are not held by the identity-keyed table: it would keep the class
    alive. Their signatures are still inspect's."""
    import array

    for func in (array.array.append, array.array("b").append, array.array.__len__):
        assert _signatures._signature(func, False) == _inspected(func, False)
    table = _signatures._static_descriptor_signatures
    held = any(key[0] in (array.array.append, array.array.__len__) for key in table)
    assert held is not bool(array.array.__flags__ & _signatures._HEAPTYPE)
