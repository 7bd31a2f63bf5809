"""``patch.dict``: keys set for a while, and the mapping put back exactly afterwards."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import OrderedDict
from typing import Any

import pytest

import patch_support
from engine_support import outcome
from patch_support import STDLIB, TURBO

# Fixtures, imported for pytest to find (the alias marks them used).
from patch_support import mock_fixture as mock_fixture

MOD = "patch_support"
PY310 = sys.version_info >= (3, 10)


class Container:
    """The documentation's minimal mapping: item access and iteration, no methods."""

    def __init__(self, **values: Any) -> None:
        self.values = dict(values)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __setitem__(self, name: str, value: Any) -> None:
        self.values[name] = value

    def __delitem__(self, name: str) -> None:
        del self.values[name]

    def __iter__(self) -> Any:
        return iter(self.values)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(({"b": 3, "c": 4},), {}), (([("b", 3), ("c", 4)],), {}), ((), {"b": 3, "c": 4}),
     (({"b": 3},), {"c": 4})],
    ids=["mapping", "pairs", "keywords", "both"],
)
def test_values_are_set_for_the_duration(mock: Any, args: Any, kwargs: Any) -> None:
    """Values given as a mapping, pairs or keywords are all set, then undone."""
    d = {"a": 1, "b": 2}
    with mock.patch.dict(d, *args, **kwargs) as patched:
        assert patched is d
        assert d == {"a": 1, "b": 3, "c": 4}
    assert d == {"a": 1, "b": 2}


def test_clear_empties_the_dict_first(mock: Any) -> None:
    """clear=True leaves only the given values during the patch."""
    d = {"a": 1, "b": 2}
    with mock.patch.dict(d, {"c": 3}, clear=True):
        assert d == {"c": 3}
    assert d == {"a": 1, "b": 2}


def test_changes_made_during_the_patch_are_undone_in_order(mock: Any) -> None:
    """Whatever the code did to the dict, it ends as it began, key order included."""
    d = {"a": 1, "b": 2, "c": 3}
    with mock.patch.dict(d, {"b": 20}):
        del d["a"]
        d["z"] = 26
        d["c"] = 30
    assert list(d.items()) == [("a", 1), ("b", 2), ("c", 3)]


def test_ordered_dict_order_is_kept(mock: Any) -> None:
    """An OrderedDict is restored in its original order."""
    d = OrderedDict([("x", 1), ("y", 2)])
    with mock.patch.dict(d, {"a": 0}):
        d.move_to_end("x")
        assert list(d) == ["y", "a", "x"]
    assert list(d.items()) == [("x", 1), ("y", 2)]


def test_a_dotted_name_is_imported_on_start(mock: Any) -> None:
    """A string target names the dict; it is fetched when the patch starts."""
    with mock.patch.dict(f"{MOD}.CONFIG", {"c": 3}) as patched:
        assert patched is patch_support.CONFIG
        assert patch_support.CONFIG == {"a": 1, "b": 2, "c": 3}
    assert patch_support.CONFIG == {"a": 1, "b": 2}


def test_os_environ_can_be_patched(mock: Any) -> None:
    """os.environ, a mapping with its own copy(), is patched and restored."""
    before = dict(os.environ)
    with mock.patch.dict("os.environ", {"TURBOMOCK_TEST_VAR": "1"}):
        assert os.environ["TURBOMOCK_TEST_VAR"] == "1"
    assert dict(os.environ) == before


def test_a_mapping_without_methods_is_patched_item_by_item(mock: Any) -> None:
    """A container with only item access and iteration is handled by the fallbacks."""
    thing = Container(one=1)
    with mock.patch.dict(thing, one=2, two=3):
        assert (thing["one"], thing["two"]) == (2, 3)
    assert thing.values == {"one": 1}
    with mock.patch.dict(thing, {"three": 3}, clear=True):
        assert thing.values == {"three": 3}
    assert thing.values == {"one": 1}


