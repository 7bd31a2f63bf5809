"""The class every mock has of its own, taken from a pool instead of made.

The stdlib creates a new class for every mock (7-13 µs each) so that an edit such
as ``type(m).size = PropertyMock()`` reaches ``m`` and no other mock. turbomock
keeps that exactly: every live mock's class (its *leaf*) is its own. What it
avoids is making one each time. Leaves are made in batches, kept in a *pool* per
kind (the leaf's bases, and the *bag* of default magic methods it carries), and
handed to a new mock only when nothing refers to them any more: no live mock, no
variable, no subclass, nothing. ``sys.getrefcount`` tells that exactly, because a
leaf's references are known: its pool's ``members`` and its own ``__mro__``. A
leaf that is ever edited (anything set or deleted on it, which the metaclass
``LeafType`` sees) leaves its pool for good and dies with whoever holds it.

A leaf is named, documented and placed like the stdlib's per-mock class:
``type(m).__mro__[1]`` and ``type(m).__bases__`` are the public class. The magic
methods a ``MagicMock`` supports by default can't live on the public class (a
user's subclass defining ``__len__`` must still be shadowed, and a spec must be
able to take some away) nor in each leaf (80 descriptors a class would cost
more memory than the stdlib's mock). They live in a *bag*, a small class shared
by all mocks supporting the same set, which is the leaf's last base: the MRO
puts it after every mock class and just before ``object``, so Python finds
``len(m)`` there, or, if the bag lacks ``__len__``, nowhere, and raises its own
``TypeError`` as for the stdlib's mock. (What a user's class in between defines,
the leaf shadows with copies of the bag's slots, as the stdlib's leaf would.)
``LeafType`` reports ``__bases__`` without the bag; ``__mro__`` shows it (ABCs'
subclass hooks find ``__len__`` and the like in the ``__dict__`` of a class in
``__mro__``, as on the stdlib's leaf). It must not override
``mro()``: CPython gives classes with a custom ``mro()`` no version tag, which
turns off its attribute caches for them (attribute access was 6x slower).

A leaf of a mock with magic methods remembers its mock in ``_mock_cell`` (a weak
reference), because ``type(m).__str__`` must hand out ``m``'s method.
"""

from __future__ import annotations

import _thread  # threading's C half: see docs/design.md, the import
from _weakref import getweakrefcount  # (weakref's C half: docs/design.md, the import)
from _weakref import ref as _weakref
from itertools import compress
from sys import getrefcount

from turbomock import _messages as msg
from turbomock._base import PUBLIC_MODULE
from turbomock._class_holder import OWN_CLASSES, holder_of
from turbomock._compat import PROPERTYMOCK_ATTRIBUTE_STAYS
from turbomock._magic_names import ALL_MAGICS, is_magic
from turbomock._native import NATIVE
from turbomock._spec import _HEAPTYPE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

_lock = _thread.RLock()
_new_object = object.__new__


_real_bases = type.__dict__["__bases__"]
#: Gives a new leaf the native ``Mock()`` and first access to a child
#: (turbomock/_fast_mocks.c): the common cases of its ``__init__`` and
#: ``NonCallableMock.__getattr__`` without Python frames.
_install_fast_paths: Callable[[type], None] | None = (
    None if NATIVE is None else NATIVE.fast_mocks_install
)

#: Has a new leaf read its pool's attribute-keys table (the probe's) instead of the
#: one CPython made for it, unused: about 1 KB less per mock (turbomock/_shared_keys.c).
_share_keys: Callable[[type, type], bool] | None = None if NATIVE is None else NATIVE.share_keys


