"""The benchmark harness runs, reports and fails soft. Timings are never asserted on."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from turbomock.__main__ import find_bench_dir, load_harness

FAKES = Path(__file__).resolve().parent / "fake_impls"
#: ``bench/`` beside ``tests/``: in a checkout and in an unpacked sdist alike.
BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


def bench(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Any]:
    """Run ``python -m turbomock bench --quick`` in a subprocess; return it and its JSON."""
    if find_bench_dir() is None:
        # As the README says, the command needs turbomock installed from its source
        # tree (editable); a wheel, as the sdist check installs, has no bench/ beside it.
        pytest.skip("turbomock is not installed from this source tree: no bench/ for the CLI")
    out = tmp_path / "bench.json"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    # Absolute, because the subprocess runs elsewhere (``PYTHONPATH=src`` stays usable).
    paths = [str(FAKES), *env.get("PYTHONPATH", "").split(os.pathsep)]
    env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in paths if p)
    command = [sys.executable, "-m", "turbomock", "bench", "--quick", "--rounds", "2"]
    proc = subprocess.run(
        [*command, "--json", str(out), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return proc, data


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    """The harness module, imported the way ``python -m turbomock bench`` imports it."""
    return load_harness(BENCH_DIR)


def test_self_comparison_reports_medians_and_ratios(tmp_path: Path) -> None:
    """It times both sides of each chosen op and derives the ratio from the two medians."""
    proc, data = bench(tmp_path, "--impl", "unittest.mock", "-k", "Mock()", "-k", "m(1, x=2)")
    assert proc.returncode == 0, proc.stderr
    assert data["python"] == platform.python_version()
    assert (data["impl"], data["baseline"], data["rounds"]) == ("unittest.mock",) * 2 + (2,)
    assert list(data["ops"]) == ["Mock()", "m(1, x=2)"]
    for figures in data["ops"].values():
        assert figures["baseline_ns"] > 0
        assert figures["impl_ns"] > 0
        assert figures["ratio"] == pytest.approx(figures["impl_ns"] / figures["baseline_ns"])
        assert figures["met"] is (figures["ratio"] <= figures["target"])
        assert figures["status"] == ("met" if figures["met"] else "not met")
        assert figures["errors"] == {"baseline": None, "impl": None}
        assert len(figures["samples_ns"]["impl"]) == 2
    assert data["geomean_ops"] == 2
    assert data["geomean"] > 0
    assert data["memory"] == {}


def test_table_shows_geomean_and_python_version(tmp_path: Path) -> None:
    """The printed table ends with the geometric mean and the Python version."""
    proc, _ = bench(tmp_path, "--impl", "unittest.mock", "-k", "Mock()")
    assert proc.returncode == 0, proc.stderr
    # Against itself the ratio is about 1, either side of it: 1/1.02 or 1.02× slower.
    ratio = r"(1/\d+\.\d+|\d+\.\d+× slower)"
    assert re.search(rf"^Mock\(\) .* {ratio} ", proc.stdout, re.MULTILINE)
    mean = rf"^geometric mean of 1 time ratios \(unittest.mock/unittest.mock\): {ratio}$"
    assert re.search(mean, proc.stdout, re.MULTILINE)
    assert f"python: {platform.python_version()} " in proc.stdout


@pytest.mark.parametrize("pure", [False, True], ids=["as built", "pure Python"])
def test_report_says_whether_the_native_core_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pure: bool
) -> None:
    """A turbomock run reports its native core, on or off and why, in the header and the JSON."""
    import importlib.util

    if pure:
        monkeypatch.setenv("TURBOMOCK_PURE_PYTHON", "1")
    else:
        monkeypatch.delenv("TURBOMOCK_PURE_PYTHON", raising=False)
    proc, data = bench(tmp_path, "-k", "patch.dict")
    assert proc.returncode == 0, proc.stderr
    on = not pure and importlib.util.find_spec("turbomock._speedups") is not None
    assert data["native_core"] is on
    header = proc.stdout.split("\n\n")[0]
    if on:
        assert header.endswith("\nnative core: on")
    else:
        reason = data["native_core_reason"]
        if pure:
            assert reason == "TURBOMOCK_PURE_PYTHON=1 is set; pure Python"
        assert header.endswith(f"\nnative core: off ({reason})")


def test_report_names_no_native_core_for_another_implementation(tmp_path: Path) -> None:
    """Benchmarking another mock library says nothing about turbomock's native core."""
    proc, data = bench(tmp_path, "--impl", "unittest.mock", "-k", "Mock()")
    assert proc.returncode == 0, proc.stderr
    assert data["native_core"] is None
    assert data["native_core_reason"] is None
    assert "native core" not in proc.stdout


def test_progress_goes_to_stderr_op_by_op(tmp_path: Path) -> None:
    """While it runs it writes ``[k/N, elapsed s] op`` to stderr, one line an op when piped."""
    proc, _ = bench(tmp_path, "--impl", "unittest.mock", "-k", "Mock()", "-k", "m(1, x=2)")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == ["Mock()", "m(1, x=2)"]
    assert [line.split(",")[0] for line in lines] == ["[1/2", "[2/2"]
    assert all(line.split(", ")[1].split("]")[0].endswith(" s") for line in lines)
    assert "[1/2" not in proc.stdout


def test_report_gives_its_running_time(tmp_path: Path) -> None:
    """The table ends by saying how many ops ran and how long the run took."""
    proc, data = bench(tmp_path, "--impl", "unittest.mock", "-k", "Mock()")
    assert proc.returncode == 0, proc.stderr
    assert f"ran 1 operation in {data['seconds']:.1f} s\n" in proc.stdout


