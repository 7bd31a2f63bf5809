"""Every text the pytest plugin and the ``mocker`` fixtures show."""

from __future__ import annotations

#: pytest-mock's text, kept word for word: suites filter on it.
MOCK_AS_CONTEXT_MANAGER = (
    "Mocks returned by pytest-mock do not need to be used as context managers. "
    "The mocker fixture automatically undoes mocking at the end of a test. "
    "This warning can be ignored if it was triggered by mocking a context manager. "
    "https://pytest-mock.readthedocs.io/en/latest/usage.html#usage-as-context-manager"
)
NOT_REGISTERED = "This mock object is not registered"
SPY_CLASS_DATA = (
    "mocker.spy cannot see {owner}.{name} read through the class: spy on an instance "
    "(mocker.spy(instance, {name!r})) to record its reads and writes"
)
#: Python's own wording, for a spied attribute the instance does not have.
NO_ATTRIBUTE = "{owner!r} object has no attribute {name!r}"
SPY_NO_DICT = (
    "mocker.spy cannot spy on {name!r} of a {owner} instance: it has no __dict__ (__slots__)"
)

LEAKED = (
    "turbomock: a patch of {target} started with start() at {where} was still active at "
    "the end of {nodeid}; it has been stopped (stop it in the test, or use a fixture)"
)
LEAKED_UNKNOWN_PLACE = "an unknown place"

INTROSPECTION = "\n\npytest introspection follows:\n"

INI_LEAKED = (
    "turbomock: what to do with a patch started with start() in a test and never stopped: "
    "off (default: left running, as without turbomock), warn or error (both stop it)."
)
INI_INTROSPECTION = (
    "turbomock: show failed mock assertions through pytest's introspection, with "
    "turbomock's frames hidden (default true)."
)
INI_EXPLAIN = (
    "turbomock: when a mock assertion fails a test, add to the report what it found "
    "(the closest call, each differing argument...); default true. The assertion's "
    "message as the test saw it is the stdlib's either way (TURBOMOCK_EXPLAIN=1 puts the "
    "explanation in the message itself)."
)
INI_STRICT = (
    "turbomock: strict mode (patch autospecs its target; configuration never used and "
    "patches left started fail the test); default false. TURBOMOCK_STRICT wins."
)
BAD_LEAKED_VALUE = (
    "turbomock_leaked_patches must be 'off', 'warn' or 'error', not {value!r}"
)
