"""The files that travel with multipart outbox requests (snapshots, photos, clips).

A file is written under a temporary name, fsync'd, renamed and its folder fsync'd before
the outbox row that refers to it commits, so a committed row never points at a file that a
crash could lose. Files no committed row refers to (a crash between the two steps) are
swept when the outbox opens.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from console.store.health import fsync_directory

logger = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".part"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file safely on disk in the attachments folder."""

    stored_name: str
    size: int
    sha256: str


def store_file(folder: Path, filename: str, content: bytes | Path) -> StoredFile:
    """Copy ``content`` (bytes, or the file at a path) durably into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = _UNSAFE.sub("_", Path(filename).name)[-80:] or "file"
    stored_name = f"{uuid.uuid4().hex}-{safe}"
    partial = folder / (stored_name + PARTIAL_SUFFIX)
    digest = hashlib.sha256()
    size = 0
    with partial.open("wb") as target:
        for chunk in _chunks(content):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
        target.flush()
        os.fsync(target.fileno())
    os.replace(partial, folder / stored_name)
    fsync_directory(folder)
    return StoredFile(stored_name, size, digest.hexdigest())


def _chunks(content: bytes | Path) -> Iterable[bytes]:
    if isinstance(content, bytes | bytearray | memoryview):
        yield bytes(content)
        return
    with Path(content).open("rb") as source:
        while chunk := source.read(_CHUNK):
            yield chunk


def remove_files(folder: Path, stored_names: Iterable[str]) -> None:
    for name in stored_names:
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("could not remove outbox file %s: %s", name, exc)


def sweep_orphans(folder: Path, referenced: set[str]) -> int:
    """Remove files (and partial writes) that no outbox row refers to; returns how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if entry.is_file() and entry.name not in referenced:
            entry.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.info("removed %d unreferenced outbox files", removed)
    return removed
