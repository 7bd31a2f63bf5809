"""Recording calls: ``called``, ``call_count``, ``call_args``, ``call_args_list``,
``mock_calls`` and ``method_calls`` at every level of a mock tree, lists fetched before
later calls, and call state assigned by hand. Tests taking ``mock`` run against
``unittest.mock`` and turbomock with the same expectations; ``assert_same`` and
``same_steps`` tests compare the two directly.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import Step, assert_same, same_steps


def test_recording_on_a_fresh_mock(mock: Any) -> None:
    """Nothing is recorded before a call."""
    m = mock.Mock()
    assert (m.called, m.call_count, m.call_args) == (False, 0, None)
    assert m.call_args_list == []
    assert m.mock_calls == []
    assert m.method_calls == []


def test_recording_a_call(mock: Any) -> None:
    """A call sets ``called``, ``call_count``, ``call_args`` and the lists."""
    m = mock.Mock()
    m(1, k=2)
    assert (m.called, m.call_count) == (True, 1)
    assert m.call_args == mock.call(1, k=2)
    assert m.call_args_list == [mock.call(1, k=2)]
    assert m.mock_calls == [mock.call(1, k=2)]
    assert m.method_calls == []


def test_parents_see_children_and_return_values(mock: Any) -> None:
    """Calls of children and of return values show in the parent's ``mock_calls``;
    only attribute children show in ``method_calls``."""
    m = mock.Mock()
    m.a(1)
    m.a.b(2)
    m().c(3)
    m.a().d(4)
    assert m.mock_calls == [
        mock.call.a(1),
        mock.call.a.b(2),
        mock.call(),
        mock.call().c(3),
        mock.call.a(),
        mock.call.a().d(4),
    ]
    assert m.method_calls == [mock.call.a(1), mock.call.a.b(2), mock.call.a()]


@pytest.mark.parametrize(
    "make",
    [lambda m: m.Mock(), lambda m: m.MagicMock(), lambda m: m.Mock(name="root")],
    ids=["Mock", "MagicMock", "named"],
)
def test_recording_matches_the_stdlib(make: Callable[[Any], Any]) -> None:
    """Every view of the recorded calls matches the stdlib's, at every level."""
    same_steps(
        make,
        lambda mod, m: m(1),
        lambda mod, m: m.a(2),
        lambda mod, m: m.a.b(3),
        lambda mod, m: m.a().c(4),
        lambda mod, m: m()(5),
        lambda mod, m: m.a.return_value.d(6),
        lambda mod, m: (m.mock_calls, m.method_calls, m.call_args_list),
        lambda mod, m: (m.a.mock_calls, m.a.method_calls, m.a.call_args_list),
        lambda mod, m: (m.a().mock_calls, m.a().method_calls, m().mock_calls),
        lambda mod, m: (m.call_count, m.called, m.call_args, m.a.call_count),
    )


def test_call_args_list_is_live(mock: Any) -> None:
    """A ``call_args_list`` fetched earlier shows later calls."""
    m = mock.Mock()
    calls = m.call_args_list
    m(1)
    assert calls == [mock.call(1)]


@pytest.mark.parametrize("view", ["mock_calls", "method_calls"])
@pytest.mark.parametrize("first_call", [False, True], ids=["fresh", "already called"])
def test_views_fetched_earlier_show_later_calls(view: str, first_call: bool) -> None:
    """``calls = m.mock_calls`` keeps showing the calls made afterwards."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        if first_call:
            m.a(0)
        calls = getattr(m, view)
        child_calls = getattr(m.a, view)
        m(1)
        m.a(2)
        m.a.b(3)
        return calls, child_calls

    assert_same(scenario)


def test_method_calls_through_return_values() -> None:
    """``method_calls`` keeps only attribute chains, as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m.a().b().c(1),
        lambda mod, m: m.method_calls,
        lambda mod, m: m.a.method_calls,
        lambda mod, m: m.a().method_calls,
        lambda mod, m: m.a().b.method_calls,
    )


