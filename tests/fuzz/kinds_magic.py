"""Operation kinds for magic methods on every kind of mock (specced ones and
mock_open handles included): using them, configuring their return values, setting
and deleting them, and calling them directly with wrong arguments (whose messages
name the stdlib's default implementations)."""

from __future__ import annotations

from .case import Op
from .model import Var, World

#: How each magic method is reached from ordinary code (``{x}`` is the mock).
USES = {
    "__len__": "_ = len({x})",
    "__iter__": "_ = list({x})",
    "__contains__": "_ = 1 in {x}",
    "__add__": "_ = {x} + 1",
    "__radd__": "_ = 1 + {x}",
    "__sub__": "_ = {x} - 1",
    "__rsub__": "_ = 1 - {x}",
    "__mul__": "_ = {x} * 2",
    "__truediv__": "_ = {x} / 2",
    "__floordiv__": "_ = {x} // 2",
    "__mod__": "_ = {x} % 2",
    "__pow__": "_ = {x} ** 2",
    "__matmul__": "_ = {x} @ 1",
    "__lshift__": "_ = {x} << 1",
    "__and__": "_ = {x} & 1",
    "__or__": "_ = {x} | 1",
    "__xor__": "_ = {x} ^ 1",
    "__iadd__": "tmp = {x}\ntmp += 1\n_ = tmp",
    "__lt__": "_ = {x} < 1",
    "__gt__": "_ = {x} > 1",
    "__le__": "_ = {x} <= 1",
    "__ge__": "_ = {x} >= 1",
    "__eq__": "_ = ({x} == {x}, {x} == 1)",
    "__ne__": "_ = ({x} != {x}, {x} != 1)",
    "__bool__": "_ = bool({x})",
    "__hash__": "_ = hash({x}) == hash({x})",
    "__str__": "_ = str({x})",
    "__int__": "_ = int({x})",
    "__float__": "_ = float({x})",
    "__complex__": "_ = complex({x})",
    "__index__": "_ = operator.index({x})",
    "__round__": "_ = round({x})",
    "__trunc__": "_ = math.trunc({x})",
    "__floor__": "_ = math.floor({x})",
    "__ceil__": "_ = math.ceil({x})",
    "__abs__": "_ = abs({x})",
    "__neg__": "_ = -{x}",
    "__pos__": "_ = +{x}",
    "__invert__": "_ = ~{x}",
    "__divmod__": "_ = divmod({x}, 2)",
    "__getitem__": "_ = {x}[1]",
    "__setitem__": "{x}[1] = 2",
    "__delitem__": "del {x}[1]",
    "__reversed__": "_ = list(reversed({x}))",
    "__format__": "_ = format({x}, '')",
    "__fspath__": "_ = os.fspath({x})",
    "__dir__": "_ = dir({x})",
    "__enter__": "with {x} as entered:\n    _ = entered",
    "__next__": "_ = next({x})",
    "__aenter__": "_ = settle(aenter({x}))",
    "__aiter__": "_ = settle(alist({x}))",
    "__get__": "class Holder:\n    held = {x}\n\n_ = Holder().held",
}
#: Probes of a magic method on a bystander, to see whether an edit leaked to it.
PROBES = {name: use for name, use in USES.items() if "\n" not in use}
# A default hash is an address; the hashes the edits set are small.
PROBES["__hash__"] = "_ = hash({x}) < 100"
PROBES["__call__"] = "_ = {x}()"

