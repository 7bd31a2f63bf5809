"""Every operation kind, and how a case (a sequence of operations) is drawn.

The kinds live in ``kinds_make`` (constructing mocks, autospec, patch), ``kinds_use``
(attributes, calls, assertions, bookkeeping), ``kinds_magic`` and ``kinds_class``
(``type(m)`` edits in every code shape, copies, frames, names) and ``kinds_spec``
(a spec changed between the mocks made on it). Each is a generator
``World -> Op | None`` with a weight.

Case ``i`` of seed ``s`` depends on nothing but ``(s, i)`` and the running Python's
stdlib (``ThreadingMock`` exists from 3.13), so a run can be repeated exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from . import kinds_class, kinds_magic, kinds_make, kinds_spec, kinds_use
from .case import Case, Op
from .model import World

Generator = Callable[[World], "Op | None"]

#: Every operation kind: (name, weight, generator).
KINDS: list[tuple[str, float, Generator]] = [
    *kinds_make.KINDS,
    *kinds_use.KINDS,
    *kinds_magic.KINDS,
    *kinds_class.KINDS,
    *kinds_spec.KINDS,
]


#: Themes: kinds that need each other to show anything (a copy, then a comparison; a
#: handle, then its magic methods). A themed case draws them six times as often.
THEMES: list[tuple[str, ...]] = [
    ("make.copy", "copy.compare", "call", "magic.use"),
    ("make.mock_open", "make.handle", "magic", "names"),
    ("make.autospec", "mock_add_spec", "call", "attr.set_on_method", "assert"),
    ("type_edit", "make.mock", "attr.get", "magic.set"),
    ("bookkeeping", "call", "assert", "reset_mock"),
    ("attach_mock", "attr.set", "call.return_value", "make.child", "attr.get"),
    ("make.patch", "patch.control", "call", "attr.get"),
    ("names", "magic.direct", "assert"),
    ("frames", "call.side_effect", "call"),
    ("spec.edit", "make.mock", "make.autospec", "call", "assert"),
]


def generate_case(seed: int, index: int, *, max_ops: int = 10) -> Case:
    """Case ``index`` of the run with ``seed``."""
    rng = random.Random(f"turbomock-fuzz:{seed}:{index}")
    world = World(rng)
    table = KINDS
    makers = [entry for entry in table if entry[0].startswith("make.")]
    weights = [weight for _, weight, _ in table]
    if rng.random() < 0.4:
        theme = THEMES[rng.randrange(len(THEMES))]
        weights = [
            weight * 6 if name.startswith(theme) else weight
            for (name, _, _), weight in zip(table, weights)
        ]
    ops: list[Op] = []
    first = _draw(world, makers, [w for _, w, _ in makers])
    ops.append(first)
    length = rng.randint(2, max_ops)
    attempts = 0
    while len(ops) < length and attempts < 4 * max_ops:
        attempts += 1
        op = _draw(world, table, weights)
        if op is not None:
            ops.append(op)
    full = frozenset(i for i in range(len(ops)) if rng.random() < 0.3) | {len(ops) - 1}
    return Case(seed, index, tuple(ops), eager=rng.random() < 0.7, full_steps=full)


def _draw(world: World, table: list[tuple[str, float, Generator]], weights: list[float]) -> Op:
    for _ in range(20):
        _, _, generate = world.rng.choices(table, weights)[0]
        op = generate(world)
        if op is not None:
            return op
    return Op("noop", "pass")
