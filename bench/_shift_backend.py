"""The shift benchmark's server side: a killable reference server whose stream addresses point
at a camera simulator that outlives it, machine alerts in bursts, and the server's own count of
what the console delivered.

``ShiftBackend`` is ``tests.support.backend_process.BackendProcess`` (SIGKILL with ``kill()``,
back on the same port and database with ``start()``) serving this module as its child: the
same settings, plus a stream resolver over the feeds written beside the database. Camera
``k`` of the catalogue plays feed ``k % len(feeds)``, as ``tianmu server --demo`` does.

Run as a module, this file is that child: ``python -m bench._shift_backend FOLDER PORT``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.server.demo.field_api import ApiError, ApiSession
from console.server.media.simulator import Feed
from console.server.services.cameras import StreamResolver, StreamUrls
from tests.support.backend_process import BackendProcess, _settings, demo_password

logger = logging.getLogger("bench.shift.backend")

FEEDS_FILE = "feeds.json"
ALERT_USER = "admin"
REQUEST_TIMEOUT_S = 5.0


class ShiftBackend(BackendProcess):
    """The server in a child process over ``folder/server.db``, streaming ``feeds``."""

    child_module = "bench._shift_backend"

    def __init__(self, folder: Path, feeds: Sequence[Feed], port: int | None = None) -> None:
        super().__init__(folder, port)
        entries = [
            {
                "main_http": feed.main.http,
                "main_rtsp": feed.main.rtsp,
                "sub_http": feed.sub.http,
                "sub_rtsp": feed.sub.rtsp,
            }
            for feed in feeds
        ]
        (folder / FEEDS_FILE).write_text(json.dumps(entries), "utf-8")


def _feed_resolver(folder: Path) -> StreamResolver:
    urls = [StreamUrls(**entry) for entry in json.loads((folder / FEEDS_FILE).read_text("utf-8"))]

    def resolve(_camera_id: str, ordinal: int) -> StreamUrls:
        return urls[ordinal % len(urls)]

    return resolve


def _serve(folder: Path, port: int) -> None:
    import uvicorn

    from console.server.app import create_app

    settings = dataclasses.replace(_settings(folder), stream_resolver=_feed_resolver(folder))
    uvicorn.run(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )


# ---------------------------------------------------------------------- alerts


class AlertSource:
    """Machine alerts from the given cameras, posted as a detector does (``POST /alerts`` as
    the administrator). Not thread-safe: one thread posts. An outage is counted, not raised."""

    def __init__(self, url: str, camera_ids: Sequence[str], seed: int = 7) -> None:
        self._session = ApiSession(
            url, ALERT_USER, demo_password(ALERT_USER), timeout_s=REQUEST_TIMEOUT_S
        )
        self._cameras = list(camera_ids)
        self._rng = random.Random(seed)
        self.counts: Counter[str] = Counter()

    def post(self, count: int = 1) -> None:
        """``count`` alerts back to back (a burst when more than one)."""
        import requests

        for _ in range(count):
            data = {
                "kind": self._rng.choice(("crowd", "garbage", "street_vendor", "smoke_fire")),
                "camera_id": self._rng.choice(self._cameras),
                "confidence": "0.9",
                "detected_at": datetime.now(UTC).isoformat(),
            }
            try:
                self._session.call("POST", "/alerts", data=data)
            except (requests.RequestException, ApiError):
                self.counts["failed"] += 1
            else:
                self.counts["posted"] += 1

    def close(self) -> None:
        self._session.close()


# ---------------------------------------------------------------------- the server's count


def _pages(session: ApiSession, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    while True:
        page = session.call(
            "GET", path, params={**params, **({"cursor": cursor} if cursor else {})}
        )
        yield from page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return


def delivered_marks(
    url: str, username: str, marker: str, number_of: Callable[[str], int | None]
) -> Counter[int]:
    """How many incidents on the server carry each action number: the titles holding
    ``marker`` are read back and ``number_of(title)`` says which action each one was."""
    session = ApiSession(url, username, demo_password(username), timeout_s=30.0)
    try:
        numbers: Counter[int] = Counter()
        for incident in _pages(session, "/incidents", {"q": marker, "limit": 1000}):
            number = number_of(str(incident["title"]))
            if number is not None:
                numbers[number] += 1
        return numbers
    finally:
        session.close()


def delivered_patrol_records(url: str, username: str, plan_id: str) -> Counter[str]:
    """The plan's patrol records on the server, counted by their start time (one per patrol)."""
    session = ApiSession(url, username, demo_password(username), timeout_s=30.0)
    try:
        records = session.call("GET", "/patrol-records", params={"limit": 1000})
        return Counter(str(r["started_at"]) for r in records if r.get("plan_id") == plan_id)
    finally:
        session.close()


if __name__ == "__main__":
    _serve(Path(sys.argv[1]), int(sys.argv[2]))
