"""Bookmarks for the review window: kept locally at once, then queued to the server.

The GUI makes a bookmark with ``LocalBookmarks.add`` (on the store lane) and hands the
request from ``create_request`` to ``Session.queue_action``; the outbox gives it its
Idempotency-Key and, because the request names the bookmark's local id (``creates``), a
later ``delete_request`` for the same bookmark waits behind it and is rewritten to the
server's id once the bookmark exists there. Bookmarks on a local file with no camera are
never sent (``create_request`` answers None).

Who sends what (``console.review.bookmark_origins``): the bookmarks file is the
workstation's. A bookmark made under a sign-in is sent through that officer's outbox, by
them only. One made with no one signed in is sent by the next officer who signs in for a
review, marked as made offline (workstation, its operating-system account, when): the server
records that officer as its sender, and says it was not made under their sign-in. Once an
outbox has taken a bookmark's creation (``LocalBookmarks.sent``), no later sign-in sends it
again.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from console.review.bookmark_origins import BookmarkOrigins, Origin, Sender
from console.store.bookmarks import BookmarkStore, LocalBookmark
from console.store.outbox import is_local_id
from console.wire.bookmarks import BookmarkIn, BookmarkOut, MadeOfflineIn

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


def create_request(
    bookmark: LocalBookmark, made_offline: Origin | None = None
) -> QueuedRequest | None:
    """The request that puts ``bookmark`` on the server; None for a file-only bookmark or
    one the server already holds. ``made_offline`` is the record of a bookmark made with no
    one signed in: the server is told where and when it was made."""
    if bookmark.camera_id is None or bookmark.server_id is not None:
        return None
    offline = (
        None
        if made_offline is None
        else MadeOfflineIn(
            workstation=made_offline.workstation,
            account=made_offline.account,
            made_at=made_offline.made_at,
        )
    )
    body = BookmarkIn(
        camera_id=bookmark.camera_id,
        at=bookmark.at,
        note=bookmark.note,
        incident_id=bookmark.incident_id,
        made_offline=offline,
    ).model_dump(
        # Only a bookmark made offline names the field: a server older than it takes the rest.
        mode="json",
        exclude={"made_offline"} if offline is None else None,
    )
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
    """The review window's bookmarks over a ``BookmarkStore`` (call from the store lane),
    with who made and sent each when ``origins`` keeps that (see the module docstring)."""

    def __init__(self, store: BookmarkStore, origins: BookmarkOrigins | None = None) -> None:
        self.store = store
        self.origins = origins

    def add(
        self,
        at: datetime,
        note: str,
        *,
        camera_id: str | None = None,
        file_path: str | None = None,
        incident_id: str | None = None,
        made_by: Sender | None = None,
    ) -> tuple[LocalBookmark, QueuedRequest | None]:
        """Keep a bookmark now, made under ``made_by``'s sign-in (None: no one signed in);
        also the request that sends it (None if local only). Queue it only under a sign-in:
        with none, ``catch_up`` hands it to the next one."""
        made = self.store.add(
            at, note, camera_id=camera_id, file_path=file_path, incident_id=incident_id
        )
        if self.origins is None:
            return made, create_request(made)
        origin = self.origins.made(made.id, made_by, made.created_at)
        return made, create_request(made, origin if origin.made_offline else None)

    def remove(self, bookmark_id: str) -> QueuedRequest | None:
        """Forget a bookmark here; the request that removes it on the server, if it went there."""
        found = self.store.get(bookmark_id)
        if found is None:
            return None
        self.store.remove(bookmark_id)
        if self.origins is not None:
            self.origins.forget(found.id)
        return delete_request(found)

    def sent(self, bookmark_id: str, sender: Sender) -> bool:
        """``sender``'s outbox has taken the creation of ``bookmark_id``: no one else sends it."""
        return self.origins is not None and self.origins.sent(bookmark_id, sender)

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


def note_taken(
    bookmarks: LocalBookmarks, outbox: LocalIds, bookmark_id: str, sender: Sender
) -> bool:
    """Run on the store lane right after the creation of ``bookmark_id`` was queued there:
    if ``sender``'s outbox holds it now (waiting or delivered), no other sign-in sends it.
    Whether it was noted."""
    if bookmark_id in outbox.waiting_local_ids() or outbox.server_id(bookmark_id) is not None:
        return bookmarks.sent(bookmark_id, sender)
    return False


def catch_up(
    bookmarks: LocalBookmarks, outbox: LocalIds, sender: Sender | None = None
) -> builtins.list[QueuedRequest]:
    """Requests for the camera bookmarks ``sender`` is to send now: those made with no one
    signed in (marked so) and ``sender``'s own never queued. Each request's ``creates`` is
    the bookmark's id; once it is queued, ``note_taken`` records that this outbox has it.

    A bookmark the outbox has delivered is noted as synced; one whose creation waits in this
    outbox is noted as sent by ``sender``; one another outbox took, or another officer made
    under their sign-in, is left alone. Without ``origins`` (or ``sender``) every camera
    bookmark not in this outbox is sent, unmarked."""
    note_delivered(bookmarks, outbox)
    waiting = outbox.waiting_local_ids()
    origins = bookmarks.origins if sender is not None else None
    out = []
    for mark in bookmarks.list():
        if mark.server_id is not None or mark.camera_id is None:
            continue
        if origins is None:
            request = None if mark.id in waiting else create_request(mark)
        else:
            assert sender is not None
            request = _request_for(mark, origins, sender, waiting)
        if request is not None:
            out.append(request)
    return out


def _request_for(
    mark: LocalBookmark, origins: BookmarkOrigins, sender: Sender, waiting: set[str]
) -> QueuedRequest | None:
    origin = origins.get(mark.id)
    if mark.id in waiting:  # this outbox has it already
        if origin is None:
            origins.made(mark.id, sender, mark.created_at, account_known=False)
        origins.sent(mark.id, sender)
        return None
    if origin is None:  # kept before records were: who made it is not known
        origin = origins.made(mark.id, None, mark.created_at, account_known=False)
    if origin.sent_by is not None:
        return None
    if origin.made_by is not None and origin.made_by != sender.key:
        return None  # another officer's, made under their sign-in: theirs to send
    return create_request(mark, origin if origin.made_offline else None)
