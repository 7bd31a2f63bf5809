"""Run one module of CPython's own unittest.mock test suite against an implementation.

test_cpython_suite.py starts this in a subprocess per suite module, so that aliasing
``unittest.mock`` (and ``mock``) to the implementation never reaches the pytest process:

    python run_suite_module.py --impl turbomock --module testmock --out result.json

The suite is imported from where the running interpreter installed it; it is never
copied. The JSON written has a ``status`` ("ok", "no-suite", "absent", "impl-import-error"
or "import-error") and, when "ok", the outcome of every test, keyed by
``<module>.<Class>.<test_method>``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import platform
import re
import sys
import traceback
import unittest
from typing import Any

# Where CPython keeps the suite: 3.12 moved it into the ``test`` package.
SUITE_PACKAGES = ("test.test_unittest.testmock", "unittest.test.testmock")

# A failure in a class or module fixture is reported under a description, not a test id.
FIXTURE = re.compile(r"(\w+) \((.+)\)")

# Later outcomes overwrite earlier ones only when worse (subtests report several).
RANK = {
    "passed": 0,
    "expected_failure": 0,
    "skipped": 1,
    "unexpected_success": 2,
    "failed": 3,
    "error": 4,
}


def find_suite_package() -> str | None:
    """The importable package holding the mock tests, or None without a ``test`` package."""
    for name in SUITE_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    return None


class Recorder(unittest.TestResult):
    """Keeps one outcome and, for failures, one traceback per test id."""

    def __init__(self, package: str) -> None:
        super().__init__()
        self.prefix = package + "."
        self.outcomes: dict[str, str] = {}
        self.details: dict[str, str] = {}

    def short_id(self, test: Any) -> str:
        test = getattr(test, "test_case", test)  # a subtest counts for its test
        test_id = str(test.id())
        fixture = FIXTURE.fullmatch(test_id)
        if fixture and not isinstance(test, unittest.TestCase):
            test_id = f"{fixture.group(2)}.{fixture.group(1)}"
        return test_id[len(self.prefix) :] if test_id.startswith(self.prefix) else test_id

    def record(self, test: Any, outcome: str, err: Any = None) -> None:
        test_id = self.short_id(test)
        if RANK[outcome] >= RANK[self.outcomes.get(test_id, "passed")]:
            self.outcomes[test_id] = outcome
        if err is not None and outcome in ("failed", "error"):
            self.details[test_id] = "".join(traceback.format_exception(*err))

    def startTest(self, test: unittest.TestCase) -> None:
        super().startTest(test)
        self.outcomes.setdefault(self.short_id(test), "passed")

    def addError(self, test: unittest.TestCase, err: Any) -> None:
        super().addError(test, err)
        self.record(test, "error", err)

    def addFailure(self, test: unittest.TestCase, err: Any) -> None:
        super().addFailure(test, err)
        self.record(test, "failed", err)

    def addSubTest(self, test: unittest.TestCase, subtest: unittest.TestCase, err: Any) -> None:
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.record(subtest, "failed" if failed else "error", err)

    def addSkip(self, test: unittest.TestCase, reason: str) -> None:
        super().addSkip(test, reason)
        self.record(test, "skipped")

    def addExpectedFailure(self, test: unittest.TestCase, err: Any) -> None:
        super().addExpectedFailure(test, err)
        self.record(test, "expected_failure")

    def addUnexpectedSuccess(self, test: unittest.TestCase) -> None:
        super().addUnexpectedSuccess(test)
        self.record(test, "unexpected_success")


def alias(impl_name: str) -> None:
    """Make ``unittest.mock`` and ``mock`` mean the implementation, for every import after."""
    impl = importlib.import_module(impl_name)
    if impl_name != "unittest.mock":
        sys.modules["unittest.mock"] = impl
        sys.modules["mock"] = impl
        unittest.mock = impl  # type: ignore[attr-defined]


def run(impl: str, module: str) -> dict[str, Any]:
    """Run one suite module and describe what happened."""
    report: dict[str, Any] = {"impl": impl, "module": module, "python": platform.python_version()}
    try:
        alias(impl)
    except Exception:
        return {**report, "status": "impl-import-error", "error": traceback.format_exc()}
    package = find_suite_package()
    if package is None:
        return {**report, "status": "no-suite"}
    report["suite"] = package
    name = f"{package}.{module}"
    if importlib.util.find_spec(name) is None:
        return {**report, "status": "absent"}
    try:
        loaded = importlib.import_module(name)
    except Exception:
        return {**report, "status": "import-error", "error": traceback.format_exc()}
    recorder = Recorder(package)
    unittest.defaultTestLoader.loadTestsFromModule(loaded).run(recorder)
    return {**report, "status": "ok", "outcomes": recorder.outcomes, "details": recorder.details}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--impl", required=True, help="module standing in for unittest.mock")
    parser.add_argument("--module", required=True, help="suite module, e.g. testmock")
    parser.add_argument("--out", required=True, help="where to write the JSON report")
    args = parser.parse_args(argv)
    report = run(args.impl, args.module)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
