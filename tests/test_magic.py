"""Magic methods: MagicMock's defaults for every supported one, configuring them on
Mock and MagicMock, unsupported names, deletion, specs limiting them, context
managers, and assertions on magic method mocks.

Every supported magic method has an operation in ``OPS`` that exercises it through
Python's own protocol (``len(m)``, ``m + 3``, ``with m:`` ...), so each table test
covers the whole protocol surface.
"""

from __future__ import annotations

import asyncio
import functools
import math
import operator
import os
import sys
from typing import Any, Callable

import pytest

from engine_support import PY311, Step, assert_same, exact_exception, outcome, same_steps


def _with(m: Any) -> Any:
    with m as entered:
        return entered


async def _async_with(m: Any) -> Any:
    async with m as entered:
        return entered


async def _async_for(m: Any) -> Any:
    return [item async for item in m]


#: One operation per supported magic method, using it the way Python does.
OPS: dict[str, Callable[[Any], Any]] = {
    "__lt__": lambda m: m < 1,
    "__gt__": lambda m: m > 1,
    "__le__": lambda m: m <= 1,
    "__ge__": lambda m: m >= 1,
    "__eq__": lambda m: (m == 1, m == m),
    "__ne__": lambda m: (m != 1, m != m),
    "__getitem__": lambda m: m[1],
    "__setitem__": lambda m: operator.setitem(m, 1, 2),
    "__delitem__": lambda m: operator.delitem(m, 1),
    "__len__": len,
    "__contains__": lambda m: 3 in m,
    "__iter__": lambda m: next(iter(m), "exhausted"),
    "__hash__": lambda m: hash(m) == object.__hash__(m),
    "__str__": lambda m: str(m) == object.__str__(m),
    "__sizeof__": lambda m: sys.getsizeof(m) > 0,
    "__enter__": _with,
    "__exit__": lambda m: m.__exit__(None, None, None),
    "__divmod__": lambda m: divmod(m, 2),
    "__rdivmod__": lambda m: divmod(2, m),
    "__neg__": operator.neg,
    "__pos__": operator.pos,
    "__abs__": abs,
    "__invert__": operator.invert,
    "__complex__": complex,
    "__int__": int,
    "__float__": float,
    "__index__": operator.index,
    "__round__": round,
    "__trunc__": math.trunc,
    "__floor__": math.floor,
    "__ceil__": math.ceil,
    "__bool__": bool,
    "__next__": lambda m: next(m, "exhausted"),
    "__fspath__": lambda m: os.fspath(m).split("/")[0],
    "__aiter__": lambda m: asyncio.run(_async_for(m)),
    "__aenter__": lambda m: asyncio.run(_async_with(m)),
    "__aexit__": lambda m: type(m.__aexit__).__name__,
    "__anext__": lambda m: type(m.__anext__).__name__,
}
_BINARY = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "matmul": operator.matmul,
    "truediv": operator.truediv,
    "floordiv": operator.floordiv,
    "mod": operator.mod,
    "lshift": operator.lshift,
    "rshift": operator.rshift,
    "and": operator.and_,
    "xor": operator.xor,
    "or": operator.or_,
    "pow": operator.pow,
}
for _word, _op in _BINARY.items():
    OPS[f"__{_word}__"] = functools.partial(lambda op, m: op(m, 3), _op)
    OPS[f"__r{_word}__"] = functools.partial(lambda op, m: op(3, m), _op)
    OPS[f"__i{_word}__"] = functools.partial(lambda op, m: op(m, 3), getattr(operator, f"i{_word}"))
if not PY311:
    # 3.9 and 3.10 still list the Python 2 division names.
    for _name in ("__div__", "__rdiv__", "__idiv__"):
        OPS[_name] = functools.partial(lambda name, m: getattr(m, name)(2), _name)

MAGICS = sorted(OPS)


def test_the_table_covers_every_supported_magic_method() -> None:
    """``OPS`` has an operation for every name the running stdlib supports."""
    import unittest.mock

    supported = set(unittest.mock._magics) | {"__aenter__", "__aexit__", "__anext__", "__aiter__"}
    assert set(OPS) == supported


