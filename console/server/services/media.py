"""Uploaded files (photos, snapshots, clips): bytes on disk, identity and hash in the database.

Files are content-addressed (``ab/cd/<sha256>``) and written atomically before the row that
names them is committed, so a crash can leave an unreferenced file but never a row without
its bytes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from console.domain.model import MediaKind, MediaRef
from console.server.db.tables import MediaRow
from console.server.services.caller import Caller
from console.server.services.clock import new_id, utcnow
from console.server.services.errors import Invalid, NotFound, PayloadTooLarge

IMAGE_TYPES = ("image/jpeg", "image/png")
VIDEO_TYPES = ("video/mp4",)


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file as received: declared content type and the bytes."""

    filename: str
    content_type: str
    data: bytes


def _sniff(data: bytes) -> str | None:
    """The content type the bytes really have, for the types we accept."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "video/mp4"
    return None


def media_of(row: MediaRow) -> MediaRef:
    return MediaRef(
        id=row.id,
        kind=MediaKind(row.kind),
        sha256=row.sha256,
        content_type=row.content_type,
        size=row.size,
        captured_at=row.captured_at,
        camera_id=row.camera_id,
    )


class MediaStore:
    """The media directory and the rules for what may be stored in it."""

    def __init__(self, root: Path, *, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.root = root
        self.max_bytes = max_bytes
        root.mkdir(parents=True, exist_ok=True)

    def check(self, upload: Upload, *, field: str, allowed: tuple[str, ...]) -> str:
        """The verified content type of ``upload``, or ``Invalid`` naming ``field``."""
        if len(upload.data) > self.max_bytes:
            raise PayloadTooLarge(f"{field} is larger than {self.max_bytes} bytes")
        if not upload.data:
            raise Invalid(field, "the file is empty")
        actual = _sniff(upload.data)
        if actual is None or actual not in allowed:
            raise Invalid(field, f"only {', '.join(allowed)} files are accepted")
        declared = upload.content_type.split(";")[0].strip().lower()
        if declared not in ("", "application/octet-stream", actual):
            raise Invalid(field, f"declared as {declared} but the bytes are {actual}")
        return actual

    def _write(self, data: bytes) -> tuple[str, str]:
        digest = hashlib.sha256(data).hexdigest()
        relative = f"{digest[:2]}/{digest[2:4]}/{digest}"
        target = self.root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        return digest, relative

    def put(self, data: bytes) -> str:
        """Write ``data`` ahead of the row that will name it (outside a transaction, so slow
        disks hold no lock); ``save`` of the same bytes then finds them written. The SHA-256."""
        digest, _ = self._write(data)
        return digest

    def save(
        self,
        session: Session,
        caller: Caller | None,
        upload: Upload,
        *,
        kind: MediaKind,
        field: str,
        allowed: tuple[str, ...],
        captured_at: datetime | None = None,
        camera_id: str | None = None,
        media_id: str | None = None,
    ) -> MediaRow:
        content_type = self.check(upload, field=field, allowed=allowed)
        digest, relative = self._write(upload.data)
        now = utcnow()
        row = MediaRow(
            id=media_id or new_id(),
            kind=kind.value,
            sha256=digest,
            content_type=content_type,
            size=len(upload.data),
            path=relative,
            captured_at=captured_at or now,
            camera_id=camera_id,
            uploaded_by=caller.user_id if caller else None,
            created_at=now,
        )
        session.add(row)
        return row

    def file_of(self, row: MediaRow) -> Path:
        """Where the bytes of ``row`` are, or ``NotFound`` if they have gone missing."""
        path = self.root / row.path
        if not path.is_file():
            raise NotFound(f"the bytes of media {row.id} are missing")
        return path
