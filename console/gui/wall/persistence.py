"""Keeps the wall workspace on disk: every change is saved shortly after it settles.

Changes arrive as wall events; a debouncer waits for a quiet moment, the wall is turned into
plain data on the GUI thread, and the atomic write runs on the task runner's store lane (the
GUI thread does no file I/O). ``flush()`` saves now (at close).

Data equal to what was last handed to the writer is not written again: a patrol changes only
its own pages, which are never saved, at every step, and each write syncs the file twice.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.tasks import STORE, Debouncer, TaskRunner
from console.wall.layout import LayoutLibrary
from console.wall.model import Wall, WallEvent
from console.wall.workspace import workspace_to_dict, write_workspace

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 500


class WorkspaceSaver(QObject):
    """Saves ``wall`` and ``library`` to ``path`` after changes (see the module docstring).

    Signals: ``saved(str path)`` after each completed write; ``save_failed(str message)``.
    """

    saved = Signal(str)
    save_failed = Signal(str)

    def __init__(
        self,
        wall: Wall,
        library: LayoutLibrary,
        path: Path,
        runner: TaskRunner,
        *,
        delay_ms: int = SAVE_DELAY_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.wall = wall
        self.library = library
        self.path = path
        self._runner = runner
        self._debouncer = Debouncer(delay_ms, self.flush, self)
        wall.add_listener(self._on_wall_changed)
        self.writes = 0
        # What the last write was given (None: nothing yet, or that write failed).
        self._handed: dict[str, Any] | None = None

    def changed(self) -> None:
        """Something not seen by wall events changed (a custom layout was saved)."""
        self._debouncer.trigger()

    def flush(self) -> None:
        self._debouncer.cancel()
        data = workspace_to_dict(self.wall, self.library)
        if data == self._handed:
            return
        self._handed = data
        self._runner.run(
            STORE,
            write_workspace,
            self.path,
            data,
            on_done=self._on_written,
            on_error=self._on_failed,
        )

    def stop(self) -> None:
        self.wall.remove_listener(self._on_wall_changed)
        if self._debouncer.is_pending():
            self.flush()

    def _on_wall_changed(self, _event: WallEvent) -> None:
        self._debouncer.trigger()

    def _on_written(self, _result: object) -> None:
        self.writes += 1
        self.saved.emit(str(self.path))

    def _on_failed(self, exc: BaseException) -> None:
        self._handed = None  # the next change writes it all again
        logger.error("could not save the wall workspace to %s: %s", self.path, exc)
        self.save_failed.emit(str(exc))
