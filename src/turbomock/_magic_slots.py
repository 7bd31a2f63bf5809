"""Where a mock's magic methods live: the class-level slots and their storage.

Python looks magic methods up on the type, so a mock's ``__len__`` must be on its
class; its configuration (a mock, or a function called with the mock) lives in the
mock's state. A ``MagicSlot`` on the class hands out the instance's; setting or
deleting a magic method edits only that mock's class (every mock has its own, see
``_mock_type``). Shared by ``Mock`` (magic methods set by hand) and ``MagicMock``
(defaults, see ``_magic``)."""

from __future__ import annotations

from _weakref import ref as _weakref  # (weakref's C half: docs/design.md, the import)
from types import FunctionType, MethodType

import turbomock
from turbomock import _attributes, _mock
from turbomock import _messages as msg
from turbomock._base import named_as
from turbomock._base import state_of as _get_state
from turbomock._compat import PROPERTYMOCK_ATTRIBUTE_STAYS
from turbomock._mock_type import (
    MissingMagic,
    bag_of,
    change_bag,
    class_attribute,
    is_leaf,
    magic_of,
    owner_of,
    remember_owner,
    retire,
)
from turbomock._sentinels import _deleted
from turbomock._state import MockState, extract_mock_name
from turbomock._weak_cache import IdentityCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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
            # ``type(mock).__str__``: the stdlib hands out what it set on the class,
            # the mock's method (a mock), or a plain function taking the mock.
            if owner is not None and _inherits(owner, self):
                return self.__get__(None, owner.__mro__[1])
            mock = None if owner is None else owner_of(owner)
            if mock is None:
                return self
            found = magic_of(mock, self.name)
            return _class_level_of(found) or found if type(found) is FunctionType else found
        magics = _get_state(obj).magics
        if magics is not None:
            found = magics.get(self.name)
            if found is not None:
                return found
        own = type(obj).__dict__
        if "_mock_source" in own and own.get(self.name) is not self:  # (_inherits, inline)
            # A copy (or ``type(m)()`` before its ``__init__``): the stdlib's is an
            # instance of a class derived from the original's, whose methods it
            # inherits; a function there is bound to the copy.
            found = self.__get__(None, type(obj).__mro__[1])
            if found is not self:  # (self: the original is unknown)
                return MethodType(found, obj) if type(found) is FunctionType else found
        return self.missing(obj)

    def missing(self, obj: Any) -> Any:
        raise MissingMagic(missing_magic_text(obj, self.name))


def _inherits(cls: type, slot: MagicSlot) -> bool:
    """Whether ``cls`` is a copy's class that inherits ``slot`` (not its own)."""
    own = cls.__dict__
    return "_mock_source" in own and own.get(slot.name) is not slot


class DescribedMagicSlot(MagicSlot):
    """A magic method configured with a descriptor: what its ``__get__`` gives."""

    __slots__ = ()

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        mock = obj if obj is not None else None if owner is None else owner_of(owner)
        if mock is None:
            return self
        magics = _get_state(mock).magics
        if magics is None or self.name not in magics:
            return MagicSlot.__get__(self, obj, owner)  # taken away (a spec added since)
        value = magics[self.name]
        return type(value).__get__(value, obj, owner)


def missing_magic_text(obj: Any, name: str) -> str:
    return msg.missing_magic(type(obj).__name__, name)


_STORED_QUALNAME = "NonCallableMock.__setattr__.<locals>.<lambda>"
_stored_code: list[Any] = []
#: A function set as a magic method, as the mock has it -> as its class has it.
_class_level = IdentityCache()
_class_level_of = _class_level.get


def _class_method(name: str, original: Any) -> Any:
    """What ``type(mock).__len__`` is once ``mock.__len__ = f``: a function taking the
    mock first, named as the stdlib's."""

    @named_as("_get_method.<locals>.method")
    def method(self: Any, /, *args: Any, **kw: Any) -> Any:
        return original(self, *args, **kw)

    method.__name__ = name
    return method


