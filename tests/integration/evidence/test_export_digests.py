"""The digests an export records: each clip hashed once and named alike by its sidecar and the
manifest, the source hashed whole (on a side thread) and named exactly, and a failed export
leaves no hashing behind."""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from console.evidence import (
    ClipRange,
    ExportError,
    ExportResult,
    WorkstationKey,
    export_evidence,
)
from console.evidence.export import SIDECAR_SUFFIX
from console.evidence.manifest import file_entry, sha256_file
from console.server.media.clips import Clip
from tests.integration.evidence.conftest import CLIP_START

pytestmark = pytest.mark.media


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(clips: list[Clip], folder: Path, start_s: float, end_s: float) -> ExportResult:
    return export_evidence(
        [
            ClipRange(
                c.path,
                f"cam-{i}",
                c.start,
                CLIP_START + timedelta(seconds=start_s),
                CLIP_START + timedelta(seconds=end_s),
            )
            for i, c in enumerate(clips)
        ],
        folder,
        officer="tester",
        incident_id=None,
        signer=WorkstationKey.generate(),
        camera_names={},
    )


def test_every_digest_is_the_finished_files_own(recorded_clips: list[Clip], tmp_path: Path) -> None:
    result = _export(recorded_clips, tmp_path, 2.32, 6.76)
    manifest = json.loads(result.manifest_path.read_bytes())
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert len(listed) == 4
    for relative, entry in listed.items():
        path = result.folder / relative
        assert entry["sha256"] == _sha256(path), relative
        assert entry["size"] == path.stat().st_size
    for record, clip in zip(manifest["clips"], recorded_clips, strict=True):
        video = result.folder / record["file"]
        sidecar = json.loads(video.with_name(video.name + SIDECAR_SUFFIX).read_bytes())
        assert sidecar["sha256"] == listed[record["file"]]["sha256"] == _sha256(video)
        assert record["source_sha256"] == _sha256(clip.path) == clip.sha256
        assert record["reencoded_s"] == "0.680"  # from 2.32 to the keyframe at 3.0
    assert result.manifest_sha256 == _sha256(result.manifest_path)


def test_a_digest_taken_once_is_the_one_read_again(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000 + b"tail"  # past one read block
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    assert sha256_file(path) == digest
    assert file_entry(tmp_path, path).sha256 == digest
    assert file_entry(tmp_path, path, digest).as_json() == {
        "path": "f.bin",
        "sha256": digest,
        "size": len(data),
    }


def test_a_failed_export_says_why_and_leaves_no_hashing_running(
    recorded_clips: list[Clip], tmp_path: Path
) -> None:
    before = {t.name for t in threading.enumerate()}
    with pytest.raises(ExportError, match="outside the recording"):
        _export(recorded_clips, tmp_path, 30.0, 40.0)
    left = {t.name for t in threading.enumerate()} - before
    assert not [name for name in left if "sha256" in name]
