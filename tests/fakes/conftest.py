"""Fixtures of the fakes, registered here until turbomock's pytest plugin serves them."""

from turbomock.fakes._docker_pytest import fake_docker as fake_docker
from turbomock.fakes._subprocess_pytest import fake_subprocess  # noqa: F401  (until the plugin serves it)
