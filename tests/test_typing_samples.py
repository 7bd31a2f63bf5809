"""The typed samples in tests/type_samples/ run, and the typed face of ``patch`` matches it.

mypy and pyright check the samples in CI (``.ci/run``); here every ``use_*`` function
runs, so a sample that type-checks also shows what really happens, and the declared
call forms of ``patch`` are held to the run-time signatures they describe.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from typing import Any, Callable

import pytest
import tests.type_samples

import turbomock

SAMPLES = sorted(
    info.name
    for info in pkgutil.iter_modules(tests.type_samples.__path__)
    if info.name.startswith("sample_")
)


def sample_uses() -> list[tuple[str, Callable[[], None]]]:
    """Every ``use_*`` function of every sample, by ``module.function``."""
    found = []
    for name in SAMPLES:
        module = importlib.import_module(f"tests.type_samples.{name}")
        for attr, value in vars(module).items():
            if attr.startswith("use_") and callable(value):
                found.append((f"{name}.{attr}", value))
    return found


USES = sample_uses()


def test_samples_cover_the_public_api_forms() -> None:
    """There are samples for patch and for the mocks, each with uses to run."""
    assert {"sample_patch", "sample_mocks", "sample_rejected"} <= set(SAMPLES)
    assert len(USES) >= 25


@pytest.mark.parametrize("use", [use for _, use in USES], ids=[name for name, _ in USES])
def test_sample_runs(use: Callable[[], None]) -> None:
    """Each typed use works as written, on this Python."""
    use()


def test_rejected_forms_fail_at_run_time_too() -> None:
    """What the checkers reject in sample_rejected also fails when run."""
    from tests.type_samples.sample_rejected import Thing, keeps_its_signature

    with pytest.raises(TypeError, match="Can't pass kwargs to a mock we aren't creating"):
        turbomock.patch("os.getcwd", 5, return_value=1).start()
    with pytest.raises(TypeError):
        turbomock.patch.stopall(True)  # type: ignore[call-arg]
    assert keeps_its_signature(1) == 1
    with pytest.raises(TypeError, match="Need a valid target to patch"):
        turbomock.patch(Thing, "size")  # type: ignore[call-overload]


needs_overload_registry = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="typing.get_overloads is new in 3.11"
)


def declared_forms(name: str) -> list[inspect.Signature]:
    """The overloads ``Patcher`` declares for ``name`` (``__call__`` for patch itself)."""
    from typing import get_overloads  # type: ignore[attr-defined,unused-ignore]

    importlib.import_module("turbomock._patch_typing")  # registers the overloads
    # An overloaded name without an implementation is typing's dummy: the registry is
    # reached through a stand-in carrying the overloads' module and qualified name.
    def probe() -> None: ...

    probe.__module__ = "turbomock._patch_typing"
    probe.__qualname__ = f"Patcher.{name}"
    forms = [inspect.signature(f) for f in get_overloads(probe)]
    if name == "__call__":
        forms = [s.replace(parameters=list(s.parameters.values())[1:]) for s in forms]
    return forms


def check_form(form: inspect.Signature, runtime: Callable[..., Any]) -> None:
    """Every parameter a declared form names exists at run time, of a kind that
    accepts the same use, with the same default where the form gives one."""
    actual = inspect.signature(runtime).parameters
    for name, param in form.parameters.items():
        if param.kind is param.VAR_KEYWORD:
            assert any(p.kind is p.VAR_KEYWORD for p in actual.values()), name
            continue
        if name not in actual:
            # 3.9 has no ``unsafe``: there the keyword lands in **kwargs.
            assert name == "unsafe", name
            assert sys.version_info < (3, 10), name
            continue
        real = actual[name]
        accepted = (real.POSITIONAL_OR_KEYWORD,)
        if param.kind is not param.POSITIONAL_OR_KEYWORD:
            accepted += (real.KEYWORD_ONLY,)
        assert real.kind in accepted, name
        if param.default is not param.empty:
            assert real.default == param.default, name


@needs_overload_registry
@pytest.mark.parametrize(
    ("member", "runtime"),
    [
        ("__call__", turbomock.patch),
        ("object", turbomock.patch.object),
    ],
    ids=["patch", "patch.object"],
)
def test_declared_call_forms_match_the_runtime_signature(
    member: str, runtime: Callable[..., Any]
) -> None:
    """The typed overloads of patch and patch.object describe the real parameters."""
    forms = declared_forms(member)
    assert len(forms) == 3
    for form in forms:
        check_form(form, runtime)


def test_declared_multiple_and_stopall_match_the_runtime_signature() -> None:
    """patch.multiple and patch.stopall are declared with the real parameters."""
    from turbomock._patch_typing import Patcher

    for member in ("multiple", "stopall"):
        declared = inspect.signature(getattr(Patcher, member))
        check_form(declared, getattr(turbomock.patch, member))
        assert list(declared.parameters) == list(
            inspect.signature(getattr(turbomock.patch, member)).parameters
        )


def test_declared_attributes_are_patch_attributes() -> None:
    """Every member the Patcher protocol declares is an attribute of patch, and back."""
    from turbomock._patch_typing import Patcher

    declared = {name for name in vars(Patcher) if not name.startswith("_")} | set(
        Patcher.__annotations__
    )
    assert declared == set(vars(turbomock.patch))
    from turbomock._patch_mapping import _patch_dict

    assert turbomock.patch.dict is _patch_dict


def test_patch_is_still_the_stdlib_kind_of_object() -> None:
    """At run time patch is a plain function, as unittest.mock.patch is."""
    import types
    import unittest.mock

    assert type(turbomock.patch) is types.FunctionType is type(unittest.mock.patch)
    assert turbomock.patch.__name__ == "patch"
    assert turbomock.patch.__code__.co_name == "patch"
    stdlib = inspect.signature(unittest.mock.patch).parameters
    ours = inspect.signature(turbomock.patch).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in stdlib.values()
    ]
