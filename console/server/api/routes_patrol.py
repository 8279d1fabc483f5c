"""Patrol plans and patrol records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from console.domain.model import PatrolEntry
from console.server.api.deps import CallerDep, IdempotencyKey, PathId, QueryId, State, write
from console.server.api.errors import documented
from console.server.services import patrol
from console.wire.patrol import (
    PatrolPlanIn,
    PatrolPlanOut,
    PatrolRecordIn,
    PatrolRecordOut,
    patrol_plan_out,
    patrol_record_out,
)

router = APIRouter(tags=["patrol"])


@router.get("/patrol-plans", response_model=list[PatrolPlanOut], responses=documented(401))
def list_plans(caller: CallerDep, state: State) -> list[PatrolPlanOut]:
    """Shared plans and the caller's own (supervisors: all)."""
    with state.db.read() as session:
        return [patrol_plan_out(p) for p in patrol.list_plans(session, caller)]


@router.get("/patrol-plans/{plan_id}", response_model=PatrolPlanOut, responses=documented(401, 404))
def get_plan(plan_id: PathId, caller: CallerDep, state: State) -> PatrolPlanOut:
    with state.db.read() as session:
        return patrol_plan_out(patrol.get_plan(session, caller, plan_id))


@router.post(
    "/patrol-plans",
    response_model=PatrolPlanOut,
    status_code=201,
    responses=documented(400, 401, 403, 422),
)
def create_plan(
    body: PatrolPlanIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def work(session: Session) -> tuple[int, PatrolPlanOut]:
        plan = patrol.create_plan(
            session, caller, name=body.name, camera_ids=body.camera_ids, dwell_s=body.dwell_s
        )
        return 201, patrol_plan_out(plan)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.put(
    "/patrol-plans/{plan_id}",
    response_model=PatrolPlanOut,
    responses=documented(400, 401, 403, 404, 422),
)
def update_plan(
    plan_id: PathId,
    body: PatrolPlanIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def work(session: Session) -> tuple[int, PatrolPlanOut]:
        plan = patrol.update_plan(
            session,
            caller,
            plan_id,
            name=body.name,
            camera_ids=body.camera_ids,
            dwell_s=body.dwell_s,
        )
        return 200, patrol_plan_out(plan)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.post(
    "/patrol-records",
    response_model=PatrolRecordOut,
    status_code=201,
    responses=documented(400, 401, 403, 422),
)
def create_record(
    body: PatrolRecordIn,
    request: Request,
    caller: CallerDep,
    state: State,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    entries = [
        PatrolEntry(
            camera_id=e.camera_id,
            seen_at=e.seen_at,
            dwell_s=e.dwell_s,
            verdict=e.verdict,
            note=e.note,
            screen=e.screen,
            monitor=e.monitor,
            tile=e.tile,
            live_s=e.live_s,
        )
        for e in body.entries
    ]

    def work(session: Session) -> tuple[int, PatrolRecordOut]:
        record = patrol.create_record(
            session,
            caller,
            plan_id=body.plan_id,
            started_at=body.started_at,
            finished_at=body.finished_at,
            entries=entries,
        )
        return 201, patrol_record_out(record)

    return write(state, caller, idempotency_key, request, body.model_dump_json(), work)


@router.get(
    "/patrol-records", response_model=list[PatrolRecordOut], responses=documented(401, 403, 422)
)
def list_records(
    caller: CallerDep,
    state: State,
    operator_id: QueryId = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[PatrolRecordOut]:
    """Newest first. Operators see their own; supervisors and administrators anyone's."""
    with state.db.read() as session:
        records = patrol.list_records(session, caller, operator_id=operator_id, limit=limit)
        return [patrol_record_out(r) for r in records]
