"""``MagicMock`` and ``NonCallableMagicMock``: mocks with the magic methods set up.

The stdlib gives every MagicMock a class of its own and installs ~80 proxies on
it. Here the magic methods are descriptors defined once on ``MagicMixin``; each
creates its method mock on the instance the first time it is used, with the
stdlib's default behaviour (``len`` 0, ``int`` 1, identity ``==`` ...).
"""

from __future__ import annotations

from turbomock import _messages as msg
from turbomock._attributes import passthrough
from turbomock._base import Base
from turbomock._base import set_state as _set_state
from turbomock._base import state_of as _get_state
from turbomock._children import built_as_unspecced, direct_pool
from turbomock._class_holder import own_classes
from turbomock._class_signatures import defined_here
from turbomock._compat import MAGIC_RESET_KEEPS_RETURN, PROPERTYMOCK_ATTRIBUTE_STAYS
from turbomock._construct import ENGINE_INITS, PASSING_INITS, instance
from turbomock._magic_names import (
    CALCULATED_RETURN_VALUES,
    DEFAULT_MAGICS,
    RETURN_VALUES,
)
from turbomock._magic_slots import DescribedMagicSlot, MagicSlot
from turbomock._mock import (
    Mock,
    NonCallableMock,
    _is_instance_mock,
)
from turbomock._mock_type import change_bag, is_leaf, make_bag, own_bag, pool_for
from turbomock._sentinels import DEFAULT, _deleted, _missing
from turbomock._spec import Spec, is_list, spec_for, spec_from_list
from turbomock._state import MockState, extract_mock_name, new_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _AsyncIterator:
    """What a MagicMock's ``__aiter__`` returns: iterates a plain iterator."""

    def __init__(self, iterator: Any) -> None:
        self.iterator = iterator

    def __aiter__(self) -> _AsyncIterator:
        return self

    async def __anext__(self) -> Any:
        for item in self.iterator:  # the next item, if there is one
            return item
        raise StopAsyncIteration


# The factories of the default side effects are named as the stdlib's: an effect
# called wrongly (``m.__iter__(1)``) is named in the error by its qualified name.
def _get_eq(owner: Any, st: MockState) -> Any:
    def __eq__(other: Any) -> Any:
        value = st.return_value
        if value is not DEFAULT:
            return value
        return True if owner is other else NotImplemented

    return __eq__


def _get_ne(owner: Any, st: MockState) -> Any:
    def __ne__(other: Any) -> Any:
        if st.return_value is not DEFAULT:
            return DEFAULT
        return False if owner is other else NotImplemented

    return __ne__


def _get_iter(owner: Any, st: MockState) -> Any:
    def __iter__() -> Any:
        value = st.return_value
        return iter([]) if value is DEFAULT else iter(value)

    return __iter__


def _get_async_iter(owner: Any, st: MockState) -> Any:
    def __aiter__() -> Any:
        value = st.return_value
        return _AsyncIterator(iter([]) if value is DEFAULT else iter(value))

    return __aiter__


_SIDE_EFFECTS = {
    "__eq__": _get_eq,
    "__ne__": _get_ne,
    "__iter__": _get_iter,
    "__aiter__": _get_async_iter,
}


#: name -> (how, what): a default magic method's return value, fixed or worked out
#: from its mock, or its side effect (one lookup per new method mock).
_DEFAULTS: dict[str, tuple[str, Any]] = {
    **{name: ("effect", make) for name, make in _SIDE_EFFECTS.items()},
    **{name: ("computed", compute) for name, compute in CALCULATED_RETURN_VALUES.items()},
    **{name: ("fixed", value) for name, value in RETURN_VALUES.items()},
}


def _configure_default(owner: Any, child: Any, name: str) -> None:
    """Give a freshly made magic method mock the stdlib's default behaviour."""
    how, what = _DEFAULTS.get(name, ("none", None))
    if how == "fixed":
        _get_state(child).return_value = what
    elif how == "computed":
        _get_state(child).return_value = what(owner)
    elif how == "effect":
        cst = _get_state(child)
        cst.side_effect = what(owner, cst)


def _make_default(owner: Any, st: MockState, name: str) -> Any:
    if st.spec is None:  # (_spec_asyncs set by hand: _get_child_mock asks it)
        extra = st.extra
        direct = extra is None or extra.spec_asyncs is _missing
    else:
        direct = built_as_unspecced(owner, st, name)
    cpool = direct_pool(owner, name) if direct else None
    if cpool is not None:
        if st.sealed:
            raise AttributeError(msg.sealed_attribute(extract_mock_name(st), name))
        child: Any = instance(cpool)
        _set_state(child, new_state(None, name, owner, name))
    else:
        child = owner._get_child_mock(name=name, _new_name=name, _new_parent=owner)
    try:
        _configure_default(owner, child, name)
    finally:
        # setdefault is atomic: if two threads race, both get the same method mock.
        # Kept even when working out its default fails (``str()`` of a mock whose
        # repr raises): the stdlib sets the method before it works that out.
        winner = st.magic_dict().setdefault(name, child)
        if winner is child:
            st[name] = child
    return winner


