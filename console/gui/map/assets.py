"""Where the map page's files live and the addresses the page knows them by.

The page, its libraries and the offline tiles all come from one origin, ``tianmu-map://app``,
answered in-process by ``console.gui.map.scheme``. Files under ``resources/map/`` appear under
``tianmu-map://app/assets/``; nothing outside that folder can be named through the scheme.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from console.paths import resource

SCHEME = "tianmu-map"
HOST = "app"
ORIGIN = f"{SCHEME}://{HOST}"
PAGE_PATH = "/index.html"
PAGE_URL = ORIGIN + PAGE_PATH
ASSETS_PREFIX = "/assets/"
TILES_PREFIX = "/tiles/"
LOCAL_TILE_TEMPLATE = ORIGIN + TILES_PREFIX + "{z}/{x}/{y}.png"

# The page's libraries (vendored by scripts/vendor_map_assets.py) and its own script and style,
# in the order the page loads them.
LIBRARY_JS = (
    ("leaflet", "vendor/leaflet/leaflet.js"),
    ("jquery", "vendor/jquery/jquery.min.js"),
    ("tianmu_map", "tianmu_map.js"),
)
LIBRARY_CSS = (
    ("leaflet_css", "vendor/leaflet/leaflet.css"),
    ("tianmu_map_css", "tianmu_map.css"),
)

CONTENT_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".html": "text/html",
    ".json": "application/json",
}


def asset_url(relative: str) -> str:
    return ORIGIN + ASSETS_PREFIX + relative


def map_resources() -> Path:
    return resource("map")


def asset_path(relative: str) -> Path | None:
    """The file behind ``assets/<relative>``, or None when it names nothing we serve.

    Rejects anything that could climb out of ``resources/map`` (``..``, absolute paths,
    backslashes) before touching the disk.
    """
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] == "/" or any(p in ("..", ".", "") for p in parts):
        return None
    if PurePosixPath(relative).suffix.lower() not in CONTENT_TYPES:
        return None
    return map_resources().joinpath(*parts)


def content_type(path: str) -> str:
    return CONTENT_TYPES.get(PurePosixPath(path).suffix.lower(), "application/octet-stream")
