"""Patches over time: as decorators (sync, async, class), with start/stop/stopall, and
misused. Each test runs against ``unittest.mock`` and turbomock with the same
assertions, or compares the two directly.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest

import patch_support
from engine_support import outcome
from patch_support import STDLIB, TURBO, Thing

# Fixtures, imported for pytest to find (the alias marks them used).
from patch_support import mock_fixture as mock_fixture
from patch_support import no_patch_left_started as no_patch_left_started

MOD = "patch_support"
PY310 = sys.version_info >= (3, 10)


# -- decorating -------------------------------------------------------------------------


def test_decorator_passes_created_mocks_bottom_up(mock: Any) -> None:
    """Stacked decorators append created mocks after the call's own arguments."""

    @mock.patch.object(Thing, "plain")
    @mock.patch.object(Thing, "static", "given")
    @mock.patch.object(Thing, "klass")
    def test(arg: str, klass_mock: Any, plain_mock: Any) -> Any:
        return arg, klass_mock, plain_mock

    arg, klass_mock, plain_mock = test("a")
    assert arg == "a"
    assert "name='klass'" in repr(klass_mock)
    assert "name='plain'" in repr(plain_mock)


def test_patchings_list_is_shared_by_stacked_decorators(mock: Any) -> None:
    """The first decorator makes the wrapper; the others append to its patchings."""
    bottom = mock.patch.object(Thing, "plain")
    top = mock.patch.object(Thing, "static", 1)

    def test(*args: Any) -> None:
        pass

    wrapped = bottom(test)
    assert top(wrapped) is wrapped
    assert wrapped.patchings == [bottom, top]
    assert [(p.attribute_name, p.new is mock.DEFAULT) for p in wrapped.patchings] == [
        (None, True), (None, False)]


def test_pytest_counts_the_mock_arguments(mock: Any) -> None:
    """pytest's own count of injected mocks (num_mock_patch_args) sees our patchings."""
    from _pytest.compat import num_mock_patch_args

    @mock.patch.object(Thing, "plain")
    @mock.patch.object(Thing, "static", 1)
    @mock.patch.multiple(Thing, klass=mock.DEFAULT)
    @mock.patch(f"{MOD}.fetch")
    def test(*args: Any, **kwargs: Any) -> None:
        pass

    assert mock.DEFAULT is STDLIB.DEFAULT
    assert num_mock_patch_args(test) == 2


def test_decorator_keeps_the_function_metadata(mock: Any) -> None:
    """The wrapper looks like the function: name, doc, __wrapped__."""

    def some_test() -> None:
        """Doc of the test."""

    wrapped = mock.patch.object(Thing, "plain", 1)(some_test)
    assert wrapped.__name__ == "some_test"
    assert wrapped.__doc__ == "Doc of the test."
    assert wrapped.__wrapped__ is some_test


def test_decorator_returns_the_function_result_and_restores(mock: Any) -> None:
    """The decorated function's return value passes through."""

    @mock.patch.object(Thing, "plain", "p")
    def test() -> str:
        return Thing.plain

    assert test() == "p"
    assert Thing.plain == "plain"


def test_async_functions_get_a_coroutine_wrapper(mock: Any) -> None:
    """Decorating an async def gives an async def; the patch spans the awaited body."""
    import inspect

    @mock.patch(f"{MOD}.afetch")
    async def test(afetch_mock: Any) -> Any:
        await asyncio.sleep(0)
        result = await patch_support.afetch("u")
        return result, afetch_mock

    assert inspect.iscoroutinefunction(test)
    result, afetch_mock = asyncio.run(test())
    assert result is afetch_mock.return_value
    afetch_mock.assert_awaited_once_with("u")
    assert patch_support.afetch.__name__ == "afetch"


def test_async_wrapper_restores_when_the_coroutine_raises(mock: Any) -> None:
    """An exception inside the awaited body still undoes the patch."""

    @mock.patch.object(Thing, "plain", "p")
    async def test() -> None:
        raise ValueError("async")

    with pytest.raises(ValueError, match="async"):
        asyncio.run(test())
    assert Thing.plain == "plain"