def class_attribute(cls: type, name: str, default: Any = None) -> Any:
    """``name`` as the first class in ``cls``'s MRO holding it has it (no descriptor
    runs), else ``default``: what Python's lookup on the class would find."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name, _missing)
        if found is not _missing:
            return found
    return default


class LeafType(type):
    """Metaclass of every leaf: hides its bag from ``__bases__``, and sees edits
    (which end its reuse)."""

    @property
    def __bases__(cls) -> tuple[type, ...]:
        return tuple(b for b in _real_bases.__get__(cls) if b not in _bags)

    @__bases__.setter
    def __bases__(cls, value: tuple[type, ...]) -> None:
        bags = tuple(b for b in _real_bases.__get__(cls) if b in _bags)
        _real_bases.__set__(cls, tuple(value) + bags)

    def __dir__(cls) -> list[str]:
        """``type``'s, with the magic methods of the bags ``__bases__`` hides, which
        ``type.__dir__`` can't see: a bag holds what the stdlib's class would (a
        method deleted, or refused by a spec, changes the mock's bag)."""
        names = set(type.__dir__(cls))
        for klass in cls.__mro__:
            if klass in _bags:
                names.update(n for n in vars(klass) if n in ALL_MAGICS)
        return list(names)

    def __setattr__(cls, name: str, value: Any) -> None:
        retire(cls)
        mock = owner_of(cls)
        if mock is not None and type(mock) is cls:
            # What the stdlib's mock holds as instance attributes stays what the
            # mock's attribute gives, whatever the class gets now: a magic method it
            # made or was given, a function child of its autospec walk.
            st = mock._mock_state
            if is_magic(name):
                magics = st.magics
                if magics is not None and name in magics:
                    mock.__dict__[name] = magics[name]
            else:
                cached = mock.__dict__.get(name)
                if cached is None:
                    if st.autospec is not None:
                        st.autospec.hold_function_child(mock, name)
                elif st.get(name) is cached and name not in (st.assigned or ()):
                    # A child cached on its second use, where the stdlib holds none:
                    # what the class gets now is what the mock's attribute gives.
                    del mock.__dict__[name]
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name: str) -> None:
        value = cls.__dict__.get(name)
        if value is not None and _carried.get(id(value)) is value:
            # A speed-up (add_to_leaves) stands for the inherited method: nothing of
            # its own to delete. (Python's own error, as this version words it, from
            # a class of that name holding nothing.)
            type.__delattr__(type(cls.__name__, (), {"__slots__": ()}), name)
        copied = "_mock_source" in cls.__dict__  # (a copy's inherited ones aren't its own)
        mock = owner_of(cls)
        if mock is None or type(mock) is not cls or not is_magic(name):
            retire(cls)
            type.__delattr__(cls, name)
            return
        # A magic method of this mock's own class. The stdlib's class holds every
        # default one itself, where turbomock's shared bag holds them: one the user
        # replaced (type(m).__len__ = f), or the default itself, is taken out of the
        # bag too, so nothing is left, as with the stdlib (not so for a copy, whose
        # defaults are the original's, inherited).
        bag = None if copied else bag_of(cls)
        in_bag = bag is not None and name in bag.__dict__
        magics = mock._mock_state.magics
        if magics is not None and name in magics:
            # The method it was given: the stdlib's mock holds it as an instance
            # attribute too, which stays; the class no longer has it. (Not a data
            # descriptor, a PropertyMock, before 3.13: setting the instance
            # attribute called it, on the class.)
            given = magics[name] if value is None else magics.pop(name)
            if PROPERTYMOCK_ATTRIBUTE_STAYS or class_attribute(type(given), "__set__") is None:
                mock.__dict__[name] = given
        if value is not None:
            retire(cls)
            type.__delattr__(cls, name)
        if in_bag:
            change_bag(mock, cls._mock_bag_with(bag._mock_slots - {name}))
        elif value is None:
            type.__delattr__(cls, name)  # Python's own error: nothing to delete


def _module_making(meta: type) -> str:
    """The ``__module__`` the stdlib's class of a mock gets: ``type()`` takes it from
    the Python code calling ``type.__new__``, the stdlib's own module unless the
    metaclass has a ``__new__`` in Python (ABCMeta's: ``'abc'``), whose innermost
    one calls it."""
    module = PUBLIC_MODULE
    for klass in meta.__mro__:
        if klass is LeafType or vars(klass).get("__module__") == __name__:
            continue
        found = klass.__dict__.get("__new__")
        function = getattr(found, "__func__", found)
        code_globals = getattr(function, "__globals__", None)
        if code_globals is not None:
            module = code_globals.get("__name__", module)
    return module


#: Leaf metaclasses for public classes whose metaclass is ``type`` or one written
#: in C (others hold theirs: see ``_metaclass_for``).
_metaclasses: dict[type, type] = {type: LeafType}


