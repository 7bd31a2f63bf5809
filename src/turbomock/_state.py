"""A mock's single state object, and how calls are recorded into it.

Recording a call costs the same whatever the mock's depth: the callee appends its
``call_args`` record to its own list, and each ancestor gets a reference to one
shared event appended to its *pending* list. An ancestor turns pending events into
``mock_calls``/``method_calls`` entries (with names relative to itself) only when
someone reads those lists. The stdlib instead builds a new ``_Call`` and a new
dotted name at every ancestor on every call.

Names are derived from the parent chain, so whenever a link of that chain is about
to change (``attach_mock``, setting ``_mock_name`` ...), the ancestors above it
first turn their pending events into entries (``flush_ancestors``).
"""

from __future__ import annotations

import _thread  # threading's C half: see docs/design.md, the import

from turbomock import _messages as msg
from turbomock._base import state_of as _state_of
from turbomock._call_lists import Book, LiveCallList, RecordList
from turbomock._calls import _Call, _CallList, new_named_call
from turbomock._native import NATIVE
from turbomock._sentinels import DEFAULT, Marker
from turbomock._sentinels import _missing as _MISSING

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from functools import partial
    from typing import Any
else:  # the same class, without loading functools (docs/design.md, the import)
    from _functools import partial

# Guards the rare slow paths: creating a list or dict on first use, draining
# pending events, publishing a new return value. Never held while user code runs.
# Recording itself needs no lock: list.append is atomic.
lock = _thread.allocate_lock()
_acquire = lock.acquire
_release = lock.release


class Extra:
    """The state few mocks need (spec details, autospec hooks, sealing, counts
    set by hand ...), split off so creating a mock doesn't pay for it."""

    __slots__ = (
        "spec", "wraps", "mock_calls", "method_calls", "assigned",
        "spec_class", "spec_set", "spec_signature", "check_sig",
        "delegate", "sealed", "unsafe", "book", "methods",
        "kind", "autospec", "shares_children", "spec_asyncs", "own_hooks",
    )

    def __init__(self) -> None:
        self.spec: Any = None
        self.assigned: set[str] | None = None
        self.wraps: Any = None
        self.mock_calls: _CallList | None = None
        self.method_calls: _CallList | None = None
        self.spec_class: Any = None
        self.spec_set: Any = None  # the stdlib's _spec_set before any spec
        self.spec_signature: Any = None  # worked out as the spec is applied
        self.check_sig: Any = None  # autospec: called with each call's arguments first
        #: A call hook (``_mock_call`` ...) was set on the mock itself: calls look
        #: them up on it, as the stdlib's ``self._mock_call(...)`` does.
        self.own_hooks = False
        self.delegate: Any = None  # the function an autospecced function mock reports to
        self.sealed = False
        self.unsafe = False
        self.book: Book | None = None  # the call state, once assigned by hand
        self.methods: Any = _MISSING  # ``_mock_methods`` once set by hand
        self.kind: Any = None  # per-kind state: AsyncMock awaits, ThreadingMock events
        self.autospec: Any = None  # how to build children lazily (turbomock._autospec)
        #: A shallow copy shares its children (see ``SharedChildren``): none is kept
        #: as an instance attribute, so a change through either mock shows in both.
        self.shares_children = False
        self.spec_asyncs: Any = _MISSING  # ``_spec_asyncs`` once set by hand

    def allowed_names(self) -> Any:
        """What the stdlib's ``_mock_methods`` would hold: the list set by hand (or a
        list spec), else the spec's names; None: any name."""
        methods = self.methods
        if methods is _MISSING:
            return None if self.spec is None else self.spec.names
        return methods


def _copied_extra(extra: Extra) -> Extra:
    copied = Extra.__new__(Extra)
    for field in Extra.__slots__:
        setattr(copied, field, getattr(extra, field))
    return copied


_clone_slots = getattr(NATIVE, "clone_slots", None)
#: A new ``Extra`` holding what ``extra`` holds (a shallow copy's): one native call
#: (``clone_slots`` in ``_speedups.c``) where Python sets twenty fields.
copy_extra: Callable[[Extra], Extra] = _clone_slots or _copied_extra

#: An ``Extra`` with every field at its default: what ``new_extra`` copies.
_EXTRA_DEFAULTS = Extra()
#: ``Extra()``, copied from the template in one native call where ``__init__``
#: sets twenty fields (about 300 instructions of ``Mock(spec=C50)``'s 30,000
#: instead of 2,800, on 3.11).
new_extra: Callable[[], Extra] = (
    Extra if _clone_slots is None else partial(_clone_slots, _EXTRA_DEFAULTS)
)


