"""``create_autospec``: mocks shaped like their spec, built lazily.

The stdlib walks ``dir(spec)`` up front, fetching every attribute, creating a mock
and computing a signature for every method (tens of milliseconds for a large
class). Here an autospecced mock records *how* to build its children (an
``_Autospec`` plan in its state) and builds each one the first time it is
accessed; signatures are computed on the first call and cached per function
(``_signatures``). What a test can observe is the same.
"""

from __future__ import annotations

import copy
from types import FunctionType

from turbomock import _messages as msg
from turbomock._async import AsyncMock
from turbomock._autospec_function import set_signature
from turbomock._autospec_origin import Origin
from turbomock._compat import (
    AUTOSPEC_CONFIGURES_KWARGS,
    AUTOSPEC_METHOD_RETURN_VALUE,
    AUTOSPEC_NAME_BEFORE_KWARGS,
    AUTOSPEC_WRAPS_CHILDREN,
    SPEC_ARGUMENTS_CHECKED,
)
from turbomock._magic import MagicMock, NonCallableMagicMock
from turbomock._magic_names import is_magic
from turbomock._mock import InvalidSpecError, _is_instance_mock
from turbomock._sentinels import _deleted, _missing
from turbomock._signatures import NOT_KNOWN, SignatureCheck, signature_object
from turbomock._spec import (
    FunctionTypes,
    _callable,
    _type_version,
    check_spec_arg_typos,
    instance_callable,
    is_list,
    iscoroutinefunction,
)
from turbomock._spec_state import _SpecState
from turbomock._state import SharedChildren, _acquire, _release
from turbomock._weak_cache import IdentityCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

def _is_async_func(func: Any) -> bool:
    if getattr(func, "__code__", None):
        return iscoroutinefunction(func)
    return False


def _must_skip(spec: Any, entry: str, is_type: bool, origin: Origin) -> bool:
    """Whether calling the spec's attribute ``entry`` drops a first argument (``self``).

    Only a plain function defined on a class and read from the class itself
    (``is_type``) leaves one, and so does an attribute no class defines (made up
    at run time). An instance's own attribute, or anything else a class defines
    (staticmethod, classmethod, a callable object), binds nothing. (All as the
    spec was when the mock was made: ``origin``.)
    """
    if isinstance(spec, type):
        owner = spec
    elif origin.in_own_dict(entry):
        return False
    else:
        owner = spec.__class__
    found = origin.class_attribute(owner, entry)
    return is_type and (found is _missing or isinstance(found, FunctionTypes))


