"""A strict, faithful fake of ``subprocess`` and asyncio's subprocesses, for tests.

While active, ``FakeSubprocess`` replaces ``subprocess.Popen``, ``run``, ``call``,
``check_call``, ``check_output``, ``getoutput``, ``getstatusoutput`` and
``asyncio.create_subprocess_exec``/``create_subprocess_shell`` (copies bound with
``from subprocess import run`` too), and answers each command from what was
registered::

    with FakeSubprocess() as fake:
        fake.register("git rev-parse HEAD", stdout="abc123\\n")
        assert current_commit() == "abc123"

Results are the real module's: ``CompletedProcess``, ``CalledProcessError`` for
``check=True``, ``TimeoutExpired``, bytes or text by ``text=``/``encoding=``. An
unregistered command raises ``UnregisteredCommandError`` naming the closest
registrations; a registration used fewer times than declared fails at the end.

Also: the pytest fixture ``fake_subprocess``, and ``use_fake_subprocess(self)`` for
``unittest`` (or ``self.enterContext(FakeSubprocess())`` on Python 3.11+).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from turbomock.fakes import _subprocess_install as _install
from turbomock.fakes import _subprocess_messages as _msg
from turbomock.fakes._subprocess_async import (
    FakeAsyncProcess,
    create_subprocess_exec,
    create_subprocess_shell,
)
from turbomock.fakes._subprocess_engine import (
    Engine,
    FakeSubprocessError,
    UnregisteredCommandError,
)
from turbomock.fakes._subprocess_match import (
    ANY_ARGS,
    UNSET,
    Command,
    Regex,
    _Unset,
    align,
    match,
    matches,
    parse_command,
)
from turbomock.fakes._subprocess_model import (
    Output,
    ProcessCall,
    Registration,
    Responder,
    Response,
)
from turbomock.fakes._subprocess_popen import FakePopen

if TYPE_CHECKING:
    import unittest

__all__ = [
    "ANY_ARGS",
    "FakeAsyncProcess",
    "FakePopen",
    "FakeSubprocess",
    "FakeSubprocessError",
    "ProcessCall",
    "Regex",
    "Registration",
    "Response",
    "UnregisteredCommandError",
    "use_fake_subprocess",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def _fresh_factory(factory: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(factory)
    async def fake_factory(*args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        return await factory(*args, **kwargs)

    return fake_factory


def _replacements() -> dict[str, Any]:
    """New objects for each start, so that at the end the module globals holding one
    are exactly the copies bound while the fake was active (and are restored)."""
    popen = type("FakePopen", (FakePopen,), {"__module__": FakePopen.__module__,
                                              "__doc__": FakePopen.__doc__})
    return {
        "Popen": popen,
        "create_subprocess_exec": _fresh_factory(create_subprocess_exec),
        "create_subprocess_shell": _fresh_factory(create_subprocess_shell),
    }


def _caller_location() -> str:
    """Where the test registered something: the first frame outside turbomock.fakes."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        "turbomock.fakes"
    ):
        frame = frame.f_back
    filename = frame.f_code.co_filename
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # another drive, on Windows
        relative = filename
    if not relative.startswith(os.pardir):
        filename = relative
    return f"{filename}:{frame.f_lineno}"


def _field_differences(call: ProcessCall, fields: dict[str, Any]) -> list[str]:
    found = []
    for name, expected in fields.items():
        try:
            actual = call.field(name)
        except KeyError:
            found.append(_msg.field_absent(name, expected, call.function))
            continue
        if not matches(expected, actual):
            found.append(_msg.field_differs(name, expected, actual))
    return found


def _differences(
    command: Sequence[Any], call: ProcessCall, fields: dict[str, Any]
) -> tuple[tuple[int, int, int], list[str]]:
    """How far ``call`` is from the expectation (for ranking), and how in words."""
    cost, kept, steps = align(command, call.argv)
    found = [str(step) for step in steps] + _field_differences(call, fields)
    return (len(found), cost, -kept), found


def _matches(command: Sequence[Any], call: ProcessCall, fields: dict[str, Any]) -> bool:
    return match(command, call.argv) and not _field_differences(call, fields)