# -- defaults --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MAGICS)
@pytest.mark.parametrize("kind", ["MagicMock", "NonCallableMagicMock", "Mock", "NonCallableMock"])
def test_default_behaviour_matches_the_stdlib(kind: str, name: str) -> None:
    """Each magic method works (MagicMock) or is missing (Mock) exactly as in the stdlib,
    and is recorded the same way."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)()
        return OPS[name](m), m.mock_calls, m.method_calls

    assert_same(scenario)


def test_pinned_defaults(mock: Any) -> None:
    """The documented default return values."""
    m = mock.MagicMock()
    assert (int(m), float(m), complex(m), len(m), bool(m)) == (1, 1.0, 1j, 0, True)
    assert list(m) == []
    assert 3 not in m
    assert hash(m) == object.__hash__(m)
    assert str(m) == object.__str__(m)
    assert (oct(m), hex(m)) == ("0o1", "0x1")
    assert m.__exit__(None, None, None) is False
    with pytest.raises(TypeError, match="not supported between instances of 'MagicMock' and 'int'"):
        m < 1  # noqa: B015 - the comparison's failure is the point


def test_equality_is_identity_by_default(mock: Any) -> None:
    """``==``/``!=`` compare identity unless configured."""
    a, b = mock.MagicMock(), mock.MagicMock()
    assert a == a
    assert a != b
    assert (a == b) is False


def test_magic_method_mocks_are_made_once(mock: Any) -> None:
    """``m.__len__`` is the same MagicMock each time, named after the method."""
    m = mock.MagicMock()
    assert m.__len__ is m.__len__
    assert repr(m.__len__) == f"<MagicMock name='mock.__len__' id='{id(m.__len__)}'>"


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: setattr(m.__eq__, "return_value", False),
            lambda mod, m: m == m,
            lambda mod, m: m != m,
            lambda mod, m: m != 3,
        ),
        (
            lambda mod, m: setattr(m.__ne__, "return_value", True),
            lambda mod, m: m != m,
            lambda mod, m: m == m,
        ),
        (
            lambda mod, m: setattr(m.__eq__, "side_effect", lambda other: "X"),
            lambda mod, m: m == 1,
            lambda mod, m: m != 1,
        ),
        (
            lambda mod, m: setattr(m.__lt__, "return_value", True),
            lambda mod, m: m < 3,
            lambda mod, m: 3 > m,  # noqa: SIM300 - the reflected comparison is the case
        ),
        (
            lambda mod, m: setattr(m.__iter__, "return_value", iter([1, 2])),
            lambda mod, m: list(m),
            lambda mod, m: list(m),
            lambda mod, m: 1 in m,
        ),
        (
            lambda mod, m: setattr(m.__iter__, "return_value", [1, 2]),
            lambda mod, m: list(m),
            lambda mod, m: list(m),
        ),
        (lambda mod, m: setattr(m.__len__, "return_value", 0), lambda mod, m: bool(m)),
        (
            lambda mod, m: setattr(m.__bool__, "return_value", False),
            lambda mod, m: bool(m),
            lambda mod, m: m.__bool__.call_count,
        ),
        (
            lambda mod, m: setattr(m.__hash__, "return_value", 3),
            lambda mod, m: hash(m),
            lambda mod, m: len({m, m}),
        ),
        (
            lambda mod, m: setattr(m.__contains__, "return_value", True),
            lambda mod, m: 5 in m,
            lambda mod, m: m.__contains__.call_args,
        ),
        (
            lambda mod, m: setattr(m.__next__, "return_value", 1),
            lambda mod, m: next(m),
            lambda mod, m: setattr(m.__next__, "side_effect", StopIteration),
            lambda mod, m: next(m, "default"),
        ),
        (
            lambda mod, m: setattr(m.__getitem__, "side_effect", {"a": 1}.__getitem__),
            lambda mod, m: m["a"],
            lambda mod, m: m["b"],
            lambda mod, m: m.__getitem__.assert_called_with("b"),
            lambda mod, m: m.__getitem__.assert_called_with("c"),
        ),
        (
            lambda mod, m: round(m, 2),
            lambda mod, m: m.__round__.call_args,
            lambda mod, m: pow(m, 2, 3),
            lambda mod, m: m.__pow__.call_args,
            lambda mod, m: 2**m,
            lambda mod, m: m.mock_calls,
        ),
        (
            lambda mod, m: setattr(m.__aiter__, "return_value", [1, 2]),
            lambda mod, m: asyncio.run(_async_for(m)),
            lambda mod, m: asyncio.run(_async_for(m)),
            lambda mod, m: type(m.__aiter__()).__name__,
        ),
        (
            lambda mod, m: asyncio.run(_async_with(m)),
            lambda mod, m: m.mock_calls,
            lambda mod, m: m.__aenter__.await_count,
        ),
        (lambda mod, m: m[1][2], lambda mod, m: m.mock_calls),
        (
            lambda mod, m: str(m.__str__)[:20],
            lambda mod, m: len(m.__len__),
            lambda mod, m: m.__len__.__len__.return_value,
        ),
        (lambda mod, m: m.__repr__, lambda mod, m: m.__repr__()),
        (lambda mod, m: operator.iadd(m, 1) is m, lambda mod, m: m.mock_calls),
    ],
    ids=[
        "eq configured",
        "ne configured",
        "eq side effect",
        "lt configured",
        "iter configured",
        "iter list",
        "bool from len",
        "bool configured",
        "hash configured",
        "contains configured",
        "next",
        "getitem side effect",
        "call arguments",
        "async for",
        "async with",
        "chained getitem",
        "magic of magic",
        "repr attribute",
        "iadd",
    ],
)
def test_configured_defaults_match_the_stdlib(steps: tuple[Step, ...]) -> None:
    """Configuring a MagicMock's magic method mocks works as in the stdlib."""
    same_steps(lambda mod: mod.MagicMock(), *steps)


