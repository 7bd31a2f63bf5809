"""``import turbomock`` is cheap: it never executes the stdlib's mock.py, and imports
nothing a first mock does not need. Checked in fresh interpreters through
``sys.modules``; the time itself is measured by the bench (``-k import``), not here."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

from switch_support import python, run

#: Modules that ``import turbomock`` must not import.
HEAVY = ["asyncio", "dis", "difflib", "inspect", "pprint", "typing", "unittest", "unittest.mock"]
#: ... nor these, which a bare interpreter has not loaded either: together a third of
#: the import on 3.11 (docs/design.md, "What the import loads"). turbomock uses their C
#: halves (``_functools``, ``_thread``, ``_weakref``, ``_operator``) or imports them where
#: used.
STANDARD = [
    "collections",
    "collections.abc",
    "contextlib",
    "copy",
    "functools",
    "threading",
    "weakref",
]
#: ... nor a first mock.
HEAVY_FOR_A_FIRST_MOCK = HEAVY


def test_import_does_not_execute_the_stdlib_mock(tmp_path: Path) -> None:
    """After ``import turbomock`` no module came from the stdlib's unittest/mock.py."""
    result = python(
        """
        import json, os, sys, turbomock
        path = os.path.join("unittest", "mock.py")
        print(json.dumps([n for n, m in sys.modules.items()
                          if (getattr(m, "__file__", None) or "").endswith(path)]))
        """,
        tmp_path,
    )
    assert result == []


@pytest.mark.parametrize(
    "first_use",
    ["pass", "turbomock.Mock()(1)", "turbomock.MagicMock().a.b()", "turbomock.AsyncMock()"],
)
def test_first_mock_imports_nothing_heavy(tmp_path: Path, first_use: str) -> None:
    """Importing turbomock and making a first mock imports none of the heavy modules."""
    heavy = HEAVY if first_use == "pass" else HEAVY_FOR_A_FIRST_MOCK
    result = python(
        f"""
        import json, sys
        import turbomock
        {first_use}
        print(json.dumps(sorted(set({heavy!r}) & set(sys.modules))))
        """,
        tmp_path,
    )
    assert result == []


@pytest.mark.parametrize(
    "first_use", ["pass", "turbomock.MagicMock().a.b(1)", "turbomock.AsyncMock()"]
)
def test_import_loads_no_standard_module_a_bare_interpreter_lacks(
    tmp_path: Path, first_use: str
) -> None:
    """``import turbomock`` and a first mock load none of ``STANDARD`` that the
    interpreter had not loaded before (``site`` may load some, in a virtual
    environment for instance)."""
    result = python(
        f"""
        import json, sys
        before = set(sys.modules)
        import turbomock
        {first_use}
        print(json.dumps(sorted(set({STANDARD!r}) & (set(sys.modules) - before))))
        """,
        tmp_path,
    )
    assert result == []


def test_patch_family_is_imported_on_first_use(tmp_path: Path) -> None:
    """``patch`` and the rarer helpers load when first touched, and work."""
    result = python(
        """
        import json, sys, turbomock
        before = "turbomock._patch" in sys.modules
        with turbomock.patch("os.getcwd", return_value="/x"):
            import os
            cwd = os.getcwd()
        print(json.dumps([before, "turbomock._patch" in sys.modules, cwd,
                          turbomock.patch.__module__]))
        """,
        tmp_path,
    )
    assert result == [False, True, "/x", "turbomock"]


def test_lazy_names_are_claimed_and_listed(tmp_path: Path) -> None:
    """Lazily imported classes report the module ``turbomock`` and appear in ``dir``."""
    result = python(
        """
        import json, turbomock
        listed = {"patch", "create_autospec", "ThreadingMock", "install"} <= set(dir(turbomock))
        print(json.dumps([listed, turbomock.ThreadingMock.__module__,
                          turbomock.PropertyMock.__module__, turbomock._patch.__module__]))
        """,
        tmp_path,
    )
    assert result == [True, "turbomock", "turbomock", "turbomock"]


def test_unknown_attribute_raises_attribute_error() -> None:
    """A name turbomock does not have raises AttributeError, as for any module."""
    import turbomock

    with pytest.raises(AttributeError, match="module 'turbomock' has no attribute 'nope'"):
        turbomock.nope  # noqa: B018 - the attribute read is the test


def test_bench_measures_the_import(tmp_path: Path) -> None:
    """The bench has an import op, timed in fresh interpreters on both sides."""
    from turbomock.__main__ import find_bench_dir

    if find_bench_dir() is None:  # a wheel (the sdist check) has no bench/ beside it
        pytest.skip("turbomock is not installed from this source tree: no bench/ for the CLI")
    out = tmp_path / "bench.json"
    args = ["-m", "turbomock", "bench", "--quick", "--rounds", "1", "-k", "import"]
    proc = run([sys.executable, *args, "--json", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))["ops"]
    assert list(figures) == ["import (fresh interpreter)"]
    op = figures["import (fresh interpreter)"]
    assert op["baseline_ns"] > 0
    assert op["impl_ns"] > 0
    assert op["target"] == pytest.approx(1 / 4)


def _function_level_imports(source: str) -> list[tuple[int, list[str], bool]]:
    """``(line, modules, optional)`` of each import inside a function; optional: inside
    a ``try`` that catches ImportError."""
    found: list[tuple[int, list[str], bool]] = []

    def visit(node: ast.AST, in_function: bool, optional: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            guarded = optional or (
                isinstance(child, ast.Try)
                and any("ImportError" in ast.dump(h.type or ast.Name("")) for h in child.handlers)
            )
            if in_function and isinstance(child, ast.Import):
                found.append((child.lineno, [a.name for a in child.names], guarded))
            elif in_function and isinstance(child, ast.ImportFrom):
                base = child.module or ""
                names = [f"{base}.{a.name}" for a in child.names] if base == "turbomock" else [base]
                found.append((child.lineno, names, guarded))
            visit(child, inner, guarded)

    visit(ast.parse(source), False, False)
    return found


def test_imports_inside_functions_have_a_reason(tmp_path: Path) -> None:
    """An import inside a function is for a module ``import turbomock`` does not load
    (so that the import stays cheap), an optional one, or one that imports the module
    it is in (a cycle, marked so on the line); any other belongs at the top."""
    loaded = set(python("import json, sys, turbomock; print(json.dumps([*sys.modules]))", tmp_path))
    source_root = Path(__file__).resolve().parents[1] / "src" / "turbomock"
    misplaced = []
    for path in sorted(source_root.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, modules, optional in _function_level_imports("\n".join(lines)):
            eager = [m for m in modules if m in loaded]
            text = lines[line - 1]
            if eager and not optional and "(it imports this module)" not in text:
                misplaced.append(f"{path.relative_to(source_root)}:{line}: {text.strip()}")
    assert misplaced == []
