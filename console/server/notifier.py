"""Wakes the live event streams when new events are committed.

Writers run in worker threads and call ``notify()``; streams run on the event loop and wait
on ``waiter()``. On PostgreSQL a listener thread also turns NOTIFY messages from other server
processes into wake-ups, so every process streams every event promptly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

from sqlalchemy.engine import make_url

logger = logging.getLogger(__name__)


class Notifier:
    """A broadcast "something new" signal from any thread to asyncio waiters."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()

    def waiter(self) -> asyncio.Event:
        """The event the next ``notify`` sets; take it *before* looking for new rows."""
        if self._event is None:
            self._event = asyncio.Event()
        return self._event

    def notify(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed in between
            loop.call_soon_threadsafe(self._fire)

    def _fire(self) -> None:
        fired = self._event
        self._event = asyncio.Event()
        if fired is not None:
            fired.set()


class PostgresListener:
    """A thread that LISTENs on a channel and calls ``notifier.notify()`` per message."""

    def __init__(self, database_url: str, channel: str, notifier: Notifier) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._channel = channel
        self._notifier = notifier
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=0.5, stop_after=1000):
                            self._notifier.notify()
            except Exception as exc:
                logger.warning(
                    "event listener lost its connection (%s); retrying", type(exc).__name__
                )
                self._stop.wait(1.0)