def test_fspath_names_the_mock() -> None:
    """``os.fspath`` of a MagicMock gives ``<type>/<name>/<id>``-shaped paths."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock(name="p")
        child = m.a.b()
        return (
            os.fspath(m).split("/")[:2],
            m.__fspath__.call_count,
            os.fspath(child).split("/")[:2],
        )

    assert_same(scenario)


def test_str_of_a_named_magic_mock() -> None:
    """``str()`` of a named MagicMock is its default repr."""
    assert_same(lambda mod: str(mod.MagicMock(name="foo")))


# -- configuring magic methods ---------------------------------------------------------------

CONFIGURED: list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = [
    ("__len__", lambda mod: lambda self: 3, len),
    ("__len__", lambda mod: mod.Mock(return_value=3), len),
    ("__iter__", lambda mod: lambda self: iter([1, 2]), list),
    ("__iter__", lambda mod: mod.Mock(return_value=iter([5])), list),
    ("__str__", lambda mod: mod.Mock(return_value="s"), str),
    ("__str__", lambda mod: lambda self: "fn", str),
    ("__repr__", lambda mod: lambda self: "R", repr),
    ("__getitem__", lambda mod: mod.Mock(name="g"), lambda m: m[1]),
    ("__getitem__", lambda mod: lambda self, k: k * 2, lambda m: m[4]),
    ("__call__", lambda mod: lambda self: "called", lambda m: m()),
    ("__get__", lambda mod: lambda self, obj, owner=None: "G", lambda m: m.__get__(None, None)),
    ("__missing__", lambda mod: mod.Mock(return_value=1), lambda m: m.__missing__("a")),
    ("__reversed__", lambda mod: mod.Mock(return_value=iter([1])), lambda m: list(reversed(m))),
    ("__format__", lambda mod: mod.Mock(return_value="F"), lambda m: (format(m, "q"), f"{m}")),
    ("__dir__", lambda mod: mod.Mock(return_value=["z"]), dir),
    ("__enter__", lambda mod: mod.Mock(return_value="entered"), _with),
    ("__bool__", lambda mod: lambda self: False, bool),
    ("__hash__", lambda mod: lambda self: 7, hash),
    ("__lt__", lambda mod: mod.Mock(return_value=True), lambda m: m < 0),
    ("__eq__", lambda mod: lambda self, other: True, lambda m: m == 0),
]


@pytest.mark.parametrize(
    ("name", "value", "use"),
    CONFIGURED,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CONFIGURED)],
)
@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock"])
def test_configuring_magic_methods_matches_the_stdlib(
    kind: str, name: str, value: Callable[[Any], Any], use: Callable[[Any], Any]
) -> None:
    """Setting a magic method to a mock or a function works as in the stdlib, and is
    recorded (or not) the same way."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)()
        setattr(m, name, value(mod))
        listed = name in dir(m)
        result = use(m)
        return result, list(m.mock_calls), list(m.method_calls), listed

    assert_same(scenario)


def test_configured_magic_reaches_only_that_mock(mock: Any) -> None:
    """Setting ``__len__`` on one mock leaves other mocks alone."""
    a, b = mock.MagicMock(), mock.MagicMock()
    a.__len__ = lambda self: 7
    assert (len(a), len(b)) == (7, 0)
    c, d = mock.Mock(), mock.Mock()
    c.__len__ = lambda self: 7
    assert len(c) == 7
    with pytest.raises(TypeError):
        len(d)


