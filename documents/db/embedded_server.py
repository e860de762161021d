"""The embedded MongoDB-wire server (nx-27017 on SQLite) used when MONGODB_URI is unset.

One server per data directory: whoever starts it first (under a file lock) owns it,
supervises it (restarts it on the same port if it dies) and stops it on shutdown;
every other process of the service only attaches to it.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from pymongo import MongoClient

log = logging.getLogger("qsradar.embedded_db")

NX_MODULE = "nx_27017.nx_27017"  # the pinned nx-27017 package's entry point
START_TIMEOUT_SECONDS = 30.0
RESTART_DELAY_SECONDS = 2.0
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to stop the server if the process that spawned it dies without cleaning up."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    """A TCP port free on the loopback now (the one helper for the service, the tests and the bench)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def uri_for_port(port: int) -> str:
    """The connection string of an embedded server on a loopback port."""
    return f"mongodb://127.0.0.1:{port}/?directConnection=true"


def _answers(port: int, timeout: float = 1.0) -> bool:
    client: MongoClient = MongoClient(
        uri_for_port(port), serverSelectionTimeoutMS=int(timeout * 1000), connectTimeoutMS=int(timeout * 1000)
    )
    try:
        client.admin.command("ping")
        return True
    except Exception:
        return False
    finally:
        client.close()


class EmbeddedServer:
    """Starts (or attaches to) the one nx-27017 server of a data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self.port: int | None = None
        self.owner = False
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None

    @property
    def uri(self) -> str:
        assert self.port is not None, "server not started"
        return uri_for_port(self.port)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def _state_file(self) -> Path:
        return self.data_dir / "embedded-db.json"

    def start(self) -> str:
        """Start the server, or attach to the running one; returns its URI."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / "embedded-db.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = self._read_state()
            if state and _pid_alive(state["pid"]):
                if _answers(state["port"]):
                    self.port = state["port"]
                    log.info("attached to the embedded database on port %s (pid %s)", self.port, state["pid"])
                    return self.uri
                # A server of a previous run that is still shutting down: two must never share the files.
                self._wait_for_exit(state["pid"])
            self.port = free_port()
            self._spawn_with_retries()
            self.owner = True
            self._state_file.write_text(json.dumps({"pid": self._process.pid, "port": self.port}))  # type: ignore[union-attr]
        self._supervisor = threading.Thread(target=self._supervise, name="embedded-db-supervisor", daemon=True)
        self._supervisor.start()
        return self.uri

    def stop(self) -> None:
        """Stop the server if this process owns it; a no-op for processes that only attached."""
        if not self.owner:
            return
        self._stopping.set()
        proc = self._process
        if proc and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        state = self._read_state()
        if state and proc and state.get("pid") == proc.pid:  # not a newer owner's file
            with contextlib.suppress(FileNotFoundError):
                self._state_file.unlink()
        log.info("embedded database stopped")

    @staticmethod
    def _wait_for_exit(pid: int, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _pid_alive(pid):
            log.warning("stale embedded database (pid %s) does not exit; stopping it", pid)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)

    def _spawn_with_retries(self, attempts: int = 3) -> None:
        for attempt in range(1, attempts + 1):
            try:
                self._spawn()
                return
            except RuntimeError as exc:
                if attempt == attempts:
                    raise
                log.warning("embedded database did not start (%s); retrying", exc)
                time.sleep(1.0 * attempt)
                self.port = free_port()

    def _read_state(self) -> dict[str, int] | None:
        try:
            return json.loads(self._state_file.read_text())
        except (FileNotFoundError, ValueError):
            return None

    def _spawn(self) -> None:
        db_dir = self.data_dir / "db"
        db_dir.mkdir(exist_ok=True)
        cmd = [
            sys.executable, "-m", NX_MODULE,
            "--data-dir", str(db_dir),
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--log-file", str(self.data_dir / "embedded-db.log"),
            "--pid-file", str(self.data_dir / "embedded-db.pid"),
        ]
        # Its own messages go to --log-file; anything it prints before that (a crash at start) goes there too.
        with open(self.data_dir / "embedded-db.log", "ab") as console:
            # Its own session: a Ctrl-C or a signal to the service's process group must not stop the
            # database before the service has drained its requests; the service stops it last.
            self._process = subprocess.Popen(
                cmd, stdout=console, stderr=console, preexec_fn=_die_with_parent, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"embedded database exited at start (code {self._process.returncode})")
            if _answers(self.port):  # type: ignore[arg-type]
                log.info("embedded database listening on 127.0.0.1:%s, data in %s", self.port, db_dir)
                return
            time.sleep(0.1)
        self._process.kill()
        raise RuntimeError(f"embedded database did not answer within {START_TIMEOUT_SECONDS:.0f} s")

    def _supervise(self) -> None:
        # Runs in a thread for the life of the owning process: PDEATHSIG is tied to the spawning thread.
        while not self._stopping.wait(0.5):
            proc = self._process
            if proc is None or proc.poll() is None or self._stopping.is_set():
                continue  # running, or stopped on purpose a moment ago
            log.error("embedded database exited with code %s; restarting on port %s", proc.returncode, self.port)
            while not self._stopping.wait(RESTART_DELAY_SECONDS):
                try:
                    self._spawn()
                    self._state_file.write_text(json.dumps({"pid": self._process.pid, "port": self.port}))  # type: ignore[union-attr]
                    log.warning("embedded database is back on port %s", self.port)
                    break
                except Exception as exc:  # keep trying: the service must recover on its own
                    log.error("embedded database restart failed: %s", exc)
