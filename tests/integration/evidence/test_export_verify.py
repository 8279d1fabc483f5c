"""Export real clips, then verify; tamper with every file in turn and verify names it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from console.evidence import (
    ClipRange,
    ExportResult,
    WorkstationKey,
    export_evidence,
    format_report,
    verify_export,
)
from console.evidence.manifest import MANIFEST_NAME, SIGNATURE_NAME
from console.server.media.clips import Clip
from tests.integration.evidence.conftest import CLIP_START

pytestmark = pytest.mark.media

SIGNER = WorkstationKey.generate()


def _ranges(clips: list[Clip]) -> list[ClipRange]:
    start = CLIP_START + timedelta(seconds=2.32)
    end = CLIP_START + timedelta(seconds=6.76)
    return [ClipRange(c.path, f"cam-{i}", c.start, start, end) for i, c in enumerate(clips)]


@pytest.fixture(scope="module")
def exported(recorded_clips: list[Clip], tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_evidence(
        _ranges(recorded_clips),
        tmp_path_factory.mktemp("exports"),
        officer="警员 Wang",
        incident_id="inc-42",
        signer=SIGNER,
        camera_names={"cam-0": "东门 East Gate", "cam-1": "North Road"},
    )


@pytest.fixture
def copy(exported: ExportResult, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(exported.folder, target)
    return target


def _every_file(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# Two clips, each an MP4 and its wall-clock sidecar, then the manifest and its signature.
EVERY_FILE = ["clips/0", "clips/1", "clips/2", "clips/3", MANIFEST_NAME, SIGNATURE_NAME]


def _resolve(folder: Path, name: str) -> str:
    if name.startswith("clips/"):
        return sorted(p for p in _every_file(folder) if p.startswith("clips/"))[int(name[-1])]
    return name


def test_export_holds_a_signed_manifest_of_every_file(exported: ExportResult) -> None:
    assert _every_file(exported.folder) == sorted(
        [MANIFEST_NAME, SIGNATURE_NAME]
        + [f.relative_to(exported.folder).as_posix() for f in exported.files]
    )
    manifest = json.loads(exported.manifest_path.read_text(encoding="utf-8"))
    assert manifest["officer"] == "警员 Wang"
    assert manifest["incident_id"] == "inc-42"
    assert [c["name"] for c in manifest["cameras"]] == ["东门 East Gate", "North Road"]
    assert manifest["range"] == {
        "start": "2026-03-14T09:30:02.320000Z",
        "end": "2026-03-14T09:30:06.760000Z",
    }
    assert manifest["public_key"]["fingerprint"] == SIGNER.fingerprint()
    assert {f["path"] for f in manifest["files"]} == {
        f.relative_to(exported.folder).as_posix() for f in exported.files
    }
    assert exported.bytes_written == sum(f["size"] for f in manifest["files"])


def test_an_untouched_export_verifies(exported: ExportResult) -> None:
    report = verify_export(exported.folder, SIGNER.public_key_bytes())
    assert report.ok, format_report(report)
    assert report.files_checked == 4
    assert "FAILED" not in format_report(report)


@pytest.mark.parametrize("name", EVERY_FILE)
def test_a_flipped_byte_is_named(copy: Path, name: str) -> None:
    relative = _resolve(copy, name)
    path = copy / relative
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    report = verify_export(copy)
    assert not report.ok
    assert relative in [p.path for p in report.problems], format_report(report)
    expected = {"clips": "changed", MANIFEST_NAME: "manifest", SIGNATURE_NAME: "signature"}
    assert expected[relative.split("/")[0]] in {
        p.kind for p in report.problems if p.path == relative
    }


@pytest.mark.parametrize("name", EVERY_FILE)
def test_a_deleted_file_is_named(copy: Path, name: str) -> None:
    relative = _resolve(copy, name)
    (copy / relative).unlink()
    report = verify_export(copy)
    assert ("missing", relative) in [(p.kind, p.path) for p in report.problems], format_report(
        report
    )


@pytest.mark.parametrize("where", ["notes.txt", "clips/extra.mp4"])
def test_an_added_file_is_named(copy: Path, where: str) -> None:
    (copy / where).write_bytes(b"not part of the evidence")
    report = verify_export(copy)
    assert [(p.kind, p.path) for p in report.problems] == [("extra", where)]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda m: m.update(officer="Someone Else"), id="officer"),
        pytest.param(lambda m: m["files"][0].update(size=m["files"][0]["size"] + 1), id="size"),
        pytest.param(lambda m: m["range"].update(start="2026-03-14T09:29:00.000000Z"), id="range"),
    ],
)
def test_an_edited_manifest_is_named(copy: Path, edit: object) -> None:
    manifest = json.loads((copy / MANIFEST_NAME).read_text(encoding="utf-8"))
    edit(manifest)  # type: ignore[operator]
    (copy / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    report = verify_export(copy)
    assert "manifest" in {p.kind for p in report.problems if p.path == MANIFEST_NAME}, (
        format_report(report)
    )


def test_a_manifest_resigned_by_another_key_fails_against_the_trusted_key(copy: Path) -> None:
    from console.evidence.manifest import canonical, signature_document

    manifest = json.loads((copy / MANIFEST_NAME).read_bytes())
    manifest["officer"] = "Impostor"
    forger = WorkstationKey.generate()
    manifest["public_key"]["key"] = forger.public_key_base64()
    manifest["public_key"]["fingerprint"] = forger.fingerprint()
    data = canonical(manifest)
    (copy / MANIFEST_NAME).write_bytes(data)
    (copy / SIGNATURE_NAME).write_bytes(
        signature_document(data, forger.sign(data), forger.fingerprint())
    )
    # Integrity alone holds (the forger signed consistently) ...
    assert verify_export(copy).ok
    # ... but against the workstation's registered key the signature is named.
    report = verify_export(copy, SIGNER.public_key_bytes())
    assert "signature" in {p.kind for p in report.problems}, format_report(report)


def test_a_bad_signature_is_named(copy: Path) -> None:
    document = json.loads((copy / SIGNATURE_NAME).read_bytes())
    other = WorkstationKey.generate().sign((copy / MANIFEST_NAME).read_bytes())
    import base64

    document["signature"] = base64.b64encode(other).decode()
    (copy / SIGNATURE_NAME).write_text(json.dumps(document), encoding="utf-8")
    report = verify_export(copy)
    assert [(p.kind, p.path) for p in report.problems] == [("signature", SIGNATURE_NAME)]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", "verify-export", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_reports_and_exits_non_zero_on_a_problem(
    exported: ExportResult, copy: Path, tmp_path: Path
) -> None:
    key_file = tmp_path / "workstation.pem"
    key_file.write_bytes(SIGNER.public_key_pem())
    good = _cli(str(exported.folder), "--public-key", str(key_file))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Result: OK" in good.stdout
    assert "integrity" not in good.stdout

    without_key = _cli(str(exported.folder))
    assert without_key.returncode == 0
    assert "not who made them (origin)" in without_key.stdout

    victim = _resolve(copy, "clips/1")
    (copy / victim).unlink()
    bad = _cli(str(copy))
    assert bad.returncode == 1
    assert f"[missing] {victim}" in bad.stdout

    wrong = _cli(str(exported.folder), "--public-key", str(tmp_path / "absent.pem"))
    assert wrong.returncode == 2


def test_the_review_window_reads_each_clips_wall_clock_from_its_sidecar(
    exported: ExportResult,
) -> None:
    review_clips = pytest.importorskip("console.review.clips")
    manifest = json.loads(exported.manifest_path.read_bytes())
    for record in manifest["clips"]:
        meta = review_clips.read_sidecar(exported.folder / record["file"])
        assert meta is not None
        assert meta.start.isoformat().replace("+00:00", "Z") == record["start"]
        assert meta.camera_id == record["camera_id"]
        assert meta.incident_id == "inc-42"