def _metaclass_for(meta: type) -> type:
    """The leaves' metaclass for a mock class whose metaclass is ``meta``: kept in
    ``_metaclasses`` for ``type`` and metaclasses written in C, else by ``meta``
    itself (a user's metaclass, or one such as ``ABCMeta``: see ``_class_holder``)."""
    registry = _metaclasses if not meta.__flags__ & _HEAPTYPE else holder_of(meta)
    found = registry.get(meta)
    if found is None:
        with _lock:
            found = registry.get(meta)
            if found is None:
                found = registry[meta] = type("LeafType", (LeafType, meta), {})
    return found


#: {first base: what leaves with these bases also carry} (``_async``'s quick call).
_leaf_namespace_hooks: dict[type, Callable[[tuple[type, ...]], dict[str, Any]]] = {}


#: id -> value of everything such hooks gave leaves (long-lived functions): a class
#: edit finds them as not there, as in the stdlib's class, which has none of them.
_carried: dict[int, Any] = {}


def add_to_leaves(first_base: type, hook: Callable[[tuple[type, ...]], dict[str, Any]]) -> None:
    """Have leaves whose bases start with ``first_base`` also carry ``hook(bases)``:
    speed-ups that must not show as an extra class in the MRO."""
    _leaf_namespace_hooks[first_base] = hook


class Pool:
    """The leaves of one kind: same bases, same bag."""

    __slots__ = (
        "bases", "bag", "meta", "namespace", "members", "free", "pop", "children", "probe",
        "abstract", "weak", "recent", "floor", "trimmed_from", "since_trim",
    )

    def __init__(self, bases: tuple[type, ...], bag: type | None) -> None:
        public = bases[-1]
        self.bases = bases
        self.bag = bag
        self.meta = _metaclass_for(type(public))
        namespace: dict[str, Any] = {
            # As the stdlib's, made in its module (or its metaclass's): named by the
            # class's bare name.
            "__module__": _module_making(self.meta),
            "__doc__": public.__doc__,
            "__slots__": (),
            "_mock_pool": self,
        }
        if self.meta is not LeafType:
            # A user's metaclass may read it; type() makes the same from the name,
            # and with one key fewer CPython copies the namespace into a smaller
            # table (about 100 bytes less per leaf).
            namespace["__qualname__"] = public.__name__
        if bag is not None:
            # What a user's class before the bag defines, the bag must still
            # shadow, as the stdlib's per-mock methods do: copies in the leaf.
            slots = bag._mock_slots  # type: ignore[attr-defined]
            for klass in type("Probe", (*bases, bag), {"__slots__": ()}).__mro__[1:]:
                if klass is bag:
                    break
                if getattr(klass, "__module__", "").startswith("turbomock"):
                    continue
                for name in vars(klass):
                    if name in slots and name not in namespace:
                        namespace[name] = bag.__dict__[name]
        hook = _leaf_namespace_hooks.get(bases[0])
        if hook is not None:
            carried = hook(bases)
            namespace.update(carried)
            for value in carried.values():
                _carried[id(value)] = value
        self.namespace = namespace
        #: Every reusable leaf, kept in insertion order: the only reference to an
        #: idle leaf besides its own ``__mro__``; the value is its owner cell.
        self.members: dict[type, list[Any] | None] = {}
        self.free: list[type] = []
        self.pop = self.free.pop
        #: {child name or None: pool} for the children the engine makes directly.
        self.children: dict[Any, Pool | None] = {}
        #: A class with the leaves' MRO minus the leaf: where the fast paths check
        #: the hooks an unedited leaf resolves (one class per pool, so the
        #: lookups stay in CPython's type cache, unlike those on many leaves).
        self.probe: Any = type(public.__name__, bases, {"__slots__": (), "__module__": __name__})
        #: An ABC's abstract methods as the stdlib's leaf (no bag) has them: the
        #: bag's slots must not count as implementing them, so instances still fail.
        self.abstract: frozenset[str] = getattr(self.probe, "__abstractmethods__", frozenset())
        #: The weak references to a leaf nothing remembers (see ``_unremembered``).
        self.weak = -1
        #: Leaves in use at the last few restocks (see ``restock``).
        self.recent: list[int] = []
        #: Never trimmed below this many leaves: raised to the size a trim started
        #: from when the pool had to grow again within a few restocks of it.
        self.floor = 0
        #: The size before the last trim, and the restocks since it.
        self.trimmed_from = 0
        self.since_trim = _RECENT_RESTOCKS + 1

    def make(self, count: int) -> list[type]:
        """Make ``count`` new leaves (the slow part: 6-8 µs each)."""
        made = []
        public = self.bases[-1]
        for _ in range(count):
            namespace = dict(self.namespace)
            cell = None
            if self.bag is not None:
                cell = namespace["_mock_cell"] = [None]
            bases = self.bases if self.bag is None else (*self.bases, self.bag)
            leaf = self.meta(public.__name__, bases, namespace)
            if _share_keys is not None:
                _share_keys(leaf, self.probe)
            # A metaclass that sets attributes as it makes the class (ABCMeta's
            # _abc_impl) went through LeafType.__setattr__: no edit of the user's.
            type.__setattr__(leaf, "_mock_pool", self)
            if _install_fast_paths is not None:
                _install_fast_paths(leaf)
            if self.weak < 0:
                self.weak = getweakrefcount(leaf)  # a new leaf's (subclass registry)
            if self.abstract:
                type.__setattr__(leaf, "__abstractmethods__", self.abstract)
            self.members[leaf] = cell
            made.append(leaf)
        return made


