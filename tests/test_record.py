"""``Record`` behaves as a ``collections.namedtuple`` with the same fields would, for
everything turbomock's records (``Settings``, ``NativeStatus``) offer: checked side
by side with a real namedtuple."""

from __future__ import annotations

import copy
import pickle
import sys
from collections import namedtuple
from typing import Any, Callable

import pytest

from turbomock._config import Settings
from turbomock._native import NativeStatus
from turbomock._record import Record

Twin = namedtuple("Settings", "explain strict")


def _outcome(make: Callable[[], Any]) -> tuple[str, str]:
    try:
        made = make()
    except Exception as exc:
        return type(exc).__name__, str(exc)
    return "ok", repr(made)


CONSTRUCTIONS = [
    ((True, False), {}),
    ((), {"explain": True, "strict": False}),
    ((True,), {"strict": False}),
    ((True,), {}),
    ((), {}),
    ((True, False, 3), {}),
    ((True,), {"explain": False}),
    ((True, False), {"explain": False}),
    ((True, False), {"other": 1}),
    ((), {"explain": 1, "strict": 2, "other": 3}),
]


@pytest.mark.parametrize(("args", "kwargs"), CONSTRUCTIONS)
def test_construction_as_namedtuple(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Each way of calling gives namedtuple's result or its exception type and text
    (the text from 3.10, where both name ``Settings.__new__``; 3.9 names namedtuple's
    ``<lambda>``)."""
    ours, theirs = (
        _outcome(lambda: Settings(*args, **kwargs)),
        _outcome(lambda: Twin(*args, **kwargs)),
    )
    if sys.version_info >= (3, 10) or ours[0] == "ok":
        assert ours == theirs
    else:
        assert ours[0] == theirs[0]
        assert ours[1].replace("__new__()", "<lambda>()") == theirs[1]


def test_fields_by_name_and_position() -> None:
    settings = Settings(explain=True, strict=False)
    assert (settings.explain, settings.strict) == (True, False)
    assert (settings[0], settings[1]) == (True, False)
    assert Settings._fields == Twin._fields
    assert settings._asdict() == Twin(True, False)._asdict() == {"explain": True, "strict": False}


def test_replace_as_namedtuple() -> None:
    settings, twin = Settings(True, False), Twin(True, False)
    assert tuple(settings._replace(strict=True)) == tuple(twin._replace(strict=True))
    assert type(settings._replace(strict=True)) is Settings
    assert _outcome(lambda: settings._replace(nope=1)) == _outcome(lambda: twin._replace(nope=1))


def test_a_tuple_in_every_other_way() -> None:
    """Equality, hashing, copies and pickles are a tuple's; the class survives them."""
    settings = Settings(True, False)
    assert settings == (True, False) == Twin(True, False)
    assert hash(settings) == hash((True, False))
    for clone in (
        copy.copy(settings),
        copy.deepcopy(settings),
        pickle.loads(pickle.dumps(settings)),
    ):
        assert type(clone) is Settings
        assert clone == settings
    with pytest.raises(AttributeError):
        settings.explain = False  # type: ignore[misc]  # (read-only, as namedtuple's)
    with pytest.raises(AttributeError):
        settings.other = 1  # type: ignore[attr-defined]  # (no __dict__)


def test_native_status_is_a_record() -> None:
    status = NativeStatus(active=False, reason="no compiler")
    assert isinstance(status, Record)
    assert repr(status) == "NativeStatus(active=False, reason='no compiler')"
    assert status == NativeStatus(False, "no compiler")
