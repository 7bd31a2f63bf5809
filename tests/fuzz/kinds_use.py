"""Operation kinds that use mocks: attributes on paths, calls with side effects,
attach_mock, mock_add_spec, configure_mock, reset_mock, seal, every ``assert_*``
against perturbed histories, hand-set bookkeeping attributes, and patchers."""

from __future__ import annotations

from .case import Op
from .kinds_make import DOTTED
from .model import FUNCTION_SPECS, Var, World, call_object, render_args


def _node(w: World) -> tuple[Var, str] | None:
    var = w.target()
    if var is None:
        return None
    return var, var.name + w.path(var)


def watch(node: str) -> str:
    """The node to observe after an operation on it: one reached without calling
    anything (reading it again must not change it), below a variable."""
    return node if "(" not in node and "." in node else ""


def get_attr(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    var, node = found
    name = w.attr_name(var) if w.chance(0.85) else w.pick(["return_value", "side_effect"])
    return Op("attr.get", f"_ = {node}.{name}", True, node=watch(f"{node}.{name}"))


def set_attr(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    var, node = found
    name = w.attr_name(var) if w.chance(0.8) else w.pick(["return_value", "side_effect"])
    value = w.value()
    other = w.target()
    if other is not None and w.chance(0.15):
        value = other.name + w.path(other, allow_call=False)
    return Op("attr.set", f"{node}.{name} = {value}", node=watch(node))


def set_on_method(w: World) -> Op | None:
    """An attribute set on an assert_* method (an autospecced function's are plain
    functions in the stdlib, so this works there)."""
    found = _node(w)
    if found is None:
        return None
    _, node = found
    setup = ""
    if w.chance(0.5):
        # An autospecced function: its assert_* are plain functions in the stdlib.
        node = "fa"
        setup = f"fa = mock.create_autospec({w.pick(['f', 'af', 'Klass.meth', 'Klass.smeth'])})\n"
    method = w.pick(["assert_called", "assert_called_with", "reset_mock", "assert_not_called"])
    attr = w.pick(["side_effect", "return_value", "x"])
    return Op(
        "attr.set_on_method", f"{setup}{node}.{method}.{attr} = 1\n_ = {node}.{method}.{attr}", True
    )


def del_attr(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    var, node = found
    name = w.attr_name(var) if w.chance(0.8) else w.pick(["return_value", "side_effect"])
    return Op("attr.del", f"del {node}.{name}")


def call(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    path = w.path(var)
    args, kwargs = w.args()
    var.calls.append((path, args, kwargs))
    text = f"{var.name}{path}({render_args(args, kwargs)})"
    if var.is_async or "ameth" in path or w.chance(0.05):
        text = f"settle({text})"
    return Op("call", f"_ = {text}", True, node=watch(var.name + path))


def set_return_value(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    _, node = found
    value = node if w.chance(0.1) else w.value()
    return Op("call.return_value", f"{node}.return_value = {value}", node=watch(node))


def set_side_effect(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    _, node = found
    effect = w.side_effect() if w.chance(0.9) else node
    kind = "call.frames" if effect.startswith(("frame_at", "warn_at")) else "call.side_effect"
    return Op(kind, f"{node}.side_effect = {effect}", node=watch(node))


def configure(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    _, node = found
    chosen = sorted({w.pick(DOTTED) for _ in range(w.rng.randint(1, 3))})
    return Op(
        "configure_mock", f"{node}.configure_mock(**{{{', '.join(chosen)}}})", node=watch(node)
    )


def attach(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    var, node = found
    roll = w.rng.random()
    if roll < 0.3 and len(w.mocks) > 1:
        other = w.target() or var
        child = other.name + w.path(other, allow_call=False)
    elif roll < 0.45:
        child = w.pick(["mock.Mock()", "mock.MagicMock(name='named')", "mock.AsyncMock()"])
    elif roll < 0.6:
        child = w.pick(["f", "5", "None", "Klass"])
    elif roll < 0.8:
        # The mock itself, or one of its ancestors: the stdlib's repr breaks later.
        child = node if w.chance(0.4) else var.name
        if var.parent is not None and w.chance(0.5):
            child = var.parent
    else:
        child = f"{var.name}.{w.attr_name(var)}"
    name = w.pick(["x", "a", "b", "return_value", "meth"])
    return Op("attach_mock", f"{node}.attach_mock({child}, {name!r})", node=watch(node))


def add_spec(w: World) -> Op | None:
    autospecced = [v for v in w.mocks if v.kind == "autospec"]
    if autospecced and w.chance(0.5):
        var = autospecced[w.rng.randrange(len(autospecced))]
        node = var.name
    else:
        found = _node(w)
        if found is None:
            return None
        var, node = found
    extra = ", spec_set=True" if w.chance(0.3) else ""
    text = f"{node}.mock_add_spec({w.spec()}{extra})"
    if var.spec is not None and w.chance(0.7 if var.kind == "autospec" else 0.3):
        # What of the old spec stays reachable?
        text += f"\n_ = {node}.{w.pick(['meth', 'attr', 'x'])}"
    return Op("mock_add_spec", text, value="\n_ = " in text, node=watch(node))


def reset(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    _, node = found
    flags = w.pick(
        [
            "",
            "",
            "return_value=True",
            "side_effect=True",
            "return_value=True, side_effect=True",
            "5",
            "set()",
            "[]",
            "visited=[]",
        ]
    )
    return Op("reset_mock", f"{node}.reset_mock({flags})", node=watch(node))


def seal(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    _, node = found
    return Op("seal", f"mock.seal({node})")


CALL_ASSERTS = ["assert_called_with", "assert_called_once_with", "assert_any_call"]
PLAIN_ASSERTS = ["assert_called", "assert_called_once", "assert_not_called"]
AWAIT_ASSERTS = ["assert_awaited_with", "assert_awaited_once_with", "assert_any_await"]
PLAIN_AWAITS = ["assert_awaited", "assert_awaited_once", "assert_not_awaited"]
TYPOS = [
    "assret_called_with(1)",
    "asert_called()",
    "aseert_called()",
    "assrt_called()",
    "called_once_with(1)",
    "called_once()",
    "has_calls([])",
    "assert_foo()",
    "assert_called_twice()",
]


def _perturbed(w: World, args: tuple[str, ...], kwargs: tuple[tuple[str, str], ...]) -> str:
    """The recorded arguments, unchanged or changed a little."""
    how = w.pick(["same", "same", "any", "wrong", "extra", "fewer", "keyword", "none"])
    a, k = list(args), list(kwargs)
    if how == "any" and (a or k):
        if a:
            a[w.rng.randrange(len(a))] = "mock.ANY"
        else:
            k[0] = (k[0][0], "mock.ANY")
    elif how == "wrong":
        if a:
            a[-1] = "99"
        elif k:
            k[-1] = (k[-1][0], "99")
        else:
            a = ["0"]
    elif how == "extra":
        a.append("7")
    elif how == "fewer" and (a or k):
        if a:
            a.pop()
        else:
            k.pop()
    elif how == "keyword" and a:
        k.insert(0, ("a", a.pop(0)))
    elif how == "none":
        a, k = [], []
    return render_args(tuple(a), tuple(k))


def _history(w: World, var: Var) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]:
    if var.calls and w.chance(0.8):
        return var.calls[w.rng.randrange(len(var.calls))]
    path = w.path(var)
    return (path, *w.args())


def assert_call(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    path, args, kwargs = _history(w, var)
    roll = w.rng.random()
    node = var.name + path
    if roll < 0.4:
        method = w.pick(CALL_ASSERTS)
        text = f"{node}.{method}({_perturbed(w, args, kwargs)})"
    elif roll < 0.6:
        method = w.pick(PLAIN_ASSERTS)
        text = f"{node}.{method}({'1' if w.chance(0.15) else ''})"
    elif roll < 0.8:
        # assert_has_calls on the variable, over calls recorded below it.
        chosen = [c for c in var.calls if w.chance(0.6)]
        w.rng.shuffle(chosen)
        expected = [call_object(p, _split(w, a, k)[0], _split(w, a, k)[1]) for p, a, k in chosen]
        if w.chance(0.2):
            expected.append(call_object(w.path(var), *w.args()))
        any_order = ", any_order=True" if w.chance(0.4) else ""
        text = f"{var.name}.assert_has_calls([{', '.join(expected)}]{any_order})"
        method = "assert_has_calls"
    elif roll < 0.9:
        method = "typo"
        text = f"{node}.{w.pick(TYPOS)}"
    elif roll < 0.95:
        method = w.pick(AWAIT_ASSERTS)
        text = f"{node}.{method}({_perturbed(w, args, kwargs)})"
    else:
        method = w.pick(PLAIN_AWAITS)
        text = f"{node}.{method}()"
    return Op(f"assert.{method}", text, node=watch(node))


def _split(
    w: World, args: tuple[str, ...], kwargs: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    if w.chance(0.8):
        return args, kwargs
    return (*args, "99"), kwargs


def assert_awaits(w: World) -> Op | None:
    var = w.target()
    if var is None or not var.is_async:
        return None
    chosen = [c for c in var.calls if w.chance(0.6)]
    expected = [call_object(p, a, k) for p, a, k in chosen]
    any_order = ", any_order=True" if w.chance(0.4) else ""
    return Op(
        "assert.assert_has_awaits",
        f"{var.name}.assert_has_awaits([{', '.join(expected)}]{any_order})",
    )


def wait(w: World) -> Op | None:
    threading = [v for v in w.mocks if v.kind == "ThreadingMock"]
    if not threading:
        return None
    var = threading[w.rng.randrange(len(threading))]
    args, kwargs = w.args()
    text = w.pick(
        [
            f"{var.name}.wait_until_called(timeout=0.001)",
            f"{var.name}.wait_until_called()",
            f"{var.name}.wait_until_any_call_with({render_args(args, kwargs)})",
        ]
    )
    return Op("assert.wait", text)


BOOKKEEPING = {
    "call_count": ["'x'", "3", "None", "-1", "2.5"],
    "call_args_list": ["None", "[]", "[mock.call(1)]", "5", "(mock.call(1),)"],
    "mock_calls": ["5", "[]", "[mock.call.a()]", "None"],
    "method_calls": ["2", "[]", "None", "[mock.call.a()]"],
    "call_args": ["mock.call(2)", "None", "5", "(1,)"],
    "called": ["0", "'y'", "True"],
    "await_count": ["2", "'x'"],
    "await_args": ["mock.call(1)", "None"],
    "await_args_list": ["[]", "None"],
}
PRIVATE = [
    "_mock_name",
    "_mock_new_name",
    "_mock_parent",
    "_mock_new_parent",
    "_mock_methods",
    "_mock_wraps",
    "_mock_return_value",
    "_mock_side_effect",
    "_mock_children",
    "_mock_sealed",
    "_mock_unsafe",
    "_spec_class",
    "_spec_set",
    "_spec_signature",
    "_spec_asyncs",
    "_mock_delegate",
    "_mock_called",
    "_mock_call_args",
    "_mock_call_count",
    "_mock_mock_calls",
]


#: The mock's own storage behind its call attributes: an autospecced function's
#: mock keeps it apart from what the function reports.
CALL_STORAGE = [
    "_mock_called", "_mock_call_count", "_mock_call_args", "_mock_call_args_list",
    "_mock_mock_calls",
]


def bookkeeping(w: World) -> Op | None:
    found = _node(w)
    if found is None:
        return None
    var, node = found
    if var.kind == "autospec" and var.spec in FUNCTION_SPECS and w.chance(0.4):
        # The mock behind an autospecced function: its own storage, read or set.
        name = w.pick(CALL_STORAGE)
        if w.chance(0.7):
            return Op("bookkeeping.private.get", f"_ = {var.name}.mock.{name}", True)
        value = w.pick(["5", "None", "[]", "['x']", "True"])
        return Op("bookkeeping.private.set", f"{var.name}.mock.{name} = {value}")
    roll = w.rng.random()
    if roll < 0.45:
        name = w.pick(list(BOOKKEEPING))
        return Op("bookkeeping.set", f"{node}.{name} = {w.pick(BOOKKEEPING[name])}")
    if roll < 0.6:
        name = w.pick(list(BOOKKEEPING))
        return Op("bookkeeping.del", f"del {node}.{name}")
    if roll < 0.68:
        # The lists a mock hands out are its own: what is added to them counts.
        name = w.pick(["_mock_methods", "call_args_list", "mock_calls", "method_calls",
                       "await_args_list"])
        item = w.pick(["'x'", "mock.call(1)", "'__len__'"])
        return Op("bookkeeping.mutate", f"{node}.{name}.append({item})")
    name = w.pick(PRIVATE)
    if roll < 0.84:
        return Op("bookkeeping.private.get", f"_ = {node}.{name}", True)
    value = w.pick(["5", "None", "'n'", "mock.Mock()", "[]", "True", "{}"])
    return Op("bookkeeping.private.set", f"{node}.{name} = {value}")


def patcher(w: World) -> Op | None:
    if not w.patchers:
        return Op("patch.stopall", "_ = mock.patch.stopall()", True)
    name = w.pick(w.patchers)
    text = w.pick(
        [
            f"_ = {name}.stop()",
            f"_ = {name}.start()",
            "_ = mock.patch.stopall()",
            f"_ = {name}.__exit__(None, None, None)",
            f"_ = {name}.copy()",
        ]
    )
    return Op("patch.control", text, True)


HELPERS = [
    "_ = mock.call(1, a=2) == mock.call(1, a=2)",
    "_ = mock.call.a(1).call_list()",
    "_ = (mock.call(1, k=2).args, mock.call(1, k=2).kwargs)",
    "_ = mock.call.a.b(1)",
    "_ = mock.call == mock.call()",
    "_ = str(mock.call.a(1, b=2))",
    "_ = mock.ANY == 5",
    "mock.ANY.foo = 1\n_ = mock.ANY.foo",
    "mock.ANY.bar = [1]\n_ = mock.ANY == [1]",
    "_ = mock.sentinel.s is mock.sentinel.s",
    "_ = (repr(mock.DEFAULT), repr(mock.sentinel.s))",
    "_ = copy.copy(mock.call.a(1))",
    "_ = copy.deepcopy(mock.call.a(1)) == mock.call.a(1)",
    "_ = pickle.loads(pickle.dumps(mock.call.a(1)))",
    "_ = copy.copy(mock.sentinel.s) is mock.sentinel.s",
    "_ = (target.f, target.Klass.meth, target.value, dict(target.config), Klass.smeth)",
    # The module's private names that code imports (turbomock._stdlib_names)
    "_ = isinstance(mock.patch.dict(target.config), mock._patch_dict)",
    "_ = (isinstance(mock.sentinel.s, mock._SentinelObject), mock._is_magic('__len__'))",
    "_ = sorted(mock._async_method_magics | mock._sync_async_magics)",
]


def helper(w: World) -> Op:
    return Op("helpers", w.pick(HELPERS), True)


def compare(w: World) -> Op | None:
    var = w.target()
    if var is None:
        return None
    other = w.target() or var
    x = var.name
    text = w.pick(
        [
            f"_ = {x} == mock.ANY",
            f"_ = mock.ANY == {x}",
            f"_ = {x}.call_args == mock.call(1)",
            f"_ = tuple({x}.call_args or ())",
            f"_ = {x}.call_args_list == [mock.call(1)]",
            f"_ = {x}.mock_calls[-1:]",
            f"_ = {x} == {other.name}",
            f"_ = isinstance({x}, mock.{w.pick(['Mock', 'MagicMock', 'NonCallableMock'])})",
            f"_ = (callable({x}), inspect.iscoroutinefunction({x}), inspect.isawaitable({x}))",
            f"_ = str(inspect.signature({x}))",
            f"_ = pickle.dumps({x})",
            f"_ = dir({x})",
            "mock.FILTER_DIR = False\n"
            f"try:\n    _ = dir({x})\nfinally:\n    mock.FILTER_DIR = True",
            f"_ = {x}.call_args_list.index(mock.call(1))",
            f"_ = mock.call(1) in {x}.mock_calls",
            f"_ = (mock._is_instance_mock({x}), mock._extract_mock({x}) is {x})",
        ]
    )
    return Op("observe", text, True)


KINDS = [
    ("attr.get", 5.0, get_attr),
    ("attr.set", 3.0, set_attr),
    ("attr.del", 1.5, del_attr),
    ("attr.set_on_method", 0.8, set_on_method),
    ("call", 8.0, call),
    ("call.return_value", 2.0, set_return_value),
    ("call.side_effect", 3.0, set_side_effect),
    ("configure_mock", 1.5, configure),
    ("attach_mock", 2.0, attach),
    ("mock_add_spec", 2.0, add_spec),
    ("reset_mock", 1.5, reset),
    ("seal", 0.8, seal),
    ("assert", 7.0, assert_call),
    ("assert.awaits", 0.8, assert_awaits),
    ("assert.wait", 0.5, wait),
    ("bookkeeping", 2.5, bookkeeping),
    ("patch.control", 0.8, patcher),
    ("helpers", 2.5, helper),
    ("observe", 2.0, compare),
]
