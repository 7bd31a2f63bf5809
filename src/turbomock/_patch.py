"""``patch``, ``patch.object``, ``patch.multiple`` and ``patch.stopall``.

Behaviour is the stdlib's, version by version (flags from ``_compat``); the cost is
not. Entering a patch resolves the target through a cache (``_patch_target``), looks
the original up without raising in the common cases, keeps its state in one slot,
and builds no ``ExitStack``: a single patch restores itself, and the rare stacks
(``patch.multiple``, stacked decorators) unwind through ``_patch_stack``. What gets
created when no ``new`` is given is decided in ``_patch_mock``.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial, wraps
from types import ModuleType

from turbomock import _patch_dict as _patch_dict_module
from turbomock._compat import PY310
from turbomock._mock import InvalidSpecError, _is_instance_mock
from turbomock._patch_dict import _patch_dict
from turbomock._patch_mock import _is_async_obj, make_autospec, make_mock
from turbomock._patch_stack import _enter_patchings, _unwind
from turbomock._patch_target import _get_target, _importer
from turbomock._sentinels import DEFAULT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar, TypeVar
    _F = TypeVar("_F", bound=Callable[..., Any])

__all__ = ["_get_target", "_importer", "_is_async_obj", "_patch", "_patch_dict", "patch"]

#: Names ``patch`` may create on a module without ``create=True`` (they shadow builtins).
_builtins = {name for name in dir(builtins) if not name.startswith("_")}
#: Attributes that ``delattr`` resets instead of removing: they are put back by value.
_RESET_ON_DELETE = frozenset(
    {"__doc__", "__module__", "__defaults__", "__annotations__", "__kwdefaults__"}
)
_SPEC_TYPOS = ("autospect", "auto_spec", "set_spec")


def _check_spec_arg_typos(kwargs_to_check: dict[str, Any]) -> None:
    """Refuse the usual misspellings of ``autospec``/``spec_set`` (3.10+)."""
    for typo in _SPEC_TYPOS:
        if typo in kwargs_to_check:
            raise RuntimeError(f"{typo!r} might be a typo; use unsafe=True if this is intended")


# -- the patcher ------------------------------------------------------------------------


class _patch:
    """One attribute replaced on enter and put back on exit (plus, for
    ``patch.multiple``, the ``additional_patchers`` that ride along)."""

    __slots__ = (
        "getter", "attribute", "new", "new_callable", "spec", "create", "has_local",
        "spec_set", "autospec", "kwargs", "additional_patchers", "attribute_name",
        "_state", "__dict__", "__weakref__",
    )

    # While active: (target, original, whether it was the target's own, entered
    # additional patchers). Read through the target/temp_original/is_local properties.
    _state: tuple[Any, Any, Any, list[Any] | None]
    #: Patchers started with ``start()`` and not yet stopped, oldest first.
    _active_patches: ClassVar[list[Any]] = []
    _custom_get_original: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._custom_get_original = cls.get_original is not _patch.get_original

    def __init__(
        self,
        getter: Callable[[], Any],
        attribute: str,
        new: Any,
        spec: Any,
        create: bool,
        spec_set: Any,
        autospec: Any,
        new_callable: Any,
        kwargs: dict[str, Any],
        *,
        unsafe: bool = False,
    ) -> None:
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        if PY310:
            if kwargs and not unsafe:
                _check_spec_arg_typos(kwargs)
            if spec is not None and _is_instance_mock(spec):
                raise InvalidSpecError(
                    f"Cannot spec attr {attribute!r} as the spec "
                    f"has already been mocked out. [spec={spec!r}]"
                )
            if spec_set is not None and _is_instance_mock(spec_set):
                raise InvalidSpecError(
                    f"Cannot spec attr {attribute!r} as the spec_set "
                    f"target has already been mocked out. [spec_set={spec_set!r}]"
                )
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers: list[Any] = []
        self.attribute_name: str | None = None

    def copy(self) -> _patch:
        """A fresh patcher with the same settings (one per decorated test method)."""
        patcher = _patch(
            self.getter, self.attribute, self.new, self.spec, self.create,
            self.spec_set, self.autospec, self.new_callable, self.kwargs,
        )
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [p.copy() for p in self.additional_patchers]
        return patcher

    # -- decorating ---------------------------------------------------------------------

    def __call__(self, func: _F) -> _F:
        if isinstance(func, type):
            return self.decorate_class(func)  # type: ignore[return-value]
        import inspect

        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass: type) -> type:
        """Patch every method named with ``patch.TEST_PREFIX``, each with its own copy."""
        prefix = patch.TEST_PREFIX  # type: ignore[attr-defined]
        for attr in dir(klass):
            if not attr.startswith(prefix):
                continue
            attr_value = getattr(klass, attr)
            if not hasattr(attr_value, "__call__"):  # noqa: B004 - stdlib parity
                continue
            setattr(klass, attr, self.copy()(attr_value))
        return klass

    @contextmanager
    def decoration_helper(
        self, patched: Any, args: tuple[Any, ...], keywargs: dict[str, Any]
    ) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        """The stdlib's helper, kept for subclasses that call it; the wrappers below
        do the same work without a generator."""
        entered, args = _enter_patchings(patched.patchings, args, keywargs)
        try:
            yield args, keywargs
        except BaseException:
            if not _unwind(entered, *sys.exc_info()):
                raise
        else:
            _unwind(entered, None, None, None)

    def decorate_callable(self, func: _F) -> _F:
        """Wrap ``func`` so its ``patchings`` are entered around each call."""
        if hasattr(func, "patchings"):
            func.patchings.append(self)
            return func

        @wraps(func)
        def patched(*args: Any, **keywargs: Any) -> Any:
            __tracebackhide__ = True  # pytest shows the test's frames, not this wrapper
            entered, args = _enter_patchings(patched.patchings, args, keywargs)  # type: ignore[attr-defined]
            try:
                result = func(*args, **keywargs)
            except BaseException:
                if _unwind(entered, *sys.exc_info()):
                    return None
                raise
            _unwind(entered, None, None, None)
            return result

        patched.patchings = [self]  # type: ignore[attr-defined]
        return patched  # type: ignore[return-value]

    def decorate_async_callable(self, func: _F) -> _F:
        """As ``decorate_callable``, with a coroutine function as the wrapper."""
        if hasattr(func, "patchings"):
            func.patchings.append(self)
            return func

        @wraps(func)
        async def patched(*args: Any, **keywargs: Any) -> Any:
            __tracebackhide__ = True
            entered, args = _enter_patchings(patched.patchings, args, keywargs)  # type: ignore[attr-defined]
            try:
                result = await func(*args, **keywargs)
            except BaseException:
                if _unwind(entered, *sys.exc_info()):
                    return None
                raise
            _unwind(entered, None, None, None)
            return result

        patched.patchings = [self]  # type: ignore[attr-defined]
        return patched  # type: ignore[return-value]

    # -- patching -----------------------------------------------------------------------

    def get_original(self) -> tuple[Any, bool]:
        """The current value and whether it lives in the target's own ``__dict__``."""
        target = self.getter()
        name = self.attribute
        try:
            namespace = target.__dict__
        except AttributeError:
            namespace = None
        original, local = _lookup(target, namespace, name)
        if name in _builtins and isinstance(target, ModuleType):
            self.create = True
        if original is DEFAULT and not self.create:
            raise AttributeError(f"{target} does not have the attribute {name!r}")
        return original, local

    def __enter__(self) -> Any:
        """Perform the patch."""
        new = self.new
        spec = self.spec
        spec_set = self.spec_set
        autospec = self.autospec
        target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None or autospec is not None:
            if spec is not None and autospec is not None:
                raise TypeError("Can't specify spec and autospec")
            if spec_set not in (True, None):
                raise TypeError("Can't provide explicit spec_set *and* spec or autospec")

        name = self.attribute
        if self._custom_get_original:
            self._state = (target, _UNSET, _UNSET, None)
            original, local = self.get_original()
        else:
            # get_original(), inlined: this is the hot path.
            try:
                namespace = target.__dict__
            except AttributeError:
                namespace = None
            if type(namespace) is _mappingproxy or type(namespace) is dict:
                # Membership first: no KeyError raised and caught when inherited.
                local = name in namespace
                original = namespace[name] if local else getattr(target, name, DEFAULT)
            else:
                original, local = _lookup(target, namespace, name)
            if name in _builtins and isinstance(target, ModuleType):
                self.create = True
            if original is DEFAULT and not self.create:
                raise AttributeError(f"{target} does not have the attribute {name!r}")

        if new is DEFAULT and autospec is None:
            new = make_mock(
                name, self.new_callable, self.kwargs, original, spec, spec_set
            )
        elif autospec is not None:
            new = make_autospec(
                name, self.kwargs, target, original, autospec, spec_set, new
            )
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")

        attribute_name = self.attribute_name
        if attribute_name is None:
            self._state = (target, original, local, None)
            try:
                setattr(target, name, new)
            except BaseException:
                if not self.__exit__(*sys.exc_info()):
                    raise
                return None
            return new
        entered: list[Any] = []
        self._state = (target, original, local, entered)
        try:
            setattr(target, name, new)
            extra_args: dict[str, Any] = {}
            if self.new is DEFAULT:
                extra_args[attribute_name] = new
            for patching in self.additional_patchers:
                arg = patching.__enter__()
                entered.append(patching)
                if patching.new is DEFAULT:
                    extra_args.update(arg)
            return extra_args
        except BaseException:
            if not self.__exit__(*sys.exc_info()):
                raise
            return None

    def __exit__(self, *exc_info: Any) -> Any:
        """Undo the patch."""
        try:
            target, original, local, entered = self._state
        except AttributeError:
            raise _no_attribute(self, "is_local") from None
        if local is _UNSET or original is _UNSET:
            raise _no_attribute(self, "is_local" if local is _UNSET else "temp_original")
        name = self.attribute
        if local and original is not DEFAULT:
            setattr(target, name, original)
        else:
            delattr(target, name)
            if not self.create and (not hasattr(target, name) or name in _RESET_ON_DELETE):
                # A proxy (Django's settings, say) forwards the attribute elsewhere:
                # deleting it did not bring the original back, so put it back.
                setattr(target, name, original)
        del self._state
        if entered:
            return _unwind(entered, *exc_info)
        return False

    # While a patch is active: what it patched, what it replaced, and whether that
    # came from the target's own __dict__ (stdlib attributes, kept in one slot).
    target = property(
        lambda self: _state_field(self, 0, "target"),
        lambda self, value: _set_state_field(self, 0, value),
        lambda self: _set_state_field(self, 0, _UNSET),
    )
    temp_original = property(
        lambda self: _state_field(self, 1, "temp_original"),
        lambda self, value: _set_state_field(self, 1, value),
        lambda self: _set_state_field(self, 1, _UNSET),
    )
    is_local = property(
        lambda self: _state_field(self, 2, "is_local"),
        lambda self, value: _set_state_field(self, 2, value),
        lambda self: _set_state_field(self, 2, _UNSET),
    )

    def start(self) -> Any:
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self) -> Any:
        """Stop an active patch; None if it was not started."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


_mappingproxy = type(type.__dict__)


def _lookup(target: Any, namespace: Any, name: str) -> tuple[Any, bool]:
    """The original value and whether it is the target's own (in its ``__dict__``)."""
    if namespace is not None:
        try:
            return namespace[name], True
        except (AttributeError, KeyError):
            pass
    return getattr(target, name, DEFAULT), False


