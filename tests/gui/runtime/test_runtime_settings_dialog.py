"""The settings dialog generated from the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from console.gui.settings_dialog import SettingsDialog
from console.settings import SCHEMA, Settings


@pytest.fixture
def dialog(qtbot: QtBot, tianmu_home: Path) -> Iterator[SettingsDialog]:
    settings_dialog = SettingsDialog(Settings())
    qtbot.addWidget(settings_dialog)
    return settings_dialog


def test_every_setting_gets_an_editor_of_its_type(dialog: SettingsDialog) -> None:
    expected = {
        "server_url": QLineEdit,
        "language": QComboBox,
        "ui.remember_layout": QCheckBox,
        "video.network_caching_ms": QSpinBox,
        "video.max_main_streams": QSpinBox,
        "video.stale_after_s": QDoubleSpinBox,
        "video.thread_nice": QSpinBox,
        "patrol.step_mode": QComboBox,
        "patrol.preroll_s": QDoubleSpinBox,
        "video.output": QComboBox,
        "alerts.sound": QCheckBox,
        "log.level": QComboBox,
        "map.tiles": QComboBox,
        "map.mbtiles_path": QLineEdit,
        "map.tianditu_key": QLineEdit,
        "map.xyz_template": QLineEdit,
        "map.xyz_coordinates": QComboBox,
        "review.cache_limit_mb": QSpinBox,
    }
    assert {key: type(editor) for key, editor in dialog.editors.items()} == expected
    assert len(dialog.editors) == len(SCHEMA)
    assert dialog.edited_values() == dialog.settings.values()
    streams = dialog.editors["video.max_main_streams"]
    assert isinstance(streams, QSpinBox)
    assert (streams.minimum(), streams.maximum()) == (0, 64)


def test_ok_stores_the_edited_values(dialog: SettingsDialog) -> None:
    streams = dialog.editors["video.max_main_streams"]
    language = dialog.editors["language"]
    assert isinstance(streams, QSpinBox)
    assert isinstance(language, QComboBox)
    streams.setValue(9)
    language.setCurrentIndex(language.findData("zh_CN"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    reread = Settings()
    assert reread.get("video.max_main_streams") == 9
    assert reread.get("language") == "zh_CN"


# The offscreen platform cannot pass size hints to a window system and says so.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_invalid_value_keeps_the_dialog_open_and_says_why(
    dialog: SettingsDialog, qtbot: QtBot
) -> None:
    url = dialog.editors["server_url"]
    assert isinstance(url, QLineEdit)
    url.setText("http://duty:secret@10.0.0.1:8000")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Server address: must not contain a user name or password"
    assert Settings().get("server_url") == "http://127.0.0.1:8000"
    assert not dialog.settings.path.exists()


def test_restore_defaults_resets_the_editors(dialog: SettingsDialog, qtbot: QtBot) -> None:
    dialog.settings.set("video.stale_after_s", 8.0)
    fresh = SettingsDialog(dialog.settings)
    qtbot.addWidget(fresh)
    stale = fresh.editors["video.stale_after_s"]
    assert isinstance(stale, QDoubleSpinBox)
    assert stale.value() == 8.0
    buttons = fresh.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert stale.value() == 2.5
    fresh.accept()
    assert dialog.settings.get("video.stale_after_s") == 2.5


def test_labels_are_translated(
    catalogues: None, qapp: Any, qtbot: QtBot, tianmu_home: Path
) -> None:
    from console import i18n

    locale = QLocale()
    i18n.install_translator(qapp, "zh_CN")
    try:
        translated = SettingsDialog(Settings())
        qtbot.addWidget(translated)
        assert translated.windowTitle() == "设置"
        language = translated.editors["language"]
        assert isinstance(language, QComboBox)
        assert language.itemText(language.findData("system")) == "跟随系统"
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)