class _Autospec:
    """How to build the children of one autospecced mock, when first needed."""

    __slots__ = (
        "spec", "spec_set", "instance", "is_type", "wrapped", "parent", "origin", "listed",
        "before", "moved", "laid_out",
    )

    def __deepcopy__(self, memo: dict[int, Any]) -> _Autospec:
        """A description of the spec, shared as the Spec is (see there); but the
        children of a deep copy hang under the copy, as the stdlib's placeholders,
        copied with their parent, build them."""
        parent = memo.get(id(self.parent), self.parent)
        if parent is self.parent:
            return self
        twin = copy.copy(self)
        twin.parent = parent
        return twin

    def __init__(self, spec: Any, spec_set: Any, instance: bool, wrapped: Any, parent: Any) -> None:
        self.spec = spec
        self.spec_set = spec_set
        self.instance = instance
        self.is_type = isinstance(spec, type)
        self.wrapped = wrapped
        self.parent = parent  # who the children hang under (the mock, or a function's mock)
        self.origin = Origin(spec)  # the spec's attributes as they are now
        #: The walked names once a spec replaced the autospec (build_walked_children).
        self.listed: list[str] | None = None
        # For lay_out(), the order the stdlib's children dict has: the children made
        # before its walk (by keyword arguments), and those deleted since (a
        # deletion moves a name to the end). Replaced, never mutated: a deep copy's
        # plan shares them.
        self.before: tuple[str, ...] = ()
        self.moved: frozenset[str] = frozenset()
        self.laid_out = False

    def child(self, mock: Any, name: str) -> Any:
        """Build the child ``name`` as the stdlib's eager walk would have."""
        if is_magic(name):
            return None  # the stdlib's walk skips these: an ordinary child it is
        spec = self.spec
        try:
            original = self.origin.read(name)
        except AttributeError:
            return None  # the stdlib skips it: an ordinary child is made instead
        child_kwargs: dict[str, Any] = {"spec": original}
        wrapped = self.wrapped
        if wrapped and hasattr(wrapped, name):
            child_kwargs["wraps"] = original
        if self.spec_set:
            child_kwargs = {"spec_set": original}
        if not isinstance(original, FunctionTypes):
            # Always as a class (the stdlib passes its instance flag into the wrong
            # parameter of _SpecState, so it never reaches the child). Under the
            # mock the plan was made for (the stdlib's placeholder names it), also
            # when reached through a shallow copy of it.
            return _attribute_child(mock, original, self.spec_set, False, self.parent, name)
        parent = self.parent
        skipfirst = _must_skip(spec, name, self.is_type, self.origin)
        child_kwargs["_eat_self"] = skipfirst
        # A function changed in place since the mock was made: its signature and
        # kind as they were, as the stdlib's walk found them then.
        as_made = self.origin.as_made(name, original)
        is_async = iscoroutinefunction(original) if as_made is None else as_made[1]
        klass = AsyncMock if is_async else MagicMock
        new = klass(parent=parent, name=name, _new_name=name, _new_parent=parent, **child_kwargs)
        if AUTOSPEC_METHOD_RETURN_VALUE:
            new.return_value = klass()
        source = original
        if as_made is not None:
            source = as_made[0]
            found = signature_object(source, False, skipfirst)
            new._mock_state.spec_signature = None if found is None else found[1]
        _check_signature(source, new, skipfirst=skipfirst, as_specced=True)
        return new


    def note_deleted(self, name: str) -> None:
        """``del mock.name``: the stdlib's dict moves a deleted name to its end."""
        if not self.laid_out:
            self.moved = self.moved | {name}

    def lay_out(self, holder: Any = None) -> None:
        """List every child the stdlib's walk made, as its ``_mock_children`` lists
        them: a spec function's mock (built now), a ``_SpecState`` for anything else,
        in that dict's order. Done once: when ``_mock_children`` is first read, or as
        an autospecced function is made (its stand-in, ``holder``, shares the dict).
        A function's mock is also an attribute of the stand-in, which the
        placeholders name as their parent, as the stdlib's do."""
        if self.laid_out:
            return
        self.laid_out = True
        mock = self.parent
        st = mock._mock_state
        walked: list[str] = []
        made: dict[str, Any] = {}
        for name, original in self._walk():
            walked.append(name)
            if name in st:
                continue
            if isinstance(original, FunctionTypes):
                made[name] = child = self.child(mock, name)
                if holder is not None:
                    setattr(holder, name, child)
            else:
                made[name] = _SpecState(
                    original, self.spec_set, mock if holder is None else holder, name,
                    self.instance,
                )
        moved = self.moved
        first = [name for name in self.before if name not in moved]
        placed = set(first)
        middle = [name for name in walked if name not in placed and name not in moved]
        placed.update(middle)
        children = st.children if isinstance(st, SharedChildren) else st
        _acquire()  # (only dict operations on str keys below: no user code)
        try:
            for name, value in made.items():
                children.setdefault(name, value)
            order = [name for name in first if name in children]
            order += middle
            order += [name for name in children if name not in placed]
            if list(children) != order:
                # Children built before this read were listed as they were made;
                # the stdlib's dict had them from the start, in its walk's order.
                items = [(name, children[name]) for name in order]
                children.clear()
                children.update(items)
        finally:
            _release()

    def build_mocked_methods(self, mock: Any) -> None:
        """Build now the children whose spec is a mock passing for a function (a
        method patched with ``spec_set``): the stdlib's walk makes those as the
        mock is made, and refuses a mock as a spec there."""
        st = mock._mock_state
        for name in self.origin.mocked_names():
            if is_magic(name) or name in st:
                continue
            if isinstance(self.origin.read(name), FunctionTypes):
                child = st.setdefault(name, self.child(mock, name))
                # Its signature too, as the walk's _check_signature works it out
                # then (reading the mock's __code__ can fail: 3.9, 3.10).
                check = child._mock_state.check_sig
                if check is not None:
                    check.signature()

    def hold_shadowing_functions(self, mock: Any) -> None:
        """Build now, as instance attributes, the children of spec functions named
        like an attribute of the mock's class (``reset_mock``, ``configure_mock``):
        the stdlib's walk sets its function children on the mock (they pass for
        functions) as it is made, over the class's attribute, which a child built on
        first access (through ``__getattr__``) would never get past."""
        if not self._holds_on_the_mock():
            return
        cls = type(mock)
        pool = cls._mock_pool
        # An unedited leaf has its pool's probe's attributes, and its own namespace.
        seen = cls if pool is None else pool.probe
        for name in _shadowing(seen, self._listing(), cls.__dict__):
            self._hold_if_function(mock, name)

    def walked_names(self) -> list[str]:
        """The children the stdlib's eager walk makes: every non-magic attribute of
        the spec that can be read."""
        return [name for name, _ in self._walk()]

    def _walk(self) -> Iterator[tuple[str, Any]]:
        """(name, attribute) of each child the walk makes, each attribute read once."""
        for name in self._listing():
            if is_magic(name):
                continue
            try:
                original = self.origin.read(name)
            except AttributeError:
                continue
            yield name, original

    def _listing(self) -> list[str]:
        """``dir(spec)`` as it was when the mock was made: its Spec's names then."""
        if self.listed is not None:
            return self.listed  # (a spec added since replaced the Spec)
        spec = self.parent._mock_state.spec
        return dir(self.spec) if spec is None or spec.source is None else spec.methods

    def build_walked_children(self, mock: Any) -> None:
        """Before a spec is added (``mock_add_spec``), do what the stdlib's eager walk
        did that the new spec must not undo: its function children were instance
        attributes (its mocks of functions pass ``isinstance(child, FunctionType)``),
        so they stay reachable; the others were placeholders in its children, built
        on access (and refused by the new spec), which ``dir()`` keeps listing."""
        holds = self._holds_on_the_mock()
        self.listed = [
            name for name in self._listing()
            if not is_magic(name)
            and (self._hold_if_function(mock, name) if holds else self._readable(name))
        ]

    def hold_function_child(self, mock: Any, name: str) -> None:
        """``type(mock).name = ...``: if the stdlib's walk made ``name`` an instance
        attribute (a function child), it still shadows what the class gets."""
        if self._holds_on_the_mock() and name in self._listing():
            self._hold_if_function(mock, name)

    def hold_walked_functions(self, *mocks: Any) -> None:
        """A shallow copy is being made: the stdlib's copies the original's
        ``__dict__``, where its walk left every spec function's child, so each of
        them, and the original, holds them all as instance attributes (a child the
        user deleted or replaced through either stays as they left it)."""
        if not self._holds_on_the_mock():
            return
        for name in self._listing():
            if not is_magic(name):
                for mock in mocks:
                    self._hold_if_function(mock, name)

    def _holds_on_the_mock(self) -> bool:
        """Whether the walk set the spec's function children on this mock as
        instance attributes: not for a spec that is a function itself, whose
        stand-in function holds them (the mock behind it only lists them)."""
        return not isinstance(self.spec, FunctionTypes)

    def _readable(self, name: str) -> bool:
        try:
            self.origin.read(name)
        except AttributeError:
            return False
        return True

    def walked_function(self, mock: Any, name: str) -> Any:
        """The child ``name`` if the walk made it an instance attribute (a spec
        function, not deleted or replaced since), now held as one; else None."""
        if is_magic(name) or not self._holds_on_the_mock():
            return None
        try:
            original = self.origin.read(name)
        except AttributeError:
            return None
        if not isinstance(original, FunctionTypes):
            return None
        self._hold(mock, name)
        return mock.__dict__.get(name)

    def _hold_if_function(self, mock: Any, name: str) -> bool:
        """``_hold`` the child ``name`` if the spec's attribute is a function, as the
        walk set those; False if the spec has no such attribute (the walk skips it)."""
        try:
            original = self.origin.read(name)
        except AttributeError:
            return False
        if isinstance(original, FunctionTypes):
            self._hold(mock, name)
        return True

    def _hold(self, mock: Any, name: str) -> None:
        """Build the child ``name`` if needed and make it an instance attribute that
        stays whatever spec comes later, as the stdlib's walk left it, unless the
        user has replaced or deleted that attribute since (as they would have the
        walk's): that stays as they left it."""
        st = mock._mock_state
        child = st.get(name)
        own = mock.__dict__
        if child is _deleted or (name in own and own[name] is not child):
            return
        if child is None:
            child = st.setdefault(name, self.child(mock, name))
        own[name] = child
        st.mark_assigned(name)


