"""Entering several patches as one, and unwinding them as ``contextlib.ExitStack`` would.

Stacked decorators and ``patch.multiple`` need this; a single patch never does, so
there is no ``ExitStack`` (and its allocations) on that path at all.
"""

from __future__ import annotations

import sys

from turbomock import _messages as msg
from turbomock._sentinels import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["_enter_patchings", "_unwind"]


def _unwind(entered: list[Any], exc_type: Any, exc: Any, tb: Any) -> bool:
    """Exit ``entered`` last-first as ``contextlib.ExitStack.__exit__`` would.

    Each exit sees the exception still pending; a true result suppresses it, a
    raise replaces it (chained to the one it replaced). Returns whether the
    exception passed in was suppressed; raises the replacement if there is one.
    """
    frame_exc = sys.exc_info()[1]
    details = (exc_type, exc, tb)
    suppressed = replaced = False
    while entered:
        cm = entered.pop()
        try:
            result = cm.__exit__(*details)
        except BaseException as new_exc:
            if details[1] is not None:
                _chain(new_exc, details[1], frame_exc)
            details = (type(new_exc), new_exc, new_exc.__traceback__)
            replaced = True
        else:
            if result:
                details = (None, None, None)
                suppressed = True
                replaced = False
    if replaced:
        pending = details[1]
        context = pending.__context__
        try:
            raise pending
        except BaseException:
            pending.__context__ = context
            raise
    return exc_type is not None and suppressed


def _chain(new_exc: BaseException, old_exc: BaseException, frame_exc: Any) -> None:
    """Make ``old_exc`` the context at the end of ``new_exc``'s chain."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


def _enter_patchings(
    patchings: list[Any], args: tuple[Any, ...], keywargs: dict[str, Any]
) -> tuple[list[Any], tuple[Any, ...]]:
    """Enter a decorated function's patchings in order; undo them all if one fails.

    Created mocks go to the positional arguments (``patch``) or keywords
    (``patch.multiple``), as the stdlib passes them.
    """
    entered: list[Any] = []
    made: list[Any] = []
    try:
        for patching in patchings:
            made.append(patching.__enter__())
            entered.append(patching)
    except BaseException:
        if _unwind(entered, *sys.exc_info()):
            # What the stdlib's generator-based helper reports in this corner.
            raise RuntimeError(msg.GENERATOR_DIDNT_YIELD) from None
        raise
    # patch.multiple (the patchings with an attribute_name) made a dict of mocks by
    # name; any other patching that made its own mock (new left as DEFAULT) adds it.
    for patching, value in zip(entered, made):
        if patching.attribute_name is not None:
            keywargs.update(value)
    passed = [v for p, v in zip(entered, made) if p.attribute_name is None and p.new is DEFAULT]
    return entered, args + tuple(passed) if passed else args
