"""``reset_mock``: a whole tree of mocks back to "never called", in one loop.

The stdlib recurses through ``reset_mock`` of every child; this walks the tree
with a stack and calls a child's ``reset_mock`` only where its class overrides
it, so a subclass's override still runs where the stdlib's would."""

from __future__ import annotations

from turbomock import _mock
from turbomock._base import state_of as _get_state
from turbomock._call_state import book_if_unnameable
from turbomock._calls import _CallList
from turbomock._magic_names import is_magic
from turbomock._sentinels import DEFAULT, _deleted
from turbomock._spec_state import _SpecState

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Visited(list):  # type: ignore[type-arg]
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


_list_append = list.append
#: Marks a stack entry standing for "the return value of this mock, now".
_RETURN_VALUE: Any = object()


def reset_tree(root: Any, visited: Any, return_value: bool, side_effect: bool) -> None:
    """``reset_mock`` for a whole tree, without a method call per mock unless a
    class overrides ``reset_mock``. The order is the stdlib's recursion's: a mock,
    then each child's whole subtree in the children's order, then its return value
    (read once the children are done); a child whose class overrides ``reset_mock``
    is handed to it each time it is reached, visited or not."""
    # Entries: (mock, forget its return value, forget its side effect); None for
    # the first: a return value, reset with the defaults.
    stack: list[tuple[Any, Any, bool]] = [(root, return_value, side_effect)]
    pop = stack.pop
    push = stack.append
    mock_class = _mock.NonCallableMock
    base = mock_class.reset_mock
    # Our own Visited is read and written through its set and list directly (no
    # method call per mock); one given by the caller is used as the stdlib uses it.
    own = type(visited) is Visited
    seen = visited.ids if own else visited
    add_id = visited.ids.add if own else None
    while stack:
        node, forget_return, forget_effect = pop()
        if forget_return is _RETURN_VALUE:
            # The children are done: now the return value, as the stdlib resets it.
            ret = _get_state(node).return_value
            if ret is not node and issubclass(type(ret), mock_class):
                push((ret, None, False))
            continue
        cls = type(node)
        if node is not root and (not issubclass(cls, mock_class) or cls.reset_mock is not base):
            # An override, or a child that is no mock (an autospecced function's
            # stand-in: its reset_mock takes no arguments, and fails, as the stdlib's).
            if forget_return is None:  # a return value: the stdlib passes visited alone
                node.reset_mock(visited)
            else:
                node.reset_mock(visited, return_value=forget_return, side_effect=forget_effect)
            continue
        if forget_return is None:
            forget_return = False
        key = id(node)
        if key in seen:
            continue
        if add_id is None:
            visited.append(key)
        else:
            add_id(key)
            _list_append(visited, key)
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
        if extra is not None:
            book_if_unnameable(st)  # as it was booked for
        hook = cls._mock_reset_hook
        if hook is not None:
            hook(node)
        if forget_return or forget_effect:  # reset_mock(return_value=True ...)
            st.return_value = DEFAULT if forget_return else st.return_value
            st.side_effect = None if forget_effect else st.side_effect
        if st:  # its children: pushed last first, so that they come out in order
            push((node, _RETURN_VALUE, False))
            for child in reversed(st.values()):
                if child is not _deleted and type(child) is not _SpecState:
                    push((child, forget_return, forget_effect))
        else:
            ret = st.return_value
            if ret is not node and issubclass(type(ret), mock_class):
                push((ret, None, False))


def _forget_delegate_calls(delegate: Any) -> None:
    """An autospecced function keeps its call attributes in its ``__dict__``."""
    vars(delegate).update(
        called=False, call_args=None, call_count=0,
        mock_calls=_CallList(), call_args_list=_CallList(),
    )
