"""What setting, deleting and listing a mock's attributes do (``NonCallableMock``'s
``__setattr__``, ``__delattr__`` and ``__dir__``), and the adoption of a mock set as
another's attribute.

A mock set as an attribute becomes that mock's child (``check_and_set_parent``)
unless it already has a name or a parent; a magic method goes to ``_magic_slots``;
anything else is an ordinary instance attribute. The engine's own properties
(``_PASSTHROUGH``) are set as they are, with no spec or child logic.
"""

from __future__ import annotations

import sys
from types import FunctionType, MethodType

import turbomock
from turbomock import _call_state, _magic_slots, _mock
from turbomock import _messages as msg
from turbomock._base import named_as
from turbomock._base import state_of as _get_state
from turbomock._compat import PROPERTYMOCK_ATTRIBUTE_STAYS
from turbomock._magic_names import ALL_MAGICS, UNSUPPORTED_MAGICS, is_magic
from turbomock._sentinels import _deleted, _missing
from turbomock._state import MockState, SharedChildren, extract_mock_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def extract_mock(obj: Any) -> Any:
    """The mock behind an autospecced function, or ``obj`` itself. As the stdlib's,
    isinstance(): a mock specced on a function passes for one (its ``__class__``),
    and then its ``mock`` child is taken."""
    if isinstance(obj, _FUNCTION_TYPES) and hasattr(obj, "mock"):
        return obj.mock
    return obj


_FUNCTION_TYPES = (FunctionType, MethodType)


#: What ``attach_mock`` sets on an object that is not a mock, as the stdlib does.
DETACHED = {
    "_mock_parent": None, "_mock_new_parent": None, "_mock_name": "", "_mock_new_name": None,
}


def _state_or_none(mock: Any) -> Any:
    try:
        return _get_state(mock)
    except (AttributeError, TypeError):
        return None


def forget_cached_children(copy: Any, st: MockState) -> None:
    """A copy and its original share their children from now on: neither may keep
    one as an instance attribute (made on a second access), or a child replaced or
    deleted through the other would still be found there. Children set by hand
    stay, as in the stdlib's ``__dict__``."""
    shared = st.children if isinstance(st, SharedChildren) else st
    assigned = st.assigned or ()
    owners = {id(copy): copy}
    for child in shared.values():
        owner = getattr(child, "_mock_new_parent", None) if _mock._is_instance_mock(child) else None
        if owner is not None and _mock._is_instance_mock(owner):
            owners[id(owner)] = owner
    for owner in owners.values():
        own = owner.__dict__
        cached = [n for n, v in own.items() if n not in assigned and shared.get(n, _missing) is v]
        for name in cached:
            del own[name]


def check_and_set_parent(parent: Any, value: Any, name: Any, new_name: Any) -> bool:
    """Adopt ``value`` as a child of ``parent`` if it is a mock with no parent yet."""
    value = extract_mock(value)
    if not _mock._is_instance_mock(value):
        return False
    vst = _get_state(value)
    has_links = vst.parent is not None or vst.new_parent is not None
    if vst.name or vst.new_name or has_links or is_below(parent, value):
        return False
    if new_name:
        vst.new_parent, vst.new_name = parent, new_name
    if name:
        vst.parent, vst.name = parent, name
    return True


def is_below(node: Any, mock: Any) -> bool:
    """Whether ``node`` is ``mock`` or one of its descendants: a mock can't become
    its own descendant."""
    while node is not None:
        if node is mock:
            return True
        # (Up through a parent that is not a mock as the stdlib goes: by its attribute.)
        if _mock._is_instance_mock(node):
            node = _get_state(node).new_parent
        else:
            node = node._mock_new_parent
    return False


#: Names whose setting bypasses the spec/child logic: the engine's own
#: properties. Modules defining more mock kinds add theirs (``passthrough``).
_PASSTHROUGH: set[str] = {"_mock_state"}

#: The methods a call goes through, which the stdlib looks up on the mock itself.
CALL_HOOKS = frozenset(
    {"_mock_check_sig", "_increment_mock_call", "_mock_call", "_execute_mock_call"}
)

#: Of those, the ones the stdlib keeps as plain instance attributes and sets
#: through its ordinary path, which adopts a mock assigned to them as a child
#: (``m._spec_set = Mock()``); the few it lets straight through are not here.
_ADOPTING = frozenset({
    "_mock_call_args", "_mock_call_args_list", "_mock_call_count", "_mock_called",
    "_mock_delegate", "_mock_methods", "_mock_mock_calls", "_mock_sealed", "_mock_unsafe",
    "_mock_wraps", "_spec_asyncs", "_spec_class", "_spec_set", "_spec_signature",
    "method_calls", "_mock_await_count", "_mock_await_args", "_mock_await_args_list",
})


def passthrough(klass: type) -> None:
    """Register ``klass``'s properties as plain settable attributes."""
    _PASSTHROUGH.update(
        name
        for name, value in vars(klass).items()
        if isinstance(value, property) and name != "__class__"
    )