def test_class_decorator_wraps_only_test_prefixed_methods(mock: Any) -> None:
    """Methods starting with patch.TEST_PREFIX are patched, the rest left alone."""

    @mock.patch.object(Thing, "plain", "p")
    class Case:
        def test_one(self) -> str:
            return Thing.plain

        def helper(self) -> str:
            return Thing.plain

    assert Case().test_one() == "p"
    assert Case().helper() == "plain"


def test_class_decorator_honours_a_changed_test_prefix(mock: Any) -> None:
    """Setting patch.TEST_PREFIX changes which methods a class decorator wraps."""
    with mock.patch.object(mock.patch, "TEST_PREFIX", "check"):

        @mock.patch.object(Thing, "plain", "p")
        class Case:
            def check_one(self) -> str:
                return Thing.plain

            def test_one(self) -> str:
                return Thing.plain

    assert Case().check_one() == "p"
    assert Case().test_one() == "plain"


def test_class_decorator_gives_each_method_its_own_patcher(mock: Any) -> None:
    """Each wrapped method gets a copy, so the patchers are distinct objects."""
    patcher = mock.patch.object(Thing, "plain")

    @patcher
    class Case:
        def test_one(self, m: Any) -> Any:
            return m

        def test_two(self, m: Any) -> Any:
            return m

    first, second = Case.test_one.patchings[0], Case.test_two.patchings[0]
    assert first is not patcher
    assert second is not patcher
    assert first is not second
    assert Case().test_one() is not Case().test_two()


def test_multiple_passes_created_mocks_by_keyword(mock: Any) -> None:
    """patch.multiple with DEFAULT hands the created mocks over as keywords."""

    @mock.patch.multiple(Thing, plain=mock.DEFAULT, static="given")
    def test(**kwargs: Any) -> Any:
        return kwargs

    kwargs = test()
    assert list(kwargs) == ["plain"]
    assert isinstance(kwargs["plain"], mock.MagicMock)


def test_multiple_as_context_manager_returns_created_mocks(mock: Any) -> None:
    """``with patch.multiple(...)`` gives a dict of the mocks it created."""
    with mock.patch.multiple(f"{MOD}", fetch=mock.DEFAULT, value=5) as values:
        assert list(values) == ["fetch"]
        assert patch_support.fetch is values["fetch"]
        assert patch_support.value == 5
    assert patch_support.value == 3


def test_multiple_without_attributes_is_refused(mock: Any) -> None:
    """patch.multiple needs at least one keyword."""
    with pytest.raises(ValueError, match=r"^Must supply") as info:
        mock.patch.multiple(Thing)
    assert str(info.value) == "Must supply at least one keyword argument with patch.multiple"


def test_multiple_patchers_carry_attribute_names(mock: Any) -> None:
    """The first attribute is the patcher, the rest its additional_patchers."""
    patcher = mock.patch.multiple(Thing, plain=1, static=2)
    assert patcher.attribute_name == "plain"
    assert [p.attribute_name for p in patcher.additional_patchers] == ["static"]


# -- start, stop, stopall ---------------------------------------------------------------


def test_start_returns_the_mock_and_stop_restores(mock: Any) -> None:
    """start() patches and returns what ``with`` would bind; stop() undoes it."""
    patcher = mock.patch.object(Thing, "plain")
    created = patcher.start()
    assert Thing.plain is created
    assert patcher.stop() is False
    assert Thing.plain == "plain"


def test_stop_without_start_returns_none(mock: Any) -> None:
    """Stopping a patcher that is not active is a no-op returning None."""
    patcher = mock.patch.object(Thing, "plain", 1)
    assert patcher.stop() is None
    patcher.start()
    patcher.stop()
    assert patcher.stop() is None


def test_stopall_stops_in_reverse_start_order(mock: Any) -> None:
    """patch.stopall() unwinds the most recently started patch first."""
    stopped: list[str] = []

    class Recording(mock._patch):  # type: ignore[misc,name-defined]
        def stop(self) -> Any:
            stopped.append(self.attribute)
            return super().stop()

    for name in ("plain", "static", "klass"):
        Recording(lambda: Thing, name, 1, None, False, None, None, None, {}).start()
    mock.patch.stopall()
    assert stopped == ["klass", "static", "plain"]
    assert Thing.plain == "plain"


