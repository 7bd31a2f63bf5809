"""The native ``Mock()`` and first child access (``src/turbomock/_fast_mocks.c``).

They stand in for the common cases of the Python ``__init__`` and ``__getattr__`` on
pooled leaves. What must hold: mocks made either way are the same to every
observer (differential tests against ``unittest.mock``, run with and without the
native core), each kind of plain mock gets them, and any class edit that changes
``__init__``, ``__getattr__`` or ``__getattribute__`` takes them away, so the
edit acts as it does with the stdlib.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any

import pytest

import turbomock
from engine_support import assert_same
from turbomock._native import NATIVE

needs_native = pytest.mark.skipif(NATIVE is None, reason="native core not in use")


@pytest.fixture(autouse=True)
def _names_seen_before() -> None:
    """The fast path takes names seen before (``_children.PLAIN_NAMES``): the first
    sight of a name runs the Python checks. So every name below is seen once first,
    and each test exercises the fast path whatever ran before it."""
    warm = turbomock.Mock()
    for name in ("a", "b", "c", "d", "early", "late", "fresh", "plain", "other", "child"):
        getattr(warm, name)


def installed(mock: Any) -> tuple[str, ...]:
    assert NATIVE is not None
    return tuple(NATIVE.fast_mocks_installed(type(mock)))


@needs_native
@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Mock", ("__getattr__", "__init__", "__call__")),
        ("MagicMock", ("__getattr__", "__init__", "__call__")),
        ("NonCallableMock", ("__getattr__", "__init__")),
        ("NonCallableMagicMock", ("__getattr__", "__init__")),
        # Its __call__ is a coroutine's: the Python code runs (_fast_calls.c).
        ("AsyncMock", ("__getattr__", "__init__")),
        ("PropertyMock", ("__getattr__", "__init__", "__call__")),
        # Its __init__ takes a timeout and keeps a waiter: the Python code runs. (Its
        # calls find its own _mock_call when made, and take the Python path too.)
        ("ThreadingMock", ("__getattr__", "__call__")),
    ],
)
def test_each_plain_kind_gets_the_fast_paths(kind: str, expected: tuple[str, ...]) -> None:
    mock = getattr(turbomock, kind)()
    assert installed(mock) == expected
    # (A non-callable mock's children are callable.)
    assert installed(mock.child) in (expected, ("__getattr__", "__init__", "__call__"))


@needs_native
def test_a_subclass_with_its_own_init_or_getattr_keeps_them() -> None:
    class OwnInit(turbomock.Mock):
        def __init__(self, /, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)

    class OwnGetattr(turbomock.Mock):
        def __getattr__(self, name: str) -> Any:
            return name

    assert installed(OwnInit()) == ("__getattr__", "__call__")
    assert installed(OwnGetattr()) == ("__init__", "__call__")


def test_fresh_children_are_wired_as_the_stdlib_wires_them() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.Mock()
        child = root.a.b
        return (
            child._mock_parent is root.a,
            child._mock_new_parent is root.a,
            child._mock_name,
            child._mock_new_name,
            repr(child).split(" id=")[0],
            child.side_effect,
            child.return_value is child.return_value,
            child.called,
            child.call_args_list,
            root.a.b is child,
            sorted(root._mock_children),
            sorted(root.a._mock_children),
            root.mock_calls,
        )

    assert_same(scenario)


def test_fresh_children_record_calls_at_every_ancestor() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.MagicMock()
        root.a.b.c(1, x=2)
        root.a.d()
        return root.mock_calls, root.method_calls, root.a.method_calls, root.a.b.c.call_args

    assert_same(scenario)


def test_magic_methods_of_fresh_magicmock_children_are_their_own() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.MagicMock()
        first, second = root.a, root.b
        first.__len__.return_value = 3
        return len(first), len(second), type(first) is type(second), first.__len__.call_count

    assert_same(scenario)


def test_a_deleted_child_is_not_made_again() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.Mock()
        root.a  # noqa: B018 - made, then deleted
        del root.a
        return hasattr(root, "a"), root.b._mock_name

    assert_same(scenario)


def test_set_and_deleted_attributes_win_over_fresh_children() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.Mock()
        root.value = 5
        del root.gone
        return root.value, hasattr(root, "gone"), root.other._mock_new_name

    assert_same(scenario)


def test_a_getattr_set_on_the_class_later_is_used() -> None:
    def scenario(mock: Any) -> Any:
        class Sub(mock.Mock):
            pass

        old = Sub()
        made_before = old.early
        Sub.__getattr__ = lambda self, name: f"got {name}"
        return made_before._mock_name, old.late, Sub().fresh, old.early is made_before

    assert_same(scenario)


def test_a_getattribute_of_a_subclass_is_used() -> None:
    def scenario(mock: Any) -> Any:
        class Sub(mock.Mock):
            def __getattribute__(self, name: str) -> Any:
                if name == "special":
                    return "from __getattribute__"
                return super().__getattribute__(name)

        made = Sub()
        return made.special, made.plain._mock_name

    assert_same(scenario)


def test_an_init_set_on_a_base_later_is_used() -> None:
    def scenario(mock: Any) -> Any:
        class Sub(mock.Mock):
            pass

        Sub()

        def named_init(self: Any, /, *args: Any, **kwargs: Any) -> None:
            mock.Mock.__init__(self, *args, name="named", **kwargs)

        Sub.__init__ = named_init
        return repr(Sub()).split(" id=")[0], Sub().a._mock_new_name

    assert_same(scenario)


def test_init_arguments_still_take_the_full_path() -> None:
    def scenario(mock: Any) -> Any:
        made = mock.Mock(name="n", return_value=3, **{"a.b": 1})
        bad = None
        try:
            mock.Mock(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
        except TypeError as exc:
            bad = type(exc).__name__
        return repr(made).split(" id=")[0], made(), made.a.b, bad

    assert_same(scenario)


def test_calling_init_again_gives_a_fresh_state_as_the_stdlib() -> None:
    def scenario(mock: Any) -> Any:
        made = mock.Mock()
        made.a()
        made.__init__()
        return made.mock_calls, made.called, repr(made).split(" id=")[0]

    assert_same(scenario)


def test_threads_racing_for_one_child_all_get_it() -> None:
    root = turbomock.Mock()
    names = [f"n{i}" for i in range(50)]
    seen: list[list[Any]] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait(timeout=30)
        seen.append([getattr(root, name) for name in names])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(seen) == 8
    for got in seen:
        assert all(a is b for a, b in zip(got, seen[0]))
    assert [getattr(root, name) for name in names] == seen[0]


_OBSERVE = """
import turbomock
from turbomock._native import NATIVE
root = turbomock.MagicMock()
root.a.b(1)
kid = root.c.d
print(NATIVE is not None)
print(root.mock_calls, root.method_calls, sorted(root._mock_children))
print(kid._mock_name, kid._mock_new_name, repr(kid).split(' id=')[0], len(kid), bool(kid))
print(turbomock.NonCallableMock().x._mock_new_parent is not None, turbomock.AsyncMock().y)
"""


def test_the_native_and_pure_python_paths_agree() -> None:
    """The same observations from a process with the native core and one without."""

    def observe(pure: str) -> list[str]:
        env = dict(os.environ, TURBOMOCK_PURE_PYTHON=pure)
        out = subprocess.run(
            [sys.executable, "-c", _OBSERVE],
            env=env, capture_output=True, encoding="utf-8", timeout=60, check=True,
        ).stdout.splitlines()
        return [line.split(" id=")[0] if "id=" in line else line for line in out]

    native, pure = observe("0"), observe("1")
    assert pure[0] == "False"
    assert native[1:] == pure[1:]


_ENGINE_INITS_DELETED = """
from turbomock import NonCallableMagicMock, NonCallableMock
from turbomock._base import Base
del NonCallableMock.__init__
del Base.__init__
print(type(NonCallableMagicMock()).__mro__[1].__name__)
"""

_STATE_REPLACED_BY_A_NAME = """
import turbomock
from turbomock._base import set_state
from turbomock._state import new_state

