"""An autospecced mock's children follow its spec as it was when the mock was made,
whatever changes in the spec before they are first used (the stdlib reads every
attribute up front; turbomock builds children on first use)."""

from __future__ import annotations

import sys
import types
from typing import Any, Callable

import pytest

from engine_support import assert_same, outcome


def _spec_class(mod: Any) -> Any:
    class Meta(type):
        pass

    class K(metaclass=Meta):
        x = 1

        def meth(self, a: Any) -> None:
            pass

        @classmethod
        def cmeth(cls, a: Any) -> None:
            pass

        @staticmethod
        def smeth(a: Any) -> None:
            pass

        @property
        def prop(self) -> int:
            return 1

    return K


def _replace(K: Any) -> None:
    K.meth = lambda self, a, b: None
    K.cmeth = staticmethod(lambda: None)
    K.smeth = lambda self, a, b, c: None
    K.x = "text"
    K.prop = 5
    K.added = 2


_USES: dict[str, Callable[[Any], Any]] = {
    "meth(1)": lambda m: m.meth(1),
    "meth(1, 2)": lambda m: m.meth(1, 2),
    "cmeth(1)": lambda m: m.cmeth(1),
    "smeth(1)": lambda m: m.smeth(1),
    "x": lambda m: m.x,
    "prop": lambda m: m.prop,
    "added": lambda m: m.added,
    "instance meth(1)": lambda m: m().meth(1),
    "instance meth(1, 2)": lambda m: m().meth(1, 2),
}


@pytest.mark.parametrize("use", list(_USES))
@pytest.mark.parametrize("edit", ["replaced", "deleted"])
def test_class_edited_after_the_mock_was_made(edit: str, use: str) -> None:
    """Attributes of the class replaced or deleted after ``create_autospec``: the
    children are still specced on the originals."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K)
        if edit == "replaced":
            _replace(K)
        else:
            for name in ("meth", "cmeth", "smeth", "x", "prop"):
                delattr(K, name)
        return _USES[use](m)

    assert_same(scenario)


def test_patching_a_method_with_the_class_as_autospec() -> None:
    """``patch.object(K, 'meth', autospec=K)``: the mock's children are specced on
    the class as it was before the patch replaced ``meth`` (which the lazy build
    would otherwise meet as a mock and refuse)."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        with mod.patch.object(K, "meth", autospec=K) as m:
            return [outcome(lambda: m.meth(a=1)), outcome(lambda: K().meth.meth(1)),
                    outcome(lambda: m.mock_calls)]

    assert_same(scenario)


def test_patching_after_autospeccing_the_class() -> None:
    """A mock made in setUp, a method of its class patched in the test."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K, instance=True)
        with mod.patch.object(K, "meth"):
            return [outcome(lambda: m.meth(1)), outcome(lambda: m.meth(1, 2))]

    assert_same(scenario)


def test_module_edited_after_the_mock_was_made() -> None:
    """A module autospecced, then one of its functions patched: the child follows
    the function the module had."""

    def scenario(mod: Any) -> Any:
        module = types.ModuleType("origin_sample")
        exec("def run(cmd, check=False):\n    pass\nVALUE = 1\n", module.__dict__)
        m = mod.create_autospec(module)
        sys.modules["origin_sample"] = module
        try:
            with mod.patch("origin_sample.run"):
                module.VALUE = "changed"
                return [outcome(lambda: m.run("ls", check=True)),
                        outcome(lambda: m.run("ls", 1, 2)), outcome(lambda: m.VALUE)]
        finally:
            del sys.modules["origin_sample"]

    assert_same(scenario)


def test_module_getattr_as_it_was() -> None:
    """A module's ``__getattr__`` (PEP 562) answers as it did, even once replaced."""

    def scenario(mod: Any) -> Any:
        module = types.ModuleType("origin_getattr")
        module.__getattr__ = lambda name: (lambda a: a)  # type: ignore[attr-defined]
        m = mod.create_autospec(module)
        module.__getattr__ = lambda name: 5  # type: ignore[attr-defined]
        return [outcome(lambda: m.anything), outcome(lambda: m.__dict__.get("anything"))]

    assert_same(scenario)


