"""Shared instance classes, and ``type(mock)`` edits reaching only that mock."""

from __future__ import annotations

import pickle
import unittest.mock as stdlib_mock
from types import ModuleType
from typing import Any

import pytest

import turbomock
from turbomock._mock_type import instance_class

IMPLS = [pytest.param(stdlib_mock, id="unittest.mock"), pytest.param(turbomock, id="turbomock")]


@pytest.fixture(params=IMPLS)
def impl(request: pytest.FixtureRequest) -> ModuleType:
    return request.param  # type: ignore[no-any-return]


def test_mocks_share_their_instance_class() -> None:
    """Two fresh mocks of one kind have the same class (no class per mock)."""
    assert type(turbomock.Mock()) is type(turbomock.Mock())
    assert type(turbomock.MagicMock()) is instance_class(turbomock.MagicMock)


def test_instance_class_looks_like_the_public_class(impl: ModuleType) -> None:
    """The class of a mock is named like, and directly derived from, the public class."""
    for cls in (impl.Mock, impl.MagicMock, impl.NonCallableMock, impl.NonCallableMagicMock):
        mock = cls()
        assert type(mock).__name__ == cls.__name__
        assert type(mock).__mro__[1] is cls
        assert type(mock) is not cls
        assert isinstance(mock, cls)


def test_user_subclass_gets_its_own_instance_class(impl: ModuleType) -> None:
    """A subclass of Mock makes instances of a class derived from the subclass."""

    class Sub(impl.Mock):  # type: ignore[name-defined,misc]
        pass

    mock = Sub()
    assert type(mock).__mro__[1] is Sub
    assert isinstance(mock.child, Sub)


def test_propertymock_on_type_changes_only_that_mock(impl: ModuleType) -> None:
    """The documented ``type(m).foo = PropertyMock()`` leaves other mocks alone."""
    m = impl.MagicMock()
    other = impl.MagicMock()
    prop = impl.PropertyMock(return_value=3)
    type(m).foo = prop
    assert m.foo == 3
    prop.assert_called_once_with()
    assert isinstance(other.foo, impl.MagicMock)
    assert isinstance(impl.MagicMock().foo, impl.MagicMock)


def test_type_edit_through_an_attribute_chain(impl: ModuleType) -> None:
    """``type(holder.mock).x = ...`` finds the mock through the attribute chain."""

    class Holder:
        pass

    holder = Holder()
    holder.mock = impl.Mock()
    type(holder.mock).size = impl.PropertyMock(return_value=7)
    assert holder.mock.size == 7
    assert isinstance(impl.Mock().size, impl.Mock)


def test_type_edit_via_setattr_call(impl: ModuleType) -> None:
    """``setattr(type(m), name, value)`` is redirected like the statement form."""
    m = impl.Mock()
    setattr(type(m), "answer", 42)  # noqa: B010 - the call form is what is tested
    assert m.answer == 42
    assert isinstance(impl.Mock().answer, impl.Mock)


def test_type_edit_through_a_saved_class_with_one_candidate(impl: ModuleType) -> None:
    """Saving ``type(m)`` first still edits only ``m`` when it is the only such mock."""
    m = impl.Mock()
    klass = type(m)
    klass.answer = 42
    assert m.answer == 42
    assert isinstance(impl.Mock().answer, impl.Mock)


def test_deleting_from_type_is_redirected_too(impl: ModuleType) -> None:
    """``del type(m).foo`` removes what ``type(m).foo = ...`` added."""
    m = impl.MagicMock()
    type(m).foo = impl.PropertyMock(return_value=1)
    assert m.foo == 1
    del type(m).foo
    assert isinstance(m.foo, impl.MagicMock)


def test_setting_call_on_type(impl: ModuleType) -> None:
    """``type(mock).__call__ = f`` replaces calling for that mock only."""
    mock = impl.Mock()

    def __call__(self: Any, a: Any) -> Any:
        self._increment_mock_call(a)
        return f"called with {a!r}"

    type(mock).__call__ = __call__
    assert mock("one") == "called with 'one'"
    mock.assert_called_with("one")
    assert isinstance(impl.Mock()(1, 2), impl.Mock)


def test_magic_method_read_from_type(impl: ModuleType) -> None:
    """``type(m).__str__`` is that mock's ``__str__`` mock, as with the stdlib."""
    m = impl.MagicMock()
    other = impl.MagicMock()
    type(m).__str__.return_value = "foo"
    assert str(m) == "foo"
    assert str(other) != "foo"


def test_public_class_edits_stay_global() -> None:
    """Editing a public class (as pytest-mock does) reaches every mock."""
    original = turbomock.NonCallableMock.assert_called_with
    calls = []

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(self, *args, **kwargs)

    turbomock.NonCallableMock.assert_called_with = wrapper  # type: ignore[method-assign]
    try:
        mock = turbomock.Mock()
        mock(1)
        mock.assert_called_with(1)
        turbomock.MagicMock()(2).assert_called_with  # noqa: B018, PGH005 - only reads
        mock2 = turbomock.MagicMock()
        mock2(3)
        mock2.assert_called_with(3)
    finally:
        turbomock.NonCallableMock.assert_called_with = original  # type: ignore[method-assign]
    assert calls == [(1,), (3,)]


def test_mocks_refuse_pickling_like_the_stdlib(impl: ModuleType) -> None:
    """Pickling a mock fails with PicklingError naming its class."""
    with pytest.raises(pickle.PicklingError) as caught:
        pickle.dumps(impl.Mock())
    assert "Can't pickle <class '" in str(caught.value)
    assert ".Mock'>: it's not the same object as " in str(caught.value)


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock", "AsyncMock"])
def test_a_bare_mock_state_is_what_mockstate_makes(kind: str) -> None:
    """``Mock()``'s inline state, made by the metaclass, has every field MockState() gives."""
    from turbomock._state import MockState

    state = getattr(turbomock, kind)()._mock_state
    made = MockState()
    fields = [f for klass in MockState.__mro__ for f in getattr(klass, "__slots__", ())]
    assert fields
    for field in fields:
        assert getattr(state, field) is getattr(made, field), field
    assert dict(state) == dict(made) == {}
