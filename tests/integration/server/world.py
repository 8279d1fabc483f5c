"""A small world for server tests: three departments, a few dozen cameras, two linked units."""

from __future__ import annotations

from dataclasses import dataclass

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

CENTRE = "dept-centre"
POLICE = "dept-police"
URBAN = "dept-urban"

PASSWORDS = {
    "admin": "admin-pass",
    "op": "op-pass",
    "op2": "op2-pass",
    "sup": "sup-pass",
    "police": "police-pass",
    "urban": "urban-pass",
}


@dataclass(frozen=True, slots=True)
class Credential:
    username: str
    password: str


@dataclass(frozen=True)
class SmallWorld:
    departments: tuple[Department, ...]
    users: tuple[User, ...]
    credentials: tuple[Credential, ...]
    regions: tuple[Region, ...]
    cameras: tuple[Camera, ...]
    units: tuple[Unit, ...]
    patrol_plans: tuple[PatrolPlan, ...]

    def cameras_visible_to(self, department_id: str) -> set[str]:
        return {
            c.id
            for c in self.cameras
            if c.owner_department_id == department_id or department_id in c.shared_with
        }


def camera_id(n: int) -> str:
    return f"46900210001320{n:06d}"


def small_world() -> SmallWorld:
    departments = (
        Department(CENTRE, "指挥中心", "centre"),
        Department(POLICE, "公安局", "police"),
        Department(URBAN, "综合行政执法局", "urban"),
    )
    regions = [Region("r-city", "469002", "琼海市", RegionKind.CITY, None, GeoPoint(19.24, 110.47))]
    for t, (lat, lon) in enumerate(((19.236, 110.468), (19.16, 110.58))):
        town = f"r-town-{t}"
        regions.append(
            Region(town, f"46900210{t}", f"镇{t}", RegionKind.TOWN, "r-city", GeoPoint(lat, lon))
        )
        for v in range(2):
            regions.append(
                Region(
                    f"r-village-{t}-{v}",
                    f"46900210{t}00{v}",
                    f"村{t}{v}",
                    RegionKind.VILLAGE,
                    town,
                    GeoPoint(lat + 0.01 * (v + 1), lon + 0.01 * (v + 1)),
                )
            )
    cameras = []
    kinds = list(CameraKind)
    for n in range(40):
        t, v = n % 2, (n // 2) % 2
        owner = (CENTRE, POLICE, URBAN)[n % 3] if n % 5 else CENTRE
        shared = frozenset({CENTRE}) if owner != CENTRE and n % 2 == 0 else frozenset()
        cameras.append(
            Camera(
                id=camera_id(n),
                name=f"测试摄像机 {n:02d}",
                kind=kinds[n % len(kinds)],
                region_id=f"r-village-{t}-{v}",
                position=GeoPoint(19.2 + 0.002 * n, 110.45 + 0.002 * n),
                status=CameraStatus.OFFLINE if n % 11 == 3 else CameraStatus.ONLINE,
                owner_department_id=owner,
                shared_with=shared,
                ptz=n % 4 == 0,
            )
        )
    units = (
        Unit(
            "unit-police",
            "公安局",
            UnitKind.LINKED_UNIT,
            None,
            POLICE,
            position=GeoPoint(19.24, 110.47),
        ),
        Unit("unit-police-team", "巡警一队", UnitKind.TEAM, "unit-police", POLICE),
        Unit("unit-police-car-1", "警车 1", UnitKind.MEMBER, "unit-police-team", POLICE),
        Unit("unit-urban", "综合执法局", UnitKind.LINKED_UNIT, None, URBAN),
    )
    users = (
        User("user-admin", "admin", "管理员", Role.ADMIN, CENTRE),
        User("user-op", "op", "值班员", Role.OPERATOR, CENTRE),
        User("user-op2", "op2", "公安值班员", Role.OPERATOR, POLICE),
        User("user-sup", "sup", "值班长", Role.SUPERVISOR, CENTRE),
        User("user-police", "police", "公安值守", Role.UNIT, POLICE, "unit-police"),
        User("user-urban", "urban", "执法值守", Role.UNIT, URBAN, "unit-urban"),
    )
    visible = sorted(
        c.id for c in cameras if c.owner_department_id == CENTRE or CENTRE in c.shared_with
    )
    plans = (PatrolPlan("plan-1", "测试巡检", tuple(visible[:5]), dwell_s=5),)
    return SmallWorld(
        departments=departments,
        users=users,
        credentials=tuple(Credential(u, p) for u, p in PASSWORDS.items()),
        regions=tuple(regions),
        cameras=tuple(cameras),
        units=units,
        patrol_plans=plans,
    )
