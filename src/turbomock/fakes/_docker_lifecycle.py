"""What happens to a container between create and remove: start, exit, stop, kill, wait, exec.

A container's main process is a ``Program``: declared output, and either an exit code
(the process ends as soon as it starts) or none (it runs until stopped or killed).
Time does not pass on its own in the fake, so a wait for a process that never ends
is refused loudly rather than hanging the test. Signals end a process as they end
a well-behaved one: ``SIGKILL`` with 137, ``SIGTERM``/``SIGINT`` (and ``stop``) with
the program's ``stop_exit_code`` (0 unless declared); other signals are delivered and
change nothing.
"""

from __future__ import annotations

import signal as signals
from typing import Any

from turbomock.fakes import _docker_messages as msg
from turbomock.fakes._docker_errors import DaemonError, FakeDockerError
from turbomock.fakes._docker_state import (
    STDERR,
    STDOUT,
    ContainerRecord,
    Engine,
    ExecRecord,
)

NOT_MODIFIED = 304


def start(engine: Engine, container: ContainerRecord) -> int:
    """Start the main process; 204, or 304 if it already runs (the daemon's answers)."""
    if container.status == "paused":
        raise DaemonError(409, msg.START_PAUSED)
    if container.status in ("running", "restarting"):
        return NOT_MODIFIED
    now = engine.clock()
    program = engine.program_for(container)
    container.program = program
    container.status = "running"
    container.pid = engine.new_pid()
    container.started_at = now  # FinishedAt keeps the last exit's time, as the daemon's
    container.exit_code, container.error, container.oom_killed = 0, "", False
    container.health = _initial_health(container)
    _publish_ports(engine, container)
    if program is not None:
        container.log(now, STDOUT, program.stdout)
        container.log(now, STDERR, program.stderr)
        if program.exit_code is not None:
            end(engine, container, program.exit_code)
    return 204


def place(engine: Engine, container: ContainerRecord, status: str, exit_code: int) -> None:
    """Put a new container in ``status`` directly, without running its program (for set-up)."""
    if status == "created":
        return
    now = engine.clock()
    container.program = engine.program_for(container)
    container.started_at = now
    container.status = status
    if container.running:
        container.pid = engine.new_pid()
        container.health = _initial_health(container)
        _publish_ports(engine, container)
    else:
        container.exit_code = exit_code
        container.finished_at = now


def _initial_health(container: ContainerRecord) -> str | None:
    program = container.program
    if program is not None and program.health is not None:
        return program.health
    check = container.config.get("Healthcheck") or {}
    if check and check.get("Test") != ["NONE"]:
        return "starting"
    return None


def _publish_ports(engine: Engine, container: ContainerRecord) -> None:
    published: dict[str, list[dict[str, str]]] = {}
    for port, bindings in (container.host_config.get("PortBindings") or {}).items():
        for binding in bindings or [{}]:
            host_port = binding.get("HostPort") or engine.new_host_port()
            host_ip = binding.get("HostIp") or ""
            if host_ip:
                published.setdefault(port, []).append({"HostIp": host_ip, "HostPort": host_port})
            else:
                published.setdefault(port, []).extend(
                    [{"HostIp": "0.0.0.0", "HostPort": host_port},
                     {"HostIp": "::", "HostPort": host_port}]
                )
    container.host_ports = published


def end(engine: Engine, container: ContainerRecord, exit_code: int) -> None:
    """The main process ended with ``exit_code``; an auto-remove container goes away."""
    container.status = "exited"
    container.exit_code = exit_code
    container.pid = 0
    container.finished_at = engine.clock()
    container.host_ports = {}
    for exec_id in container.exec_ids:
        exec_ = engine.execs.get(exec_id)
        if exec_ is not None and exec_.running:
            exec_.running, exec_.exit_code = False, 137
    if container.host_config.get("AutoRemove"):
        remove(engine, container, force=True, volumes=True)


def stop(engine: Engine, container: ContainerRecord) -> int:
    if not container.running:
        return NOT_MODIFIED
    program = container.program
    end(engine, container, program.stop_exit_code if program is not None else 0)
    return 204


