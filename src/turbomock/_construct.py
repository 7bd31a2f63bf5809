"""How a mock comes to be: ``__new__`` (a class of its own, from a pool) and the
engine's ``__init__`` (the state, the spec, the configuration).

Every mock class's ``__new__`` is ``new_mock``; ``init_mock`` is
``CallableMixin.__init__`` and does the slow part of ``NonCallableMock.__init__``.
Both set only what differs from the defaults: ``Mock()`` takes a pooled class and
one ``MockState``."""

from __future__ import annotations

from _weakref import ref as _weakref  # (weakref's C half: docs/design.md, the import)
from types import FunctionType

import turbomock
from turbomock import _messages as msg
from turbomock import _mock
from turbomock._base import named_as
from turbomock._base import set_state as _set_state
from turbomock._call_state import book_if_unnameable
from turbomock._class_holder import OWN_CLASSES, holder_of
from turbomock._compat import (
    NEW_BINDS_SPEC_EXPLICITLY,
    REJECT_MOCK_AS_SPEC,
    STATIC_ASYNC_SPEC_SCAN,
)
from turbomock._mock_type import (
    Pool,
    forget_source,
    is_leaf,
    pool_for,
    restock,
    subclass_for_copy,
    take,
)
from turbomock._sentinels import DEFAULT, _missing
from turbomock._signatures import function_signature, signature_object
from turbomock._spec import is_list, spec_for, spec_for_class, spec_from_list
from turbomock._spec_plan import HEAPTYPE, plan_for, planned_signature, planned_spec, type_version
from turbomock._state import MockState, new_extra, new_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_new_object = object.__new__
#: The constructors that only run ``init_mock``'s work: children of classes using
#: them can be built directly (see ``_children``).
ENGINE_INITS: list[Any] = []
#: ``(class, __init__)`` of the mixins whose ``__init__`` only passes its arguments
#: on with ``super().__init__`` (MagicMixin's, AsyncMockMixin's): the native core
#: (``_fast_mocks.c``) looks through them for the engine's ``__init__`` below.
PASSING_INITS: list[tuple[type, Any]] = []


#: ``cls`` -> the pool its instances come from when made without a spec, for
#: turbomock's own classes; a user's class holds its own under ``_DEFAULT_POOL``.
_default_pools: dict[type, Pool] = {}
_DEFAULT_POOL = "default pool"

#: ``NonCallableMock.__init__``'s parameters after ``self``: what the stdlib's
#: ``__new__`` binds the arguments to when deciding on an async class.
_INIT_PARAMETERS = (
    "spec", "wraps", "name", "spec_set", "parent", "_spec_state", "_new_name",
    "_new_parent", "_spec_as_instance", "_eat_self", "unsafe",
)