def test_function_gets_the_mock_as_self(mock: Any) -> None:
    """A function set as a magic method receives the mock as its first argument."""
    m = mock.Mock()
    seen = []
    m.__iter__ = lambda self: seen.append(self) or iter([])
    list(m)
    assert seen == [m]


def test_configured_magic_via_keywords() -> None:
    """``MagicMock(**{'__len__.return_value': 3})`` configures the method mock."""
    same_steps(
        lambda mod: mod.MagicMock(
            **{"__len__.return_value": 3, "__getitem__.side_effect": KeyError}
        ),
        lambda mod, m: len(m),
        lambda mod, m: m[0],
    )


UNSUPPORTED = [
    "__getattr__",
    "__setattr__",
    "__init__",
    "__new__",
    "__prepare__",
    "__instancecheck__",
    "__subclasscheck__",
    "__del__",
]


@pytest.mark.parametrize("name", UNSUPPORTED)
@pytest.mark.parametrize("kind", ["Mock", "MagicMock"])
def test_unsupported_magic_methods_are_refused(kind: str, name: str) -> None:
    """Setting an unsupported magic method raises the stdlib's AttributeError."""
    same_steps(lambda mod: getattr(mod, kind)(), lambda mod, m: setattr(m, name, lambda *a: 1))


def test_unsupported_magic_message(mock: Any) -> None:
    """The refusal names the method."""
    with pytest.raises(AttributeError) as info:
        mock.Mock().__getattr__ = lambda self, name: 1
    assert str(info.value) == "Attempting to set unsupported magic method '__getattr__'."


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: setattr(m, "__foo__", 1),
            lambda mod, m: m.__foo__,
            lambda mod, m: m.__bar__,
        ),
        (lambda mod, m: setattr(m, "__setformat__", 1),),
        (lambda mod, m: setattr(m, "__div__", 1), lambda mod, m: callable(m.__div__)),
        (lambda mod, m: m.__foo__, lambda mod, m: m._private, lambda mod, m: m.__len__.__len__),
    ],
    ids=["unknown dunder", "__setformat__", "__div__", "dunder lookups"],
)
def test_other_dunder_names_match_the_stdlib(steps: tuple[Step, ...]) -> None:
    """Dunder names outside the supported set are plain attributes, as in the stdlib."""
    same_steps(lambda mod: mod.MagicMock(), *steps)


# -- deleting magic methods --------------------------------------------------------------------


def test_deleting_iter_removes_iteration(mock: Any) -> None:
    """``del m.__iter__`` makes the MagicMock unsupported for ``iter()`` (it falls
    back to ``__getitem__`` like any object, unless that is gone too)."""
    m = mock.MagicMock()
    del m.__iter__
    del m.__getitem__
    assert not hasattr(m, "__iter__")
    with pytest.raises(TypeError, match=r"^'MagicMock' object is not iterable$"):
        iter(m)


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: delattr(m, "__iter__"),
            lambda mod, m: delattr(m, "__getitem__"),
            lambda mod, m: list(m),
            lambda mod, m: hasattr(m, "__iter__"),
            lambda mod, m: setattr(m, "__iter__", lambda s: iter([5])),
            lambda mod, m: list(m),
        ),
        (lambda mod, m: delattr(m, "__len__"), lambda mod, m: bool(m), lambda mod, m: len(m)),
        (
            lambda mod, m: delattr(m, "__bool__"),
            lambda mod, m: bool(m),
            lambda mod, m: setattr(m.__len__, "return_value", 0),
            lambda mod, m: bool(m),
        ),
        (
            lambda mod, m: delattr(m, "__contains__"),
            lambda mod, m: setattr(m.__iter__, "return_value", iter([1, 2])),
            lambda mod, m: 2 in m,
            lambda mod, m: m.mock_calls,
        ),
        (lambda mod, m: delattr(m, "__eq__"), lambda mod, m: m == m, lambda mod, m: m == 1),
        (
            lambda mod, m: delattr(m, "__str__"),
            lambda mod, m: str(m)[:11],
            lambda mod, m: m.mock_calls,
        ),
        (lambda mod, m: delattr(m, "__hash__"), lambda mod, m: type(hash(m)).__name__),
        (lambda mod, m: delattr(m, "__getitem__"), lambda mod, m: m[1]),
        (lambda mod, m: delattr(m, "__enter__"), lambda mod, m: m.__enter__),
        (
            lambda mod, m: len(m),
            lambda mod, m: delattr(m, "__len__"),
            lambda mod, m: len(m),
            lambda mod, m: m.mock_calls,
        ),
        (
            lambda mod, m: setattr(m, "__len__", lambda s: 4),
            lambda mod, m: delattr(m, "__len__"),
            lambda mod, m: hasattr(m, "__len__"),
        ),
    ],
    ids=[
        "iter and getitem",
        "len",
        "bool",
        "contains",
        "eq",
        "str",
        "hash",
        "getitem",
        "enter attribute",
        "after use",
        "configured then deleted",
    ],
)
def test_deleting_magic_methods_matches_the_stdlib(steps: tuple[Step, ...]) -> None:
    """Deleted magic methods stop working (with Python's fallbacks) as in the stdlib."""
    same_steps(lambda mod: mod.MagicMock(), *steps)


