"""``turbomock.DEFAULT is unittest.mock.DEFAULT`` in either import order, without
``import turbomock`` executing the stdlib's mock.py.

turbomock imported first makes its own sentinels; the stdlib's module, imported
later, adopts them as it loads. These scenarios run in fresh interpreters, and the
stdlib's own behaviour afterwards is checked with CPython's mock suite run against
the real ``unittest.mock``.
"""

from __future__ import annotations

from pathlib import Path

from switch_support import ROOT, python

CONFORMANCE = ROOT / "tests" / "conformance"


def test_turbomock_first_then_stdlib_share_default(tmp_path: Path) -> None:
    """turbomock first: the stdlib, imported later, uses turbomock's sentinels everywhere
    it had stored its own (globals, a class attribute, function defaults)."""
    result = python(
        """
        import json, sys, turbomock
        loaded_early = "unittest.mock" in sys.modules
        import unittest.mock as m
        print(json.dumps([
            loaded_early,
            m.DEFAULT is turbomock.DEFAULT,
            m.sentinel is turbomock.sentinel,
            m._missing is turbomock.sentinel.MISSING,
            m._deleted is turbomock.sentinel.DELETED,
            m.Base._mock_return_value is turbomock.DEFAULT,
            any(d is turbomock.DEFAULT for d in m.CallableMixin.__init__.__defaults__),
            any(d is turbomock.DEFAULT for d in m.patch.__defaults__),
        ]))
        """,
        tmp_path,
    )
    assert result == [False, True, True, True, True, True, True, True]


def test_no_stdlib_sentinel_is_left_anywhere(tmp_path: Path) -> None:
    """After the adoption no object of the stdlib's sentinel class is left alive: every
    reference to one was found (they are freed once none is left)."""
    result = python(
        """
        import gc, json, turbomock, turbomock._sentinels as ours
        import unittest.mock as m
        gc.collect()
        def stdlib_made(o, name):  # (m._SentinelObject is turbomock's class now)
            kind = type(o)
            return (kind.__module__ == "unittest.mock" and kind.__name__ == name
                    and kind is not getattr(ours, name))
        left = [o for o in gc.get_objects() if stdlib_made(o, "_SentinelObject")]
        factories = [o for o in gc.get_objects() if stdlib_made(o, "_Sentinel")]
        print(json.dumps([len(left), len(factories), m._SentinelObject is type(m.DEFAULT)]))
        """,
        tmp_path,
    )
    assert result == [0, 0, True]


def test_stdlib_first_then_turbomock_share_default(tmp_path: Path) -> None:
    """The stdlib first: turbomock uses its sentinel."""
    result = python(
        """
        import json, unittest.mock as m, turbomock
        print(json.dumps([m.DEFAULT is turbomock.DEFAULT, m.sentinel is turbomock.sentinel]))
        """,
        tmp_path,
    )
    assert result == [True, True]


def test_import_keeps_the_real_loader(tmp_path: Path) -> None:
    """The adopted module reports its real loader and spec, as if no hook were there."""
    result = python(
        """
        import json, turbomock
        import unittest.mock as m
        print(json.dumps([type(m.__loader__).__name__, m.__spec__.loader is m.__loader__,
                          m.__spec__.origin == m.__file__]))
        """,
        tmp_path,
    )
    assert result == ["SourceFileLoader", True, True]


def test_reload_adopts_again(tmp_path: Path) -> None:
    """``importlib.reload`` of the stdlib's module adopts turbomock's sentinels again."""
    result = python(
        """
        import importlib, json, turbomock
        import unittest.mock as m
        m = importlib.reload(m)
        print(json.dumps(m.DEFAULT is turbomock.DEFAULT))
        """,
        tmp_path,
    )
    assert result is True


def test_patches_of_both_libraries_agree(tmp_path: Path) -> None:
    """Patches made by either library compare ``new`` with the same DEFAULT."""
    result = python(
        """
        import json, turbomock
        import unittest.mock as m
        a = m.patch("os.getcwd")
        b = turbomock.patch("os.getcwd")
        print(json.dumps([a.new is b.new, a.new is m.DEFAULT]))
        """,
        tmp_path,
    )
    assert result == [True, True]


