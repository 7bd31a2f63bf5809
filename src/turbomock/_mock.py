"""The mock engine: ``NonCallableMock``, ``CallableMixin`` and ``Mock``.

A mock is an instance of a class shared by all mocks of its kind (see
``_mock_type``) holding one ``MockState`` in the ``_mock_state`` slot. Child mocks
are created on first attribute access and then stored as ordinary instance
attributes as well as in the state (a dict of children), so reaching an existing
child is a plain attribute lookup. See docs/design.md.
"""

from __future__ import annotations

from turbomock import _call_state
from turbomock import _messages as msg
from turbomock._assertions import AssertionMethods
from turbomock._attributes import (
    DETACHED,
    check_and_set_parent,
    delete_attribute,
    extract_mock,
    list_attributes,
    passthrough,
    set_attribute,
)
from turbomock._base import Base
from turbomock._base import set_state as _set_state
from turbomock._base import state_of as _get_state
from turbomock._call_lists import RecordList
from turbomock._call_state import book_if_unnameable
from turbomock._calls import _Call, new_named_call
from turbomock._children import (
    PLAIN_NAMES,
    check_name,
    get_child_mock,
    new_child,
    new_return_value,
)
from turbomock._class_holder import own_classes
from turbomock._class_signatures import SignatureAttribute
from turbomock._compat import (
    WRAPS_KEEPS_DEFAULT_RETURN,
)
from turbomock._construct import (
    ENGINE_INITS,
    PASSING_INITS,
    apply_spec,
    inherit_check,
    init_mock,
    new_mock,
)
from turbomock._magic_names import (
    ALL_MAGICS,
)
from turbomock._mock_type import (
    Pool,
    know_owner,
)
from turbomock._native import NATIVE
from turbomock._private_names import PrivateNames
from turbomock._reset import Visited, reset_tree
from turbomock._sentinels import DEFAULT, _deleted, _missing
from turbomock._spec import _callable, is_exception
from turbomock._spec_state import _SpecState
from turbomock._state import (
    Extra,
    MockState,
    _acquire,
    _release,
    extract_mock_name,
    flush_ancestors,
    new_state,
    notify_parents,
    record_call,
)
from turbomock._state import lock as _state_lock

_new_object = object.__new__
_object_setattr = object.__setattr__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from functools import reduce
    from typing import Any, TypeVar

    _M = TypeVar("_M")
else:  # the same function, without loading functools (docs/design.md, the import)
    from _functools import reduce


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


def _is_instance_mock(obj: object) -> bool:
    """Whether ``obj`` is a mock; ``isinstance`` can't tell, mocks fake ``__class__``."""
    return issubclass(type(obj), NonCallableMock)


def _try_iter(obj: Any) -> Any:
    """A side effect as it is stored: iterables become iterators; a function, an
    exception or None stays as given, and so does anything not iterable (it fails
    when the mock is called, as with the stdlib)."""
    if obj is not None and not is_exception(obj) and not _callable(obj):
        try:
            obj = iter(obj)
        except TypeError:
            pass
    return obj



