"""Every text the switch, ``python -m turbomock run/info/bench`` and the pytest header show."""

from __future__ import annotations

#: The environment variable read at interpreter start-up (and by the pytest plugin).
ENV = "TURBOMOCK"
#: Set to 1 to also take the ``mock`` backport's names.
ENV_BACKPORT = "TURBOMOCK_BACKPORT"
#: Set to 1 to print the rebinding report on standard error when the switch goes on.
ENV_REPORT = "TURBOMOCK_REPORT"
#: The start-up hook's file name, installed in site-packages with the package.
PTH_NAME = "turbomock-switch.pth"

BAD_ENV = (
    "turbomock: {name}={value!r} is not understood (use 1 to switch turbomock on, "
    "0 or nothing to leave it off); the switch stays off.\n"
)
REPORT_HEADER = "turbomock: switched on ({via})"
REBOUND = "  rebound {where} (was {was})"
NOT_REBOUND = "  not rebound: {where}: {why}"
NOTHING_TO_REBIND = "  nothing bound before the switch"
WHY_SUBCLASS = "a subclass of the stdlib's {base}, defined before the switch"
WHY_MOCK = "a mock made by the stdlib before the switch"
WHY_PATCHED = "decorated with the stdlib's patch before the switch"
WHY_NO_COUNTERPART = "turbomock has no {name}"

HEADER_ACTIVE = "turbomock {version}: active ({via}), native core {native}"
#: The header when the switch is off (``{native}``: ``off (why)``, from ``_messages``).
HEADER_NATIVE_OFF = "turbomock {version}: native core {native}"
HEADER_REBOUND = "turbomock: {count} name(s) bound before the switch were rebound"
HEADER_NOT_REBOUND = "turbomock: {count} reference(s) could not be rebound (-v lists them)"

INFO = """turbomock {version} ({location})
python: {python} ({executable})
switch: {switch}
start-up hook: {hook}
native core: {native}
"""
INFO_SWITCH_ON = "on ({via})"
INFO_SWITCH_OFF = "off (set TURBOMOCK=1, or use `python -m turbomock run -- CMD`)"
INFO_HOOK_FOUND = "installed ({path})"
INFO_HOOK_MISSING = "not installed in this interpreter's site-packages: TURBOMOCK=1 has no effect"

RUN_NO_COMMAND = (
    "turbomock run: give the command after --, e.g. python -m turbomock run -- pytest\n"
)
RUN_NO_HOOK = (
    "turbomock run: the start-up hook ({pth}) is not installed for {executable}, so the "
    "command would not be switched. Install turbomock with pip (pip install turbomock, or "
    "pip install -e . in a checkout).\n"
)
RUN_NOT_FOUND = "turbomock run: command not found: {command}\n"

BENCH_NOT_FOUND = (
    "turbomock bench: cannot find the benchmark suite (bench/ beside src/).\n"
    "It is part of turbomock's source tree, not of the installed package: run it "
    "from a checkout installed with `python3 -m pip install -e .`.\n"
)
BENCH_CANNOT_LOAD = "cannot load {path}"
