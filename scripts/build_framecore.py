#!/usr/bin/env python3
"""Compile console/video/_framecore.c into a shared library next to it (when it is missing
or older than its source).

The library lets libvlc hand pictures over without the Python interpreter lock (see the C
file). It is optional: without a C compiler this says so and exits 0, and the console uses
its Python core instead (``tianmu --self-test`` says which one runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "console" / "video" / "_framecore.c"
sys.path.insert(0, str(ROOT))

from console.video.framecore import library_path  # noqa: E402


def main() -> int:
    target = library_path()
    if target.exists() and target.stat().st_mtime >= SOURCE.stat().st_mtime:
        return 0
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        print("no C compiler: the console hands pictures over with its Python core")
        return 0
    partial = target.with_suffix(".partial")
    command = [compiler, "-O2", "-shared", "-fPIC", "-Wall", "-Werror", "-o", str(partial),
               str(SOURCE), "-lpthread"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"could not build {target.name} (the Python core stays in use):\n{done.stderr}")
        partial.unlink(missing_ok=True)
        return 0
    partial.replace(target)
    print(f"built {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
