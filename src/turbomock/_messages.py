"""Every user-facing message turbomock builds, in one module.

Keeping them together keeps the wording consistent and easy to compare with the
stdlib's, which tests pin word for word.
"""

from __future__ import annotations

from turbomock._compat import ALL_ASSERT_TYPOS, HAS_CALLS_ACTUAL_LINE, INDENTED_ACTUAL

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_MAX_REPR = 80
_ACTUAL = "  Actual" if INDENTED_ACTUAL else "Actual"


def safe_repr(obj: object, short: bool = False) -> str:
    """``repr`` that never raises: a broken ``__repr__`` must not hide a failure."""
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_REPR:
        return result
    return result[:_MAX_REPR] + " [truncated]..."


def format_call(name: str, args: Any, kwargs: Any) -> str:
    """``name(1, 2, key=3)``: how a call reads in reprs and failure messages."""
    parts = [repr(arg) for arg in args]
    parts.extend(f"{key}={value!r}" for key, value in kwargs.items())
    return f"{name}({', '.join(parts)})"


def no_attribute(name: str) -> str:
    return f"Mock object has no attribute {name!r}"


def no_attribute_set(name: str) -> str:
    return f"Mock object has no attribute '{name}'"


def unsupported_magic(name: str) -> str:
    return f"Attempting to set unsupported magic method {name!r}."


def invalid_assertion(name: str) -> str:
    if not ALL_ASSERT_TYPOS:
        return "Attributes cannot start with 'assert' or 'assret'"
    return (
        f"{name!r} is not a valid assertion. Use a spec "
        f"for the mock if {name!r} is meant to be an attribute."
    )


def cannot_set_sealed(mock_name: str) -> str:
    return f"Cannot set {mock_name}"


def sealed_attribute(mock_name: str, name: str) -> str:
    """A sealed mock's new attribute: the stdlib's message is the child's full name."""
    return f"{mock_name}.{name}"


def sealed_return_value(mock_name: str) -> str:
    return f"{mock_name}()"


def mock_as_spec(spec: object) -> str:
    return f"Cannot spec a Mock object. [object={spec!r}]"


def calls_suffix(mock_calls: object, prefix: str = "Calls") -> str:
    """The ``Calls: [...]`` tail of count assertions; empty when there were none."""
    if not mock_calls:
        return ""
    return f"\n{prefix}: {safe_repr(mock_calls)}."


def expected_not_found(action: str, expected: str, actual: str) -> str:
    return f"expected {action} not found.\nExpected: {expected}\n{_ACTUAL}: {actual}"


def not_called_expected(expected: str) -> str:
    return f"expected call not found.\nExpected: {expected}\n{_ACTUAL}: not called."


def expected_not_called(name: str, count: int, mock_calls: object) -> str:
    return (
        f"Expected '{name}' to not have been called. Called {count} times."
        + calls_suffix(mock_calls)
    )


def expected_called(name: str) -> str:
    return f"Expected '{name}' to have been called."


def expected_called_once(name: str, count: int, mock_calls: object) -> str:
    return (
        f"Expected '{name}' to have been called once. Called {count} times."
        + calls_suffix(mock_calls)
    )


def expected_to_be_called_once(name: str, count: int, mock_calls: object) -> str:
    return f"Expected '{name}' to be called once. Called {count} times." + calls_suffix(
        mock_calls
    )


def calls_not_found(expected: object, actual: object, errors: list[Any] | None) -> str:
    if errors is None:
        problem = "Calls not found."
    else:
        problem = f"Error processing expected calls.\nErrors: {errors}"
    if HAS_CALLS_ACTUAL_LINE:
        return f"{problem}\nExpected: {expected}\n  Actual: {safe_repr(actual)}"
    # Before 3.13 the actual calls are left out when there are none, and the
    # stdlib strips trailing dots from the line.
    tail = f"\n{_ACTUAL}: {safe_repr(actual)}".rstrip(".") if actual else ""
    return f"{problem}\nExpected: {expected}{tail}"


def not_all_calls_found(name: str, not_found: tuple[Any, ...], remaining: list[Any]) -> str:
    return (
        f"{name!r} does not contain all of {not_found!r} in its call list, "
        f"found {remaining!r} instead"
    )


def call_not_found(expected: str, action: str = "call") -> str:
    return f"{expected} {action} not found"


# -- AsyncMock ------------------------------------------------------------------------
# The stdlib quotes no name in these, unlike the call assertions above.


