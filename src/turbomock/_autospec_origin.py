"""What an autospecced mock builds its children from: its spec's attributes as they
were when the mock was made.

The stdlib's ``create_autospec`` reads every attribute of the spec at once;
turbomock builds a child the first time it is used. In between the spec may
change: a test patches a method of the class (``patch.object(K, 'meth')``), or a
function of a module autospecced earlier. The stdlib's child follows the attribute
as it was, so ours must too.

An ``Origin`` holds copies of the namespaces the spec's attributes come from: the
``__dict__`` of every class in its MRO (and its metaclass's), and the spec's own
``__dict__`` (an instance's, a module's). Copies of a class's namespaces are made
once per version of the class and shared by the mocks of it. A child is read
through the live spec while its namespaces still hold the same value under that
name (so descriptors run as they would have); otherwise it is read from the copies,
as Python's attribute lookup would have read it. A spec whose attribute lookup is
its own (a ``__getattribute__`` of its class or metaclass) can't be read from
copies: its attributes are read when the mock is made instead, as the stdlib
reads them.
"""

from __future__ import annotations

from types import ModuleType

from turbomock._function_snapshot import Functions, as_it_was, as_of_now, snapshot
from turbomock._magic_names import is_magic
from turbomock._mock import _is_instance_mock
from turbomock._mock_type import class_attribute
from turbomock._sentinels import _missing
from turbomock._spec import _HEAPTYPE, _stamp, iscoroutinefunction
from turbomock._weak_cache import IdentityCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    _Copies = tuple[tuple[type, dict[str, Any]], ...]

_object_getattribute: Any = object.__getattribute__
_type_getattribute: Any = type.__getattribute__
_module_getattribute: Any = ModuleType.__getattribute__

#: Per class: a ``_Copied`` while an Origin uses it and the class's stamp (an exact
#: version tag, ``_spec._stamp``) is unchanged; else copies are made each time.
#: The copies hold the class (its methods' ``__class__`` cells), so they are held
#: weakly, as the class is.
_class_copies = IdentityCache(weak_values=True)


class _Copied:
    """One class's namespace copies, as ``_copies_of`` returns them, and its stamp."""

    __slots__ = ("stamp", "copies", "mocked", "_functions", "__weakref__")

    def __init__(self, stamp: Any, copies: _Copies, mocked: frozenset[str]) -> None:
        self.stamp = stamp
        self.copies = copies
        self.mocked = mocked
        self._functions: Functions | None = None

    def functions(self) -> Functions:
        """The functions of these namespaces as they are now (stamped on first
        need; stamped again where changed in place since)."""
        found = self._functions
        if found is None:
            found = snapshot((namespace for _, namespace in self.copies), iscoroutinefunction)
        elif not found.hold():
            found = as_of_now(found, iscoroutinefunction)
        self._functions = found
        return found


def _copies_of(cls: type) -> _Copied:
    """The namespaces of ``cls``'s heap classes (MRO order), as they are now, and
    the names under which they hold a mock (shared while the class is unchanged
    and something holds them)."""
    stamp = _stamp(cls)
    if stamp is not None:
        found = _class_copies.get(cls)
        if found is not None and found.stamp == stamp:
            return found  # type: ignore[no-any-return]
    copies = tuple(
        (klass, dict(klass.__dict__)) for klass in cls.__mro__ if klass.__flags__ & _HEAPTYPE
    )
    copied = _Copied(stamp, copies, frozenset(_mocked(namespace for _, namespace in copies)))
    if stamp is not None:
        _class_copies.put(cls, copied)
    return copied


def _mocked(namespaces: Iterable[dict[str, Any]]) -> set[str]:
    return {
        name for namespace in namespaces for name, value in namespace.items()
        if _is_instance_mock(value)
    }


def _lookup(mro: tuple[type, ...], copies: dict[type, dict[str, Any]], name: str) -> Any:
    """``name`` as the first class of ``mro`` held it (copied namespaces for heap
    classes, the live ones for built-in classes, which can't change)."""
    for klass in mro:
        namespace = copies.get(klass)
        found = (klass.__dict__ if namespace is None else namespace).get(name, _missing)
        if found is not _missing:
            return found
    return _missing


def _is_data_descriptor(value: Any) -> bool:
    kind = type(value)
    return hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def _bind(value: Any, obj: Any, owner: type) -> Any:
    get = getattr(type(value), "__get__", None)
    return value if get is None else get(value, obj, owner)