class FakeSubprocess:
    """The fake: register commands, activate it (``with``, ``start()``/``stop()``, or
    as a decorator), then inspect ``calls`` or use the ``assert_*`` helpers.

    ``allow_unregistered=True`` runs commands nothing answers for real (recorded);
    ``allow_unused=True`` drops the end-of-use check of registrations. Both are
    attributes too. One fake can be active at a time.
    """

    def __init__(self, *, allow_unregistered: bool = False, allow_unused: bool = False) -> None:
        self._engine = Engine(allow_unregistered=allow_unregistered, allow_unused=allow_unused)
        self._installation: _install.Installation | None = None
        self._rebound: list[tuple[str, str]] = []

    @property
    def allow_unregistered(self) -> bool:
        """Whether commands nothing answers run for real instead of failing."""
        return self._engine.allow_unregistered

    @allow_unregistered.setter
    def allow_unregistered(self, value: bool) -> None:
        self._engine.allow_unregistered = value

    @property
    def allow_unused(self) -> bool:
        """Whether registrations used fewer times than declared are let go at the end."""
        return self._engine.allow_unused

    @allow_unused.setter
    def allow_unused(self, value: bool) -> None:
        self._engine.allow_unused = value

    # -- registering ---------------------------------------------------------------------

    def register(
        self,
        command: Command,
        *,
        stdout: Output = b"",
        stderr: Output = b"",
        returncode: int = 0,
        raises: BaseException | type[BaseException] | None = None,
        duration: float = 0.0,
        callback: Responder | None = None,
        responses: Sequence[Response] | None = None,
        real: bool = False,
        times: int | _Unset | None = UNSET,
        cwd: Any = UNSET,
        env: Any = UNSET,
    ) -> Registration:
        """Answer ``command`` (argv list, or a string split like shlex; items may be
        matchers, ``ANY_ARGS`` or ``Regex``) ``times`` times (default 1; None: any
        number, at least once).

        The answer is one of: the output and status given here (``raises=`` an
        exception or exception class for a process that fails to start, e.g.
        ``FileNotFoundError``); ``callback(call) -> Response``; ``responses``, one per
        call in turn (``times`` defaults to their number); or ``real=True`` to run
        the real command. ``cwd=`` and ``env=`` (a mapping of required variables, or
        any matcher of the whole environment) restrict which calls match.
        """
        patterns = parse_command(command)
        static = Response(stdout, stderr, returncode, raises=raises, duration=duration)
        chosen = [name for name, given in (("callback", callback is not None),
                                           ("responses", responses is not None),
                                           ("real", bool(real))) if given]
        plain = not (static.stdout or static.stderr or static.returncode or static.duration
                     or static.raises is not None)
        if len(chosen) > 1 or (chosen and not plain):
            raise TypeError(_msg.conflicting_answers(chosen))
        answers: Sequence[Response] = [static]
        if responses is not None:
            answers = list(responses)
            if not answers or not all(isinstance(r, Response) for r in answers):
                raise TypeError(_msg.BAD_RESPONSES)
            if times is UNSET:
                times = len(answers)
        if times is UNSET:
            times = 1
        if times is not None and (isinstance(times, bool) or not isinstance(times, int)
                                  or times < 1):
            raise ValueError(_msg.bad_times(times))
        if isinstance(cwd, os.PathLike):
            cwd = os.fsdecode(cwd)
        registration = Registration(
            patterns, responses=answers, callback=callback, real=bool(real), times=times,
            cwd=cwd, env=env, location=_caller_location(),
        )
        self._engine.add(registration)
        return registration

    @property
    def registrations(self) -> list[Registration]:
        """Every registration, in the order made."""
        with self._engine.lock:
            return list(self._engine.registrations)

    # -- activating -----------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether this fake is in place now."""
        return self._installation is not None

    def start(self) -> FakeSubprocess:
        """Put the fake in place; calls recorded before are forgotten."""
        if self._installation is not None:
            raise RuntimeError(_msg.ALREADY_ACTIVE)
        self._engine.reset()
        self._installation = _install.install(self._engine, _replacements())
        self._rebound = self._installation.rebound
        return self

    def stop(self, *, verify: bool = True) -> None:
        """Restore everything; then, with ``verify``, fail if registrations were left
        unused or unregistered commands ran. Does nothing when not active."""
        __tracebackhide__ = True
        installation, self._installation = self._installation, None
        if installation is None:
            return
        _install.uninstall(installation)
        if verify:
            self.verify()

    def verify(self) -> None:
        """Raise ``FakeSubprocessError`` if a registration was used fewer times than
        declared (unless ``allow_unused``) or an unregistered command was started."""
        __tracebackhide__ = True
        problem = self._engine.unmet()
        if problem is not None:
            raise FakeSubprocessError(problem)

    def __enter__(self) -> FakeSubprocess:
        return self.start()

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        """Restore; verify only when the block raised nothing (its error says more)."""
        __tracebackhide__ = True
        self.stop(verify=exc_type is None)

    def __call__(self, func: _F) -> _F:
        """Decorate ``func``: each call runs with a fresh copy of this fake (same
        options and registrations), passed as the last positional argument."""
        parameters = list(inspect.signature(func).parameters.values())
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                __tracebackhide__ = True
                with self.copy() as fake:
                    return await func(*args, fake, **kwargs)

            wrapper: Any = run_async
        else:

            @functools.wraps(func)
            def run(*args: Any, **kwargs: Any) -> Any:
                __tracebackhide__ = True
                with self.copy() as fake:
                    return func(*args, fake, **kwargs)

            wrapper = run
        # Callers (pytest among them) must not be asked for the argument we pass.
        positional = [i for i, p in enumerate(parameters) if p.kind in (
            inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        if positional:
            del parameters[positional[-1]]
        wrapper.__signature__ = inspect.Signature(parameters)
        return wrapper  # type: ignore[no-any-return]

    def copy(self) -> FakeSubprocess:
        """A new, inactive fake with the same options and registrations (no calls)."""
        fake = FakeSubprocess(allow_unregistered=self.allow_unregistered,
                              allow_unused=self.allow_unused)
        for registration in self.registrations:
            fake._engine.add(registration.copy())
        return fake

    # -- what happened ------------------------------------------------------------------

    @property
    def calls(self) -> list[ProcessCall]:
        """Every process started while active, in order (a copy)."""
        return self._engine.snapshot()

    @property
    def rebound(self) -> list[str]:
        """The module attributes the fake replaced (``"module.name"``), and those it
        restored at the end because they were bound to the fake meanwhile."""
        return [f"{module}.{name}" for module, name in self._rebound]

    def assert_called(self, command: Command, *, times: int | None = None, **fields: Any) -> None:
        """Assert a call of ``command`` (matched as registrations match), with every
        field given (``cwd=``, ``env=``, ``input=``, ``timeout=``, ``check=``,
        ``text=``, ``function=`` or any argument of the call) equal; ``times``: exactly
        that many such calls."""
        __tracebackhide__ = True
        patterns = parse_command(command)
        calls = self.calls
        matching = [c for c in calls if _matches(patterns, c, fields)]
        if times is None and matching:
            return
        if times is not None and len(matching) == times:
            return
        if times is not None and matching:
            raise AssertionError(_msg.wrong_count(patterns, fields, times, matching, calls))
        ranked = sorted(
            ((_differences(patterns, c, fields), n) for n, c in enumerate(calls)),
            key=lambda item: (item[0][0], item[1]),
        )
        closest = None if not ranked else (ranked[0][1], ranked[0][0][1])
        raise AssertionError(_msg.not_called(patterns, fields, times, closest, calls))

    def assert_called_once(self, command: Command, **fields: Any) -> None:
        """Assert exactly one call of ``command`` with the fields given."""
        __tracebackhide__ = True
        self.assert_called(command, times=1, **fields)

    def assert_not_called(self, command: Command, **fields: Any) -> None:
        """Assert no call of ``command`` with the fields given."""
        __tracebackhide__ = True
        patterns = parse_command(command)
        calls = self.calls
        matching = [c for c in calls if _matches(patterns, c, fields)]
        if matching:
            raise AssertionError(_msg.called_anyway(patterns, fields, matching, calls))

    def assert_every_call(self, **fields: Any) -> None:
        """Assert every call so far has the fields given (e.g. ``check=False, text=True``)."""
        __tracebackhide__ = True
        calls = self.calls
        failing = [(c, _field_differences(c, fields)) for c in calls]
        failing = [(c, found) for c, found in failing if found]
        if failing:
            raise AssertionError(_msg.not_every_call(fields, failing, calls))


def use_fake_subprocess(test: unittest.TestCase, **options: Any) -> FakeSubprocess:
    """Start a fake for a ``unittest`` test, stopped (and verified) by its cleanup.

    Works on every Python; on 3.11+ ``test.enterContext(FakeSubprocess())`` does the same.
    """
    fake = FakeSubprocess(**options).start()
    test.addCleanup(fake.stop)
    return fake
