"""The dismiss-as-false-alarm dialog: a reason is required, chosen from the usual ones or
written out; the reason goes to the server verbatim (and so to the audit trail)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QWidget

from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_alert_dismiss_dialog import Ui_AlertDismissDialog
from console.settings import QT_TRANSLATE_NOOP
from console.text import fill

REASON_MAX = 10_000
_ERROR_STYLE = "color: #c62828;"

# The usual reasons, offered first; the last one leaves the text to the operator.
_PRESETS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("AlertDismissDialog", "Nothing there: the detector was wrong"),
    QT_TRANSLATE_NOOP("AlertDismissDialog", "Authorised activity"),
    QT_TRANSLATE_NOOP("AlertDismissDialog", "Already being handled"),
    QT_TRANSLATE_NOOP("AlertDismissDialog", "Other (write the reason below)"),
)


class AlertDismissDialog(QDialog):
    """Asks why an alert is a false alarm.

    Signals:
        reason_given(str): the operator confirmed with this (non-blank) reason.
    """

    reason_given = Signal(str)

    def __init__(self, alert_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AlertDismissDialog()
        setup_form(self.ui, self)
        self._alert_text = alert_text
        self.ui.alert_label.setText(alert_text)
        self.ui.message_label.hide()
        self._fill_presets()
        self.ui.reason_combo.activated.connect(self._on_reason_combo_activated)
        self.ui.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self._on_reason_combo_activated(0)
        self.reason: str | None = None

    def reason_text(self) -> str:
        return self.ui.reason_edit.toPlainText()

    def message(self) -> str:
        return "" if self.ui.message_label.isHidden() else self.ui.message_label.text()

    def submit(self) -> bool:
        """Check the reason and close with it (the Dismiss button); False if it stayed open."""
        reason = self.reason_text().strip()
        problem = None
        if not reason:
            problem = self.tr("Say why the alert is a false alarm.")
        elif len(reason) > REASON_MAX:
            problem = fill(
                self.tr("The reason is too long (%1 characters); keep it to %2."),
                len(reason),
                REASON_MAX,
            )
        elif "\x00" in reason:
            problem = self.tr("The text contains a NUL character; remove it.")
        if problem is not None:
            self.ui.message_label.setStyleSheet(_ERROR_STYLE)
            self.ui.message_label.setText(problem)
            self.ui.message_label.show()
            self.ui.reason_edit.setFocus()
            return False
        self.reason = reason
        self.reason_given.emit(reason)
        self.accept()
        return True

    def _fill_presets(self) -> None:
        self.ui.reason_combo.clear()
        for source in _PRESETS:
            self.ui.reason_combo.addItem(self.tr(source), source)

    def _on_reason_combo_activated(self, index: int) -> None:
        # The last preset asks the operator to write; the others are the reason as worded.
        is_other = index == len(_PRESETS) - 1
        self.ui.reason_edit.setPlainText("" if is_other else self.ui.reason_combo.itemText(index))
        self.ui.reason_edit.setFocus()

    def _on_dismiss_button_clicked(self) -> None:
        self.submit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
            current = self.ui.reason_combo.currentIndex()
            for index, source in enumerate(_PRESETS):
                self.ui.reason_combo.setItemText(index, self.tr(source))
            self.ui.reason_combo.setCurrentIndex(current)
            self.ui.alert_label.setText(self._alert_text)
        super().changeEvent(event)
