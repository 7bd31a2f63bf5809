"""Every difference between stdlib versions that turbomock reproduces, in one place.

turbomock behaves like the ``unittest.mock`` of the Python it runs on. Each flag
below names one observable behaviour and the version that introduced it.
"""

from __future__ import annotations

import sys

# The versions, to define the flags below with: code elsewhere branches on a flag
# named for the behaviour, never on these.
PY310 = sys.version_info >= (3, 10)
PY311 = sys.version_info >= (3, 11)
PY312 = sys.version_info >= (3, 12)
PY313 = sys.version_info >= (3, 13)

# -- patch --------------------------------------------------------------------------

#: 3.10: ``patch`` and ``patch.object`` take ``unsafe=`` (3.9: a keyword for the mock).
PATCH_TAKES_UNSAFE = PY310
#: 3.10: ``patch`` and ``create_autospec`` refuse spec keyword typos and mocks as specs.
SPEC_ARGUMENTS_CHECKED = PY310
#: 3.10: ``patch.dict`` decorates a coroutine function with a coroutine function.
PATCH_DICT_WRAPS_COROUTINES = PY310
#: 3.11: patch targets are resolved with ``pkgutil.resolve_name`` (imports first).
TARGETS_BY_RESOLVE_NAME = PY311
#: 3.12: ``patch`` picks ``AsyncMock`` for an async original before the spec rules.
PATCH_ASYNC_BEFORE_SPEC = PY312

# -- the mock engine -------------------------------------------------------------

#: 3.11: a staticmethod/classmethod object used as a spec has its function's signature
#: (before, none: 3.9 finds no ``__call__``, 3.10's takes anything), so autospec
#: checks calls of ``patch.object(K, 'static', autospec=True)``.
SIGNATURE_UNWRAPS_STATIC_AND_CLASS = PY311
#: 3.11: code objects carry ``co_qualname`` (argument errors and tracebacks use it).
CODE_HAS_QUALNAME = PY311

#: 3.9/3.10 still know ``__div__``/``__rdiv__``/``__idiv__`` and ``__setformat__``.
LEGACY_DIV_MAGICS = not PY311
#: 3.10 rejects the assert typos ``asert``/``aseert``/``assrt`` too, with a new message.
ALL_ASSERT_TYPOS = PY310
#: 3.9's inspect takes an async mock specced on a function for a function and reads
#: its made-up ``__annotations__``; turbomock reports (*args, **kwargs) there, as 3.11+.
ASYNC_SIGNATURE_EXPLICIT = not PY310
#: 3.9 makes async spec attributes AsyncMocks before checking the seal (3.10 seals first).
SEAL_AFTER_ASYNC_SPEC_CHILDREN = not PY310
#: 3.11 refuses a mock as a spec with ``InvalidSpecError`` (autospec does from 3.10).
REJECT_MOCK_AS_SPEC = PY311
#: 3.11 indents "Actual:" to line up under "Expected:".
INDENTED_ACTUAL = PY311
#: 3.12 rejects ``called_once`` and the other assert names without ``assert_``.
REJECT_ASSERT_NAMES_WITHOUT_PREFIX = PY312
#: Before 3.13 ``_calls_repr`` takes a ``prefix`` (default ``"Calls"``).
CALLS_REPR_PREFIX = not PY313
#: 3.12: ``NonCallableMock.__new__`` reports ``__init__``'s signature to ``inspect``.
NEW_REPORTS_INIT_SIGNATURE = PY312
#: 3.12: ``NonCallableMock.__new__`` takes ``__init__``'s parameters and decides on an
#: async class from ``spec_set or spec``; before, from ``bind_partial`` of ``__init__``'s
#: signature (``spec_set`` if bound at all, else ``spec``).
NEW_BINDS_SPEC_EXPLICITLY = PY312
#: 3.13: ``return_value`` of a wrapping mock stays DEFAULT until set.
WRAPS_KEEPS_DEFAULT_RETURN = PY313
#: 3.13's ``assert_has_calls`` message always ends with an "  Actual:" line.
HAS_CALLS_ACTUAL_LINE = PY313
#: 3.13: ``reset_mock(return_value=True)`` leaves magic methods' return values.
MAGIC_RESET_KEEPS_RETURN = PY313
#: 3.13: a PropertyMock assigned to a mock stays a plain attribute of that mock.
PROPERTYMOCK_ATTRIBUTE_STAYS = PY313
#: 3.13 finds async attributes of a spec with ``inspect.getattr_static``.
STATIC_ASYNC_SPEC_SCAN = PY313
#: 3.13: autospec passes ``wraps`` on to children and return values.
AUTOSPEC_WRAPS_CHILDREN = PY313
#: 3.10: an AsyncMock also fakes ``__name__``, ``__defaults__``, ``__kwdefaults__`` and
#: ``__annotations__``, so ``inspect`` takes it for a function.
ASYNC_MOCK_FUNCTION_ATTRS = PY310

