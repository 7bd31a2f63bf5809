"""The ``assert_*`` methods, the call matching they rely on, and their failures.

Kept apart from the engine so the hot paths in ``_mock`` stay readable. The
methods are defined on a mixin that ``NonCallableMock`` inherits from, so tools
that wrap ``NonCallableMock.assert_*`` (pytest-mock does) keep working; the
checks that calls and awaits share (``AsyncMock``'s ``assert_*await*``) are
module functions here, parametrised by a ``_Kind``.

Every failure is built by ``_failure``: the stdlib's message, word for word,
followed by an explanation only when explanations are on (``_config.explain``).
Nothing about an explanation runs before an assertion has failed.
"""

from __future__ import annotations

from turbomock import _attributes, _config, _mock
from turbomock import _messages as msg
from turbomock._base import named_as
from turbomock._base import state_of as _state_of
from turbomock._calls import _Call, _CallList, call, same_call
from turbomock._compat import CALLS_REPR_PREFIX
from turbomock._sentinels import _deleted
from turbomock._spec import FunctionTypes

TYPE_CHECKING = False
if TYPE_CHECKING:  # (collections.abc too: ``import turbomock`` does not load it)
    from collections.abc import Callable, Sequence
    from types import ModuleType
    from typing import Any

    from turbomock._state import MockState

    #: Writes an explanation's lines, given the ``_explain`` module (imported on demand).
    Story = Callable[[ModuleType], list[str]]


def _failure(message: str, story: Story) -> AssertionError:
    """The error a failed assertion raises: ``message`` (the stdlib's), then, with
    explanations on, what ``story`` says about the failure."""
    if _config.explain:
        from turbomock import _explain

        return AssertionError(_explain.append(message, lambda: story(_explain)))
    error = AssertionError(message)
    # For the pytest plugin, which adds the explanation when it reports the failure
    # (the message the test itself saw stays the stdlib's).
    error._turbomock_story = story  # type: ignore[attr-defined]
    return error


class _Kind:
    """What differs between the assertions about calls and about awaits."""

    __slots__ = ("noun", "records", "where", "none_yet")

    def __init__(
        self,
        noun: str,
        records: Callable[[Any], Sequence[Any]],
        where: str,
        none_yet: Callable[[str], str],
    ) -> None:
        self.noun = noun
        #: The mock's record of them: ``call_args_list`` or ``await_args_list``.
        self.records = records
        #: Where ``assert_has_calls``/``assert_has_awaits`` look, as explanations name it.
        self.where = where
        #: The message for an expected call when there was none, given the call as text.
        self.none_yet = none_yet


CALLS = _Kind("call", lambda m: m.call_args_list, "mock_calls", msg.not_called_expected)
AWAITS = _Kind("await", lambda m: m.await_args_list, "await_args_list", msg.not_awaited_expected)


def _name(mock: Any) -> str:
    return mock._mock_name or "mock"


def _as_text(mock: Any) -> Callable[[Any], str]:
    """How a recorded ``(args, kwargs)`` reads in messages: ``name(1, k=2)``."""
    return lambda kall: mock._format_mock_call_signature(*tuple(kall)[-2:])


def count_story(mock: Any, kind: _Kind) -> Story:
    """An explanation of a wrong count: the calls, or why there were none."""
    return lambda explain: explain.for_count(mock, kind.noun, kind.records(mock), _as_text(mock))


def call_story(
    mock: Any, assertion: str, kind: _Kind, args: Any, kwargs: Any, last_only: bool = False
) -> Story:
    """An explanation of a call not found: the closest one and how it differs
    (``last_only``: the assertion looked at the latest one only)."""
    expected = _Call((args, kwargs), two=True)
    return lambda explain: explain.for_call(
        mock, assertion, kind.noun, expected, kind.records(mock), _as_text(mock), last_only
    )


def sequence_story(
    mock: Any, kind: _Kind, expected: list[Any], actual: Sequence[Any], any_order: bool
) -> Story:
    """An explanation of a sequence not found: where it broke off, and why."""
    return lambda explain: explain.for_sequence(
        mock, kind.noun, expected, actual, any_order, kind.where
    )