_UNSET: Any = object()


def _no_attribute(patcher: Any, name: str) -> AttributeError:
    return AttributeError(f"{type(patcher).__name__!r} object has no attribute {name!r}")


def _state_field(patcher: Any, index: int, name: str) -> Any:
    try:
        value = patcher._state[index]
    except AttributeError:
        raise _no_attribute(patcher, name) from None
    if value is _UNSET:
        raise _no_attribute(patcher, name)
    return value


def _set_state_field(patcher: Any, index: int, value: Any) -> None:
    try:
        state = list(patcher._state)
    except AttributeError:
        state = [_UNSET, _UNSET, _UNSET, None]
    state[index] = value
    patcher._state = tuple(state)


# -- the public functions -------------------------------------------------------------


if PY310:

    def patch(
        target: Any, new: Any = DEFAULT, spec: Any = None, create: bool = False,
        spec_set: Any = None, autospec: Any = None, new_callable: Any = None,
        *, unsafe: bool = False, **kwargs: Any,
    ) -> Any:
        getter, attribute = _get_target(target)
        if unsafe:
            return _patch(
                getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                kwargs, unsafe=True,
            )
        # No keyword argument: it would make constructing the patcher markedly slower.
        return _patch(
            getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs
        )

    def _patch_object(
        target: Any, attribute: str, new: Any = DEFAULT, spec: Any = None,
        create: bool = False, spec_set: Any = None, autospec: Any = None,
        new_callable: Any = None, *, unsafe: bool = False, **kwargs: Any,
    ) -> Any:
        if type(target) is str:
            raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
        if unsafe:
            return _patch(
                lambda: target, attribute, new, spec, create, spec_set, autospec,
                new_callable, kwargs, unsafe=True,
            )
        return _patch(
            lambda: target, attribute, new, spec, create, spec_set, autospec, new_callable,
            kwargs,
        )