def test_cpython_mock_suite_passes_against_the_adopted_stdlib(tmp_path: Path) -> None:
    """CPython's own unittest.mock suite passes against the real stdlib module in a
    process where turbomock was imported first and the stdlib adopted its sentinels."""
    result = python(
        f"""
        import json, sys
        import turbomock
        sys.path.insert(0, {str(CONFORMANCE)!r})
        import run_suite_module
        from test_cpython_suite import MODULES
        import unittest.mock
        assert unittest.mock.__name__ == "unittest.mock"
        assert unittest.mock.DEFAULT is turbomock.DEFAULT
        summary = {{}}
        for module in MODULES:
            report = run_suite_module.run("unittest.mock", module)
            outcomes = report.get("outcomes", {{}})
            bad = sorted(t for t, o in outcomes.items()
                         if o not in ("passed", "expected_failure", "skipped"))
            summary[module] = [report["status"], len(outcomes), bad]
        print(json.dumps(summary))
        """,
        tmp_path,
        timeout=600,
    )
    ran = {module: figures for module, figures in result.items() if figures[0] == "ok"}
    assert "testmock" in ran
    assert {module: bad for module, (_, _, bad) in ran.items() if bad} == {}
    assert all(count > 0 for _, count, _ in ran.values())


def test_find_spec_during_the_hook_answers_like_the_real_loader(tmp_path: Path) -> None:
    """``importlib.util.find_spec`` while the hook waits still gives a working loader."""
    result = python(
        """
        import importlib.util, json, turbomock
        spec = importlib.util.find_spec("unittest.mock")
        source = spec.loader.get_source("unittest.mock")
        package = spec.loader.is_package("unittest.mock")
        print(json.dumps([package, "class NonCallableMock" in source]))
        """,
        tmp_path,
    )
    assert result == [False, True]


def test_stdlib_imported_again_after_being_dropped(tmp_path: Path) -> None:
    """The stdlib first, dropped from sys.modules and imported again: the new module
    adopts the sentinels turbomock took from the first."""
    result = python(
        """
        import importlib, json, sys, unittest.mock, turbomock
        first = sys.modules.pop("unittest.mock")
        again = importlib.import_module("unittest.mock")
        print(json.dumps([again is not first, again.DEFAULT is turbomock.DEFAULT,
                          first.DEFAULT is turbomock.DEFAULT]))
        """,
        tmp_path,
    )
    assert result == [True, True, True]


_SENTINEL_DETAILS = """
    import json, pickle, weakref
    {first}
    from unittest import mock
    s = mock.sentinel.MOCKED_CONFIG
    s.force_venv_backend = None  # nox's tests configure a sentinel so
    print(json.dumps([
        s.force_venv_backend,
        weakref.ref(s)() is s,
        vars(s),
        [n for n in dir(s) if not n.startswith("__") or n in ("__dict__", "__weakref__")],
        pickle.dumps(s, 2).hex(),
        pickle.dumps(mock.sentinel, 4).hex(),
        repr(type(s)),
        {made}
    ]))
"""


def test_sentinels_turbomock_makes_are_the_stdlibs_kind_of_object(tmp_path: Path) -> None:
    """A sentinel is an ordinary object: attributes can be set on it, it can be weakly
    referenced, ``vars()`` lists its name; its pickle names ``unittest.mock``. Also
    when turbomock made it: imported first, or only loaded as pytest's plugin (as any
    pytest run with turbomock installed does)."""
    stdlib = python(_SENTINEL_DETAILS.format(first="", made="False"), tmp_path)
    ours = "type(s) is __import__('turbomock._sentinels')._sentinels._SentinelObject"
    for first in ("import turbomock", "import turbomock.pytest_plugin"):
        result = python(_SENTINEL_DETAILS.format(first=first, made=ours), tmp_path)
        assert result[:-1] == stdlib[:-1]
        assert result[-1] is True  # (turbomock's, as the stdlib adopted them)