m = turbomock.Mock()
turbomock.Mock().victim  # the name is seen before: the fast path takes it
armed = [True]

class Name(str):
    def __hash__(self):
        return str.__hash__("victim")

    def __eq__(self, other):
        if armed[0] and other == "victim":
            armed[0] = False
            set_state(m, new_state(None, None, None, ""))  # the old state goes
        return str.__eq__(self, other)

old = m._mock_children
old[Name("other")] = turbomock.Mock()  # a child key that collides with "victim"
victim = m.victim
print(repr(victim).split(" id=")[0], sorted(m._mock_children), "victim" in old)
"""


@pytest.mark.parametrize(
    "code",
    [_ENGINE_INITS_DELETED, _STATE_REPLACED_BY_A_NAME],
    ids=["no engine __init__ before object", "state replaced while looking a name up"],
)
def test_odd_code_gets_the_pure_python_outcome(code: str) -> None:
    """Code that deletes the engine's __init__, or replaces a mock's state from a
    name's ``__eq__``, gets what the Python code gives (these crashed the native
    core: a static type's missing namespace on 3.12+, a state freed while read);
    under the debug allocator, which poisons freed memory."""

    def outcome(pure: str) -> tuple[int, str]:
        env = dict(os.environ, TURBOMOCK_PURE_PYTHON=pure, PYTHONMALLOC="debug")
        proc = subprocess.run(
            [sys.executable, "-c", code],
            env=env, capture_output=True, encoding="utf-8", timeout=60, check=False,
        )
        last = (proc.stdout.strip().splitlines() or proc.stderr.strip().splitlines() or [""])[-1]
        return proc.returncode, last

    assert outcome("0") == outcome("1")


_STATE_FIELDS = (
    "parent", "name", "new_parent", "new_name", "pending", "magics", "return_value",
    "side_effect", "calls", "extra",
)


@needs_native
def test_new_state_is_the_native_one_and_builds_what_the_python_one_does() -> None:
    """With the native core on, every path makes its MockState with the C
    ``new_state`` (one construction for the C fast paths and the Python code): the
    same type and fields as the Python definition, which serves the pure-Python run."""
    from turbomock import _state

    assert _state.new_state is NATIVE.new_state  # type: ignore[union-attr]
    parent, name = turbomock.Mock(), "child"
    native = _state.new_state(parent, name, parent, "()")
    python = _state._new_state(parent, name, parent, "()")
    assert type(native) is type(python) is _state.MockState
    assert [getattr(native, f) for f in _STATE_FIELDS] == [
        getattr(python, f) for f in _STATE_FIELDS
    ]
    assert dict(native) == {}
    assert not native
    with pytest.raises(TypeError, match="exactly 4 arguments"):
        _state.new_state(parent, name)