def test_deleting_configured_magic_on_mock() -> None:
    """Deleting a magic method set on a plain Mock removes it."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "__iter__", lambda s: iter([1])),
        lambda mod, m: delattr(m, "__iter__"),
        lambda mod, m: iter(m),
        lambda mod, m: delattr(m, "__iter__"),
    )


def test_deleting_an_unused_magic_twice() -> None:
    """Deleting a never-used magic method twice, then thrice, matches the stdlib."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: delattr(m, "__iter__"),
        lambda mod, m: delattr(m, "__iter__"),
        lambda mod, m: delattr(m, "__iter__"),
    )


def test_deleting_a_used_magic_repeatedly() -> None:
    """Deleting a used magic method again raises as in the stdlib."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: iter(m),
        lambda mod, m: delattr(m, "__iter__"),
        lambda mod, m: delattr(m, "__iter__"),
        lambda mod, m: delattr(m, "__iter__"),
    )


# -- specs limit the magic methods --------------------------------------------------------

@pytest.mark.parametrize("name", MAGICS)
def test_magic_methods_outside_the_spec_match_the_stdlib(name: str) -> None:
    """A MagicMock specced on nothing supports no magic method, as in the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock(spec=[])
        return OPS[name](m), m.mock_calls

    assert_same(scenario)


@pytest.mark.parametrize("name", MAGICS)
@pytest.mark.parametrize(
    "make",
    [lambda m: m.MagicMock(spec_set=[]), lambda m: m.NonCallableMagicMock(spec=[])],
    ids=["spec_set", "non-callable"],
)
def test_other_kinds_specced_on_nothing(make: Callable[[Any], Any], name: str) -> None:
    """``spec_set=[]`` and NonCallableMagicMock limit magic methods alike."""

    def scenario(mod: Any) -> Any:
        m = make(mod)
        return OPS[name](m), m.mock_calls

    assert_same(scenario)


@pytest.mark.parametrize("name", MAGICS)
def test_deleted_magic_methods_match_the_stdlib(name: str) -> None:
    """Each deleted magic method behaves as it does in the stdlib."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        delattr(m, name)
        return OPS[name](m)

    assert_same(scenario)


class _Reflected:
    """The other operand, able to handle the operation itself."""

    def __radd__(self, other: object) -> str:
        return "radd"

    def __ror__(self, other: object) -> str:
        return "ror"

    def __gt__(self, other: object) -> str:
        return "gt"


@pytest.mark.parametrize(
    "operation",
    [
        lambda m: m.MagicMock(spec=[]) + _Reflected(),
        lambda m: m.MagicMock(spec=[]) | _Reflected(),
        lambda m: (lambda x: (delattr(x, "__add__"), x + _Reflected()))(m.MagicMock()),
        lambda m: (lambda x: (delattr(x, "__int__"), int(x)))(m.MagicMock()),
        lambda m: (lambda x: (delattr(x, "__iadd__"), operator.iadd(x, 1)))(m.MagicMock()),
        lambda m: 1 | m.MagicMock(spec=[]),
    ],
    ids=[
        "reflected add",
        "reflected or",
        "deleted add",
        "int via __index__",
        "+= via __add__",
        "int | mock",
    ],
)
def test_missing_magic_lets_python_fall_back(operation: Callable[[Any], Any]) -> None:
    """Without the magic method, Python's fallbacks apply, as with the stdlib."""
    assert_same(operation)


def test_reflected_comparison_falls_back() -> None:
    """A comparison the spec excludes falls back to the other operand's reflection."""
    assert_same(lambda mod: mod.MagicMock(spec=[]) < _Reflected())