else:  # 3.9: no ``unsafe``; a keyword of that name configures the mock like any other

    def patch(  # type: ignore[misc]
        target: Any, new: Any = DEFAULT, spec: Any = None, create: bool = False,
        spec_set: Any = None, autospec: Any = None, new_callable: Any = None,
        **kwargs: Any,
    ) -> Any:
        getter, attribute = _get_target(target)
        return _patch(
            getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs
        )

    def _patch_object(  # type: ignore[misc]
        target: Any, attribute: str, new: Any = DEFAULT, spec: Any = None,
        create: bool = False, spec_set: Any = None, autospec: Any = None,
        new_callable: Any = None, **kwargs: Any,
    ) -> Any:
        if type(target) is str:
            raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
        return _patch(
            lambda: target, attribute, new, spec, create, spec_set, autospec, new_callable,
            kwargs,
        )


patch.__doc__ = """Replace ``target`` (``'package.module.attr'``) while a test runs.

Works as a function decorator (sync or async), class decorator (methods starting
with ``patch.TEST_PREFIX``), context manager (``as`` gives the new object) or with
``start()``/``stop()``. Without ``new`` the replacement is a ``MagicMock`` (an
``AsyncMock`` for async functions) built from ``spec``, ``spec_set``, ``autospec``,
``new_callable`` and ``**kwargs``, as ``unittest.mock.patch`` documents. The target
is imported when the patch starts, not when it is made.
"""
_patch_object.__doc__ = """Patch attribute ``attribute`` of the object ``target``.

Same arguments and uses as ``patch``, with the object given directly.
"""


