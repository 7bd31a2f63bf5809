"""Explanations: with ``configure(explain=True)`` every failing ``assert_*`` keeps the
stdlib's message, word for word, and adds after a blank line the closest call, how
it differs (by parameter name when a signature is known), the other calls, and for
``assert_has_calls`` where the expected sequence broke off.

Each test runs its scenario on ``unittest.mock`` and on turbomock: the stdlib's
message must come first (``explanation()`` checks it), the rest is pinned.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import warnings
from typing import Any

import turbomock
from explain_support import awaited, explanation, message, settings

# A fixture, imported for pytest to find (the alias marks it used).
from explain_support import explanations_off_around as explanations_off_around
from spec_support import func
from turbomock.matchers import Captor, IsInstance


def send(to: Any, payload: Any, *, retries: int = 3) -> None:
    """A function to autospec."""


async def fetch(url: Any, *, timeout: float = 1.0) -> None:
    """A coroutine function to spec on."""


# -- assert_called_with ------------------------------------------------------------------


def test_issue_example_names_the_closest_call_and_each_difference() -> None:
    """The closest call is #1 of 2; the nested difference and ``retries`` show both values."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m("alice", {"tags": ["a", "b"]}, retries=3)
        m("bob", {}, retries=3)
        m.assert_called_with("alice", {"tags": ["a", "c"]}, retries=2)

    assert explanation(scenario) == (
        "Closest call: #1 of 2: mock('alice', {'tags': ['a', 'b']}, retries=3)\n"
        "  args[1]['tags'][1]: expected 'c', got 'b'\n"
        "  kwargs['retries']: expected 2, got 3\n"
        "Other calls:\n"
        "  #2 of 2: mock('bob', {}, retries=3): 3 differences\n"
        "Note: assert_called_with compares only the last call, #2 of 2."
    )


def test_issue_example_full_message() -> None:
    """The whole message: the stdlib's three lines, a blank line, the explanation."""
    m = turbomock.Mock()
    m("alice", {"tags": ["a", "b"]}, retries=3)
    m("bob", {}, retries=3)
    actual = "  Actual" if sys.version_info >= (3, 11) else "Actual"
    with settings(explain=True):
        text = message(lambda: m.assert_called_with("alice", {"tags": ["a", "c"]}, retries=2))
    assert text == (
        "expected call not found.\n"
        "Expected: mock('alice', {'tags': ['a', 'c']}, retries=2)\n"
        f"{actual}: mock('bob', {{}}, retries=3)\n"
        "\n"
        "Closest call: #1 of 2: mock('alice', {'tags': ['a', 'b']}, retries=3)\n"
        "  args[1]['tags'][1]: expected 'c', got 'b'\n"
        "  kwargs['retries']: expected 2, got 3\n"
        "Other calls:\n"
        "  #2 of 2: mock('bob', {}, retries=3): 3 differences\n"
        "Note: assert_called_with compares only the last call, #2 of 2."
    )


def test_autospecced_mock_names_parameters() -> None:
    """With a signature, differences are named by parameter."""

    def scenario(mod: Any) -> None:
        m = mod.create_autospec(send)
        m("alice", {"tags": ["a", "b"]}, retries=3)
        m("bob", {}, retries=3)
        m.assert_called_with("alice", {"tags": ["a", "c"]}, retries=2)

    assert explanation(scenario) == (
        "Closest call: #1 of 2: mock('alice', {'tags': ['a', 'b']}, retries=3)\n"
        "  payload['tags'][1]: expected 'c', got 'b'\n"
        "  retries: expected 2, got 3\n"
        "Other calls:\n"
        "  #2 of 2: mock('bob', {}, retries=3): 3 differences\n"
        "Note: assert_called_with compares only the last call, #2 of 2."
    )


def test_an_earlier_call_that_matches_is_pointed_out() -> None:
    """When an earlier call matches, the explanation says only the last one counts."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m(1)
        m(2)
        m.assert_called_with(1)

    assert explanation(scenario) == (
        "Call #1 of 2 matches, but assert_called_with compares only the last call "
        "(#2 of 2); assert_any_call looks at every one.\n"
        "The last call, #2 of 2: mock(2)\n"
        "  args[0]: expected 1, got 2"
    )


def test_a_default_passed_explicitly_is_a_difference() -> None:
    """Passing a parameter's default differs from leaving it out; the default is shown."""

    def scenario(mod: Any) -> None:
        m = mod.Mock(spec=func)
        m(1, 2)
        m.assert_called_with(1, 2, c=1)

    assert explanation(scenario) == (
        "Closest call: #1 of 1: mock(1, 2)\n  c: expected 1, not passed (default 1)"
    )


