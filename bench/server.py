"""Benchmark of the reference server; prints one ``name: value unit`` line per figure.

* demo_start_s: build the demo world and bulk-load it into a fresh SQLite database.
* incident_create_per_s: POST /incidents over loopback HTTP from several client threads.
* sse_events_per_s: events delivered per second in total to 10 concurrent /events clients
  while unit position reports are written as fast as the server takes them.
* sse_latency_p50_ms / sse_latency_p99_ms: from the start of the write request to the
  event's arrival at a client (write, commit, wake-up, stream).
* server_hostile_requests / server_5xx: a property run over every operation of the served
  OpenAPI document (schemathesis draws valid and invalid requests, hypothesis poisons their
  strings with markup, control characters, CR/LF, very long and odd Unicode text, ``%1``/
  ``%2``, lone surrogates, and adds deeply nested JSON), signed in as each demo role in turn.
  Any 5xx, or a connection the server drops, counts against a budget of 0.
* sse_*: the cut-everywhere run of ``bench/sse_cuts.py``, when that module is present.

The server runs in a child process (this script with ``--serve``) so that clients and
server do not share one interpreter lock. ``--quick`` keeps the whole run under a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import emit  # noqa: E402
from console.wire import API_PREFIX  # noqa: E402

TIMEOUT = 30.0
# One of each role of the demo world, so that every route answers its refusals too.
_HOSTILE_ROLES = ("operator-1", "supervisor-1", "police", "admin")


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


# ----------------------------------------------------------------------------- hostile input

# Left out of the property run: the endless event stream, and logout (it would revoke the
# token the run signs in with).
_NOT_PROBED = ("/api/v1/events", "/api/v1/auth/logout")
_DEEP = (33, 1_000, 5_000, 50_000)


def _hostile_texts() -> Any:
    from hypothesis import strategies as st

    fixed = st.sampled_from(
        [
            "<b>bold</b><script>alert(1)</script>",
            '<img src="x" onerror="alert(1)"><a href="javascript:x">',
            "<h1>%1</h1> %2 %n %s %d {0} ${x} %%",
            "line\r\nX-Injected: 1\r\n\r\nforged",
            "2026-01-01 00:00:00 INFO forged\n",
            "\x1b[2J\x1b[31mred\x1b]0;title\x07",
            "\x00nul\x00",
            "\u202eevil\u2066\u2028\u2029\ufeff",
            "\ud800 lone surrogate \udfff",
            "😀👍🏽" * 40,
            "'; DROP TABLE incidents; --",
            "../../../../etc/passwd",
            "A" * 100_000,
            "  \t\u3000 ",
            "",
        ]
    )
    drawn = st.text(st.characters(blacklist_categories=()), max_size=60)
    return st.one_of(fixed, fixed, drawn)


def _poison(value: Any, draw: Any, texts: Any) -> Any:
    """``value`` with some of its strings (keys kept) replaced by hostile ones."""
    from hypothesis import strategies as st

    if isinstance(value, str):
        # The simplest draw (False) poisons: the first example of each run is all hostile.
        return value if draw(st.booleans()) else draw(texts)
    if isinstance(value, dict):
        return {key: _poison(item, draw, texts) for key, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, draw, texts) for item in value]
    return value


def _deep(depth: int, inner: Any) -> bytes:
    """A JSON text nesting ``inner`` about ``depth`` levels down (objects and arrays)."""
    try:
        core = json.dumps(inner)
    except (TypeError, ValueError):
        core = "null"
    return ('{"a":[' * (depth // 2) + core + "]}" * (depth // 2)).encode()


def _status(send: Callable[[], Any]) -> int | None:
    """The status ``send()`` gets, or None when the request could not even be sent from
    here (an unsendable URL or header); a dropped connection counts as a 5xx."""
    try:
        return int(send().status_code)
    except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
        return 599
    except (ValueError, UnicodeError, requests.exceptions.InvalidHeader):
        return None


@dataclass
class _Tally:
    sent: int = 0
    failures: list[str] = field(default_factory=list)

    def count(self, status: int | None, request: str) -> None:
        if status is None:
            return
        self.sent += 1
        if status >= 500:
            self.failures.append(f"{status} {request}")


def _send_deep(operation: Any, origin: str, token: str, tally: _Tally, http: Any) -> None:
    """Deeply nested JSON bodies, at each depth of ``_DEEP``, to one JSON operation."""
    url = origin + re.sub(r"\{[^}]+\}", "no-such-id", operation.path)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    method = operation.method.upper()
    inners: tuple[Any, ...] = ({}, [])
    for depth in _DEEP:
        for inner in inners:
            send = functools.partial(
                http.request, method, url, data=_deep(depth, inner), headers=headers, timeout=60
            )
            tally.count(_status(send), f"{method} {operation.path} (depth {depth})")


def _probe(
    operation: Any, mode: Any, tokens: list[str], examples: int, tally: _Tally, http: Any
) -> None:
    """Up to ``examples`` poisoned requests to one operation in one generation mode."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
    from hypothesis.errors import Unsatisfiable

    texts = _hostile_texts()

    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def probe(case: Any, data: Any) -> None:
        draw = data.draw
        case.path_parameters = _poison(case.path_parameters, draw, texts)
        case.query = _poison(case.query, draw, texts)
        case.body = _poison(case.body, draw, texts)
        headers = {"Authorization": f"Bearer {draw(st.sampled_from(tokens))}"}
        status = _status(lambda: case.call(session=http, headers=headers, timeout=60))
        tally.count(status, f"{case.method} {case.formatted_path}")

    with contextlib.suppress(Unsatisfiable):  # nothing to make invalid: no input at all
        probe()


def _hostile_run(base: str, tokens: list[str], examples: int) -> _Tally:
    """Requests sent, and the ones answered 5xx, over every operation of the document."""
    import schemathesis
    from schemathesis import GenerationMode

    schema: Any = schemathesis.openapi.from_url(f"{base}/openapi.json")
    for path in _NOT_PROBED:
        schema = schema.exclude(path=path)
    origin = base.removesuffix(API_PREFIX)
    tally = _Tally()
    with requests.Session() as http:
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                _probe(operation, mode, tokens, examples, tally, http)
            if "application/json" in str(operation.definition.raw.get("requestBody", "")):
                _send_deep(operation, origin, tokens[0], tally, http)
    return tally


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
            tokens = [_login(base, name) for name in _HOSTILE_ROLES]
            tally = _hostile_run(base, tokens, examples=4 if args.quick else 25)
            for failure in tally.failures[:20]:
                print(f"  5xx: {failure}", file=sys.stderr)
            emit("server_hostile_requests", tally.sent, "count")
            emit("server_5xx", len(tally.failures), "count")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)
    _print_sse_cuts(args.quick)
    return 0


def _print_sse_cuts(quick: bool) -> None:
    """The figures of ``bench/sse_cuts.py`` (its own demo server), when the module exists."""
    try:
        from bench import sse_cuts
    except ModuleNotFoundError as missing:
        if missing.name not in ("bench.sse_cuts", "bench"):
            raise
        return
    for name, value in sse_cuts.run(quick).items():
        emit(name, int(value), sse_cuts.UNITS.get(name, ""))


if __name__ == "__main__":
    sys.exit(main())
