"""Stored media and recordings: download with hash headers; recording exports are audited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import AwareDatetime

from console.server.api.deps import CallerDep, PathId, QueryId, State
from console.server.api.errors import documented
from console.server.services import media_access, recordings
from console.wire.media import RecordingOut

router = APIRouter()

_SHA_HEADER: dict[str, Any] = {
    "X-Content-SHA256": {"description": "SHA-256 of the body", "schema": {"type": "string"}}
}


def _binary(content_type: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            "headers": _SHA_HEADER,
            "description": "the bytes",
        }
    }


@router.get(
    "/media/{media_id}",
    tags=["media"],
    response_class=FileResponse,
    responses={**_binary("application/octet-stream"), **documented(401, 404)},
)
def get_media(media_id: PathId, caller: CallerDep, state: State) -> FileResponse:
    """The stored bytes with their original content type; header X-Content-SHA256.

    Readable by whoever may read a record holding the file (its incident, its alert; a
    camera's file by the camera's rule; a file held by nothing by administrators only), and
    audited as ``media.download``."""
    with state.db.write() as session:
        row, path = media_access.download(session, caller, state.media, media_id)
    return FileResponse(path, media_type=row.content_type, headers={"X-Content-SHA256": row.sha256})


def _recording_out(row: Any) -> RecordingOut:
    return RecordingOut(
        id=row.id,
        camera_id=row.camera_id,
        start=row.start,
        end=row.end,
        size=row.size,
        sha256=row.sha256,
        content_type=row.content_type,
    )


@router.get(
    "/recordings",
    tags=["recordings"],
    response_model=list[RecordingOut],
    responses=documented(401, 422),
)
def list_recordings(
    caller: CallerDep,
    state: State,
    camera_id: QueryId = None,
    start: AwareDatetime | None = None,
    end: AwareDatetime | None = None,
) -> list[RecordingOut]:
    """Recordings of visible cameras overlapping [start, end], oldest first (at most 1000)."""
    with state.db.read() as session:
        rows = recordings.list_recordings(
            session, caller, camera_id=camera_id, start=start, end=end
        )
        return [_recording_out(r) for r in rows]


@router.get(
    "/recordings/{recording_id}/download",
    tags=["recordings"],
    response_class=FileResponse,
    responses={**_binary("video/mp4"), **documented(401, 404)},
)
def download_recording(recording_id: PathId, caller: CallerDep, state: State) -> FileResponse:
    """The clip (audited as ``recording.export``); header X-Content-SHA256."""
    with state.db.write() as session:
        row, path = recordings.export(session, caller, recording_id)
    return FileResponse(
        path,
        media_type=row.content_type,
        filename=f"{row.camera_id}-{row.start:%Y%m%dT%H%M%SZ}.mp4",
        headers={"X-Content-SHA256": row.sha256},
    )