def set_magic(mock: Any, st: MockState, name: str, value: Any) -> None:
    """``mock.__len__ = value``: a mock becomes the method, anything else is
    called with the mock as its first argument."""
    if _mock._is_instance_mock(value):
        # Only new_name: such calls show in mock_calls but not method_calls.
        _attributes.check_and_set_parent(mock, value, None, name)
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
            _stored_code.append(named_as(_STORED_QUALNAME)(stored).__code__)
        stored.__code__ = _stored_code[0]
        _class_level.put(stored, _class_method(name, original))
        if st.get(name) is _deleted:
            del st[name]
    cls = type(mock)
    # A value that is a descriptor (a PropertyMock) acts as one on the class, as the
    # stdlib's does when it sets the value on the class itself.
    described = stored is value and hasattr(type(value), "__get__")
    slot_kind = DescribedMagicSlot if described else MagicSlot
    present = class_attribute(cls, name)
    if (
        # (A copy's inherited slot is the original's: the copy's must be its own.)
        not isinstance(present, MagicSlot)
        or _inherits(cls, present)
        or (type(present) is not slot_kind and DescribedMagicSlot in (slot_kind, type(present)))
    ):
        # The class must carry it (Python looks magic methods up there): this
        # mock's class is its own, so it is edited in place.
        retire(cls)
        type.__setattr__(cls, name, slot_kind(name))
        if owner_of(cls) is None:
            remember_owner(mock)
    st.magic_dict()[name] = stored
    # The stdlib's instance attribute is overwritten too: one held from before (a
    # copy's, see settle_copy, or kept by a class edit) must not hide the new one.
    mock.__dict__.pop(name, None)
    extra = st.extra
    if extra is not None and extra.sealed and not hasattr(mock, name):
        # The stdlib's sealed check comes after the class has the method, and reads
        # it (a PropertyMock there is called; one that fails refuses the setting).
        raise AttributeError(msg.cannot_set_sealed(f"{extract_mock_name(st)}.{name}"))
    if stored is value and not (
        PROPERTYMOCK_ATTRIBUTE_STAYS and isinstance(value, turbomock._property.PropertyMock)
    ):
        # The stdlib then sets the value on the instance too, through the class,
        # where it now is: a data descriptor there (a PropertyMock) is called.
        setter = class_attribute(type(value), "__set__")
        if setter is not None:
            type(value).__set__(value, mock, value)


def delete_magic(mock: Any, st: MockState, name: str) -> bool:
    """``del mock.__len__``; True when fully handled here.

    As with the stdlib: the first deletion takes the method off the mock's class
    (so Python sees it as absent); only a method that was configured or used is
    also marked deleted. Otherwise a later deletion marks it, and the one after
    raises.
    """
    cls = type(mock)
    slot = cls.__dict__.get(name)
    own = isinstance(slot, MagicSlot)
    if "_mock_source" in cls.__dict__:
        return _delete_on_copy(mock, st, name, own)
    bag = bag_of(cls)
    in_bag = bag is not None and name in bag.__dict__
    if not own and name in cls.__dict__ and is_leaf(cls):
        # Set on the mock's class by the user (type(m).__str__ = ...): taken off
        # it, as the stdlib's deletion does, which stops there unless the instance
        # holds the name too. The default it replaced is gone with it (the stdlib's
        # was on the class, where the user's value took its place).
        delattr(cls, name)
        if in_bag:
            change_bag(mock, mock._mock_bag_with(bag._mock_slots - {name}))  # type: ignore[union-attr]
        magics = st.magics
        if name not in mock.__dict__ and (magics is None or name not in magics):
            return True
        # (The stdlib's instance holds a configured method too: marked deleted.)
        if magics is not None:
            magics.pop(name, None)
        return False
    if not own and not in_bag:
        # Not on the class: the ordinary deletion applies (marking a configured
        # method deleted: it is no longer one of the mock's magic methods).
        if st.magics is not None:
            st.magics.pop(name, None)
        return False
    magics = st.magics
    configured = magics.pop(name, None) if magics is not None else None
    if own:
        delattr(cls, name)
    if in_bag:
        change_bag(mock, mock._mock_bag_with(bag._mock_slots - {name}))  # type: ignore[union-attr]
    if configured is not None and (
        type(slot) is not DescribedMagicSlot or PROPERTYMOCK_ATTRIBUTE_STAYS
    ):
        # (A PropertyMock the stdlib set on the class alone, before 3.13, stays its
        # child: its deletion stops once the class no longer has it.)
        st[name] = _deleted
    return True


def _delete_on_copy(mock: Any, st: MockState, name: str, own: bool) -> bool:
    """``del copy.__len__`` on a copy made by ``copy``: as the stdlib's, whose copy's
    class derives from the original's. A method set on the copy itself is taken
    off its class (the original's shows through again) and off the copy; anything
    else is the ordinary deletion (the shared child marked deleted)."""
    if not own:
        return False
    type.__delattr__(type(mock), name)
    if st.magics is not None:
        st.magics.pop(name, None)
    mock.__dict__.pop(name, None)
    st[name] = _deleted
    return True


def settle_copy(copy: Any, st: MockState) -> None:
    """A new copy's magic methods, as the stdlib's copy has them: those the original
    held become the copy's instance attributes (the stdlib copies its ``__dict__``,
    where they are), its class finds the rest on the original's class (see
    ``MagicSlot.__get__``), and those set on the copy from now on are its own."""
    magics = st.magics
    st.magics = None
    if magics:
        own = copy.__dict__
        for name, value in magics.items():
            # (A data descriptor, a PropertyMock, is on the stdlib's class alone.)
            if class_attribute(type(value), "__set__") is None:
                own.setdefault(name, value)
    own_class = type(copy).__dict__
    if "_mock_source" in own_class:
        own_class["_mock_cell"][0] = _weakref(copy)  # its class's mock, from now on