def _patch_multiple(
    target: Any, spec: Any = None, create: bool = False, spec_set: Any = None,
    autospec: Any = None, new_callable: Any = None, **kwargs: Any,
) -> Any:
    """Patch several attributes of one target, named by keyword.

    ``DEFAULT`` as a value asks for a created mock; created mocks are passed to a
    decorated function by keyword and returned in a dict by ``with``.
    """
    if type(target) is str:
        getter: Callable[[], Any] = partial(_importer, target)
    else:
        getter = lambda: target  # noqa: E731 - same shape as the string case
    if not kwargs:
        raise ValueError("Must supply at least one keyword argument with patch.multiple")
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        this_patcher = _patch(
            getter, attribute, new, spec, create, spec_set, autospec, new_callable, {}
        )
        this_patcher.attribute_name = attribute
        patcher.additional_patchers.append(this_patcher)
    return patcher


def _patch_stopall() -> None:
    """Stop every patch started with ``start()``, the most recent first."""
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


patch.object = _patch_object  # type: ignore[attr-defined]
patch.dict = _patch_dict  # type: ignore[attr-defined]
patch.multiple = _patch_multiple  # type: ignore[attr-defined]
patch.stopall = _patch_stopall  # type: ignore[attr-defined]
patch.TEST_PREFIX = "test"  # type: ignore[attr-defined]
_patch_dict_module._patch_class = _patch
_patch_dict_module._patch_function = patch