def test_recorded_arguments_are_not_copied(mock: Any) -> None:
    """Calls keep references to the arguments (mutations show)."""
    m = mock.Mock()
    arg: list[int] = []
    m(arg)
    arg.append(1)
    assert m.call_args == mock.call([1])


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: setattr(m, "called", True),
            lambda mod, m: (m.called, m.call_count),
            lambda mod, m: m.assert_called(),
            lambda mod, m: m.assert_called_once(),
        ),
        (
            lambda mod, m: setattr(m, "call_args", mod.call(9)),
            lambda mod, m: m.call_args,
            lambda mod, m: m(1),
            lambda mod, m: m.call_args,
        ),
        (
            lambda mod, m: setattr(m, "call_count", 5),
            lambda mod, m: m.call_count,
            lambda mod, m: m(),
            lambda mod, m: m.call_count,
        ),
        (
            lambda mod, m: setattr(m, "call_args", ((1,), {})),
            lambda mod, m: m.assert_called_with(1),
            lambda mod, m: m.call_args,
        ),
        (
            lambda mod, m: m.a(1),
            lambda mod, m: setattr(m, "mock_calls", []),
            lambda mod, m: m.mock_calls,
            lambda mod, m: m.a(2),
            lambda mod, m: (m.mock_calls, type(m.mock_calls).__name__),
        ),
        (
            lambda mod, m: m.a(1),
            lambda mod, m: setattr(m, "method_calls", [1]),
            lambda mod, m: m.method_calls,
            lambda mod, m: m.a(2),
            lambda mod, m: m.method_calls,
        ),
    ],
    ids=["called", "call_args", "call_count", "call_args tuple", "mock_calls", "method_calls"],
)
def test_assigning_call_state(steps: tuple[Step, ...]) -> None:
    """Call-state attributes assigned by hand read back as in the stdlib."""
    same_steps(lambda mod: mod.Mock(), *steps)


def test_assigning_call_count_leaves_called_alone() -> None:
    """``m.call_count = 2`` on a fresh mock leaves ``called`` False, as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "call_count", 2),
        lambda mod, m: (m.called, m.call_args_list),
    )


def test_assigning_call_args_list_leaves_call_args_alone() -> None:
    """``m.call_args_list = [call(3)]`` leaves ``call_args`` None, as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "call_args_list", [mod.call(3)]),
        lambda mod, m: (m.call_count, m.called, m.call_args, type(m.call_args_list).__name__),
    )


def test_assert_any_call_after_assigning_call_args_list() -> None:
    """``assert_any_call`` over a hand-assigned list of 3-tuple calls fails as the
    stdlib's does: a bare AssertionError from its ``_AnyComparer``'s ``assert``."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m.call_args_list = [mod.call(3)]
        with pytest.raises(AssertionError) as info:
            m.assert_any_call(3)
        return info.type, info.value.args

    assert_same(scenario)


_UNNAMED_PARENT_CASES = {
    # An ancestor with a parent but no name: the stdlib fails naming the call
    # for the ancestor above it, after this one's method_calls got it.
    "parent= without name": (
        lambda mod: mod.NonCallableMock(parent=mod.Mock()),
        lambda mod, m: m.x.y(),
        lambda mod, m: (m.mock_calls, m.method_calls, m.x.method_calls, m.x.mock_calls),
        lambda mod, m: m.x.y.call_count,
    ),
    "parent=5": (
        lambda mod: mod.MagicMock(parent=5),
        lambda mod, m: m(),
        lambda mod, m: m.a()(c=1),
        lambda mod, m: (m.mock_calls, m.method_calls, m.a.mock_calls),
    ),
    "name=1 with parent": (
        lambda mod: mod.Mock(parent=mod.Mock(), name=1),
        lambda mod, m: m.a.b(),
        lambda mod, m: (m.method_calls, m.a.method_calls),
    ),
    "_mock_parent by hand": (
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "_mock_parent", mod.Mock()),
        lambda mod, m: m.a(),
        lambda mod, m: (m.method_calls, m.mock_calls),
    ),
    "_mock_name by hand": (
        lambda mod: mod.Mock(parent=mod.Mock(), name="n"),
        lambda mod, m: m.a(),
        lambda mod, m: setattr(m, "_mock_name", None),
        lambda mod, m: m.a(),
        lambda mod, m: setattr(m, "_mock_name", "back"),
        lambda mod, m: m.a(),
        lambda mod, m: (m.method_calls, m.mock_calls),
    ),
    "after reset_mock": (
        lambda mod: mod.Mock(parent=mod.Mock()),
        lambda mod, m: m.reset_mock(),
        lambda mod, m: m.a(),
        lambda mod, m: m.a.call_count,
    ),
    "async child": (
        lambda mod: mod.AsyncMock(parent=mod.Mock()),
        lambda mod, m: type(m.a()).__name__,
        lambda mod, m: m.method_calls,
    ),
    "not a method call": (
        lambda mod: mod.Mock(parent=mod.Mock()),
        lambda mod, m: m()(),
        lambda mod, m: m().a(),
        lambda mod, m: m.mock_calls,
    ),
}


@pytest.mark.parametrize("case", list(_UNNAMED_PARENT_CASES))
def test_unnamed_ancestor_with_a_parent(case: str) -> None:
    """Calls below a mock that has a parent but no string name fail and record as
    the stdlib's do."""
    factory, *steps = _UNNAMED_PARENT_CASES[case]
    same_steps(factory, *steps)


