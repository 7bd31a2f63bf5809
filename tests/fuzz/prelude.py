"""What every case's namespace holds before its first operation: specs and helpers.

Each entry is a named snippet of source. A case runs all of them (in order) in a
fresh namespace per implementation; a reproduction includes only the snippets its
operations name (and what those need), so it stays short and runs on its own.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Snippet(NamedTuple):
    """Source defining ``names``, needing the snippets ``needs`` first."""

    names: tuple[str, ...]
    source: str
    needs: tuple[str, ...] = ()


SNIPPETS: list[Snippet] = [
    Snippet(("sys",), "import sys"),
    Snippet(("copy",), "import copy"),
    Snippet(("pickle",), "import pickle"),
    Snippet(("inspect",), "import inspect"),
    Snippet(("math",), "import math"),
    Snippet(("operator",), "import operator"),
    Snippet(("os",), "import os"),
    Snippet(("warnings",), "import warnings"),
    Snippet(("Iterable",), "from collections.abc import Iterable"),
    Snippet(("ABCBase",), "import abc\nclass ABCBase(abc.ABC): pass"),
    Snippet(("f",), "def f(a, b=2, *, c=3): return a"),
    Snippet(("af",), "async def af(x): return x"),
    Snippet(
        ("fa",),
        "def fa(a): return a\n"
        "# A function with attributes of its own: one a function, one not.\n"
        "fa.meth = lambda b, c=1: b\n"
        "fa.attr = 1",
    ),
    Snippet(
        ("Klass",),
        "class Klass:\n"
        "    attr = 1\n"
        "    def __init__(self, x=0): self.x = x\n"
        "    def meth(self, a, b=2): return a\n"
        "    @staticmethod\n"
        "    def smeth(a): return a\n"
        "    @classmethod\n"
        "    def cmeth(cls, a): return a\n"
        "    async def ameth(self, a): return a\n"
        "    @property\n"
        "    def prop(self): return 1\n"
        "    class Inner:\n"
        "        def imeth(self): pass",
    ),
    Snippet(("inst",), "inst = Klass()", needs=("Klass",)),
    Snippet(
        ("Sized",),
        "class Sized:\n"
        "    def __len__(self): return 1\n"
        "    def __iter__(self): return iter(())\n"
        "    def __getitem__(self, key): return key\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *exc): return False\n"
        "    def size(self): return 1",
    ),
    Snippet(
        ("DirRaises",),
        "class DirRaisesMeta(type):\n"
        "    def __dir__(cls): raise RuntimeError('no dir')\n"
        "class DirRaises(metaclass=DirRaisesMeta):\n"
        "    def meth(self, a): pass",
    ),
    Snippet(
        ("GetattrRaises",),
        "class GetattrRaisesMeta(type):\n"
        "    def __getattr__(cls, name): raise RuntimeError(name)\n"
        "class GetattrRaises(metaclass=GetattrRaisesMeta):\n"
        "    def meth(self, a): pass",
    ),
    Snippet(
        ("badsig",),
        "class BadSignature:\n"
        "    @property\n"
        "    def __signature__(self): raise ValueError('no signature')\n"
        "    def __call__(self, a): return a\n"
        "badsig = BadSignature()",
    ),
    Snippet(
        ("raising_prop",),
        "class RaisingProperty:\n"
        "    @property\n"
        "    def bad(self): raise ZeroDivisionError('bad')\n"
        "    def meth(self, a): pass\n"
        "raising_prop = RaisingProperty()",
    ),
    Snippet(
        ("answers_all",),
        "class AnswersAll:\n"
        "    def __getattr__(self, name): return 1\n"
        "answers_all = AnswersAll()",
    ),
    Snippet(
        ("locked",),
        "import threading\n"
        "class Locked:\n"
        "    def __init__(self): self.lock = threading.Lock()\n"
        "    def meth(self, a): pass\n"
        "locked = Locked()",
    ),
    Snippet(
        ("Holding",),
        "class Holding:\n"
        "    # A spec object holding another object (a mock, say) as an attribute.\n"
        "    def __init__(self, held): self.held = held\n"
        "    def meth(self, a): pass",
    ),
    Snippet(
        ("CallIsFive",),
        "class CallIsFive:\n    __call__ = 5\n    def meth(self, a): pass",
    ),
    Snippet(
        ("settle",),
        "def settle(value):\n"
        "    # Run an awaitable to its end without an event loop; other values pass.\n"
        "    if not inspect.isawaitable(value):\n"
        "        return value\n"
        "    step = value.__await__()\n"
        "    try:\n"
        "        while True:\n"
        "            step.send(None)\n"
        "    except StopIteration as stop:\n"
        "        return stop.value",
        needs=("inspect",),
    ),
    Snippet(
        ("alist",),
        "async def alist(value):\n    return [item async for item in value]",
    ),
    Snippet(
        ("aenter",),
        "async def aenter(value):\n    async with value as entered:\n        return entered",
    ),
    Snippet(("class_of",), "def class_of(obj): return type(obj)"),
    Snippet(
        ("frame_at",),
        "def frame_at(level):\n"
        "    # A side effect reporting the file of the frame `level` calls up.\n"
        "    def effect(*args, **kwargs):\n"
        "        return sys._getframe(level).f_code.co_filename\n"
        "    return effect",
        needs=("sys",),
    ),
    Snippet(
        ("warn_at",),
        "def warn_at(level):\n"
        "    # A side effect reporting where a warning with `stacklevel=level` points.\n"
        "    def effect(*args, **kwargs):\n"
        "        with warnings.catch_warnings(record=True) as caught:\n"
        "            warnings.simplefilter('always')\n"
        "            warnings.warn('from a side effect', stacklevel=level)\n"
        "        return caught[0].filename\n"
        "    return effect",
        needs=("warnings",),
    ),
    Snippet(
        ("target", "fuzz_target"),
        "import types\n"
        "target = types.ModuleType('fuzz_target')\n"
        "target.Klass = Klass\n"
        "target.f = f\n"
        "target.af = af\n"
        "target.value = 1\n"
        "target.config = {'a': 1, 'b': 2}\n"
        "sys.modules['fuzz_target'] = target",
        needs=("sys", "Klass", "f", "af"),
    ),
]

_BY_NAME = {name: snippet for snippet in SNIPPETS for name in snippet.names}
_WORD = re.compile(r"[A-Za-z_]\w*")

#: All snippets, one source: what every case runs first.
FULL_SOURCE = "\n".join(snippet.source for snippet in SNIPPETS)


def needed_source(code: str) -> str:
    """The snippets ``code`` names (with what they need), in prelude order."""
    wanted: set[Snippet] = set()
    pending = [_BY_NAME[word] for word in set(_WORD.findall(code)) if word in _BY_NAME]
    while pending:
        snippet = pending.pop()
        if snippet not in wanted:
            wanted.add(snippet)
            pending.extend(_BY_NAME[name] for name in snippet.needs)
    return "\n".join(snippet.source for snippet in SNIPPETS if snippet in wanted)
