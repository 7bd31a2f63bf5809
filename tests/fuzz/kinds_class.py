"""Operation kinds about a mock's class and its identity: ``type(m)`` edits reached
by every code shape, copies compared with their originals, the frames a side effect
sees, and the ``__module__``/``__qualname__`` of what the library exposes."""

from __future__ import annotations

from .case import Op
from .model import MOCK_KINDS, Var, World

ATTR_VALUES = [
    "mock.PropertyMock(return_value=10)",
    "10",
    "property(lambda self: 'p')",
    "staticmethod(lambda: 's')",
    "classmethod(lambda cls: 'c')",
    "lambda self: 'meth'",
]
MAGIC_VALUES = {
    "__len__": "lambda self: 7",
    "__str__": "lambda self: 'S'",
    "__eq__": "lambda self, other: True",
    "__iter__": "lambda self: iter([9])",
    "__bool__": "lambda self: False",
    "__contains__": "lambda self, value: True",
    "__getitem__": "lambda self, key: key",
    "__call__": "lambda self, *args: 'called'",
    "__hash__": "lambda self: 7",
    "__enter__": "lambda self: 'entered'",
    "__int__": "lambda self: 3",
}
ATTR_NAMES = ["size", "name", "a", "meth", "attr"]


def _edit_target(w: World) -> tuple[str, str]:
    """A name and the value to give it on a class."""
    if w.chance(0.4):
        name = w.pick(list(MAGIC_VALUES))
        value = MAGIC_VALUES[name] if w.chance(0.8) else "mock.PropertyMock(return_value=3)"
    else:
        name = w.pick(ATTR_NAMES)
        value = w.pick(ATTR_VALUES)
        if w.property_mocks and w.chance(0.3):
            value = w.pick(w.property_mocks)
    return name, value


#: Code shapes reaching ``type(x)`` and setting an attribute on it (``{edit}``).
SHAPES = {
    "module": "type({x}){edit}",
    "function": "def edit():\n    type({x}){edit}\n\nedit()",
    "helper": "class_of({x}){edit}",
    "lambda": "(lambda obj: type(obj))({x}){edit}",
    "comprehension": "[type(obj) for obj in [{x}]][0]{edit}",
    "class_body": "class Edit:\n    type({x}){edit}",
    "__class__": "{x}.__class__{edit}",
    "local": "def edit(obj):\n    cls = type(obj)\n    cls{edit}\n\nedit({x})",
    "subscript": "pair = [{x}, {y}]\ntype(pair[0]){edit}",
    "loop": "for obj in [{x}]:\n    type(obj){edit}",
    "dict": "table = {{'k': {x}}}\ntype(table['k']){edit}",
}


