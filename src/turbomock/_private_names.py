"""The stdlib's private attribute names (``_mock_parent``, ``_spec_class``,
``_mock_children``, ``_mock_call_count`` ...): code in the wild and CPython's own
tests read and set them. Each is a view of the mock's one ``MockState``.
``NonCallableMock`` takes them as its own (see ``_mock``), as the stdlib's class
defines them there."""

from __future__ import annotations

from turbomock._base import state_of as _get_state
from turbomock._call_state import book_if_unnameable, book_of, own_call_field
from turbomock._sentinels import _missing
from turbomock._state import SharedChildren, flush_ancestors, new_extra

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _state_property(field: str, doc: str) -> property:
    """Exposes a state field under the stdlib's private ``_mock_*`` name."""

    def fget(self: Any) -> Any:
        return getattr(_get_state(self), field)

    def fset(self: Any, value: Any) -> None:
        setattr(_get_state(self), field, value)

    return property(fget, fset, doc=doc)


def _link_property(field: str) -> property:
    """A parent/name field: changing it renames pending calls, so settle them first."""

    def fget(self: Any) -> Any:
        return getattr(_get_state(self), field)

    def fset(self: Any, value: Any) -> None:
        st = _get_state(self)
        flush_ancestors(st)
        setattr(st, field, value)
        book_if_unnameable(st)

    return property(fget, fset)



def _call_view(public: str) -> property:
    """``_mock_<public>``: the storage behind the mock's ``public`` call attribute,
    which is the attribute itself unless the mock reports to an autospecced
    function; then, as the stdlib's, the mock's own, which its calls leave alone."""

    def fget(self: Any) -> Any:
        st = _get_state(self)
        if st.delegate is None:
            return getattr(self, public)
        return own_call_field(st, public)

    def fset(self: Any, value: Any) -> None:
        st = _get_state(self)
        if st.delegate is None:
            setattr(self, public, value)
        else:
            setattr(book_of(st), public, value)

    return property(fget, fset)


class PrivateNames:
    """The private names, as properties over the state."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by NonCallableMock
        called: Any
        call_count: Any
        call_args: Any
        call_args_list: Any
        mock_calls: Any

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
        st = _get_state(self)
        extra = st.extra
        if extra is not None and extra.autospec is not None:
            extra.autospec.lay_out()  # the children the stdlib's walk listed
        return st.children if isinstance(st, SharedChildren) else st  # a copy: the original's

    @property
    def _mock_methods(self) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is not None and extra.methods is not _missing:
            return extra.methods
        spec = st.spec
        if spec is None:
            return None
        # From now on the list decides, as the stdlib's: what the user adds to it
        # counts. The user's own list (a list spec) is it; a listing made from dir()
        # is shared by the mocks of that spec, so this mock gets a copy.
        listing = spec.methods if spec.source is None else list(spec.methods)
        if extra is None:
            extra = st.extra = new_extra()
        extra.methods = listing
        return listing

    @_mock_methods.setter
    def _mock_methods(self, value: Any) -> None:
        # Set by hand, it decides alone which names exist, as the stdlib's does.
        st = _get_state(self)
        if st.extra is None:
            st.extra = new_extra()
        st.extra.methods = value

    @property
    def _spec_signature(self) -> Any:
        return _get_state(self).spec_signature

    @_spec_signature.setter
    def _spec_signature(self, value: Any) -> None:
        _get_state(self).spec_signature = value

    @property
    def _spec_asyncs(self) -> Any:
        st = _get_state(self)
        extra = st.extra
        if extra is not None and extra.spec_asyncs is not _missing:
            return extra.spec_asyncs
        return [] if st.spec is None else st.spec.async_names()

    @_spec_asyncs.setter
    def _spec_asyncs(self, value: Any) -> None:
        # Set by hand, it decides alone which children are AsyncMocks, as the stdlib's.
        st = _get_state(self)
        if st.extra is None:
            st.extra = new_extra()
        st.extra.spec_asyncs = value

    # The stdlib's storage behind ``called`` ... (what its properties read unless
    # the mock reports to an autospecced function): set, they set those.
    _mock_called = _call_view("called")
    _mock_call_count = _call_view("call_count")
    _mock_call_args = _call_view("call_args")
    _mock_call_args_list = _call_view("call_args_list")
    _mock_mock_calls = _call_view("mock_calls")