def test_missing_magic_raises_exactly_type_error() -> None:
    """``len(MagicMock(spec=[]))`` raises exactly ``TypeError``, as in the stdlib."""
    import unittest.mock

    import turbomock

    assert exact_exception(len, turbomock.MagicMock(spec=[])) == exact_exception(
        len, unittest.mock.MagicMock(spec=[])
    )


class _Container:
    """A spec with some magic methods."""

    def __iter__(self) -> Any:
        return iter([])

    def __len__(self) -> int:
        return 0

    def meth(self) -> None:
        pass


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.MagicMock(spec=_Container),
        lambda m: m.MagicMock(spec=["__iter__"]),
        lambda m: m.MagicMock(spec_set=_Container),
    ],
    ids=["class", "list", "spec_set"],
)
def test_spec_keeps_only_its_magic_methods(make: Callable[[Any], Any]) -> None:
    """Magic methods the spec has work; the rest don't, as in the stdlib."""
    same_steps(
        make,
        lambda mod, m: list(m),
        lambda mod, m: len(m),
        lambda mod, m: m[1],
        lambda mod, m: str(m)[:10],
        lambda mod, m: m == m,
        lambda mod, m: bool(m),
        lambda mod, m: hash(m) == object.__hash__(m),
        lambda mod, m: m.__enter__,
        lambda mod, m: m.__iter__,
        lambda mod, m: m.__getitem__,
        lambda mod, m: setattr(m, "__getitem__", mod.Mock()),
        lambda mod, m: setattr(m, "__iter__", lambda s: iter([1])),
        lambda mod, m: list(m),
    )


@pytest.mark.parametrize(
    "steps",
    [
        (
            lambda mod, m: len(m),
            lambda mod, m: int(m),
            lambda mod, m: m.mock_add_spec(_Container),
            lambda mod, m: len(m),
            lambda mod, m: list(m),
        ),
        (
            lambda mod, m: len(m),
            lambda mod, m: m.mock_add_spec(["c"]),
            lambda mod, m: len(m),
            lambda mod, m: m.mock_add_spec(["__len__"]),
            lambda mod, m: len(m),
        ),
        (
            lambda mod, m: setattr(m.__len__, "return_value", 5),
            lambda mod, m: m.mock_add_spec(["__len__"]),
            lambda mod, m: len(m),
            lambda mod, m: m.mock_add_spec([]),
            lambda mod, m: len(m),
        ),
    ],
    ids=["to a class", "away and back", "configured"],
)
def test_mock_add_spec_limits_magic_methods(steps: tuple[Step, ...]) -> None:
    """``mock_add_spec`` on a MagicMock removes the magic methods the spec lacks."""
    same_steps(lambda mod: mod.MagicMock(), *steps)


def test_mock_add_spec_removes_configured_magic_functions() -> None:
    """A magic method configured as a function is dropped by a spec without it."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: setattr(m, "__len__", lambda s: 5),
        lambda mod, m: m.mock_add_spec(["a"]),
        lambda mod, m: len(m),
    )


def test_mock_add_spec_on_plain_mock_keeps_configured_magic() -> None:
    """On a plain Mock, ``mock_add_spec`` leaves a configured magic method alone."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "__len__", lambda s: 5),
        lambda mod, m: m.mock_add_spec(["a"]),
        lambda mod, m: len(m),
    )


# -- context managers and assertions -------------------------------------------------------


def test_with_statement(mock: Any) -> None:
    """``with m as x`` gives ``m.__enter__.return_value`` and records enter and exit."""
    m = mock.MagicMock()
    with m as entered:
        entered.foo(1)
    assert entered is m.__enter__.return_value
    m.__enter__.assert_called_once_with()
    m.__exit__.assert_called_once_with(None, None, None)
    assert m.mock_calls == [
        mock.call.__enter__(),
        mock.call.__enter__().foo(1),
        mock.call.__exit__(None, None, None),
    ]


def _raise_inside(m: Any) -> Any:
    try:
        with m:
            raise KeyError(1)
    except KeyError:
        return "propagated", m.mock_calls
    return "suppressed", m.mock_calls


def test_exceptions_in_with_blocks() -> None:
    """``__exit__`` gets the exception; a true return value suppresses it."""
    assert_same(lambda mod: _raise_inside(mod.MagicMock()))

    def suppressing(mod: Any) -> Any:
        m = mod.MagicMock()
        m.__exit__.return_value = True
        return _raise_inside(m)

    assert_same(suppressing)


