"""Without docker-py, importing the fake says what to install; the fixture module still imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_DOCKER = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoDocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "docker" or name.startswith("docker."):
                raise ImportError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, NoDocker())
    """
)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_DOCKER + textwrap.dedent(code)],
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_import_without_docker_names_the_extra() -> None:
    """Importing turbomock.fakes.docker without docker-py raises ImportError naming the extra."""
    result = _run(
        """
        try:
            import turbomock.fakes.docker
        except ImportError as error:
            print(repr(str(error)), error.name)
        """
    )
    assert result.stdout.strip() == (
        "\"turbomock.fakes.docker needs the Docker SDK for Python (docker-py): "
        "pip install 'turbomock[docker]'\" docker"
    ), result.stderr


def test_import_without_docker_keeps_turbomock_whole() -> None:
    """turbomock and the fixture module import without docker-py; docker is never loaded."""
    result = _run(
        """
        import sys
        import turbomock, turbomock.fakes, turbomock.fakes._docker_pytest
        print(sorted(name for name in sys.modules if name.split(".")[0] == "docker"))
        """
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr
