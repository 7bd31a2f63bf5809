"""The README's examples for explanations, matchers, assertion functions and strict
mode run as doctests: every ``python`` block of those sections, in order, sharing one
namespace per section."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from explain_support import settings

README = Path(__file__).resolve().parent.parent / "README.md"
SECTIONS = ["Failures that explain themselves", "Strict mode"]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def section_text(title: str) -> tuple[str, int]:
    """The section's text (up to the next ``## `` heading) and its first line number."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n") + 1
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else len(text)], text.count("\n", 0, start)


def python_blocks(title: str) -> list[tuple[str, int]]:
    """Each ``python`` code block of the section, with the README line it starts on."""
    text, first_line = section_text(title)
    return [
        (m.group(1), first_line + text.count("\n", 0, m.start(1))) for m in _BLOCK.finditer(text)
    ]


@pytest.mark.parametrize("title", SECTIONS)
def test_every_block_is_a_doctest(title: str) -> None:
    """No example in these sections goes unchecked: each block has doctest examples."""
    blocks = python_blocks(title)
    assert blocks
    parser = doctest.DocTestParser()
    for block, line in blocks:
        assert parser.get_examples(block), f"README.md:{line}: a python block with no >>> examples"


@pytest.mark.parametrize("title", SECTIONS)
def test_readme_examples_run(title: str) -> None:
    """Each example prints what the README says (whitespace aside: "Actual" is
    indented from Python 3.11 on)."""
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    namespace: dict[str, object] = {}
    report: list[str] = []
    with settings(explain=False, strict=False):
        for block, line in python_blocks(title):
            test = parser.get_doctest(block, namespace, f"README: {title}", str(README), line)
            runner.run(test, out=report.append, clear_globs=False)
            namespace = test.globs  # a DocTest copies what it is given
    assert runner.failures == 0, "".join(report)
