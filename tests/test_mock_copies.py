"""Magic methods of a mock's copies (``copy.copy``/``copy.deepcopy``), against the
stdlib's, whose copy is an instance of a class derived from the original's: it
inherits what the original's class holds when a method is looked up, holds the
original's configured methods as instance attributes from the copy, and keeps
what is set on it to itself (``_magic_slots.settle_copy``, ``MagicSlot.__get__``)."""

from __future__ import annotations

import copy
from typing import Any, Callable

import pytest

from engine_support import Trace, assert_same, outcome

COPIERS = pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])


def steps(*operations: Callable[[], Any]) -> Trace:
    return Trace(outcome(op) for op in operations)


def kind_of(value: Any) -> str:
    return type(value).__name__


@COPIERS
def test_set_on_the_original_after_the_copy(copier: Any) -> None:
    """The copy inherits it from the original's class: a function there is a method
    of the copy, called with the copy."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copier(m)
        m.__len__ = lambda self: 7 if self is c else 8
        return steps(
            lambda: len(c), lambda: len(m), lambda: kind_of(c.__len__),
            lambda: c.__len__(), lambda: "__len__" in dir(c), lambda: "__len__" in dir(m),
        )

    assert_same(scenario)


@pytest.mark.parametrize("kind", ["Mock", "MagicMock", "NonCallableMagicMock", "AsyncMock"])
def test_set_on_the_copy_stays_the_copys(kind: str) -> None:
    """Set on the copy, a method is the copy's alone (the stdlib sets it on the copy's
    own class); deleted there, the original's shows through again."""

    def scenario(mod: Any) -> Any:
        m = getattr(mod, kind)()
        c = copy.copy(m)
        out = [outcome(lambda: (bool(c), bool(m)))]
        c.__bool__ = lambda self: False
        c.__len__ = mod.Mock(return_value=3)
        out += steps(
            lambda: (bool(c), bool(m)), lambda: len(c), lambda: len(m),
            lambda: c.__len__ is m.__len__, lambda: "__bool__" in dir(m),
        )
        del c.__bool__
        del c.__len__
        out += steps(
            lambda: (bool(c), bool(m)), lambda: len(c), lambda: len(m),
            lambda: "__len__" in dir(c), lambda: delattr(c, "__len__"),
        )
        return Trace(out)

    assert_same(scenario)


def test_a_default_used_through_the_copy_is_the_originals() -> None:
    """A default method first used through a copy is made for the original (the
    stdlib's class-level proxy names it); deleting it on the copy marks the shared
    child deleted, and leaves the original's method in place."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copy.copy(m)
        c == 1  # noqa: B015
        out = [outcome(lambda: (m.mock_calls, c.mock_calls, m.__eq__.call_count))]
        del c.__eq__
        out += steps(
            lambda: ("__eq__" in dir(c), "__eq__" in dir(m)), lambda: c == 1, lambda: m == 1,
            lambda: m.__eq__, lambda: c.__eq__,
        )
        return Trace(out)

    assert_same(scenario)


def test_methods_set_before_the_copy() -> None:
    """Set before the copy: the copy's attribute is the original's configured method
    (an instance attribute it copied), its implicit use the class's, with the copy."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        m.__len__ = lambda self: 21 if self is m else 22
        c = copy.copy(m)
        out = list(steps(lambda: len(c), lambda: c.__len__()))
        m.__len__ = lambda self: 23
        out += steps(lambda: len(c), lambda: c.__len__())
        c.__len__ = lambda self: 24
        out += steps(lambda: len(c), lambda: len(m))
        del c.__len__
        out += steps(
            lambda: len(c), lambda: c.__len__(), lambda: ("__len__" in dir(c), "__len__" in dir(m)),
            lambda: delattr(c, "__len__"),
        )
        return Trace(out)

    assert_same(scenario)


