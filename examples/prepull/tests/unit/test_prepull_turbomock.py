"""Seed 002's four tests with turbomock's subprocess fake (conftest.py puts runner/ on sys.path)."""
import pytest

from harness import lifecycle as lc
from turbomock import ANY


class TestPrepull:
    @pytest.fixture(autouse=True)
    def docker(self, fake_subprocess, monkeypatch):
        """Strict: nothing unexpected runs, all registered does; all text=True, check=False."""
        monkeypatch.setattr(lc, "app_configured", lambda recipe_dir, env_file: True)
        fake_subprocess.register(["bash", "-c", ANY], stdout="compose.yml\n")  # COMPOSE_FILE eval
        self.fake = fake_subprocess
        yield
        fake_subprocess.assert_every_call(text=True, check=False)

    def images(self, listed="img-a:1\nimg-b:2\n", present=()):
        self.fake.register("docker compose -f compose.yml config --images", stdout=listed)
        for img in listed.split():
            self.fake.register(f"docker image inspect {img}", returncode=int(img not in present))

    def test_prepull_skips_present_images_zero_network(self):
        self.images(present=("img-a:1", "img-b:2"))  # a `docker pull` would be unregistered
        lc.prepull_images("r", "d")

    def test_prepull_pulls_missing_image(self):
        self.images(present=("img-a:1",))
        self.fake.register("docker pull img-b:2")  # must run, once
        lc.prepull_images("r", "d")

    def test_prepull_raises_clear_error_on_pull_failure(self):
        self.images()
        self.fake.register("docker pull img-a:1", returncode=1, stderr="manifest unknown: bad tag")
        with pytest.raises(RuntimeError, match=r"img-a:1.*bad tag.*clear pull error BEFORE deploy"):
            lc.prepull_images("r", "d")

    def test_prepull_skips_when_no_images_resolved(self):
        self.images(listed="")  # no inspect, no pull: either would be unregistered
        lc.prepull_images("r", "d")
