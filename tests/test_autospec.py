"""``create_autospec``: the stdlib's behaviour, with children built only when used."""

from __future__ import annotations

import inspect
import re
import sys
import unittest.mock as stdlib_mock
from types import FunctionType, ModuleType
from typing import Any

import pytest

import turbomock
from engine_support import assert_same


def _ids(text: str) -> str:
    return re.sub(r"id='\d+'", "id='…'", text)


def _raised(fn: Any, *args: Any, **kwargs: Any) -> tuple[str, str] | None:
    try:
        fn(*args, **kwargs)
    except Exception as exc:  # comparing whatever both raise
        return type(exc).__name__, _ids(str(exc))
    return None


class Service:
    """A spec with the shapes autospec treats differently."""

    limit = 3

    def __init__(self, host: str, port: int = 80) -> None:
        self.host = host

    def fetch(self, path: str, *, timeout: float = 1.0) -> bytes:
        return b""

    @classmethod
    def build(cls, config: dict[str, Any]) -> Service:
        return cls("x")

    @staticmethod
    def parse(text: str) -> int:
        return 0

    @property
    def size(self) -> int:
        return 1

    class Nested:
        def ping(self, n: int) -> None:
            pass


def fetch(url: str, timeout: float = 1.0) -> bytes:
    return b""


def test_methods_check_their_signature(impl: ModuleType) -> None:
    """Calling an autospecced method with wrong arguments raises like the real one."""
    mock = impl.create_autospec(Service)
    instance = mock("h")
    instance.fetch("/p", timeout=2)
    instance.fetch.assert_called_once_with("/p", timeout=2)
    assert _raised(instance.fetch) == _raised(impl.create_autospec(Service)("h").fetch)
    assert _raised(instance.fetch)[0] == "TypeError"  # type: ignore[index]
    assert _raised(instance.fetch, "/p", 3)[0] == "TypeError"  # type: ignore[index]


def test_class_call_checks_init_signature(impl: ModuleType) -> None:
    """An autospecced class checks calls against ``__init__`` without self."""
    mock = impl.create_autospec(Service)
    assert _raised(mock)[0] == "TypeError"  # type: ignore[index]
    mock("h", port=1)
    mock.assert_called_once_with("h", 1)  # matched through the signature


def test_unknown_attributes_raise(impl: ModuleType) -> None:
    """Attributes the spec lacks raise AttributeError with the stdlib's text."""
    mock = impl.create_autospec(Service)
    expected = ("AttributeError", "Mock object has no attribute 'missing'")
    assert _raised(getattr, mock, "missing") == expected


def test_spec_set_refuses_setting_unknown_attributes(impl: ModuleType) -> None:
    """With spec_set, setting an attribute the spec lacks fails."""
    mock = impl.create_autospec(Service, spec_set=True)
    expected = ("AttributeError", "Mock object has no attribute 'missing'")
    assert _raised(setattr, mock, "missing", 1) == expected
    mock.limit = 4
    assert mock.limit == 4


def test_class_and_static_methods_take_no_self(impl: ModuleType) -> None:
    """classmethods and staticmethods are called without a bound first argument."""
    for spec in (Service, Service("h")):
        mock = impl.create_autospec(spec)
        mock.build({})
        mock.build.assert_called_once_with({})
        mock.parse("1")
        mock.parse.assert_called_once_with("1")
        assert _raised(mock.parse, "1", "2")[0] == "TypeError"  # type: ignore[index]


def test_instance_true_mocks_an_instance(impl: ModuleType) -> None:
    """``instance=True`` gives a non-callable mock of an instance."""
    mock = impl.create_autospec(Service, instance=True)
    assert _raised(mock) == _raised(impl.create_autospec(Service, instance=True))
    assert type(mock).__name__ == "NonCallableMagicMock"
    mock.fetch("/x")
    mock.fetch.assert_called_once_with("/x")


def test_return_value_of_class_is_specced_instance(impl: ModuleType) -> None:
    """A class's return value is an instance mock with the same spec."""
    mock = impl.create_autospec(Service)
    instance = mock("h")
    assert instance is mock.return_value
    assert isinstance(instance, Service)
    assert _raised(getattr, instance, "nope")[0] == "AttributeError"  # type: ignore[index]


