"""Damaged or newer store files are set aside, reported and replaced; the outbox is salvaged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from console.store import ProblemKind, StoreDatabase, StoreUnavailable, open_store
from tests.unit.store.conftest import ManualClock

PAGE = 4096


def _make_outbox(store_dir: Path, count: int, *, body_size: int = 10) -> list[str]:
    """Queue ``count`` items with distinct markers in their bodies; returns their keys."""
    store = open_store(store_dir)
    keys = []
    for index in range(count):
        item = store.outbox.enqueue(
            "incident.action",
            "POST",
            f"/incidents/inc-{index}/actions",
            {"action": "accept", "marker": f"marker-{index:04d}-" + "x" * body_size},
            summary=f"accept {index}",
        )
        keys.append(item.idempotency_key)
    store.close()  # the last connection to close checkpoints the WAL into the file
    return keys


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _aside(store_dir: Path, name: str, tag: str) -> list[Path]:
    return sorted(p for p in store_dir.iterdir() if p.name.startswith(f"{name}.{tag}-"))


def test_garbage_header_on_the_cache_is_set_aside_and_a_fresh_cache_works(
    store_dir: Path,
) -> None:
    store = open_store(store_dir)
    store.meta.set("marker", "old")
    store.close()
    cache = store_dir / "cache.sqlite"
    with cache.open("r+b") as handle:
        handle.write(b"\xde\xad\xbe\xef" * 25)

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.kind is ProblemKind.CORRUPT
        assert problem.database is StoreDatabase.CACHE
        assert problem.path.exists()
        assert problem.path.name.startswith("cache.sqlite.broken-")
        assert "server" in problem.message
        assert reopened.meta.get("marker") is None
        reopened.meta.set("marker", "new")
        assert reopened.meta.get("marker") == "new"
    finally:
        reopened.close()


def test_truncated_cache_is_detected(store_dir: Path) -> None:
    from tests.unit.store.incident_factory import make_incidents

    store = open_store(store_dir)
    store.incidents.upsert(make_incidents(400))
    store.close()
    cache = store_dir / "cache.sqlite"
    size = cache.stat().st_size
    assert size > 20 * PAGE
    with cache.open("r+b") as handle:
        handle.truncate(size // 2)

    reopened = open_store(store_dir)
    try:
        assert [p.kind for p in reopened.problems] == [ProblemKind.CORRUPT]
        assert reopened.incidents.count() == 0
        assert _aside(store_dir, "cache.sqlite", "broken")
    finally:
        reopened.close()


def test_cache_written_by_a_newer_version_is_set_aside(store_dir: Path) -> None:
    open_store(store_dir).close()
    with sqlite3.connect(store_dir / "cache.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'cache_9999_future'")

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.kind is ProblemKind.NEWER
        assert problem.path.name.startswith("cache.sqlite.newer-")
        assert "cache_9999_future" in problem.message
        with sqlite3.connect(problem.path) as connection:
            kept = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert kept == ("cache_9999_future",)
    finally:
        reopened.close()


def test_newer_outbox_is_exported_before_it_is_set_aside(store_dir: Path) -> None:
    keys = _make_outbox(store_dir, 5)
    with sqlite3.connect(store_dir / "outbox.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'outbox_9999_future'")
        connection.execute("ALTER TABLE outbox_items ADD COLUMN priority INTEGER DEFAULT 3")

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.kind is ProblemKind.NEWER
        assert problem.database is StoreDatabase.OUTBOX
        assert problem.salvage is not None
        assert (problem.salvage.recovered, problem.salvage.unsent) == (5, 5)
        assert problem.salvage.unreadable == 0
        rows = _read_jsonl(problem.salvage.export_path)
        assert [row["idempotency_key"] for row in rows] == keys
        assert all(row["priority"] == 3 for row in rows)  # the newer column travels too
        assert reopened.outbox.pending_count() == 0
    finally:
        reopened.close()


def test_damaged_outbox_page_exports_every_readable_row(store_dir: Path) -> None:
    count = 60
    keys = _make_outbox(store_dir, count, body_size=1500)  # about two rows per page
    outbox = store_dir / "outbox.sqlite"
    data = bytearray(outbox.read_bytes())
    victim = data.find(b"marker-0030-")
    assert victim > 0
    page = victim // PAGE
    data[page * PAGE : (page + 1) * PAGE] = b"\xff" * PAGE
    outbox.write_bytes(bytes(data))

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.kind is ProblemKind.CORRUPT
        salvage = problem.salvage
        assert salvage is not None
        rows = _read_jsonl(salvage.export_path)
        readable = [row for row in rows if not row.get("unreadable")]
        unreadable = [row for row in rows if row.get("unreadable")]
        assert salvage.recovered == len(readable)
        assert salvage.unreadable == len(unreadable)
        assert 0 < len(unreadable) <= 4
        assert salvage.recovered + salvage.unreadable == count
        by_seq = {row["seq"]: row for row in readable}
        for seq, key in enumerate(keys, start=1):
            if seq in by_seq:
                assert by_seq[seq]["idempotency_key"] == key
                assert by_seq[seq]["body"]["marker"].startswith(f"marker-{seq - 1:04d}-")
        assert 30 + 1 not in by_seq  # the row on the destroyed page is reported, not invented
        assert f"{salvage.unreadable} could not be read" in problem.message
        assert problem.path.exists()
        assert reopened.outbox.pending_count() == 0  # a fresh outbox
    finally:
        reopened.close()


def test_destroyed_outbox_header_is_rebuilt_and_every_row_recovered(store_dir: Path) -> None:
    keys = _make_outbox(store_dir, 12)
    with (store_dir / "outbox.sqlite").open("r+b") as handle:
        handle.write(b"\x00garbage!" * 11 + b"\x00")

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert problem.salvage is not None
        assert problem.salvage.header_rebuilt
        rows = _read_jsonl(problem.salvage.export_path)
        assert [row["idempotency_key"] for row in rows] == keys
        assert problem.salvage.unreadable == 0
    finally:
        reopened.close()


def test_attachments_of_a_damaged_outbox_move_with_it(store_dir: Path, clock: ManualClock) -> None:
    store = open_store(store_dir, clock=clock)
    store.outbox.enqueue(
        "incident.verify",
        "POST",
        "/incidents/inc-1/verifications",
        {"verdict": "pass"},
        files=[("media", "proof.jpg", "image/jpeg", b"\xff\xd8jpeg-bytes")],
        summary="verify",
    )
    store.close()
    with (store_dir / "outbox.sqlite").open("r+b") as handle:
        handle.write(b"\x01" * 100)
        handle.seek(100)
        handle.write(b"\x02" * 4000)  # the schema page too: nothing can be read

    reopened = open_store(store_dir, clock=clock)
    try:
        [problem] = reopened.problems
        assert problem.salvage is not None
        assert problem.salvage.recovered == 0
        assert problem.salvage.unreadable is None
        assert "could not be read at all" in problem.message
        moved = [p for p in store_dir.iterdir() if p.name.startswith("outbox-files.broken-")]
        [files_dir] = moved
        assert [f.read_bytes() for f in files_dir.iterdir()] == [b"\xff\xd8jpeg-bytes"]
        assert list(reopened.outbox.files_dir.iterdir()) == []
    finally:
        reopened.close()


def test_wal_travels_with_the_file_it_belongs_to(store_dir: Path) -> None:
    open_store(store_dir).close()
    cache = store_dir / "cache.sqlite"
    with cache.open("r+b") as handle:
        handle.write(b"\x00" * 16)
    (store_dir / "cache.sqlite-wal").write_bytes(b"stale wal from the damaged file")

    reopened = open_store(store_dir)
    try:
        [problem] = reopened.problems
        assert Path(str(problem.path) + "-wal").read_bytes() == b"stale wal from the damaged file"
        reopened.meta.set("k", "v")
        assert reopened.meta.get("k") == "v"
    finally:
        reopened.close()


def test_a_locked_store_is_not_mistaken_for_damage(store_dir: Path) -> None:
    open_store(store_dir).close()
    holder = sqlite3.connect(store_dir / "cache.sqlite", isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable):
            open_store(store_dir)
    finally:
        holder.close()
    assert not _aside(store_dir, "cache.sqlite", "broken")
    reopened = open_store(store_dir)
    try:
        assert reopened.problems == []
    finally:
        reopened.close()
