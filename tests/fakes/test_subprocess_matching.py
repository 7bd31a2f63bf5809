"""Which registration answers a call: argv patterns, matchers, cwd and env, order and room."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys
from typing import Any

import pytest

from turbomock import ANY
from turbomock.fakes.subprocess import (
    ANY_ARGS,
    FakeSubprocess,
    Regex,
    Response,
    UnregisteredCommandError,
)


def answered(fake: FakeSubprocess, *args: Any, **kwargs: Any) -> str:
    """The stdout a call gets (text)."""
    return str(subprocess.run(*args, capture_output=True, text=True, **kwargs).stdout)


@pytest.fixture
def fake() -> Any:
    """A fake that checks nothing at the end: these tests provoke unregistered calls."""
    fake = FakeSubprocess().start()
    yield fake
    fake.stop(verify=False)


def test_string_command_is_split_like_shlex(fake: FakeSubprocess) -> None:
    """A registered string is split as a shell would split it, quotes included."""
    registration = fake.register("git commit -m 'two words'", stdout="ok")
    assert registration.command == ("git", "commit", "-m", "two words")
    assert answered(fake, ["git", "commit", "-m", "two words"]) == "ok"


def test_paths_and_bytes_are_arguments_like_strings(fake: FakeSubprocess) -> None:
    """Paths in a registration, and paths or bytes in a call, compare as strings."""
    fake.register([pathlib.Path("/usr/bin/env"), "x"], stdout="ok")
    assert answered(fake, [b"/usr/bin/env", pathlib.Path("x")]) == "ok"


def test_any_matches_exactly_one_argument(fake: FakeSubprocess) -> None:
    """turbomock.ANY stands for one argument, never none."""
    fake.register(["docker", "pull", ANY], stdout="pulled", times=None)
    assert answered(fake, ["docker", "pull", "img:1"]) == "pulled"
    with pytest.raises(UnregisteredCommandError):
        subprocess.run(["docker", "pull"])


@pytest.mark.parametrize(
    "argv", [["ls"], ["ls", "-l"], ["ls", "-l", "-a", "/tmp"]], ids=["none", "one", "three"]
)
def test_any_args_matches_any_number_of_arguments(fake: FakeSubprocess, argv: list[str]) -> None:
    """ANY_ARGS stands for zero or more arguments."""
    fake.register(["ls", ANY_ARGS], stdout="listed")
    assert answered(fake, argv) == "listed"


def test_any_args_in_the_middle(fake: FakeSubprocess) -> None:
    """ANY_ARGS may sit between fixed arguments."""
    fake.register(["tar", ANY_ARGS, "archive.tar"], stdout="ok")
    assert answered(fake, ["tar", "-c", "-f", "archive.tar"]) == "ok"


def test_regex_matches_one_whole_argument(fake: FakeSubprocess) -> None:
    """Regex matches an argument it matches in full, and reads as its pattern."""
    pattern = Regex(r"img-\w+:\d+")
    fake.register(["docker", "pull", pattern], stdout="ok")
    assert (pattern == "img-a:1", pattern == "img-a:1x", pattern != "x", repr(pattern)) == (
        True, False, True, "Regex('img-\\\\w+:\\\\d+')",
    )
    assert answered(fake, ["docker", "pull", "img-a:1"]) == "ok"


def test_any_object_with_eq_is_a_matcher_on_the_left(fake: FakeSubprocess) -> None:
    """Patterns are compared as ``pattern == argument``, so any matcher works."""
    seen = []

    class Even:
        def __eq__(self, other: object) -> bool:
            seen.append(other)
            return isinstance(other, str) and int(other) % 2 == 0

    fake.register(["seq", Even()], stdout="even")
    assert answered(fake, ["seq", "4"]) == "even"
    assert seen == ["4"]


def test_numbers_in_a_registration_are_refused() -> None:
    """A number can never be an argument, so registering one fails at once."""
    with pytest.raises(TypeError) as raised:
        FakeSubprocess().register(["sleep", 5])
    assert str(raised.value) == (
        "a command's items are strings, paths or matchers; 5 (int) is refused by "
        "subprocess as an argument"
    )


def test_empty_command_is_refused() -> None:
    """A registration needs at least the program."""
    expected = "an empty command matches no call: give at least the program"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        FakeSubprocess().register([])


def test_unsplittable_command_is_refused() -> None:
    """A string with an unclosed quote cannot be a command."""
    expected = "cannot split the command \"echo 'oops\" like a shell would: No closing quotation"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        FakeSubprocess().register("echo 'oops")


def test_shell_command_is_split_to_match(fake: FakeSubprocess) -> None:
    """With shell=True the command line is split like shlex before matching."""
    fake.register(["grep", "-c", "a b"], stdout="2")
    assert answered(fake, "grep -c 'a b'", shell=True) == "2"
    assert fake.calls[0].argv == ["grep", "-c", "a b"]


def test_string_without_shell_is_the_program_name(fake: FakeSubprocess) -> None:
    """As in subprocess, a string without shell=True is all program name, and the
    error says so."""
    fake.register("ls -l")
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run("ls -l")
    assert fake.calls[0].argv == ["ls -l"]
    assert str(raised.value).splitlines()[1] == (
        "note: the command is one string without shell=True, so subprocess takes all "
        "of it as the program's name"
    )


def test_cwd_constraint(fake: FakeSubprocess) -> None:
    """cwd= restricts a registration to calls run there (paths compare as strings)."""
    fake.register(["make"], cwd=pathlib.Path("/src"), stdout="built")
    assert answered(fake, ["make"], cwd=pathlib.Path("/src")) == "built"
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run(["make"], cwd="/elsewhere")
    assert "    cwd: expected '/src', got '/elsewhere'" in str(raised.value).splitlines()


def test_env_constraint_requires_the_items_given(fake: FakeSubprocess) -> None:
    """env= as a mapping requires those variables, whatever else is set."""
    fake.register(["deploy"], env={"STAGE": "prod", "TOKEN": ANY}, stdout="ok")
    assert answered(fake, ["deploy"], env={"STAGE": "prod", "TOKEN": "t", "X": "1"}) == "ok"
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run(["deploy"], env={"STAGE": "dev"})
    lines = str(raised.value).splitlines()
    assert lines[3:5] == [
        "    env['STAGE']: expected 'prod', got 'dev'",
        "    env['TOKEN']: expected <ANY>, not set",
    ]


def test_env_constraint_sees_the_inherited_environment(
    fake: FakeSubprocess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without env=, the process gets os.environ, and that is what is matched."""
    monkeypatch.setenv("TURBOMOCK_STAGE", "ci")
    fake.register(["deploy"], env={"TURBOMOCK_STAGE": "ci"}, stdout="ok")
    assert answered(fake, ["deploy"]) == "ok"
    assert fake.calls[0].env is None


