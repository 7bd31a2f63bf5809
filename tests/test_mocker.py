"""turbomock's ``mocker`` fixtures, checked against pytest-mock's documented behaviour.

This suite runs without pytest-mock (``-p no:pytest_mock`` in addopts), so ``mocker``
here is turbomock's. Fixture lifetimes are checked in pytester sessions.
"""

from __future__ import annotations

import asyncio
import os
import warnings
from typing import Any

import pytest

import turbomock
from turbomock.pytest_plugin import MockerFixture, PytestMockWarning

CONFIG = {"debug": False}
#: Sessions in pytester: no cache, and no pytest-mock even where it is installed.
SESSION_ARGS = ("-p", "no:cacheprovider", "-p", "no:pytest_mock")


class Greeter:
    """A small class to patch and spy on."""

    greeting = "hello"

    def __init__(self) -> None:
        self._name = "world"

    def greet(self, name: str) -> str:
        return f"{self.greeting} {name}"

    def fail(self) -> None:
        raise ValueError("no")

    @classmethod
    def make(cls, value: int) -> int:
        return value * 2

    @staticmethod
    def double(value: int) -> int:
        return value * 2

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        self._name = value

    async def fetch(self, value: int) -> int:
        return value + 1

    def numbers(self) -> Any:
        return iter([1, 2, 3])

    async def stream(self) -> Any:
        for i in range(3):
            yield i


def greet_everyone(names: list[str]) -> list[str]:
    return [Greeter().greet(n) for n in names]


# -- the fixture and its attributes ----------------------------------------------------------


def test_mocker_is_turbomocks(mocker: MockerFixture) -> None:
    """Without pytest-mock the ``mocker`` fixture is turbomock's MockerFixture."""
    assert type(mocker) is MockerFixture


@pytest.mark.parametrize(
    "name",
    ["Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "PropertyMock",
     "AsyncMock", "call", "ANY", "DEFAULT", "sentinel", "mock_open", "seal"],
)
def test_mock_api_attributes_are_turbomocks(mocker: MockerFixture, name: str) -> None:
    """``mocker.<name>`` is turbomock's object of that name."""
    assert getattr(mocker, name) is getattr(turbomock, name)


def test_patch_returns_the_mock(mocker: MockerFixture) -> None:
    """``mocker.patch`` starts the patch and returns turbomock's mock."""
    mocked = mocker.patch("os.getcwd", return_value="/here")
    assert os.getcwd() == "/here"
    assert isinstance(mocked, turbomock.MagicMock)


def test_patch_with_new_returns_new(mocker: MockerFixture) -> None:
    """Given ``new``, ``mocker.patch`` returns it."""
    replacement = object()
    assert mocker.patch("os.sep", replacement) is replacement
    assert os.sep is replacement


def test_patch_object(mocker: MockerFixture) -> None:
    """``mocker.patch.object`` patches an attribute of an object."""
    mocked = mocker.patch.object(Greeter, "greet", return_value="hi")
    assert Greeter().greet("x") == "hi"
    mocked.assert_called_once_with("x")


def test_patch_multiple(mocker: MockerFixture) -> None:
    """``mocker.patch.multiple`` returns the created mocks by name."""
    mocks = mocker.patch.multiple(Greeter, greet=mocker.DEFAULT, fail=mocker.DEFAULT)
    assert sorted(mocks) == ["fail", "greet"]
    assert Greeter.greet is mocks["greet"]


def test_patch_dict(mocker: MockerFixture) -> None:
    """``mocker.patch.dict`` patches a dict and returns it."""
    patched = mocker.patch.dict(CONFIG, {"debug": True})
    assert patched is CONFIG
    assert CONFIG == {"debug": True}


def test_patch_dict_was_undone() -> None:
    """The previous test's patch.dict is gone (the fixture undid it)."""
    assert CONFIG == {"debug": False}


def test_patch_with_autospec(mocker: MockerFixture) -> None:
    """``autospec=True`` checks calls against the original's signature."""
    mocked = mocker.patch.object(Greeter, "greet", autospec=True)
    with pytest.raises(TypeError):
        Greeter().greet()  # type: ignore[call-arg]
    assert mocked.call_count == 0


