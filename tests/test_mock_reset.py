"""``reset_mock``: forgetting calls while keeping configuration (or, when asked, the
return value and side effect too), walking children, return values and attached mocks,
and the ``visited`` argument. Tests taking ``mock`` run against ``unittest.mock`` and
turbomock with the same expectations; ``assert_same`` and ``same_steps`` tests compare
the two directly.
"""

from __future__ import annotations

from typing import Any

import pytest

from engine_support import Step, assert_same, same_steps


def test_reset_mock_keeps_configuration_by_default(mock: Any) -> None:
    """``reset_mock()`` forgets calls but keeps return values and side effects."""
    m = mock.Mock(return_value=3, side_effect=[1, 2])
    m()
    m.reset_mock()
    assert (m.called, m.call_count, m.call_args, m.mock_calls) == (False, 0, None, [])
    assert m.return_value == 3
    assert m() == 2


def test_reset_mock_can_forget_configuration(mock: Any) -> None:
    """``reset_mock(return_value=True, side_effect=True)`` forgets those too."""
    m = mock.Mock(return_value=3, side_effect=KeyError)
    m.reset_mock(return_value=True, side_effect=True)
    assert m.side_effect is None
    assert isinstance(m(), mock.Mock)


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: m(1),
            lambda mod, m: m.a(2),
            lambda mod, m: setattr(m, "return_value", 4),
            lambda mod, m: setattr(m.a, "side_effect", [1, 2]),
            lambda mod, m: m.reset_mock(),
            lambda mod, m: (m.mock_calls, m.a.mock_calls, m.called, m.call_args, m.return_value),
            lambda mod, m: m.a(),
            lambda mod, m: m.reset_mock(return_value=True, side_effect=True),
            lambda mod, m: (m.return_value, m.a.side_effect, m.a.return_value),
        ),
        (
            lambda mod, m: setattr(m.a, "return_value", 3),
            lambda mod, m: m.reset_mock(return_value=True),
            lambda mod, m: m.a(),
        ),
        (
            lambda mod, m: setattr(m.a, "side_effect", KeyError),
            lambda mod, m: m.reset_mock(side_effect=True),
            lambda mod, m: m.a(),
        ),
        (
            lambda mod, m: m()(1),
            lambda mod, m: setattr(m.return_value, "return_value", 3),
            lambda mod, m: m.reset_mock(return_value=True),
            lambda mod, m: (m()(), m.mock_calls),
        ),
        (
            lambda mod, m: setattr(m, "return_value", m),
            lambda mod, m: m(),
            lambda mod, m: m.reset_mock(),
            lambda mod, m: m.mock_calls,
        ),
        (
            lambda mod, m: m.a(1),
            lambda mod, m: m.a.reset_mock(),
            lambda mod, m: m.mock_calls,
            lambda mod, m: m.a(2),
            lambda mod, m: (m.mock_calls, m.a.mock_calls),
        ),
        (
            lambda mod, m: m.a(1),
            lambda mod, m: m.reset_mock(),
            lambda mod, m: (m.a.mock_calls, m.a.call_args),
        ),
        (lambda mod, m: setattr(m, "v", 1), lambda mod, m: m.reset_mock(), lambda mod, m: m.v),
        (lambda mod, m: m.reset_mock(None), lambda mod, m: m.reset_mock([])),
    ],
    ids=[
        "everything",
        "child return value",
        "child side effect",
        "return value's return value",
        "mock returning itself",
        "child reset keeps parent's record",
        "parent resets children",
        "plain attribute",
        "visited argument",
    ],
)
def test_reset_mock_matches_the_stdlib(steps: tuple[Step, ...]) -> None:
    """``reset_mock`` walks children and return values as the stdlib's does."""
    same_steps(lambda mod: mod.Mock(), *steps)