def test_env_constraint_may_be_a_matcher_of_the_whole_environment(fake: FakeSubprocess) -> None:
    """A non-mapping env= is compared with the whole environment."""
    fake.register(["deploy"], env=_Exactly({"ONLY": "this"}))
    subprocess.run(["deploy"], env={"ONLY": "this"})
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run(["deploy"], env={"ONLY": "this", "MORE": "x"})
    assert "    env: does not match Exactly({'ONLY': 'this'})" in str(raised.value).splitlines()


class _Exactly:
    def __init__(self, expected: dict[str, str]) -> None:
        self.expected = expected

    def __eq__(self, other: object) -> bool:
        return other == self.expected

    def __repr__(self) -> str:
        return f"Exactly({self.expected!r})"


def test_first_registration_with_room_answers(fake: FakeSubprocess) -> None:
    """Registrations are tried in order; a used-up one passes the call on."""
    first = fake.register(["id"], stdout="first")
    second = fake.register(["id"], stdout="second", times=2)
    assert [answered(fake, ["id"]) for _ in range(3)] == ["first", "second", "second"]
    assert (first.call_count, second.call_count) == (1, 2)


def test_used_up_registration_is_named_in_the_error(fake: FakeSubprocess) -> None:
    """A call matching only used-up registrations fails and says why."""
    registration = fake.register(["id"])
    subprocess.run(["id"])
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run(["id"])
    assert str(raised.value).splitlines()[2:4] == [
        f"  ['id'], registered at {registration.location}",
        "    matches, but was registered for 1 call(s), all used",
    ]


