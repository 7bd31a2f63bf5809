"""The public surface: every name of ``unittest.mock.__all__`` (of the running Python)
and the private names real code imports are importable from turbomock; ``__all__`` is
alphabetical and a superset of the stdlib's; signatures match the stdlib's."""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import sys
import typing
import unittest.mock
from typing import Any

import pytest

import turbomock

#: Private names that code in the wild (and CPython's own tests) import.
PRIVATE_NAMES = ["_Call", "_CallList", "_patch", "_get_target", "_callable", "_magics"]
EXTRA_NAMES = ["InvalidSpecError", "CallableMixin", *PRIVATE_NAMES]


@pytest.mark.parametrize("name", sorted(unittest.mock.__all__))
def test_stdlib_public_name_is_importable(name: str) -> None:
    """``from turbomock import <name>`` works for every name the stdlib exports."""
    module = importlib.import_module("turbomock")
    assert hasattr(module, name)
    assert name in turbomock.__all__


@pytest.mark.parametrize("name", EXTRA_NAMES)
def test_extra_name_is_importable(name: str) -> None:
    """Names outside ``__all__`` that code relies on are importable too."""
    assert getattr(turbomock, name) is not None


def test_all_is_a_superset_of_the_stdlibs() -> None:
    """turbomock exports everything the stdlib exports."""
    assert set(unittest.mock.__all__) <= set(turbomock.__all__)


def test_all_names_exist() -> None:
    """Every name in ``__all__`` is defined."""
    assert [name for name in turbomock.__all__ if not hasattr(turbomock, name)] == []


def test_all_is_alphabetical() -> None:
    """``__all__`` is sorted (STYLE.md: a plain alphabetical ``__all__``)."""
    assert turbomock.__all__ == sorted(turbomock.__all__)


def test_magics_are_the_stdlibs() -> None:
    """``_magics`` names the same magic methods as the stdlib's on this Python."""
    assert set(turbomock._magics) == set(unittest.mock._magics)


@pytest.mark.parametrize(
    "obj",
    [
        len,
        staticmethod(len),
        classmethod(len),
        functools.partial(len),
        type,
        object(),
        lambda: 1,
        1,
        "s",
        unittest.mock.Mock(),
        unittest.mock.NonCallableMock(),
        turbomock.Mock(),
        turbomock.NonCallableMock(),
        str.upper,
    ],
    ids=lambda obj: re.sub(r" at 0x\w+| id='\d+'", "", f"{type(obj).__module__}:{obj!r}"),
)
def test_callable_helper_agrees(obj: Any) -> None:
    """``_callable`` answers as the stdlib's."""
    assert turbomock._callable(obj) == unittest.mock._callable(obj)


@pytest.mark.parametrize("target", ["os.path.join", "unittest.mock.Mock", "nodots", "", 3])
def test_get_target_agrees(target: Any) -> None:
    """``_get_target`` splits targets (and refuses bad ones) as the stdlib's."""

    def run(module: Any) -> Any:
        try:
            getter, attribute = module._get_target(target)
        except Exception as exc:
            return type(exc).__name__, str(exc)
        return attribute, getter()

    assert run(turbomock) == run(unittest.mock)


def test_invalid_spec_error_is_an_exception() -> None:
    """``InvalidSpecError`` is an Exception subclass, as in the stdlib (3.10+)."""
    assert issubclass(turbomock.InvalidSpecError, Exception)
    stdlib = getattr(unittest.mock, "InvalidSpecError", None)
    if stdlib is not None:
        assert turbomock.InvalidSpecError.__mro__[1:] == stdlib.__mro__[1:]


@pytest.mark.parametrize("name", ["Mock", "MagicMock", "NonCallableMock", "PropertyMock", "_Call"])
def test_classes_report_the_public_module(name: str) -> None:
    """Public classes name the public module, as the stdlib's name ``unittest.mock``."""
    assert getattr(turbomock, name).__module__ == "turbomock"


# -- signatures ----------------------------------------------------------------------------


def _parameters(obj: Any) -> Any:
    """A signature as comparable data (names, kinds, defaults; no annotations)."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__
    return [
        (
            p.name,
            p.kind.name,
            p.default if p.default is inspect.Parameter.empty else repr(p.default),
        )
        for p in signature.parameters.values()
    ]


def _introspectable(parameters: Any) -> bool:
    """False for the stdlib's uninformative ``(*args, **kwargs)``-style signatures."""
    if isinstance(parameters, str):
        return False
    kinds = {kind for _, kind, _ in parameters}
    return "VAR_POSITIONAL" not in kinds


