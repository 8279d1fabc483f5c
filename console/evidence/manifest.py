"""The evidence manifest: what an export holds, in one canonical JSON encoding.

The manifest's exact bytes are what the workstation key signs, so there must be one way to
write a given manifest: keys sorted, no spaces, UTF-8, no floats. ``canonical`` is that
encoding; a manifest whose bytes differ from ``canonical(parsed)`` was edited by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "tianmu-evidence/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SIGNATURE_ALGORITHM = "Ed25519"
# Files an export folder holds beside the ones the manifest lists.
OWN_FILES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})


def canonical(value: Any) -> bytes:
    """The single byte encoding of a JSON value used for signing."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    # One buffer filled again and again: no new megabyte object (and its page faults) per
    # block, which shows on a long recording.
    block = bytearray(1 << 20)
    view = memoryview(block)
    with open(path, "rb", buffering=0) as stream:
        while count := stream.readinto(block):
            digest.update(view[:count])
    return digest.hexdigest()


@dataclass(frozen=True)
class FileEntry:
    """One file of an export as the manifest lists it (path relative, with ``/``)."""

    path: str
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}


def file_entry(folder: Path, path: Path, sha256: str | None = None) -> FileEntry:
    """``path``'s entry; ``sha256`` is its digest when already taken (else it is read now)."""
    return FileEntry(
        path=path.relative_to(folder).as_posix(),
        sha256=sha256 or sha256_file(path),
        size=path.stat().st_size,
    )


def signature_document(manifest_bytes: bytes, signature: bytes, fingerprint: str) -> bytes:
    """The separate signature file: the signature, and which manifest bytes and key it is for.

    Naming the manifest's digest lets verify tell a manifest edited after signing from a
    signature that is simply wrong.
    """
    import base64

    return canonical(
        {
            "algorithm": SIGNATURE_ALGORITHM,
            "manifest": MANIFEST_NAME,
            "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest(),
            "public_key_fingerprint": fingerprint,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    )
