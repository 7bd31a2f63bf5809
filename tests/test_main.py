"""``python -m turbomock``: finding the benchmark suite and failing clearly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

import turbomock.__main__ as cli

ROOT = Path(__file__).resolve().parents[1]


def test_finds_bench_beside_src_in_a_checkout() -> None:
    """From the package in ``src/``, the suite is the checkout's ``bench/``."""
    assert cli.find_bench_dir(ROOT / "src" / "turbomock") == ROOT / "bench"


def test_finds_nothing_for_an_installed_package(tmp_path: Path) -> None:
    """A package in site-packages has no suite beside it."""
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "harness.py").touch()
    assert cli.find_bench_dir(tmp_path / "site-packages" / "turbomock") is None


def test_bench_without_suite_says_where_it_lives(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a checkout, ``bench`` exits 2 and says how to get the suite."""
    monkeypatch.setattr(cli, "find_bench_dir", lambda: None)
    assert cli.main(["bench"]) == 2
    err = capsys.readouterr().err
    assert "cannot find the benchmark suite (bench/ beside src/)" in err
    assert "python3 -m pip install -e ." in err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """With no subcommand it lists the commands and exits 2."""
    assert cli.main([]) == 2
    assert "bench" in capsys.readouterr().out
