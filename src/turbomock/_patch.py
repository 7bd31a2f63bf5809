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
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Generic, TypeVar, cast, overload

from turbomock import _config, _strict
from turbomock import _messages as msg
from turbomock._compat import PATCH_TAKES_UNSAFE, SPEC_ARGUMENTS_CHECKED
from turbomock._mock import InvalidSpecError, _is_instance_mock
from turbomock._patch_mapping import _patch_dict
from turbomock._patch_mock import _is_async_obj, make_autospec, make_mock
from turbomock._patch_stack import _enter_patchings, _unwind
from turbomock._patch_target import _get_target, _importer
from turbomock._sentinels import DEFAULT
from turbomock._spec import check_spec_arg_typos

__all__ = ["_get_target", "_importer", "_is_async_obj", "_patch", "_patch_dict", "patch"]

if TYPE_CHECKING:
    from typing import ParamSpec

    from turbomock._patch_typing import Patcher

    _P = ParamSpec("_P")

_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")
_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)

#: Names ``patch`` may create on a module without ``create=True`` (they shadow builtins).
_builtins = {name for name in dir(builtins) if not name.startswith("_")}
#: Attributes that ``delattr`` resets instead of removing: they are put back by value.
_RESET_ON_DELETE = frozenset(
    {"__doc__", "__module__", "__defaults__", "__annotations__", "__kwdefaults__"}
)
def _refuse_beside_new_callable(new: Any, autospec: Any) -> None:
    """``new_callable`` makes the replacement: nothing else may say what it is."""
    clash = "new" if new is not DEFAULT else "autospec" if autospec is not None else None
    if clash is not None:
        raise ValueError(msg.clash_with_new_callable(clash))


def _refuse_bad_specs(attribute: str, spec: Any, spec_set: Any, kwargs: Any) -> None:
    """3.10+: no misspelt spec keyword (unless ``kwargs`` is None: ``unsafe``), and
    no spec that is itself a mock (a target patched earlier, most likely)."""
    if kwargs:
        check_spec_arg_typos(kwargs)
    for role, value, what in (("spec", spec, "spec"), ("spec_set", spec_set, "spec_set target")):
        if value is not None and _is_instance_mock(value):
            raise InvalidSpecError(msg.spec_already_mocked(attribute, what, role, value))


# -- the patcher ------------------------------------------------------------------------


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


def _state_property(index: int, name: str) -> Any:
    """The stdlib attribute ``name`` of an active patch, kept at ``index`` of its
    state: read, set and deleted as a plain attribute would be."""
    return property(
        lambda self: _state_field(self, index, name),
        lambda self, value: _set_state_field(self, index, value),
        lambda self: _set_state_field(self, index, _UNSET),
    )


