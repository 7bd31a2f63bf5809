"""Build the optional native core and install the start-up hook; the metadata is in
pyproject.toml."""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

#: The start-up hook: site-packages/turbomock-switch.pth. Python runs a .pth line that
#: starts with "import" at every start-up, so the line costs one dictionary lookup
#: unless TURBOMOCK is set (then it turns the switch on; see turbomock._switch).
PTH_NAME = "turbomock-switch.pth"
PTH_LINE = (
    'import os; os.environ.get("TURBOMOCK", "") not in ("", "0") and '
    '__import__("turbomock._switch", None, None, ["startup"]).startup()\n'
)


class build_py_with_startup_hook(build_py):
    """``build_py`` that also puts the start-up hook at the root of what gets installed.

    A wheel installs ``build_lib``'s root into site-packages. An editable install
    (``pip install -e .``) does not copy ``build_lib``; there setuptools installs into
    the wheel it builds (``install_lib``), so the hook goes there instead.
    """

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            root = Path(self.get_finalized_command("install").install_lib)
        else:
            root = Path(self.build_lib)
        root.mkdir(parents=True, exist_ok=True)
        (root / PTH_NAME).write_text(PTH_LINE, encoding="utf-8")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            outputs.append(str(Path(self.build_lib) / PTH_NAME))
        return outputs


# optional: without a compiler the build goes on, and turbomock runs on its pure-Python
# code (see src/turbomock/_native.py). TURBOMOCK_BUILD_NATIVE=0 skips it: the tests use
# that for an editable install beside a running one, whose loaded module it would rewrite.
NATIVE = [
    Extension(
        "turbomock._speedups",
        ["src/turbomock/_speedups.c", "src/turbomock/_fast_mocks.c", "src/turbomock/_fast_calls.c",
         "src/turbomock/_shared_keys.c"],
        depends=["src/turbomock/_native_core.h"],
        optional=True,
    )
]

setup(
    cmdclass={"build_py": build_py_with_startup_hook},
    ext_modules=[] if os.environ.get("TURBOMOCK_BUILD_NATIVE") == "0" else NATIVE,
)