def test_stopall_stops_dict_patches_too(mock: Any) -> None:
    """Dict patches started with start() are part of stopall."""
    d = {"a": 1}
    mock.patch.object(Thing, "plain", 1).start()
    mock.patch.dict(d, b=2).start()
    mock.patch.stopall()
    assert d == {"a": 1}
    assert Thing.plain == "plain"


def test_exiting_an_unstarted_patch_is_an_attribute_error(mock: Any) -> None:
    """As in the stdlib, __exit__ without __enter__ fails on the missing state."""
    patcher = mock.patch.object(Thing, "plain", 1)
    with pytest.raises(AttributeError) as info:
        patcher.__exit__(None, None, None)
    assert str(info.value) == "'_patch' object has no attribute 'is_local'"


def test_state_attributes_exist_only_while_patched(mock: Any) -> None:
    """target, temp_original and is_local describe an active patch, then vanish."""
    patcher = mock.patch.object(Thing, "plain", 1)
    with patcher:
        assert patcher.target is Thing
        assert patcher.temp_original == "plain"
        assert patcher.is_local is True
    for name in ("target", "temp_original", "is_local"):
        assert not hasattr(patcher, name)


def test_patcher_attributes_match_the_arguments(mock: Any) -> None:
    """The patcher exposes its arguments under the stdlib's attribute names."""
    patcher = mock.patch(f"{MOD}.fetch", spec=len, create=True, new_callable=dict, extra=1)
    assert (patcher.attribute, patcher.new, patcher.spec, patcher.create) == (
        "fetch", mock.DEFAULT, len, True)
    assert (patcher.spec_set, patcher.autospec, patcher.new_callable) == (None, None, dict)
    assert patcher.kwargs == {"extra": 1}
    assert patcher.attribute_name is None
    assert patcher.additional_patchers == []
    assert patcher.getter() is patch_support


def test_copy_keeps_settings_and_copies_additional_patchers(mock: Any) -> None:
    """copy() gives an independent patcher with the same settings."""
    patcher = mock.patch.multiple(Thing, plain=1, static=2)
    twin = patcher.copy()
    assert twin is not patcher
    assert (twin.attribute, twin.new, twin.attribute_name) == ("plain", 1, "plain")
    assert twin.additional_patchers[0] is not patcher.additional_patchers[0]
    assert twin.additional_patchers[0].attribute_name == "static"


@pytest.mark.parametrize("sequence", ["start,start,stop,stop", "enter,exit,exit",
                                      "start,stop,start,stop", "stop,start,stop"])
def test_misuse_sequences_behave_as_the_stdlib(sequence: str) -> None:
    """Starting twice, exiting twice and the like end as they do with the stdlib."""

    def run(mock: Any) -> Any:
        class Target:
            attr = "orig"

        patcher = mock.patch.object(Target, "attr", "new")
        steps = {"start": patcher.start, "stop": patcher.stop, "enter": patcher.__enter__,
                 "exit": lambda: patcher.__exit__(None, None, None)}
        log = [outcome(steps[step]) for step in sequence.split(",")]
        mock._patch._active_patches.clear()
        return log, Target.__dict__.get("attr")

    assert run(TURBO) == run(STDLIB)


# -- version-specific arguments ---------------------------------------------------------


@pytest.mark.skipif(not PY310, reason="the typo check arrived in 3.10")
@pytest.mark.parametrize("typo", ["autospect", "auto_spec", "set_spec"])
def test_spec_typos_are_refused_unless_unsafe(mock: Any, typo: str) -> None:
    """A misspelt autospec/spec_set is a RuntimeError; unsafe=True lets it through."""
    with pytest.raises(RuntimeError) as info:
        mock.patch(f"{MOD}.fetch", **{typo: True})
    assert str(info.value) == f"{typo!r} might be a typo; use unsafe=True if this is intended"
    mock.patch(f"{MOD}.fetch", unsafe=True, **{typo: True})
    mock.patch.object(Thing, "plain", unsafe=True, **{typo: True})