def test_mock_used_as_context_manager_warns(mocker: MockerFixture) -> None:
    """A patch's mock used in ``with`` warns that mocker needs no context manager."""
    mocked = mocker.patch("os.getcwd")
    with pytest.warns(PytestMockWarning) as record, mocked:
        pass
    assert str(record[0].message) == (
        "Mocks returned by pytest-mock do not need to be used as context managers. "
        "The mocker fixture automatically undoes mocking at the end of a test. "
        "This warning can be ignored if it was triggered by mocking a context manager. "
        "https://pytest-mock.readthedocs.io/en/latest/usage.html#usage-as-context-manager"
    )


def test_context_manager_patch_does_not_warn(mocker: MockerFixture) -> None:
    """``mocker.patch.context_manager`` is for mocking context managers: no warning."""
    mocked = mocker.patch.context_manager(os, "getcwd")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mocked as entered:
            assert entered is mocked.__enter__.return_value


def test_configured_enter_does_not_warn(mocker: MockerFixture) -> None:
    """An ``__enter__`` the test configured keeps its side effect."""
    mocked = mocker.patch("os.getcwd")
    mocked.__enter__.side_effect = lambda *args: "entered"
    with mocked as entered:
        assert entered == "entered"


# -- stopping and resetting ----------------------------------------------------------------


def test_stopall(mocker: MockerFixture) -> None:
    """``stopall`` undoes every patch at once."""
    original = os.getcwd
    mocker.patch("os.getcwd")
    mocker.patch.dict(CONFIG, {"debug": True})
    mocker.stopall()
    assert os.getcwd is original
    assert CONFIG == {"debug": False}


def test_stop_one_mock(mocker: MockerFixture) -> None:
    """``stop(mock)`` undoes only the patch that made ``mock``."""
    original = os.getcwd
    cwd = mocker.patch("os.getcwd")
    mocker.patch("os.getpid", return_value=1)
    mocker.stop(cwd)
    assert os.getcwd is original
    assert os.getpid() == 1


def test_stop_unknown_mock(mocker: MockerFixture) -> None:
    """``stop`` of a mock the fixture did not make raises ValueError."""
    with pytest.raises(ValueError, match=r"^This mock object is not registered$") as raised:
        mocker.stop(turbomock.Mock())
    assert raised.value.args == ("This mock object is not registered",)


def test_resetall(mocker: MockerFixture) -> None:
    """``resetall`` resets patches' mocks and autospecs, keeping return values."""
    patched = mocker.patch("os.getcwd", return_value="/x")
    made = mocker.create_autospec(greet_everyone, return_value=["a"])
    os.getcwd()
    made(["n"])
    mocker.resetall()
    assert (patched.call_count, made.call_count) == (0, 0)
    assert (os.getcwd(), made([])) == ("/x", ["a"])


def test_resetall_return_value_and_side_effect(mocker: MockerFixture) -> None:
    """``resetall(return_value=True, side_effect=True)`` clears those too."""
    patched = mocker.patch("os.getcwd", return_value="/x", side_effect=lambda: "/y")
    mocker.resetall(return_value=True, side_effect=True)
    assert patched.side_effect is None
    assert isinstance(os.getcwd(), turbomock.MagicMock)


def test_create_autospec_is_turbomocks(mocker: MockerFixture) -> None:
    """``mocker.create_autospec`` makes a turbomock autospec."""
    made = mocker.create_autospec(Greeter, instance=True)
    made.greet("x")
    made.greet.assert_called_once_with("x")
    assert type(made).__module__ == "turbomock"


# -- stubs -----------------------------------------------------------------------------------


def test_stub_takes_any_arguments(mocker: MockerFixture) -> None:
    """A stub records any call, for callbacks, and carries its name."""
    stub = mocker.stub(name="on_done")
    stub(1, key=2)
    stub.assert_called_once_with(1, key=2)
    assert "on_done" in repr(stub)


def test_async_stub(mocker: MockerFixture) -> None:
    """An async stub is awaited and records the call."""
    stub = mocker.async_stub(name="on_done")
    asyncio.run(stub(3))
    stub.assert_awaited_once_with(3)


# -- spies -------------------------------------------------------------------------------------


