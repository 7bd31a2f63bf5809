"""Known differences from unittest.mock, not fixed yet: what the fixed-seed run skips.

Each entry names the issue item it belongs to, recognises its difference by a
predicate over the ``Difference`` met (the operation at the failing step and those
before it, the label that differed, both texts; see ``matchers``) and carries a
minimal reproduction (``mock`` being either library). An ordinary entry ends the
case it is met in; a *mask* hides one observation wherever it shows up and lets the
case go on, for differences that would otherwise end most cases (a class layout
every mock shows).

``tests/test_fuzz.py`` requires the fixed-seed run to meet every entry that applies
to the running Python at least once where no other entry recognises the same
difference. So removing an entry before its fix makes that run fail (the difference
is new again), and a fix makes the entry's test fail until the entry is removed: the
table only shrinks, and only with the engine. Entries marked ``rare`` are met by long
runs, not reliably in 2,000 cases; they are exempt from that test.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .matchers import (
    BYSTANDER,
    CLASS_EDIT,
    FILE,
    OUTCOME,
    Predicate,
    after,
    attached_an_ancestor,
    autospec_child_configured,
    both,
    case_has,
    copied,
    edited_variables,
    either,
    first_name,
    mro_with_extra,
    on,
)
from .runner import Difference, Mask

PY310 = sys.version_info >= (3, 10)
PY311 = sys.version_info >= (3, 11)
PY313 = sys.version_info >= (3, 13)


@dataclass(frozen=True)
class Known:
    """A known difference: where it belongs, how to recognise it, how to see it."""

    id: str
    #: The item of issue 9 it belongs to ("9.1 ...", "9.2 ..."), else "new", or the
    #: strict xfail test that already pins it.
    item: str
    match: Predicate
    repro: str
    mask: bool = False
    #: Whether the running Python shows it (the stdlib differs between versions).
    applies: bool = True
    #: Met by long runs only; not required of the fixed-seed run.
    rare: bool = False
    #: Recognised by what came before the failing step (a hand-set attribute, a copy,
    #: an attach): consulted only when no entry recognises the difference itself.
    fallback: bool = False


#: Operation kinds that edit type(m) (reading it, or storing it, edits nothing).
TYPE_EDITS = ("type_edit.set", "type_edit.del", "type_edit.stored")
_COPIED = case_has(r"= copy\.(deep)?copy\(")
_COPY_EQUALITY = both(
    _COPIED,
    on(kinds=("copy.compare", "magic.use", "make.copy"), label=OUTCOME,
       source=r"==|!=|hash\(|str\(|len\(\{| in \["),
)

KNOWN: list[Known] = [
    # -- issue 9, section 1: every mock has a class of its own ----------------------------
    Known(
        "shared-class",
        "9.1 every mock has a class of its own",
        either(
            on(label=r"^(type\(\w+\) is type|issubclass\(type)\(\w+\)", expected="False",
               actual="True"),
            on(kinds=("copy.compare",), label=OUTCOME, source=r"^_ = type\(\w+\) is type\(",
               expected="^False$", actual="^True$"),
        ),
        "a, b = mock.Mock(), mock.Mock()\n"
        "print(type(a) is type(b))  # stdlib False, turbomock True",
        mask=True,
    ),
    Known(
        "class-edit-leaks",
        "9.1 type(m) edits reach m alone, in every code shape",
        either(
            on(kinds=(*CLASS_EDIT, "attr.set"), label=BYSTANDER),
            # The edit went elsewhere: the edited mock itself shows it later.
            after(TYPE_EDITS, edited_variables),
        ),
        "def class_of(o): return type(o)\n"
        "c, d = mock.Mock(), mock.Mock()\n"
        "class_of(c).name = mock.PropertyMock(return_value='alice')\n"
        "print(d.name)  # stdlib <Mock name='mock.name' ...>, turbomock 'alice'",
    ),
    Known(
        "metaclass-conflict",
        "9.1 class M(MagicMock, SomeABC) works (xfail test_mixing_with_an_abstract_base)",
        on(kinds=("make.subclass",), label=OUTCOME, actual="metaclass conflict"),
        "from collections.abc import Iterable\n"
        "class M(mock.MagicMock, Iterable): pass  # turbomock TypeError: metaclass conflict",
    ),
    Known(
        "class-magic-read",
        "9.1 magic methods read off type(m) (xfail "
        "test_magic_method_read_from_an_indirect_type)",
        on(kinds=("type_edit",), actual=r"_DefaultMagicSlot"),
        "mocks = [mock.MagicMock(), mock.MagicMock()]\nmocks[0].__str__.return_value = 'A'\n"
        "type(mocks[1]).__str__(mocks[1])  # turbomock TypeError: '_DefaultMagicSlot' object "
        "is not callable",
    ),
    Known(
        "copy-class-relation",
        "9.1 copy.copy/copy.deepcopy: the copy's class derives from the original's",
        both(
            _COPIED,
            either(
                on(label=r"__mro__|^issubclass\(|^type\(\w+\) is type"),
                on(kinds=("copy.compare",), label=OUTCOME, source=r"type\("),
            ),
        ),
        "import copy\nm = mock.Mock()\nc = copy.copy(m)\n"
        "print(type(c).__mro__[1] is type(m))  # stdlib True",
        mask=True,
    ),
    Known(
        "copy-equality",
        "9.1 copy.deepcopy(MagicMock()) == the original, same hash and str",
        _COPY_EQUALITY,
        "import copy\nm = mock.MagicMock()\nc = copy.deepcopy(m)\n"
        "print(c == m, hash(c) == hash(m), str(c) == str(m))  # stdlib True True True",
    ),
    Known(
        "deepcopy-copies-spec",
        "new (copy.deepcopy of a mock deep-copies its spec object: fails for a spec "
        "holding a lock, a classmethod ...)",
        on(kinds=("make.copy",), label=OUTCOME, expected=r"^(done|\(.*\))$",
           actual="^raised (TypeError|RecursionError)"),
        "import copy, threading\n"
        "class Locked:\n    def __init__(self): self.lock = threading.Lock()\n"
        "copy.deepcopy(mock.Mock(spec=Locked()))  # turbomock TypeError: cannot pickle "
        "'_thread.lock' object",
    ),
    Known(
        "copy-shares-state",
        "9.1 copy.copy/copy.deepcopy: what the copy shares with the original",
        both(
            lambda diff: not (diff.op.kind.startswith("make.copy") and diff.label == "<op>"),
            lambda diff: not _COPY_EQUALITY(diff),
            after("make.copy", copied),
        ),
        "import copy\nm = mock.Mock()\nc = copy.copy(m)\nm(1)\n"
        "print(c.call_count)  # stdlib 0 (the copy has its own counters), turbomock 1",
        fallback=True,
    ),
    # -- issue 9, section 2 -------------------------------------------------------------------
    Known(
        "frames",
        "9.2 frames between the caller and a side_effect (sys._getframe, warnings "
        "stacklevel)",
        either(
            both(on(expected=f"^{FILE}$", actual=f"^{FILE}$"), case_has(r"frame_at|warn_at")),
            # A mock calling itself meets the recursion limit after as many calls.
            both(on(expected=r"^\d{2,}$", actual=r"^\d{2,}$"),
                 case_has(r"^(\w+)\.side_effect = \1$")),
        ),
        "import sys\n"
        "m = mock.Mock(side_effect=lambda: sys._getframe(3).f_code.co_name)\n"
        "print(m())  # stdlib '__call__' (3.11: _execute_mock_call, _mock_call, __call__), "
        "turbomock '<module>'\n"
        "m = mock.Mock()\nm.side_effect = m\ntry:\n    m()\nexcept RecursionError:\n"
        "    print(m.call_count)  # stdlib 245 on 3.11, turbomock 327",
    ),
    Known(
        "module-of-methods",
        "9.2 __module__ of public functions and methods",
        on(kinds=("names",), label=OUTCOME, expected="^'<mock>'$", actual=r"^'<mock>\._"),
        "print(mock.Mock().assert_called_with.__module__)  # turbomock 'turbomock._assertions'",
    ),
    Known(
        "qualname-assertion-methods",
        "9.2 names in messages: assert_* methods are NonCallableMock's",
        either(
            on(label=OUTCOME, expected=r"NonCallableMock\.\w+\(\)",
               actual=r"AssertionMethods\.\w+\(\)"),
            on(kinds=("names",), label=OUTCOME, expected=r"^'NonCallableMock\.\w+'$",
               actual=r"^'AssertionMethods\.\w+'$"),
        ),
        "mock.Mock().assert_called_once(1)\n"
        "# stdlib: NonCallableMock.assert_called_once() takes 1 positional argument but 2 ...",
    ),
    Known(
        "qualname-default-magics",
        "9.2 names in messages: the default magic methods (_get_iter.<locals>.__iter__)",
        on(expected=r"\b_get_\w+\.<locals>\.", actual=r"\b_\w+\.<locals>\."),
        "mock.MagicMock().__iter__(1)\n"
        "# stdlib: _get_iter.<locals>.__iter__() takes 0 positional arguments but 1 was given",
        # 3.9's messages name functions, not their qualified names.
        applies=PY310,
    ),
    Known(
        "private-name-in-messages",
        "9.2 names in messages: the stdlib's private attributes (_mock_parent, "
        "_mock_new_name ...), not _mock_state",
        on(expected=r"has no attribute '(_mock_\w+|method_calls)'",
           actual="has no attribute '_mock_state'"),
        "mock.Mock().attach_mock(5, 'x')  # stdlib: 'int' object has no attribute '_mock_parent'\n"
        "repr(mock.Mock(parent=5))  # stdlib: ... no attribute '_mock_new_name'",
    ),
    Known(
        "method-names",
        "9.2 __qualname__/__name__ of methods (AsyncMock's __call__ is '_async_call')",
        either(
            on(kinds=("names",), label=OUTCOME, expected=r"^'(?!<mock>)[\w.<>]+'$",
               actual=r"^'(?!<mock>|AssertionMethods\.)[\w.<>]+'$",
               source=r"^(?!.*side_effect\.__name__)"),
            on(expected=r"<bound method CallableMixin\.__call__ ", actual="_async_call"),
        ),
        "print(mock.AsyncMock().__call__.__name__)  # stdlib '__call__'",
    ),
    Known(
        "magic-function-name",
        "9.2 names: a function set as a magic method reads back as the stdlib's wrapper",
        on(expected=r"<function NonCallableMock\.__setattr__\.<locals>\.<lambda>",
           actual=r"<function _\w+\.<locals>\.\w+"),
        "m = mock.MagicMock()\nm.__str__ = lambda self: 's'\nprint(m.__str__)\n"
        "# stdlib <function NonCallableMock.__setattr__.<locals>.<lambda> ...>",
    ),
    Known(
        "unsupported-magic-on-specced",
        "9.2 magic methods a spec lacks (mock_open handles, MagicMock(spec=[])): Python's "
        "own TypeError",
        either(
            on(kinds=("magic.use", "names"), label=OUTCOME, actual="^raised MissingMagic"),
            on(kinds=("magic.use.__contains__",), label=OUTCOME,
               expected=r"argument of type '\w+' is not iterable"),
            on(kinds=("magic.use",), label=OUTCOME, expected="unsupported operand type",
               actual="'method-wrapper' object has no attribute '__get__'"),
            on(kinds=("magic.direct", "type_edit"), label=OUTCOME,
               expected=r"AttributeError: (Mock object|type object '\w+') has no attribute "
               r"'__\w+__'"),
            on(kinds=("magic.use",), label=OUTCOME, expected="^raised TypeError",
               actual="^raised (AttributeError|MissingMagic)"),
        ),
        "h = mock.mock_open()()\n"
        "h - 1  # stdlib TypeError: unsupported operand type(s) for -: 'MagicMock' and 'int'\n"
        "'x' in h  # stdlib TypeError: argument of type 'MagicMock' is not iterable",
    ),
    Known(
        "configure-unsupported-magic",
        "9.2 magic methods a spec lacks: configuring one raises AttributeError",
        on(kinds=("magic.configure",), label=OUTCOME,
           expected="AttributeError: Mock object has no attribute '__", actual="^done$"),
        "h = mock.mock_open()()\nh.__contains__.return_value = True  # stdlib AttributeError",
    ),
    Known(
        "autospec-configured-child",
        "9.2 create_autospec keyword configuration of children keeps their autospec",
        either(
            autospec_child_configured,
            on(kinds=("make.autospec",), label=OUTCOME, source=r"\*\*\{.*\n_ = \w+\.meth\("),
        ),
        "class Foo:\n    def meth(self, a): pass\n"
        "m = mock.create_autospec(Foo, **{'meth.return_value': 3})\n"
        "m.meth(1, 2)  # stdlib TypeError: too many positional arguments; turbomock 3",
        fallback=True,
    ),
    Known(
        "bookkeeping",
        "9.2 hand-set bookkeeping attributes (call_count, call_args_list, mock_calls, "
        "method_calls, await_*, _mock_* names)",
        after("bookkeeping", first_name),
        "m = mock.Mock()\nm.call_args_list = None\n"
        "m()  # stdlib AttributeError: 'NoneType' object has no attribute 'append'",
        fallback=True,
    ),
    Known(
        "reset-mock-arguments",
        "9.2 reset_mock(5), reset_mock(set()) (xfail test_reset_mock_with_a_set_as_visited); "
        "3.13: its signature (keyword-only flags) shows in the TypeError",
        either(
            on(kinds=("reset_mock",), label=OUTCOME, source=r"reset_mock\((5|set\(\))\)"),
            on(label=OUTCOME, source=r"reset_mock\(1, 2", expected="keyword-only argument"),
        ),
        "mock.Mock().reset_mock(5)  # stdlib TypeError: argument of type 'int' is not iterable",
    ),
    Known(
        "add-spec-after-autospec",
        "9.2 mock_add_spec after create_autospec: what stays reachable",
        both(case_has("autospec"), after("mock_add_spec", first_name)),
        "class Foo:\n    def meth(self, a): pass\n"
        "m = mock.create_autospec(Foo)\nm.mock_add_spec(['x'])\n"
        "m.meth  # stdlib: the autospecced method; turbomock AttributeError",
        fallback=True,
    ),
    Known(
        "attach-non-mock",
        "9.2 attach_mock of a non-mock (a function, a class: accepted by the stdlib)",
        on(kinds=("attach_mock",), label=OUTCOME, expected="^done$",
           actual="has no attribute '_mock_state'"),
        "def f(): pass\nmock.Mock().attach_mock(f, 'x')  # turbomock AttributeError",
    ),
    Known(
        "attach-ancestor",
        "9.2 attach_mock of a mock to itself or its ancestor (stdlib: repr and names raise "
        "TypeError later; turbomock: none, or it hangs)",
        attached_an_ancestor,
        "m = mock.Mock()\nm.a.attach_mock(m, 'x')\n"
        "repr(m.a.b)  # stdlib TypeError: unsupported operand type(s) for +: 'NoneType' and "
        "'str'",
        fallback=True,
    ),
    Known(
        "non-string-name",
        "9.2 Mock(name=1): repr raises TypeError (xfail test_non_string_name)",
        on(expected="^repr raised TypeError: sequence item 0: expected str instance"),
        "repr(mock.Mock(name=1))  # stdlib TypeError: sequence item 0: expected str instance ...",
    ),
    Known(
        "any-attribute",
        "9.2 ANY.foo = 1",
        on(kinds=("helpers",), source=r"ANY\.\w+ = ", actual="'_ANY' object has no attribute"),
        "mock.ANY.foo = 1  # turbomock AttributeError",
    ),
    Known(
        "spec-metaclass-raises",
        "9.2 specs whose metaclass __dir__/__getattr__ raise",
        on(expected=r"^raised RuntimeError: (no dir|__\w+__)$"),
        "class Meta(type):\n    def __dir__(cls): raise RuntimeError('no dir')\n"
        "class C(metaclass=Meta): pass\n"
        "mock.Mock(spec=C)  # stdlib RuntimeError: no dir",
    ),
    Known(
        "signature-raises",
        "9.2 objects whose __signature__ raises",
        on(expected="^raised ValueError: no signature$"),
        "class C:\n    @property\n    def __signature__(self): raise ValueError('no')\n"
        "    def __call__(self, a): pass\n"
        "mock.create_autospec(C())  # stdlib ValueError: no",
        applies=not PY313,
    ),
    Known(
        "call-is-five",
        "9.2 create_autospec(C)() where C.__call__ = 5",
        on(source="CallIsFive", expected="TypeError: (the first argument must be callable|"
           "5 is not a callable object)"),
        "class C:\n    __call__ = 5\n"
        "mock.create_autospec(C)()  # stdlib TypeError: the first argument must be callable",
    ),
    Known(
        "autospec-function-methods",
        "9.2 create_autospec(f).assert_called.side_effect = 1 (the stdlib's are plain "
        "functions)",
        on(kinds=("attr.set_on_method",), label=OUTCOME,
           actual="'method' object has no attribute"),
        "def f(a): pass\nm = mock.create_autospec(f)\n"
        "m.assert_called.side_effect = 1  # turbomock AttributeError",
    ),
    Known(
        "mock-open-effect-names",
        "9.2 the __name__ of mock_open's side effects",
        either(
            on(kinds=("names",), label=OUTCOME, source=r"\.side_effect\.__name__"),
            on(expected=r"\b_\w+_side_effect\(\)", actual=r"\b\w+_effect\(\)"),
        ),
        "h = mock.mock_open()()\n"
        "print(h.read.side_effect.__name__)  # stdlib '_read_side_effect'",
    ),
    Known(
        "propertymock-as-magic",
        "9.2 a PropertyMock assigned as a magic method (the issue says 3.9-3.12; reading it "
        "back differs on 3.13 too)",
        case_has(r"\.__\w+__ = (mock\.PropertyMock|pm\d+\b)"),
        "m = mock.MagicMock()\nm.__len__ = mock.PropertyMock(return_value=3)\n"
        "print(m.mock_calls)  # stdlib 3.12: [call.__len__(<PropertyMock ...>)]\n"
        "m.__str__ = mock.PropertyMock(return_value='p')\n"
        "print(m.__str__)  # stdlib 'p', turbomock the PropertyMock",
        fallback=True,
    ),
    # -- not in issue 9 ------------------------------------------------------------------------
    Known(
        "mro-assertion-methods",
        "new (the cause of 9.2's names: turbomock's classes have an extra base, "
        "AssertionMethods)",
        mro_with_extra("AssertionMethods"),
        "print([c.__name__ for c in type(mock.Mock()).__mro__])\n"
        "# turbomock lists 'AssertionMethods' between 'NonCallableMock' and 'Base'",
        mask=True,
    ),
    Known(
        "mro-async-variant",
        "new (a Mock specced on a coroutine function has an extra base, "
        "_CallableAsyncMockMixin)",
        both(
            on(actual="'_CallableAsyncMockMixin'"),
            mro_with_extra("AssertionMethods", "_CallableAsyncMockMixin"),
        ),
        "async def af(): pass\n"
        "print([c.__name__ for c in type(mock.Mock(spec=af)).__mro__])",
        mask=True,
    ),
    Known(
        "spec-object-touched",
        "new (the stdlib touches a mock used as a spec, or held by a spec object: bool() "
        "of it, its __code__, an _is_coroutine child; turbomock doesn't)",
        either(
            on(label=r"^dir\(", expected="'_is_coroutine'"),
            on(label=r"\.(mock|method)_calls$",
               expected=r"call\.[\w.]*(__code__|_is_coroutine|__bool__\(\)|__eq__\(<class)"),
        ),
        "class K: pass\nK.x = mock.MagicMock()\nmock.Mock().mock_add_spec(K())\n"
        "print('_is_coroutine' in dir(K.x))  # stdlib True, turbomock False",
        rare=True,
    ),
    Known(
        "spec-holds-sealed-mock",
        "new (a spec object holding a sealed mock: the stdlib's coroutine check fails on "
        "its __code__)",
        on(label=OUTCOME, expected=r"AttributeError: \w+\.__code__$"),
        "class K:\n    def meth(self): pass\n"
        "K.meth = mock.Mock(spec=lambda: 0)\nmock.seal(K.meth)\n"
        "mock.Mock(spec=K())  # stdlib AttributeError: mock.__code__",
        rare=True,
    ),
    Known(
        "autospec-class-on-method",
        "new (patch(..., autospec=SomeClass) of a method: its attributes raise "
        "InvalidSpecError)",
        on(actual="raised InvalidSpecError: Cannot autospec attr",
           expected="^(?!raised InvalidSpecError)"),
        "class K:\n    def meth(self, a): pass\n"
        "with mock.patch.object(K, 'meth', autospec=K) as m:\n"
        "    m.meth(a=1)  # turbomock InvalidSpecError",
        rare=True,
    ),
    Known(
        "autospec-property",
        "new (patch(..., autospec=True) of a property: the mock lacks fget, fset, getter ...)",
        on(label=r"^dir\(|^<op>$", expected="'fget'"),
        "class K:\n    @property\n    def p(self): return 1\n"
        "with mock.patch.object(K, 'p', autospec=True) as m:\n"
        "    print('fget' in dir(m))  # stdlib True",
        rare=True,
    ),
    Known(
        "parent-without-name",
        "new (Mock(parent=p) without a name: the stdlib fails naming its children's calls)",
        both(
            on(expected=r"for \+: 'NoneType' and 'str'"),
            case_has(r"\bparent=(?!None)"),
            lambda diff: not attached_an_ancestor(diff),
        ),
        "m = mock.NonCallableMock(parent=mock.Mock())\n"
        "m.x.y()  # stdlib TypeError: unsupported operand type(s) for +: 'NoneType' and 'str'",
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
        "new (stdlib 3.13: ThreadingMock(**{'a.b': ...}) recurses; configure_mock runs "
        "before the timeout is set)",
        on(kinds=("make.ThreadingMock",), label=OUTCOME, source=r"\*\*\{"),
        "mock.ThreadingMock(**{'a.return_value': 1})  # stdlib 3.13 RecursionError",
        applies=PY313,
    ),
    Known(
        "threading-deepcopy",
        "new (copy.deepcopy(ThreadingMock()): the stdlib can't copy its lock)",
        on(kinds=("make.copy",), label=OUTCOME, expected="cannot pickle '_thread"),
        "import copy\ncopy.deepcopy(mock.ThreadingMock())\n"
        "# stdlib TypeError: cannot pickle '_thread.lock' object",
        applies=PY313,
    ),
    Known(
        "inspect-async-signature",
        "deliberate (_compat.ASYNC_SIGNATURE_EXPLICIT): inspect.signature of an AsyncMock "
        "(3.9: the stdlib's inspect reads its made-up __annotations__, recording __eq__ "
        "calls; 3.10: TypeError 'Mock' object is not subscriptable)",
        either(
            on(label=r"\.(mock|method)_calls$", expected=r"call\.__eq__\(<class 'type'>\)"),
            on(label=OUTCOME, source=r"inspect\.signature", expected="not subscriptable"),
        ),
        "import inspect\nm = mock.AsyncMock()\ninspect.signature(m)\n"
        "print(m.mock_calls)  # stdlib 3.9 [call.__eq__(<class 'type'>), ...]",
        applies=not PY311,
        rare=True,
    ),
    Known(
        "autospec-of-a-mock-39",
        "new (3.9 allows create_autospec of a Mock; the stdlib's result then accepts any "
        "assert_has_calls and records reset_mock as a call)",
        case_has(r"create_autospec\(mock\.Mock\(\)|create_autospec\(m\d+\b"),
        "m = mock.create_autospec(mock.Mock())\n"
        "m.assert_has_calls([mock.call.attr(1)])  # stdlib 3.9 passes",
        applies=not PY310,
        fallback=True,
        rare=True,
    ),
    Known(
        "patch-restart-39",
        "new (3.9/3.10: starting a started patch.object(..., spec_set=True) again raises "
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
        "new (3.9/3.10 accept a mock as a spec; the stdlib then fails reading its "
        "signature: '<NonCallableMock ...> is not a callable object')",
        both(on(expected="is not a callable object"), case_has(r"spec(_set)?=m\d+\b")),
        "m = mock.NonCallableMock(spec_set=lambda: 0)\n"
        "mock.Mock(spec=m)  # stdlib 3.9 TypeError: <NonCallableMock ...> is not a callable object",
        applies=not PY311,
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
        "unfiltered-dir",
        "xfail test_unfiltered_dir_instance_names_match_the_stdlib (FILTER_DIR = False)",
        on(source=r"FILTER_DIR = False"),
        "mock.FILTER_DIR = False\nprint(dir(mock.Mock()))  # the instance names differ",
    ),
    Known(
        "spec-attributes-evaluated",
        "xfail test_spec_instance_with_raising_property (before 3.13 the stdlib reads every "
        "attribute of an instance spec)",
        on(expected="ZeroDivisionError", source="raising_prop"),
        "class C:\n    @property\n    def p(self): raise ZeroDivisionError\n"
        "mock.Mock(spec=C())  # stdlib < 3.13: ZeroDivisionError",
        applies=not PY313,
    ),
    Known(
        "spec-getattr-answers-call",
        "xfail test_spec_instance_with_getattr (an instance spec whose __getattr__ answers "
        "__call__)",
        both(
            on(expected="is not a callable object|the first argument must be callable"),
            case_has("answers_all"),
        ),
        "class C:\n    def __getattr__(self, name): return 1\n"
        "mock.Mock(spec=C())  # stdlib TypeError: 1 is not a callable object",
    ),
]


def matching(diff: Difference) -> list[str]:
    """The ids of the entries that recognise ``diff``: those recognising the difference
    itself, or else the fallbacks recognising what led to it."""
    found = [e.id for e in KNOWN if e.applies and not e.fallback and e.match(diff)]
    return found or [e.id for e in KNOWN if e.applies and e.fallback and e.match(diff)]


def classify(diff: Difference) -> str | None:
    """The id of the first ordinary (non-mask) entry that recognises ``diff``."""
    masks = {entry.id for entry in KNOWN if entry.mask}
    return next((found for found in matching(diff) if found not in masks), None)


def mask_for(diff: Difference) -> str | None:
    """The id of the first mask that hides ``diff``, if any."""
    for entry in KNOWN:
        if entry.applies and entry.mask and entry.match(diff):
            return entry.id
    return None


__all__ = ["KNOWN", "Known", "Mask", "classify", "mask_for", "matching"]