def _nested_calls(impl: ModuleType) -> tuple[Any, str]:
    mock = impl.create_autospec(Service)
    mock.Nested().ping(1)
    raised = _raised(mock.Nested().ping)
    return raised, repr(mock.method_calls) + repr(mock.mock_calls)


def test_nested_class_is_autospecced_on_access() -> None:
    """A class attribute is autospecced too; calls are named as the stdlib names them."""
    assert _nested_calls(turbomock) == _nested_calls(stdlib_mock)
    assert _nested_calls(turbomock)[0][0] == "TypeError"


def test_mock_calls_match_through_unbuilt_method_signatures(impl: ModuleType) -> None:
    """assert_has_calls binds calls through methods' signatures as the stdlib does."""
    mock = impl.create_autospec(Service)
    mock.Nested().ping(5)
    mock.assert_has_calls([impl.call.Nested(), impl.call.Nested().ping(n=5)])


def test_function_autospec_is_a_real_function(impl: ModuleType) -> None:
    """An autospecced function is a function with the original's name and signature."""
    mock = impl.create_autospec(fetch)
    assert isinstance(mock, FunctionType)
    assert mock.__name__ == "fetch"
    assert inspect.signature(mock) == inspect.signature(fetch)
    mock("u")
    mock.assert_called_once_with("u")
    assert mock.call_count == 1
    assert mock.mock.call_args == impl.call("u")
    assert _raised(mock)[0] == "TypeError"  # type: ignore[index]


def test_function_autospec_forwarding_methods_match_the_stdlib() -> None:
    """The stand-in's assert methods are plain functions of its own, named and placed
    as the stdlib's, each forwarding to the mock's method as it is when called."""

    def outcome(impl: ModuleType) -> Any:
        first, second = impl.create_autospec(fetch), impl.create_autospec(fetch)
        first("u")
        seen = []
        for name in ("assert_called_with", "assert_called_once_with", "assert_has_calls",
                     "assert_any_call", "assert_called", "assert_not_called",
                     "assert_called_once"):
            method = getattr(first, name)
            seen.append((
                type(method).__name__, method.__name__, method.__qualname__,
                method.__module__ == impl.Mock.__module__, method.__defaults__,
                method is getattr(second, name), name in vars(first),
            ))
        first.assert_called.tag = 1
        seen.append(hasattr(second.assert_called, "tag"))
        first.mock.assert_called_once = lambda: "replaced"
        seen.append(first.assert_called_once())
        seen.append(_raised(first.assert_not_called))
        return seen

    assert_same(outcome)


def test_function_autospec_return_value_and_side_effect(impl: ModuleType) -> None:
    """return_value and side_effect set on the function reach the mock."""
    mock = impl.create_autospec(fetch, return_value=b"x")
    assert mock("u") == b"x"
    mock.return_value = b"y"
    assert mock("u") == b"y"
    mock.side_effect = [b"1", b"2"]
    assert (mock("u"), mock("u")) == (b"1", b"2")
    mock.reset_mock()
    assert mock.call_count == 0
    assert mock.mock_calls == []


def test_function_with_function_attribute(impl: ModuleType) -> None:
    """A function stored on an autospecced function is an attribute of the stand-in."""

    def f(a: Any, b: Any) -> None:
        pass

    f.f = f  # type: ignore[attr-defined]
    mock = impl.create_autospec(f)
    mock.f(3, 4)
    mock.f.assert_called_with(a=3, b=4)
    assert _raised(mock.f)[0] == "TypeError"  # type: ignore[index]


def test_property_becomes_plain_mock(impl: ModuleType) -> None:
    """A property of a class spec is mocked without a spec (its type is unknown)."""
    mock = impl.create_autospec(Service)
    assert type(mock.size).__name__ == "MagicMock"
    assert isinstance(mock.size.anything, impl.MagicMock)  # no spec: anything goes


def test_repr_and_names(impl: ModuleType) -> None:
    """Names and reprs of autospecced children match the stdlib's."""
    mock = impl.create_autospec(Service, name="svc")
    assert _ids(repr(mock.fetch)).startswith("<MagicMock name='svc.fetch' spec='function'")
    assert _ids(repr(mock)).startswith("<MagicMock name='svc' spec='Service'")
    assert _ids(repr(mock.Nested)) == _ids(repr(impl.create_autospec(Service, name="svc").Nested))


