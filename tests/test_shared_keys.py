"""One attribute-keys table per pool of leaves (``src/turbomock/_shared_keys.c``).

What must hold: a leaf reading its pool's table behaves exactly as a class with a
table of its own (attributes, their order, deletion, ``__dict__``, many names), it
is done only where exact (a fresh table, the same layout, 3.11+), CPython frees the
replaced table with its own allocator (checked under the debug allocator), and it
is what saves the memory (tracemalloc, which counts bytes, not time).
"""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
import tracemalloc
from typing import Any

import pytest

import turbomock
from turbomock._native import NATIVE

needs_native = pytest.mark.skipif(NATIVE is None, reason="native core not in use")
shares = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="tables are shared on 3.11+ only (small before)"
)


def _donor_and_leaf(base: type = object) -> tuple[type, type]:
    donor = type("Donor", (base,), {})
    leaf = type("Leaf", (base,), {})
    return donor, leaf


@needs_native
@shares
def test_a_fresh_class_reads_the_donors_table() -> None:
    donor, leaf = _donor_and_leaf()
    assert NATIVE.share_keys(leaf, donor) is True
    # Its table is now the donor's: it is not replaced twice.
    assert NATIVE.share_keys(leaf, donor) is False


@needs_native
@shares
def test_only_a_table_no_instance_has_used_is_replaced() -> None:
    donor, leaf = _donor_and_leaf()
    leaf()  # an instance sized its values from the leaf's own table
    assert NATIVE.share_keys(leaf, donor) is False
    donor, leaf = _donor_and_leaf()
    obj = leaf()
    obj.x = 1
    del obj
    assert NATIVE.share_keys(leaf, donor) is False


@needs_native
@shares
def test_classes_of_another_layout_do_not_share() -> None:
    donor = type("Donor", (object,), {})
    slotted = type("Slotted", (object,), {"__slots__": ("a", "b", "__dict__")})
    assert NATIVE.share_keys(slotted, donor) is False
    assert NATIVE.share_keys(donor, donor) is False
    no_dict = type("NoDict", (object,), {"__slots__": ()})
    assert NATIVE.share_keys(no_dict, donor) is False
    with pytest.raises(TypeError, match="two classes"):
        NATIVE.share_keys(donor, 1)


def _exercise(classes: list[type], seed: int) -> None:
    """Random attribute edits on instances of ``classes``, checked against dicts."""
    rng = random.Random(seed)
    names = [f"n{i}" for i in range(45)]  # more than a shared table holds (30)
    objects = [cls() for cls in classes for _ in range(3)]
    models: list[dict[str, Any]] = [{} for _ in objects]
    for step in range(3000):
        i = rng.randrange(len(objects))
        obj, model = objects[i], models[i]
        name = rng.choice(names)
        action = rng.random()
        if action < 0.55:
            setattr(obj, name, step)
            model[name] = step
        elif action < 0.75 and model:
            name = rng.choice(list(model))
            delattr(obj, name)
            del model[name]
        elif action < 0.8:
            objects[i] = type(obj)()
            models[i] = {}
            continue
        assert getattr(obj, name, None) == model.get(name)
        if step % 50 == 0:
            for o, m in zip(objects, models):
                assert vars(o) == m
                assert list(vars(o)) == list(m)  # insertion order too


@needs_native
@shares
def test_instances_of_sharing_classes_behave_as_with_tables_of_their_own() -> None:
    donor = type("Donor", (object,), {})
    sharing = [type(f"Leaf{i}", (object,), {}) for i in range(6)]
    assert all(NATIVE.share_keys(leaf, donor) for leaf in sharing)
    _exercise(sharing, seed=1)
    own = [type(f"Own{i}", (object,), {}) for i in range(6)]
    _exercise(own, seed=1)


@needs_native
@shares
def test_mocks_of_one_pool_keep_their_own_attributes() -> None:
    mocks = [turbomock.MagicMock() for _ in range(40)]
    for i, m in enumerate(mocks):
        for j in range(i % 35):
            setattr(m, f"a{j}_{i % 3}", i * j)
    for i, m in enumerate(mocks):
        for j in range(i % 35):
            assert getattr(m, f"a{j}_{i % 3}") == i * j
        assert f"a{i % 35}_{i % 3}" not in vars(m)
        assert isinstance(m.other, turbomock.MagicMock)


_UNDER_THE_DEBUG_ALLOCATOR = """
import gc, random
import turbomock
from turbomock._native import NATIVE
donor = type("Donor", (object,), {})
rng = random.Random(3)
for round in range(200):
    leaves = [type("Leaf", (object,), {}) for _ in range(5)]
    for leaf in leaves:
        NATIVE.share_keys(leaf, donor)
    objs = [leaf() for leaf in leaves for _ in range(3)]
    for o in objs:
        for _ in range(rng.randrange(40)):
            setattr(o, "n%d" % rng.randrange(50), round)
    del objs, leaves
    gc.collect()
mocks = [turbomock.MagicMock() for _ in range(300)]
for m in mocks:
    m.a.b(1)
    m.x = 1
del mocks
gc.collect()
print("ok")
"""


@needs_native
@shares
def test_tables_are_freed_with_the_allocator_that_made_them() -> None:
    """Under PYTHONMALLOC=debug, freeing memory with another allocator than the one
    that made it, or twice, or writing past it, ends the process."""
    env = dict(os.environ, PYTHONMALLOC="debug")
    proc = subprocess.run(
        [sys.executable, "-c", _UNDER_THE_DEBUG_ALLOCATOR],
        env=env, capture_output=True, encoding="utf-8", timeout=120, check=False,
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, "ok"), proc.stderr[-2000:]


def _bytes_per_class(make: Any, count: int = 100) -> float:
    keep: list[Any] = [None] * count
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            keep[i] = make()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / count


@needs_native
@shares
def test_a_leaf_does_not_carry_a_table_of_its_own() -> None:
    donor = type("Donor", (object,), {})

    def shared() -> type:
        leaf = type("Leaf", (object,), {})
        NATIVE.share_keys(leaf, donor)
        return leaf

    own = _bytes_per_class(lambda: type("Leaf", (object,), {}))
    assert own - _bytes_per_class(shared) > 500  # CPython's table for 30 names
