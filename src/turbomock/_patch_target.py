"""Turning a dotted target string into the object to patch, cheaply after the first time.

Each Python resolves the string its own way: 3.9/3.10 import the first name and
then ``getattr`` along the rest, importing a submodule only when an attribute is
missing; 3.11+ uses ``pkgutil.resolve_name``, which imports as long a module prefix
as it can before any ``getattr``. The stdlib repeats all of that on every enter.

Here the first resolution of a name (3.11+) runs ``pkgutil.resolve_name`` itself and
then records where the module part ended. Later resolutions look the modules up in
``sys.modules`` and redo only the ``getattr`` chain, which must stay live (an outer
patch may have replaced an object along the way). The record is used only while it
still describes what an import would do: every module of the prefix is still loaded
and the name right after it has not become a loaded module since.
"""

from __future__ import annotations

import sys
from functools import partial

from turbomock import _messages as msg
from turbomock._compat import TARGETS_BY_RESOLVE_NAME

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

#: name -> (module names, in import order; the module name that failed to import
#: after them or None; attribute names to get from the last module).
_Plan = tuple[tuple[str, ...], "str | None", tuple[str, ...]]
_plans: dict[str, _Plan] = {}
#: Names seen; past this, the cache starts over rather than grow without bound.
_MAX_PLANS = 4096


def _plan_for(name: str, resolved: object) -> _Plan | None:
    """How ``resolve_name`` got to ``resolved``, replayed against ``sys.modules``.

    Returns None when the replay does not land on the same object: such a name is
    simply resolved the slow way every time.
    """
    modules = sys.modules
    if ":" in name:
        package, _, rest = name.partition(":")
        parts = package.split(".")
        attrs = rest.split(".") if rest else []
        prefixes = [".".join(parts[: i + 1]) for i in range(len(parts))]
        probe = None
    else:
        parts = name.split(".")
        prefixes = [parts[0]]
        attrs = parts[1:]
        while attrs and modules.get(f"{prefixes[-1]}.{attrs[0]}") is not None:
            prefixes.append(f"{prefixes[-1]}.{attrs.pop(0)}")
        probe = f"{prefixes[-1]}.{attrs[0]}" if attrs else None
    obj: Any = modules.get(prefixes[-1])
    try:
        for attr in attrs:
            obj = getattr(obj, attr)
    except AttributeError:
        return None
    if obj is not resolved:
        return None
    return tuple(prefixes), probe, tuple(attrs)


def _resolve_name(name: str) -> Any:
    """``pkgutil.resolve_name(name)``, without re-importing what is already loaded."""
    plan = _plans.get(name)
    if plan is not None:
        prefixes, probe, attrs = plan
        modules = sys.modules
        obj: Any = None
        for prefix in prefixes:
            obj = modules.get(prefix)
            if obj is None:
                break
        else:
            if probe is None or modules.get(probe) is None:
                for attr in attrs:
                    obj = getattr(obj, attr)
                return obj
    import pkgutil

    obj = pkgutil.resolve_name(name)
    if len(_plans) >= _MAX_PLANS:
        _plans.clear()
    plan = _plan_for(name, obj)
    if plan is not None:
        _plans[name] = plan
    return obj


def _import_dotted(name: str) -> Any:
    """The 3.9/3.10 lookup: import the first name, then ``getattr`` along the rest,
    importing ``a.b`` only when ``a`` has no attribute ``b``."""
    components = name.split(".")
    path = components[0]
    obj = __import__(path)
    for component in components[1:]:
        path = f"{path}.{component}"
        try:
            obj = getattr(obj, component)
        except AttributeError:
            __import__(path)
            obj = getattr(obj, component)
    return obj


#: The object a dotted name (``'package.module.Class'``) refers to, as this Python's
#: ``patch`` finds it.
_importer: Callable[[str], Any] = _resolve_name if TARGETS_BY_RESOLVE_NAME else _import_dotted


def _get_target(target: Any) -> tuple[Callable[[], Any], str]:
    """Split ``'package.module.attr'`` into a getter for the owner and ``'attr'``."""
    try:
        owner, attribute = target.rsplit(".", 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(msg.invalid_target(target)) from None
    return partial(_importer, owner), attribute
