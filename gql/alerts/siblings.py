"""Wake-ups between the worker processes of one host: a worker that wrote to the change log tells its siblings at
once over Unix datagram sockets, instead of leaving them to notice through the change stream (on the embedded
server an idle stream is polled, so a sibling heard of the change up to 50 ms late: issue 16). A wake-up only
makes a hub read the log now, or carries the entries the writer committed so the hub need not read them back; the
log stays the only source of events (a hub delivers handed entries only where they continue what it has read), so a
lost datagram costs latency, never an event. Workers on other hosts still hear through the change stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import socket
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("qsradar.alerts")

REFRESH_SECONDS = 1.0  # how often the list of siblings is read again (workers come and go rarely)
WAKE = b"w"  # a bare wake-up; any other datagram carries the writer's committed entries (gql/alerts/hub.py)


def wake_directory(*identity: str) -> Path:
    """The directory shared by the workers of one service on this host: one per data directory and database, short
    enough for a Unix socket path (108 bytes)."""
    digest = hashlib.sha256("\0".join(identity).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"qsradar-wake-{digest}"


class Siblings(asyncio.DatagramProtocol):
    """This process's wake-up socket in `directory`, and the datagram it sends to every other one there."""

    def __init__(self, directory: Path, on_wake: Callable[[], None],
                 on_handed: Callable[[bytes], None] | None = None) -> None:
        self.directory = directory
        self.on_wake = on_wake
        self.on_handed = on_handed  # the writer's committed entries, when they came with the wake-up
        self.path = directory / f"{os.getpid()}.sock"
        self._sock: socket.socket | None = None
        self._transport: asyncio.DatagramTransport | None = None
        self._peers: list[str] = []
        self._read_at = 0.0

    async def start(self) -> None:
        try:
            try:
                sock = self._bind()
            except FileNotFoundError:  # the last sibling removed the directory as this one made it: once more
                sock = self._bind()
        except OSError as exc:
            log.warning("no wake-ups between workers (%s); they hear of changes through the change stream", exc)
            return
        self._transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(lambda: self, sock=sock)
        self._sock = sock

    def _bind(self) -> socket.socket:
        self.directory.mkdir(mode=0o700, exist_ok=True)
        # A datagram may carry entries the hub delivers: only this user may send one. The name is predictable, so a
        # directory someone else made (or opened to others, or a link) is refused: no wake-ups then, nothing lost.
        info = os.lstat(self.directory)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
            raise PermissionError(f"{self.directory} is not a directory of this user's alone")
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()  # left by a process with this pid that died
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            sock.bind(str(self.path))
        except OSError:
            sock.close()
            raise
        sock.setblocking(False)
        return sock

    def datagram_received(self, data: bytes, addr: object) -> None:
        if data != WAKE and self.on_handed is not None:
            self.on_handed(data)
        else:
            self.on_wake()

    def notify(self, handed: bytes | None = None) -> None:
        """Wake every sibling, handing it `handed` when given (never blocks: a sibling whose socket is full is awake
        already)."""
        if self._sock is None:
            return
        data = handed or WAKE
        for peer in self._siblings():
            try:
                self._sock.sendto(data, peer)
            except (ConnectionRefusedError, FileNotFoundError):
                # A worker that died without cleaning up: nobody reads this socket any more.
                with contextlib.suppress(OSError):
                    os.unlink(peer)
                self._read_at = 0.0
            except (BlockingIOError, OSError):
                pass

    def _siblings(self) -> list[str]:
        now = time.monotonic()
        if now - self._read_at > REFRESH_SECONDS:
            mine = str(self.path)
            try:
                self._peers = [e.path for e in os.scandir(self.directory) if e.name.endswith(".sock")
                               and e.path != mine]
            except OSError:
                self._peers = []
            self._read_at = now
        return self._peers

    async def stop(self) -> None:
        if self._transport is None:
            return  # never bound (a refused directory is not this worker's to remove)
        self._transport.close()
        self._transport = None
        self._sock = None
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.directory.rmdir()  # the last worker of the service leaves no directory behind (only when empty)