@pytest.mark.skipif(not PY310, reason="InvalidSpecError arrived in 3.10")
def test_a_mock_as_spec_is_refused(mock: Any) -> None:
    """A spec that is itself a mock is an InvalidSpecError at creation."""
    with pytest.raises(mock.InvalidSpecError, match="Cannot spec attr 'fetch'"):
        mock.patch(f"{MOD}.fetch", spec=mock.Mock())


def test_signatures_match_the_stdlib() -> None:
    """Same parameters, kinds and defaults as this Python's unittest.mock."""
    import inspect

    def shape(func: Any) -> list[Any]:
        params = inspect.signature(func).parameters.values()
        return [(p.name, p.kind, repr(p.default)) for p in params]

    for name in ("object", "multiple", "dict", "stopall"):
        assert shape(getattr(TURBO.patch, name)) == shape(getattr(STDLIB.patch, name)), name
    assert shape(TURBO.patch) == shape(STDLIB.patch)
    if PY310:  # 3.9's _patch takes no ``unsafe``; ours ignores it there
        assert shape(TURBO._patch) == shape(STDLIB._patch)


def test_decoration_helper_enters_and_unwinds_like_the_stdlib(mock: Any) -> None:
    """The stdlib's decoration_helper still works for subclasses that use it."""

    def func(*args: Any) -> None:
        pass

    patched = mock.patch.object(Thing, "plain")(func)
    helper = patched.patchings[0].decoration_helper
    with helper(patched, ("a",), {}) as (args, keywargs):
        assert args[0] == "a"
        assert Thing.plain is args[1]
        assert keywargs == {}
    assert Thing.plain == "plain"
    with pytest.raises(KeyError), helper(patched, (), {}):
        raise KeyError("x")
    assert Thing.plain == "plain"


def test_get_original_answers_as_entering_finds(mock: Any) -> None:
    """``get_original()``: own, inherited, builtin and missing names as the stdlib's;
    a subclass that overrides it is what entering uses."""

    class Sub(Thing):
        pass

    assert mock.patch.object(Thing, "plain").get_original() == ("plain", True)
    assert mock.patch.object(Sub, "plain").get_original() == ("plain", False)
    assert mock.patch.object(Thing(), "plain").get_original() == ("plain", False)
    builtin = mock.patch(f"{MOD}.len")
    assert builtin.get_original() == (mock.DEFAULT, False)
    assert builtin.create is True  # a builtin may be patched into a module without it
    with pytest.raises(AttributeError, match="does not have the attribute 'nope'"):
        mock.patch.object(Thing, "nope").get_original()
    assert mock.patch.object(Thing, "nope", create=True).get_original()[1] is False

    class Fixed(type(mock.patch.object(Thing, "plain"))):  # type: ignore[misc]
        def get_original(self) -> tuple[Any, bool]:
            return "fixed", False

    patcher = Fixed(lambda: Thing, "plain", "new", None, False, None, None, None, {})
    with patcher:
        assert Thing.plain == "new"
    assert Thing.plain == "fixed"
    Thing.plain = "plain"


@pytest.mark.xfail(
    strict=True,
    reason="turbomock differs [KD-warning-module]: a warning issued while the @patch "
    "wrapper runs (an AsyncMock's coroutine never awaited, freed as the test returns) "
    "is attributed to the wrapper's module, turbomock._patch, not unittest.mock",
)
def test_a_warning_from_the_wrapper_names_the_stdlibs_module() -> None:
    """``warnings.filterwarnings(..., module='unittest.mock')`` matches the same warnings."""
    import warnings

    def module_of_the_warning(mod: Any) -> list[str]:
        @mod.patch("os.getcwd")
        async def test(_: Any) -> None:
            left = mod.AsyncMock()()  # noqa: F841 - never awaited: freed with the frame

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            asyncio.run(test())
        return [w.filename.rsplit("/", 2)[-2] for w in caught if w.category is RuntimeWarning]

    assert module_of_the_warning(TURBO) == module_of_the_warning(STDLIB) == ["unittest"]
