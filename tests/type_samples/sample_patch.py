"""Every documented form of ``patch`` as user code writes it, typed.

Checked by mypy (strict) and pyright in CI (``.ci/run``), and run by
``tests/test_typing_samples.py``: each ``use_*`` function must also work.
"""

from __future__ import annotations

import os
import unittest
from typing import Any

import turbomock
from turbomock import DEFAULT, AsyncMock, MagicMock, Mock, NonCallableMagicMock, patch

TARGET = "tests.type_samples.sample_patch.Thing"


class Thing:
    """A target to patch."""

    size = 3

    def method(self, value: int) -> int:
        return value

    @staticmethod
    def helper() -> str:
        return "real"


def use_patch_as_context_manager() -> None:
    with patch(TARGET + ".size", 5) as size:
        value: int = size
        assert Thing.size == value == 5
    with patch(TARGET + ".method") as method:
        created: MagicMock | AsyncMock = method
        created.return_value = 7
        assert Thing().method(1) == 7
    assert Thing.size == 3


def use_patch_new_typed_as_given() -> None:
    replacement = Mock(return_value="nine")
    with patch(TARGET + ".helper", new=replacement) as helper:
        same: Mock = helper
        assert Thing.helper() == "nine"
        same.assert_called_once_with()


def use_patch_new_callable() -> None:
    with patch(TARGET + ".method", new_callable=NonCallableMagicMock) as method:
        made: NonCallableMagicMock = method
        assert not callable(made)


def use_patch_spec_and_autospec() -> None:
    with patch(TARGET + ".method", autospec=True) as method:
        method.return_value = 1
        assert Thing().method(2) == 1
    with patch(TARGET, spec=True) as klass:
        klass.return_value.method.return_value = 4
        assert Thing().method(0) == 4
    with patch(TARGET + ".size", create=True, spec_set=int):
        pass


@patch(TARGET + ".size", 11)
def decorated_with_new() -> int:
    return Thing.size


@patch(TARGET + ".method")
def decorated_with_created_mock(method: MagicMock) -> Any:
    method.return_value = "patched"
    return Thing().method(0)


@patch(TARGET + ".helper")
@patch(TARGET + ".method")
def decorated_stacked(method: MagicMock, helper: MagicMock) -> tuple[Any, Any]:
    return Thing().method(0), Thing.helper()


def use_patch_as_decorator() -> None:
    total: int = decorated_with_new()
    assert total == 11
    assert decorated_with_created_mock() == "patched"
    first, second = decorated_stacked()
    assert isinstance(first, MagicMock)
    assert isinstance(second, MagicMock)


@patch(TARGET + ".size", 12)
async def decorated_coroutine() -> int:
    return Thing.size


def use_patch_on_a_coroutine_function() -> None:
    import asyncio

    assert asyncio.run(decorated_coroutine()) == 12


@patch(TARGET + ".size", 13)
class DecoratedTests(unittest.TestCase):
    def test_size(self) -> None:
        assert Thing.size == 13


def use_patch_as_class_decorator() -> None:
    DecoratedTests("test_size").test_size()
    assert patch.TEST_PREFIX == "test"


def use_patch_start_and_stop() -> None:
    patcher = patch(TARGET + ".size", 21)
    started: int = patcher.start()
    assert Thing.size == started == 21
    patcher.stop()
    mock_patcher = patch(TARGET + ".method")
    method = mock_patcher.start()
    method.return_value = 2
    assert Thing().method(5) == 2
    patch.stopall()
    assert Thing().method(5) == 5


def use_patch_object() -> None:
    with patch.object(Thing, "size", 8) as size:
        eight: int = size
        assert Thing.size == eight
    with patch.object(Thing, "method") as method:
        method.return_value = 3
        assert Thing().method(9) == 3
    with patch.object(Thing, "method", new_callable=MagicMock, return_value=4) as method2:
        made: MagicMock = method2
        assert Thing().method(9) == made.return_value == 4


@patch.object(Thing, "helper")
def decorated_by_object(helper: MagicMock) -> Any:
    helper.return_value = "mocked"
    return Thing.helper()


def use_patch_object_as_decorator() -> None:
    assert decorated_by_object() == "mocked"


def use_patch_dict() -> None:
    with patch.dict(os.environ, {"TURBOMOCK_SAMPLE": "1"}):
        assert os.environ["TURBOMOCK_SAMPLE"] == "1"
    with patch.dict("os.environ", TURBOMOCK_SAMPLE="2", clear=False):
        assert os.environ["TURBOMOCK_SAMPLE"] == "2"
    assert "TURBOMOCK_SAMPLE" not in os.environ
    patcher = patch.dict(os.environ, {"TURBOMOCK_SAMPLE": "3"})
    patcher.start()
    assert os.environ["TURBOMOCK_SAMPLE"] == "3"
    patcher.stop()


@patch.dict(os.environ, {"TURBOMOCK_SAMPLE": "4"})
def decorated_by_dict() -> str:
    return os.environ["TURBOMOCK_SAMPLE"]


def use_patch_dict_as_decorator() -> None:
    assert decorated_by_dict() == "4"


def use_patch_multiple() -> None:
    with patch.multiple(TARGET, size=6, helper=DEFAULT) as created:
        mocks: dict[str, Any] = created
        assert Thing.size == 6
        assert mocks["helper"] is Thing.helper
    with patch.multiple(Thing, size=7):
        assert Thing.size == 7


@patch.multiple(TARGET, helper=DEFAULT, method=DEFAULT)
def decorated_by_multiple(helper: MagicMock, method: MagicMock) -> bool:
    return Thing.helper is helper and Thing.method is method


def use_patch_multiple_as_decorator() -> None:
    assert decorated_by_multiple()


def use_patch_through_the_module() -> None:
    with turbomock.patch(TARGET + ".size", 1) as size:
        one: int = size
        assert one == 1
