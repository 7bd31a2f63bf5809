"""``mock_open``: a MagicMock standing in for ``open``, whose handles read the given data.

Each scenario opens the mock the way code under test would and compares everything
that comes back, and the recorded calls, with the stdlib's ``mock_open``.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import pytest

from engine_support import PY313, Step, assert_same, trace

DATA = "a\nb\nc"


def same_steps(read_data: Any, *steps: Step) -> None:
    """Run the steps against ``mock_open(read_data=...)`` of each library."""
    __tracebackhide__ = True
    assert_same(
        lambda mod: trace(
            mod.mock_open(read_data=read_data), *(functools.partial(s, mod) for s in steps)
        )
    )


def _with_write(o: Any) -> Any:
    with o("path", "w") as handle:
        handle.write("x")
    return o.mock_calls, o.return_value.method_calls


def _with_read(o: Any) -> Any:
    with o("path") as handle:
        return handle.read()


# -- pinned behaviour ---------------------------------------------------------------------


def test_read_returns_the_data(mock: Any) -> None:
    """``open(...).read()`` gives ``read_data``."""
    opened = mock.mock_open(read_data="text")
    assert opened("f").read() == "text"


def test_data_starts_over_on_each_open(mock: Any) -> None:
    """Every call of the mock gives a handle reading from the start again."""
    opened = mock.mock_open(read_data=DATA)
    assert opened().read() == DATA
    assert opened().readline() == "a\n"


def test_with_statement_gives_the_handle(mock: Any) -> None:
    """``with open(...) as f`` binds the handle (the mock's return value)."""
    opened = mock.mock_open(read_data="x")
    with opened("f") as handle:
        assert handle is opened.return_value
        assert handle.read() == "x"
    opened.assert_called_once_with("f")


def test_writes_are_recorded(mock: Any) -> None:
    """``write`` calls are recorded on the handle."""
    opened = mock.mock_open()
    with opened("f", "w") as handle:
        handle.write("line")
    handle.write.assert_called_once_with("line")


def test_exit_closes_the_handle_from_313(mock: Any) -> None:
    """Leaving the ``with`` block calls ``close()`` on 3.13+, as the stdlib does."""
    opened = mock.mock_open()
    with opened("f"):
        pass
    assert opened.return_value.close.called is PY313


# -- against the stdlib -----------------------------------------------------------------------

SCENARIOS: list[tuple[str, Any, tuple[Step, ...]]] = [
    (
        "read twice",
        DATA,
        (lambda mod, o: o("f").read(), lambda mod, o: o("f").read(), lambda mod, o: o.mock_calls),
    ),
    (
        "with",
        DATA,
        (
            lambda mod, o: o().__enter__().read(),
            lambda mod, o: o.return_value.__exit__(None, None, None),
            lambda mod, o: o.mock_calls,
            lambda mod, o: o.return_value.close.called,
        ),
    ),
    ("with statement write", DATA, (lambda mod, o: _with_write(o),)),
    ("with statement read", DATA, (lambda mod, o: _with_read(o), lambda mod, o: o.mock_calls)),
    (
        "readline past the end",
        DATA,
        (
            lambda mod, o: (lambda h: [h.readline() for _ in range(5)])(o()),
            lambda mod, o: o().readline(),
        ),
    ),
    ("readlines", DATA, (lambda mod, o: o().readlines(), lambda mod, o: o().readlines())),
    ("iteration", DATA, (lambda mod, o: list(o()), lambda mod, o: list(o()))),
    (
        "next",
        DATA,
        (lambda mod, o: (lambda h: [next(h), next(h), next(h)])(o()), lambda mod, o: next(o())),
    ),
    ("next past the end", DATA, (lambda mod, o: (lambda h: [next(h) for _ in range(4)])(o()),)),
    (
        "mixed reads",
        DATA,
        (lambda mod, o: (lambda h: [h.readline(), h.read(1), list(h), h.readlines()])(o()),),
    ),
    (
        "bytes",
        b"x\ny",
        (
            lambda mod, o: o().read(),
            lambda mod, o: o().readline(),
            lambda mod, o: list(o()),
            lambda mod, o: o().readlines(),
        ),
    ),
    ("sized reads", DATA, (lambda mod, o: (lambda h: [h.read(2), h.read(2), h.read()])(o()),)),
    (
        "no data",
        "",
        (
            lambda mod, o: o().read(),
            lambda mod, o: o().readline(),
            lambda mod, o: list(o()),
            lambda mod, o: next(o(), "end"),
        ),
    ),
    (
        "configured return values",
        DATA,
        (
            lambda mod, o: setattr(o.return_value.read, "return_value", "Z"),
            lambda mod, o: o().read(),
            lambda mod, o: setattr(o.return_value.readline, "return_value", "L"),
            lambda mod, o: o().readline(),
            lambda mod, o: [next(iter(o())) for _ in range(2)],
        ),
    ),
    (
        "replaced readline side effect",
        DATA,
        (
            lambda mod, o: setattr(o.return_value.readline, "side_effect", ["x", "y"]),
            lambda mod, o: o().readline(),
            lambda mod, o: o().readline(),
        ),
    ),
    (
        "reprs",
        DATA,
        (
            lambda mod, o: o,
            lambda mod, o: o(),
            lambda mod, o: o.return_value.read,
            lambda mod, o: o().__enter__(),
        ),
    ),
    (
        "handle spec",
        DATA,
        (
            lambda mod, o: o.nope,
            lambda mod, o: o().nope,
            lambda mod, o: o().fileno,
            lambda mod, o: o().name,
        ),
    ),
    (
        "write assertions",
        DATA,
        (
            lambda mod, o: o().write("x"),
            lambda mod, o: o.return_value.write.assert_called_once_with("x"),
            lambda mod, o: o.assert_called_once_with(),
            lambda mod, o: o.return_value.write.assert_called_with("y"),
        ),
    ),
    (
        "reset",
        DATA,
        (
            lambda mod, o: o().read(),
            lambda mod, o: o.reset_mock(),
            lambda mod, o: o().read(),
            lambda mod, o: o.mock_calls,
        ),
    ),
    (
        "read after exit",
        DATA,
        (lambda mod, o: (lambda h: (h.__enter__(), h.__exit__(None, None, None), h.read()))(o()),),
    ),
    (
        "exit with an exception",
        DATA,
        (lambda mod, o: o().__exit__(KeyError, KeyError(), None), lambda mod, o: o.mock_calls),
    ),
    ("types", DATA, (lambda mod, o: (type(o).__name__, type(o()).__name__, o.__class__.__name__),)),
    ("handle dir", DATA, (lambda mod, o: sorted(set(dir(o())) - set(dir(mod.MagicMock())))[:8],)),
    (
        "open's own spec",
        DATA,
        (lambda mod, o: o.nope, lambda mod, o: o.__class__, lambda mod, o: o(1, 2, 3, x=4)),
    ),
]


@pytest.mark.parametrize(
    ("read_data", "steps"), [(s[1], s[2]) for s in SCENARIOS], ids=[s[0] for s in SCENARIOS]
)
def test_mock_open_matches_the_stdlib(read_data: Any, steps: tuple[Step, ...]) -> None:
    """Handles read, iterate, record and reset as the stdlib's ``mock_open`` handles."""
    same_steps(read_data, *steps)


@pytest.mark.parametrize(
    "make",
    [
        lambda mod: mod.MagicMock(),
        lambda mod: mod.MagicMock(name="mine"),
        lambda mod: mod.MagicMock(spec=open),
    ],
    ids=["MagicMock", "named", "specced"],
)
def test_mock_open_configures_a_given_mock(make: Callable[[Any], Any]) -> None:
    """``mock_open(existing)`` configures and returns that mock, as in the stdlib."""

    def scenario(mod: Any) -> Any:
        given = make(mod)
        opened = mod.mock_open(given, read_data="q")
        return trace(
            opened, lambda o: o is given, lambda o: o().read(), lambda o: o.anything, lambda o: o
        )

    assert_same(scenario)


def test_mock_open_as_a_patch_replacement(mock: Any) -> None:
    """The documented use: ``patch('builtins.open', mock_open(read_data=...))``."""
    with (
        mock.patch("builtins.open", mock.mock_open(read_data="patched")) as opened,
        open("any-file") as handle,
    ):
        assert handle.read() == "patched"
    opened.assert_called_once_with("any-file")


def test_handle_names_are_one_list_in_the_stdlibs_order() -> None:
    """A handle's ``_mock_methods`` is one list for the process, in the stdlib's order
    (built as the stdlib builds it), and a name added to it counts for later handles."""

    def scenario(mod: Any) -> Any:
        handle = mod.mock_open()()
        names = handle._mock_methods
        order = list(names)
        try:
            names.append("extra_name")
            later = mod.mock_open()()
            found = repr(later.extra_name)
        finally:
            names.remove("extra_name")
        return order, found, mod.mock_open()()._mock_methods is names

    assert_same(scenario)
