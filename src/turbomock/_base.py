"""``Base``, the root of every mock class, and the slot a mock keeps its state in.

A mock's state (``_state.MockState``) lives in the one slot ``Base`` declares.
The engine reads it with ``state_of(mock)``, the slot's own descriptor, rather
than ``mock._mock_state``: an attribute read looks the name up on the mock's
class first, and every mock has a class of its own (``_mock_type``), so on a
mock not used for a while that lookup misses CPython's type cache and walks the
whole MRO. The descriptor goes straight to the slot.
"""

from __future__ import annotations

from turbomock._class_signatures import SignatureAttribute
from turbomock._compat import CODE_HAS_QUALNAME
from turbomock._sentinels import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar

    _F = TypeVar("_F", bound=Callable[..., Any])

    from turbomock._state import MockState


class Base:
    """The root of every mock class and mixin (kept for code that names it)."""

    __slots__ = ("_mock_state", "__dict__", "__weakref__")

    _mock_return_value = DEFAULT
    _mock_side_effect = None
    #: Whether ``inspect.signature`` of such mocks is ``(*args, **kwargs)`` (async ones).
    _mock_async_signature = False

    __signature__ = SignatureAttribute()

    def __init__(self, /, *args: Any, **kwargs: Any) -> None:
        pass


def named_as(qualname: str) -> Callable[[_F], _F]:
    """Give a function the stdlib's qualified name for it, where the stdlib defines it
    elsewhere: Python names it so in argument errors and tracebacks."""

    name = qualname.rpartition(".")[2]

    def rename(function: _F) -> _F:
        function.__qualname__ = qualname
        function.__name__ = name
        code = function.__code__.replace(co_name=name)
        function.__code__ = code.replace(co_qualname=qualname) if CODE_HAS_QUALNAME else code
        return function

    return rename


#: The module the stdlib's classes and helpers report (``unittest.mock``): ours, the
#: package, which re-exports them (mock classes, autospec and mock_open helpers).
PUBLIC_MODULE = __name__.partition(".")[0]

_slot = Base.__dict__["_mock_state"]
#: ``state_of(mock)``: the mock's ``MockState`` (AttributeError before ``__init__``).
state_of: Callable[[Any], MockState] = _slot.__get__
#: ``set_state(mock, state)``.
set_state: Callable[[Any, MockState], None] = _slot.__set__
