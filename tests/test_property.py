"""``PropertyMock``: a mock that stands in for a property on a class."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import assert_same, trace


def test_reading_calls_with_no_arguments(mock: Any) -> None:
    """Reading the property calls the mock with no arguments and gives its result."""

    class Thing:
        pass

    prop = mock.PropertyMock(return_value=3)
    Thing.value = prop  # type: ignore[attr-defined]
    assert Thing().value == 3  # type: ignore[attr-defined]
    prop.assert_called_once_with()


def test_setting_calls_with_the_value(mock: Any) -> None:
    """Assigning the property calls the mock with the value."""

    class Thing:
        pass

    prop = mock.PropertyMock()
    Thing.value = prop  # type: ignore[attr-defined]
    Thing().value = 5  # type: ignore[attr-defined]
    prop.assert_called_once_with(5)


def test_side_effect_exception_makes_hasattr_false(mock: Any) -> None:
    """A property raising AttributeError reads as missing."""

    class Thing:
        pass

    Thing.value = mock.PropertyMock(side_effect=AttributeError("gone"))  # type: ignore[attr-defined]
    assert not hasattr(Thing(), "value")


def test_on_a_mock_type_changes_only_that_mock(mock: Any) -> None:
    """``type(m).p = PropertyMock()`` is the documented way to mock a property."""
    m = mock.MagicMock()
    type(m).p = mock.PropertyMock(return_value=4)
    assert m.p == 4
    assert isinstance(mock.MagicMock().p, mock.MagicMock)


def _class_scenario(mod: Any) -> Any:
    class Thing:
        pass

    prop = mod.PropertyMock(return_value=3)
    Thing.p = prop  # type: ignore[attr-defined]
    thing = Thing()
    reads = [thing.p, thing.p]  # type: ignore[attr-defined]
    thing.p = 5  # type: ignore[attr-defined]
    return reads, prop.mock_calls, prop.call_args_list, prop


@pytest.mark.parametrize(
    "scenario",
    [
        _class_scenario,
        lambda mod: trace(
            mod.PropertyMock(),
            lambda p: p.a,
            lambda p: p(),
            lambda p: p.a.b,
            lambda p: p.return_value,
            lambda p: type(p.a).__name__,
            lambda p: type(p()).__name__,
        ),
        lambda mod: trace(
            mod.PropertyMock(return_value=2),
            lambda p: p.__get__(None, None),
            lambda p: p.__set__(None, 4),
            lambda p: p.mock_calls,
        ),
        lambda mod: mod.PropertyMock(name="pp"),
        lambda mod: trace(
            mod.PropertyMock(spec=int), lambda p: p(), lambda p: p.nope, lambda p: p.real
        ),
        lambda mod: (
            lambda m: (
                setattr(type(m), "p", mod.PropertyMock(return_value=4)),
                m.p,
                m.mock_calls,
                isinstance(mod.Mock().p, mod.Mock),
            )
        )(mod.Mock()),
    ],
    ids=["on a class", "children", "descriptor protocol", "repr", "spec", "on a mock's type"],
)
def test_property_mock_matches_the_stdlib(scenario: Callable[[Any], Any]) -> None:
    """PropertyMock records and returns as the stdlib's does."""
    assert_same(scenario)


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock"])
def test_property_mock_assigned_to_a_mock_instance(kind: str) -> None:
    """A PropertyMock set as an attribute of a mock instance behaves as in the stdlib
    (3.13: it stays a plain attribute)."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)()
        prop = mod.PropertyMock(return_value=3)
        m.p = prop
        return trace(
            m,
            lambda x: x.p,
            lambda x: x.p is prop,
            lambda x: x.mock_calls,
            lambda x: prop.mock_calls,
        )

    assert_same(scenario)


def test_property_mock_attached_to_a_mock() -> None:
    """``attach_mock`` of a PropertyMock behaves as in the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        prop = mod.PropertyMock(return_value=3)
        m.attach_mock(prop, "p")
        return trace(m, lambda x: x.p, lambda x: x.mock_calls, lambda x: prop)

    assert_same(scenario)


def test_a_propertymock_magic_deleted_from_the_class_is_gone() -> None:
    """Before 3.13 the stdlib's mock sets a PropertyMock given as a magic method on
    its class alone (setting the instance attribute calls it there): once deleted
    from the class, the mock has no such attribute. From 3.13 the instance keeps
    it. (Found by the fuzzer, 3.11 seed 507.)"""

    def scenario(impl: Any) -> Any:
        seen = []
        for variant in range(4):
            m = impl.MagicMock()
            if variant in (0, 1):
                m.__len__ = impl.PropertyMock(return_value=3)
            if variant in (0, 2):
                _ = m.__len__
            del type(m).__len__
            try:
                seen.append(repr(m.__len__).split(" id=")[0])
            except AttributeError as exc:
                seen.append(f"AttributeError: {exc}")
            try:
                seen.append(len(m))
            except TypeError as exc:
                seen.append(f"TypeError: {exc}")
        return seen

    assert_same(scenario)
