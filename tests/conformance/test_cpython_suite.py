"""CPython's own unittest.mock suite, run against turbomock: the parity yardstick.

Each suite module runs in a subprocess (run_suite_module.py) with ``unittest.mock`` and
``mock`` aliased to the implementation, so the aliasing never reaches this process.
Known failures are listed in exclusions.txt, which only ever shrinks: a failure not
listed there fails its module's test, and so does a listed test that now passes.

``TURBOMOCK_CONFORMANCE_IMPL=unittest.mock`` runs the suite against the stdlib itself,
with exclusions.txt ignored, so every test must pass: that is how the runner is checked.
"""

from __future__ import annotations

import json
import operator
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "run_suite_module.py"
EXCLUSIONS = HERE / "exclusions.txt"
IMPL = os.environ.get("TURBOMOCK_CONFORMANCE_IMPL", "turbomock")
MODULES = [
    "testmock",
    "testcallable",
    "testsentinel",
    "testmagicmethods",
    "testwith",
    "testsealable",
    "testhelpers",
    "testpatch",
    "testasync",
    "testthreadingmock",
]
PASSING = {"passed", "expected_failure"}
FAILING = {"failed", "error", "unexpected_success"}
TIMEOUT = 600

Version = tuple[int, int]

COMPARE: dict[str, Callable[[Version, Version], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
CLAUSE = re.compile(r"(<=|>=|==|!=|<|>)?\s*(\d+)\.(\d+)")
TEST_ID = re.compile(r"(\w+)\.(\*|\w+(?:\.\w+)?)")


@dataclass(frozen=True)
class Exclusion:
    """One line of exclusions.txt that applies to the running Python."""

    test: str
    reason: str
    line: int

    @property
    def module(self) -> str:
        return self.test.split(".", 1)[0]

    @property
    def whole_module(self) -> bool:
        return self.test.endswith(".*")


def marker_applies(marker: str, version: Version) -> bool:
    """Whether a marker such as ``<3.12``, ``3.13`` or ``>=3.10,<3.12`` covers ``version``."""
    for clause in marker.split(","):
        match = CLAUSE.fullmatch(clause.strip())
        if match is None:
            raise ValueError(f"bad version marker [{marker}]")
        op, major, minor = match.groups()
        if not COMPARE[op or "=="](version, (int(major), int(minor))):
            return False
    return True


def parse_exclusions(text: str, version: Version) -> list[Exclusion]:
    """The exclusions that apply to ``version``; a malformed line raises ValueError."""
    found: list[Exclusion] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"exclusions.txt:{number}"
        marker = None
        if line.startswith("["):
            end = line.find("]")
            if end < 0:
                raise ValueError(f"{where}: unclosed version marker")
            marker, line = line[1:end], line[end + 1 :].strip()
        test, hash_sign, reason = (part.strip() for part in line.partition("#"))
        if not hash_sign or not reason:
            raise ValueError(f"{where}: {test!r} needs a reason: '<test id>  # reason'")
        match = TEST_ID.fullmatch(test)
        if match is None or match.group(1) not in MODULES:
            raise ValueError(
                f"{where}: expected <module>.<Class>.<test_method> or <module>.* with a "
                f"module of {', '.join(MODULES)}; got {test!r}"
            )
        try:
            applies = marker is None or marker_applies(marker, version)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        if not applies:
            continue
        if test in seen:
            raise ValueError(f"{where}: {test} is already listed on line {seen[test]}")
        seen[test] = number
        found.append(Exclusion(test, reason, number))
    return found


def load_exclusions() -> list[Exclusion]:
    """This Python's exclusions, or none when the stdlib itself is under test."""
    if IMPL == "unittest.mock":
        return []
    return parse_exclusions(EXCLUSIONS.read_text(encoding="utf-8"), sys.version_info[:2])


def run_suite_module(module: str, workdir: Path) -> dict[str, Any]:
    """Run one suite module in a fresh interpreter and read back its JSON report."""
    out = workdir / f"{module}.json"
    env = dict(os.environ)
    # Absolute, because the child runs in ``workdir`` (``PYTHONPATH=src`` stays usable).
    paths = env.get("PYTHONPATH", "").split(os.pathsep)
    env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in paths if p)
    command = [sys.executable, str(RUNNER), "--impl", IMPL, "--module", module]
    try:
        proc = subprocess.run(
            [*command, "--out", str(out)],
            cwd=workdir,
            env=env,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{module} did not finish in {TIMEOUT} s against {IMPL}", pytrace=False)
    if proc.returncode != 0 or not out.exists():
        pytest.fail(
            f"the suite runner crashed on {module} (exit {proc.returncode}):\n"
            f"{proc.stdout[-3000:]}{proc.stderr[-3000:]}",
            pytrace=False,
        )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def last_line(traceback_text: str) -> str:
    """The line of a traceback that says what went wrong, cut to a readable length."""
    lines = [line for line in traceback_text.strip().splitlines() if line.strip()]
    text = lines[-1].strip() if lines else "?"
    return text if len(text) <= 200 else text[:197] + "..."


def why(traceback_text: str | None) -> str:
    """``: <what went wrong>`` for a test with a traceback, nothing for one without."""
    return "" if traceback_text is None else f": {last_line(traceback_text)}"


@pytest.mark.parametrize("module", MODULES)
def test_suite_module(module: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Every test of the suite module passes, or is excluded and still fails."""
    report = run_suite_module(module, tmp_path)
    status = report["status"]
    python = report["python"]
    if status == "no-suite":
        pytest.skip(
            f"Python {python} was installed without CPython's test package "
            "(test.test_unittest / unittest.test), so its unittest.mock suite cannot run"
        )
    if status == "absent":
        pytest.skip(f"{module} is not part of Python {python}'s unittest.mock suite")
    if status == "impl-import-error":
        pytest.fail(f"cannot import {IMPL}:\n{report['error']}", pytrace=False)

    exclusions = load_exclusions()
    scope = next((e for e in exclusions if e.whole_module and e.module == module), None)
    if status == "import-error":
        summary = f"{module:18s} import failed: {last_line(report['error'])}"
        request.node.user_properties.append(("conformance", (IMPL, summary)))
        if scope is not None:
            pytest.skip(f"{module} is not yet in scope ({scope.reason}): import failed")
        pytest.fail(f"{module} cannot be imported against {IMPL}:\n{report['error']}", False)

    outcomes: dict[str, str] = report["outcomes"]
    details: dict[str, str] = report["details"]
    counts = Counter(outcomes.values())
    failing = sorted(test for test, outcome in outcomes.items() if outcome in FAILING)
    summary = (
        f"{module:18s} {sum(counts[o] for o in PASSING):4d} passed "
        f"{len(failing):4d} failed {counts['skipped']:3d} skipped"
    )
    request.node.user_properties.append(("conformance", (IMPL, summary)))
    print(summary)
    if scope is not None:
        pytest.skip(
            f"{module} is not yet in scope ({scope.reason}): {summary.split(maxsplit=1)[1]}"
        )

    listed = {e.test: e for e in exclusions if e.module == module and not e.whole_module}
    new = [t for t in failing if t not in listed]
    fixed = [e for t, e in listed.items() if outcomes.get(t) in PASSING]
    unknown = [e for t, e in listed.items() if t not in outcomes]
    problems = []
    if new:
        problems.append(
            f"{len(new)} failing test(s) not in exclusions.txt (in its format, the error "
            "standing in for the reason):\n"
            + "\n".join(f"{t}  # {outcomes[t]}{why(details.get(t))}" for t in new)
        )
    if fixed:
        problems.append(
            f"{len(fixed)} excluded test(s) now pass; remove them from exclusions.txt:\n"
            + "\n".join(f"  {e.test}  (exclusions.txt:{e.line})" for e in fixed)
        )
    if unknown:
        problems.append(
            f"{len(unknown)} excluded test(s) are not in Python {python}'s suite; fix the id "
            "or give the line a version marker:\n"
            + "\n".join(f"  {e.test}  (exclusions.txt:{e.line})" for e in unknown)
        )
    if problems:
        pytest.fail(f"{IMPL} on Python {python}: {summary}\n\n" + "\n\n".join(problems), False)


# -- the exclusion file's own format -------------------------------------------------------


@pytest.mark.parametrize("minor", range(9, 14))
def test_exclusions_file_parses_on_every_supported_python(minor: int) -> None:
    """exclusions.txt is well formed, and no line is listed twice for any Python."""
    parse_exclusions(EXCLUSIONS.read_text(encoding="utf-8"), (3, minor))


@pytest.mark.parametrize(
    ("marker", "version", "expected"),
    [
        ("<3.12", (3, 11), True),
        ("<3.12", (3, 12), False),
        ("3.13", (3, 13), True),
        ("3.13", (3, 12), False),
        (">=3.10,<3.12", (3, 10), True),
        (">=3.10,<3.12", (3, 12), False),
        ("!=3.11", (3, 11), False),
    ],
)
def test_version_marker_selects_pythons(marker: str, version: Version, expected: bool) -> None:
    """A version marker limits a line to the Pythons it names."""
    assert marker_applies(marker, version) is expected


def test_marked_line_applies_only_where_the_marker_says() -> None:
    """A line marked ``[<3.12]`` is an exclusion on 3.11 and not on 3.12."""
    text = "[<3.12] testmock.MockTest.test_x  # differs before 3.12\n"
    assert parse_exclusions(text, (3, 11)) == [
        Exclusion("testmock.MockTest.test_x", "differs before 3.12", 1)
    ]
    assert parse_exclusions(text, (3, 12)) == []


def test_whole_module_line_takes_the_module_out_of_scope() -> None:
    """``<module>.*`` marks the whole module, alongside comments and blank lines."""
    (exclusion,) = parse_exclusions("# header\n\ntestpatch.*  # later\n", (3, 11))
    assert (exclusion.module, exclusion.whole_module, exclusion.reason) == (
        "testpatch",
        True,
        "later",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "testmock.MockTest.test_x\n",
            "exclusions.txt:1: 'testmock.MockTest.test_x' needs a reason",
        ),
        ("testmock.MockTest.test_x  #\n", "needs a reason"),
        ("testmok.MockTest.test_x  # typo\n", "expected <module>.<Class>.<test_method>"),
        ("[3.x] testmock.A.test_x  # r\n", "exclusions.txt:1: bad version marker [3.x]"),
        ("[<3.12 testmock.A.test_x  # r\n", "unclosed version marker"),
        (
            "testmock.A.test_x  # r\n[3.11] testmock.A.test_x  # r\n",
            "exclusions.txt:2: testmock.A.test_x is already listed on line 1",
        ),
    ],
    ids=["no-reason", "empty-reason", "unknown-module", "bad-marker", "unclosed", "duplicate"],
)
def test_malformed_line_is_rejected(text: str, message: str) -> None:
    """A line the runner could misread is an error naming the line."""
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_exclusions(text, (3, 11))