def parse_signal(value: str | int | None) -> int:
    """``"SIGKILL"``, ``"KILL"``, ``"9"`` or ``9`` → 9; the daemon's 400 for anything else."""
    if value is None or value == "":
        return int(signals.SIGKILL)
    text = str(value).upper()
    if text.isdigit():
        number = int(text)
        if 0 < number < 65:
            return number
        raise DaemonError(400, msg.invalid_signal(str(value)))
    name = text if text.startswith("SIG") else f"SIG{text}"
    member = getattr(signals.Signals, name, None)
    if member is None:
        raise DaemonError(400, msg.invalid_signal(str(value)))
    return int(member)


def kill(
    engine: Engine, container: ContainerRecord, reference: str, value: str | int | None
) -> None:
    number = parse_signal(value)
    if not container.running:
        raise DaemonError(409, msg.cannot_kill(reference, container.id))
    program = container.program
    if number == signals.SIGKILL:
        end(engine, container, 128 + number)
    elif number in (signals.SIGTERM, signals.SIGINT):
        end(engine, container, program.stop_exit_code if program is not None else 0)


def restart(engine: Engine, container: ContainerRecord) -> None:
    if container.status == "paused":
        container.status = "running"
    if container.running:
        stop(engine, container)
    start(engine, container)


def pause(container: ContainerRecord) -> None:
    if container.status != "running":
        if container.status == "paused":
            raise DaemonError(409, msg.already_paused(container.id))
        raise DaemonError(409, msg.not_running(container.id))
    container.status = "paused"


def unpause(container: ContainerRecord) -> None:
    if container.status != "paused":
        raise DaemonError(409, msg.not_paused(container.id))
    container.status = "running"


def wait(
    container: ContainerRecord, condition: str | None, timeout: float | None
) -> dict[str, Any] | None:
    """The wait's answer, or None when it would only end at its timeout (the caller times out).

    Raises ``FakeDockerError`` for a wait that would never end: no timeout, and a
    process that never exits.
    """
    condition = condition or "not-running"
    if condition == "not-running" and not container.running:
        return {"Error": None, "StatusCode": container.exit_code}
    if timeout is not None:
        return None
    what = "wait()" if condition == "not-running" else f"wait(condition={condition!r})"
    raise FakeDockerError(msg.wait_forever(what, container.name))


def remove(engine: Engine, container: ContainerRecord, *, force: bool, volumes: bool) -> None:
    if container.running and not force:
        raise DaemonError(409, msg.remove_running_container(container.name))
    if container.running:
        container.status, container.exit_code, container.pid = "exited", 137, 0
    engine.containers.pop(container.id, None)
    for exec_id in container.exec_ids:
        engine.execs.pop(exec_id, None)
    if volumes:
        for mount in container.mounts:
            volume = engine.volumes.get(mount.get("Name") or "")
            if volume is not None and volume.anonymous and not engine.volume_users(volume):
                del engine.volumes[volume.name]


# --- exec ---------------------------------------------------------------------------------


def exec_create(engine: Engine, container: ContainerRecord, body: dict[str, Any]) -> ExecRecord:
    if container.status == "paused":
        raise DaemonError(409, msg.is_paused(container.id))
    if container.status != "running":
        raise DaemonError(409, msg.not_running(container.id))
    command = body.get("Cmd") or []
    exec_ = ExecRecord(
        id=engine.new_id("exec"), container_id=container.id,
        command=[command] if isinstance(command, str) else list(command),
        tty=bool(body.get("Tty")), stdout=bool(body.get("AttachStdout")),
        stderr=bool(body.get("AttachStderr")), stdin=bool(body.get("AttachStdin")),
        privileged=bool(body.get("Privileged")), user=body.get("User") or "",
        workdir=body.get("WorkingDir"), env=body.get("Env"),
    )
    engine.execs[exec_.id] = exec_
    container.exec_ids.append(exec_.id)
    return exec_


def exec_start(engine: Engine, exec_: ExecRecord) -> list[tuple[int, bytes]]:
    """Run the exec to its end; return its output as (stream, bytes) frames."""
    container = engine.find_container(exec_.container_id)
    if container.status != "running":
        raise DaemonError(409, msg.not_running(container.id))
    program = engine.exec_program_for(exec_, container)
    if program is None:
        raise FakeDockerError(msg.exec_undeclared(exec_.command, container.name))
    exec_.pid = engine.new_pid()
    exec_.exit_code = program.exit_code
    frames = []
    if exec_.stdout and program.stdout:
        frames.append((STDOUT, program.stdout))
    if exec_.stderr and program.stderr:
        frames.append((STDOUT if exec_.tty else STDERR, program.stderr))
    return frames