def test_values_are_copied_when_the_patch_is_made(mock: Any) -> None:
    """Changing the values mapping afterwards does not change the patch."""
    values = {"a": 1}
    patcher = mock.patch.dict({}, values)
    values["a"] = 2
    with patcher as d:
        assert d == {"a": 1}


def test_decorator_patches_around_each_call(mock: Any) -> None:
    """As a decorator, the dict is patched for each call and restored after."""
    d = {"a": 1}

    @mock.patch.dict(d, b=2)
    def test(x: int) -> dict[str, int]:
        return dict(d, x=x)

    assert test(1) == {"a": 1, "b": 2, "x": 1}
    assert test(2) == {"a": 1, "b": 2, "x": 2}
    assert d == {"a": 1}


def test_decorator_restores_when_the_function_raises(mock: Any) -> None:
    """An exception in the decorated function still restores the dict."""
    d = {"a": 1}

    @mock.patch.dict(d, a=2)
    def test() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        test()
    assert d == {"a": 1}


def test_async_decorator_spans_the_awaited_body() -> None:
    """On 3.10+ an async def gets an async wrapper; 3.9 wraps it synchronously."""

    def run(mock: Any) -> Any:
        d = {"a": 1}

        @mock.patch.dict(d, a=2)
        async def test() -> dict[str, int]:
            await asyncio.sleep(0)
            return dict(d)

        import inspect

        return inspect.iscoroutinefunction(test), asyncio.run(test()), d

    assert run(TURBO) == run(STDLIB)
    if PY310:
        assert run(TURBO) == (True, {"a": 2}, {"a": 1})


def test_class_decorator_wraps_test_methods(mock: Any) -> None:
    """As a class decorator, only methods with the test prefix are wrapped."""
    d = {"a": 1}

    @mock.patch.dict(d, a=2)
    class Case:
        def test_one(self) -> dict[str, int]:
            return dict(d)

        def other(self) -> dict[str, int]:
            return dict(d)

    assert Case().test_one() == {"a": 2}
    assert Case().other() == {"a": 1}


def test_class_decorator_honours_test_prefix(mock: Any) -> None:
    """patch.TEST_PREFIX also steers patch.dict's class decorator."""
    d = {"a": 1}
    with mock.patch.object(mock.patch, "TEST_PREFIX", "bar"):

        @mock.patch.dict(d, a=2)
        class Case:
            def bar_one(self) -> dict[str, int]:
                return dict(d)

            def test_one(self) -> dict[str, int]:
                return dict(d)

    assert Case().bar_one() == {"a": 2}
    assert Case().test_one() == {"a": 1}


def test_start_returns_the_dict_and_stop_restores(mock: Any) -> None:
    """start() patches and returns the dict; stop() restores it."""
    d = {"a": 1}
    patcher = mock.patch.dict(d, b=2)
    assert patcher.start() is d
    assert d == {"a": 1, "b": 2}
    assert patcher.stop() is False
    assert d == {"a": 1}


def test_stop_without_start_returns_none_and_changes_nothing(mock: Any) -> None:
    """Stopping an unstarted dict patch is a no-op returning None."""
    d = {"a": 1}
    patcher = mock.patch.dict(d, {"b": 2}, clear=True)
    assert patcher.stop() is None
    assert d == {"a": 1}


def test_exit_without_enter_changes_nothing(mock: Any) -> None:
    """__exit__ on a patch that never started leaves the dict alone."""
    d = {"a": 1}
    assert mock.patch.dict(d, a=2).__exit__(None, None, None) is False
    assert d == {"a": 1}


def test_exiting_twice_restores_the_same_snapshot() -> None:
    """A second __exit__ puts the snapshot back again, as the stdlib does."""

    def run(mock: Any) -> Any:
        d = {"a": 1}
        patcher = mock.patch.dict(d, a=2)
        patcher.__enter__()
        patcher.__exit__(None, None, None)
        d["late"] = True
        return outcome(lambda: patcher.__exit__(None, None, None)), d

    assert run(TURBO) == run(STDLIB) == (outcome(lambda: False), {"a": 1})