#: class -> (names, version tag, the names it shadows, the names as a set): what
#: ``_shadowing`` worked out for a Spec's list of names, kept while the class's
#: version tag (the native core, 3.11+) says it is unchanged; the table keeps no
#: class alive.
_shadowing_cache = IdentityCache()


def _shadowing(cls: type, names: list[str], own: Any) -> list[str]:
    """The non-dunder ``names`` an instance of ``cls`` finds in its class's MRO (or
    in ``own``, a leaf's namespace) before ``__getattr__``."""
    version = 0 if _type_version is None else _type_version(cls)
    hit = _shadowing_cache.get(cls)
    if hit is not None and version and hit[0] is names and hit[1] == version:
        found, listed = hit[2], hit[3]
    else:
        known = {name for klass in cls.__mro__ for name in vars(klass) if name[:2] != "__"}
        found = [name for name in names if name in known]
        listed = frozenset(names)
        if version:
            _shadowing_cache.put(cls, (names, version, found, listed))
    # (A leaf's own names are few: _mock_pool, _mock_cell, the dunders.)
    return [*found, *(n for n in own if n in listed and n[:2] != "__" and n not in found)]


def _is_data_descriptor(obj: Any) -> bool:
    """``inspect.isdatadescriptor`` (imported when first needed: not by a plain
    function's autospec, nor by ``import turbomock``)."""
    import inspect

    return inspect.isdatadescriptor(obj)


