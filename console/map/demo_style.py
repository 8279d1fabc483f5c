"""The demo map's colours (close to the usual web-map palette, so it reads at a glance)."""

from __future__ import annotations

Colour = tuple[int, int, int]

SEA: Colour = (170, 211, 223)
LAND: Colour = (242, 239, 233)
TOWN_AREA: Colour = (226, 218, 206)
CITY_AREA: Colour = (222, 210, 196)
ROAD_CASING: Colour = (200, 150, 90)
ROAD_MAIN: Colour = (252, 214, 164)
ROAD_MINOR: Colour = (255, 255, 255)
ROAD_MINOR_CASING: Colour = (190, 185, 175)
EXPRESSWAY_FILL: Colour = (233, 144, 160)
EXPRESSWAY_CASING: Colour = (190, 90, 110)
RAILWAY_DARK: Colour = (110, 110, 110)
RAILWAY_LIGHT: Colour = (250, 250, 250)
STREET: Colour = (255, 255, 255)
RUNWAY: Colour = (190, 190, 200)
TEXT: Colour = (50, 50, 60)
TOWN_TEXT: Colour = (40, 40, 40)
WATER_TEXT: Colour = (60, 110, 150)
HALO: Colour = (255, 255, 255)
