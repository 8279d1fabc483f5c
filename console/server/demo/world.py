"""The demo world: a deterministic Qionghai with its agencies, regions, cameras and units.

``build_world(seed)`` is a pure function of its seed: every random choice comes from one
``random.Random(seed)`` drawn in a fixed order, so the same seed gives an identical world and
the server, the simulators and the tests can all rebuild it independently.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from console.domain import gbcode
from console.domain.geo import bearing_deg, haversine_m
from console.domain.model import (
    Camera,
    CameraKind,
    CameraStatus,
    Department,
    GeoPoint,
    PatrolPlan,
    Region,
    RegionKind,
    Role,
    Unit,
    UnitKind,
    User,
)
from console.domain.vehicles import RouteGuard, RoutePoint, RoutePost
from console.server.demo import geography as geo
from console.server.demo import names, roads

CAMERA_COUNT = 7_500
NOT_SHARED_SHARE = 0.03  # cameras hidden from the command centre
OFFLINE_SHARE = 0.04

# How the catalogue splits by kind (shares of CAMERA_COUNT; the remainder goes to roads).
KIND_SHARES: tuple[tuple[CameraKind, float], ...] = (
    (CameraKind.CHECKPOINT, 0.06),
    (CameraKind.VILLAGE, 0.28),
    (CameraKind.SCHOOL, 0.07),
    (CameraKind.MARKET, 0.05),
    (CameraKind.HOSPITAL, 0.03),
    (CameraKind.STATION, 0.03),
    (CameraKind.RAILWAY, 0.03),
    (CameraKind.AIRPORT, 0.02),
    (CameraKind.BEACH, 0.03),
)

FEED_SCENES = ("路口", "卡口", "学校", "农贸市场", "海滩", "机场", "车站", "村口", "医院", "铁路")


@dataclass(frozen=True, slots=True)
class DemoCredential:
    """A demo user's sign-in; the passwords are public by design and printed at start."""

    username: str
    password: str
    role: Role


@dataclass(frozen=True)
class World:
    """Everything the demo server serves, as immutable values."""

    seed: int
    departments: tuple[Department, ...]
    users: tuple[User, ...]
    credentials: tuple[DemoCredential, ...]
    regions: tuple[Region, ...]
    cameras: tuple[Camera, ...]
    units: tuple[Unit, ...]
    patrol_plans: tuple[PatrolPlan, ...]
    route_guards: tuple[RouteGuard, ...] = ()

    @cached_property
    def command_centre_id(self) -> str:
        return department_id(names.COMMAND_CENTRE)

    @cached_property
    def regions_by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def cameras_by_id(self) -> dict[str, Camera]:
        return {c.id: c for c in self.cameras}

    @cached_property
    def units_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def users_by_username(self) -> dict[str, User]:
        return {u.username: u for u in self.users}

    def department(self, code: str) -> Department:
        """The department with this stable ascii code (see ``names``)."""
        wanted = department_id(code)
        for dept in self.departments:
            if dept.id == wanted:
                return dept
        raise KeyError(code)

    def town_of(self, region_id: str) -> Region | None:
        """The town a town or village region belongs to; None for the city."""
        region = self.regions_by_id[region_id]
        if region.kind is RegionKind.VILLAGE and region.parent_id is not None:
            return self.regions_by_id[region.parent_id]
        return region if region.kind is RegionKind.TOWN else None

    def children(self, unit_id: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.parent_id == unit_id)

    def subtree(self, unit_id: str) -> tuple[Unit, ...]:
        """The unit and all units below it, parents before children."""
        out: list[Unit] = [self.units_by_id[unit_id]]
        index = 0
        while index < len(out):
            out.extend(self.children(out[index].id))
            index += 1
        return tuple(out)

    def dispatch_root(self, unit_id: str) -> Unit:
        """The linked unit or town team at the top of this unit's branch."""
        unit = self.units_by_id[unit_id]
        while unit.parent_id is not None:
            unit = self.units_by_id[unit.parent_id]
        return unit

    def user_for_unit(self, unit_id: str) -> User | None:
        """The unit user who acts for this unit's branch."""
        root = self.dispatch_root(unit_id)
        for user in self.users:
            if user.role is Role.UNIT and user.unit_id == root.id:
                return user
        return None

    def feed_names(self, n: int) -> list[str]:
        """Short display names for ``n`` live synthetic feeds (burned into their pictures)."""
        return [f"演示 {k + 1:02d} {FEED_SCENES[k % len(FEED_SCENES)]}" for k in range(n)]

    def stats(self) -> dict[str, int]:
        """Counts for a start-up banner and for checks."""
        region_kinds = Counter(r.kind for r in self.regions)
        unit_kinds = Counter(u.kind for u in self.units)
        camera_kinds = Counter(c.kind for c in self.cameras)
        centre = self.command_centre_id
        out = {
            "departments": len(self.departments),
            "users": len(self.users),
            "towns": region_kinds[RegionKind.TOWN],
            "villages": region_kinds[RegionKind.VILLAGE],
            "cameras": len(self.cameras),
            "cameras_offline": sum(c.status is CameraStatus.OFFLINE for c in self.cameras),
            "cameras_not_shared_with_command_centre": sum(
                not is_visible_to(c, centre) for c in self.cameras
            ),
            "linked_units": unit_kinds[UnitKind.LINKED_UNIT],
            "town_teams": unit_kinds[UnitKind.TOWN],
            "teams": unit_kinds[UnitKind.TEAM],
            "members": unit_kinds[UnitKind.MEMBER],
            "patrol_plans": len(self.patrol_plans),
            "route_guards": len(self.route_guards),
        }
        out.update({f"cameras_{kind.value}": camera_kinds[kind] for kind in CameraKind})
        return out


