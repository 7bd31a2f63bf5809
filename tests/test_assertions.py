"""The ``assert_*`` methods: each passes and fails as the stdlib's, with the stdlib's
message on the running Python, and matches calls through a spec's signature.

Messages that every supported Python words alike are pinned; the rest are compared
with the message the stdlib produces in the same test.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import PY311, Step, assert_same, outcome, same_steps, trace
from spec_support import func


def failure(assertion: Callable[[], Any]) -> str:
    """The message of the AssertionError ``assertion()`` raises."""
    with pytest.raises(AssertionError) as info:
        assertion()
    return str(info.value)


class Spec:
    def __init__(self, a: Any) -> None:
        pass

    def meth(self, x: Any, y: Any = 2) -> None:
        pass


# -- pinned messages ------------------------------------------------------------------------


def test_assert_not_called_passes_on_a_fresh_mock(mock: Any) -> None:
    """``assert_not_called`` is silent before any call."""
    mock.Mock().assert_not_called()


def test_assert_not_called_message(mock: Any) -> None:
    """The failure lists the calls made."""
    m = mock.Mock()
    m(1)
    m.a(2)
    assert failure(m.assert_not_called) == (
        "Expected 'mock' to not have been called. Called 1 times.\nCalls: [call(1), call.a(2)]."
    )


def test_assert_called_message(mock: Any) -> None:
    """``assert_called`` names the mock."""
    m = mock.Mock()
    assert failure(m.a.assert_called) == "Expected 'a' to have been called."
    m.a()
    m.a.assert_called()


def test_assert_called_once_message(mock: Any) -> None:
    """``assert_called_once`` gives the count and the calls."""
    m = mock.Mock(name="nm")
    assert (
        failure(m.assert_called_once) == "Expected 'nm' to have been called once. Called 0 times."
    )
    m()
    m.assert_called_once()
    m(2)
    assert failure(m.assert_called_once) == (
        "Expected 'nm' to have been called once. Called 2 times.\nCalls: [call(), call(2)]."
    )


def test_assert_called_once_with_count_message(mock: Any) -> None:
    """``assert_called_once_with`` checks the count first."""
    m = mock.Mock()
    assert failure(lambda: m.assert_called_once_with(1)) == (
        "Expected 'mock' to be called once. Called 0 times."
    )


def test_assert_called_with_not_called_message(mock: Any) -> None:
    """Before any call, the failure says so."""
    m = mock.Mock()
    actual = "  Actual" if PY311 else "Actual"
    assert failure(lambda: m.assert_called_with(1, k=2)) == (
        f"expected call not found.\nExpected: mock(1, k=2)\n{actual}: not called."
    )


def test_assert_called_with_mismatch_message(mock: Any) -> None:
    """A mismatch shows the expected and the actual call."""
    m = mock.Mock()
    m.f(1)
    actual = "  Actual" if PY311 else "Actual"
    assert failure(lambda: m.f.assert_called_with(2)) == (
        f"expected call not found.\nExpected: f(2)\n{actual}: f(1)"
    )


def test_assert_any_call_message(mock: Any) -> None:
    """``assert_any_call`` names the missing call."""
    m = mock.Mock()
    m(1)
    m(2)
    m.assert_any_call(1)
    assert failure(lambda: m.assert_any_call(3)) == "mock(3) call not found"


def test_assert_has_calls_any_order_message(mock: Any) -> None:
    """The unordered form lists what it couldn't find and what was left."""
    m = mock.Mock()
    m(1)
    m(2)
    assert failure(lambda: m.assert_has_calls([mock.call(2), mock.call(3)], any_order=True)) == (
        "'mock' does not contain all of (call(3),) in its call list, found [call(1)] instead"
    )


# -- every assertion, pass and fail, against the stdlib ---------------------------------

