"""Every user-facing message lives in a message module (``_messages`` and its
siblings), so the wording stays in one place and is compared with the stdlib's
there. Checked statically: no raise site outside them writes its own text."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine_support import assert_same, exact_exception

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "turbomock"

#: Where message text is written (relative to the package).
MESSAGE_HOMES = {
    "_messages.py",
    "_plugin_messages.py",
    "_switch_messages.py",
    "_explain_text.py",
    "fakes/_docker_messages.py",
    "fakes/_subprocess_messages.py",
}

#: (module, literal) pairs that may stay where they are, and why.
ALLOWED = {
    # The argument is the missing attribute's name, as in Python's own AttributeError(name).
    ("_call_state.py", "method_calls"): "the attribute's name, not a message",
    ("_state.py", "method_calls"): "the attribute's name, not a message",
    ("_class_signatures.py", "__signature__"): "the attribute's name, not a message",
    ("_patch_mapping.py", "__signature__"): "the attribute's name, not a message",
}

#: Calls taken to build an exception or a warning (besides what ``raise`` raises).
_WARNERS = {"warn", "warn_explicit", "fail", "skip", "xfail", "exit"}
_EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning")


def _built_here(node: ast.expr) -> bool:
    """Text written in place: a literal, an f-string, ``+``/``%`` on one, ``"...".format``."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _built_here(node.left) or _built_here(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _built_here(node.func.value)
    return False


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _makes_message(call: ast.Call, raised: bool) -> bool:
    """An exception class (what is raised, by its CamelCase name) or a warning."""
    name = _callee(call)
    if raised and name[:1].isupper():
        return True
    return name.endswith(_EXCEPTION_SUFFIXES) or name in _WARNERS


def _text(node: ast.expr) -> str:
    return node.value if isinstance(node, ast.Constant) else ast.unparse(node)


def inline_messages(relative: str, tree: ast.AST) -> Iterator[tuple[int, str]]:
    """``(line, text)`` of each message written in place in the module ``tree``."""
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None and _built_here(node.msg):
            yield node.lineno, _text(node.msg)
        if not isinstance(node, ast.Call) or not _makes_message(node, id(node) in raised):
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            if _built_here(argument) and (relative, _text(argument)) not in ALLOWED:
                yield node.lineno, _text(argument)


@functools.cache
def _modules() -> list[tuple[str, ast.AST]]:
    """Each module outside the message homes, parsed once for all the tests."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative not in MESSAGE_HOMES:
            found.append((relative, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def test_no_message_is_written_at_a_raise_site() -> None:
    """Raise sites (and warnings, asserts) take their text from a message module."""
    found = [
        f"src/turbomock/{relative}:{line}: {text!r}"
        for relative, tree in _modules()
        for line, text in inline_messages(relative, tree)
    ]
    assert not found, "messages written in place; move them to _messages.py:\n" + "\n".join(
        found
    )


def test_every_allowed_entry_is_still_needed() -> None:
    """An entry whose site is gone is dropped, so the list never grows stale."""
    literals = {
        (relative, node.value)
        for relative, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert set(ALLOWED) - literals == set()


@pytest.mark.parametrize(
    "source",
    [
        'raise TypeError("no")',
        'raise TypeError(f"no {x}")',
        'raise TypeError(name + "()")',
        'raise TypeError("no {}".format(x))',
        'raise Odd(message="no")',
        'error = ValueError("no")',
        'warnings.warn("no", RuntimeWarning)',
        'assert x, "no"',
    ],
)
def test_the_scan_sees_each_form(source: str) -> None:
    assert [text for _, text in inline_messages("x.py", ast.parse(source))] != []


@pytest.mark.parametrize(
    "source",
    [
        "raise TypeError(msg.NO)",
        "raise TypeError(msg.no(x))",
        "raise AttributeError(name)",
        'raise _no_attribute(self, "is_local")',
        "raise DaemonError(400, str(error))",
        'value = compute("not a message")',
    ],
)
def test_the_scan_lets_messages_from_elsewhere_pass(source: str) -> None:
    assert list(inline_messages("x.py", ast.parse(source))) == []


# -- moved messages keep the stdlib's words -------------------------------------------


async def _coroutine_function() -> None: ...


@pytest.mark.parametrize(
    "misuse",
    [
        lambda mod: mod.NonCallableMock(*range(13)),
        lambda mod: mod.NonCallableMock(None, spec=None),
        lambda mod: mod.create_autospec(_coroutine_function, instance=True),
        lambda mod: mod.patch("os.no_such_name", create=True, autospec=True).start(),
        lambda mod: mod.patch("os.getcwd", new=1, autospec=True).start(),
        lambda mod: mod.patch(3),
    ],
    ids=["positional", "twice", "async-instance", "autospec-create", "autospec-new", "target"],
)
def test_moved_messages_match_the_stdlib(misuse: Any) -> None:
    assert_same(lambda mod: exact_exception(misuse, mod))


def test_sealed_children_are_named_as_the_stdlib_names_them(mock: Any) -> None:
    sealed = mock.MagicMock()
    mock.seal(sealed)
    assert exact_exception(lambda: sealed.child) == ("AttributeError", "mock.child")