def type_edit(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    other = w.target() or var
    shape = w.pick(list(SHAPES))
    name, value = _edit_target(w)
    deleting = w.chance(0.2)
    if deleting and w.touched and w.chance(0.7):
        name = w.pick(w.touched)
    if deleting:
        text = _deletion(shape, var.name, other.name, name)
    else:
        text = SHAPES[shape].format(x=var.name, y=other.name, edit=f".{name} = {value}")
    if var.kind in MOCK_KINDS and w.chance(0.5):
        # Another live mock of the kind: where the edit lands is then a real question.
        text = f"twin = mock.{var.kind}()\n{text}"
    w.touched.append(name)
    kind = f"type_edit.{'del' if deleting else 'set'}.{shape}"
    return Op(kind, text, touched=(name,), edits_classes=True)


def _deletion(shape: str, x: str, y: str, name: str) -> str:
    if shape == "function":
        return f"def edit():\n    del type({x}).{name}\n\nedit()"
    if shape == "local":
        return f"def edit(obj):\n    cls = type(obj)\n    del cls.{name}\n\nedit({x})"
    if shape == "class_body":
        return f"class Edit:\n    del type({x}).{name}"
    if shape == "loop":
        return f"for obj in [{x}]:\n    del type(obj).{name}"
    if shape == "subscript":
        return f"pair = [{x}, {y}]\ndel type(pair[0]).{name}"
    if shape == "dict":
        return f"table = {{'k': {x}}}\ndel type(table['k']).{name}"
    if shape == "helper":
        return f"del class_of({x}).{name}"
    if shape == "lambda":
        return f"del (lambda obj: type(obj))({x}).{name}"
    if shape == "comprehension":
        return f"del [type(obj) for obj in [{x}]][0].{name}"
    if shape == "__class__":
        return f"del {x}.__class__.{name}"
    return f"del type({x}).{name}"


def setattr_edit(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    name, value = _edit_target(w)
    w.touched.append(name)
    if w.chance(0.3):
        text = f"delattr(type({var.name}), {name!r})"
    else:
        text = f"setattr(type({var.name}), {name!r}, {value})"
    return Op("type_edit.setattr", text, touched=(name,), edits_classes=True)


def store_class(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    name = w.fresh("k")
    w.classes[name] = var.name
    return Op("type_edit.store", f"{name} = type({var.name})")


def stored_edit(w: World) -> Op | None:
    if not w.classes:
        return None
    cls = w.pick(sorted(w.classes))
    name, value = _edit_target(w)
    w.touched.append(name)
    text = f"del {cls}.{name}" if w.chance(0.2) else f"{cls}.{name} = {value}"
    if w.chance(0.3):
        # Another type() call between storing the class and editing it.
        text = f"_ = type({w.some_mock()})\n{text}"
    return Op("type_edit.stored", text, touched=(name,), edits_classes=True)


def type_read(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    x = var.name
    if w.chance(0.5):
        # The class reached through a subscript: no name to read it from.
        other = w.target() or var
        method = w.pick(["__str__", "__iter__", "__len__", "__bool__"])
        call = w.pick(["(pair[1])", ""])
        text = f"pair = [{other.name}, {x}]\n_ = type(pair[1]).{method}{call}"
        return Op("type_edit.read", text, True)
    text = w.pick(
        [
            f"_ = type({x}).__str__({x})",
            f"_ = [type(obj).__str__(obj) for obj in [{x}]]",
            f"_ = type({x}).{w.pick(w.touched or ATTR_NAMES)}",
            f"_ = type({x}).__len__({x})",
            f"_ = type({x}).{w.pick(['__str__', '__len__', '__iter__', '__eq__', '__bool__'])}",
            f"_ = (lambda obj: type(obj).__str__(obj))({x})",
            f"_ = type({x}).__dict__.get({w.pick(w.touched or ATTR_NAMES)!r})",
            f"_ = {x}.{w.pick(w.touched or ATTR_NAMES)}",
            f"_ = [n for n in dir(type({x})) if n in mock._all_magics]",
        ]
    )
    return Op("type_edit.read", text, True)


def copy_compare(w: World) -> Op | None:
    copies = [v for v in w.mocks if v.copy_of is not None]
    if copies and w.chance(0.8):
        first = copies[w.rng.randrange(len(copies))]
        a, b = first.name, first.copy_of or first.name
    else:
        first, second = w.target(), w.target()
        if first is None or second is None:
            return None
        a, b = first.name, second.name
    equality = f"_ = ({a} == {b}, {a} != {b})"
    if first.threading:
        # The stdlib's ThreadingMock deadlocks comparing itself (3.13.0): no spec.
        equality = f"_ = {a} is {b}"
    if w.chance(0.5):
        text = w.pick([equality, f"_ = hash({a}) == hash({b})", f"_ = str({a}) == str({b})"])
        return Op("copy.compare", text, True)
    text = w.pick(
        [
            f"_ = type({a}) is type({b})",
            f"_ = (issubclass(type({a}), type({b})), issubclass(type({b}), type({a})))",
            f"_ = {a} in [{b}]",
            f"_ = len({{{a}, {b}}})",
        ]
    )
    return Op("copy.compare", text, True)


def frames(w: World) -> Op | None:
    level = w.rng.randint(1, 6)
    factory = w.pick(["frame_at", "warn_at"])
    effect = f"{factory}({level})"
    var = w.target()
    shape = w.pick(["side_effect", "wraps", "magic", "async", "autospec", "child"])
    if shape == "side_effect" and var is not None and var.callable:
        text = f"{var.name}.side_effect = {effect}\n_ = {var.name}(1)"
    elif shape == "wraps":
        text = f"_ = mock.Mock(wraps={effect})(1)"
    elif shape == "magic":
        text = f"mm = mock.MagicMock()\nmm.__getitem__.side_effect = {effect}\n_ = mm[1]"
    elif shape == "async":
        text = f"_ = settle(mock.AsyncMock(side_effect={effect})(1))"
    elif shape == "autospec":
        text = f"_ = mock.create_autospec(f, side_effect={effect})(1)"
    else:
        text = f"mm = mock.Mock()\nmm.a.side_effect = {effect}\n_ = mm.a(1)"
    return Op(f"frames.{shape}", text, True)


METHODS = [
    "assert_called_with",
    "assert_called_once",
    "assert_has_calls",
    "assert_any_call",
    "reset_mock",
    "attach_mock",
    "configure_mock",
    "mock_add_spec",
    "_get_child_mock",
    "__call__",
    "_mock_call",
]
PUBLIC = [
    "patch",
    "patch.object",
    "patch.dict",
    "patch.multiple",
    "patch.stopall",
    "create_autospec",
    "mock_open",
    "seal",
    "Mock.__init__",
    "MagicMock.__init__",
    "AsyncMock.assert_awaited_with",
    "AsyncMock.__init__",
    "NonCallableMock.__getattr__",
    "PropertyMock.__get__",
    "call.call_list",
    "call.__eq__",
    "ANY.__eq__",
    "sentinel.__getattr__",
]
WRONG_CALLS = [
    "{x}.assert_called_once(1)",
    "{x}.assert_not_called(1)",
    "{x}.assert_called(x=1)",
    "{x}.reset_mock(1, 2, 3, 4)",
    "{x}.configure_mock(1)",
    "{x}.attach_mock()",
    "{x}.mock_add_spec()",
    "{x}.assert_has_calls()",
    "{x}._get_child_mock(1)",
    "mock.patch()",
    "mock.patch.object()",
    "mock.patch.dict()",
    "mock.create_autospec()",
    "mock.seal()",
    "mock.mock_open(1, 2, 3)",
    "mock.call.call_list(1)",
    "mock.Mock(1, 2, 3, 4, 5, 6, 7, 8, 9)",
    "mock.PropertyMock().__get__()",
]


def names(w: World) -> Op | None:
    var = w.target()
    roll = w.rng.random()
    handles = [v.name for v in w.mocks if v.kind == "handle"]
    if handles and roll < 0.3:
        method = w.pick(["read", "readline", "readlines", "__iter__", "__next__"])
        text = f"_ = {w.pick(handles)}.{method}.side_effect.__name__"
    elif var is not None and roll < 0.35:
        attr = w.pick(["__module__", "__qualname__", "__name__"])
        text = f"_ = {var.name}.{w.pick(METHODS)}.{attr}"
    elif roll < 0.55:
        attr = w.pick(["__module__", "__qualname__"])
        text = f"_ = mock.{w.pick(PUBLIC)}.{attr}"
    elif var is not None and roll < 0.7:
        x = var.name
        text = w.pick(
            [
                f"_ = [cls.__name__ for cls in type({x}).__mro__]",
                f"_ = (type({x}).__qualname__, type({x}).__module__)",
                "_ = type(mock.patch('fuzz_target.f')).__enter__.__qualname__",
                "_ = (type(mock.call).__qualname__, type(mock.call).__module__)",
                f"_ = {x}.__class__.__name__",
            ]
        )
    else:
        x = var.name if var is not None else "mock.Mock()"
        text = "_ = " + w.pick(WRONG_CALLS).format(x=x)
    return Op("names", text, True)


#: Edits of the prelude's spec objects, made after mocks may have been specced on
#: them: an autospecced mock's children follow the spec as it was when made.
SPEC_EDITS = [
    "Klass.meth = lambda self, a, b, c: None",
    "Klass.smeth = lambda self: None",
    "Klass.cmeth = staticmethod(lambda: 0)",
    "del Klass.meth",
    "del Klass.prop",
    "Klass.attr = 'changed'",
    "Klass.prop = 5",
    "Klass.added = f",
    "inst.x = lambda a: a",
    "inst.meth = 3",
    "Klass.Inner = Sized",
    "Klass.meth = af",
    "Klass.ameth = f",
    "inst.x = af",
]


#: What is read of an autospecced mock after its spec was edited.
SPEC_READS = [
    "ameth", "meth", "ameth(1)",
    "meth(1)", "meth(1, 2)", "meth(1, 2, 3)", "smeth(1)", "smeth()", "cmeth(1)", "cmeth()",
    "attr", "prop", "added", "Inner", "x",
]


def spec_edit(w: World) -> Op | None:
    text = w.pick(SPEC_EDITS)
    specced = [var.name for var in w.mocks if var.spec in ("Klass", "inst")]
    if not specced or w.chance(0.5):
        # A mock autospecced on the spec just before it is edited.
        name = w.fresh("m")
        spec = w.pick(["Klass", "Klass, instance=True", "inst", "Klass, spec_set=True"])
        how = w.pick(["mock.create_autospec({})", "mock.Mock(spec={})", "mock.MagicMock(spec={})"])
        if "create_autospec" not in how:
            spec = spec.split(",")[0]
        text = f"{name} = {how.format(spec)}\n{text}"
        w.add(Var(name, "autospec" if "autospec" in how else "mock", magic="Mock(" not in how,
                  spec=spec.split(",")[0]))
        specced = [name]
    # Read a child the mock had not built yet: built from the spec as it was.
    text += f"\n_ = {w.pick(specced)}.{w.pick(SPEC_READS)}"
    return Op("spec.edit", text, True)


#: Changes made in place to a spec's function (not a new one set): what a mock made
#: before matches calls by is the signature of when it was made.
SPEC_MUTATIONS = [
    "f.__defaults__ = None",
    "f.__kwdefaults__ = None",
    "f.__code__ = (lambda a, *, c: a).__code__",
    "f.__signature__ = inspect.Signature()",
    "Klass.__init__.__defaults__ = None",
    "Klass.__init__ = lambda self, x, y: None",
    "Klass.meth.__defaults__ = None",
    "Klass.meth.__code__ = (lambda self, a, *, c: a).__code__",
    "Klass.meth.__signature__ = inspect.Signature()",
    "Klass.__dict__['smeth'].__func__.__defaults__ = (1,)",
    "Klass.__dict__['cmeth'].__func__.__code__ = (lambda cls, a, b: a).__code__",
]

#: Mocks specced on ``f`` or ``Klass``. (An autospec of ``Klass`` builds its methods
#: when first used: a method changed in place before must be checked as it was.)
MUTATED_SPECS = [
    "mock.Mock(spec=f)", "mock.MagicMock(spec=f)", "mock.create_autospec(f)",
    "mock.Mock(spec=Klass)", "mock.NonCallableMock(spec=Klass)", "mock.create_autospec(Klass)",
]


def spec_mutate(w: World) -> Op | None:
    made = w.pick(MUTATED_SPECS)
    name = w.fresh("m")
    target = "f" if "(f" in made else "Klass"
    mutation = w.pick([text for text in SPEC_MUTATIONS if text.split(".")[0] == target])
    kind = "autospec" if "autospec" in made else "mock"
    w.add(Var(name, kind, magic="Magic" in made or kind == "autospec", spec=None))
    call = w.pick(["(1)", "(1, 2)", "(a=1)", "(1, c=4)", "()", "(0)"])
    check = w.pick(["(1)", "(a=1)", "(1, 2)", "(1, b=2)", "(x=0)", "()"])
    if target == "Klass" and w.chance(0.5):
        # A method of the class, built after the mutation (or before, if touched).
        method = w.pick(["meth", "smeth", "cmeth"])
        touch = [f"_ = {name}.{method}"] if w.chance(0.3) else []
        lines = [f"{name} = {made}", *touch, mutation, "_ = []", "try:",
                 f"    {name}.{method}{call}", "except TypeError as exc:",
                 "    _.append(f'TypeError: {exc}')", "try:",
                 f"    {name}.{method}.assert_called_with{check}", "    _.append('matched')",
                 "except AssertionError:", "    _.append('AssertionError')"]
        return Op("spec.mutate", "\n".join(lines), True)
    lines = [
        f"{name} = {made}",
        mutation,
        "_ = []",
        "try:",
        f"    {name}{call}",
        "except TypeError as exc:",
        "    _.append(f'TypeError: {exc}')",
        "try:",
        f"    {name}.assert_called_with{check}",
        "    _.append('matched')",
        "except AssertionError:",
        "    _.append('AssertionError')",
    ]
    return Op("spec.mutate", "\n".join(lines), True)


KINDS = [
    ("spec.edit", 1.5, spec_edit),
    ("spec.mutate", 0.8, spec_mutate),
    ("type_edit", 4.0, type_edit),
    ("type_edit.setattr", 0.7, setattr_edit),
    ("type_edit.store", 0.8, store_class),
    ("type_edit.stored", 1.2, stored_edit),
    ("type_edit.read", 2.0, type_read),
    ("copy.compare", 2.0, copy_compare),
    ("frames", 1.5, frames),
    ("names", 2.5, names),
]

