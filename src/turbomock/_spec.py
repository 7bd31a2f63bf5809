"""Spec introspection, done once per spec type and only as far as it is asked for.

The stdlib runs ``dir()``, an async check of every attribute and
``inspect.signature`` each time a mock gets a spec. Here a class's attribute names
and async flags are worked out once per version of the class and cached
(``spec_for_class``; where no exact version tag exists, each time, as the stdlib);
the signature is the mock's own, from ``_signatures``' caches.
"""

from __future__ import annotations

import _thread  # threading's C half: see docs/design.md, the import
import sys
from _weakref import ref as _weakref  # (weakref's C half: docs/design.md, the import)
from types import (
    BuiltinFunctionType,
    ClassMethodDescriptorType,
    FunctionType,
    GetSetDescriptorType,
    MemberDescriptorType,
    MethodDescriptorType,
    MethodType,
    MethodWrapperType,
    WrapperDescriptorType,
)

from turbomock import _messages as msg
from turbomock._compat import STATIC_ASYNC_SPEC_SCAN
from turbomock._native import NATIVE
from turbomock._weak_cache import IdentityCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FunctionTypes = (FunctionType, MethodType)

_UNSET: Any = object()
_lock = _thread.allocate_lock()


def is_list(obj: object) -> bool:
    """A spec given as a list (or tuple) of attribute names."""
    return type(obj) in (list, tuple)


def is_exception(obj: object) -> bool:
    return isinstance(obj, BaseException) or (
        isinstance(obj, type) and issubclass(obj, BaseException)
    )


def _callable(obj: object) -> bool:
    """Whether calling ``obj`` could work, looking through method wrappers."""
    while isinstance(obj, (staticmethod, classmethod, MethodType)):
        obj = obj.__func__
    if isinstance(obj, type):
        return True
    return getattr(obj, "__call__", None) is not None  # noqa: B004 - stdlib parity


def instance_callable(obj: object) -> bool:
    """For a class: would its instances be callable? For anything else: is it?"""
    if isinstance(obj, type):
        # Looked up in each class's own namespace, as the call would be, metaclass aside.
        return any(vars(cls).get("__call__") is not None for cls in (obj, *obj.__mro__))
    return getattr(obj, "__call__", None) is not None  # noqa: B004 - stdlib parity


_CO_COROUTINE = 0x80


def iscoroutinefunction(obj: object) -> bool:
    """``asyncio.iscoroutinefunction`` without importing asyncio when it isn't loaded
    (and without asking ``inspect`` about what can't be one: a spec's scan asks about
    every attribute)."""
    kind = type(obj)
    if kind is MethodType:
        func = obj.__func__  # type: ignore[attr-defined]
        if type(func) is FunctionType and not func.__dict__:
            return bool(func.__code__.co_flags & _CO_COROUTINE)  # (no marker can be set)
    elif kind is FunctionType:
        if obj.__code__.co_flags & _CO_COROUTINE:  # type: ignore[attr-defined]
            return True
        if not obj.__dict__:
            return False  # no marker (markcoroutinefunction, asyncio's) can be set
    elif kind in _NEVER_COROUTINES:
        return False
    import inspect

    if inspect.iscoroutinefunction(obj):
        return True
    coroutines = sys.modules.get("asyncio.coroutines")
    marker = getattr(coroutines, "_is_coroutine", _UNSET)
    return marker is not _UNSET and getattr(obj, "_is_coroutine", None) is marker


_C_GETTERS = (WrapperDescriptorType, MethodWrapperType, BuiltinFunctionType, MethodDescriptorType)
#: Kinds whose objects have no code and take no attributes (so no coroutine marker):
#: what ``inspect`` and asyncio answer for them is always no.
_NEVER_COROUTINES = frozenset({
    *_C_GETTERS, ClassMethodDescriptorType, GetSetDescriptorType, MemberDescriptorType,
    property, type(None), int, float, str, bytes, bool, tuple,
})


def _runs_code(raw: Any) -> bool:
    """Whether reading ``raw`` off a class runs Python code (its type's ``__get__``
    is written in Python: a PropertyMock, a user's descriptor)."""
    get = getattr(type(raw), "__get__", None)
    return get is not None and not isinstance(get, _C_GETTERS)


def class_reads_run_code(cls: type, name: str) -> bool:
    """Whether ``getattr(cls, name)`` runs Python code (see ``reads_running_code``)."""
    return bool(reads_running_code(cls, [name]))


