"""What the pytest plugin does around each test when the switch is on: leaked patches
and the output of failed mock assertions. Imported on first use."""

from __future__ import annotations

import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import turbomock
from turbomock import _plugin_messages as msg
from turbomock._patch import _patch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType, TracebackType

__all__ = ["LeakedPatchWarning", "explain_assertion", "stop_leaks", "watch_starts"]


class LeakedPatchWarning(UserWarning):
    """A patch started in a test with ``start()`` was never stopped."""


#: (patcher, file, line) where start() was called, for the patches a test's call started.
_STARTED = pytest.StashKey[list[tuple[Any, str, int]]]()


def _ours(frame: FrameType) -> bool:
    name = frame.f_globals.get("__name__", "")
    return isinstance(name, str) and (name == "turbomock" or name.startswith("turbomock."))


class _StartLog(list):  # type: ignore[type-arg]
    """``_patch._active_patches`` during a test's call: notes who called ``start()``."""

    def __init__(self, items: list[Any]) -> None:
        super().__init__(items)
        self.started: list[tuple[Any, str, int]] = []

    def append(self, patcher: Any) -> None:
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and _ours(frame):
            frame = frame.f_back
        if frame is None:  # pragma: no cover - start() is always called from somewhere
            self.started.append((patcher, "", 0))
        else:
            self.started.append((patcher, frame.f_code.co_filename, frame.f_lineno))
        super().append(patcher)


@contextmanager
def watch_starts(item: pytest.Item) -> Iterator[None]:
    """Around a test's call: remember every patch started and where."""
    log = _StartLog(list(_patch._active_patches))
    type.__setattr__(_patch, "_active_patches", log)
    try:
        yield
    finally:
        type.__setattr__(_patch, "_active_patches", list(log))
        item.stash[_STARTED] = log.started


def _describe(patcher: Any) -> str:
    """The patched target as the user named it: ``module.attr`` or the dict."""
    attribute = getattr(patcher, "attribute", None)
    if attribute is not None:
        try:
            target = patcher.getter()
        except Exception:
            return f"?.{attribute}"
        if isinstance(target, type):
            return f"{target.__module__}.{target.__qualname__}.{attribute}"
        return f"{getattr(target, '__name__', repr(target))}.{attribute}"
    in_dict = getattr(patcher, "in_dict", None)
    return in_dict if isinstance(in_dict, str) else repr(in_dict)


def stop_leaks(item: pytest.Item, error: bool) -> None:
    """At the end of teardown: stop and report the patches the test's call left on."""
    started = item.stash.get(_STARTED, [])
    if not started:
        return
    item.stash[_STARTED] = []
    active = turbomock._patch._active_patches
    leaked = [entry for entry in started if any(entry[0] is a for a in active)]
    for patcher, _, _ in reversed(leaked):
        patcher.stop()
    texts = []
    for patcher, filename, lineno in leaked:
        where = msg.LEAKED_UNKNOWN_PLACE
        if filename:
            path = Path(filename)
            try:
                path = path.relative_to(item.config.rootpath)
            except ValueError:
                pass
            where = f"{path}:{lineno}"
        text = msg.LEAKED.format(target=_describe(patcher), where=where, nodeid=item.nodeid)
        texts.append(text)
        if not error:
            warnings.warn_explicit(LeakedPatchWarning(text), None, filename or "?", lineno)
    if texts and error:
        pytest.fail("\n".join(texts), pytrace=False)


# -- failed assertions -------------------------------------------------------------------

#: Assertion methods compared with the last call, and where the actual one is kept.
_WITH_ARGS = {
    "assert_called_with": "call_args",
    "assert_called_once_with": "call_args",
    "assert_awaited_with": "await_args",
    "assert_awaited_once_with": "await_args",
}


def _compare(config: pytest.Config, left: Any, right: Any) -> str:
    """pytest's own explanation of ``left == right`` (its assertrepr hook)."""
    for lines in config.hook.pytest_assertrepr_compare(
        config=config, op="==", left=left, right=right
    ):
        if lines:
            return "\n".join(["assert " + lines[0], *("  " + line for line in lines[1:])])
    return f"assert {left!r} == {right!r}"


def explain_assertion(config: pytest.Config, excinfo: pytest.ExceptionInfo[Any]) -> None:
    """Add pytest's introspection to a failed mock assertion; cut turbomock's frames."""
    exc = excinfo.value
    if getattr(exc, "_turbomock_explained", False):
        return
    # turbomock's frames at the end of the traceback (an assert_* method and what it
    # calls), and the caller's frame before them. turbomock frames further out (the
    # @patch wrapper, a mock's call running a side effect) are not the failure's.
    before: TracebackType | None = None
    first: TracebackType | None = None
    node: TracebackType | None = excinfo.tb
    while node is not None:
        if not _ours(node.tb_frame):
            before, first = node, None
        elif first is None:
            first = node
        node = node.tb_next
    if first is None or before is None:
        return  # not raised by turbomock, or raised straight from it
    frame = first.tb_frame
    mock = frame.f_locals.get("self")
    where = _WITH_ARGS.get(frame.f_code.co_name)
    if where is not None and isinstance(mock, turbomock.NonCallableMock):
        import inspect

        _, varargs, varkw, values = inspect.getargvalues(frame)
        actual = getattr(mock, where, None)
        if actual is not None and varargs is not None and varkw is not None:
            actual_args, actual_kwargs = actual
            parts = []
            if tuple(actual_args) != tuple(values[varargs]):
                parts.append("Args:\n" + _compare(config, actual_args, values[varargs]))
            if dict(actual_kwargs) != dict(values[varkw]):
                parts.append("Kwargs:\n" + _compare(config, actual_kwargs, values[varkw]))
            if parts and exc.args and isinstance(exc.args[0], str):
                exc.args = (exc.args[0] + msg.INTROSPECTION + "\n" + "\n".join(parts),)
    exc._turbomock_explained = True
    before.tb_next = None
