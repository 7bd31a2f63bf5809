"""Commands as the subprocess fake sees them, and how a call compares to a registration.

A registered command is a tuple of *patterns*: plain strings, ``ANY_ARGS`` (any number
of arguments), or any object with ``__eq__`` (``turbomock.ANY``, ``Regex``, matchers).
A call's command is its argv, worked out with the rules POSIX ``subprocess`` follows.
Patterns are always on the left of ``==``, so any matcher works. The comparison is
an alignment (edit distance where ``ANY_ARGS`` swallows arguments for free): a cost
of 0 is a match, and the steps explain a near miss argument by argument.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping, Sequence
from typing import Any, Final, Union

from turbomock.fakes import _subprocess_messages as msg
from turbomock.fakes._subprocess_messages import show as show_command

__all__ = [
    "ANY_ARGS",
    "UNSET",
    "Regex",
    "Step",
    "align",
    "call_argv",
    "effective_env",
    "match",
    "matches",
    "env_differences",
    "parse_command",
    "show_command",
]

#: A pattern item: a string, ``ANY_ARGS`` or any object compared with ``==``.
Pattern = Any
#: What a command may be given as, in a registration or an assertion.
Command = Union[str, bytes, "os.PathLike[str]", Sequence[Any]]


class _AnyArgs:
    """Type of ``ANY_ARGS``: stands for any number (zero or more) of arguments."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ANY_ARGS"

    def __reduce__(self) -> str:
        return "ANY_ARGS"


#: In a registered command, any number of arguments (zero or more) at that place.
ANY_ARGS: Final = _AnyArgs()


class _Unset:
    """Type of ``UNSET``: a constraint that was not given, so anything goes."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


class Regex:
    """Matches one argument that the regular expression matches in full."""

    __slots__ = ("regex",)

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and self.regex.fullmatch(other) is not None

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __repr__(self) -> str:
        return f"Regex({self.regex.pattern!r})"


def matches(pattern: Pattern, value: Any) -> bool:
    """Whether ``value`` matches: ``pattern == value``, the pattern on the left."""
    return bool(pattern == value)


def parse_command(command: Command) -> tuple[Pattern, ...]:
    """The patterns of a registered or expected command; a string is split like shlex."""
    if isinstance(command, str):
        try:
            items: list[Pattern] = shlex.split(command)
        except ValueError as exc:
            raise ValueError(msg.unsplittable_command(command, exc)) from None
    elif isinstance(command, (bytes, os.PathLike)):
        items = [os.fsdecode(command)]
    elif isinstance(command, Sequence):
        items = [_pattern_item(item) for item in command]
    else:
        raise TypeError(msg.bad_command_type(command))
    if not items:
        raise ValueError(msg.EMPTY_COMMAND)
    return tuple(items)


def _pattern_item(item: object) -> Pattern:
    """One item of a command given as a list: paths become strings, numbers are refused."""
    if isinstance(item, (bytes, os.PathLike)):
        return os.fsdecode(item)
    if item is None or isinstance(item, (int, float)):
        # subprocess refuses these as arguments, so a registration holding one
        # could never match: say so now rather than at the call.
        raise TypeError(msg.bad_command_item(item))
    return item


def call_argv(args: Any, shell: bool) -> list[str]:
    """The argv the fake matches for a call, following POSIX ``subprocess``.

    A string without ``shell=True`` is the program's name, as for the real module. A
    shell command line is split like shlex; further items of a list follow it as they
    are. Raises what the real module raises for arguments it refuses.
    """
    items: list[Any]
    if isinstance(args, (str, bytes)):
        items = [args]
    elif isinstance(args, os.PathLike):
        if shell:
            raise TypeError(msg.PATHLIKE_WITH_SHELL)
        items = [args]
    else:
        items = list(args)
    argv = [os.fsdecode(item) for item in items]
    if not argv:
        raise IndexError(msg.EMPTY_ARGS)  # what subprocess raises for []
    if shell:
        try:
            return shlex.split(argv[0]) + argv[1:]
        except ValueError as exc:
            raise ValueError(msg.unsplittable_shell_command(argv[0], exc)) from None
    return argv


class Step:
    """One difference between a registered command and a call's argv."""

    __slots__ = ("kind", "index", "expected", "actual")

    def __init__(self, kind: str, index: int, expected: Any = None, actual: Any = None) -> None:
        self.kind = kind  # "differs", "missing" or "unexpected"
        self.index = index  # position in the call's argv
        self.expected = expected
        self.actual = actual

    def __str__(self) -> str:
        return msg.argument_step(self.kind, self.index, self.expected, self.actual)