def expected_awaited(name: str) -> str:
    return f"Expected {name} to have been awaited."


def expected_awaited_once(name: str, count: int) -> str:
    return f"Expected {name} to have been awaited once. Awaited {count} times."


def expected_not_awaited(name: str, count: int) -> str:
    return f"Expected {name} to not have been awaited. Awaited {count} times."


def not_awaited_expected(expected: str) -> str:
    return f"Expected await: {expected}\nNot awaited"


def awaits_not_found(expected: object, actual: object, errors: list[Any] | None) -> str:
    if errors is None:
        problem = "Awaits not found."
    else:
        problem = f"Error processing expected awaits.\nErrors: {errors}"
    return f"{problem}\nExpected: {expected}\nActual: {actual}"


def not_all_awaits_found(not_found: tuple[Any, ...]) -> str:
    return f"{not_found!r} not all found in await list"


# -- ThreadingMock --------------------------------------------------------------------


def not_called_before_timeout(name: str, timeout: object) -> str:
    return f"{name} was not called before timeout({timeout})."


def call_count_not_reached(name: str, count: int, timeout: object, actual: int) -> str:
    return (
        f"{name} was not called {count} times before timeout({timeout}). "
        f"Called {actual} times."
    )


# -- patch and autospec arguments --------------------------------------------------


def spec_arg_typo(typo: str) -> str:
    return f"{typo!r} might be a typo; use unsafe=True if this is intended"


def clash_with_new_callable(clash: str) -> str:
    return f"Cannot use {clash!r} and 'new_callable' together"


def target_lacks_attribute(target: object, name: str) -> str:
    return f"{target} does not have the attribute {name!r}"


def not_a_string_target(target: object) -> str:
    return f"{target!r} must be the actual object to be patched, not a str"


SPEC_AND_AUTOSPEC = "Can't specify spec and autospec"
SPEC_SET_AND_SPEC = "Can't provide explicit spec_set *and* spec or autospec"
KWARGS_WITHOUT_MOCK = "Can't pass kwargs to a mock we aren't creating"
MULTIPLE_WITHOUT_KWARGS = "Must supply at least one keyword argument with patch.multiple"
SPEC_WITH_CREATE = "Can't use 'spec' with create=True"


AUTOSPEC_AND_NEW = "autospec creates the mock for you. Can't specify autospec and new."
AUTOSPEC_WITH_CREATE = "Can't use 'autospec' with create=True"
ASYNC_INSTANCE = "Instance can not be True when create_autospec is mocking an async function"


def autospec_of_a_mock(spec: object) -> str:
    return f"Cannot autospec a Mock object. [object={spec!r}]"


def spec_already_mocked(attribute: str, what: str, role: str, value: object) -> str:
    """3.10+: ``patch(spec=...)`` or ``spec_set=`` given a mock (``what`` names it)."""
    return (
        f"Cannot spec attr {attribute!r} as the {what} "
        f"has already been mocked out. [{role}={value!r}]"
    )


def autospec_target_mocked(attribute: str, target: object, source: object) -> str:
    return (
        f"Cannot autospec attr {attribute!r} as the patch "
        f"target has already been mocked out. "
        f"[target={target!r}, attr={source!r}]"
    )


def autospec_attr_mocked(attribute: str, target_name: object, target: object, attr: object) -> str:
    """The attribute to autospec is a mock: from ``patch`` and from an autospec's child."""
    return (
        f"Cannot autospec attr {attribute!r} from target "
        f"{target_name!r} as it has already been mocked out. "
        f"[target={target!r}, attr={attr!r}]"
    )


def invalid_target(target: object) -> str:
    return f"Need a valid target to patch. You supplied: {target!r}"


def object_has_no_attribute(obj: object, name: str) -> str:
    """Python's own wording, for a patcher used before it was started."""
    return f"{type(obj).__name__!r} object has no attribute {name!r}"


#: What the stdlib's generator-based helper reports when an exit suppresses the
#: error of a later patching's entry.
GENERATOR_DIDNT_YIELD = "generator didn't yield"


# -- construction: the stdlib's argument-binding errors of NonCallableMock.__new__ ----

TOO_MANY_POSITIONAL = "too many positional arguments"


def multiple_values(key: str) -> str:
    return f"multiple values for argument {key!r}"


