"""Where the map's background tiles come from: the offline demo file, OpenStreetMap, Tianditu
or any XYZ tile server, chosen in the settings.

A ``TileSource`` tells the web page everything it needs: the URL template, subdomains, zoom
range, attribution, which hosts the page may contact (the web view refuses every other
host), and the coordinate system the tiles are drawn in. The console keeps its data in
WGS-84; a source marked ``gcj02`` (Gaode/AMap-style tiles) makes the map shift every point
with ``console.domain.geo.wgs84_to_gcj02`` before drawing it.

A setting that cannot work (a template without ``{x}``, Tianditu without a key, a missing
MBTiles file) never leaves the operator without a map: ``choose_tile_source`` falls back to
the offline demo tiles and returns the reason alongside, for the GUI to show.

Texts meant for the operator (source names, reasons) are marked for translation in the
``MapTiles`` context; the GUI shows them with ``QCoreApplication.translate("MapTiles", text)``
and fills ``%1`` with the problem's ``args``. This package has no Qt, so it only marks them.

The Tianditu key travels in tile URLs: keep ``url_template`` out of logs (the dataclass
leaves it out of its repr) and use ``TileSource.describe()`` instead.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from console import paths
from console.map.mbtiles import MBTiles, MBTilesError, MBTilesProblem, check_header
from console.text import fill

logger = logging.getLogger(__name__)

LOCAL_TILE_TEMPLATE = "tianmu-map://app/tiles/{z}/{x}/{y}.png"

DEMO_MIN_ZOOM = 8
DEMO_MAX_ZOOM = 18  # stored to 16 around Jiaji and Boao; deeper zooms are enlarged (serve_tile)
MAX_OVERZOOM = 6  # how many zoom levels a stored tile may be enlarged by

# Hosts of tile servers known to draw in GCJ-02 (Gaode/AMap, Tencent, Google's China maps).
_GCJ02_HOST_SUFFIXES = ("autonavi.com", "amap.com", "map.qq.com", "gtimg.cn", "google.cn")

_TIANDITU_KEY = re.compile(r"[0-9a-fA-F]{32}")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SUBDOMAIN_SPEC = re.compile(r"s:([0-9A-Za-z]+)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks ``text`` for translation in ``context``; the GUI translates it when shown."""
    return text


class SettingsReader(Protocol):
    """What ``tile_source`` needs of ``console.settings.Settings`` (which imports Qt)."""

    def get(self, key: str) -> Any: ...


@dataclass(frozen=True)
class TileSource:
    """One tile provider, as the map page needs it."""

    key: str  # "demo" | "mbtiles" | "osm" | "tianditu" | "xyz"
    name: str  # marked for translation in the "MapTiles" context
    url_template: str = field(repr=False)  # may carry a key; never log it
    subdomains: tuple[str, ...] = ()
    attribution: str = ""  # plain text
    min_zoom: int = 0
    max_zoom: int = 18
    coordinates: str = "wgs84"  # "wgs84" | "gcj02"
    overlay_template: str | None = field(default=None, repr=False)  # Tianditu's labels
    allowed_hosts: frozenset[str] = frozenset()  # hosts the page may fetch tiles from
    is_local: bool = False  # tiles come from an MBTiles file through the local scheme
    mbtiles_path: Path | None = None  # the file, for local sources

    def describe(self) -> str:
        """A one-line summary safe for logs (no key)."""
        where = str(self.mbtiles_path) if self.is_local else ", ".join(sorted(self.allowed_hosts))
        return f"{self.key} ({where}, zoom {self.min_zoom}-{self.max_zoom}, {self.coordinates})"


@dataclass(frozen=True)
class TileProblem:
    """Why the configured source could not be used.

    ``text`` is a source string in the "MapTiles" context; its ``%1``, ``%2``... are filled
    from ``args``: plain strings as they are (a path), nested problems translated in turn.
    ``str()`` gives the English text (for logs); the GUI calls ``render`` with its translator.
    """

    text: str
    args: tuple[str | TileProblem, ...] = ()

    def render(self, translate: Callable[[str], str]) -> str:
        values = [a.render(translate) if isinstance(a, TileProblem) else a for a in self.args]
        return fill(translate(self.text), *values)

    def __str__(self) -> str:
        return self.render(lambda text: text)


