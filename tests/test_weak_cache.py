"""``turbomock._weak_cache``: caches keyed by a spec that never keep it alive.

Checked directly (an entry goes with its key, or with its value when held weakly;
a reused ``id`` finds nothing) and through the mocks, compared with
``unittest.mock``: whatever a test used as a spec dies when the test's mocks do.
"""

from __future__ import annotations

import gc
import unittest.mock as stdlib_mock
import weakref
from types import ModuleType
from typing import Any

import pytest

import turbomock
from turbomock._weak_cache import IdentityCache


class _Key:
    pass


class _Value:
    pass


def test_an_entry_goes_with_its_key() -> None:
    cache = IdentityCache()
    key, value = _Key(), _Value()
    cache.put(key, value)
    assert cache.get(key) is value
    assert cache.get(_Key()) is None
    del key
    gc.collect()
    assert len(cache) == 0


def test_a_weak_value_goes_when_nothing_holds_it() -> None:
    cache = IdentityCache(weak_values=True)
    key, value = _Key(), _Value()
    cache.put(key, value)
    assert cache.get(key) is value
    del value
    gc.collect()
    assert cache.get(key) is None
    assert len(cache) == 0


def test_a_value_referring_to_its_key_dies_with_it_when_held_weakly() -> None:
    cache = IdentityCache(weak_values=True)
    key = _Key()
    value = _Value()
    value.key = key  # type: ignore[attr-defined]
    cache.put(key, value)
    gone = weakref.ref(key)
    del key, value
    gc.collect()
    assert gone() is None


def test_a_reused_id_finds_nothing() -> None:
    cache = IdentityCache()
    key = _Key()
    cache.put(key, _Value())
    old_entry = cache._entries[id(key)]  # the dead key's entry, as if its callback lagged
    del key
    gc.collect()
    newcomer = _Key()
    cache._entries[id(newcomer)] = old_entry
    assert cache.get(newcomer) is None


def test_a_key_without_weak_references_is_not_cached() -> None:
    cache = IdentityCache()
    cache.put(5, _Value())
    assert cache.get(5) is None


def _spec_users(impl: ModuleType) -> list[Any]:
    """Weak references to a class and a function a test used as specs, every way."""

    class Service:
        def fetch(self, url: str) -> None:
            pass

        def reset_mock(self) -> None:  # shadows the mock's own (held as made)
            pass

    def handler(event: object) -> None:
        pass

    impl.Mock(spec=Service).fetch("u")
    impl.MagicMock(spec_set=Service()).fetch("u")
    impl.NonCallableMock(spec=Service)
    autospecced = impl.create_autospec(Service)
    autospecced().fetch("u")
    impl.create_autospec(Service, instance=True).fetch("u")
    impl.create_autospec(handler)(1)
    impl.Mock(spec=handler)(1)
    with impl.patch.object(Service, "fetch", autospec=True):
        Service().fetch("u")
    return [weakref.ref(Service), weakref.ref(handler)]


@pytest.mark.parametrize("rounds", [1, 3])
def test_specs_die_with_their_mocks_as_with_the_stdlib(rounds: int) -> None:
    def alive(impl: ModuleType) -> list[bool]:
        refs = [ref for _ in range(rounds) for ref in _spec_users(impl)]
        gc.collect()
        return [ref() is not None for ref in refs]

    assert alive(turbomock) == alive(stdlib_mock) == [False] * 2 * rounds


def test_a_live_mock_keeps_its_spec_working_after_the_cache_let_go() -> None:
    """The cached Spec holds its class weakly; the mock holds the class itself."""

    def make(impl: ModuleType) -> Any:
        class Service:
            def fetch(self, url: str) -> None:
                pass

        return impl.Mock(spec=Service), impl.create_autospec(Service, instance=True)

    for impl in (turbomock, stdlib_mock):
        plain, auto = make(impl)
        gc.collect()
        plain.fetch("u")
        auto.fetch("u")
        with pytest.raises(TypeError):
            auto.fetch()
        with pytest.raises(AttributeError):
            plain.other  # noqa: B018
        assert plain.__class__.__name__ == "Service"
