"""WGS-84 <-> GCJ-02 against published reference points, and the round trip near Qionghai.

The map draws WGS-84 data on GCJ-02 tiles (Gaode-style providers) with these conversions, so a
wrong figure here puts every camera hundreds of metres off the road it watches.
"""

from __future__ import annotations

import pytest

from console.domain.geo import QIONGHAI_BBOX, gcj02_to_wgs84, haversine_m, wgs84_to_gcj02
from console.domain.model import GeoPoint

# (WGS-84 lat, lon, GCJ-02 lat, lon) from the test tables of googollee/eviltransform
# (go/transform_test.go and python/test.py, the same three points in both): Shanghai,
# Shenzhen and Beijing.
EVILTRANSFORM_PAIRS = [
    pytest.param(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215, id="shanghai"),
    pytest.param(22.543847, 113.912316, 22.540796131694766, 113.9171764808363, id="shenzhen"),
    pytest.param(39.911954, 116.377817, 39.91334545536069, 116.38404722455657, id="beijing"),
]

# GCJ-02 (45 N, 123 E) -> WGS-84 (44.99804071 N, 122.99395597 E): the GCJ02-to-WGS84 case in
# hujiulong/gcoord's test/unit/crs/GCJ02.spec.js (a different library and inverse method).
GCOORD_INVERSE = (45.0, 123.0, 44.99804071, 122.99395597)

HALF_METRE = 0.5


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_PAIRS)
def test_wgs84_to_gcj02_matches_published_points(
    wgs_lat: float, wgs_lon: float, gcj_lat: float, gcj_lon: float
) -> None:
    got = wgs84_to_gcj02(GeoPoint(wgs_lat, wgs_lon))
    assert haversine_m(got, GeoPoint(gcj_lat, gcj_lon)) < HALF_METRE
    # The published shift itself is hundreds of metres: the test is not trivially satisfied.
    assert haversine_m(GeoPoint(wgs_lat, wgs_lon), GeoPoint(gcj_lat, gcj_lon)) > 100


@pytest.mark.parametrize(("wgs_lat", "wgs_lon", "gcj_lat", "gcj_lon"), EVILTRANSFORM_PAIRS)
def test_gcj02_to_wgs84_matches_published_points(
    wgs_lat: float, wgs_lon: float, gcj_lat: float, gcj_lon: float
) -> None:
    got = gcj02_to_wgs84(GeoPoint(gcj_lat, gcj_lon))
    assert haversine_m(got, GeoPoint(wgs_lat, wgs_lon)) < HALF_METRE


def test_gcj02_to_wgs84_matches_a_second_library() -> None:
    gcj_lat, gcj_lon, wgs_lat, wgs_lon = GCOORD_INVERSE
    got = gcj02_to_wgs84(GeoPoint(gcj_lat, gcj_lon))
    assert haversine_m(got, GeoPoint(wgs_lat, wgs_lon)) < HALF_METRE


def test_round_trip_over_qionghai_stays_under_a_metre() -> None:
    box = QIONGHAI_BBOX
    worst = 0.0
    steps = 12
    for i in range(steps + 1):
        for j in range(steps + 1):
            point = GeoPoint(
                box.south + (box.north - box.south) * i / steps,
                box.west + (box.east - box.west) * j / steps,
            )
            shifted = wgs84_to_gcj02(point)
            assert 200 < haversine_m(point, shifted) < 1_000  # the offset is really applied
            worst = max(worst, haversine_m(gcj02_to_wgs84(shifted), point))
    assert worst < 1.0


def test_outside_china_nothing_moves() -> None:
    tokyo = GeoPoint(35.6812, 139.7671)
    assert wgs84_to_gcj02(tokyo) == tokyo
    assert gcj02_to_wgs84(tokyo) == tokyo