def _signature_cases() -> list[Any]:
    names = [
        n
        for n in sorted(set(unittest.mock.__all__) | set(EXTRA_NAMES))
        if hasattr(unittest.mock, n) and callable(getattr(unittest.mock, n))
    ]
    cases = []
    for name in names:
        expected = _parameters(getattr(unittest.mock, name))
        if not _introspectable(expected):
            continue
        marks: Any = ()
        if name in _SIGNATURE_DIFFERENCES:
            marks = pytest.mark.xfail(strict=True, reason=_SIGNATURE_DIFFERENCES[name])
        cases.append(pytest.param(name, id=name, marks=marks))
    return cases


_SIGNATURE_DIFFERENCES = {
    "ThreadingMock": "turbomock differs [KD-threadingmock-signature]: ThreadingMock's "
    "signature spells out the Mock arguments where the stdlib's is "
    "(*args, timeout=..., **kwargs)",
}
if sys.version_info < (3, 10):
    _SIGNATURE_DIFFERENCES["create_autospec"] = (
        "turbomock differs [KD-unsafe-3.9]: create_autospec has a keyword-only unsafe on 3.9 "
        "(added in 3.10)"
    )
    _SIGNATURE_DIFFERENCES["_patch"] = (
        "turbomock differs [KD-unsafe-3.9]: _patch has a keyword-only unsafe on 3.9 (added in "
        "3.10)"
    )


@pytest.mark.parametrize("name", _signature_cases())
def test_signature_matches_the_stdlib(name: str) -> None:
    """``inspect.signature`` of each public class and function matches the stdlib's."""
    assert _parameters(getattr(turbomock, name)) == _parameters(getattr(unittest.mock, name))


def _method_cases() -> list[Any]:
    cases = []
    for cls_name in (
        "Mock",
        "MagicMock",
        "NonCallableMock",
        "NonCallableMagicMock",
        "PropertyMock",
    ):
        cls = getattr(unittest.mock, cls_name)
        for name in sorted(dir(cls)):
            if name.startswith("_") and name not in (
                "__init__",
                "__call__",
                "_calls_repr",
                "_format_mock_call_signature",
                "_format_mock_failure_message",
                "_call_matcher",
                "_get_child_mock",
                "_mock_add_spec",
                "_extract_mock_name",
            ):
                continue
            expected = _parameters(getattr(cls, name))
            if not callable(getattr(cls, name)) or not _introspectable(expected):
                continue
            marks: Any = ()
            reason = _METHOD_DIFFERENCES.get(f"{cls_name}.{name}", _METHOD_DIFFERENCES.get(name))
            if reason is not None:
                marks = pytest.mark.xfail(strict=True, reason=reason)
            cases.append(pytest.param(cls_name, name, id=f"{cls_name}.{name}", marks=marks))
    return cases


_METHOD_DIFFERENCES: dict[str, str] = {}


@pytest.mark.parametrize(("cls_name", "name"), _method_cases())
def test_method_signature_matches_the_stdlib(cls_name: str, name: str) -> None:
    """Methods of the mock classes take the stdlib's arguments."""
    expected = _parameters(getattr(getattr(unittest.mock, cls_name), name))
    assert _parameters(getattr(getattr(turbomock, cls_name), name)) == expected


def test_pinned_mock_signature_parameters() -> None:
    """The documented Mock arguments are all accepted by name (``unsafe`` through
    ``**kwargs``, as with the stdlib, whose ``inspect.signature(Mock)`` names them
    from 3.11 on and is ``(*args, **kw)`` before)."""
    parameters = inspect.signature(turbomock.Mock).parameters
    if sys.version_info >= (3, 11):
        for name in ("spec", "side_effect", "return_value", "wraps", "name", "spec_set"):
            assert name in parameters
    m = turbomock.Mock(spec=["a"], side_effect=None, return_value=3, wraps=None, name="n")
    assert m() == 3
    assert repr(m).startswith("<Mock name='n' ")
    assert turbomock.Mock(unsafe=True).assert_foo is not None
    with pytest.raises(AttributeError):
        turbomock.Mock().assert_foo  # noqa: B018 - the access is what raises


