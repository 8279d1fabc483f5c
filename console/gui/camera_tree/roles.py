"""Item-data roles the camera models answer besides Qt's own.

``Qt.UserRole`` itself holds the raw sort key (a natural-order string), as everywhere in Tianmu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

SORT_KEY_ROLE = int(Qt.ItemDataRole.UserRole)
CAMERA_ID_ROLE = SORT_KEY_ROLE + 1  # str for camera rows, None for region rows
REGION_ID_ROLE = SORT_KEY_ROLE + 2  # str for region rows, None for camera rows
STATUS_ROLE = SORT_KEY_ROLE + 3  # CameraStatus value ("online"/"offline") for cameras
SHARED_ROLE = SORT_KEY_ROLE + 4  # bool: may this operator view the camera
FAVOURITE_ROLE = SORT_KEY_ROLE + 5  # bool
COUNTS_ROLE = SORT_KEY_ROLE + 6  # (online, total) for region rows
