"""``turbomock.assertions``: the checks people write by hand, as functions of the mock,
with messages of their own and the same explanations as the ``assert_*`` methods."""

from __future__ import annotations

from typing import Any

import pytest

import turbomock

# A fixture, imported for pytest to find (the alias marks it used).
from explain_support import explanations_off_around as explanations_off_around
from explain_support import message, settings
from turbomock import call
from turbomock.assertions import (
    assert_called_n_times_with,
    assert_calls,
    assert_calls_any_order,
    assert_never_called_with,
)
from turbomock.matchers import IsInstance


def send(to: Any, body: Any = None, *, retries: int = 3) -> None:
    """A function to autospec."""


def recorded() -> Any:
    m = turbomock.Mock()
    m(1)
    m.a(2)
    m(3)
    return m


# -- assert_calls ---------------------------------------------------------------------


def test_assert_calls_passes_on_the_exact_list() -> None:
    """The whole ``mock_calls`` list, in order, passes."""
    assert_calls(recorded(), [call(1), call.a(2), call(3)])


def test_assert_calls_message() -> None:
    """The message shows both lists."""
    text = message(lambda: assert_calls(recorded(), [call(1), call(3)]))
    assert text == (
        "Calls differ from the expected list.\n"
        "Expected: [call(1), call(3)]\n"
        "  Actual: [call(1), call.a(2), call(3)]"
    )


def test_assert_calls_explains_each_gap() -> None:
    """Aligned on the shared calls: pairs that differ, calls missing, calls not expected."""
    m = recorded()
    m.b()
    with settings(explain=True):
        text = message(lambda: assert_calls(m, [call(1), call.a(5), call(3), call.c(), call.d()]))
    assert text.split("\n\n", 1)[1] == (
        "Expected call #2 of 5, call.a(5); mock_calls #2 of 4 is call.a(2):\n"
        "  args[0]: expected 5, got 2\n"
        "Expected call #4 of 5, call.c(); mock_calls #4 of 4 is call.b():\n"
        "  name: expected call.c, got call.b\n"
        "Expected call #5 of 5, call.d(), is missing."
    )


def test_assert_calls_does_not_take_a_call_for_another_name() -> None:
    """``call(3)`` is not ``call.a(3)`` here, whichever side it is on."""
    m = turbomock.Mock()
    m(3)
    assert m.mock_calls == [call.a(3)]  # the stdlib's comparison lets this through
    with pytest.raises(AssertionError):
        assert_calls(m, [call.a(3)])
    n = turbomock.Mock()
    n.a(3)
    with pytest.raises(AssertionError):
        assert_calls(n, [call(3)])


def test_assert_calls_matches_through_the_signature() -> None:
    """With a spec, positional and keyword forms of one call are the same call."""
    m = turbomock.create_autospec(send)
    m("bob", "hi")
    assert_calls(m, [call(to="bob", body="hi")])


def test_assert_calls_with_matchers() -> None:
    """Matchers decide inside the expected calls."""
    assert_calls(recorded(), [call(IsInstance(int)), call.a(2), call(3)])


def test_assert_calls_on_a_mock_never_called() -> None:
    """An empty expected list passes; anything else fails."""
    m = turbomock.Mock()
    assert_calls(m, [])
    with pytest.raises(AssertionError):
        assert_calls(m, [call()])


# -- assert_calls_any_order -----------------------------------------------------------


def test_any_order_passes_in_another_order() -> None:
    """The same calls in another order pass."""
    assert_calls_any_order(recorded(), [call(3), call(1), call.a(2)])


def test_any_order_counts_repeats() -> None:
    """Each recorded call stands for one expected call."""
    m = turbomock.Mock()
    m(1)
    with pytest.raises(AssertionError):
        assert_calls_any_order(m, [call(1), call(1)])


def test_any_order_message_and_explanation() -> None:
    """The unmatched on both sides are named, with the closest call left."""
    with settings(explain=True):
        text = message(lambda: assert_calls_any_order(recorded(), [call(3), call.a(5)]))
    assert text == (
        "Calls differ from the expected list (in any order).\n"
        "Expected: [call(3), call.a(5)]\n"
        "  Actual: [call(1), call.a(2), call(3)]\n"
        "\n"
        "Expected call #2 of 2, call.a(5), not found.\n"
        "  Closest call left: mock_calls #2 of 3: call.a(2)\n"
        "    args[0]: expected 5, got 2\n"
        "mock_calls #1 of 3, call(1), was not expected.\n"
        "mock_calls #2 of 3, call.a(2), was not expected."
    )