SCENARIOS: list[tuple[str, Callable[[Any], Any], tuple[Step, ...]]] = [
    (
        "not_called",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_not_called(),
            lambda mod, x: x(1),
            lambda mod, x: x.a(),
            lambda mod, x: x(2, b=3),
            lambda mod, x: x.assert_not_called(),
        ),
    ),
    (
        "not_called named",
        lambda m: m.Mock(name="nm"),
        (lambda mod, x: x(1), lambda mod, x: x.assert_not_called()),
    ),
    (
        "child assertions",
        lambda m: m.Mock(name="root"),
        (
            lambda mod, x: x.a.b(1),
            lambda mod, x: x.a.b.assert_not_called(),
            lambda mod, x: x.a.b.assert_called_once_with(2),
            lambda mod, x: x.a.b.assert_called_with(2),
            lambda mod, x: x().c.assert_called_once(),
        ),
    ),
    (
        "called",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_called(),
            lambda mod, x: x.a.assert_called(),
            lambda mod, x: x(),
            lambda mod, x: x.assert_called(),
        ),
    ),
    (
        "called_once",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_called_once(),
            lambda mod, x: x(),
            lambda mod, x: x.assert_called_once(),
            lambda mod, x: x(),
            lambda mod, x: x.assert_called_once(),
        ),
    ),
    (
        "called_with",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_called_with(1),
            lambda mod, x: x(1, a=2),
            lambda mod, x: x.assert_called_with(1, a=2),
            lambda mod, x: x.assert_called_with(1, a=3),
            lambda mod, x: x.assert_called_with(),
            lambda mod, x: x.assert_called_with(mod.ANY, a=2),
        ),
    ),
    (
        "called_once_with",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_called_once_with(1),
            lambda mod, x: x(1),
            lambda mod, x: x.assert_called_once_with(1),
            lambda mod, x: x.assert_called_once_with(2),
            lambda mod, x: x(1),
            lambda mod, x: x.assert_called_once_with(1),
        ),
    ),
    (
        "any_call",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_any_call(1),
            lambda mod, x: x(1),
            lambda mod, x: x(2),
            lambda mod, x: x.assert_any_call(1),
            lambda mod, x: x.assert_any_call(3),
            lambda mod, x: x.assert_any_call(a=1),
            lambda mod, x: x.assert_any_call(mod.ANY),
        ),
    ),
    (
        "has_calls",
        lambda m: m.Mock(),
        (
            lambda mod, x: x(1),
            lambda mod, x: x.a(2),
            lambda mod, x: x(3),
            lambda mod, x: x.assert_has_calls([mod.call(1), mod.call.a(2)]),
            lambda mod, x: x.assert_has_calls([mod.call(1), mod.call(3)]),
            lambda mod, x: x.assert_has_calls([mod.call(3), mod.call(1)], any_order=True),
            lambda mod, x: x.assert_has_calls([mod.call(3), mod.call(4)], any_order=True),
            lambda mod, x: x.assert_has_calls([]),
            lambda mod, x: x.assert_has_calls([mod.call(9)]),
            lambda mod, x: x.assert_has_calls([mod.call(1), mod.call(1)], any_order=True),
        ),
    ),
    (
        "has_calls on a fresh mock",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.assert_has_calls([mod.call(1)]),
            lambda mod, x: x.assert_has_calls([mod.call(1)], any_order=True),
            lambda mod, x: x.assert_has_calls([]),
            lambda mod, x: x.assert_has_calls([], any_order=True),
        ),
    ),
    (
        "has_calls named",
        lambda m: m.Mock(name="nm"),
        (
            lambda mod, x: x(1),
            lambda mod, x: x.assert_has_calls([mod.call(2)]),
            lambda mod, x: x.assert_has_calls([mod.call(2)], any_order=True),
        ),
    ),
    (
        "has_calls accepts any iterable",
        lambda m: m.Mock(),
        (
            lambda mod, x: x(1),
            lambda mod, x: x.assert_has_calls((mod.call(1),)),
            lambda mod, x: x.assert_has_calls(iter([mod.call(1)])),
            lambda mod, x: x.assert_has_calls([((1,), {})]),
            lambda mod, x: x.assert_has_calls([("", (1,), {})]),
        ),
    ),
    (
        "has_calls nested",
        lambda m: m.Mock(),
        (
            lambda mod, x: x.a.b(1),
            lambda mod, x: x.a(2).c(3),
            lambda mod, x: x.assert_has_calls([mod.call.a.b(1), mod.call.a(2), mod.call.a().c(3)]),
            lambda mod, x: x.a.assert_has_calls([mod.call.b(1), mod.call(2)]),
            lambda mod, x: x.assert_has_calls([mod.call.a.b(2)]),
            lambda mod, x: x.assert_has_calls(mod.call.a(2).c(3).call_list()),
        ),
    ),
    (
        "magic methods",
        lambda m: m.MagicMock(),
        (
            lambda mod, x: x["k"],
            lambda mod, x: x.__getitem__.assert_called_with("k"),
            lambda mod, x: x.__getitem__.assert_called_with("j"),
            lambda mod, x: x.__getitem__.assert_called_once(),
            lambda mod, x: x.__getitem__.assert_not_called(),
            lambda mod, x: x.assert_has_calls([mod.call.__getitem__("k")]),
            lambda mod, x: x.assert_has_calls([mod.call.__getitem__("j")]),
        ),
    ),
    (
        "long arguments",
        lambda m: m.Mock(),
        (
            lambda mod, x: x("a" * 200),
            lambda mod, x: x.assert_not_called(),
            lambda mod, x: x.assert_called_once_with(1),
            lambda mod, x: x.assert_called_with(1),
            lambda mod, x: x.assert_has_calls([mod.call("b" * 200)]),
        ),
    ),
    (
        "unrepresentable argument",
        lambda m: m.Mock(),
        (
            lambda mod, x: x(_BrokenRepr()),
            lambda mod, x: x.assert_not_called(),
            lambda mod, x: x.assert_called_once_with(2),
        ),
    ),
    (
        "call_args comparisons",
        lambda m: m.Mock(),
        (
            lambda mod, x: x(1, b=2),
            lambda mod, x: x.call_args == ((1,), {"b": 2}),
            lambda mod, x: x.call_args == mod.call(1, b=2),
            lambda mod, x: mod.call(1, b=2) in x.mock_calls,
            lambda mod, x: mod.call(1, b=3) in x.call_args_list,
        ),
    ),
]


