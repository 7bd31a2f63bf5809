"""``python -m turbomock``: the command line: ``bench``, ``run`` and ``info``.

The benchmark suite lives in the source tree (``bench/`` beside ``src/``), not in the
wheel, so ``bench`` works from a checkout installed with ``pip install -e .``.
``run -- CMD`` runs a command with the switch on (TURBOMOCK=1, read by the start-up
hook of every Python process it starts); ``info`` says what is on in this interpreter.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from turbomock import _switch_messages as msg
from turbomock._info import info_text, startup_hook_path

#: The name ``bench/`` is imported under: private, so it cannot meet an installed package.
BENCH_PACKAGE = "turbomock_bench"


def find_bench_dir(package_dir: Path | None = None) -> Path | None:
    """The checkout's ``bench/`` for the package at ``package_dir`` (default: this one)."""
    here = Path(__file__).resolve().parent if package_dir is None else package_dir
    src = here.parent
    bench = src.parent / "bench"
    if src.name == "src" and (bench / "harness.py").is_file():
        return bench
    return None


def load_harness(bench_dir: Path) -> ModuleType:
    """Import ``bench/`` as a package by file location, leaving ``sys.path`` alone."""
    if BENCH_PACKAGE not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            BENCH_PACKAGE, bench_dir / "__init__.py", submodule_search_locations=[str(bench_dir)]
        )
        if spec is None or spec.loader is None:  # pragma: no cover - a file that exists loads
            raise ImportError(msg.BENCH_CANNOT_LOAD.format(path=bench_dir))
        package = importlib.util.module_from_spec(spec)
        sys.modules[BENCH_PACKAGE] = package
        spec.loader.exec_module(package)
    return importlib.import_module(f"{BENCH_PACKAGE}.harness")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="python -m turbomock", description="turbomock's command line."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    bench = commands.add_parser(
        "bench",
        help="time turbomock against unittest.mock",
        description=(
            "Time every operation of the benchmark suite on turbomock and on "
            "unittest.mock, interleaved in one process, and print the median time, the "
            "ratio and its target. Targets are reported, not enforced."
        ),
    )
    bench.add_argument(
        "--quick", action="store_true", help="a few short rounds: a smoke check, not figures"
    )
    bench.add_argument(
        "--rounds", type=int, metavar="N", help="timed rounds per op (default 20; 3 with --quick)"
    )
    bench.add_argument(
        "-k",
        dest="patterns",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help=(
            "only ops whose name contains SUBSTRING, case-insensitively; an exact name "
            "selects just that op (repeatable)"
        ),
    )
    bench.add_argument(
        "--impl",
        default="turbomock",
        metavar="MODULE",
        help="the implementation under test (default: turbomock)",
    )
    bench.add_argument(
        "--baseline",
        default="unittest.mock",
        metavar="MODULE",
        help="what it is compared with (default: unittest.mock)",
    )
    bench.add_argument(
        "--json", dest="json_path", metavar="PATH", help="also write every figure as JSON"
    )
    run = commands.add_parser(
        "run",
        help="run a command with turbomock in place of unittest.mock",
        description=(
            "Run CMD with TURBOMOCK=1 in its environment: every Python process it starts "
            "(and their subprocesses) imports turbomock for unittest.mock. The Python that "
            "runs CMD must have turbomock installed."
        ),
    )
    run.add_argument(
        "--backport", action="store_true", help="also take the mock backport's names (mock)"
    )
    run.add_argument("cmd", nargs=argparse.REMAINDER, metavar="-- CMD ...")
    commands.add_parser(
        "info",
        help="say whether turbomock is switched on here, and its native core",
        description="Print turbomock's version, whether the switch and its start-up hook "
        "are on in this interpreter, and whether the native core is in use.",
    )
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the command with the switch on; its exit status is returned."""
    command = list(args.cmd)
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        sys.stderr.write(msg.RUN_NO_COMMAND)
        return 2
    if startup_hook_path() is None:
        sys.stderr.write(msg.RUN_NO_HOOK.format(pth=msg.PTH_NAME, executable=sys.executable))
        return 2
    env = dict(os.environ)
    env[msg.ENV] = "1"
    if args.backport:
        env[msg.ENV_BACKPORT] = "1"
    import subprocess

    try:
        return subprocess.call(command, env=env)
    except FileNotFoundError:
        sys.stderr.write(msg.RUN_NOT_FOUND.format(command=command[0]))
        return 127


def run_bench(args: argparse.Namespace) -> int:
    """Find the suite in the source tree and run it."""
    bench_dir = find_bench_dir()
    if bench_dir is None:
        sys.stderr.write(msg.BENCH_NOT_FOUND)
        return 2
    harness = load_harness(bench_dir)
    return int(
        harness.run(
            impl=args.impl,
            baseline=args.baseline,
            rounds=args.rounds,
            quick=args.quick,
            patterns=args.patterns,
            json_path=args.json_path,
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; the exit status is returned."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "bench":
        return run_bench(args)
    if args.command == "run":
        return run_command(args)
    if args.command == "info":
        sys.stdout.write(info_text())
        return 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
