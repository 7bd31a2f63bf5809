"""KNOWN entries for the differences issue 9 lists (section 1: a class per mock;
section 2: the rest), as the fuzzer meets them."""

from __future__ import annotations

from .matchers import (
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
        "recursion-depth",
        "KD-recursion-depth: a mock whose side effect calls it again until RecursionError "
        "records one call more or fewer (the stdlib's recording takes more stack)",
        both(
            either(
                on(expected=r"^\d{2,}$", actual=r"^\d{2,}$"),
                lambda diff: diff.label.endswith(("call_args_list", "mock_calls", "method_calls")),
            ),
            either(
                case_has(r"^([\w.()]+)\.side_effect = \1$"),
                # its lists replaced by a mock: each append records a call, up the tree
                case_has(r"\.(_mock_)?(mock_calls|method_calls) = mock\.(Magic)?Mock\(\)"),
            ),
        ),
        "m = mock.Mock(parent=mock.Mock())\nm.side_effect = m\ntry:\n    m()\n"
        "except RecursionError:\n    print(m.call_count)  # stdlib 330 on 3.13, turbomock 331",
        rare=True,
    ),
]
