"""Bookmarks: a note at a wall-clock moment of one camera's recording.

A bookmark made on a workstation with no one signed in reaches the server later, sent by
whoever signs in there next. It then carries ``made_offline`` (the workstation, its own
operating-system account, and when it was made): ``author_id`` is the officer who sent it,
who vouches for it, not necessarily the one who wrote it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, StringConstraints

from console.wire.common import NO_NUL, Ident, Name, RequestModel, Text, WireModel

Label = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
"""A short name a machine reports (a host name, an account); may be empty."""


class MadeOfflineIn(RequestModel):
    """Where and when a bookmark was made with no one signed in. ``account`` is the
    workstation's own (operating-system) account at the time, as the workstation reports it;
    empty when it was not recorded."""

    workstation: Name
    account: Label = ""
    made_at: AwareDatetime


class MadeOfflineOut(WireModel):
    workstation: str
    account: str
    made_at: datetime


class BookmarkIn(RequestModel):
    """A new bookmark. ``at`` is wall-clock time (with its offset), not an offset in a file;
    ``incident_id`` links it to an incident the caller may read."""

    camera_id: Ident
    at: AwareDatetime
    note: Text = ""
    incident_id: Ident | None = None
    made_offline: MadeOfflineIn | None = None


class BookmarkOut(WireModel):
    """A stored bookmark; readable by whoever may see its camera. ``author_id`` is the
    officer whose session sent it; ``made_offline`` is set when it was made with no one
    signed in (then ``author_id`` sent it and ``made_offline`` says where it was made)."""

    id: str
    camera_id: str
    at: datetime
    note: str
    incident_id: str | None = None
    author_id: str
    created_at: datetime
    made_offline: MadeOfflineOut | None = None