# -- assert_called_n_times_with -------------------------------------------------------


def test_n_times_passes_on_the_count() -> None:
    """Exactly n of the mock's own calls match."""
    m = turbomock.Mock()
    m(1)
    m(2)
    m(1)
    assert_called_n_times_with(m, 2, 1)
    assert_called_n_times_with(m, 0, 5)


def test_n_times_message_and_explanation() -> None:
    """The message gives both counts; the explanation which calls matched."""
    m = turbomock.Mock(name="fetch")
    m("a")
    m("b")
    with settings(explain=True):
        text = message(lambda: assert_called_n_times_with(m, 2, "a"))
    assert text == (
        "Expected 'fetch' to be called 2 times with fetch('a'); "
        "it was called 1 time with it, in 2 calls.\n"
        "\n"
        "Call #1 of 2 matches: fetch('a')\n"
        "Other calls:\n"
        "  #2 of 2: fetch('b'): 1 difference"
    )


def test_n_times_matches_through_the_signature() -> None:
    """With a spec, ``send('bob')`` and ``send(to='bob')`` count alike."""
    m = turbomock.create_autospec(send)
    m("bob")
    m(to="bob")
    assert_called_n_times_with(m, 2, to="bob")


@pytest.mark.parametrize("times", [-1, 1.0, True, "2"])
def test_n_times_takes_a_count(times: Any) -> None:
    """The count must be an int >= 0."""
    with pytest.raises(TypeError) as info:
        assert_called_n_times_with(turbomock.Mock(), times)
    assert str(info.value) == f"the number of times must be an int >= 0, not {times!r}"


def test_expected_call_outside_the_signature_is_a_type_error() -> None:
    """An expected call the mock's signature refuses can never match: TypeError."""
    m = turbomock.create_autospec(send)
    with pytest.raises(TypeError) as info:
        assert_called_n_times_with(m, 1, 1, 2, 3)
    assert str(info.value) == (
        "the expected call does not fit the mock's signature: too many positional arguments"
    )


# -- assert_never_called_with ---------------------------------------------------------


def test_never_called_with_passes() -> None:
    """No call with those arguments: passes."""
    assert_never_called_with(recorded(), 2)


def test_never_called_with_message() -> None:
    """The message numbers the calls that matched."""
    m = turbomock.Mock()
    m(1)
    m(2)
    m(1)
    assert message(lambda: assert_never_called_with(m, 1)) == (
        "Expected 'mock' never to be called with mock(1), but calls #1, #3 of 3 were."
    )
    assert message(lambda: assert_never_called_with(m, 2)) == (
        "Expected 'mock' never to be called with mock(2), but call #2 of 3 was."
    )


# -- what they take ---------------------------------------------------------------------


def test_an_autospecced_function_is_taken_for_its_mock() -> None:
    """The function standing in for an autospecced function works like its mock."""
    fetch = turbomock.create_autospec(send)
    fetch("x")
    assert_calls(fetch, [call("x")])
    assert_called_n_times_with(fetch, 1, "x")


@pytest.mark.parametrize(
    "function",
    [assert_calls, assert_calls_any_order, assert_called_n_times_with, assert_never_called_with],
)
def test_a_non_mock_is_refused(function: Any) -> None:
    """Passing something that is not a mock is a TypeError naming the function."""
    with pytest.raises(TypeError) as info:
        function(len, [])
    assert str(info.value) == (
        f"{function.__name__}() takes a mock, "
        "not <built-in function len> (builtin_function_or_method)"
    )


def test_mocks_gain_no_attributes() -> None:
    """The functions live in a module: a mock's namespace stays the stdlib's."""
    import turbomock.assertions as module

    for name in module.__all__:
        for cls in (turbomock.Mock, turbomock.MagicMock, turbomock.AsyncMock):
            assert name not in dir(cls)
