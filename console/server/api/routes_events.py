"""``GET /events``: the live event stream (server-sent events) with resume.

A client resumes with ``Last-Event-ID`` (or ``?last_event_id=``) and gets every event after
that id, in id order, then live ones as they commit. Without an id it gets only new events.
The greeting (``retry``, ``id``, ``: connected``) names the position the stream starts from,
so a client has an id to resume from before any event arrives.
An id the server no longer holds (older than the retained window, or from another database)
first yields ``event: reset``: refetch everything, then continue from the reset's id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from console.domain.model import Role
from console.server.api.deps import CallerDep, State
from console.server.api.errors import documented
from console.server.api.state import ServerState
from console.server.db.tables import EventRow
from console.server.services import events, incidents
from console.server.services.caller import Caller
from console.server.services.cameras import visible_camera_ids
from console.server.services.errors import Invalid
from console.server.services.units import subtree_ids
from console.wire.events import EventType, ResetData

logger = logging.getLogger(__name__)

router = APIRouter(tags=["events"])


class _Audience:
    """Which events one subscriber may see: camera sharing, and for an incident's events the
    incident read rule (``readable``: the incidents of the batch at hand the caller may read
    now, as ``GET /incidents/{id}`` decides)."""

    def __init__(self, caller: Caller, cameras: set[str] | None, units: set[str] | None) -> None:
        self.caller = caller
        self.cameras = cameras
        self.units = units

    def admits(self, row: EventRow, readable: set[str]) -> bool:
        if row.scope_incident_id is not None:
            return row.scope_incident_id in readable
        if (
            row.scope_camera_id is not None
            and self.cameras is not None
            and row.scope_camera_id not in self.cameras
        ):
            return False
        if row.scope_unit_ids is not None and self.units is not None:
            if not self.units.intersection(row.scope_unit_ids.split(",")):
                return False
        elif self.units is not None and row.type.startswith("incident."):
            return False
        return True


def _audience(state: ServerState, caller: Caller) -> _Audience:
    with state.db.read() as session:
        cameras = visible_camera_ids(session, caller)
        units = None
        if caller.role is Role.UNIT:
            units = subtree_ids(session, caller.unit_id) if caller.unit_id else set()
        return _Audience(caller, cameras, units)


def _start(state: ServerState, last_id: int | None) -> tuple[int, bool]:
    """Where the stream starts and whether the client must reset first."""
    with state.db.read() as session:
        low, high = events.bounds(session)
    if last_id is None:
        return high or 0, False
    if events.needs_reset(last_id, low, high):
        return high or 0, True
    return last_id, False


def _fetch(
    state: ServerState, audience: _Audience, last_id: int
) -> tuple[list[EventRow], set[str]]:
    """The next batch of events and which of the incidents it is about the caller may read."""
    with state.db.read() as session:
        rows = events.after(session, last_id, state.settings.event_batch)
        about = {row.scope_incident_id for row in rows if row.scope_incident_id is not None}
        readable = incidents.readable_ids(session, audience.caller, about) if about else set()
        return rows, readable


def _frame(event_id: int, event_type: str, data: str) -> bytes:
    return f"id: {event_id}\nevent: {event_type}\ndata: {data}\n\n".encode()


def _parse_id(header: str | None, query: int | None) -> int | None:
    if header is not None and header.strip():
        try:
            value = int(header.strip())
        except ValueError:
            raise Invalid("Last-Event-ID", "expected a non-negative integer") from None
        if value < 0:
            raise Invalid("Last-Event-ID", "expected a non-negative integer")
        return value
    return query


async def _stream(
    request: Request, state: ServerState, audience: _Audience, last_id: int, reset: bool
) -> AsyncIterator[bytes]:
    settings = state.settings
    # The greeting carries the stream's position: a client cut off before the first event
    # still knows where to resume, so no event falls between two connections unseen.
    yield f"retry: 2000\nid: {last_id}\n: connected\n\n".encode()
    if reset:
        data = ResetData(reason="the requested events are no longer held", last_event_id=last_id)
        yield _frame(last_id, EventType.RESET.value, data.model_dump_json())
    next_heartbeat = time.monotonic() + settings.heartbeat_s
    while True:
        waiter = state.notifier.waiter()  # taken before the read: no wake-up can slip by
        rows, readable = await to_thread.run_sync(_fetch, state, audience, last_id)
        for row in rows:
            last_id = row.id
            if audience.admits(row, readable):
                yield _frame(row.id, row.type, row.data)
        if len(rows) >= settings.event_batch:
            continue
        if await request.is_disconnected():
            return
        timeout = max(0.0, min(next_heartbeat - time.monotonic(), settings.event_poll_s))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(waiter.wait(), timeout=timeout)
        if time.monotonic() >= next_heartbeat:
            yield b": heartbeat\n\n"
            next_heartbeat = time.monotonic() + settings.heartbeat_s


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
            "description": "An endless stream of `id:`/`event:`/`data:` frames; comment "
            "lines (`: heartbeat`) keep it alive. Types: see EventType.",
        },
        **documented(401, 422),
    },
)
async def stream_events(
    request: Request,
    caller: CallerDep,
    state: State,
    last_event_id_header: Annotated[
        str | None, Header(alias="Last-Event-ID", max_length=30)
    ] = None,
    last_event_id: Annotated[int | None, Query(ge=0, le=2**62)] = None,
) -> StreamingResponse:
    requested = _parse_id(last_event_id_header, last_event_id)
    audience = await to_thread.run_sync(_audience, state, caller)
    start, reset = await to_thread.run_sync(_start, state, requested)
    return StreamingResponse(
        _stream(request, state, audience, start, reset),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
