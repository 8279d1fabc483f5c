"""Kept actions in front of the operator until they decide: a status-bar banner and a dialog.

When the outbox could not be opened at start-up (damaged, or written by a newer version),
its unsent actions were kept in the new outbox (``console.store.kept``) and are not sent on
their own. ``KeptActionsReview`` reads them on the store lane and, while there are any,
shows ``KeptActionsField`` in the status bar; at start it opens ``KeptActionsDialog``,
which lists them in plain text and offers Deliver (with the original idempotency keys),
Export… (to a JSON-lines file) and Discard… (after a confirmation).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_kept_actions_dialog import Ui_KeptActionsDialog
from console.gui.plain_text import plain_label, plain_message_box, plain_tooltip, set_plain_text
from console.store import KeptSummary, Outbox, OutboxItem, OutboxState, StoreProblem
from console.store import export_actions as write_export
from console.store.migrate import StoreDatabase
from console.tasks import STORE, TaskRunner
from console.text import fill

logger = logging.getLogger(__name__)

_ROW_PADDING_PX = 8

_BANNER_STYLE = """
QFrame#kept_actions_field { background: #fff3cd; border: 1px solid #e0c36c; }
QFrame#kept_actions_field QLabel { color: #5c4400; font-weight: bold; }
"""


def kept_notes(problems: Iterable[StoreProblem], kept: KeptSummary) -> str:
    """What the operator should know beyond the list: actions that could not be kept."""
    notes: list[str] = []
    for problem in problems:
        salvage = problem.salvage
        if problem.database is not StoreDatabase.OUTBOX or salvage is None:
            continue
        if salvage.unreadable is None:
            notes.append(
                fill(
                    QCoreApplication.translate(
                        "KeptActions",
                        "The outbox file could not be read at all; any actions in it could not "
                        "be kept. The file was left as it was: %1",
                    ),
                    str(problem.path),
                )
            )
    if kept.unusable:
        exports = ", ".join(str(path) for path in kept.exports)
        notes.append(
            fill(
                QCoreApplication.translate(
                    "KeptActions",
                    "%1 action(s) could not be read back and are not listed here. What could "
                    "be read of them is in: %2",
                ),
                kept.unusable,
                exports,
            )
        )
    return "\n".join(notes)


def action_text(item: OutboxItem) -> str:
    """How one kept action reads in the list (plain text)."""
    moment = item.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lines = [
        item.summary,
        fill(
            QCoreApplication.translate("KeptActions", "%1 %2, queued %3"),
            item.method,
            item.path,
            moment,
        ),
    ]
    if item.reason:
        lines.append(item.reason)
    return "\n".join(lines)


def _row_size(view: QListWidget, text: str) -> QSize:
    # The view sizes rows by the widget font's line height; lines in a fallback font (Chinese
    # in a Latin UI font) are taller, and the last line would be cut. Measure the real lines.
    bounds = view.fontMetrics().boundingRect(
        QRect(0, 0, 1_000_000, 1_000_000), int(Qt.AlignmentFlag.AlignLeft), text
    )
    return QSize(1, bounds.height() + _ROW_PADDING_PX)


class KeptActionsDialog(QDialog):
    """Lists kept actions with a tick box each; the buttons act on the ticked ones.

    Signals:
        deliver_requested(list): seqs to send now.
        export_requested(list, str): seqs to write, and the file chosen.
        discard_requested(list): seqs the operator confirmed to drop.
    """

    deliver_requested = Signal(list)
    export_requested = Signal(list, str)
    discard_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_KeptActionsDialog()
        setup_form(self.ui, self)
        self.setObjectName("kept_actions_dialog")
        self.ui.unusable_label.hide()
        self.ui.actions_list.itemChanged.connect(self._on_actions_list_item_changed)
        self.ui.deliver_button.clicked.connect(self._on_deliver_button_clicked)
        self.ui.export_button.clicked.connect(self._on_export_button_clicked)
        self.ui.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.ui.later_button.clicked.connect(self.close)
        self._update_buttons()

    def set_actions(self, items: Sequence[OutboxItem]) -> None:
        """Show ``items``; each is ticked unless it was shown unticked before."""
        # A reload after a decision keeps the operator's other choices.
        unticked = {seq for seq, ticked in self._rows() if not ticked}
        actions = self.ui.actions_list
        actions.blockSignals(True)
        actions.clear()
        for item in items:
            text = action_text(item)
            row = QListWidgetItem(text)
            row.setToolTip(plain_tooltip(text))  # the whole of a line the list elides
            row.setSizeHint(_row_size(actions, text))
            row.setData(Qt.ItemDataRole.UserRole, item.seq)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = item.seq not in unticked
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            actions.addItem(row)
        actions.blockSignals(False)
        self._update_buttons()

    def set_notes(self, text: str) -> None:
        set_plain_text(self.ui.unusable_label, text)
        self.ui.unusable_label.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        set_plain_text(self.ui.status_label, text)

    def status_text(self) -> str:
        return self.ui.status_label.text()

    def ticked(self) -> list[int]:
        return [seq for seq, ticked in self._rows() if ticked]

    def set_ticked(self, seqs: Iterable[int]) -> None:
        wanted = set(seqs)
        actions = self.ui.actions_list
        for index in range(actions.count()):
            row = actions.item(index)
            seq = int(row.data(Qt.ItemDataRole.UserRole))
            row.setCheckState(Qt.CheckState.Checked if seq in wanted else Qt.CheckState.Unchecked)

    def listed_texts(self) -> list[str]:
        actions = self.ui.actions_list
        return [actions.item(index).text() for index in range(actions.count())]

    # The two questions the dialog asks; separate methods so a test can answer them.

    def ask_export_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export actions"),
            "tianmu-kept-actions.jsonl",
            self.tr("JSON lines (*.jsonl)"),
        )
        return path

    def confirm_discard(self, count: int) -> bool:
        box = plain_message_box(QMessageBox(self))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Discard actions"))
        box.setText(
            fill(
                self.tr(
                    "Discard %1 action(s)? They will never be sent to the server. "
                    "This cannot be undone."
                ),
                count,
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ internals

    def _rows(self) -> list[tuple[int, bool]]:
        actions = self.ui.actions_list
        rows = []
        for index in range(actions.count()):
            row = actions.item(index)
            rows.append(
                (
                    int(row.data(Qt.ItemDataRole.UserRole)),
                    row.checkState() == Qt.CheckState.Checked,
                )
            )
        return rows

    def _update_buttons(self) -> None:
        any_ticked = bool(self.ticked())
        for button in (self.ui.deliver_button, self.ui.export_button, self.ui.discard_button):
            button.setEnabled(any_ticked)

    def _on_actions_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_buttons()

    def _on_deliver_button_clicked(self) -> None:
        if seqs := self.ticked():
            self.deliver_requested.emit(seqs)

    def _on_export_button_clicked(self) -> None:
        seqs = self.ticked()
        if seqs and (path := self.ask_export_path()):
            self.export_requested.emit(seqs, path)

    def _on_discard_button_clicked(self) -> None:
        seqs = self.ticked()
        if seqs and self.confirm_discard(len(seqs)):
            self.discard_requested.emit(seqs)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
        super().changeEvent(event)


class KeptActionsField(QFrame):
    """The status bar's banner while kept actions wait: their number and a Review… button.

    Signals:
        review_requested(): the operator wants to see the actions.
    """

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kept_actions_field")
        self.setStyleSheet(_BANNER_STYLE)
        self.label = plain_label(QLabel(self))
        self.label.setObjectName("kept_actions_label")
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("kept_actions_review_button")
        self.review_button.clicked.connect(self.review_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.review_button)
        self._count = 0
        self._refresh()

    def set_count(self, count: int) -> None:
        self._count = count
        self._refresh()
        self.setVisible(count > 0)

    def _refresh(self) -> None:
        self.label.setText(fill(self.tr("⚠ Not sent, waiting for you: %1"), self._count))
        self.label.setToolTip(
            self.tr(
                "Actions kept from an outbox that could not be opened. They are not sent "
                "until you deliver them."
            )
        )
        self.review_button.setText(self.tr("Review…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)


def _deliver(outbox: Outbox, seqs: Sequence[int]) -> int:
    for seq in seqs:
        outbox.deliver_kept(seq)
    return len(seqs)


def _discard(outbox: Outbox, seqs: Sequence[int]) -> int:
    for seq in seqs:
        outbox.discard(seq)
    return len(seqs)


class KeptActionsReview(QObject):
    """Keeps the operator's kept actions in view and carries out their decisions.

    ``field`` goes into the status bar; ``start()`` reads the actions and opens the dialog
    when there are any. Every read and write runs on the store lane.

    Signals:
        kept_counted(int): this many actions wait for a decision.
    """

    kept_counted = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        outbox: Outbox,
        window: QWidget,
        *,
        notes: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._outbox = outbox
        self._window = window
        self._notes = notes
        self._items: list[OutboxItem] = []
        self._closed = False
        self.dialog: KeptActionsDialog | None = None
        self.field = KeptActionsField()
        self.field.set_count(0)
        self.field.review_requested.connect(self.open_dialog)

    def start(self) -> None:
        self._reload(open_dialog=True)

    def close(self) -> None:
        self._closed = True
        if self.dialog is not None:
            self.dialog.close()

    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = KeptActionsDialog(self._window)
            self.dialog.set_notes(self._notes)
            self.dialog.deliver_requested.connect(self._on_dialog_deliver_requested)
            self.dialog.export_requested.connect(self._on_dialog_export_requested)
            self.dialog.discard_requested.connect(self._on_dialog_discard_requested)
        self.dialog.set_actions(self._items)
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()

    def _reload(self, *, open_dialog: bool = False) -> None:
        if self._closed:
            return
        self._runner.run(
            STORE,
            self._outbox.list,
            [OutboxState.KEPT],
            on_done=lambda items: self._on_kept_loaded(items, open_dialog),
        )

    def _on_kept_loaded(self, items: list[OutboxItem], open_dialog: bool) -> None:
        if self._closed:
            return
        self._items = items
        self.field.set_count(len(items))
        self.kept_counted.emit(len(items))
        if self.dialog is not None:
            self.dialog.set_actions(items)
        if open_dialog and items:
            self.open_dialog()

    def _show_status(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.show_status(text)

    def _on_failed(self, error: BaseException) -> None:
        logger.warning("a decision on kept actions failed: %s", error)
        self._show_status(
            fill(QCoreApplication.translate("KeptActions", "That did not work: %1"), str(error))
        )
        self._reload()

    def _on_dialog_deliver_requested(self, seqs: list[int]) -> None:
        self._runner.run(
            STORE,
            _deliver,
            self._outbox,
            seqs,
            on_done=self._on_delivered,
            on_error=self._on_failed,
        )

    def _on_delivered(self, count: int) -> None:
        self._show_status(
            fill(
                QCoreApplication.translate(
                    "KeptActions", "%1 action(s) queued for delivery; they are sent in order."
                ),
                count,
            )
        )
        self._reload()

    def _on_dialog_discard_requested(self, seqs: list[int]) -> None:
        self._runner.run(
            STORE,
            _discard,
            self._outbox,
            seqs,
            on_done=self._on_discarded,
            on_error=self._on_failed,
        )

    def _on_discarded(self, count: int) -> None:
        self._show_status(
            fill(QCoreApplication.translate("KeptActions", "%1 action(s) discarded."), count)
        )
        self._reload()

    def _on_dialog_export_requested(self, seqs: list[int], path: str) -> None:
        chosen = set(seqs)
        items = [item for item in self._items if item.seq in chosen]
        self._runner.run(
            STORE,
            write_export,
            items,
            Path(path),
            on_done=lambda count: self._show_status(
                fill(
                    QCoreApplication.translate(
                        "KeptActions",
                        "%1 action(s) written to %2. They stay here until you deliver or "
                        "discard them.",
                    ),
                    count,
                    path,
                )
            ),
            on_error=self._on_failed,
        )


__all__ = [
    "KeptActionsDialog",
    "KeptActionsField",
    "KeptActionsReview",
    "action_text",
    "kept_notes",
]
