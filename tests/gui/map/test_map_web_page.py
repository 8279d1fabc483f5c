"""The map page as folium builds it, and the files the scheme may serve (no web engine)."""

from __future__ import annotations

import re

import pytest

from console.gui.map.assets import LIBRARY_CSS, LIBRARY_JS, asset_path, map_resources
from console.gui.map.page import build_page_html
from console.map.tiles import TileSource
from tests.gui.map.conftest import tile_source

REMOTE = tile_source(
    url_template="https://t{s}.tiles.example/{z}/{x}/{y}.png",
    subdomains=("0", "1"),
    attribution="<b>Example</b> & co",
    overlay_template="https://t{s}.labels.example/{z}/{x}/{y}.png",
    allowed_hosts=frozenset({"t0.tiles.example", "t1.tiles.example"}),
    is_local=False,
)


def scripts_and_styles(html: str) -> list[str]:
    return re.findall(r"<(?:script|link)\b[^>]*?(?:src|href)=\"([^\"]+)\"", html)


@pytest.mark.parametrize("source", [tile_source(), REMOTE], ids=["local", "remote"])
def test_the_page_loads_only_vendored_scripts_and_styles(source: TileSource) -> None:
    html = build_page_html(source)
    loaded = scripts_and_styles(html)
    expected = [f"tianmu-map://app/assets/{path}" for _name, path in LIBRARY_JS + LIBRARY_CSS]
    assert sorted(loaded) == sorted(expected)
    assert "cdn" not in html.lower()
    assert "TianmuMap.attach(" in html


def test_the_page_names_its_tile_layers_and_escapes_the_attribution() -> None:
    html = build_page_html(REMOTE)
    assert "https://t{s}.tiles.example/{z}/{x}/{y}.png" in html
    assert "https://t{s}.labels.example/{z}/{x}/{y}.png" in html
    assert "<b>Example</b>" not in html
    local = build_page_html(tile_source())
    assert "tianmu-map://app/tiles/{z}/{x}/{y}.png" in local
    # the attach call comes after folium has made the map
    assert local.index("L.map(") < local.index("TianmuMap.attach(")


def test_every_library_the_page_names_is_vendored_with_its_licence() -> None:
    for _name, path in LIBRARY_JS + LIBRARY_CSS:
        file = asset_path(path)
        assert file is not None
        assert file.is_file(), path
    for package in ("leaflet", "jquery"):
        folder = map_resources() / "vendor" / package
        assert (folder / "LICENSE").is_file()
        assert "npm pack" in (folder / "NOTICE").read_text(encoding="utf-8")
    assert "1.9." in (map_resources() / "vendor" / "leaflet" / "NOTICE").read_text()


@pytest.mark.parametrize(
    "relative",
    [
        "../../pyproject.toml",
        "vendor/../../x.js",
        "/etc/passwd.js",
        "a\\b.js",
        "",
        "x.py",
        "vendor/",
    ],
)
def test_asset_paths_cannot_leave_the_map_folder(relative: str) -> None:
    assert asset_path(relative) is None


def test_the_page_carries_a_content_policy_that_its_own_scripts_satisfy() -> None:
    html = build_page_html(REMOTE)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    text = policy.group(1).replace("&#x27;", "'")
    nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", text)
    assert nonce is not None
    assert "connect-src 'none'" in text
    assert "img-src tianmu-map: data: https://t0.tiles.example" in text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts
    assert all(f'nonce="{nonce.group(1)}"' in tag for tag in scripts)
    assert "'unsafe-inline'" not in text.split("script-src", 1)[1].split(";", 1)[0]
    assert build_page_html(REMOTE) != html  # a fresh nonce for every page
