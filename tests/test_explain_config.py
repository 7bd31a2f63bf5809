"""``turbomock.configure`` and the environment switches ``TURBOMOCK_EXPLAIN`` and
``TURBOMOCK_STRICT``: off by default, read once at import, never guessed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import turbomock
from turbomock import _config


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURBOMOCK_")}
    env.update(environment)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


SHOW = "import turbomock; print(turbomock.configure())"


def test_both_switches_are_off_by_default() -> None:
    """Without the environment variables turbomock behaves as the stdlib."""
    assert run_python(SHOW).stdout == "Settings(explain=False, strict=False)\n"


@pytest.mark.parametrize("value", ["1", "true", "Yes", " on "])
def test_environment_turns_a_switch_on(value: str) -> None:
    """The usual spellings of "on" turn a switch on."""
    result = run_python(SHOW, TURBOMOCK_EXPLAIN=value, TURBOMOCK_STRICT=value)
    assert result.stdout == "Settings(explain=True, strict=True)\n"


@pytest.mark.parametrize("value", ["", "0", "false", "NO", "off"])
def test_environment_turns_a_switch_off(value: str) -> None:
    """The usual spellings of "off", and empty, leave it off."""
    result = run_python(SHOW, TURBOMOCK_EXPLAIN=value, TURBOMOCK_STRICT=value)
    assert result.stdout == "Settings(explain=False, strict=False)\n"


def test_an_unknown_value_stops_the_import() -> None:
    """A value that is neither on nor off is an error, not a guess."""
    result = run_python(SHOW, TURBOMOCK_STRICT="maybe")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ValueError: TURBOMOCK_STRICT='maybe' is not understood: use 1 (or true, yes, on) "
        "to turn it on, 0 (or false, no, off, or leave it unset) to turn it off"
    )


def test_configure_returns_the_previous_settings() -> None:
    """Each call returns the settings from before it, to put them back with."""
    first = turbomock.configure(explain=True)
    try:
        second = turbomock.configure(strict=True)
        assert second == _config.Settings(explain=True, strict=first.strict)
        assert turbomock.configure() == _config.Settings(explain=True, strict=True)
    finally:
        turbomock.configure(**first._asdict())
    assert turbomock.configure() == first


def test_none_leaves_a_switch_alone() -> None:
    """Only the switches passed change."""
    before = turbomock.configure()
    turbomock.configure(explain=not before.explain, strict=None)
    try:
        assert _config.strict is before.strict
        assert _config.explain is not before.explain
    finally:
        turbomock.configure(**before._asdict())


@pytest.mark.parametrize("value", [1, "yes", 0])
def test_configure_takes_only_booleans(value: object) -> None:
    """``configure(explain=1)`` is refused rather than read as truthy."""
    with pytest.raises(TypeError) as info:
        turbomock.configure(explain=value)  # type: ignore[arg-type]
    assert str(info.value) == f"configure(explain=...) takes True, False or None, not {value!r}"


def test_configure_is_keyword_only() -> None:
    """Positional switches would be easy to mix up."""
    with pytest.raises(TypeError):
        turbomock.configure(True)  # type: ignore[misc]


def test_set_by_environment_names_only_explicit_switches() -> None:
    """The plugin's view: switches the environment sets, on or off; unset ones are absent."""
    code = "from turbomock import _config; print(_config.set_by_environment())"
    assert run_python(code, TURBOMOCK_STRICT="0").stdout == "{'strict': False}\n"
    assert run_python(code, TURBOMOCK_EXPLAIN="yes", TURBOMOCK_STRICT="").stdout == (
        "{'explain': True}\n"
    )
