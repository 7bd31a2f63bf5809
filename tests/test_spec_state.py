"""``_mock_children`` of an autospecced mock lists what the stdlib's eager walk listed
(``_spec_state``, ``_Autospec.lay_out``): every scenario runs on both libraries."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import turbomock
from engine_support import Trace, assert_same, outcome


class Klass:
    attr = 1

    def __init__(self, x: int = 0) -> None:
        self.x = x

    def meth(self, a: int, b: int = 2) -> int:
        return a

    @staticmethod
    def smeth(a: int) -> int:
        return a

    @classmethod
    def cmeth(cls, a: int) -> int:
        return a

    async def ameth(self, a: int) -> int:
        return a

    @property
    def prop(self) -> int:
        return 1

    class Inner:
        def imeth(self) -> None:
            pass


def _children(m: Any) -> list[tuple[str, str]]:
    return [(name, type(value).__name__) for name, value in m._mock_children.items()]


def _placeholder(m: Any, name: str) -> Any:
    found = m._mock_children[name]
    return (
        type(found).__name__, found.spec, found.spec_set, found.parent is m, found.name,
        found.ids, found.instance,
    )


@pytest.mark.parametrize("instance", [False, True])
@pytest.mark.parametrize("spec_set", [False, True])
def test_a_fresh_mock_lists_the_walk(instance: bool, spec_set: bool) -> None:
    def scenario(mock: Any) -> Any:
        m = mock.create_autospec(Klass, spec_set=spec_set, instance=instance)
        return Trace([
            outcome(_children, m), outcome(_placeholder, m, "attr"),
            outcome(_placeholder, m, "Inner"), outcome(lambda: m._mock_children["meth"]),
            outcome(lambda: m._mock_children["meth"] is m.meth),
            outcome(lambda: m.meth(1)), outcome(lambda: m.meth()),
        ])

    assert_same(scenario)


@pytest.mark.parametrize(
    "before",
    [
        "m.smeth; m.attr",
        "m.prop; m.meth",
        "del m.meth",
        "m.attr; del m.attr",
        "del m.cmeth; m.cmeth = mock.Mock()",
        "m.extra = mock.Mock(); m.meth",
        "m.meth; del m.Inner; m.zzz = mock.Mock(); m.attr",
        "del m.nothing",
        "m.attr = 5",
        "m.meth = 3; m.meth",
        "m.attr; m.attr = 5",
    ],
)
def test_children_used_before_the_first_read_keep_the_walks_order(before: str) -> None:
    """The stdlib's dict had every child from the start; a deleted one moved to its end."""

    def scenario(mock: Any) -> Any:
        namespace = {"m": mock.create_autospec(Klass), "mock": mock}
        exec(before, namespace)
        m = namespace["m"]
        return Trace([outcome(_children, m), outcome(lambda: dir(m))])

    assert_same(scenario)


def test_deleting_moves_a_child_to_the_end() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.Mock()
        m.a, m.b, m.c  # noqa: B018
        del m.a
        m.a = mock.Mock()
        del m.b
        return list(m._mock_children)

    assert_same(scenario)


def test_keyword_children_made_before_the_walk_come_first() -> None:
    def scenario(mock: Any) -> Any:
        other = mock.Mock()
        m = mock.create_autospec(Klass, zother=other, **{"meth.return_value": 3})
        return Trace([outcome(_children, m), outcome(lambda: m.zother is other)])

    assert_same(scenario)


def test_a_placeholder_is_built_on_access_in_its_place() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.create_autospec(Klass)
        m._mock_children  # noqa: B018
        inner = m.Inner
        return Trace([
            outcome(lambda: inner),
            outcome(_children, m),
            outcome(lambda: m._mock_children["Inner"] is inner),
            outcome(lambda: inner.imeth(1)),
            outcome(_children, inner),
            outcome(lambda: m.attr.real),
        ])

    assert_same(scenario)


def test_a_placeholder_edited_by_hand_decides_the_child() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.create_autospec(Klass)
        m._mock_children["attr"].spec = "text"
        m._mock_children["prop"].spec_set = True
        return Trace([
            outcome(lambda: m.attr.upper), outcome(lambda: m.attr.nope),
            outcome(lambda: setattr(m.prop, "nope", 1)),
        ])

    assert_same(scenario)


def test_a_placeholder_of_a_mocked_attribute_fails_as_the_stdlibs() -> None:
    def scenario(mock: Any) -> Any:
        class Spec:
            attr = mock.Mock()

        m = mock.create_autospec(Spec)
        return Trace([outcome(_children, m), outcome(lambda: m.attr)])

    assert_same(scenario)


@pytest.mark.parametrize(
    "after",
    [
        "m.reset_mock()",
        "m.reset_mock(return_value=True, side_effect=True)",
        "mock.seal(m)",
        "m.mock_add_spec(['meth'])",
        "m.configure_mock(**{'attr.real': 5})",
        "m.Inner.return_value.imeth()",
        "m2 = copy.copy(m); m2.attr",
        "m2 = copy.deepcopy(m); m2.Inner",
        "m.attr = 5",
        "m.attr = mock.Mock()",
        "m.attach_mock(mock.Mock(), 'prop')",
        "del m.attr",
    ],
)
def test_a_laid_out_mock_works_as_the_stdlibs(after: str) -> None:
    def scenario(mock: Any) -> Any:
        m = mock.create_autospec(Klass)
        m.meth(1)
        m._mock_children  # noqa: B018
        namespace = {"m": m, "mock": mock, "copy": copy}
        exec(after, namespace)
        steps = [
            outcome(_children, m), outcome(lambda: m.mock_calls), outcome(lambda: dir(m)),
            outcome(lambda: m.attr), outcome(lambda: m.Inner.imeth),
        ]
        if "m2" in namespace:
            steps.append(outcome(_children, namespace["m2"]))
        return Trace(steps)

    assert_same(scenario)


def test_a_copy_reads_the_originals_children() -> None:
    def scenario(mock: Any) -> Any:
        m = mock.create_autospec(Klass)
        m.cmeth  # noqa: B018
        c = copy.copy(m)
        return Trace([outcome(_children, c), outcome(_children, m)])

    assert_same(scenario)


def test_an_autospecced_functions_attributes() -> None:
    """A function's own attributes: its functions are the stand-in's attributes and
    its mock's children alike; the others are placeholders naming the stand-in."""

    def scenario(mock: Any) -> Any:
        def f(a: int) -> None:
            pass

        f.zattr = 1  # type: ignore[attr-defined]
        f.meth = lambda b: b  # type: ignore[attr-defined]
        a = mock.create_autospec(f)
        found = a.mock._mock_children
        return Trace([
            outcome(lambda: sorted(found)),
            outcome(lambda: found["zattr"].parent is a),
            outcome(lambda: a.meth is a.mock.meth),
            outcome(lambda: a.meth(1)),
            outcome(lambda: a.meth()),
            outcome(lambda: a._mock_children is a.mock._mock_children),
            outcome(lambda: type(a.mock.zattr).__name__),
            outcome(lambda: a.zattr),
        ])

    assert_same(scenario)


def test_the_placeholder_class_is_the_stdlib_names_counterpart() -> None:
    """``unittest.mock._SpecState`` under the switch is the class of the placeholders
    turbomock lists."""
    m = turbomock.create_autospec(Klass)
    assert type(m._mock_children["attr"]) is turbomock._SpecState
