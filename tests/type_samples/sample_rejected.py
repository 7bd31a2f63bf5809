"""Uses a type checker must reject. Each line carries both checkers' ignore comment
for the expected error; both report an ignore that is no longer needed, so a form
that stops being rejected fails the check (mypy: strict ``warn_unused_ignores``;
pyright: ``reportUnnecessaryTypeIgnoreComment``)."""

from __future__ import annotations

from turbomock import patch


class Thing:
    size = 3


@patch("tests.type_samples.sample_rejected.Thing.size", 4)
def keeps_its_signature(value: int) -> int:
    return value


def rejected() -> None:
    # ``new`` given: entering gives its type, not a mock.
    a: str = patch.object(Thing, "size", 8).start()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # Keyword arguments configure a created mock: with ``new`` there is none.
    patch("os.getcwd", 5, return_value=1)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    # ``patch.stopall`` takes nothing.
    patch.stopall(True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A patch given ``new`` leaves a decorated function's signature as it was.
    keeps_its_signature("not an int")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # ``patch`` takes a dotted name; an object goes to ``patch.object``.
    patch(Thing, "size")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    del a