def test_autospec_of_a_mock_is_refused(impl: ModuleType) -> None:
    """A mock can't be a spec: InvalidSpecError on 3.10+."""
    outcome = _raised(impl.create_autospec, impl.Mock())
    if sys.version_info >= (3, 10):
        assert outcome is not None
        assert outcome[0] == "InvalidSpecError"
        assert outcome[1].startswith("Cannot autospec a Mock object. [object=<Mock id=")
    else:
        assert outcome is None


@pytest.mark.skipif(sys.version_info < (3, 10), reason="typo check is 3.10+")
def test_typo_arguments_are_refused(impl: ModuleType) -> None:
    """Likely misspellings of autospec arguments raise RuntimeError unless unsafe."""
    assert _raised(impl.create_autospec, Service, set_spec=True) == (
        "RuntimeError",
        "'set_spec' might be a typo; use unsafe=True if this is intended",
    )
    impl.create_autospec(Service, set_spec=True, unsafe=True)


def test_children_are_built_only_when_touched() -> None:
    """turbomock builds no child until it is accessed (the stdlib builds all), nor
    until ``_mock_children`` is read (tests/test_spec_state.py)."""
    mock = turbomock.create_autospec(Service)
    assert "fetch" not in mock._mock_state
    mock.return_value.fetch  # noqa: B018 - builds it
    assert list(mock.return_value._mock_state) == ["fetch"]


def test_signature_cache_sees_changed_defaults() -> None:
    """A function changed after being autospecced is checked against its new signature."""

    def f(a: Any) -> None:
        pass

    turbomock.create_autospec(f)(1)
    f.__defaults__ = (0,)
    turbomock.create_autospec(f)()  # a is optional now

    def g(a: Any, b: Any) -> None:
        pass

    f.__code__ = g.__code__
    f.__defaults__ = None
    with pytest.raises(TypeError):
        turbomock.create_autospec(f)(1)


def test_seal_stops_at_self_similar_attributes(impl: ModuleType) -> None:
    """seal() on an autospec of a class with an int attribute terminates."""

    class Foo:
        foo = 0

        def bar(self) -> int:
            return 1

    mock = impl.create_autospec(Foo)
    impl.seal(mock)
    assert isinstance(mock.foo, impl.NonCallableMagicMock)
    assert _raised(getattr, mock, "other")[0] == "AttributeError"  # type: ignore[index]


def _function_mock_calls(impl: ModuleType) -> str:
    def f(a: Any) -> None:
        pass

    mock = impl.create_autospec(f)
    mock(1).x(2)
    mock.return_value.y()
    return repr((mock.mock_calls, mock.mock.mock_calls, mock.mock.method_calls, mock.call_count))


def test_function_mock_calls_include_return_value_calls() -> None:
    """An autospecced function's mock_calls shows calls made on its return value."""
    assert _function_mock_calls(turbomock) == _function_mock_calls(stdlib_mock)
    assert "call().x(2)" in _function_mock_calls(turbomock)


def test_function_check_reports_the_stdlib_message(impl: ModuleType) -> None:
    """Wrong arguments to an autospecced function raise the stdlib's message."""
    mock = impl.create_autospec(fetch)
    assert _raised(mock) == _raised(stdlib_mock.create_autospec(fetch))
    assert _raised(mock, "u", 1, 2) == _raised(stdlib_mock.create_autospec(fetch), "u", 1, 2)
    assert _raised(mock, "u", nope=1) == _raised(stdlib_mock.create_autospec(fetch), "u", nope=1)


def test_binder_matches_signature_bind_on_every_parameter_kind() -> None:
    """The fast argument check accepts and refuses exactly what Signature.bind does."""
    from turbomock._signatures import _check_with

    def f(a: Any, b: Any = 1, /, c: Any = 2, *args: Any, d: Any, e: Any = 3, **kw: Any) -> None:
        pass

    def g(a: Any, b: Any = 1, /, c: Any = 2, *args: Any, d: Any, e: Any = 3) -> None:
        pass

    for sig in (inspect.signature(f), inspect.signature(g)):
        _compare_bindings(sig, _check_with(sig))