def reads_running_code(cls: type, names: list[str]) -> list[str]:
    """The ``names`` whose ``getattr(cls, name)`` runs Python code: a metaclass's data
    descriptor or ``__getattribute__``, or the attribute the class's MRO (else the
    metaclass) holds, read through a Python ``__get__``. (One pass over the
    namespaces for all names: a spec's scan asks about every one.)"""
    meta: Any = type(cls)
    if meta.__getattribute__ is not type.__getattribute__:
        return list(names)
    meta_space: dict[Any, Any] = {}
    for klass in reversed(meta.__mro__):
        meta_space.update(klass.__dict__)
    class_space: dict[Any, Any] = {}
    for klass in reversed(cls.__mro__):
        class_space.update(klass.__dict__)
    found = []
    for name in names:
        meta_raw = meta_space.get(name, _UNSET)
        if meta_raw is not _UNSET:
            kind = type(meta_raw)
            if hasattr(kind, "__set__") or hasattr(kind, "__delete__"):
                if _runs_code(meta_raw):
                    found.append(name)
                continue
        raw = class_space.get(name, _UNSET)
        if raw is _UNSET:
            raw = meta_raw
        if raw is _UNSET or _runs_code(raw):  # (_UNSET: __getattr__)
            found.append(name)
    return found


def _is_async_attribute(source: Any, name: str) -> bool:
    import inspect

    before_313_class = isinstance(source, type) and not STATIC_ASYNC_SPEC_SCAN
    if before_313_class and class_reads_run_code(source, name):
        # A class's attributes whose reads run code were read as the spec was
        # applied (see Spec.dynamic_names); one that runs code only now (the class
        # changed since) is not read again: the stdlib read it back then.
        return False
    if STATIC_ASYNC_SPEC_SCAN:
        attr = inspect.getattr_static(source, name, None)
        try:
            attr = inspect.unwrap(attr)
        except ValueError:
            pass
    else:
        attr = getattr(source, name, None)
    return iscoroutinefunction(attr)


class Spec:
    """What a mock knows about its spec: names now, the rest when first asked.

    One ``Spec`` is shared by every mock specced on the same class, another by
    those specced on plain functions without attributes of their own; any other
    spec object gets its own. (The call signature is not here: each mock works
    out its own as its spec is applied, as the stdlib does.)
    """

    __slots__ = (
        "names", "listing", "cls", "source", "_asyncs", "_magics", "_dynamic", "base",
        "__weakref__",
    )

    def __deepcopy__(self, memo: dict[int, Any]) -> Spec:
        # A deep copy of a mock keeps the same spec: the stdlib's copy holds only
        # the spec's names, class and signature, never the spec object, so a spec
        # that can't be copied (one holding a lock) must not stop the copy.
        return self

    def __init__(self, names: frozenset[str], listing: list[str] | None, cls: type | None,
                 source: Any) -> None:
        self.cls = cls
        self.source = source
        self._start(names, listing)

    def _start(self, names: frozenset[str], listing: list[str] | None) -> None:
        self.names = names
        self.listing = listing
        self._asyncs: dict[str, bool] | None = None
        self._magics: tuple[frozenset[str], frozenset[str]] | None = None
        self._dynamic: list[str] | None = None
        #: An instance spec's class's Spec: it decides for the names the instance
        #: doesn't hold itself.
        self.base: Spec | None = None

    def dynamic_names(self) -> list[str]:
        """A class spec's names whose reads off the class run Python code, in
        ``dir()`` order (worked out once per class version)."""
        found = self._dynamic
        if found is None:
            cls = self.source
            found = self._dynamic = reads_running_code(cls, self.methods)
        return found

    def read_as_applied(self) -> Spec:
        """Before 3.13 the stdlib reads every attribute of a class spec as it applies
        it, to find the coroutine functions: the reads that run code (a PropertyMock
        on the class) run now, each time, what they raise is raised, and what they
        return decides for this mock alone (a Spec of its own, else this one)."""
        dynamic = self.dynamic_names()
        if not dynamic:
            return self
        source = self.source
        asyncs = dict(self._asyncs or ())
        asyncs.update(
            {name: iscoroutinefunction(getattr(source, name, None)) for name in dynamic}
        )
        own = Spec(self.names, self.listing, self.cls, source)
        own._asyncs = asyncs
        own._magics = self._magics
        own._dynamic = dynamic
        return own

    @property
    def methods(self) -> list[str]:
        """``_mock_methods``: the names in ``dir()`` order (or as the user listed them)."""
        listing = self.listing
        if listing is None:
            listing = self.listing = sorted(self.names)
        return listing

    def magic_slots(self, supported: frozenset[str]) -> frozenset[str]:
        """The magic methods of ``supported`` the spec has (cached)."""
        cached = self._magics
        if cached is not None and cached[0] is supported:
            return cached[1]
        found = supported & self.names
        self._magics = (supported, found)
        return found

    def is_async(self, name: str) -> bool:
        """Whether attribute ``name`` of the spec is a coroutine function, as decided
        when the spec was applied (``decide_asyncs``)."""
        if self.cls is None or name not in self.names:
            return False
        asyncs = self._asyncs
        if asyncs is None:
            asyncs = self._asyncs = {}
        found = asyncs.get(name)
        if found is None:
            base = self.base
            if base is not None:
                return base.is_async(name)
            # (A Spec nothing decided for: a built-in class's, which can't change.)
            found = asyncs[name] = _is_async_attribute(self.source, name)
        return found

    def decide_asyncs(self) -> None:
        """Decide now, for every name of a class spec, whether it is a coroutine
        function: the stdlib's scan decides as the spec is applied, so a class changed
        afterwards (``patch.object(C, 'meth', new=an_async_function)``) must not change
        the answer. Once per Spec, so once per version of the class. (Before 3.13 the
        names whose reads run code are left to ``read_as_applied``, per application.)"""
        if self._asyncs is not None:
            return
        cls = self.source
        if STATIC_ASYNC_SPEC_SCAN:
            self._asyncs = {name: _is_async_attribute(cls, name) for name in self.methods}
            return
        skip = frozenset(self.dynamic_names())
        self._asyncs = {
            name: iscoroutinefunction(getattr(cls, name, None))
            for name in self.methods
            if name not in skip
        }

    def async_names(self) -> list[str]:
        return [name for name in self.methods if self.is_async(name)]



