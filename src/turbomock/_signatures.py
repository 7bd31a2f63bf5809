"""Call signatures of specs, computed once per function and then reused.

``inspect.signature`` costs more than creating a turbomock mock; test suites
autospec the same functions and classes over and over. The signature is cached
per underlying function object (weakly), keyed also on what could change it
(its code, defaults, ``__signature__``/``__wrapped__``), so a cache hit is
always the answer ``inspect.signature`` would give now.
"""

from __future__ import annotations

from _weakref import ref as _weakref  # (weakref's C half: docs/design.md, the import)
from types import (
    BuiltinFunctionType,
    ClassMethodDescriptorType,
    FunctionType,
    MethodDescriptorType,
    MethodType,
    MethodWrapperType,
    ModuleType,
    WrapperDescriptorType,
)

from turbomock._compat import SIGNATURE_UNWRAPS_STATIC_AND_CLASS
from turbomock._spec import FunctionTypes
from turbomock._weak_cache import IdentityCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from functools import partial
    from typing import Any
else:  # the same class, without loading functools (docs/design.md, the import)
    from _functools import partial

_UNSET: Any = object()
#: "Work the signature out": what a caller passes where it has none at hand yet.
NOT_KNOWN = _UNSET

# function -> {(bound, eat_self): (stamp, signature or None)}
_cache = IdentityCache()
_cached_for = _cache.get


def _own_parts(func: FunctionType) -> tuple[Any, ...]:
    """A function's code, defaults and copies of its keyword defaults and
    annotations (their dicts can change in place)."""
    keywords = func.__kwdefaults__
    return (
        func.__code__, func.__defaults__, None if keywords is None else dict(keywords),
        dict(func.__annotations__),
    )


def function_stamp(func: FunctionType) -> tuple[Any, ...]:
    """What ``inspect.signature(func)`` depends on, to compare later: its code,
    defaults, annotations and the attributes inspect reads, of it and of each
    function its ``__wrapped__`` chain reaches (whose own can change as well; held
    weakly, as the stdlib keeps nothing of them). A chain through anything else (a
    bound method, a partial ...) can change in ways no stamp sees: its stamp never
    equals another, so the signature is worked out each time, as the stdlib does."""
    if not func.__dict__:  # (most functions: nothing there can change the signature)
        return _own_parts(func)
    parts: list[Any] = []
    seen: set[int] = set()
    while True:
        own = func.__dict__
        wrapped = own.get("__wrapped__")
        parts += _own_parts(func)
        parts += (own.get("__signature__"), own.get("__text_signature__"))
        seen.add(id(func))
        if wrapped is None:
            return tuple(parts)
        if type(wrapped) is not FunctionType:
            parts.append(object())  # (equal to nothing: never cached)
            return tuple(parts)
        parts.append(_weakref(wrapped))
        if id(wrapped) in seen:
            return tuple(parts)
        func = wrapped


def stamp_holds(func: FunctionType, stamp: tuple[Any, ...]) -> bool:
    """Whether ``function_stamp(func)`` would equal ``stamp``: for most functions
    without making one (the signature caches ask on every use)."""
    if len(stamp) == 4 and not func.__dict__:
        return (
            func.__code__ is stamp[0]
            and func.__defaults__ is stamp[1]
            and func.__kwdefaults__ == stamp[2]
            and func.__annotations__ == stamp[3]
        )
    return function_stamp(func) == stamp


def _compute(target: Any) -> Any:
    import inspect

    try:
        return inspect.signature(target)
    except ValueError:
        return None


#: Callables written in C. Their signatures can't change: ``inspect`` works them out
#: from ``_builtin_key``'s parts alone (a class without ``__init__`` is called with
#: ``object.__init__``, an instance spec with ``type.__call__``: common and costly).
_BUILTIN_CALLABLES = frozenset({
    WrapperDescriptorType, MethodWrapperType, MethodDescriptorType,
    ClassMethodDescriptorType, BuiltinFunctionType,
})
#: The unbound kinds among them: one object per method of its class, so a static
#: class's (which lives as long as the process) can be its own key.
_DESCRIPTORS = frozenset({WrapperDescriptorType, MethodDescriptorType, ClassMethodDescriptorType})
_HEAPTYPE = 1 << 9
#: Methods of static classes, found without working out ``_builtin_key``: ``object.
#: __init__`` (what calls any class without its own) by (descriptor, eat_self);
#: ``type.__call__`` bound to a class (an instance spec's) by its class and name, and
#: what inspect asks of what it is bound to. -> signature or None.
_static_descriptor_signatures: dict[tuple[Any, ...], Any] = {}
#: _builtin_key(...) -> signature or None. Keys hold only strings, flags and
#: built-in types, so the table keeps nothing alive and stays small.
_builtin_signatures: dict[tuple[Any, ...], Any] = {}


