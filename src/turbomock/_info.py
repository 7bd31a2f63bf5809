"""What ``python -m turbomock info`` and the pytest header say: version, switch, hook,
native core."""

from __future__ import annotations

import os
import site
import sys
from importlib import import_module
from pathlib import Path

import turbomock
from turbomock import _native, _switch
from turbomock import _switch_messages as msg

__all__ = ["info_text", "native_status", "startup_hook_path"]


def native_status() -> str:
    """Whether the native core is on and, when it is off, why."""
    if _native.NATIVE is not None:
        return msg.NATIVE_ON
    if os.environ.get("TURBOMOCK_PURE_PYTHON", "") not in ("", "0"):
        return msg.NATIVE_FORCED_OFF
    try:
        import_module("turbomock._speedups")
    except ModuleNotFoundError as exc:
        if exc.name == "turbomock._speedups":
            return msg.NATIVE_NOT_BUILT
        return msg.NATIVE_FAILED.format(error=exc)
    except ImportError as exc:
        return msg.NATIVE_FAILED.format(error=exc)
    return msg.NATIVE_ON  # pragma: no cover - _native found it unloadable just before


def startup_hook_path() -> Path | None:
    """The start-up hook file in one of this interpreter's site directories, or None."""
    directories = list(site.getsitepackages()) if hasattr(site, "getsitepackages") else []
    if site.ENABLE_USER_SITE:
        directories.append(site.getusersitepackages())
    for directory in directories:
        path = Path(directory) / msg.PTH_NAME
        if path.is_file():
            return path
    return None


def info_text() -> str:
    """The report of ``python -m turbomock info``."""
    import platform

    via = _switch.via()
    hook = startup_hook_path()
    return msg.INFO.format(
        version=turbomock.__version__,
        location=Path(turbomock.__file__ or "?").parent,
        python=platform.python_version(),
        executable=sys.executable,
        switch=msg.INFO_SWITCH_OFF if via is None else msg.INFO_SWITCH_ON.format(via=via),
        hook=msg.INFO_HOOK_MISSING if hook is None else msg.INFO_HOOK_FOUND.format(path=hook),
        native=native_status(),
    )