def is_visible_to(camera: Camera, department_id: str) -> bool:
    """Whether a department may see the camera: it owns it or the camera is shared with it."""
    return camera.owner_department_id == department_id or department_id in camera.shared_with


def department_id(code: str) -> str:
    return f"dept-{code}"


def demo_credentials(world: World) -> list[tuple[str, str, Role]]:
    """(username, password, role) of every demo user, for the start-up banner."""
    return [(c.username, c.password, c.role) for c in world.credentials]


def build_world(seed: int = 7, *, camera_count: int = CAMERA_COUNT) -> World:
    """Build the demo world for ``seed`` (pure and deterministic).

    ``camera_count`` shrinks the catalogue for quick tests; everything else stays full size.
    """
    if camera_count < 1:
        raise ValueError("camera_count must be at least 1")
    rng = random.Random(seed)
    departments = tuple(
        Department(id=department_id(spec.code), name=spec.name, code=spec.code)
        for spec in names.DEPARTMENTS
    )
    regions = _build_regions(rng)
    cameras = _CameraBuilder(rng, regions, camera_count).build()
    units = _build_units(rng)
    users, credentials = _build_users(units)
    plans = _build_patrol_plans(rng, cameras)
    guards = (_boao_route_guard(units),)
    return World(
        seed=seed,
        departments=departments,
        users=users,
        credentials=credentials,
        regions=regions,
        cameras=cameras,
        units=units,
        patrol_plans=plans,
        route_guards=guards,
    )


# ---------------------------------------------------------------- regions


def _build_regions(rng: random.Random) -> tuple[Region, ...]:
    regions = [
        Region(
            id=geo.CITY_CODE,
            code=geo.CITY_CODE,
            name=geo.CITY_NAME,
            kind=RegionKind.CITY,
            parent_id=None,
            center=geo.CITY_CENTER,
        )
    ]
    used_names: set[str] = set()
    for town in geo.TOWNS:
        regions.append(
            Region(
                id=town.code,
                code=town.code,
                name=town.name,
                kind=RegionKind.TOWN,
                parent_id=geo.CITY_CODE,
                center=town.center,
            )
        )
        for index in range(town.villages):
            stem = _village_stem(rng, used_names)
            code = f"{town.code}{200 + index + 1:03d}"
            center = _scatter(rng, town.center, town.spread)
            regions.append(
                Region(
                    id=code,
                    code=code,
                    name=f"{stem}村委会",
                    kind=RegionKind.VILLAGE,
                    parent_id=town.code,
                    center=center,
                )
            )
    return tuple(regions)