def test_deleted_on_the_original_after_the_copy() -> None:
    """Gone from the original's class, it is gone for the copy too: Python's own
    TypeError for the operation."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copy.copy(m)
        len(c)
        c.__len__.return_value = 4
        out = list(steps(lambda: len(m)))
        del m.__len__
        out += steps(lambda: len(c), lambda: len(m), lambda: hasattr(c, "__len__"))
        return Trace(out)

    assert_same(scenario)


def test_a_plain_mock_given_a_method_after_the_copy() -> None:
    """A Mock (no magic methods) copied, then given one: the copy inherits it."""

    def scenario(mod: Any) -> Any:
        m = mod.Mock()
        c = copy.copy(m)
        m.__len__ = lambda self: 13 if self is c else 14
        out = list(steps(lambda: len(c), lambda: len(m), lambda: kind_of(c.__len__)))
        del m.__len__
        out += steps(lambda: len(c))
        return Trace(out)

    assert_same(scenario)


def test_class_level_access_through_a_copys_class() -> None:
    """``type(copy).__len__`` is what the original's class holds, or the copy's own;
    deleting it from the copy's class works only for its own."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copy.copy(m)
        out = [outcome(lambda: kind_of(type(c).__len__))]
        m.__len__ = lambda self: 3
        out += steps(
            lambda: kind_of(type(c).__len__), lambda: "__len__" in type(c).__dict__,
            lambda: delattr(type(c), "__len__"), lambda: len(c),
        )
        c.__len__ = lambda self: 4
        out += steps(
            lambda: kind_of(type(c).__len__), lambda: delattr(type(c), "__len__"),
            lambda: len(c), lambda: c.__len__(),
        )
        return Trace(out)

    assert_same(scenario)


@pytest.mark.parametrize("kind", ["Mock", "MagicMock"])
def test_deleting_a_method_from_the_class_leaves_the_instance_attribute(kind: str) -> None:
    """``del type(m).__len__`` after ``m.__len__ = f``: the stdlib's mock still holds
    ``f``'s wrapper as an instance attribute; the operation fails."""

    def scenario(mod: Any) -> Any:
        out = []
        for value in (lambda self: 5, mod.Mock(return_value=6)):
            m = getattr(mod, kind)()
            m.__len__ = value
            out += Trace(
                outcome(step, m)
                for step in (
                    lambda m: delattr(type(m), "__len__"), len, lambda m: m.__len__(),
                    lambda m: "__len__" in dir(m),
                )
            )
        return Trace(out)

    assert_same(scenario)


def test_add_spec_on_a_copy() -> None:
    """``mock_add_spec`` on a copy edits only the copy's class: the original's
    configured methods stay inherited where the spec lacks them."""

    def scenario(mod: Any) -> Any:
        def f() -> None:
            pass

        h = mod.mock_open(read_data="x")()
        c = copy.copy(h)
        c.mock_add_spec(f)
        out = [outcome(lambda: "__enter__" in dir(c))]
        out.append(outcome(lambda: c.__enter__() is h.__enter__()))
        m = mod.MagicMock()
        c = copy.copy(m)
        c.mock_add_spec([])
        out += steps(lambda: len(c), lambda: len(m))
        m = mod.MagicMock()
        c = copy.copy(m)
        m.mock_add_spec([])
        out += steps(lambda: len(c), lambda: str(c) == str(m))
        return Trace(out)

    assert_same(scenario)


