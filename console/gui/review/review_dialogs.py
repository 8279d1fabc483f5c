"""The review window's two small dialogs (Designer forms): a bookmark at the playhead, and
where and for which event to export the A–B range. Each checks its fields and says what is
wrong in the dialog; nothing typed is lost to a refusal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from console.gui.forms import setup_form
from console.gui.forms.ui_review_bookmark import Ui_ReviewBookmarkDialog
from console.gui.forms.ui_review_export import Ui_ReviewExportDialog
from console.gui.plain_text import set_plain_text
from console.gui.review.wall_time import wall_text
from console.text import fill

MAX_NOTE = 10_000
MAX_ID = 64


def event_id_ok(text: str) -> bool:
    """Whether ``text`` can name an event: empty (none), or one word of at most 64 characters."""
    value = text.strip()
    return len(value) <= MAX_ID and not any(c.isspace() or c == "\x00" for c in value)


class BookmarkDialog(QDialog):
    """A note (and optionally an event id) for the moment ``at`` of one of the open clips:
    ``clips`` are (label, key) pairs; ``chosen_key()`` says which."""

    def __init__(
        self,
        at: datetime,
        clips: list[tuple[str, object]],
        *,
        will_sync: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("review_bookmark_dialog")
        self.ui = Ui_ReviewBookmarkDialog()
        setup_form(self.ui, self)
        self.at = at
        for label, key in clips:
            self.ui.clip_combo.addItem(label, key)
        set_plain_text(self.ui.time_label, wall_text(at))
        set_plain_text(
            self.ui.sync_label,
            self.tr("Kept on this workstation and sent to the server through the outbox.")
            if will_sync
            else self.tr(
                "Kept on this workstation. No one is signed in: whoever signs in next sends "
                "it, marked as made offline on this workstation."
            )
            if clips
            else "",
        )
        self.ui.button_box.accepted.connect(self._on_button_box_accepted)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.note_edit.setFocus()

    def note(self) -> str:
        return self.ui.note_edit.toPlainText().strip()

    def event_id(self) -> str | None:
        return self.ui.event_edit.text().strip() or None

    def chosen_key(self) -> object:
        return self.ui.clip_combo.currentData()

    def problem(self) -> str | None:
        if not self.note():
            return self.tr("Write a note for the bookmark.")
        if len(self.note()) > MAX_NOTE:
            return fill(self.tr("The note is too long (at most %1 characters)."), MAX_NOTE)
        if "\x00" in self.note():
            return self.tr("The note contains a character that cannot be kept.")
        if not event_id_ok(self.ui.event_edit.text()):
            return self.tr("An event id is one word of at most 64 characters.")
        return None

    def _on_button_box_accepted(self) -> None:
        problem = self.problem()
        if problem is not None:
            set_plain_text(self.ui.error_label, problem)
            return
        self.accept()


class ExportDialog(QDialog):
    """Where to put an export of the range ``a``–``b``, and the event it belongs to.
    ``record_text`` says what happens to the export's record on the server."""

    def __init__(
        self,
        a: datetime,
        b: datetime,
        folder: Path,
        record_text: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("review_export_dialog")
        self.ui = Ui_ReviewExportDialog()
        setup_form(self.ui, self)
        seconds = (b - a).total_seconds()
        set_plain_text(
            self.ui.range_label,
            fill(self.tr("%1 – %2 (%3 s)"), wall_text(a), wall_text(b), f"{seconds:.1f}"),
        )
        self.ui.folder_edit.setText(str(folder))
        set_plain_text(self.ui.record_label, record_text)
        self.ui.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.ui.button_box.accepted.connect(self._on_button_box_accepted)
        self.ui.button_box.rejected.connect(self.reject)

    def folder(self) -> Path:
        return Path(self.ui.folder_edit.text().strip()).expanduser()

    def event_id(self) -> str | None:
        return self.ui.event_edit.text().strip() or None

    def problem(self) -> str | None:
        text = self.ui.folder_edit.text().strip()
        if not text:
            return self.tr("Choose the folder to export into.")
        if not Path(text).expanduser().is_absolute():
            return self.tr("Give the folder's full path.")
        if not event_id_ok(self.ui.event_edit.text()):
            return self.tr("An event id is one word of at most 64 characters.")
        return None

    def _on_browse_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Export into a folder"), self.ui.folder_edit.text()
        )
        if chosen:
            self.ui.folder_edit.setText(chosen)

    def _on_button_box_accepted(self) -> None:
        problem = self.problem()
        if problem is not None:
            set_plain_text(self.ui.error_label, problem)
            return
        self.accept()
