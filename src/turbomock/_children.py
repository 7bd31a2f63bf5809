"""Children: which names a mock makes a child for, of which class, and how.

A child is made on first access and cached in the state (and, from the second
access, as an instance attribute). Where the mock's class and the child's class
use the engine's own hooks, the child is built directly from a pool
(``direct_pool``); otherwise through ``_get_child_mock``, as the stdlib does."""

from __future__ import annotations

import turbomock
from turbomock import _messages as msg
from turbomock import _mock
from turbomock._assertions import AssertionMethods
from turbomock._base import named_as
from turbomock._base import set_state as _set_state
from turbomock._compat import (
    ALL_ASSERT_TYPOS,
    REJECT_ASSERT_NAMES_WITHOUT_PREFIX,
    SEAL_AFTER_ASYNC_SPEC_CHILDREN,
)
from turbomock._construct import ENGINE_INITS, instance, new_mock
from turbomock._magic_names import ALL_SYNC_MAGICS, ASYNC_METHOD_MAGICS, is_magic
from turbomock._mock_type import Pool, is_leaf, pool_for
from turbomock._sentinels import _deleted, _missing
from turbomock._state import MockState, extract_mock_name, new_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ASSERT_PREFIXES = (
    ("assert", "assret", "asert", "aseert", "assrt") if ALL_ASSERT_TYPOS else ("assert", "assret")
)
#: From 3.12, names such as ``called_once`` (an assertion without its prefix) too.
_ATTRIB_DENY_LIST = (
    frozenset(n[len("assert_"):] for n in vars(AssertionMethods) if n.startswith("assert_"))
    if REJECT_ASSERT_NAMES_WITHOUT_PREFIX
    else frozenset()
)


_NO_CHILD = frozenset({"_mock_state", "_mock_methods", "_mock_unsafe"})

#: Names seen to be ordinary attribute names (not magic, not an assert typo, not
#: internal): they skip ``_check_name``. Bounded, it only ever saves time.
PLAIN_NAMES: set[str] = set()


def check_name(st: MockState, spec: Any, name: str) -> None:
    """Refuse names a mock must not create a child for (magic names, assert
    typos unless ``unsafe``, the engine's internals)."""
    if name in _NO_CHILD:
        raise AttributeError(name)
    if spec is None and type(name) is not str:
        # ``m.__getattr__(1)``: fail as the stdlib's test of the name's shape does.
        "__%s__" % name[2:-2]  # noqa: UP031
    if spec is None and is_magic(name):
        raise AttributeError(name)
    if name.startswith(_ASSERT_PREFIXES) or name in _ATTRIB_DENY_LIST:
        if not st.unsafe and (spec is None or not ALL_ASSERT_TYPOS or not spec.names):
            raise AttributeError(msg.invalid_assertion(name))
        return
    if type(name) is str and not is_magic(name) and len(PLAIN_NAMES) < 10_000:
        # (Exact strs only: looking a name up in the set then runs no user code.)
        PLAIN_NAMES.add(name)


@named_as("NonCallableMock._get_child_mock")
def get_child_mock(self: Any, /, **kw: Any) -> Any:
    """Create the child mocks for attributes and return value.

    Children are of the parent's type, except that non-callable mocks get
    callable children, async spec attributes get AsyncMocks, and so on as the
    stdlib does. Subclasses may override this."""
    st = self._mock_state
    new_name = kw.get("_new_name")
    spec = st.spec
    extra = st.extra
    if extra is not None and extra.spec_asyncs is not _missing:
        is_async = new_name in extra.spec_asyncs
    else:
        is_async = spec is not None and spec.is_async(new_name)
    # 3.9 makes an async spec attribute even on a sealed mock.
    if st.sealed and not (is_async and SEAL_AFTER_ASYNC_SPEC_CHILDREN):
        mock_name = extract_mock_name(st)
        raise AttributeError(
            msg.sealed_attribute(mock_name, kw["name"])
            if "name" in kw
            else msg.sealed_return_value(mock_name)
        )
    if is_async:
        return turbomock._async.AsyncMock(**kw)
    return child_class(type(self), new_name, spec)(**kw)


def direct_pool(self: Any, key: Any) -> Pool | None:
    """The pool of the child ``key`` (None: an attribute; ``"()"``: the return
    value; a magic method's name) when the engine may build it directly, as the
    class's ``_get_child_mock`` and the child class's constructor would."""
    cls = type(self)
    pool = cls._mock_pool
    if pool is None or pool.probe._get_child_mock is not get_child_mock:
        return None
    cpool: Pool | None = pool.children.get(key, _missing)
    if cpool is _missing:
        cpool = child_pool(pool, key, cls)
    if cpool is None:
        return None
    probe = cpool.probe
    if probe.__new__ is new_mock and probe.__init__ in ENGINE_INITS:
        return cpool
    return None