class _DefaultMagicSlot(MagicSlot):
    """A magic method MagicMock supports by default, made on first use."""

    __slots__ = ()

    def missing(self, obj: Any) -> Any:
        name = self.name
        st = _get_state(obj)
        extra = st.extra
        if extra is not None:
            # Still here though the spec lacks it: a spec added by a class whose
            # mock_add_spec keeps the magic methods (AsyncMock), or _mock_methods
            # set by hand. The stdlib's method, made now, is refused by the spec.
            methods = extra.allowed_names()
            if methods is not None and name not in methods:
                raise AttributeError(msg.no_attribute(name))
        return _make_default(obj, st, name)


if TYPE_CHECKING:
    from turbomock._magic_types import DefaultMagics as _MagicBase
else:
    _MagicBase = Base


class MagicMixin(_MagicBase):
    """Gives a mock class the default magic methods (see ``_DefaultMagicSlot``)."""

    if TYPE_CHECKING:  # provided by NonCallableMock
        _mock_state: MockState
        _mock_pool: Any

    _mock_default_slots: frozenset[str] | None = DEFAULT_MAGICS

    if not TYPE_CHECKING:  # type checkers see the engine's signature

        def __init__(self, /, *args: Any, **kwargs: Any) -> None:
            # The stdlib's MagicMock and NonCallableMagicMock have this __init__ (its
            # name shows in inspect and introspection). Their magic methods were
            # given by __new__, in the class's bag; a mock made from a pool never
            # comes here (see ENGINE_INITS).
            super().__init__(*args, **kwargs)

    @classmethod
    def _mock_bag_with(cls, slots: frozenset[str]) -> type:
        """The bag carrying exactly ``slots`` (one per set, shared)."""
        bag = _bags.get(slots)
        if bag is None:
            bag = _bags.setdefault(slots, make_bag(slots, _DefaultMagicSlot))
        return bag

    @classmethod
    def _mock_bag_for(cls, spec: Any) -> type | None:
        defaults = cls._mock_default_slots or DEFAULT_MAGICS
        if spec is None:
            return cls._mock_bag_with(defaults)
        if _is_instance_mock(spec):
            return cls._mock_bag_with(defaults)  # refused by __init__ (3.11+), or later
        try:
            found = spec_from_list(spec) if is_list(spec) else spec_for(spec, scan=False)
        except Exception:
            return cls._mock_bag_with(defaults)  # __init__ fails the same way, as it should
        return cls._mock_bag_with(found.magic_slots(defaults))

    def _mock_set_magics(self) -> None:
        """Support exactly the magic methods the spec has (all of them without a
        spec); configured ones the spec lacks are deleted, as by the stdlib."""
        st = _get_state(self)
        spec = st.spec
        defaults = self._mock_default_slots or DEFAULT_MAGICS
        cls = type(self)
        pool = cls._mock_pool
        if pool is not None and not st.magics:
            # A pooled leaf (never a copy's class) with no magic method configured
            # and the bag its spec asks for (its pool was chosen for the spec):
            # nothing to change. (Another bag takes it out of its pool: below.)
            bag = self._mock_bag_with(defaults if spec is None else spec.magic_slots(defaults))
            if bag is pool.bag:
                return
        if "_mock_source" in cls.__dict__:
            _set_magics_of_copy(self, spec, defaults)
            return
        if spec is None:
            change_bag(self, self._mock_bag_with(defaults))
            if cls._mock_pool is None:
                _shadow_inherited(cls)
            return
        names = spec.names
        magics = st.magics
        if magics:
            for name in [n for n in magics if n not in names]:
                del magics[name]
                if type(cls.__dict__.get(name)) is DescribedMagicSlot:
                    # A PropertyMock set as the method sits on this class itself
                    # (as the stdlib's): it goes with it, and stays a child unless
                    # the stdlib's instance holds it too (3.13), whose deletion
                    # then goes on to mark it deleted.
                    type.__delattr__(cls, name)
                    self.__dict__.pop(name, None)
                    if not PROPERTYMOCK_ATTRIBUTE_STAYS:
                        continue
                st[name] = _deleted
        change_bag(self, self._mock_bag_with(spec.magic_slots(defaults)))
        if cls._mock_pool is None:
            _shadow_inherited(cls)
            # Set on the mock's class by the user (type(m).__len__ = f, which took
            # the class out of its pool): the stdlib takes the ones the spec lacks
            # off the class too, through the mock's deletion.
            for name in [
                name for name, value in cls.__dict__.items()
                if name in defaults and name not in names and not isinstance(value, MagicSlot)
            ]:
                delattr(self, name)


