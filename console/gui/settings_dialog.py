"""The settings dialog, generated from the settings schema.

Each setting becomes an editor chosen by its type (check box, spin box, combo box, line edit),
grouped under its schema group, with its description as tooltip. Nothing is stored until the
operator presses OK, and then only if every value is valid; otherwise the dialog stays open and
says which value is wrong.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.gui.plain_text import plain_label
from console.settings import Setting, SettingError, Settings

logger = logging.getLogger(__name__)

_INT_LIMIT = 2_147_483_647


def _settings_tr(text: str) -> str:
    """Translate a schema string (marked with QT_TRANSLATE_NOOP in the "Settings" context)."""
    return QCoreApplication.translate("Settings", text)


class SettingsDialog(QDialog):
    """Edits a ``Settings`` object; one editor per schema entry, keyed by setting key.

    ``editors`` maps each key to its widget, for tests and for focusing a faulty value.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        layout = QVBoxLayout(self)
        groups: dict[str, QFormLayout] = {}
        for definition in settings.schema:
            form = groups.get(definition.group)
            if form is None:
                box = QGroupBox(_settings_tr(definition.group), self)
                form = QFormLayout(box)
                groups[definition.group] = form
                layout.addWidget(box)
            editor = self._make_editor(definition, settings.get(definition.key))
            editor.setToolTip(_settings_tr(definition.description))
            editor.setObjectName(definition.key)
            self.editors[definition.key] = editor
            form.addRow(_settings_tr(definition.label), editor)
        # Shows the refused value as the operator typed it.
        self.error_label = plain_label(QLabel(self))
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._on_restore_clicked)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ editors

    def _make_editor(self, definition: Setting, value: Any) -> QWidget:
        editor: QWidget
        if definition.choices is not None:
            combo = QComboBox(self)
            labels = definition.choice_labels or tuple(str(c) for c in definition.choices)
            for choice, label in zip(definition.choices, labels, strict=True):
                combo.addItem(_settings_tr(label), choice)
            editor = combo
        elif definition.type is bool:
            editor = QCheckBox(self)
        elif definition.type is int:
            spin = QSpinBox(self)
            spin.setRange(
                int(definition.minimum) if definition.minimum is not None else -_INT_LIMIT,
                int(definition.maximum) if definition.maximum is not None else _INT_LIMIT,
            )
            editor = spin
        elif definition.type is float:
            dspin = QDoubleSpinBox(self)
            dspin.setDecimals(1)
            dspin.setSingleStep(0.5)
            dspin.setRange(
                definition.minimum if definition.minimum is not None else -1e9,
                definition.maximum if definition.maximum is not None else 1e9,
            )
            editor = dspin
        else:
            editor = QLineEdit(self)
        self._show_value(editor, value)
        return editor

    @staticmethod
    def _show_value(editor: QWidget, value: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    @staticmethod
    def _read_value(editor: QWidget) -> Any:
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            return editor.value()
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        raise TypeError(f"no reader for {type(editor).__name__}")

    def edited_values(self) -> dict[str, Any]:
        return {key: self._read_value(editor) for key, editor in self.editors.items()}

    # ------------------------------------------------------------------ actions

    def _on_restore_clicked(self) -> None:
        for definition in self.settings.schema:
            self._show_value(self.editors[definition.key], definition.default)

    def accept(self) -> None:
        changed = {
            key: value
            for key, value in self.edited_values().items()
            if value != self.settings.get(key)
        }
        try:
            if changed:
                self.settings.set_many(changed)
        except SettingError as error:
            label = _settings_tr(self.settings.definition(error.key).label)
            self.error_label.setText(f"{label}: {error.reason}")
            self.error_label.show()
            self.editors[error.key].setFocus()
            return
        super().accept()


def open_settings_dialog(settings: Settings, parent: QWidget) -> SettingsDialog:
    """Show the settings dialog (window-modal); it deletes itself when closed."""
    dialog = SettingsDialog(settings, parent)
    dialog.setObjectName("settings_dialog")
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