def child_pool(pool: Pool, key: Any, leaf: type) -> Pool | None:
    """Work out (once per pool and key) which pool such children come from;
    ``leaf`` is an unedited leaf of ``pool``."""
    klass = child_class(leaf, None if key == "()" else key, None)
    found = None if is_leaf(klass) else pool_for((klass,), klass._mock_bag_for(None))
    pool.children[key] = found
    return found


def built_as_unspecced(self: Any, st: MockState, name: str) -> bool:
    """Whether the child ``name`` of ``self``, a specced mock, is built as that of an
    unspecced one: its spec decides a child's class only where ``get_child_mock``
    lets it, for an async attribute (``_spec_asyncs`` when set by hand) or any
    child of an AsyncMock."""
    extra = st.extra
    return (
        (extra is None or extra.spec_asyncs is _missing)
        and not st.spec.is_async(name)
        and not issubclass(type(self), turbomock._async.AsyncMockMixin)
    )


def new_child(self: Any, st: MockState, name: str) -> Any:
    """Create, cache and return the child mock for attribute ``name``: straight
    from the child pool where the class's hooks are the engine's (``direct_pool``),
    else through ``_get_child_mock`` as the stdlib does. (The native core does the
    first for a mock with no ``extra``, see ``_fast_mocks.c``.)"""
    extra = st.extra
    child: Any
    if extra is None:  # no spec, wraps or seal
        direct = True
    else:
        # (An autospec without a spec, of a data descriptor, still builds walked children.)
        direct = extra.spec_asyncs is _missing and extra.autospec is None
        if direct and st.spec is not None:
            direct = built_as_unspecced(self, st, name)
    cpool = direct_pool(self, None) if direct else None
    if cpool is not None and extra is None:  # the common case: a fresh chain is mostly this
        child = instance(cpool)
        _set_state(child, new_state(self, name, self, name))
    elif cpool is not None:
        wraps = st.wraps
        wrapped = None if wraps is None else getattr(wraps, name)
        if extra is not None and extra.sealed:
            raise AttributeError(msg.sealed_attribute(extract_mock_name(st), name))
        child = instance(cpool)
        cst = new_state(self, name, self, name)
        if wrapped is not None:
            cst.wraps = wrapped
        _set_state(child, cst)
    else:
        plan = None if extra is None else extra.autospec
        child = None if plan is None else plan.child(self, name)
        if child is None:
            wraps = st.wraps
            wrapped = None if wraps is None else getattr(wraps, name)
            child = self._get_child_mock(
                parent=self, name=name, wraps=wrapped, _new_name=name, _new_parent=self
            )
    # setdefault is atomic: if two threads race, both get the same child.
    winner = st.setdefault(name, child)
    if winner is not child:
        if winner is not _deleted:
            return winner
        st[name] = child
    return child


def new_return_value(self: Any, st: MockState) -> Any:
    # Unlike attributes, a return value doesn't depend on the spec ('()' is never
    # an attribute name), so specced mocks take the direct path too; not with
    # ``_spec_asyncs`` set by hand, which _get_child_mock asks about '()'.
    extra = st.extra
    direct = extra is None or extra.spec_asyncs is _missing
    cpool = direct_pool(self, "()") if direct else None
    if cpool is not None:
        if extra is not None and extra.sealed:
            raise AttributeError(msg.sealed_return_value(extract_mock_name(st)))
        child: Any = instance(cpool)
        _set_state(child, new_state(None, None, self, "()"))
        return child
    return self._get_child_mock(_new_parent=self, _new_name="()")


def child_class(cls: type, new_name: Any, spec: Any) -> Any:
    """Which mock class a child named ``new_name`` of a ``cls`` mock gets (the
    class after the mock's own in its MRO, unless a rule below applies)."""
    # (The kinds below are defined by modules importing this one: read at call time.)
    magic_mock = turbomock._magic.MagicMock
    if issubclass(cls, magic_mock) and new_name in ASYNC_METHOD_MAGICS:
        return turbomock._async.AsyncMock
    if issubclass(cls, turbomock._async.AsyncMockMixin):
        if new_name in ALL_SYNC_MAGICS or (spec is not None and new_name in spec.names):
            return magic_mock
        return turbomock._async.AsyncMock
    if not issubclass(cls, _mock.CallableMixin):
        if issubclass(cls, turbomock._magic.NonCallableMagicMock):
            return magic_mock
        return _mock.Mock
    return cls.__mro__[1] if is_leaf(cls) else cls
