"""Bookmarks: a note at a wall-clock moment of one camera's recording."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime

from console.wire.common import Ident, RequestModel, Text, WireModel


class BookmarkIn(RequestModel):
    """A new bookmark. ``at`` is wall-clock time (with its offset), not an offset in a file;
    ``incident_id`` links it to an incident the caller may read."""

    camera_id: Ident
    at: AwareDatetime
    note: Text = ""
    incident_id: Ident | None = None


class BookmarkOut(WireModel):
    """A stored bookmark; readable by whoever may see its camera."""

    id: str
    camera_id: str
    at: datetime
    note: str
    incident_id: str | None = None
    author_id: str
    created_at: datetime