def _check_signature(
    func: Any, mock: Any, skipfirst: bool, instance: bool = False, as_specced: bool = False
) -> None:
    """Make calls of ``mock`` check their arguments against ``func``'s signature.
    ``as_specced``: the mock was just specced on ``func`` with flags that find the
    same signature (see ``_same_signature_as_spec``), so it is taken from there
    instead of being worked out again."""
    st = mock._mock_state
    sig = st.spec_signature if as_specced else NOT_KNOWN
    st.check_sig = SignatureCheck(func, instance, skipfirst, sig)


def _same_signature_as_spec(is_type: bool, instance: bool, parent: Any, kwargs: Any) -> bool:
    """Whether a mock ``create_autospec`` specced on ``spec`` (with the instance flag
    ``instance``, and eating ``self`` below a parent) has the signature the call check
    of ``spec`` needs: a class called is its ``__init__`` either way; an instance's
    ``__call__`` eats ``self`` for a class spec (the check), and below a parent (the
    spec); anything else, neither or both."""
    if "_eat_self" in kwargs or "_spec_as_instance" in kwargs:
        return False  # flags of the user's own
    return (is_type and not instance) or is_type == (parent is not None)


def is_unbuilt_attribute(mock: Any, name: str) -> bool:
    """Whether ``name`` is an autospecced non-function attribute not built yet:
    what the stdlib keeps as a ``_SpecState`` placeholder until first access."""
    st = mock._mock_state
    found = st.get(name)
    if type(found) is _SpecState:
        return True  # laid out (lay_out)
    plan = st.autospec
    if plan is None or found is not None or is_magic(name):
        return False
    try:
        original = plan.origin.read(name)
    except AttributeError:
        return False
    return not isinstance(original, FunctionTypes)