def _extra_field(field: str) -> property:
    """A MockState attribute stored in its ``Extra``, created on first write."""
    default = getattr(Extra(), field)

    def fget(self: MockState) -> Any:
        extra = self.extra
        return default if extra is None else getattr(extra, field)

    def fset(self: MockState, value: Any) -> None:
        extra = self.extra
        if extra is None:
            if value is default:
                return
            extra = self.extra = new_extra()
        setattr(extra, field, value)

    return property(fget, fset)


class MockState(dict):  # type: ignore[type-arg]
    """Everything a mock knows about itself, in one object.

    The dict itself maps names to child mocks (and DELETED markers): made with
    the state, so two threads creating the first two children need no lock, and
    without a second object, which a fresh chain of mocks would pay for at every
    link. Slots, all set at creation, hold what most mocks use; the rest lives in
    ``extra`` (see ``Extra``), reachable through the same attribute names.
    """

    __slots__ = (
        # Identity in the tree: parent/name drive method_calls, new_parent/
        # new_name drive mock_calls and the repr.
        "parent", "name", "new_parent", "new_name",
        "pending",  # events not yet turned into mock_calls/method_calls; None until
        # the first call at or below this mock (most children are never called)
        "magics",  # configured magic methods: a mock or a bound function
        "return_value", "side_effect",
        "calls",  # call_args_list
        "extra",
    )

    if TYPE_CHECKING:  # all set by new_state()
        parent: Any
        name: Any
        new_parent: Any
        new_name: Any
        pending: list[Any] | None
        magics: dict[str, Any] | None
        return_value: Any
        side_effect: Any
        calls: _CallList | None
        extra: Extra | None

    def __init__(
        self, parent: Any = None, name: Any = None, new_parent: Any = None, new_name: Any = ""
    ) -> None:
        raise TypeError(msg.STATE_WITHOUT_NEW_STATE)

    # Equal as dicts (``_mock_children == {}``), hashed by identity.
    __hash__ = object.__hash__  # type: ignore[assignment]

    def mark_assigned(self, name: str) -> None:
        """Note that the child ``name`` was set by hand: it stays readable if a spec
        without it comes later."""
        assigned = self.assigned
        if assigned is None:
            assigned = self.assigned = set()
        assigned.add(name)

    # Fields most mocks leave at their defaults: a slot costs every mock memory
    # and time to make, so these live in ``extra``.
    assigned = _extra_field("assigned")  # names of children set by hand, not made on access
    spec = _extra_field("spec")  # turbomock._spec.Spec or None
    wraps = _extra_field("wraps")
    mock_calls = _extra_field("mock_calls")  # made by drain() when first read
    method_calls = _extra_field("method_calls")
    spec_class = _extra_field("spec_class")
    spec_set = _extra_field("spec_set")
    spec_signature = _extra_field("spec_signature")
    check_sig = _extra_field("check_sig")
    delegate = _extra_field("delegate")
    sealed = _extra_field("sealed")
    unsafe = _extra_field("unsafe")
    book = _extra_field("book")
    kind = _extra_field("kind")
    autospec = _extra_field("autospec")
    own_hooks = _extra_field("own_hooks")
    methods = _extra_field("methods")  # _mock_methods read live: a list spec, or set by hand

    def __deepcopy__(self, memo: dict[int, Any]) -> MockState:
        # Pending events refer to call records by shape; deep-copied records are
        # not calls any more (the stdlib's copies aren't either), so settle them
        # into mock_calls/method_calls first and copy the lists as they are.
        from copy import deepcopy  # loaded: deepcopy is why we are here

        if self.pending:
            drain(self)
        clone = MockState.__new__(MockState)
        memo[id(self)] = clone
        for field in MockState.__slots__:
            setattr(clone, field, deepcopy(getattr(self, field), memo))
        for name, child in self.items():  # (a SharedChildren state's: the shared ones)
            clone[name] = deepcopy(child, memo)
        return clone

    def call_list(self) -> _CallList:
        calls = self.calls
        if calls is None:
            # acquire/release rather than ``with``: half the cost on this path.
            _acquire()
            try:
                calls = self.calls
                if calls is None:
                    calls = self.calls = RecordList(self)
            finally:
                _release()
        return calls

    def drain_pending(self) -> None:
        """Turn the pending events into mock_calls/method_calls entries."""
        drain(self)

    def book_calls(self) -> Book:
        """The mock's stored call state, made from its recorded calls on first need
        (see ``turbomock._call_state``)."""
        book: Book | None = self.book
        if book is not None:
            return book
        drain(self)  # names the pending calls, and makes the mock_calls/method_calls lists
        calls = self.call_list()
        # Made once: recording books an autospecced function's mock as its
        # children's calls arrive, from any thread.
        _acquire()
        try:
            book = self.book
            if book is None:
                book = self.book = Book(calls, self.mock_calls, self.method_calls)
                # No pending list from now on, so recording (its own calls and its
                # descendants') takes the path that updates the book.
                self.pending = None
                self.calls = None
        finally:
            _release()
        return book

    def magic_dict(self) -> dict[str, Any]:
        magics = self.magics
        if magics is None:
            with lock:
                magics = self.magics
                if magics is None:
                    magics = self.magics = {}
        return magics

    def call_count(self) -> Any:
        extra = self.extra
        if extra is not None and extra.book is not None:
            return extra.book.call_count
        calls = self.calls
        return 0 if calls is None else len(calls)