class _BrokenRepr:
    def __repr__(self) -> str:
        raise ValueError("no repr")


@pytest.mark.parametrize(
    ("make", "steps"), [(s[1], s[2]) for s in SCENARIOS], ids=[s[0] for s in SCENARIOS]
)
def test_assertions_match_the_stdlib(make: Callable[[Any], Any], steps: tuple[Step, ...]) -> None:
    """Each assertion passes, or fails with the stdlib's exception and message."""
    same_steps(make, *steps)


def test_assertion_on_a_mock_whose_repr_raises() -> None:
    """Messages are built even when the mock's own repr is broken."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        m.__repr__ = lambda self: 1 / 0
        m(1)
        return trace(m, lambda x: x.assert_not_called(), lambda x: x.assert_called_with(2))

    assert_same(scenario)


# -- matching through a spec's signature -----------------------------------------------------


def test_spec_signature_matches_positional_and_keyword(mock: Any) -> None:
    """With a spec, ``call(1, 2)`` matches ``call(a=1, b=2)``."""
    m = mock.Mock(spec=func)
    m(1, 2)
    m.assert_called_with(a=1, b=2)
    m.assert_called_once_with(1, b=2)
    m.assert_any_call(a=1, b=2)
    m.assert_has_calls([mock.call(a=1, b=2)])
    m.assert_has_calls([mock.call(b=2, a=1)], any_order=True)


def test_without_spec_positional_and_keyword_differ(mock: Any) -> None:
    """Without a spec, ``call(1)`` and ``call(a=1)`` are different calls."""
    m = mock.Mock()
    m(1)
    with pytest.raises(AssertionError):
        m.assert_called_with(a=1)


SIGNATURE_STEPS: tuple[Step, ...] = (
    lambda mod, x: x(1, 2),
    lambda mod, x: x.assert_called_with(a=1, b=2),
    lambda mod, x: x.assert_called_once_with(1, b=2),
    lambda mod, x: x.assert_any_call(1, 2),
    lambda mod, x: x.assert_has_calls([mod.call(a=1, b=2)]),
    lambda mod, x: x.assert_called_with(1),
    lambda mod, x: x.assert_called_with(1, 2, 3),
    lambda mod, x: x.assert_any_call(1, 2, 3),
    lambda mod, x: x.assert_has_calls([mod.call(1, 2, 3)]),
    lambda mod, x: x.assert_has_calls([mod.call(1, 2, 3)], any_order=True),
    lambda mod, x: x.assert_called_with(1, 2, c=5),
)


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.Mock(spec=func),
        lambda m: m.MagicMock(spec=func),
        lambda m: m.Mock(spec_set=func),
        lambda m: m.NonCallableMock(spec=func),
    ],
    ids=["Mock", "MagicMock", "spec_set", "NonCallableMock"],
)
def test_spec_signature_matching_matches_the_stdlib(make: Callable[[Any], Any]) -> None:
    """Signature-aware matching passes and fails as the stdlib's does."""
    same_steps(make, *SIGNATURE_STEPS)


