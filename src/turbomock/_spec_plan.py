"""What ``Mock(spec=C)`` works out about a plain class ``C``, kept per version of it.

Making a mock specced on a class decides which pool its class comes from (does the
spec make it async? which magic methods does it carry?), reads the class's names
and async attributes (``_spec``) and works out its call signature
(``_signatures``). Each part has its own cache, but asking them all costs more
than the rest of the mock (about 2.5 µs of 4 on 3.11). A ``ClassPlan`` keeps
their answers for one class, so a mock made again on it looks them up once.

Exact, never a guess: a plan is kept only for a class whose metaclass is ``type``
and that has a version tag (3.11+ with the native core), and only while the tag
is unchanged. CPython gives a class a new tag whenever it, a class in its MRO or
its MRO itself changes, so the class's names, which ``__init__``/``__call__`` it
has and what its attributes are stay as planned. What a tag can't see, a Python
function's code, defaults and ``__signature__``, is compared on each use; a
callable of any other kind, or a class some of whose reads run code (before 3.13,
see ``Spec.read_as_applied``), is not planned: each mock asks the caches again.
"""

from __future__ import annotations

from types import FunctionType, WrapperDescriptorType

from turbomock._class_holder import holder_of
from turbomock._compat import STATIC_ASYNC_SPEC_SCAN
from turbomock._native import NATIVE
from turbomock._signatures import function_stamp, signature_object, stamp_holds
from turbomock._spec import Spec, _CachedClassSpec, spec_for
from turbomock._spec import _functions_unchanged as functions_unchanged

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from turbomock._mock_type import Pool


class ClassPlan:
    """The answers for one version of one class, held by the class itself (see
    ``plan_for``), so it dies with it."""

    __slots__ = ("tag", "spec", "signatures", "pools")

    def __init__(self, tag: int) -> None:
        self.tag = tag
        #: ``spec_for(cls)`` as applied (None: not yet asked, or not plannable).
        self.spec: _CachedClassSpec | None = None
        #: (as_instance, eat_self) -> (the function's stamp or None, signature)
        self.signatures: dict[tuple[bool, bool], tuple[Any, Any]] = {}
        #: mock class -> (its version tag, the pool its mocks on this spec use)
        self.pools: dict[type, tuple[int, Pool]] = {}


#: Where a class keeps its plan: in its own holder (``_class_holder``), which the
#: native core, the only source of version tags, provides. Read there with one
#: dict lookup, where a weak cache by the class cost a Python call and a weak
#: reference's (about 1,900 of the 34,000 instructions of ``Mock(spec=C50)`` on
#: 3.11, twice: once for ``__new__``'s pool, once for ``__init__``'s spec).
_PLAN = "class plan"


def _no_version(cls: type) -> int:
    return 0


#: ``cls``'s version tag, read by the native core (0: none; always 0 in pure Python).
type_version: Callable[[type], int] = getattr(NATIVE, "type_version", None) or _no_version
_NOTHING: Any = object()
HEAPTYPE = 1 << 9  # (a built-in class can't change: its Spec is cached as it is)


def plan_for(cls: type) -> ClassPlan | None:
    """The plan of ``cls`` (its metaclass is ``type``), or None where no version
    tag can vouch for one."""
    tag = type_version(cls)
    if not tag:
        return None
    held = holder_of(cls)
    plan: ClassPlan | None = held.get(_PLAN)
    if plan is None or plan.tag != tag:
        plan = held[_PLAN] = ClassPlan(tag)
    return plan


def _raw_attribute(cls: type, name: str) -> Any:
    """What ``cls``'s MRO holds under ``name`` (``_NOTHING`` if nothing)."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name, _NOTHING)
        if found is not _NOTHING:
            return found
    return _NOTHING


def planned_spec(plan: ClassPlan, cls: type) -> Spec | None:
    """``spec_for(cls)`` as the stdlib applies it, if the plan can keep it."""
    kept = plan.spec
    # (A function of the class changed in place: see _CachedClassSpec.still_current.)
    if kept is not None and functions_unchanged(kept.functions):
        return kept
    spec = spec_for(cls)
    if not STATIC_ASYNC_SPEC_SCAN and spec.dynamic_names():
        return spec.read_as_applied()  # reads that run code: each time
    if isinstance(spec, _CachedClassSpec) and spec.functions is not None:
        plan.spec = spec
    return spec


def planned_signature(plan: ClassPlan, cls: type, as_instance: bool, eat_self: bool) -> Any:
    """The signature ``signature_object(cls, as_instance, eat_self)`` gives (None:
    none), checked against what the version tag can't see."""
    key = (as_instance, eat_self)
    entry = plan.signatures.get(key)
    if entry is not None:
        stamp, signature = entry
        if stamp is None:
            return signature
        called: Any = cls.__call__ if as_instance else cls.__init__  # type: ignore[misc]
        if stamp_holds(called, stamp):
            return signature
    found = signature_object(cls, as_instance, eat_self)
    signature = None if found is None else found[1]
    # What is called: its class's __init__, or __call__ for an instance spec. A
    # function's signature can change without the class (its defaults): stamped.
    raw = _raw_attribute(cls, "__call__" if as_instance else "__init__")
    if type(raw) is FunctionType:
        plan.signatures[key] = (function_stamp(raw), signature)
    elif (raw is _NOTHING and as_instance) or type(raw) is WrapperDescriptorType:
        # type.__call__ bound to the class, or a slot wrapper (object.__init__):
        # written in C, so only the class decides.
        plan.signatures[key] = (None, signature)
    return signature