def _scan(members: dict[type, Any], idle: int) -> list[type]:
    """The members nothing refers to (one C loop, no bytecode per leaf)."""
    return list(compress(members, map(idle.__eq__, map(getrefcount, members))))


def _calibrate() -> int:
    """The reference count ``_scan`` sees for an unused leaf. Measured on a leaf no
    local variable ever holds: a Python trace function (pdb, coverage's pure-Python
    tracer) copies locals into ``frame.f_locals``, which would add one."""
    members: dict[type, Any] = {LeafType("Calibration", (), {"__slots__": ()}): None}
    idle = next(map(getrefcount, members)) + 1  # _scan's compress holds each leaf too
    if _scan(members, idle) != list(members):
        raise RuntimeError(msg.LEAF_REFCOUNTS)
    return idle


_IDLE = _calibrate()


#: Leaves a pool keeps ready at least: a restock (a scan and a lock) per this many
#: new mocks at most, whatever dies in between.
_MIN_STOCK = 16

#: The stock of a pool whose mocks die as fast as they come: one restock per this
#: many new mocks (a restock, 3-5 µs, per 16 added 0.1 µs to each ``Mock()``).
_CHURN_STOCK = 64

#: A pool is never trimmed below twice this many idle leaves (about 0.9 MB). The
#: in-use counts restocks see are low just after collections, and with leaves
#: made in small batches restocks are frequent, so the last few can all fall
#: there: a lower floor trimmed a fresh-chain loop's pool by hundreds of leaves
#: and remade them before the next collection, over and over.
_TRIM_FLOOR = 256

#: How many restocks back ``restock`` looks for the demand of a pool.
_RECENT_RESTOCKS = 4


def take(pool: Pool) -> type:
    """A leaf nothing else refers to, for a new mock.

    Leaves in ``free`` were seen unreferenced by the last scan and nothing hands
    them out but this function. (Code that digs one out of ``__subclasses__()``
    or the garbage collector meanwhile could see it become a new mock's class:
    the one way to observe the pool, listed in the README's known differences.)
    Extra references only ever make a leaf look used, never free: the scan errs
    on the safe side under tracers too.
    """
    try:
        return pool.pop()
    except IndexError:
        return restock(pool)