def _cause(assertion: Step) -> Step:
    """A step running ``assertion``; its outcome is the failure's ``__cause__``."""

    def step(mod: Any, x: Any) -> Any:
        try:
            assertion(mod, x)
        except AssertionError as exc:
            cause = exc.__cause__
            return None if cause is None else (type(cause).__name__, str(cause))
        return "passed"

    return step


def test_binding_errors_are_chained_as_the_cause() -> None:
    """A call that can't bind to the signature is the failure's ``__cause__``."""
    same_steps(
        lambda mod: mod.Mock(spec=func),
        lambda mod, x: x(1, 2),
        _cause(lambda mod, x: x.assert_called_with(1, 2, 3)),
        _cause(lambda mod, x: x.assert_called_once_with(1, 2, 3)),
        _cause(lambda mod, x: x.assert_any_call(1, 2, 3)),
        _cause(lambda mod, x: x.assert_has_calls([mod.call(1, 2, 3)])),
        _cause(lambda mod, x: x.assert_has_calls([mod.call(1, 2, 3)], any_order=True)),
        _cause(lambda mod, x: x.assert_called_with(1)),
        _cause(lambda mod, x: x.assert_called_with(1, 2)),
    )


def test_class_spec_matches_methods_without_self() -> None:
    """A class spec matches method calls by the method's signature (minus self) and
    the mock's own calls by ``__init__``'s."""
    same_steps(
        lambda mod: mod.Mock(spec=Spec),
        lambda mod, x: x.meth(1),
        lambda mod, x: x.meth.assert_called_with(x=1),
        lambda mod, x: x.meth.assert_called_with(1, 3),
        lambda mod, x: x.assert_has_calls([mod.call.meth(x=1)]),
        lambda mod, x: x.assert_has_calls([mod.call.meth(x=1, y=2)]),
        lambda mod, x: x(5),
        lambda mod, x: x.assert_called_with(a=5),
        lambda mod, x: x.assert_called_with(6),
    )


def test_instance_spec_matches_calls_by_call_signature() -> None:
    """An instance spec without ``__call__`` leaves calls unmatched by signature."""
    same_steps(
        lambda mod: mod.Mock(spec=Spec(1)),
        lambda mod, x: x.meth(1),
        lambda mod, x: x.meth.assert_called_with(x=1),
        lambda mod, x: x.assert_has_calls([mod.call.meth(x=1)]),
    )


