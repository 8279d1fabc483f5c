"""Who made each bookmark of this workstation's bookmarks file, and whose outbox sent it.

The bookmarks file belongs to the workstation, not to an officer: ``tianmu review`` works
with no one signed in, and several officers sign in at one workstation over a day. So each
bookmark records, beside it in the same file:

* ``made_by``: the signed-in officer it was made under (``user id@server``), or None when no
  one was signed in. A bookmark made offline is sent by whoever signs in next for a review;
  the server is told it was made offline, on this workstation, under this operating-system
  account, at this time (``console.wire.bookmarks.MadeOfflineIn``), so the officer who sends
  it is recorded as its sender and not passed off as its author;
* ``sent_by``: the officer whose outbox took its creation. Once set, no other sign-in sends
  it again, whoever it is; an officer's own bookmark made online is sent only by them.

A bookmark with no record here (made before records were kept, or a crash between keeping
it and its record) counts as made offline with no account known.
"""

from __future__ import annotations

import getpass
import socket
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmark_origins (
    bookmark_id TEXT PRIMARY KEY,
    made_by TEXT,
    workstation TEXT NOT NULL,
    account TEXT NOT NULL,
    made_at TEXT NOT NULL,
    sent_by TEXT
);
"""
_COLUMNS = "bookmark_id, made_by, workstation, account, made_at, sent_by"


@dataclass(frozen=True, slots=True)
class Sender:
    """A signed-in officer on one server: whose outbox a bookmark's creation goes into."""

    user_id: str
    server: str

    @property
    def key(self) -> str:
        return f"{self.user_id}@{self.server}"


@dataclass(frozen=True, slots=True)
class Origin:
    bookmark_id: str
    made_by: str | None  # a Sender's key; None: made with no one signed in
    workstation: str
    account: str
    made_at: datetime
    sent_by: str | None = None

    @property
    def made_offline(self) -> bool:
        return self.made_by is None


def this_workstation() -> tuple[str, str]:
    """(host name, operating-system account) as this machine reports them."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no name for the process's user id
        account = ""
    return (socket.gethostname() or "unknown")[:200], account[:200]


class BookmarkOrigins:
    """The records in the bookmarks file (a table of its own, beside ``BookmarkStore``'s);
    every method is one short transaction, from any thread."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def made(
        self,
        bookmark_id: str,
        made_by: Sender | None,
        made_at: datetime | None = None,
        *,
        account_known: bool = True,
    ) -> Origin:
        """Record where and under whom ``bookmark_id`` was made (now, unless ``made_at``);
        a record there already stays as it is. ``account_known=False`` is for a bookmark
        found without a record: who was logged in when it was made is not known."""
        workstation, account = this_workstation()
        if not account_known:
            account = ""
        origin = Origin(
            bookmark_id,
            made_by.key if made_by is not None else None,
            workstation,
            account,
            (made_at or datetime.now(UTC)).astimezone(UTC),
        )
        with self._lock:
            self._db.execute(
                f"INSERT OR IGNORE INTO bookmark_origins ({_COLUMNS}) VALUES (?,?,?,?,?,NULL)",
                (
                    origin.bookmark_id,
                    origin.made_by,
                    origin.workstation,
                    origin.account,
                    origin.made_at.isoformat(),
                ),
            )
        return self.get(bookmark_id) or origin

    def get(self, bookmark_id: str) -> Origin | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM bookmark_origins WHERE bookmark_id = ?", (bookmark_id,)
            ).fetchone()
        return _origin(row) if row is not None else None

    def sent(self, bookmark_id: str, sender: Sender) -> bool:
        """Note that ``sender``'s outbox took the creation of ``bookmark_id``; False when an
        outbox had taken it already, or there is no record of it (nothing changes then)."""
        with self._lock:
            changed = self._db.execute(
                "UPDATE bookmark_origins SET sent_by = ? WHERE bookmark_id = ? AND sent_by IS NULL",
                (sender.key, bookmark_id),
            ).rowcount
        return bool(changed == 1)

    def forget(self, bookmark_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM bookmark_origins WHERE bookmark_id = ?", (bookmark_id,))


def _origin(row: tuple[str | None, ...]) -> Origin:
    bookmark_id, made_by, workstation, account, made_at, sent_by = row
    return Origin(
        bookmark_id=str(bookmark_id),
        made_by=made_by,
        workstation=str(workstation),
        account=str(account),
        made_at=datetime.fromisoformat(str(made_at)),
        sent_by=sent_by,
    )