def test_magic_method_assertions(mock: Any) -> None:
    """Magic method mocks take the usual assertions."""
    m = mock.MagicMock()
    m["k"]
    m["k"] = "v"
    m.__getitem__.assert_called_with("k")
    m.__setitem__.assert_called_once_with("k", "v")
    m.__len__.assert_not_called()
    assert m.mock_calls == [mock.call.__getitem__("k"), mock.call.__setitem__("k", "v")]
    assert m.method_calls == []


def test_magic_method_mocks_record_into_the_parent() -> None:
    """Magic calls show in ``mock_calls`` of the parents, not in ``method_calls``."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: m.a.b[1],
        lambda mod, m: m()[2],
        lambda mod, m: m.a(3) + 1,
        lambda mod, m: len(m.a),
        lambda mod, m: (m.mock_calls, m.method_calls, m.a.mock_calls, m.a.method_calls),
    )


def test_reset_mock_and_magic_return_values() -> None:
    """``reset_mock(return_value=True)`` treats magic methods as the stdlib of this
    Python does (3.13 leaves them)."""
    same_steps(
        lambda mod: mod.MagicMock(),
        lambda mod, m: (str(m)[:4], int(m)),
        lambda mod, m: setattr(m.__len__, "return_value", 4),
        lambda mod, m: m.reset_mock(return_value=True),
        lambda mod, m: len(m),
        lambda mod, m: str(m)[:11],
        lambda mod, m: int(m),
        lambda mod, m: m.reset_mock(side_effect=True),
        lambda mod, m: (m == m, m != m, list(m)),
    )


# -- subclasses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method", "use"),
    [
        ("__len__", lambda self: 5, len),
        ("__str__", lambda self: "S", lambda m: str(m) == object.__str__(m)),
    ],
    ids=["__len__", "__str__"],
)
def test_magic_method_defined_on_a_subclass(name: str, method: Any, use: Any) -> None:
    """A subclass's own magic method behaves as with the stdlib's MagicMock."""
    assert_same(lambda mod: use(type("Sub", (mod.MagicMock,), {name: method})()))


def test_magic_mock_subclass_children() -> None:
    """Children of a MagicMock subclass are of the subclass, with working magics."""
    same_steps(
        lambda mod: type("Sub", (mod.MagicMock,), {})(),
        lambda mod, m: len(m),
        lambda mod, m: m.foo,
        lambda mod, m: type(m.foo).__name__,
        lambda mod, m: len(m.foo),
    )


def _non_defaults() -> list[str]:
    import unittest.mock

    return sorted(unittest.mock._non_defaults)


@pytest.mark.parametrize("name", _non_defaults())
@pytest.mark.parametrize("kind", ["Mock", "MagicMock"])
def test_supported_but_not_set_up_by_default(kind: str, name: str) -> None:
    """Magic methods MagicMock supports without defaults: absent (or object's) until
    set, then configurable with a mock, as in the stdlib."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)()
        before = outcome(getattr, m, name)
        setattr(m, name, mod.Mock(return_value="configured"))
        return before, getattr(m, name)(), m.mock_calls, m.method_calls

    assert_same(scenario)


class _CallIsFive:
    def __call__(self) -> int:
        return 5


@pytest.mark.parametrize(
    "use",
    [
        lambda m: math.ceil(m),
        lambda m: +m,
        lambda m: m.__bool__(1),
        lambda m: bool(m),
        lambda m: m / 2,
        lambda m: type(m).__pos__,
        lambda m: len(m),
    ],
    ids=["ceil", "pos", "__bool__ called", "bool", "truediv", "type(m).__pos__", "len"],
)
@pytest.mark.parametrize(
    "make",
    [
        lambda mod: mod.AsyncMock(),
        lambda mod: type("Sub", (mod.AsyncMock,), {})(),
        lambda mod: mod.MagicMock(),
    ],
    ids=["AsyncMock", "AsyncMock subclass", "MagicMock"],
)
def test_magic_methods_a_spec_added_later_lacks(
    make: Callable[[Any], Any], use: Callable[[Any], Any]
) -> None:
    """After ``mock_add_spec`` of a spec without them, default magic methods fail as
    the stdlib's do: absent for MagicMock (which drops them), refused by the spec
    when first used for AsyncMock (whose ``mock_add_spec`` keeps them)."""

    def scenario(mod: Any) -> Any:
        m = make(mod)
        m.mock_add_spec(_CallIsFive)
        return use(m)

    assert_same(scenario)


def test_magic_methods_outside_mock_methods_set_by_hand() -> None:
    """``_mock_methods`` set by hand refuses the default magic methods it lacks."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        m._mock_methods = ["x"]
        return trace_of(m)

    def trace_of(m: Any) -> Any:
        results = []
        for use in (lambda: len(m), lambda: m.__iter__, lambda: bool(m), lambda: m.x):
            results.append(outcome(use))
        return results

    assert_same(scenario)


@pytest.mark.parametrize("kind", ["NonCallableMagicMock", "AsyncMock", "MagicMock"])
def test_a_magic_method_that_fails_to_make_fails_through_the_class(kind: str) -> None:
    """``type(m).__str__(m)`` of a mock whose name can't be worked out (a parent that
    is not a mock) raises what making the method raised, not ``__getattr__``'s
    AttributeError (the stdlib's class-level proxy makes it directly)."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)(parent=5)
        return [outcome(lambda: type(m).__str__(m)), outcome(lambda: type(m).__hash__(m) > 0)]

    assert_same(scenario)


@pytest.mark.parametrize(
    "value",
    [lambda mod: mod.PropertyMock(return_value=5), lambda mod: (lambda self: 3),
     lambda mod: mod.Mock(return_value=3)],
    ids=["PropertyMock", "function", "Mock"],
)
def test_a_configured_magic_method_a_later_spec_lacks(value: Callable[[Any], Any]) -> None:
    """``mock_add_spec`` takes away a configured magic method the spec lacks, a
    PropertyMock (set on the class) included."""

    class CallIsFive:
        def __call__(self) -> int:
            return 5

    def scenario(mod: Any) -> Any:
        m = mod.NonCallableMagicMock()
        m.__int__ = value(mod)
        first = m.__int__
        m.mock_add_spec(CallIsFive)
        return [first, outcome(lambda: m.__int__), outcome(lambda: int(m)),
                outcome(lambda: type(m).__int__), "__int__" in dir(m)]

    assert_same(scenario)


def test_deleting_a_propertymock_magic_method() -> None:
    """``del m.__len__`` after ``m.__len__ = PropertyMock()``: before 3.13 the stdlib
    set it on the class alone, so it stays listed as a child; a second deletion
    then finds nothing (3.13 holds it on the instance too and marks it deleted)."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        m.__len__ = mod.PropertyMock(return_value=3)
        del m.__len__
        first = ("__len__" in dir(m), outcome(lambda: len(m)), outcome(lambda: m.__len__))
        return first, outcome(lambda: delattr(m, "__len__")), "__len__" in dir(m)

    assert_same(scenario)


@pytest.mark.parametrize(
    "value",
    [lambda mod: mod.PropertyMock(return_value=3), lambda mod: (lambda self: "s")],
    ids=["PropertyMock", "function"],
)
def test_deleting_a_magic_method_set_on_the_class(value: Callable[[Any], Any]) -> None:
    """``type(m).__str__ = x`` then ``del m.__str__``: taken off the class, as the
    stdlib's deletion does (``m.__str__`` is then object's)."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        type(m).__str__ = value(mod)
        before = outcome(lambda: m.__str__)
        del m.__str__
        return before, type(m.__str__).__name__, outcome(lambda: delattr(m, "__str__"))

    assert_same(scenario)


