"""Reproductions: a failing (shrunk) case written as a short script that prints the
difference, checked by running it on both libraries."""

from __future__ import annotations

import contextlib
import io
import re
import sys
import textwrap
import warnings
from typing import Any

from . import prelude
from .deadline import Hang, alarm_handler, timed
from .observe import normalise
from .runner import OP, STDLIB, TURBO, WARNINGS, Difference, run

_VARIABLE = re.compile(r"\b(m|h|pm|k|p|g|d|Sub)(\d+)\b")
_BEFORE = re.compile(r"\bbefore_(\w+)\b")
_RAISED = re.compile(r"^(repr )?raised ")


def _renamer(texts: list[str]) -> dict[str, str]:
    """Variables renumbered from 0 per prefix, in order of first appearance."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for text in texts:
        for found in _VARIABLE.finditer(text):
            if found.group(0) not in names:
                prefix = found.group(1)
                names[found.group(0)] = f"{prefix}{counts.get(prefix, 0)}"
                counts[prefix] = counts.get(prefix, 0) + 1
    return names


def _guarded(source: str, value: bool) -> str:
    body = source + ("\nprint(repr(_))" if value else "")
    return (
        "try:\n"
        + textwrap.indent(body, "    ")
        + "\nexcept Exception as exc:\n    print(type(exc).__name__, exc)"
    )


def reproduction(diff: Difference) -> str:
    """A script that shows ``diff``: the operations, then what differs."""
    case = diff.case
    ops = case.ops[: diff.step + 1]
    outcomes = [record[OP] for record in run(case, STDLIB)]
    lines: list[str] = []
    for number, op in enumerate(ops):
        last = number == len(ops) - 1
        raised = number < len(outcomes) and bool(_RAISED.match(outcomes[number]))
        if last and diff.label in (OP, WARNINGS):
            text = _guarded(op.source, op.value)
            if diff.label == WARNINGS:
                text = (
                    "with warnings.catch_warnings(record=True) as caught:\n"
                    "    warnings.simplefilter('always')\n"
                    + textwrap.indent(text, "    ")
                    + "\nprint([(w.category.__name__, str(w.message), w.filename)"
                    " for w in caught])"
                )
            lines.append(text)
        elif raised:
            lines.append(_guarded(op.source, False))
        else:
            lines.append(op.source)
    if diff.label not in (OP, WARNINGS):
        show = f"print(repr({diff.label}))"
        if _RAISED.match(diff.expected) or _RAISED.match(diff.actual):
            show = _guarded(show, False)
        lines.append(show)
    body = "\n".join(lines)
    setup = [f"before_{kind} = mock.{kind}()" for kind in sorted(set(_BEFORE.findall(body)))]
    needed = prelude.needed_source(body)
    script = "\n".join(part for part in [needed, *setup, body] if part)
    names = _renamer([script])
    script = _VARIABLE.sub(lambda found: names[found.group(0)], script)
    return script


def describe_difference(diff: Difference) -> str:
    version = ".".join(map(str, sys.version_info[:3]))
    return (
        f"# Python {version}: seed {diff.case.seed}, case {diff.case.index}, "
        f"step {diff.step}, {diff.op.kind}\n"
        f"#   unittest.mock: {_one_line(diff.expected)}\n"
        f"#   turbomock:     {_one_line(diff.actual)}\n"
    )


def _one_line(text: str, limit: int = 300) -> str:
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _output(source: str, module: Any) -> str:
    ns: dict[str, Any] = {"__name__": "__fuzz_repro__", "mock": module}
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), alarm_handler():
        try:
            timed(lambda: exec(compile(source, "<fuzz>", "exec"), ns))
        except Hang:
            print("hung")
        except Exception as exc:
            print("escaped", type(exc).__name__, exc)
        finally:
            try:
                module.patch.stopall()
            except Exception:
                pass
            sys.modules.pop("fuzz_target", None)
    return normalise(buffer.getvalue())


def verified(source: str) -> bool:
    """Whether the reproduction really prints different things on the two libraries."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _output(source, STDLIB) != _output(source, TURBO)
