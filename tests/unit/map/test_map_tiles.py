"""Choosing the tile source from the settings, refusing bad templates, and overzoom."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from console.map import tiles
from console.map.mbtiles import MBTiles, write_mbtiles
from console.map.tiles import (
    LOCAL_TILE_TEMPLATE,
    TemplateError,
    choose_tile_source,
    parse_template,
    serve_tile,
    tile_source,
    xyz_source,
)
from console.settings import SettingError, Settings

KEY = "0123456789abcdef0123456789abcdef"


class RawSettings:
    """Values exactly as a hand-edited file might hold them (no schema validation)."""

    def __init__(self, **values: Any):
        self.values = {
            "map.tiles": "demo",
            "map.tianditu_key": "",
            "map.xyz_template": "",
            "map.xyz_coordinates": "auto",
            "map.mbtiles_path": "",
        }
        self.values.update({key.replace("__", "."): value for key, value in values.items()})

    def get(self, key: str) -> Any:
        return self.values[key]


def _settings(**values: Any) -> Settings:
    current = Settings()
    current.set_many({key.replace("__", "."): value for key, value in values.items()})
    return current


def _solid_png(colour: tuple[int, int, int], size: int = 256) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


def _quadrants_png() -> bytes:
    """A tile whose four quarters are red (NW), green (NE), blue (SW) and white (SE)."""
    image = Image.new("RGB", (256, 256))
    for (left, top), colour in {
        (0, 0): (255, 0, 0),
        (128, 0): (0, 255, 0),
        (0, 128): (0, 0, 255),
        (128, 128): (255, 255, 255),
    }.items():
        image.paste(colour, (left, top, left + 128, top + 128))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# ----------------------------------------------------------------------------- sources


def test_the_default_is_the_bundled_offline_map() -> None:
    choice = choose_tile_source(Settings())
    source = choice.source
    assert choice.problem is None
    assert source.key == "demo"
    assert source.is_local
    assert source.url_template == LOCAL_TILE_TEMPLATE
    assert source.allowed_hosts == frozenset()
    assert source.coordinates == "wgs84"
    assert source.mbtiles_path == tiles.demo_mbtiles_path()
    assert source.mbtiles_path is not None
    assert source.mbtiles_path.is_file()
    assert (source.min_zoom, source.max_zoom) == (8, 18)


def test_openstreetmap() -> None:
    source = tile_source(_settings(map__tiles="osm"))
    assert source.key == "osm"
    assert source.url_template == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert source.allowed_hosts == frozenset({"tile.openstreetmap.org"})
    assert source.coordinates == "wgs84"
    assert not source.is_local
    assert "OpenStreetMap" in source.attribution


def test_tianditu_stacks_labels_on_the_vector_map_with_the_key() -> None:
    source = tile_source(_settings(map__tiles="tianditu", map__tianditu_key=KEY))
    assert source.key == "tianditu"
    assert "T=vec_w" in source.url_template
    assert f"tk={KEY}" in source.url_template
    assert source.overlay_template is not None
    assert "T=cva_w" in source.overlay_template
    assert f"tk={KEY}" in source.overlay_template
    assert source.subdomains == tuple("01234567")
    assert source.allowed_hosts == frozenset(f"t{n}.tianditu.gov.cn" for n in range(8))
    assert source.url_template.startswith("https://t{s}.tianditu.gov.cn/")
    # CGCS2000 Web Mercator: drawn as WGS-84, no GCJ-02 shift.
    assert source.coordinates == "wgs84"


def test_the_tianditu_key_stays_out_of_reprs_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    source = tile_source(_settings(map__tiles="tianditu", map__tianditu_key=KEY))
    assert KEY not in repr(source)
    assert KEY not in source.describe()
    assert KEY not in caplog.text
    assert "tianditu" in caplog.text


def test_tianditu_without_a_key_falls_back_to_the_demo_map_and_says_why() -> None:
    choice = choose_tile_source(_settings(map__tiles="tianditu"))
    assert choice.source.key == "demo"
    assert choice.problem is not None
    assert "key" in str(choice.problem)


def test_a_malformed_tianditu_key_is_refused_without_repeating_it(tmp_path: Path) -> None:
    with pytest.raises(SettingError) as caught:
        _settings(map__tianditu_key="not-a-key-secret-value")
    assert "not-a-key-secret-value" not in str(caught.value)
    choice = choose_tile_source(RawSettings(map__tiles="tianditu", map__tianditu_key="xyz"))
    assert choice.source.key == "demo"
    assert choice.problem is not None
    assert "not valid" in str(choice.problem)


def test_an_xyz_template_gives_its_host_and_subdomains() -> None:
    source = tile_source(
        _settings(
            map__tiles="xyz", map__xyz_template="https://{s}.tiles.example.cn/{z}/{x}/{y}.png"
        )
    )
    assert source.key == "xyz"
    assert source.url_template == "https://{s}.tiles.example.cn/{z}/{x}/{y}.png"
    assert source.subdomains == ("a", "b", "c")
    assert source.allowed_hosts == frozenset(f"{s}.tiles.example.cn" for s in "abc")
    assert source.coordinates == "wgs84"


def test_a_gaode_template_is_recognised_as_gcj02() -> None:
    template = "https://webrd0{s:1234}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}"
    source = tile_source(_settings(map__tiles="xyz", map__xyz_template=template))
    assert source.coordinates == "gcj02"
    assert source.subdomains == ("1", "2", "3", "4")
    assert "{s}" in source.url_template
    assert "{s:" not in source.url_template
    assert source.allowed_hosts == frozenset(f"webrd0{n}.is.autonavi.com" for n in "1234")


def test_a_look_alike_host_is_not_taken_for_gaode() -> None:
    assert xyz_source("https://tiles.notamap.com/{z}/{x}/{y}.png").coordinates == "wgs84"
    assert xyz_source("https://amap.com/{z}/{x}/{y}.png").coordinates == "gcj02"


def test_a_missing_demo_file_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tiles, "demo_mbtiles_path", lambda: tmp_path / "gone.mbtiles")
    choice = choose_tile_source(Settings())
    assert choice.source.key == "demo"
    assert choice.problem is not None
    assert "gone.mbtiles" in str(choice.problem)


def test_the_coordinates_setting_overrides_the_guess() -> None:
    source = tile_source(
        _settings(
            map__tiles="xyz",
            map__xyz_template="https://tiles.example.cn/{z}/{x}/{y}.png",
            map__xyz_coordinates="gcj02",
        )
    )
    assert source.coordinates == "gcj02"


def test_a_tms_style_template_is_accepted() -> None:
    url, subdomains = parse_template("http://10.1.2.3:8080/tms/{z}/{x}/{-y}.png")
    assert url == "http://10.1.2.3:8080/tms/{z}/{x}/{-y}.png"
    assert subdomains == ()
    assert xyz_source(url).allowed_hosts == frozenset({"10.1.2.3"})


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("https://tiles.example.cn/{z}/{x}.png", "must contain {y}"),
        ("https://tiles.example.cn/tile.png", "must contain {z}, {x}, {y}"),
        ("ftp://tiles.example.cn/{z}/{x}/{y}.png", "http:// or https://"),
        ("tiles.example.cn/{z}/{x}/{y}.png", "http:// or https://"),
        ("https://tiles.example.cn/{z}/{x}/{y}.png?k={key}", "unknown placeholder {key}"),
        ("https://{z}.example.cn/{z}/{x}/{y}.png", "host"),
        ("https://user:pw@tiles.example.cn/{z}/{x}/{y}.png", "user name or password"),
    ],
)
def test_a_bad_template_is_refused_with_the_reason(template: str, reason: str) -> None:
    with pytest.raises(TemplateError, match=re.escape(reason)):
        parse_template(template)
    # The settings refuse it too, and keep what was there.
    current = _settings(map__tiles="xyz", map__xyz_template="https://ok.example.cn/{z}/{x}/{y}.png")
    with pytest.raises(SettingError) as caught:
        current.set("map.xyz_template", template)
    assert reason in str(caught.value)
    assert current.get("map.xyz_template") == "https://ok.example.cn/{z}/{x}/{y}.png"
    # A hand-edited value that skipped the schema falls back to the demo map with the reason.
    choice = choose_tile_source(RawSettings(map__tiles="xyz", map__xyz_template=template))
    assert choice.source.key == "demo"
    assert choice.problem is not None
    assert reason in str(choice.problem)


def test_xyz_without_a_template_falls_back() -> None:
    choice = choose_tile_source(_settings(map__tiles="xyz"))
    assert choice.source.key == "demo"
    assert choice.problem is not None


def test_an_operator_mbtiles_file_is_used_with_its_zoom_range(tmp_path: Path) -> None:
    path = tmp_path / "county.mbtiles"
    write_mbtiles(
        path,
        {
            "name": "county",
            "format": "png",
            "minzoom": "5",
            "maxzoom": "12",
            "attribution": "Survey",
        },
        [(5, 26, 14, _solid_png((1, 2, 3)))],
    )
    source = tile_source(_settings(map__mbtiles_path=str(path)))
    assert source.key == "mbtiles"
    assert source.is_local
    assert source.mbtiles_path == path
    assert source.url_template == LOCAL_TILE_TEMPLATE
    assert (source.min_zoom, source.max_zoom) == (5, 12 + tiles.MAX_OVERZOOM)
    assert source.attribution == "Survey"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "does not exist"), (b"PK\x03\x04 a zip file", "not an MBTiles file")],
)
def test_an_unusable_mbtiles_file_falls_back_with_the_reason(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "county.mbtiles"
    if content is not None:
        path.write_bytes(content)
    choice = choose_tile_source(_settings(map__mbtiles_path=str(path)))
    assert choice.source.key == "demo"
    assert choice.problem is not None
    assert str(path) in str(choice.problem)
    assert reason in str(choice.problem)


def test_problems_render_through_a_translator() -> None:
    choice = choose_tile_source(RawSettings(map__tiles="xyz", map__xyz_template="https://h/{z}"))
    assert choice.problem is not None
    shouted = choice.problem.render(str.upper)
    # Both the outer sentence and the nested reason went through the translator.
    assert shouted.startswith("THE TILE SERVER ADDRESS MUST CONTAIN")


# ----------------------------------------------------------------------------- serving


def test_serve_tile_enlarges_the_right_quarter_of_a_stored_ancestor(tmp_path: Path) -> None:
    path = tmp_path / "one.mbtiles"
    write_mbtiles(path, {"name": "one", "format": "png"}, [(3, 6, 2, _quadrants_png())])
    with MBTiles(path) as stored:
        assert serve_tile(stored, 3, 6, 2) == _quadrants_png()
        expected = {
            (12, 4): (255, 0, 0),
            (13, 4): (0, 255, 0),
            (12, 5): (0, 0, 255),
            (13, 5): (255, 255, 255),
        }
        for (x, y), colour in expected.items():
            data = serve_tile(stored, 4, x, y)
            assert data is not None
            image = Image.open(io.BytesIO(data)).convert("RGB")
            assert image.size == (256, 256)
            assert image.getpixel((128, 128)) == colour, (x, y)
        # Two levels down, the south-east sixteenth is inside the white quarter.
        deeper = serve_tile(stored, 5, 27, 11)
        assert deeper is not None
        assert Image.open(io.BytesIO(deeper)).convert("RGB").getpixel((10, 10)) == (255, 255, 255)
        # Beyond MAX_OVERZOOM, and outside the stored tile's area, there is nothing.
        up = tiles.MAX_OVERZOOM + 1
        assert serve_tile(stored, 3 + up, 6 << up, 2 << up) is None
        assert serve_tile(stored, 4, 0, 0) is None
