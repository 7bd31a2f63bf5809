"""Configuring a mock by keywords: the constructor's arguments (``spec``, ``return_value``,
``side_effect``, ``wraps``, positional ones, dotted ``child.attr`` names) and
``configure_mock``, which applies shallow names before deep ones and respects
``spec_set``. Tests taking ``mock`` run against ``unittest.mock`` and turbomock with the
same expectations; ``same_steps`` tests compare the two directly.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from engine_support import same_steps

# -- constructor arguments --------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda m: m.Mock(foo=3, **{"bar.baz.return_value": 4}),
        lambda m: m.Mock(return_value=5),
        lambda m: m.Mock(side_effect=[1, 2]),
        lambda m: m.Mock(side_effect=KeyError),
        lambda m: m.Mock(wraps=lambda a: a + 1),
        lambda m: m.Mock(None, None, 3),
        lambda m: m.Mock(["a"]),
        lambda m: m.Mock(foo_bar=3),
        lambda m: m.Mock(assert_foo=3),
        lambda m: m.Mock(spec=["a"], nope=1),
        lambda m: m.Mock(spec_set=["a"], nope=1),
        lambda m: m.Mock(spec=["a"], return_value=3),
        lambda m: m.Mock(**{"a.b": 1, "a": m.Mock(name="A")}),
        lambda m: m.Mock(**{"__len__.return_value": 3}),
        lambda m: m.Mock(unsafe=True),
        lambda m: m.NonCallableMock(return_value=4),
        lambda m: m.NonCallableMock(side_effect=3),
        lambda m: m.Mock(spec_set=False),
    ],
    ids=[
        "kwargs",
        "return_value",
        "side_effect list",
        "side_effect exception",
        "wraps",
        "positional",
        "positional spec",
        "unknown keyword",
        "assert keyword",
        "spec and unknown keyword",
        "spec_set and unknown keyword",
        "spec and return_value",
        "dotted before plain",
        "magic keyword on Mock",
        "unsafe",
        "non-callable return_value",
        "non-callable side_effect",
        "spec_set False",
    ],
)
def test_constructor_arguments_match_the_stdlib(make: Callable[[Any], Any]) -> None:
    """Every constructor argument is taken as the stdlib takes it."""
    same_steps(
        make,
        lambda mod, m: m,
        lambda mod, m: m.foo,
        lambda mod, m: m.bar.baz(),
        lambda mod, m: m.a,
        lambda mod, m: m.nope,
        lambda mod, m: m(1),
        lambda mod, m: m(2),
        lambda mod, m: (m.call_args_list, m.mock_calls),
        lambda mod, m: (m.return_value, m.side_effect is None),
    )


def test_constructor_keywords_configure_children(mock: Any) -> None:
    """``Mock(**{'method.return_value': 3, 'other.side_effect': KeyError})``."""
    m = mock.Mock(attr=1, **{"method.return_value": 3, "other.side_effect": KeyError})
    assert m.attr == 1
    assert m.method() == 3
    with pytest.raises(KeyError):
        m.other()


# -- configure_mock ----------------------------------------------------------------------


def test_configure_mock_with_dotted_names(mock: Any) -> None:
    """``configure_mock(**{'a.b.return_value': 1})`` reaches into children."""
    m = mock.Mock()
    m.configure_mock(**{"a.b.return_value": 1, "a.side_effect": KeyError, "c": 3})
    assert m.a.b() == 1
    assert m.c == 3
    with pytest.raises(KeyError):
        m.a()


@pytest.mark.parametrize(
    "kwargs",
    [
        lambda m: {"a.b.c": 1, "a": m.Mock(name="n")},
        lambda m: {"return_value.x": 1},
        lambda m: {"side_effect": [1, 2]},
        lambda m: {"name": "N"},
        lambda m: {"__len__.return_value": 4},
        lambda m: {"nope.x": 1},
        lambda m: {"a.assert_x": 1},
    ],
    ids=[
        "deep before shallow",
        "return_value",
        "side_effect",
        "name",
        "magic",
        "missing",
        "assert name",
    ],
)
def test_configure_mock_matches_the_stdlib(kwargs: Callable[[Any], Any]) -> None:
    """``configure_mock`` applies keywords, shallow ones first, as the stdlib."""
    same_steps(
        lambda mod: mod.MagicMock(spec=["a", "return_value", "side_effect", "name", "__len__"]),
        lambda mod, m: m.configure_mock(**kwargs(mod)),
        lambda mod, m: m.a,
        lambda mod, m: m.a.b.c,
        lambda mod, m: m().x,
        lambda mod, m: m(),
        lambda mod, m: m.name,
        lambda mod, m: len(m),
    )


def test_configure_mock_with_spec_set() -> None:
    """``configure_mock`` respects ``spec_set``."""
    same_steps(
        lambda mod: mod.Mock(spec_set=["a"]),
        lambda mod, m: m.configure_mock(nope=1),
        lambda mod, m: m.configure_mock(a=2),
        lambda mod, m: m.a,
    )
