"""What the server is told about this workstation's key and its exports (wire bodies), and
which key id each server gave this workstation.

The GUI sends these through the outbox: ``client.register_workstation_key(key_registration(...))``
once per server, then ``client.record_export(export_record(result, key_id))`` per export.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from console.evidence.export import ExportResult
from console.evidence.keys import WorkstationKey
from console.wire.evidence import ExportIn, WorkstationKeyIn

REGISTRATIONS_NAME = "registrations.json"


def key_registration(key: WorkstationKey, label: str) -> WorkstationKeyIn:
    """The body registering ``key`` (``label``: how the workstation is known, e.g. its desk)."""
    return WorkstationKeyIn(public_key=key.public_key_base64(), label=label)


def export_record(result: ExportResult, key_id: str) -> ExportIn:
    """The body recording ``result`` on the server, read back from its signed manifest."""
    manifest = json.loads(result.manifest_path.read_bytes())
    return ExportIn(
        manifest_sha256=result.manifest_sha256,
        key_id=key_id,
        camera_ids=[camera["id"] for camera in manifest["cameras"]],
        start=datetime.fromisoformat(manifest["range"]["start"]),
        end=datetime.fromisoformat(manifest["range"]["end"]),
        incident_id=manifest["incident_id"],
        officer=manifest["officer"],
        exported_at=datetime.fromisoformat(manifest["exported_at"]),
        file_count=len(manifest["files"]),
        total_bytes=sum(int(f["size"]) for f in manifest["files"]),
    )


def _registrations_file(key: WorkstationKey) -> Path:
    if key.path is None:
        raise ValueError("a key kept in memory has no registrations file")
    return key.path.parent / REGISTRATIONS_NAME


def registered_key_id(key: WorkstationKey, server: str) -> str | None:
    """The id ``server`` (its base URL) gave ``key``, or None when not registered there."""
    try:
        known = json.loads(_registrations_file(key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = known.get(key.fingerprint(), {}) if isinstance(known, dict) else {}
    value = entry.get(server) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else None


def remember_key_id(key: WorkstationKey, server: str, key_id: str) -> None:
    """Keep the id ``server`` gave ``key`` (written whole, then renamed into place)."""
    path = _registrations_file(key)
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    known.setdefault(key.fingerprint(), {})[server] = key_id
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)
