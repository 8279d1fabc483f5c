"""The review window's Recordings tab: the server's recordings of chosen cameras in a time
range, downloaded into the offline cache and opened (with a session only).

Cameras are found by name or id in the session's catalogue. Listing and downloading run on
network workers; a download reports its bytes as they arrive (``progressed``, emitted on the
worker's thread at most ten times a second besides each recording's start and end, queued to
the GUI): one bar shows the recording now arriving, another the whole download, and the
message names the camera (plain text). It ends with the clips in the cache, or with a
message that says which recordings did not come and why. Stop ends the recording arriving
at once; nothing of it is kept.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.client import BackendError, ErrorKind
from console.client.errors import AnswerProblem, MalformedResponseError
from console.gui.plain_text import plain_label, plain_tooltip, set_plain_text, set_plain_tooltip
from console.gui.review.wall_time import from_qdatetime, size_text, to_qdatetime, wall_text
from console.gui.session import Session
from console.review.cache import RecordingCache
from console.review.downloads import (
    DownloadOutcome,
    DownloadProgress,
    download_recordings,
    list_recordings,
)
from console.tasks import NET
from console.text import fill
from console.wire.media import RecordingOut

logger = logging.getLogger(__name__)

MAX_CAMERA_MATCHES = 200
# The bars count thousandths: byte counts can pass a QProgressBar's (32-bit) range.
_BAR_STEPS = 1000
_DATA = Qt.ItemDataRole.UserRole


def listed_with_cache_state(
    client: object,
    cache: RecordingCache | None,
    camera_ids: list[str],
    start: datetime,
    end: datetime,
) -> list[tuple[RecordingOut, bool]]:
    """On a worker: the recordings, each with whether the cache holds it already (False
    while the cache is not open yet)."""
    listed = list_recordings(client, camera_ids, start, end)  # type: ignore[arg-type]
    return [(r, cache is not None and cache.clip_path(r.id).exists()) for r in listed]


class RecordingsPanel(QWidget):
    """See the module docstring.

    Signals:
        progressed(object): a DownloadProgress (emitted on the download's worker thread).
        downloaded(object): a download ended (the DownloadOutcome), on the GUI thread.
        clips_ready(list): paths of downloaded clips to open together.
        listed(int): the server listed this many recordings.
    """

    progressed = Signal(object)
    downloaded = Signal(object)
    clips_ready = Signal(list)
    listed = Signal(int)

    def __init__(
        self,
        session: Session,
        cache: Callable[[], RecordingCache | None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("review_recordings_panel")
        self._session = session
        self._cache = cache
        self._cancel = threading.Event()
        self._busy = False

        self.camera_edit = QLineEdit()
        self.camera_edit.setObjectName("review_camera_search")
        self.camera_edit.setPlaceholderText(self.tr("Camera name or id"))
        self.camera_edit.setClearButtonEnabled(True)
        self.camera_edit.textChanged.connect(self._on_camera_edit_text_changed)
        self.camera_list = QListWidget()
        self.camera_list.setObjectName("review_camera_list")
        self.camera_list.setMaximumHeight(130)
        now = datetime.now(UTC)
        self.from_edit = self._time_edit(now - timedelta(hours=24))
        self.to_edit = self._time_edit(now)
        self.list_button = QPushButton(self.tr("List recordings"))
        self.list_button.clicked.connect(self.list_recordings)

        self.recordings = QTreeWidget()
        self.recordings.setObjectName("review_recordings")
        self.recordings.setRootIsDecorated(False)
        self.recordings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.recordings.setHeaderLabels(
            [self.tr("Camera"), self.tr("From"), self.tr("To"), self.tr("Size"), self.tr("Here")]
        )
        header = self.recordings.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.recordings.itemDoubleClicked.connect(self._on_recordings_item_double_clicked)
        self.download_button = QPushButton(self.tr("Download and open"))
        self.download_button.setObjectName("review_download")
        set_plain_tooltip(
            self.download_button,
            self.tr("Download the ticked recordings into the offline cache and play them together"),
        )
        self.download_button.clicked.connect(self.download_checked)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.file_progress = QProgressBar()
        self.file_progress.setObjectName("review_file_progress")
        self.progress = QProgressBar()
        self.progress.setObjectName("review_download_progress")
        self.progress_rows = QWidget()
        bars = QFormLayout(self.progress_rows)
        bars.setContentsMargins(0, 0, 0, 0)
        bars.addRow(self.tr("This recording:"), self.file_progress)
        bars.addRow(self.tr("All:"), self.progress)
        self.progress_rows.setVisible(False)
        self.message = plain_label(QLabel())
        self.message.setObjectName("review_recordings_message")
        self.message.setWordWrap(True)
        # Emitted on the download's worker: queued to the GUI thread.
        self.progressed.connect(self._on_progressed)

        form = QFormLayout()
        form.addRow(self.tr("Cameras:"), self.camera_edit)
        form.addRow("", self.camera_list)
        form.addRow(self.tr("From:"), self.from_edit)
        form.addRow(self.tr("To:"), self.to_edit)
        rows = QVBoxLayout(self)
        rows.addLayout(form)
        rows.addWidget(self.list_button)
        rows.addWidget(self.recordings, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button, 1)
        buttons.addWidget(self.cancel_button)
        rows.addLayout(buttons)
        rows.addWidget(self.progress_rows)
        rows.addWidget(self.message)

    def _time_edit(self, moment: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(to_qdatetime(moment))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return edit

    # ---------------------------------------------------------------- cameras

    def _on_camera_edit_text_changed(self, text: str) -> None:
        checked = set(self.chosen_cameras())
        self.camera_list.clear()
        catalog = self._session.cameras.catalog
        text = text.strip()
        if catalog is None:
            found = [text] if text else []
        else:
            found = catalog.search(text)[:MAX_CAMERA_MATCHES] if text else []
            if text in catalog and text not in found:
                found.insert(0, text)
        for camera_id in [*sorted(checked), *[c for c in found if c not in checked]]:
            self._add_camera(camera_id, camera_id in checked)

    def _add_camera(self, camera_id: str, checked: bool, *, first: bool = False) -> None:
        name = self._session.cameras.name(camera_id)
        label = name if name == camera_id else f"{name} · {camera_id}"
        item = QListWidgetItem(label)
        item.setData(_DATA, camera_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setToolTip(plain_tooltip(label))
        if first:
            self.camera_list.insertItem(0, item)
        else:
            self.camera_list.addItem(item)

    def choose_cameras(self, camera_ids: list[str]) -> None:
        """Tick ``camera_ids`` (adding them to the list)."""
        have = {
            self.camera_list.item(i).data(_DATA): self.camera_list.item(i)
            for i in range(self.camera_list.count())
        }
        for camera_id in camera_ids:
            if camera_id in have:
                have[camera_id].setCheckState(Qt.CheckState.Checked)
            else:
                self._add_camera(camera_id, True, first=True)

    def chosen_cameras(self) -> list[str]:
        out = []
        for index in range(self.camera_list.count()):
            item = self.camera_list.item(index)
            if item.checkState() is Qt.CheckState.Checked:
                out.append(str(item.data(_DATA)))
        return out

    def set_range(self, start: datetime, end: datetime) -> None:
        self.from_edit.setDateTime(to_qdatetime(start))
        self.to_edit.setDateTime(to_qdatetime(end))

    # ---------------------------------------------------------------- listing

    def list_recordings(self) -> None:
        cameras = self.chosen_cameras()
        start = from_qdatetime(self.from_edit.dateTime())
        end = from_qdatetime(self.to_edit.dateTime())
        cache = self._cache()
        if not cameras:
            self._say(self.tr("Tick one or more cameras first (search by name or id)."))
            return
        if end <= start:
            self._say(self.tr("The time range ends before it starts."))
            return
        self.list_button.setEnabled(False)
        self._say(self.tr("Asking the server…"))
        self._session.runner.run(
            NET,
            listed_with_cache_state,
            self._session.client,
            cache,
            cameras,
            start,
            end,
            on_done=self._on_listed,
            on_error=self._on_list_failed,
        )

    def _on_listed(self, found: list[tuple[RecordingOut, bool]]) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        self.list_button.setEnabled(True)
        self.recordings.clear()
        for recording, cached in found:
            name = self._session.cameras.name(recording.camera_id)
            item = QTreeWidgetItem(
                [
                    name,
                    wall_text(recording.start)[:19],
                    wall_text(recording.end)[11:19],
                    size_text(recording.size),
                    "✓" if cached else "",
                ]
            )
            item.setData(0, _DATA, recording)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(0, plain_tooltip(f"{name} · {recording.camera_id}"))
            self.recordings.addTopLevelItem(item)
        if found:
            self._say(
                fill(
                    self.tr("%1 recordings. Tick up to four and download them to play together."),
                    len(found),
                )
            )
        else:
            self._say(self.tr("The server has no recording of these cameras in that time."))
        self.listed.emit(len(found))

    def _on_list_failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        self.list_button.setEnabled(True)
        logger.warning("review: listing recordings failed: %s", error)
        self._say(fill(self.tr("The recordings could not be listed: %1"), self._reason(error)))

    def _on_recordings_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._busy:
            self.download([item.data(0, _DATA)])

    def _items(self) -> list[QTreeWidgetItem]:
        found = (
            self.recordings.topLevelItem(i) for i in range(self.recordings.topLevelItemCount())
        )
        return [item for item in found if item is not None]

    def check_all(self) -> None:
        for item in self._items():
            item.setCheckState(0, Qt.CheckState.Checked)

    def checked_recordings(self) -> list[RecordingOut]:
        return [
            item.data(0, _DATA)
            for item in self._items()
            if item.checkState(0) is Qt.CheckState.Checked
        ]

    # ---------------------------------------------------------------- downloading

    def download_checked(self) -> None:
        chosen = self.checked_recordings()
        if not chosen:
            self._say(self.tr("Tick the recordings to download first."))
            return
        self.download(chosen)

    def download(self, recordings: list[RecordingOut]) -> None:
        """Fetch ``recordings`` into the cache on a worker, then ask to open them."""
        cache = self._cache()
        if self._busy:
            return
        if cache is None:
            self._say(self.tr("The offline cache is still opening; try again in a moment."))
            return
        self._busy = True
        self._cancel.clear()
        self.download_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_rows.setVisible(True)
        self._show_share(self.file_progress, 0, recordings[0].size)
        self._show_share(self.progress, 0, sum(r.size for r in recordings))
        names = {r.camera_id: self._session.cameras.name(r.camera_id) for r in recordings}
        work = functools.partial(
            download_recordings,
            progress=self.progressed.emit,
            cancelled=self._cancel.is_set,
        )
        self._session.runner.run(
            NET,
            work,
            cache,
            self._session.client,
            recordings,
            names,
            on_done=self._on_downloaded,
            on_error=self._on_download_crashed,
        )

    @property
    def busy(self) -> bool:
        return self._busy

    def _on_progressed(self, progress: DownloadProgress) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        if not self._busy:
            return
        self._show_share(self.progress, progress.bytes_done, progress.bytes_total)
        current = progress.current
        if current is None:
            return
        name = self._session.cameras.name(current.camera_id)
        if progress.file_size is None:  # neither the answer nor the listing said how large
            self.file_progress.setRange(0, 0)
            text = fill(
                self.tr("Downloading %1 of %2: %3, %4 so far"),
                progress.done + 1,
                progress.total,
                name,
                size_text(progress.file_bytes),
            )
        else:
            self._show_share(self.file_progress, progress.file_bytes, progress.file_size)
            text = fill(
                self.tr("Downloading %1 of %2: %3 (%4)"),
                progress.done + 1,
                progress.total,
                name,
                size_text(progress.file_size),
            )
        if text != self.message.text():
            self._say(text)

    def _show_share(self, bar: QProgressBar, part: int, whole: int) -> None:
        """``part`` of ``whole`` bytes on ``bar``, in thousandths, sizes in its text."""
        steps = min(_BAR_STEPS, _BAR_STEPS * part // whole) if whole > 0 else 0
        bar.setRange(0, _BAR_STEPS)
        bar.setValue(steps)
        bar.setFormat(fill(self.tr("%1 of %2 (%p%)"), size_text(part), size_text(whole)))

    def _finish(self) -> None:
        self._busy = False
        self.download_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress_rows.setVisible(False)

    def _on_downloaded(self, outcome: DownloadOutcome) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        self._finish()
        self._mark_cached(outcome.paths)
        if outcome.failures:
            first = outcome.failures[0]
            missing = len(outcome.failures) + len(outcome.skipped)
            # A recording cut off halfway comes first when the server stops mid-file.
            if outcome.server_away:
                text = self.tr(
                    "The server could not be reached: %1 recordings were not downloaded. "
                    "What is already in the cache still plays."
                )
                self._say(fill(text, missing))
            else:
                self._say(
                    fill(
                        self.tr("%1 recordings were not downloaded: %2"),
                        missing,
                        self._reason(first.error),
                    )
                )
        elif outcome.cancelled:
            self._say(fill(self.tr("Stopped: %1 recordings were left out."), len(outcome.skipped)))
        else:
            self._say(fill(self.tr("%1 recordings are in the offline cache."), len(outcome.paths)))
        self.downloaded.emit(outcome)
        if outcome.paths:
            self.clips_ready.emit(list(outcome.paths))

    def _on_download_crashed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted with its window while the work ran
            return
        self._finish()
        logger.error("review: the download failed", exc_info=(type(error), error, None))
        self._say(fill(self.tr("The download failed: %1"), self._reason(error)))
        self.downloaded.emit(DownloadOutcome())

    def _mark_cached(self, paths: list[Path]) -> None:
        names = {p.stem for p in paths}
        for item in self._items():
            if item.data(0, _DATA).id in names:
                item.setText(4, "✓")

    # ---------------------------------------------------------------- messages

    def _say(self, text: str) -> None:
        set_plain_text(self.message, text)

    def _reason(self, error: BaseException) -> str:
        if isinstance(error, BackendError):
            if error.kind in (ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT):
                return self.tr("the server cannot be reached")
            if error.kind is ErrorKind.UNAUTHORIZED:
                return self.tr("the session has ended; sign in again")
            if error.kind in (ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND):
                return self.tr("not available to you (or no longer on the server)")
            if isinstance(error, MalformedResponseError) and error.problem is AnswerProblem.CUT_OFF:
                return self.tr("the connection broke off before the recording ended")
            if error.kind is ErrorKind.MALFORMED_RESPONSE:
                return self.tr("the file arrived damaged")
        if isinstance(error, OSError):
            return fill(self.tr("the disk said: %1"), error.strerror or str(error))
        return str(error)

    def close_panel(self) -> None:
        """Stop a running download (the recording arriving is left out whole)."""
        self._cancel.set()
