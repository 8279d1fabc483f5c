"""Drag-and-drop payloads shared by the camera tree, the video wall and the map.

A dragged set of cameras travels as ``application/x-tianmu-camera-ids``: UTF-8 JSON, a list
of camera id strings in the order the user selected them. ``text/plain`` carries the same ids
one per line, so a drop into a text field or a chat window is still useful.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from PySide6.QtCore import QMimeData

logger = logging.getLogger(__name__)

CAMERA_IDS_MIME = "application/x-tianmu-camera-ids"


def camera_ids_to_bytes(camera_ids: Iterable[str]) -> bytes:
    """The wire form of a list of camera ids (duplicates dropped, order kept)."""
    unique = list(dict.fromkeys(camera_ids))
    return json.dumps(unique, ensure_ascii=False).encode("utf-8")


def camera_ids_from_bytes(payload: bytes) -> list[str]:
    """Camera ids from the wire form; an empty list for anything malformed."""
    try:
        decoded = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        logger.warning("ignored a %s payload that is not UTF-8 JSON", CAMERA_IDS_MIME)
        return []
    if not isinstance(decoded, list) or not all(isinstance(i, str) for i in decoded):
        logger.warning("ignored a %s payload that is not a list of strings", CAMERA_IDS_MIME)
        return []
    return list(dict.fromkeys(decoded))


def encode_camera_ids(camera_ids: Iterable[str]) -> QMimeData:
    """A QMimeData carrying ``camera_ids`` as the camera-ids type and as plain text."""
    unique = list(dict.fromkeys(camera_ids))
    mime = QMimeData()
    mime.setData(CAMERA_IDS_MIME, camera_ids_to_bytes(unique))
    mime.setText("\n".join(unique))
    return mime


def has_camera_ids(mime: QMimeData | None) -> bool:
    """Whether a drag carries cameras (use it in ``dragEnterEvent``)."""
    return mime is not None and mime.hasFormat(CAMERA_IDS_MIME)


def decode_camera_ids(mime: QMimeData | None) -> list[str]:
    """The camera ids a drop carries; empty when it carries none or garbage."""
    if not has_camera_ids(mime):
        return []
    assert mime is not None
    return camera_ids_from_bytes(bytes(mime.data(CAMERA_IDS_MIME).data()))
