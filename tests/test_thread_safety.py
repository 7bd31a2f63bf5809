"""Mocks shared between threads: no call lost or doubled, one child per name.

Eight threads call one mock 10,000 times each, starting together, with the
interpreter switching threads far more often than usual; every count and list must
come out exact on every run. turbomock only: the stdlib makes no such promise.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from typing import Any, Callable

import pytest

import turbomock
from engine_support import drive

THREADS = 8
CALLS = 10_000
TOTAL = THREADS * CALLS


@pytest.fixture(autouse=True)
def _frequent_thread_switches() -> Iterator[None]:
    """Switch threads every 20 µs instead of every 5 ms, to interleave more."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(2e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def together(work: Callable[[int], object], threads: int = THREADS) -> None:
    """Run ``work(thread_number)`` in ``threads`` threads released at once."""
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def run(number: int) -> None:
        try:
            start.wait()
            work(number)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    pool = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert failures == []


def call_many(target: Callable[..., Any]) -> Callable[[int], None]:
    """Work calling ``target(thread, i)`` CALLS times."""

    def work(number: int) -> None:
        for i in range(CALLS):
            target(number, i)

    return work


def every_call() -> list[tuple[int, int]]:
    return [(number, i) for number in range(THREADS) for i in range(CALLS)]


def assert_exact(m: Any) -> None:
    """Each (thread, i) call was recorded exactly once, in every view."""
    assert m.call_count == TOTAL
    assert len(m.call_args_list) == TOTAL
    assert sorted(c.args for c in m.call_args_list) == every_call()
    assert len(m.mock_calls) == TOTAL
    assert m.called


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "ThreadingMock"])
def test_calls_on_one_mock_are_all_recorded(kind: str) -> None:
    """8 threads x 10,000 calls on one mock: exact count, call list and mock_calls."""
    m = getattr(turbomock, kind)()
    together(call_many(m))
    assert_exact(m)


def test_calls_on_a_child_are_all_recorded_on_it_and_its_parent() -> None:
    """Calls on a shared child are exact on the child and in the parent's views."""
    m = turbomock.Mock()
    together(call_many(lambda *args: m.child(*args)))
    assert_exact(m.child)
    assert len(m.mock_calls) == TOTAL
    assert len(m.method_calls) == TOTAL
    assert m.mock_calls[-1][0] == "child"


def test_calls_on_many_children_keep_their_order_per_thread() -> None:
    """Each thread's calls on its own child keep their order."""
    m = turbomock.Mock()
    children = [getattr(m, f"child{number}") for number in range(THREADS)]
    calls = CALLS // 10

    def work(number: int) -> None:
        child = children[number]
        for i in range(calls):
            child(i)

    together(work)
    for child in children:
        assert [c.args for c in child.call_args_list] == [(i,) for i in range(calls)]
    assert len(m.mock_calls) == THREADS * calls


def test_calls_and_awaits_on_one_asyncmock_are_all_recorded() -> None:
    """8 threads x 10,000 awaited calls: exact calls and awaits."""
    m = turbomock.AsyncMock(return_value=1)
    together(call_many(lambda *args: drive(m(*args))))
    assert_exact(m)
    assert m.await_count == TOTAL
    assert sorted(c.args for c in m.await_args_list) == every_call()


def test_threadingmock_waits_see_every_call() -> None:
    """A ThreadingMock's waits count every call made from every thread."""
    m = turbomock.ThreadingMock(timeout=0)
    together(call_many(m))
    m.wait_until_call_count(TOTAL)
    m.wait_until_any_call_with(THREADS - 1, CALLS - 1)


def test_first_calls_below_fresh_ancestors_are_all_recorded() -> None:
    """Threads making the first calls under ancestors that have never seen one (their
    pending lists don't exist yet) each land once in every ancestor's mock_calls."""
    for _ in range(100):
        root = turbomock.Mock()
        leaves = [getattr(root.a.b, f"c{number}").d for number in range(THREADS)]
        together(lambda number, leaves=leaves: leaves[number](number))
        expected = [(number,) for number in range(THREADS)]
        assert sorted(c.args for c in root.mock_calls) == expected
        assert sorted(c.args for c in root.a.b.method_calls) == expected
        for number, leaf in enumerate(leaves):
            assert leaf.call_args_list == [turbomock.call(number)]


def test_reading_mock_calls_while_calls_are_made_loses_nothing() -> None:
    """Readers of ``mock_calls`` racing the callers neither lose nor repeat a call."""
    m = turbomock.Mock()

    def work(number: int) -> None:
        if number % 2:
            for i in range(CALLS):
                m.child(number, i)
        else:
            for _ in range(CALLS // 100):
                len(m.mock_calls)
                len(m.method_calls)

    together(work)
    expected = [(n, i) for n in range(1, THREADS, 2) for i in range(CALLS)]
    assert sorted(c.args for c in m.mock_calls) == expected
    assert sorted(c.args for c in m.method_calls) == expected


# -- first use from many threads at once ------------------------------------------------------

FRESH = 300


def first_use_agrees(make: Callable[[], Any], use: Callable[[Any], Any]) -> None:
    """On ``FRESH`` new mocks, every thread's first ``use`` gets the same object."""
    mocks = [make() for _ in range(FRESH)]
    seen: list[list[int]] = [[] for _ in range(THREADS)]

    def work(number: int) -> None:
        seen[number] = [id(use(m)) for m in mocks]

    together(work)
    for number in range(1, THREADS):
        assert seen[number] == seen[0]


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "AsyncMock", "ThreadingMock"])
def test_first_access_of_a_child_gives_one_child(kind: str) -> None:
    """Threads reaching a new child at once all get the same child."""
    first_use_agrees(getattr(turbomock, kind), lambda m: m.child)


def test_first_access_of_a_specced_child_gives_one_child() -> None:
    """The same holds for children of a mock with a spec."""

    class Spec:
        def child(self) -> None: ...

    first_use_agrees(lambda: turbomock.Mock(spec=Spec), lambda m: m.child)


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "ThreadingMock"])
def test_first_call_gives_one_return_value(kind: str) -> None:
    """Threads calling a new mock at once all get the same return value."""
    first_use_agrees(getattr(turbomock, kind), lambda m: m())


def test_first_await_gives_one_return_value() -> None:
    """Threads awaiting a new AsyncMock at once all get the same return value."""
    first_use_agrees(turbomock.AsyncMock, lambda m: drive(m()))


def test_first_use_of_a_magic_method_gives_one_method() -> None:
    """Threads reaching a MagicMock's magic method at once share one method mock."""
    first_use_agrees(turbomock.MagicMock, lambda m: m.__len__)


def test_calls_below_an_autospecced_function_are_all_recorded() -> None:
    """The mock behind an autospecced function is booked when its children's calls
    first arrive (its mock_calls are the function's, its method_calls its own):
    from every thread at once, nothing is lost."""

    def f(a: Any) -> Any:
        return a

    for _ in range(20):
        stand_in = turbomock.create_autospec(f)
        child = stand_in.return_value

        def work(n: int, child: Any = child) -> None:
            for i in range(100):
                child.x(n, i)

        together(work)
        assert len(stand_in.mock_calls) == THREADS * 100
        assert len(stand_in.mock.method_calls) == 0  # x is a method of the return value
        assert len(child.method_calls) == THREADS * 100
