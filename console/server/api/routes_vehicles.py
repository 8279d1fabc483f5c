"""Vehicle passes at ANPR checkpoints (plate searches) and routes guarded for major events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from console.server.api.deps import CallerDep, PathId, State
from console.server.api.errors import documented
from console.server.services import route_guards, vehicle_passes
from console.wire.common import NO_NUL
from console.wire.vehicles import (
    RouteGuardList,
    RouteGuardOut,
    VehiclePassList,
    route_guard_out,
    vehicle_pass_out,
)

router = APIRouter()


@router.get(
    "/vehicle-passes",
    tags=["vehicles"],
    response_model=VehiclePassList,
    responses=documented(401, 422),
)
def list_vehicle_passes(
    caller: CallerDep,
    state: State,
    plate: Annotated[
        str,
        Query(
            min_length=1,
            max_length=40,
            pattern=NO_NUL,
            description="a number plate such as 琼C·12345; case, spaces, full-width "
            "characters and the kind of middle dot do not matter",
        ),
    ],
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
) -> VehiclePassList:
    """Passes of one plate at the checkpoints whose cameras the caller may see, oldest first.

    The window defaults to the 24 hours before ``until`` (itself defaulting to now) and spans
    at most 31 days. A plate that is not a mainland number plate is refused (422, field
    ``plate``, with the reason); no passes is an empty list. Every search is audited as
    ``vehicle_pass.search``. Each pass's ``snapshot_media_id`` is fetched from
    ``GET /media/{id}`` under the checkpoint camera's rule."""
    with state.db.read() as session:
        found = vehicle_passes.find(
            session,
            caller,
            seed=state.settings.traffic_seed,
            plate=plate,
            since=since,
            until=until,
        )
    vehicle_passes.prepare(state.media, found)
    with state.db.write() as session:
        passes = vehicle_passes.record(session, caller, state.media, found)
    return VehiclePassList(
        plate=found.plate,
        since=found.since,
        until=found.until,
        items=[vehicle_pass_out(p) for p in passes],
    )


@router.get(
    "/route-guards",
    tags=["vehicles"],
    response_model=RouteGuardList,
    responses=documented(401),
)
def list_route_guards(caller: CallerDep, state: State) -> RouteGuardList:
    """Routes guarded for major events, each with the caller's visible cameras along it."""
    with state.db.read() as session:
        routes = route_guards.list_routes(session, caller)
    return RouteGuardList(items=[route_guard_out(r) for r in routes])


@router.get(
    "/route-guards/{route_id}",
    tags=["vehicles"],
    response_model=RouteGuardOut,
    responses=documented(401, 404),
)
def get_route_guard(route_id: PathId, caller: CallerDep, state: State) -> RouteGuardOut:
    with state.db.read() as session:
        return route_guard_out(route_guards.get_route(session, caller, route_id))
