"""Operation kinds that change a spec between mocks made on it: the class, a base of
it, its ``__init__``/``__call__``, a function's code, defaults, ``__signature__``
or ``__wrapped__``. turbomock keeps what a spec gave per version of it (Spec
caches, ``ClassPlan``, signature caches); the stdlib works it out each time, so a
mock made after an edit must see the edit, and one made before must not."""

from __future__ import annotations

from .case import Op
from .model import Var, World

#: Edits of the class spec ``Klass`` (and of ``Klass.Inner``, a class it holds).
CLASS_EDITS = [
    "Klass.added = 1",
    "Klass.meth = lambda self, z: z",
    "Klass.__init__ = lambda self, y, z=1: None",
    "Klass.__init__.__defaults__ = (5,)",
    "Klass.__init__.__kwdefaults__ = {'k': 1}",
    "Klass.__init__.__code__ = (lambda self, q, *r: None).__code__",
    "del Klass.attr",
    "Klass.__call__ = lambda self, q: q",
    "Klass.__call__ = None",
    "Klass.meth2 = Klass.ameth",
    "Klass.__len__ = lambda self: 0",
    "Klass.__iter__ = lambda self: iter([])",
    "Klass.__bases__ = (Sized,)",
    "Klass.prop = property(lambda self: 2)",
    "Klass.Inner.added = 1",
]

#: Edits of the function spec ``f``.
FUNCTION_EDITS = [
    "f.__defaults__ = None",
    "f.__kwdefaults__ = None",
    "f.__code__ = (lambda x, y=1: x).__code__",
    "f.__signature__ = inspect.signature(lambda q: q)",
    "f.__wrapped__ = lambda z, *, w=0: z",
    "f.attr = 1",
    "f.__code__ = af.__code__",
]


def spec_edit(w: World) -> Op:
    edits = CLASS_EDITS if w.chance(0.6) else FUNCTION_EDITS
    return Op("spec.edit", w.pick(edits))


#: (source making a mock on SPEC, its Var kind, callable, magic)
MAKERS = [
    ("mock.Mock(spec={})", "Mock", True, False),
    ("mock.MagicMock(spec={})", "MagicMock", True, True),
    ("mock.create_autospec({})", "autospec", True, True),
    ("mock.NonCallableMock(spec_set={})", "NonCallableMock", False, False),
]


def spec_edit_and_make(w: World) -> Op:
    """An edit, then a mock on the edited spec at once (the plan or cache asked
    right after the change), used by later operations."""
    edit = spec_edit(w).source
    spec = "Klass" if edit.startswith("Klass") else "f"
    maker, kind, callable_, magic = MAKERS[w.rng.randrange(len(MAKERS))]
    name = w.fresh("m")
    w.add(Var(name, kind, callable=callable_, magic=magic, spec=spec))
    made = maker.format(spec)
    # The signature the new mock matches calls by: the one in force after the edit.
    shown = (
        f"inspect.signature({name})" if made == "mock.create_autospec(f)"
        else f"{name}._spec_signature"
    )
    return Op("spec.edit.make", f"{edit}\n{name} = {made}\n_ = str({shown})", value=True)


KINDS = [
    ("spec.edit", 0.6, spec_edit),
    ("spec.edit.make", 0.6, spec_edit_and_make),
]
