"""The review window's Search tab: clips and bookmarks found by camera, time, event and text.

What is searched is on this workstation: opened files, the recordings cache and the
bookmarks file. With a session the server's bookmarks for the query are read first and kept
in the bookmarks file, so the next search finds them with the network unplugged. A double
click opens a clip, or the clip a bookmark is in at the bookmark's moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.gui.plain_text import plain_label, plain_tooltip, set_plain_text
from console.gui.review.wall_time import from_qdatetime, to_qdatetime, wall_text
from console.gui.session import Session
from console.review.clips import ClipOrigin, ReviewClip
from console.review.data import ReviewData
from console.review.search import ReviewHits, ReviewQuery, search_local, server_bookmarks
from console.store.bookmarks import LocalBookmark
from console.tasks import NET, STORE, TaskRunner
from console.text import fill
from console.wire.bookmarks import BookmarkOut

logger = logging.getLogger(__name__)

_DATA = Qt.ItemDataRole.UserRole
MAX_SERVER_CAMERAS = 20


class SearchPanel(QWidget):
    """See the module docstring.

    Signals:
        clip_chosen(object): the operator wants this ReviewClip opened.
        bookmark_chosen(object): the operator wants to see this LocalBookmark.
        searched(object): results are shown (the ReviewHits).
    """

    clip_chosen = Signal(object)
    bookmark_chosen = Signal(object)
    searched = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        data: Callable[[], ReviewData | None],
        session: Session | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("review_search_panel")
        self._runner = runner
        self._data = data
        self._session = session
        self._generation = 0

        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("review_search_text")
        self.text_edit.setPlaceholderText(self.tr("Words in bookmark notes, camera or file names"))
        self.text_edit.returnPressed.connect(self._on_search_button_clicked)
        self.camera_edit = QLineEdit()
        self.camera_edit.setPlaceholderText(self.tr("Camera name or id"))
        self.camera_edit.returnPressed.connect(self._on_search_button_clicked)
        self.event_edit = QLineEdit()
        self.event_edit.setPlaceholderText(self.tr("Event id"))
        self.event_edit.returnPressed.connect(self._on_search_button_clicked)
        self.time_check = QCheckBox(self.tr("Only between"))
        now = datetime.now(UTC)
        self.from_edit = QDateTimeEdit(to_qdatetime(now - timedelta(days=7)))
        self.to_edit = QDateTimeEdit(to_qdatetime(now + timedelta(hours=1)))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
            self.time_check.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("review_search_button")
        self.search_button.clicked.connect(self._on_search_button_clicked)

        self.results = QTreeWidget()
        self.results.setObjectName("review_search_results")
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels(
            [self.tr("Found"), self.tr("Camera"), self.tr("Time"), self.tr("Note or file")]
        )
        header = self.results.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.itemDoubleClicked.connect(self._on_results_item_double_clicked)
        self.message = plain_label(QLabel())
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Text:"), self.text_edit)
        form.addRow(self.tr("Camera:"), self.camera_edit)
        form.addRow(self.tr("Event:"), self.event_edit)
        times = QHBoxLayout()
        times.addWidget(self.from_edit)
        times.addWidget(QLabel("–"))
        times.addWidget(self.to_edit)
        form.addRow(self.time_check, times)
        rows = QVBoxLayout(self)
        rows.addLayout(form)
        rows.addWidget(self.search_button)
        rows.addWidget(self.results, 1)
        rows.addWidget(self.message)

    def _on_search_button_clicked(self) -> None:
        self.search()

    def query(self) -> ReviewQuery:
        since = until = None
        if self.time_check.isChecked():
            since = from_qdatetime(self.from_edit.dateTime())
            until = from_qdatetime(self.to_edit.dateTime())
        return ReviewQuery(
            text=self.text_edit.text(),
            camera=self.camera_edit.text(),
            since=since,
            until=until,
            incident_id=self.event_edit.text(),
        )

    def _camera_ids(self, query: ReviewQuery) -> list[str] | None:
        """The cameras the query's camera text names in the session's catalogue (None: the
        query names no camera)."""
        wanted = query.camera.strip()
        if not wanted:
            return None
        catalog = self._session.cameras.catalog if self._session is not None else None
        if catalog is None:
            return [wanted]
        found = catalog.search(wanted)
        if wanted in catalog and wanted not in found:
            found.insert(0, wanted)
        return found

    def search(self, *, local_only: bool = False) -> None:
        """Search (the server's bookmarks first, with a session, unless ``local_only``);
        results replace the list."""
        data = self._data()
        if data is None:
            set_plain_text(self.message, self.tr("The bookmarks are still opening."))
            return
        query = self.query()
        if query.since and query.until and query.until <= query.since:
            set_plain_text(self.message, self.tr("The time range ends before it starts."))
            return
        self._generation += 1
        generation = self._generation
        camera_ids = self._camera_ids(query)
        set_plain_text(self.message, self.tr("Searching…"))
        session = self._session
        if session is None or session.closed or local_only:
            self._search_here(generation, data, query, camera_ids, None, "")
            return
        asked = camera_ids[:MAX_SERVER_CAMERAS] if camera_ids is not None else None
        session.runner.run(
            NET,
            server_bookmarks,
            session.client,
            query,
            asked,
            on_done=lambda found: self._search_here(generation, data, query, camera_ids, found, ""),
            on_error=lambda error: self._on_server_failed(
                generation, data, query, camera_ids, error
            ),
        )

    def _on_server_failed(
        self,
        generation: int,
        data: ReviewData,
        query: ReviewQuery,
        camera_ids: list[str] | None,
        error: BaseException,
    ) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        logger.info("review: the server's bookmarks could not be read: %s", error)
        note = self.tr("The server could not be asked; showing what this workstation holds.")
        self._search_here(generation, data, query, camera_ids, None, note)

    def _search_here(
        self,
        generation: int,
        data: ReviewData,
        query: ReviewQuery,
        camera_ids: list[str] | None,
        from_server: list[BookmarkOut] | None,
        note: str,
    ) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        if generation != self._generation:
            return
        self._runner.run(
            STORE,
            search_local,
            data.catalog,
            data.bookmarks,
            query,
            frozenset(camera_ids or ()),
            from_server,
            on_done=lambda hits: self._show(generation, hits, note),
            on_error=self._on_search_failed,
        )

    def _on_search_failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        logger.warning("review: search failed: %s", error)
        set_plain_text(self.message, fill(self.tr("The search failed: %1"), str(error)))

    def _camera_name(self, camera_id: str | None, fallback: str | None = None) -> str:
        if camera_id is None:
            return fallback or ""
        if self._session is not None:
            name = self._session.cameras.name(camera_id)
            if name != camera_id:
                return name
        return fallback or camera_id

    def _show(self, generation: int, hits: ReviewHits, note: str) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        if generation != self._generation:
            return
        self.results.clear()
        names = {c.camera_id: c.camera_name for c in hits.clips if c.camera_id and c.camera_name}
        for clip in hits.clips:
            self._add_clip(clip)
        for mark in hits.bookmarks:
            self._add_bookmark(mark, names.get(mark.camera_id or ""))
        summary = fill(
            self.tr("%1 clips and %2 bookmarks found."), len(hits.clips), len(hits.bookmarks)
        )
        set_plain_text(self.message, f"{summary} {note}".strip())
        self.searched.emit(hits)

    def _add_clip(self, clip: ReviewClip) -> None:
        kind = self.tr("Cached recording") if clip.origin is ClipOrigin.CACHE else self.tr("File")
        if not clip.playable:
            kind = self.tr("Unplayable file")
        item = QTreeWidgetItem(
            [
                kind,
                self._camera_name(clip.camera_id, clip.camera_name),
                wall_text(clip.start)[5:19],
                clip.path.name,
            ]
        )
        item.setData(0, _DATA, clip)
        item.setToolTip(3, plain_tooltip(str(clip.path)))
        self.results.addTopLevelItem(item)

    def _add_bookmark(self, mark: LocalBookmark, clip_name: str | None) -> None:
        tip = ""
        if mark.camera_id is None:
            state = self.tr("Bookmark (local)")
            tip = self.tr("Kept on this workstation only: the clip names no camera")
        elif mark.synced:
            state = self.tr("Bookmark")
        else:
            state = self.tr("Bookmark (unsent)")
            tip = self.tr("Not on the server yet: waiting in the outbox, or for the next sign-in")
        note = mark.note if not mark.incident_id else f"{mark.note} · {mark.incident_id}"
        camera = self._camera_name(mark.camera_id, clip_name)
        if mark.camera_id is None and mark.file_path:
            camera = mark.file_path.rsplit("/", 1)[-1]
        item = QTreeWidgetItem([state, camera, wall_text(mark.at)[5:19], note])
        item.setData(0, _DATA, mark)
        item.setToolTip(0, tip)
        item.setToolTip(3, plain_tooltip(mark.note))
        self.results.addTopLevelItem(item)

    def _on_results_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        found = item.data(0, _DATA)
        if isinstance(found, ReviewClip):
            self.clip_chosen.emit(found)
        elif isinstance(found, LocalBookmark):
            self.bookmark_chosen.emit(found)
