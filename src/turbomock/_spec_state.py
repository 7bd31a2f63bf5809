"""``_SpecState``: the placeholder an autospecced mock lists for an attribute it has
not built yet.

The stdlib's ``create_autospec`` walks the spec as the mock is made and leaves one
of these in ``_mock_children`` for every attribute that is not a function; the
first access builds the child from it. turbomock builds children lazily (see
``_autospec``) and lays these placeholders out only when ``_mock_children`` is
read, so that code reading that private dict sees what it sees with the stdlib.
The class is what ``unittest.mock._SpecState`` is under the switch.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _SpecState:
    """What a child will be autospecced from: its spec, and where it hangs.

    The parameters are the stdlib's, in its order. (Its walk passes the parent's
    ``instance`` flag as ``ids``, which is why a child is always built as if from a
    class: see ``_autospec.build_placeholder``.)
    """

    if TYPE_CHECKING:  # set by __init__
        spec: Any
        ids: Any
        spec_set: Any
        parent: Any
        instance: Any
        name: Any

    def __init__(
        self,
        spec: Any,
        spec_set: Any = False,
        parent: Any = None,
        name: Any = None,
        ids: Any = None,
        instance: Any = False,
    ) -> None:
        # Plain attributes, listed by vars() in the order the stdlib's has them.
        vars(self).update(
            spec=spec, ids=ids, spec_set=spec_set, parent=parent, instance=instance, name=name
        )


_SpecState.__module__ = "turbomock"  # the package answers for it (as unittest.mock does)
