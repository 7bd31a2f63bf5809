"""The fakes' pytest fixtures, registered by turbomock's pytest plugin.

Importing this loads neither fake (nor docker-py): each fixture imports its fake
when a test asks for it.
"""

from __future__ import annotations

from turbomock.fakes._docker_pytest import fake_docker as fake_docker
from turbomock.fakes._subprocess_pytest import fake_subprocess as fake_subprocess

__all__ = ["fake_docker", "fake_subprocess"]