def _compare_bindings(sig: Any, check: Any) -> None:
    cases: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), {}), ((1,), {}), ((1,), {"d": 1}), ((1, 2, 3, 4), {"d": 1}),
        ((1,), {"a": 1, "d": 1}), ((1,), {"b": 1, "d": 1}), ((), {"a": 1, "d": 1}),
        ((1,), {"d": 1, "zz": 2}), ((1,), {"c": 1, "d": 1, "e": 2}), ((1, 2, 3), {}),
    ]
    for args, kwargs in cases:
        expected = _raised(sig.bind, *args, **kwargs)
        assert _raised(check, *args, **kwargs) == expected, (args, kwargs)


@pytest.mark.parametrize("instance", [False, True], ids=["class", "instance"])
def test_spec_functions_named_like_mock_attributes_are_autospecced(instance: bool) -> None:
    """A spec method named like an attribute of the mock's class (``reset_mock``,
    ``configure_mock``, ``assert_called_with``, ``called``) is an autospecced child,
    as the stdlib's walk sets it over the class's attribute; a spec attribute of
    that name that is no function leaves the mock's own attribute alone."""

    def scenario(mock: Any) -> Any:
        class Spec:
            called = "not a function"

            def reset_mock(self, flag: int) -> None: ...

            def configure_mock(self) -> None: ...

            def assert_called_with(self) -> None: ...

        m = mock.create_autospec(Spec, instance=instance)
        m.reset_mock.extra = 1
        seen = [
            type(m.reset_mock).__name__, m.reset_mock.extra, type(m.configure_mock).__name__,
            type(m.assert_called_with).__name__, m.called, "reset_mock" in vars(m),
        ]
        try:
            m.reset_mock(*([] if instance else [None]))
        except TypeError as exc:
            seen.append(str(exc))
        m.reset_mock(*([1] if instance else [None, 1]))
        seen.append(m.mock_calls)
        return seen

    assert_same(scenario)


@pytest.mark.parametrize(
    "edit",
    ["delete", "set a value", "set a named mock", "attach itself", "nothing", "reach it"],
)
def test_mock_add_spec_leaves_a_replaced_method_child_as_the_user_left_it(edit: str) -> None:
    """The stdlib's walk made function children instance attributes; the user's
    own deletion or replacement of one stands when a spec is added later (turbomock
    builds those attributes then, and must not undo the user's edit)."""

    def f(a: Any, b: Any = 2, *, c: Any = 3) -> Any:
        return a

    class Klass:
        def meth(self, a: Any, b: Any = 2) -> Any:
            return a

        def other(self) -> None:
            pass

    def scenario(mod: Any) -> Any:
        m = mod.create_autospec(Klass)
        if edit == "delete":
            del m.meth
        elif edit == "set a value":
            m.meth = 5
        elif edit == "set a named mock":
            m.meth = mod.Mock(name="mine")
        elif edit == "attach itself":
            m.attach_mock(m, "meth")
        elif edit == "reach it":
            m.meth(1)
        m.mock_add_spec(f)
        seen = []
        for name in ("meth", "other"):
            try:
                value = getattr(m, name)
            except AttributeError as exc:
                seen.append(("AttributeError", str(exc)))
                continue
            seen.append((value is m, repr(value).split(" id=")[0]))
        return seen

    assert_same(scenario)


def test_a_method_changed_in_place_after_autospec() -> None:
    """The stdlib works out every method's signature as the mock is made; turbomock
    builds a method when first used, against the function as it was stamped then."""

    def outcome(mod: ModuleType) -> str:
        class C:
            def meth(self, a: Any, b: Any = 1) -> None:
                pass

        m = mod.create_autospec(C, instance=True)
        C.meth.__defaults__ = None
        try:
            m.meth(1)
        except TypeError as error:
            return f"TypeError: {error}"
        return "accepted"

    assert outcome(turbomock) == outcome(stdlib_mock)


def test_an_autospecced_function_changed_in_place_keeps_its_signature() -> None:
    """A function autospecced itself keeps the signature it had, as the stdlib's."""

    def outcome(mod: ModuleType) -> list[str]:
        def f(a: Any, b: Any = 1) -> None:
            pass

        g = mod.create_autospec(f)
        f.__defaults__ = None
        m = mod.Mock(spec=f)
        results = []
        for step in (lambda: g(1), lambda: m(1) and m.assert_called_with(a=1)):
            try:
                step()
                results.append("accepted")
            except (TypeError, AssertionError) as error:
                results.append(type(error).__name__)
        return results

    expected = outcome(stdlib_mock)
    assert outcome(turbomock) == expected


