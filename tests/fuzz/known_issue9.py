"""KNOWN entries for the differences issue 9 lists (section 1: a class per mock;
section 2: the rest), as the fuzzer meets them."""

from __future__ import annotations

from .matchers import (
    BYSTANDER,
    CLASS_EDIT,
    FILE,
    OUTCOME,
    PY311,
    PY313,
    TYPE_EDITS,
    Known,
    after,
    both,
    case_has,
    edited_variables,
    either,
    first_name,
    leaked_into_dir,
    on,
)

ISSUE_9: list[Known] = [
    # -- issue 9, section 1: every mock has a class of its own ----------------------------
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
        applies=PY311,  # 3.9, 3.10: none met since autospecced functions are "<string>"
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
        "bookkeeping",
        "9.2 hand-set bookkeeping attributes (call_count, call_args_list, mock_calls, "
        "method_calls, await_*, _mock_* names)",
        after("bookkeeping", first_name),
        "m = mock.Mock()\nm.call_args_list = None\n"
        "m()  # stdlib AttributeError: 'NoneType' object has no attribute 'append'",
        fallback=True,
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
        "inherited-method-qualnames",
        "9.2 names: __init__, reset_mock and __dir__ resolve to another class's function "
        "(MagicMock.__init__ is CallableMixin's, the stdlib's MagicMixin's; messages agree)",
        on(kinds=("names",), label=OUTCOME,
           expected=r"^'(MagicMixin|AsyncMockMixin|NonCallableMock|object)\.(__init__|reset_mock|__dir__)'$"),
        "print(mock.AsyncMock.__init__.__qualname__)  # stdlib 'AsyncMockMixin.__init__'\n"
        "print(mock.MagicMock.__init__.__qualname__)  # stdlib 'MagicMixin.__init__'",
    ),
    Known(
        "propertymock-as-magic",
        "9.2 a PropertyMock assigned as a magic method (3.9-3.12)",
        case_has(r"\.__\w+__ = (mock\.PropertyMock|pm\d+\b)"),
        "m = mock.MagicMock()\nm.__len__ = mock.PropertyMock(return_value=3)\n"
        "print(m.mock_calls)  # stdlib 3.12: [call.__len__(<PropertyMock ...>)]\n"
        "m.__str__ = mock.PropertyMock(return_value='p')\n"
        "print(m.__str__)  # stdlib 'p', turbomock the PropertyMock",
        applies=not PY313,
        fallback=True,
    ),
]
