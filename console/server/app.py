"""The application factory: ``create_app(settings)`` builds a ready FastAPI app.

The schema is created on construction, so a caller can load data through
``app.state.tianmu.db`` before serving. Background duties (the PostgreSQL event listener,
event pruning) run while the app is being served (lifespan).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from anyio import to_thread
from fastapi import Depends, FastAPI

import console
from console.server.api import (
    errors,
    routes_alerts,
    routes_audit,
    routes_auth,
    routes_bookmarks,
    routes_cameras,
    routes_clock,
    routes_events,
    routes_exports,
    routes_incidents,
    routes_media,
    routes_patrol,
    routes_units,
    routes_vehicles,
)
from console.server.api.body_depth import JsonDepthGuard
from console.server.api.deps import forbid_unknown_query
from console.server.api.state import ServerState
from console.server.db.database import Database
from console.server.notifier import Notifier, PostgresListener
from console.server.services import events, sla
from console.server.services.media import MediaStore
from console.server.settings import ServerSettings
from console.wire import API_PREFIX

logger = logging.getLogger(__name__)

DESCRIPTION = """\
The reference backend of Tianmu. All paths are under `/api/v1`; JSON in and out (UTC
ISO-8601 datetimes). Errors have the shape `{"error": {"code", "message", "fields", ...}}`.
Authenticate with `POST /auth/login`, then send `Authorization: Bearer <token>`. Every POST
and PUT accepts an `Idempotency-Key` header.
"""


def _prune(state: ServerState) -> None:
    with state.db.write() as session:
        removed = events.prune(session, state.settings.event_retention)
    if removed:
        logger.info("pruned %s old events", removed)


async def _prune_forever(state: ServerState) -> None:
    while True:
        await asyncio.sleep(state.settings.prune_every_s)
        try:
            await to_thread.run_sync(_prune, state)
        except Exception:
            logger.exception("event pruning failed")


async def _sweep_forever(state: ServerState) -> None:
    """Time limits run on the server: check them now (catching up after a restart), then
    every ``sla_sweep_s``."""
    while True:
        try:
            await to_thread.run_sync(sla.sweep, state.db)
        except Exception:
            logger.exception("the time-limit sweep failed")
        await asyncio.sleep(state.settings.sla_sweep_s)


def build_state(settings: ServerSettings) -> ServerState:
    db = Database(settings.database_url)
    db.create_schema()
    notifier = Notifier()
    db.on_events(notifier.notify)
    media = MediaStore(settings.media_dir, max_bytes=settings.max_upload_bytes)
    return ServerState(settings=settings, db=db, media=media, notifier=notifier)


def create_app(settings: ServerSettings) -> FastAPI:
    state = build_state(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.notifier.bind(asyncio.get_running_loop())
        listener = None
        if state.db.is_postgres and settings.listen_notify:
            listener = PostgresListener(settings.database_url, events.PG_CHANNEL, state.notifier)
            listener.start()
        pruning = asyncio.create_task(_prune_forever(state))
        sweeping = asyncio.create_task(_sweep_forever(state))
        try:
            yield
        finally:
            for task in (sweeping, pruning):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if listener is not None:
                await to_thread.run_sync(listener.stop)

    app = FastAPI(
        title="Tianmu API",
        version=console.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.tianmu = state
    errors.install(app)
    app.add_middleware(JsonDepthGuard)
    for module in (
        routes_auth,
        routes_cameras,
        routes_alerts,
        routes_incidents,
        routes_units,
        routes_vehicles,
        routes_patrol,
        routes_media,
        routes_bookmarks,
        routes_exports,
        routes_audit,
        routes_events,
        routes_clock,
    ):
        app.include_router(
            module.router, prefix=API_PREFIX, dependencies=[Depends(forbid_unknown_query)]
        )
    return app