def build_placeholder(mock: Any, st: Any, name: str, placeholder: _SpecState) -> Any:
    """The first access of ``name``, listed as ``placeholder`` (``lay_out``): the
    child autospecced from what the placeholder says, listed in its place."""
    child = _attribute_child(
        mock, placeholder.spec, placeholder.spec_set, placeholder.instance,
        placeholder.parent, placeholder.name,
    )
    st[name] = child
    return child


def _attribute_child(
    mock: Any, spec: Any, spec_set: Any, instance: Any, parent: Any, name: Any
) -> Any:
    """A non-function child of ``mock``, autospecced; refused, as the stdlib's, if
    its spec is a mock."""
    try:
        return create_autospec(spec, spec_set, instance, parent, name)
    except InvalidSpecError:
        target = mock._mock_state.name or mock
        raise InvalidSpecError(msg.autospec_attr_mocked(name, target, mock, spec)) from None


def create_autospec(
    spec: Any,
    spec_set: Any = False,
    instance: bool = False,
    _parent: Any = None,
    _name: Any = None,
    *,
    unsafe: bool = False,
    **kwargs: Any,
) -> Any:
    """Create a mock using another object as a spec; its attributes use the
    corresponding attributes of the spec as their specs.

    Functions and methods check the arguments they are called with. With
    ``spec_set`` setting attributes the spec lacks fails too. A class spec's
    return value (an instance) has the same spec; ``instance=True`` mocks an
    instance of the class instead, callable only if instances are. Other
    keyword arguments are passed on to the mock's constructor.
    """
    if is_list(spec):
        # A list instance given to a mock constructor would mean "these names".
        spec = type(spec)
    is_type = isinstance(spec, type)
    if SPEC_ARGUMENTS_CHECKED and _is_instance_mock(spec):
        raise InvalidSpecError(msg.autospec_of_a_mock(spec))
    is_async_func = _is_async_func(spec)
    mock_kwargs: dict[str, Any] = {}
    if spec_set or spec is not None:  # (spec_set=True with spec None: spec_set=None)
        mock_kwargs["spec_set" if spec_set else "spec"] = spec
        if instance:
            mock_kwargs["_spec_as_instance"] = True
    if SPEC_ARGUMENTS_CHECKED and not unsafe:
        check_spec_arg_typos(kwargs)

    if AUTOSPEC_NAME_BEFORE_KWARGS:
        _name = kwargs.pop("name", _name)
    mock_kwargs.update(kwargs)
    if not AUTOSPEC_NAME_BEFORE_KWARGS:
        _name = mock_kwargs.pop("name", _name)
    new_name = _name if _parent is not None else ""  # a top-level mock has none

    klass: Any = MagicMock
    plain_function = type(spec) is FunctionType  # never a descriptor, always callable
    if not plain_function and _is_data_descriptor(spec):
        mock_kwargs = {}  # what a descriptor returns is unknown: no spec
    elif is_async_func:
        if instance:
            raise RuntimeError(msg.ASYNC_INSTANCE)
        klass = AsyncMock
    elif not plain_function and (
        not _callable(spec) or (is_type and instance and not instance_callable(spec))
    ):
        klass = NonCallableMagicMock

    mock = klass(parent=_parent, _new_parent=_parent, _new_name=new_name, name=_name, **mock_kwargs)

    wrapped = kwargs.pop("wraps", None) if AUTOSPEC_WRAPS_CHILDREN else None
    inner = mock
    as_specced = bool(mock_kwargs) and _same_signature_as_spec(is_type, instance, _parent, kwargs)
    if isinstance(spec, FunctionTypes):
        # Only at the top level: function attributes are never recursed into.
        sig = mock._mock_state.spec_signature if as_specced else NOT_KNOWN
        mock = set_signature(mock, spec, is_async_func, sig)
        inner = getattr(mock, "mock", mock)
    else:
        _check_signature(spec, mock, is_type, instance, as_specced)

    if not instance:
        # The parent's child by name; and a class's mock returns, unless told
        # otherwise, an autospecced instance (the class's instances are not children).
        if _parent is not None:
            # (A parent that is no mock: an autospecced function's stand-in, named by
            # the placeholders of its attributes; it holds the children's dict.)
            children = _parent._mock_state if _is_instance_mock(_parent) else _parent._mock_children
            children[_name] = mock
        if is_type and "return_value" not in kwargs:
            extra: dict[str, Any] = {"wraps": wrapped} if AUTOSPEC_WRAPS_CHILDREN else {}
            mock.return_value = create_autospec(
                spec, spec_set, instance=True, _name="()", _parent=mock, **extra
            )

    # A plain function without attributes of its own lists only dunders, which the
    # walk skips: there is no plan to follow, and nothing of the walk can shadow a
    # name of the mock's.
    plan = None
    if not (plain_function and _PLAIN_FUNCTIONS_WALK_NOTHING and not spec.__dict__):
        inner._mock_state.autospec = plan = _Autospec(spec, spec_set, instance, wrapped, inner)
        if inner._mock_state:
            plan.before = tuple(inner._mock_state)  # made by keyword arguments
    if inner._mock_state or inner.__dict__:
        _replace_as_the_walk_does(inner, spec)
    if plan is not None:
        if plan.origin.mocked:
            plan.build_mocked_methods(inner)
        if mock is not inner:
            # An autospecced function: its stand-in holds the children's dict as an
            # attribute, which no property can lay out when read. (Its attributes
            # are few: a function's own.)
            plan.lay_out(mock)
        plan.hold_shadowing_functions(inner)
    if AUTOSPEC_CONFIGURES_KWARGS and _is_instance_mock(mock) and kwargs:
        mock.configure_mock(**kwargs)
    return mock


