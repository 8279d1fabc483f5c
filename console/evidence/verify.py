"""Check an evidence export: every file's hash, the file list, the manifest and its signature."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from console.evidence.keys import fingerprint, verify_signature
from console.evidence.manifest import (
    FORMAT,
    MANIFEST_NAME,
    OWN_FILES,
    SIGNATURE_NAME,
    canonical,
    sha256_file,
    signature_document,
)

ProblemKind = Literal["changed", "missing", "extra", "manifest", "signature"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an export; ``path`` is relative to the export folder."""

    kind: ProblemKind
    path: str | None
    detail: str


@dataclass
class VerifyReport:
    """The outcome of ``verify_export``: ok only when there is no problem at all."""

    folder: Path
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    fingerprint: str | None = None
    origin_checked: bool = False  # the caller supplied the public key to trust

    @property
    def ok(self) -> bool:
        return not self.problems

    def named(self, kind: ProblemKind) -> list[str]:
        return [p.path or "" for p in self.problems if p.kind == kind]


def _safe_relative(text: object) -> str | None:
    """``text`` as a path inside the folder, or None when it points elsewhere."""
    if not isinstance(text, str) or not text or "\\" in text or "\x00" in text:
        return None
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or path.parts[0] in OWN_FILES:
        return None
    return path.as_posix()


def _read_manifest(folder: Path, report: VerifyReport) -> tuple[bytes, dict[str, Any]] | None:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        report.problems.append(Problem("missing", MANIFEST_NAME, "the manifest is missing"))
        return None
    data = path.read_bytes()
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        report.problems.append(Problem("manifest", MANIFEST_NAME, f"not valid JSON: {exc}"))
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        report.problems.append(Problem("manifest", MANIFEST_NAME, f"not a {FORMAT} manifest"))
        return None
    if canonical(manifest) != data:
        report.problems.append(
            Problem("manifest", MANIFEST_NAME, "edited: its bytes are not as the tool wrote them")
        )
    return data, manifest


def _check_signature(
    folder: Path,
    data: bytes,
    manifest: dict[str, Any],
    trusted_key: bytes | None,
    report: VerifyReport,
) -> None:
    embedded = manifest.get("public_key")
    key: bytes | None = trusted_key
    if key is None:
        try:
            key = base64.b64decode(str((embedded or {}).get("key", "")), validate=True)
        except ValueError:
            key = None
        if key is None or len(key) != 32:
            report.problems.append(
                Problem("manifest", MANIFEST_NAME, "the manifest holds no usable public key")
            )
            return
    report.fingerprint = fingerprint(key)
    stated = (embedded or {}).get("fingerprint") if isinstance(embedded, dict) else None
    if trusted_key is not None and stated != report.fingerprint:
        report.problems.append(
            Problem(
                "signature",
                SIGNATURE_NAME,
                f"the export names key {stated}, not the trusted key {report.fingerprint}",
            )
        )
    sig_path = folder / SIGNATURE_NAME
    if not sig_path.is_file():
        report.problems.append(Problem("missing", SIGNATURE_NAME, "the signature file is missing"))
        return
    try:
        document = json.loads(sig_path.read_bytes().decode("utf-8"))
        signature = base64.b64decode(str(document["signature"]), validate=True)
        signed_digest = str(document.get("manifest_sha256", ""))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        report.problems.append(
            Problem("signature", SIGNATURE_NAME, "the signature file cannot be read")
        )
        return
    if verify_signature(key, signature, data):
        # The signature holds; the rest of the signature file must be as the tool wrote it.
        if sig_path.read_bytes() != signature_document(data, signature, fingerprint(key)):
            report.problems.append(
                Problem("signature", SIGNATURE_NAME, "the signature file was edited")
            )
        return
    if signed_digest and signed_digest != hashlib.sha256(data).hexdigest():
        report.problems.append(
            Problem(
                "manifest",
                MANIFEST_NAME,
                "changed after it was signed: the signature is for other manifest bytes",
            )
        )
    else:
        report.problems.append(
            Problem(
                "signature",
                SIGNATURE_NAME,
                f"the signature does not match the manifest under key {report.fingerprint}",
            )
        )


def _check_files(folder: Path, manifest: dict[str, Any], report: VerifyReport) -> None:
    listed: dict[str, dict[str, Any]] = {}
    entries = manifest.get("files")
    if not isinstance(entries, list):
        report.problems.append(Problem("manifest", MANIFEST_NAME, "the file list is missing"))
        entries = []
    for entry in entries:
        relative = _safe_relative(entry.get("path") if isinstance(entry, dict) else None)
        if relative is None or not isinstance(entry, dict):
            report.problems.append(
                Problem("manifest", MANIFEST_NAME, f"a file entry is not valid: {entry!r:.80}")
            )
            continue
        listed[relative] = entry
    present = {
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()
    }
    for relative, entry in sorted(listed.items()):
        path = folder / relative
        if relative not in present:
            report.problems.append(
                Problem("missing", relative, "listed in the manifest, not found")
            )
            continue
        report.files_checked += 1
        if path.is_symlink() or not path.is_file():
            report.problems.append(Problem("changed", relative, "not a plain file"))
            continue
        size = path.stat().st_size
        if size != entry.get("size"):
            report.problems.append(
                Problem(
                    "changed", relative, f"size {size} bytes, manifest says {entry.get('size')}"
                )
            )
        elif sha256_file(path) != entry.get("sha256"):
            report.problems.append(Problem("changed", relative, "contents differ (SHA-256)"))
    for relative in sorted(present - set(listed) - OWN_FILES):
        report.problems.append(Problem("extra", relative, "not listed in the manifest"))


def verify_export(folder: Path, public_key: bytes | None = None) -> VerifyReport:
    """Check the export in ``folder``. With ``public_key`` (raw 32 bytes) the signature must be
    that key's, which shows where the export came from; without it the key inside the export
    is used, which shows only that nothing changed since it was signed."""
    folder = Path(folder)
    report = VerifyReport(folder=folder, origin_checked=public_key is not None)
    if not folder.is_dir():
        report.problems.append(Problem("missing", None, f"{folder} is not a folder"))
        return report
    read = _read_manifest(folder, report)
    if read is None:
        present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        report.problems += [
            Problem("extra", name, "cannot be checked without a manifest")
            for name in present
            if name not in OWN_FILES
        ]
        return report
    data, manifest = read
    _check_signature(folder, data, manifest, public_key, report)
    _check_files(folder, manifest, report)
    return report


def format_report(report: VerifyReport) -> str:
    """The report as plain text for a terminal or a message box."""
    lines = [f"Evidence export: {report.folder}"]
    if report.fingerprint:
        lines.append(f"Signing key: {report.fingerprint}")
    lines.append(f"Files checked: {report.files_checked}")
    if report.ok:
        lines.append("Result: OK - every file matches the signed manifest.")
    else:
        lines.append(f"Result: FAILED - {len(report.problems)} problem(s):")
        for problem in report.problems:
            where = f" {problem.path}" if problem.path else ""
            lines.append(f"  [{problem.kind}]{where}: {problem.detail}")
    if not report.origin_checked:
        lines.append(
            "Note: checked against the public key inside the export. This proves the files "
            "are unchanged since signing (integrity), not who made them (origin); pass "
            "--public-key with the workstation's registered key to check origin."
        )
    return "\n".join(lines)
