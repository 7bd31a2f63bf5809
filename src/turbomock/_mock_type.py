"""The classes mock instances really have, without one class per mock.

The stdlib creates a new class for every mock (7-13 µs each) so that edits such
as ``type(m).foo = PropertyMock()`` only touch that one mock. turbomock instead
gives all instances of ``Mock`` one hidden *instance class*, a subclass of
``Mock`` with the same name (so ``type(m).__mro__[1] is Mock`` as with the
stdlib). An edit of an instance class can only come from ``type(m)``, so the
metaclass redirects it to a class of that one mock's own, created then
(``own_class``). Which mock ``type()`` was called on is read from the caller's
bytecode (``_class_edits``).

Magic methods are the one thing that must live on the class itself (Python looks
them up on the type). A ``MagicMock``'s instance class carries one slot descriptor
per supported magic method; a mock whose spec lacks some of them, or that had one
deleted, moves to a *slot variant*: a shared instance class with exactly the slots
it supports, so Python sees the method as absent (``len()`` raises its own
``TypeError``, ``x + mock`` tries the reflected method) just as with the stdlib's
per-instance classes. Variants are cached per (class, set of slots).
"""

from __future__ import annotations

import threading
import weakref

from turbomock._sentinels import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_lock = threading.Lock()

#: public class -> its shared instance class; instance and own classes map to themselves.
_instance_classes: dict[type, type] = {}

#: Names whose change on a class invalidates its fast-path flags.
_FLAG_NAMES = frozenset(
    {"_get_child_mock", "__init__", "_mock_call", "_execute_mock_call",
     "_increment_mock_call", "_mock_check_sig", "__new__"}
)

_set_class = object.__dict__["__class__"].__set__


def instance_class(cls: type) -> type:
    """The class instances of ``cls`` are created with."""
    found = _instance_classes.get(cls)
    if found is not None:
        return found
    with _lock:
        found = _instance_classes.get(cls)
        if found is None:
            kind = cls.__dict__.get("_mock_kind")
            if kind is not None:
                found = cls
            else:
                found = _derive(cls, (cls,), "shared", getattr(cls, "_mock_default_slots", None))
                _instance_classes[found] = found
            _instance_classes[cls] = found
    return found


#: Makes the descriptor of one default magic method (set by ``turbomock._magic``).
slot_factory: Any = None


def _derive(
    like: type, bases: tuple[type, ...], kind: str, slots: frozenset[str] | None = None
) -> type:
    namespace: dict[str, Any] = {
        "__doc__": like.__doc__,
        "__module__": like.__module__,
        "__qualname__": like.__qualname__,
        "__slots__": (),
        "_mock_kind": kind,
    }
    if slots is not None:
        namespace["_mock_slots"] = slots
    cls: type = type(like)(like.__name__, bases, namespace)
    if slots:
        # Set after creation: ``__eq__`` in a class body would set ``__hash__`` to None.
        for name in slots:
            type.__setattr__(cls, name, slot_factory(name))
    return cls


def _slots_of(cls: type) -> frozenset[str] | None:
    """The default magic slots an instance (or own) class carries, if any."""
    slots: frozenset[str] | None = cls.__dict__.get("_mock_slots")
    return slots


def own_class(mock: Any) -> type:
    """The mock's class of its own, made (and swapped in) on first need."""
    cls = type(mock)
    if cls.__dict__.get("_mock_kind") == "own":
        return cls
    bases = cls.__bases__ if cls.__dict__.get("_mock_kind") == "shared" else (cls,)
    own = _derive(cls, bases, "own", _slots_of(cls))
    type.__setattr__(own, "_mock_owner", weakref.ref(mock))
    _instance_classes[own] = own
    _set_class(mock, own)
    return own


def variant_class(cls: type, mixin: type) -> type:
    """A shared instance class for ``cls`` with ``mixin`` in front (how a Mock
    specced on a coroutine function becomes async)."""
    key = (cls, mixin)
    found = _variants.get(key)
    if found is None:
        public = cls.__mro__[1] if cls.__dict__.get("_mock_kind") else cls
        found = _derive(public, (mixin, public), "shared", _slots_of(cls))
        _instance_classes[found] = found
        _variants[key] = found
    return found


_variants: dict[tuple[type, type], type] = {}


