"""Operation kinds that make something: mocks of every kind and their keyword
arguments, mock_open and its handles, create_autospec, children bound to names,
copies, subclasses of the mock classes, and every form of patch."""

from __future__ import annotations

from .case import Op
from .model import CALLABLE_KINDS, MAGIC_KINDS, MOCK_KINDS, Var, World

#: Dotted names ``configure_mock``-style keyword arguments set.
DOTTED = [
    "'a.return_value': 3",
    "'a.b.side_effect': KeyError",
    "'attr': 2",
    "'return_value.x': 3",
    "'meth.return_value': 3",
    "'meth.side_effect': [1]",
    "'__len__.return_value': 3",
    "'x.y': None",
    "'side_effect': [5]",
]


def configure_kwargs(w: World) -> str:
    chosen = {w.pick(DOTTED) for _ in range(w.rng.randint(1, 2))}
    return "**{" + ", ".join(sorted(chosen)) + "}"


def mock_kwargs(w: World, kind: str) -> tuple[list[str], str | None]:
    """Keyword arguments for ``kind(...)``, and the spec if one is given."""
    parts: list[str] = []
    spec = None
    if w.chance(0.35):
        spec = w.spec()
        parts.append(f"{'spec_set' if w.chance(0.3) else 'spec'}={spec}")
    if w.chance(0.1):
        wrapped = w.pick(["f", "inst", "Klass", "frame_at(2)", "warn_at(3)", "Sized()"])
        parts.append(f"wraps={wrapped}")
    if w.chance(0.12):
        parts.append(f"name={w.pick(['n', 1, 'a.b', ''])!r}")
    if w.chance(0.12):
        parts.append(f"return_value={w.value()}")
    if w.chance(0.12):
        parts.append(f"side_effect={w.side_effect()}")
    if w.chance(0.05):
        parts.append("unsafe=True")
    if w.chance(0.05):
        parts.append(f"parent={w.pick(['5', 'None', 'mock.Mock()'])}")
    if kind == "ThreadingMock":
        parts.append(f"timeout={w.pick(['0', '0.001'])}")
    if w.chance(0.12):
        parts.append(configure_kwargs(w))
    return parts, spec


def make_mock(w: World) -> Op:
    kind = w.pick(MOCK_KINDS)
    parts, spec = mock_kwargs(w, kind)
    name = w.fresh("m")
    w.add(
        Var(
            name,
            kind,
            callable=kind in CALLABLE_KINDS,
            magic=kind in MAGIC_KINDS,
            is_async=kind == "AsyncMock" or spec in ("af",),
            spec=spec,
            threading=kind == "ThreadingMock",
        )
    )
    return Op(f"make.{kind}", f"{name} = mock.{kind}({', '.join(parts)})")


def make_property_mock(w: World) -> Op:
    name = w.fresh("pm")
    w.property_mocks.append(name)
    w.add(Var(name, "PropertyMock"))
    extra = w.pick(["return_value=10", "side_effect=[1, 2]", "", "return_value=mock.sentinel.p"])
    return Op("make.PropertyMock", f"{name} = mock.PropertyMock({extra})")


def make_mock_open(w: World) -> Op:
    data = w.pick(["''", "'a\\nb\\n'", "b'x\\ny'", "'line'"])
    name = w.fresh("m")
    w.add(Var(name, "mock_open", magic=True))
    text = f"{name} = mock.mock_open(read_data={data})"
    if w.chance(0.6):
        handle = w.fresh("h")
        w.add(Var(handle, "handle", magic=True, spec="open"))
        text += f"\n{handle} = {name}()"
    return Op("make.mock_open", text)


def make_handle(w: World) -> Op | None:
    opens = [v for v in w.mocks if v.kind == "mock_open"]
    if not opens:
        return None
    opener = opens[w.rng.randrange(len(opens))]
    name = w.fresh("h")
    w.add(Var(name, "handle", magic=True, spec="open"))
    if w.chance(0.3):
        return Op("make.handle", f"with {opener.name}('x') as {name}:\n    _ = {name}.read()", True)
    return Op("make.handle", f"{name} = {opener.name}('path')")


AUTOSPECS = [
    "f",
    "fa",
    "af",
    "Klass",
    "inst",
    "Klass.meth",
    "Klass.smeth",
    "Klass.cmeth",
    "Klass.ameth",
    "Klass.Inner",
    "Sized",
    "CallIsFive",
    "DirRaises",
    "GetattrRaises",
    "badsig",
    "1",
    "mock.Mock()",
]


