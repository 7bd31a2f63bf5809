"""``patch``, ``patch.object`` and ``patch.multiple``: what they put in place and how
it is undone, whatever fails. Each test runs against ``unittest.mock`` and turbomock
with the same assertions; ``test_patch_lifecycle`` covers decorating and start/stop.
"""

from __future__ import annotations

import asyncio
import builtins
import sys
from typing import Any

import pytest

import patch_support
from patch_support import STDLIB, TURBO, Client, SubClient, Thing

# Fixtures, imported for pytest to find (the alias marks them used).
from patch_support import mock_fixture as mock_fixture
from patch_support import no_patch_left_started as no_patch_left_started

MOD = "patch_support"
PY310 = sys.version_info >= (3, 10)
unittest_mock = sys.modules["unittest.mock"]


# -- what gets put in place -------------------------------------------------------------


def test_context_manager_gives_the_created_mock_and_restores(mock: Any) -> None:
    """``with patch(...) as m`` binds the MagicMock that replaced the target."""
    original = patch_support.fetch
    with mock.patch(f"{MOD}.fetch") as fetch_mock:
        assert patch_support.fetch is fetch_mock
        assert isinstance(fetch_mock, mock.MagicMock)
    assert patch_support.fetch is original


def test_created_mock_is_named_after_the_attribute(mock: Any) -> None:
    """The created mock's repr carries the attribute name."""
    with mock.patch(f"{MOD}.fetch") as fetch_mock:
        assert "name='fetch'" in repr(fetch_mock)


def test_explicit_new_is_put_in_place_and_returned(mock: Any) -> None:
    """With ``new`` given, exactly that object is set and bound by ``as``."""
    marker = object()
    with mock.patch(f"{MOD}.value", marker) as bound:
        assert bound is marker
        assert patch_support.value is marker
    assert patch_support.value == 3


@pytest.mark.parametrize(
    ("owner", "name", "expect_async"),
    [
        (patch_support, "fetch", False),
        (patch_support, "afetch", True),
        (patch_support, "Client", False),
        (Client, "connect", False),
        (Client, "aconnect", True),
        (Client, "static", False),
        (Client, "klass", False),
    ],
)
def test_async_originals_get_an_async_mock(
    mock: Any, owner: Any, name: str, expect_async: bool
) -> None:
    """An async function (or method) is replaced by an AsyncMock, anything else not."""
    with mock.patch.object(owner, name) as created:
        assert isinstance(created, mock.AsyncMock) is expect_async
        assert isinstance(created, mock.AsyncMock if expect_async else mock.MagicMock)


def test_async_method_of_an_instance_gets_an_async_mock(mock: Any) -> None:
    """A bound async method, looked through to its function, means AsyncMock."""
    client = Client()
    with mock.patch.object(client, "aconnect") as created:
        assert isinstance(created, mock.AsyncMock)


def _samples() -> list[Any]:
    async def coro() -> None:
        pass

    def sync() -> None:
        pass

    marked = _marked_coroutine()
    wrapped = _wrapped(coro)

    class WithAwait:
        def __await__(self) -> Any:
            yield

    class Meta(type):
        pass

    class WithMeta(metaclass=Meta):
        pass

    class Marked:
        _is_coroutine_marker = getattr(sys.modules.get("inspect"), "_is_coroutine_mark", None)

    samples = [
        coro, sync, marked, wrapped, Client, SubClient, WithMeta, Marked, WithAwait(),
        Client().connect, Client().aconnect, Client.__dict__["static"],
        Client.__dict__["klass"], staticmethod(coro), classmethod(coro), len, b"s", 1,
        None, [], {}, sys, asyncio, property(), object(), STDLIB.DEFAULT, "MagicMock",
        "AsyncMock", "NonCallableMock",
    ]
    import functools

    samples += [functools.partial(coro), functools.partial(sync)]
    return samples


def _marked_coroutine() -> Any:
    def fake() -> None:
        pass

    inspect = sys.modules.get("inspect")
    if inspect is not None and hasattr(inspect, "markcoroutinefunction"):
        return inspect.markcoroutinefunction(fake)
    return fake


def _wrapped(func: Any) -> Any:
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        return func(*args)

    return wrapper


@pytest.mark.parametrize(
    "sample", _samples(), ids=lambda s: s if type(s) is str else type(s).__name__
)
def test_async_detection_agrees_with_the_stdlib(sample: Any) -> None:
    """turbomock's fast ``_is_async_obj`` answers as the stdlib's for every sample."""
    if type(sample) is str:  # a mock class name: each implementation judges its own
        ours, theirs = getattr(TURBO, sample)(), getattr(STDLIB, sample)()
        assert TURBO._is_async_obj(ours) is STDLIB._is_async_obj(theirs)
    else:
        assert TURBO._is_async_obj(sample) is STDLIB._is_async_obj(sample)


