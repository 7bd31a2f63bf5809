"""What ``python -m turbomock info`` says: version, switch, hook, native core (the last
from ``_native``, which the bench and pytest headers ask too)."""

from __future__ import annotations

import site
import sys
from pathlib import Path

import turbomock
from turbomock import _native, _switch
from turbomock import _switch_messages as msg

__all__ = ["info_text", "startup_hook_path"]


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
        native=_native.native_status(),
    )