def _dir_names(cls: type) -> frozenset[str]:
    # A metaclass whose __dir__ raises makes the spec fail, as the stdlib's dir() does.
    return frozenset(dir(cls))


# Per class: (Spec, a stamp of the class's state when the Spec was made). The
# names, the async attributes and the signature a Spec caches all follow from the
# dicts of the class's MRO and its metaclass's: a class changed later
# (monkeypatching, patch.object, patch(create=True)) gets a new stamp, so its Spec
# is made again. The stamp is exact, never a guess (see _stamp); without one
# (pure Python, or before 3.11) nothing is cached.
_class_specs = IdentityCache()
#: The native core's reader of version tags (None: pure Python).
_type_version: Any = None if NATIVE is None else getattr(NATIVE, "type_version", None)


def _stamp(cls: type) -> tuple[int, int] | None:
    """What tells exactly whether ``cls`` changed since: the version tags CPython
    keeps for it and its metaclass (3.11+ with the native core: a changed class, or
    a class whose base changed, never gets a tag again), or None where there are
    none. (A snapshot of the classes' names and values would tell as well, but
    would keep them alive.)"""
    if _type_version is not None:
        tag = _type_version(cls)
        meta = _type_version(type(cls)) if tag else 0
        if meta:
            return tag, meta
    return None


#: Built-in (static) classes can't change: their Specs need no stamp.
_static_specs: dict[type, Spec] = {}
_HEAPTYPE = 1 << 9


class _CachedClassSpec(Spec):
    """The ``Spec`` of a heap class, shared through ``_class_specs``: it holds the
    class weakly, so that the cache keeps no class alive (a mock specced on the
    class holds it itself, as the stdlib's ``_spec_class`` does)."""

    __slots__ = ("_class_ref", "functions")

    def __init__(self, names: frozenset[str], cls: type) -> None:
        self._class_ref = _weakref(cls)
        self._start(names, None)
        #: What ``functions_unchanged`` checks (see ``_functions_of``).
        self.functions = _functions_of(cls, names)

    @property
    def cls(self) -> type | None:  # type: ignore[override]  # read-only: the class itself
        return self._class_ref()

    source = cls

    def still_current(self) -> bool:
        """Whether the functions its async decisions read are as they were (the
        class's version tag, checked first, vouches for the rest)."""
        functions = self.functions
        return functions is not None and _functions_unchanged(functions)


#: The native core's check of functions (see ``_CachedClassSpec.still_current``).
_functions_unchanged: Any = getattr(NATIVE, "functions_unchanged", None)
_COROUTINE_MARKERS = ("_is_coroutine_marker", "_is_coroutine")


def _functions_of(cls: type, names: frozenset[str]) -> tuple[Any, ...] | None:
    """(weak reference, code) of each function the class's attributes are (or
    wrap: staticmethod, classmethod): whether one is a coroutine function follows
    from its code and its coroutine markers, which change without the class. None
    where that can't be checked (no native core, or a marker set already: such a
    class's Spec is made anew each time)."""
    if _functions_unchanged is None:
        return None
    found: list[Any] = []
    mro = cls.__mro__
    for name in names:
        for klass in mro:
            raw = klass.__dict__.get(name, _UNSET)
            if raw is not _UNSET:
                break
        else:
            continue
        if type(raw) in (staticmethod, classmethod):
            raw = raw.__func__
        if type(raw) is FunctionType:
            own = raw.__dict__
            if own and any(marker in own for marker in _COROUTINE_MARKERS):
                return None
            found += (_weakref(raw), raw.__code__)
    return tuple(found)