def test_kwargs_configure_the_created_mock(mock: Any) -> None:
    """Extra keywords, dotted ones included, configure the mock patch creates."""
    config = {"method.return_value": 3, "return_value": 4}
    with mock.patch(f"{MOD}.fetch", first="one", **config) as created:
        assert created.first == "one"
        assert created.method() == 3
        assert patch_support.fetch("u") == 4


def test_kwargs_with_new_are_refused_on_start(mock: Any) -> None:
    """Keywords cannot configure an object patch did not create."""
    patcher = mock.patch(f"{MOD}.value", 5, first="one")
    with pytest.raises(TypeError) as info:
        patcher.start()
    assert str(info.value) == "Can't pass kwargs to a mock we aren't creating"
    assert patch_support.value == 3


def test_new_callable_makes_the_replacement_with_the_kwargs(mock: Any) -> None:
    """new_callable is called with the keywords to build the replacement."""
    with mock.patch(f"{MOD}.value", new_callable=dict, a=1) as created:
        assert created == {"a": 1}
        assert patch_support.value is created


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"new": 1, "new_callable": dict}, "Cannot use 'new' and 'new_callable' together"),
        ({"autospec": True, "new_callable": dict},
         "Cannot use 'autospec' and 'new_callable' together"),
    ],
)
def test_conflicting_arguments_are_refused_at_creation(
    mock: Any, kwargs: dict[str, Any], message: str
) -> None:
    """new/autospec with new_callable is a ValueError from patch() itself."""
    with pytest.raises(ValueError, match=r"^Cannot use ") as info:
        mock.patch(f"{MOD}.value", **kwargs)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"spec": True, "autospec": True}, "Can't specify spec and autospec"),
        ({"spec": True, "spec_set": object()},
         "Can't provide explicit spec_set *and* spec or autospec"),
        ({"autospec": True, "new": 1},
         "autospec creates the mock for you. Can't specify autospec and new."),
    ],
)
def test_conflicting_specs_are_refused_on_start(
    mock: Any, kwargs: dict[str, Any], message: str
) -> None:
    """Spec combinations that make no sense are TypeErrors when the patch starts."""
    patcher = mock.patch(f"{MOD}.fetch", **kwargs)
    with pytest.raises(TypeError) as info:
        patcher.start()
    assert str(info.value) == message
    assert patch_support.fetch.__name__ == "fetch"


@pytest.mark.parametrize(("kwarg", "word"), [("spec", "spec"), ("spec_set", "spec"),
                                             ("autospec", "autospec")])
def test_specs_need_an_original(mock: Any, kwarg: str, word: str) -> None:
    """With create=True and nothing there, there is nothing to take a spec from."""
    patcher = mock.patch(f"{MOD}.missing", create=True, **{kwarg: True})
    with pytest.raises(TypeError) as info:
        patcher.start()
    assert str(info.value) == f"Can't use '{word}' with create=True"
    assert not hasattr(patch_support, "missing")


def test_spec_true_takes_the_original_as_spec(mock: Any) -> None:
    """spec=True specs the mock on the object it replaces."""
    with mock.patch(f"{MOD}.Client", spec=True) as created:
        assert isinstance(created, mock.MagicMock)
        created.connect("h")
        with pytest.raises(AttributeError):
            created.not_a_client_method  # noqa: B018 - the access is the test
        instance = created()
        with pytest.raises(AttributeError):
            instance.not_a_client_method  # noqa: B018


def test_spec_of_a_class_makes_a_non_callable_instance(mock: Any) -> None:
    """Replacing a class with a spec: instances are callable only if the class's are."""
    with mock.patch(f"{MOD}.Client", spec=True) as created:
        assert isinstance(created.return_value, mock.NonCallableMagicMock)


def test_spec_set_true_refuses_new_attributes(mock: Any) -> None:
    """spec_set=True specs on the original and forbids setting unknown attributes."""
    with mock.patch(f"{MOD}.Client", spec_set=True) as created:
        with pytest.raises(AttributeError):
            created.unknown = 1
        created.attr = "allowed"


@pytest.mark.parametrize(("spec", "callable_"), [(["__call__"], True), (["a", "b"], False),
                                                 (3, False), (len, True)])
def test_spec_decides_whether_the_mock_is_callable(mock: Any, spec: Any, callable_: bool) -> None:
    """A list spec is callable if it names __call__; an object spec if it is callable."""
    with mock.patch(f"{MOD}.value", spec=spec) as created:
        assert callable(created) is callable_