# -- helpers ------------------------------------------------------------------------

#: 3.11: ``mock_open`` specs its mock on the names of ``open`` rather than ``open``.
OPEN_SPEC_AS_NAMES = PY311
#: 3.13: leaving a ``mock_open`` handle's ``with`` block calls ``close()``.
MOCK_OPEN_EXIT_CLOSES = PY313

# -- the stdlib module's other names (_stdlib_names) ------------------------------------

#: 3.10: the stdlib's mock module imports ``RLock`` (its ``_lock``).
STDLIB_MOCK_HAS_RLOCK = PY310
#: 3.12: specs of code objects through ``_CODE_ATTRS``/``_CODE_SIG`` (before, ``_MOCK_SIG``).
STDLIB_MOCK_CODE_SPECS = PY312
#: 3.13: the stdlib has ``ThreadingMock`` (its ``_timeout_unset``, ``threading``) and
#: signs async autospecced functions apart (``_set_async_signature``).
STDLIB_HAS_THREADING_MOCK = PY313

# -- create_autospec -----------------------------------------------------------------

#: 3.12: an autospecced method's return value is a fresh mock of the method's kind.
AUTOSPEC_METHOD_RETURN_VALUE = PY312
#: 3.12.4 (gh-90848, in 3.13 too): ``create_autospec``'s leftover keyword arguments
#: configure the mock again at the end, after the walk (before, a method given as a
#: keyword was replaced by the walk's autospecced one).
AUTOSPEC_CONFIGURES_KWARGS = sys.version_info >= (3, 12, 4)
#: 3.12.5 (gh-120732, in 3.13 too): ``create_autospec(name=...)`` names the mock
#: without passing ``name`` on (3.12.4 passed it, and failed with ``spec_set``).
AUTOSPEC_NAME_BEFORE_KWARGS = sys.version_info >= (3, 12, 5)
#: 3.13: an autospecced async function's stand-in is itself a coroutine function.
AUTOSPEC_ASYNC_FUNCOPY = PY313

# -- the fakes -----------------------------------------------------------------------

#: 3.10: ``Popen`` takes ``pipesize`` and checks it.
POPEN_HAS_PIPESIZE = PY310
#: 3.13: ``Popen`` refuses ``stdout=STDOUT`` (ValueError; before, the child got EBADF).
POPEN_REFUSES_STDOUT_TO_STDOUT = PY313
#: 3.11: ``Popen.encoding`` in text mode without one names the encoding used (3.10 below).
POPEN_NAMES_DEFAULT_ENCODING = PY311
#: 3.10: ``Popen.encoding`` in text mode without one is ``"locale"`` (3.9: None).
POPEN_NAMES_LOCALE_ENCODING = PY310
#: 3.9 only: asyncio's subprocess factories take a deprecated ``loop=`` (gone in 3.10).
ASYNC_SUBPROCESS_TAKES_LOOP = not PY310

# -- turbomock's own records ---------------------------------------------------------

#: 3.13: a namedtuple's ``_replace`` refuses unknown field names with TypeError
#: (ValueError before); ``_record.Record`` follows the running Python's.
REPLACE_REFUSES_WITH_TYPE_ERROR = PY313
