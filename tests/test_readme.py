"""The README's "Known differences" section lists every known difference the tests pin.

A known difference is a strict ``xfail`` test whose reason starts
``turbomock differs [KD-<id>]: ...``; the README lists each id, with an example, under
"Known differences from unittest.mock". Closing a difference turns its xfail into an
XPASS (a failure, with ``xfail_strict``), and then its README entry goes too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
README = ROOT / "README.md"
SECTION = "## Known differences from unittest.mock"
ID = re.compile(r"\[(KD-[A-Za-z0-9.-]+)\]")
DIFFERS = "turbomock differs"


def known_differences_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start:] if end == -1 else text[start:end]


def listed_ids() -> list[str]:
    """The ids the README lists, one entry (a list item opening with the id) each."""
    return re.findall(r"^- `\[(KD-[A-Za-z0-9.-]+)\]`", known_differences_section(), re.MULTILINE)


def strings_in(path: Path) -> list[tuple[int, str]]:
    """Every string literal in a test file, adjacent literals joined, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def xfail_calls(path: Path) -> list[ast.Call]:
    """Every ``...xfail(...)`` call with ``strict=True`` in a test file."""
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        strict = any(
            kw.arg == "strict" and isinstance(kw.value, ast.Constant) and kw.value.value is True
            for kw in node.keywords
        )
        if name == "xfail" and strict:
            calls.append(node)
    return calls


TEST_FILES = sorted(p for p in TESTS.rglob("*.py") if p.name != Path(__file__).name)


def reasons() -> list[tuple[str, str]]:
    """Every "turbomock differs" string in the tests, as ``(file:line, text)``."""
    return [
        (f"{path.relative_to(ROOT)}:{line}", text)
        for path in TEST_FILES
        for line, text in strings_in(path)
        if re.match(rf"{DIFFERS}( \[|:)", text)
    ]


def test_every_known_difference_reason_carries_an_id() -> None:
    """Each "turbomock differs" reason in the tests names its README entry."""
    missing = [where for where, text in reasons() if not re.match(rf"{DIFFERS} \[KD-", text)]
    assert missing == []


def test_every_strict_xfail_states_a_known_difference() -> None:
    """A strict xfail's reason is a literal "turbomock differs [KD-...]" string, or a
    name bound to such strings elsewhere in the file (checked by the test above)."""
    wrong = []
    for path in TEST_FILES:
        for call in xfail_calls(path):
            reason = next((kw.value for kw in call.keywords if kw.arg == "reason"), None)
            if isinstance(reason, ast.Constant):
                if not (isinstance(reason.value, str) and ID.search(reason.value)):
                    wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}")
            elif not isinstance(reason, (ast.Name, ast.Subscript)):
                wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert wrong == []


def test_every_id_used_by_the_tests_is_listed_in_the_readme() -> None:
    """No difference pinned by a test is missing from the README."""
    used = {match for _, text in reasons() for match in ID.findall(text)}
    assert used, "no known differences found: the scan is broken"
    assert sorted(used - set(listed_ids())) == []


def test_every_listed_id_is_pinned_by_a_test() -> None:
    """No README entry outlives the test that pinned it."""
    used = {match for _, text in reasons() for match in ID.findall(text)}
    assert sorted(set(listed_ids()) - used) == []


def test_each_id_is_listed_once_with_an_example() -> None:
    """Each entry appears once and shows the difference in code (a backticked example)."""
    ids = listed_ids()
    assert len(ids) == len(set(ids))
    entries = re.split(r"^- ", known_differences_section(), flags=re.MULTILINE)[1:]
    for entry in entries:
        assert entry.count("`") >= 4, entry


@pytest.mark.parametrize(
    "claim",
    [
        "python3 -m venv .venv && . .venv/bin/activate",
        "python3 -m pip install -e '.[test]' && python3 -m pytest -n auto",
    ],
)
def test_setup_makes_the_venv_it_installs_into(claim: str) -> None:
    """The set-up section creates and activates a venv before any pip install."""
    text = README.read_text(encoding="utf-8")
    setup = text[text.index("## Set-up on a fresh machine") :]
    setup = setup[: setup.index("\n## ", 1)]
    assert claim in setup
    assert setup.index("python3 -m venv") < setup.index("python3 -m pip install")