def test_autospec_checks_the_signature(mock: Any) -> None:
    """autospec=True copies the original's signature onto the mock."""
    with mock.patch(f"{MOD}.fetch", autospec=True) as created:
        patch_support.fetch("u")
        with pytest.raises(TypeError):
            patch_support.fetch()
        created.assert_called_once_with("u")


def test_create_true_adds_then_removes_the_attribute(mock: Any) -> None:
    """A created attribute exists during the patch and is deleted afterwards."""
    with mock.patch(f"{MOD}.brand_new", "x", create=True):
        assert patch_support.brand_new == "x"  # type: ignore[attr-defined]
    assert not hasattr(patch_support, "brand_new")


def test_builtins_can_be_patched_in_a_module_without_create(mock: Any) -> None:
    """A module-level name shadowing a builtin needs no create=True, and goes away after."""
    assert "open" not in vars(patch_support)
    with mock.patch(f"{MOD}.open") as fake_open:
        assert patch_support.open is fake_open  # type: ignore[attr-defined]
    assert "open" not in vars(patch_support)
    assert builtins.open is open


def test_patching_a_builtin_switches_create_on(mock: Any) -> None:
    """As in the stdlib, the patcher remembers create=True after a builtin was patched."""
    patcher = mock.patch(f"{MOD}.len")
    assert patcher.create is False
    with patcher:
        pass
    assert patcher.create is True


# -- what gets restored -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["plain", "static", "klass", "prop"])
def test_class_attributes_are_restored_as_the_same_object(mock: Any, name: str) -> None:
    """The exact object from the class __dict__ goes back, descriptors included."""
    before = Thing.__dict__[name]
    with mock.patch.object(Thing, name, "patched"):
        assert Thing.__dict__[name] == "patched"
    assert Thing.__dict__[name] is before


def test_an_inherited_attribute_is_removed_from_the_subclass(mock: Any) -> None:
    """Patching a subclass shadows the base; restoring removes the shadow."""
    with mock.patch.object(SubClient, "connect", "patched"):
        assert SubClient.connect == "patched"
        assert Client.connect != "patched"
    assert "connect" not in vars(SubClient)
    assert SubClient.connect is Client.connect


def test_an_instance_attribute_from_the_class_is_removed_from_the_instance(mock: Any) -> None:
    """Patching a method on an instance leaves nothing behind in its __dict__."""
    client = Client()
    with mock.patch.object(client, "connect", "patched"):
        assert client.connect == "patched"
    assert "connect" not in vars(client)


def test_a_forwarding_proxy_is_left_without_the_attribute(mock: Any) -> None:
    """An attribute reached through __getattr__ is set, then deleted, not copied in."""
    target = Client()

    class Proxy:
        def __getattr__(self, name: str) -> Any:
            return getattr(target, name)

    proxy = Proxy()
    with mock.patch.object(proxy, "attr", "patched"):
        assert proxy.attr == "patched"
    assert "attr" not in vars(proxy)
    assert proxy.attr == "class attr"


def test_a_proxy_that_forwards_deletion_gets_the_value_put_back(mock: Any) -> None:
    """When deleting loses the attribute entirely, the original is set back."""

    class Settings:
        pass

    real = Settings()
    real.debug = False  # type: ignore[attr-defined]

    class Proxy:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def __setattr__(self, name: str, value: Any) -> None:
            setattr(real, name, value)

        def __delattr__(self, name: str) -> None:
            delattr(real, name)

    proxy = Proxy()
    with mock.patch.object(proxy, "debug", True):
        assert real.debug is True  # type: ignore[attr-defined]
    assert real.debug is False  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "value"), [("__doc__", "FUN"), ("__module__", "elsewhere"),
                                             ("__defaults__", (1,)), ("__annotations__", {})])
def test_function_special_attributes_are_restored_by_value(
    mock: Any, name: str, value: Any
) -> None:
    """Attributes that ``del`` resets rather than removes get their value back."""

    def func(x: int = 0) -> int:
        """Doc."""
        return x

    before = getattr(func, name)
    with mock.patch.object(func, name, value):
        assert getattr(func, name) == value
    assert getattr(func, name) == before


def test_slots_attributes_are_restored(mock: Any) -> None:
    """An attribute stored in a slot is patched and put back."""

    class Slotted:
        __slots__ = ("x",)

    obj = Slotted()
    obj.x = 1
    with mock.patch.object(obj, "x", 2):
        assert obj.x == 2
    assert obj.x == 1


# -- always undone ----------------------------------------------------------------------


