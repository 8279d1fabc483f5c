"""Evidence exports: the workstation keys that sign them, and the record of each export."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, Field, StringConstraints

from console.wire.common import Ident, Name, RequestModel, WireModel

Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Base64Key = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9+/=]+$")
]


class WorkstationKeyIn(RequestModel):
    """A workstation's Ed25519 public key (the raw 32 bytes in base64) and a label for it."""

    public_key: Base64Key
    label: Name


class WorkstationKeyOut(WireModel):
    """A registered workstation key; ``fingerprint`` is ``SHA256:`` and the key's hex digest."""

    id: str
    public_key: str
    fingerprint: str
    label: str
    registered_by: str
    registered_at: datetime


class ExportIn(RequestModel):
    """One evidence export made on a workstation: what its signed manifest says.

    ``manifest_sha256`` names the manifest's exact bytes, so a folder handed on later can be
    matched to this record. ``incident_id`` attaches the export to an incident the caller
    may read."""

    manifest_sha256: Sha256Hex
    key_id: Ident
    camera_ids: list[Ident] = Field(min_length=1, max_length=16)
    start: AwareDatetime
    end: AwareDatetime
    incident_id: Ident | None = None
    officer: Name
    exported_at: AwareDatetime
    file_count: int = Field(ge=0, le=1000)
    total_bytes: int = Field(ge=0, le=2**53)


class ExportOut(WireModel):
    """A recorded export (readable by its maker, supervisors, administrators, and whoever may
    read the incident it is attached to)."""

    id: str
    manifest_sha256: str
    key_id: str
    key_fingerprint: str
    camera_ids: list[str]
    start: datetime
    end: datetime
    incident_id: str | None = None
    officer: str
    exported_at: datetime
    file_count: int
    total_bytes: int
    exported_by: str
    recorded_at: datetime
