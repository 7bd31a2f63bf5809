"""Image pre-pull before a deploy: the code under test of seed 002.

``prepull_images(recipe, domain)`` warms the local image store before an app is
deployed, so a bad tag fails fast with a clear error rather than as a converge
timeout, and cached pinned tags cost no network at all:

1. resolve the recipe's images with ``docker compose config --images``, using the
   ``COMPOSE_FILE`` of the app's ``.env`` (read by the shell, so ``$VERSION`` and
   several compose files work);
2. skip the images ``docker image inspect`` finds locally;
3. ``docker pull`` the rest, raising ``RuntimeError`` naming the image if one fails.

Resolving is best effort: no images means nothing to do (the deploy pulls as usual).
"""

from __future__ import annotations

import logging
import os
import subprocess
from typing import Any

ABRA_DIR = os.path.expanduser("~/.abra")
SERVER = os.environ.get("CC_SERVER", "default")
PULL_TIMEOUT = 600  # seconds; a pull slower than this is a failure too

log = logging.getLogger(__name__)


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command for its output and status (text; a failure is looked at, not raised)."""
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)


def compose_files(recipe_dir: str, env_file: str) -> list[str]:
    """The compose files the app's ``.env`` names in ``COMPOSE_FILE`` (":"-separated)."""
    script = f'set -a; . "{env_file}"; echo "${{COMPOSE_FILE:-compose.yml}}"'
    names = _run(["bash", "-c", script], cwd=recipe_dir).stdout.strip()
    return names.split(":") if names else ["compose.yml"]


def app_configured(recipe_dir: str, env_file: str) -> bool:
    """Whether the recipe is checked out and the app has its ``.env``."""
    return os.path.isdir(recipe_dir) and os.path.isfile(env_file)


def resolve_images(recipe: str, domain: str) -> list[str]:
    """The images the recipe's compose files use, in order, each once."""
    recipe_dir = os.path.join(ABRA_DIR, "recipes", recipe)
    env_file = os.path.join(ABRA_DIR, "servers", SERVER, f"{domain}.env")
    if not app_configured(recipe_dir, env_file):
        return []
    args = ["docker", "compose"]
    for name in compose_files(recipe_dir, env_file):
        args += ["-f", name]
    result = _run([*args, "config", "--images"], cwd=recipe_dir)
    if result.returncode != 0:
        log.warning("prepull %s: cannot resolve images: %s", recipe, result.stderr.strip())
        return []
    return list(dict.fromkeys(result.stdout.split()))


def is_present(image: str) -> bool:
    """Whether the local store has ``image`` (no network)."""
    return _run(["docker", "image", "inspect", image]).returncode == 0


def prepull_images(recipe: str, domain: str) -> list[str]:
    """Pull the recipe's images that are not present yet; the images pulled."""
    images = resolve_images(recipe, domain)
    if not images:
        log.info("prepull %s: no images resolved, the deploy pulls as usual", recipe)
        return []
    missing = [image for image in images if not is_present(image)]
    for image in missing:
        result = _run(["docker", "pull", image], timeout=PULL_TIMEOUT)
        if result.returncode != 0:
            raise RuntimeError(
                f"pre-pull of {image} failed (exit {result.returncode}): "
                f"{result.stderr.strip()} -- a clear pull error BEFORE deploy, "
                "not a converge timeout"
            )
    return missing
