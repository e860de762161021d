"""Live-alert frames written straight to uvicorn's connection (gql/service/ws_direct.py): byte for byte the frames
websockets would write, against a real uvicorn server and a real client; refused (so the ASGI send is taken) for
anything it cannot write the same way: a closed socket, compression, a send that is not uvicorn's own."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
import uvicorn
import websockets
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.frames import Frame, Opcode

from gql.service.ws_direct import direct_text_writer, text_frame

# One of each length form (7-bit, 16-bit, 64-bit), with multi-byte characters.
FRAMES = ["预警 RED", "召回" * 200 + "x", "缺陷" * 12_000]


@pytest.mark.parametrize("size", [0, 1, 125, 126, 127, 65_535, 65_536, 70_000])
def test_a_frame_is_what_websockets_would_write(size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    assert text_frame(data) == Frame(Opcode.TEXT, data).serialize(mask=False, extensions=[])


def test_uvicorns_default_websocket_protocol_is_the_one_written_to() -> None:
    config = uvicorn.Config(lambda *_: None, ws="auto")  # what the service runs with (gql/__main__.py)
    config.load()
    assert config.ws_protocol_class is WebSocketsSansIOProtocol


async def test_a_send_that_is_not_uvicorns_own_gets_no_writer() -> None:
    async def wrapped(message: dict) -> None:
        pass

    assert direct_text_writer(wrapped) is None
    assert direct_text_writer(None) is None


class Probe:
    """An ASGI app that accepts, takes the direct writer, writes FRAMES with it when asked, and tries once more
    after the client has gone."""

    def __init__(self) -> None:
        self.writer: Callable[[str], bool] | None = None
        self.written: list[bool] = []
        self.after_close: bool | None = None
        self.done = asyncio.Event()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        assert scope["type"] == "websocket"
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        self.writer = direct_text_writer(send)
        try:
            message = await receive()
            if self.writer is not None and message.get("text") == "go":
                self.written = [self.writer(f) for f in FRAMES]
            while (await receive())["type"] != "websocket.disconnect":
                pass
            if self.writer is not None:
                self.after_close = self.writer("late")
        finally:
            self.done.set()


@asynccontextmanager
async def serving(app: Probe, **options: Any) -> AsyncIterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning", ws="auto", **options))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        yield f"ws://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        server.should_exit = True
        await task
        sock.close()


async def test_frames_written_directly_arrive_whole_and_in_order() -> None:
    app = Probe()
    async with serving(app, ws_per_message_deflate=False) as url:
        async with websockets.connect(url, max_size=None) as client:
            await client.send("go")
            received = [await asyncio.wait_for(client.recv(), 5) for _ in FRAMES]
        await asyncio.wait_for(app.done.wait(), 5)
    assert app.writer is not None and app.written == [True, True, True]
    assert received == FRAMES
    assert app.after_close is False  # closed: the caller takes the ASGI send, which knows what to do


async def test_a_compressed_connection_is_left_to_the_asgi_send() -> None:
    app = Probe()
    async with serving(app, ws_per_message_deflate=True) as url:
        async with websockets.connect(url, compression="deflate") as client:
            await client.send("go")
        await asyncio.wait_for(app.done.wait(), 5)
    assert app.writer is None
