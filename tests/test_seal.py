"""``seal``: a sealed mock (and the mocks it made) stops growing new attributes."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import assert_same, trace


class Spec:
    attr = 1

    def meth(self) -> None:
        pass


def sealed_steps(
    make: Callable[[Any], Any], before: Callable[[Any, Any], Any], *steps: Callable[[Any, Any], Any]
) -> None:
    """Make a mock, run ``before``, seal it, then compare each step with the stdlib."""
    __tracebackhide__ = True

    def scenario(mod: Any) -> Any:
        m = make(mod)
        before(mod, m)
        mod.seal(m)
        return trace(m, *(lambda x, s=s: s(mod, x) for s in steps))

    assert_same(scenario)


def test_existing_attributes_keep_working(mock: Any) -> None:
    """Attributes made before sealing are still there."""
    m = mock.Mock()
    m.a.b.return_value = 3
    mock.seal(m)
    assert m.a.b() == 3


def test_new_attribute_raises_with_its_path(mock: Any) -> None:
    """A new attribute of a sealed mock or of its children raises AttributeError
    naming the full path."""
    m = mock.Mock(name="root")
    _ = m.a
    mock.seal(m)
    with pytest.raises(AttributeError, match=r"^root\.b$"):
        _ = m.b
    with pytest.raises(AttributeError, match=r"^root\.a\.c$"):
        _ = m.a.c


def test_new_return_value_raises(mock: Any) -> None:
    """Calling a sealed mock whose return value was never made raises."""
    m = mock.Mock()
    mock.seal(m)
    with pytest.raises(AttributeError, match=r"^mock\.return_value$"):
        m()


def test_setting_plain_values_on_a_sealed_mock(mock: Any) -> None:
    """Setting a new plain attribute on a sealed mock fails with ``Cannot set``."""
    m = mock.Mock()
    mock.seal(m)
    with pytest.raises(AttributeError, match=r"^Cannot set mock\.new$"):
        m.new = 1


@pytest.mark.parametrize(
    ("make", "before", "steps"),
    [
        (
            lambda mod: mod.Mock(),
            lambda mod, m: m.a.b,
            (
                lambda mod, m: m.c,
                lambda mod, m: m.a.c,
                lambda mod, m: m.a.b.c,
                lambda mod, m: m(),
                lambda mod, m: m.a(),
                lambda mod, m: setattr(m, "new", 1),
                lambda mod, m: m.new,
                lambda mod, m: setattr(m.a, "q", 2),
            ),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: m.return_value,
            (lambda mod, m: m(), lambda mod, m: m().foo, lambda mod, m: m()()),
        ),
        (lambda mod: mod.Mock(return_value=3), lambda mod, m: None, (lambda mod, m: m(),)),
        (
            lambda mod: mod.MagicMock(),
            lambda mod, m: None,
            (
                lambda mod, m: len(m),
                lambda mod, m: m[1],
                lambda mod, m: m.__len__,
                lambda mod, m: str(m)[:11],
                lambda mod, m: int(m),
                lambda mod, m: m.foo,
            ),
        ),
        (
            lambda mod: mod.Mock(spec=Spec),
            lambda mod, m: None,
            (
                lambda mod, m: m.meth,
                lambda mod, m: m.meth(),
                lambda mod, m: m.nope,
                lambda mod, m: m.attr,
            ),
        ),
        (
            lambda mod: mod.Mock(name="nm"),
            lambda mod, m: m.a().b,
            (lambda mod, m: m.a().b.c, lambda mod, m: m.a().z, lambda mod, m: m.a.b()),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: None,
            (
                lambda mod, m: m.configure_mock(**{"a.b": 1}),
                lambda mod, m: setattr(m, "return_value", 5),
                lambda mod, m: m(),
                lambda mod, m: setattr(m, "side_effect", [1]),
            ),
        ),
        (lambda mod: mod.NonCallableMock(), lambda mod, m: None, (lambda mod, m: m.a,)),
        (lambda mod: mod.Mock(), lambda mod, m: (m.a, delattr(m, "a")), (lambda mod, m: m.a,)),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: m.a,
            (lambda mod, m: dir(m), lambda mod, m: mod.seal(m), lambda mod, m: m._mock_sealed),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: None,
            (lambda mod, m: setattr(m, "c", mod.Mock()), lambda mod, m: m.c, lambda mod, m: m.c.z),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: None,
            (lambda mod, m: setattr(m, "c", mod.Mock().kid), lambda mod, m: m.c),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: None,
            (lambda mod, m: setattr(m, "__len__", lambda s: 2), lambda mod, m: len(m)),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: None,
            (lambda mod, m: setattr(m, "__class__", int), lambda mod, m: isinstance(m, int)),
        ),
        (
            lambda mod: mod.Mock(),
            lambda mod, m: m.a(1),
            (
                lambda mod, m: m.mock_calls,
                lambda mod, m: m.a(2),
                lambda mod, m: m.a.assert_called_with(2),
                lambda mod, m: m.reset_mock(),
                lambda mod, m: m.a.call_count,
            ),
        ),
    ],
    ids=[
        "children",
        "return value",
        "configured return value",
        "MagicMock",
        "spec",
        "names",
        "configuring",
        "non-callable",
        "deleted",
        "dir and reseal",
        "adopting a fresh mock",
        "setting an owned mock",
        "magic method",
        "__class__",
        "recording",
    ],
)
def test_sealed_mocks_match_the_stdlib(make: Any, before: Any, steps: tuple[Any, ...]) -> None:
    """A sealed mock refuses, allows and records as the stdlib's does."""
    sealed_steps(make, before, *steps)