def match(patterns: Sequence[Pattern], argv: Sequence[str]) -> bool:
    """Whether ``argv`` matches: each pattern against the argument in its place only
    (``ANY_ARGS`` tries each place it could end at)."""
    tried: dict[tuple[int, int], bool] = {}

    def from_(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(argv)
        if (i, j) not in tried:
            if patterns[i] is ANY_ARGS:
                tried[i, j] = any(from_(i + 1, k) for k in range(j, len(argv) + 1))
            else:
                tried[i, j] = j < len(argv) and matches(patterns[i], argv[j]) and from_(
                    i + 1, j + 1
                )
        return tried[i, j]

    return from_(0, 0)


def align(patterns: Sequence[Pattern], argv: Sequence[str]) -> tuple[int, int, list[Step]]:
    """The closest alignment of ``patterns`` with ``argv``: how many differences, how
    many arguments are equal, and each difference.

    For explaining a mismatch: every pattern meets every argument here, so a matcher
    that raises on an argument it never expected counts as differing from it.
    """
    m, n = len(patterns), len(argv)
    equal: dict[tuple[int, int], bool] = {}

    def same(i: int, j: int) -> bool:
        key = (i, j)
        if key not in equal:
            try:
                equal[key] = matches(patterns[i], argv[j])
            except Exception:
                equal[key] = False
        return equal[key]

    # score[i][j]: the best alignment of patterns[i:] with argv[j:]. Each difference
    # costs ``unit``, each argument found equal earns 1, so among the alignments with
    # the fewest differences the one keeping the most arguments equal wins.
    unit = m + n + 1

    def diagonal(i: int, j: int) -> int:
        return -1 if same(i, j) else unit

    score = [[0] * (n + 1) for _ in range(m + 1)]
    for j in range(n - 1, -1, -1):
        score[m][j] = score[m][j + 1] + unit
    for i in range(m - 1, -1, -1):
        rest = patterns[i] is ANY_ARGS
        score[i][n] = score[i + 1][n] + (0 if rest else unit)
        for j in range(n - 1, -1, -1):
            if rest:
                score[i][j] = min(score[i + 1][j], score[i][j + 1])
            else:
                score[i][j] = min(
                    score[i + 1][j + 1] + diagonal(i, j),
                    score[i + 1][j] + unit,
                    score[i][j + 1] + unit,
                )
    steps: list[Step] = []
    i = j = 0
    while i < m or j < n:
        here = score[i][j]
        if i < m and patterns[i] is ANY_ARGS:
            if j < n and score[i][j + 1] == here:
                j += 1
            else:
                i += 1
        elif i < m and j < n and score[i + 1][j + 1] + diagonal(i, j) == here:
            if not same(i, j):
                steps.append(Step("differs", j, patterns[i], argv[j]))
            i += 1
            j += 1
        elif i < m and score[i + 1][j] + unit == here:
            steps.append(Step("missing", j, patterns[i]))
            i += 1
        else:
            steps.append(Step("unexpected", j, actual=argv[j]))
            j += 1
    kept = len(steps) * unit - score[0][0]
    return len(steps), kept, steps


def effective_env(env: Mapping[Any, Any] | None) -> dict[str, str]:
    """The environment a process gets: ``env`` as strings, or a copy of ``os.environ``."""
    if env is None:
        return dict(os.environ)
    return {os.fsdecode(key): os.fsdecode(value) for key, value in env.items()}


def env_differences(expected: Any, env: Mapping[str, str]) -> list[str]:
    """How ``env`` fails ``expected``: a mapping of required items, or any matcher."""
    if not isinstance(expected, Mapping):
        return [] if matches(expected, env) else [msg.env_mismatch(expected)]
    found: list[str] = []
    for key, value in expected.items():
        if key not in env:
            found.append(msg.env_item_missing(key, value))
        elif not matches(value, env[key]):
            found.append(msg.env_item_differs(key, value, env[key]))
    return found
