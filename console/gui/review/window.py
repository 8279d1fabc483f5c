"""The review window: recorded clips played offline, one to four on one wall clock.

Files come from the command line (``tianmu review FILE…``), the File menu or a drop. Each is
examined on a worker (``probe_clip``); a file that cannot be played gets a tile saying why,
and nothing else is affected. No server and no sign-in are needed.

With a session (opened from the signed-in console) a dock adds the server's recordings by
camera and time, downloaded into the offline cache (``recordings_panel``); search over clips
and bookmarks, and bookmarks sent through the outbox, work with or without one
(``search_panel``, ``bookmarking``); so do exports, whose record reaches the server through
the outbox when there is a session (``export_recording``).

Keys: Space plays and pauses; Left/Right jump 5 s, Shift+Left/Right (or Up/Down) 30 s; ``[``
and ``]`` halve and double the speed (1/8× to 16×; a new clip keeps the speed); ``,`` and ``.``
step one frame back and forward; A and B mark a range; M adds a bookmark at the playhead.
"""

from __future__ import annotations

import functools
import getpass
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import paths
from console.evidence import ClipRange, ExportResult
from console.gui.plain_text import plain_label, set_plain_tooltip
from console.gui.review.bookmarking import Bookmarking
from console.gui.review.bookmarks_panel import BookmarksPanel
from console.gui.review.clip_tile import ClipTile
from console.gui.review.export_recording import ExportRecorder, export_range_signed
from console.gui.review.recordings_panel import RecordingsPanel
from console.gui.review.review_dialogs import BookmarkDialog, ExportDialog
from console.gui.review.search_panel import SearchPanel
from console.gui.review.timeline import Span, Timeline
from console.gui.review.wall_time import rate_text, wall_text
from console.gui.session import Session
from console.gui.wall.snapshot import SnapshotLabel, SnapshotRequest, copy_held_picture
from console.review import places
from console.review.clips import ReviewClip
from console.review.data import ReviewData, open_review_data
from console.settings import Settings
from console.store.bookmarks import LocalBookmark
from console.tasks import NET, STORE, TaskRunner
from console.text import fill
from console.video.clip_control import NORMAL_RATE, RATES, ClipPlayer, ClipState
from console.video.clip_info import ClipError, ClipInfo, probe_clip, video_files
from console.video.clip_sync import ClipGroup

logger = logging.getLogger(__name__)

MAX_CLIPS = 4
_TICK_MS = 20
_SUFFIX_FILTER = "*.mp4 *.ts *.mkv *.m4v *.mov"
_DEFAULT_CACHE_MB = 4096


def open_default_review_data(cache_limit_mb: int) -> ReviewData:
    """On the store lane: the bookmarks file and recordings cache in their usual places."""
    return open_review_data(
        places.bookmarks_file(),
        places.recordings_cache_dir(),
        places.cache_limit_bytes(cache_limit_mb),
    )


def describe_clip(data: ReviewData, path: Path) -> ReviewClip | None:
    """On a worker: ``path`` in the catalogue (searchable), with its camera if known."""
    added = data.catalog.add_paths([path])
    return added[0] if added else None


