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

from turbomock import _messages as msg
from turbomock import _mock_type
from turbomock._assertions import AssertionMethods
from turbomock._calls import _CallList, new_named_call
from turbomock._compat import (
    ALL_ASSERT_TYPOS,
    ASYNC_SIGNATURE_EXPLICIT,
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
    BARE_UNRESOLVED,
    MockType,
    _slots_of,
    instance_class,
    mock_of_class,
    new_mock,
    own_class,
    set_slots,
    variant_class,
)
from turbomock._sentinels import DEFAULT, _deleted, _missing
from turbomock._spec import _callable, is_exception, is_list, spec_for, spec_from_list
from turbomock._state import (
    Extra,
    MockState,
    _acquire,
    _release,
    drain,
    extract_mock_name,
    flush_ancestors,
    record_call,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


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
    vst = value._mock_state
    if vst.name or vst.new_name or vst.parent is not None or vst.new_parent is not None:
        return False
    node = parent
    while node is not None:
        if node is value:  # a mock can't become its own descendant
            return False
        node = node._mock_state.new_parent
    if new_name:
        vst.new_parent = parent
        vst.new_name = new_name
    if name:
        vst.parent = parent
        vst.name = name
    return True


_set_state: Callable[[Any, MockState], None]
_new_object = object.__new__
_new_state = dict.__new__
_object_setattr = object.__setattr__
#: The constructors that only run ``_init_state``: children of classes using them
#: can be built directly (see ``_new_child``).
_ENGINE_INITS: list[Any] = []

def _state_property(field: str, doc: str) -> property:
    """Exposes a state field under the stdlib's private ``_mock_*`` name."""

    def fget(self: NonCallableMock) -> Any:
        return getattr(self._mock_state, field)

    def fset(self: NonCallableMock, value: Any) -> None:
        setattr(self._mock_state, field, value)

    return property(fget, fset, doc=doc)


def _link_property(field: str) -> property:
    """A parent/name field: changing it renames pending calls, so settle them first."""

    def fget(self: NonCallableMock) -> Any:
        return getattr(self._mock_state, field)

    def fset(self: NonCallableMock, value: Any) -> None:
        st = self._mock_state
        flush_ancestors(st)
        setattr(st, field, value)

    return property(fget, fset)


def _args_kwargs_signature() -> Any:
    import inspect

    kinds = inspect.Parameter
    return inspect.Signature(
        [kinds("args", kinds.VAR_POSITIONAL), kinds("kwargs", kinds.VAR_KEYWORD)]
    )


class _SignatureAttribute:
    """``mock.__signature__``: what ``inspect.signature`` reports for an
    autospecced mock (looked up only when asked), or one set by hand. Absent
    otherwise, and on the class itself."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            if owner is None:
                raise AttributeError("__signature__")
            from turbomock._class_signatures import class_signature

            return class_signature(owner)
        extra = obj._mock_state.extra
        if extra is not None:
            if extra.signature is not None:
                return extra.signature
            check = extra.check_sig
            signature = getattr(check, "signature", None)
            if signature is not None:
                found = signature()
                if found is not None:
                    return found
        if ASYNC_SIGNATURE_EXPLICIT and issubclass(type(obj), KINDS["AsyncMockMixin"]):
            return _args_kwargs_signature()
        raise AttributeError("__signature__")

    def __set__(self, obj: Any, value: Any) -> None:
        obj._mock_state.signature = value

    def __delete__(self, obj: Any) -> None:
        obj._mock_state.signature = None


def _delegated(name: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """Call-state properties of autospecced functions live on the function."""

    def decorate(fget: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def getter(self: NonCallableMock) -> Any:
            delegate = self._mock_state.delegate
            if delegate is None:
                return fget(self)
            return getattr(delegate, name)

        getter.__name__ = name
        getter.__doc__ = fget.__doc__
        return getter

    return decorate


class Base(metaclass=MockType):
    """The root of every mock class and mixin (kept for code that names it)."""

    _mock_return_value = DEFAULT
    _mock_side_effect = None
    #: See ``_mock_refresh_flags`` and MockType.__call__.
    _mock_new_class: Any = None
    _mock_bare_init = False

    __new__ = new_mock
    __signature__ = _SignatureAttribute()

    def __init__(self, /, *args: Any, **kwargs: Any) -> None:
        pass


class NonCallableMock(AssertionMethods, Base):
    """A non-callable version of ``Mock``."""

    __slots__ = ("_mock_state",)

    # Class flags recomputed for each subclass (see __init_subclass__).
    _mock_fast_children = True
    _mock_plain_call = True
    #: MagicMock on 3.13: ``reset_mock(return_value=True)`` spares magic methods.
    _mock_keeps_magic_returns = False
    #: Per-kind extra reset work (AsyncMock awaits, ThreadingMock events).
    _mock_reset_hook: Any = None
    #: The magic methods instances support by default (MagicMock: all of them).
    _mock_default_slots: frozenset[str] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # No zero-argument super() in this class body: it would shadow the
        # ``__class__`` property below with the compiler's class cell.
        super(NonCallableMock, cls).__init_subclass__(**kwargs)  # noqa: UP008 - see above
        cls._mock_refresh_flags()

    @classmethod
    def _mock_refresh_flags(cls) -> None:
        """Decide once per class whether the fast paths may skip its hooks."""
        cls._mock_fast_children = (
            cls._get_child_mock is NonCallableMock._get_child_mock
            and cls.__init__ in _ENGINE_INITS
        )
        # How MockType.__call__ may make instances: the class they get when the
        # engine's __new__ is in use (found on the first call), and whether
        # ``cls()`` without arguments may skip __init__.
        cls._mock_new_class = (
            BARE_UNRESOLVED
            if cls.__new__ is new_mock and cls.__dict__.get("_mock_kind") != "own"
            else None
        )
        cls._mock_bare_init = cls.__init__ in _ENGINE_INITS
        mixin = CallableMixin
        cls._mock_plain_call = (
            getattr(cls, "_mock_call", None) in (None, mixin._mock_call)
            and getattr(cls, "_execute_mock_call", None) in (None, mixin._execute_mock_call)
            and getattr(cls, "_increment_mock_call", None) in (None, mixin._increment_mock_call)
            and getattr(cls, "_mock_check_sig", None) in (None, mixin._mock_check_sig)
        )

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
                MockState(parent, name, parent if _new_parent is None else _new_parent, _new_name),
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
            spec_class = self._mock_state.spec_class
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
        return self._mock_state.return_value

    @_mock_return_value.setter
    def _mock_return_value(self, value: Any) -> None:
        self._mock_state.return_value = value

    @property
    def _mock_side_effect(self) -> Any:
        return self._mock_state.side_effect

    @_mock_side_effect.setter
    def _mock_side_effect(self, value: Any) -> None:
        self._mock_state.side_effect = value

    @property
    def _mock_children(self) -> dict[str, Any]:
        return self._mock_state

    @property
    def _mock_methods(self) -> Any:
        spec = self._mock_state.spec
        return None if spec is None else spec.methods

    @property
    def _spec_signature(self) -> Any:
        st = self._mock_state
        sig = st.spec_signature
        if sig is DEFAULT:
            spec = st.spec
            sig = None if spec is None else spec.signature(*st.spec_flags)
            st.spec_signature = sig
        return sig

    @_spec_signature.setter
    def _spec_signature(self, value: Any) -> None:
        self._mock_state.spec_signature = value

    @property
    def _spec_asyncs(self) -> list[str]:
        spec = self._mock_state.spec
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

    __signature__ = _SignatureAttribute()

    # -- configuration ---------------------------------------------------------

    def _get_return_value(self) -> Any:
        st = self._mock_state
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
            if value is fresh and not type(self)._mock_fast_children:
                # Made by a _get_child_mock of the user's: adopt it if it has no parent.
                _check_and_set_parent(self, value, None, "()")
        return value

    def _set_return_value(self, value: Any) -> None:
        st = self._mock_state
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
        st = self._mock_state
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
        st = self._mock_state
        if st.delegate is None:
            st.side_effect = value
        else:
            st.delegate.side_effect = value

    side_effect = property(_get_side_effect, _set_side_effect)

    # -- call state: derived from the recorded calls, so never lost -----------

    @_delegated("called")
    def _get_called(self) -> Any:
        st = self._mock_state
        count = st.call_count()
        pinned = st.called_set
        if pinned is not None and pinned[1] == count:
            return pinned[0]
        return count > 0

    def _set_called(self, value: bool) -> None:
        st = self._mock_state
        if st.delegate is not None:
            st.delegate.called = value
        else:
            st.called_set = (value, st.call_count())

    called = property(_get_called, _set_called)

    @_delegated("call_count")
    def _get_call_count(self) -> int:
        return self._mock_state.call_count()

    def _set_call_count(self, value: int) -> None:
        st = self._mock_state
        if st.delegate is not None:
            st.delegate.call_count = value
            return
        called = self.called
        calls = st.calls
        st.count_adjust = value - (len(calls) if calls is not None else 0)
        # As with the stdlib, the flags stay as they were until the next call.
        st.called_set = (called, value)

    call_count = property(_get_call_count, _set_call_count)

    @_delegated("call_args")
    def _get_call_args(self) -> Any:
        st = self._mock_state
        pinned = st.call_args_set
        if pinned is not None and pinned[1] == st.call_count():
            return pinned[0]
        calls = st.calls
        if calls:
            return calls[-1]
        return None if pinned is None else pinned[0]

    def _set_call_args(self, value: Any) -> None:
        st = self._mock_state
        if st.delegate is not None:
            st.delegate.call_args = value
        else:
            st.call_args_set = (value, st.call_count())

    call_args = property(_get_call_args, _set_call_args)

    @_delegated("call_args_list")
    def _get_call_args_list(self) -> _CallList:
        return self._mock_state.call_list()

    def _set_call_args_list(self, value: Any) -> None:
        st = self._mock_state
        if st.delegate is not None:
            st.delegate.call_args_list = value
            return
        count = st.call_count()
        call_args = self.call_args
        st.calls = value
        st.count_adjust = count - len(value)
        # call_count and call_args stay as they were until the next call.
        st.call_args_set = (call_args, count)

    call_args_list = property(_get_call_args_list, _set_call_args_list)

    @_delegated("mock_calls")
    def _get_mock_calls(self) -> _CallList:
        st = self._mock_state
        if st.pending or st.mock_calls is None:
            drain(st)
        calls: _CallList = st.mock_calls  # drain() made it
        return calls

    def _set_mock_calls(self, value: Any) -> None:
        st = self._mock_state
        if st.delegate is not None:
            st.delegate.mock_calls = value
            return
        drain(st)
        st.mock_calls = value

    mock_calls = property(_get_mock_calls, _set_mock_calls)

    def _get_method_calls(self) -> _CallList:
        st = self._mock_state
        if st.pending or st.method_calls is None:
            drain(st)
        calls: _CallList = st.method_calls  # drain() made it
        return calls

    def _set_method_calls(self, value: Any) -> None:
        st = self._mock_state
        drain(st)
        st.method_calls = value

    method_calls = property(_get_method_calls, _set_method_calls)

    # -- public configuration methods ----------------------------------------

    def attach_mock(self, mock: Any, attribute: str) -> None:
        """Attach a mock as an attribute of this one, replacing its name and
        parent; its calls then show in this mock's method_calls and mock_calls."""
        inner = _extract_mock(mock)
        ist = inner._mock_state
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
        st = self._mock_state
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
        _reset_tree(self, set() if visited is None else visited, return_value, side_effect)

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
        st = self._mock_state
        extra = st.extra
        if extra is None:
            spec = None
        else:
            spec = extra.spec
            if spec is not None and (name not in spec.names or name in ALL_MAGICS):
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
        cls = type(self)
        if extra is None and cls._mock_fast_children:
            # The common case, inline: no spec, no wraps, no hooks overridden.
            klass = _attribute_children.get(cls)
            child = _new_object(_attribute_child_class(cls) if klass is None else klass)
            # MockState(self, name, self, name), written out: a fresh chain is
            # mostly this, and the type call and __init__ frame cost ~5% of it
            # (tests/test_mock.py checks the two stay the same).
            cst = _new_state(MockState)
            cst.parent = cst.new_parent = self
            cst.name = cst.new_name = name
            cst.pending = cst.magics = cst.side_effect = cst.calls = cst.extra = None
            cst.return_value = DEFAULT
            _set_state(child, cst)
            # setdefault is atomic: threads racing here all get one child.
            winner = st.setdefault(name, child)
            if winner is child:
                return child
            if winner is not _deleted:
                return winner
        return _new_child(self, st, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _PASSTHROUGH:
            return object.__setattr__(self, name, value)
        st = self._mock_state
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
        st = self._mock_state
        if name in ALL_MAGICS and _delete_magic(self, st, name):
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
        st = self._mock_state
        names = set(st.spec.methods) if st.spec is not None else set()
        names.update(e for e in dir(type(self)) if not e.startswith("_"))
        names.update(e for e in self.__dict__ if not e.startswith("_") or is_magic(e))
        if st:
            names.update(k for k, v in st.items() if v is not _deleted)
        if st.magics:
            names.update(st.magics)
        return sorted(names)

    def _extract_mock_name(self) -> str:
        return extract_mock_name(self._mock_state)

    def __repr__(self) -> str:
        st = self._mock_state
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
        st = self._mock_state
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


_NO_CHILD = frozenset({"_mock_state", "_mock_methods", "_mock_unsafe"})

#: Names seen to be ordinary attribute names (not magic, not an assert typo, not
#: internal): they skip ``_check_name``. Bounded, it only ever saves time.
_PLAIN_NAMES: set[str] = set()


def _check_name(st: MockState, spec: Any, name: str) -> None:
    """Refuse names a mock must not create a child for (magic names, assert
    typos unless ``unsafe``, the engine's internals)."""
    if name in _NO_CHILD:
        raise AttributeError(name)
    if spec is None and is_magic(name):
        raise AttributeError(name)
    if name.startswith(_ASSERT_PREFIXES) or name in _ATTRIB_DENY_LIST:
        if not st.unsafe and (spec is None or not ALL_ASSERT_TYPOS or not spec.names):
            raise AttributeError(msg.invalid_assertion(name))
        return
    if not is_magic(name) and len(_PLAIN_NAMES) < 10_000:
        _PLAIN_NAMES.add(name)


def _reset_tree(root: Any, visited: Any, return_value: bool, side_effect: bool) -> None:
    """``reset_mock`` for a whole tree, without a method call per mock unless a
    class overrides ``reset_mock``."""
    seen = visited.add if isinstance(visited, set) else visited.append
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
        seen(key)
        st = node._mock_state
        if forget_return and cls._mock_keeps_magic_returns:
            name = st.name
            if name and is_magic(name):
                forget_return = False  # str(m) stays a str after a reset
        extra = st.extra
        if extra is not None:
            if extra.delegate is not None:
                _forget_delegate_calls(extra.delegate)
            extra.count_adjust = 0
            extra.called_set = None
            extra.call_args_set = None
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
    extra = st.extra
    if extra is None:
        if spec is None and not spec_set:
            st.spec = None
            return
        extra = st.extra = Extra()
    extra.spec_signature = DEFAULT
    extra.spec_set = spec_set
    if spec is None:
        st.spec = None
        extra.spec_class = None
    elif is_list(spec):
        st.spec = spec_from_list(spec)
        extra.spec_class = None
    else:
        st.spec = spec_for(spec)
        extra.spec_class = spec if isinstance(spec, type) else type(spec)
        extra.spec_flags = (as_instance, eat_self)


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
    if kwargs:
        unsafe = kwargs.pop("unsafe", False)
        _spec_as_instance = kwargs.pop("_spec_as_instance", False)
        _eat_self = kwargs.pop("_eat_self", None)
    else:
        unsafe = _spec_as_instance = False
        _eat_self = None
    st = MockState(parent, name, parent if _new_parent is None else _new_parent, _new_name)
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
        if not isinstance(spec, type) and not is_list(spec):
            _become_async_if_needed(self, spec)
        if self._mock_default_slots is not None:
            self._mock_set_magics()
    elif spec_set is not None:
        st.spec_set = spec_set
    if kwargs:
        self.configure_mock(**kwargs)
    if side_effect is not None:
        st.side_effect = _try_iter(side_effect)


def _become_async_if_needed(mock: Any, spec: Any) -> None:
    """A mock specced on a coroutine function behaves like an AsyncMock."""
    hook = KINDS.get("_make_async")
    if hook is not None:
        hook(mock, spec, variant_class)


def _new_child(self: Any, st: MockState, name: str) -> Any:
    """Create, cache and return the child mock for attribute ``name``."""
    cls = type(self)
    if cls._mock_fast_children and st.spec is None:
        wraps = st.wraps
        wrapped = None if wraps is None else getattr(wraps, name)
        if st.extra is not None and st.extra.sealed:
            raise AttributeError(f"{extract_mock_name(st)}.{name}")
        klass = _attribute_children.get(cls)
        child: Any = _new_object(_attribute_child_class(cls) if klass is None else klass)
        cst = MockState(self, name, self, name)
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
    cls = type(self)
    # Unlike attributes, a return value doesn't depend on the spec ('()' is never
    # an attribute name), so specced mocks take the direct path too.
    if cls._mock_fast_children:
        extra = st.extra
        if extra is not None and extra.sealed:
            raise AttributeError(extract_mock_name(st) + "()")
        klass = _attribute_children.get(cls)
        child: Any = _new_object(_attribute_child_class(cls) if klass is None else klass)
        _set_state(child, MockState(None, None, self, "()"))
        return child
    return self._get_child_mock(_new_parent=self, _new_name="()")


_attribute_children: dict[type, type] = {}


def _attribute_child_class(cls: type) -> type:
    """The instance class of a plain attribute child (cached per class)."""
    klass = _attribute_children.get(cls)
    if klass is None:
        klass = _attribute_children[cls] = instance_class(_child_class(cls, None, None))
    return klass


def public_class(cls: type) -> type:
    """The user-visible mock class behind an instance (or own) class."""
    for klass in cls.__mro__:
        if "_mock_kind" not in klass.__dict__ and issubclass(klass, NonCallableMock):
            return klass
    return cls


def _child_class(cls: type, new_name: Any, spec: Any) -> Any:
    """Which mock class a child named ``new_name`` of a ``cls`` mock gets."""
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
    return public_class(cls)


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
            mock = None if owner is None else mock_of_class(owner, depth=2)
            return self if mock is None else getattr(mock, self.name)
        magics = obj._mock_state.magics
        if magics is not None:
            found = magics.get(self.name)
            if found is not None:
                return found
        return self.missing(obj)

    def missing(self, obj: Any) -> Any:
        raise MissingMagic(_missing_magic_text(obj, self.name))


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
    for klass in cls.__mro__:
        found = klass.__dict__.get(name, _missing)
        if found is not _missing:
            return found
    return None


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

        if st.get(name) is _deleted:
            del st[name]
    if not isinstance(_class_attribute(type(mock), name), MagicSlot):
        type.__setattr__(own_class(mock), name, MagicSlot(name))
    st.magic_dict()[name] = stored


def _delete_magic(mock: Any, st: MockState, name: str) -> bool:
    """``del mock.__len__``; True when fully handled here.

    As with the stdlib: the first deletion takes the method off the class (so
    Python sees it as absent); only a method that was configured or used is also
    marked deleted. Otherwise a later deletion marks it, and the one after raises.
    """
    cls = type(mock)
    if not isinstance(cls.__dict__.get(name), MagicSlot):
        return False  # not on the class: the ordinary deletion applies
    magics = st.magics
    configured = magics.pop(name, None) if magics is not None else None
    slots = _slots_of(cls)
    if slots is not None and name in slots:
        set_slots(mock, slots - {name})
    else:
        type.__delattr__(own_class(mock), name)
    if configured is not None:
        st[name] = _deleted
    return True


class CallableMixin(Base):
    """What makes a mock callable: recording a call and producing its result."""

    if TYPE_CHECKING:  # provided by NonCallableMock
        _mock_state: MockState
        _mock_plain_call: bool
        return_value: Any

    __init__ = _init_mock

    def _mock_check_sig(self, /, *args: Any, **kwargs: Any) -> None:
        """Hook for signature checking; autospec sets ``check_sig`` instead."""

    def __call__(self, /, *args: Any, **kwargs: Any) -> Any:
        st = self._mock_state
        extra = st.extra
        if extra is None:
            if self._mock_plain_call:
                record_call(st, args, kwargs)
                if st.side_effect is None:
                    # _execute() when there is nothing to run: no extra, so no
                    # wraps and no delegate either.
                    value = st.return_value
                    return self.return_value if value is DEFAULT else value
                return _execute(self, st, args, kwargs)
        else:
            check = extra.check_sig
            if check is not None:
                check(*args, **kwargs)
            if self._mock_plain_call:
                if extra.delegate is None:
                    record_call(st, args, kwargs)
                else:
                    _record_delegated(st, extra.delegate, args, kwargs)
                return _execute(self, st, args, kwargs)
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args: Any, **kwargs: Any) -> None:
        st = self._mock_state
        delegate = st.delegate
        if delegate is None:
            record_call(st, args, kwargs)
        else:
            _record_delegated(st, delegate, args, kwargs)

    def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        return _execute(self, self._mock_state, args, kwargs)


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


def _execute(mock: Any, st: MockState, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """A call's result: side effect, else return value, else the wrapped object."""
    extra = st.extra
    delegate = None if extra is None else extra.delegate
    effect = st.side_effect if delegate is None else mock.side_effect
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
        return value if delegate is None else mock.return_value
    if delegate is not None and delegate.return_value is not DEFAULT:
        return mock.return_value
    if extra is not None and extra.wraps is not None:
        return extra.wraps(*args, **kwargs)
    return mock.return_value


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
_set_state = NonCallableMock.__dict__["_mock_state"].__set__
_mock_type._MockState = MockState
_mock_type._set_state = _set_state
NonCallableMock.__init_subclass__()
Mock.__init_subclass__()

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
