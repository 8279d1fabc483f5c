"""Units and their status/position reports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from console.server.api.deps import CallerDep, IdempotencyKey, PathId, State, write
from console.server.api.errors import documented
from console.server.services import units
from console.wire.units import UnitOut, UnitStatusIn, unit_out

router = APIRouter(tags=["units"])


@router.get("/units", response_model=list[UnitOut], responses=documented(401))
def list_units(caller: CallerDep, state: State) -> list[UnitOut]:
    """The unit tree as a flat list linked by parent_id."""
    with state.db.read() as session:
        return [unit_out(u) for u in units.list_units(session)]


@router.get("/units/{unit_id}", response_model=UnitOut, responses=documented(401, 404))
def get_unit(unit_id: PathId, caller: CallerDep, state: State) -> UnitOut:
    with state.db.read() as session:
        return unit_out(units.get_unit(session, unit_id))


@router.post(
    "/units/{unit_id}/status",
    response_model=UnitOut,
    responses=documented(400, 401, 403, 404, 422),
)
def report_status(
    unit_id: PathId,
    body: UnitStatusIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Unit users report for their own unit and the teams/members under it; operators,
    supervisors and administrators (field ingest) for any unit. Emits ``unit.status`` or
    ``unit.moved``."""

    def work(session: Session) -> tuple[int, UnitOut]:
        unit = units.report_status(
            session,
            caller,
            unit_id,
            status=body.status,
            lat=body.lat,
            lon=body.lon,
            note=body.note,
        )
        return 200, unit_out(unit)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)