def test_op_that_raises_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    """An op failing on the implementation is an error for that op only; the exit is 0."""
    proc, data = bench(tmp_path, "--impl", "broken_mock", "-k", "Mock()", "-k", "MagicMock()")
    assert proc.returncode == 0, proc.stderr
    broken, missing = data["ops"]["Mock()"], data["ops"]["MagicMock()"]
    assert broken["errors"] == {"baseline": None, "impl": "RuntimeError: deliberately broken Mock"}
    assert missing["errors"]["impl"].startswith("AttributeError: ")
    for figures in (broken, missing):
        assert figures["status"] == "error"
        assert figures["baseline_ns"] > 0
        assert (figures["impl_ns"], figures["ratio"], figures["met"]) == (None, None, None)
    assert (data["geomean"], data["geomean_ops"]) == (None, 0)
    assert "Mock(): broken_mock raised RuntimeError: deliberately broken Mock" in proc.stdout


def test_name_missing_from_baseline_is_not_applicable(tmp_path: Path) -> None:
    """An op the baseline cannot do (ThreadingMock before 3.13) is "n/a", not an error."""
    proc, data = bench(
        tmp_path, "--impl", "unittest.mock", "--baseline", "broken_mock", "-k", "ThreadingMock"
    )
    assert proc.returncode == 0, proc.stderr
    figures = data["ops"]["ThreadingMock()"]
    assert figures["status"] == "n/a"
    assert figures["na"] == "broken_mock has no ThreadingMock"
    assert figures["ratio"] is None


def test_baseline_failing_an_op_exits_1(tmp_path: Path) -> None:
    """A baseline that raises means the harness or an op is wrong, so the exit is 1."""
    proc, data = bench(
        tmp_path, "--impl", "unittest.mock", "--baseline", "broken_mock", "-k", "Mock()"
    )
    assert proc.returncode == 1
    assert data["ops"]["Mock()"]["errors"]["baseline"] == "RuntimeError: deliberately broken Mock"


def test_patch_left_in_place_by_one_side_is_undone(tmp_path: Path) -> None:
    """A patch an implementation fails to undo does not break the baseline's later ops."""
    proc, data = bench(tmp_path, "--impl", "leaky_mock", "-k", "patch('mod.attr')", "-k", "setUp")
    assert proc.returncode == 0, proc.stdout
    for figures in data["ops"].values():
        assert figures["errors"] == {
            "baseline": None,
            "impl": "RuntimeError: deliberately leaky patch",
        }


def test_memory_reports_bytes_per_magicmock(tmp_path: Path) -> None:
    """The memory figure is the bytes one live MagicMock holds, on each side."""
    proc, data = bench(tmp_path, "--impl", "unittest.mock", "-k", "memory")
    assert proc.returncode == 0, proc.stderr
    assert data["ops"] == {}
    figures = data["memory"]["MagicMock() memory"]
    assert figures["unit"] == "bytes"
    assert figures["baseline_bytes"] > 0
    assert figures["impl_bytes"] > 0
    assert figures["target"] == pytest.approx(0.2)


def test_unimportable_impl_exits_2(tmp_path: Path) -> None:
    """An implementation that cannot be imported stops the run with a clear message."""
    proc, data = bench(tmp_path, "--impl", "no_such_mock_module")
    assert proc.returncode == 2
    assert data is None
    assert "cannot import the implementation 'no_such_mock_module'" in proc.stderr


def test_filter_matching_nothing_exits_2(tmp_path: Path) -> None:
    """A ``-k`` that selects no op is a mistake worth stopping for."""
    proc, _ = bench(tmp_path, "--impl", "unittest.mock", "-k", "no such op")
    assert proc.returncode == 2
    assert "no operation matches -k no such op" in proc.stderr


def test_exact_name_selects_only_that_op(harness: ModuleType) -> None:
    """``-k 'Mock()'`` picks Mock() alone, though other names contain it."""
    names = ["Mock()", "MagicMock()", "AsyncMock()"]
    assert harness.select(names, ["mock()"]) == ["Mock()"]


def test_substring_selects_every_op_containing_it(harness: ModuleType) -> None:
    """A pattern that is not a whole name matches as a case-insensitive substring."""
    names = ["Mock()", "MagicMock()", "patch.dict"]
    assert harness.select(names, ["MOCK"]) == ["Mock()", "MagicMock()"]


def test_faster_ratios_are_written_as_fractions(harness: ModuleType) -> None:
    """Ratios up to 1 print as ``1/x``, the way the targets are stated."""
    assert [harness.fraction(r) for r in (1 / 23.4, 0.5, 1.0)] == ["1/23.4", "1/2.00", "1/1.00"]


def test_slower_ratios_are_written_as_times_slower(harness: ModuleType) -> None:
    """A ratio above 1 prints as ``1.41× slower`` (``x`` where the output can't encode ×)."""
    assert [harness.fraction(r) for r in (1 / 0.71, 2.0, 12.34)] == [
        "1.41× slower",
        "2.00× slower",
        "12.3× slower",
    ]
    assert harness.fraction(1.5, times="x") == "1.50x slower"


def test_hanging_op_is_interrupted(harness: ModuleType) -> None:
    """A batch that never ends raises BatchTimeout instead of stalling the whole run."""

    def hang() -> None:
        with harness.time_limit(0.05):
            while True:
                pass

    with pytest.raises(harness.BatchTimeout, match="the op seems to hang"):
        hang()


def test_every_op_name_is_unique(harness: ModuleType) -> None:
    """Op names key the JSON and ``-k``, so no two may be equal."""
    names = [op.name.lower() for op in sys.modules["turbomock_bench.ops"].OPS]
    assert len(names) == len(set(names))