def test_spy_on_a_method(mocker: MockerFixture) -> None:
    """A spy calls through, records the call and keeps the result."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "greet")
    assert greeter.greet("bob") == "hello bob"
    spy.assert_called_once_with("bob")
    assert spy.spy_return == "hello bob"
    assert spy.spy_return_list == ["hello bob"]
    assert spy.spy_exception is None


def test_spy_on_a_class_method_through_the_class(mocker: MockerFixture) -> None:
    """Spying on a class's method records calls of every instance, with self."""
    spy = mocker.spy(Greeter, "greet")
    greeter = Greeter()
    assert greeter.greet("amy") == "hello amy"
    spy.assert_called_once_with(greeter, "amy")


@pytest.mark.parametrize("name", ["make", "double"])
def test_spy_on_classmethod_and_staticmethod(mocker: MockerFixture, name: str) -> None:
    """classmethods and staticmethods are spied on through the class and instances."""
    spy = mocker.spy(Greeter, name)
    assert getattr(Greeter, name)(2) == 4
    assert getattr(Greeter(), name)(3) == 6
    assert spy.spy_return_list == [4, 6]


def test_spy_records_exceptions(mocker: MockerFixture) -> None:
    """A raising call leaves the exception in ``spy_exception``; a later good call clears it."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "fail")
    with pytest.raises(ValueError, match="no"):
        greeter.fail()
    assert isinstance(spy.spy_exception, ValueError)
    spy.side_effect = None
    assert spy.spy_return is None


def test_spy_exception_cleared_by_next_call(mocker: MockerFixture) -> None:
    """``spy_exception`` goes back to None when the next call returns."""
    calls = iter([ValueError("first"), None])

    def flaky() -> str:
        error = next(calls)
        if error:
            raise error
        return "ok"

    holder = type("Holder", (), {"flaky": staticmethod(flaky)})
    spy = mocker.spy(holder, "flaky")
    with pytest.raises(ValueError, match="first"):
        holder.flaky()
    assert holder.flaky() == "ok"
    assert (spy.spy_exception, spy.spy_return) == (None, "ok")


def test_spy_on_an_async_method(mocker: MockerFixture) -> None:
    """An async method's spy awaits it and keeps the awaited result."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "fetch")
    assert asyncio.run(greeter.fetch(1)) == 2
    assert spy.spy_return == 2
    spy.assert_awaited_once_with(1)


def test_spy_duplicates_iterators_when_asked(mocker: MockerFixture) -> None:
    """``duplicate_iterators=True`` keeps a copy of a returned iterator in spy_return_iter."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "numbers", duplicate_iterators=True)
    assert list(greeter.numbers()) == [1, 2, 3]
    assert list(spy.spy_return_iter) == [1, 2, 3]


def test_spy_leaves_iterators_alone_by_default(mocker: MockerFixture) -> None:
    """Without it, spy_return_iter stays None."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "numbers")
    assert list(greeter.numbers()) == [1, 2, 3]
    assert spy.spy_return_iter is None


def test_spy_duplicates_async_iterators(mocker: MockerFixture) -> None:
    """Beyond pytest-mock: an async iterator is duplicated too."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "stream", duplicate_iterators=True)

    async def drain(iterator: Any) -> list[int]:
        return [item async for item in iterator]

    assert asyncio.run(drain(greeter.stream())) == [0, 1, 2]
    assert asyncio.run(drain(spy.spy_return_iter)) == [0, 1, 2]


def test_spy_on_a_property(mocker: MockerFixture) -> None:
    """Beyond pytest-mock: a property's reads and writes are recorded like a
    PropertyMock's, and still reach the property."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "name")
    assert greeter.name == "world"
    greeter.name = "moon"
    assert greeter.name == "moon"
    assert spy.mock_calls == [mocker.call(), mocker.call("moon"), mocker.call()]
    assert spy.spy_return_list == ["world", "moon"]


def test_spy_on_a_property_is_undone(mocker: MockerFixture) -> None:
    """Stopping a property spy puts the property back."""
    original = Greeter.__dict__["name"]
    spy = mocker.spy(Greeter, "name")
    mocker.stop(spy)
    assert Greeter.__dict__["name"] is original


