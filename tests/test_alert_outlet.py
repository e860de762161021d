"""A socket's outlet for live alerts (gql/core/ws_frames.py Outlet): written at once while the socket takes frames,
queued in order while it is paused, bounded, and nothing sent for a subscription that ended. Pure asyncio: the
socket is a send function that pauses on a gate, as uvicorn's does while its write buffer is full."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from gql.core.ws_frames import Outlet


@dataclass
class Owner:
    active: bool = True


class Socket:
    """A send that completes without suspending while open, and waits for the gate while paused."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.gone = False

    async def send_text(self, frame: str) -> None:
        await self.gate.wait()
        if self.gone:
            raise RuntimeError("disconnected")
        self.sent.append(frame)


async def test_frames_go_out_at_once_without_a_task_while_the_socket_takes_them() -> None:
    sock, owner = Socket(), Owner()
    outlet = Outlet(sock.send_text, maxsize=2)
    tasks = len(asyncio.all_tasks())
    assert all(outlet.push(owner, f"f{i}") for i in range(10))
    assert sock.sent == [f"f{i}" for i in range(10)]  # written before push returned
    assert not outlet.busy and len(asyncio.all_tasks()) == tasks


async def test_a_paused_socket_gets_its_frames_in_order_once_it_drains() -> None:
    sock, owner = Socket(), Owner()
    outlet = Outlet(sock.send_text, maxsize=3)
    sock.gate.clear()
    assert outlet.push(owner, "a") and outlet.busy
    assert outlet.push(owner, "b") and outlet.push(owner, "c")
    assert sock.sent == []
    sock.gate.set()
    for _ in range(5):
        await asyncio.sleep(0)
    assert sock.sent == ["a", "b", "c"] and not outlet.busy
    assert outlet.push(owner, "d") and sock.sent[-1] == "d"  # straight through again


async def test_it_is_bounded_and_then_drops_everything_for_the_closing_socket() -> None:
    sock, owner = Socket(), Owner()
    outlet = Outlet(sock.send_text, maxsize=2)
    sock.gate.clear()
    assert outlet.push(owner, "in flight") and outlet.push(owner, "1") and outlet.push(owner, "2")
    assert outlet.push(owner, "3") is False  # full: the caller closes the socket with 4008
    assert outlet.closing and outlet.push(Owner(), "later") is True  # dropped quietly, nobody else closes it
    sock.gate.set()
    for _ in range(5):
        await asyncio.sleep(0)
    assert sock.sent == ["in flight", "1", "2"]  # a gap-free prefix


async def test_frames_of_an_ended_subscription_are_not_sent() -> None:
    sock, ended, live = Socket(), Owner(), Owner()
    outlet = Outlet(sock.send_text, maxsize=8)
    sock.gate.clear()
    outlet.push(live, "live 1")
    outlet.push(ended, "ended 1")
    outlet.push(live, "live 2")
    ended.active = False  # e.g. its token expired and its error message is about to go out
    sock.gate.set()
    for _ in range(5):
        await asyncio.sleep(0)
    assert sock.sent == ["live 1", "live 2"]


async def test_a_socket_lost_while_paused_ends_the_drain_quietly() -> None:
    sock, owner = Socket(), Owner()
    outlet = Outlet(sock.send_text, maxsize=8)
    sock.gate.clear()
    outlet.push(owner, "a")
    outlet.push(owner, "b")
    sock.gone = True
    sock.gate.set()  # uvicorn wakes paused senders when the connection is lost; they then raise
    for _ in range(5):
        await asyncio.sleep(0)
    assert sock.sent == [] and not outlet.busy
    sock.gone = False
    assert outlet.push(owner, "c") and sock.sent == ["c"]


async def test_cancelling_the_drain_reaches_the_suspended_send() -> None:
    sock, owner = Socket(), Owner()
    outlet = Outlet(sock.send_text, maxsize=8)
    sock.gate.clear()
    outlet.push(owner, "a")
    drain = next(t for t in asyncio.all_tasks() if t is not asyncio.current_task())
    drain.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    assert drain.cancelled() and not outlet.busy and sock.sent == []


class Direct:
    """A server's synchronous writer (gql/service/ws_direct.py): takes a frame while `open`, refuses otherwise."""

    def __init__(self) -> None:
        self.open = True
        self.written: list[str] = []

    def __call__(self, frame: str) -> bool:
        if self.open:
            self.written.append(frame)
        return self.open


async def test_a_direct_writer_takes_every_frame_while_it_can_and_the_send_the_rest_in_order() -> None:
    sock, owner, direct = Socket(), Owner(), Direct()
    outlet = Outlet(sock.send_text, maxsize=8, write_now=direct)
    assert outlet.push(owner, "a") and outlet.push(owner, "b")
    assert direct.written == ["a", "b"] and sock.sent == []  # no coroutine made for these
    direct.open = False  # paused (or closing): the ASGI send decides
    sock.gate.clear()
    assert outlet.push(owner, "c") and outlet.busy
    direct.open = True
    assert outlet.push(owner, "d")  # behind the suspended send, never ahead of it
    assert direct.written == ["a", "b"]
    sock.gate.set()
    for _ in range(5):
        await asyncio.sleep(0)
    assert sock.sent == ["c", "d"] and not outlet.busy
    assert outlet.push(owner, "e") and direct.written == ["a", "b", "e"]
