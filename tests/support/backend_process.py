"""The reference server in a child process, for outage tests: kill it hard, start it again.

``seed_demo_database(folder)`` builds the demo world (a small camera catalogue by default)
into ``folder/server.db``. ``BackendProcess(folder)`` serves that file with uvicorn in a
child process on a fixed loopback port: ``kill()`` sends SIGKILL (an outage, or a crash),
``start()`` brings it back on the same port with the same database. The child dies with the
test process (``PR_SET_PDEATHSIG``), so an aborted run leaves nothing behind.

Run as a module, it is that child: ``python -m tests.support.backend_process FOLDER PORT``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
PASSWORD_COST = 2**10


def demo_password(username: str) -> str:
    return f"demo-{username}"


def seed_demo_database(folder: Path, *, camera_count: int = 200) -> None:
    """Create ``folder/server.db`` holding the demo world (deterministic, seed 7)."""
    from console.server.app import create_app
    from console.server.demo.world import build_world
    from console.server.services.world import load_world

    folder.mkdir(parents=True, exist_ok=True)
    app = create_app(_settings(folder))
    try:
        with app.state.tianmu.db.write() as session:
            load_world(session, build_world(camera_count=camera_count), password_cost=PASSWORD_COST)
    finally:
        app.state.tianmu.db.dispose()


def _settings(folder: Path):  # type: ignore[no-untyped-def]
    from console.server.settings import ServerSettings

    return ServerSettings(
        database_url=f"sqlite:///{folder / 'server.db'}",
        media_dir=folder / "media",
        demo=True,
        heartbeat_s=1.0,
        event_poll_s=0.5,
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def die_with_parent() -> None:
    """For ``preexec_fn``: the child gets SIGKILL when the process that started it ends."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class BackendProcess:
    """A server child process on ``port`` over ``folder/server.db``; see the module docstring."""

    #: what the child runs (``python -m MODULE FOLDER PORT``); a subclass may serve otherwise
    child_module = "tests.support.backend_process"

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout_s: float = 30.0) -> BackendProcess:
        if self.running:
            return self
        log = (self.folder / "server.log").open("ab")
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                self.child_module,
                str(self.folder),
                str(self.port),
            ],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,  # noqa: PLW1509 - the child must not outlive the test
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"the server exited with {self._process.returncode}")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1.0).ok:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise TimeoutError("the server did not start in time")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no goodbye to clients, connections just die."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGKILL)
        self._process.wait(10)
        self._process = None

    def __enter__(self) -> BackendProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()


def _serve(folder: Path, port: int) -> None:
    import uvicorn

    from console.server.app import create_app

    app = create_app(_settings(folder))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    _serve(Path(sys.argv[1]), int(sys.argv[2]))