def test_spying_context_manager_stops_on_exit(mocker: MockerFixture) -> None:
    """Beyond pytest-mock: ``with mocker.spying(...)`` stops the spy when the block ends."""
    greeter = Greeter()
    with mocker.spying(greeter, "greet") as spy:
        greeter.greet("in")
    greeter.greet("out")
    spy.assert_called_once_with("in")


def test_resetall_resets_spies(mocker: MockerFixture) -> None:
    """``resetall`` clears a spy's calls and its recorded results."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "greet")
    greeter.greet("x")
    mocker.resetall()
    assert (spy.call_count, spy.spy_return, spy.spy_return_list) == (0, None, [])
    assert greeter.greet("y") == "hello y"


def test_spy_stop(mocker: MockerFixture) -> None:
    """``stop(spy)`` puts the original back."""
    original = Greeter.__dict__["greet"]
    spy = mocker.spy(Greeter, "greet")
    mocker.stop(spy)
    assert Greeter.__dict__["greet"] is original


# -- lifetimes, in sessions of their own ----------------------------------------------------


def test_mocker_undoes_after_each_test(pytester: pytest.Pytester) -> None:
    """A function-scoped mocker's patches are gone in the next test."""
    pytester.makepyfile(
        """
        import os

        def test_patches(mocker):
            mocker.patch("os.getcwd", return_value="/patched")
            assert os.getcwd() == "/patched"

        def test_sees_original():
            assert os.getcwd() != "/patched"
        """
    )
    pytester.runpytest_inprocess(*SESSION_ARGS).assert_outcomes(passed=2)


@pytest.mark.parametrize(
    ("fixture", "scope_decl"),
    [("class_mocker", "class"), ("module_mocker", "module"), ("package_mocker", "package"),
     ("session_mocker", "session")],
)
def test_wider_mockers_last_their_scope(
    pytester: pytest.Pytester, fixture: str, scope_decl: str
) -> None:
    """class/module/package/session mockers keep patches for their scope, then undo them."""
    pytester.makepyfile(
        test_a=f"""
        import os
        import pytest

        @pytest.fixture(scope="{scope_decl}")
        def patched({fixture}):
            {fixture}.patch("os.getcwd", return_value="/scoped")

        class TestIt:
            def test_one(self, patched):
                assert os.getcwd() == "/scoped"

            def test_two(self):
                assert os.getcwd() == "/scoped"
        """,
        test_z="""
        import os

        def test_after():
            assert (os.getcwd() == "/scoped") is {still}
        """.format(still=scope_decl in ("package", "session")),
    )
    result = pytester.runpytest_inprocess(*SESSION_ARGS)
    result.assert_outcomes(passed=3)


def test_spy_on_a_property_of_one_instance_only(mocker: MockerFixture) -> None:
    """A property spied through an instance records only that instance's reads."""
    spied, other = Greeter(), Greeter()
    spy = mocker.spy(spied, "name")
    assert (other.name, spied.name) == ("world", "world")
    assert spy.call_count == 1


def test_spy_on_a_class_attribute_read_through_an_instance(mocker: MockerFixture) -> None:
    """Beyond pytest-mock: a plain class attribute read and set through an instance is
    recorded; the instance sees the values it would have seen."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "greeting")
    assert greeter.greet("you") == "hello you"
    greeter.greeting = "hi"
    assert greeter.greet("you") == "hi you"
    assert Greeter().greeting == "hello"
    assert spy.mock_calls == [mocker.call(), mocker.call("hi"), mocker.call()]
    assert spy.spy_return_list == ["hello", "hi"]


def test_spy_on_an_instance_attribute(mocker: MockerFixture) -> None:
    """An attribute the instance holds itself is spied on the same way, and put back."""
    greeter = Greeter()
    spy = mocker.spy(greeter, "_name")
    assert greeter.name == "world"
    mocker.stop(spy)
    assert greeter._name == "world"
    assert "_name" not in Greeter.__dict__
    assert spy.spy_return == "world"


def test_spy_on_class_data_through_the_class_is_refused(mocker: MockerFixture) -> None:
    """Reads through the class cannot be seen: the spy says so instead of half working."""
    with pytest.raises(TypeError, match=r"^mocker\.spy cannot see Greeter\.greeting read"):
        mocker.spy(Greeter, "greeting")
