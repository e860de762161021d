"""Worker processes that the supervisor hands their connections to, in turn (issue 16: even workers).

uvicorn's supervisor binds one socket that every worker accepts from; under keep-alive load one worker then took
almost every connection (70 % CPU against 1 %). A socket per worker with SO_REUSEPORT came next: the kernel picks
a socket by a hash of each connection's addresses, so 16 keep-alive connections split by chance, and one worker
still carried 68-69 % of the requests in some `make bench` scenarios (about one in five goes past 65 %).

Now the supervisor process accepts every connection on the one listening socket (a thread, `Balancer`) and hands
it over a Unix socket pair (SCM_RIGHTS) to the next worker that has said it is ready, round robin, as Node's
cluster module does; the worker serves it with uvicorn's own protocol (`HandedServer`). uvicorn's supervisor still
starts, health-checks, restarts and signals the workers. While no worker is ready, connections wait in the kernel's
backlog; a worker that stops (shutdown, crash) leaves the turn at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import selectors
import signal
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

from uvicorn import Config, Server
from uvicorn.supervisors import multiprocess

log = logging.getLogger("qsradar.workers")

ACCEPT_RETRY_SECONDS = 0.1
READY = b"r"  # worker -> supervisor: connections welcome
CONNECTION = b"c"  # supervisor -> worker: one connection's descriptor rides with this byte


class Balancer:
    """Accepts on the listening socket and hands each connection to the next ready worker (a supervisor thread)."""

    def __init__(self, listener: socket.socket, on_failure: Callable[[], None] | None = None) -> None:
        self.listener = listener
        # A balancer that stopped would leave the service up but deaf: the supervisor then exits (SIGTERM to itself,
        # uvicorn's orderly shutdown), for whatever runs it to start it again.
        self.on_failure = on_failure or (lambda: os.kill(os.getpid(), signal.SIGTERM))
        listener.setblocking(False)
        self.ready: list[socket.socket] = []  # workers' channels, in turn order
        self.turn = 0
        self.handed = 0
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._added: queue.SimpleQueue[socket.socket] = queue.SimpleQueue()  # from the supervisor's thread
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="connection-balancer", daemon=True)

    def start(self) -> None:
        self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._thread.start()

    def add(self, channel: socket.socket) -> None:
        """A new worker's end of its channel; it gets connections once it says it is ready."""
        self._added.put(channel)
        self._wake()

    def stop(self) -> None:
        self._stopping.set()
        self._wake()
        self._thread.join(timeout=5)
        self.listener.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # full: it is awake already
            self._wake_w.send(b"w")

    def _run(self) -> None:
        listening = False
        try:
            while not self._stopping.is_set():
                # Accept only while some worker can take the connection; otherwise it waits in the backlog.
                if self.ready and not listening:
                    self._selector.register(self.listener, selectors.EVENT_READ, "listen")
                    listening = True
                elif not self.ready and listening:
                    self._selector.unregister(self.listener)
                    listening = False
                for key, _ in self._selector.select():
                    if key.data == "wake":
                        self._register_added()
                    elif key.data == "listen":
                        self._accept_all()
                    else:
                        self._from_worker(key.fileobj)  # type: ignore[arg-type]
        except Exception:  # never silently: the service would stop taking connections
            log.exception("connection balancer failed; stopping the service")
            self.on_failure()
        finally:
            for channel in [k.fileobj for k in list(self._selector.get_map().values()) if k.data == "worker"]:
                channel.close()  # type: ignore[union-attr]
            self._selector.close()

    def _register_added(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while self._wake_r.recv(4096):
                pass
        while True:
            try:
                channel = self._added.get_nowait()
            except queue.Empty:
                return
            channel.setblocking(False)
            self._selector.register(channel, selectors.EVENT_READ, "worker")

    def _from_worker(self, channel: socket.socket) -> None:
        try:
            data = channel.recv(16)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data == READY:
            if channel not in self.ready:
                self.ready.append(channel)
        elif not data:
            self._drop(channel)  # the worker stopped taking connections, or died

    def _drop(self, channel: socket.socket) -> None:
        if channel in self.ready:
            self.ready.remove(channel)
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(channel)
        channel.close()

    def _accept_all(self) -> None:
        while self.ready:
            try:
                conn, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. out of descriptors: the connection stays queued; try again shortly
                log.warning("accept failed: %s", exc)
                time.sleep(ACCEPT_RETRY_SECONDS)  # this thread only: the listener would wake it again at once
                return
            with conn:  # the worker holds its own copy once handed; if none could take it, the client sees a close
                self._hand(conn)

    def _hand(self, conn: socket.socket) -> None:
        for _ in range(len(self.ready)):
            if not self.ready:  # the last one was dropped on the way
                break
            channel = self.ready[self.turn % len(self.ready)]
            self.turn += 1
            try:
                socket.send_fds(channel, [CONNECTION], [conn.fileno()])
            except BlockingIOError:
                continue  # its queue is full: the next one
            except OSError:
                self._drop(channel)
                continue
            self.handed += 1
            return


class HandedServer(Server):
    """uvicorn's server without a listening socket of its own: it serves the connections its supervisor hands it."""

    def __init__(self, config: Config, channel: socket.socket) -> None:
        super().__init__(config)
        self.channel = channel
        self._serving: set[asyncio.Task] = set()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # lifespan and state as uvicorn does; no listening socket
        loop = asyncio.get_running_loop()
        self.channel.setblocking(False)
        loop.add_reader(self.channel.fileno(), self._take, loop)
        self.channel.send(READY)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._stop_taking(asyncio.get_running_loop())  # the supervisor gives the turn to the others at once
        await super().shutdown(sockets)

    def _stop_taking(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.channel.fileno() >= 0:
            loop.remove_reader(self.channel.fileno())
            self.channel.close()

    def _take(self, loop: asyncio.AbstractEventLoop) -> None:
        while True:
            try:
                msg, fds, _, _ = socket.recv_fds(self.channel, 16, 16)
            except BlockingIOError:
                return
            except OSError:
                msg, fds = b"", []
            if not msg and not fds:
                self._stop_taking(loop)  # the supervisor is gone
                return
            for fd in fds:
                conn = socket.socket(fileno=fd)
                task = loop.create_task(self._serve_connection(loop, conn))
                self._serving.add(task)
                task.add_done_callback(self._serving.discard)

    async def _serve_connection(self, loop: asyncio.AbstractEventLoop, conn: socket.socket) -> None:
        try:
            await loop.connect_accepted_socket(self._protocol, conn, ssl=self.config.ssl)
        except OSError:  # closed by the client meanwhile
            conn.close()

    def _protocol(self) -> asyncio.Protocol:
        return self.config.http_protocol_class(  # type: ignore[call-arg]
            config=self.config, server_state=self.server_state, app_state=self.lifespan.state)


class HandedProcess(multiprocess.Process):
    """uvicorn's worker process, with a channel from the supervisor's balancer instead of a listening socket."""

    balancer: ClassVar[Balancer | None] = None  # the supervisor's (a class attribute: never pickled to a worker)

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        supervisor_end, self.channel = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        super().__init__(config, sockets)
        self._supervisor_end: socket.socket | None = supervisor_end

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_supervisor_end"] = None  # the worker must not hold the supervisor's end (it would never see EOF)
        return state

    def start(self) -> None:
        super().start()  # the worker inherits `channel` (spawn passes it by descriptor)
        self.channel.close()  # else the supervisor would never see the worker's end close
        if self.balancer is not None and self._supervisor_end is not None:
            self.balancer.add(self._supervisor_end)

    @property
    def server(self) -> Server:  # the worker's server, made in the worker
        if self._server is None:
            self._server = HandedServer(self.config, self.channel)
        return self._server


def run_workers(config: Config) -> None:
    """Run `config.workers` workers under uvicorn's supervisor; the supervisor accepts and hands connections out."""
    listener = config.bind_socket()
    listener.listen(config.backlog)
    balancer = Balancer(listener)
    balancer.start()
    HandedProcess.balancer = balancer
    # The supervisor makes (and remakes) its workers through this module-level name.
    multiprocess.Process = HandedProcess  # type: ignore[misc]  # uvicorn has no hook for the worker class
    try:
        multiprocess.Multiprocess(config, sockets=[]).run()
    finally:
        balancer.stop()