def make_autospec(w: World) -> Op:
    spec = w.pick(AUTOSPECS)
    parts = [spec]
    if w.chance(0.25):
        parts.append("spec_set=True")
    if w.chance(0.2):
        parts.append("instance=True")
    if w.chance(0.1):
        parts.append(f"_name={w.pick(['n', 'a.b'])!r}")
    if w.chance(0.1):
        parts.append("name='named'")
    if w.chance(0.08):
        parts.append("unsafe=True")
    if w.chance(0.15):
        parts.append(f"return_value={w.value()}")
    if w.chance(0.1):
        parts.append(f"side_effect={w.side_effect()}")
    configured = w.chance(0.35)
    if configured:
        parts.append(configure_kwargs(w))
    name = w.fresh("m")
    is_class = spec in ("Klass", "Sized", "CallIsFive", "DirRaises", "GetattrRaises", "Klass.Inner")
    source = f"{name} = mock.create_autospec({', '.join(parts)})"
    if is_class and w.chance(0.2):
        source += f"({w.pick(['', '1', 'x=2'])})"
    if configured and w.chance(0.6):
        # Use a child the keywords configured: does it keep its autospec?
        source += f"\n_ = {name}.meth({w.pick(['1', '1, 2', ''])})"
    w.add(
        Var(
            name,
            "autospec",
            callable=True,
            magic=True,
            is_async=spec in ("af", "Klass.ameth"),
            spec=spec,
        )
    )
    return Op("make.autospec", source, value="\n_ = " in source)


def make_child(w: World) -> Op | None:
    parent = w.target()
    if parent is None:
        return None
    path = w.path(parent)
    if not path:
        path = "." + w.attr_name(parent)
    name = w.fresh("m")
    w.add(
        Var(
            name,
            "child",
            magic=parent.magic,
            is_async=parent.is_async,
            parent=parent.name,
            threading=parent.threading,
        )
    )
    return Op("make.child", f"{name} = {parent.name}{path}")


def make_copy(w: World) -> Op | None:
    source = w.target()
    if source is None:
        return None
    how = w.pick(["copy.copy", "copy.deepcopy"])
    name = w.fresh("m")
    if w.chance(0.25):
        # A fresh specced mock: what does copying do with the spec?
        spec = "locked" if how == "copy.deepcopy" and w.chance(0.5) else w.spec()
        fresh = f"mock.{w.pick(MOCK_KINDS)}(spec={spec})"
        w.add(Var(name, "copy", magic=True))
        return Op(f"make.{how}", f"{name} = {how}({fresh})")
    w.add(
        Var(
            name,
            source.kind,
            callable=source.callable,
            magic=source.magic,
            is_async=source.is_async,
            spec=source.spec,
            copy_of=source.name,
            threading=source.threading,
        )
    )
    text = f"{name} = {how}({source.name})"
    if w.chance(0.5) and not source.threading:
        # Compared at once, before anything else can tell the two apart.
        text += f"\n_ = ({name} == {source.name}, hash({name}) == hash({source.name}), "
        text += f"str({name}) == str({source.name}))"
    return Op(f"make.{how}", text, value="\n_ = " in text)


SUBCLASS_BODIES = [
    "pass",
    "attr = 1",
    "def _get_child_mock(self, **kwargs):\n        return mock.Mock(**kwargs)",
    "def __len__(self):\n        return 5",
    "def meth(self):\n        return 'own'",
]


def make_subclass(w: World) -> Op:
    base = w.pick(["Mock", "MagicMock", "NonCallableMock", "AsyncMock", "NonCallableMagicMock"])
    bases = w.pick(
        [f"mock.{base}", f"mock.{base}, Iterable", f"ABCBase, mock.{base}", f"mock.{base}"]
    )
    cls = w.fresh("Sub")
    name = w.fresh("m")
    body = w.pick(SUBCLASS_BODIES)
    w.add(
        Var(
            name,
            "subclass",
            callable=not base.startswith("NonCallable"),
            magic="Magic" in base or base == "AsyncMock",
            is_async=base == "AsyncMock",
        )
    )
    args = w.pick(["", "", "name='sub'", "spec=Klass"])
    return Op(
        "make.subclass", f"class {cls}({bases}):\n    {body}\n\n{name} = {cls}({args})"
    )


PATCH_STRINGS = [
    "'fuzz_target.f'",
    "'fuzz_target.af'",
    "'fuzz_target.Klass'",
    "'fuzz_target.Klass.meth'",
    "'fuzz_target.Klass.smeth'",
    "'fuzz_target.value'",
    "'fuzz_target.missing'",
    "'fuzz_target'",
]
PATCH_OBJECTS = [
    "Klass, 'smeth'",
    "Klass, 'cmeth'",
    "target, 'f'",
    "target, 'af'",
    "Klass, 'meth'",
    "Klass, 'smeth'",
    "Klass, 'cmeth'",
    "Klass, 'prop'",
    "Klass, 'ameth'",
    "inst, 'meth'",
    "target, 'value'",
    "Klass, 'missing'",
]
USE_TARGET = [
    "{m}()",
    "{m}.meth(a=1)",
    "{m}.attr",
    "dir({m})",
    "target.f(1)",
    "target.Klass.meth",
    "target.Klass().meth(1)",
    "target.value",
    "Klass.smeth(1)",
    "target.af",
    "inst.meth(1, 2)",
]