def test_an_exception_in_the_with_body_still_restores(mock: Any) -> None:
    """The patch is undone and the exception propagates unchanged."""
    with pytest.raises(KeyError), mock.patch.object(Thing, "plain", "patched"):
        raise KeyError("boom")
    assert Thing.plain == "plain"


def test_a_failing_later_decorator_undoes_the_earlier_ones(mock: Any) -> None:
    """Stacked decorators: a missing attribute in any of them leaves nothing patched."""

    @mock.patch.object(Thing, "static", 1)
    @mock.patch.object(Thing, "missing", 1)
    @mock.patch.object(Thing, "plain", 1)
    def test() -> None:
        raise AssertionError("not reached")

    with pytest.raises(AttributeError, match="does not have the attribute 'missing'"):
        test()
    assert Thing.plain == "plain"
    assert Thing.__dict__["static"] is vars(Thing)["static"]
    assert Thing.static("ab") == 2


def test_a_crashing_new_callable_undoes_the_earlier_patches(mock: Any) -> None:
    """An exception from new_callable leaves every target as it was."""

    def crasher() -> Any:
        raise NameError("crasher")

    @mock.patch.object(Thing, "static", 1)
    @mock.patch.object(Thing, "klass", new_callable=crasher)
    @mock.patch.object(Thing, "plain", 1)
    def test() -> None:
        raise AssertionError("not reached")

    static, klass = Thing.__dict__["static"], Thing.__dict__["klass"]
    with pytest.raises(NameError, match="crasher"):
        test()
    assert Thing.plain == "plain"
    assert Thing.__dict__["static"] is static
    assert Thing.__dict__["klass"] is klass


def test_a_failing_setattr_propagates_and_changes_nothing(mock: Any) -> None:
    """An attribute that cannot be set: the error surfaces, the target is untouched."""
    before = sys.flags
    with pytest.raises((AttributeError, TypeError)), mock.patch.object(sys.flags, "debug", 5):
        pass
    assert sys.flags is before


def test_multiple_with_a_missing_attribute_undoes_the_others(mock: Any) -> None:
    """patch.multiple enters attribute by attribute and unwinds on the first failure."""
    patcher = mock.patch.multiple(Thing, plain=1, missing=2, static=3)
    static = Thing.__dict__["static"]
    with pytest.raises(AttributeError):
        patcher.start()
    assert Thing.plain == "plain"
    assert Thing.__dict__["static"] is static


def test_multiple_with_a_crashing_new_callable_undoes_the_others(mock: Any) -> None:
    """A new_callable failing for a later attribute restores the earlier ones."""
    calls = []

    def sometimes() -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise NameError("second")
        return "made"

    with pytest.raises(NameError), mock.patch.multiple(
        Thing, plain=mock.DEFAULT, static=mock.DEFAULT, new_callable=sometimes
    ):
        pass
    assert Thing.plain == "plain"
    assert Thing.static("abc") == 3


def test_an_exception_in_the_decorated_function_restores_all(mock: Any) -> None:
    """Stacked patch and patch.multiple are all undone when the test raises."""

    @mock.patch.object(Thing, "plain", "p")
    @mock.patch.multiple(Thing, static=1, klass=2)
    def test() -> None:
        assert (Thing.plain, Thing.static, Thing.klass) == ("p", 1, 2)
        raise ValueError("in test")

    with pytest.raises(ValueError, match="in test"):
        test()
    assert Thing.plain == "plain"
    assert Thing.static("ab") == 2


def test_an_exit_that_suppresses_swallows_the_test_exception(mock: Any) -> None:
    """As with ExitStack, a patcher whose exit returns True suppresses the error."""

    class Suppressing(mock._patch):  # type: ignore[misc,name-defined]
        def __exit__(self, *exc_info: Any) -> bool:
            super().__exit__(*exc_info)
            return True

    patcher = Suppressing(lambda: Thing, "plain", "p", None, False, None, None, None, {})

    @patcher
    def test() -> str:
        raise ValueError("swallowed")

    assert test() is None
    assert Thing.plain == "plain"


def test_exit_sees_the_exception_of_the_decorated_function(mock: Any) -> None:
    """A patcher's __exit__ is given the type, value and traceback of the failure."""
    seen: list[Any] = []

    class Recording(mock._patch):  # type: ignore[misc,name-defined]
        def __exit__(self, *exc_info: Any) -> Any:
            seen.append(exc_info)
            return super().__exit__(*exc_info)

    error = RuntimeError("x")

    @Recording(lambda: Thing, "plain", "p", None, False, None, None, None, {})
    def test() -> None:
        raise error

    with pytest.raises(RuntimeError):
        test()
    assert seen[0][0] is RuntimeError
    assert seen[0][1] is error
    assert seen[0][2] is not None
