"""``patch`` as type checkers see it: an object with typed call forms and attributes.

At run time ``patch`` is a function carrying ``object``, ``dict``, ``multiple``,
``stopall`` and ``TEST_PREFIX`` as attributes, exactly like ``unittest.mock.patch``;
a type checker can't give a function attributes, so ``turbomock._patch`` declares
it as a ``Patcher`` (the shape typeshed gives ``unittest.mock.patch``, written for
turbomock). ``import turbomock`` never imports this module.

What each form is typed as:

- given ``new``: a ``_patch[T]`` whose ``with`` target and ``start()`` are ``new``'s
  type ``T``, and which decorates a function or class without changing its type;
- otherwise the created mock (``MagicMock | AsyncMock``, or what ``new_callable``
  returns) is what ``with``/``start()`` give, and a decorated function gains it as
  an extra argument, so its signature is no longer known (``Callable[..., R]``);
- ``patch.multiple`` gives the created mocks by name: ``dict[str, Any]``.

``tests/type_samples/`` holds a sample of every documented form, checked by mypy and
pyright in CI, and ``tests/test_patch_typing.py`` holds these signatures to the
run-time ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Literal, Protocol, TypeVar, overload

if TYPE_CHECKING:
    from turbomock._async import AsyncMock
    from turbomock._magic import MagicMock
    from turbomock._patch import _patch
    from turbomock._patch_mapping import _patch_dict

__all__ = ["Patcher"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)
# ``dict`` is an attribute of Patcher: inside the class the builtin needs another name.
_ByName = dict[str, Any]

if TYPE_CHECKING:

    class _PatchPassArg(_patch[_T]):
        """A patch that creates its mock: a decorated function receives it as an
        extra argument (last positional, or a keyword for ``patch.multiple``)."""

        @overload
        def __call__(self, func: _C) -> _C: ...
        @overload
        def __call__(self, func: Callable[..., _R]) -> Callable[..., _R]: ...
        def __call__(self, func: Any) -> Any:
            raise NotImplementedError


class Patcher(Protocol):
    """``patch``: call it to patch a dotted name; its attributes patch the rest."""

    TEST_PREFIX: str
    dict: type[_patch_dict]

    # ``patch("m.x", new=v)`` could also reach the third form through ``**kwargs``; the
    # first form, listed first, is the one a checker picks, as for typeshed's patch.
    @overload
    def __call__(  # type: ignore[overload-overlap]
        self,
        target: str,
        new: _T,
        spec: Literal[False] | None = None,
        create: bool = False,
        spec_set: Literal[False] | None = None,
        autospec: Literal[False] | None = None,
        new_callable: None = None,
        *,
        unsafe: bool = False,
    ) -> _patch[_T]: ...
    @overload
    def __call__(
        self,
        target: str,
        *,
        spec: Any | None = None,
        create: bool = False,
        spec_set: Any | None = None,
        autospec: Literal[False] | None = None,
        new_callable: Callable[..., _T],
        unsafe: bool = False,
        **kwargs: Any,
    ) -> _PatchPassArg[_T]: ...
    @overload
    def __call__(
        self,
        target: str,
        *,
        spec: Any | None = None,
        create: bool = False,
        spec_set: Any | None = None,
        autospec: Any | None = None,
        new_callable: None = None,
        unsafe: bool = False,
        **kwargs: Any,
    ) -> _PatchPassArg[MagicMock | AsyncMock]: ...

    @overload
    @staticmethod
    def object(
        target: Any,
        attribute: str,
        new: _T,
        spec: Literal[False] | None = None,
        create: bool = False,
        spec_set: Literal[False] | None = None,
        autospec: Literal[False] | None = None,
        new_callable: None = None,
        *,
        unsafe: bool = False,
    ) -> _patch[_T]: ...
    @overload
    @staticmethod
    def object(
        target: Any,
        attribute: str,
        *,
        spec: Any | None = None,
        create: bool = False,
        spec_set: Any | None = None,
        autospec: Literal[False] | None = None,
        new_callable: Callable[..., _T],
        unsafe: bool = False,
        **kwargs: Any,
    ) -> _PatchPassArg[_T]: ...
    @overload
    @staticmethod
    def object(
        target: Any,
        attribute: str,
        *,
        spec: Any | None = None,
        create: bool = False,
        spec_set: Any | None = None,
        autospec: Any | None = None,
        new_callable: None = None,
        unsafe: bool = False,
        **kwargs: Any,
    ) -> _PatchPassArg[MagicMock | AsyncMock]: ...

    @staticmethod
    def multiple(
        target: Any,
        spec: Any | None = None,
        create: bool = False,
        spec_set: Any | None = None,
        autospec: Any | None = None,
        new_callable: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> _PatchPassArg[_ByName]: ...

    @staticmethod
    def stopall() -> None: ...