def test_reset_mock_of_attached_child() -> None:
    """Resetting the parent resets an attached mock too."""

    def scenario(mod: Any) -> Any:
        parent = mod.Mock()
        child = mod.Mock()
        parent.attach_mock(child, "c")
        child(1)
        parent.reset_mock()
        return child.call_args_list, parent.mock_calls

    assert_same(scenario)


def test_reset_mock_with_a_set_as_visited() -> None:
    """``reset_mock(set())`` fails as in the stdlib."""
    same_steps(lambda mod: mod.Mock(), lambda mod, m: m.reset_mock(set()))


def test_a_subclass_override_in_the_tree_sees_visited_as_the_stdlib_gives_it() -> None:
    """A child whose class overrides ``reset_mock`` is reset through it, given the
    ``visited`` list so far; what it appends (through ``super()``) is not reset
    again, even when reached twice, and the walk goes on around it."""

    def scenario(mod: Any) -> Any:
        seen: list[Any] = []

        class Tracked(mod.Mock):
            def reset_mock(self, visited: Any = None, **kwargs: Any) -> None:
                seen.append((
                    self._mock_name, type(visited).__mro__[-2].__name__, len(visited or ()),
                    visited is not None and id(self) in visited,
                ))
                super().reset_mock(visited, **kwargs)

        root = mod.Mock()
        shared = Tracked(name="shared")
        root.attach_mock(shared, "left")
        root.right.attach_mock(shared, "again")
        shared.inner.x(1)
        root.a(1)
        root.right.b(2)
        root.reset_mock(return_value=True)
        return seen, root.mock_calls, shared.inner.x.call_count, root.right.b.called

    assert_same(scenario)


def test_overrides_reached_as_return_values_get_visited_alone() -> None:
    """The stdlib resets a return value with ``ret.reset_mock(visited)``: an override
    taking no keywords works there, and the return value's children keep their
    return values."""

    def scenario(mod: Any) -> Any:
        got: list[Any] = []

        class Plain(mod.Mock):
            def reset_mock(self, visited: Any = None) -> None:  # type: ignore[override]
                got.append(self._mock_new_name)
                super().reset_mock(visited)

        root = mod.Mock()
        root.return_value = Plain()
        root.return_value.child = mod.Mock(return_value=7)  # a plain Mock child
        root.return_value.child()
        root()
        root.reset_mock()
        return got, root.return_value.child(), root.return_value.child.call_count

    assert_same(scenario)


def test_an_autospecced_function_in_the_tree_forgets_its_calls() -> None:
    """The stand-in function of an autospecced function keeps its own call
    attributes: a reset of the tree it hangs in clears them, as the stdlib's."""

    def scenario(mod: Any) -> Any:
        def fetch(url: str, timeout: float = 1.0) -> None:
            pass

        root = mod.Mock()
        stand_in = mod.create_autospec(fetch)
        root.attach_mock(stand_in, "fetch")
        root.fetch("u")
        stand_in.mock.reset_mock()
        after_inner = (stand_in.called, stand_in.call_count, list(stand_in.mock_calls))
        root.fetch("v", timeout=2)
        try:
            root.reset_mock()  # the stand-in's own reset_mock takes no arguments
        except TypeError as exc:
            failed: Any = str(exc).rsplit(" ", 1)[-1]
        else:
            failed = None
        return after_inner, failed, stand_in.called, stand_in.call_count

    assert_same(scenario)


@pytest.mark.parametrize("name", [1, 2.5, None, ["__a__"], "__x__"])
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "AsyncMock"])
def test_reset_of_a_mock_named_by_a_non_string(kind: str, name: Any) -> None:
    """``reset_mock(return_value=True)`` of a mock whose name is no string: as the
    stdlib's (3.13 asks whether the name is a magic method's, and an int fails
    there)."""

    def scenario(mock: Any) -> Any:
        m = getattr(mock, kind)(name=name)
        m.reset_mock(return_value=True, side_effect=True)
        return m.return_value is not None

    assert_same(scenario)
