"""The review window: recorded clips played offline, one to four on one wall clock.

Files come from the command line (``tianmu review FILE…``), the File menu or a drop. Each is
examined on a worker (``probe_clip``); a file that cannot be played gets a tile saying why,
and nothing else is affected. No server and no sign-in are needed.

Keys: Space plays and pauses; Left/Right jump 5 s, Shift+Left/Right (or Up/Down) 30 s; ``[``
and ``]`` halve and double the speed (1/8× to 16×; a new clip keeps the speed); ``,`` and ``.``
step one frame back and forward; A and B mark a range.
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
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import paths
from console.evidence import ClipRange, ExportResult, WorkstationKey, export_evidence
from console.gui.plain_text import set_plain_tooltip
from console.gui.review.clip_tile import ClipTile
from console.gui.review.timeline import Span, Timeline
from console.gui.review.wall_time import rate_text, wall_text
from console.gui.wall.snapshot import SnapshotLabel, SnapshotRequest, copy_held_picture
from console.tasks import NET, TaskRunner
from console.text import fill
from console.video.clip_control import NORMAL_RATE, RATES, ClipPlayer, ClipState
from console.video.clip_info import ClipError, ClipInfo, probe_clip, video_files
from console.video.clip_sync import ClipGroup

logger = logging.getLogger(__name__)

MAX_CLIPS = 4
_TICK_MS = 20
_SUFFIX_FILTER = "*.mp4 *.ts *.mkv *.m4v *.mov"


class ReviewWindow(QMainWindow):
    """See the module docstring. ``clip_added(ClipTile)`` when a clip (or its problem) is
    shown; ``snapshot_saved(str)`` with the file written."""

    clip_added = Signal(object)
    snapshot_saved = Signal(str)
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review_window")
        self.setWindowTitle(self.tr("Review clips"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)
        self._runner = runner
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
        self._make_menus()

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
        self.export_action = self._action(
            clip_menu, self.tr("&Export range…"), None, self.export_range
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
        self.clip_added.emit(tile)

    def _on_probe_failed(self, path: Path, error: BaseException) -> None:
        self._probing -= 1
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
        self.clear_range()
        self.timeline.set_spans([])

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

    def export_range(self) -> None:
        """The A–B range of every clip recorded in it, cut, hashed and signed into a new
        folder under the evidence folder (on a worker)."""
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
        self._runner.run(
            NET,
            export_range_signed,
            ranges,
            names,
            getpass.getuser(),
            paths.evidence_dir(),
            on_done=self._on_exported,
            on_error=self._on_export_failed,
        )

    def _on_exported(self, result: ExportResult) -> None:
        self.statusBar().showMessage(fill(self.tr("Exported to %1"), str(result.folder)))
        self.exported.emit(result)

    def _on_export_failed(self, error: BaseException) -> None:
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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._timer.stop()
        for tile in self.tiles:
            tile.stop()
        self.group.clips.clear()
        super().closeEvent(event)


def export_range_signed(
    ranges: list[ClipRange], names: dict[str, str], officer: str, parent: Path
) -> ExportResult:
    """On a worker: export with this workstation's key (made on first use)."""
    signer = WorkstationKey.load_or_create()
    return export_evidence(
        ranges, parent, officer=officer, incident_id=None, signer=signer, camera_names=names
    )
