"""The native call of a plain mock (``src/turbomock/_fast_calls.c``).

It stands in for ``CallableMixin.__call__``'s fast path on pooled leaves: record
the call and give back the return value, without Python frames. What must hold:
calls made either way are recorded the same (differential tests against
``unittest.mock``; the same file runs in a process without the native core), it
steps aside whenever anything of the user's could run or differ (a side effect,
a spec, a hook or ``__call__`` of their own, a parent that is not plain), and no
call is lost to threads.
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


def _calls(m: Any) -> Any:
    return (m.called, m.call_count, m.call_args, m.call_args_list, m.mock_calls, m.method_calls)


def test_calls_along_a_chain_are_recorded_at_every_ancestor() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.MagicMock()
        leaf = root.a.b.c
        results = [leaf(1, x=2), leaf(), root.a(3), root(4), root.a.b.c.d.e(5)]
        root.a.b.c(*[6, 7], y=8)
        return [r is leaf.return_value for r in results[:2]], _calls(root), _calls(root.a), \
            _calls(leaf), _calls(root.a.b.c.d.e)

    assert_same(scenario)


def test_the_return_value_is_made_once_and_kept() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.Mock()
        first = m()
        m.return_value = 5
        set_later = m()
        del m.return_value
        again = m()
        n = mock.Mock(return_value=None)
        return (
            first is not None, repr(first).split(" id=")[0], first._mock_new_parent is m,
            set_later, again is not first, repr(again).split(" id=")[0], n(), n.call_count,
        )

    assert_same(scenario)


def call_from_c(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``PyObject_Call(func, args, kwargs)``: the dict itself reaches ``tp_call``."""
    import ctypes

    call = ctypes.pythonapi.PyObject_Call
    call.restype = ctypes.py_object
    call.argtypes = [ctypes.py_object, ctypes.py_object, ctypes.py_object]
    return call(func, args, kwargs)


def test_keyword_arguments_are_the_calls_own() -> None:
    """A dict passed with ``**`` and changed afterwards does not change the record;
    a key that is not a string fails as Python's binding fails."""

    def scenario(mock: Any) -> Any:
        m = mock.Mock()
        given = {"a": 1}
        m(**given)
        # (A C caller may pass its own dict: PyObject_Call, through ctypes.)
        call_from_c(m, (0,), given)
        given["a"] = 2
        given["b"] = 3
        failed = None
        try:
            m(**{1: 2})
        except TypeError as exc:
            failed = str(exc)
        return m.call_args, m.call_args_list, m.call_count, failed

    assert_same(scenario)


def test_each_call_gets_its_own_record() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.Mock()
        args = (1, 2)
        m(*args)
        m(*args)
        first, second = m.call_args_list
        return first is not second, first == second, first.args, m.call_args is second

    assert_same(scenario)


def test_what_makes_calls_take_the_python_path() -> None:
    """Each of these changes the call: the native path steps aside."""

    def scenario(mock: Any) -> Any:
        seen = []
        effect = mock.Mock(side_effect=[1, ValueError("v")])
        seen.append(effect())
        try:
            effect()
        except ValueError as exc:
            seen.append(str(exc))
        wrapped = mock.Mock(wraps=lambda x: x * 2)
        seen.append(wrapped(4))
        specced = mock.Mock(spec=lambda a: None)
        seen.append(repr(specced(1)).split(" id=")[0])
        parent = mock.Mock(spec=["child"])
        seen.append(parent.child(1) is parent.child.return_value)
        seen.append(parent.mock_calls)
        sealed = mock.Mock()
        sealed.a.return_value = 1
        mock.seal(sealed)
        seen.append(sealed.a())
        seen.append(_calls(sealed))

        class Hooked(mock.Mock):
            def _increment_mock_call(self, /, *args: Any, **kwargs: Any) -> None:
                seen.append(("increment", args))
                super()._increment_mock_call(*args, **kwargs)

            def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
                seen.append(("mock_call", args))
                return super()._mock_call(*args, **kwargs)

        hooked = Hooked()
        hooked(1)
        hooked.child(2)
        seen.append(_calls(hooked))

        class OwnReturn(mock.Mock):
            @property
            def return_value(self) -> Any:
                return "from the property"

        seen.append(OwnReturn()())
        return seen

    assert_same(scenario)


def test_a_call_set_on_the_class_is_used() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.Mock()
        m()
        type(m).__call__ = lambda self, *args: ("own", args)
        other = mock.Mock()
        return m(1), other(1) is other.return_value, m.call_count, other.call_count

    assert_same(scenario)