_LIST_CHANGES = {
    "append": lambda lst: lst.append("x"),
    "clear": lambda lst: lst.clear(),
    "del slice": lambda lst: lst.__delitem__(slice(None)),
    "pop": lambda lst: lst.pop(),
    "extend": lambda lst: lst.extend([1, 2]),
    "setitem": lambda lst: lst.__setitem__(0, "y"),
    "iadd": lambda lst: lst.__iadd__(["z"]),
}


@pytest.mark.parametrize("change", list(_LIST_CHANGES))
@pytest.mark.parametrize(
    "make",
    [lambda mod: mod.Mock(), lambda mod: mod.MagicMock(spec=dict), lambda mod: mod.mock_open()()],
    ids=["Mock", "specced", "mock_open handle"],
)
def test_changing_call_args_list_leaves_the_counts(
    make: Callable[[Any], Any], change: str
) -> None:
    """A change made to ``call_args_list`` reaches that list alone: ``called``,
    ``call_count`` and ``call_args`` stay, as with the stdlib, and later calls
    are added to the changed list (``m.call_args_list.clear()`` is common)."""

    def scenario(mod: Any) -> Any:
        m = make(mod)
        m(1)
        _LIST_CHANGES[change](m.call_args_list)
        before = (m.called, m.call_count, m.call_args, list(m.call_args_list))
        m(2)
        return before, (m.call_count, m.call_args, list(m.call_args_list), m.mock_calls)

    assert_same(scenario)


@pytest.mark.parametrize("change", list(_LIST_CHANGES))
def test_changing_await_args_list_leaves_the_counts(change: str) -> None:
    """The same for ``await_args_list``: ``await_count``/``await_args`` stay."""
    import asyncio

    def scenario(mod: Any) -> Any:
        m = mod.AsyncMock()
        asyncio.run(m(1))
        _LIST_CHANGES[change](m.await_args_list)
        before = (m.await_count, m.await_args, list(m.await_args_list))
        asyncio.run(m(2))
        return before, (m.await_count, m.await_args, list(m.await_args_list))

    assert_same(scenario)


def test_await_args_list_set_to_none() -> None:
    """``await_args_list = None``: the next await fails appending, after counting,
    as the stdlib's does (a child of an AsyncMock subclass too)."""
    import asyncio

    def scenario(mod: Any) -> Any:
        class Sub(mod.AsyncMock):  # type: ignore[name-defined,misc]
            attr = 1

        results = []
        for m in (mod.AsyncMock(), Sub().meth):
            m.await_args_list = None
            try:
                asyncio.run(m(2))
            except AttributeError as exc:
                results.append(str(exc))
            results.append((m.await_count, m.await_args))
        return results

    assert_same(scenario)


@pytest.mark.parametrize("value", ["x", 5, None])
def test_await_count_set_by_hand(value: Any) -> None:
    """``await_count`` set by hand (a subclass's child too) is what the next await
    adds one to, failing there as the stdlib's does for a non-number."""
    import asyncio

    def scenario(mod: Any) -> Any:
        class Sub(mod.AsyncMock):  # type: ignore[name-defined,misc]
            attr = 1

        results = []
        for m in (mod.AsyncMock(), Sub().meth):
            m.await_count = value
            try:
                asyncio.run(m(1))
            except TypeError as exc:
                results.append(str(exc))
            results.append((m.await_count, m.await_args, list(m.await_args_list)))
        return results

    assert_same(scenario)


def test_a_call_below_a_mock_whose_method_calls_were_deleted_fails_as_the_stdlibs() -> None:
    """The stdlib's recording reads ``parent.method_calls``; deleted, that read goes
    to the parent's ``__getattr__``, whose message follows its spec. (Found by the
    fuzzer, 3.13 seed 405.)"""

    def scenario(impl: Any) -> Any:
        class K:
            attr = 1

            def meth(self) -> None: ...

        seen = []
        for make in (
            lambda: impl.Mock(spec=K()), lambda: impl.Mock(), lambda: impl.MagicMock(spec=["meth"]),
            lambda: impl.AsyncMock(spec=K(), side_effect=[1, 2]),
        ):
            m = make()
            del m.method_calls
            steps = (lambda m=m: m.method_calls, lambda m=m: m.meth(), lambda m=m: m.mock_calls)
            for step in steps:
                try:
                    step()
                    seen.append("ok")
                except AttributeError as exc:
                    seen.append(f"AttributeError: {exc}")
        return seen

    assert_same(scenario)