class _patch(Generic[_T]):
    """One attribute replaced on enter and put back on exit (plus, for
    ``patch.multiple``, the ``additional_patchers`` that ride along).

    ``_T`` is what entering gives: ``new``, or the mock created in its place.
    """

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
            _refuse_beside_new_callable(new, autospec)
        if SPEC_ARGUMENTS_CHECKED:
            _refuse_bad_specs(attribute, spec, spec_set, kwargs if not unsafe else None)
        # Where to patch...
        self.getter, self.attribute, self.create = getter, attribute, create
        # ...with what, or how to make it (all public attributes in the stdlib too).
        self.new, self.new_callable, self.kwargs = new, new_callable, kwargs
        self.spec, self.spec_set, self.autospec = spec, spec_set, autospec
        self.has_local = False
        # patch.multiple: the keyword its mock is passed as, and its other patchers.
        self.attribute_name: str | None = None
        self.additional_patchers: list[Any] = []

    def copy(self) -> _patch[_T]:
        """A fresh patcher with the same settings (one per decorated test method).

        Made through the constructor, without ``unsafe``: its checks run again.
        """
        twin: _patch[_T] = _patch(
            getter=self.getter, attribute=self.attribute, create=self.create,
            new=self.new, new_callable=self.new_callable, kwargs=self.kwargs,
            spec=self.spec, spec_set=self.spec_set, autospec=self.autospec,
        )
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [each.copy() for each in self.additional_patchers]
        return twin

    # -- decorating ---------------------------------------------------------------------

    @overload
    def __call__(self, func: _C) -> _C: ...
    @overload
    def __call__(self, func: Callable[_P, _R]) -> Callable[_P, _R]: ...
    def __call__(self, func: Any) -> Any:
        if isinstance(func, type):
            return self.decorate_class(func)
        import inspect  # not at the top: ``import turbomock`` stays cheap

        # A coroutine function gets a coroutine function as its wrapper.
        is_async = inspect.iscoroutinefunction(func)
        return (self.decorate_async_callable if is_async else self.decorate_callable)(func)

    def decorate_class(self, klass: _C) -> _C:
        """Patch every method named with ``patch.TEST_PREFIX``, each with its own copy."""
        prefix = patch.TEST_PREFIX
        tests = [(name, getattr(klass, name)) for name in dir(klass) if name.startswith(prefix)]
        for name, method in tests:
            # Callable or not by the stdlib's test: an attribute named __call__.
            if hasattr(method, "__call__"):  # noqa: B004 - stdlib parity
                setattr(klass, name, self.copy()(method))
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
        return func if _stack_onto(func, self) else _wrap_sync(func, [self])

    def decorate_async_callable(self, func: _F) -> _F:
        """As ``decorate_callable``, with a coroutine function as the wrapper."""
        return func if _stack_onto(func, self) else _wrap_async(func, [self])

    # -- patching -----------------------------------------------------------------------

    def get_original(self) -> tuple[Any, bool]:
        """The current value and whether it lives in the target's own ``__dict__``."""
        return _find_original(self, self.getter(), self.attribute)

    def __enter__(self) -> _T:
        """Perform the patch."""
        new = self.new
        target = self.getter()
        # False means "not given" for each of these, as None does.
        spec = None if self.spec is False else self.spec
        spec_set = None if self.spec_set is False else self.spec_set
        autospec = None if self.autospec is False else self.autospec
        if spec is not None and autospec is not None:
            raise TypeError(msg.SPEC_AND_AUTOSPEC)
        if (spec is not None or autospec is not None) and spec_set not in (True, None):
            raise TypeError(msg.SPEC_SET_AND_SPEC)

        name = self.attribute
        if self._custom_get_original:
            self._state = (target, _UNSET, _UNSET, None)
            original, local = self.get_original()
        else:  # get_original() without fetching the target again
            original, local = _find_original(self, target, name)

        if _config.strict:
            autospec = _strict.default_autospec(self, original, autospec)
        if new is DEFAULT and autospec is None:
            new = make_mock(
                name, self.new_callable, self.kwargs, original, spec, spec_set
            )
        elif autospec is not None:
            new = make_autospec(
                name, self.kwargs, target, original, autospec, spec_set, new
            )
        elif self.kwargs:
            raise TypeError(msg.KWARGS_WITHOUT_MOCK)
        if _config.strict:
            _strict.placed(self, new, target, original)

        attribute_name = self.attribute_name
        if attribute_name is None:
            self._state = (target, original, local, None)
            try:
                setattr(target, name, new)
            except BaseException:
                if not self.__exit__(*sys.exc_info()):
                    raise
                return cast("_T", None)
            return cast("_T", new)
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
            return cast("_T", extra_args)
        except BaseException:
            if not self.__exit__(*sys.exc_info()):
                raise
            return cast("_T", None)

    def __exit__(self, *exc_info: Any) -> Any:
        """Undo the patch."""
        try:
            target, original, local, entered = self._state
        except AttributeError:
            raise _no_attribute(self, "is_local") from None
        if local is _UNSET or original is _UNSET:
            raise _no_attribute(self, "is_local" if local is _UNSET else "temp_original")
        name = self.attribute
        put_back = local and original is not DEFAULT
        if not put_back:
            # Inherited or created: deleting our value uncovers the original. Unless
            # the target is a proxy (Django's settings, say) that forwards the name
            # elsewhere, or the name is one delattr only resets: then, by value.
            delattr(target, name)
            put_back = not self.create and (
                not hasattr(target, name) or name in _RESET_ON_DELETE
            )
        if put_back:
            setattr(target, name, original)
        del self._state
        if _config.strict:
            return _strict.exit_checked(self, entered, exc_info)
        if entered:
            return _unwind(entered, *exc_info)
        return False

    # While a patch is active: what it patched, what it replaced, and whether that
    # came from the target's own __dict__ (stdlib attributes, kept in one slot).
    target = _state_property(0, "target")
    temp_original = _state_property(1, "temp_original")
    is_local = _state_property(2, "is_local")

    def start(self) -> _T:
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self) -> Any:
        """Stop an active patch; None if it was not started."""
        if self not in self._active_patches:
            return None
        self._active_patches.remove(self)
        return self.__exit__(None, None, None)


