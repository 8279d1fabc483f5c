"""Search over what the review window knows: clips (opened files and cached recordings) and
bookmarks (the operator's own and, with a session, the server's, merged into the same
store), by camera, time range, event and text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from console.review.bookmarks import LocalBookmarks
from console.review.catalog import ClipCatalog
from console.review.clips import ReviewClip
from console.store.bookmarks import LocalBookmark
from console.wire.bookmarks import BookmarkOut


@dataclass(frozen=True, slots=True)
class ReviewQuery:
    """Every field given must match. ``camera`` is a camera id or part of its name."""

    text: str = ""
    camera: str = ""
    since: datetime | None = None
    until: datetime | None = None
    incident_id: str = ""

    @property
    def empty(self) -> bool:
        return not (
            self.text.strip()
            or self.camera.strip()
            or self.since
            or self.until
            or self.incident_id.strip()
        )


@dataclass(slots=True)
class ReviewHits:
    clips: list[ReviewClip] = field(default_factory=list)
    bookmarks: list[LocalBookmark] = field(default_factory=list)


class BookmarkSource(Protocol):
    """What a server search needs of ``console.client.BackendClient``."""

    def bookmarks(
        self,
        *,
        camera_id: str | None = None,
        incident_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[BookmarkOut]: ...


def _camera_matches(camera_id: str | None, name: str, wanted: str) -> bool:
    return wanted == (camera_id or "").casefold() or (bool(name) and wanted in name.casefold())


def matching_bookmarks(
    bookmarks: list[LocalBookmark],
    query: ReviewQuery,
    camera_names: Mapping[str, str],
    camera_ids: frozenset[str] = frozenset(),
) -> list[LocalBookmark]:
    """The bookmarks among ``bookmarks`` that ``query`` finds. A bookmark's camera matches
    the query's camera by id, by a name in ``camera_names``, or by being in ``camera_ids``
    (the cameras the catalogue found for the query's camera text)."""
    needle = query.text.strip().casefold()
    wanted = query.camera.strip().casefold()
    incident = query.incident_id.strip()
    found = []
    for mark in bookmarks:
        if query.since is not None and mark.at < query.since:
            continue
        if query.until is not None and mark.at > query.until:
            continue
        if incident and mark.incident_id != incident:
            continue
        name = camera_names.get(mark.camera_id or "", "")
        if (
            wanted
            and mark.camera_id not in camera_ids
            and not _camera_matches(mark.camera_id, name, wanted)
        ):
            continue
        if needle and needle not in mark.note.casefold():
            continue
        found.append(mark)
    return found


def search_local(
    catalog: ClipCatalog,
    bookmarks: LocalBookmarks,
    query: ReviewQuery,
    camera_ids: frozenset[str] = frozenset(),
    from_server: list[BookmarkOut] | None = None,
) -> ReviewHits:
    """Clips and bookmarks here that ``query`` finds (works with no network); bookmarks
    read from the server (``from_server``) are kept here first, so they are found offline
    later too. Call on the store lane."""
    if from_server:
        bookmarks.merge(from_server)
    catalog.refresh_cache()
    names = {c.camera_id: c.camera_name for c in catalog.clips() if c.camera_id and c.camera_name}
    clips = catalog.search(
        query.text,
        camera=query.camera or None,
        since=query.since,
        until=query.until,
        incident_id=query.incident_id.strip() or None,
    )
    if query.camera.strip() and camera_ids:
        seen = {c.path for c in clips}
        for clip in catalog.search(
            query.text,
            since=query.since,
            until=query.until,
            incident_id=query.incident_id.strip() or None,
        ):
            if clip.camera_id in camera_ids and clip.path not in seen:
                clips.append(clip)
    marks = matching_bookmarks(bookmarks.list(), query, names, camera_ids)
    return ReviewHits(clips, marks)


def server_bookmarks(
    client: BookmarkSource, query: ReviewQuery, camera_ids: list[str] | None
) -> list[BookmarkOut]:
    """The server's bookmarks for ``query`` (on a network worker). ``camera_ids``: the
    cameras the query's camera text names (None: any camera)."""
    incident = query.incident_id.strip() or None
    found: dict[str, BookmarkOut] = {}
    for camera_id in camera_ids if camera_ids is not None else [None]:
        for item in client.bookmarks(
            camera_id=camera_id, incident_id=incident, since=query.since, until=query.until
        ):
            found[item.id] = item
    return sorted(found.values(), key=lambda b: (b.at, b.id))
