"""turbomock's two switches: explanations and strict mode.

Both are off unless turned on, so that turbomock behaves exactly as
``unittest.mock``. The environment (``TURBOMOCK_EXPLAIN``, ``TURBOMOCK_STRICT``) is
read once, when turbomock is imported; ``configure()`` changes either at any time.

The values live in two module globals (``explain``, ``strict``) because the hot
paths that consult them (entering and leaving a ``patch``) can afford one global
lookup and nothing more; everything else about either feature is imported only
when it is used.
"""

from __future__ import annotations

import os

from turbomock import _messages as msg
from turbomock._record import Record

__all__ = ["Settings", "configure", "current", "explain", "set_by_environment", "strict"]

_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off"})


_VARIABLES = {"explain": "TURBOMOCK_EXPLAIN", "strict": "TURBOMOCK_STRICT"}


def _from_environment(variable: str) -> bool | None:
    """The switch ``variable`` sets (None when unset or empty); an unrecognised
    value is an error, not a guess."""
    raw = os.environ.get(variable, "")
    value = raw.strip().lower()
    if not value:
        return None
    if value in _ON:
        return True
    if value in _OFF:
        return False
    raise ValueError(msg.bad_switch_variable(variable, raw))


#: Failing assertions append an explanation to the stdlib's message.
explain: bool = _from_environment(_VARIABLES["explain"]) or False
#: ``patch`` autospecs by default and reports configured mocks that were never called.
strict: bool = _from_environment(_VARIABLES["strict"]) or False


class Settings(Record):
    """The switches as they were: ``configure(**previous._asdict())`` restores them."""

    __slots__ = ()
    _fields = ("explain", "strict")

    def __new__(cls, explain: bool, strict: bool) -> Settings:
        return cls._make((explain, strict))

    explain: bool
    strict: bool


def configure(*, explain: bool | None = None, strict: bool | None = None) -> Settings:
    """Turn explanations and/or strict mode on or off; None leaves a switch alone.

    Returns the settings from before the call, so a test can put them back.
    """
    previous = current()
    _store(
        previous.explain if explain is None else _checked("explain", explain),
        previous.strict if strict is None else _checked("strict", strict),
    )
    return previous


def current() -> Settings:
    """The switches now."""
    return Settings(explain, strict)


def set_by_environment() -> dict[str, bool]:
    """The switches the environment sets explicitly, by ``configure`` keyword: for
    the pytest plugin, where they take precedence over the ini options."""
    found = {name: _from_environment(variable) for name, variable in _VARIABLES.items()}
    return {name: value for name, value in found.items() if value is not None}


def _checked(name: str, value: object) -> bool:
    if type(value) is not bool:
        raise TypeError(msg.configure_takes_bool(name, value))
    return value


def _store(explain_value: bool, strict_value: bool) -> None:
    global explain, strict
    explain = explain_value
    strict = strict_value
