"""Every message the fake Docker engine shows: the daemon's own texts, and the fake's.

The daemon's texts are those of Docker Engine 26 (API 1.45), because code under test
matches on them (docker-py itself picks ``ImageNotFound`` over ``NotFound`` by looking
for "no such image" or "repository does not exist" in them). The fake's own texts
say what the fake cannot do and what to call instead.
"""

from __future__ import annotations

from collections.abc import Sequence

INSTALL_HINT = (
    "turbomock.fakes.docker needs the Docker SDK for Python (docker-py): "
    "pip install 'turbomock[docker]'"
)

# --- the daemon's texts --------------------------------------------------------------


def no_such_image(reference: str) -> str:
    return f"No such image: {reference}"


def no_such_container(reference: str) -> str:
    return f"No such container: {reference}"


def no_such_exec(exec_id: str) -> str:
    return f"No such exec instance: {exec_id}"


def network_not_found(reference: str) -> str:
    return f"network {reference} not found"


def no_such_volume(name: str) -> str:
    return f"get {name}: no such volume"


def repository_missing(repository: str) -> str:
    return (
        f"pull access denied for {repository}, repository does not exist or may require "
        "'docker login': denied: requested access to the resource is denied"
    )


def manifest_missing(reference: str) -> str:
    return f"manifest for {reference} not found: manifest unknown: manifest unknown"


def no_matching_manifest(platform: str) -> str:
    return f"no matching manifest for {platform} in the manifest list entries"


INVALID_REFERENCE = "invalid reference format"


def invalid_platform(platform: str) -> str:
    return f'"{platform}": unknown operating system or architecture: invalid argument'


def name_in_use(name: str, container_id: str) -> str:
    return (
        f'Conflict. The container name "/{name}" is already in use by container '
        f'"{container_id}". You have to remove (or rename) that container to be able '
        "to reuse that name."
    )


def invalid_container_name(name: str) -> str:
    return (
        f'Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'
    )


def remove_running_container(name: str) -> str:
    return (
        f'cannot remove container "/{name}": container is running: stop the container '
        "before removing or force remove"
    )


def not_running(container_id: str) -> str:
    return f"Container {container_id} is not running"


def cannot_kill(reference: str, container_id: str) -> str:
    return f"Cannot kill container: {reference}: {not_running(container_id)}"


def is_paused(container_id: str) -> str:
    return f"Container {container_id} is paused, unpause the container before exec"


def already_paused(container_id: str) -> str:
    return f"Container {container_id} is already paused"


def not_paused(container_id: str) -> str:
    return f"Container {container_id} is not paused"


START_PAUSED = "cannot start a paused container, try unpause instead"


def image_in_use(reference: str, container_id: str, image_id: str) -> str:
    return (
        f'conflict: unable to remove repository reference "{reference}" (must force) - '
        f"container {container_id[:12]} is using its referenced image {image_id[7:19]}"
    )


def image_used_by_running(image_id: str, container_id: str) -> str:
    return (
        f"conflict: unable to delete {image_id[7:19]} (cannot be forced) - image is being "
        f"used by running container {container_id[:12]}"
    )


def image_used_by_stopped(image_id: str, container_id: str) -> str:
    return (
        f"conflict: unable to delete {image_id[7:19]} (must be forced) - image is being "
        f"used by stopped container {container_id[:12]}"
    )


def platform_mismatch(reference: str, wanted: str, actual: str) -> str:
    return (
        f"image with reference {reference} was found but does not match the specified "
        f"platform: wanted {wanted}, actual: {actual}"
    )


def filter_not_faked(name: str) -> str:
    return (
        f"the fake Docker engine does not implement the {name!r} filter; filter the "
        "results in the test instead"
    )


def image_in_many_repositories(image_id: str) -> str:
    return (
        f"conflict: unable to delete {image_id[7:19]} (must be forced) - image is "
        "referenced in multiple repositories"
    )


def push_missing(repository: str) -> str:
    return f"An image does not exist locally with the tag: {repository}"


def network_exists(name: str) -> str:
    return f"network with name {name} already exists"


def network_has_endpoints(name: str, network_id: str) -> str:
    return (
        f"error while removing network: network {name} id {network_id} has active endpoints"
    )


