"""Bookmarks for the review window: kept in the bookmarks file at once (store lane) and, for
a clip of a known camera with a session, queued to the server through the outbox
(``Session.queue_action``). Bookmarks made with no session are queued at the next signed-in
review (``catch_up``), each once, marked as made offline on this workstation (see
``console.review.bookmarks`` for who sends what).

A bookmark made the moment a clip opens, before the catalogue has examined it, is not left
on the file: the clip's camera is looked up first (on a worker), and the bookmark is kept
on that camera and queued like any other. One made before the bookmarks file is open waits
for it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from console.gui.session import Session
from console.review.bookmark_origins import Sender
from console.review.bookmarks import QueuedRequest, catch_up, note_delivered, note_taken
from console.review.clips import ReviewClip
from console.review.data import ReviewData
from console.store.bookmarks import LocalBookmark
from console.tasks import NET, STORE, TaskRunner

logger = logging.getLogger(__name__)


def bookmarks_in(
    data: ReviewData, clips: list[ReviewClip], outbox: object | None
) -> list[LocalBookmark]:
    """On the store lane: the bookmarks inside ``clips`` (their camera's, or the file's), in
    time order; with an outbox, delivered ones are first noted as synced."""
    if outbox is not None:
        note_delivered(data.bookmarks, outbox)  # type: ignore[arg-type]
    found: dict[str, LocalBookmark] = {}
    for clip in clips:
        for mark in data.catalog.bookmarks_of(clip):
            found[mark.id] = mark
    return sorted(found.values(), key=lambda m: (m.at, m.id))


def camera_of_clip(data: ReviewData, path: Path) -> str | None:
    """On a worker: the camera the clip at ``path`` names, catalogued now if it was not."""
    clip = next((c for c in data.catalog.clips() if c.path == path), None)
    if clip is None:
        added = data.catalog.add_paths([path])
        clip = added[0] if added else None
    return clip.camera_id if clip is not None else None


class Bookmarking(QObject):
    """See the module docstring.

    Signals:
        added(object): a LocalBookmark is in the bookmarks file.
        queued(object): its request is in the outbox (the OutboxItem).
        removed(str): a bookmark's id, gone from the file.
        refreshed(list): the bookmarks of the open clips (LocalBookmark, time order).
        failed(str): what went wrong, for the operator.
    """

    added = Signal(object)
    queued = Signal(object)
    removed = Signal(str)
    refreshed = Signal(list)
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        session: Session | None,
        data: Callable[[], ReviewData | None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._session = session
        self._data = data
        self._waiting: list[Callable[[], None]] = []  # made before the bookmarks file opened

    @property
    def online(self) -> bool:
        """Whether bookmarks go to the server now (a live session)."""
        return self._session is not None and not self._session.closed

    def _sender(self) -> Sender | None:
        """The officer whose outbox sends bookmarks made now; None with no one signed in."""
        if not self.online:
            return None
        assert self._session is not None
        return Sender(self._session.user.id, self._session.client.api_root)

    def _outbox(self) -> object | None:
        return self._session.store.outbox if self.online else None  # type: ignore[union-attr]

    def add(
        self,
        at: datetime,
        note: str,
        *,
        camera_id: str | None,
        file_path: Path | None,
        incident_id: str | None = None,
    ) -> None:
        """Keep a bookmark at ``at`` on ``camera_id``; with no camera given, on the camera the
        clip at ``file_path`` names (looked up first), else on that file only."""
        data = self._data()
        if data is None:
            self._waiting.append(
                functools.partial(
                    self.add,
                    at,
                    note,
                    camera_id=camera_id,
                    file_path=file_path,
                    incident_id=incident_id,
                )
            )
            return
        if camera_id is None and file_path is not None:
            keep = functools.partial(self._keep, data, at, note, file_path, incident_id)
            self._runner.run(
                NET,
                camera_of_clip,
                data,
                file_path,
                on_done=keep,
                on_error=lambda _error: keep(None),  # the file alone still holds it
            )
            return
        self._keep(data, at, note, file_path, incident_id, camera_id)

    def _keep(
        self,
        data: ReviewData,
        at: datetime,
        note: str,
        file_path: Path | None,
        incident_id: str | None,
        camera_id: str | None,
    ) -> None:
        # Kept even if the window closed while the clip was looked up: the note is typed.
        work = functools.partial(
            data.bookmarks.add,
            at,
            note,
            camera_id=camera_id,
            file_path=None if camera_id else str(file_path) if file_path else None,
            incident_id=incident_id,
            made_by=self._sender(),
        )
        self._runner.run(STORE, work, on_done=self._on_added, on_error=self._on_failed)

    def data_ready(self) -> None:
        """The bookmarks file is open: keep the bookmarks made while it opened (call after
        ``catch_up``, so that it cannot see them before they are queued)."""
        waiting, self._waiting = self._waiting, []
        for add in waiting:
            add()

    def data_failed(self, reason: str) -> None:
        """The bookmarks file could not be opened: the bookmarks made meanwhile are not kept."""
        if self._waiting:
            self._waiting = []
            self.failed.emit(reason)

    def _on_added(self, made: tuple[LocalBookmark, QueuedRequest | None]) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        mark, request = made
        self.added.emit(mark)
        if request is not None and self.online:
            self._queue(request)

    def _queue(self, request: QueuedRequest) -> None:
        assert self._session is not None
        sender = self._sender()
        data = self._data()
        self._session.queue_action(
            request.kind,
            request.method,
            request.path,
            request.body,
            title=QCoreApplication.translate("Bookmarking", "Queuing a bookmark for the server"),
            on_done=self._on_queued,
            on_error=self._on_failed,
            **request.options,
        )
        if request.creates is not None and sender is not None and data is not None:
            # Next on the store lane, right behind the enqueue: whatever happens on this
            # thread meanwhile (a sign-out, the window closing), no later sign-in sends it.
            self._runner.run(
                STORE,
                note_taken,
                data.bookmarks,
                self._session.store.outbox,
                request.creates,
                sender,
                on_error=self._on_failed,
            )

    def _on_queued(self, item: object) -> None:
        if isValid(self):
            self.queued.emit(item)

    def remove(self, mark: LocalBookmark) -> None:
        data = self._data()
        if data is None:
            return
        self._runner.run(
            STORE,
            data.bookmarks.remove,
            mark.id,
            on_done=lambda request: self._on_removed(mark.id, request),
            on_error=self._on_failed,
        )

    def _on_removed(self, bookmark_id: str, request: QueuedRequest | None) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        self.removed.emit(bookmark_id)
        if request is not None and self.online:
            self._queue(request)

    def catch_up(self) -> None:
        """Queue bookmarks made with no session (call once the data is open)."""
        data = self._data()
        outbox = self._outbox()
        if data is None or outbox is None:
            return
        self._runner.run(
            STORE,
            catch_up,
            data.bookmarks,
            outbox,
            self._sender(),
            on_done=self._on_caught_up,
            on_error=self._on_failed,
        )

    def _on_caught_up(self, requests: list[QueuedRequest]) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        if requests:
            logger.info("review: %d bookmarks made offline go to the server now", len(requests))
        for request in requests:
            if self.online:
                self._queue(request)

    def refresh(self, clips: list[ReviewClip]) -> None:
        data = self._data()
        if data is None:
            self.refreshed.emit([])
            return
        self._runner.run(
            STORE,
            bookmarks_in,
            data,
            clips,
            self._outbox(),
            on_done=self.refreshed.emit,
            on_error=self._on_failed,
        )

    def _on_failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        logger.warning("review: bookmark work failed: %s", error)
        self.failed.emit(str(error))
