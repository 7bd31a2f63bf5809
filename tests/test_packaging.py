"""What a user installs: the licence is there and declared, the sdist takes the tests."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_licence_file_is_mit_for_the_turbomock_authors() -> None:
    """LICENSE is the MIT licence, copyright the turbomock authors."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert re.search(r"^Copyright \(c\) \d{4} the turbomock authors$", text, re.MULTILINE)


def test_installed_metadata_declares_the_licence() -> None:
    """The installed distribution says MIT (SPDX) and ships the LICENSE file."""
    meta = metadata.metadata("turbomock")
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]


def test_sdist_manifest_takes_what_the_tests_need() -> None:
    """MANIFEST.in grafts tests/ (conftest, support modules, conformance, fakes),
    bench/ and docs/, so the suite runs from an unpacked sdist (.ci/sdist_check)."""
    lines = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    needed = ["graft tests", "graft bench", "graft docs", "include LICENSE README.md CHANGELOG.md"]
    assert [line for line in needed if line not in lines] == []