def test_nested_patches_of_one_dict_unwind_in_order(mock: Any) -> None:
    """Two patches of the same dict, nested, each put back what they found."""
    d = {"a": 1}
    with mock.patch.dict(d, a=2):
        with mock.patch.dict(d, b=3):
            assert d == {"a": 2, "b": 3}
        assert d == {"a": 2}
    assert d == {"a": 1}


def test_attributes_match_the_stdlib(mock: Any) -> None:
    """in_dict, values and clear are exposed under the stdlib's names."""
    d: dict[str, int] = {}
    patcher = mock.patch.dict(d, {"a": 1}, clear=True, b=2)
    assert (patcher.in_dict, patcher.values, patcher.clear) == (d, {"a": 1, "b": 2}, True)
    assert isinstance(patcher, mock._patch_dict)


class OddDict(dict):  # type: ignore[type-arg]
    """A dict subclass whose keys() and iteration disagree with its contents."""

    def keys(self) -> Any:
        return ["only"]

    def __iter__(self) -> Any:
        return iter(["only"])

    def __getitem__(self, key: Any) -> Any:
        return "from getitem"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(({"b": 3, "a": 4},), {}), (([("b", 3), ("a", 4)],), {}), ((), {"b": 3, "a": 4}),
     (({"b": 3},), {"a": 4}), (({"b": 3},), {"b": 5}), ((OddDict(x=1, y=2),), {}),
     ((OrderedDict([("z", 0), ("y", 1)]),), {}), (([("a", 1, 2)],), {}), ((5,), {}),
     (({"b": 3}, False), {"values": 1})],
    ids=["dict", "pairs", "keywords", "dict-and-keywords", "keyword-overrides",
         "dict-subclass", "ordered-dict", "bad-pair", "not-iterable", "values-twice"],
)
def test_values_copy_matches_the_stdlib(args: Any, kwargs: Any) -> None:
    """patch.dict's values: same contents, order, type and errors as the stdlib's."""
    source = args[0] if args else None

    def run(mock: Any) -> Any:
        def values() -> Any:
            got = mock.patch.dict({}, *args, **kwargs).values
            return type(got), list(got.items()), got is source

        return outcome(values)

    assert run(TURBO) == run(STDLIB)


@pytest.mark.parametrize("exit_args", [(), (None,), (None, None, None), (1, 2, 3, 4)])
def test_exit_takes_any_positional_arguments(exit_args: tuple[Any, ...]) -> None:
    """__exit__ takes any number of positional arguments, like the stdlib's ``*args``."""

    def run(mock: Any) -> Any:
        d = {"a": 1}
        patcher = mock.patch.dict(d, a=2, b=3)
        patcher.__enter__()
        return outcome(lambda: patcher.__exit__(*exit_args)), list(d.items())

    assert run(TURBO) == run(STDLIB) == (outcome(lambda: False), [("a", 1)])


MUTATIONS = {
    "nothing": lambda d: None,
    "set-patched-key": lambda d: d.__setitem__("b", 99),
    "delete-patched-key": lambda d: d.__delitem__("b"),
    "delete-and-readd": lambda d: (d.pop("a", None), d.__setitem__("a", 1)),
    "equal-not-identical": lambda d: d.__setitem__("a", True),
    "add-key": lambda d: d.__setitem__("z", 26),
    "clear": lambda d: d.clear(),
    "grow-past-resize": lambda d: d.update((f"k{i}", i) for i in range(40)),
    "pop-all-then-refill": lambda d: [d.__setitem__(k, d.pop(k)) for k in list(d)],
}


@pytest.mark.parametrize("clear", [False, True], ids=["keep", "clear"])
@pytest.mark.parametrize("mutate", list(MUTATIONS.values()), ids=list(MUTATIONS))
def test_plain_dict_ends_exactly_as_the_stdlib_leaves_it(mutate: Any, clear: bool) -> None:
    """Whatever the body does, the dict's items, order and value objects match the stdlib's."""
    known = {"one": object(), "three": [3], "two": [2]}
    label = {id(v): name for name, v in known.items()}

    def run(mock: Any) -> Any:
        d = {"a": 1, "b": known["one"], "c": known["three"]}
        with mock.patch.dict(d, {"b": known["two"], "new": 4}, clear=clear) as patched:
            during = [(k, label.get(id(v), v)) for k, v in patched.items()]
            mutate(d)
        return during, [(k, type(v), label.get(id(v), v)) for k, v in d.items()]

    assert run(TURBO) == run(STDLIB)