@needs_native
def test_the_call_is_native_until_the_class_changes() -> None:
    m = turbomock.Mock()
    assert "__call__" in NATIVE.fast_mocks_installed(type(m))  # type: ignore[union-attr]
    type(m).__call__ = lambda self: "own"
    assert "__call__" not in NATIVE.fast_mocks_installed(type(m))  # type: ignore[union-attr]
    assert m() == "own"


def test_reset_and_call_again() -> None:
    def scenario(mock: Any) -> Any:
        root = mock.Mock()
        root.a.b(1)
        root.reset_mock()
        root.a.b(2)
        root.a.reset_mock(return_value=True)
        first = root.a()
        root.a(3)
        return _calls(root), _calls(root.a), first is root.a.return_value

    assert_same(scenario)


def test_a_parent_that_is_no_mock_fails_as_the_stdlibs() -> None:
    def scenario(mock: Any) -> Any:
        child = mock.Mock(parent=5)
        try:
            child()
        except Exception as exc:
            return type(exc).__name__
        return "called"

    assert_same(scenario)


def test_threads_calling_fresh_chains_lose_no_call() -> None:
    """Eight threads calling the same fresh chain, each many times: every call is in
    every list (the first call's lists are made once, under the lock)."""
    per_thread = 200

    def work(leaf: Any, barrier: threading.Barrier) -> None:
        barrier.wait(timeout=30)
        for i in range(per_thread):
            leaf(i)

    for _ in range(20):
        root = turbomock.Mock()
        leaves = [root.a.b, root.a.c]
        barrier = threading.Barrier(8)
        threads = [
            threading.Thread(target=work, args=(leaves[i % 2], barrier)) for i in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        total = 8 * per_thread
        assert leaves[0].call_count + leaves[1].call_count == total
        assert len(root.mock_calls) == total
        assert len(root.a.method_calls) == total
        assert len(root.a.b.call_args_list) == len(root.a.b.mock_calls) == 4 * per_thread


_OBSERVE = """
import turbomock
root = turbomock.MagicMock()
root.a.b(1, k=2)
root.a(3)
root(4)
r = root.c()
print(root.mock_calls, root.method_calls, root.a.call_args_list)
print(repr(r).split(' id=')[0], r is root.c.return_value, root.c.call_count)
"""


def test_the_native_and_pure_python_calls_agree() -> None:
    def observe(pure: str) -> list[str]:
        env = dict(os.environ, TURBOMOCK_PURE_PYTHON=pure)
        return subprocess.run(
            [sys.executable, "-c", _OBSERVE],
            env=env, capture_output=True, encoding="utf-8", timeout=60, check=True,
        ).stdout.splitlines()

    assert observe("0") == observe("1")


_RESET_FROM_A_COLLECTION = """
import gc, turbomock as t
m = t.Mock(); st = m._mock_state
armed = [True]; first = [True]
def cb(phase, info):
    # A collection while the first call makes its lists resets the mock.
    if phase == 'start' and armed[0] and st.calls is not None and st.pending is None:
        armed[0] = False
        m.reset_mock()
    elif phase == 'stop' and first[0]:
        first[0] = False
        gc.set_threshold(1)
gc.callbacks.append(cb)
hold = [[] for _ in range(100)]  # empties the free lists: the next lists are allocated
gc.set_threshold(1)
m(1)
gc.set_threshold(700)
print("survived", m.call_count, m.mock_calls)
"""


def test_a_reset_run_by_a_collection_during_a_first_call() -> None:
    """A finalizer (here a gc callback) resetting the mock while its first call
    makes its lists: no memory is used after it is freed (the native core crashed
    under the debug allocator on 3.9-3.11), and the outcome is the Python code's."""

    def outcome(pure: str) -> tuple[int, str]:
        env = dict(os.environ, TURBOMOCK_PURE_PYTHON=pure, PYTHONMALLOC="debug")
        proc = subprocess.run(
            [sys.executable, "-c", _RESET_FROM_A_COLLECTION],
            env=env, capture_output=True, encoding="utf-8", timeout=60, check=False,
        )
        return proc.returncode, proc.stdout.strip() or proc.stderr.strip()[-300:]

    native = outcome("0")
    assert native[0] == 0, native
    assert native[1].startswith("survived ")


def test_two_threads_share_one_first_return_value() -> None:
    """One thread makes the return value on the Python path (paused inside the lock
    between reading it and storing its own), another calls through the native path
    meanwhile: both get the one stored, as the Python code promises."""
    import inspect

    from turbomock import _mock

    target = _mock.NonCallableMock._get_return_value
    lines, first = inspect.getsourcelines(target)
    store = first + next(i for i, text in enumerate(lines) if "st.return_value = fresh" in text)
    m = turbomock.Mock()
    turbomock.Mock()()  # the pool learns its "()" child pool
    children = type(m)._mock_pool.children.get("()")
    if children is not None:
        children.free.clear()  # the first thread: not handled natively, so Python
    paused, resume = threading.Event(), threading.Event()

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        if frame.f_code is not target.__code__:
            return None

        def local(frame: Any, event: str, arg: Any) -> Any:
            if event == "line" and frame.f_lineno == store and not paused.is_set():
                paused.set()
                # The other thread's call waits for the lock this one holds, so this
                # wait ends by its timeout: long enough for that call to start.
                resume.wait(1)
            return local

        return local

    got: dict[str, Any] = {}

    def python_path() -> None:
        sys.settrace(tracer)
        try:
            got["a"] = m()
        finally:
            sys.settrace(None)

    def other() -> None:
        paused.wait(5)
        got["b"] = m()
        resume.set()

    threads = [threading.Thread(target=python_path), threading.Thread(target=other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert got["a"] is got["b"] is m.return_value
    assert m.call_count == 2


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "AsyncMock"])
def test_a_call_hook_set_on_the_mock_itself_is_used(kind: str) -> None:
    """``m._mock_call = f`` (and the other hooks): the stdlib's call looks them up
    on the mock, so the instance's wins; deleted, the class's is back."""

    def scenario(mock: Any) -> Any:
        seen = []
        for hook in ("_mock_call", "_execute_mock_call", "_increment_mock_call",
                     "_mock_check_sig"):
            m = getattr(mock, kind)()
            child = m.child()
            if hasattr(child, "close"):
                child.close()
            setattr(m, hook, lambda *args, **kwargs: ("hooked", args))
            result = m(1)
            if hasattr(result, "close"):
                result.close()
                result = "a coroutine"
            seen.append((hook, result, m.call_count))
            delattr(m, hook)
            after = m(2)
            if hasattr(after, "close"):
                after.close()
            seen.append(m.call_count)
        return seen

    assert_same(scenario)


def test_the_first_return_value_of_a_specced_mock() -> None:
    """The native core makes it for a specced mock too (no delegate, wraps,
    ``_spec_asyncs`` or seal); each of those takes the Python path."""

    def scenario(mock: Any) -> Any:
        def f(a: Any) -> Any:
            return a

        seen = []
        plain = mock.Mock(spec=f)
        seen.append(repr(plain.return_value).split(" id=")[0])
        seen.append(plain.return_value is plain(1))
        magic = mock.MagicMock(spec=["x"])
        seen.append(repr(magic()).split(" id=")[0])
        sealed = mock.Mock(spec=f)
        mock.seal(sealed)
        try:
            sealed.return_value  # noqa: B018 - the outcome is compared
        except AttributeError as exc:
            seen.append(str(exc))
        wrapping = mock.Mock(spec=f, wraps=f)
        seen.append(wrapping(5))
        asyncs = mock.Mock(spec=f)
        asyncs._spec_asyncs = ["()"]
        seen.append(type(asyncs.return_value).__name__)
        auto = mock.create_autospec(f)
        seen.append(auto.return_value is auto(1))
        return seen

    assert_same(scenario)


def test_hooks_set_on_a_mock_class_after_calls_are_used() -> None:
    """The native paths keep their verdict on a pool's class only while its version
    tag (and so every base) is unchanged: hooks, ``return_value`` and
    ``_get_child_mock`` set on a user's mock class after mocks of it were used
    take effect at once, as with the stdlib."""

    def scenario(mock: Any) -> Any:
        class Sub(mock.Mock):
            pass

        first = Sub()
        seen = [repr(first(1)).split(" id=")[0], repr(first.a).split(" id=")[0]]
        Sub._mock_call = lambda self, *args, **kwargs: ("hooked", args)
        second = Sub()
        seen += [first(2), second(3), first.call_count, second.call_count]
        del Sub._mock_call
        Sub.return_value = property(lambda self: "property")
        seen += [Sub()(4), first(5)]
        del Sub.return_value
        Sub._get_child_mock = lambda self, **kwargs: "made by hand"
        seen += [Sub().fresh, first.other]
        return seen

    assert_same(scenario)
