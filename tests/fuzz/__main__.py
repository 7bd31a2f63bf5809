"""``python -m tests.fuzz``: a long fuzzing run (see the package docstring)."""

from __future__ import annotations

import argparse
import sys

from . import known
from .session import Result, fuzz, render


def _memory() -> str:
    """The peak memory so far, where the platform says (a long run should stay flat)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return ""
    return f", peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000, help="how many cases to run")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed")
    parser.add_argument("--start", type=int, default=0, help="the first case's index")
    parser.add_argument("--max-ops", type=int, default=10, help="operations per case, at most")
    parser.add_argument(
        "--no-known",
        action="store_true",
        help="suppress nothing: report every difference, KNOWN ones included",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    options = parser.parse_args(argv)

    def progress(index: int, result: Result) -> None:
        done = index - options.start + 1
        if not options.quiet and (done % 1000 == 0 or done == options.cases):
            print(
                f"... {done}/{options.cases} cases, {len(result.findings)} distinct "
                f"differences, known hits {sum(result.hits.values())}{_memory()}",
                file=sys.stderr,
                flush=True,
            )

    result = fuzz(
        options.seed,
        options.cases,
        start=options.start,
        suppress=not options.no_known,
        max_ops=options.max_ops,
        progress=progress,
    )
    print(f"{result.cases} cases in {result.seconds:.1f} s (seed {options.seed})")
    if result.hits:
        print("\nKNOWN differences met (cases):")
        print(f"  {'id':32} {'cases':>6} {'alone':>6}   item")
        for entry in known.KNOWN:
            if entry.applies:
                print(
                    f"  {entry.id:32} {result.hits.get(entry.id, 0):6} "
                    f"{result.exclusive.get(entry.id, 0):6}   [{entry.item}]"
                )
    findings = sorted(result.findings.values(), key=lambda f: (f.known or "", -f.count))
    for number, finding in enumerate(findings, 1):
        render(finding)
        mark = f"KNOWN {finding.known}" if finding.known else "NEW"
        check = "" if finding.verified else " (reproduction not confirmed standalone)"
        print(f"\n=== difference {number}: {mark}, {finding.count} cases{check}")
        print(finding.text)
    return 1 if result.new and not options.no_known else 0


if __name__ == "__main__":
    sys.exit(main())