class AssertionMethods:
    """``assert_called_with`` and friends, with the stdlib's messages."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by NonCallableMock
        _mock_state: MockState
        _mock_name: Any
        _spec_signature: Any
        call_args: Any
        call_count: int
        call_args_list: _CallList
        mock_calls: _CallList

    def _format_mock_call_signature(self, args: Any, kwargs: Any) -> str:
        return msg.format_call(_name(self), args, kwargs)

    def _format_mock_failure_message(self, args: Any, kwargs: Any, action: str = "call") -> str:
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return msg.expected_not_found(action, expected, actual)

    def _get_call_signature_from_name(self, name: str) -> Any:
        """The signature of the (autospecced) child a call named ``a.b()`` went to."""
        if not name:
            return self._spec_signature
        found = None
        node: Any = self
        for step in name.replace("()", "").split("."):
            child = node._mock_state.get(step)
            if child is None:
                child = _eager_autospec_child(node, step)
            if child is _deleted:
                # The stdlib reads the deleted marker's children as a mock's: its
                # AttributeError, from the sentinel itself.
                child._mock_children  # noqa: B018
            if child is None or not _is_mock_like(child):
                return found
            node = _attributes.extract_mock(child)
            found = node._spec_signature
        return found

    def _call_matcher(self, _call: Any) -> Any:
        """A comparison key for a call: bound through the spec's signature when
        there is one, so ``call(1)`` and ``call(a=1)`` match alike."""
        named = isinstance(_call, tuple) and len(_call) > 2 and _call[0]
        sig = self._get_call_signature_from_name(_call[0]) if named else _signature_of(self)
        if sig is None:
            return _call
        name, args, kwargs = ("", *_call) if len(_call) == 2 else _call
        try:
            bound = sig.bind(*args, **kwargs)
        except TypeError as exc:
            return exc.with_traceback(None)
        return call(name, bound.args, bound.kwargs)

    if CALLS_REPR_PREFIX:

        def _calls_repr(self, prefix: str = "Calls") -> str:
            """``mock_calls`` rendered for a failure message ("" when empty)."""
            return msg.calls_suffix(self.mock_calls, prefix)

    else:

        def _calls_repr(self) -> str:  # type: ignore[misc]  # 3.13 dropped prefix
            """``mock_calls`` rendered for a failure message ("" when empty)."""
            return msg.calls_suffix(self.mock_calls)

    def assert_not_called(self) -> None:
        """Assert the mock was never called."""
        if self.call_count != 0:  # (a count set by hand is compared, as by the stdlib)
            text = msg.expected_not_called(_name(self), self.call_count, self.mock_calls)
            raise _failure(text, count_story(self, CALLS))

    def assert_called(self) -> None:
        """Assert the mock was called at least once."""
        if self.call_count == 0:
            raise _failure(msg.expected_called(_name(self)), count_story(self, CALLS))

    def assert_called_once(self) -> None:
        """Assert the mock was called exactly once."""
        if self.call_count != 1:
            text = msg.expected_called_once(_name(self), self.call_count, self.mock_calls)
            raise _failure(text, count_story(self, CALLS))

    def assert_called_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the last call was made with these arguments."""
        check_latest(self, CALLS, self.call_args, args, kwargs)

    def assert_called_once_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was called exactly once, with these arguments."""
        if self.call_count != 1:
            text = msg.expected_to_be_called_once(_name(self), self.call_count, self.mock_calls)
            raise _failure(text, call_story(self, "assert_called_once_with", CALLS, args, kwargs))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls: Any, any_order: bool = False) -> None:
        """Assert ``calls`` appear in ``mock_calls``: as a contiguous run, or in any
        order with ``any_order=True``."""
        check_sequence(self, CALLS, calls, self.mock_calls, any_order)

    def assert_any_call(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was called with these arguments at some point."""
        check_any(self, CALLS, self.call_args_list, args, kwargs)


# -- the checks calls and awaits share --------------------------------------------------



