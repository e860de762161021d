"""graphql-transport-ws `next` frames encoded once per shared result, and the outlet that sends them.

A subscription event is executed once per (event, audience) (gql/core/shared_results.py), so every subscriber
of that audience gets the very same `data` object. Its JSON is encoded once here and spliced into each
subscriber's frame with that subscriber's operation id. Live alerts go further: the alert hub hands each
frame to the socket's `Outlet` itself, without a task, a queue or strawberry's per-event pipeline per
subscriber (issue 16); strawberry still runs each operation's lifecycle (subscribe, replay, errors, complete).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections import deque
from collections.abc import Callable, Coroutine, Generator, Mapping
from typing import Any, Protocol

import orjson

log = logging.getLogger("qsradar.alerts")

# id(data) -> (data, its payload's JSON). The entry keeps `data` alive, so an id cannot be reused by another
# object while its entry exists; the bound keeps single-use results (a replay to one subscriber) from piling up.
_payloads: dict[int, tuple[object, str]] = {}
CACHE_LIMIT = 512


def payload_json(data: object) -> str:
    """The JSON of `{"data": data}`, encoded once per data object."""
    cached = _payloads.get(id(data))
    if cached is not None and cached[0] is data:
        return cached[1]
    encoded = orjson.dumps({"data": data}).decode()
    if len(_payloads) >= CACHE_LIMIT:
        _payloads.clear()  # events are delivered in order: older entries are done with
    _payloads[id(data)] = (data, encoded)
    return encoded


def frame_prefix(op_id: str) -> str:
    """The start of every `next` frame of one operation, up to its payload."""
    # Ids are usually short ASCII letters and digits: quoted as they are; anything else through the encoder.
    quoted = f'"{op_id}"' if op_id.isascii() and op_id.isalnum() else orjson.dumps(op_id).decode()
    return '{"id":' + quoted + ',"type":"next","payload":'


def next_frame(message: Mapping[str, object]) -> str | None:
    """The text frame of a `next` message whose payload is only `data` (shared per audience); None for any
    other message, which the caller encodes as usual."""
    payload = message.get("payload")
    if message.get("type") != "next" or type(payload) is not dict or len(payload) != 1:
        return None
    data = payload.get("data")
    op_id = message.get("id")
    if type(data) is not dict or type(op_id) is not str:
        return None
    return frame_prefix(op_id) + payload_json(data) + "}"


class Live(Protocol):
    """Whoever queued a frame; a frame still waiting when its subscription ended is not sent."""

    active: bool


class _Resume:
    """Awaiting this runs the rest of a coroutine that was started by hand and suspended on `waiting` (what a
    task does; Python 3.12's eager tasks do the same). The outlet steps each send by hand because almost
    every send completes without suspending: no task is made for those."""

    __slots__ = ("coro", "waiting")

    def __init__(self, coro: Coroutine[Any, Any, Any], waiting: Any) -> None:
        self.coro, self.waiting = coro, waiting

    def __await__(self) -> Generator[Any, None, Any]:
        waiting = self.waiting
        while True:
            try:
                yield waiting
            except BaseException as exc:  # cancellation of the awaiting task reaches the coroutine
                try:
                    waiting = self.coro.throw(exc)
                except StopIteration as stop:
                    return stop.value
            else:
                try:
                    waiting = self.coro.send(None)
                except StopIteration as stop:
                    return stop.value


class Outlet:
    """One socket's frames from the alert hub. A frame is written at once while the socket takes it (the ASGI
    send does not suspend); while the socket is paused (its buffer full) frames wait here in order, at most
    `maxsize`, and one task writes them as it drains. Full means the subscriber is too slow: `push` says so and
    the caller closes the socket (4008); memory never grows for a slow reader.

    `write_now`, when the server offers one (gql/service/ws_direct.py), writes a frame to an open, unpaused
    socket synchronously and says whether it did; anything else (paused, closing, gone) takes the ASGI send."""

    __slots__ = ("_pending", "_send", "_task", "_write_now", "closing", "maxsize")

    def __init__(self, send: Callable[[str], Coroutine[Any, Any, Any]], maxsize: int,
                 write_now: Callable[[str], bool] | None = None) -> None:
        self._send = send
        self._write_now = write_now
        self.maxsize = maxsize
        self._pending: deque[tuple[Live, str]] | None = None  # only while a send is suspended
        self._task: asyncio.Task | None = None
        self.closing = False  # set once the socket is being closed for slowness: nothing more is queued

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def push(self, owner: Live, frame: str) -> bool:
        """Send `frame` now or queue it behind a suspended send; False when the queue is full."""
        if self.closing:
            return True  # the socket is going; its reader ends every subscription on it
        pending = self._pending
        if pending is not None:
            if len(pending) >= self.maxsize:
                self.closing = True
                return False
            pending.append((owner, frame))
            return True
        write_now = self._write_now
        if write_now is not None and write_now(frame):
            return True
        coro = self._send(frame)
        try:
            waiting = coro.send(None)
        except StopIteration:
            return True
        except Exception:  # the socket is gone: its reader ends the subscriptions on it
            return True
        self._pending = deque()
        self._task = task = asyncio.ensure_future(self._drain(coro, waiting))
        task.add_done_callback(self._drain_done)  # also when cancelled before it ever ran
        return True

    def _drain_done(self, task: asyncio.Task) -> None:
        if self._task is task:
            self._pending = None
            self._task = None

    async def _drain(self, coro: Coroutine[Any, Any, Any], waiting: Any) -> None:
        try:
            await _Resume(coro, waiting)
            while self._pending:
                owner, frame = self._pending.popleft()
                if owner.active:
                    await self._send(frame)
        except Exception as exc:  # disconnected while paused: what waited is not owed to anyone
            log.debug("outlet stopped: %r", exc)
        finally:
            self._pending = None
            self._task = None


class Socket(Protocol):
    """The WebSocket a subscription was started on, as its resolver sees it (gql/service/view.py implements it)."""

    outlet: Outlet

    def adopt(self, op_id: str, end: Callable[[], None]) -> bool:
        """Take over a live subscription's lifetime: its operation stays registered (the id stays taken, `complete`
        works) and `end` is called when it completes or the socket closes, while its task and strawberry's
        per-operation pipeline go. False when the operation is no longer registered."""

    def close_slow(self, code: int, reason: str) -> None:
        """Close the socket for a subscriber that fell too far behind (once, whoever asks)."""


# The socket and operation id of the subscription being started, set by the WebSocket handler around strawberry's
# handle_subscribe: the operation's task copies it, so the subscription's resolver can find where its frames go.
current_socket: contextvars.ContextVar[tuple[Socket, str] | None] = contextvars.ContextVar("current_socket",
                                                                                           default=None)
