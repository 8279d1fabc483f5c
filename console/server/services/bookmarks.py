"""Bookmarks on recordings: made, listed and removed under the camera's read rule; audited.

A bookmark is readable by whoever may see its camera (anything else answers 404, as the
camera does). Linking one to an incident needs the incident to be readable too. Its author,
a supervisor or an administrator may remove it.

A bookmark made on a workstation with no one signed in arrives with where and when it was
made (``MadeOffline``); its author is then the officer who sent it, and the audit record
says it was made offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.model import Role
from console.server.db.tables import BookmarkMadeOfflineRow, BookmarkRow, CameraRow
from console.server.services import audit, incidents
from console.server.services.caller import Caller
from console.server.services.cameras import camera_row, visible_clause
from console.server.services.clock import new_id, utcnow
from console.server.services.errors import Forbidden, Invalid, NotFound

MAX_LISTED = 1000


@dataclass(frozen=True, slots=True)
class MadeOffline:
    workstation: str
    account: str
    made_at: datetime


@dataclass(frozen=True, slots=True)
class NewBookmark:
    camera_id: str
    at: datetime
    note: str
    incident_id: str | None = None
    made_offline: MadeOffline | None = None


def create(session: Session, caller: Caller, new: NewBookmark) -> BookmarkRow:
    """Store a bookmark on a visible camera (404 otherwise); audited ``bookmark.create``."""
    camera_row(session, caller, new.camera_id)
    if new.incident_id is not None:
        try:
            incidents.get(session, caller, new.incident_id)
        except NotFound:
            raise Invalid("incident_id", f"no incident {new.incident_id}") from None
    row = BookmarkRow(
        id=new_id(),
        camera_id=new.camera_id,
        at=new.at,
        note=new.note,
        incident_id=new.incident_id,
        author_id=caller.user_id,
        created_at=utcnow(),
    )
    session.add(row)
    detail: dict[str, object] = {"camera_id": row.camera_id, "incident_id": row.incident_id}
    offline = new.made_offline
    if offline is not None:
        session.flush()  # the bookmark first: its offline record refers to it
        session.add(
            BookmarkMadeOfflineRow(
                bookmark_id=row.id,
                workstation=offline.workstation,
                account=offline.account,
                made_at=offline.made_at,
            )
        )
        detail["made_offline"] = {
            "workstation": offline.workstation,
            "account": offline.account,
            "made_at": offline.made_at.isoformat(),
        }
    audit.record(
        session, caller, "bookmark.create", entity_type="bookmark", entity_id=row.id, detail=detail
    )
    return row


def made_offline(session: Session, bookmark_ids: list[str]) -> dict[str, MadeOffline]:
    """Where each of ``bookmark_ids`` made offline was made (the others are not named)."""
    if not bookmark_ids:
        return {}
    rows = session.scalars(
        select(BookmarkMadeOfflineRow).where(BookmarkMadeOfflineRow.bookmark_id.in_(bookmark_ids))
    )
    return {r.bookmark_id: MadeOffline(r.workstation, r.account, r.made_at) for r in rows}


def list_bookmarks(
    session: Session,
    caller: Caller,
    *,
    camera_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    incident_id: str | None = None,
) -> list[BookmarkRow]:
    """Bookmarks on visible cameras in [since, until], oldest first (at most ``MAX_LISTED``)."""
    if since is not None and until is not None and since > until:
        raise Invalid("since", "since must not be later than until")
    query = (
        select(BookmarkRow)
        .join(CameraRow, CameraRow.id == BookmarkRow.camera_id)
        .where(visible_clause(caller))
        .order_by(BookmarkRow.at, BookmarkRow.id)
        .limit(MAX_LISTED)
    )
    if camera_id:
        query = query.where(BookmarkRow.camera_id == camera_id)
    if incident_id:
        query = query.where(BookmarkRow.incident_id == incident_id)
    if since is not None:
        query = query.where(BookmarkRow.at >= since)
    if until is not None:
        query = query.where(BookmarkRow.at <= until)
    return list(session.scalars(query))


def delete(session: Session, caller: Caller, bookmark_id: str) -> BookmarkRow:
    """Remove a bookmark; audited ``bookmark.delete`` with what it said."""
    row = session.get(BookmarkRow, bookmark_id)
    if row is None:
        raise NotFound(f"no bookmark {bookmark_id}")
    camera_row(session, caller, row.camera_id)  # 404 unless its camera is visible
    if row.author_id != caller.user_id and caller.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden("only its author, a supervisor or an administrator removes a bookmark")
    audit.record(
        session,
        caller,
        "bookmark.delete",
        entity_type="bookmark",
        entity_id=row.id,
        detail={"camera_id": row.camera_id, "at": row.at.isoformat(), "note": row.note},
    )
    offline = session.get(BookmarkMadeOfflineRow, row.id)
    if offline is not None:
        session.delete(offline)
        session.flush()
    session.delete(row)
    return row
