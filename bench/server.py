"""Benchmark of the reference server; prints one ``name: value unit`` line per figure.

* demo_start_s: build the demo world and bulk-load it into a fresh SQLite database.
* incident_create_per_s: POST /incidents over loopback HTTP from several client threads.
* sse_events_per_s: events delivered per second in total to 10 concurrent /events clients
  while unit position reports are written as fast as the server takes them.
* sse_latency_p50_ms / sse_latency_p99_ms: from the start of the write request to the
  event's arrival at a client (write, commit, wake-up, stream).

The server runs in a child process (this script with ``--serve``) so that clients and
server do not share one interpreter lock. ``--quick`` keeps the whole run under a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TIMEOUT = 30.0


def _serve(port: int, folder: Path) -> None:
    import uvicorn

    from console.server.app import create_app
    from console.server.demo.world import build_world
    from console.server.services.world import load_world
    from console.server.settings import ServerSettings

    app = create_app(
        ServerSettings(database_url=f"sqlite:///{folder / 'bench.db'}", media_dir=folder / "media")
    )
    with app.state.tianmu.db.write() as session:
        load_world(session, build_world(7))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _demo_start_s(folder: Path) -> float:
    from console.server.app import build_state
    from console.server.demo.world import build_world
    from console.server.services.world import load_world
    from console.server.settings import ServerSettings

    started = time.perf_counter()
    world = build_world(7)
    state = build_state(
        ServerSettings(database_url=f"sqlite:///{folder / 'start.db'}", media_dir=folder / "m")
    )
    with state.db.write() as session:
        load_world(session, world)
    elapsed = time.perf_counter() - started
    state.db.dispose()
    return elapsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _login(base: str, username: str) -> str:
    response = requests.post(
        f"{base}/auth/login",
        json={"username": username, "password": f"demo-{username}"},
        timeout=TIMEOUT,
    )
    response.raise_for_status()
    return str(response.json()["token"])


def _incident_rate(base: str, token: str, seconds: float, threads: int = 4) -> float:
    body = {
        "title": "bench",
        "category": "garbage",
        "priority": 3,
        "source": "operator",
        "lat": 19.24,
        "lon": 110.47,
    }
    counts = [0] * threads
    stop_at = time.perf_counter() + seconds

    def work(index: int) -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            while time.perf_counter() < stop_at:
                http.post(f"{base}/incidents", json=body, timeout=TIMEOUT).raise_for_status()
                counts[index] += 1

    started = time.perf_counter()
    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.perf_counter() - started)


def _sse(
    base: str, token: str, writer_token: str, seconds: float, clients: int = 10
) -> tuple[float, list[float]]:
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    received = [0] * clients
    lock = threading.Lock()
    ready = threading.Barrier(clients + 1)
    done = threading.Event()

    def listen(index: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with requests.get(
            f"{base}/events", headers=headers, stream=True, timeout=TIMEOUT
        ) as response:
            ready.wait()
            for line in response.iter_lines(chunk_size=8192, decode_unicode=True):
                if done.is_set():
                    return
                if line.startswith("data: "):
                    now = time.perf_counter()
                    key = str(json.loads(line[6:]).get("lat"))
                    received[index] += 1
                    with lock:
                        start = sent_at.get(key)
                        if start is not None:
                            latencies.append((now - start) * 1000.0)

    listeners = [threading.Thread(target=listen, args=(i,), daemon=True) for i in range(clients)]
    for listener in listeners:
        listener.start()
    ready.wait()
    time.sleep(0.5)
    stop_at = time.perf_counter() + seconds
    sequence = iter(range(1, 10**9))

    def write() -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {writer_token}"
            while time.perf_counter() < stop_at:
                lat = round(19.0 + next(sequence) * 1e-6, 6)
                with lock:
                    sent_at[str(lat)] = time.perf_counter()
                http.post(
                    f"{base}/units/unit-police/status",
                    json={"status": "en_route", "lat": lat, "lon": 110.5},
                    timeout=TIMEOUT,
                ).raise_for_status()

    started = time.perf_counter()
    writers = [threading.Thread(target=write) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    time.sleep(1.0)  # let the last events drain to every client
    elapsed = time.perf_counter() - started
    done.set()
    return sum(received) / elapsed, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a run of well under a minute")
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve(int(args.serve[0]), Path(args.serve[1]))
        return 0
    seconds = 3.0 if args.quick else 15.0
    with tempfile.TemporaryDirectory(prefix="tianmu-bench-") as scratch:
        folder = Path(scratch)
        print(f"demo_start_s: {_demo_start_s(folder):.2f} s", flush=True)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(port), str(folder)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            base = f"http://127.0.0.1:{port}/api/v1"
            deadline = time.monotonic() + 60
            while True:
                try:
                    requests.get(f"{base}/health", timeout=1).raise_for_status()
                    break
                except requests.RequestException:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            operator = _login(base, "operator-1")
            supervisor = _login(base, "supervisor-1")
            print(
                f"incident_create_per_s: {_incident_rate(base, operator, seconds):.0f} /s",
                flush=True,
            )
            rate, latencies = _sse(base, operator, supervisor, seconds + 2)
            print(f"sse_events_per_s: {rate:.0f} /s", flush=True)
            if latencies:
                ordered = sorted(latencies)
                p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
                print(f"sse_latency_p50_ms: {statistics.median(ordered):.1f} ms")
                print(f"sse_latency_p99_ms: {p99:.1f} ms")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
