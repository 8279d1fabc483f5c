"""Boxes, distances, nearest neighbours and the WGS-84 <-> GCJ-02 conversion."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.geo import (
    QIONGHAI_BBOX,
    BBox,
    gcj02_to_wgs84,
    haversine_m,
    in_china,
    nearest,
    wgs84_to_gcj02,
)
from console.domain.model import GeoPoint

JIAJI = GeoPoint(lat=19.2425, lon=110.4665)  # 嘉积镇, the city seat
BOAO = GeoPoint(lat=19.1604, lon=110.5835)  # 博鳌镇

lats = st.floats(min_value=-89.9, max_value=89.9, allow_nan=False)
lons = st.floats(min_value=-179.9, max_value=179.9, allow_nan=False)
points = st.builds(GeoPoint, lat=lats, lon=lons)
qionghai_points = st.builds(
    GeoPoint,
    lat=st.floats(min_value=QIONGHAI_BBOX.south, max_value=QIONGHAI_BBOX.north),
    lon=st.floats(min_value=QIONGHAI_BBOX.west, max_value=QIONGHAI_BBOX.east),
)
# Mainland China and Hainan, kept away from the guard rectangle's edges.
china_points = st.builds(
    GeoPoint,
    lat=st.floats(min_value=18.0, max_value=53.0),
    lon=st.floats(min_value=74.0, max_value=134.0),
)


# ----------------------------------------------------------------------------- BBox


def test_qionghai_box_is_where_the_city_is() -> None:
    assert (QIONGHAI_BBOX.west, QIONGHAI_BBOX.south, QIONGHAI_BBOX.east, QIONGHAI_BBOX.north) == (
        110.20,
        18.95,
        110.70,
        19.45,
    )
    assert QIONGHAI_BBOX.contains(JIAJI)
    assert QIONGHAI_BBOX.contains(BOAO)
    assert not QIONGHAI_BBOX.contains(GeoPoint(lat=20.04, lon=110.34))  # Haikou, to the north


def test_contains_includes_the_edges() -> None:
    box = BBox(110.0, 19.0, 111.0, 20.0)
    assert box.contains(GeoPoint(lat=19.0, lon=110.0))
    assert box.contains(GeoPoint(lat=20.0, lon=111.0))
    assert not box.contains(GeoPoint(lat=20.000001, lon=110.5))
    assert not box.contains(GeoPoint(lat=19.5, lon=109.999999))


def test_from_string_reads_west_south_east_north() -> None:
    box = BBox.from_string("110.2, 18.95,110.7,19.45")
    assert box == QIONGHAI_BBOX
    assert BBox.from_string(box.to_string()) == box


@pytest.mark.parametrize(
    "text",
    [
        "",
        "110.2,18.95,110.7",
        "110.2,18.95,110.7,19.45,1",
        "a,b,c,d",
        "110.7,18.95,110.2,19.45",  # west > east
        "110.2,19.45,110.7,18.95",  # south > north
        "-181,0,0,0",
        "0,-91,0,0",
        "nan,0,1,1",
        "0,0,inf,1",
    ],
)
def test_from_string_rejects_malformed_boxes(text: str) -> None:
    with pytest.raises(ValueError, match="bbox|need"):
        BBox.from_string(text)


def test_center_and_expanded() -> None:
    center = QIONGHAI_BBOX.center
    assert center.lat == pytest.approx(19.2)
    assert center.lon == pytest.approx(110.45)
    grown = BBox(179.5, 89.5, 179.9, 89.9).expanded(1.0)
    assert (grown.east, grown.north) == (180.0, 90.0)


# ----------------------------------------------------------------------------- distances


def test_haversine_known_distances() -> None:
    # One degree of latitude on the mean-radius sphere: 2*pi*R/360.
    one_degree = haversine_m(GeoPoint(0.0, 0.0), GeoPoint(1.0, 0.0))
    assert one_degree == pytest.approx(111_195.08, abs=0.1)
    # Jiaji to Boao: about 15 km as the crow flies.
    assert 14_000 < haversine_m(JIAJI, BOAO) < 16_000
    # Antipodes: half the circumference, and no math domain error.
    assert haversine_m(GeoPoint(0.0, 0.0), GeoPoint(0.0, 180.0)) == pytest.approx(
        math.pi * 6_371_008.8
    )


@given(points, points)
def test_haversine_is_a_symmetric_non_negative_distance(a: GeoPoint, b: GeoPoint) -> None:
    assert haversine_m(a, a) == 0.0
    assert haversine_m(a, b) == pytest.approx(haversine_m(b, a))
    assert 0.0 <= haversine_m(a, b) <= math.pi * 6_371_008.8 + 1e-6


@given(points, points, points)
def test_haversine_triangle_inequality(a: GeoPoint, b: GeoPoint, c: GeoPoint) -> None:
    assert haversine_m(a, c) <= haversine_m(a, b) + haversine_m(b, c) + 1e-6


# ----------------------------------------------------------------------------- nearest


def test_nearest_orders_by_distance_and_limits() -> None:
    cameras = [
        ("far", BOAO),
        ("here", JIAJI),
        ("near", GeoPoint(lat=JIAJI.lat + 0.001, lon=JIAJI.lon)),
    ]
    found = nearest(JIAJI, cameras, 2)
    assert [key for key, _ in found] == ["here", "near"]
    assert found[0][1] == 0.0
    assert found[1][1] == pytest.approx(111.2, abs=0.1)
    assert [key for key, _ in nearest(JIAJI, cameras, 10, within_m=1_000)] == ["here", "near"]
    assert nearest(JIAJI, cameras, 0) == []
    assert nearest(JIAJI, [], 3) == []


@settings(max_examples=200)
@given(
    origin=qionghai_points,
    candidates=st.lists(qionghai_points, max_size=40),
    n=st.integers(min_value=0, max_value=50),
)
def test_nearest_matches_a_full_sort(origin: GeoPoint, candidates: list[GeoPoint], n: int) -> None:
    keyed = list(enumerate(candidates))
    expected = sorted(
        ((key, haversine_m(origin, point)) for key, point in keyed), key=lambda kv: kv[1]
    )
    assert nearest(origin, keyed, n) == expected[:n]


# ----------------------------------------------------------------------------- GCJ-02


def test_known_conversion_value() -> None:
    # Tian'anmen, a value published by several independent implementations of the formula.
    gcj = wgs84_to_gcj02(GeoPoint(lat=39.915, lon=116.404))
    assert gcj.lat == pytest.approx(39.91640428150164, abs=1e-9)
    assert gcj.lon == pytest.approx(116.41024449916938, abs=1e-9)


def test_inverse_of_a_published_point() -> None:
    # GCJ-02 (45 N, 123 E) back to WGS-84, within a centimetre of a published result.
    wgs = gcj02_to_wgs84(GeoPoint(lat=45.0, lon=123.0))
    assert haversine_m(wgs, GeoPoint(lat=44.99804071, lon=122.99395597)) < 0.05


@given(qionghai_points)
def test_offset_in_qionghai_is_hundreds_of_metres_north_east(point: GeoPoint) -> None:
    gcj = wgs84_to_gcj02(point)
    assert 100.0 < haversine_m(point, gcj) < 1_000.0
    # In Hainan GCJ-02 sits east of WGS-84.
    assert gcj.lon > point.lon


@settings(max_examples=300)
@given(china_points)
def test_round_trip_is_below_half_a_metre(point: GeoPoint) -> None:
    back = gcj02_to_wgs84(wgs84_to_gcj02(point))
    assert haversine_m(point, back) < 0.5


@given(china_points)
def test_inverse_is_better_than_the_one_step_approximation(point: GeoPoint) -> None:
    gcj = wgs84_to_gcj02(point)
    exact = gcj02_to_wgs84(gcj)
    shifted = wgs84_to_gcj02(gcj)
    rough = GeoPoint(lat=2 * gcj.lat - shifted.lat, lon=2 * gcj.lon - shifted.lon)
    assert haversine_m(point, exact) <= haversine_m(point, rough) + 1e-6


def test_outside_china_nothing_moves() -> None:
    for point in (GeoPoint(lat=51.5, lon=-0.12), GeoPoint(lat=1.29, lon=103.0 - 40.0)):
        assert not in_china(point)
        assert wgs84_to_gcj02(point) == point
        assert gcj02_to_wgs84(point) == point
    assert in_china(JIAJI)