def test_instance_edited_after_the_mock_was_made() -> None:
    """An instance spec: its own attributes and its class's, changed later."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        obj = K()
        obj.own = lambda a: a
        m = mod.create_autospec(obj)
        obj.own = 3
        K.meth = staticmethod(lambda: None)
        return [outcome(lambda: m.own(1)), outcome(lambda: m.own(1, 2)),
                outcome(lambda: m.meth(1)), outcome(lambda: m.meth())]

    assert_same(scenario)


def test_a_spec_with_its_own_attribute_lookup_is_read_when_made() -> None:
    """A metaclass with ``__getattribute__``: its attributes are read as the mock is
    made (as the stdlib's walk reads them), so later edits don't reach the children."""

    def scenario(mod: Any) -> Any:
        reads: list[str] = []

        class Meta(type):
            def __getattribute__(cls, name: str) -> Any:
                if not name.startswith("_"):
                    reads.append(name)
                return super().__getattribute__(name)

        class K(metaclass=Meta):
            def meth(self, a: Any) -> None:
                pass

        m = mod.create_autospec(K)
        K.meth = lambda self, a, b: None
        return [outcome(lambda: m.meth(1)), outcome(lambda: m.meth(1, 2)), "meth" in reads]

    assert_same(scenario)


def test_unchanged_descriptors_still_run_when_first_used() -> None:
    """While the spec is unchanged the child is read through the spec itself."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K)
        return [outcome(lambda: m.cmeth(1)), outcome(lambda: m.cmeth(1, 2)),
                outcome(lambda: type(m.prop).__name__)]

    assert_same(scenario)


@pytest.mark.parametrize("spec_set", [False, True])
@pytest.mark.parametrize("target", ["class", "instance"])
def test_a_method_patched_as_a_specced_mock_fails_when_made(target: str, spec_set: bool) -> None:
    """A method of the spec patched with a mock passing for a function: the
    stdlib's walk meets it as the mock is made (refused as a spec from 3.11)."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        spec = K if target == "class" else K()
        with mod.patch.object(K, "meth", spec_set=spec_set, autospec=not spec_set or None):
            made = outcome(lambda: mod.create_autospec(spec))
        return made

    assert_same(scenario)


def test_dir_lists_walked_children_with_mock_methods_set_by_hand() -> None:
    """``_mock_methods`` set by hand on an autospecced mock: ``dir()`` still lists
    every child the stdlib's walk made, unbuilt ones and ones deleted from the spec
    since included."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K, spec_set=True)
        del K.meth
        m._mock_methods = []
        return dir(m)

    assert_same(scenario)


def test_mock_add_spec_after_the_spec_changed() -> None:
    """``mock_add_spec`` on an autospecced mock builds the children the stdlib's walk
    made, from the spec as it was (an attribute deleted since included)."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K)
        del K.prop
        m.mock_add_spec(["x"], spec_set=True)
        return dir(m), outcome(lambda: m.prop)

    assert_same(scenario)


def test_a_class_edit_leaves_an_autospecced_method_child() -> None:
    """``type(m).size = f`` on an autospecced mock: the stdlib's walk made ``size``
    an instance attribute, so ``m.size`` stays the autospecced child."""

    def scenario(mod: Any) -> Any:
        K = _spec_class(mod)
        m = mod.create_autospec(K, instance=True)
        type(m).meth = lambda self: "edited"
        type(m).x = 5
        return outcome(lambda: m.meth), outcome(lambda: m.meth.has_calls), m.x

    assert_same(scenario)


def test_mock_add_spec_leaves_unbuilt_children_unbuilt() -> None:
    """``mock_add_spec`` on an autospecced mock builds only the function children
    (the stdlib's instance attributes): another child whose build would fail (its
    spec is a mock) fails only if reached, after the new spec has been read."""

    def scenario(mod: Any) -> Any:
        class Holder:
            def meth(self) -> None:
                pass

            attr = 1

        class Raising:
            @property
            def prop(self) -> int:
                raise ZeroDivisionError("bad")

        inst = Holder()
        with mod.patch.object(inst, "meth", new_callable=mod.NonCallableMagicMock, create=True):
            m = mod.create_autospec(inst, spec_set=True)
            return outcome(lambda: m.mock_add_spec(Raising(), spec_set=True)), dir(m)[-3:]

    assert_same(scenario)


def test_a_spec_read_in_full_with_a_method_patched_as_a_specced_mock() -> None:
    """A spec with its own attribute lookup (read in full when the mock is made)
    holding a method patched with ``spec_set``: fails as the stdlib's walk does."""

    def scenario(mod: Any) -> Any:
        class Meta(type):
            def __getattribute__(cls, name: str) -> Any:
                return super().__getattribute__(name)

        class K(metaclass=Meta):
            def meth(self, a: Any) -> None:
                pass

        with mod.patch.object(K, "meth", spec_set=True):
            return outcome(lambda: mod.create_autospec(K))

    assert_same(scenario)