def test_an_expected_call_outside_the_signature_is_said_so() -> None:
    """An expected call the signature refuses is named, with the reason."""

    def scenario(mod: Any) -> None:
        m = mod.Mock(spec=func)
        m(1, 2)
        m.assert_called_with(1, 2, 3)

    assert explanation(scenario) == (
        "The expected call does not fit the signature (a, b, *, c=1): "
        "too many positional arguments\n"
        "Closest call: #1 of 1: mock(1, 2)\n"
        "  args[2]: expected 3, not passed"
    )


def test_child_calls_are_shown_with_the_childs_name() -> None:
    """A child's calls read ``f(...)``, as in the stdlib's message."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.f("x", 1)
        m.f("y", 2)
        m.f.assert_any_call("y", 3)

    assert explanation(scenario) == (
        "Closest call: #2 of 2: f('y', 2)\n"
        "  args[1]: expected 3, got 2\n"
        "Other calls:\n"
        "  #1 of 2: f('x', 1): 2 differences"
    )


def test_a_mock_never_called_gets_no_explanation_without_a_patch() -> None:
    """Nothing is added when there is nothing to compare and no patch to blame."""

    def scenario(mod: Any) -> None:
        mod.Mock().assert_called_with(1)

    assert explanation(scenario) == ""


def test_long_lists_of_other_calls_are_cut() -> None:
    """At most ten other calls are listed; the rest are counted."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        for i in range(13):
            m(i)
        m.assert_any_call(0.5)

    lines = explanation(scenario).splitlines()
    assert lines[:3] == [
        "Closest call: #1 of 13: mock(0)",
        "  args[0]: expected 0.5, got 0",
        "Other calls:",
    ]
    assert lines[3:] == [f"  #{i} of 13: mock({i - 1}): 1 difference" for i in range(2, 12)] + [
        "  ... and 2 more"
    ]


@dataclasses.dataclass
class Order:
    id: int
    lines: list[tuple[str, int]]
    meta: dict[str, Any] = dataclasses.field(default_factory=dict)


def save(order: Order, *, dry_run: bool = False) -> None:
    """A function taking a dataclass, to autospec."""


def test_nested_data_by_parameter_and_field() -> None:
    """Paths go through the parameter, dataclass fields, lists, tuples and dicts."""

    def scenario(mod: Any) -> None:
        m = mod.create_autospec(save)
        m(Order(7, [("pen", 2), ("ink", 1)], {"gift": True}))
        m.assert_called_with(Order(7, [("pen", 2), ("ink", 3)], {"gift": False, "note": "x"}))

    assert explanation(scenario) == (
        "Closest call: #1 of 1: mock(Order(id=7, lines=[('pen', 2), ('ink', 1)], "
        "meta={'gift': True}))\n"
        "  order.lines[1][1]: expected 3, got 1\n"
        "  order.meta['gift']: expected False, got True\n"
        "  order.meta['note']: expected 'x', key missing"
    )


# -- matchers and ANY --------------------------------------------------------------------


def test_matcher_failure_is_named_with_its_reason() -> None:
    """A matcher that refused says why, under the parameter's name."""

    def scenario(mod: Any) -> None:
        m = mod.create_autospec(send)
        m("x", {}, retries="3")
        m.assert_called_with("x", {}, retries=IsInstance(int))

    assert explanation(scenario) == (
        "Closest call: #1 of 1: mock('x', {}, retries='3')\n"
        "  retries: IsInstance(int) failed: got '3' (str)"
    )


def test_any_is_never_reported() -> None:
    """``ANY`` matches whatever it meets, at any depth."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m({"id": 7, "name": "x"}, 1)
        m.assert_called_with({"id": mod.ANY, "name": "y"}, mod.ANY)

    assert explanation(scenario) == (
        "Closest call: #1 of 1: mock({'id': 7, 'name': 'x'}, 1)\n"
        "  args[0]['name']: expected 'y', got 'x'"
    )


def test_captors_do_not_record_while_explaining() -> None:
    """The explanation compares again; a captor keeps only the assertion's values."""
    captor = Captor()
    m = turbomock.Mock()
    m(5, 0)
    m(6, 0)
    with settings(explain=True):
        message(lambda: m.assert_called_with(captor, 1))
    assert captor.values == [6]


# -- counts ------------------------------------------------------------------------------


def test_called_once_with_lists_the_matching_call() -> None:
    """A wrong count names which calls match the expected arguments."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m(1)
        m(2)
        m.assert_called_once_with(2)

    assert explanation(scenario) == (
        "Call #2 of 2 matches: mock(2)\nOther calls:\n  #1 of 2: mock(1): 1 difference"
    )


def test_called_once_lists_the_calls_and_repeats() -> None:
    """``assert_called_once`` numbers the calls and marks repeats."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m(1)
        m(1)
        m.assert_called_once()

    assert explanation(scenario) == (
        "The calls:\n  #1 of 2: mock(1)\n  #2 of 2: mock(1) (same as #1)"
    )


