"""Bookmarks on recordings: create, list by camera/time/incident, delete."""

from __future__ import annotations

from datetime import UTC

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import AwareDatetime
from sqlalchemy.orm import Session

from console.server.api.deps import CallerDep, IdempotencyKey, PathId, QueryId, State, write
from console.server.api.errors import documented
from console.server.db.tables import BookmarkRow
from console.server.services import bookmarks
from console.wire.bookmarks import BookmarkIn, BookmarkOut, MadeOfflineOut

router = APIRouter(tags=["bookmarks"])


def bookmark_out(row: BookmarkRow, offline: bookmarks.MadeOffline | None = None) -> BookmarkOut:
    made_offline = (
        None
        if offline is None
        else MadeOfflineOut(
            workstation=offline.workstation, account=offline.account, made_at=offline.made_at
        )
    )
    return BookmarkOut(
        id=row.id,
        camera_id=row.camera_id,
        at=row.at,
        note=row.note,
        incident_id=row.incident_id,
        author_id=row.author_id,
        created_at=row.created_at,
        made_offline=made_offline,
    )


@router.post(
    "/bookmarks",
    response_model=BookmarkOut,
    status_code=201,
    responses=documented(400, 401, 404, 422),
)
def create_bookmark(
    body: BookmarkIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Bookmark a wall-clock moment of a visible camera (404 otherwise), optionally linked
    to a readable incident (422 ``incident_id`` otherwise). Audited as ``bookmark.create``.
    ``made_offline`` says the bookmark was made on a workstation with no one signed in: the
    caller sends it (and is its ``author_id``), and the audit record says where it was made."""
    offline = body.made_offline
    new = bookmarks.NewBookmark(
        camera_id=body.camera_id,
        at=body.at,
        note=body.note,
        incident_id=body.incident_id,
        made_offline=None
        if offline is None
        else bookmarks.MadeOffline(
            offline.workstation, offline.account, offline.made_at.astimezone(UTC)
        ),
    )

    def work(session: Session) -> tuple[int, BookmarkOut]:
        return 201, bookmark_out(bookmarks.create(session, caller, new), new.made_offline)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.get(
    "/bookmarks",
    response_model=list[BookmarkOut],
    responses=documented(401, 422),
)
def list_bookmarks(
    caller: CallerDep,
    state: State,
    camera_id: QueryId = None,
    incident_id: QueryId = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
) -> list[BookmarkOut]:
    """Bookmarks on the cameras the caller may see, in [since, until], oldest first (at most
    1000)."""
    with state.db.read() as session:
        rows = bookmarks.list_bookmarks(
            session,
            caller,
            camera_id=camera_id,
            since=since,
            until=until,
            incident_id=incident_id,
        )
        offline = bookmarks.made_offline(session, [r.id for r in rows])
        return [bookmark_out(r, offline.get(r.id)) for r in rows]


@router.delete(
    "/bookmarks/{bookmark_id}",
    response_model=BookmarkOut,
    responses=documented(401, 403, 404),
)
def delete_bookmark(
    bookmark_id: PathId,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Remove a bookmark (its author, a supervisor or an administrator); answers with what
    was removed. Audited as ``bookmark.delete``."""

    def work(session: Session) -> tuple[int, BookmarkOut]:
        offline = bookmarks.made_offline(session, [bookmark_id]).get(bookmark_id)
        return 200, bookmark_out(bookmarks.delete(session, caller, bookmark_id), offline)

    return write(state, caller, idempotency_key, request, "", work)
