"""The mock engine: ``NonCallableMock``, ``CallableMixin`` and ``Mock``.

A mock is an instance of a class shared by all mocks of its kind (see
``_mock_type``) holding one ``MockState`` in the ``_mock_state`` slot. Child mocks
are created on first attribute access and then stored as ordinary instance
attributes as well as in the state (a dict of children), so reaching an existing
child is a plain attribute lookup. See docs/design.md.
"""

from __future__ import annotations

import sys
from types import FunctionType, MethodType
from weakref import ref as _weakref

from turbomock import _call_state
from turbomock import _messages as msg
from turbomock._assertions import AssertionMethods
from turbomock._base import Base, named_as
from turbomock._base import set_state as _set_state
from turbomock._base import state_of as _get_state
from turbomock._calls import _CallList, new_named_call
from turbomock._class_signatures import SignatureAttribute
from turbomock._compat import (
    ALL_ASSERT_TYPOS,
    NEW_BINDS_SPEC_EXPLICITLY,
    PROPERTYMOCK_ATTRIBUTE_STAYS,
    REJECT_ASSERT_NAMES_WITHOUT_PREFIX,
    REJECT_MOCK_AS_SPEC,
    SEAL_AFTER_ASYNC_SPEC_CHILDREN,
    WRAPS_KEEPS_DEFAULT_RETURN,
)
from turbomock._magic_names import (
    ALL_MAGICS,
    ALL_SYNC_MAGICS,
    ASYNC_METHOD_MAGICS,
    UNSUPPORTED_MAGICS,
    is_magic,
)
from turbomock._mock_type import (
    Pool,
    bag_of,
    change_bag,
    is_leaf,
    owner_of,
    pool_for,
    real_mro,
    remember_owner,
    restock,
    subclass_for_copy,
    take,
)
from turbomock._sentinels import DEFAULT, _deleted, _missing
from turbomock._signatures import fail_as_made
from turbomock._spec import _callable, is_exception, is_list, spec_for, spec_from_list
from turbomock._state import (
    Extra,
    MockState,
    _acquire,
    _release,
    extract_mock_name,
    flush_ancestors,
    new_state,
    record_call,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _M = TypeVar("_M")


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


_ASSERT_PREFIXES = (
    ("assert", "assret", "asert", "aseert", "assrt") if ALL_ASSERT_TYPOS else ("assert", "assret")
)

#: Filled in by the modules defining these kinds (they import this one).
KINDS: dict[str, type] = {}


def _is_instance_mock(obj: object) -> bool:
    """Whether ``obj`` is a mock; ``isinstance`` can't tell, mocks fake ``__class__``."""
    return issubclass(type(obj), NonCallableMock)


def _extract_mock(obj: Any) -> Any:
    """The mock behind an autospecced function, or ``obj`` itself."""
    # type(), not isinstance(): isinstance of a mock asks its __class__ property.
    if type(obj) in _FUNCTION_TYPES and hasattr(obj, "mock"):
        return obj.mock
    return obj


_FUNCTION_TYPES = (FunctionType, MethodType)


def _try_iter(obj: Any) -> Any:
    """A side effect as it is stored: iterables become iterators."""
    if obj is None or is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        return obj


def _check_and_set_parent(parent: Any, value: Any, name: Any, new_name: Any) -> bool:
    """Adopt ``value`` as a child of ``parent`` if it is a mock with no parent yet."""
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    vst = _get_state(value)
    if vst.name or vst.new_name or vst.parent is not None or vst.new_parent is not None:
        return False
    node = parent
    while node is not None:
        if node is value:  # a mock can't become its own descendant
            return False
        node = _get_state(node).new_parent
    if new_name:
        vst.new_parent = parent
        vst.new_name = new_name
    if name:
        vst.parent = parent
        vst.name = name
    return True


_new_object = object.__new__
_new_state = dict.__new__
_object_setattr = object.__setattr__
#: The constructors that only run ``_init_state``: children of classes using them
#: can be built directly (see ``_new_child``).
_ENGINE_INITS: list[Any] = []

def _state_property(field: str, doc: str) -> property:
    """Exposes a state field under the stdlib's private ``_mock_*`` name."""

    def fget(self: NonCallableMock) -> Any:
        return getattr(_get_state(self), field)

    def fset(self: NonCallableMock, value: Any) -> None:
        setattr(_get_state(self), field, value)

    return property(fget, fset, doc=doc)


def _link_property(field: str) -> property:
    """A parent/name field: changing it renames pending calls, so settle them first."""

    def fget(self: NonCallableMock) -> Any:
        return getattr(_get_state(self), field)

    def fset(self: NonCallableMock, value: Any) -> None:
        st = _get_state(self)
        flush_ancestors(st)
        setattr(st, field, value)

    return property(fget, fset)


#: ``cls`` -> the pool its instances come from when made without a spec.
_default_pools: dict[type, Pool] = {}

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
    if len(args) > len(_INIT_PARAMETERS):
        raise TypeError("too many positional arguments")
    bound = dict(zip(_INIT_PARAMETERS, args))
    for key in kwargs:
        if key in bound or key == "self":
            raise TypeError(f"multiple values for argument {key!r}")
    if "spec_set" in kwargs or "spec_set" in bound:
        return kwargs["spec_set"] if "spec_set" in kwargs else bound["spec_set"]
    return kwargs["spec"] if "spec" in kwargs else bound.get("spec")


def _async_spec_from_312(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """From 3.12 the stdlib's ``__new__`` has ``__init__``'s parameters (so its own
    binding errors) and looks at ``spec_set or spec``."""
    if len(args) > len(_INIT_PARAMETERS):
        raise TypeError(
            "NonCallableMock.__new__() takes from 1 to 12 positional arguments but "
            f"{len(args) + 1} were given"
        )
    taken = {"cls", *_INIT_PARAMETERS[: len(args)]}
    for key in kwargs:
        if key in taken:
            raise TypeError(f"NonCallableMock.__new__() got multiple values for argument {key!r}")
    bound = dict(zip(_INIT_PARAMETERS, args))
    bound.update(kwargs)
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
    async_mixin = KINDS.get("AsyncMockMixin")
    if async_mixin is not None and not issubclass(cls, async_mixin):
        async_spec = _async_spec(args, kwargs)
        if async_spec is not None and KINDS["_is_async_obj"](async_spec):
            bases = (KINDS["_async_mixin_for"](cls), cls)
    # The engine's __init__ takes this spec; another __init__ decides for itself
    # (the bag is then set when it applies a spec).
    spec = None
    if cls.__init__ in _ENGINE_INITS:
        spec = kwargs.get("spec_set")
        if spec is None:
            spec = kwargs["spec"] if "spec" in kwargs else args[0] if args else None
    pool = pool_for(bases, cls._mock_bag_for(spec))
    if not args and not kwargs:
        _default_pools[cls] = pool
    return pool


def _instance(pool: Pool) -> Any:
    """A bare mock object whose class, a leaf of ``pool``, is its own."""
    leaf: Any = take(pool)
    mock: Any = _new_object(leaf)
    if pool.bag is not None:
        # Its magic methods are read off the class too: the leaf names its mock.
        leaf._mock_cell[0] = _weakref(mock)
    return mock


def new_mock(cls: Any, /, *args: Any, **kwargs: Any) -> Any:
    """``__new__`` of every mock class: a mock with a class of its own."""
    pool = _default_pools.get(cls)
    if pool is None or args or kwargs:
        pool = _pool_for_new(cls, args, kwargs)
        if pool is None:
            return _new_object(subclass_for_copy(cls, _magic_names(cls)))
        return _instance(pool)
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


def _magic_names(cls: type) -> set[str]:
    """The magic methods the class of a mock carries (its bag's, and its own)."""
    bag = bag_of(cls)
    names = set(bag._mock_slots) if bag is not None else set()  # type: ignore[attr-defined]
    for klass in cls.__mro__:
        if is_leaf(klass):
            names.update(n for n, v in vars(klass).items() if isinstance(v, MagicSlot))
    return names


if TYPE_CHECKING:

    class _BaseWithAssertions(AssertionMethods, Base):
        """What type checkers see: the assertion methods are NonCallableMock's."""

else:
    # At run time they are copied in below: the stdlib's MRO has no extra class.
    _BaseWithAssertions = Base


class NonCallableMock(_BaseWithAssertions):
    """A non-callable version of ``Mock``."""

    __slots__ = ()

    #: MagicMock on 3.13: ``reset_mock(return_value=True)`` spares magic methods.
    _mock_keeps_magic_returns = False
    #: Per-kind extra reset work (AsyncMock awaits, ThreadingMock events).
    _mock_reset_hook: Any = None
    #: The magic methods instances support by default (MagicMock: all of them).
    _mock_default_slots: frozenset[str] | None = None

    if TYPE_CHECKING:  # what type checkers see of new_mock

        def __new__(cls: type[_M], /, *args: Any, **kwargs: Any) -> _M: ...

    else:
        __new__ = new_mock
    #: The pool of the leaf a mock has as class (None on other classes).
    _mock_pool: Pool | None = None

    @classmethod
    def _mock_bag_for(cls, spec: Any) -> type | None:
        """The bag of default magic methods a mock specced on ``spec`` carries
        (none: only MagicMock and its kin have default magic methods)."""
        return None

    def __init__(
        self,
        spec: Any = None,
        wraps: Any = None,
        name: Any = None,
        spec_set: Any = None,
        parent: Any = None,
        _spec_state: Any = None,
        _new_name: Any = "",
        _new_parent: Any = None,
        _spec_as_instance: bool = False,
        _eat_self: Any = None,
        unsafe: bool = False,
        **kwargs: Any,
    ) -> None:
        if spec is None and spec_set is None and wraps is None and not unsafe:
            # The common case, without a second frame: just the state.
            _set_state(
                self,
                new_state(parent, name, parent if _new_parent is None else _new_parent, _new_name),
            )
        else:
            _init_mock(
                self, spec, None, DEFAULT, wraps, name, spec_set, parent, _spec_state,
                _new_name, _new_parent, _spec_as_instance=_spec_as_instance,
                _eat_self=_eat_self, unsafe=unsafe,
            )
        if kwargs:
            self.configure_mock(**kwargs)

    # -- identity and internals under the stdlib's names ----------------------

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        try:
            spec_class = _get_state(self).spec_class
        except AttributeError:
            return type(self)
        return type(self) if spec_class is None else spec_class

    _mock_parent = _link_property("parent")
    _mock_name = _link_property("name")
    _mock_new_parent = _link_property("new_parent")
    _mock_new_name = _link_property("new_name")
    _mock_wraps = _state_property("wraps", "The object calls are passed through to.")
    _mock_unsafe = _state_property("unsafe", "Whether assert-like names are allowed.")
    _mock_sealed = _state_property("sealed", "Whether new attributes are refused.")
    _spec_set = _state_property("spec_set", "Whether setting unknown attributes fails.")
    _spec_class = _state_property("spec_class", "The class reported by ``__class__``.")
    _mock_delegate = _state_property("delegate", "The autospecced function it reports to.")

    @property
    def _mock_return_value(self) -> Any:
        return _get_state(self).return_value

    @_mock_return_value.setter
    def _mock_return_value(self, value: Any) -> None:
        _get_state(self).return_value = value

    @property
    def _mock_side_effect(self) -> Any:
        return _get_state(self).side_effect

    @_mock_side_effect.setter
    def _mock_side_effect(self, value: Any) -> None:
        _get_state(self).side_effect = value

    @property
    def _mock_children(self) -> dict[str, Any]:
        return _get_state(self)

    @property
    def _mock_methods(self) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is not None and extra.methods is not _missing:
            return extra.methods
        spec = st.spec
        return None if spec is None else spec.methods

    @_mock_methods.setter
    def _mock_methods(self, value: Any) -> None:
        # Set by hand, it decides alone which names exist, as the stdlib's does.
        st = _get_state(self)
        if st.extra is None:
            st.extra = Extra()
        st.extra.methods = value

    @property
    def _spec_signature(self) -> Any:
        st = _get_state(self)
        sig = st.spec_signature
        if sig is DEFAULT:
            spec = st.spec
            sig = None if spec is None else spec.signature(*st.spec_flags)
            st.spec_signature = sig
        return sig

    @_spec_signature.setter
    def _spec_signature(self, value: Any) -> None:
        _get_state(self).spec_signature = value

    @property
    def _spec_asyncs(self) -> list[str]:
        spec = _get_state(self).spec
        return [] if spec is None else spec.async_names()

    @property
    def _mock_called(self) -> Any:
        return self.called

    @property
    def _mock_call_count(self) -> Any:
        return self.call_count

    @property
    def _mock_call_args(self) -> Any:
        return self.call_args

    @property
    def _mock_call_args_list(self) -> Any:
        return self.call_args_list

    @property
    def _mock_mock_calls(self) -> Any:
        return self.mock_calls

    __signature__ = SignatureAttribute()

    # -- configuration ---------------------------------------------------------

    def _get_return_value(self) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is None:
            value = st.return_value
            keep_default = False
        else:
            delegate = extra.delegate
            value = st.return_value if delegate is None else delegate.return_value
            keep_default = extra.wraps is not None and WRAPS_KEEPS_DEFAULT_RETURN
        if value is DEFAULT and not keep_default:
            fresh = _new_return_value(self, st)
            # Two threads calling a new mock must share one return value.
            _acquire()
            try:
                value = st.return_value
                if value is DEFAULT:
                    value = st.return_value = fresh
            finally:
                _release()
            if value is fresh and _get_state(value).new_parent is not self:
                # Made by a _get_child_mock of the user's: adopt it if it has no parent.
                _check_and_set_parent(self, value, None, "()")
        return value

    def _set_return_value(self, value: Any) -> None:
        st = _get_state(self)
        if st.delegate is not None:
            st.delegate.return_value = value
            return
        st.return_value = value
        _check_and_set_parent(self, value, None, "()")

    return_value = property(
        _get_return_value,
        _set_return_value,
        doc="The value to be returned when the mock is called.",
    )

    def _get_side_effect(self) -> Any:
        st = _get_state(self)
        delegate = st.delegate
        if delegate is None:
            return st.side_effect
        effect = delegate.side_effect
        if (
            effect is not None
            and not callable(effect)
            and not isinstance(effect, _MockIter)
            and not is_exception(effect)
        ):
            effect = _MockIter(effect)
            delegate.side_effect = effect
        return effect

    def _set_side_effect(self, value: Any) -> None:
        value = _try_iter(value)
        st = _get_state(self)
        if st.delegate is None:
            st.side_effect = value
        else:
            st.delegate.side_effect = value

    side_effect = property(_get_side_effect, _set_side_effect)

    # -- call state (see _call_state) ------------------------------------------

    called = _call_state.called
    call_count = _call_state.call_count
    call_args = _call_state.call_args
    call_args_list = _call_state.call_args_list
    mock_calls = _call_state.mock_calls
    method_calls = _call_state.method_calls

    # -- public configuration methods ----------------------------------------

    def attach_mock(self, mock: Any, attribute: str) -> None:
        """Attach a mock as an attribute of this one, replacing its name and
        parent; its calls then show in this mock's method_calls and mock_calls."""
        inner = _extract_mock(mock)
        if not _is_instance_mock(inner):
            # Not a mock (a function, say): the stdlib sets these on it all the same.
            inner._mock_parent = None
            inner._mock_new_parent = None
            inner._mock_name = ""
            inner._mock_new_name = None
            setattr(self, attribute, mock)
            return
        ist = _get_state(inner)
        flush_ancestors(ist)
        ist.parent = None
        ist.new_parent = None
        ist.name = ""
        ist.new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec: Any, spec_set: bool = False) -> None:
        """Add a spec to a mock: only attributes on the spec can then be fetched
        (and, with ``spec_set``, set)."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(
        self, spec: Any, spec_set: Any, _spec_as_instance: bool = False, _eat_self: bool = False
    ) -> None:
        st = _get_state(self)
        plan = st.autospec
        if plan is not None:
            plan.set_function_children(self)
        _apply_spec(st, spec, spec_set, _spec_as_instance, _eat_self)
        # Children already cached in __dict__ must now pass the spec check again.
        if st and st.spec is not None:
            names = st.spec.names
            assigned = st.assigned or ()
            d = self.__dict__
            for name, child in st.items():
                if (
                    d.get(name) is child
                    and (name not in names or name in ALL_MAGICS)
                    and name not in assigned
                ):
                    del d[name]

    def reset_mock(
        self, visited: Any = None, *, return_value: bool = False, side_effect: bool = False
    ) -> None:
        """Restore the mock (and its children) to the state before any call;
        also forget the return value and/or side effect if asked to."""
        # The ids of the mocks reset so far: the caller's list (or whatever was
        # passed) used as the stdlib uses it, ``in`` then ``append``.
        _reset_tree(self, _Visited() if visited is None else visited, return_value, side_effect)

    def configure_mock(self, /, **kwargs: Any) -> None:
        """Set attributes, including on children with dotted names:
        ``mock.configure_mock(**{'method.return_value': 3})``."""
        for dotted, value in sorted(kwargs.items(), key=lambda item: item[0].count(".")):
            path = dotted.split(".")
            final = path.pop()
            target = self
            for step in path:
                target = getattr(target, step)
            setattr(target, final, value)

    # -- attribute protocol ------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not found normally: existing children are
        # instance attributes, so this is about making new ones.
        if name == "_mock_state":
            raise AttributeError(name)  # not initialised (yet): copy, pickle ...
        st = _get_state(self)
        extra = st.extra
        if extra is None:
            spec = None
        else:
            spec = extra.spec
            methods = extra.methods
            if methods is not _missing:  # _mock_methods set by hand
                if methods is not None and (name not in methods or name in ALL_MAGICS):
                    raise AttributeError(msg.no_attribute(name))
            elif spec is not None and (name not in spec.names or name in ALL_MAGICS):
                raise AttributeError(msg.no_attribute(name))
        if name not in _PLAIN_NAMES:
            _check_name(st, spec, name)
        child = st.get(name)
        if child is not None:
            if child is _deleted:
                raise AttributeError(name)
            # Used a second time: from now on an ordinary instance attribute, found
            # without this method. (Not at creation: most children of a fresh
            # mock are reached once, and a first instance attribute costs a dict.)
            # One thread at a time: CPython 3.11 was seen to crash when threads
            # raced to store the first attribute of one object.
            _acquire()
            try:
                _object_setattr(self, name, child)
            finally:
                _release()
            return child
        if extra is None:
            # The common case, inline: no spec, no wraps, no hooks overridden.
            pool = type(self)._mock_pool
            if pool is not None and pool.probe._get_child_mock is _GET_CHILD_MOCK:
                cpool = pool.children.get(None, _missing)
                if cpool is _missing:
                    cpool = _child_pool(pool, None, type(self))
                if (
                    cpool is not None
                    and cpool.probe.__new__ is new_mock
                    and cpool.probe.__init__ in _ENGINE_INITS
                ):
                    # _instance(cpool), inline: a fresh chain is mostly this.
                    leaf: Any
                    try:
                        leaf = cpool.pop()
                    except IndexError:
                        leaf = restock(cpool)
                    child = _new_object(leaf)
                    if cpool.bag is not None:
                        leaf._mock_cell[0] = _weakref(child)
                    _set_state(child, new_state(self, name, self, name))
                    # setdefault is atomic: threads racing here all get one child.
                    winner = st.setdefault(name, child)
                    if winner is child:
                        return child
                    if winner is not _deleted:
                        return winner
        return _new_child(self, st, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _PASSTHROUGH:
            if name == "_mock_state" and type(value) is MockState:
                # ``copy`` (and pickle) restore the slot by name: the copy starts
                # from the state the stdlib's copy would have (see state_for_copy).
                value = _call_state.state_for_copy(value)
            return object.__setattr__(self, name, value)
        st = _get_state(self)
        extra = st.extra
        spec = None if extra is None else extra.spec
        if (
            spec is not None
            and extra.spec_set  # type: ignore[union-attr]  # a spec lives in extra
            and name not in spec.names
            and name not in self.__dict__
        ):
            raise AttributeError(msg.no_attribute_set(name))
        if name in UNSUPPORTED_MAGICS:
            raise AttributeError(msg.unsupported_magic(name))
        if name in ALL_MAGICS:
            if spec is not None and name not in spec.names:
                raise AttributeError(msg.no_attribute_set(name))
            _set_magic(self, st, name, value)
            return None
        if name == "__class__":
            st.spec_class = value
            return None
        adopted = _check_and_set_parent(self, value, name, name)
        if adopted:
            st[name] = value
            # Set by the user: it stays readable if a spec without it comes later.
            assigned = st.assigned
            if assigned is None:
                assigned = st.assigned = set()
            assigned.add(name)
        if extra is not None and extra.sealed and not hasattr(self, name):
            raise AttributeError(msg.cannot_set_sealed(f"{extract_mock_name(st)}.{name}"))
        if PROPERTYMOCK_ATTRIBUTE_STAYS and issubclass(type(value), KINDS["PropertyMock"]):
            self.__dict__[name] = value
            return None
        return object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        st = _get_state(self)
        if name in ALL_MAGICS and _delete_magic(self, st, name):
            return
        if name == "method_calls":  # an instance attribute with the stdlib
            _call_state.delete_method_calls(st)
            return
        existing = st.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif existing is _deleted:
            raise AttributeError(name)
        st[name] = _deleted

    def __dir__(self) -> list[str]:
        """Only the useful names: spec attributes, public methods, children."""
        package = sys.modules.get("turbomock")
        if package is not None and not getattr(package, "FILTER_DIR", True):
            return list(object.__dir__(self))
        st = _get_state(self)
        names = set(st.spec.methods) if st.spec is not None else set()
        names.update(e for e in dir(type(self)) if not e.startswith("_"))
        names.update(e for e in self.__dict__ if not e.startswith("_") or is_magic(e))
        if st:
            names.update(k for k, v in st.items() if v is not _deleted)
        if st.magics:
            names.update(st.magics)
        return sorted(names)

    def _extract_mock_name(self) -> str:
        return extract_mock_name(_get_state(self))

    def __repr__(self) -> str:
        st = _get_state(self)
        name = extract_mock_name(st)
        name_string = "" if name in ("mock", "mock.") else f" name={name!r}"
        spec_string = ""
        if st.spec_class is not None:
            label = "spec_set" if st.spec_set else "spec"
            spec_string = f" {label}={st.spec_class.__name__!r}"
        return f"<{type(self).__name__}{name_string}{spec_string} id='{id(self)}'>"

    def _get_child_mock(self, /, **kw: Any) -> Any:
        """Create the child mocks for attributes and return value.

        Children are of the parent's type, except that non-callable mocks get
        callable children, async spec attributes get AsyncMocks, and so on as the
        stdlib does. Subclasses may override this."""
        st = _get_state(self)
        new_name = kw.get("_new_name")
        spec = st.spec
        is_async = spec is not None and spec.is_async(new_name)
        # 3.9 makes an async spec attribute even on a sealed mock.
        if st.sealed and not (is_async and SEAL_AFTER_ASYNC_SPEC_CHILDREN):
            attribute = f".{kw['name']}" if "name" in kw else "()"
            raise AttributeError(extract_mock_name(st) + attribute)
        if is_async:
            return KINDS["AsyncMock"](**kw)
        return _child_class(type(self), new_name, spec)(**kw)


# The assertion methods (written in ``_assertions``) become NonCallableMock's own,
# as the stdlib's are: no extra class in every mock's MRO.
for _name, _value in vars(AssertionMethods).items():
    if not (_name.startswith("__") and _name.endswith("__")):
        assert _name not in NonCallableMock.__dict__, _name
        setattr(NonCallableMock, _name, _value)
del _name, _value


_NO_CHILD = frozenset({"_mock_state", "_mock_methods", "_mock_unsafe"})

#: Names seen to be ordinary attribute names (not magic, not an assert typo, not
#: internal): they skip ``_check_name``. Bounded, it only ever saves time.
_PLAIN_NAMES: set[str] = set()


def _check_name(st: MockState, spec: Any, name: str) -> None:
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
    if not is_magic(name) and len(_PLAIN_NAMES) < 10_000:
        _PLAIN_NAMES.add(name)


class _Visited(list):  # type: ignore[type-arg]
    """The default ``visited`` of ``reset_mock``: a list, as the stdlib's (a class
    overriding ``reset_mock`` gets it), that answers ``in`` from a set."""

    __slots__ = ("ids",)

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def append(self, key: Any) -> None:
        self.ids.add(key)
        list.append(self, key)

    def __contains__(self, key: object) -> bool:
        return key in self.ids


def _reset_tree(root: Any, visited: Any, return_value: bool, side_effect: bool) -> None:
    """``reset_mock`` for a whole tree, without a method call per mock unless a
    class overrides ``reset_mock``."""
    stack = [(root, return_value, side_effect)]
    pop = stack.pop
    push = stack.append
    base = NonCallableMock.reset_mock
    mock_class = NonCallableMock
    while stack:
        node, forget_return, forget_effect = pop()
        key = id(node)
        if key in visited:
            continue
        cls = type(node)
        if node is not root and cls.reset_mock is not base:
            node.reset_mock(visited, return_value=forget_return, side_effect=forget_effect)
            continue
        visited.append(key)
        st = _get_state(node)
        if forget_return and cls._mock_keeps_magic_returns:
            name = st.name
            if name and is_magic(name):
                forget_return = False  # str(m) stays a str after a reset
        extra = st.extra
        if extra is not None:
            if extra.delegate is not None:
                _forget_delegate_calls(extra.delegate)
            extra.book = None
        st.calls = None
        if st.pending:
            st.pending = []
        if extra is not None:
            extra.mock_calls = None
            extra.method_calls = None
        hook = cls._mock_reset_hook
        if hook is not None:
            hook(node)
        if forget_return:
            st.return_value = DEFAULT
        if forget_effect:
            st.side_effect = None
        if st:  # its children
            for child in st.values():
                if issubclass(type(child), mock_class):
                    push((child, forget_return, forget_effect))
        ret = st.return_value
        if ret is not node and issubclass(type(ret), mock_class):
            push((ret, False, False))


def _forget_delegate_calls(delegate: Any) -> None:
    delegate.called = False
    delegate.call_args = None
    delegate.call_count = 0
    delegate.mock_calls = _CallList()
    delegate.call_args_list = _CallList()


class _MockIter:
    """Marks an iterator made from an autospecced function's side_effect."""

    def __init__(self, obj: Any) -> None:
        self.obj = iter(obj)

    def __next__(self) -> Any:
        return next(self.obj)