def _subclass(base: type, with_init: bool) -> type:
    if not with_init:
        return type("Sub", (base,), {})

    def __init__(self: Any, a: Any, b: int = 2, **kw: Any) -> None:
        base.__init__(self, **kw)  # type: ignore[misc]

    return type("Sub", (base,), {"__init__": __init__})


@pytest.mark.parametrize("with_init", [False, True], ids=["plain", "own __init__"])
@pytest.mark.parametrize(
    "name",
    [
        "Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "AsyncMock",
        "PropertyMock", "ThreadingMock", "CallableMixin", "Base", "MagicMixin",
    ],
)
def test_class_signature_as_inspect_reports_the_stdlibs(name: str, with_init: bool) -> None:
    """``inspect.signature`` of a mock class (and of a subclass) reads exactly as for
    the stdlib's class on this Python, whose rules for classes changed over versions."""
    stdlib = getattr(unittest.mock, name, None)
    if stdlib is None:
        pytest.skip(f"unittest.mock has no {name} on this Python")
    ours = getattr(turbomock, name)
    expected = str(inspect.signature(_subclass(stdlib, with_init)))
    assert str(inspect.signature(_subclass(ours, with_init))) == expected
    if not with_init:
        assert str(inspect.signature(ours)) == str(inspect.signature(stdlib))


def _outcome(make: Any) -> str:
    """What ``make()`` gives, or the exception it raises, with ids scrubbed."""
    import re

    try:
        text = repr(make())
    except Exception as exc:
        text = f"{type(exc).__name__}: {exc}"
    return re.sub(r"id='\d+'|0x[0-9a-fA-F]+", "", text)


@pytest.mark.parametrize(
    "scenario",
    [
        lambda mod: mod.Mock().__annotations__,
        lambda mod: str(inspect.signature(mod.Mock())),
        lambda mod: str(inspect.signature(mod.MagicMock().assert_called_with)),
        lambda mod: str(inspect.signature(mod.create_autospec(lambda x, y=1: 0))),
        lambda mod: typing.get_type_hints(mod.Mock().assert_called_with),
    ],
    ids=["__annotations__", "mock signature", "method signature", "autospec", "type hints"],
)
def test_no_annotations_at_run_time(scenario: Any) -> None:
    """Like the stdlib's, mocks and their methods show no annotations at run time."""
    assert _outcome(lambda: scenario(turbomock)) == _outcome(lambda: scenario(unittest.mock))


def test_sealed_mock_with_async_spec_attribute() -> None:
    """A sealed mock's async spec attribute: an AsyncMock on 3.9, refused from 3.10."""

    class Spec:
        async def fetch(self) -> None: ...

    def scenario(mod: Any) -> Any:
        m = mod.Mock(spec=Spec)
        mod.seal(m)
        return type(m.fetch).__name__, m.fetch

    assert _outcome(lambda: scenario(turbomock)) == _outcome(lambda: scenario(unittest.mock))


_FUNCTIONS = [
    lambda mod: mod.Mock().assert_called_with,
    lambda mod: mod.Mock.assert_called_once_with,
    lambda mod: mod.NonCallableMock.reset_mock,
    lambda mod: mod.NonCallableMock.return_value.fget,
    lambda mod: mod.MagicMock().mock_add_spec,
    lambda mod: mod.AsyncMock.assert_awaited,
    lambda mod: mod.patch,
    lambda mod: mod.patch.object,
    lambda mod: mod.patch.dict,
    lambda mod: mod.patch.multiple,
    lambda mod: mod.patch.stopall,
    lambda mod: mod._patch.__enter__,
    lambda mod: mod._patch.start,
    lambda mod: mod.create_autospec,
    lambda mod: mod.mock_open,
    lambda mod: mod.seal,
    lambda mod: mod._Call.__eq__,
    lambda mod: mod.call.call_list,
]


@pytest.mark.parametrize("get", _FUNCTIONS)
def test_functions_report_the_public_module(get: Any) -> None:
    """Public functions and methods report the package as their module, as the
    stdlib's report ``unittest.mock``."""
    assert get(unittest.mock).__module__ == "unittest.mock"
    assert get(turbomock).__module__ == "turbomock"