def test_a_copys_class_level_magic_that_fails_to_make() -> None:
    """Through a copy's class, what making the original's method raises is raised."""
    import copy

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock(parent=5)
        return outcome(lambda: type(copy.deepcopy(m)).__str__)

    assert_same(scenario)


def test_a_subclass_magic_method_shows_where_the_spec_drops_the_default() -> None:
    """A MagicMock subclass's own ``__len__``: shadowed by the default while the
    spec has it, its own again once a spec lacks it (``mock_add_spec``, or a spec
    its ``__init__`` passes), as on the stdlib's class."""

    def scenario(mock: Any) -> Any:
        class MyMagic(mock.MagicMock):
            def __len__(self) -> int:
                return 42

            def __int__(self) -> int:
                return 7

        m = MyMagic(spec=["x"])
        seen: list[Any] = [len(m)]
        m.mock_add_spec(["__len__"])
        seen.append(len(m))
        m2 = MyMagic(spec=["x"])
        m2.mock_add_spec(None)
        seen.append((len(m2), int(m2)))

        class Init(mock.MagicMock):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, spec=["__int__"], **kwargs)

            def __len__(self) -> int:
                return 42

            def __int__(self) -> int:
                return 7

        m3 = Init()
        seen.append((len(m3), int(m3)))
        return seen

    assert_same(scenario)