def test_not_called_lists_the_mocks_own_calls() -> None:
    """``assert_not_called`` numbers the calls of the mock itself."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m(1)
        m.child(2)
        m(3)
        m.assert_not_called()

    assert explanation(scenario) == "The calls:\n  #1 of 2: mock(1)\n  #2 of 2: mock(3)"


# -- assert_has_calls ------------------------------------------------------------------


def test_has_calls_says_where_the_sequence_broke_off() -> None:
    """The matched run, the call missed, what came instead, and where it did occur."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.open("a")
        m.read(10)
        m.read(20)
        m.close()
        m.assert_has_calls([mod.call.open("a"), mod.call.read(10), mod.call.close()])

    assert explanation(scenario) == (
        "Expected calls #1-#2 match mock_calls #1-#2; then expected call #3 of 3, "
        "call.close(), does not follow.\n"
        "mock_calls #3 of 4 is call.read(20):\n"
        "  name: expected call.close, got call.read\n"
        "  args[0]: not expected, got 20\n"
        "call.close() is mock_calls #4 of 4, out of sequence."
    )


def test_has_calls_whose_first_call_is_missing_shows_the_closest() -> None:
    """A sequence that never started: its first call and the nearest actual one."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.open("a")
        m.close()
        m.assert_has_calls([mod.call.opem("a"), mod.call.close()])

    assert explanation(scenario) == (
        "Expected call #1 of 2, call.opem('a'), is not in mock_calls.\n"
        "Closest call: #1 of 2: call.open('a')\n"
        "  name: expected call.opem, got call.open"
    )


def test_has_calls_running_past_the_end() -> None:
    """A run cut short by the end of ``mock_calls`` says so."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.open("a")
        m.read(10)
        m.assert_has_calls([mod.call.read(10), mod.call.close()])

    assert explanation(scenario) == (
        "Expected call #1 matches mock_calls #2; then expected call #2 of 2, "
        "call.close(), does not follow.\n"
        "mock_calls ends after #2."
    )


def test_has_calls_in_the_wrong_order() -> None:
    """A call made, but before the run: where it is."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.close()
        m.open("a")
        m.assert_has_calls([mod.call.open("a"), mod.call.close()])

    assert explanation(scenario) == (
        "Expected call #1 matches mock_calls #2; then expected call #2 of 2, "
        "call.close(), does not follow.\n"
        "mock_calls ends after #2.\n"
        "call.close() is mock_calls #1 of 2, out of sequence."
    )


def test_has_calls_any_order_shows_the_closest_call_left() -> None:
    """Each expected call not found, with the closest call no other one took."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m.open("a")
        m.read(10)
        m.assert_has_calls(
            [mod.call.read(11), mod.call.open("a"), mod.call.close()], any_order=True
        )

    assert explanation(scenario) == (
        "Expected call #1 of 3, call.read(11), not found.\n"
        "  Closest call left: mock_calls #2 of 2: call.read(10)\n"
        "    args[0]: expected 11, got 10\n"
        "Expected call #3 of 3, call.close(), not found.\n"
        "  Closest call left: mock_calls #2 of 2: call.read(10)\n"
        "    name: expected call.close, got call.read\n"
        "    args[0]: not expected, got 10"
    )


def test_has_calls_any_order_with_nothing_left() -> None:
    """When every call was taken by another expected call, that is said."""

    def scenario(mod: Any) -> None:
        m = mod.Mock()
        m(1)
        m.assert_has_calls([mod.call(1), mod.call(1)], any_order=True)

    assert explanation(scenario) == (
        "Expected call #2 of 2, call(1), not found.\n"
        "  No call of mock_calls is left to compare it with."
    )


def test_has_calls_names_an_expected_call_outside_the_signature() -> None:
    """An expected call the signature refuses is named, with the reason."""

    def scenario(mod: Any) -> None:
        m = mod.Mock(spec=func)
        m(1, 2)
        m.assert_has_calls([mod.call(1, 2), mod.call(1, 2, 3)])

    assert explanation(scenario) == (
        "Expected call #2 of 2, call(1, 2, 3), does not fit the signature (a, b, *, c=1): "
        "too many positional arguments"
    )


# -- awaits ------------------------------------------------------------------------------