CONFIGURE = [
    "{x}.__len__.return_value = 3",
    "{x}.__iter__.return_value = [1, 2]",
    "{x}.__contains__.return_value = True",
    "{x}.__getitem__.side_effect = KeyError",
    "{x}.__str__.return_value = 's'",
    "{x}.__eq__.return_value = False",
    "{x}.__bool__.return_value = False",
    "{x}.__enter__.return_value = 'e'",
    "{x}.__exit__.return_value = True",
    "{x}.__aiter__.return_value = [1]",
    "{x}.__hash__.return_value = 3",
    "{x}.__int__.return_value = 7",
    "{x}.__lt__.return_value = NotImplemented",
    "{x}.__aenter__.return_value = 'ae'",
    "{x}.__iter__.return_value = iter([3])",
]
ASSIGN = [
    ("__len__", "lambda self: 7"),
    ("__str__", "lambda self: 's'"),
    ("__iter__", "lambda self: iter([1])"),
    ("__eq__", "lambda self, other: True"),
    ("__len__", "mock.Mock(return_value=2)"),
    ("__len__", "mock.PropertyMock(return_value=3)"),
    ("__int__", "mock.PropertyMock(return_value=5)"),
    ("__str__", "mock.PropertyMock(return_value='p')"),
    ("__len__", "3"),
    ("__bool__", "lambda self: False"),
    ("__hash__", "lambda self: 1"),
    ("__getitem__", "lambda self, key: key"),
    ("__enter__", "lambda self: 'e'"),
    ("__contains__", "lambda self, value: True"),
    ("__getattr__", "lambda self, name: 1"),
    ("__int__", "mock.MagicMock(return_value=4)"),
    ("__call__", "lambda self, *args: 'called'"),
]
DIRECT = [
    "__iter__(1)",
    "__len__(1)",
    "__eq__()",
    "__enter__(1)",
    "__exit__()",
    "__hash__(1)",
    "__str__(1)",
    "__bool__(1)",
    "__int__(1)",
    "__aexit__()",
    "__ne__()",
    "__aiter__(1)",
    "__contains__()",
    "__getitem__()",
    "__complex__(1)",
    "__fspath__(1)",
]


def _magic_target(w: World) -> tuple[Var, str] | None:
    handles = [v for v in w.mocks if v.kind == "handle"]
    if handles and w.chance(0.35):
        # mock_open's handles support only some magic methods.
        var = handles[w.rng.randrange(len(handles))]
        return var, var.name
    var = w.target(magic=True) if w.chance(0.8) else w.target()
    if var is None:
        return None
    return var, var.name + (w.path(var) if w.chance(0.3) else "")


def _magic_node(w: World) -> str | None:
    found = _magic_target(w)
    return None if found is None else found[1]


def use(w: World) -> Op | None:
    found = _magic_target(w)
    if found is None:
        return None
    var, node = found
    name = w.pick(list(USES))
    if var.threading and name in ("__eq__", "__ne__"):
        # The stdlib's ThreadingMock deadlocks comparing itself (3.13.0): no spec.
        name = "__len__"
    return Op(f"magic.use.{name}", USES[name].format(x=node), value=True)


#: Magic methods a mock_open handle's spec lacks.
UNSUPPORTED_ON_HANDLES = [
    "{x}.__contains__.return_value = True",
    "{x}.__bool__.return_value = False",
    "{x}.__int__.return_value = 7",
    "{x}.__len__.return_value = 3",
    "{x}.__getitem__.side_effect = KeyError",
]


def configure(w: World) -> Op | None:
    found = _magic_target(w)
    if found is None:
        return None
    var, node = found
    if var.kind == "handle" and w.chance(0.5):
        return Op("magic.configure", w.pick(UNSUPPORTED_ON_HANDLES).format(x=node))
    return Op("magic.configure", w.pick(CONFIGURE).format(x=node))


def assign(w: World) -> Op | None:
    node = _magic_node(w)
    if node is None:
        return None
    name, value = ASSIGN[w.rng.randrange(len(ASSIGN))]
    w.touched.append(name)
    text = f"{node}.{name} = {value}"
    if w.chance(0.3):
        text += f"\n_ = {node}.{name}"
    return Op("magic.set", text, value="\n_ = " in text, touched=(name,), edits_classes=True)


def delete(w: World) -> Op | None:
    node = _magic_node(w)
    if node is None:
        return None
    name = w.pick(["__len__", "__str__", "__iter__", "__eq__", "__hash__", "__bool__"])
    w.touched.append(name)
    return Op("magic.del", f"del {node}.{name}", touched=(name,), edits_classes=True)


def direct(w: World) -> Op | None:
    node = _magic_node(w)
    if node is None:
        return None
    return Op("magic.direct", f"_ = {node}.{w.pick(DIRECT)}", True)


KINDS = [
    ("magic.use", 8.0, use),
    ("magic.configure", 3.5, configure),
    ("magic.set", 1.5, assign),
    ("magic.del", 1.0, delete),
    ("magic.direct", 2.0, direct),
]