def restock(pool: Pool) -> type:
    """Refill ``pool``'s free list from a scan (making leaves if too few are
    idle) and take one leaf."""
    with _lock:
        free = pool.free
        if not free:
            members = pool.members
            found = _scan(members, _IDLE)
            if found:
                found = _unremembered(pool, found)
            live = len(members) - len(found)
            # In use: live mocks and dead ones the garbage collector has not freed
            # yet (mocks make reference cycles), so the count swings with each
            # collection. The demand is the most in use at the last few restocks:
            # trimming to what is in use just after a collection would remake the
            # leaves before the next one (6-8 µs each).
            recent = pool.recent
            recent.append(live)
            del recent[:-_RECENT_RESTOCKS]
            demand = max(_TRIM_FLOOR, *recent)
            # Grow by an eighth when few leaves are idle: a scan (a C loop over the
            # members, about 10 ns each) per an eighth of the pool's size in new
            # mocks at most, so about 8 steps per mock, and few idle classes (about
            # 1.5 KB each) beyond the mocks alive.
            pool.since_trim += 1
            if len(found) < _MIN_STOCK or len(found) * 8 < len(members):
                if pool.since_trim <= _RECENT_RESTOCKS:
                    # Grown again right after a trim: the restocks' counts missed
                    # the collections' rhythm (the peak comes just before one, the
                    # restocks fell just after). Never trim below that size again.
                    pool.floor = max(pool.floor, pool.trimmed_from)
                found += pool.make(max(_MIN_STOCK - len(found), len(members) // 8))
            elif len(members) < _CHURN_STOCK:
                # Mostly idle, yet small: its mocks die as fast as they come. A
                # bigger stock makes the restocks (a few µs each) rarer.
                found += pool.make(_CHURN_STOCK - len(members))
            elif len(found) > 4 * demand and len(members) > pool.floor:
                # A peak is over: keep twice the demand, let the rest die, so a
                # suite does not carry its largest test's classes to the end.
                keep = max(2 * demand, pool.floor - live)
                pool.trimmed_from, pool.since_trim = len(members), 0
                for leaf in found[keep:]:
                    _drop(pool, leaf)
                del found[keep:]
            free.extend(found)
            del found
        return free.pop()


def _unremembered(pool: Pool, found: list[type]) -> list[type]:
    """The idle leaves nothing refers to weakly either. A leaf something remembers
    weakly (a ``WeakKeyDictionary`` of classes, the caches of ABCs' ``isinstance``
    and of ``singledispatch``) must not come back as another mock's class: the
    stdlib's never does. Those leave the pool and die as the stdlib's would. (One
    C-level pass, as ``_scan``: it runs over every idle leaf at each restock.)"""
    kept = list(compress(found, map(pool.weak.__eq__, map(getweakrefcount, found))))
    if len(kept) != len(found):
        for leaf in set(found).difference(kept):
            _drop(pool, leaf)
    return kept


def _drop(pool: Pool, leaf: type) -> None:
    """Take an idle ``leaf`` out of ``pool`` (the caller holds the lock)."""
    type.__setattr__(leaf, "_mock_pool", None)
    del pool.members[leaf]


def retire(cls: type) -> None:
    """Take ``cls`` out of its pool for good (it was edited, or will be). Its
    mock's children are then made through the hooks, which read the class as it
    is now, as the stdlib's do."""
    pool = cls.__dict__.get("_mock_pool")
    if pool is None:
        return
    type.__setattr__(cls, "_mock_pool", None)
    with _lock:
        if pool.members.pop(cls, _missing) is not _missing:
            try:
                pool.free.remove(cls)
            except ValueError:
                pass


_missing: Any = object()


def magic_of(mock: Any, name: str) -> Any:
    """``mock``'s magic method ``name``, reached through its class (``type(m).__str__``):
    looked up as Python does, but without ``__getattr__``'s say, so what making the
    method raises is raised, as by the stdlib's class-level proxy."""
    lookup: Any = type(mock).__getattribute__
    return lookup(mock, name)


def is_leaf(cls: type) -> bool:
    """Whether ``cls`` is the class of one mock (a leaf, or a copy's class)."""
    return isinstance(cls, LeafType)


def owner_of(cls: type) -> Any:
    """The mock whose class ``cls`` is (None if unknown or gone)."""
    cell = cls.__dict__.get("_mock_cell")
    if cell is None:
        return None
    link = cell[0]
    return None if link is None else link()


def know_owner(mock: Any) -> None:
    """Make ``owner_of(type(mock))`` find ``mock`` (a leaf of any pool; once per
    owner: a leaf taken again by a new mock is told so here)."""
    cls = type(mock)
    cell = cls.__dict__.get("_mock_cell")
    if cell is None:
        # type.__setattr__: an engine field, not an edit that ends the leaf's reuse.
        type.__setattr__(cls, "_mock_cell", [_weakref(mock)])
        return
    link = cell[0]
    if link is None or link() is not mock:
        cell[0] = _weakref(mock)


def remember_owner(mock: Any) -> None:
    """Make ``owner_of(type(mock))`` find ``mock`` (its leaf has no bag)."""
    cls = type(mock)
    cell = cls.__dict__.get("_mock_cell")
    if cell is None:
        cell = [None]
        setattr(cls, "_mock_cell", cell)  # noqa: B010 - through LeafType, on purpose
    cell[0] = _weakref(mock)


_pools: dict[tuple[tuple[type, ...], Any], Pool] = {}


def pool_for(bases: tuple[type, ...], bag: type | None) -> Pool:
    """The pool of leaves with these bases and this bag: in ``_pools`` for
    turbomock's own classes, else held by the mock class (the last base, the one
    its mocks are instances of: see ``_class_holder``)."""
    key = (bases, bag)
    public = bases[-1]
    registry = _pools if public in OWN_CLASSES else holder_of(public)
    pool = registry.get(key)
    if pool is None:
        with _lock:
            pool = registry.get(key)
            if pool is None:
                pool = registry[key] = Pool(bases, bag)
    return pool


class MissingMagic(AttributeError, TypeError):
    """A magic method a mock doesn't support (deleted, or not in its spec).

    Both an AttributeError (``hasattr`` is False) and a TypeError (``len(mock)``
    fails the way it would on an object without ``__len__``)."""


def subclass_for_copy(leaf: type) -> type:
    """What ``type(m)()`` (and so ``copy``) gets: a new class derived from ``m``'s,
    as with the stdlib. Until the new mock's ``__init__`` runs (a copy's never
    does), its magic methods are what ``m``'s class has (see
    ``MagicSlot.__get__``); ``_mock_source`` marks it so, and keeps ``m`` alive as
    the stdlib's inherited methods do."""
    owner = owner_of(leaf)
    namespace: dict[str, Any] = {
        "__module__": PUBLIC_MODULE,
        "__qualname__": leaf.__name__,
        "__doc__": leaf.__doc__,
        "__slots__": (),
        "_mock_pool": None,  # its children are made through _get_child_mock
        "_mock_source": owner,  # (None: a Mock with no magic methods yet)
        "_mock_cell": [None],  # its own mock, once known (settle_copy, or its __init__)
    }
    extra = None if owner is None else owner._mock_state.extra
    if extra is not None and extra.check_sig is not None:
        # The stdlib's autospec checks calls through its class (_mock_check_sig),
        # which a derived class inherits: its mocks check theirs the same way.
        namespace["_mock_inherited_check"] = extra.check_sig
    return type(leaf)(leaf.__name__, (leaf,), namespace)


def forget_source(cls: type) -> None:
    """A derived class's mock was initialised: its magic methods are its own from
    now on (the stdlib's ``__init__`` gives it methods of its own)."""
    if "_mock_source" in cls.__dict__:
        type.__delattr__(cls, "_mock_source")
        type.__setattr__(cls, "_mock_cell", [None])  # its own mock is not known yet


def change_bag(mock: Any, bag: type | None) -> None:
    """Give ``mock``'s class another bag of default magic methods, in place (its
    class stays the same object, as with the stdlib)."""
    cls = type(mock)
    bases = _real_bases.__get__(cls)
    if bag is not None and bag in bases:
        return
    retire(cls)
    if owner_of(cls) is None:
        remember_owner(mock)
    kept = tuple(b for b in bases if b not in _bags)
    _real_bases.__set__(cls, kept if bag is None else (*kept, bag))


def own_bag(cls: type) -> type | None:
    """The bag among ``cls``'s own bases (one ``change_bag`` gave it), if any."""
    return next((b for b in _real_bases.__get__(cls) if b in _bags), None)


def bag_of(cls: type) -> type | None:
    """The bag in ``cls``'s MRO, if any."""
    for klass in cls.__mro__:
        if klass in _bags:
            return klass
    return None


def make_bag(names: frozenset[str], slot: Any) -> type:
    """A bag class carrying ``slot(name)`` for each of ``names``."""
    bag = type("MagicSlots", (), {"__slots__": (), "_mock_slots": names})
    # Set after creation: ``__eq__`` in a class body would set ``__hash__`` to None.
    for name in names:
        type.__setattr__(bag, name, slot(name))
    _bags.add(bag)
    return bag


#: Every bag class (bags live as long as the process: one per set of methods).
_bags: set[type] = set()
