"""KNOWN entries for differences issue 9 does not list: found by the fuzzer, deliberate
(documented), or pinned already by a strict xfail test."""

from __future__ import annotations

from .matchers import (
    OUTCOME,
    PY310,
    PY311,
    PY313,
    Known,
    both,
    case_has,
    case_matches,
    either,
    mro_with_extra,
    on,
    only_dunder_calls,
    only_more_dunder_calls,
)

OTHER: list[Known] = [
    # -- not in issue 9 ------------------------------------------------------------------------
    Known(
        "mro-magic-slots",
        "README KD-class-layout (a MagicMock's class has its default magic methods in a "
        "shared base, MagicSlots, last before object)",
        mro_with_extra("MagicSlots"),
        "print([c.__name__ for c in type(mock.MagicMock()).__mro__])\n"
        "# turbomock lists 'MagicSlots' between 'Base' and 'object'",
        mask=True,
    ),
    Known(
        "class-dict-magic",
        "README KD-class-layout (a MagicMock's default magic methods are not in its "
        "class's own __dict__, nor one set by hand; a Mock's class holds that as a slot; a "
        "PropertyMock set as one is there as a wrapper)",
        either(
            on(source=r"type\([a-z]+\d+\)\.__dict__\.get\('__\w+__'\)", expected="MagicProxy",
               actual="^None$"),
            on(source=r"type\([a-z]+\d+\)\.__dict__\.get\('__\w+__'\)",
               expected=r"^<function _get_method\.<locals>\.method ",
               actual=r"^None$|^<<mock>\._magic_slots\.MagicSlot object "),
            on(source=r"type\([a-z]+\d+\)\.__dict__\.get\('__\w+__'\)",
               expected="^<PropertyMock ", actual="DescribedMagicSlot object"),
            # (A mock set as the method, or made for it when first read: the
            # stdlib's class holds the mock itself, as mock_open's handles do.)
            on(source=r"type\([a-z]+\d+\)\.__dict__\.get\('__\w+__'\)",
               expected=r"^<\w*Mock name=", actual="^None$"),
        ),
        "print(type(mock.MagicMock()).__dict__.get('__len__'))  # turbomock None",
        rare=True,
    ),
    Known(
        "leaf-metaclass",
        "README KD-class-layout (a mock's class is an instance of turbomock's LeafType, "
        "a subclass of type: what the metaclass's own methods show names it)",
        on(expected=r"<method-wrapper '\w+' of type object at ",
           actual=r"<method-wrapper '\w+' of LeafType object at "),
        "print(type(mock.NonCallableMock()).__call__)  # turbomock: <method-wrapper "
        "'__call__' of LeafType object ...>",
        rare=True,
    ),
    Known(
        "spec-object-touched",
        "turbomock differs [KD-fuzz-rare] "
        "(the stdlib touches a mock used as a spec, or held by a spec object: bool() "
        "of it, its __code__, an _is_coroutine child; turbomock doesn't)",
        either(
            on(label=r"^dir\(", expected="'_is_coroutine'"),
            only_more_dunder_calls,
            both(lambda diff: not PY311, case_has(r"create_autospec\("), only_dunder_calls),
        ),
        "class K: pass\nK.x = mock.MagicMock()\nmock.Mock().mock_add_spec(K())\n"
        "print('_is_coroutine' in dir(K.x))  # stdlib True, turbomock False",
        rare=True,
    ),
    Known(
        "spec-holds-sealed-mock",
        "turbomock differs [KD-fuzz-rare] "
        "(a spec object holding a sealed mock: the stdlib's coroutine check fails on "
        "its __code__)",
        on(label=OUTCOME, expected=r"AttributeError: \w+\.__code__$"),
        "class K:\n    def meth(self): pass\n"
        "K.meth = mock.Mock(spec=lambda: 0)\nmock.seal(K.meth)\n"
        "mock.Mock(spec=K())  # stdlib AttributeError: mock.__code__",
        rare=True,
    ),
    Known(
        "threading-extensions",
        "deliberate (README): ThreadingMock's wait_until_any_call and wait_until_call_count",
        lambda diff: ("dir(" in diff.label or "dir(" in diff.op.source)
        and diff.actual.replace("'wait_until_any_call', ", "").replace(
            "'wait_until_call_count', ", ""
        )
        == diff.expected,
        "print(dir(mock.ThreadingMock()))  # turbomock lists two more wait_until_* methods",
        mask=True,
        applies=PY313,
    ),
    Known(
        "threading-configure-kwargs",
        "turbomock differs [KD-fuzz-rare] "
        "(stdlib 3.13: ThreadingMock(**{'a.b': ...}) recurses; configure_mock runs "
        "before the timeout is set)",
        on(kinds=("make.ThreadingMock",), label=OUTCOME, source=r"\*\*\{"),
        "mock.ThreadingMock(**{'a.return_value': 1})  # stdlib 3.13 RecursionError",
        applies=PY313,
    ),
    Known(
        "threading-deepcopy",
        "turbomock differs [KD-fuzz-rare] "
        "(copy.deepcopy(ThreadingMock()): the stdlib can't copy its lock)",
        on(kinds=("make.copy",), label=OUTCOME, expected="cannot pickle '_thread"),
        "import copy\ncopy.deepcopy(mock.ThreadingMock())\n"
        "# stdlib TypeError: cannot pickle '_thread.lock' object",
        applies=PY313,
    ),
    Known(
        "inspect-async-signature",
        "turbomock differs [KD-fuzz-rare] "
        "(inspect.signature of an AsyncMock "
        "(3.9: the stdlib's inspect reads its made-up __annotations__, recording __eq__ "
        "calls; 3.10: TypeError 'Mock' object is not subscriptable)",
        either(
            on(label=r"\.(mock|method)_calls$", expected=r"call\.__eq__\(<class 'type'>\)"),
            on(label=OUTCOME, source=r"inspect\.signature", expected="not subscriptable"),
            # (3.9: the stdlib's inspect reads its _partialmethod, a new child)
            both(case_has(r"inspect\.signature"), on(label=r"^dir\(", expected="'_partialmethod'")),
            # (its class's __call__ edited: the stdlib's inspect goes on to read it)
            on(label=OUTCOME, source=r"inspect\.signature", actual=r"\(\*args, \*\*kwargs\)"),
        ),
        "import inspect\nm = mock.AsyncMock()\ninspect.signature(m)\n"
        "print(m.mock_calls)  # stdlib 3.9 [call.__eq__(<class 'type'>), ...]",
        applies=not PY311,
        rare=True,
    ),
    Known(
        "autospec-of-a-mock-39",
        "turbomock differs [KD-fuzz-rare] "
        "(3.9 allows create_autospec of a Mock; the stdlib's result then accepts any "
        "assert_has_calls and records reset_mock as a call, and its walk of an "
        "autospecced mock fails)",
        either(
            case_has(r"create_autospec\(mock\.Mock\(\)|create_autospec\(m\d+\b"),
            # a spec attribute patched with a mock, then autospecced
            case_matches(r"patch\.object\(Klass, '(\w+)'.*create_autospec\(Klass\.\1\b"),
            # an autospec patcher started twice autospecs its own mock (the stdlib's
            # walk fails on it: TypeError, __name__ must be set to a string object)
            case_matches(
                r"(p\d+) = mock\.patch[^\n]*autospec=True[^\n]*\n.*\1\.start\(\).*\1\.start\(\)"
            ),
        ),
        "m = mock.create_autospec(mock.Mock())\n"
        "m.assert_has_calls([mock.call.attr(1)])  # stdlib 3.9 passes",
        applies=not PY310,
        fallback=True,
        rare=True,
    ),
    Known(
        "patch-restart-39",
        "turbomock differs [KD-fuzz-rare] "
        "(3.9/3.10: starting a started patch.object(..., spec_set=True) again raises "
        "TypeError in the stdlib)",
        on(kinds=("patch.control",), label=OUTCOME, source=r"\.start\(\)",
           expected="not subscriptable"),
        "class K:\n    async def am(self): pass\n"
        "p = mock.patch.object(K, 'am', spec_set=True)\np.start()\n"
        "p.start()  # stdlib 3.9 TypeError: 'Mock' object is not subscriptable",
        applies=not PY311,
        rare=True,
    ),
    Known(
        "mock-as-spec",
        "turbomock differs [KD-fuzz-rare] "
        "(3.9/3.10 accept a mock as a spec; what follows differs: the stdlib fails "
        "reading its signature ('<NonCallableMock ...> is not a callable object', 'Mock' "
        "object is not subscriptable ...), turbomock recurses on a mock specced on itself)",
        case_has(r"spec(_set)?=p?m\d+\b|mock_add_spec\(p?m\d+\b"),
        "m = mock.NonCallableMock(spec_set=lambda: 0)\n"
        "mock.Mock(spec=m)  # stdlib 3.9 TypeError: <NonCallableMock ...> is not a callable object",
        applies=not PY311,
        rare=True,
        fallback=True,
    ),
    Known(
        "autospec-of-an-autospecced-function-39-310",
        "turbomock differs [KD-fuzz-rare] "
        "(3.9/3.10: create_autospec of an autospecced async function: the stdlib's walk "
        "fails reading its inner mock's signature ('Mock' object is not subscriptable); "
        "turbomock reads it its way)",
        case_matches(r"(\w+) = mock\.create_autospec\(af\b.*create_autospec\(\1\b"),
        "async def af(x): return x\n"
        "mock.create_autospec(mock.create_autospec(af))"
        "  # stdlib 3.10 TypeError: 'Mock' object is not subscriptable",
        applies=not PY311,
        rare=True,
    ),
    Known(
        "sealed-threadingmock-add-spec-313",
        "turbomock differs [KD-fuzz-rare] "
        "(3.13: a sealed ThreadingMock given a spec without a magic method: the stdlib's "
        "class keeps that method's proxy, which fails as sealed ('mock.__float__'); "
        "turbomock's fails as the spec lacks it, also an AttributeError)",
        both(
            case_matches(r"(\w+) = mock\.ThreadingMock\(.*mock\.seal\(\1\).*\1\.mock_add_spec\("),
            on(expected=r"AttributeError: [\w.]*\.__\w+__$",
               actual="AttributeError: Mock object has no attribute '__"),
        ),
        "m = mock.ThreadingMock(); mock.seal(m); m.mock_add_spec(lambda: 0)\n"
        "float(m)  # stdlib 3.13 AttributeError: mock.__float__",
        applies=PY313,
        rare=True,
    ),
    # -- pinned already by strict xfail tests ----------------------------------------------
    Known(
        "copy-call",
        "xfail test_shallow_copy_of_a_call_matches_the_stdlib",
        on(kinds=("helpers",), source=r"copy\.copy\(mock\.call", expected="RecursionError"),
        "import copy\ncopy.copy(mock.call.a(1))  # stdlib RecursionError",
    ),
    Known(
        "pickle-call",
        "xfail test_pickling_a_call_matches_the_stdlib (3.11+: RecursionError)",
        on(kinds=("helpers",), source=r"pickle\.dumps\(mock\.call", expected="RecursionError"),
        "import pickle\npickle.loads(pickle.dumps(mock.call.a(1)))  # stdlib RecursionError",
        applies=PY311,
    ),
    Known(
        "delegate-assigned",
        "turbomock differs [KD-fuzz-rare] "
        "(_mock_delegate set by hand: the stdlib's recording reads a delegate it keeps "
        "elsewhere, turbomock's reads the one set)",
        case_has(r"\._mock_delegate = "),
        "def f(): pass\nm = mock.AsyncMock(wraps=f)\nm._mock_delegate = 5\ntry:\n"
        "    m.__aexit__()\nexcept AttributeError as e:\n    print(e)  # stdlib: 'function' "
        "object has no attribute 'mock_calls', turbomock: 'int' object ...",
        rare=True,
    ),
    Known(
        "function-as-new-parent",
        "turbomock differs [KD-fuzz-rare] "
        "(a call below a child of an autospecced function's mock, made from one of the "
        "function's own attributes: the stdlib records it in the function's mock_calls, "
        "then fails reading the function's _mock_new_name (AttributeError); turbomock "
        "refuses the function as a mock's parent (TypeError) and records nothing)",
        either(
            on(expected="'function' object has no attribute '_mock_new_name'",
               actual="the parent of a mock must be a mock, not 'function'"),
            both(case_has(r"create_autospec\(fa\)"), on(label=r"\.mock_calls$")),
        ),
        "def fa(a): return a\nfa.attr = 1\nm = mock.create_autospec(fa)\n"
        "m.mock.attr.__hash__(1)  # stdlib: AttributeError ... '_mock_new_name', "
        "turbomock: TypeError ... must be a mock\nprint(m.mock_calls)  # stdlib: "
        "[call.attr.__hash__(1)], turbomock: []",
        rare=True,
    ),
    Known(
        "autospec-of-a-patched-mock-39-310",
        "turbomock differs [KD-fuzz-rare] "
        "(3.9/3.10: a class attribute patched with a specced mock, then the class "
        "autospecced: the stdlib's walk fails reading that mock's signature ('Mock' "
        "object is not subscriptable); turbomock builds that child and reads it its way)",
        case_matches(r"patch\.object\(Klass, '(\w+)', spec(_set)?=True.*create_autospec\(Klass\b"),
        "class K:\n    async def am(self, a): pass\n"
        "mock.patch.object(K, 'am', spec=True).start()\n"
        "mock.create_autospec(K)  # stdlib 3.10 TypeError: 'Mock' object is not subscriptable",
        applies=not PY311,
        rare=True,
    ),
    Known(
        "mock-children-assigned",
        "xfail test_assigning_mock_children (KD-mock-children-assigned)",
        either(
            on(actual=r"property '_mock_children' of '\w+' object has no setter"),
            case_has(r"\._mock_children = "),
        ),
        "m = mock.Mock()\nm._mock_children = {}  # turbomock AttributeError",
        rare=True,
    ),
    Known(
        "unfiltered-dir",
        "xfail test_unfiltered_dir_instance_names_match_the_stdlib (FILTER_DIR = False)",
        either(
            on(source=r"FILTER_DIR = False"),
            both(case_has(r"FILTER_DIR = False"), on(label=r"^dir\(")),
        ),
        "mock.FILTER_DIR = False\nprint(dir(mock.Mock()))  # the instance names differ",
    ),
]