def _async_spec_before_312(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Before 3.12 the stdlib's ``__new__`` binds its arguments partially to
    ``__init__``'s signature and looks at ``spec_set`` if bound (even None), else
    ``spec``; binding errors are ``bind_partial``'s."""
    if not args and "self" not in kwargs:  # keywords alone bind as they are
        return kwargs["spec_set"] if "spec_set" in kwargs else kwargs.get("spec")
    if len(args) > len(_INIT_PARAMETERS):
        raise TypeError(msg.TOO_MANY_POSITIONAL)
    bound = dict(zip(_INIT_PARAMETERS, args))
    for key in kwargs:
        if key in bound or key == "self":
            raise TypeError(msg.multiple_values(key))
    if "spec_set" in kwargs or "spec_set" in bound:
        return kwargs["spec_set"] if "spec_set" in kwargs else bound["spec_set"]
    return kwargs["spec"] if "spec" in kwargs else bound.get("spec")


def _bound_from_312(args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """From 3.12 the stdlib's ``__new__`` has ``__init__``'s parameters, so its own
    binding errors, for every kind of mock: the arguments as bound."""
    if not args and "cls" not in kwargs:  # keywords alone bind as they are
        return kwargs
    if len(args) > len(_INIT_PARAMETERS):
        raise TypeError(msg.new_too_many_positional(len(args) + 1))
    taken = {"cls", *_INIT_PARAMETERS[: len(args)]}
    for key in kwargs:
        if key in taken:
            raise TypeError(msg.new_multiple_values(key))
    bound = dict(zip(_INIT_PARAMETERS, args))
    bound.update(kwargs)
    return bound


def _async_spec_from_312(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """From 3.12 the stdlib's ``__new__`` looks at ``spec_set or spec`` (of a kind
    that is not async already: see ``_pool_for_new``)."""
    bound = _bound_from_312(args, kwargs)
    return bound.get("spec_set") or bound.get("spec")


_async_spec = _async_spec_from_312 if NEW_BINDS_SPEC_EXPLICITLY else _async_spec_before_312


def _pool_for_new(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Pool | None:
    """Which pool a new ``cls`` mock takes its class from (None: ``cls`` is the
    class of another mock, so the new one derives its own from it, as with the
    stdlib). The bag follows the spec ``__init__`` will most likely get (it
    corrects the bag if not)."""
    if is_leaf(cls):
        return None
    bases: tuple[type, ...] = (cls,)
    asyncs = turbomock._async  # (it imports this module: read at call time)
    if not issubclass(cls, asyncs.AsyncMockMixin):
        async_spec = _async_spec(args, kwargs)
        if async_spec is not None and asyncs._is_async_obj(async_spec):
            bases = (asyncs._async_mixin_for(cls), cls)
    elif NEW_BINDS_SPEC_EXPLICITLY:
        # 3.12+: __new__'s own parameters bind for every kind (an async kind never
        # looks at the spec: not even at its truth, which a mock would record).
        _bound_from_312(args, kwargs)
    # The engine's __init__ takes this spec; another __init__ decides for itself
    # (the bag is then set when it applies a spec).
    spec = None
    if cls.__init__ in ENGINE_INITS:
        spec = kwargs.get("spec_set")
        if spec is None:
            spec = kwargs["spec"] if "spec" in kwargs else args[0] if args else None
    pool = pool_for(bases, cls._mock_bag_for(spec))
    if not args and not kwargs:
        if cls in OWN_CLASSES:
            _default_pools[cls] = pool
        else:  # (held by the class, with its pools: see _class_holder)
            holder_of(cls)[_DEFAULT_POOL] = pool
    return pool


def _planned_pool(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Pool | None:
    """``_pool_for_new``'s answer for ``cls(spec=C)`` (or ``spec_set=C``), C a
    plain class, as its plan keeps it (None: work it out)."""
    if args or type(cls) is not type or "cls" in kwargs or "self" in kwargs:
        return None
    # The spec each decision looks at (see _async_spec and _pool_for_new): the
    # same class, or no plan.
    spec = kwargs.get("spec_set")
    if spec is None:
        if "spec_set" in kwargs:
            return None
        spec = kwargs.get("spec")
    pools: dict[Any, tuple[int, Pool]]
    key: Any
    if type(spec) is type and spec.__flags__ & HEAPTYPE:
        plan = plan_for(spec)
        if plan is None:
            return None
        pools, key = plan.pools, cls
    elif type(spec) is FunctionType and not spec.__dict__:
        # Such a function's names are FunctionType's; whether it makes the mock
        # async, its code's flags alone tell (see _is_async_obj).
        pools, key = _function_pools, (cls, spec.__code__.co_flags & _CO_COROUTINE)
    else:
        return None
    entry = pools.get(key)
    tag = type_version(cls)
    if entry is not None and entry[0] == tag:
        return entry[1]
    pool = _pool_for_new(cls, args, kwargs)
    # (Kept for turbomock's own classes only: an entry for a user's class would
    # keep it alive, see _class_holder; its pools are found through it instead.)
    if pool is not None and tag and cls in OWN_CLASSES:
        pools[key] = (tag, pool)
    return pool


#: (mock class, whether async) -> (the class's version tag, the pool its mocks
#: specced on a plain function without attributes take their classes from)
_function_pools: dict[Any, tuple[int, Pool]] = {}
_CO_COROUTINE = 0x80


def instance(pool: Pool) -> Any:
    """A bare mock object whose class, a leaf of ``pool``, is its own."""
    leaf: Any = take(pool)
    mock: Any = _new_object(leaf)
    if pool.bag is not None:
        # Its magic methods are read off the class too: the leaf names its mock.
        leaf._mock_cell[0] = _weakref(mock)
    return mock


#: Keyword arguments that make ``_pool_for_new`` decide anew (a spec), or fail as
#: the stdlib's binding of them does: without them, a mock takes its kind's default
#: pool, the one ``cls()`` takes (``Mock(name='x')``, ``patch``'s mocks).
_DECIDING_KEYWORDS = frozenset({"spec", "spec_set", "cls", "self"})


def new_mock(cls: Any, /, *args: Any, **kwargs: Any) -> Any:
    """``__new__`` of every mock class: a mock with a class of its own."""
    pool = _default_pools.get(cls)
    if pool is None and cls not in OWN_CLASSES:
        pool = holder_of(cls).get(_DEFAULT_POOL)
    if pool is None or args or (kwargs and not _DECIDING_KEYWORDS.isdisjoint(kwargs)):
        pool = _planned_pool(cls, args, kwargs) or _pool_for_new(cls, args, kwargs)
        if pool is None:
            return _new_object(subclass_for_copy(cls))
        return instance(pool)
    # _instance(pool), inline: Mock() is mostly this.
    leaf: Any
    try:
        leaf = pool.pop()
    except IndexError:
        leaf = restock(pool)
    mock: Any = _new_object(leaf)
    if pool.bag is not None:
        leaf._mock_cell[0] = _weakref(mock)
    return mock


new_mock.__qualname__ = "NonCallableMock.__new__"


def apply_spec(st: MockState, spec: Any, spec_set: Any, as_instance: bool, eat_self: bool) -> None:
    if REJECT_MOCK_AS_SPEC and _mock._is_instance_mock(spec):
        raise _mock.InvalidSpecError(msg.mock_as_spec(spec))
    if type(spec) is type and spec.__flags__ & HEAPTYPE:
        plan = plan_for(spec)
        if plan is not None:
            signature = planned_signature(plan, spec, as_instance, eat_self)
            _apply(st, spec, spec_set, signature, planned_spec(plan, spec), False)
            return
    elif type(spec) is FunctionType and not spec.__dict__:
        # (What signature_object and spec_for would find, without their questions.)
        signature = function_signature(spec, spec, False, eat_self)
        _apply(st, spec, spec_set, signature, spec_for_class(FunctionType), False)
        return
    listed = is_list(spec)
    signature = None
    if spec is not None and not listed:
        # Worked out now, as the stdlib does: a function or class changed after the
        # mock is made does not change what its calls are matched by. What it raises
        # (a spec that can't be called) is raised before anything changes.
        found = signature_object(spec, as_instance, eat_self)
        if found is not None:
            signature = found[1]
    # Worked out before anything changes: what it raises leaves the mock as it was.
    new_spec = None if spec is None else spec_from_list(spec) if listed else spec_for(spec)
    if not STATIC_ASYNC_SPEC_SCAN and isinstance(spec, type) and new_spec is not None:
        new_spec = new_spec.read_as_applied()  # (before 3.13: see there)
    _apply(st, spec, spec_set, signature, new_spec, listed)


def _apply(
    st: MockState, spec: Any, spec_set: Any, signature: Any, new_spec: Any, listed: bool
) -> None:
    """Give the state what ``apply_spec`` worked out."""
    extra = st.extra
    if extra is None:
        if spec is None and not spec_set:
            st.spec = None
            return
        extra = st.extra = new_extra()
    extra.spec_signature = signature
    extra.spec_set = spec_set
    # A list (or tuple) of names is the stdlib's _mock_methods itself, read live:
    # names the user adds to it later count (else the new spec decides).
    extra.methods = spec if listed else _missing
    st.spec = new_spec
    if spec is None or listed:
        extra.spec_class = None
    else:
        extra.spec_class = spec if isinstance(spec, type) else type(spec)


def inherit_check(mock: Any, st: MockState) -> None:
    """A mock whose class derives from an autospecced mock's (``type(m)()``, the
    children of a copy): it checks its calls by the same signature, as the
    stdlib's inherits its class's ``_mock_check_sig`` (see ``subclass_for_copy``)."""
    check = getattr(type(mock), "_mock_inherited_check", None)
    if check is not None:
        st.check_sig = check


@named_as("CallableMixin.__init__")
def init_mock(
    self: Any,
    spec: Any = None,
    side_effect: Any = None,
    return_value: Any = DEFAULT,
    wraps: Any = None,
    name: Any = None,
    spec_set: Any = None,
    parent: Any = None,
    _spec_state: Any = None,
    _new_name: Any = "",
    _new_parent: Any = None,
    **kwargs: Any,
) -> None:
    """Every mock constructor: ``Mock.__init__`` itself, called by the others.
    Sets only what differs from the defaults. (``unsafe``, ``_spec_as_instance``
    and ``_eat_self`` come in ``kwargs``, so the signature is the stdlib's.)"""
    if (
        spec is None
        and parent is None
        and _new_parent is None
        and wraps is None
        and spec_set is None
        and side_effect is None
        and name is None
        and return_value is DEFAULT
        and not kwargs
        and type(_new_name) is str
        and type(self)._mock_pool is not None
    ):
        # Mock() and the like: only the state (a pooled leaf has its magic
        # methods already). _spec_state is unused, as by the stdlib.
        _set_state(self, new_state(None, None, None, _new_name))
        return
    if kwargs:
        unsafe = kwargs.pop("unsafe", False)
        _spec_as_instance = kwargs.pop("_spec_as_instance", False)
        _eat_self = kwargs.pop("_eat_self", None)
    else:
        unsafe = _spec_as_instance = False
        _eat_self = None
    st = new_state(parent, name, parent if _new_parent is None else _new_parent, _new_name)
    if wraps is not None:
        st.wraps = wraps
    if unsafe:
        st.unsafe = True
    if return_value is not DEFAULT:
        st.return_value = return_value
    _set_state(self, st)
    if type(self)._mock_pool is None:
        inherit_check(self, st)
    if parent is not None or type(_new_name) is not str:
        book_if_unnameable(st)
    if spec_set is not None:
        spec, spec_set = spec_set, True  # spec_set=X is spec=X, spec_set=True
    if spec is not None:
        if _eat_self is None:
            _eat_self = parent is not None
        apply_spec(st, spec, spec_set, _spec_as_instance, _eat_self)
        if self._mock_default_slots is not None:
            if type(self)._mock_pool is None:
                forget_source(type(self))  # type(m)(spec=...): see below
            self._mock_set_magics()
    else:
        if spec_set is not None:
            st.spec_set = spec_set
        if type(self)._mock_pool is None and self._mock_default_slots is not None:
            # type(m)() (or an edited class): the stdlib's __init__ gives the
            # mock magic methods of its own.
            forget_source(type(self))
            self._mock_set_magics()
    if kwargs:
        self.configure_mock(**kwargs)
    if side_effect is not None:
        st.side_effect = _mock._try_iter(side_effect)
