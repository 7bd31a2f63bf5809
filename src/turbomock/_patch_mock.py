"""What ``patch`` puts in place when it is not given ``new``: a mock of the right kind.

The kind follows the stdlib's rules on each Python (``AsyncMock`` for async
originals, ``NonCallableMagicMock`` for non-callable specs, spec inherited by a
replaced class's instances, ``create_autospec`` for ``autospec``). The one question
asked on every plain ``patch()``, "is the original async?", is answered from code
flags and MROs where they suffice, instead of through ``inspect``.
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType, WrapperDescriptorType

from turbomock._async import AsyncMock
from turbomock._autospec import create_autospec
from turbomock._compat import PY310, PY312
from turbomock._magic import MagicMock, NonCallableMagicMock
from turbomock._mock import InvalidSpecError, NonCallableMock, _is_instance_mock
from turbomock._sentinels import DEFAULT
from turbomock._spec import instance_callable, is_list, iscoroutinefunction

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["_is_async_obj", "make_autospec", "make_mock"]

_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE, without importing inspect
#: Types whose instances carry no attributes of their own and are never awaitable.
_NEVER_ASYNC = frozenset(
    {str, bytes, bytearray, int, float, complex, bool, type(None), tuple, list, dict,
     set, frozenset, BuiltinFunctionType, WrapperDescriptorType, property}
)
#: Wrappers the stdlib looks through (by their ``__func__``) before asking.
_METHOD_LIKE = frozenset({MethodType, staticmethod, classmethod})


def _is_async_obj(obj: Any) -> bool:
    """Whether ``patch`` should replace ``obj`` with an ``AsyncMock``.

    The stdlib asks ``asyncio.iscoroutinefunction`` and ``inspect.isawaitable`` about
    everything. For plain functions (and methods around them) the code flags give the
    same answer; a class with no custom metaclass can only say yes through a few
    attribute names, looked for in its MRO. Anything else takes the full check.
    """
    tp = type(obj)
    if tp is FunctionType:
        if not obj.__dict__:  # no coroutine marker, no __wrapped__/__partialmethod__
            return bool(obj.__code__.co_flags & _CO_COROUTINE)
    elif tp is type:
        for klass in obj.__mro__:
            names = klass.__dict__
            if (
                "__func__" in names
                or "_is_coroutine" in names
                or "_is_coroutine_marker" in names
                or "__partialmethod__" in names
            ):
                break
        else:
            return False
    elif tp in _METHOD_LIKE:
        obj = obj.__func__
        if type(obj) is FunctionType and not obj.__dict__:
            return bool(obj.__code__.co_flags & _CO_COROUTINE)
        return _is_coroutine_or_awaitable(obj)
    elif tp in _NEVER_ASYNC or obj is DEFAULT:
        return False
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, "__func__"):
        obj = obj.__func__
    return _is_coroutine_or_awaitable(obj)


def _is_coroutine_or_awaitable(obj: Any) -> bool:
    if iscoroutinefunction(obj):
        return True
    import inspect

    return inspect.isawaitable(obj)


def _class_for_spec(this_spec: Any, default: Any) -> Any:
    """The mock class a spec calls for: async, not callable, or ``default``."""
    not_callable = "__call__" not in this_spec if is_list(this_spec) else not callable(this_spec)
    if _is_async_obj(this_spec):
        return AsyncMock
    if not_callable:
        return NonCallableMagicMock
    return default


def make_mock(
    attribute: str, new_callable: Any, kwargs: dict[str, Any], original: Any, spec: Any,
    spec_set: Any,
) -> Any:
    """The mock ``patch`` creates when given neither ``new`` nor ``autospec``."""
    if spec is None and spec_set is None and new_callable is None:
        # The usual case, kept short: no spec means nothing to inherit.
        mock_class = AsyncMock if _is_async_obj(original) else MagicMock
        if not attribute:
            return mock_class(**kwargs)
        if kwargs:
            return mock_class(**{"name": attribute, **kwargs})
        return mock_class(name=attribute)

    inherit = False
    if spec is True:
        spec = original
        if spec_set is True:
            spec_set = original
            spec = None
    elif spec is not None:
        if spec_set is True:
            spec_set = spec
            spec = None
    elif spec_set is True:
        spec_set = original
    if spec is not None or spec_set is not None:
        if original is DEFAULT:
            raise TypeError("Can't use 'spec' with create=True")
        if isinstance(original, type):
            inherit = True
    this_spec = spec_set if spec_set is not None else spec

    klass: Any
    if PY312:
        if new_callable is not None:
            klass = new_callable
        elif spec is None and _is_async_obj(original):
            klass = AsyncMock
        elif this_spec is not None:
            klass = _class_for_spec(this_spec, MagicMock)
        else:
            klass = MagicMock
    else:
        klass = AsyncMock if spec is None and _is_async_obj(original) else MagicMock
        if new_callable is not None:
            klass = new_callable
        elif this_spec is not None:
            klass = _class_for_spec(this_spec, klass)

    mock_kwargs: dict[str, Any] = {}
    if spec is not None:
        mock_kwargs["spec"] = spec
    if spec_set is not None:
        mock_kwargs["spec_set"] = spec_set
    if isinstance(klass, type) and issubclass(klass, NonCallableMock) and attribute:
        mock_kwargs["name"] = attribute
    mock_kwargs.update(kwargs)
    new = klass(**mock_kwargs)

    if inherit and _is_instance_mock(new):
        # A class was replaced: its instances get the same spec, and are
        # callable only if instances of the class would be.
        if not is_list(this_spec) and not instance_callable(this_spec):
            klass = NonCallableMagicMock
        mock_kwargs.pop("name")
        new.return_value = klass(_new_parent=new, _new_name="()", **mock_kwargs)
    return new


def make_autospec(
    attribute: str, kwargs: dict[str, Any], target: Any, original: Any, autospec: Any,
    spec_set: Any, new: Any,
) -> Any:
    """``create_autospec`` of the original (or of ``autospec`` itself)."""
    if new is not DEFAULT:
        raise TypeError(
            "autospec creates the mock for you. Can't specify autospec and new."
        )
    if original is DEFAULT:
        raise TypeError("Can't use 'autospec' with create=True")
    spec_set = bool(spec_set)
    if autospec is True:
        autospec = original
    if PY310:
        if _is_instance_mock(target):
            raise InvalidSpecError(
                f"Cannot autospec attr {attribute!r} as the patch "
                f"target has already been mocked out. "
                f"[target={target!r}, attr={autospec!r}]"
            )
        if _is_instance_mock(autospec):
            target_name = getattr(target, "__name__", target)
            raise InvalidSpecError(
                f"Cannot autospec attr {attribute!r} from target "
                f"{target_name!r} as it has already been mocked out. "
                f"[target={target!r}, attr={autospec!r}]"
            )
    return create_autospec(autospec, spec_set=spec_set, _name=attribute, **kwargs)
