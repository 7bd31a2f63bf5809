"""What type checkers see of MagicMock's default magic methods; never imported at run time.

At run time the magic methods live in shared "bag" classes (see ``_mock_type``), out of
reach of static analysis; declaring them here lets ``len(MagicMock())``, ``with
MagicMock():`` and the like type-check, as they run. (Those ``object`` already has are
left out.)
"""

from __future__ import annotations

from typing import Any

from turbomock._base import Base


class DefaultMagics(Base):
    __abs__: Any
    __add__: Any
    __aenter__: Any
    __aexit__: Any
    __aiter__: Any
    __and__: Any
    __anext__: Any
    __bool__: Any
    __ceil__: Any
    __complex__: Any
    __contains__: Any
    __delitem__: Any
    __divmod__: Any
    __enter__: Any
    __exit__: Any
    __float__: Any
    __floor__: Any
    __floordiv__: Any
    __fspath__: Any
    __getitem__: Any
    __iadd__: Any
    __iand__: Any
    __ifloordiv__: Any
    __ilshift__: Any
    __imatmul__: Any
    __imod__: Any
    __imul__: Any
    __index__: Any
    __int__: Any
    __invert__: Any
    __ior__: Any
    __ipow__: Any
    __irshift__: Any
    __isub__: Any
    __iter__: Any
    __itruediv__: Any
    __ixor__: Any
    __len__: Any
    __lshift__: Any
    __matmul__: Any
    __mod__: Any
    __mul__: Any
    __neg__: Any
    __next__: Any
    __or__: Any
    __pos__: Any
    __pow__: Any
    __radd__: Any
    __rand__: Any
    __rdivmod__: Any
    __rfloordiv__: Any
    __rlshift__: Any
    __rmatmul__: Any
    __rmod__: Any
    __rmul__: Any
    __ror__: Any
    __round__: Any
    __rpow__: Any
    __rrshift__: Any
    __rshift__: Any
    __rsub__: Any
    __rtruediv__: Any
    __rxor__: Any
    __setitem__: Any
    __sub__: Any
    __truediv__: Any
    __trunc__: Any
    __xor__: Any