def patch_kwargs(w: World) -> list[str]:
    parts: list[str] = []
    roll = w.rng.random()
    if roll < 0.15:
        parts.append(f"new={w.pick(['3', 'mock.DEFAULT', 'f', 'mock.sentinel.new'])}")
    elif roll < 0.3:
        parts.append(f"spec={w.pick(['True', 'Klass', 'f'])}")
    elif roll < 0.4:
        parts.append("spec_set=True")
    elif roll < 0.6:
        parts.append(f"autospec={w.pick(['True', 'True', 'f', 'Klass'])}")
    elif roll < 0.7:
        parts.append(
            "new_callable="
            + w.pick(["mock.NonCallableMagicMock", "mock.PropertyMock", "mock.AsyncMock", "dict"])
        )
    if w.chance(0.15):
        parts.append("create=True")
    if w.chance(0.15):
        parts.append(f"return_value={w.pick(['3', 'mock.sentinel.r'])}")
    if w.chance(0.1):
        parts.append(f"side_effect={w.pick(['[1]', 'KeyError'])}")
    if w.chance(0.2):
        parts.append(configure_kwargs(w))
    if w.chance(0.05):
        parts.append("unsafe=True")
    return parts


def make_patch(w: World) -> Op:
    target = w.pick(PATCH_STRINGS) if w.chance(0.5) else w.pick(PATCH_OBJECTS)
    kwargs = patch_kwargs(w)
    use = w.pick(USE_TARGET)
    if ("smeth" in target or "cmeth" in target) and w.chance(0.5):
        # An autospecced staticmethod/classmethod, called: are its arguments checked?
        kwargs, use = ["autospec=True"], f"{{m}}({w.pick(['', '1, 2'])})"
    function = "mock.patch" if target.startswith("'") else "mock.patch.object"
    call = f"{function}({', '.join([target, *kwargs])})"
    name = w.fresh("m")
    form = w.pick(["start", "with", "decorator"])
    use = use.format(m="patched[0]" if form == "decorator" else name)
    w.add(Var(name, "patched", magic=True))
    if form == "start":
        patcher = w.fresh("p")
        w.patchers.append(patcher)
        return Op("make.patch.start", f"{patcher} = {call}\n{name} = {patcher}.start()")
    if form == "with":
        return Op("make.patch.with", f"with {call} as {name}:\n    _ = {use}", True)
    func = w.fresh("g")
    return Op(
        "make.patch.decorator",
        f"@{call}\ndef {func}(*patched):\n    return (patched[0] if patched else None), {use}\n\n"
        f"{name}, _ = {func}()",
        True,
    )


def make_patch_dict(w: World) -> Op:
    target = w.pick(["target.config", "'fuzz_target.config'", "target.config"])
    values = w.pick(["{'b': 3}", "{'c': 4}", "[('a', 0)]", "{}", "b=5", "{'b': 3}, c=6"])
    args = [target, values]
    if w.chance(0.3):
        args.append("clear=True")
    call = f"mock.patch.dict({', '.join(args)})"
    form = w.pick(["with", "with", "decorator", "start"])
    if form == "with":
        return Op(
            "make.patch.dict",
            f"with {call} as patched:\n    inside = dict(target.config)\n"
            "_ = (inside, patched is target.config, dict(target.config))",
            True,
        )
    if form == "start":
        patcher = w.fresh("p")
        w.patchers.append(patcher)
        return Op(
            "make.patch.dict",
            f"{patcher} = {call}\n_ = ({patcher}.start(), dict(target.config))",
            True,
        )
    func = w.fresh("g")
    return Op(
        "make.patch.dict",
        f"@{call}\ndef {func}():\n    return dict(target.config)\n\n"
        f"_ = ({func}(), dict(target.config))",
        True,
    )


def make_patch_multiple(w: World) -> Op:
    where = w.pick(["target", "'fuzz_target'", "Klass"])
    names = w.pick(
        ["f=mock.DEFAULT", "f=mock.DEFAULT, value=5", "value=7", "meth=mock.DEFAULT", "missing=1"]
    )
    extra = w.pick(["", ", autospec=True", ", spec_set=True", ", create=True", ", new=3"])
    name = w.fresh("d")
    return Op(
        "make.patch.multiple",
        f"with mock.patch.multiple({where}, {names}{extra}) as {name}:\n"
        f"    _ = (sorted({name}) if {name} else {name}, target.value)",
        True,
    )


KINDS = [
    ("make.mock", 7.0, make_mock),
    ("make.PropertyMock", 0.8, make_property_mock),
    ("make.mock_open", 1.8, make_mock_open),
    ("make.handle", 1.8, make_handle),
    ("make.autospec", 2.5, make_autospec),
    ("make.child", 1.5, make_child),
    ("make.copy", 1.2, make_copy),
    ("make.subclass", 0.7, make_subclass),
    ("make.patch", 1.5, make_patch),
    ("make.patch.dict", 0.5, make_patch_dict),
    ("make.patch.multiple", 0.4, make_patch_multiple),
]