@dataclass(frozen=True)
class TileChoice:
    source: TileSource
    problem: TileProblem | None = None  # set when ``source`` is a fallback


class TemplateError(ValueError):
    """An XYZ template that cannot work; ``problem`` says why."""

    def __init__(self, problem: TileProblem):
        super().__init__(str(problem))
        self.problem = problem


# ----------------------------------------------------------------------------- sources


def demo_mbtiles_path() -> Path:
    """The bundled offline map of Qionghai."""
    return paths.resource("map", "tiles", "qionghai.mbtiles")


def demo_source() -> TileSource:
    return TileSource(
        key="demo",
        name=QT_TRANSLATE_NOOP("MapTiles", "Offline demo map (Qionghai)"),
        url_template=LOCAL_TILE_TEMPLATE,
        attribution=QT_TRANSLATE_NOOP("MapTiles", "Simplified demo map, not survey data"),
        min_zoom=DEMO_MIN_ZOOM,
        max_zoom=DEMO_MAX_ZOOM,
        is_local=True,
        mbtiles_path=demo_mbtiles_path(),
    )


def mbtiles_source(path: Path) -> TileSource:
    """An operator's own MBTiles file (opened briefly to read its zoom range)."""
    with MBTiles(path) as tiles:
        low, high = tiles.zoom_range()
        attribution = tiles.metadata().get("attribution", "")
    return TileSource(
        key="mbtiles",
        name=QT_TRANSLATE_NOOP("MapTiles", "Offline map file"),
        url_template=LOCAL_TILE_TEMPLATE,
        attribution=attribution,
        min_zoom=low,
        max_zoom=min(high + MAX_OVERZOOM, 20),
        is_local=True,
        mbtiles_path=path,
    )


def osm_source() -> TileSource:
    return TileSource(
        key="osm",
        name=QT_TRANSLATE_NOOP("MapTiles", "OpenStreetMap"),
        url_template="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        attribution="© OpenStreetMap contributors",
        min_zoom=0,
        max_zoom=19,
        allowed_hosts=frozenset({"tile.openstreetmap.org"}),
    )


def tianditu_source(key: str) -> TileSource:
    """Tianditu's vector map (vec_w) with its Chinese labels (cva_w) on top.

    The ``_w`` layers are Web Mercator on CGCS2000, which matches WGS-84 to well under a
    metre, so no GCJ-02 shift applies. Tianditu's levels start at 1.
    """
    if not _TIANDITU_KEY.fullmatch(key):
        raise ValueError("a Tianditu key is 32 hexadecimal characters")
    subdomains = tuple(str(n) for n in range(8))

    def layer(name: str) -> str:
        return (
            f"https://t{{s}}.tianditu.gov.cn/DataServer?T={name}_w&x={{x}}&y={{y}}&l={{z}}&tk={key}"
        )

    return TileSource(
        key="tianditu",
        name=QT_TRANSLATE_NOOP("MapTiles", "Tianditu"),
        url_template=layer("vec"),
        subdomains=subdomains,
        attribution="© 天地图 Tianditu",
        min_zoom=1,
        max_zoom=18,
        overlay_template=layer("cva"),
        allowed_hosts=frozenset(f"t{s}.tianditu.gov.cn" for s in subdomains),
    )


def xyz_source(template: str, coordinates: str = "auto") -> TileSource:
    """Any XYZ tile server. ``{s}`` takes subdomains a, b, c; ``{s:1234}`` lists its own.

    ``coordinates`` "auto" picks GCJ-02 for hosts known to draw in it, else WGS-84.
    Raises TemplateError with the reason when the template cannot work.
    """
    url, subdomains = parse_template(template)
    hosts = frozenset(
        (urlsplit(url.replace("{s}", sub)).hostname or "").lower() for sub in subdomains or ("",)
    )
    if coordinates == "auto":
        gcj = any(
            host == suffix or host.endswith("." + suffix)
            for host in hosts
            for suffix in _GCJ02_HOST_SUFFIXES
        )
        coordinates = "gcj02" if gcj else "wgs84"
    if coordinates not in ("wgs84", "gcj02"):
        raise ValueError(f"coordinates must be wgs84, gcj02 or auto, not {coordinates!r}")
    return TileSource(
        key="xyz",
        name=QT_TRANSLATE_NOOP("MapTiles", "Custom tile server"),
        url_template=url,
        subdomains=subdomains,
        attribution=", ".join(sorted(hosts)),
        min_zoom=0,
        max_zoom=19,
        coordinates=coordinates,
        allowed_hosts=hosts,
    )