@pytest.mark.parametrize("clear", [False, True], ids=["keep", "clear"])
@pytest.mark.parametrize("mutate", list(MUTATIONS.values()), ids=list(MUTATIONS))
def test_decorated_plain_dict_ends_exactly_as_the_stdlib_leaves_it(
    mutate: Any, clear: bool
) -> None:
    """The decorator's path: items, order and value objects match the stdlib's, twice over."""
    known = {"one": object(), "three": [3], "two": [2]}
    label = {id(v): name for name, v in known.items()}

    def run(mock: Any) -> Any:
        d = {"a": 1, "b": known["one"], "c": known["three"]}

        @mock.patch.dict(d, {"b": known["two"], "new": 4}, clear=clear)
        def body() -> Any:
            during = [(k, label.get(id(v), v)) for k, v in d.items()]
            mutate(d)
            return during

        first, second = body(), body()
        return first, second, [(k, type(v), label.get(id(v), v)) for k, v in d.items()]

    assert run(TURBO) == run(STDLIB)


@pytest.mark.parametrize(
    ("values", "original"),
    [([("b", 2)], [("a", 0)]), (OddDict(x=1), OddDict(y=2)), (5, {"a": 0}), ({"b": 2}, None),
     ({"b": 2}, 7)],
    ids=["pairs", "dict-subclass", "values-not-iterable", "original-none", "original-bad"],
)
def test_reassigned_values_and_snapshot_behave_as_in_the_stdlib(values: Any, original: Any) -> None:
    """values and _original set by hand are applied with dict.update's rules and errors."""

    def run(mock: Any) -> Any:
        d = {"a": 1}
        patcher = mock.patch.dict(d)
        patcher.values = values
        entered = outcome(patcher.__enter__)
        during = list(d.items())
        patcher._original = original
        exited = outcome(lambda: patcher.__exit__(None, None, None))
        return entered, during, exited, list(d.items())

    assert run(TURBO) == run(STDLIB)


# -- the plain-dict hot path (native core, or its pure-Python fallback) -----------------


class _Falsy:
    """A ``clear`` whose truth can't be told."""

    def __bool__(self) -> bool:
        raise ValueError("no truth")


