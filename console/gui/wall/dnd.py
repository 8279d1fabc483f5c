"""Dragging a tile onto another tile of the same page (to swap them).

A tile drag carries ``application/x-tianmu-wall-tile``: UTF-8 JSON ``{"page": token,
"cell": n}``, where the token names the page view it left, so a drop on another page or
another console is not taken for a swap. The tile's camera travels along as the ordinary
camera-ids type, so the same drag can put the camera on another page or on the map.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QMimeData

from console.gui.mime import CAMERA_IDS_MIME, camera_ids_to_bytes

logger = logging.getLogger(__name__)

TILE_MIME = "application/x-tianmu-wall-tile"


def encode_tile(page_token: str, cell: int, camera_id: str | None) -> QMimeData:
    mime = QMimeData()
    mime.setData(TILE_MIME, json.dumps({"page": page_token, "cell": cell}).encode("utf-8"))
    if camera_id:
        mime.setData(CAMERA_IDS_MIME, camera_ids_to_bytes([camera_id]))
        mime.setText(camera_id)
    return mime


def decode_tile(mime: QMimeData | None) -> tuple[str, int] | None:
    """(page token, cell) of a dragged tile, or None."""
    if mime is None or not mime.hasFormat(TILE_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(TILE_MIME).data()).decode("utf-8"))
        return str(data["page"]), int(data["cell"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        logger.warning("ignored a malformed %s payload", TILE_MIME)
        return None
