"""Bookmarks for the review window: kept locally at once, then queued to the server.

The GUI makes a bookmark with ``LocalBookmarks.add`` (on the store lane) and hands the
request from ``create_request`` to ``Session.queue_action``; the outbox gives it its
Idempotency-Key and, because the request names the bookmark's local id (``creates``), a
later ``delete_request`` for the same bookmark waits behind it and is rewritten to the
server's id once the bookmark exists there. Bookmarks on a local file with no camera are
never sent (``create_request`` answers None).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from console.store.bookmarks import BookmarkStore, LocalBookmark
from console.store.outbox import is_local_id
from console.wire.bookmarks import BookmarkIn, BookmarkOut

CREATE_KIND = "bookmark.create"
DELETE_KIND = "bookmark.delete"


@dataclass(frozen=True, slots=True)
class QueuedRequest:
    """Arguments of ``Session.queue_action(kind, method, path, body, title=..., **options)``."""

    kind: str
    method: str
    path: str
    body: dict[str, Any]
    summary: str
    creates: str | None = None

    @property
    def options(self) -> dict[str, Any]:
        """The keyword options ``Outbox.enqueue`` takes (``summary``, ``creates``)."""
        out: dict[str, Any] = {"summary": self.summary}
        if self.creates is not None:
            out["creates"] = self.creates
        return out


def _short(note: str) -> str:
    line = note.strip().splitlines()[0] if note.strip() else ""
    return line if len(line) <= 40 else line[:39] + "…"


def create_request(bookmark: LocalBookmark) -> QueuedRequest | None:
    """The request that puts ``bookmark`` on the server; None for a file-only bookmark or
    one the server already holds."""
    if bookmark.camera_id is None or bookmark.server_id is not None:
        return None
    body = BookmarkIn(
        camera_id=bookmark.camera_id,
        at=bookmark.at,
        note=bookmark.note,
        incident_id=bookmark.incident_id,
    ).model_dump(mode="json")
    return QueuedRequest(
        kind=CREATE_KIND,
        method="POST",
        path="/bookmarks",
        body=body,
        summary=f"bookmark {bookmark.camera_id} {bookmark.at:%Y-%m-%d %H:%M:%S} {_short(bookmark.note)}".rstrip(),
        creates=bookmark.id if is_local_id(bookmark.id) else None,
    )


def delete_request(bookmark: LocalBookmark) -> QueuedRequest | None:
    """The request that removes ``bookmark`` from the server; None for a file-only one.

    A bookmark not yet delivered is named by its local id: the outbox holds the removal
    behind the creation and rewrites the id once the server has answered."""
    if bookmark.camera_id is None:
        return None
    target = bookmark.server_id or bookmark.id
    return QueuedRequest(
        kind=DELETE_KIND,
        method="DELETE",
        path=f"/bookmarks/{target}",
        body={},
        summary=f"remove bookmark {bookmark.camera_id} {bookmark.at:%Y-%m-%d %H:%M:%S}",
    )


def from_server(item: BookmarkOut) -> LocalBookmark:
    """A server bookmark as the local store keeps it (``LocalBookmarks.merge``)."""
    return LocalBookmark(
        id=item.id,
        server_id=item.id,
        camera_id=item.camera_id,
        at=item.at.astimezone(UTC),
        note=item.note,
        incident_id=item.incident_id,
        created_at=item.created_at,
    )


class LocalBookmarks:
    """The review window's bookmarks over a ``BookmarkStore`` (call from the store lane)."""

    def __init__(self, store: BookmarkStore) -> None:
        self.store = store

    def add(
        self,
        at: datetime,
        note: str,
        *,
        camera_id: str | None = None,
        file_path: str | None = None,
        incident_id: str | None = None,
    ) -> tuple[LocalBookmark, QueuedRequest | None]:
        """Keep a bookmark now; also the request to queue for the server (None if local only)."""
        made = self.store.add(
            at, note, camera_id=camera_id, file_path=file_path, incident_id=incident_id
        )
        return made, create_request(made)

    def remove(self, bookmark_id: str) -> QueuedRequest | None:
        """Forget a bookmark here; the request that removes it on the server, if it went there."""
        found = self.store.get(bookmark_id)
        if found is None:
            return None
        self.store.remove(bookmark_id)
        return delete_request(found)

    def list(self, **conditions: Any) -> builtins.list[LocalBookmark]:
        return self.store.list(**conditions)

    def search(self, text: str) -> builtins.list[LocalBookmark]:
        return self.store.search(text)

    def synced(self, local_id: str, server_id: str) -> None:
        """The outbox delivered the creation (``Outbox.server_id(local_id)`` tells)."""
        self.store.mark_synced(local_id, server_id)

    def merge(self, items: builtins.list[BookmarkOut]) -> int:
        """Keep bookmarks read from ``GET /bookmarks`` that are not here yet."""
        return self.store.merge_server(from_server(i) for i in items)


class LocalIds(Protocol):
    """What the outbox catch-up needs of ``console.store.Outbox``."""

    def server_id(self, local_id: str) -> str | None: ...

    def waiting_local_ids(self) -> set[str]: ...


def note_delivered(bookmarks: LocalBookmarks, outbox: LocalIds) -> int:
    """Remember the server's id of every bookmark the outbox has delivered; how many."""
    noted = 0
    for mark in bookmarks.list():
        if mark.server_id is None and mark.camera_id is not None:
            server_id = outbox.server_id(mark.id)
            if server_id is not None:
                bookmarks.synced(mark.id, server_id)
                noted += 1
    return noted


def catch_up(bookmarks: LocalBookmarks, outbox: LocalIds) -> builtins.list[QueuedRequest]:
    """Requests for camera bookmarks made with no session (never queued): each is sent once.

    A bookmark the outbox has delivered is noted as synced; one whose creation still waits
    in the outbox is left to it."""
    note_delivered(bookmarks, outbox)
    waiting = outbox.waiting_local_ids()
    out = []
    for mark in bookmarks.list():
        if mark.server_id is None and mark.camera_id is not None and mark.id not in waiting:
            request = create_request(mark)
            if request is not None:
                out.append(request)
    return out