def predefined_network(name: str) -> str:
    return f"{name} is a pre-defined network and cannot be removed"


def already_connected(container_name: str, network_name: str) -> str:
    return (
        f"endpoint with name {container_name} already exists in network {network_name}"
    )


def not_connected(container_id: str, network_id: str) -> str:
    return f"container {container_id} is not connected to network {network_id}"


def volume_in_use(name: str, container_ids: Sequence[str]) -> str:
    return f"remove {name}: volume is in use - [{', '.join(container_ids)}]"


def invalid_filter(name: str) -> str:
    return f"invalid filter '{name}'"


def unreadable_filters(error: object) -> str:
    return f"invalid filter: {error}"


def ambiguous_prefix(text: str) -> str:
    return f"multiple IDs found with provided prefix: {text}"


TAG_WITH_DIGEST = "refusing to create a tag with a digest reference"


def version_too_new(requested: str, maximum: str) -> str:
    return (
        f"client version {requested} is too new. Maximum supported API version is {maximum}"
    )


def version_too_old(requested: str, minimum: str) -> str:
    return (
        f"client version {requested} is too old. Minimum supported API version is "
        f"{minimum}, please upgrade your client to a newer version"
    )


def invalid_signal(signal: str) -> str:
    return f"Invalid signal: {signal}"


def invalid_tail(tail: str) -> str:
    return f'invalid value for "tail": "{tail}"'


# --- what requests says when the daemon cannot be reached or answers too late ----------


def connection_refused(unix_socket: bool) -> tuple[str, OSError]:
    """The arguments of urllib3's ProtocolError for a daemon that is not there."""
    if unix_socket:
        return ("Connection aborted.", FileNotFoundError(2, "No such file or directory"))
    return ("Connection aborted.", ConnectionRefusedError(111, "Connection refused"))


def read_timed_out(pool: str, timeout: object) -> str:
    return f"{pool}: Read timed out. (read timeout={timeout})"


# --- the fake's own texts ---------------------------------------------------------------


def not_served(method: str, path: str, sdk_call: str | None) -> str:
    via = f" (sent by APIClient.{sdk_call})" if sdk_call else ""
    return (
        f"turbomock's fake Docker engine does not serve {method} {path}{via}. The calls it "
        "serves are listed in the README, section 'Faking the Docker SDK'."
    )


def wait_forever(what: str, container: str) -> str:
    return (
        f"{what} would block forever: container {container} is running and its program "
        "never exits. Declare how it ends with fake.program(image, exit_code=...), stop "
        "it first, or pass a timeout."
    )


def exec_undeclared(command: Sequence[str], container: str) -> str:
    return (
        f"the fake Docker engine does not know what {list(command)!r} prints in container "
        f"{container}: declare it with fake.program_exec({list(command)!r}, exit_code=..., "
        "stdout=...)"
    )


def recorder_configured(name: str) -> str:
    return (
        f"fake.api.{name} only records calls: a return_value or side_effect set on it would "
        f"change nothing. To make {name} fail, use fake.faults.fail({name!r}, exception) "
        "or fake.faults.daemon_error(...)."
    )


def times_not_positive(times: int) -> str:
    return f"times must be at least 1 (or None for every call), not {times}"


def registry_needs_tag(reference: str) -> str:
    return f"registry.add needs a tag, not a digest: {reference!r}"


def unknown_method(name: str) -> str:
    return f"docker.APIClient has no method {name!r}"


def image_not_local(reference: str) -> str:
    return (
        f"add_container: no local image {reference!r}. Add it first with "
        f"fake.add_image({reference!r}, ...) or pull it."
    )


def unknown_status(status: str, allowed: Sequence[str]) -> str:
    return f"status must be one of {', '.join(allowed)}, not {status!r}"


def unknown_health(health: str, allowed: Sequence[str]) -> str:
    return f"health must be one of {', '.join(allowed)} (or None), not {health!r}"


def already_active() -> str:
    return "this FakeDocker is already active; make a new one to nest fakes"


def not_active() -> str:
    return "this FakeDocker is not active"


def not_a_function(target: object) -> str:
    return f"FakeDocker() decorates functions and coroutine functions, not {target!r}"


def no_parameter_for_fake(qualname: str) -> str:
    return f"{qualname} must take the fake as its last positional parameter"
