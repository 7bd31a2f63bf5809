"""Specs: ``spec`` and ``spec_set`` given a class, an instance, a list of names, a
function or a module; ``isinstance`` and ``__class__``; ``mock_add_spec``; mocks refused
(or taken) as specs; spec targets with raising properties or a catch-all
``__getattr__``. Tests taking ``mock`` run against ``unittest.mock`` and turbomock with
the same expectations; ``assert_same`` and ``same_steps`` tests compare the two directly.
"""

from __future__ import annotations

import abc
from typing import Any, Callable

import pytest

from engine_support import PY311, assert_same, same_steps
from spec_support import Spec, func


def test_spec_class_allows_only_its_attributes(mock: Any) -> None:
    """A class spec allows the class's attributes and refuses others."""
    m = mock.Mock(spec=Spec)
    assert isinstance(m.meth, mock.Mock)
    with pytest.raises(AttributeError, match=r"^Mock object has no attribute 'nope'$"):
        _ = m.nope


def test_spec_allows_setting_unknown_attributes(mock: Any) -> None:
    """``spec`` limits reading only; ``spec_set`` limits setting too."""
    m = mock.Mock(spec=Spec)
    m.nope = 1
    assert m.nope == 1
    strict = mock.Mock(spec_set=Spec)
    with pytest.raises(AttributeError, match=r"^Mock object has no attribute 'nope'$"):
        strict.nope = 1


def test_spec_makes_isinstance_pass(mock: Any) -> None:
    """A mock specced on a class or an instance passes ``isinstance`` and reports it
    as ``__class__``."""
    assert isinstance(mock.Mock(spec=Spec), Spec)
    assert isinstance(mock.Mock(spec=Spec()), Spec)
    assert mock.Mock(spec=Spec).__class__ is Spec
    assert isinstance(mock.Mock(spec=Spec), mock.Mock)