@pytest.mark.parametrize("instance", [False, True])
def test_an_autospecced_class_checks_calls_as_when_made(instance: bool) -> None:
    """The class's own call check has the signature of when the mock was made, as
    the stdlib's (``__init__``, or ``__call__`` for an instance, replaced since)."""

    def outcome(mod: ModuleType) -> list[str]:
        class C:
            def __init__(self, x: Any = 0) -> None:
                pass

            def __call__(self, a: Any) -> None:
                pass

        m = mod.create_autospec(C, instance=instance)
        C.__init__ = lambda self, x, y: None  # type: ignore[method-assign]
        C.__call__ = lambda self: None  # type: ignore[method-assign]
        results = []
        for args in [(), (1,), (1, 2)]:
            try:
                m(*args)
                results.append("accepted")
            except TypeError as error:
                results.append(f"TypeError: {error}")
        return results

    assert outcome(turbomock) == outcome(stdlib_mock)


class _Callables:
    def __init__(self, x: Any, y: Any = 0) -> None:
        pass

    def __call__(self, a: Any, *, k: Any = 1) -> None:
        pass


class _Holder:
    held = _Callables(1)
    kind = _Callables


@pytest.mark.parametrize(
    "reach",
    [
        lambda mod: mod.create_autospec(_Callables),
        lambda mod: mod.create_autospec(_Callables, instance=True),
        lambda mod: mod.create_autospec(_Callables)(1),
        lambda mod: mod.create_autospec(_Callables(1)),
        lambda mod: mod.create_autospec(_Holder).held,
        lambda mod: mod.create_autospec(_Holder).kind,
        lambda mod: mod.create_autospec(_Holder, instance=True).kind(1),
    ],
    ids=["class", "instance", "class return value", "callable object", "held object",
         "held class", "held class return value"],
)
def test_call_checks_of_every_autospec_shape(reach: Any) -> None:
    """Each shape checks calls against the stdlib's signature (the class's __init__,
    or __call__ without self), whether or not turbomock reuses the one its spec
    found."""

    def outcomes(mod: ModuleType) -> list[str]:
        results = []
        for args, kwargs in [((), {}), ((1,), {}), ((1, 2), {}), ((1,), {"k": 2}),
                             ((1,), {"y": 2}), ((), {"a": 1})]:
            try:
                reach(mod)(*args, **kwargs)
                results.append("accepted")
            except TypeError as error:
                results.append(f"TypeError: {error}")
        return results

    assert outcomes(turbomock) == outcomes(stdlib_mock)


def test_autospec_of_an_autospecced_function_builds_its_mock_once() -> None:
    """A mock passing for a function in the spec (``patch(..., autospec=True)``
    started twice autospecs the function it placed) is built once, as the stdlib's
    walk builds it: its coroutine check is made once (3.10; before and after, both
    libraries refuse such a spec)."""

    def scenario(mod: Any) -> Any:
        def f(a: int, b: int = 2) -> int:
            return a

        stand_in = mod.create_autospec(f)
        mod.create_autospec(stand_in)
        calls = [str(c) for c in stand_in.mock.mock_calls]
        return sum("co_flags.__and__(128)" in c for c in calls)

    assert_same(scenario)


def test_a_class_derived_from_an_autospecced_mocks_checks_calls_the_same() -> None:
    """``type(m)()``, and the children of a copy (made from the original's class),
    check their calls by the autospec's signature, as the stdlib's inherit its
    class's ``_mock_check_sig`` and ``__signature__``."""

    def scenario(impl: Any) -> Any:
        import copy
        import inspect

        class Klass:
            def __init__(self, x: Any) -> None: ...

            def meth(self, a: Any) -> None: ...

            @classmethod
            def cmeth(cls, a: Any) -> None: ...

        m = impl.create_autospec(Klass)
        seen = []
        for make in (
            lambda: type(m)(), lambda: type(m.meth)(), lambda: type(type(m)())(),
            lambda: copy.deepcopy(m), lambda: impl.NonCallableMagicMock(),
        ):
            made = make()
            seen.append(_raised(lambda made=made: made(1, 2, 3)))
            try:
                seen.append(str(inspect.signature(made)))
            except (TypeError, ValueError) as exc:
                seen.append(type(exc).__name__)
        with impl.patch.object(Klass, "cmeth", autospec=True) as patched:
            copied = copy.deepcopy(patched)
            seen.append(copied == patched)
            seen.append(_raised(lambda: copied.return_value.a()))
            seen.append(_raised(lambda: copied.return_value(1)))
        return seen

    assert_same(scenario)