_mappingproxy = type(type.__dict__)


def _stack_onto(func: Any, patcher: _patch[Any]) -> bool:
    """Add ``patcher`` to ``func`` if a patch decorator made it; whether it did.

    Stacked patch decorators share the innermost one's wrapper, which enters its
    ``patchings`` list in order on every call.
    """
    try:
        patchings = func.patchings
    except AttributeError:
        return False
    patchings.append(patcher)
    return True


def _wrap_sync(func: _F, patchings: list[Any]) -> _F:
    @wraps(func)
    def patched(*args: Any, **keywargs: Any) -> Any:
        __tracebackhide__ = True  # pytest shows the test's frames, not this wrapper
        entered, args = _enter_patchings(patched.patchings, args, keywargs)  # type: ignore[attr-defined]
        try:
            result = func(*args, **keywargs)
        except BaseException:
            if not _unwind(entered, *sys.exc_info()):
                raise
            return None
        _unwind(entered, None, None, None)
        return result

    patched.patchings = patchings  # type: ignore[attr-defined]
    return patched  # type: ignore[return-value]


def _wrap_async(func: _F, patchings: list[Any]) -> _F:
    @wraps(func)
    async def patched(*args: Any, **keywargs: Any) -> Any:
        __tracebackhide__ = True
        entered, args = _enter_patchings(patched.patchings, args, keywargs)  # type: ignore[attr-defined]
        try:
            result = await func(*args, **keywargs)
        except BaseException:
            if not _unwind(entered, *sys.exc_info()):
                raise
            return None
        _unwind(entered, None, None, None)
        return result

    patched.patchings = patchings  # type: ignore[attr-defined]
    return patched  # type: ignore[return-value]


def _find_original(patcher: Any, target: Any, name: str) -> tuple[Any, bool]:
    """``get_original`` of ``target``, fetched already (``__enter__`` has it): a missing
    name is refused unless ``create`` (or it is a builtin, looked up on a module)."""
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
        patcher.create = True
    if original is DEFAULT and not patcher.create:
        raise AttributeError(msg.target_lacks_attribute(target, name))
    return original, local


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
    return AttributeError(msg.object_has_no_attribute(patcher, name))


# -- the public functions -------------------------------------------------------------


def _typed_as_patcher(func: Callable[..., Any]) -> Patcher:
    """``func`` itself, which type checkers are told is a ``Patcher``: a function with
    ``patch``'s attributes (``_install_family`` adds them) and typed call forms."""
    return cast("Patcher", func)


if PATCH_TAKES_UNSAFE:

    @_typed_as_patcher
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
            raise TypeError(msg.not_a_string_target(target))
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

    @_typed_as_patcher
    def patch(
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
            raise TypeError(msg.not_a_string_target(target))
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
    if not kwargs:
        raise ValueError(msg.MULTIPLE_WITHOUT_KWARGS)
    getter: Callable[[], Any]
    getter = partial(_importer, target) if type(target) is str else (lambda: target)

    def patcher_for(attribute: str, new: Any) -> _patch[Any]:
        one: _patch[Any] = _patch(
            getter, attribute, new, spec, create, spec_set, autospec, new_callable, {}
        )
        one.attribute_name = attribute  # what marks it as part of patch.multiple
        return one

    # The first patcher is the one returned; it enters and exits the others.
    first, *others = [patcher_for(name, value) for name, value in kwargs.items()]
    first.additional_patchers.extend(others)
    return first


def _patch_stopall() -> None:
    """Stop every patch started with ``start()``, the most recent first."""
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


def _install_family(func: Any) -> None:
    """``patch``'s attributes, as the stdlib's function has them."""
    vars(func).update(
        object=_patch_object,
        dict=_patch_dict,
        multiple=_patch_multiple,
        stopall=_patch_stopall,
        TEST_PREFIX="test",
    )


_install_family(patch)