@pytest.mark.parametrize(
    ("make", "label"),
    [
        (lambda m: m.Mock(spec=Spec), "class"),
        (lambda m: m.Mock(spec=Spec()), "instance"),
        (lambda m: m.Mock(spec_set=Spec), "spec_set class"),
        (lambda m: m.Mock(spec_set=Spec()), "spec_set instance"),
        (lambda m: m.Mock(spec=["attr", "meth"]), "list"),
        (lambda m: m.Mock(spec_set=["attr", "meth"]), "spec_set list"),
        (lambda m: m.Mock(spec=["attr"], spec_set=True), "list and spec_set=True"),
        (lambda m: m.Mock(spec=["meth"], spec_set=["attr"]), "spec and spec_set"),
        (lambda m: m.Mock(spec=func), "function"),
        (lambda m: m.NonCallableMock(spec=func), "non-callable on a function"),
        (lambda m: m.Mock(spec="abc"), "string instance"),
        (lambda m: m.Mock(spec=abc), "module"),
        (lambda m: m.MagicMock(spec=Spec), "MagicMock"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_spec_kinds_match_the_stdlib(make: Callable[[Any], Any], label: str) -> None:
    """Reading, setting, calling and type checks of specced mocks match the stdlib."""
    same_steps(
        make,
        lambda mod, m: m.attr,
        lambda mod, m: m.meth,
        lambda mod, m: m.prop,
        lambda mod, m: m.static,
        lambda mod, m: m.klass,
        lambda mod, m: m.nope,
        lambda mod, m: m.upper,
        lambda mod, m: m.ABC,
        lambda mod, m: setattr(m, "nope", 1),
        lambda mod, m: m.nope,
        lambda mod, m: setattr(m, "attr", 5),
        lambda mod, m: m.attr,
        lambda mod, m: (m.__class__, isinstance(m, Spec), callable(m)),
        lambda mod, m: m(1, 2),
        lambda mod, m: m.meth(1),
        lambda mod, m: setattr(m, "return_value", 1),
        lambda mod, m: setattr(m, "side_effect", None),
        lambda mod, m: m,
    )


def test_class_assignment_fakes_the_type() -> None:
    """Assigning ``__class__`` changes what ``isinstance`` sees, as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: setattr(m, "__class__", dict),
        lambda mod, m: (isinstance(m, dict), m.__class__, type(m).__name__),
        lambda mod, m: setattr(m, "__class__", 3),
        lambda mod, m: m.__class__,
        lambda mod, m: setattr(m, "__class__", Spec),
        lambda mod, m: (isinstance(m, Spec), m.nope),
    )


def test_mock_add_spec() -> None:
    """``mock_add_spec`` limits (and with ``spec_set`` freezes) attributes, and can
    take the spec away again."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m.nope,
        lambda mod, m: m.mock_add_spec(["a"]),
        lambda mod, m: m.nope,
        lambda mod, m: (m.a, m.__class__),
        lambda mod, m: setattr(m, "nope2", 1),
        lambda mod, m: m.mock_add_spec(Spec, spec_set=True),
        lambda mod, m: setattr(m, "q", 1),
        lambda mod, m: (m.meth, m, m.__class__),
        lambda mod, m: m.mock_add_spec(None),
        lambda mod, m: (m.__class__, m.q2),
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda m: (lambda x: (setattr(x, "a", m.Mock()), x)[1])(m.Mock()),
        lambda m: (lambda x: (x.attach_mock(m.Mock(), "a"), x)[1])(m.Mock()),
        lambda m: m.Mock(a=m.Mock()),
    ],
    ids=["set", "attached", "keyword"],
)
def test_mock_add_spec_keeps_children_that_were_set(make: Callable[[Any], Any]) -> None:
    """A child mock set by the user stays readable after ``mock_add_spec``."""
    same_steps(make, lambda mod, m: m.mock_add_spec(["c"]), lambda mod, m: m.a)


def test_mock_add_spec_drops_children_made_on_demand() -> None:
    """A child made on access is no longer reachable once the spec lacks it."""
    same_steps(
        lambda mod: mod.Mock(),
        lambda mod, m: m.a,
        lambda mod, m: setattr(m, "b", 1),
        lambda mod, m: m.mock_add_spec(["c"]),
        lambda mod, m: (m.a,),
        lambda mod, m: (m.b, m.c),
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.Mock(spec=m.Mock()),
        lambda m: m.Mock(spec_set=m.Mock()),
        lambda m: m.Mock().mock_add_spec(m.Mock()),
        lambda m: m.MagicMock(spec=m.MagicMock()),
        lambda m: m.NonCallableMock(spec=m.NonCallableMock()),
        lambda m: m.Mock(spec=m.Mock().child),
        lambda m: m.Mock(spec=m.PropertyMock()),
    ],
    ids=[
        "spec",
        "spec_set",
        "mock_add_spec",
        "MagicMock",
        "NonCallableMock",
        "child",
        "PropertyMock",
    ],
)
def test_mock_as_spec_is_refused(make: Callable[[Any], Any]) -> None:
    """A mock used as a spec is refused with ``InvalidSpecError`` (3.11+, with the
    stdlib's message) or taken, as by the stdlib of the running Python."""
    assert_same(make)


def test_mock_as_spec_error_message(mock: Any) -> None:
    """The refusal names the offending mock."""
    if not PY311:
        pytest.skip("Mock(spec=<a mock>) is refused from 3.11")
    spec = mock.Mock(name="x")
    with pytest.raises(mock.InvalidSpecError) as info:
        mock.Mock(spec=spec)
    assert str(info.value) == f"Cannot spec a Mock object. [object=<Mock name='x' id='{id(spec)}'>]"


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.Mock(spec=m.Mock),
        lambda m: m.Mock(spec=[m.Mock()]),
        lambda m: m.Mock(wraps=m.Mock(return_value=3)),
        lambda m: m.Mock(spec=m.mock_open()),
    ],
    ids=["Mock class", "list holding a mock", "wraps a mock", "mock_open"],
)
def test_mock_related_specs_match_the_stdlib(make: Callable[[Any], Any]) -> None:
    """Specs that are mock classes or hold mocks are taken as the stdlib takes them."""
    same_steps(make, lambda mod, m: m, lambda mod, m: m.a, lambda mod, m: m())