@pytest.mark.parametrize("named", [False, True], ids=["unnamed", "named"])
@pytest.mark.parametrize("how", ["attach_mock", "setattr"])
def test_sealing_reaches_adopted_children(how: str, named: bool) -> None:
    """Seal recurses into mocks adopted as children (not into named ones)."""

    def scenario(mod: Any) -> Any:
        parent = mod.Mock()
        child = mod.Mock(name="own") if named else mod.Mock()
        if how == "attach_mock":
            parent.attach_mock(child, "kid")
        else:
            parent.kid = child
        mod.seal(parent)
        return trace(parent, lambda p: p.kid.z, lambda p: child.z)

    assert_same(scenario)


def test_sealed_spec_mock_refuses_adopting_outside_the_spec() -> None:
    """Setting a fresh mock outside the spec of a sealed mock fails as in the stdlib."""
    sealed_steps(
        lambda mod: mod.Mock(spec=["a"]),
        lambda mod, m: None,
        lambda mod, m: setattr(m, "c", mod.Mock()),
        lambda mod, m: m.c,
    )


def test_a_magic_method_set_on_a_sealed_mock_is_read_by_the_seal_check() -> None:
    """The stdlib's sealed check runs after the class has the new magic method and
    reads it: a PropertyMock there is called (a call in mock_calls), and one that
    raises AttributeError refuses the setting. (Found by the fuzzer, 3.11 seed 601.)"""

    def scenario(impl: Any) -> Any:
        seen = []
        values = [
            lambda: impl.PropertyMock(return_value="p"),
            lambda: impl.PropertyMock(side_effect=AttributeError("no")),
            lambda: impl.MagicMock(return_value="m"),
            lambda: (lambda self: "f"),
        ]
        for name in ("__str__", "__len__"):
            for make in values:
                m = impl.MagicMock()
                impl.seal(m)
                try:
                    setattr(m, name, make())
                    seen.append("set")
                except AttributeError as exc:
                    seen.append(f"AttributeError: {exc}")
                seen.append([(c[0], len(c[1])) for c in m.mock_calls])
        return seen

    assert_same(scenario)
