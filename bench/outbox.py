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
import tempfile
import time
import uuid
from pathlib import Path

from console.store import open_store


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


if __name__ == "__main__":
    main()