def new_too_many_positional(given: int) -> str:
    return (
        "NonCallableMock.__new__() takes from 1 to 12 positional arguments but "
        f"{given} were given"
    )


def new_multiple_values(key: str) -> str:
    return f"NonCallableMock.__new__() got multiple values for argument {key!r}"


# -- the package and configure() ------------------------------------------------------


def no_module_attribute(module: str, name: str) -> str:
    """A module ``__getattr__``'s refusal, in Python's own wording."""
    return f"module {module!r} has no attribute {name!r}"


def bad_switch_variable(variable: str, raw: str) -> str:
    return (
        f"{variable}={raw!r} is not understood: use 1 (or true, yes, on) to turn it on, "
        f"0 (or false, no, off, or leave it unset) to turn it off"
    )


def native_core(active: bool, reason: str) -> str:
    """The native core as headers and ``info`` show it: ``on``, or ``off (why)``."""
    return "on" if active else f"off ({reason})"


def native_forced_off(variable: str, value: str) -> str:
    """Off because the user asked: say which variable did it."""
    return f"{variable}={value} is set; pure Python"


def native_not_built() -> str:
    """Off because the build was skipped: pip says why only under ``-v``."""
    return (
        "turbomock._speedups was not built at install time (no C compiler or "
        "Python headers?); pure Python: same behaviour, patch.dict slower"
    )


def native_failed(error: object) -> str:
    """Off because the extension is there but does not load (another Python's, broken)."""
    return f"turbomock._speedups failed to load: {error}; pure Python"


def record_unknown_fields(names: list[str]) -> str:
    """``_replace`` with names that are not fields, as namedtuple says."""
    return f"Got unexpected field names: {names!r}"


def configure_takes_bool(name: str, value: object) -> str:
    return f"configure({name}=...) takes True, False or None, not {value!r}"


# -- matchers -------------------------------------------------------------------------
# ``given`` is already rendered (``_explain_text.typed``): that module imports this one.


def matcher_needs(matcher: str, what: str) -> str:
    """A matcher made with nothing to match: ``what`` is ``type``, ``item`` ..."""
    return f"{matcher}() needs at least one {what}"


def matcher_takes(matcher: str, what: str, given: str) -> str:
    return f"{matcher}() takes {what}, not {given}"


def approx_tolerance(name: str, given: object) -> str:
    return f"Approx({name}=...) must be a number >= 0, not {given!r}"


def captured_nothing(capture: str) -> str:
    return f"{capture} captured nothing"


# -- turbomock's checks of itself at import -------------------------------------------

STATE_WITHOUT_NEW_STATE = "make states with new_state()"
LEAF_REFCOUNTS = "turbomock: leaf reference counts are not as expected"


def defined_twice(name: str) -> str:
    return f"NonCallableMock.{name} is defined twice"


def foreign_parent(parent: object) -> str:
    """A mock's parent is an object that is not a mock but looks like one in part."""
    return (
        f"turbomock: the parent of a mock must be a mock, not {type(parent).__name__!r} "
        "(unittest.mock would treat it as one attribute by attribute)"
    )


_MISSING_MAGIC = {
    "__len__": "object of type '{0}' has no len()",
    "__getitem__": "'{0}' object is not subscriptable",
    "__setitem__": "'{0}' object does not support item assignment",
    "__delitem__": "'{0}' object doesn't support item deletion",
    "__iter__": "'{0}' object is not iterable",
    "__aiter__": "'{0}' object is not an async iterable",
    "__next__": "'{0}' object is not an iterator",
    "__enter__": "'{0}' object does not support the context manager protocol",
    "__exit__": "'{0}' object does not support the context manager protocol",
    "__aenter__": "'{0}' object does not support the asynchronous context manager protocol",
    "__aexit__": "'{0}' object does not support the asynchronous context manager protocol",
}


def missing_magic(label: str, name: str) -> str:
    """A magic method a mock lacks, worded as the interpreter words the operation."""
    template = _MISSING_MAGIC.get(name)
    if template is not None:
        return template.format(label)
    return f"'{label}' object has no attribute '{name}' (deleted, or not in its spec)"


def no_counterpart(module: str, name: str) -> str:
    """A private helper of the stdlib's ``unittest.mock`` that turbomock has no
    counterpart of (see ``_stdlib_names``)."""
    return (
        f"module {module!r} has no attribute {name!r}: it is a private helper of the "
        "standard library's unittest.mock, which turbomock's design has no counterpart of"
    )