#: Whether every name ``dir()`` gives a plain function is a dunder (so far, on every
#: version): the stdlib's walk of one without attributes of its own then builds nothing.
_PLAIN_FUNCTIONS_WALK_NOTHING = all(is_magic(name) for name in dir(FunctionType))


def _replace_as_the_walk_does(mock: Any, spec: Any) -> None:
    """Children made before the plan was in place (by keyword arguments such as
    ``**{'meth.return_value': 3}``, configured as the mock was made) are dropped
    where the stdlib's eager walk, which runs after that, puts its own: the plan
    builds those on access. (From 3.13 the keyword arguments are applied again
    afterwards, to the autospecced children; before, they are lost, as with the
    stdlib.)"""
    st = mock._mock_state
    walked = {name for name in dir(spec) if not is_magic(name)}
    assigned = st.assigned or ()
    for name in [name for name in st if name in walked and hasattr(spec, name)]:
        del st[name]
        if name not in assigned:
            mock.__dict__.pop(name, None)
        # (A mock given as a keyword, ``transport=t``, stays the attribute: the
        # stdlib set it in the instance __dict__ too, which the walk leaves alone.)
    if not AUTOSPEC_CONFIGURES_KWARGS:
        # A method given as a keyword (``meth=f``) is another matter: the stdlib's
        # walk sets its autospecced method as the attribute, over the keyword's.
        own = mock.__dict__
        for name in [name for name in own if name in walked]:
            if isinstance(getattr(spec, name, None), FunctionTypes):
                st.pop(name, None)
                del own[name]
