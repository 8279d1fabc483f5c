"""Snapshots of a tile for the evidence folder: a PNG with the camera and time inside it.

The camera id, its name and the capture time travel as PNG text chunks (``QImage.setText``),
so a snapshot stays identifiable after it is renamed or attached to an event. The picture is
the decoded frame at its true size, not the painted tile (no overlays, no zoom crop).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QImage

logger = logging.getLogger(__name__)

SOFTWARE = "Tianmu"
KEY_CAMERA_ID = "CameraId"
KEY_CAMERA_NAME = "CameraName"
KEY_CAPTURED_AT = "CapturedAt"
KEY_SOFTWARE = "Software"

_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


class SnapshotError(RuntimeError):
    """There was no picture to keep, or it could not be written."""


def tag_snapshot(image: QImage, camera_id: str, camera_name: str, when: datetime) -> QImage:
    """A copy of ``image`` carrying the camera and the (UTC) capture time."""
    if image.isNull():
        raise SnapshotError("the tile has no picture yet")
    tagged = image.copy()
    tagged.setText(KEY_CAMERA_ID, camera_id)
    tagged.setText(KEY_CAMERA_NAME, camera_name)
    tagged.setText(KEY_CAPTURED_AT, when.astimezone(UTC).isoformat(timespec="milliseconds"))
    tagged.setText(KEY_SOFTWARE, SOFTWARE)
    return tagged


def snapshot_file_name(camera_id: str, when: datetime) -> str:
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S_%f")[:-3]
    return f"{_UNSAFE.sub('_', camera_id)}_{stamp}Z.png"


def write_snapshot(image: QImage, folder: Path, file_name: str) -> Path:
    """Write the PNG (on a worker: QImage may be saved off the GUI thread)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise SnapshotError(f"could not write {path}")
    logger.info("snapshot saved to %s", path)
    return path


def read_snapshot_tags(path: Path) -> dict[str, str]:
    image = QImage(str(path))
    return {key: image.text(key) for key in image.textKeys()}


def now_utc() -> datetime:
    return datetime.now(UTC)
