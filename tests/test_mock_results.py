"""What calling a mock gives back: ``side_effect`` of every kind (exceptions, iterables,
functions, ``DEFAULT``), the lazily made ``return_value``, and ``wraps`` with and without
configuration. Tests taking ``mock`` run against ``unittest.mock`` and turbomock with the
same expectations; ``assert_same`` and ``same_steps`` tests compare the two directly.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import Step, assert_same, same_steps
from spec_support import Spec


@pytest.mark.parametrize(
    "effect",
    [
        lambda m: [1, 2],
        lambda m: (i for i in [7]),
        lambda m: [m.DEFAULT, 2],
        lambda m: [KeyError, 1],
        lambda m: [KeyError("a"), KeyError("b")],
        lambda m: [1, ValueError("v")],
        lambda m: KeyError,
        lambda m: KeyError("k"),
        lambda m: StopIteration,
        lambda m: [KeyboardInterrupt("stop")],
        lambda m: lambda *a, **k: a,
        lambda m: lambda *a, **k: m.DEFAULT,
        lambda m: int,
        lambda m: "ab",
        lambda m: 3,
        lambda m: {"a": 1},
        lambda m: m.Mock(return_value=9),
    ],
    ids=[
        "list",
        "generator",
        "DEFAULT in list",
        "exception class in list",
        "exception instances in list",
        "exception after value",
        "exception class",
        "exception instance",
        "StopIteration",
        "BaseException in list",
        "function",
        "function returning DEFAULT",
        "class",
        "string",
        "int",
        "dict",
        "mock",
    ],
)
def test_side_effect_kinds_match_the_stdlib(effect: Callable[[Any], Any]) -> None:
    """Each kind of side effect is called, raised or iterated as in the stdlib,
    including running out."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock(return_value=5)
        try:
            m.side_effect = effect(mod)
        except Exception as exc:  # pragma: no cover - reported as an outcome
            return ("setting failed", type(exc).__name__)
        results = []
        for _ in range(3):
            try:
                results.append(repr(m(1)))
            except BaseException as exc:
                results.append(f"{type(exc).__name__}: {exc}")
        return results, m.call_count, m.mock_calls

    assert_same(scenario)


def test_side_effect_list_runs_out(mock: Any) -> None:
    """An exhausted side-effect list raises StopIteration."""
    m = mock.Mock(side_effect=[1])
    assert m() == 1
    with pytest.raises(StopIteration):
        m()


def test_side_effect_beats_return_value_unless_default(mock: Any) -> None:
    """A side effect's result wins; ``DEFAULT`` from it means "use return_value"."""
    m = mock.Mock(return_value=3, side_effect=lambda: 4)
    assert m() == 4
    m.side_effect = lambda: mock.DEFAULT
    assert m() == 3


def test_side_effect_attribute_after_setting() -> None:
    """What ``side_effect`` reads back after setting each kind matches the stdlib."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "side_effect", [1, 2, 3]),
        lambda mod, m: m(),
        lambda mod, m: list(m.side_effect),
        lambda mod, m: m(),
        lambda mod, m: setattr(m, "side_effect", None),
        lambda mod, m: (m(), m.side_effect),
    )


def test_side_effect_mock_is_not_adopted() -> None:
    """A mock used as a side effect records its own calls, not into the parent."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "side_effect", mod.Mock(return_value=4)),
        lambda mod, m: m(1),
        lambda mod, m: (m.mock_calls, m.side_effect.mock_calls, m.side_effect),
    )


def test_return_value_is_lazy() -> None:
    """``_mock_return_value`` stays DEFAULT until ``return_value`` is first read."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m._mock_return_value,
        lambda mod, m: m.return_value,
        lambda mod, m: m._mock_return_value,
        lambda mod, m: m() is m.return_value,
    )


def test_return_value_default_restores_the_child() -> None:
    """Setting ``return_value = DEFAULT`` brings back a default child."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "return_value", mod.DEFAULT),
        lambda mod, m: m(),
        lambda mod, m: m.return_value,
    )


@pytest.mark.parametrize(
    "wrapped",
    [lambda: lambda a=0: a + 1, lambda: Spec(), lambda: None, lambda: object(), lambda: [1, 2]],
    ids=["function", "instance", "None", "object", "list"],
)
def test_wraps_matches_the_stdlib(wrapped: Callable[[], Any]) -> None:
    """A wrapping mock passes calls and attributes through as the stdlib's does."""
    same_steps(
        lambda mod: mod.Mock(wraps=wrapped()),
        lambda mod, m: m(3),
        lambda mod, m: m.call_args,
        lambda mod, m: m.meth(1),
        lambda mod, m: m.meth.return_value,
        lambda mod, m: m.nope,
        lambda mod, m: m.attr,
        lambda mod, m: m.mock_calls,
        lambda mod, m: m.return_value,
        lambda mod, m: m._mock_wraps is None,
    )


def test_wraps_then_return_value_wins(mock: Any) -> None:
    """A configured return value is returned instead of calling the wrapped object."""
    calls = []
    m = mock.Mock(wraps=lambda: calls.append(1))
    m.return_value = 5
    assert m() == 5
    assert calls == []


@pytest.mark.parametrize(
    "steps",
    [
        (lambda mod, m: setattr(m, "return_value", 5), lambda mod, m: m()),
        (lambda mod, m: setattr(m, "side_effect", lambda: mod.DEFAULT), lambda mod, m: m()),
        (lambda mod, m: setattr(m, "side_effect", [1]), lambda mod, m: m()),
        (lambda mod, m: m(), lambda mod, m: m.reset_mock(return_value=True), lambda mod, m: m()),
    ],
    ids=["return_value", "side effect DEFAULT", "side effect list", "reset"],
)
def test_wraps_with_configuration(steps: tuple[Step, ...]) -> None:
    """Return values and side effects of wrapping mocks match the stdlib."""
    same_steps(lambda mod: mod.Mock(wraps=lambda: "wrapped"), *steps)


def test_wrapped_child_configuration() -> None:
    """Configuring a wrapping mock's child overrides the wrapped method."""
    same_steps(
        lambda mod: mod.Mock(wraps=Spec(), spec=Spec),
        lambda mod, m: m.meth(1),
        lambda mod, m: setattr(m.meth, "return_value", "configured"),
        lambda mod, m: m.meth(1),
        lambda mod, m: m.nope,
    )