def test_awaited_with_names_the_closest_await() -> None:
    """``assert_awaited_with`` compares awaits, by parameter name with a spec."""

    def scenario(mod: Any) -> None:
        m = awaited(mod.AsyncMock(spec=fetch), (("u1",), {"timeout": 2.0}), (("u2",), {}))
        m.assert_awaited_with("u1", timeout=3.0)

    assert explanation(scenario) == (
        "Closest await: #1 of 2: mock('u1', timeout=2.0)\n"
        "  timeout: expected 3.0, got 2.0\n"
        "Other awaits:\n"
        "  #2 of 2: mock('u2'): 2 differences\n"
        "Note: assert_awaited_with compares only the last await, #2 of 2."
    )


def test_any_await_names_the_closest_await() -> None:
    """``assert_any_await`` shows the nearest await and the others."""

    def scenario(mod: Any) -> None:
        m = awaited(mod.AsyncMock(), (("u1",), {}), (("u2",), {}))
        m.assert_any_await("u3")

    assert explanation(scenario) == (
        "Closest await: #1 of 2: mock('u1')\n"
        "  args[0]: expected 'u3', got 'u1'\n"
        "Other awaits:\n"
        "  #2 of 2: mock('u2'): 1 difference"
    )


def test_has_awaits_says_where_the_sequence_broke_off() -> None:
    """``assert_has_awaits`` is explained like ``assert_has_calls``, over awaits."""

    def scenario(mod: Any) -> None:
        m = awaited(mod.AsyncMock(), (("u1",), {}), (("u2",), {}))
        m.assert_has_awaits([mod.call("u1"), mod.call("u3")])

    assert explanation(scenario) == (
        "Expected call #1 matches await_args_list #1; then expected call #2 of 2, "
        "call('u3'), does not follow.\n"
        "await_args_list #2 of 2 is call('u2'):\n"
        "  args[0]: expected 'u3', got 'u2'"
    )


def test_awaited_once_lists_the_awaits() -> None:
    """``assert_awaited_once`` numbers the awaits."""

    def scenario(mod: Any) -> None:
        m = awaited(mod.AsyncMock(), (("u1",), {}), (("u2",), {}))
        m.assert_awaited_once()

    assert explanation(scenario) == "The awaits:\n  #1 of 2: mock('u1')\n  #2 of 2: mock('u2')"


def test_not_awaited_lists_the_awaits() -> None:
    """``assert_not_awaited`` numbers the awaits."""

    def scenario(mod: Any) -> None:
        m = awaited(mod.AsyncMock(), (("u1",), {}))
        m.assert_not_awaited()

    assert explanation(scenario) == "The awaits:\n  #1 of 1: mock('u1')"


def test_a_call_never_awaited_is_pointed_out() -> None:
    """Calls whose coroutines were never awaited explain a missing await."""

    def scenario(mod: Any) -> None:
        m = mod.AsyncMock()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m(1)
            import gc

            gc.collect()  # the never-awaited coroutine warns here, not in another test
        m.assert_awaited_with(1)

    assert explanation(scenario) == (
        "Called once, but never awaited: a call counts as an await only once the "
        "coroutine it returned is awaited."
    )


# -- robustness and cost -------------------------------------------------------------------


def test_an_explanation_that_fails_says_so_and_keeps_the_message(monkeypatch: Any) -> None:
    """A broken explanation must never hide the failure it was to explain."""
    from turbomock import _explain

    def broken(*args: Any, **kwargs: Any) -> list[str]:
        raise RuntimeError("boom")

    monkeypatch.setattr(_explain, "for_call", broken)
    m = turbomock.Mock()
    m(1)
    with settings(explain=True):
        text = message(lambda: m.assert_any_call(2))
    assert text == (
        "mock(2) call not found\n\n(turbomock could not explain this failure: RuntimeError: boom)"
    )


def test_explanations_off_leave_the_message_alone() -> None:
    """With explanations off (the default), nothing is appended."""
    m = turbomock.Mock()
    m(1)
    assert message(lambda: m.assert_any_call(2)) == "mock(2) call not found"


def test_nothing_of_explanations_loads_until_an_assertion_fails() -> None:
    """Passing assertions never import the explanation modules, even when on."""
    code = (
        "import sys, turbomock\n"
        "m = turbomock.Mock(); m(1); m.assert_called_once_with(1); m.assert_any_call(1)\n"
        "m.assert_has_calls([turbomock.call(1)])\n"
        "loaded = sorted(n for n in ('turbomock._explain', 'turbomock._diff', "
        "'turbomock._where', 'turbomock.matchers') if n in sys.modules)\n"
        "try:\n    m.assert_called_with(2)\nexcept AssertionError:\n    pass\n"
        "print(loaded, 'turbomock._explain' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**_environment(), "TURBOMOCK_EXPLAIN": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[] True"


def _environment() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("TURBOMOCK_")}