@pytest.mark.parametrize(
    "expected", ["call.a(1)", "call.a.b(1)", "call.b(2)", "call(3)", "call.a()(1)"]
)
def test_deleted_child_in_has_calls(expected: str) -> None:
    """``assert_has_calls`` after deleting a child that was called does what the
    stdlib does: a call named through the deleted child raises its AttributeError."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, x: x.a(1),
        lambda mod, x: x.b(2),
        lambda mod, x: delattr(x, "a"),
        lambda mod, x: x.assert_has_calls([eval(expected, {"call": mod.call})]),
        lambda mod, x: x.assert_has_calls([eval(expected, {"call": mod.call})], any_order=True),
        lambda mod, x: x.assert_any_call(1),
    )


def test_assert_any_call_with_a_recorded_call_outside_the_signature() -> None:
    """``assert_any_call`` after a call that can't bind to the spec fails as the stdlib's."""
    same_steps(
        lambda mod: mod.Mock(spec=func), lambda mod, x: x(), lambda mod, x: x.assert_any_call(1, 1)
    )


def test_has_calls_any_order_with_a_recorded_call_outside_the_signature() -> None:
    """The unordered ``assert_has_calls`` lists the binding error like the stdlib."""
    same_steps(
        lambda mod: mod.Mock(spec=func),
        lambda mod, x: x(),
        lambda mod, x: x.assert_has_calls([mod.call(1, 1)], any_order=True),
        lambda mod, x: x.assert_has_calls([mod.call(1, 1)]),
        lambda mod, x: x.assert_called_with(1, 1),
    )


@pytest.mark.parametrize("value", [{}, [], 0.0, None, "", 2])
@pytest.mark.parametrize("check", ["assert_not_called", "assert_called", "assert_called_once"])
def test_count_assertions_compare_a_count_set_by_hand(check: str, value: Any) -> None:
    """``call_count`` set by hand is compared with 0 or 1 as the stdlib compares it
    (``{} != 0``), not tested for truth."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m._mock_call_count = value
        return getattr(m, check)()

    assert_same(scenario)


@pytest.mark.parametrize("value", [{}, [], None, 2])
def test_assert_not_awaited_compares_a_count_set_by_hand(value: Any) -> None:
    def scenario(mod: Any) -> Any:
        m = mod.AsyncMock()
        m.await_count = value
        return outcome(m.assert_not_awaited), outcome(m.assert_awaited)

    assert_same(scenario)


@pytest.mark.parametrize("any_order", [False, True])
def test_assert_has_calls_with_mock_calls_set_to_none(any_order: bool) -> None:
    """``mock_calls = None``: assert_has_calls fails iterating it, as the stdlib's."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m.mock_calls = None
        return m.assert_has_calls([mod.call(1, 2)], any_order=any_order)

    assert_same(scenario)


def test_assert_any_call_against_a_call_of_another_length_fails_as_the_stdlibs() -> None:
    """The stdlib's ``_AnyComparer`` asserts each recorded call has the expected
    call's length: a deep copy's calls (``call.__deepcopy__(memo)``) or a call put
    in by hand fail that ``assert``, a bare AssertionError. (Found by the fuzzer,
    3.13 seed 806.)"""
    import copy

    def scenario(impl: Any) -> Any:
        seen = []
        original = impl.Mock()
        original()
        twin = copy.deepcopy(original)
        by_hand = impl.Mock()
        by_hand.call_args_list.append(impl.call.x(1))
        asyncs = impl.AsyncMock()
        asyncs.await_args_list.append(impl.call.x(1))
        for check in (
            lambda: twin.assert_any_call(99), lambda: twin.assert_any_call(),
            lambda: original.assert_any_call(99), lambda: by_hand.assert_any_call(1),
            lambda: asyncs.assert_any_await(1),
        ):
            try:
                check()
                seen.append("passed")
            except AssertionError as exc:
                seen.append(repr(exc))
        return seen

    assert_same(scenario)