def test_spec_functions_stay_reachable_after_mock_methods_is_set() -> None:
    """The stdlib's autospec makes a spec function's child an instance attribute as
    the mock is made: ``_mock_methods`` set by hand later does not hide it (other
    attributes it does)."""

    def scenario(impl: Any) -> Any:
        class Klass:
            attr = 1

            def meth(self, a: Any) -> None: ...

            class Inner:
                pass

        seen = []
        for instance in (False, True):
            m = impl.create_autospec(Klass, instance=instance)
            m._mock_methods = {}
            for name in ("meth", "attr", "Inner", "other"):
                try:
                    seen.append(repr(getattr(m, name)).split(" id=")[0])
                except AttributeError as exc:
                    seen.append(f"AttributeError: {exc}")
            del m.meth
            seen.append(hasattr(m, "meth"))
        return seen

    assert_same(scenario)


def test_an_autospecced_functions_own_attributes_are_the_stdlibs() -> None:
    """What ``vars()`` lists on the stand-in function, in its order, and what
    ``inspect`` says of its ``reset_mock`` (no annotations, as the stdlib's)."""

    def scenario(impl: Any) -> Any:
        def f(a: Any) -> None: ...

        async def af(a: Any) -> None: ...

        seen = []
        for spec in (f, af):
            stand_in = impl.create_autospec(spec)
            seen.append(list(vars(stand_in)))
            seen.append(str(inspect.signature(stand_in.reset_mock)))
            seen.append(stand_in.reset_mock.__qualname__)
        return seen

    assert_same(scenario)


@pytest.mark.parametrize("name", ["mock_calls", "call_count", "call_args_list", "called"])
def test_a_call_after_a_call_attribute_of_the_stand_in_was_deleted(name: str) -> None:
    """The stdlib records a call of an autospecced function on the function first
    (through properties that fall back to the mock's ``__getattr__``), then on its
    parents: a deleted copy fails the call there, before any parent has it."""

    def scenario(impl: Any) -> Any:
        def f(a: Any) -> Any:
            return a

        parent = impl.MagicMock()
        stand_in = impl.create_autospec(f)
        parent.attach_mock(stand_in, "child")
        delattr(stand_in, name)
        outcome = _raised(stand_in, 1)
        return outcome, parent.mock_calls, parent.method_calls, stand_in.called

    assert_same(scenario)


def _call_views(stand_in: Any) -> list[Any]:
    """The call attributes of an autospecced function, of its mock, and the mock's
    own storage behind them (the stdlib's private ``_mock_*`` names)."""
    seen = []
    for name in ("called", "call_count", "call_args", "call_args_list", "mock_calls"):
        mock = stand_in.mock
        for owner, attr in ((stand_in, name), (mock, name), (mock, "_mock_" + name)):
            try:
                seen.append(repr(getattr(owner, attr)))
            except AttributeError as exc:
                seen.append(f"AttributeError: {exc}")
    seen.append(repr(stand_in.mock.method_calls))
    return seen


def test_an_autospecced_functions_calls_leave_its_mocks_own_storage_alone() -> None:
    """The stdlib's mock behind an autospecced function writes its calls through
    properties to the function: its own ``_mock_call_count`` ... keep what they had
    (set by hand, they are the mock's, and count again once it reports to nothing);
    its children's calls go to the function's ``mock_calls`` and to the mock's own
    ``method_calls``."""

    def scenario(impl: Any) -> Any:
        def f(a: Any) -> Any:
            return a

        seen = []
        stand_in = impl.create_autospec(f)
        stand_in(1)
        stand_in.return_value(2)
        stand_in.return_value.x(3)
        seen += _call_views(stand_in)
        stand_in.mock._mock_call_count = 5
        stand_in.mock._mock_call_args_list = ["x"]
        stand_in(4)
        seen += _call_views(stand_in)
        stand_in.mock._mock_delegate = None
        stand_in.mock(6)
        seen += _call_views(stand_in)
        return seen

    assert_same(scenario)