def _apply_spec(st: MockState, spec: Any, spec_set: Any, as_instance: bool, eat_self: bool) -> None:
    if REJECT_MOCK_AS_SPEC and _is_instance_mock(spec):
        raise InvalidSpecError(msg.mock_as_spec(spec))
    if spec is not None and not is_list(spec):
        fail_as_made(spec, as_instance, eat_self)  # before anything changes, as the stdlib
    # Worked out before anything changes: what it raises leaves the mock as it was.
    new_spec = None if spec is None else spec_from_list(spec) if is_list(spec) else spec_for(spec)
    extra = st.extra
    if extra is None:
        if spec is None and not spec_set:
            st.spec = None
            return
        extra = st.extra = Extra()
    extra.spec_signature = DEFAULT
    extra.spec_set = spec_set
    st.spec = new_spec
    if spec is None or is_list(spec):
        extra.spec_class = None
    else:
        extra.spec_class = spec if isinstance(spec, type) else type(spec)
        extra.spec_flags = (as_instance, eat_self)


@named_as("CallableMixin.__init__")
def _init_mock(
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
    if spec_set is not None:
        spec = spec_set
        spec_set = True
    if spec is not None:
        if _eat_self is None:
            _eat_self = parent is not None
        _apply_spec(st, spec, spec_set, _spec_as_instance, _eat_self)
        if self._mock_default_slots is not None:
            self._mock_set_magics()
    else:
        if spec_set is not None:
            st.spec_set = spec_set
        if type(self)._mock_pool is None and self._mock_default_slots is not None:
            # type(m)() (or an edited class): the stdlib's __init__ gives the
            # mock magic methods of its own.
            self._mock_set_magics()
    if kwargs:
        self.configure_mock(**kwargs)
    if side_effect is not None:
        st.side_effect = _try_iter(side_effect)


def _direct_pool(self: Any, key: Any) -> Pool | None:
    """The pool of the child ``key`` (None: an attribute; ``"()"``: the return
    value; a magic method's name) when the engine may build it directly, as the
    class's ``_get_child_mock`` and the child class's constructor would."""
    cls = type(self)
    pool = cls._mock_pool
    if pool is None or pool.probe._get_child_mock is not _GET_CHILD_MOCK:
        return None
    cpool: Pool | None = pool.children.get(key, _missing)
    if cpool is _missing:
        cpool = _child_pool(pool, key, cls)
    if cpool is None:
        return None
    probe = cpool.probe
    if probe.__new__ is new_mock and probe.__init__ in _ENGINE_INITS:
        return cpool
    return None


def _child_pool(pool: Pool, key: Any, leaf: type) -> Pool | None:
    """Work out (once per pool and key) which pool such children come from;
    ``leaf`` is an unedited leaf of ``pool``."""
    klass = _child_class(leaf, None if key == "()" else key, None)
    found = None if is_leaf(klass) else pool_for((klass,), klass._mock_bag_for(None))
    pool.children[key] = found
    return found


def _new_child(self: Any, st: MockState, name: str) -> Any:
    """Create, cache and return the child mock for attribute ``name``."""
    cpool = _direct_pool(self, None) if st.spec is None else None
    if cpool is not None:
        wraps = st.wraps
        wrapped = None if wraps is None else getattr(wraps, name)
        if st.extra is not None and st.extra.sealed:
            raise AttributeError(f"{extract_mock_name(st)}.{name}")
        child: Any = _instance(cpool)
        cst = new_state(self, name, self, name)
        if wrapped is not None:
            cst.wraps = wrapped
        _set_state(child, cst)
    else:
        extra = st.extra
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


def _new_return_value(self: Any, st: MockState) -> Any:
    # Unlike attributes, a return value doesn't depend on the spec ('()' is never
    # an attribute name), so specced mocks take the direct path too.
    cpool = _direct_pool(self, "()")
    if cpool is not None:
        extra = st.extra
        if extra is not None and extra.sealed:
            raise AttributeError(extract_mock_name(st) + "()")
        child: Any = _instance(cpool)
        _set_state(child, new_state(None, None, self, "()"))
        return child
    return self._get_child_mock(_new_parent=self, _new_name="()")


def _child_class(cls: type, new_name: Any, spec: Any) -> Any:
    """Which mock class a child named ``new_name`` of a ``cls`` mock gets (the
    class after the mock's own in its MRO, unless a rule below applies)."""
    async_mixin = KINDS.get("AsyncMockMixin")
    magic_mock = KINDS["MagicMock"]
    if issubclass(cls, magic_mock) and new_name in ASYNC_METHOD_MAGICS:
        return KINDS["AsyncMock"]
    if async_mixin is not None and issubclass(cls, async_mixin):
        if new_name in ALL_SYNC_MAGICS or (spec is not None and new_name in spec.names):
            return magic_mock
        return KINDS["AsyncMock"]
    if not issubclass(cls, CallableMixin):
        if issubclass(cls, KINDS["NonCallableMagicMock"]):
            return magic_mock
        return Mock
    return cls.__mro__[1] if is_leaf(cls) else cls


# -- magic methods: storage shared by Mock and MagicMock -------------------------


class MagicSlot:
    """Class-level stand-in for one magic method of a mock.

    Python looks magic methods up on the type, so they can't live on the
    instance. This descriptor returns the instance's own configuration, kept in
    its state's ``magics`` (a mock, or a function bound to the instance).
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            # ``type(mock).__str__``: the stdlib hands out that mock's method.
            mock = None if owner is None else owner_of(owner)
            return self if mock is None else getattr(mock, self.name)
        magics = _get_state(obj).magics
        if magics is not None:
            found = magics.get(self.name)
            if found is not None:
                return found
        return self.missing(obj)

    def missing(self, obj: Any) -> Any:
        raise MissingMagic(_missing_magic_text(obj, self.name))


class DescribedMagicSlot(MagicSlot):
    """A magic method configured with a descriptor: what its ``__get__`` gives."""

    __slots__ = ()

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        mock = obj if obj is not None else None if owner is None else owner_of(owner)
        if mock is None:
            return self
        value = _get_state(mock).magic_dict()[self.name]
        return type(value).__get__(value, obj, owner)


class MissingMagic(AttributeError, TypeError):
    """A magic method a mock doesn't support (deleted, or not in its spec).

    Both an AttributeError (``hasattr`` is False) and a TypeError (``len(mock)``
    fails the way it would on an object without ``__len__``)."""


_MISSING_TEXT = {
    "__len__": "object of type '{0}' has no len()",
    "__getitem__": "'{0}' object is not subscriptable",
    "__setitem__": "'{0}' object does not support item assignment",
    "__delitem__": "'{0}' object doesn't support item deletion",
    "__iter__": "'{0}' object is not iterable",
    "__aiter__": "'{0}' object is not an async iterable",
    "__next__": "'{0}' object is not an iterator",
    "__enter__": "'{0}' object does not support the context manager protocol",
    "__exit__": "'{0}' object does not support the context manager protocol",
    "__aenter__": "'{0}' object does not support the asynchronous context manager protocol",
    "__aexit__": "'{0}' object does not support the asynchronous context manager protocol",
}


def _missing_magic_text(obj: Any, name: str) -> str:
    label = type(obj).__name__
    template = _MISSING_TEXT.get(name)
    if template is not None:
        return template.format(label)
    return f"'{label}' object has no attribute '{name}' (deleted, or not in its spec)"


def _class_attribute(cls: type, name: str) -> Any:
    """``name`` as found on ``cls`` or its bases, without running descriptors."""
    for klass in real_mro(cls):
        found = klass.__dict__.get(name, _missing)
        if found is not _missing:
            return found
    return None


_STORED_QUALNAME = "NonCallableMock.__setattr__.<locals>.<lambda>"
_stored_code: list[Any] = []


def _set_magic(mock: Any, st: MockState, name: str, value: Any) -> None:
    """``mock.__len__ = value``: a mock becomes the method, anything else is
    called with the mock as its first argument."""
    if _is_instance_mock(value):
        # Only new_name: such calls show in mock_calls but not method_calls.
        _check_and_set_parent(mock, value, None, name)
        st[name] = value
        stored = value
    else:
        original = value

        def stored(*args: Any, **kw: Any) -> Any:
            return original(mock, *args, **kw)

        # Named as the stdlib's wrapper is (a lambda in its __setattr__), in
        # reprs and tracebacks.
        stored.__name__ = "<lambda>"
        stored.__qualname__ = _STORED_QUALNAME
        if not _stored_code:
            _stored_code.append(named_as(_STORED_QUALNAME)(stored).__code__.replace(co_name="<lambda>"))
        stored.__code__ = _stored_code[0]
        if st.get(name) is _deleted:
            del st[name]
    cls = type(mock)
    # A value that is a descriptor (a PropertyMock) acts as one on the class, as the
    # stdlib's does when it sets the value on the class itself.
    described = stored is value and hasattr(type(value), "__get__")
    slot_kind = DescribedMagicSlot if described else MagicSlot
    present = _class_attribute(cls, name)
    if not isinstance(present, MagicSlot) or (
        type(present) is not slot_kind and DescribedMagicSlot in (slot_kind, type(present))
    ):
        # The class must carry it (Python looks magic methods up there): this
        # mock's class is its own, so it is edited in place.
        setattr(cls, name, slot_kind(name))
        if owner_of(cls) is None:
            remember_owner(mock)
    st.magic_dict()[name] = stored


def _delete_magic(mock: Any, st: MockState, name: str) -> bool:
    """``del mock.__len__``; True when fully handled here.

    As with the stdlib: the first deletion takes the method off the mock's class
    (so Python sees it as absent); only a method that was configured or used is
    also marked deleted. Otherwise a later deletion marks it, and the one after
    raises.
    """
    cls = type(mock)
    own = isinstance(cls.__dict__.get(name), MagicSlot)
    bag = bag_of(cls)
    in_bag = bag is not None and name in bag.__dict__
    if not own and not in_bag:
        return False  # not on the class: the ordinary deletion applies
    magics = st.magics
    configured = magics.pop(name, None) if magics is not None else None
    if own:
        delattr(cls, name)
    if in_bag:
        change_bag(mock, mock._mock_bag_with(bag._mock_slots - {name}))  # type: ignore[union-attr]
    if configured is not None:
        st[name] = _deleted
    return True


class CallableMixin(Base):
    """What makes a mock callable: recording a call and producing its result."""

    if TYPE_CHECKING:  # provided by NonCallableMock
        _mock_state: MockState
        _mock_pool: Pool | None
        return_value: Any
        side_effect: Any

    if TYPE_CHECKING:  # what type checkers see of _init_mock

        def __init__(
            self,
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
        ) -> None: ...

    else:
        __init__ = _init_mock

    def _mock_check_sig(self, /, *args: Any, **kwargs: Any) -> None:
        """Hook for signature checking; autospec sets ``check_sig`` instead."""

    def __call__(self, /, *args: Any, **kwargs: Any) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is not None:
            check = extra.check_sig  # autospec's signature check, where the hook is
            if check is not None:
                check(*args, **kwargs)
        # The hooks as the mock's class resolves them, read off its pool's probe
        # when the class is an unedited leaf (see Pool.probe).
        pool = type(self)._mock_pool
        cls = type(self) if pool is None else pool.probe
        if cls._mock_check_sig is not _CHECK_SIG or cls._increment_mock_call is not _INCREMENT:
            self._mock_check_sig(*args, **kwargs)
            self._increment_mock_call(*args, **kwargs)
            return self._mock_call(*args, **kwargs)
        # _increment_mock_call, inline.
        if extra is None or extra.delegate is None:
            record_call(st, args, kwargs)
        else:
            _record_delegated(st, extra.delegate, args, kwargs)
        if (
            extra is None
            and st.side_effect is None
            and cls._mock_call is _MOCK_CALL
            and cls._execute_mock_call is _EXECUTE_MOCK_CALL
        ):
            # What _execute_mock_call returns when nothing is to run: no extra, so
            # no wraps and no delegate either.
            value = st.return_value
            return self.return_value if value is DEFAULT else value
        # User code may run (a side effect, a wrapped object): through the same
        # frames as with the stdlib, so ``sys._getframe(n)`` and warnings'
        # ``stacklevel`` inside it point at the same places.
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args: Any, **kwargs: Any) -> None:
        st = _get_state(self)
        delegate = st.delegate
        if delegate is None:
            record_call(st, args, kwargs)
        else:
            _record_delegated(st, delegate, args, kwargs)

    def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        """A call's result: side effect, else return value, else the wrapped object."""
        st = _get_state(self)
        extra = st.extra
        delegate = None if extra is None else extra.delegate
        effect = st.side_effect if delegate is None else self.side_effect
        if effect is not None:
            if is_exception(effect):
                raise effect
            if not _callable(effect):
                result = next(effect)
                if is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        value = st.return_value
        if value is not DEFAULT:
            return value if delegate is None else self.return_value
        if delegate is not None and delegate.return_value is not DEFAULT:
            return self.return_value
        if extra is not None and extra.wraps is not None:
            return extra.wraps(*args, **kwargs)
        return self.return_value


def _record_delegated(
    st: MockState, delegate: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Record a call of an autospecced function's mock, which keeps its own
    copies of the call state on the function, as the stdlib's does."""
    record = record_call(st, args, kwargs)
    delegate.called = True
    delegate.call_count += 1
    delegate.call_args = record
    delegate.call_args_list.append(record)
    delegate.mock_calls.append(new_named_call("", args, kwargs))


_CHECK_SIG = CallableMixin._mock_check_sig
_INCREMENT = CallableMixin._increment_mock_call
_MOCK_CALL = CallableMixin._mock_call
_EXECUTE_MOCK_CALL = CallableMixin._execute_mock_call


class Mock(CallableMixin, NonCallableMock):
    """A mock object: every attribute is a new mock, every call is recorded.

    ``spec``/``spec_set`` restrict attributes to those of an object;
    ``side_effect`` is called (or raised, or iterated) on each call;
    ``return_value`` is what a call returns (a new mock by default); ``wraps``
    passes calls through to a real object; ``name`` shows in the repr; other
    keyword arguments configure attributes (``**{'method.return_value': 3}``).
    """

    __slots__ = ()

    __init__ = _init_mock


_ENGINE_INITS.extend((NonCallableMock.__init__, _init_mock))
_GET_CHILD_MOCK = NonCallableMock._get_child_mock

#: Names whose setting bypasses the spec/child logic: the engine's own
#: properties. Modules defining more mock kinds add theirs (``passthrough``).
_PASSTHROUGH: set[str] = {"_mock_state"}


def passthrough(klass: type) -> None:
    """Register ``klass``'s properties as plain settable attributes."""
    _PASSTHROUGH.update(
        name
        for name, value in vars(klass).items()
        if isinstance(value, property) and name != "__class__"
    )


for _klass in (NonCallableMock, CallableMixin, Mock):
    passthrough(_klass)

if REJECT_ASSERT_NAMES_WITHOUT_PREFIX:
    _ATTRIB_DENY_LIST = frozenset(
        name[len("assert_"):] for name in dir(NonCallableMock) if name.startswith("assert_")
    )
else:
    _ATTRIB_DENY_LIST = frozenset()

KINDS["Mock"] = Mock
KINDS["NonCallableMock"] = NonCallableMock
