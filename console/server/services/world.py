"""Bulk-loading a world (departments, users, regions, cameras, units, patrol plans, routes).

Used by the demo server and by tests. Rows go in with executemany-style bulk inserts, so the
7,500-camera demo catalogue loads in well under a few seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.domain.model import (
    Camera,
    Department,
    PatrolPlan,
    Region,
    RegionKind,
    Unit,
    User,
)
from console.server.db.tables import (
    CameraRow,
    CameraShareRow,
    DepartmentRow,
    PatrolPlanRow,
    RegionRow,
    UnitRow,
    UserRow,
)
from console.server.services import route_guards
from console.server.services.passwords import hash_password

logger = logging.getLogger(__name__)


class WorldLike(Protocol):
    """What ``load_world`` reads. Passwords come from ``credentials`` (objects with
    ``username`` and ``password``) or from a ``password`` attribute on each user. A world
    may also carry ``route_guards`` (``console.domain.vehicles.RouteGuard`` values)."""

    @property
    def departments(self) -> Sequence[Department]: ...
    @property
    def users(self) -> Sequence[User]: ...
    @property
    def regions(self) -> Sequence[Region]: ...
    @property
    def cameras(self) -> Sequence[Camera]: ...
    @property
    def units(self) -> Sequence[Unit]: ...
    @property
    def patrol_plans(self) -> Sequence[PatrolPlan]: ...


_REGION_ORDER = {RegionKind.CITY: 0, RegionKind.TOWN: 1, RegionKind.VILLAGE: 2}


def _passwords(world: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for credential in getattr(world, "credentials", ()) or ():
        found[credential.username] = credential.password
    for user in world.users:
        password = getattr(user, "password", None)
        if password:
            found[user.username] = password
    return found


def _parents_first(items: Iterable[Any]) -> list[Any]:
    """Tree nodes ordered so that each parent precedes its children (foreign keys)."""
    pending = list(items)
    placed: set[str] = set()
    ordered: list[Any] = []
    while pending:
        rest = [n for n in pending if n.parent_id is not None and n.parent_id not in placed]
        ready = [n for n in pending if n.parent_id is None or n.parent_id in placed]
        if not ready:
            raise ValueError("the tree has a cycle or a missing parent")
        ordered.extend(ready)
        placed.update(n.id for n in ready)
        pending = rest
    return ordered


def _bulk(
    session: Session, table: Any, rows: Sequence[Mapping[str, Any]], chunk: int = 2000
) -> None:
    for start in range(0, len(rows), chunk):
        session.execute(insert(table), rows[start : start + chunk])


def load_world(session: Session, world: WorldLike, *, password_cost: int = 2**14) -> dict[str, int]:
    """Insert every entity of ``world`` in the caller's transaction; returns counts.

    Users without a known password get an unusable one (they cannot sign in).
    """
    passwords = _passwords(world)
    users = list(world.users)
    with ThreadPoolExecutor(max_workers=4) as pool:
        # hashlib.scrypt releases the GIL; dozens of demo users hash in parallel.
        hashes = list(
            pool.map(
                lambda u: hash_password(passwords.get(u.username) or _unusable(), n=password_cost),
                users,
            )
        )
    _bulk(
        session,
        DepartmentRow,
        [{"id": d.id, "name": d.name, "code": d.code} for d in world.departments],
    )
    _bulk(
        session,
        RegionRow,
        [
            {
                "id": r.id,
                "code": r.code,
                "name": r.name,
                "kind": r.kind.value,
                "parent_id": r.parent_id,
                "lat": r.center.lat,
                "lon": r.center.lon,
            }
            for r in _parents_first(sorted(world.regions, key=lambda r: _REGION_ORDER[r.kind]))
        ],
    )
    _bulk(
        session,
        UnitRow,
        [
            {
                "id": u.id,
                "name": u.name,
                "kind": u.kind.value,
                "parent_id": u.parent_id,
                "department_id": u.department_id,
                "status": u.status.value,
                "lat": u.position.lat if u.position else None,
                "lon": u.position.lon if u.position else None,
                "status_since": u.status_since,
            }
            for u in _parents_first(world.units)
        ],
    )
    _bulk(
        session,
        UserRow,
        [
            {
                "id": u.id,
                "username": u.username,
                "display_name": u.display_name,
                "role": u.role.value,
                "department_id": u.department_id,
                "unit_id": u.unit_id,
                "password_hash": digest,
                "active": True,
            }
            for u, digest in zip(users, hashes, strict=True)
        ],
    )
    _bulk(
        session,
        CameraRow,
        [
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind.value,
                "region_id": c.region_id,
                "lat": c.position.lat,
                "lon": c.position.lon,
                "status": c.status.value,
                "owner_department_id": c.owner_department_id,
                "ptz": c.ptz,
                "heading_deg": c.heading_deg,
                "fov_deg": c.fov_deg,
                "ordinal": index,
            }
            for index, c in enumerate(world.cameras)
        ],
    )
    shares = [
        {"camera_id": c.id, "department_id": d}
        for c in world.cameras
        for d in sorted(c.shared_with)
        if d != c.owner_department_id
    ]
    _bulk(session, CameraShareRow, shares)
    _bulk(
        session,
        PatrolPlanRow,
        [
            {
                "id": p.id,
                "name": p.name,
                "camera_ids": list(p.camera_ids),
                "dwell_s": p.dwell_s,
                "owner_id": p.owner_id,
            }
            for p in world.patrol_plans
        ],
    )
    guards = list(getattr(world, "route_guards", ()) or ())
    for guard in guards:
        route_guards.save(session, guard)
    counts = {
        "departments": len(world.departments),
        "users": len(users),
        "regions": len(world.regions),
        "cameras": len(world.cameras),
        "camera_shares": len(shares),
        "units": len(world.units),
        "patrol_plans": len(world.patrol_plans),
        "route_guards": len(guards),
    }
    logger.info("world loaded: %s", counts)
    return counts


def _unusable() -> str:
    import secrets

    return secrets.token_urlsafe(32)
