"""KNOWN entries for the differences issue 9 lists (section 1: a class per mock;
section 2: the rest), as the fuzzer meets them."""

from __future__ import annotations

from .matchers import (
    BYSTANDER,
    CLASS_EDIT,
    COPIED,
    COPY_EQUALITY,
    FILE,
    OUTCOME,
    PY310,
    PY311,
    PY313,
    TYPE_EDITS,
    Known,
    after,
    attached_an_ancestor,
    autospec_child_configured,
    both,
    case_has,
    copied,
    edited_variables,
    either,
    first_name,
    leaked_into_dir,
    on,
)

ISSUE_9: list[Known] = [
    # -- issue 9, section 1: every mock has a class of its own ----------------------------
    Known(
        "shared-class",
        "9.1 every mock has a class of its own",
        either(
            on(label=r"^(type\(\w+\) is type|issubclass\(type)\(\w+\)", expected="False",
               actual="True"),
            # ``type(a) is type(b)``, issubclass(...) as an operation's value.
            both(
                on(kinds=("copy.compare",), label=OUTCOME,
                   source=r"type\(\w+\) is type\(|issubclass"),
                lambda diff: "False" in diff.expected
                and diff.expected.replace("False", "True") == diff.actual,
            ),
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
            leaked_into_dir,
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
        either(
            on(kinds=("type_edit",), actual=r"_DefaultMagicSlot"),
            # Of a sealed mock: the stdlib's message names the mock.
            on(kinds=("type_edit.read",), expected=r"AttributeError: [\w.]+\.__\w+__$",
               actual=r"AttributeError: (__\w+__|Mock object has no attribute '__\w+__')$"),
        ),
        "mocks = [mock.MagicMock(), mock.MagicMock()]\nmocks[0].__str__.return_value = 'A'\n"
        "type(mocks[1]).__str__(mocks[1])  # turbomock TypeError: '_DefaultMagicSlot' object "
        "is not callable",
    ),
    Known(
        "copy-class-relation",
        "9.1 copy.copy/copy.deepcopy: the copy's class derives from the original's",
        both(
            COPIED,
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
        COPY_EQUALITY,
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
            lambda diff: not COPY_EQUALITY(diff),
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
        "frames-downstream",
        "9.2 frames: a value a frame-reading side effect returned, used later",
        case_has(r"frame_at|warn_at"),
        "import sys\n"
        "m = mock.Mock(side_effect=lambda: sys._getframe(3).f_code.co_name)\n"
        "print(m()[0])  # stdlib '_', turbomock '<'",
        fallback=True,
        rare=True,
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
        "# stdlib: NonCallableMock.assert_called_once() takes 1 positional argument but 2 ...\n"
        "print(mock.Mock().assert_called_once.__qualname__)  # 3.9 has no qualname in messages",
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
            # Reading one as an attribute, or configuring it (h.__contains__.return_value).
            on(expected=r"^raised AttributeError: Mock object has no attribute '__\w+__'$"),
            # Deleting one twice.
            on(kinds=("attr.del", "magic.del"), label=OUTCOME,
               expected=r"^raised AttributeError: __\w+__$", actual="^done$"),
        ),
        "h = mock.mock_open()()\n"
        "h - 1  # stdlib TypeError: unsupported operand type(s) for -: 'MagicMock' and 'int'\n"
        "'x' in h  # stdlib TypeError: argument of type 'MagicMock' is not iterable\n"
        "h.__contains__.return_value = True  # stdlib AttributeError",
    ),
    Known(
        "autospec-configured-child",
        "9.2 create_autospec keyword configuration of children keeps their autospec",
        either(
            autospec_child_configured,
            on(kinds=("make.autospec",), label=OUTCOME, source=r"\*\*\{"),
            # 3.13: the stdlib records the configured child's calls as call('meth', ...).
            both(case_has(r"create_autospec\(.*\*\*\{"), on(expected=r"call\('\w+', \(")),
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
        on(kinds=("attach_mock",), label=OUTCOME, expected=r"^(?!.*'_mock_)",
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
        either(
            on(kinds=("attr.set_on_method",), label=OUTCOME,
               actual="'method' object has no attribute"),
            # Their names, and reset_mock() of a parent reaching one.
            on(expected=r"\b_setup_func\.<locals>\."),
        ),
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
        "autospec-static-class-unchecked",
        "9.2 autospecced staticmethod/classmethod calls on 3.9 (the stdlib does not check "
        "them; patch(..., autospec=True) of one on 3.10 neither)",
        both(
            case_has(r"autospec"),
            case_has(r"smeth|cmeth"),
            on(label=OUTCOME, expected="^(?!raised)", actual="^raised TypeError: (missing a "
               "required argument|too many positional arguments)"),
        ),
        "class K:\n    @classmethod\n    def cm(cls, a): pass\n"
        "with mock.patch.object(K, 'cm', autospec=True) as m:\n"
        "    m()  # stdlib 3.9/3.10 return a mock; turbomock TypeError: missing a required "
        "argument",
        applies=not PY311,
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
]
