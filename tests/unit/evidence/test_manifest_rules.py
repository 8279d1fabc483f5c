"""The manifest's encoding, and verify's refusal of entries that point outside the folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from console.evidence.keys import WorkstationKey
from console.evidence.manifest import (
    FORMAT,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    canonical,
    signature_document,
)
from console.evidence.verify import format_report, verify_export


def test_the_canonical_encoding_is_one_spelling() -> None:
    assert canonical({"b": 1, "a": ["东", None]}) == '{"a":["东",null],"b":1}'.encode()
    with pytest.raises(ValueError, match="JSON"):
        canonical({"x": float("nan")})


def _signed_export(folder: Path, files: list[dict[str, object]]) -> WorkstationKey:
    key = WorkstationKey.generate()
    manifest = {
        "format": FORMAT,
        "files": files,
        "public_key": {"algorithm": "Ed25519", "key": key.public_key_base64(),
                       "fingerprint": key.fingerprint()},
    }  # fmt: skip
    data = canonical(manifest)
    (folder / MANIFEST_NAME).write_bytes(data)
    (folder / SIGNATURE_NAME).write_bytes(
        signature_document(data, key.sign(data), key.fingerprint())
    )
    return key


def test_a_signed_manifest_of_plain_files_verifies(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"evidence")
    entry = {"path": "a.txt", "sha256": hashlib.sha256(b"evidence").hexdigest(), "size": 8}
    key = _signed_export(tmp_path, [entry])
    report = verify_export(tmp_path, key.public_key_bytes())
    assert report.ok, format_report(report)
    assert report.origin_checked


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "", "manifest.json", "a\\b"])
def test_entries_pointing_outside_the_folder_are_a_manifest_problem(
    tmp_path: Path, path: str
) -> None:
    _signed_export(tmp_path, [{"path": path, "sha256": "0" * 64, "size": 0}])
    report = verify_export(tmp_path)
    assert [p.kind for p in report.problems] == ["manifest"], format_report(report)


def test_a_folder_without_manifest_names_it_and_every_file(tmp_path: Path) -> None:
    (tmp_path / "clip.mp4").write_bytes(b"x")
    report = verify_export(tmp_path)
    assert [(p.kind, p.path) for p in report.problems] == [
        ("missing", MANIFEST_NAME),
        ("extra", "clip.mp4"),
    ]
    assert "FAILED" in format_report(report)


def test_a_manifest_that_is_not_json_is_named(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xff{not json")
    report = verify_export(tmp_path)
    assert [(p.kind, p.path) for p in report.problems] == [("manifest", MANIFEST_NAME)]
