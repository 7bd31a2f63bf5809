"""The README's example of the Docker fake runs as written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from turbomock.fakes.docker import FakeDocker

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_example_passes() -> None:
    """The example under "Faking the Docker SDK" passes against the fake."""
    section = README.read_text().split("## Faking the Docker SDK", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert example is not None
    namespace: dict[str, Any] = {}
    exec(compile(example.group(1), str(README), "exec"), namespace)
    with FakeDocker() as fake:
        namespace["test_job_runs"](fake)
    assert fake.api.create_container.call_count == 2  # ImageNotFound, pull, create again