def parse_template(template: str) -> tuple[str, tuple[str, ...]]:
    """Check an XYZ template; return it in Leaflet's form and its subdomains.

    Raises TemplateError naming what is wrong.
    """
    text = template.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise TemplateError(
            TileProblem(QT_TRANSLATE_NOOP("MapTiles", "must start with http:// or https://"))
        )
    if parts.username is not None or parts.password is not None:
        raise TemplateError(
            TileProblem(QT_TRANSLATE_NOOP("MapTiles", "must not contain a user name or password"))
        )
    found = _PLACEHOLDER.findall(text)
    subdomains: tuple[str, ...] = ()
    for name in found:
        spec = _SUBDOMAIN_SPEC.fullmatch(name)
        if spec is not None:
            subdomains = tuple(spec.group(1))
            text = text.replace("{" + name + "}", "{s}")
        elif name == "s":
            subdomains = ("a", "b", "c")
        elif name not in ("z", "x", "y", "-y"):
            raise TemplateError(
                TileProblem(
                    QT_TRANSLATE_NOOP("MapTiles", "has an unknown placeholder %1"),
                    ("{" + name + "}",),
                )
            )
    missing = [p for p in ("z", "x") if p not in found]
    if "y" not in found and "-y" not in found:
        missing.append("y")
    if missing:
        raise TemplateError(
            TileProblem(
                QT_TRANSLATE_NOOP("MapTiles", "must contain %1"),
                (", ".join("{" + p + "}" for p in missing),),
            )
        )
    host = urlsplit(text.replace("{s}", subdomains[0] if subdomains else "")).hostname
    if not host or "{" in host or "}" in host:
        raise TemplateError(
            TileProblem(QT_TRANSLATE_NOOP("MapTiles", "must name a host (only {s} may vary in it)"))
        )
    return text, subdomains


def template_problem(template: str) -> TileProblem | None:
    """Why ``template`` cannot work, or None (an empty template is allowed: not set yet)."""
    if not template.strip():
        return None
    try:
        parse_template(template)
    except TemplateError as error:
        return error.problem
    return None


def tianditu_key_problem(key: str) -> TileProblem | None:
    """Why ``key`` is not a Tianditu key, or None (empty is allowed: not set yet)."""
    if not key or _TIANDITU_KEY.fullmatch(key.strip()):
        return None
    return TileProblem(
        QT_TRANSLATE_NOOP(
            "MapTiles", "must be the 32-character key from the Tianditu console (0-9, a-f)"
        )
    )


# ----------------------------------------------------------------------------- choosing


