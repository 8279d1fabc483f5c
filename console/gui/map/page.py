"""The map page's HTML, built by folium from a tile source: base map and tile layers only.

folium writes the Leaflet map, its tile layers and the start view. The page's data never goes
into this HTML: ``tianmu_map.js`` creates the empty layer groups (cameras, events, units,
alerts, coverage, track, route) and fills them from JSON sent over the bridge, so the page is
built once and never rebuilt for data.

folium names its libraries by CDN address; ``OfflineMap`` names only the vendored copies
served from the console's own scheme, so the page asks nothing of the network.
"""

from __future__ import annotations

import html
import re
import secrets
from typing import Any, Protocol

import folium
from branca.element import MacroElement
from jinja2 import Template

from console.gui.map.assets import LIBRARY_CSS, LIBRARY_JS, LOCAL_TILE_TEMPLATE, SCHEME, asset_url

# Qionghai, where the demo world lies (WGS-84; converted for GCJ-02 tiles by the caller).
DEFAULT_CENTER = (19.25, 110.47)
DEFAULT_ZOOM = 11


class TileSourceLike(Protocol):
    """The parts of ``console.map.tiles.TileSource`` the page uses."""

    # Read-only: the real TileSource is a frozen dataclass.
    @property
    def url_template(self) -> str: ...

    @property
    def subdomains(self) -> tuple[str, ...]: ...

    @property
    def attribution(self) -> str: ...

    @property
    def min_zoom(self) -> int: ...

    @property
    def max_zoom(self) -> int: ...

    @property
    def overlay_template(self) -> str | None: ...

    @property
    def is_local(self) -> bool: ...


class _AttachPageScript(MacroElement):
    """Hands the folium-made map to ``tianmu_map.js`` once the map and its tiles exist."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "TianmuMap.attach({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, options: dict[str, Any]):
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "TianmuAttach"
        self.options = options


class OfflineMap(folium.Map):
    """A folium map that loads Leaflet and jQuery from the vendored copies, nothing else.

    Bootstrap, Font Awesome and the awesome-markers plugin (folium's defaults) are only for
    ``folium.Icon``, which the page does not use; jQuery stays because folium's popups use it.
    """

    default_js = [(name, asset_url(path)) for name, path in LIBRARY_JS]
    default_css = [(name, asset_url(path)) for name, path in LIBRARY_CSS]


def content_policy(source: TileSourceLike, nonce: str) -> str:
    """The page's Content-Security-Policy: a second wall behind escaping every text.

    Scripts run only from the console's scheme or with this build's nonce, so an inline event
    handler (``onerror=...``) in any markup that slipped into the page would not run; images
    come only from the scheme, ``data:`` and the tile hosts; nothing else may be fetched.
    """
    hosts = " ".join(
        f"https://{h} http://{h}" for h in sorted(getattr(source, "allowed_hosts", ()))
    )
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {SCHEME}: 'nonce-{nonce}'",
            f"style-src {SCHEME}: 'unsafe-inline'",
            f"img-src {SCHEME}: data: {hosts}".rstrip(),
            "connect-src 'none'",
            "font-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _with_policy(page: str, policy: str, nonce: str) -> str:
    # folium writes plain <script> tags; each gets the nonce so the page's own scripts run.
    page = re.sub(r"<script(?=[\s>])", f'<script nonce="{nonce}"', page)
    value = html.escape(policy, quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{value}">'
    return page.replace("<head>", "<head>\n    " + meta, 1)


def tile_url(source: TileSourceLike) -> str:
    return LOCAL_TILE_TEMPLATE if source.is_local else source.url_template


def _tile_layer(
    template: str, source: TileSourceLike, attribution: str, *, name: str, overlay: bool
) -> Any:
    return folium.TileLayer(
        tiles=template,
        # Leaflet writes the attribution as HTML; the configured text is shown as text.
        attr=html.escape(attribution or " "),
        name=name,
        min_zoom=source.min_zoom,
        max_zoom=source.max_zoom,
        max_native_zoom=source.max_zoom,
        subdomains="".join(source.subdomains) or "abc",
        overlay=overlay,
        control=False,
    )


def build_page_html(
    source: TileSourceLike,
    center: tuple[float, float] = DEFAULT_CENTER,
    zoom: int = DEFAULT_ZOOM,
    attribution: str | None = None,
) -> str:
    """The whole page as text; ``center`` is in the tiles' own coordinates, ``attribution``
    the source's attribution as shown (translated), plain text."""
    shown = source.attribution if attribution is None else attribution
    fmap = OfflineMap(
        location=list(center),
        zoom_start=max(source.min_zoom, min(source.max_zoom, zoom)),
        tiles=None,
        min_zoom=source.min_zoom,
        max_zoom=source.max_zoom,
        prefer_canvas=True,
        control_scale=True,
    )
    _tile_layer(tile_url(source), source, shown, name="base", overlay=False).add_to(fmap)
    if source.overlay_template and not source.is_local:
        labels = _tile_layer(source.overlay_template, source, shown, name="labels", overlay=True)
        labels.add_to(fmap)
    # Added last, so its script runs after folium's map and tile layers exist.
    _AttachPageScript({"minZoom": source.min_zoom, "maxZoom": source.max_zoom}).add_to(fmap)
    nonce = secrets.token_urlsafe(18)
    return _with_policy(str(fmap.get_root().render()), content_policy(source, nonce), nonce)