class SharedChildren(MockState):
    """The state of a shallow copy: its own fields, the original's children. The
    stdlib's copy shares the original's ``_mock_children`` dict, so a child made,
    replaced or deleted through either mock is the other's too; here the mapping
    operations go to the original's state (``children``)."""

    __slots__ = ("children",)

    if TYPE_CHECKING:
        children: MockState

    def get(self, name: Any, default: Any = None) -> Any:
        return self.children.get(name, default)

    def setdefault(self, name: Any, default: Any = None) -> Any:
        return self.children.setdefault(name, default)

    def pop(self, name: Any, *default: Any) -> Any:
        return self.children.pop(name, *default)

    def __getitem__(self, name: Any) -> Any:
        return self.children[name]

    def __setitem__(self, name: Any, value: Any) -> None:
        self.children[name] = value

    def __delitem__(self, name: Any) -> None:
        del self.children[name]

    def __contains__(self, name: object) -> bool:
        return name in self.children

    def __iter__(self) -> Any:
        return iter(self.children)

    def __len__(self) -> int:
        return len(self.children)

    def keys(self) -> Any:
        return self.children.keys()

    def values(self) -> Any:
        return self.children.values()

    def items(self) -> Any:
        return self.children.items()

    def __eq__(self, other: object) -> bool:
        return self.children == other

    def __ne__(self, other: object) -> bool:
        return self.children != other

    def __repr__(self) -> str:
        return repr(self.children)

    __hash__ = object.__hash__


_new_dict = dict.__new__


def _new_state(parent: Any, name: Any, new_parent: Any, new_name: Any) -> MockState:
    """A fresh state: the one place a ``MockState`` is made (every mock pays for
    it, so it skips the type call and ``__init__``). With the native core on, the
    same steps in C (``make_state`` in ``_fast_mocks.c``) serve every path instead,
    its fast paths and the Python code alike."""
    st: MockState = _new_dict(MockState)
    st.parent = parent
    st.name = name
    st.new_parent = new_parent
    st.new_name = new_name
    st.pending = st.magics = st.side_effect = st.calls = st.extra = None
    st.return_value = DEFAULT
    return st


if NATIVE is not None:
    NATIVE.state_setup(MockState, DEFAULT)
new_state: Callable[[Any, Any, Any, Any], MockState] = (
    _new_state if NATIVE is None else NATIVE.new_state
)


def _parent_state(parent: Any, attribute: str) -> MockState:
    """The state of a mock's parent. A parent that is not a mock (``Mock(parent=5)``)
    fails as the stdlib's first access to ``attribute`` on it fails."""
    try:
        return _state_of(parent)
    except TypeError:
        getattr(parent, attribute)  # the stdlib's AttributeError, normally
        raise TypeError(msg.foreign_parent(parent)) from None


def _list_reached_first(callee: MockState, parent: Any) -> str:
    """Which list the stdlib's recording of ``callee``'s call reads first on
    ``parent``: ``method_calls`` while the call is a method call of it, else
    ``mock_calls``."""
    method_ok = callee.parent is not None
    node = callee
    while method_ok and node.new_parent is not parent:
        node = _state_of(node.new_parent)
        method_ok = node.parent is not None
    return "method_calls" if method_ok else "mock_calls"