def choose_tile_source(settings: SettingsReader) -> TileChoice:
    """The source the settings ask for, or the demo tiles and the reason it could not be used."""
    wanted = str(settings.get("map.tiles"))
    if wanted == "osm":
        return TileChoice(osm_source())
    if wanted == "tianditu":
        key = str(settings.get("map.tianditu_key")).strip()
        if not key:
            return _fallback(QT_TRANSLATE_NOOP("MapTiles", "Tianditu needs a key in the settings"))
        if tianditu_key_problem(key) is not None:
            return _fallback(
                QT_TRANSLATE_NOOP("MapTiles", "The Tianditu key in the settings is not valid")
            )
        return TileChoice(tianditu_source(key))
    if wanted == "xyz":
        template = str(settings.get("map.xyz_template")).strip()
        if not template:
            return _fallback(QT_TRANSLATE_NOOP("MapTiles", "No tile server address is set"))
        try:
            return TileChoice(xyz_source(template, str(settings.get("map.xyz_coordinates"))))
        except TemplateError as error:
            return _fallback(
                QT_TRANSLATE_NOOP("MapTiles", "The tile server address %1"), error.problem
            )
    custom = str(settings.get("map.mbtiles_path")).strip()
    if custom:
        path = Path(custom).expanduser()
        try:
            check_header(path)
            return TileChoice(mbtiles_source(path))
        except MBTilesError as error:
            return _fallback(
                QT_TRANSLATE_NOOP("MapTiles", "The offline map file %1 cannot be used: %2"),
                str(path),
                _mbtiles_reason(error.problem),
            )
    demo = demo_source()
    try:
        check_header(demo.mbtiles_path or Path())
    except MBTilesError as error:
        # A broken installation: say so; the map still opens, without a background.
        return TileChoice(
            demo,
            TileProblem(
                QT_TRANSLATE_NOOP("MapTiles", "The offline map file %1 cannot be used: %2"),
                (str(error.path), _mbtiles_reason(error.problem)),
            ),
        )
    return TileChoice(demo)


def tile_source(settings: SettingsReader) -> TileSource:
    """The source to use (see ``choose_tile_source``); a fallback is logged with its reason."""
    choice = choose_tile_source(settings)
    if choice.problem is not None:
        logger.warning("Map tiles: %s; using the offline demo map", choice.problem)
    logger.info("Map tiles: %s", choice.source.describe())
    return choice.source


def _fallback(text: str, *args: str | TileProblem) -> TileChoice:
    return TileChoice(demo_source(), TileProblem(text, args))


def _mbtiles_reason(problem: MBTilesProblem) -> TileProblem:
    reasons = {
        MBTilesProblem.MISSING: QT_TRANSLATE_NOOP("MapTiles", "it does not exist"),
        MBTilesProblem.NOT_A_FILE: QT_TRANSLATE_NOOP("MapTiles", "it is not a file"),
        MBTilesProblem.UNREADABLE: QT_TRANSLATE_NOOP("MapTiles", "it cannot be read"),
        MBTilesProblem.NOT_SQLITE: QT_TRANSLATE_NOOP("MapTiles", "it is not an MBTiles file"),
        MBTilesProblem.NO_TILES: QT_TRANSLATE_NOOP("MapTiles", "it holds no tiles"),
        MBTilesProblem.CORRUPT: QT_TRANSLATE_NOOP("MapTiles", "it is damaged"),
        MBTilesProblem.CLOSED: QT_TRANSLATE_NOOP("MapTiles", "it was closed"),
    }
    return TileProblem(reasons[problem])


# ----------------------------------------------------------------------------- serving


def serve_tile(tiles: MBTiles, z: int, x: int, y: int) -> bytes | None:
    """The tile for XYZ ``z/x/y``: the stored one, else a stored ancestor's quarter enlarged.

    The demo file holds zooms 14-16 only around Jiaji and Boao and nothing beyond 16;
    enlarging the nearest stored ancestor (at most MAX_OVERZOOM levels up) keeps the map
    from going blank there. Safe from any thread; costs a few milliseconds when enlarging.
    """
    data = tiles.tile(z, x, y)
    if data is not None or z <= 0:
        return data
    for up in range(1, min(MAX_OVERZOOM, z) + 1):
        parent = tiles.tile(z - up, x >> up, y >> up)
        if parent is not None:
            return _enlarge(parent, up, x, y)
    return None


def _enlarge(parent: bytes, up: int, x: int, y: int) -> bytes | None:
    # Pillow is needed only here; import late so reading stored tiles never depends on it.
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(parent))
        image.load()
    except (UnidentifiedImageError, OSError):
        return None
    size = image.width
    part = size >> up
    if part < 1:
        return None
    left = (x & ((1 << up) - 1)) * part
    top = (y & ((1 << up) - 1)) * part
    piece = image.convert("RGB").crop((left, top, left + part, top + part))
    out = io.BytesIO()
    piece.resize((size, size), Image.Resampling.BILINEAR).save(out, format="PNG")
    return out.getvalue()
