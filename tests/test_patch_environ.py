"""``patch.dict(os.environ)``: only what changed is put back (see
``_patch_dict._EnvironSnapshot``), and the environment ends exactly as the stdlib's
clear-and-refill leaves it: the same variables, values and order, whatever the code
under test did. Every scenario runs on both libraries and compares."""

from __future__ import annotations

import functools
import os
import random
import unittest.mock as stdlib_mock
from typing import Any, Callable

import pytest

import turbomock

PREFIX = "TURBOMOCK_ENV_"
#: Set before each scenario, so that there are existing variables to change.
EXISTING = {f"{PREFIX}E{i}": str(i) for i in range(4)}


@pytest.fixture(autouse=True)
def _clean_environ() -> Any:
    before = dict(os.environ)
    yield
    for key in [k for k in os.environ if k.startswith(PREFIX)]:
        del os.environ[key]
    os.environ.update(before)


def _state(environ: Any = os.environ) -> list[tuple[Any, Any]]:
    return list(environ.items())


def _on_both(scenario: Callable[[Any], Any]) -> None:
    """The scenario's result and the environment's final order, as with the stdlib."""
    results = []
    for mod in (stdlib_mock, turbomock):
        for key in [k for k in os.environ if k.startswith(PREFIX)]:
            del os.environ[key]
        os.environ.update(EXISTING)
        start = _state()
        try:
            outcome: Any = scenario(mod)
        except Exception as exc:
            outcome = (type(exc).__name__, str(exc))
        results.append((outcome, _state() == start, _state()))
    assert results[1] == results[0]


def _edit(environ: Any, steps: list[tuple[str, str, str]]) -> None:
    for action, key, value in steps:
        if action == "set":
            environ[key] = value
        elif action == "del":
            environ.pop(key, None)


SCENARIOS: dict[str, list[tuple[str, str, str]]] = {
    "nothing": [],
    "a new variable": [("set", f"{PREFIX}N", "x")],
    "an existing one changed": [("set", f"{PREFIX}E1", "changed")],
    "an existing one deleted": [("del", f"{PREFIX}E2", "")],
    "deleted and set again (it moves to the end)": [
        ("del", f"{PREFIX}E1", ""), ("set", f"{PREFIX}E1", "1"),
    ],
    "a patched one deleted": [("del", f"{PREFIX}A", "")],
    "a patched one changed": [("set", f"{PREFIX}A", "other")],
    "set to the value it had": [("set", f"{PREFIX}E0", "0")],
}


@pytest.mark.parametrize("name", list(SCENARIOS))
@pytest.mark.parametrize("values", [{f"{PREFIX}A": "a", f"{PREFIX}B": "b"}, {f"{PREFIX}E3": "z"}])
def test_the_environment_ends_as_with_the_stdlib(name: str, values: dict[str, str]) -> None:
    def scenario(mod: Any) -> Any:
        with mod.patch.dict(os.environ, values) as patched:
            inside = _state()
            _edit(patched, SCENARIOS[name])
        return inside

    _on_both(scenario)


def _random_scenario(
    values: dict[str, str], nested: bool, steps: list[tuple[str, str, str]], key: str, mod: Any
) -> Any:
    try:
        with mod.patch.dict("os.environ", values):
            if nested:
                with mod.patch.dict(os.environ, {key: "n"}):
                    _edit(os.environ, steps[:2])
            _edit(os.environ, steps)
            raise KeyError("inside")
    except KeyError:
        return _state()


def test_random_edits_end_as_with_the_stdlib() -> None:
    """Seeded sequences of sets and deletions, nested patches and a raise inside."""
    rng = random.Random(7)
    keys = [*EXISTING, f"{PREFIX}A", f"{PREFIX}B", f"{PREFIX}C"]
    for _ in range(60):
        steps = [
            (rng.choice(["set", "del"]), rng.choice(keys), rng.choice(["0", "1", "x"]))
            for _ in range(rng.randrange(6))
        ]
        values = {rng.choice(keys): rng.choice(["0", "y"]) for _ in range(rng.randrange(3))}
        nested = rng.random() < 0.3

        _on_both(functools.partial(_random_scenario, values, nested, steps, keys[0]))


def test_original_read_or_changed_inside_the_patch() -> None:
    """``_original`` is the stdlib's decoded copy; what the user puts in it is restored."""

    def scenario(mod: Any) -> Any:
        patcher = mod.patch.dict(os.environ, {f"{PREFIX}A": "a"})
        before = patcher._original
        patcher.start()
        original = patcher._original
        seen = (before, type(original).__name__, original == dict(os.environ))
        original[f"{PREFIX}FROM_ORIGINAL"] = "kept"
        del os.environ[f"{PREFIX}E0"]
        patcher.stop()
        return seen, patcher._original is original

    _on_both(scenario)


def test_decorated_start_stop_and_clear() -> None:
    def scenario(mod: Any) -> Any:
        @mod.patch.dict(os.environ, {f"{PREFIX}A": "1"})
        def decorated() -> Any:
            os.environ[f"{PREFIX}E1"] = "d"
            return _state()

        seen = [decorated()]
        patcher = mod.patch.dict(os.environ, E0="s")  # keyword values
        patcher.start()
        seen.append(_state())
        patcher.stop()
        with mod.patch.dict(os.environ, {f"{PREFIX}A": "c"}, clear=True):
            seen.append(_state())
        return seen

    _on_both(scenario)


def test_a_bad_value_fails_as_with_the_stdlib() -> None:
    """A value that is not a string fails in the middle of the update, leaving the
    variables before it set (the patch never started), as with the stdlib."""

    def scenario(mod: Any) -> Any:
        with mod.patch.dict(os.environ, {f"{PREFIX}A": "a", f"{PREFIX}B": 5}):
            pass

    _on_both(scenario)


def test_environb() -> None:
    if not hasattr(os, "environb"):
        pytest.skip("no os.environb here")

    def scenario(mod: Any) -> Any:
        with mod.patch.dict(os.environb, {PREFIX.encode() + b"A": b"a"}):
            os.environb[PREFIX.encode() + b"E2"] = b"changed"
            inside = _state(os.environb)
        return inside

    _on_both(scenario)


@pytest.mark.xfail(
    strict=True,
    reason="turbomock differs [KD-environ-putenv]: a variable os.putenv changed behind "
    "os.environ's back keeps that value in the process environment after the patch",
)
def test_a_variable_changed_with_putenv_alone() -> None:
    """The stdlib unsets and sets every variable again; turbomock only those
    ``os.environ`` shows changed. A subprocess sees the process environment."""
    import subprocess
    import sys

    def scenario(mod: Any) -> Any:
        with mod.patch.dict(os.environ, {f"{PREFIX}A": "a"}):
            os.putenv(f"{PREFIX}E0", "behind")
        code = f"import os; print(os.environ.get({PREFIX + 'E0'!r}))"
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout

    _on_both(scenario)
