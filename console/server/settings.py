"""Settings of the reference server, as one typed value handed to ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from console.server.services.cameras import StreamResolver, StreamUrls

__all__ = ["ServerSettings", "StreamResolver", "StreamUrls"]


@dataclass(frozen=True)
class ServerSettings:
    """Everything the server needs to run; defaults suit a local SQLite file.

    ``stream_resolver`` maps (camera id, catalogue ordinal) to stream URLs; without one the
    streams endpoint answers 503 ``no_media``.
    """

    database_url: str = "sqlite:///tianmu.db"
    media_dir: Path = Path("media")
    demo: bool = False
    stream_resolver: StreamResolver | None = None
    token_ttl: timedelta = timedelta(hours=12)
    heartbeat_s: float = 15.0
    # Streams re-check the table at least this often, even without a wake-up (other writers).
    event_poll_s: float = 2.0
    event_retention: int = 100_000
    event_batch: int = 500
    prune_every_s: float = 60.0
    max_upload_bytes: int = 64 * 1024 * 1024
    # PostgreSQL only: fan events out to other server processes through LISTEN/NOTIFY.
    listen_notify: bool = True
    # How often time limits are checked (yellow/orange/red, overdue ladder, escalation).
    sla_sweep_s: float = 15.0
    # Allow administrators to move the server's clock forward over HTTP (``POST /clock``);
    # tests and the demo only. A demo server always allows it.
    clock_control: bool = False
    # Seeds the simulated ANPR traffic (vehicle passes); the demo passes its world seed.
    traffic_seed: int = 7
