"""Web Mercator tile arithmetic (the "XYZ" scheme of web maps; 256-pixel tiles)."""

from __future__ import annotations

import math

TILE = 256
EQUATOR_M = 40_075_016.686  # the WGS-84 equator's length


def world_pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Global Web Mercator pixel position of a WGS-84 point at ``zoom`` (256-pixel tiles)."""
    size = TILE * (1 << zoom)
    x = (lon + 180.0) / 360.0 * size
    phi = math.radians(lat)
    y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * size
    return x, y


def tile_range(
    west: float, south: float, east: float, north: float, zoom: int
) -> tuple[int, int, int, int]:
    """The XYZ tiles (x0, y0, x1, y1 inclusive) covering a box at ``zoom``."""
    x0, y0 = world_pixel(north, west, zoom)
    x1, y1 = world_pixel(south, east, zoom)
    return int(x0 // TILE), int(y0 // TILE), int(x1 // TILE), int(y1 // TILE)


def metres_per_pixel(lat: float, zoom: int) -> float:
    """Ground metres one pixel spans at ``lat`` and ``zoom``."""
    return EQUATOR_M * math.cos(math.radians(lat)) / (TILE * (1 << zoom))