def _builtin_key(func: Any, eat_self: bool) -> tuple[Any, ...]:
    """Everything ``inspect.signature`` reads of a built-in callable: its kind, its
    text signature, the module its defaults are evaluated in, and whether what it is
    bound to is nothing or a module (its first parameter is dropped, or not)."""
    kind = type(func)
    if kind is BuiltinFunctionType:  # (no __objclass__: a module it lacks stays None)
        module, bound = func.__module__ or None, func.__self__
    else:  # descriptors and method-wrappers: no __module__, their class's instead
        module = func.__objclass__.__module__
        bound = func.__self__ if kind is MethodWrapperType else None
    return (
        kind, func.__text_signature__, module, bound is None,
        isinstance(bound, ModuleType), eat_self,
    )


def _signature(func: Any, eat_self: bool) -> Any:
    """``inspect.signature(func)`` (dropping the first parameter with
    ``eat_self``), or None where there is none; cached for Python functions (per
    function, checked against what could have changed) and built-in callables."""
    plain = func
    bound = False
    if type(func) is MethodType and type(func.__func__) is FunctionType:
        plain = func.__func__
        bound = True
    if type(plain) is not FunctionType:
        own_key: Any = None
        if type(func) in _DESCRIPTORS:
            own_key = (func, eat_self)
        elif type(func) is MethodWrapperType:
            # (A method-wrapper is made anew at each access: keyed by its descriptor,
            # its class's method of that name, and by what inspect asks of __self__.)
            holder = func.__self__
            own_key = (
                func.__objclass__, func.__name__, holder is None,
                isinstance(holder, ModuleType), eat_self,
            )
        elif type(func) not in _BUILTIN_CALLABLES:
            return _compute(partial(func, None) if eat_self else func)
        if own_key is not None:
            sig = _static_descriptor_signatures.get(own_key, _UNSET)
            if sig is not _UNSET:
                return sig
        builtin_key = _builtin_key(func, eat_self)
        sig = _builtin_signatures.get(builtin_key, _UNSET)
        if sig is _UNSET:
            sig = _builtin_signatures[builtin_key] = _compute(
                partial(func, None) if eat_self else func
            )
        if own_key is not None and not func.__objclass__.__flags__ & _HEAPTYPE:
            _static_descriptor_signatures[own_key] = sig
        return sig
    return function_signature(func, plain, bound, eat_self)


def function_signature(func: Any, plain: FunctionType, bound: bool, eat_self: bool) -> Any:
    """``_signature`` of a Python function ``plain`` (``func``: itself, or a method
    binding it), cached per function and checked against what could have changed."""
    per_function = _cached_for(plain)
    key = (bound, eat_self)
    if per_function is not None:
        found = per_function.get(key)
        if found is not None and stamp_holds(plain, found[0]):
            return found[1]
    else:
        per_function = {}
        _cache.put(plain, per_function)
    stamp = function_stamp(plain)  # (before: what the signature is worked out from)
    sig = _compute(partial(func, None) if eat_self else func)
    per_function[key] = (stamp, sig)
    return sig


def _called_code(func: Any, as_instance: bool, eat_self: bool) -> tuple[Any, bool] | None:
    """What calling ``func`` runs, and whether its first parameter is already bound.

    A class (unless it stands for its instances) runs ``__init__`` on a new object; a
    classmethod or staticmethod runs its function, the class bound to a classmethod's;
    a function runs itself; anything else runs its ``__call__``, or nothing.
    """
    if isinstance(func, type) and not as_instance:
        return func.__init__, True  # type: ignore[misc]  # the class's own, read as Python does
    if SIGNATURE_UNWRAPS_STATIC_AND_CLASS:
        if isinstance(func, classmethod):
            return func.__func__, True
        if isinstance(func, staticmethod):
            return func.__func__, eat_self
    if isinstance(func, FunctionTypes):
        return func, eat_self
    try:
        return func.__call__, eat_self
    except AttributeError:
        return None