def _shadow_inherited(cls: type) -> None:
    """A class outside the pools (``type(m)()``'s, or one the user edited): what the
    classes between it and its bag define (an edited mock class it derives from, a
    user's subclass) its own default methods shadow, as the stdlib's
    ``_mock_set_magics`` gives its class every supported method it lacks. (A pool's
    leaves do the same when they are made, see ``Pool``.)"""
    bag = own_bag(cls)  # (change_bag just gave it one)
    if bag is None:
        return
    slots: frozenset[str] = bag._mock_slots  # type: ignore[attr-defined]
    own = cls.__dict__
    # Shadows of methods the new bag lacks go: what a class in between defines
    # shows again, as the stdlib's _mock_set_magics takes the unsupported ones off.
    for name in [n for n, v in own.items() if type(v) is _DefaultMagicSlot and n not in slots]:
        type.__delattr__(cls, name)
    for klass in cls.__mro__[1:]:
        if klass is bag:
            break
        if is_leaf(klass) or not defined_here(klass):
            for name in slots & klass.__dict__.keys():
                if name not in own:
                    type.__setattr__(cls, name, bag.__dict__[name])


def _set_magics_of_copy(mock: Any, spec: Spec | None, defaults: frozenset[str]) -> None:
    """``mock_add_spec`` on a copy: as the stdlib's, which edits only the copy's own
    class. Methods the copy was given that the spec lacks are deleted; those the
    spec has become the copy's own defaults unless it was given them; the rest stay
    the original's, inherited."""
    cls = type(mock)
    kept = defaults if spec is None else defaults & spec.names
    for name in [n for n, v in cls.__dict__.items() if isinstance(v, MagicSlot)]:
        if name not in kept and name in defaults:
            delattr(mock, name)
    for name in kept:
        if not isinstance(cls.__dict__.get(name), MagicSlot):
            type.__setattr__(cls, name, _DefaultMagicSlot(name))


#: frozenset of magic method names -> the bag class carrying them.
_bags: dict[frozenset[str], type] = {}


def magic_mock_with_spec(spec: Spec, /, **kwargs: Any) -> Any:
    """``MagicMock(spec=names, **kwargs)`` for a spec already built (``mock_open``'s,
    made once per process): its class from the pool of the bag that spec allows, so
    the magic methods the spec lacks are absent, as with the stdlib's."""
    bag = MagicMock._mock_bag_with(spec.magic_slots(DEFAULT_MAGICS))
    mock = instance(pool_for((MagicMock,), bag))
    MagicMock.__init__(mock, **kwargs)
    st = _get_state(mock)
    st.spec = spec
    st.methods = spec.listing  # the list itself, read live (see apply_spec)
    return mock


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A version of ``MagicMock`` that isn't callable."""

    def mock_add_spec(self, spec: Any, spec_set: bool = False) -> None:
        """Add a spec; magic methods the spec lacks stop being supported."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    """Magic methods for AsyncMock (the async ones become AsyncMocks)."""


class MagicMock(MagicMixin, Mock):
    """``Mock`` with default implementations of most magic methods.

    With ``spec`` or ``spec_set``, only the magic methods the spec has are
    supported. Attributes and return values of a MagicMock are MagicMocks.
    """

    def mock_add_spec(self, spec: Any, spec_set: bool = False) -> None:
        """Add a spec; magic methods the spec lacks stop being supported."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()

    _mock_keeps_magic_returns = MAGIC_RESET_KEEPS_RETURN

    if MAGIC_RESET_KEEPS_RETURN:

        def reset_mock(
            self, /, *args: Any, return_value: bool = False, **kwargs: Any
        ) -> None:
            """As the stdlib's (3.13 names it MagicMock's): magic methods keep
            their return values (``_mock_keeps_magic_returns``)."""
            super().reset_mock(*args, return_value=return_value, **kwargs)


class MagicProxy(Base):
    """Kept for code that imports it; turbomock's magic methods don't need it."""

    def __init__(self, name: str, parent: Any) -> None:
        self.name = name
        self.parent = parent

    def create_mock(self) -> Any:
        return getattr(self.parent, self.name)

    def __get__(self, obj: Any, _type: Any = None) -> Any:
        return self.create_mock()


for _klass in (NonCallableMagicMock, MagicMock):
    passthrough(_klass)



ENGINE_INITS.append(MagicMixin.__init__)
PASSING_INITS.append((MagicMixin, MagicMixin.__dict__["__init__"]))
own_classes(MagicMixin, NonCallableMagicMock, AsyncMagicMixin, MagicMock)
