"""``tianmu --self-test``: which video source serves each stream scheme on this machine."""

from __future__ import annotations

import sys
from typing import TextIO

from console.video import framecore
from console.video.schemes import SCHEMES, scheme_support


def describe() -> list[tuple[str, str, bool, str]]:
    """One row per scheme: (scheme, source name, can play, detail)."""
    rows = []
    for scheme in SCHEMES:
        support = scheme_support(scheme)
        kind = support.source_kind
        rows.append((scheme, kind or "-", kind is not None, support.detail))
    return rows


def print_report(out: TextIO | None = None) -> int:
    """Print the table; exit status 1 if a scheme cameras use (RTSP, HTTP) cannot be played."""
    stream = out or sys.stdout
    rows = describe()
    for scheme, kind, ok, detail in rows:
        mark = "ok" if ok else "NO"
        note = f"  ({detail})" if detail else ""
        print(f"video {scheme:<6} {mark:<3} {kind}{note}", file=stream)
    # How libvlc hands pictures over: the C core needs no interpreter lock per picture.
    core = framecore.core_kind()
    detail = "" if core == "C" else "  (build it with scripts/build_framecore.py for less CPU)"
    print(f"video pictures ok  {core} core{detail}", file=stream)
    essential = {"rtsp", "http"}
    return 0 if all(ok for scheme, _kind, ok, _d in rows if scheme in essential) else 1
