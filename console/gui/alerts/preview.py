"""The preview beside the alert queue: what was detected, where and when, the snapshot, the
camera live (when a live view is plugged in), a suggested duplicate, and the actions the
alert's status still allows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QWidget

from console.gui.alerts.ordering import (
    alert_priority,
    allowed_actions,
    kind_label,
    kind_value,
    status_label,
    status_value,
)
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_alert_preview import Ui_AlertPreview
from console.gui.incidents.categories import priority_label
from console.gui.plain_text import set_plain_tooltip
from console.text import fill
from console.wire.alerts import AlertOut

SNAPSHOT_SIZE = QSize(320, 180)


class AlertPreview(QWidget):
    """Shows one alert (``show_alert``) and asks for actions on it by signal.

    Signals:
        acknowledge_requested(str), dismiss_requested(str), promote_requested(str): the
            alert's id.
        play_requested(str): the alert's camera id.
        discard_requested(str): the alert's id: drop its action the server refused.
        merge_requested(str, str): the alert's id and the id of the alert it repeats.
    """

    acknowledge_requested = Signal(str)
    dismiss_requested = Signal(str)
    promote_requested = Signal(str)
    play_requested = Signal(str)
    merge_requested = Signal(str, str)
    discard_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AlertPreview()
        setup_form(self.ui, self)
        self._alert: AlertOut | None = None
        self._camera_name = ""
        self._duplicate: AlertOut | None = None
        self._duplicate_camera = ""
        self._pending: str | None = None
        self._snapshot_state = ""
        self.ui.acknowledge_button.clicked.connect(self._on_acknowledge_button_clicked)
        self.ui.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.ui.promote_button.clicked.connect(self._on_promote_button_clicked)
        self.ui.play_button.clicked.connect(self._on_play_button_clicked)
        self.ui.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.ui.discard_button.clicked.connect(self._on_discard_button_clicked)
        self._refusal: str | None = None
        self._held = False
        self.show_alert(None)

    # ------------------------------------------------------------------ public API

    def alert(self) -> AlertOut | None:
        return self._alert

    def duplicate(self) -> AlertOut | None:
        return self._duplicate

    def live_area(self) -> QWidget:
        """Where a live view of the alert's camera goes (the feature plugs one in)."""
        return self.ui.live_area

    def show_alert(
        self,
        alert: AlertOut | None,
        camera_name: str = "",
        *,
        duplicate: AlertOut | None = None,
        pending: str | None = None,
        refusal: str | None = None,
        held: bool = False,
    ) -> None:
        """Show ``alert``. ``held``: its refused action is still in the outbox, where it holds
        back any later action on the alert until discarded."""
        changed = alert is None or self._alert is None or alert.id != self._alert.id
        self._alert = alert
        self._camera_name = camera_name
        self._duplicate = duplicate
        self._pending = pending
        self._refusal = refusal
        self._held = held
        if changed:
            self.set_snapshot(None, "")
        self._show_text(refusal)
        self._show_buttons()

    def set_snapshot(self, image: QImage | None, state: str) -> None:
        """Show ``image`` (or ``state``: why there is none, or that it is loading)."""
        self._snapshot_state = state
        if image is None or image.isNull():
            self.ui.snapshot_label.setPixmap(QPixmap())
            self.ui.snapshot_label.setText(state)
            return
        scaled = image.scaled(
            SNAPSHOT_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.ui.snapshot_label.setText("")
        self.ui.snapshot_label.setPixmap(QPixmap.fromImage(scaled))

    def has_snapshot(self) -> bool:
        return not self.ui.snapshot_label.pixmap().isNull()

    def message(self) -> str:
        return self.ui.message_label.text()

    def set_message(self, text: str) -> None:
        self.ui.message_label.setText(text)
        self.ui.message_label.setVisible(bool(text))

    # ------------------------------------------------------------------ internals

    def _show_text(self, refusal: str | None) -> None:
        ui = self.ui
        alert = self._alert
        if alert is None:
            ui.title_label.setText(self.tr("Select an alert to see its snapshot and camera."))
            ui.details_label.setText("")
            ui.duplicate_label.setText("")
            ui.duplicate_label.hide()
            self.set_message("")
            return
        kind = kind_label(kind_value(alert))
        ui.title_label.setText(fill(self.tr("%1 — %2"), kind, self._camera_name))
        set_plain_tooltip(ui.title_label, fill("%1 (%2)", self._camera_name, alert.camera_id))
        when = alert.detected_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        details = fill(
            self.tr("%1 · detected %2 · confidence %3% · %4"),
            priority_label(alert_priority(kind_value(alert))),
            when,
            round(alert.confidence * 100),
            status_label(status_value(alert)),
        )
        if alert.dismiss_reason:
            details = fill(self.tr("%1\nReason: %2"), details, alert.dismiss_reason)
        merged_into = alert.merged_into
        if merged_into:
            details = fill(self.tr("%1\nDuplicate of alert %2"), details, merged_into)
        count = alert.duplicate_count
        if count:
            details = fill(self.tr("%1\nRepeated %2 times"), details, count)
        ui.details_label.setText(details)
        duplicate = self._duplicate
        if duplicate is not None and "merge" in allowed_actions(alert):
            ui.duplicate_label.setText(
                fill(
                    self.tr("Probably a repeat of the %1 alert detected at %2 on the same camera."),
                    kind_label(kind_value(duplicate)),
                    duplicate.detected_at.astimezone().strftime("%H:%M:%S"),
                )
            )
            ui.duplicate_label.show()
        else:
            ui.duplicate_label.setText("")
            ui.duplicate_label.hide()
        if self._pending is not None:
            self.set_message(fill(self.tr("Waiting to be sent: %1"), self._pending))
        elif refusal:
            self.set_message(fill(self.tr("The server refused the last action: %1"), refusal))
        else:
            self.set_message("")

    def _show_buttons(self) -> None:
        ui = self.ui
        alert = self._alert
        allowed = allowed_actions(alert) if alert is not None else frozenset()
        # One decision at a time: while one waits in the outbox (or a refused one holds the
        # alert's queue), the next would only wait behind it.
        free = self._pending is None and not self._held
        ui.acknowledge_button.setEnabled(free and "acknowledge" in allowed)
        ui.dismiss_button.setEnabled(free and "dismiss" in allowed)
        ui.promote_button.setEnabled(free and "promote" in allowed)
        ui.play_button.setEnabled(alert is not None)
        show_merge = self._duplicate is not None and "merge" in allowed
        ui.merge_button.setVisible(show_merge)
        ui.merge_button.setEnabled(free and show_merge)
        ui.discard_button.setVisible(alert is not None and self._pending is None and self._held)

    def _on_acknowledge_button_clicked(self) -> None:
        if self._alert is not None:
            self.acknowledge_requested.emit(self._alert.id)

    def _on_dismiss_button_clicked(self) -> None:
        if self._alert is not None:
            self.dismiss_requested.emit(self._alert.id)

    def _on_promote_button_clicked(self) -> None:
        if self._alert is not None:
            self.promote_requested.emit(self._alert.id)

    def _on_play_button_clicked(self) -> None:
        if self._alert is not None:
            self.play_requested.emit(self._alert.camera_id)

    def _on_merge_button_clicked(self) -> None:
        if self._alert is not None and self._duplicate is not None:
            self.merge_requested.emit(self._alert.id, self._duplicate.id)

    def _on_discard_button_clicked(self) -> None:
        if self._alert is not None:
            self.discard_requested.emit(self._alert.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
            self._show_text(self._refusal)
            if self.ui.snapshot_label.pixmap().isNull():
                self.ui.snapshot_label.setText(self._snapshot_state)
        super().changeEvent(event)
