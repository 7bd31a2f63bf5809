"""Strict mode: safe defaults for ``patch``, and set-up that was never used.

With ``configure(strict=True)`` (or ``TURBOMOCK_STRICT=1``):

- a ``patch`` given none of ``new``, ``new_callable``, ``spec``, ``spec_set`` and
  ``autospec`` autospecs what it replaces, so a call the real code would refuse
  raises ``TypeError``; ``autospec=False`` opts one patch out. A target that
  does not exist yet (``create=True``) or is already a mock has nothing to
  autospec from and gets the usual ``MagicMock``;
- when a patch ends without an exception, a mock it put in place that was
  configured (a ``return_value`` or ``side_effect`` of its own, anywhere in its
  tree) but never called is reported: inside a test scope (the pytest plugin
  opens one per test) the scope collects it, otherwise the patch raises
  ``AssertionError`` as it exits, after putting everything back.

Nothing here runs unless strict mode is on: the patch code checks
``_config.strict``, one global lookup, before calling in.

Test scopes (for the pytest plugin): ``start_scope()`` before a test,
``finish_scope(scope)`` after its fixtures are torn down returns a ``Report``:
the unused configuration found meanwhile, plus the patches started in the scope
and never stopped.
"""

from __future__ import annotations

import threading
from types import FunctionType, GeneratorType, MethodType

from turbomock import _config
from turbomock import _explain_text as text
from turbomock._attributes import extract_mock as _extract_mock
from turbomock._magic_names import CALCULATED_RETURN_VALUES, RETURN_VALUES, is_magic
from turbomock._mock import NonCallableMock
from turbomock._patch_stack import _unwind
from turbomock._sentinels import DEFAULT
from turbomock._state import MockState, extract_mock_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "Report",
    "Scope",
    "default_autospec",
    "exit_checked",
    "finish_scope",
    "placed",
    "start_scope",
    "unused_configuration",
    "watch",
]

#: Per active patch: the mock it put in place, the target and the original.
_placed: dict[Any, tuple[Any, Any, Any]] = {}
_scopes: list[Scope] = []
_lock = threading.Lock()


def _is_mock(obj: object) -> bool:
    # type(), not isinstance(): isinstance of a mock asks its __class__ property.
    return issubclass(type(obj), NonCallableMock)


# -- patch hooks ------------------------------------------------------------------------


def default_autospec(patcher: Any, original: Any, autospec: Any) -> Any:
    """``autospec`` as ``patch.__enter__`` should use it: True where strict mode
    applies (nothing that shapes the mock was given), else unchanged."""
    if (
        patcher.autospec is None
        and patcher.new is DEFAULT
        and patcher.spec is None
        and patcher.spec_set is None
        and patcher.new_callable is None
        and original is not DEFAULT
        and not _is_mock(_extract_mock(original))
    ):
        return True
    return autospec


def placed(patcher: Any, new: Any, target: Any, original: Any) -> None:
    """Remember the mock a patch put in place, to check it when the patch exits."""
    if _is_mock(_extract_mock(new)):
        _placed[patcher] = (new, target, original)


def exit_checked(patcher: Any, entered: list[Any] | None, exc_info: tuple[Any, ...]) -> Any:
    """The end of ``patch.__exit__`` in strict mode: unwind the patches riding
    along, then report unused configuration of the mock this patch placed."""
    record = _placed.pop(patcher, None)
    suppressed = _unwind(entered, *exc_info) if entered else False
    if record is None or exc_info[1] is not None:
        return suppressed  # a failing test has better news than unused set-up
    found = _report_lines(patcher, *record)
    if not found:
        return suppressed
    scope = _scopes[-1] if _scopes else None
    if scope is not None:
        scope.unused += found
        return suppressed
    raise AssertionError("\n".join([text.unused_header(), *found]))


# -- what counts as configured ---------------------------------------------------------


def unused_configuration(mock: Any) -> list[tuple[str, str, Any]]:
    """``(name, 'return_value' or 'side_effect', value)`` for every mock in
    ``mock``'s tree that was given one of its own and never called.

    Not configuration: a return value that is itself a mock (mocks make those for
    themselves; its own tree is searched instead) or None (it only stops the mock
    making one); a side effect that turbomock's own code made (a magic method's
    default, ``mock_open``'s file behaviour); the values MagicMock gives its magic
    methods by default.
    """
    found = []
    for node, return_value, side_effect in _tree(_extract_mock(mock)):
        effect = side_effect is not None and not _made_by_turbomock(side_effect)
        value = (
            return_value is not DEFAULT
            and return_value is not None
            and not _is_mock(return_value)
            and not _default_return_value(node, return_value)
        )
        if not (effect or value) or node.call_count:
            continue
        name = extract_mock_name(node._mock_state)
        if effect:
            found.append((name, "side_effect", side_effect))
        if value:
            found.append((name, "return_value", return_value))
    return found


def _tree(root: Any) -> list[tuple[Any, Any, Any]]:
    """Every mock under ``root`` (children, magic methods, return values), once,
    with its raw ``return_value`` and ``side_effect``."""
    found = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if not issubclass(type(node), NonCallableMock) or id(node) in seen:
            continue
        seen.add(id(node))
        st = node._mock_state
        return_value, side_effect = _configuration(st)
        found.append((node, return_value, side_effect))
        if st:
            stack.extend(map(_extract_mock, st.values()))
        if issubclass(type(return_value), NonCallableMock):
            stack.append(return_value)
    return found


