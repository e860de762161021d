"""The supervisor's connection balancer (gql/service/workers.py): each new connection goes to the next worker that
said it is ready, in turn; a worker that stops leaves the turn and loses nobody's connection; while none is ready,
connections wait. Real sockets in one process: the workers are the far ends of their channels."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from gql.service.workers import READY, Balancer


@pytest.fixture
def balancer() -> Iterator[Balancer]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    b = Balancer(listener)
    b.start()
    yield b
    b.stop()


def worker(b: Balancer, ready: bool = True) -> socket.socket:
    supervisor_end, end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    b.add(supervisor_end)
    if ready:
        end.send(READY)
    end.settimeout(5)
    return end


def connect(b: Balancer, tag: bytes) -> socket.socket:
    client = socket.create_connection(b.listener.getsockname(), timeout=5)
    client.sendall(tag)
    return client


def taken(end: socket.socket, wait: float = 0.3) -> list[bytes]:
    """What the clients handed to this worker said first, in order."""
    got = []
    end.settimeout(wait)
    try:
        while True:
            _, fds, _, _ = socket.recv_fds(end, 16, 4)
            for fd in fds:
                with socket.socket(fileno=fd) as conn:
                    conn.settimeout(5)
                    got.append(conn.recv(16))
    except TimeoutError:
        return got


def until(check, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within 5 s"
        time.sleep(0.01)


def test_new_connections_go_to_the_ready_workers_in_turn(balancer: Balancer) -> None:
    a, b, waiting = worker(balancer), worker(balancer), worker(balancer, ready=False)
    until(lambda: len(balancer.ready) == 2)
    clients = [connect(balancer, f"{i:02d}".encode()) for i in range(10)]
    got_a, got_b = taken(a), taken(b)
    assert sorted(got_a + got_b) == [f"{i:02d}".encode() for i in range(10)]
    assert len(got_a) == len(got_b) == 5  # in turn: never two in a row to one worker
    assert {int(t) % 2 for t in got_a} != {int(t) % 2 for t in got_b} and len({int(t) % 2 for t in got_a}) == 1
    assert taken(waiting) == []  # never said it was ready
    for c in clients:
        c.close()


def test_a_worker_that_stops_leaves_the_turn_and_loses_no_connection(balancer: Balancer) -> None:
    a, b = worker(balancer), worker(balancer)
    until(lambda: len(balancer.ready) == 2)
    b.close()  # shut down or died
    until(lambda: len(balancer.ready) == 1)
    clients = [connect(balancer, f"{i:02d}".encode()) for i in range(6)]
    assert taken(a) == [f"{i:02d}".encode() for i in range(6)]
    for c in clients:
        c.close()


def test_connections_wait_while_no_worker_is_ready(balancer: Balancer) -> None:
    late = worker(balancer, ready=False)
    client = connect(balancer, b"early")
    time.sleep(0.3)
    assert balancer.handed == 0
    late.send(READY)
    assert taken(late, wait=2) == [b"early"]
    client.close()


def test_a_connection_made_while_the_only_worker_restarts_goes_to_its_replacement(balancer: Balancer) -> None:
    old = worker(balancer)
    until(lambda: len(balancer.ready) == 1)
    old.close()  # died; uvicorn's supervisor starts another
    until(lambda: not balancer.ready)
    client = connect(balancer, b"meanwhile")
    new = worker(balancer)
    assert taken(new, wait=2) == [b"meanwhile"]
    client.close()


def test_a_balancer_that_fails_stops_the_service_instead_of_going_deaf() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stopped: list[bool] = []
    b = Balancer(listener, on_failure=lambda: stopped.append(True))

    def broken() -> None:
        raise RuntimeError("a bug in the hand-over")

    b._accept_all = broken  # type: ignore[method-assign]
    b.start()
    end = worker(b)  # kept open: a closed channel would leave the turn (and the connection waiting)
    until(lambda: len(b.ready) == 1)
    client = connect(b, b"x")
    until(lambda: stopped == [True])
    b.stop()
    client.close()
    end.close()