if TYPE_CHECKING:

    class _BaseWithAssertions(AssertionMethods, PrivateNames, Base):
        """What type checkers see: these methods are NonCallableMock's."""

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
    #: Per-kind state the stdlib's ``__init__`` makes at once (AsyncMock's await
    #: list): made before a copy, which must share it.
    _mock_kind_state: Any = None
    #: Names dir() lists beyond the filtered ones (AsyncMock's function attributes).
    _mock_dir_extras: tuple[str, ...] = ()
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
            st = new_state(parent, name, parent if _new_parent is None else _new_parent, _new_name)
            _set_state(self, st)
            if type(self)._mock_pool is None:
                inherit_check(self, st)
            if parent is not None or type(_new_name) is not str:
                book_if_unnameable(st)
        else:
            init_mock(
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

    __signature__ = SignatureAttribute()

    # -- configuration ---------------------------------------------------------

    def _get_return_value(self) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is None:
            value = st.return_value
            if value is DEFAULT and _fresh_return_value is not None:
                # The native core makes and stores it where the direct path
                # below applies (None: not handled, nothing done).
                made = _fresh_return_value(self)
                if made is not None:
                    return made
            keep_default = False
        else:
            delegate = extra.delegate
            value = st.return_value if delegate is None else delegate.return_value
            keep_default = extra.wraps is not None and WRAPS_KEEPS_DEFAULT_RETURN
            if value is DEFAULT and delegate is None and _fresh_return_value is not None:
                made = _fresh_return_value(self)  # (the same, for a specced mock)
                if made is not None:
                    return made
        if value is DEFAULT and not keep_default:
            fresh = new_return_value(self, st)
            delegate = None if extra is None else extra.delegate
            # Two threads calling a new mock must share one return value.
            _acquire()
            try:
                if delegate is None:
                    value = st.return_value
                    if value is DEFAULT:
                        value = st.return_value = fresh
                else:
                    # An autospecced function's: it holds the return value (the
                    # stdlib's setter hands it there), whatever the mock had.
                    value = delegate.return_value
                    if value is DEFAULT:
                        value = delegate.return_value = fresh
            finally:
                _release()
            if value is fresh and delegate is None and _get_state(value).new_parent is not self:
                # Made by a _get_child_mock of the user's: adopt it if it has no parent.
                check_and_set_parent(self, value, None, "()")
        return value

    def _set_return_value(self, value: Any) -> None:
        st = _get_state(self)
        if st.delegate is not None:
            st.delegate.return_value = value
            return
        st.return_value = value
        check_and_set_parent(self, value, None, "()")

    return_value = property(
        _get_return_value,
        _set_return_value,
        doc="The value to be returned when the mock is called.",
    )

    def _get_side_effect(self) -> Any:
        delegate = _get_state(self).delegate
        if delegate is None:
            return _get_state(self).side_effect
        # An autospecced function's: an iterable given to it is read through a
        # _MockIter, made on first read and kept there, as the stdlib does.
        effect = delegate.side_effect
        plain = effect is None or callable(effect) or is_exception(effect)
        if not plain and not isinstance(effect, _MockIter):
            effect = delegate.side_effect = _MockIter(effect)
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
        inner = extract_mock(mock)
        # Detached first, so that setting it adopts it under its new name.
        if _is_instance_mock(inner):
            ist = _get_state(inner)
            flush_ancestors(ist)  # its calls so far keep the names they had
            ist.parent = ist.new_parent = ist.new_name = None
            ist.name = ""
        else:
            # Not a mock (a function, say): the stdlib sets these on it all the same.
            for name, value in DETACHED.items():
                setattr(inner, name, value)
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
            plan.build_walked_children(self)
        apply_spec(st, spec, spec_set, _spec_as_instance, _eat_self)
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
        reset_tree(self, Visited() if visited is None else visited, return_value, side_effect)

    def configure_mock(self, /, **kwargs: Any) -> None:
        """Set attributes, including on children with dotted names:
        ``mock.configure_mock(**{'method.return_value': 3})``."""
        # Shallower names first: ``a`` is set before ``a.b`` is set on it.
        for dotted, value in sorted(kwargs.items(), key=lambda item: item[0].count(".")):
            owner_path, _, attribute = dotted.rpartition(".")
            target = reduce(getattr, owner_path.split(".") if owner_path else (), self)
            setattr(target, attribute, value)

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
                    # (A spec function's child is found all the same: the stdlib's
                    # autospec made it an instance attribute as the mock was made.)
                    plan = extra.autospec
                    held = None if plan is None else plan.walked_function(self, name)
                    if held is None:
                        raise AttributeError(msg.no_attribute(name))
                    return held
            elif spec is not None and (name not in spec.names or name in ALL_MAGICS):
                raise AttributeError(msg.no_attribute(name))
        if name not in PLAIN_NAMES:
            check_name(st, spec, name)
        child = st.get(name)
        if child is not None:
            if child is _deleted:
                raise AttributeError(name)
            if type(child) is _SpecState:
                # Listed by an autospec's lay_out() (a cycle: _autospec builds on this module).
                from turbomock._autospec import build_placeholder

                return build_placeholder(self, st, name, child)
            if extra is not None and extra.shares_children:
                return child  # shared with a copy: looked up here every time
            # Used a second time: from now on an ordinary instance attribute, found
            # without this method. (Not at creation: most children of a fresh
            # mock are reached once, and a first instance attribute costs a dict.)
            # One thread at a time: CPython 3.11 was seen to crash when threads
            # raced to store the first attribute of one object.
            _acquire()
            try:
                _object_setattr(self, name, child)
                # The stdlib's mock holds no child in its __dict__: an edit of the
                # class must find this mock to take the cached one out (LeafType).
                know_owner(self)
            finally:
                _release()
            return child
        return new_child(self, st, name)

    __setattr__ = set_attribute
    __delattr__ = delete_attribute
    __dir__ = list_attributes

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

    _get_child_mock = get_child_mock


# The assertion methods and the stdlib's private names (written in their own
# modules) become NonCallableMock's own, as the stdlib's are: no extra classes in
# every mock's MRO.
for _group in (AssertionMethods, PrivateNames):
    for _name, _value in vars(_group).items():
        if not (_name.startswith("__") and _name.endswith("__")):
            if _name in NonCallableMock.__dict__:  # one definition per name
                raise RuntimeError(msg.defined_twice(_name))
            setattr(NonCallableMock, _name, _value)
del _group, _name, _value


class _MockIter:
    """Marks an iterator made from an autospecced function's side_effect."""

    def __init__(self, obj: Any) -> None:
        self.obj = iter(obj)

    def __next__(self) -> Any:
        return next(self.obj)


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
        __init__ = init_mock

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
        if (
            cls._mock_check_sig is not _CHECK_SIG
            or cls._increment_mock_call is not _INCREMENT
            or (extra is not None and extra.own_hooks)
        ):
            self._mock_check_sig(*args, **kwargs)
            self._increment_mock_call(*args, **kwargs)
            return self._mock_call(*args, **kwargs)
        # _increment_mock_call, inline.
        if extra is None or extra.delegate is None:
            record_call(st, args, kwargs)
        else:
            _record_delegated(self, st, extra.delegate, args, kwargs)
        if (
            extra is None
            and st.side_effect is None
            and cls._mock_call is _MOCK_CALL
            and cls._execute_mock_call is _EXECUTE_MOCK_CALL
            and cls.return_value is _RETURN_VALUE  # (else the class says what it is)
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
            _record_delegated(self, st, delegate, args, kwargs)

    def _execute_mock_call(self, /, *args: Any, **kwargs: Any) -> Any:
        """A call's result: side effect, else return value, else the wrapped object."""
        st = _get_state(self)
        extra = st.extra
        delegate = None if extra is None else extra.delegate
        effect = st.side_effect if delegate is None else self.side_effect
        if effect is not None:
            if is_exception(effect):
                # (The line a traceback shows: the stdlib's words.)
                raise effect
            if _callable(effect):
                result = effect(*args, **kwargs)  # (called here: the frames it sees)
            else:
                # An iterator's next item, raised if it is an exception.
                result = next(effect)
                if is_exception(result):
                    raise result
            if result is not DEFAULT:
                return result
        value = st.return_value
        if delegate is None and value is not DEFAULT:
            # (What self.return_value gives, unless the class says otherwise.)
            return value if type(self).return_value is _RETURN_VALUE else self.return_value
        # Nothing configured (here or on the autospecced function): the wrapped object.
        wraps = None if extra is None else extra.wraps
        if wraps is not None and value is DEFAULT and (
            delegate is None or delegate.return_value is DEFAULT
        ):
            return wraps(*args, **kwargs)
        return self.return_value


def _record_delegated(
    mock: Any, st: MockState, delegate: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Record a call of an autospecced function's mock, which keeps its
    call state on the function, as the stdlib's does, in its order: the
    function's copies first, then the mock's parents. (A copy deleted from the
    function fails as the stdlib's property does, through the mock's own
    ``__getattr__``, before any parent has the call.)"""
    record: Any = tuple.__new__(_Call, (args, kwargs))
    delegate.called = True
    count = _delegated(mock, delegate, "call_count")
    count += 1
    delegate.call_count = count
    delegate.call_args = record
    _delegated(mock, delegate, "call_args_list").append(record)
    _delegated(mock, delegate, "mock_calls").append(new_named_call("", args, kwargs))
    # The mock's own storage (its ``_mock_call_count`` ...) has no part in it, as
    # the stdlib's properties write the function's: only the parents hear of it.
    if st.new_parent is not None:
        notify_parents(st, record, args, kwargs)


def _delegated(mock: Any, delegate: Any, name: str) -> Any:
    """``mock.name`` for a name the function holds: the function's, else what the
    mock's ``__getattr__`` says (the stdlib's property falls back to it)."""
    try:
        return getattr(delegate, name)
    except AttributeError:
        return type(mock).__getattr__(mock, name)


_RETURN_VALUE = NonCallableMock.__dict__["return_value"]
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

    __init__ = init_mock


ENGINE_INITS.extend((NonCallableMock.__init__, init_mock))
#: The native core's first return value of a mock with no extra (None: pure Python).
_fresh_return_value: Any = getattr(NATIVE, "fresh_return_value", None)

if NATIVE is not None:
    # The native core takes the common cases of __init__ without arguments and of
    # __getattr__'s first access to a child (the block marked "a fresh chain is mostly
    # this" above) on pooled leaves, with these objects; it checks the same
    # conditions, else the Python code runs (see _fast_mocks.c).
    NATIVE.fast_mocks_setup(
        {
            "engine": NonCallableMock,
            "getattr": NonCallableMock.__dict__["__getattr__"],
            "new": NonCallableMock.__dict__["__new__"],
            "init": NonCallableMock.__dict__["__init__"],
            "init_mock": init_mock,
            "passing_inits": PASSING_INITS,
            "empty_name": "",
            "get_child_mock": get_child_mock,
            "engine_inits": ENGINE_INITS,
            "plain_names": PLAIN_NAMES,
            "deleted": _deleted,
            "new_child": new_child,
            "base": Base,
            "pool": Pool,
            "extra": Extra,
            "missing": _missing,
            "lock": _state_lock,
        }
    )
    if hasattr(NATIVE, "fast_calls_setup"):
        # And a pooled leaf's call, where __call__'s fast path above applies to
        # the mock and every parent is plain (see _fast_calls.c).
        NATIVE.fast_calls_setup(
            {
                "callable": Mock,
                "call": CallableMixin.__dict__["__call__"],
                "check_sig": _CHECK_SIG,
                "increment": _INCREMENT,
                "mock_call": _MOCK_CALL,
                "execute": _EXECUTE_MOCK_CALL,
                "return_value": NonCallableMock.__dict__["return_value"],
                "record_list": RecordList,
                "call_type": _Call,
            }
        )

for _klass in (NonCallableMock, CallableMixin, Mock):
    passthrough(_klass)
own_classes(NonCallableMock, CallableMixin, Mock)