def _configuration(st: MockState) -> tuple[Any, Any]:
    """The raw ``(return_value, side_effect)`` of a mock's state, made by nobody on
    the way (reading ``mock.return_value`` would create one)."""
    extra = st.extra
    delegate = None if extra is None else extra.delegate
    if delegate is not None:  # an autospecced function keeps them as its attributes
        return getattr(delegate, "return_value", DEFAULT), getattr(delegate, "side_effect", None)
    return st.return_value, st.side_effect


def _magic_owner(node: Any) -> tuple[str, Any] | None:
    st = node._mock_state
    name = st.new_name
    if not name or not is_magic(name) or st.new_parent is None:
        return None
    return name, st.new_parent


def _default_return_value(node: Any, value: Any) -> bool:
    owner = _magic_owner(node)
    if owner is None:
        return False
    name, parent = owner
    if name in RETURN_VALUES:
        fixed = RETURN_VALUES[name]
        return value is fixed or (type(value) is type(fixed) and value == fixed)
    calculate = CALCULATED_RETURN_VALUES.get(name)
    if calculate is None:
        return False
    try:
        return bool(value == calculate(parent))
    except Exception:
        return False


def _made_by_turbomock(effect: Any) -> bool:
    """Whether a side effect is a function or generator of turbomock's own code."""
    kind = type(effect)
    if kind is MethodType:
        effect, kind = effect.__func__, type(effect.__func__)
    if kind is FunctionType:
        module = effect.__module__
    elif kind is GeneratorType and effect.gi_frame is not None:
        module = effect.gi_frame.f_globals.get("__name__")
    else:
        return False
    return isinstance(module, str) and (module == "turbomock" or module.startswith("turbomock."))


def _report_lines(patcher: Any, new: Any, target: Any = None, original: Any = DEFAULT) -> list[str]:
    """The report's lines for one placed (or watched) mock, with the where-to-patch
    hint when the mock's whole tree went unused."""
    found = unused_configuration(new)
    if not found:
        return []
    lines = [text.unused_entry(*entry) for entry in found]
    mock = _extract_mock(new)
    if original is DEFAULT or mock.call_count or mock.mock_calls:
        return lines
    # Not at the top: _where imports _patch, which imports this module; and the
    # where-to-patch search is for reports only.
    from turbomock._where import holders, patched_name

    others = holders(original, target, patcher.attribute)
    if others:
        hint = text.patched_elsewhere(patched_name(target, patcher.attribute), others, "call")
        lines += [f"  {line}" for line in hint]
    return lines


# -- test scopes (the pytest plugin) ------------------------------------------------------


class Scope:
    """One test's worth of strict-mode findings."""

    __slots__ = ("before", "unused", "watched")

    def __init__(self, before: list[Any]) -> None:
        #: The patches already started when the scope began (they are not its leaks).
        self.before = before
        self.unused: list[str] = []
        self.watched: list[Any] = []


class Report:
    """What a scope found: unused configuration (strict mode only) and patches
    started in the scope and still active at its end."""

    __slots__ = ("unused", "leaked", "_leaked_names")

    def __init__(self, unused: list[str], leaked: list[Any]) -> None:
        self.unused = unused
        self.leaked = leaked
        # Named now: once the plugin stops them, a patch no longer knows its target.
        self._leaked_names = [describe(p) for p in leaked]

    def __bool__(self) -> bool:
        return bool(self.unused or self.leaked)

    def text(self) -> str:
        """The report as the failure of the test shows it ("" when empty)."""
        lines = []
        if self.unused:
            lines += [text.unused_header(), *self.unused]
        if self.leaked:
            lines += [text.leaked_header(), *map(text.leaked_entry, self._leaked_names)]
        return "\n".join(lines)


def start_scope() -> Scope:
    """Open a scope (one per test): strict-mode reports collect here until
    ``finish_scope``, instead of raising as each patch exits."""
    from turbomock._patch import _patch  # not at the top: _patch imports this module

    scope = Scope(list(_patch._active_patches))
    with _lock:
        _scopes.append(scope)
    return scope


def finish_scope(scope: Scope) -> Report:
    """Close ``scope``: check the mocks it watched and the mocks of patches still
    active, and report those with the patches started in it and never stopped."""
    from turbomock._patch import _patch  # not at the top: _patch imports this module

    with _lock:
        if scope in _scopes:
            _scopes.remove(scope)
    before = {id(p) for p in scope.before}
    leaked = [p for p in _patch._active_patches if id(p) not in before]
    unused = list(scope.unused)
    if _config.strict:
        for mock in scope.watched:
            unused += _report_lines(None, mock)
        for patcher in leaked:
            # Reported here, so not again when the plugin stops the patch.
            record = _placed.pop(patcher, None)
            if record is not None:
                unused += _report_lines(patcher, *record)
    return Report(unused, leaked)


def watch(mock: Any) -> None:
    """Check ``mock`` for unused configuration when the current scope finishes
    (for mocks the plugin makes without ``patch``); nothing outside a scope."""
    if _scopes:
        _scopes[-1].watched.append(mock)


def describe(patcher: Any) -> str:
    """``patch('app.http.fetch')``, ``patch.dict({...})``: a patch, for a report."""
    from turbomock._where import patched_name  # not at the top: see _report_lines

    attribute = getattr(patcher, "attribute", None)
    state = getattr(patcher, "_state", None)
    if attribute is not None and state is not None:
        return f"patch({patched_name(state[0], attribute)!r})"
    in_dict = getattr(patcher, "in_dict", None)
    if in_dict is not None:
        return f"patch.dict({text.short_repr(in_dict)})"
    return text.short_repr(patcher)