def spec_for_class(cls: type) -> Spec:
    """The shared ``Spec`` of a class used as a spec."""
    if not cls.__flags__ & _HEAPTYPE:
        found = _static_specs.get(cls)
        if found is None:
            found = _static_specs[cls] = Spec(_dir_names(cls), None, cls, cls)
        return found
    stamp = _stamp(cls)
    if stamp is None or type(cls).__dir__ is not type.__dir__:
        # Only an exact version tag can tell a cached Spec is still right without
        # holding the class's names and values (which would keep it alive).
        return Spec(_dir_names(cls), None, cls, cls)
    entry = _class_specs.get(cls)
    if entry is not None and entry[1] == stamp and entry[0].still_current():
        return entry[0]  # type: ignore[no-any-return]
    spec = _CachedClassSpec(_dir_names(cls), cls)
    _class_specs.put(cls, (spec, stamp))
    return spec


def spec_for(obj: Any, scan: bool = True) -> Spec:
    """The ``Spec`` of any spec object (class, instance, function, module ...).
    ``scan=False``: the names only, without reading the attributes (what the stdlib
    reads once, when the spec is applied, must not be read twice)."""
    if isinstance(obj, type):
        found = spec_for_class(obj)
        if scan and obj.__flags__ & _HEAPTYPE:  # (a built-in class can't change)
            found.decide_asyncs()
        return found
    if type(obj) is FunctionType and not obj.__dict__:
        # Its names are any function's, and none of them is a coroutine function
        # (its signature is the mock's own, worked out as the spec is applied): one
        # Spec serves them all, FunctionType's.
        return spec_for_class(FunctionType)
    cls = type(obj)
    listed: list[str] | None = None
    class_spec: Spec | None = None
    if cls.__dir__ is _OBJECT_DIR:
        try:
            own = obj.__dict__
        except AttributeError:
            own = None
        class_spec = spec_for_class(cls)
        names = class_spec.names
        if own:
            names = names | frozenset(own)
            try:
                "".join(own)  # a fast check that every name is a string
            except TypeError:
                dir(obj)  # the stdlib reads dir(spec): it fails there, so do we
    else:
        own = None
        listed = dir(obj)
        names = frozenset(listed)
        if len(names) == len(listed):
            listed = None  # (kept only for the duplicates a __dir__ gave, as the stdlib)
    spec = Spec(names, listed, cls, obj)
    if not scan:
        return spec
    if not STATIC_ASYNC_SPEC_SCAN:
        # Before 3.13 the stdlib reads every attribute of the spec as the mock is
        # made (to find the coroutine functions): properties run, and what they
        # raise, the mock's constructor raises.
        spec._asyncs = {
            name: iscoroutinefunction(getattr(obj, name, None)) for name in dir(obj)
        }
        return spec
    if own:
        # An instance's own attributes may be rebound after the mock is made, but
        # the stdlib decides which are async when it is made: decide those now, in
        # its order (dir()'s, sorted), as a mock held there records the reads.
        named = [item for item in list(own.items()) if isinstance(item[0], str)]
        spec._asyncs = {
            name: type(value) not in _NEVER_ASYNC and _is_async_attribute(obj, name)
            for name, value in sorted(named)
        }
    if class_spec is not None and cls.__flags__ & _HEAPTYPE:
        # The rest as its class decides them now (what getattr_static finds past the
        # instance's own __dict__ is what it finds on the class).
        class_spec.decide_asyncs()
        spec.base = class_spec
    return spec


#: Types of attribute values that can't be coroutine functions (skipped above).
_NEVER_ASYNC = frozenset({int, float, str, bytes, bool, type(None), list, dict, tuple, set})


_OBJECT_DIR: Any = object.__dir__


def spec_from_list(names: list[str] | tuple[str, ...]) -> Spec:
    """A spec given as a list of names: only membership, no class or signature."""
    return Spec(frozenset(names), names, None, None)  # type: ignore[arg-type]


#: Misspellings of ``autospec``/``spec_set`` that ``patch`` and ``create_autospec``
#: refuse from 3.10 (unless ``unsafe=True``).
_SPEC_ARG_TYPOS = ("autospect", "auto_spec", "set_spec")


def check_spec_arg_typos(kwargs: dict[str, Any]) -> None:
    """Refuse the usual misspellings of ``autospec``/``spec_set`` (3.10+)."""
    for typo in _SPEC_ARG_TYPOS:
        if typo in kwargs:
            raise RuntimeError(msg.spec_arg_typo(typo))
