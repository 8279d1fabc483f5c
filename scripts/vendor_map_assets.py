#!/usr/bin/env python3
"""Fetch the map page's web libraries from the npm registry into resources/map/vendor/.

    vendor_map_assets.py           fetch the pinned versions (needs `npm`), replace the folder
    vendor_map_assets.py --check   exit 1 if the committed files differ from the pinned ones

The map page must work with the network unplugged, so its libraries are committed to the
repository and served from the console's own URL scheme. Only the files the page loads are
kept (no sources, maps or tests), each package with its licence and a NOTICE naming the exact
version and the registry's integrity hash.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "resources" / "map" / "vendor"
TIMEOUT_S = 180


@dataclass(frozen=True)
class Package:
    """One npm package: which version, and which of its files the page needs."""

    name: str
    version: str
    # paths inside the tarball's package/ folder -> paths under vendor/<folder>/
    files: dict[str, str]
    folder: str


PACKAGES = (
    Package(
        name="leaflet",
        version="1.9.4",
        folder="leaflet",
        files={
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            # leaflet.css names these relative to itself
            "dist/images/layers.png": "images/layers.png",
            "dist/images/layers-2x.png": "images/layers-2x.png",
            "dist/images/marker-icon.png": "images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "images/marker-shadow.png",
            "LICENSE": "LICENSE",
        },
    ),
    Package(
        # folium builds popup content with jQuery
        name="jquery",
        version="3.7.1",
        folder="jquery",
        files={"dist/jquery.min.js": "jquery.min.js", "LICENSE.txt": "LICENSE"},
    ),
)


def _npm_pack(package: Package, workdir: Path) -> tuple[Path, str]:
    spec = f"{package.name}@{package.version}"
    done = subprocess.run(
        ["npm", "pack", "--json", spec],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    info = json.loads(done.stdout)[0]
    return workdir / info["filename"], info["integrity"]


def _extract(package: Package, tarball: Path, integrity: str, target: Path) -> None:
    folder = target / package.folder
    folder.mkdir(parents=True)
    with tarfile.open(tarball, "r:gz") as archive:
        for inside, outside in package.files.items():
            member = archive.extractfile(f"package/{inside}")
            if member is None:
                raise SystemExit(f"{package.name}: {inside} is not a file in the tarball")
            destination = folder / outside
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(member.read())
    notice = (
        f"{package.name} {package.version}\n"
        f"from the npm registry (npm pack {package.name}@{package.version})\n"
        f"tarball integrity: {integrity}\n"
        f"licence: see LICENSE in this folder\n"
        f"files kept: {', '.join(sorted(package.files.values()))}\n"
    )
    (folder / "NOTICE").write_text(notice, encoding="utf-8")


def _fetch_all(target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="tianmu-npm-") as tmp:
        for package in PACKAGES:
            tarball, integrity = _npm_pack(package, Path(tmp))
            _extract(package, tarball, integrity, target)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, change nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tianmu-vendor-") as tmp:
        fresh = Path(tmp) / "vendor"
        fresh.mkdir()
        _fetch_all(fresh)
        if args.check:
            same = VENDOR.is_dir() and _digest(fresh) == _digest(VENDOR)
            print("vendored map assets are current" if same else "vendored map assets differ")
            return 0 if same else 1
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        shutil.copytree(fresh, VENDOR)
    size = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    print(f"vendored {len(PACKAGES)} packages into {VENDOR} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