def test_times_none_answers_any_number_of_calls(fake: FakeSubprocess) -> None:
    """times=None answers every matching call."""
    registration = fake.register(["id"], stdout="me", times=None)
    assert {answered(fake, ["id"]) for _ in range(5)} == {"me"}
    assert registration.call_count == 5


def test_responses_answer_successive_calls(fake: FakeSubprocess) -> None:
    """responses= gives one response per call, and as many calls by default."""
    registration = fake.register(
        ["flaky"], responses=[Response(returncode=1), Response("ok")]
    )
    results = [subprocess.run(["flaky"], capture_output=True) for _ in range(2)]
    assert [(r.returncode, r.stdout) for r in results] == [(1, b""), (0, b"ok")]
    assert registration.times == 2


def test_responses_repeat_the_last_beyond_the_list(fake: FakeSubprocess) -> None:
    """With more calls allowed than responses, the last response repeats."""
    fake.register(["poll"], responses=[Response("wait"), Response("done")], times=None)
    assert [answered(fake, ["poll"]) for _ in range(3)] == ["wait", "done", "done"]


def test_closest_registrations_explain_each_difference() -> None:
    """An unregistered call lists the three closest registrations (fewest differences,
    then most arguments equal), argument by argument."""
    fake = FakeSubprocess()
    pull_b = fake.register(["docker", "pull", "img-b:2"])
    inspect = fake.register(["docker", "image", "inspect", ANY])
    pull_c = fake.register(["docker", "pull", "--quiet", "img-c:3"])
    fake.register(["git", "status"])
    fake.start()
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.run(["docker", "pull", "img-c:3", "--force"])
    fake.stop(verify=False)
    assert str(raised.value) == "\n".join([
        "unregistered command: ['docker', 'pull', 'img-c:3', '--force'] (subprocess.run)",
        "closest registered commands:",
        f"  ['docker', 'pull', '--quiet', 'img-c:3'], registered at {pull_c.location}",
        "    argv[2]: missing, expected '--quiet'",
        "    argv[3]: unexpected '--force'",
        f"  ['docker', 'pull', 'img-b:2'], registered at {pull_b.location}",
        "    argv[2]: expected 'img-b:2', got 'img-c:3'",
        "    argv[3]: unexpected '--force'",
        f"  ['docker', 'image', 'inspect', <ANY>], registered at {inspect.location}",
        "    argv[1]: expected 'image', got 'pull'",
        "    argv[2]: expected 'inspect', got 'img-c:3'",
        "register it with fake.register(...), or set allow_unregistered=True to run "
        "commands nothing answers for real",
    ])


def test_no_registration_at_all_is_said() -> None:
    """With nothing registered the error says so."""
    fake = FakeSubprocess().start()
    with pytest.raises(UnregisteredCommandError) as raised:
        subprocess.check_output(["uname"])
    fake.stop(verify=False)
    assert str(raised.value) == "\n".join([
        "unregistered command: ['uname'] (subprocess.check_output)",
        "no command is registered",
        "register it with fake.register(...), or set allow_unregistered=True to run "
        "commands nothing answers for real",
    ])
    assert [c.argv for c in fake.calls] == [["uname"]]


def test_registration_location_is_the_test_line() -> None:
    """A registration remembers the file and line that made it, for messages."""
    line = sys._getframe().f_lineno + 1
    registration = FakeSubprocess().register(["x"])
    assert registration.location == f"{os.path.relpath(__file__)}:{line}"
