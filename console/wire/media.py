"""Stored files: snapshots, clips, photos and recordings."""

from __future__ import annotations

from datetime import datetime

from console.domain.model import MediaKind, MediaRef
from console.wire.common import WireModel


class MediaOut(WireModel):
    """A stored file; fetch its bytes from ``GET /media/{id}``. ``sha256`` is of those bytes."""

    id: str
    kind: MediaKind
    sha256: str
    content_type: str
    size: int
    captured_at: datetime
    camera_id: str | None = None

    def to_domain(self) -> MediaRef:
        return MediaRef(
            id=self.id,
            kind=self.kind,
            sha256=self.sha256,
            content_type=self.content_type,
            size=self.size,
            captured_at=self.captured_at,
            camera_id=self.camera_id,
        )


def media_out(media: MediaRef) -> MediaOut:
    return MediaOut(
        id=media.id,
        kind=media.kind,
        sha256=media.sha256,
        content_type=media.content_type,
        size=media.size,
        captured_at=media.captured_at,
        camera_id=media.camera_id,
    )


class RecordingOut(WireModel):
    """A recorded clip of one camera between ``start`` and ``end``."""

    id: str
    camera_id: str
    start: datetime
    end: datetime
    size: int
    sha256: str
    content_type: str = "video/mp4"