class Origin:
    """The spec of one autospecced mock, as it was when the mock was made."""

    __slots__ = (
        "spec", "mro", "meta_mro", "copies", "own", "own_copy", "values", "mocked", "_by_class",
        "_held", "functions",
    )

    def __init__(self, spec: Any) -> None:
        self.spec = spec
        #: {name: value} read when made, for a spec that can't be followed.
        self.values: dict[str, Any] | None = None
        if not self._can_follow(spec):
            self._read_now(spec)
            return
        is_type = isinstance(spec, type)
        cls = spec if is_type else type(spec)
        meta = type(cls) if is_type else None
        self.mro = cls.__mro__
        self.meta_mro = None if meta is None else meta.__mro__
        copied = _copies_of(cls)  # shared by the mocks of this class version
        copies, mocked = copied.copies, copied.mocked
        self._held: tuple[_Copied, ...] = (copied,)  # what keeps the shared copies cached
        if meta is not None and meta.__flags__ & _HEAPTYPE:
            meta_copied = _copies_of(meta)
            copies = copies + meta_copied.copies
            self._held = (copied, meta_copied)
        self.copies = copies
        self._by_class: dict[type, dict[str, Any]] | None = None
        own = None if is_type else getattr(spec, "__dict__", None)
        self.own = own if type(own) is dict else None
        self.own_copy = None if self.own is None else dict(self.own)
        #: The functions of the namespaces as they were (see _function_snapshot),
        #: in lookup order: the spec's own, its classes', its metaclasses'.
        functions = [copied.functions() for copied in self._held]
        if self.own_copy:
            mocked = mocked | _mocked((self.own_copy,))
            functions.insert(0, snapshot((self.own_copy,), iscoroutinefunction))
        self.functions: tuple[Functions, ...] = tuple(functions)
        self.mocked = mocked

    def _read_now(self, spec: Any) -> None:
        """Every attribute the stdlib's walk reads, read now as it reads them."""
        values: dict[str, Any] = {}
        for name in dir(spec):
            if is_magic(name):
                continue  # the walk skips these
            try:
                values[name] = getattr(spec, name)
            except AttributeError:
                pass
        self.values = values
        self.mro = self.meta_mro = self.own = self.own_copy = None
        self.copies = ()
        self.functions = ()
        self._by_class = None
        self.mocked = frozenset(_mocked((values,)))

    @staticmethod
    def _can_follow(spec: Any) -> bool:
        """Whether attribute lookups on ``spec`` can be replayed from copies."""
        if isinstance(spec, type):
            return type(spec).__getattribute__ is _type_getattribute
        kind = type(spec).__getattribute__
        if isinstance(spec, ModuleType):
            return kind is _module_getattribute and type(spec) is ModuleType
        return kind is _object_getattribute

    def _unchanged(self, name: str) -> bool:
        """Whether every namespace of the spec holds what it held for ``name``."""
        spec: Any = self.spec
        if isinstance(spec, type):
            meta: Any = type(spec)
            if spec.__mro__ is not self.mro or meta.__mro__ is not self.meta_mro:
                return False
        elif type(spec).__mro__ is not self.mro:
            return False
        for klass, namespace in self.copies:
            if klass.__dict__.get(name, _missing) is not namespace.get(name, _missing):
                return False
        own = self.own
        if own is not None:
            if getattr(spec, "__dict__", None) is not own:
                return False
            if own.get(name, _missing) is not self.own_copy.get(name, _missing):  # type: ignore[union-attr]
                return False
        return True

    def read(self, name: str) -> Any:
        """``getattr(spec, name)`` as it was when the mock was made (AttributeError
        if it had none)."""
        values = self.values
        if values is not None:
            found = values.get(name, _missing)
            if found is _missing:
                raise AttributeError(name)
            return found
        if self._unchanged(name):
            return getattr(self.spec, name)
        spec = self.spec
        copies = self.by_class()
        if isinstance(spec, type):
            meta = self.meta_mro[0]  # type: ignore[index]
            meta_attr = _lookup(self.meta_mro, copies, name)  # type: ignore[arg-type]
            if meta_attr is not _missing and _is_data_descriptor(meta_attr):
                return _bind(meta_attr, spec, meta)
            found = _lookup(self.mro, copies, name)
            if found is not _missing:
                return _bind(found, None, spec)
            if meta_attr is not _missing:
                return _bind(meta_attr, spec, meta)
            hook = _lookup(self.meta_mro, copies, "__getattr__")  # type: ignore[arg-type]
            if hook is not _missing:
                return _bind(hook, spec, meta)(name)
            raise AttributeError(name)
        cls = self.mro[0]
        found = _lookup(self.mro, copies, name)
        if found is not _missing and _is_data_descriptor(found):
            return _bind(found, spec, cls)
        own = self.own_copy
        if own is not None and name in own:
            return own[name]
        if found is not _missing:
            return _bind(found, spec, cls)
        if own is not None and isinstance(spec, ModuleType):
            hook = own.get("__getattr__", _missing)
            if hook is not _missing:
                return hook(name)
        else:
            hook = _lookup(self.mro, copies, "__getattr__")
            if hook is not _missing:
                return _bind(hook, spec, cls)(name)
        raise AttributeError(name)

    def as_made(self, name: str, original: Any) -> tuple[Any, bool] | None:
        """For ``original`` (read by ``read(name)``), a function or a method of one
        changed in place since the mock was made: the function as it was then and
        whether it was a coroutine function. None when it is unchanged."""
        for functions in self.functions:
            stamped = functions.by_name.get(name)
            if stamped is not None:
                found = as_it_was(original, stamped)
                if found is not None:
                    return found, stamped.is_async
        return None

    def mocked_names(self) -> list[str]:
        """The names under which the spec held a mock, in ``dir()`` order: the
        stdlib's walk met them as the mock was made."""
        return sorted(self.mocked)

    def by_class(self) -> dict[type, dict[str, Any]]:
        """The copies by class (made when a lookup needs them: the spec changed)."""
        found = self._by_class
        if found is None:
            found = self._by_class = dict(self.copies)
        return found

    def class_attribute(self, owner: type, name: str) -> Any:
        """``name`` as the first class of ``owner``'s MRO held it then (no descriptor
        runs), or ``_missing``: what decides whether a method takes ``self``."""
        if self.values is None and owner.__mro__ is self.mro and not self._unchanged(name):
            return _lookup(self.mro, self.by_class(), name)
        return class_attribute(owner, name, _missing)

    def in_own_dict(self, name: str) -> bool:
        """Whether the spec's own ``__dict__`` held ``name`` then."""
        if self.own_copy is not None:
            return name in self.own_copy
        return name in getattr(self.spec, "__dict__", {})

