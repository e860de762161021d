"""Worker processes that each listen on their own SO_REUSEPORT socket.

uvicorn's supervisor binds one socket and hands it to every worker; under keep-alive load one worker then took
almost every connection (70 % CPU against 1 %, measured by `make bench`). With a socket per worker and
SO_REUSEPORT, Linux spreads new connections across the workers' sockets. uvicorn's supervisor still starts,
health-checks, restarts and signals the workers; only the socket each one listens on changes.
"""

from __future__ import annotations

import socket

from uvicorn import Config
from uvicorn.supervisors import multiprocess


def reuse_port_socket(config: Config) -> socket.socket:
    """A listening TCP socket on the configured address that other workers may bind too."""
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((config.host, config.port))
    sock.listen(config.backlog)
    sock.set_inheritable(True)
    return sock


class ReusePortProcess(multiprocess.Process):
    """uvicorn's worker process, listening on a socket of its own (bound in the worker, after the spawn)."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # pragma: no cover - runs in the worker
        super().target([reuse_port_socket(self.config)])


def run_workers(config: Config) -> None:
    """Run `config.workers` workers under uvicorn's supervisor, each on its own SO_REUSEPORT socket."""
    # The supervisor makes (and remakes) its workers through this module-level name.
    multiprocess.Process = ReusePortProcess  # type: ignore[misc]  # uvicorn has no hook for the worker class
    multiprocess.Multiprocess(config, sockets=[]).run()
