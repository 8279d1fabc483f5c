"""Outbox benchmark (store side): how fast actions are queued and drained locally.

Every enqueue is one fsync'd transaction (WAL, synchronous=FULL), so the floor is the disk's
fsync rate. Side by side in the same run and folder, a bare ``sqlite3`` insert with the same
settings shows that floor; ``*_vs_bare_sqlite`` is our cost over it. The drain figure is
``next_due`` + ``mark_delivered`` per item with no network (the HTTP drain is measured with
the delivery worker).

Prints one figure per line as ``name: value unit``.

    .venv/bin/python bench/outbox.py [--quick]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from console.store import OutboxState, open_store


def bare_sqlite_rate(folder: Path, count: int) -> float:
    """Inserts per second of a bare fsync'd WAL insert, one transaction each."""
    connection = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(
        "CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE, body TEXT)"
    )
    started = time.perf_counter()
    for n in range(count):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO items (key, body) VALUES (?, ?)",
            (str(uuid.uuid4()), f'{{"action": "accept", "n": {n}}}'),
        )
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (under a minute)")
    args = parser.parse_args()
    count = 300 if args.quick else 2_000
    rounds = 3

    enqueue_rates: list[float] = []
    bare_rates: list[float] = []
    drain_rates: list[float] = []
    latencies_ms: list[float] = []
    with_file_rates: list[float] = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="tianmu-bench-outbox-") as scratch:
            folder = Path(scratch)
            bare_rates.append(bare_sqlite_rate(folder, count))
            store = open_store(folder / "store")
            try:
                outbox = store.outbox
                started = time.perf_counter()
                for n in range(count):
                    one = time.perf_counter()
                    outbox.enqueue(
                        "incident.action",
                        "POST",
                        f"/incidents/inc-{n % 50}/actions",
                        {"action": "accept", "n": n},
                        summary=f"accept {n}",
                    )
                    latencies_ms.append((time.perf_counter() - one) * 1000)
                enqueue_rates.append(count / (time.perf_counter() - started))

                started = time.perf_counter()
                drained = 0
                while (item := outbox.next_due()) is not None:
                    outbox.mark_delivered(item.seq, 200, '{"ok": true}')
                    drained += 1
                drain_rates.append(drained / (time.perf_counter() - started))
                assert drained == count

                snapshot = bytes(range(256)) * 400  # a 100 KB snapshot
                files = max(count // 10, 20)
                started = time.perf_counter()
                for n in range(files):
                    outbox.enqueue(
                        "incident.verify",
                        "POST",
                        f"/incidents/inc-{n}/verifications",
                        {"verdict": "pass"},
                        files=[("media", "snap.jpg", "image/jpeg", snapshot)],
                        summary="verify",
                    )
                with_file_rates.append(files / (time.perf_counter() - started))
            finally:
                store.close()

    enqueue = statistics.median(enqueue_rates)
    bare = statistics.median(bare_rates)
    latencies_ms.sort()
    print(f"outbox_enqueue_rate: {enqueue:.0f} items/s")
    print(f"bare_sqlite_fsync_insert_rate: {bare:.0f} items/s")
    print(f"outbox_enqueue_vs_bare_sqlite: {bare / enqueue:.2f} x")
    print(f"outbox_enqueue_p50: {latencies_ms[len(latencies_ms) // 2]:.2f} ms")
    print(f"outbox_enqueue_p99: {latencies_ms[int(len(latencies_ms) * 0.99)]:.2f} ms")
    print(f"outbox_enqueue_with_100kb_file_rate: {statistics.median(with_file_rates):.0f} items/s")
    print(f"outbox_local_drain_rate: {statistics.median(drain_rates):.0f} items/s")
    print_http_drain(args.quick)


# ---------------------------------------------------------------- HTTP drain (delivery worker)
# The queue drained by ``console.client.OutboxDelivery`` against the real server on loopback
# (in a child process, so the two do not share one interpreter lock), while a
# ``LatenessProbe`` on a Qt event loop in this process measures how late the GUI thread's
# timer ticks get. Side by side: the same POSTs sent by a bare requests loop.

HTTP_USER = "operator-1"
_ROOT = Path(__file__).resolve().parents[1]


def _die_with_parent() -> None:
    import ctypes
    import signal

    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _serve_http(port: int, folder: Path) -> None:
    import uvicorn

    from console.server.app import create_app
    from console.server.demo.world import build_world
    from console.server.services.world import load_world
    from console.server.settings import ServerSettings

    app = create_app(
        ServerSettings(database_url=f"sqlite:///{folder / 'server.db'}", media_dir=folder / "media")
    )
    with app.state.tianmu.db.write() as session:
        load_world(session, build_world(camera_count=200), password_cost=2**10)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _incident_body(title: str) -> dict[str, object]:
    return {
        "title": title,
        "category": "road",
        "priority": 3,
        "source": "operator",
        "lat": 19.24,
        "lon": 110.47,
    }


def _bare_post_rate(url: str, token: str, count: int) -> float:
    """POST /incidents per second from a plain requests loop (same keys, same bodies)."""
    import requests

    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    for n in range(count):
        response = session.post(
            f"{url}/api/v1/incidents",
            json=_incident_body(f"bare-{n}"),
            headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
            timeout=(3.05, 10.0),
        )
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    session.close()
    return count / elapsed


def http_drain_figures(count: int) -> dict[str, float]:
    """Drain ``count`` queued actions over HTTP; see the section comment."""
    import os
    import socket
    import subprocess
    import threading

    import requests
    from PySide6.QtCore import QCoreApplication, QTimer

    from console.client import BackendClient, OutboxDelivery
    from console.diagnostics import LatenessProbe

    with tempfile.TemporaryDirectory(prefix="tianmu-bench-drain-") as scratch:
        folder = Path(scratch)
        with socket.socket() as probe_socket:
            probe_socket.bind(("127.0.0.1", 0))
            port = int(probe_socket.getsockname()[1])
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve-http", str(port), str(folder)],
            stdout=subprocess.DEVNULL,
            cwd=_ROOT,
            env={**os.environ, "PYTHONPATH": str(_ROOT)},
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - the server must not outlive us
        )
        store = None
        client = None
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                        break
                except requests.RequestException:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the benchmark server did not start")
                time.sleep(0.05)
            client = BackendClient(url)
            client.login(HTTP_USER, f"demo-{HTTP_USER}")
            bare = _bare_post_rate(url, client.token or "", count)

            store = open_store(folder / "store")
            for n in range(count):
                store.outbox.enqueue(
                    "incident.raise",
                    "POST",
                    "/incidents",
                    _incident_body(f"drain-{n}"),
                    summary=f"raise {n}",
                )
            app = QCoreApplication.instance() or QCoreApplication([])
            done = threading.Event()
            delivery = OutboxDelivery(
                client, store.outbox, on_pending=lambda left: done.set() if left == 0 else None
            )
            lateness = LatenessProbe()
            watcher = QTimer()
            watcher.setInterval(20)
            watcher.timeout.connect(lambda: app.quit() if done.is_set() else None)
            lateness.start()
            watcher.start()
            started = time.perf_counter()
            delivery.start()
            app.exec()
            elapsed = time.perf_counter() - started
            watcher.stop()
            snapshot = lateness.snapshot()
            lateness.stop()
            delivery.stop()
            delivered = store.outbox.counts().get(OutboxState.DELIVERED, 0)
            if delivered != count:
                raise RuntimeError(f"only {delivered} of {count} actions were delivered")
        finally:
            if store is not None:
                store.close()
            if client is not None:
                client.close()
            server.kill()
            server.wait(10)
    drain = count / elapsed
    return {
        "outbox_drain_per_s": drain,
        "bare_post_per_s": bare,
        "outbox_drain_vs_bare_post": bare / drain,
        "lateness_p99_ms": float(snapshot["p99_ms"]),
        "lateness_max_ms": float(snapshot["max_ms"]),
    }


def print_http_drain(quick: bool) -> None:
    figures = http_drain_figures(200 if quick else 1_000)
    print(f"outbox_drain_per_s: {figures['outbox_drain_per_s']:.0f} 1/s")
    print(f"bare_post_per_s: {figures['bare_post_per_s']:.0f} 1/s")
    print(f"outbox_drain_vs_bare_post: {figures['outbox_drain_vs_bare_post']:.2f} x")
    print(f"lateness_p99_ms: {figures['lateness_p99_ms']:.2f} ms")
    print(f"lateness_max_ms: {figures['lateness_max_ms']:.2f} ms")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-http":
        _serve_http(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
