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
from turbomock._sentinels import DEFAULT

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


def reset_tree(root: Any, visited: Any, return_value: bool, side_effect: bool) -> None:
    """``reset_mock`` for a whole tree, without a method call per mock unless a
    class overrides ``reset_mock``."""
    stack = [(root, return_value, side_effect)]
    pop = stack.pop
    push = stack.append
    mock_class = _mock.NonCallableMock
    base = mock_class.reset_mock
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
        if extra is not None:
            book_if_unnameable(st)  # as it was booked for
        hook = cls._mock_reset_hook
        if hook is not None:
            hook(node)
        if forget_return or forget_effect:  # reset_mock(return_value=True ...)
            st.return_value = DEFAULT if forget_return else st.return_value
            st.side_effect = None if forget_effect else st.side_effect
        if st:  # its children
            for child in st.values():
                if issubclass(type(child), mock_class):
                    push((child, forget_return, forget_effect))
        ret = st.return_value
        if ret is not node and issubclass(type(ret), mock_class):
            push((ret, False, False))


def _forget_delegate_calls(delegate: Any) -> None:
    """An autospecced function keeps its call attributes in its ``__dict__``."""
    vars(delegate).update(
        called=False, call_args=None, call_count=0,
        mock_calls=_CallList(), call_args_list=_CallList(),
    )
