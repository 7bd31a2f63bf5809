"""The ``assert_*`` methods and the call matching they rely on.

Kept apart from the engine so the hot paths in ``_mock`` stay readable. The
methods are defined on a mixin that ``NonCallableMock`` inherits from, so tools
that wrap ``NonCallableMock.assert_*`` (pytest-mock does) keep working.
"""

from __future__ import annotations

from turbomock import _messages as msg
from turbomock._calls import _Call, _CallList, call
from turbomock._compat import CALLS_REPR_PREFIX
from turbomock._sentinels import DEFAULT as _DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from turbomock._state import MockState


class _AnyComparer(list):  # type: ignore[type-arg]
    """``in`` that puts the expected call on the left, so ``ANY`` in it matches."""

    def __contains__(self, item: object) -> bool:
        for candidate in self:
            if all(expected == actual for expected, actual in zip(item, candidate)):  # type: ignore[call-overload]
                return True
        return False


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
        return msg.format_call(self._mock_name or "mock", args, kwargs)

    def _format_mock_failure_message(self, args: Any, kwargs: Any, action: str = "call") -> str:
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return msg.expected_not_found(action, expected, actual)

    def _get_call_signature_from_name(self, name: str) -> Any:
        """The signature of the (autospecced) child a call named ``a.b()`` went to."""
        if not name:
            return self._spec_signature
        from turbomock._mock import _extract_mock

        sig = None
        node: Any = self
        for part in name.replace("()", "").split("."):
            child = node._mock_state.get(part)
            if child is None:
                # An autospecced method the stdlib would have made up front.
                child = _eager_autospec_child(node, part)
            if child is None or not _is_mock_like(child):
                break
            node = _extract_mock(child)
            sig = node._spec_signature
        return sig

    def _call_matcher(self, _call: Any) -> Any:
        """A comparison key for a call: bound through the spec's signature when
        there is one, so ``call(1)`` and ``call(a=1)`` match alike."""
        if isinstance(_call, tuple) and len(_call) > 2 and _call[0]:
            sig = self._get_call_signature_from_name(_call[0])
        else:
            sig = self._spec_signature
        if sig is None:
            return _call
        if len(_call) == 2:
            name = ""
            args, kwargs = _call
        else:
            name, args, kwargs = _call
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
        count = self.call_count
        if count != 0:
            raise AssertionError(
                msg.expected_not_called(self._mock_name or "mock", count, self.mock_calls)
            )

    def assert_called(self) -> None:
        """Assert the mock was called at least once."""
        if self.call_count == 0:
            raise AssertionError(msg.expected_called(self._mock_name or "mock"))

    def assert_called_once(self) -> None:
        """Assert the mock was called exactly once."""
        count = self.call_count
        if count != 1:
            raise AssertionError(
                msg.expected_called_once(self._mock_name or "mock", count, self.mock_calls)
            )

    def assert_called_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the last call was made with these arguments."""
        call_args = self.call_args
        if call_args is None:
            raise AssertionError(
                msg.not_called_expected(self._format_mock_call_signature(args, kwargs))
            )
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(call_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was called exactly once, with these arguments."""
        count = self.call_count
        if count != 1:
            raise AssertionError(
                msg.expected_to_be_called_once(self._mock_name or "mock", count, self.mock_calls)
            )
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls: Any, any_order: bool = False) -> None:
        """Assert ``calls`` appear in ``mock_calls``: as a contiguous run, or in any
        order with ``any_order=True``."""
        mock_calls = self.mock_calls
        if _signature_free(self):
            # Matching would return every call unchanged: skip it.
            expected = list(calls)
            cause = None
            all_calls = mock_calls
        else:
            matcher = self._call_matcher
            expected = [matcher(c) for c in calls]
            cause = next((e for e in expected if isinstance(e, Exception)), None)
            all_calls = _CallList(matcher(c) for c in mock_calls)
        if not any_order:
            if expected not in all_calls:
                raise AssertionError(
                    msg.calls_not_found(
                        _CallList(calls), mock_calls, binding_errors(expected, cause)
                    )
                ) from cause
            return
        not_found, remaining = unmatched(expected, all_calls)
        if not_found:
            raise AssertionError(
                msg.not_all_calls_found(self._mock_name or "mock", tuple(not_found), remaining)
            ) from cause

    def assert_any_call(self, /, *args: Any, **kwargs: Any) -> None:
        """Assert the mock was called with these arguments at some point."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if cause or expected not in _AnyComparer(actual):
            raise AssertionError(
                msg.call_not_found(self._format_mock_call_signature(args, kwargs))
            ) from cause


def _signature_free(mock: Any) -> bool:
    """True when neither the mock nor any mock below it has a spec signature,
    so ``_call_matcher`` would return every call as it is."""
    if type(mock)._call_matcher is not AssertionMethods._call_matcher:
        return False
    stack = [mock]
    seen = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        st = node._mock_state
        if st.spec is not None or st.spec_signature not in (None, _DEFAULT):
            return False
        if st:  # its children
            for child in st.values():
                child = _extract_mock_quick(child)
                if child is None:
                    return False
                if child is not False:
                    stack.append(child)
    return True


def _extract_mock_quick(obj: Any) -> Any:
    """The mock for a child entry; False for a deleted marker; None if unsure."""
    from turbomock._mock import _extract_mock, _is_instance_mock
    from turbomock._sentinels import _deleted

    if obj is _deleted:
        return False
    obj = _extract_mock(obj)
    return obj if _is_instance_mock(obj) else None


def _eager_autospec_child(mock: Any, name: str) -> Any:
    """The child ``name`` of an autospecced mock if the stdlib would already have
    made it (a function attribute of the spec), made now; else None."""
    from turbomock._spec import FunctionTypes

    plan = mock._mock_state.autospec
    if plan is None:
        return None
    try:
        original = getattr(plan.spec, name)
    except AttributeError:
        return None
    if not isinstance(original, FunctionTypes):
        return None
    return getattr(mock, name)


def _is_mock_like(obj: object) -> bool:
    from turbomock._mock import _extract_mock, _is_instance_mock

    return _is_instance_mock(_extract_mock(obj))


def binding_errors(expected: list[Any], cause: Any) -> list[Any] | None:
    """Per expected call, the exception its signature binding raised (None when
    all bound): what the "not found" messages show."""
    if cause is None:
        return None
    return [e if isinstance(e, Exception) else None for e in expected]


def unmatched(expected: list[Any], actual: list[Any]) -> tuple[list[Any], list[Any]]:
    """``any_order`` matching: the expected calls not found in ``actual`` (each
    actual call matched once), and the actual calls left over."""
    remaining = list(actual)
    not_found = []
    for kall in expected:
        try:
            remaining.remove(kall)
        except ValueError:
            not_found.append(kall)
    return not_found, remaining