def test_a_booked_autospecced_functions_children_calls_reach_the_function() -> None:
    """``method_calls`` set by hand books the mock; its children's calls still go
    to the function's ``mock_calls``, as the stdlib's property sends them."""

    def scenario(impl: Any) -> Any:
        def f(a: Any) -> Any:
            return a

        stand_in = impl.create_autospec(f)
        stand_in.mock.method_calls = []
        stand_in(1)
        stand_in.return_value(2)
        stand_in.mock.mock_calls = ["x"]
        stand_in.return_value.y(3)
        seen = _call_views(stand_in)
        stand_in.reset_mock()
        stand_in.return_value(4)
        return seen + _call_views(stand_in)

    assert_same(scenario)


def test_calls_below_an_attached_autospecced_function_reach_every_ancestor() -> None:
    def scenario(impl: Any) -> Any:
        def f(a: Any) -> Any:
            return a

        top, middle = impl.MagicMock(), impl.MagicMock()
        top.attach_mock(middle, "middle")
        stand_in = impl.create_autospec(f)
        middle.attach_mock(stand_in, "child")
        stand_in(1)
        stand_in.return_value.z(5)
        middle.child(2)
        lists = [top.mock_calls, top.method_calls, middle.mock_calls, middle.method_calls]
        return [*_call_views(stand_in), *lists]

    assert_same(scenario)


def _outcomes(*calls: Any) -> list[str]:
    seen = []
    for call in calls:
        try:
            call()
            seen.append("ok")
        except TypeError as exc:
            seen.append(f"TypeError: {exc}")
    return seen


def test_methods_changed_in_place_after_the_autospec_keep_their_signature() -> None:
    """The stdlib works out every method's signature as ``create_autospec`` runs;
    turbomock builds a method's mock when first used. A function changed in place
    in between (defaults, code, keyword defaults, ``__signature__``, what it wraps,
    a staticmethod's or classmethod's function) is checked as it was."""

    def scenario(impl: Any) -> Any:
        import functools
        import inspect as inspect_module

        def late(self: Any, a: Any, b: Any, c: Any) -> None: ...

        async def coroutine_code(self: Any, a: Any) -> None: ...

        def inner(a: Any, b: Any) -> None: ...

        class C:
            def meth(self, a: Any, b: Any = 1) -> None: ...

            def other(self, x: Any) -> None: ...

            def keywords(self, *, k: Any = 1) -> None: ...

            def signed(self, a: Any) -> None: ...

            @functools.wraps(inner)
            def wrapper(self, *args: Any) -> None: ...

            def turns_async(self, a: Any) -> None: ...

            @staticmethod
            def smeth(a: Any, b: Any = 1) -> None: ...

            @classmethod
            def cmeth(cls, a: Any, b: Any = 1) -> None: ...

        m = impl.create_autospec(C)
        made_before = impl.create_autospec(C, instance=True)
        C.meth.__defaults__ = None
        C.other.__code__ = late.__code__
        C.keywords.__kwdefaults__ = None
        C.signed.__signature__ = inspect_module.Signature()
        C.wrapper.__wrapped__ = late
        C.turns_async.__code__ = coroutine_code.__code__
        C.__dict__["smeth"].__func__.__defaults__ = None
        C.__dict__["cmeth"].__func__.__defaults__ = None
        seen = _outcomes(
            lambda: m.meth(1), lambda: m.other(1), lambda: m.other(1, 2, 3),
            lambda: m.keywords(), lambda: m.signed(1), lambda: m.wrapper(1),
            lambda: m.wrapper(1, 2), lambda: m.smeth(1), lambda: m.cmeth(1),
            lambda: made_before.meth(1), lambda: made_before.other(1),
        )
        seen.append(type(m.turns_async).__name__)
        seen.append(str(inspect_module.signature(m.meth)))
        m.meth(1)
        seen += _outcomes(
            lambda: m.meth.assert_called_with(a=1), lambda: m.meth.assert_called_with(1, 1)
        )
        made_after = impl.create_autospec(C)
        seen += _outcomes(lambda: made_after.meth(1), lambda: made_after.other(1, 2, 3))
        seen.append(type(made_after.turns_async).__name__)
        return seen

    assert_same(scenario)


