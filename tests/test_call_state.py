"""The six call attributes: derived from recorded calls, stored once assigned by hand."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import turbomock
from engine_support import same_steps


def _fresh(value: Any) -> Any:
    """A new copy of a mutable value, so the two libraries don't share one list."""
    return list(value) if isinstance(value, list) else value


def _then_call(name: str, value: Any) -> list[Any]:
    """Steps: assign ``name``, read it, call the mock, read everything."""
    return [
        lambda mod, m: setattr(m, name, _fresh(value)),
        lambda mod, m: getattr(m, name),
        lambda mod, m: m(1),
        lambda mod, m: (m.called, m.call_count, m.call_args, m.call_args_list, m.mock_calls),
        lambda mod, m: getattr(m, name),
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("call_count", "x"),
        ("call_count", 5),
        ("call_count", 2.5),
        ("called", "yes"),
        ("called", False),
        ("call_args", "anything"),
        ("call_args_list", None),
        ("call_args_list", []),
        ("call_args_list", 7),
        ("mock_calls", 5),
        ("mock_calls", []),
        ("mock_calls", None),
    ],
)
def test_an_assigned_call_attribute_behaves_as_the_stdlibs(name: str, value: Any) -> None:
    """Assigning one of them, then calling, gives the stdlib's values and errors."""
    same_steps(lambda mod: mod.Mock(), *_then_call(name, value))


@pytest.mark.parametrize("value", [2, None, []])
def test_an_assigned_method_calls_sees_child_calls_as_the_stdlib(value: Any) -> None:
    """``method_calls`` assigned by hand gets a child's call appended (or fails) as
    the stdlib's does."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "method_calls", _fresh(value)),
        lambda mod, m: m.a(1),
        lambda mod, m: m.method_calls,
        lambda mod, m: m.mock_calls,
        lambda mod, m: m.a.call_count,
    )


def test_deleting_method_calls() -> None:
    """``del m.method_calls`` removes it; a child's call then fails; a second
    ``del`` fails; setting it again brings it back."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m.a(1),
        lambda mod, m: delattr(m, "method_calls"),
        lambda mod, m: m.method_calls,
        lambda mod, m: m.a(2),
        lambda mod, m: m.mock_calls,
        lambda mod, m: delattr(m, "method_calls"),
        lambda mod, m: setattr(m, "method_calls", []),
        lambda mod, m: m.a(3),
        lambda mod, m: m.method_calls,
    )


def test_a_list_held_before_assignment_keeps_getting_calls() -> None:
    """``call_args_list`` fetched before ``call_count`` is assigned still grows."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m(0),
        lambda mod, m: setattr(m, "saved", m.call_args_list),
        lambda mod, m: setattr(m, "call_count", 10),
        lambda mod, m: m(1),
        lambda mod, m: (m.saved, m.call_count, m.call_args),
    )


def test_reset_after_assigning_restores_derived_state() -> None:
    """``reset_mock`` after assignments gives fresh call state, as the stdlib's."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "call_count", "x"),
        lambda mod, m: setattr(m, "mock_calls", 5),
        lambda mod, m: m.reset_mock(),
        lambda mod, m: m(1),
        lambda mod, m: (m.called, m.call_count, m.call_args_list, m.mock_calls),
    )


def test_assigned_ancestor_lists_get_descendant_calls() -> None:
    """A descendant's call reaches an ancestor whose lists were assigned, named as
    the stdlib names it."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "mock_calls", []),
        lambda mod, m: setattr(m.a, "method_calls", []),
        lambda mod, m: m.a.b.c(1),
        lambda mod, m: m.a.b(),
        lambda mod, m: (m.mock_calls, m.method_calls, m.a.mock_calls, m.a.method_calls),
    )


@pytest.mark.parametrize("visited", [5, "visited", set()], ids=["int", "str", "set"])
def test_reset_mock_uses_visited_as_the_stdlib_does(visited: Any) -> None:
    """``reset_mock(visited)`` tests membership, then appends: wrong types fail there."""
    same_steps(lambda mod: mod.Mock(), lambda mod, m: m.reset_mock(visited))


def test_reset_mock_with_a_list_records_every_mock() -> None:
    """The ids of every mock reset land in the list passed."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        m.a.b()
        seen: list[int] = []
        m.reset_mock(seen)
        return sorted(seen) == sorted({id(m), id(m.a), id(m.a.b), id(m.a.b.return_value)})

    same_steps(lambda mod: mod, lambda mod, _: scenario(mod))


def test_calls_from_threads_on_an_assigned_call_count() -> None:
    """Every call counts on top of an assigned ``call_count`` (turbomock only: the
    stdlib's ``+=`` can lose updates)."""
    m = turbomock.Mock()
    m.call_count = 100

    def work() -> None:
        for _ in range(200):
            m()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(m.call_args_list) == 800


@pytest.mark.parametrize(
    "new_name",
    [
        lambda mod: mod.Mock(),
        lambda mod: mod.MagicMock(),
        lambda mod: 5,
        lambda mod: None,
        lambda mod: "",
        lambda mod: "()",
    ],
    ids=["Mock", "MagicMock", "int", "None", "empty", "call"],
)
@pytest.mark.parametrize("where", ["root", "middle"])
def test_a_new_name_set_by_hand_names_calls_as_the_stdlib(where: str, new_name: Any) -> None:
    """``_mock_new_name`` set by hand to anything: the stdlib names each call at
    every ancestor as it records it (``new_name + '.' + name`` where the new name is
    true), so a name that is no string fails at that step, after that ancestor has
    the call, and a mock standing as the name sees its truth, comparison and sums
    taken once per call, in that order."""
    name_holder: dict[str, Any] = {}

    def rename(mod: Any, m: Any) -> None:
        target = m if where == "root" else m.a
        name_holder[mod.__name__] = value = new_name(mod)
        target._mock_new_name = value

    def name_calls(mod: Any, m: Any) -> Any:
        value = name_holder[mod.__name__]
        return value.mock_calls if isinstance(value, mod.NonCallableMock) else None

    same_steps(
        lambda mod: mod.Mock(),
        rename,
        lambda mod, m: m.a.b.c(1),
        lambda mod, m: m.a(2),
        lambda mod, m: m(3),
        lambda mod, m: str(m.a.b.c.mock_calls),
        lambda mod, m: str(m.a.b.mock_calls),
        lambda mod, m: str(m.a.mock_calls),
        lambda mod, m: len(m.mock_calls),
        lambda mod, m: len(m.method_calls),
        name_calls,
    )


def test_a_new_name_given_to_the_constructor_names_calls_as_the_stdlib() -> None:
    """``Mock(_new_name=7)``: a child's call fails as it reaches the mock."""
    same_steps(
        lambda mod: mod.Mock(_new_name=7),
        lambda mod, m: m.x(1),
        lambda mod, m: (m.mock_calls, m.x.mock_calls, m.method_calls),
    )
