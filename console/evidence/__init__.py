"""Evidence export: cut clips, sign a manifest with the workstation key, verify it anywhere.

No Qt and no server code: the GUI calls these from a worker thread, and ``tianmu
verify-export`` runs them on any machine.
"""

from __future__ import annotations

from console.evidence.export import ClipRange, ExportError, ExportResult, export_evidence
from console.evidence.keys import WorkstationKey, fingerprint, public_key_from_text
from console.evidence.verify import Problem, VerifyReport, format_report, verify_export

__all__ = [
    "ClipRange",
    "ExportError",
    "ExportResult",
    "Problem",
    "VerifyReport",
    "WorkstationKey",
    "export_evidence",
    "fingerprint",
    "format_report",
    "public_key_from_text",
    "verify_export",
]