def record_call(st: MockState, args: tuple[Any, ...], kwargs: dict[str, Any]) -> _Call:
    """Record one call of the mock owning ``st``; returns its ``call_args`` record."""
    record: _Call = tuple.__new__(_Call, (args, kwargs))
    calls = st.calls
    pending = st.pending
    if calls is None or pending is None:
        extra = st.extra
        if extra is not None and extra.book is not None:
            return _record_booked(st, extra.book, record, args, kwargs)
        # A first call here: its lists are made under the lock, and so are the
        # ancestors' that are missing, with one acquisition for the whole walk.
        _acquire()
        try:
            calls = st.calls
            if calls is None:
                calls = st.calls = RecordList(st)
            _append(calls, record)
            pending = st.pending
            if pending is None:
                pending = st.pending = []
            pending.append(record)
            booked = _notify_locked(st.new_parent, st, (st, record), args, kwargs)
        finally:
            _release()
        if booked is not None:
            _notify_past_books(booked, st, (st, record), args, kwargs)
        return record
    _append(calls, record)  # past RecordList.append, which books the mock
    pending.append(record)
    parent = st.new_parent
    if parent is not None:
        event = (st, record)
        while parent is not None:
            try:
                pst = _state_of(parent)
            except TypeError:
                pst = _parent_state(parent, _list_reached_first(st, parent))
            pending = pst.pending
            if pending is None:
                _acquire()
                try:
                    booked = _notify_locked(parent, st, event, args, kwargs)
                finally:
                    _release()
                if booked is not None:
                    _notify_past_books(booked, st, event, args, kwargs)
                break
            if pst.extra is not None and pst.extra.delegate is not None:
                _notify_past_books(parent, st, event, args, kwargs)
                break
            pending.append(event)
            parent = pst.new_parent
    return record