class _Weird:
    """Spec targets with awkward attribute behaviour."""

    bad = property(lambda self: 1 / 0)


class _AnswersAll:
    def __getattr__(self, name: str) -> int:
        return 1

    def meth(self) -> int:
        return 1


def test_spec_class_with_raising_property() -> None:
    """A class spec whose property raises is fine; reading it gives a child."""
    same_steps(lambda mod: mod.Mock(spec=_Weird), lambda mod, m: m.bad)


def test_spec_class_with_getattr() -> None:
    """A class spec with ``__getattr__`` allows only what the class lists."""
    same_steps(
        lambda mod: mod.Mock(spec=_AnswersAll), lambda mod, m: m.anything, lambda mod, m: m.meth
    )


def test_spec_instance_with_raising_property() -> None:
    """An instance spec whose property raises behaves as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(spec=_Weird()), lambda mod, m: m.bad, lambda mod, m: "bad" in dir(m)
    )


def test_spec_instance_with_getattr() -> None:
    """An instance spec with a catch-all ``__getattr__`` behaves as in the stdlib."""
    same_steps(
        lambda mod: mod.Mock(spec=_AnswersAll()), lambda mod, m: m.anything, lambda mod, m: m.meth
    )


_LIVE_LIST_SPECS = {
    "name added to the list": (
        lambda mod: (["a"], mod.Mock),
        lambda spec, m: (spec.append("b"), m.b, m._mock_methods is spec),
    ),
    "name removed from the list": (
        lambda mod: (["a", "b"], mod.Mock),
        lambda spec, m: (spec.remove("a"), m.a),
    ),
    "spec_set follows the list": (
        lambda mod: (["x"], lambda spec: mod.MagicMock(spec_set=spec)),
        lambda spec, m: (spec.append("y"), setattr(m, "y", 1), m.y),
    ),
    "magic added later": (
        lambda mod: (["x"], mod.MagicMock),
        lambda spec, m: (spec.append("__len__"), len(m)),
    ),
    "dir of a tuple spec": (
        lambda mod: (("a",), mod.Mock),
        lambda spec, m: dir(m),
    ),
    "mock_add_spec with a list": (
        lambda mod: (["p"], lambda spec: mod.Mock(spec=["q"])),
        lambda spec, m: (m.mock_add_spec(spec), spec.append("r"), m.r, m._mock_methods is spec),
    ),
}


@pytest.mark.parametrize("case", list(_LIVE_LIST_SPECS))
def test_a_list_spec_is_read_live(case: str) -> None:
    """A spec given as a list is the mock's ``_mock_methods`` itself: what the user
    changes in it later counts, as with the stdlib."""
    make, use = _LIVE_LIST_SPECS[case]

    def scenario(mod: Any) -> Any:
        spec, factory = make(mod)
        return use(spec, factory(spec))

    assert_same(scenario)


def test_children_of_specced_mocks_are_of_the_stdlib_classes() -> None:
    """A specced mock's children are built as an unspecced mock's, except where the
    spec decides their class: async attributes, and any child of an AsyncMock."""

    def scenario(mock: Any) -> Any:
        class Target:
            async def coro(self) -> None: ...

            def plain(self) -> None: ...

            def __len__(self) -> int:
                return 0

            def __aenter__(self) -> Any: ...

        def class_of(m: Any, *path: str) -> str:
            try:
                for step in path:
                    m = m() if step == "()" else getattr(m, step)
                return type(m).__mro__[1].__name__
            except AttributeError as exc:
                return f"AttributeError: {exc}"

        seen = []
        for kind in ("Mock", "MagicMock", "NonCallableMagicMock", "AsyncMock"):
            m = getattr(mock, kind)(spec=Target)
            seen.append([
                class_of(m, "plain"), class_of(m, "coro"), class_of(m, "__len__"),
                class_of(m, "__aenter__"), class_of(m, "plain", "deeper"),
                class_of(m, "plain", "()"),
            ])
        handed = mock.MagicMock(spec=Target)
        handed._spec_asyncs = ["plain"]
        seen.append([class_of(handed, "plain"), class_of(handed, "__len__")])
        return seen

    assert_same(scenario)
