"""What the server is told about this workstation's key and its exports (wire bodies), and
which key id each server gave this workstation.

The GUI sends these through the outbox (``console.review.export_records`` plans the requests):
the key's registration once per server, then one record per export. An export made with no
session is noted as unrecorded (``note_unrecorded``) and recorded at the next signed-in chance.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

from console.evidence.export import ExportResult
from console.evidence.keys import WorkstationKey
from console.evidence.manifest import MANIFEST_NAME
from console.wire.evidence import ExportIn, WorkstationKeyIn

REGISTRATIONS_NAME = "registrations.json"
# Exports made with no server to tell: recorded at the next signed-in export or review.
UNRECORDED_NAME = "unrecorded.json"


def key_registration(key: WorkstationKey, label: str) -> WorkstationKeyIn:
    """The body registering ``key`` (``label``: how the workstation is known, e.g. its desk)."""
    return WorkstationKeyIn(public_key=key.public_key_base64(), label=label)


def export_record(result: ExportResult, key_id: str) -> ExportIn:
    """The body recording ``result`` on the server, read back from its signed manifest."""
    return _record(result.manifest_path.read_bytes(), result.manifest_sha256, key_id)


def export_record_of_folder(folder: Path, key_id: str) -> ExportIn:
    """The body recording the export in ``folder`` (one made earlier, read from its manifest)."""
    data = (folder / MANIFEST_NAME).read_bytes()
    return _record(data, hashlib.sha256(data).hexdigest(), key_id)


def _record(manifest_bytes: bytes, manifest_sha256: str, key_id: str) -> ExportIn:
    manifest = json.loads(manifest_bytes)
    return ExportIn(
        manifest_sha256=manifest_sha256,
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
    _write_json(path, known)


def _read_json(path: Path, default: object) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def _write_json(path: Path, value: object) -> None:
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(value, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)


def _unrecorded_file(key: WorkstationKey) -> Path:
    return _registrations_file(key).with_name(UNRECORDED_NAME)


def unrecorded_exports(key: WorkstationKey) -> list[Path]:
    """Export folders made with ``key`` that no server has been told about yet (those whose
    folder is gone are left out)."""
    known = _read_json(_unrecorded_file(key), [])
    folders = (
        [Path(item) for item in known if isinstance(item, str)] if isinstance(known, list) else []
    )
    return [folder for folder in folders if (folder / MANIFEST_NAME).is_file()]


def note_unrecorded(key: WorkstationKey, folder: Path) -> None:
    """Remember that the export in ``folder`` still has to be recorded on a server."""
    known = [str(p) for p in unrecorded_exports(key)]
    if str(folder) not in known:
        known.append(str(folder))
    _write_json(_unrecorded_file(key), known)


def forget_unrecorded(key: WorkstationKey, folders: list[Path]) -> None:
    """The exports in ``folders`` are queued for a server now."""
    gone = {str(p) for p in folders}
    _write_json(
        _unrecorded_file(key), [str(p) for p in unrecorded_exports(key) if str(p) not in gone]
    )
