"""Window geometry and dock layout, kept per user in an INI file in the config folder.

Only layout lives here (``QSettings``, as Qt's own state blobs, plus whether the window was
maximised and where it sits when it is not); preferences belong to
``console.settings`` and secrets to the keyring. ``read_layout`` and ``write_layout`` take
and return plain bytes and touch the file, so the console runs them on the task runner's
store lane; ``saveState``/``restoreState`` themselves happen on the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QRect, QSettings

from console import paths

logger = logging.getLogger(__name__)

FILE_NAME = "window-state.ini"
# Bumped when the set of docks changes in a way an old saved state would garble.
LAYOUT_VERSION = 1


Rect = tuple[int, int, int, int]  # x, y, width, height


@dataclass(frozen=True)
class SavedLayout:
    """One user's saved window: ``saveGeometry()`` and ``saveState()`` bytes, whether it was
    maximised, and its normal (not maximised) geometry; either of the last two is None when
    not known (a layout saved before they were kept)."""

    geometry: bytes
    state: bytes
    version: int = LAYOUT_VERSION
    maximised: bool | None = None
    normal_geometry: Rect | None = None


def layout_file() -> Path:
    return paths.config_dir() / FILE_NAME


def _open(path: Path | None) -> QSettings:
    return QSettings(str(path or layout_file()), QSettings.Format.IniFormat)


def _group(username: str) -> str:
    # QSettings treats "/" and "\\" as group separators; quoting keeps one group per user.
    return "users/" + quote(username, safe="")


def _as_bytes(value: object) -> bytes:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    return b""


def _as_bool(value: object) -> bool | None:
    # INI files hand every value back as text ("true"/"false").
    if value is None or isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1")


def _as_rect(value: object) -> Rect | None:
    if isinstance(value, QRect) and value.isValid():
        return (value.x(), value.y(), value.width(), value.height())
    return None


def _as_int(value: object) -> int:
    # INI files hand every value back as text.
    try:
        return int(str(value))
    except ValueError:
        return 0


def read_layout(username: str, path: Path | None = None) -> SavedLayout | None:
    """The layout ``username`` left, or None (never saved, or saved by an older version)."""
    settings = _open(path)
    settings.beginGroup(_group(username))
    try:
        version = _as_int(settings.value("version", 0))
        geometry = _as_bytes(settings.value("geometry"))
        state = _as_bytes(settings.value("state"))
        maximised = _as_bool(settings.value("maximised"))
        normal_geometry = _as_rect(settings.value("normal_geometry"))
    finally:
        settings.endGroup()
    if version != LAYOUT_VERSION or not state:
        return None
    return SavedLayout(geometry, state, version, maximised, normal_geometry)


def write_layout(username: str, layout: SavedLayout, path: Path | None = None) -> None:
    """Keep ``layout`` for ``username`` (written to disk before this returns)."""
    settings = _open(path)
    settings.beginGroup(_group(username))
    settings.setValue("version", layout.version)
    settings.setValue("geometry", QByteArray(layout.geometry))
    settings.setValue("state", QByteArray(layout.state))
    if layout.maximised is not None:
        settings.setValue("maximised", layout.maximised)
    else:
        settings.remove("maximised")
    if layout.normal_geometry is not None:
        settings.setValue("normal_geometry", QRect(*layout.normal_geometry))
    else:
        settings.remove("normal_geometry")
    settings.endGroup()
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        logger.warning("Could not save the window layout to %s", settings.fileName())