def signature_object(func: Any, as_instance: bool, eat_self: bool) -> tuple[Any, Any] | None:
    """The callable a spec stands for and its signature, or None if it has none."""
    called = _called_code(func, as_instance, eat_self)
    if called is None:
        return None
    sig = _signature(*called)
    return None if sig is None else (called[0], sig)


# id(signature) -> (signature, check); Signature objects can't be weakly referenced,
# so each entry keeps its signature alive and the table is emptied when it grows.
_binders: dict[int, tuple[Any, Any]] = {}
_NO_DEFAULT: Any = object()


def _binder(sig: Any) -> Any:
    """A function taking exactly ``sig``'s parameters: Python's own argument
    binding checks a call about ten times faster than ``Signature.bind``.
    None if the signature can't be written as a ``def``."""
    import inspect

    kinds = inspect.Parameter
    present = {param.kind for param in sig.parameters.values()}
    if kinds.POSITIONAL_ONLY in present and kinds.VAR_KEYWORD in present:
        # f(1, b=2) for f(a, b=1, /, **kw): Python puts b in kw, Signature.bind
        # refuses it. The stdlib uses bind, so bind it is.
        return None
    parts: list[str] = []
    star = False
    for param in sig.parameters.values():
        name = param.name
        if not name.isidentifier() or name.startswith("__tm_"):
            return None
        default = "" if param.default is kinds.empty else "=__tm_default"
        if param.kind is kinds.VAR_POSITIONAL:
            parts.append("*" + name)
            star = True
        elif param.kind is kinds.VAR_KEYWORD:
            parts.append("**" + name)
        elif param.kind is kinds.KEYWORD_ONLY:
            if not star:
                parts.append("*")
                star = True
            parts.append(name + default)
        else:
            parts.append(name + default)
        if param.kind is kinds.POSITIONAL_ONLY and (
            len(parts) == len(sig.parameters) or _next_kind(sig, name) is not kinds.POSITIONAL_ONLY
        ):
            parts.append("/")
    source = f"def __tm_bind({', '.join(parts)}): pass"
    namespace: dict[str, Any] = {"__tm_default": _NO_DEFAULT}
    try:
        exec(source, namespace)  # parameter names were checked above
    except SyntaxError:
        return None
    return namespace["__tm_bind"]


def _next_kind(sig: Any, name: str) -> Any:
    params = list(sig.parameters.values())
    for index, param in enumerate(params):
        if param.name == name:
            return params[index + 1].kind if index + 1 < len(params) else None
    return None


def _check_with(sig: Any) -> Any:
    """How to check a call against ``sig``: the fast binder with ``sig.bind``
    producing the stdlib's exact error, or ``sig.bind`` alone."""
    entry = _binders.get(id(sig))
    if entry is not None and entry[0] is sig:
        return entry[1]
    binder = _binder(sig)
    if binder is None:
        found: Any = sig.bind
    else:
        bind = sig.bind

        def found(*args: Any, **kwargs: Any) -> None:
            try:
                binder(*args, **kwargs)
            except TypeError:
                bind(*args, **kwargs)  # the stdlib's message

    if len(_binders) > 4096:
        _binders.clear()
    _binders[id(sig)] = (sig, found)
    return found


class SignatureCheck:
    """Checks a call's arguments against a spec's signature, raising TypeError
    like the real callable would. The signature is the one of when the check is
    made (as the stdlib's, a function changed later doesn't move it); the checking
    function is built on the first call."""

    __slots__ = ("_sig", "_check")

    def __init__(self, source: Any, as_instance: bool, eat_self: bool, sig: Any = _UNSET) -> None:
        if sig is _UNSET:  # (else the caller has it already: see _autospec)
            found = signature_object(source, as_instance, eat_self)
            sig = None if found is None else found[1]
        self._sig: Any = sig
        self._check: Any = None

    def __deepcopy__(self, memo: dict[int, Any]) -> SignatureCheck:
        # What the stdlib keeps instead, a checking function, copies as itself; the
        # spec held here may not copy at all (a staticmethod object).
        return self

    def signature(self) -> Any:
        return self._sig

    def __call__(self, /, *args: Any, **kwargs: Any) -> None:
        check = self._check
        if check is None:
            sig = self._sig
            if sig is None:
                return
            check = self._check = _check_with(sig)
        check(*args, **kwargs)