class ReviewWindow(QMainWindow):
    """See the module docstring. ``session`` (optional) is the signed-in console's; the
    bookmarks file and cache open on the store lane unless ``data`` is given.

    Signals:
        clip_added(ClipTile): a clip (or its problem) is shown.
        snapshot_saved(str): the file written.
        exported(ExportResult): an export is done (its record follows, with a session).
        data_opened(ReviewData): the bookmarks file and the cache are open.
        bookmarks_shown(list): the LocalBookmarks on the timeline now.
    """

    clip_added = Signal(object)
    snapshot_saved = Signal(str)
    exported = Signal(object)
    #: the bookmarks file and cache are open (the ReviewData)
    data_opened = Signal(object)
    #: the bookmarks shown on the timeline changed (list of LocalBookmark)
    bookmarks_shown = Signal(list)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        session: Session | None = None,
        settings: Settings | None = None,
        data: ReviewData | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("review_window")
        self.setWindowTitle(self.tr("Review clips"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)
        self._runner = runner
        self._session = session
        self._settings = settings if settings is not None else session.settings if session else None
        self._data: ReviewData | None = None
        self._owns_data = data is None
        self._clips_by_path: dict[Path, ReviewClip] = {}
        self._marks: list[LocalBookmark] = []
        self._pending_seek: datetime | None = None
        self._closed = False
        self.group = ClipGroup()
        self.tiles: list[ClipTile] = []
        self._rate_index = NORMAL_RATE
        self._range: tuple[datetime | None, datetime | None] = (None, None)
        self._current: ClipTile | None = None
        self._probing = 0
        self._shown: set[int] = set()

        self.timeline = Timeline()
        self.timeline.seek_requested.connect(self._on_timeline_seek_requested)
        self.timeline.previewed.connect(self._on_timeline_previewed)
        self.preview_label = QLabel()
        self.clock_label = QLabel("--:--:--")
        self.clock_label.setObjectName("review_clock")
        font = self.clock_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.clock_label.setFont(font)
        self.rate_label = QLabel(rate_text(1.0))
        self.range_label = QLabel()
        self._grid = QGridLayout()
        self._grid.setSpacing(2)
        self._empty = QLabel(self.tr("Open or drop recorded clips (MP4, TS, MKV) to review them."))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._grid.addWidget(self._empty, 0, 0)

        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(self._grid, 1)
        column.addWidget(self.timeline)
        column.addLayout(self._transport())
        self.setCentralWidget(central)
        self.bookmarking = Bookmarking(runner, session, lambda: self._data, parent=self)
        self.recorder = ExportRecorder(runner, session, parent=self)
        self._make_side_panels()
        self._make_menus()
        self._connect_side()
        self._opening_data = False
        if data is not None:
            self._on_data_opened(data)
        else:
            self._open_data()

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    # ---------------------------------------------------------------- building

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        set_plain_tooltip(button, tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _transport(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.play_button = self._button(
            self.tr("Play"), self.tr("Play or pause (Space)"), self.toggle_play
        )
        buttons = [
            self._button("−30 s", self.tr("Back 30 seconds (Shift+Left)"), lambda: self.jump(-30)),
            self._button("−5 s", self.tr("Back 5 seconds (Left)"), lambda: self.jump(-5)),
            self._button("◀|", self.tr("One frame back (,)"), lambda: self.step(-1)),
            self.play_button,
            self._button("|▶", self.tr("One frame forward (.)"), lambda: self.step(1)),
            self._button("+5 s", self.tr("Forward 5 seconds (Right)"), lambda: self.jump(5)),
            self._button(
                "+30 s", self.tr("Forward 30 seconds (Shift+Right)"), lambda: self.jump(30)
            ),
            self._button(
                self.tr("Slower"), self.tr("Half the speed ([)"), lambda: self.change_rate(-1)
            ),
            self._button(
                self.tr("Faster"), self.tr("Double the speed (])"), lambda: self.change_rate(1)
            ),
        ]
        for button in buttons:
            row.addWidget(button)
        row.addWidget(self.rate_label)
        row.addSpacing(12)
        row.addWidget(self._button("A", self.tr("Range start here (A)"), self.mark_a))
        row.addWidget(self._button("B", self.tr("Range end here (B)"), self.mark_b))
        row.addWidget(self.range_label)
        row.addStretch(1)
        row.addWidget(self.preview_label)
        row.addSpacing(12)
        row.addWidget(self.clock_label)
        return row

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&Open clips…"), QKeySequence.StandardKey.Open, self.ask_files
        )
        self._action(file_menu, self.tr("Open &folder…"), None, self.ask_folder)
        self._action(file_menu, self.tr("&Close all clips"), None, self.close_clips)
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("Close &window"), QKeySequence.StandardKey.Close, self.close
        )
        clip_menu = self.menuBar().addMenu(self.tr("&Clip"))
        self._action(clip_menu, self.tr("&Snapshot"), QKeySequence("Ctrl+S"), self.snapshot)
        self._action(clip_menu, self.tr("Range &start (A)"), QKeySequence("A"), self.mark_a)
        self._action(clip_menu, self.tr("Range &end (B)"), QKeySequence("B"), self.mark_b)
        self._action(clip_menu, self.tr("Clear &range"), None, self.clear_range)
        self.bookmark_action = self._action(
            clip_menu, self.tr("Add &bookmark…"), QKeySequence("M"), self.ask_bookmark
        )
        self.export_action = self._action(
            clip_menu, self.tr("&Export range…"), None, self.ask_export
        )
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._action(
            view_menu, self.tr("Zoom &in"), QKeySequence("Ctrl++"), lambda: self.timeline.zoom(0.5)
        )
        self._action(
            view_menu, self.tr("Zoom &out"), QKeySequence("Ctrl+-"), lambda: self.timeline.zoom(2.0)
        )
        self._action(
            view_menu, self.tr("Show &all"), QKeySequence("Ctrl+0"), self.timeline.show_all
        )
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Space", self.toggle_play),
            ("Left", lambda: self.jump(-5)),
            ("Right", lambda: self.jump(5)),
            ("Shift+Left", lambda: self.jump(-30)),
            ("Shift+Right", lambda: self.jump(30)),
            ("Down", lambda: self.jump(-30)),
            ("Up", lambda: self.jump(30)),
            ("[", lambda: self.change_rate(-1)),
            ("]", lambda: self.change_rate(1)),
            (",", lambda: self.step(-1)),
            (".", lambda: self.step(1)),
        ]
        for key, slot in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _make_side_panels(self) -> None:
        """The dock of tabs: Recordings (with a session), Search and Bookmarks."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("review_tabs")
        self.recordings_panel: RecordingsPanel | None = None
        if self._session is not None:
            self.recordings_panel = RecordingsPanel(
                self._session, lambda: self._data.cache if self._data else None
            )
            self.tabs.addTab(self.recordings_panel, self.tr("Recordings"))
        else:
            note = plain_label(
                QLabel(
                    self.tr(
                        "Sign in to list and download the server's recordings. Recordings "
                        "downloaded before are listed under Search and play without a server."
                    )
                )
            )
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop)
            note.setObjectName("review_offline_note")
            self.tabs.addTab(note, self.tr("Recordings"))
        self.search_panel = SearchPanel(self._runner, lambda: self._data, self._session)
        self.tabs.addTab(self.search_panel, self.tr("Search"))
        self.bookmarks_panel = BookmarksPanel()
        self.tabs.addTab(self.bookmarks_panel, self.tr("Bookmarks"))
        if self._session is None:
            self.tabs.setCurrentWidget(self.search_panel)
        self.side_dock = QDockWidget(self.tr("Clips and bookmarks"), self)
        self.side_dock.setObjectName("review_side_dock")
        self.side_dock.setWidget(self.tabs)
        self.side_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.side_dock)
        self.resizeDocks([self.side_dock], [420], Qt.Orientation.Horizontal)

    def _connect_side(self) -> None:
        if self.recordings_panel is not None:
            self.recordings_panel.clips_ready.connect(self.open_recordings)
            self.recordings_panel.downloaded.connect(self._on_recordings_panel_downloaded)
        if self._session is not None:
            # The outbox delivered something: bookmarks sent show as on the server.
            self._session.signals.pending_counted.connect(self._on_session_pending_counted)
        self.search_panel.clip_chosen.connect(self._on_search_panel_clip_chosen)
        self.search_panel.bookmark_chosen.connect(self.go_to_bookmark)
        self.bookmarks_panel.bookmark_chosen.connect(self.go_to_bookmark)
        self.bookmarks_panel.add_requested.connect(self.ask_bookmark)
        self.bookmarks_panel.remove_requested.connect(self.bookmarking.remove)
        self.bookmarking.added.connect(self._on_bookmarking_added)
        self.bookmarking.removed.connect(self._on_bookmarking_removed)
        self.bookmarking.refreshed.connect(self._on_bookmarking_refreshed)
        self.bookmarking.failed.connect(self._on_bookmarking_failed)
        self.recorder.recorded.connect(self._on_recorder_recorded)
        self.recorder.failed.connect(self._on_recorder_failed)

    def _on_recordings_panel_downloaded(self, _outcome: object) -> None:
        self.search_panel.search(local_only=True)

    def _on_session_pending_counted(self, _count: int) -> None:
        if not self._closed and self._marks and not all(m.synced for m in self._marks):
            self.refresh_bookmarks()

    def _cache_limit_mb(self) -> int:
        if self._settings is None:
            return _DEFAULT_CACHE_MB
        try:
            return max(1, int(self._settings.get("review.cache_limit_mb")))
        except (KeyError, TypeError, ValueError):
            return _DEFAULT_CACHE_MB

    def _open_data(self) -> None:
        if self._opening_data:
            return
        self._opening_data = True
        self._runner.run(
            STORE,
            open_default_review_data,
            self._cache_limit_mb(),
            on_done=self._on_data_opened,
            on_error=self._on_data_failed,
        )

    def _on_data_opened(self, data: ReviewData) -> None:
        self._opening_data = False
        if self._closed:
            if self._owns_data:
                self._runner.run(STORE, data.close)
            return
        self._data = data
        self.data_opened.emit(data)
        # Clips opened before the data was there get their catalogue entry now.
        for tile in self.tiles:
            if tile.player is not None:
                self._describe(tile.player.info.path)
        self.bookmarking.catch_up()
        self.bookmarking.data_ready()
        self.recorder.record([])
        self.search_panel.search(local_only=True)

    def _on_data_failed(self, error: BaseException) -> None:
        self._opening_data = False
        logger.error("review: the bookmarks file or the cache could not be opened: %s", error)
        self.bookmarking.data_failed(str(error))
        self.statusBar().showMessage(
            fill(self.tr("Bookmarks and the offline cache are not available: %1"), str(error))
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        key: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(key)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---------------------------------------------------------------- opening

    def open_paths(self, given: list[Path]) -> None:
        """Examine and show the clips in ``given`` (files or folders), on a worker."""
        files = video_files([Path(path) for path in given])
        room = MAX_CLIPS - len(self.tiles) - self._probing
        if len(files) > room:
            self.statusBar().showMessage(
                fill(
                    self.tr("At most %1 clips play together; %2 were left out."),
                    MAX_CLIPS,
                    len(files) - max(0, room),
                )
            )
            files = files[: max(0, room)]
        for path in files:
            self._probing += 1
            self._runner.run(
                NET,
                probe_clip,
                path,
                on_done=self._on_probed,
                on_error=functools.partial(self._on_probe_failed, path),
            )

    def ask_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Open clips"), "", fill(self.tr("Video clips (%1)"), _SUFFIX_FILTER)
        )
        self.open_paths([Path(name) for name in names])

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of clips"))
        if folder:
            self.open_paths([Path(folder)])

    def _on_probed(self, info: ClipInfo) -> None:
        self._probing -= 1
        if self._closed:
            return
        tile = self._new_tile(info.name)
        player = ClipPlayer(info, f"review-{len(self.tiles)}")
        # Pictures at the recording's own size, whatever the tile's (see ClipTile).
        player.source.request_size(info.width or 640, info.height or 360)
        player.open()
        tile.show_player(player)
        self.group.add(player)
        if info.damage:
            tile.set_note(info.damage)
            self.statusBar().showMessage(info.damage)
        elif info.start_from == "file time":
            self.statusBar().showMessage(
                fill(self.tr("%1: recording time guessed from the file's date"), info.path.name)
            )
        self._refresh_spans()
        self._describe(info.path)
        self.clip_added.emit(tile)
        if self._probing == 0 and self._pending_seek is not None:
            moment, self._pending_seek = self._pending_seek, None
            self.seek(moment)

    def _describe(self, path: Path) -> None:
        data = self._data
        if data is None:
            return
        self._runner.run(
            NET,
            describe_clip,
            data,
            path,
            on_done=self._on_described,
            on_error=self._on_describe_failed,
        )

    def _on_described(self, clip: ReviewClip | None) -> None:
        if self._closed:
            return
        if clip is None:
            return
        if any(t.player is not None and t.player.info.path == clip.path for t in self.tiles):
            self._clips_by_path[clip.path] = clip
            self.refresh_bookmarks()
            self.search_panel.search(local_only=True)  # the opened file is findable now

    def _on_describe_failed(self, error: BaseException) -> None:
        logger.info("review: a clip could not be added to the catalogue: %s", error)

    def open_recordings(self, paths: list[Path]) -> None:
        """Play downloaded recordings together, in place of the clips open now."""
        self.close_clips()
        if len(paths) > MAX_CLIPS:
            self.statusBar().showMessage(
                fill(
                    self.tr("The first %1 play together; the other %2 are in the offline cache."),
                    MAX_CLIPS,
                    len(paths) - MAX_CLIPS,
                )
            )
        self.open_paths(list(paths[:MAX_CLIPS]))

    def _on_search_panel_clip_chosen(self, clip: ReviewClip) -> None:
        if not clip.playable:
            self.statusBar().showMessage(fill(self.tr("%1 cannot be played"), clip.path.name))
            return
        self._open_once(clip.path)

    def _open_once(self, path: Path) -> bool:
        """Open ``path`` unless it is open already; whether it was open."""
        if any(t.player is not None and t.player.info.path == path for t in self.tiles):
            return True
        if len(self.tiles) + self._probing >= MAX_CLIPS:
            self.close_clips()
        self.open_paths([path])
        return False

    # ---------------------------------------------------------------- bookmarks

    def refresh_bookmarks(self) -> None:
        """Read the bookmarks inside the open clips again (store lane)."""
        self.bookmarking.refresh(list(self._clips_by_path.values()))

    def _on_bookmarking_refreshed(self, marks: list[LocalBookmark]) -> None:
        if self._closed:
            return
        self._marks = marks
        self.timeline.set_bookmarks([m.at for m in marks])
        names: dict[str, str] = {}
        for path, clip in self._clips_by_path.items():
            label = clip.camera_name or path.name
            names[str(path)] = label
            if clip.camera_id:
                names[clip.camera_id] = label
        self.bookmarks_panel.show_bookmarks(marks, names)
        self.bookmarks_shown.emit(marks)

    def _bookmark_targets(self) -> list[tuple[str, object]]:
        """(label, path) of the open clips that show a recording at the playhead, the
        chosen clip first."""
        wall = self.group.now()
        out: list[tuple[str, object]] = []
        ordered = sorted(self.tiles, key=lambda t: t is not self._current)
        for tile in ordered:
            player = tile.player
            if (
                player is None
                or tile.problem
                or wall is None
                or not player.info.start <= wall <= player.info.end
            ):
                continue
            out.append((tile.camera_name, player.info.path))
        return out

    def ask_bookmark(self) -> None:
        """Ask for a note at the playhead, then keep (and send) the bookmark."""
        wall = self.group.now()
        targets = self._bookmark_targets()
        if wall is None or not targets:
            self.statusBar().showMessage(self.tr("Open a clip and stop where the bookmark goes"))
            return
        dialog = BookmarkDialog(wall, targets, will_sync=self.bookmarking.online, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            path = dialog.chosen_key()
            assert isinstance(path, Path)
            self.add_bookmark_at(wall, dialog.note(), path, dialog.event_id())
        dialog.deleteLater()

    def add_bookmark_at(
        self, at: datetime, note: str, path: Path, incident_id: str | None = None
    ) -> None:
        """Keep a bookmark on the open clip ``path`` at ``at`` (on its camera when the clip
        says which, else on the file). A clip not catalogued yet is looked up first."""
        clip = self._clips_by_path.get(path)
        camera_id = clip.camera_id if clip is not None else None
        self.bookmarking.add(at, note, camera_id=camera_id, file_path=path, incident_id=incident_id)

    def _on_bookmarking_added(self, mark: LocalBookmark) -> None:
        if self._closed:
            return
        if mark.camera_id is None:
            text = self.tr("Bookmark kept on this workstation (the clip names no camera)")
        elif self.bookmarking.online:
            text = self.tr("Bookmark kept; it goes to the server through the outbox")
        else:
            text = self.tr(
                "Bookmark kept; it goes to the server at the next sign-in, marked as made "
                "offline on this workstation"
            )
        self.statusBar().showMessage(text)
        self.refresh_bookmarks()
        self.search_panel.search(local_only=True)

    def _on_bookmarking_removed(self, _bookmark_id: str) -> None:
        if self._closed:
            return
        self.refresh_bookmarks()

    def _on_bookmarking_failed(self, message: str) -> None:
        if self._closed:
            return
        self.statusBar().showMessage(fill(self.tr("The bookmark could not be kept: %1"), message))

    def go_to_bookmark(self, mark: LocalBookmark) -> None:
        """Seek to ``mark``: in an open clip that holds its moment, or by opening one."""
        for tile in self.tiles:
            player = tile.player
            if player is not None and player.info.start <= mark.at <= player.info.end:
                clip = self._clips_by_path.get(player.info.path)
                if clip is None or _holds(clip, mark):
                    self.seek(mark.at)
                    return
        data = self._data
        if data is None:
            return
        self._runner.run(
            STORE,
            _clip_holding,
            data,
            mark,
            on_done=lambda found: self._on_bookmark_clip_found(mark, found),
        )

    def _on_bookmark_clip_found(self, mark: LocalBookmark, clip: ReviewClip | None) -> None:
        if self._closed:
            return
        if clip is None:
            self.statusBar().showMessage(
                self.tr("No clip here holds that moment; download the recording first")
            )
            return
        if self._open_once(clip.path):
            self.seek(mark.at)
        else:
            self._pending_seek = mark.at

    def _on_probe_failed(self, path: Path, error: BaseException) -> None:
        self._probing -= 1
        if self._closed:
            return
        tile = self._new_tile(path.name)
        message = (
            str(error)
            if isinstance(error, ClipError)
            else fill(self.tr("%1 could not be read"), path.name)
        )
        tile.show_problem(message)
        logger.info("review: %s cannot be played: %s", path, error)
        self.clip_added.emit(tile)

    def _new_tile(self, name: str) -> ClipTile:
        if self._empty is not None:
            self._grid.removeWidget(self._empty)
            self._empty.deleteLater()
            self._empty = None  # type: ignore[assignment]
        tile = ClipTile(name)
        tile.setObjectName(f"review_tile_{len(self.tiles)}")
        self.tiles.append(tile)
        self._relayout()
        if self._current is None:
            self._current = tile
        return tile

    def _relayout(self) -> None:
        columns = 1 if len(self.tiles) == 1 else 2
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)

    def _refresh_spans(self) -> None:
        spans = [
            Span(tile.camera_name, tile.player.info.start, tile.player.info.end)
            for tile in self.tiles
            if tile.player is not None
        ]
        self.timeline.set_spans(spans)

    def close_clips(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.close()
            tile.deleteLater()
        self.tiles.clear()
        self.group = ClipGroup()
        self._current = None
        self._clips_by_path.clear()
        self.clear_range()
        self.timeline.set_spans([])
        self._on_bookmarking_refreshed([])

    # ---------------------------------------------------------------- control

    def toggle_play(self) -> None:
        self.group.toggle()

    def jump(self, seconds: float) -> None:
        self.group.jump(seconds)

    def step(self, frames: int) -> None:
        self.group.step(frames)

    def seek(self, wall: datetime) -> None:
        self.group.seek(wall)

    def change_rate(self, direction: int) -> None:
        self._rate_index = max(0, min(len(RATES) - 1, self._rate_index + direction))
        self.group.set_rate(RATES[self._rate_index])

    def mark_a(self) -> None:
        self._set_range(self.group.now(), self._range[1])

    def mark_b(self) -> None:
        self._set_range(self._range[0], self.group.now())

    def clear_range(self) -> None:
        self._set_range(None, None)

    def selected_range(self) -> tuple[datetime, datetime] | None:
        a, b = self._range
        if a is None or b is None:
            return None
        return (min(a, b), max(a, b))

    def _set_range(self, a: datetime | None, b: datetime | None) -> None:
        self._range = (a, b)
        self.timeline.set_range(a, b)
        chosen = self.selected_range()
        if chosen is None:
            self.range_label.setText(fill(self.tr("A %1"), wall_text(a)) if a is not None else "")
        else:
            seconds = (chosen[1] - chosen[0]).total_seconds()
            self.range_label.setText(fill(self.tr("A–B %1 s"), f"{seconds:.1f}"))

    def _record_text(self) -> str:
        if self.recorder.online:
            return self.tr(
                "The export is signed with this workstation's key. Its record (and the key, "
                "the first time) goes to the server through the outbox, attached to the event "
                "if one is named."
            )
        return self.tr(
            "The export is signed with this workstation's key. There is no session: its "
            "record waits on this workstation and goes to the server at the next signed-in "
            "review."
        )

    def ask_export(self) -> None:
        """Ask where (and for which event) to export the A–B range, then export it."""
        chosen = self.selected_range()
        if chosen is None:
            self.statusBar().showMessage(self.tr("Mark the range first (A and B)"))
            return
        dialog = ExportDialog(
            chosen[0], chosen[1], paths.evidence_dir(create=False), self._record_text(), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.export_range(dialog.folder(), dialog.event_id())
        dialog.deleteLater()

    def export_range(self, folder: Path | None = None, incident_id: str | None = None) -> None:
        """The A–B range of every clip recorded in it, cut, hashed and signed into a new
        folder under ``folder`` (the evidence folder by default), on a worker; with a
        session its record is then queued for the server."""
        chosen = self.selected_range()
        if chosen is None:
            self.statusBar().showMessage(self.tr("Mark the range first (A and B)"))
            return
        a, b = chosen
        ranges: list[ClipRange] = []
        names: dict[str, str] = {}
        for tile in self.tiles:
            player = tile.player
            if player is None or tile.problem:
                continue
            info = player.info
            start, end = max(a, info.start), min(b, info.end)
            if end > start:
                ranges.append(ClipRange(info.path, info.camera_id, info.start, start, end))
                names[info.camera_id] = info.name
        if not ranges:
            self.statusBar().showMessage(self.tr("No clip has a recording in the range"))
            return
        self.statusBar().showMessage(self.tr("Exporting…"))
        self.recorder.export(
            ranges,
            names,
            self.recorder.officer(getpass.getuser()),
            folder if folder is not None else paths.evidence_dir(),
            incident_id,
            on_done=self._on_exported,
            on_error=self._on_export_failed,
        )

    def _on_exported(self, result: ExportResult) -> None:
        if self._closed:
            return
        if self.recorder.online:
            text = self.tr("Exported to %1; its record goes to the server through the outbox")
            self.recorder.record([result.folder])
        else:
            text = self.tr("Exported to %1; its record goes to the server at the next sign-in")
        self.statusBar().showMessage(fill(text, str(result.folder)))
        self.exported.emit(result)

    def _on_recorder_recorded(self, count: int) -> None:
        logger.info("review: %d export record requests are in the outbox", count)

    def _on_recorder_failed(self, message: str) -> None:
        if self._closed:
            return
        self.statusBar().showMessage(
            fill(self.tr("The export is done, but its record could not be queued: %1"), message)
        )

    def _on_export_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        logger.warning("review: export failed: %s", error)
        self.statusBar().showMessage(fill(self.tr("The export failed: %1"), str(error)))

    def snapshot(self) -> None:
        """The current clip's picture at full resolution, tagged with its wall-clock time,
        into the evidence folder."""
        tile = self._current
        player = tile.player if tile is not None else None
        wall = self.group.now()
        if tile is None or player is None or wall is None or not tile.covered:
            self.statusBar().showMessage(self.tr("No picture to keep"))
            return
        held = copy_held_picture(player.source)
        if held is None:
            self.statusBar().showMessage(self.tr("No picture to keep"))
            return
        label = SnapshotLabel(player.info.camera_id, player.info.name, wall)
        request = SnapshotRequest(
            self._runner,
            self,
            player.source,
            held,
            label,
            paths.evidence_dir() / "review",
            on_saved=self._on_snapshot_saved,
            on_failed=lambda message: self.statusBar().showMessage(
                fill(self.tr("The snapshot could not be saved: %1"), message)
            ),
        )
        request.start()

    def _on_snapshot_saved(self, path: str) -> None:
        self.statusBar().showMessage(fill(self.tr("Snapshot saved: %1"), path))
        self.snapshot_saved.emit(path)

    # ---------------------------------------------------------------- clock

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        group = self.group
        group.tick(now)
        wall = group.now(now)
        for tile in self.tiles:
            player = tile.player
            if player is not None:
                tile.set_wall(wall, wall is not None and group.covers(player, wall))
                if player.state is ClipState.READY and id(player) not in self._shown:
                    self._shown.add(id(player))
                    logger.info("review: %s shows its first picture", player.info.path.name)
        self.timeline.set_playhead(wall)
        self.clock_label.setText(wall_text(wall))
        self.rate_label.setText(rate_text(group.rate))
        self.play_button.setText(self.tr("Pause") if group.playing else self.tr("Play"))

    def _on_timeline_previewed(self, wall: object) -> None:
        if isinstance(wall, datetime):
            self.preview_label.setText(fill(self.tr("Go to %1"), wall_text(wall)))
        else:
            self.preview_label.clear()

    def _on_timeline_seek_requested(self, wall: object) -> None:
        if isinstance(wall, datetime):
            self.seek(wall)

    # ---------------------------------------------------------------- events

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        child = self.childAt(event.position().toPoint())  # type: ignore[attr-defined]
        while child is not None and not isinstance(child, ClipTile):
            child = child.parentWidget()
        if isinstance(child, ClipTile):
            self._current = child
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        local = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            self.open_paths(local)
            event.acceptProposedAction()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        # A window closed before is shown again: its clock and its data come back.
        if self._closed:
            self._closed = False
            self.close_clips()  # their players were released when the window closed
            self._timer.start()
            if self._data is None and self._owns_data:
                self._open_data()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._closed = True
        self._timer.stop()
        for tile in self.tiles:
            tile.stop()
        self.group.clips.clear()
        if self.recordings_panel is not None:
            self.recordings_panel.close_panel()
        data, self._data = self._data, None
        if data is not None and self._owns_data:
            self._runner.run(STORE, data.close)
        super().closeEvent(event)


def _holds(clip: ReviewClip, mark: LocalBookmark) -> bool:
    """Whether ``mark`` belongs to ``clip`` (its camera, or the file itself)."""
    if mark.camera_id is not None:
        return mark.camera_id == clip.camera_id
    return mark.file_path == str(clip.path)


def _clip_holding(data: ReviewData, mark: LocalBookmark) -> ReviewClip | None:
    """On the store lane: a playable catalogued clip (opened before, or cached) holding
    ``mark``'s moment."""
    data.catalog.refresh_cache()
    for clip in data.catalog.clips():
        if clip.playable and _holds(clip, mark) and clip.contains(mark.at):
            return clip
    return None


__all__ = ["ReviewWindow", "export_range_signed"]