def _scenario(mod: Any, case: str) -> Any:
    d = {"a": 1, "b": 2}
    if case == "values reassigned to pairs":
        p = mod.patch.dict(d, {"b": 3})
        p.values = [("c", 4)]
        with p as got:
            during = dict(got)
        return during, d
    if case == "values reassigned to a mapping without keys":
        p = mod.patch.dict(d)
        p.values = Container(c=5)
        return outcome(p.__enter__), d
    if case == "target reassigned to a name":
        p = mod.patch.dict({}, {"TURBOMOCK_TEST_KEY": "1"})
        p.in_dict = "os.environ"
        with p as got:
            during = got is os.environ, os.environ["TURBOMOCK_TEST_KEY"]
        return during, "TURBOMOCK_TEST_KEY" in os.environ
    if case == "clear positional":
        with mod.patch.dict(d, {"c": 3}, True):
            during = dict(d)
        return during, d
    if case == "clear whose truth raises":
        p = mod.patch.dict(d, {"c": 3}, _Falsy())
        return outcome(p.__enter__), d
    if case == "dict subclass target":
        od = OrderedDict(d)
        with mod.patch.dict(od, {"c": 3}) as got:
            during = got is od, list(od.items())
        return during, list(od.items())
    if case == "dict subclass values":
        with mod.patch.dict(d, OrderedDict(c=3)):
            during = dict(d)
        return during, d
    if case == "snapshot reassigned":
        p = mod.patch.dict(d, {"c": 3})
        p.__enter__()
        p._original = [("z", 26)]
        return outcome(lambda: p.__exit__(None, None, None)), d
    if case == "snapshot deleted":
        p = mod.patch.dict(d, {"c": 3})
        p.__enter__()
        del p._original
        # The type only: the text names the slot or the class differently by version.
        return outcome(lambda: p.__exit__()).exc_type, d
    if case == "exit before enter":
        p = mod.patch.dict(d, {"c": 3})
        return p.__exit__(None, None, None), d
    if case == "entered twice":
        p = mod.patch.dict(d, {"c": 3})
        p.__enter__()
        d["x"] = 0
        p.__enter__()
        p.__exit__()
        return d
    if case == "a key rebinds the patcher during the update":
        holder: list[Any] = []

        class Key:
            def __hash__(self) -> int:
                return 1

            def __eq__(self, other: object) -> bool:
                if holder:  # Python code run mid-update drops the patcher's values
                    patcher = holder.pop()
                    patcher.values = {}
                    patcher.clear = True
                return self is other

        first, second = Key(), Key()
        target = {first: "old"}
        p = mod.patch.dict(target, {second: "new"})
        holder.append(p)
        with p as got:
            during = sorted(got.values())
        return during, list(target.values()), p.values, p.clear
    if case == "bad calls":
        return (
            outcome(lambda: mod.patch.dict()),
            outcome(lambda: mod.patch.dict(d, {}, False, "extra")),
            outcome(lambda: mod.patch.dict(d, 5)),
            outcome(lambda: mod.patch.dict(d, clear=True, values={"c": 1}).values),
        )
    if case == "attributes":
        p = mod.patch.dict(d, {"c": 3})
        before = (p.in_dict is d, p.values, p.clear, p._original)
        p.__enter__()
        after = p._original
        p.__exit__()
        return before, after
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case",
    [
        "values reassigned to pairs",
        "values reassigned to a mapping without keys",
        "target reassigned to a name",
        "clear positional",
        "clear whose truth raises",
        "dict subclass target",
        "dict subclass values",
        "snapshot reassigned",
        "snapshot deleted",
        "exit before enter",
        "entered twice",
        "bad calls",
        "attributes",
        "a key rebinds the patcher during the update",
    ],
)
def test_hot_path_edges_match_the_stdlib(case: str) -> None:
    """Whatever the fast path does not cover reaches the general one, as the
    stdlib would: same results, same errors."""
    assert _scenario(TURBO, case) == _scenario(STDLIB, case)


def test_a_subclass_overriding_the_patch_steps_is_called_on_a_plain_dict(mock: Any) -> None:
    """``__enter__``/``__exit__`` go through ``_patch_dict``/``_unpatch_dict``, so a
    subclass overriding them sees every patch, as with the stdlib."""
    seen: list[str] = []

    class Logged(mock._patch_dict):
        def _patch_dict(self) -> None:
            seen.append("patch")
            super()._patch_dict()

        def _unpatch_dict(self) -> None:
            seen.append("unpatch")
            super()._unpatch_dict()

    d = {"a": 1}
    with Logged(d, {"b": 2}):
        assert d == {"a": 1, "b": 2}
    assert d == {"a": 1}
    assert seen == ["patch", "unpatch"]


def test_native_core_is_used_when_built() -> None:
    """With the compiled core importable (and not switched off), patch.dict runs on it."""
    import importlib.util

    from turbomock import _native, _patch_mapping

    pure = os.environ.get("TURBOMOCK_PURE_PYTHON", "") not in ("", "0")
    built = importlib.util.find_spec("turbomock._speedups") is not None
    if pure or not built:
        assert _native.NATIVE is None
        assert _patch_mapping._patch_dict.__mro__[1] is _patch_mapping._PurePatchDictCore
    else:
        assert _native.NATIVE is not None
        assert _patch_mapping._patch_dict.__mro__[1] is _native.NATIVE.PatchDictCore
