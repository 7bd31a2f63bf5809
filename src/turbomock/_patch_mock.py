"""What ``patch`` puts in place when it is not given ``new``: a mock of the right kind.

The kind follows the stdlib's rules on each Python (``AsyncMock`` for async
originals, ``NonCallableMagicMock`` for non-callable specs, spec inherited by a
replaced class's instances, ``create_autospec`` for ``autospec``). The one question
asked on every plain ``patch()``, "is the original async?", is
``_async._is_async_obj``.
"""

from __future__ import annotations

from turbomock import _messages as msg
from turbomock._async import AsyncMock, _is_async_obj
from turbomock._autospec import create_autospec
from turbomock._compat import PATCH_ASYNC_BEFORE_SPEC, SPEC_ARGUMENTS_CHECKED
from turbomock._magic import MagicMock, NonCallableMagicMock
from turbomock._mock import InvalidSpecError, NonCallableMock, _is_instance_mock
from turbomock._sentinels import DEFAULT
from turbomock._spec import instance_callable, is_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["_is_async_obj", "make_autospec", "make_mock"]

def _class_for_spec(this_spec: Any, default: Any) -> Any:
    """The mock class a spec calls for: async, not callable, or ``default``."""
    not_callable = "__call__" not in this_spec if is_list(this_spec) else not callable(this_spec)
    if _is_async_obj(this_spec):
        return AsyncMock
    if not_callable:
        return NonCallableMagicMock
    return default


def _resolve_specs(spec: Any, spec_set: Any, original: Any) -> tuple[Any, Any]:
    """``(spec, spec_set)`` as the mock class takes them.

    ``True`` stands for the original; ``spec_set=True`` makes the spec (the original
    when there is none) a ``spec_set`` instead. ``patch`` has refused any other pair
    of values already.
    """
    if spec_set is True:
        return None, original if spec is None or spec is True else spec
    return original if spec is True else spec, spec_set


def _mock_class(new_callable: Any, spec: Any, in_force: Any, original: Any) -> Any:
    """The class ``patch`` calls to make the mock; ``in_force`` is the resolved spec.

    An async original gets an ``AsyncMock`` unless ``spec`` itself was given; before
    3.12 a ``spec_set`` still had its say (a non-callable one made it non-callable).
    """
    if new_callable is not None:
        return new_callable
    async_original = spec is None and _is_async_obj(original)
    if in_force is None or (async_original and PATCH_ASYNC_BEFORE_SPEC):
        return AsyncMock if async_original else MagicMock
    return _class_for_spec(in_force, AsyncMock if async_original else MagicMock)


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

    spec, spec_set = _resolve_specs(spec, spec_set, original)
    in_force = spec if spec_set is None else spec_set
    if in_force is not None and original is DEFAULT:
        raise TypeError(msg.SPEC_WITH_CREATE)
    klass = _mock_class(new_callable, spec, in_force, original)

    # Keyword order as the stdlib passes them: a new_callable may care.
    given = {"spec": spec, "spec_set": spec_set}
    options = {key: value for key, value in given.items() if value is not None}
    if attribute and isinstance(klass, type) and issubclass(klass, NonCallableMock):
        options["name"] = attribute
    options.update(kwargs)
    new = klass(**options)

    if isinstance(original, type) and in_force is not None and _is_instance_mock(new):
        # A class was replaced: its instances get the same spec, and are
        # callable only if instances of the class would be.
        if not is_list(in_force) and not instance_callable(in_force):
            klass = NonCallableMagicMock
        del options["name"]  # KeyError if there is none, as with the stdlib
        new.return_value = klass(_new_parent=new, _new_name="()", **options)
    return new


def make_autospec(
    attribute: str, kwargs: dict[str, Any], target: Any, original: Any, autospec: Any,
    spec_set: Any, new: Any,
) -> Any:
    """``create_autospec`` of the original (or of ``autospec`` itself)."""
    if new is not DEFAULT:
        refusal = msg.AUTOSPEC_AND_NEW
    elif original is DEFAULT:
        refusal = msg.AUTOSPEC_WITH_CREATE
    else:
        refusal = ""
    if refusal:
        raise TypeError(refusal)
    source = original if autospec is True else autospec
    if SPEC_ARGUMENTS_CHECKED:
        if _is_instance_mock(target):
            raise InvalidSpecError(msg.autospec_target_mocked(attribute, target, source))
        if _is_instance_mock(source):
            target_name = getattr(target, "__name__", target)
            raise InvalidSpecError(
                msg.autospec_attr_mocked(attribute, target_name, target, source)
            )
    return create_autospec(source, spec_set=bool(spec_set), _name=attribute, **kwargs)