def test_functions_of_an_autospecced_module_or_instance_changed_in_place() -> None:
    def scenario(impl: Any) -> Any:
        import types

        def late(a: Any, b: Any, c: Any) -> None: ...

        module = types.ModuleType("autospecced")
        exec("def f(a, b=1): pass\ndef g(a): pass", module.__dict__)

        class C:
            def meth(self, a: Any, b: Any = 1) -> None: ...

        instance = C()
        instance.own = lambda a, b=1: None  # an instance's own function
        m = impl.create_autospec(module)
        i = impl.create_autospec(instance)
        module.f.__defaults__ = None
        module.g.__code__ = late.__code__
        C.meth.__defaults__ = None
        instance.own.__defaults__ = None
        return _outcomes(
            lambda: m.f(1), lambda: m.g(1), lambda: m.g(1, 2, 3), lambda: i.meth(1),
            lambda: i.own(1),
        )

    assert_same(scenario)


def test_a_mock_specced_on_an_autospecced_function_passes_for_one() -> None:
    """``_extract_mock`` asks ``isinstance``, as the stdlib's: a mock specced on an
    autospecced function is a function by its ``__class__``, so its ``mock`` child
    is what it extracts. (Found by the fuzzer on 3.12, seed 22312.)"""

    def scenario(impl: Any) -> Any:
        def fa(a: Any) -> Any:
            return a

        fa.attr = 1  # type: ignore[attr-defined]
        stand_in = impl.create_autospec(fa, spec_set=True)
        seen = []
        for kind in (impl.Mock, impl.MagicMock, impl.AsyncMock):
            m = kind(spec_set=stand_in)
            extracted = impl._extract_mock(m)
            seen.append((extracted is m, extracted is m.mock))
        plain = impl.Mock(spec=fa)
        seen.append(impl._extract_mock(plain) is plain)
        return seen

    assert_same(scenario)


def test_an_autospecced_functions_children_are_not_attributes_of_its_mock() -> None:
    """For a spec that is a function, the stdlib's walk sets the function children
    on the stand-in function, not on the mock behind it: a spec given to that mock
    later refuses them there, and one named like a mock method does not shadow it.
    (Found by the fuzzer, 3.11 seed 916.)"""

    def scenario(impl: Any) -> Any:
        def fa(a: Any) -> Any:
            return a

        fa.meth = lambda b, c=1: b  # type: ignore[attr-defined]
        fa.reset_mock = lambda q: q  # type: ignore[attr-defined]
        fa.attr = 1  # type: ignore[attr-defined]
        stand_in = impl.create_autospec(fa)
        inner = stand_in.mock
        shown = repr(inner.reset_mock).split(" id=")[0][:40]
        seen: list[Any] = [shown, "reset_mock" in vars(inner)]
        inner.reset_mock()
        inner.mock_add_spec(["x"])
        for read in (lambda: inner.meth, lambda: stand_in.meth, lambda: inner.attr):
            try:
                seen.append(repr(read()).split(" id=")[0])
            except AttributeError as exc:
                seen.append(f"AttributeError: {exc}")
        type(inner).meth = 5
        seen.append(inner.meth)
        return seen

    assert_same(scenario)


class _WithClassmethod:
    @classmethod
    def cmeth(cls, a: Any) -> Any:
        return a


def _plain_function(a: Any) -> Any:
    return a


@pytest.mark.parametrize(
    "target", [_plain_function, _WithClassmethod.cmeth], ids=["function", "classmethod"]
)
@pytest.mark.parametrize("given", ["PropertyMock", "Mock", "int"])
def test_return_value_set_back_to_default_on_an_autospecced_function(
    target: Any, given: str
) -> None:
    """``f.return_value = DEFAULT`` on an autospecced function made with a return
    value: the next call returns a new child ``mock()``, which the function then
    holds, as with the stdlib (its mock's getter reads the function's DEFAULT and
    hands the new child back to it). turbomock returned the one given at creation
    (fuzzer, 3.11 seed 1006)."""

    def scenario(mod: Any) -> Any:
        value = {"PropertyMock": lambda: mod.PropertyMock(return_value=2), "Mock": mod.Mock,
                 "int": lambda: 5}[given]()
        f = mod.create_autospec(target, return_value=value)
        f.return_value = mod.DEFAULT
        result = f(a=1)
        return (
            result is value, repr(result).split(" id=")[0], f.return_value is result,
            f.mock.return_value is result, f(a=2) is result, f.mock_calls,
        )

    assert_same(scenario)