@named_as("NonCallableMock.__setattr__")
def set_attribute(self: Any, name: str, value: Any) -> None:
    """``mock.name = value``: a magic method, a child adopted, or a plain attribute."""
    if name in _PASSTHROUGH:
        if name == "_mock_state" and isinstance(value, MockState):
            # ``copy`` (and pickle) restore the slot by name: the copy starts
            # from the state the stdlib's copy would have (see state_for_copy).
            make = type(self)._mock_kind_state
            if make is not None:
                make(value)
            original = value
            value = _call_state.state_for_copy(value)
            object.__setattr__(self, name, value)
            forget_cached_children(self, value)
            _magic_slots.settle_copy(self, value)
            plan = original.autospec
            if plan is not None and _state_or_none(plan.parent) is original:
                # ``copy.copy`` (the original's own state: a deep copy's is a
                # copy of it): what its walk left in the original's __dict__ is
                # in both.
                plan.hold_walked_functions(plan.parent, self)
            return None
        if name in _ADOPTING:
            st = _get_state(self)
            extra = st.extra
            if extra is not None and extra.spec_set:
                methods = extra.allowed_names()
                if methods is not None:
                    # The stdlib's spec_set check reads the list first (and fails
                    # on one that is no container); its __dict__ then lets it pass.
                    name in methods  # noqa: B015
            if check_and_set_parent(self, value, name, name):
                st[name] = value
        return object.__setattr__(self, name, value)
    st = _get_state(self)
    extra = st.extra
    methods = None if extra is None else extra.allowed_names()
    if (
        methods is not None
        and extra.spec_set  # type: ignore[union-attr]  # a spec lives in extra
        and name not in methods
        and name not in self.__dict__
    ):
        raise AttributeError(msg.no_attribute_set(name))
    if name in UNSUPPORTED_MAGICS:
        raise AttributeError(msg.unsupported_magic(name))
    if name in ALL_MAGICS:
        if methods is not None and name not in methods:
            raise AttributeError(msg.no_attribute_set(name))
        _magic_slots.set_magic(self, st, name, value)
        return None
    if name == "__class__":
        st.spec_class = value
        return None
    if name in CALL_HOOKS:
        st.own_hooks = True  # (calls then take the path that looks them up on self)
    adopted = check_and_set_parent(self, value, name, name)
    if adopted:
        st[name] = value
        st.mark_assigned(name)
    if extra is not None and extra.sealed and not hasattr(self, name):
        raise AttributeError(msg.cannot_set_sealed(f"{extract_mock_name(st)}.{name}"))
    property_mock = turbomock._property.PropertyMock
    if PROPERTYMOCK_ATTRIBUTE_STAYS and issubclass(type(value), property_mock):
        self.__dict__[name] = value
        return None
    return object.__setattr__(self, name, value)

@named_as("NonCallableMock.__delattr__")
def delete_attribute(self: Any, name: str) -> None:
    """``del mock.name``: the name is gone for good (a later access raises)."""
    st = _get_state(self)
    if name in ALL_MAGICS and _magic_slots.delete_magic(self, st, name):
        return
    if name == "method_calls":  # an instance attribute with the stdlib
        _call_state.delete_method_calls(st)
        return
    existing = st.get(name, _missing)
    if name in self.__dict__:
        object.__delattr__(self, name)
    elif existing is _deleted:
        raise AttributeError(name)
    extra = st.extra
    if extra is not None and extra.autospec is not None:
        extra.autospec.note_deleted(name)
    if existing is not _missing:
        st.pop(name, None)  # the name moves to the end, as in the stdlib's dict
    st[name] = _deleted

@named_as("NonCallableMock.__dir__")
def list_attributes(self: Any) -> list[str]:
    """Only the useful names: spec attributes, public methods, children."""
    package = sys.modules.get("turbomock")
    if package is not None and not getattr(package, "FILTER_DIR", True):
        return list(object.__dir__(self))
    st = _get_state(self)
    extra = st.extra
    methods = _missing if extra is None else extra.methods
    if methods is not _missing:  # _mock_methods set by hand: the stdlib's list
        names = set((methods or []) + [])  # (and its error for a non-list)
    else:
        names = set(st.spec.methods) if st.spec is not None else set()
    names.update(e for e in dir(type(self)) if not e.startswith("_"))
    names.update(e for e in self.__dict__ if not e.startswith("_") or is_magic(e))
    if st:
        names.update(k for k, v in st.items() if v is not _deleted)
        if _call_state.method_calls_deleted(st):
            names.discard("method_calls")  # the stdlib's instance attribute, deleted
    if st.magics:
        names.update(st.magics)
    plan = None if extra is None else extra.autospec
    if plan is not None and plan.listed is not None:
        # A spec was added since: the stdlib's walk made children, which its dir() lists.
        names.update(n for n in plan.listed if st.get(n) is not _deleted)
    elif plan is not None and (st.spec is None or methods is not _missing):
        # Autospecced without a spec (a data descriptor), or with _mock_methods set
        # by hand: the same.
        names.update(n for n in plan.walked_names() if st.get(n) is not _deleted)
    names.update(type(self)._mock_dir_extras)
    return sorted(names)