def set_slots(mock: Any, slots: frozenset[str]) -> None:
    """Give ``mock`` a class carrying exactly ``slots`` as default magic methods."""
    cls = type(mock)
    current = _slots_of(cls)
    if current is None or current == slots:
        return
    if cls.__dict__.get("_mock_kind") == "own":
        # That mock's class alone: edit it in place.
        for name in current - slots:
            if name in cls.__dict__:
                type.__delattr__(cls, name)
        for name in slots - current:
            if name not in cls.__dict__:
                type.__setattr__(cls, name, slot_factory(name))
        type.__setattr__(cls, "_mock_slots", slots)
        return
    key = (cls, slots)
    found = _slot_variants.get(key)
    if found is None:
        with _lock:
            found = _slot_variants.get(key)
            if found is None:
                found = _derive(cls, cls.__bases__, "shared", slots)
                _instance_classes[found] = found
                _slot_variants[key] = found
    _set_class(mock, found)


_slot_variants: dict[tuple[type, frozenset[str]], type] = {}


def mock_of_class(cls: type, depth: int) -> Any:
    """The one mock an instance class was reached from (``type(mock)``), if known."""
    kind = cls.__dict__.get("_mock_kind")
    if kind == "own":
        return cls.__dict__["_mock_owner"]()
    if kind == "shared":
        from turbomock._class_edits import mock_behind_type_call

        return mock_behind_type_call(cls, depth=depth + 1)
    return None


def new_mock(cls: type, /, *args: Any, **kwargs: Any) -> Any:
    """``__new__`` of every mock class: an instance of the shared instance class."""
    target = _instance_classes.get(cls)
    return _new_object(instance_class(cls) if target is None else target)


_new_object = object.__new__
_new_state = dict.__new__


#: ``_mock_new_class`` of a class whose instance class isn't known yet.
BARE_UNRESOLVED: Any = object()

#: Set by ``turbomock._mock``: the state class, and how a mock's state is stored.
_MockState: Any = None
_set_state: Any = None


class MockType(type):
    """Metaclass of every mock class: sends ``type(mock)`` edits to that mock's
    own class, and makes ``Mock()`` without arguments in one step."""

    def __call__(cls, /, *args: Any, **kwargs: Any) -> Any:
        target = cls._mock_new_class  # type: ignore[attr-defined]
        if target is None:
            return type.__call__(cls, *args, **kwargs)
        if target is BARE_UNRESOLVED:
            target = instance_class(cls)
            type.__setattr__(cls, "_mock_new_class", target)
        # What new_mock (the engine's __new__) does, without its frame.
        mock: Any = _new_object(target)
        if args or kwargs or not cls._mock_bare_init:  # type: ignore[attr-defined]
            cls.__init__(mock, *args, **kwargs)  # type: ignore[misc]
        else:
            # All an engine __init__ does without arguments: MockState(), written
            # out (tests/test_mock_type.py checks the two stay the same).
            st = _new_state(_MockState)
            st.parent = st.name = st.new_parent = None
            st.new_name = ""
            st.pending = st.magics = st.side_effect = st.calls = st.extra = None
            st.return_value = DEFAULT
            _set_state(mock, st)
        return mock

    def __setattr__(cls, name: str, value: Any) -> None:
        if cls.__dict__.get("_mock_kind") == "shared":
            mock = _edited_mock(cls)
            if mock is not None:
                setattr(own_class(mock), name, value)
                return
        type.__setattr__(cls, name, value)
        if name in _FLAG_NAMES:
            _refresh_flags(cls)

    def __delattr__(cls, name: str) -> None:
        if cls.__dict__.get("_mock_kind") == "shared":
            mock = _edited_mock(cls)
            if mock is not None:
                delattr(own_class(mock), name)
                return
        type.__delattr__(cls, name)
        if name in _FLAG_NAMES:
            _refresh_flags(cls)


def _edited_mock(cls: type) -> Any:
    from turbomock._class_edits import mock_behind_type_call

    # Frames: 0 here, 1 MockType.__setattr__/__delattr__, 2 the editing code.
    return mock_behind_type_call(cls, depth=3)


def _refresh_flags(cls: type) -> None:
    """Recompute the fast-path flags of ``cls`` and every class below it."""
    stack = [cls]
    while stack:
        klass = stack.pop()
        refresh = getattr(klass, "_mock_refresh_flags", None)
        if refresh is not None:
            refresh()
        stack.extend(type.__subclasses__(klass))
