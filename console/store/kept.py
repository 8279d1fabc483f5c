"""Actions rescued from an outbox that could not be opened, kept until the operator decides.

When an outbox is damaged or was written by a newer version it is set aside and every
readable row is exported to ``outbox-salvaged-<stamp>-<tag>.jsonl`` (``salvage.py``). The
unsent rows of that export are operator actions the server has not confirmed: losing them
silently is not an option. ``keep_salvaged(outbox, directory)`` reads every export in the
store folder that has not been taken in yet and stores its unsent actions in the working
outbox as *kept* items (state ``kept``: not sent until the operator says so), with their
original idempotency keys, so that delivering one the server had in fact received changes
nothing there. A ``<export>.kept`` marker written afterwards says the export was taken in;
a crash in between takes it in again, which the keys make harmless.

Rows that cannot be turned back into a request (unreadable, or missing what a request
needs) stay in the export only; ``KeptSummary.unusable`` counts them so the operator is
told where they are. ``export_actions`` writes chosen items to a JSON-lines file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.store.outbox import (
    Encoding,
    KeptAction,
    KeptFile,
    Outbox,
    OutboxItem,
    entity_of,
)
from console.store.salvage import UNSENT_STATES, write_json_lines

logger = logging.getLogger(__name__)

EXPORT_PATTERN = "outbox-salvaged-*.jsonl"
MARKER_SUFFIX = ".kept"
_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True, slots=True)
class KeptSummary:
    """What taking in the rescued exports found: actions newly kept, rows that could not be
    kept (still in ``exports``), and the export files read."""

    kept: int = 0
    unusable: int = 0
    exports: tuple[Path, ...] = field(default_factory=tuple)


def keep_salvaged(outbox: Outbox, directory: Path) -> KeptSummary:
    """Take every export under ``directory`` not taken in yet into ``outbox`` as kept items."""
    kept = unusable = 0
    exports: list[Path] = []
    for export in sorted(directory.glob(EXPORT_PATTERN)):
        marker = export.with_name(export.name + MARKER_SUFFIX)
        if marker.exists():
            continue
        actions, skipped = read_salvaged(export)
        added = outbox.keep(actions)
        kept += len(added)
        unusable += skipped
        exports.append(export)
        write_json_lines(marker, iter([{"kept": len(added), "unusable": skipped}]))
        logger.warning(
            "%s: %d unsent actions kept for the operator, %d could not be kept",
            export.name,
            len(added),
            skipped,
        )
    return KeptSummary(kept, unusable, tuple(exports))


def read_salvaged(export: Path) -> tuple[list[KeptAction], int]:
    """The unsent actions of one export, and how many unsent (or unreadable) rows could not
    be made into actions."""
    actions: list[KeptAction] = []
    unusable = 0
    for record in _records(export):
        if record is None or record.get("unreadable"):
            unusable += 1
            continue
        if record.get("state") not in UNSENT_STATES:
            continue  # delivered or discarded before the outbox was set aside
        action = _action(record)
        if action is None:
            unusable += 1
        else:
            actions.append(action)
    return actions, unusable


def _records(export: Path) -> Iterator[dict[str, Any] | None]:
    with export.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield None
                continue
            yield record if isinstance(record, dict) else None


def _text(record: dict[str, Any], key: str, limit: int) -> str | None:
    value = record.get(key)
    if isinstance(value, str) and 0 < len(value) <= limit:
        return value
    return None


def _action(record: dict[str, Any]) -> KeptAction | None:
    """A request rebuilt from an exported row, or None when the row lacks what it needs."""
    key = _text(record, "idempotency_key", 64)
    kind = _text(record, "kind", 64)
    method = (_text(record, "method", 10) or "").upper()
    path = _text(record, "path", 500)
    body = record.get("body")
    try:
        encoding = Encoding(str(record.get("encoding")))
        json.dumps(body, allow_nan=False)  # what the outbox will store and send
    except (ValueError, TypeError):
        return None
    if (
        key is None
        or kind is None
        or method not in _METHODS
        or path is None
        or not path.startswith("/")
        or path.startswith("//")
        or not isinstance(body, dict)
        or record.get("body_unparsed")
    ):
        return None
    entity = record.get("entity")
    if not (isinstance(entity, str) and 0 < len(entity) <= 200):
        entity = entity_of(path)
    summary = _text(record, "summary", 10_000) or f"{method} {path}"
    files, missing = _files(record.get("files"))
    notes = []
    previous = _text(record, "reason", 10_000)
    if record.get("state") == "rejected" and previous:
        notes.append(f"rejected before: {previous}")
    if missing:
        notes.append(f"{missing} attachment(s) could not be recovered")
    return KeptAction(
        idempotency_key=key,
        kind=kind,
        method=method,
        path=path,
        body=body,
        encoding=encoding,
        entity=entity,
        summary=summary,
        created_at=_moment(record.get("created_at")),
        files=files,
        reason="; ".join(notes) or None,
    )


def _files(entries: Any) -> tuple[tuple[KeptFile, ...], int]:
    """The attachments still on disk, and how many are missing or unreadable."""
    if entries is None:
        return (), 0
    if not isinstance(entries, list):
        return (), 1
    found: list[KeptFile] = []
    missing = 0
    for entry in entries:
        try:
            path = Path(entry["path"])
            kept = KeptFile(
                field=str(entry["field"]),
                filename=str(entry["filename"]),
                content_type=str(entry["content_type"]),
                path=path,
            )
        except (KeyError, TypeError, ValueError):
            missing += 1
            continue
        if path.is_file():
            found.append(kept)
        else:
            missing += 1
    return tuple(found), missing


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def export_actions(items: Iterable[OutboxItem], path: Path) -> int:
    """Write ``items`` to ``path`` as JSON lines (durably); returns how many were written."""
    records = [
        {
            "idempotency_key": item.idempotency_key,
            "kind": item.kind,
            "method": item.method,
            "path": item.path,
            "body": item.body,
            "encoding": item.encoding.value,
            "summary": item.summary,
            "created_at": item.created_at.isoformat(),
            "reason": item.reason,
            "files": [
                {
                    "field": f.field,
                    "filename": f.filename,
                    "content_type": f.content_type,
                    "path": str(f.path),
                }
                for f in item.files
            ],
        }
        for item in items
    ]
    write_json_lines(path, iter(records))
    return len(records)


__all__ = ["KeptSummary", "export_actions", "keep_salvaged", "read_salvaged"]
