"""The documented uses of the mock classes and helpers, typed as user code writes them.

Checked by mypy (strict) and pyright in CI, and run by ``tests/test_typing_samples.py``.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import turbomock as mock
from turbomock import (
    ANY,
    DEFAULT,
    FILTER_DIR,
    AsyncMock,
    MagicMock,
    Mock,
    NonCallableMagicMock,
    NonCallableMock,
    PropertyMock,
    ThreadingMock,
    call,
    create_autospec,
    mock_open,
    seal,
    sentinel,
)


class Service:
    """A spec."""

    name = "service"

    def fetch(self, url: str, *, retries: int = 0) -> bytes:
        return url.encode()

    async def fetch_async(self, url: str) -> bytes:
        return url.encode()


def plain_function(a: int, b: int = 0) -> int:
    return a + b


def use_mock_configuration() -> None:
    m = Mock(return_value=3, name="m", **{"child.return_value": 4})
    assert m() == 3
    assert m.child() == 4
    m.configure_mock(side_effect=[1, 2])
    assert [m(), m()] == [1, 2]
    m.side_effect = KeyError("k")
    m.side_effect = None
    m.return_value = DEFAULT
    magic = MagicMock()
    magic.__len__.return_value = 2
    assert len(magic) == 2
    assert isinstance(NonCallableMock(), NonCallableMock)
    assert not callable(NonCallableMagicMock())
    assert FILTER_DIR is True


def use_spec_forms() -> None:
    specced = Mock(spec=Service)
    specced.fetch("u")
    strict = MagicMock(spec_set=["fetch"])
    strict.fetch()
    wrapped = Mock(wraps=plain_function)
    assert wrapped(1, 2) == 3
    assert mock.Mock(unsafe=True).assret_called()


def use_assertions() -> None:
    m = Mock()
    m(1, key="v")
    m.method(2)
    m.assert_called()
    m.assert_called_once()
    m.assert_called_with(1, key="v")
    m.assert_called_once_with(1, key=ANY)
    m.assert_any_call(1, key="v")
    m.method.assert_called_once_with(2)
    m.assert_has_calls([call(1, key="v"), call.method(2)])
    Mock().assert_not_called()
    assert m.called
    assert m.call_count == 1
    assert m.call_args == call(1, key="v")
    assert m.call_args.args == (1,)
    assert m.call_args.kwargs == {"key": "v"}
    assert m.call_args_list == [call(1, key="v")]
    assert m.method_calls == [call.method(2)]
    assert m.mock_calls == [call(1, key="v"), call.method(2)]
    m.reset_mock(return_value=True, side_effect=True)
    assert m.mock_calls == []


def use_call_and_sentinel() -> None:
    expected = call.a.b(1).c(2)
    assert expected.call_list() == [call.a.b(1), call.a.b(1).c(2)]
    assert sentinel.marker is sentinel.marker
    m = Mock(return_value=sentinel.result)
    assert m() is sentinel.result


def use_create_autospec() -> None:
    func = create_autospec(plain_function, return_value=5)
    assert func(1) == 5
    func.assert_called_once_with(1)
    instance = create_autospec(Service, instance=True)
    instance.fetch("u", retries=1)
    instance.fetch.assert_called_once_with("u", retries=1)
    klass = create_autospec(Service, spec_set=True)
    assert klass().fetch("x") is not None


def use_mock_open() -> None:
    opener = mock_open(read_data="one\ntwo\n")
    with mock.patch("builtins.open", opener), open("any.txt") as handle:
        assert handle.readline() == "one\n"
        assert handle.read() == "two\n"
    opener.assert_called_once_with("any.txt")


def use_seal() -> None:
    m = Mock()
    m.child.value = 1
    seal(m)
    try:
        m.other  # noqa: B018 - reading it is the point
    except AttributeError:
        pass
    else:
        raise AssertionError("a sealed mock grew an attribute")


def use_property_mock() -> None:
    class WithProperty:
        @property
        def value(self) -> int:
            return 0

    prop = PropertyMock(return_value=6)
    with mock.patch.object(WithProperty, "value", prop):
        assert WithProperty().value == 6
    prop.assert_called_once_with()


def use_async_mock() -> None:
    async def run() -> None:
        am = AsyncMock(return_value=2)
        assert await am(1) == 2
        am.assert_awaited()
        am.assert_awaited_once()
        am.assert_awaited_with(1)
        am.assert_awaited_once_with(1)
        am.assert_any_await(1)
        am.assert_has_awaits([call(1)])
        AsyncMock().assert_not_awaited()
        assert am.await_count == 1
        assert am.await_args == call(1)
        assert am.await_args_list == [call(1)]
        specced = AsyncMock(Service)
        await specced.fetch_async("u")

    asyncio.run(run())


def use_threading_mock() -> None:
    tm = ThreadingMock(timeout=5)
    worker = threading.Thread(target=tm, args=("job",))
    worker.start()
    tm.wait_until_called()
    tm.wait_until_any_call_with("job")
    tm.wait_until_call_count(1)
    worker.join()
    tm.wait_until_called(timeout=0.5)


def annotated(m: Mock, mm: MagicMock, am: AsyncMock) -> tuple[Any, ...]:
    return m(), mm.attribute, am.return_value


def use_mock_classes_as_annotations() -> None:
    called, attribute, returned = annotated(Mock(return_value=1), MagicMock(), AsyncMock())
    assert called == 1
    assert isinstance(attribute, MagicMock)
    assert isinstance(returned, AsyncMock)
