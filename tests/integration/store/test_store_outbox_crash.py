"""The outbox survives ``kill -9``: nothing committed is lost, nothing is doubled.

A child process queues (or drains) actions and prints each one after its commit returned;
the test kills it with SIGKILL part-way, reopens the store and checks what is on disk.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.store import OutboxState, open_store

REPO = Path(__file__).resolve().parents[3]

ENQUEUE = """
import sys
from pathlib import Path
from console.store import open_store

store = open_store(Path(sys.argv[1]))
start = int(sys.argv[2])
for n in range(start, start + int(sys.argv[3])):
    files = [("media", f"snap-{n}.jpg", "image/jpeg", bytes([n % 256]) * 2048)] if n % 5 == 0 else []
    item = store.outbox.enqueue(
        "incident.action", "POST", f"/incidents/inc-{n % 7}/actions",
        {"action": "accept", "n": n}, files=files, summary=f"action {n}",
    )
    print(item.seq, item.idempotency_key, flush=True)
print("done", flush=True)
"""

# Delivery against a receiver that deduplicates by idempotency key, the way the server does;
# it stands for the server's side of the contract so the store's half can be checked alone.
DRAIN = """
import sqlite3, sys
from pathlib import Path
from console.store import open_store

store = open_store(Path(sys.argv[1]))
receiver = sqlite3.connect(sys.argv[2], isolation_level=None)
while (item := store.outbox.next_due()) is not None:
    receiver.execute("BEGIN IMMEDIATE")
    receiver.execute("INSERT INTO attempts (key) VALUES (?)", (item.idempotency_key,))
    receiver.execute(
        "INSERT OR IGNORE INTO applied (key, seq) VALUES (?, ?)", (item.idempotency_key, item.seq)
    )
    receiver.execute("COMMIT")
    print("sent", item.seq, flush=True)
    store.outbox.mark_delivered(item.seq, 200, {"ok": True})
print("done", flush=True)
"""


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(process: subprocess.Popen[str], lines: int, deadline_s: float = 120) -> list[str]:
    """Read ``lines`` lines from the child, then SIGKILL it; returns what it printed."""
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + deadline_s
    try:
        while len(seen) < lines and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line.strip())
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    assert len(seen) == lines, f"child printed only {seen}"
    return seen


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.slow
def test_kill_minus_nine_while_queueing_loses_and_doubles_nothing(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    reported: dict[int, str] = {}
    # Three lives, each killed part-way through queueing its share of 100 actions.
    for start, count, kill_after in ((0, 40, 17), (40, 40, 23), (80, 20, 11)):
        lines = _kill_after(_child(ENQUEUE, str(store_dir), str(start), str(count)), kill_after)
        for line in lines:
            seq, key = line.split()
            reported[int(seq)] = key
        assert _integrity(store_dir / "outbox.sqlite") == "ok"

    store = open_store(store_dir)
    try:
        assert store.problems == []
        items = store.outbox.list()
        by_seq = {item.seq: item for item in items}
        for seq, key in reported.items():
            assert by_seq[seq].idempotency_key == key
            assert by_seq[seq].state is OutboxState.PENDING
        keys = [item.idempotency_key for item in items]
        assert len(keys) == len(set(keys))
        # Each life may have committed one more item than it lived to print, never fewer.
        assert len(reported) <= len(items) <= len(reported) + 3
        for item in items:
            assert all(f.path.is_file() and f.path.stat().st_size == 2048 for f in item.files)
        assert sorted(p.name for p in store.outbox.files_dir.iterdir()) == sorted(
            f.path.name for item in items for f in item.files
        )
    finally:
        store.close()
    assert _integrity(store_dir / "outbox.sqlite") == "ok"


@pytest.mark.slow
def test_kill_minus_nine_while_delivering_then_restart_delivers_each_once(
    tmp_path: Path,
) -> None:
    store_dir = tmp_path / "store"
    store = open_store(store_dir)
    queued = [
        store.outbox.enqueue(
            "incident.action",
            "POST",
            f"/incidents/inc-{n % 9}/actions",
            {"action": "accept", "n": n},
            summary=f"action {n}",
        )
        for n in range(100)
    ]
    store.close()
    receiver = tmp_path / "receiver.sqlite"
    with sqlite3.connect(receiver) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE attempts (n INTEGER PRIMARY KEY, key TEXT NOT NULL)")
        connection.execute("CREATE TABLE applied (key TEXT PRIMARY KEY, seq INTEGER NOT NULL)")

    _kill_after(_child(DRAIN, str(store_dir), str(receiver)), 37)
    assert _integrity(store_dir / "outbox.sqlite") == "ok"
    finisher = _child(DRAIN, str(store_dir), str(receiver))
    out, err = finisher.communicate(timeout=120)
    assert finisher.returncode == 0, err
    assert out.splitlines()[-1] == "done"

    reopened = open_store(store_dir)
    try:
        assert reopened.outbox.pending_count() == 0
        assert {item.state for item in reopened.outbox.list()} == {OutboxState.DELIVERED}
    finally:
        reopened.close()
    with sqlite3.connect(receiver) as connection:
        applied = connection.execute("SELECT key, seq FROM applied ORDER BY rowid").fetchall()
        attempts = connection.execute("SELECT count(*) FROM attempts").fetchone()[0]
    assert [key for key, _ in applied] == [item.idempotency_key for item in queued]
    assert [seq for _, seq in applied] == [item.seq for item in queued]  # in order
    assert 100 <= attempts <= 101  # at most the one in flight at the kill was sent twice
    assert _integrity(store_dir / "outbox.sqlite") == "ok"