def notify_parents(
    st: MockState, record: _Call, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Tell the mock's parents of its call, and not the mock itself (an autospecced
    function's mock: its function keeps the call)."""
    _notify_past_books(st.new_parent, st, (st, record), args, kwargs)


def _notify_locked(
    parent: Any, st: MockState, event: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    """Append a call event to the pending list of ``parent`` and each mock above
    it, making the lists that are missing; the caller holds the lock. Stops at a
    booked ancestor, or one reporting to an autospecced function (their lists
    are the user's to append to, outside the lock), and returns it; None when
    done."""
    while parent is not None:
        try:
            pst = _state_of(parent)
        except TypeError:
            pst = _parent_state(parent, _list_reached_first(st, parent))
        extra = pst.extra
        if extra is not None and (extra.book is not None or extra.delegate is not None):
            return parent
        pending = pst.pending
        if pending is None:
            pending = pst.pending = []
        pending.append(event)
        parent = pst.new_parent
    return None


def _record_booked(
    st: MockState, book: Book, record: _Call, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> _Call:
    """A call of a booked mock, recorded step by step as the stdlib's
    ``_increment_mock_call`` does (a step that fails leaves the later ones undone)."""
    book.called = True
    book.call_count += 1
    book.call_args = record
    book.call_args_list.append(record)
    book.mock_calls.append(new_named_call("", args, kwargs))
    _notify_past_books(st.new_parent, st, (st, record), args, kwargs)
    return record


def _notify_past_books(
    parent: Any, st: MockState, event: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Tell ``parent`` and the mocks above it about a call, some of them booked:
    from here up, the call's names are worked out as the stdlib's recording does,
    one ancestor at a time (a name that is no string fails at the same step, and
    a new name's truth, comparison and sum are taken once each, in its order). A
    booked ancestor gets the call appended to its lists now (method_calls first),
    the others a pending event carrying its names. An autospecced function's
    mock is booked on the way: its mock_calls are the function's, its
    method_calls its own (the stdlib's properties), so one event can't serve
    both."""
    name, method_name, is_call = _names_below(st, parent)
    while parent is not None:
        pst = _parent_state(parent, _list_reached_first(st, parent))
        extra = pst.extra
        book = None if extra is None else extra.book
        if book is None and extra is not None and extra.delegate is not None:
            book = pst.book_calls()
        if book is None:
            _acquire()
            try:
                pending = pst.pending
                if pending is None:
                    pending = pst.pending = []
                pending.append((name, method_name, args, kwargs))
            finally:
                _release()
        elif method_name is not NOT_A_METHOD:
            method_calls = book.method_calls
            if method_calls is Book.DELETED:
                # Deleted: read as the stdlib's recording reads it, through the
                # mock's __getattr__ (whose message follows its spec).
                method_calls = parent.method_calls
            method_calls.append(new_named_call(method_name, args, kwargs))
        if method_name is not NOT_A_METHOD:
            # The name for the next ancestor up, before this one's mock_calls, as
            # the stdlib's: a name that is no string fails now.
            method_name = NOT_A_METHOD if pst.parent is None else pst.name + "." + method_name
        if book is not None:
            # An autospecced function's mock_calls are the function's (the
            # stdlib's property writes there), its method_calls its own.
            delegate = extra.delegate  # type: ignore[union-attr]
            target = book.mock_calls if delegate is None else delegate.mock_calls
            target.append(new_named_call(name, args, kwargs))
        step = pst.new_name
        if step:
            dot = "" if is_call else "."
            is_call = step == "()"
            name = step + dot + name
        parent = pst.new_parent


#: What ``relative_names`` gives for a call that is not a method call of the ancestor.
NOT_A_METHOD: Any = Marker("NOT_A_METHOD")


def relative_names(callee: MockState, ancestor: MockState) -> tuple[str, Any]:
    """The names a call of ``callee`` has in ``ancestor``'s mock_calls and
    method_calls (``NOT_A_METHOD``: not a method call of that ancestor; a mock
    made with ``parent=`` but no name records under the name None, as in the
    stdlib)."""
    name, method_name, _ = _names_below(callee, ancestor)
    return name, method_name


def _names_below(callee: MockState, ancestor: Any) -> tuple[Any, Any, bool]:
    """``relative_names`` for the mock ``ancestor`` (a state or a mock), and
    whether the last step of the call's name is a call (``()``): the stdlib's
    ``mock_call_name``, ``method_call_name`` and ``is_a_call`` as its recording
    reaches ``ancestor``."""
    mock_name = callee.new_name
    is_call = mock_name == "()"
    method_ok = callee.parent is not None
    method_name = callee.name
    parent = callee.new_parent
    while parent is not None and parent is not ancestor:
        pst = _parent_state(parent, "_mock_parent")
        if pst is ancestor:
            break
        if method_ok:
            method_ok = pst.parent is not None
            if method_ok:
                method_name = f"{pst.name}.{method_name}"
        step = pst.new_name
        if step:
            mock_name = step + ("" if is_call else ".") + mock_name
            is_call = step == "()"
        parent = pst.new_parent
    return mock_name, (method_name if method_ok else NOT_A_METHOD), is_call


_append = list.append


def drain(st: MockState) -> None:
    """Turn ``st``'s pending events into mock_calls/method_calls entries."""
    with lock:
        pending = st.pending
        mock_calls = st.mock_calls
        if mock_calls is None:
            mock_calls = st.mock_calls = LiveCallList(st)
        method_calls = st.method_calls
        if method_calls is None:
            method_calls = st.method_calls = LiveCallList(st)
        if not pending:
            return
        size = list.__len__(pending)
        events = pending[:size]
        del pending[:size]
        for event in events:
            if type(event) is _Call:
                _append(mock_calls, new_named_call("", event[0], event[1]))
                continue
            if len(event) == 2:
                callee, record = event
                name, method_name = relative_names(callee, st)
                args, kwargs = record
            else:  # named already, past a booked mock (_notify_past_books)
                name, method_name, args, kwargs = event
            _append(mock_calls, new_named_call(name, args, kwargs))
            if method_name is not NOT_A_METHOD:
                _append(method_calls, new_named_call(method_name, args, kwargs))


def flush_ancestors(st: MockState) -> None:
    """Settle the names of pending events above ``st`` before its link changes."""
    parent = st.new_parent
    while parent is not None:
        try:
            pst = _state_of(parent)
        except TypeError:
            return  # not a mock (Mock(parent=5)): nothing pending up there
        if pst.pending:
            drain(pst)
        parent = pst.new_parent


def extract_mock_name(st: MockState) -> str:
    """The dotted name shown in reprs: ``mock.a().b``. Built from the mock up to its
    root, each step's name with the separator the step below it needs; a name that
    is not a string fails here as with the stdlib (``repr(Mock(name=1))``)."""
    parts = [st.new_name]
    joiner = "" if st.new_name == "()" else "."
    node = st
    parent = st.new_parent
    while parent is not None:
        node = _parent_state(parent, "_mock_new_name")
        parts.append(node.new_name + joiner)
        joiner = "" if node.new_name == "()" else "."
        parent = node.new_parent
    root = node.name or "mock"
    if len(parts) > 1 and parts[-2] not in ("()", "()."):
        root += "."
    parts[-1] = root
    return "".join(reversed(parts))
