"""The names of the stdlib's ``unittest.mock`` module beyond its documented API, as
turbomock answers them (``turbomock.X``, through the package's ``__getattr__``).

Code written for the stdlib imports some of them: ``from unittest.mock import
_patch_dict`` for a type hint, ``mock._is_instance_mock(x)``, the tables of magic
method names. With the switch on, ``unittest.mock`` *is* turbomock, so they must be
found here. Three kinds:

- ``COUNTERPARTS``: turbomock's own object doing the same job (its ``_patch_dict``
  class, its ``_is_instance_mock``, its name tables, equal to the stdlib's);
- ``BORROWED``: what the stdlib's module only imported from elsewhere (``sys``,
  ``partial``, ``safe_repr``): the very same object;
- ``NO_COUNTERPART``: helpers of the stdlib's own implementation that turbomock's
  design does not have. Reading one raises ``AttributeError`` saying so: handing out
  the stdlib's helper instead would act on the stdlib's classes and silently
  misbehave on turbomock's mocks.

A name the running stdlib lacks (``_check_spec_arg_typos`` on 3.9) is not answered.
"""

from __future__ import annotations

from importlib import import_module

from turbomock import _messages as msg
from turbomock._compat import (
    OPEN_SPEC_AS_NAMES,
    SPEC_ARGUMENTS_CHECKED,
    STDLIB_HAS_THREADING_MOCK,
    STDLIB_MOCK_CODE_SPECS,
    STDLIB_MOCK_HAS_RLOCK,
    TARGETS_BY_RESOLVE_NAME,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: name -> (module, attribute) of turbomock's counterpart.
COUNTERPARTS: dict[str, tuple[str, str]] = {
    "AsyncMagicMixin": ("turbomock._magic", "AsyncMagicMixin"),
    "FunctionTypes": ("turbomock._spec", "FunctionTypes"),
    "MagicProxy": ("turbomock._magic", "MagicProxy"),
    "_MockIter": ("turbomock._mock", "_MockIter"),
    "_Sentinel": ("turbomock._sentinels", "SENTINEL_TYPE"),  # (the stdlib's, if taken)
    "_SentinelObject": ("turbomock._sentinels", "SENTINEL_OBJECT_TYPE"),
    "_SpecState": ("turbomock._spec_state", "_SpecState"),
    "_all_magics": ("turbomock._magic_names", "ALL_MAGICS"),
    "_all_sync_magics": ("turbomock._magic_names", "ALL_SYNC_MAGICS"),
    "_async_magics": ("turbomock._magic_names", "ASYNC_MAGICS"),
    "_async_method_magics": ("turbomock._magic_names", "ASYNC_METHOD_MAGICS"),
    "_builtins": ("turbomock._patch", "_builtins"),
    "_calculate_return_value": ("turbomock._magic_names", "CALCULATED_RETURN_VALUES"),
    "_clear_dict": ("turbomock._patch_mapping", "_clear_dict"),
    "_deleted": ("turbomock._sentinels", "_deleted"),
    "_extract_mock": ("turbomock._attributes", "extract_mock"),
    "_instance_callable": ("turbomock._spec", "instance_callable"),
    "_is_async_func": ("turbomock._autospec", "_is_async_func"),
    "_is_async_obj": ("turbomock._patch_mock", "_is_async_obj"),
    "_is_exception": ("turbomock._spec", "is_exception"),
    "_is_instance_mock": ("turbomock._mock", "_is_instance_mock"),
    "_is_list": ("turbomock._spec", "is_list"),
    "_is_magic": ("turbomock._magic_names", "is_magic"),
    "_missing": ("turbomock._sentinels", "_missing"),
    "_non_defaults": ("turbomock._magic_names", "NON_DEFAULTS"),
    "_patch_dict": ("turbomock._patch_mapping", "_patch_dict"),
    "_patch_multiple": ("turbomock._patch", "_patch_multiple"),
    "_patch_object": ("turbomock._patch", "_patch_object"),
    "_patch_stopall": ("turbomock._patch", "_patch_stopall"),
    "_return_values": ("turbomock._magic_names", "RETURN_VALUES"),
    "_sync_async_magics": ("turbomock._magic_names", "SYNC_ASYNC_MAGICS"),
    "_try_iter": ("turbomock._mock", "_try_iter"),
    "_unsupported_magics": ("turbomock._magic_names", "UNSUPPORTED_MAGICS"),
}
if SPEC_ARGUMENTS_CHECKED:
    COUNTERPARTS["_check_spec_arg_typos"] = ("turbomock._spec", "check_spec_arg_typos")
if not TARGETS_BY_RESOLVE_NAME:
    COUNTERPARTS["_importer"] = ("turbomock._patch_target", "_importer")

#: name -> (module, attribute) of what the stdlib's module imported under that name.
BORROWED: dict[str, tuple[str, str]] = {
    "CodeType": ("types", "CodeType"),
    "MethodType": ("types", "MethodType"),
    "ModuleType": ("types", "ModuleType"),
    "RLock": ("threading", "RLock"),
    "_safe_super": ("builtins", "super"),
    "iscoroutinefunction": ("asyncio.coroutines", "iscoroutinefunction"),
    "partial": ("functools", "partial"),
    "safe_repr": ("unittest.util", "safe_repr"),
    "wraps": ("functools", "wraps"),
    **{
        module: (module, "")
        for module in ("asyncio", "builtins", "contextlib", "inspect", "io", "pprint", "sys")
    },
}
if TARGETS_BY_RESOLVE_NAME:
    BORROWED["pkgutil"] = ("pkgutil", "")
if not STDLIB_MOCK_HAS_RLOCK:
    del BORROWED["RLock"]
if STDLIB_HAS_THREADING_MOCK:
    BORROWED["threading"] = ("threading", "")

#: The stdlib's own helpers (and module-level state) turbomock has no counterpart of.
NO_COUNTERPART = frozenset({
    "_AnyComparer", "_AsyncIterator", "_check_and_set_parent",
    "_check_signature", "_copy_func_details", "_delegating_property",
    "_format_call_signature", "_get_async_iter", "_get_eq", "_get_iter", "_get_method",
    "_get_ne", "_get_signature_object", "_must_skip", "_set_return_value",
    "_set_signature", "_setup_async_mock", "_setup_func", "_side_effect_methods",
    "_to_stream", "file_spec", "inplace", "magic_methods", "numerics", "right",
    "_allowed_names",
    *(("open_spec",) if OPEN_SPEC_AS_NAMES else ()),
    *(
        ("_CODE_ATTRS", "_CODE_SIG", "_ATTRIB_DENY_LIST")
        if STDLIB_MOCK_CODE_SPECS
        else ("_MOCK_SIG",)
    ),
    *(("_timeout_unset", "_set_async_signature") if STDLIB_HAS_THREADING_MOCK else ()),
    *(() if TARGETS_BY_RESOLVE_NAME else ("_dot_lookup",)),
})


def resolve(package: str, name: str) -> Any:
    """``turbomock.<name>`` for a name of the stdlib's module that is not turbomock's
    API; AttributeError (with the reason) for anything else."""
    found = COUNTERPARTS.get(name) or BORROWED.get(name)
    if found is not None:
        module_name, attribute = found
        module = import_module(module_name)
        return getattr(module, attribute) if attribute else module
    if name in NO_COUNTERPART:
        raise AttributeError(msg.no_counterpart(package, name))
    raise AttributeError(msg.no_module_attribute(package, name))