def test_copies_of_copies() -> None:
    """A copy of a copy inherits through both classes."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        c = copy.copy(m)
        cc = copy.copy(c)
        m.__len__ = lambda self: 11
        out = list(steps(lambda: len(cc)))
        cc.__len__ = lambda self: 12
        out += steps(lambda: len(c), lambda: len(m), lambda: len(cc))
        c.__len__ = lambda self: 31
        del cc.__len__
        out += steps(lambda: len(cc))
        del c.__len__
        out += steps(lambda: len(cc), lambda: len(c))
        return Trace(out)

    assert_same(scenario)


def test_deepcopy_configured_and_defaults() -> None:
    """A deep copy's configured methods are copies (its attributes); its implicit
    use goes through the original's class, as the stdlib's."""

    def scenario(mod: Any) -> Any:
        m = mod.MagicMock()
        m.__str__.return_value = "x"
        d = copy.deepcopy(m)
        out = list(steps(lambda: str(d), lambda: d.__str__ is m.__str__))
        d.__str__.return_value = "y"
        out += steps(lambda: (str(m), str(d)), lambda: d.__str__())
        d.__len__ = lambda self: 2
        out += steps(lambda: len(m), lambda: len(d))
        return Trace(out)

    assert_same(scenario)


def test_a_deep_copy_keeps_a_deleted_method_calls_deleted() -> None:
    """``del m.method_calls`` leaves a marker in the mock's book, compared by
    identity: a deep copy must hold the marker itself (it held a copy of it, and
    ``method_calls`` read back the copy). Found by the fuzzer (3.13, seed 303)."""

    def scenario(impl: Any) -> Any:
        seen = []

        def read(m: Any) -> Any:
            try:
                return repr(m.method_calls)
            except AttributeError as exc:
                return f"AttributeError: {exc}"

        root = impl.MagicMock()
        del root.x.method_calls
        twin = copy.deepcopy(root)
        seen += [read(twin.x), read(root.x)]
        booked = impl.NonCallableMagicMock(name="sub")
        del booked.method_calls
        twin = copy.deepcopy(booked)
        seen.append(read(twin))
        try:
            twin.y()
        except AttributeError as exc:
            seen.append(f"call: AttributeError: {exc}")
        seen.append(read(twin))
        return seen

    assert_same(scenario)


def test_a_copy_of_an_autospecced_mock_holds_the_walks_function_children() -> None:
    """The stdlib's walk leaves every spec function's child in the mock's
    ``__dict__``, which ``copy.copy`` copies: deleted through the original (which
    marks the shared children), the copy still has it, and the other way round.
    (Found by the fuzzer, 3.13 seed 915.)"""

    def scenario(impl: Any) -> Any:
        class Klass:
            attr = 1

            def meth(self, a: Any, b: Any = 2) -> Any:
                return a

            def other(self) -> None: ...

        seen = []
        for instance in (False, True):
            original = impl.create_autospec(Klass, instance=instance)
            twin = copy.copy(original)
            del original.meth
            reads = [(twin, "meth"), (original, "meth"), (twin, "other"), (twin, "attr"),
                     (original, "other")]
            for owner, attribute in reads:
                try:
                    seen.append(repr(getattr(owner, attribute)).split(" id=")[0])
                except AttributeError as exc:
                    seen.append(f"AttributeError: {exc}")
            # (Of the spec's names: the stdlib's __dict__ holds its bookkeeping too.)
            seen.append(sorted(name for name in vars(twin) if name in ("meth", "other", "attr")))
            twin.meth(1)
            seen.append(twin.meth.call_args_list)
        return seen

    assert_same(scenario)


class _SizedSpec:
    def __len__(self) -> int:
        return 1

    def size(self) -> int:
        return 1


@pytest.mark.parametrize("spec", [_SizedSpec, ["size", "__len__"]], ids=["class", "list"])
def test_a_shallow_copy_shares_the_spec_names_list(spec: Any) -> None:
    """The stdlib's copy shares the original's ``_mock_methods`` list: a name either
    appends to it is listed and reachable on both (fuzzer, 3.10 seed 1022: with a
    class spec turbomock made each mock its own list on first read)."""

    def scenario(mod: Any) -> Any:
        original = mod.NonCallableMock(spec=list(spec) if isinstance(spec, list) else spec)
        clone = copy.copy(original)
        shared = clone._mock_methods is original._mock_methods
        clone._mock_methods.append("added")
        return (
            shared, "added" in dir(original), "added" in dir(clone),
            hasattr(original, "added"), hasattr(clone, "added"),
        )

    assert_same(scenario)
