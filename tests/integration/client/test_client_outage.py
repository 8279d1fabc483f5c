"""Outages and crashes with a server in a child process that is killed with SIGKILL.

* The backend dies mid-session: the event stream goes offline, actions queue up, the server
  comes back, the stream reconnects, the queue drains, and each action exists exactly once.
* A console process is killed with ``kill -9`` while 100 actions are queued and being
  delivered; a new one delivers the rest, each exactly once, and the outbox file is intact.
"""

from __future__ import annotations

import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.client import (
    BackendClient,
    EventStream,
    OutboxDelivery,
    StreamState,
    StreamStatus,
)
from console.scrub import clear_secrets
from console.store import OutboxState, open_store
from console.wire.events import EventOut
from tests.support.backend_process import (
    REPO,
    BackendProcess,
    demo_password,
    die_with_parent,
    seed_demo_database,
)
from tests.support.outbox_worker import incident_body
from tests.support.polling import wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("backend")
    seed_demo_database(folder, camera_count=100)
    with BackendProcess(folder) as process:
        yield process


def signed_in(backend: BackendProcess, username: str = "operator-1") -> BackendClient:
    client = BackendClient(backend.url, timeout=(1.0, 5.0))
    client.login(username, demo_password(username))
    return client


def titles_on_server(client: BackendClient, prefix: str) -> list[str]:
    return sorted(i.title for i in client.iter_incidents(q=prefix, page_size=1000))


def test_backend_killed_mid_session(backend: BackendProcess, tmp_path: Path, unique: str) -> None:
    client = signed_in(backend)
    store = open_store(tmp_path / "store")
    outbox = store.outbox
    lock = threading.Lock()
    states: list[StreamState] = []
    created: list[str] = []

    delivery = OutboxDelivery(
        client, outbox, backoff_base_s=0.2, backoff_cap_s=1.0, idle_check_s=1.0
    )

    def on_state(state: StreamState) -> None:
        with lock:
            states.append(state)
        if state.status is StreamStatus.CONNECTED:
            delivery.server_reachable()

    def on_event(event: EventOut) -> None:
        if event.type == "incident.created":
            with lock:
                created.append(str(event.data["title"]))

    def statuses() -> list[StreamStatus]:
        with lock:
            return [s.status for s in states]

    stream = EventStream(
        client,
        on_event=on_event,
        on_state=on_state,
        last_event_id=0,
        min_backoff_s=0.2,
        max_backoff_s=1.0,
        read_timeout_s=5.0,
    )

    def enqueue(titles: list[str]) -> None:
        for title in titles:
            outbox.enqueue(
                "incident.raise", "POST", "/incidents", incident_body(title), summary=title
            )

    before = [f"{unique}-before-{n}" for n in range(5)]
    during = [f"{unique}-during-{n}" for n in range(10)]
    try:
        stream.start()
        delivery.start()
        wait_for(lambda: StreamStatus.CONNECTED in statuses(), what="the stream to connect")
        enqueue(before)
        wait_for(lambda: outbox.pending_count() == 0, what="the first actions to go out")

        backend.kill()
        wait_for(lambda: statuses()[-1] is StreamStatus.OFFLINE, what="the offline state")
        offline_at = len(statuses())
        enqueue(during)
        wait_for(
            lambda: outbox.list([OutboxState.PENDING])[0].attempts >= 1,
            what="a failed delivery attempt",
        )
        assert outbox.pending_count() == len(during)
        assert outbox.list([OutboxState.PENDING])[0].last_error

        backend.start()
        wait_for(
            lambda: StreamStatus.CONNECTED in statuses()[offline_at:], what="the stream to return"
        )
        wait_for(lambda: outbox.pending_count() == 0, timeout_s=30, what="the queue to drain")
        wait_for(lambda: set(during) <= set(created), what="the events of the queued actions")
    finally:
        assert stream.stop(5.0)
        assert delivery.stop(10.0)

    assert titles_on_server(client, unique) == sorted(before + during)
    with lock:
        ours = [t for t in created if t.startswith(unique)]
    assert sorted(ours) == sorted(before + during)  # each event once, across the outage
    assert outbox.counts() == {OutboxState.DELIVERED: len(before) + len(during)}
    store.close()
    client.close()
    clear_secrets()


def _reader(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line.strip())


def _worker(
    store_dir: Path, url: str, *extra: str
) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    command = [
        sys.executable,
        "-m",
        "tests.support.outbox_worker",
        str(store_dir),
        url,
        "operator-2",
        demo_password("operator-2"),
        *extra,
    ]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=die_with_parent,  # noqa: PLW1509 - the child must not outlive the test
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(process, lines), daemon=True).start()
    return process, lines


def _wait_line(lines: queue.Queue[str], wanted: str, timeout_s: float = 60.0) -> None:
    while True:
        line = lines.get(timeout=timeout_s)
        if line == wanted:
            return


def test_console_killed_with_100_actions_queued(
    backend: BackendProcess, tmp_path: Path, unique: str
) -> None:
    backend.start()
    store_dir = tmp_path / "console-store"
    expected = [f"{unique}-{n:03d}" for n in range(100)]
    first, lines = _worker(
        store_dir, backend.url, "--enqueue", "100", "--prefix", unique, "--linger-s", "0.03"
    )
    try:
        _wait_line(lines, "queued 100")
        _wait_line(lines, "delivered 30")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    assert first.returncode == -signal.SIGKILL

    client = signed_in(backend, "operator-2")
    on_server = titles_on_server(client, unique)
    assert 30 <= len(on_server) < 100, "the kill did not land mid-way"
    assert len(on_server) == len(set(on_server))

    second, lines = _worker(store_dir, backend.url)
    try:
        _wait_line(lines, "done", timeout_s=120)
        assert second.wait(30) == 0
    finally:
        if second.poll() is None:
            second.kill()
            second.wait(10)

    assert titles_on_server(client, unique) == expected  # all 100, each exactly once
    connection = sqlite3.connect(store_dir / "outbox.sqlite")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    store = open_store(store_dir)
    try:
        assert store.outbox.counts() == {OutboxState.DELIVERED: 100}
        assert not store.problems
    finally:
        store.close()
    client.close()
    clear_secrets()
