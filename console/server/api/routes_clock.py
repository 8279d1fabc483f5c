"""``GET /clock`` (the server's time) and ``POST /clock`` (tests and demo: move it forward)."""

from __future__ import annotations

from datetime import timedelta

from anyio import to_thread
from fastapi import APIRouter

from console.domain.model import Role
from console.server.api.deps import CallerDep, State
from console.server.api.errors import documented
from console.server.api.state import ServerState
from console.server.services import audit, clock, sla
from console.server.services.caller import Caller
from console.server.services.errors import NotFound
from console.wire.clock import ClockIn, ClockOut

router = APIRouter(tags=["meta"])


def controllable(state: ServerState) -> bool:
    return state.settings.demo or state.settings.clock_control


def _reading(state: ServerState) -> ClockOut:
    return ClockOut(
        now=clock.utcnow(),
        offset_s=clock.offset().total_seconds(),
        controllable=controllable(state),
    )


@router.get("/clock", response_model=ClockOut, responses=documented(401))
def read_clock(caller: CallerDep, state: State) -> ClockOut:
    """The server's clock, which time limits run on."""
    return _reading(state)


@router.post("/clock", response_model=ClockOut, responses=documented(400, 401, 403, 404, 422))
async def advance_clock(body: ClockIn, caller: CallerDep, state: State) -> ClockOut:
    """Move the server's clock forward (administrators, on a demo or test server only), then
    bring every time limit up to the new time at once. The move is audited, and so is each
    time-limit change it causes. Sign-ins expire by this clock too."""
    if not controllable(state):
        raise NotFound("this server's clock cannot be moved")
    caller.require(Role.ADMIN)
    await to_thread.run_sync(_advance, state, caller, body.advance_s)
    await to_thread.run_sync(sla.sweep, state.db)
    return _reading(state)


def _advance(state: ServerState, caller: Caller, seconds: float) -> None:
    with state.db.write() as session:
        before = clock.utcnow()
        clock.advance(timedelta(seconds=seconds))
        audit.record(
            session,
            caller,
            "clock.advance",
            detail={"seconds": seconds, "from": before.isoformat()},
        )