def _village_stem(rng: random.Random, used: set[str]) -> str:
    while True:
        stem = rng.choice(names.VILLAGE_FIRST) + rng.choice(names.VILLAGE_SECOND)
        if stem[0] != stem[1] and stem not in used:
            used.add(stem)
            return stem


def _scatter(rng: random.Random, center: GeoPoint, sigma: float) -> GeoPoint:
    # Longitude degrees are shorter than latitude degrees here; scale so scatter is round.
    lon_sigma = sigma / math.cos(math.radians(center.lat))
    return geo.clamp(rng.gauss(center.lat, sigma), rng.gauss(center.lon, lon_sigma))


def _junction(road: str) -> str:
    """ "金海路口" for 金海路, "嘉积大道路口" for 嘉积大道."""
    return f"{road}口" if road.endswith("路") else f"{road}路口"


def village_short(region: Region) -> str:
    """ "龙寿村" for the region "龙寿村委会"."""
    return region.name.removesuffix("委会")


# ---------------------------------------------------------------- cameras


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a camera goes and what it is called, before ids and sharing are decided."""

    kind: CameraKind
    region_id: str
    position: GeoPoint
    base_name: str
    owner: str  # department code
    faces: GeoPoint | None = None  # the place the camera watches, if it watches one
    heading: float | None = None  # or the direction it looks, when that is known instead


class _CameraBuilder:
    """Lays out the camera catalogue; one instance per build."""

    def __init__(self, rng: random.Random, regions: Sequence[Region], count: int) -> None:
        self.rng = rng
        self.count = count
        self.towns = {t.key: t for t in geo.TOWNS}
        self.town_regions = {r.code: r for r in regions if r.kind is RegionKind.TOWN}
        self.villages: dict[str, list[Region]] = {t.key: [] for t in geo.TOWNS}
        key_by_code = {t.code: t.key for t in geo.TOWNS}
        for region in regions:
            if region.kind is RegionKind.VILLAGE and region.parent_id is not None:
                self.villages[key_by_code[region.parent_id]].append(region)
        self.town_keys = [t.key for t in geo.TOWNS]
        self.town_weights = [t.weight for t in geo.TOWNS]
        # Places outside the core are spread more evenly than the busy ones.
        self.even_weights = [math.sqrt(t.weight) for t in geo.TOWNS]

    def build(self) -> tuple[Camera, ...]:
        quotas = {kind: math.floor(self.count * share + 1e-9) for kind, share in KIND_SHARES}
        quotas[CameraKind.ROAD] = self.count - sum(quotas.values())
        makers = {
            CameraKind.ROAD: self._road,
            CameraKind.CHECKPOINT: self._checkpoint,
            CameraKind.VILLAGE: self._village_point,
            CameraKind.SCHOOL: self._school,
            CameraKind.MARKET: self._market,
            CameraKind.HOSPITAL: self._hospital,
            CameraKind.STATION: self._station,
            CameraKind.RAILWAY: self._railway,
            CameraKind.AIRPORT: self._airport,
            CameraKind.BEACH: self._beach,
        }
        sites: list[_Site] = []
        for kind in CameraKind:
            sites.extend(makers[kind]() for _ in range(quotas[kind]))
        # Interleave kinds so that any prefix of the catalogue looks like the whole.
        self.rng.shuffle(sites)
        return self._finish(sites)

    # -- sites by kind

    def _town(self, weights: Sequence[float] | None = None) -> geo.TownSpec:
        key = self.rng.choices(self.town_keys, weights or self.town_weights)[0]
        return self.towns[key]

    def _village(self, town: geo.TownSpec) -> Region:
        return self.rng.choice(self.villages[town.key])

    def _road(self) -> _Site:
        town = self._town()
        roads = names.JIAJI_ROADS if town.key == "jiaji" else names.TOWN_ROADS
        first, second = self.rng.sample(roads, 2)
        owner = names.POLICE if self.rng.random() < 0.6 else names.TRANSPORT
        urban = self.rng.random() < (0.75 if town.key == "jiaji" else 0.45)
        if urban:
            position = _scatter(self.rng, town.center, town.spread * 0.35)
            if self.rng.random() < 0.8:
                label = f"{town.name} {first}与{_junction(second)}"
            else:
                label = f"{town.name} {first}{self.rng.choice(names.ROAD_POINTS)}"
            return _Site(CameraKind.ROAD, town.code, position, label, owner)
        village = self._village(town)
        position = _scatter(self.rng, village.center, 0.004)
        label = f"{town.name} {village_short(village)} {_junction(first)}"
        return _Site(CameraKind.ROAD, village.id, position, label, owner, faces=village.center)

    def _checkpoint(self) -> _Site:
        """A lane camera of a checkpoint on a main road, facing the traffic coming at it."""
        site = self.rng.choice(roads.CHECKPOINT_SITES)
        where = roads.point_along(roads.ROADS_BY_KEY[site.road], site.along)
        # Half the lanes carry traffic the way the road is drawn, half the other way; a lane
        # camera looks against its traffic to read the plates.
        travel = where.bearing_deg if self.rng.random() < 0.5 else where.bearing_deg + 180.0
        lateral = self.rng.uniform(4.0, 24.0)
        position = roads.offset(where.position, travel + 90.0, lateral)
        position = geo.clamp(position.lat, position.lon)
        town = geo.nearest_town(position)
        owner = names.POLICE if self.rng.random() < 0.7 else names.TRANSPORT
        heading = (travel + 180.0) % 360.0
        return _Site(CameraKind.CHECKPOINT, town.code, position, site.name, owner, heading=heading)

    def _village_point(self) -> _Site:
        town = self._town(self.even_weights)
        village = self._village(town)
        position = _scatter(self.rng, village.center, 0.005)
        label = f"{town.name} {village_short(village)} {self.rng.choice(names.VILLAGE_POINTS)}"
        owner = names.COMMAND_CENTRE if self.rng.random() < 0.7 else names.POLICE
        return _Site(CameraKind.VILLAGE, village.id, position, label, owner, faces=village.center)

    def _school(self) -> _Site:
        town = self._town()
        if self.rng.random() < 0.4:
            region_id, center, place = town.code, town.center, town.short
            sigma = town.spread * 0.4
        else:
            village = self._village(town)
            region_id, center = village.id, village.center
            place, sigma = village_short(village).removesuffix("村"), 0.004
        school = f"{place}{self.rng.choice(names.SCHOOL_SUFFIXES)}"
        label = f"{town.name} {school} {self.rng.choice(names.SCHOOL_POINTS)}"
        position = _scatter(self.rng, center, sigma)
        return _Site(CameraKind.SCHOOL, region_id, position, label, "education", faces=center)

    def _market(self) -> _Site:
        town = self._town()
        if town.key == "jiaji":
            market = self.rng.choice(("中心农贸市场", "东门农贸市场", "上埇农贸市场", "夜市"))
        else:
            market = "农贸市场"
        label = f"{town.name} {market} {self.rng.choice(names.MARKET_POINTS)}"
        position = _scatter(self.rng, town.center, town.spread * 0.2)
        return _Site(
            CameraKind.MARKET, town.code, position, label, "market_regulation", faces=town.center
        )

    def _hospital(self) -> _Site:
        town = self._town()
        if town.key == "jiaji":
            hospital = self.rng.choice(("琼海市人民医院", "琼海市中医院", "嘉积镇卫生院"))
        else:
            hospital = f"{town.short}卫生院"
        label = f"{town.name} {hospital} {self.rng.choice(names.HOSPITAL_POINTS)}"
        position = _scatter(self.rng, town.center, town.spread * 0.2)
        return _Site(CameraKind.HOSPITAL, town.code, position, label, "health", faces=town.center)

    def _station(self) -> _Site:
        town = self._town()
        if town.key == "jiaji":
            station = self.rng.choice(("琼海汽车总站", "嘉积公交总站", "城东汽车站"))
        else:
            station = f"{town.short}汽车站"
        label = f"{town.name} {station} {self.rng.choice(names.STATION_POINTS)}"
        position = _scatter(self.rng, town.center, town.spread * 0.2)
        return _Site(
            CameraKind.STATION, town.code, position, label, names.TRANSPORT, faces=town.center
        )

    def _railway(self) -> _Site:
        roll = self.rng.random()
        if roll < 0.65:
            (anchor, town_key), station = (
                (geo.QIONGHAI_STATION, "琼海站") if roll < 0.4 else (geo.BOAO_STATION, "博鳌站")
            )
            position = _scatter(self.rng, anchor, 0.0025)
            label = f"{station} {self.rng.choice(names.RAILWAY_POINTS)}"
            code = self.towns[town_key].code
            return _Site(CameraKind.RAILWAY, code, position, label, "railway", faces=anchor)
        leg = self.rng.randrange(len(geo.RAILWAY_LINE) - 1)
        start, end = geo.RAILWAY_LINE[leg], geo.RAILWAY_LINE[leg + 1]
        t = self.rng.random()
        position = geo.clamp(
            start.lat + t * (end.lat - start.lat) + self.rng.gauss(0, 0.0008),
            start.lon + t * (end.lon - start.lon) + self.rng.gauss(0, 0.0008),
        )
        town = geo.nearest_town(position)
        kilometre = 120 + int((geo.NORTH - position.lat) * 111)
        label = f"环岛高铁 {town.short}段 K{kilometre}"
        along_line = bearing_deg(start, end)
        return _Site(CameraKind.RAILWAY, town.code, position, label, "railway", heading=along_line)

    def _airport(self) -> _Site:
        anchor, town_key = geo.BOAO_AIRPORT
        position = _scatter(self.rng, anchor, 0.004)
        label = f"博鳌机场 {self.rng.choice(names.AIRPORT_POINTS)}"
        code = self.towns[town_key].code
        return _Site(CameraKind.AIRPORT, code, position, label, "airport", faces=anchor)

    def _beach(self) -> _Site:
        beach, anchor, town_key = self.rng.choices(geo.BEACHES, (4, 3, 2, 1))[0]
        town = self.towns[town_key]
        position = _scatter(self.rng, anchor, 0.002)
        label = f"{town.short} {beach} {self.rng.choice(names.BEACH_POINTS)}"
        return _Site(CameraKind.BEACH, town.code, position, label, "tourism", heading=_SEA_BEARING)

    # -- ids, names, sharing, status

    def _finish(self, sites: list[_Site]) -> tuple[Camera, ...]:
        count = len(sites)
        not_owned_by_centre = [i for i, s in enumerate(sites) if s.owner != names.COMMAND_CENTRE]
        hidden = set(self.rng.sample(not_owned_by_centre, round(count * NOT_SHARED_SHARE)))
        offline = set(self.rng.sample(range(count), round(count * OFFLINE_SHARE)))
        seen: Counter[str] = Counter()
        cameras = []
        for index, site in enumerate(sites):
            seen[site.base_name] += 1
            ptz = site.kind is not CameraKind.CHECKPOINT and self.rng.random() < _PTZ_SHARE.get(
                site.kind, 0.1
            )
            code = _camera_code(site, ptz=ptz, serial=index + 1)
            heading, fov = _view(site, code, ptz=ptz)
            cameras.append(
                Camera(
                    id=code,
                    name=f"{site.base_name} {seen[site.base_name]:02d}",
                    kind=site.kind,
                    region_id=site.region_id,
                    position=site.position,
                    status=CameraStatus.OFFLINE if index in offline else CameraStatus.ONLINE,
                    owner_department_id=department_id(site.owner),
                    shared_with=self._shared_with(site, hidden=index in hidden),
                    ptz=ptz,
                    heading_deg=heading,
                    fov_deg=fov,
                )
            )
        return tuple(cameras)

    def _shared_with(self, site: _Site, *, hidden: bool) -> frozenset[str]:
        codes = {names.POLICE} if hidden else {names.COMMAND_CENTRE, names.POLICE}
        for extra, share in _EXTRA_SHARING.get(site.kind, ()):
            if self.rng.random() < share:
                codes.add(extra)
        codes.discard(site.owner)
        return frozenset(department_id(code) for code in codes)


_SEA_BEARING = 100.0  # Qionghai's coast faces the South China Sea, east and a little south
_FACES_MIN_M = 25.0  # nearer than this to its place, a camera's bearing to it means little


def _spread(camera_id: str, salt: str) -> float:
    """A number in [0, 1) fixed by the camera id (or region id): views vary from camera to
    camera without drawing from the world's generator, so they leave its other choices be."""
    digest = hashlib.sha256(f"{camera_id}|{salt}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _view(site: _Site, camera_id: str, *, ptz: bool) -> tuple[float, float]:
    """(heading, field of view) in degrees: towards the place the camera watches.

    Checkpoint lanes look straight against their traffic with a narrow lens; a railway
    camera looks along the line; a beach camera out to sea; a street camera in town along
    one of the streets of the town's grid; every other camera at the place it watches.
    PTZ cameras have the widest lenses (their heading is the preset they rest at).
    """
    jitter = (_spread(camera_id, "jitter") - 0.5) * 24.0
    if site.kind is CameraKind.CHECKPOINT and site.heading is not None:
        heading = site.heading + jitter / 6.0
    elif site.kind is CameraKind.RAILWAY and site.heading is not None:
        heading = site.heading + (180.0 if _spread(camera_id, "way") < 0.5 else 0.0) + jitter
    elif site.heading is not None:
        heading = site.heading + jitter * 2.0
    elif site.faces is not None and haversine_m(site.position, site.faces) >= _FACES_MIN_M:
        heading = bearing_deg(site.position, site.faces) + jitter
    else:
        grid = _spread(site.region_id, "grid") * 30.0 - 15.0
        heading = grid + 90.0 * int(_spread(camera_id, "street") * 4) + jitter
    if site.kind is CameraKind.CHECKPOINT:
        fov = 50.0 + 5.0 * _spread(camera_id, "fov")
    elif ptz:
        fov = 80.0 + 10.0 * _spread(camera_id, "fov")
    else:
        fov = 55.0 + 25.0 * _spread(camera_id, "fov")
    return round(heading % 360.0, 1) % 360.0, round(fov, 1)


def _camera_code(site: _Site, *, ptz: bool, serial: int) -> str:
    if site.kind is CameraKind.CHECKPOINT:
        device_type = gbcode.DeviceType.CHECKPOINT
    else:
        device_type = gbcode.DeviceType.CAMERA if ptz else gbcode.DeviceType.IPC
    network = (
        gbcode.Network.PUBLIC_SECURITY_VIDEO
        if site.owner == names.POLICE
        else gbcode.Network.EGOV_EXTRANET
    )
    return gbcode.build(
        gbcode.QIONGHAI_CENTRE, _INDUSTRY_BY_KIND[site.kind], device_type, serial, network
    )


_INDUSTRY_BY_KIND: dict[CameraKind, str] = {
    CameraKind.ROAD: gbcode.Industry.SOCIAL_SECURITY_ROAD,
    CameraKind.CHECKPOINT: gbcode.Industry.TRAFFIC_CHECKPOINT,
    CameraKind.RAILWAY: gbcode.Industry.RAILWAY,
    CameraKind.AIRPORT: gbcode.Industry.CIVIL_AVIATION,
    CameraKind.STATION: "07",  # traffic, other
    CameraKind.SCHOOL: gbcode.Industry.EDUCATION,
    CameraKind.VILLAGE: gbcode.Industry.COMMUNITY,
    CameraKind.BEACH: "03",  # social security, other
    CameraKind.MARKET: gbcode.Industry.URBAN_MANAGEMENT,
    CameraKind.HOSPITAL: "09",  # health
}
_PTZ_SHARE = {CameraKind.ROAD: 0.25, CameraKind.BEACH: 0.5, CameraKind.AIRPORT: 0.2}
_EXTRA_SHARING: dict[CameraKind, tuple[tuple[str, float], ...]] = {
    CameraKind.ROAD: (
        (names.URBAN_MANAGEMENT, 0.5),
        (names.TRANSPORT, 0.6),
        (names.EMERGENCY, 0.2),
    ),
    CameraKind.CHECKPOINT: ((names.TRANSPORT, 0.8), (names.ARMED_POLICE, 0.3)),
    CameraKind.VILLAGE: ((names.URBAN_MANAGEMENT, 0.3), ("agriculture", 0.1)),
    CameraKind.SCHOOL: ((names.URBAN_MANAGEMENT, 0.2),),
    CameraKind.MARKET: ((names.URBAN_MANAGEMENT, 0.9), ("hotline_12345", 0.3)),
    CameraKind.HOSPITAL: ((names.EMERGENCY, 0.6),),
    CameraKind.STATION: ((names.URBAN_MANAGEMENT, 0.3), (names.EMERGENCY, 0.3)),
    CameraKind.RAILWAY: ((names.EMERGENCY, 0.5), (names.ARMED_POLICE, 0.5)),
    CameraKind.AIRPORT: ((names.EMERGENCY, 0.5), (names.ARMED_POLICE, 0.5)),
    CameraKind.BEACH: (("maritime", 0.8), (names.EMERGENCY, 0.5), (names.FIRE, 0.2)),
}


# ---------------------------------------------------------------- units and users

_FIELD_KIT = {
    names.POLICE: ("警车", "民警"),
    names.URBAN_MANAGEMENT: ("执法车", "执法队员"),
    names.TRANSPORT: ("路政车", "路政员"),
    names.FIRE: ("消防车", "消防员"),
    names.ARMED_POLICE: ("巡逻车", "武警"),
    names.EMERGENCY: ("救援车", "救援队员"),
}
_TOWN_KIT = ("巡逻车", "网格员")


def _build_units(rng: random.Random) -> tuple[Unit, ...]:
    towns = {t.key: t for t in geo.TOWNS}
    jiaji = towns["jiaji"]
    units: list[Unit] = []

    def add_members(team: Unit, home: geo.TownSpec, kit: tuple[str, str]) -> None:
        vehicle, person = kit
        for k in range(rng.randint(2, 4)):
            label = vehicle if k % 2 == 0 else person
            units.append(
                Unit(
                    id=f"{team.id}-m{k + 1}",
                    name=f"{team.name} {label}{k // 2 + 1:02d}",
                    kind=UnitKind.MEMBER,
                    parent_id=team.id,
                    department_id=team.department_id,
                    position=_scatter(rng, home.center, home.spread * 0.5),
                )
            )

    for code, label, team_names in names.LINKED_UNITS:
        unit = Unit(
            id=f"unit-{code}",
            name=label,
            kind=UnitKind.LINKED_UNIT,
            parent_id=None,
            department_id=department_id(code),
            position=_scatter(rng, jiaji.center, 0.006),
        )
        units.append(unit)
        for index, team_name in enumerate(team_names):
            home = jiaji
            for hint, town_key in names.TEAM_HOME_HINTS.items():
                if hint in team_name:
                    home = towns[town_key]
            team = Unit(
                id=f"{unit.id}-t{index + 1}",
                name=team_name,
                kind=UnitKind.TEAM,
                parent_id=unit.id,
                department_id=unit.department_id,
                position=_scatter(rng, home.center, 0.004),
            )
            units.append(team)
            add_members(team, home, _FIELD_KIT[code])

    centre = department_id(names.COMMAND_CENTRE)
    for town in geo.TOWNS:
        unit = Unit(
            id=f"unit-town-{town.key}",
            name=town.name,
            kind=UnitKind.TOWN,
            parent_id=None,
            department_id=centre,
            position=_scatter(rng, town.center, 0.003),
        )
        units.append(unit)
        team_count = rng.randint(2, 4)
        for index, team_name in enumerate(names.TOWN_TEAM_NAMES[:team_count]):
            team = Unit(
                id=f"{unit.id}-t{index + 1}",
                name=f"{town.short}{team_name}",
                kind=UnitKind.TEAM,
                parent_id=unit.id,
                department_id=centre,
                position=_scatter(rng, town.center, 0.004),
            )
            units.append(team)
            add_members(team, town, _TOWN_KIT)
    return tuple(units)


def _build_users(units: Sequence[Unit]) -> tuple[tuple[User, ...], tuple[DemoCredential, ...]]:
    centre = department_id(names.COMMAND_CENTRE)
    people: list[tuple[str, str, Role, str, str | None]] = [
        ("admin", "系统管理员", Role.ADMIN, centre, None)
    ]
    people += [(f"operator-{n}", f"值班员{n}", Role.OPERATOR, centre, None) for n in (1, 2, 3)]
    people += [(f"supervisor-{n}", f"值班长{n}", Role.SUPERVISOR, centre, None) for n in (1, 2)]
    for unit in units:
        if unit.kind in (UnitKind.LINKED_UNIT, UnitKind.TOWN):
            username = unit.id.removeprefix("unit-")
            people.append((username, f"{unit.name}值守", Role.UNIT, unit.department_id, unit.id))
    users = tuple(
        User(
            id=f"user-{username}",
            username=username,
            display_name=display,
            role=role,
            department_id=dept,
            unit_id=unit_id,
        )
        for username, display, role, dept, unit_id in people
    )
    credentials = tuple(DemoCredential(u.username, f"demo-{u.username}", u.role) for u in users)
    return users, credentials


# ---------------------------------------------------------------- patrol plans


def _build_patrol_plans(rng: random.Random, cameras: Sequence[Camera]) -> tuple[PatrolPlan, ...]:
    centre = department_id(names.COMMAND_CENTRE)
    jiaji = next(t for t in geo.TOWNS if t.key == "jiaji")
    visible = [c for c in cameras if is_visible_to(c, centre)]
    plans = (
        (
            "plan-jiaji-arterials",
            "嘉积城区主干道巡检",
            lambda c: c.kind is CameraKind.ROAD and c.region_id == jiaji.code,
            40,
        ),
        (
            "plan-boao-airport-beach",
            "博鳌机场及海滩",
            lambda c: c.kind in (CameraKind.AIRPORT, CameraKind.BEACH),
            36,
        ),
        ("plan-schools", "学校周边", lambda c: c.kind is CameraKind.SCHOOL, 48),
        ("plan-railway", "铁路沿线", lambda c: c.kind is CameraKind.RAILWAY, 30),
        ("plan-markets", "农贸市场早市巡查", lambda c: c.kind is CameraKind.MARKET, 24),
        ("plan-checkpoints", "重点卡口", lambda c: c.kind is CameraKind.CHECKPOINT, 60),
        ("plan-villages", "乡村治安巡查", lambda c: c.kind is CameraKind.VILLAGE, 20),
    )
    out = []
    for plan_id, name, wanted, size in plans:
        pool = [c for c in visible if wanted(c)]
        chosen = sorted(rng.sample(pool, min(size, len(pool))), key=lambda c: c.name)
        if not chosen:  # a shrunken test catalogue may have no camera of this kind
            continue
        out.append(
            PatrolPlan(
                id=plan_id,
                name=name,
                camera_ids=tuple(c.id for c in chosen),
                dwell_s=rng.randint(8, 15),
            )
        )
    return tuple(out)


# ---------------------------------------------------------------- guarded routes


def _boao_route_guard(units: Sequence[Unit]) -> RouteGuard:
    """The route from Boao airport to the forum's island, as guarded during the conference.

    Checkpoints stand where the route meets other roads; posts are held by the Boao teams
    of the linked units (looked up by name, so the unit tree can change around them).
    """
    team_ids = {u.name: u.id for u in units if u.kind is UnitKind.TEAM}
    path = roads.BOAO_ROUTE_PATH

    def at(fraction: float) -> GeoPoint:
        route = roads.Road("route", "", "", path)
        return roads.point_along(route, fraction).position

    return RouteGuard(
        id="route-boao-forum",
        name="博鳌亚洲论坛年会 机场至东屿岛安保线路",
        path=path,
        checkpoints=(
            RoutePoint("博鳌机场出口检查点", at(0.02)),
            RoutePoint("中原互通检查点", at(0.22)),
            RoutePoint("博鳌站前检查点", at(0.68)),
            RoutePoint("东屿岛大桥检查点", at(0.95)),
        ),
        posts=(
            RoutePost("机场到达层岗", at(0.0), team_ids.get("博鳌派出所")),
            RoutePost("机场路中段岗", at(0.10), team_ids.get("交警大队")),
            RoutePost("博鳌大道中原段岗", at(0.35), team_ids.get("一排")),
            RoutePost("博鳌镇区岗", at(0.82), team_ids.get("博鳌执法中队")),
            RoutePost("东屿岛会场岗", at(1.0), team_ids.get("二排")),
            RoutePost("博鳌消防站备勤点", at(0.88), team_ids.get("博鳌消防站")),
        ),
    )
