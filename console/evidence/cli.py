"""``tianmu verify-export DIR [--public-key FILE]``: check an evidence export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.evidence.keys import KeyProblem, public_key_from_text
from console.evidence.verify import format_report, verify_export


def main(argv: list[str]) -> int:
    """0: the export is intact; 1: a problem was found; 2: the command was used wrongly."""
    parser = argparse.ArgumentParser(
        prog="tianmu verify-export",
        description="Check every file of an evidence export against its signed manifest.",
    )
    parser.add_argument("folder", type=Path, help="the export folder (holds manifest.json)")
    parser.add_argument(
        "--public-key",
        type=Path,
        help="the workstation's public key (PEM, base64 or raw) to check who signed it",
    )
    args = parser.parse_args(argv)
    key = None
    if args.public_key is not None:
        try:
            key = public_key_from_text(args.public_key.read_bytes())
        except (OSError, KeyProblem) as exc:
            print(f"tianmu verify-export: cannot use {args.public_key}: {exc}", file=sys.stderr)
            return 2
    report = verify_export(args.folder, key)
    print(format_report(report))
    return 0 if report.ok else 1