# The stdlib defines these on NonCallableMock, and argument errors name them so.
for _name_, _function_ in list(vars(AssertionMethods).items()):
    if callable(_function_) and not _name_.startswith("__"):
        named_as(f"NonCallableMock.{_name_}")(_function_)

def _signature_of(mock: Any) -> Any:
    """``mock._spec_signature`` (the stdlib's instance attribute: the state's field,
    worked out as the spec was applied)."""
    extra = _state_of(mock).extra
    return None if extra is None else extra.spec_signature


def _expected(args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """``_Call((args, kwargs), two=True)``, made as the engine makes records: the
    parts are already a tuple and a dict, so there is nothing to parse."""
    return tuple.__new__(_Call, (args, kwargs))


def check_latest(mock: Any, kind: _Kind, latest: Any, args: Any, kwargs: Any) -> None:
    """``assert_called_with``/``assert_awaited_with``: ``latest`` must match."""
    if latest is None:
        assertion = f"assert_{kind.noun}ed_with"
        text = kind.none_yet(mock._format_mock_call_signature(args, kwargs))
        raise _failure(text, call_story(mock, assertion, kind, args, kwargs, True))
    if type(mock)._call_matcher is _PLAIN_MATCHER and _signature_of(mock) is None:
        # Both matchers would hand the calls back as given: no signature to bind.
        if same_call(latest, args, kwargs):
            return
        expected = _expected(args, kwargs)
    else:
        expected = mock._call_matcher(_expected(args, kwargs))
        if not mock._call_matcher(latest) != expected:  # noqa: SIM202 - the stdlib's !=
            return
    # They differ (compared once, as by the stdlib: a matcher may count comparisons).
    cause = expected if isinstance(expected, Exception) else None
    if kind is CALLS:
        text = mock._format_mock_failure_message(args, kwargs)
    else:
        text = mock._format_mock_failure_message(args, kwargs, action=kind.noun)
    assertion = f"assert_{kind.noun}ed_with"
    raise _failure(text, call_story(mock, assertion, kind, args, kwargs, True)) from cause


def check_any(mock: Any, kind: _Kind, history: Sequence[Any], args: Any, kwargs: Any) -> None:
    """``assert_any_call``/``assert_any_await``: some recorded one must match."""
    expected = mock._call_matcher(_expected(args, kwargs))
    cause = expected if isinstance(expected, Exception) else None
    recorded = [mock._call_matcher(c) for c in history]
    if cause is None and _found(expected, recorded):
        return
    text = msg.call_not_found(mock._format_mock_call_signature(args, kwargs), kind.noun)
    raise _failure(text, call_story(mock, f"assert_any_{kind.noun}", kind, args, kwargs)) from cause


def _found(expected: Any, recorded: list[Any]) -> bool:
    """Whether a recorded call equals ``expected``, compared part by part with the
    expected part on the left (so ``ANY`` and matchers in it decide). Every part
    is compared even after one differs, as the stdlib does. As the stdlib's
    ``_AnyComparer``, a recorded call of another length (a call made by hand, or a
    deep copy's: ``call.__deepcopy__(memo)``) fails an ``assert`` statement: a bare
    AssertionError, except under ``python -O``."""
    for candidate in recorded:
        if __debug__ and len(expected) != len(candidate):
            raise AssertionError
        if all([part == other for part, other in zip(expected, candidate)]):  # noqa: C419
            return True
    return False


def check_sequence(
    mock: Any, kind: _Kind, calls: Any, history: Sequence[Any], any_order: bool
) -> None:
    """``assert_has_calls``/``assert_has_awaits``."""
    wanted = list(calls)  # ``calls`` may be an iterator: the messages see it consumed
    if kind is CALLS and _signature_free(mock):
        # Matching would return every call unchanged: skip it.
        expected, recorded, cause = wanted, history, None
    else:
        expected = [mock._call_matcher(c) for c in wanted]
        recorded = _CallList(mock._call_matcher(c) for c in history)
        cause = next((e for e in expected if isinstance(e, Exception)), None)
    if not any_order:
        if expected in _as_call_list(recorded):
            return
        errors = binding_errors(expected, cause)
        if kind is CALLS:
            text = msg.calls_not_found(_CallList(calls), history, errors)
        else:
            text = msg.awaits_not_found(_CallList(calls), history, errors)
        raise _failure(text, sequence_story(mock, kind, wanted, history, False)) from cause
    if not isinstance(recorded, list):
        recorded = list(recorded)  # (fails as the stdlib's list() does: mock_calls = None)
    missing, left = unmatched_positions(expected, recorded)
    if not missing:
        return
    not_found = tuple(expected[p] for p in missing)
    if kind is CALLS:
        text = msg.not_all_calls_found(_name(mock), not_found, [recorded[i] for i in left])
    else:
        text = msg.not_all_awaits_found(not_found)
    raise _failure(text, sequence_story(mock, kind, wanted, history, True)) from cause


def _as_call_list(calls: Sequence[Any]) -> _CallList:
    return calls if isinstance(calls, _CallList) else _CallList(calls)


def unmatched_positions(
    expected: Sequence[Any], recorded: Sequence[Any]
) -> tuple[list[int], list[int]]:
    """``any_order`` matching, by position: which expected calls found no recorded
    call, and which recorded calls were left over. Each recorded call serves the
    first expected call equal to it (recorded call on the left, as ``list.remove``
    compares), and serves only once."""
    free = list(range(len(recorded)))
    missing = []
    for position, wanted in enumerate(expected):
        taken = next((slot for slot, i in enumerate(free) if _same(recorded[i], wanted)), None)
        if taken is None:
            missing.append(position)
        else:
            del free[taken]
    return missing, free


def exact_key(mock: Any, kall: Any) -> tuple[str, Any]:
    """What ``turbomock.assertions`` compare a call by: its name, then the call as
    the assert methods match it. (A recorded ``call(1)`` equals ``call.a(1)`` in
    the stdlib's comparison; an exact list must not.)"""
    name = kall[0] if isinstance(kall, tuple) and len(kall) == 3 else ""
    return name, mock._call_matcher(kall)


def _same(recorded: Any, wanted: Any) -> bool:
    return recorded is wanted or bool(recorded == wanted)


def binding_errors(expected: list[Any], cause: Any) -> list[Any] | None:
    """Per expected call, the exception its signature binding raised (None when
    all bound): what the "not found" messages show."""
    if cause is None:
        return None
    return [e if isinstance(e, Exception) else None for e in expected]


# -- signatures of children ------------------------------------------------------------


def _signature_free(mock: Any) -> bool:
    """True when neither the mock nor any mock below it has a spec signature,
    so ``_call_matcher`` would return every call as it is."""
    if type(mock)._call_matcher is not AssertionMethods._call_matcher:
        return False
    pending = [mock]
    visited = set()
    while pending:
        node = pending.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        st = node._mock_state
        if st.spec is not None or st.spec_signature is not None:
            return False
        for entry in st.values():  # the children
            child = _child_mock(entry)
            if child is None:
                return False
            pending.append(child)
    return True


def _child_mock(entry: Any) -> Any:
    """The mock a child entry stands for; None if unsure, or for a deleted marker
    (matching a call named through it fails: see ``_get_call_signature_from_name``)."""
    entry = _attributes.extract_mock(entry)
    return entry if _mock._is_instance_mock(entry) else None


def _eager_autospec_child(mock: Any, name: str) -> Any:
    """The child ``name`` of an autospecced mock if the stdlib would already have
    made it (a function attribute of the spec), made now; else None."""
    plan = mock._mock_state.autospec
    original = None if plan is None else getattr(plan.spec, name, None)
    return getattr(mock, name) if isinstance(original, FunctionTypes) else None


def _is_mock_like(obj: object) -> bool:
    return _mock._is_instance_mock(_attributes.extract_mock(obj))


#: The engine's own ``_call_matcher`` (a subclass may have its own, which is called).
_PLAIN_MATCHER = AssertionMethods._call_matcher
