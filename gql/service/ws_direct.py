"""Live-alert frames written straight to uvicorn's WebSocket connection (issue 16).

Every alert frame through the ASGI send costs Starlette's state checks, a message dict and two coroutines
(Starlette's and uvicorn's) before uvicorn's own two lines: frame the text, write it to the transport. Fanned out to
thousands of sockets that was about a quarter of the delivery (py-spy, 1,000 subscribers). For an open, unpaused
connection of uvicorn's `websockets-sansio` protocol (what `uvicorn[standard]` picks) this module writes the same
frame to the transport, under the very conditions uvicorn's `send` checks first; for anything else the caller takes
the ASGI send.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.protocol import State

log = logging.getLogger("qsradar.alerts")


def text_frame(data: bytes) -> bytes:
    """An unmasked, unfragmented, uncompressed text frame (RFC 6455 5.2), as a server sends it."""
    n = len(data)
    if n < 126:
        return bytes((0x81, n)) + data
    if n < 65536:
        return bytes((0x81, 126)) + n.to_bytes(2, "big") + data
    return bytes((0x81, 127)) + n.to_bytes(8, "big") + data


def direct_text_writer(send: Any) -> Callable[[str], bool] | None:
    """A synchronous text-frame writer for the connection behind the ASGI `send` given to the app, or None when
    that send is not uvicorn's sans-I/O protocol's own (another server, protocol or a wrapping middleware) or the
    connection negotiated an extension (compression changes every frame)."""
    protocol = getattr(send, "__self__", None)
    if type(protocol) is not WebSocketsSansIOProtocol or getattr(send, "__func__", None) is not \
            WebSocketsSansIOProtocol.send:
        log.debug("alert frames take the ASGI send: %r", send)
        return None
    conn = protocol.conn
    if conn.extensions:
        return None
    writable = protocol.writable

    def write(text: str) -> bool:
        # uvicorn's send, for a `websocket.send` once accepted: wait while paused, refuse when disconnected, send
        # nothing after a close. Here any of those says False and the ASGI send handles it as it always has. The
        # frame is built here rather than by the websockets connection object (its checks and Frame object were
        # a fifth of what is left); the connection only ever writes whole frames, so nothing can interleave.
        if (not writable.is_set() or protocol.disconnected or not protocol.handshake_complete
                or protocol.close_sent or protocol.initial_response is not None or conn.state is not State.OPEN):
            return False
        protocol.transport.write(text_frame(text.encode()))
        return True

    return write
