"""Status icons of the camera tree, drawn as SVG under ``resources/icons``."""

from __future__ import annotations

import enum
import functools
import logging
from pathlib import Path

from PySide6.QtGui import QIcon

logger = logging.getLogger(__name__)

# The repository's resources folder, next to the ``console`` package.
_ICON_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"


class TreeIcon(enum.Enum):
    CAMERA_ONLINE = "camera-online.svg"
    CAMERA_OFFLINE = "camera-offline.svg"
    CAMERA_NOT_SHARED = "camera-not-shared.svg"
    REGION = "region.svg"
    FAVOURITE = "favourite.svg"
    FAVOURITE_OFF = "favourite-off.svg"


@functools.cache
def tree_icon(which: TreeIcon) -> QIcon:
    """The icon (loaded once; needs a QGuiApplication). Missing files give an empty icon."""
    path = _ICON_DIR / which.value
    if not path.is_file():
        logger.warning("icon file missing: %s", path)
        return QIcon()
    return QIcon(str(path))
