"""KNOWN entries for the differences issue 9 lists (section 1: a class per mock;
section 2: the rest), as the fuzzer meets them."""

from __future__ import annotations

from .matchers import (
    FILE,
    PY311,
    Known,
    both,
    case_has,
    either,
    on,
)

ISSUE_9: list[Known] = [
    # -- issue 9, section 1: every mock has a class of its own ----------------------------
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
]
