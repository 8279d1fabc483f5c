"""What the video wall is doing right now, as plain figures for the Diagnostics dialog.

Everything is read from objects the GUI thread already owns: each tile's supervisor status,
the latest statistics its source handed over, the stream choice the wall made, and the
main-stream budget of the last evaluation. Nothing here calls libvlc (a libvlc call may block,
and only a player's own thread may make it), so reading the figures is cheap enough to do
once a second while the dialog is open.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from console.gui.wall.page_view import WallPageView
from console.gui.wall.tile import WallTile
from console.gui.wall.wall_view import WallView
from console.video.source import VideoSource
from console.video.supervisor import StreamState, StreamSupervisor
from console.video.vlc_source import waiting_abandoned_players, wedged_players
from console.wall.stream_policy import StreamChoice


class _Availability(Protocol):
    value: str


@runtime_checkable
class _KnowsAvailability(Protocol):
    def availability(self, camera_id: str) -> _Availability | None: ...


@dataclass(frozen=True, slots=True)
class TileFigures:
    """One tile that has a camera.

    ``page`` and ``cell`` count from 1, as the operator does. ``state`` is None while the
    tile has no stream yet (its address is being fetched, or it is not shown); ``attempt`` is
    the reconnect attempt (0 when none). ``fps``, ``lost`` and ``age_s`` (seconds since the
    last picture) are None when there is nothing to measure; ``restarts`` counts the times
    the decoder started over at a new picture size (None where the source does not say).
    """

    page: int
    cell: int
    camera_id: str
    camera_name: str
    state: StreamState | None
    attempt: int
    stream: StreamChoice
    fps: float | None
    lost: int | None
    age_s: float | None
    restarts: int | None


@dataclass(frozen=True, slots=True)
class WallFigures:
    """The wall as a whole: ``players`` decoders in use (a tile switching streams runs two
    for a moment), ``wedged`` players this process gave up on (``wedged_waiting`` of them
    still inside the libvlc call that hung, so not released yet), ``main_in_use`` tiles painting
    a main stream, ``main_wanted`` tiles that asked for one at the wall's last decision,
    ``main_granted`` of them got it, and ``max_main`` is the budget."""

    players: int
    wedged: int
    wedged_waiting: int
    main_in_use: int
    main_wanted: int
    main_granted: int
    max_main: int
    tiles: tuple[TileFigures, ...]


def collect(view: WallView, now: float | None = None) -> WallFigures:
    """The figures of every page of ``view`` (main window and detached screens alike)."""
    now = time.monotonic() if now is None else now
    players = 0
    main_in_use = 0
    rows: list[TileFigures] = []
    for page, page_view in _page_views(view):
        for cell, tile in enumerate(page_view.tiles, start=1):
            players += _players_of(tile)
            if tile.camera_id is None:
                continue
            if tile.choice is StreamChoice.MAIN:
                main_in_use += 1
            rows.append(_tile_figures(view, page, cell, tile, now))
    result = view.streams.result
    return WallFigures(
        players=players,
        wedged=wedged_players(),
        wedged_waiting=waiting_abandoned_players(),
        main_in_use=main_in_use,
        main_wanted=result.main_wanted,
        main_granted=result.main_granted,
        max_main=view.streams.policy.max_main,
        tiles=tuple(rows),
    )


def _page_views(view: WallView) -> Iterator[tuple[int, WallPageView]]:
    for index in range(len(view.wall.pages)):
        try:
            yield index + 1, view.page_view(index)
        except KeyError:
            continue  # a page being added or removed right now


def _players_of(tile: WallTile) -> int:
    return sum(
        1
        for supervisor in (tile.supervisor, tile.pending)
        if supervisor is not None and supervisor.source is not None
    )


def _tile_figures(view: WallView, page: int, cell: int, tile: WallTile, now: float) -> TileFigures:
    camera_id = tile.camera_id or ""
    supervisor = tile.supervisor
    state, attempt, age = _status_of(supervisor, now)
    if state is None or supervisor is None:
        state = _unavailable_state(view, camera_id) or state
    source = supervisor.source if supervisor is not None else None
    fps: float | None = None
    lost: int | None = None
    if source is not None:
        stats = source.stats()
        fps, lost = stats.fps, stats.lost
    return TileFigures(
        page=page,
        cell=cell,
        camera_id=camera_id,
        camera_name=tile.camera_name or camera_id,
        state=state,
        attempt=attempt,
        stream=tile.choice,
        fps=fps,
        lost=lost,
        age_s=age,
        restarts=_restarts_of(source),
    )


def _status_of(
    supervisor: StreamSupervisor | None, now: float
) -> tuple[StreamState | None, int, float | None]:
    if supervisor is None:
        return None, 0, None
    status = supervisor.status
    return status.state, status.attempt, status.frame_age(now)


def _unavailable_state(view: WallView, camera_id: str) -> StreamState | None:
    # Walls whose streams know the catalogue (the console's) say why a tile has no player.
    streams = view.streams
    if not isinstance(streams, _KnowsAvailability):
        return None
    availability = streams.availability(camera_id)
    if availability is None:
        return None
    try:
        return StreamState(availability.value)
    except ValueError:
        return None


def _restarts_of(source: VideoSource | None) -> int | None:
    # libvlc sources count their restarts at a new picture size on their controller; the
    # count is a plain integer the controller's thread writes, read here without libvlc.
    controller = getattr(source, "controller", None)
    restarts = getattr(controller, "restarts", None)
    return restarts if isinstance(restarts, int) else None
