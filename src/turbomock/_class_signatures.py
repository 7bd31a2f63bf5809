"""What ``inspect.signature(SomeMockClass)`` reports, as with the stdlib.

``inspect`` derives a class's signature from where ``__new__`` and ``__init__`` are
defined along its MRO, by rules that changed between Python versions. turbomock's
classes define them in other places than the stdlib's (and ``MockType.__call__``
would otherwise hide them), so each mock class answers ``__signature__`` with the
signature ``inspect`` gives a *mirror*: an empty class hierarchy laid out like the
stdlib's, with a user subclass's own ``__new__``/``__init__`` copied onto it.
"""

from __future__ import annotations

from turbomock._compat import ASYNC_SIGNATURE_EXPLICIT, NEW_REPORTS_INIT_SIGNATURE
from turbomock._sentinels import DEFAULT, sentinel

TYPE_CHECKING = False
if TYPE_CHECKING:
    import inspect
    from typing import Any

_mirrors: dict[str, type] = {}


def _build_mirrors() -> None:
    import inspect  # here, not at the top: a first mock doesn't need it

    class Base:
        def __init__(self, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            pass

    class NonCallableMock(Base):
        def __new__(cls, /, *args, **kw):  # type: ignore[no-untyped-def]
            raise NotImplementedError

        def __init__(  # type: ignore[no-untyped-def]
            self, spec=None, wraps=None, name=None, spec_set=None, parent=None,
            _spec_state=None, _new_name="", _new_parent=None, _spec_as_instance=False,
            _eat_self=None, unsafe=False, **kwargs,
        ):
            pass

    if NEW_REPORTS_INIT_SIGNATURE:
        init = NonCallableMock.__dict__["__init__"]
        NonCallableMock.__new__.__signature__ = inspect.signature(init)  # type: ignore[attr-defined]

    class CallableMixin(Base):
        def __init__(  # type: ignore[no-untyped-def]
            self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,
            spec_set=None, parent=None, _spec_state=None, _new_name="", _new_parent=None,
            **kwargs,
        ):
            pass

    class Mock(CallableMixin, NonCallableMock):
        pass

    class MagicMixin(Base):
        def __init__(self, /, *args, **kw):  # type: ignore[no-untyped-def]
            pass

    class NonCallableMagicMock(MagicMixin, NonCallableMock):
        pass

    class MagicMock(MagicMixin, Mock):
        pass

    class AsyncMockMixin(Base):
        def __init__(self, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            pass

    class AsyncMagicMixin(MagicMixin):
        def __init__(self, /, *args, **kw):  # type: ignore[no-untyped-def]
            pass

    class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
        pass

    class PropertyMock(Mock):
        pass

    timeout_unset = sentinel.TIMEOUT_UNSET

    class ThreadingMixin(Base):
        def __init__(self, *args, timeout=timeout_unset, **kwargs):  # type: ignore[no-untyped-def]
            pass

    class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
        pass

    for mirror in (
        Base, NonCallableMock, CallableMixin, Mock, MagicMixin, NonCallableMagicMock,
        MagicMock, AsyncMockMixin, AsyncMagicMixin, AsyncMock, PropertyMock, ThreadingMixin,
        ThreadingMock,
    ):
        _mirrors[mirror.__name__] = mirror


_PACKAGE = __name__.partition(".")[0]


def defined_here(klass: type) -> bool:
    """Whether ``klass`` is one of turbomock's own classes. (Read from its namespace:
    a class made where no ``__name__`` is defined, ``exec(src, {})``, has no
    ``__module__``, and reading the attribute raises.)"""
    module = vars(klass).get("__module__")
    return isinstance(module, str) and (module == _PACKAGE or module.startswith(_PACKAGE + "."))


def class_signature(cls: type) -> inspect.Signature:
    """The signature ``inspect`` reports for the stdlib class ``cls`` stands for."""
    import inspect

    if not _mirrors:
        _build_mirrors()
    own: dict[str, Any] = {}
    for klass in cls.__mro__:
        if defined_here(klass) and klass.__name__ in _mirrors:
            mirror = _mirrors[klass.__name__]
            break
        if "_mock_kind" in klass.__dict__:
            continue  # turbomock's hidden instance classes define neither
        for name in ("__new__", "__init__"):
            if name in klass.__dict__ and name not in own:
                own[name] = klass.__dict__[name]
    else:
        raise AttributeError("__signature__")  # not a mock class: inspect as usual
    if own:
        mirror = type(cls.__name__, (mirror,), own)
    return inspect.signature(mirror)


def _args_kwargs_signature() -> Any:
    import inspect

    kinds = inspect.Parameter
    return inspect.Signature(
        [kinds("args", kinds.VAR_POSITIONAL), kinds("kwargs", kinds.VAR_KEYWORD)]
    )


class SignatureAttribute:
    """``mock.__signature__``: one set by hand, else what ``inspect.signature``
    reports for an autospecced mock (looked up only when asked). Absent otherwise,
    and on the class itself.

    One set by hand is an instance attribute, as the stdlib's is (its class has no
    ``__signature__`` to intercept the write): ``vars(m)`` and ``dir(m)`` list it,
    ``None`` is a value like any other, and ``del`` removes it."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            if owner is None:
                raise AttributeError("__signature__")
            return class_signature(owner)
        own = obj.__dict__
        if "__signature__" in own:
            return own["__signature__"]
        extra = obj._mock_state.extra
        if extra is not None:
            check = extra.check_sig
            signature = getattr(check, "signature", None)
            if signature is not None:
                found = signature()
                if found is not None:
                    return found
        if ASYNC_SIGNATURE_EXPLICIT and type(obj)._mock_async_signature:
            return _args_kwargs_signature()
        raise AttributeError("__signature__")

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__["__signature__"] = value

    def __delete__(self, obj: Any) -> None:
        try:
            del obj.__dict__["__signature__"]
        except KeyError:
            raise AttributeError("__signature__") from None
