"""Who plays what on the wall: stream addresses per camera, and the stream policy applied to
every tile of every page (main window and detached screens alike).

Addresses come from the backend (``resolve_streams(camera_id) -> (sub_url, main_url)``, a
blocking call run on the task runner's network lane, cached per camera). Decisions are
batched: anything that may change a choice (a page switch, a resize, a maximise, a zoom, a
minimised window) calls ``schedule()``, and one evaluation follows shortly after; a slow
sweep catches what no event reports (a window covered by the window manager, say).

Starting a player is the one costly part of applying a decision on the GUI thread (a new
command thread, and Python waits until that thread runs; on two busy cores that is tens of
milliseconds). A page flip starts sixteen, so an evaluation starts at most
``STARTS_PER_TURN`` and leaves the rest to the next turns of the event loop: the wall keeps
answering while a page comes up.

Some cameras must not play at all for a while (the backend says one is offline, or not shared
with this operator): ``WallStreams.unplayable`` is the hook that says so, and the tiles of such
a camera show why instead of starting a player.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from console.gui.wall.tile import WallTile
from console.scrub import scrub
from console.tasks import NET, TaskRunner
from console.text import fill
from console.video.supervisor import StreamState, SupervisorConfig
from console.wall.stream_policy import PolicyResult, StreamChoice, StreamPolicy, TileDemand

logger = logging.getLogger(__name__)

StreamResolver = Callable[[str], tuple[str | None, str | None]]
EVALUATE_DELAY_MS = 30
SWEEP_MS = 1000
RETRY_ADDRESS_S = 10.0
STARTS_PER_TURN = 2


@dataclass(frozen=True, slots=True)
class Unplayable:
    """Why a camera must not play, for a reason that asking again does not change.

    ``notice`` is the line an idle tile of the camera shows. A tile that was playing keeps
    its last picture instead, marked by its supervisor as offline (``online`` False) or not
    shared with this operator (``shared`` False).
    """

    notice: str
    online: bool = True
    shared: bool = True


@dataclass(frozen=True, slots=True)
class TileView:
    """How a page shows one tile: ``visible`` to anyone; ``preroll`` when it is not, but
    should play the sub stream anyway (the next patrol page; tiles covered by a maximised
    neighbour, so going back shows live pictures at once)."""

    tile: WallTile
    visible: bool
    maximised: bool = False
    preroll: bool = False


class TileSource(Protocol):
    def tile_views(self) -> Iterable[TileView]: ...


class StreamAddresses(QObject):
    """Stream URLs per camera, fetched once through the network lane.

    Signals: ``resolved(str camera_id)`` when a camera's addresses (or its failure) arrive.
    """

    resolved = Signal(str)

    def __init__(self, runner: TaskRunner, resolve: StreamResolver, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._resolve = resolve
        self._known: dict[str, tuple[str | None, str | None]] = {}
        self._failed: dict[str, tuple[float, str]] = {}
        self._asking: set[str] = set()

    def get(self, camera_id: str) -> tuple[str | None, str | None] | None:
        """(sub, main) when known; otherwise asks for them and returns None."""
        known = self._known.get(camera_id)
        if known is not None:
            return known
        failure = self._failed.get(camera_id)
        if failure is not None and time.monotonic() - failure[0] < RETRY_ADDRESS_S:
            return None
        if camera_id not in self._asking:
            self._asking.add(camera_id)
            self._runner.run(
                NET,
                self._resolve,
                camera_id,
                on_done=functools.partial(self._on_done, camera_id),
                on_error=functools.partial(self._on_error, camera_id),
            )
        return None

    def problem(self, camera_id: str) -> str | None:
        failure = self._failed.get(camera_id)
        return failure[1] if failure is not None else None

    def forget(self, camera_id: str | None = None) -> None:
        """Drop cached addresses (all, or one camera's): they are asked for again."""
        if camera_id is None:
            self._known.clear()
            self._failed.clear()
        else:
            self._known.pop(camera_id, None)
            self._failed.pop(camera_id, None)

    def _on_done(self, camera_id: str, urls: tuple[str | None, str | None]) -> None:
        self._asking.discard(camera_id)
        sub, main = urls
        self._failed.pop(camera_id, None)
        self._known[camera_id] = (sub or main, main or sub)
        self.resolved.emit(camera_id)

    def _on_error(self, camera_id: str, exc: BaseException) -> None:
        self._asking.discard(camera_id)
        logger.warning("no stream addresses for camera %s: %s", camera_id, scrub(str(exc)))
        self._failed[camera_id] = (time.monotonic(), str(exc))
        self.resolved.emit(camera_id)


class WallStreams(QObject):
    """Applies the ``StreamPolicy`` to every registered page's tiles (see the module docstring).

    Override ``unplayable`` to keep cameras off the wall that cannot play (the default lets
    every camera play); ``notice_for`` tells what their idle tiles say.

    Signals: ``budget_changed(PolicyResult)`` after each evaluation whose figures changed.
    """

    budget_changed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        resolve_streams: StreamResolver,
        *,
        policy: StreamPolicy | None = None,
        supervisor_config: SupervisorConfig | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.policy = policy or StreamPolicy()
        self.supervisor_config = supervisor_config
        self.addresses = StreamAddresses(runner, resolve_streams, self)
        self.addresses.resolved.connect(self._on_addresses_resolved)
        self._sources: list[TileSource] = []
        self._result = PolicyResult(max_main=self.policy.max_main)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EVALUATE_DELAY_MS)
        self._timer.timeout.connect(self.evaluate)
        self._sweep = QTimer(self)
        self._sweep.setInterval(SWEEP_MS)
        self._sweep.timeout.connect(self.evaluate)
        # Tiles whose player starts on a later turn (dict: ordered, one entry per tile).
        self._deferred_starts: dict[WallTile, StreamChoice] = {}
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._on_start_timer_timeout)
        self._unplayable_notices: dict[str, str] = {}
        self.evaluations = 0

    @property
    def result(self) -> PolicyResult:
        return self._result

    def add_source(self, source: TileSource) -> None:
        if source not in self._sources:
            self._sources.append(source)
        if not self._sweep.isActive():
            self._sweep.start()
        self.schedule()

    def remove_source(self, source: TileSource) -> None:
        if source in self._sources:
            self._sources.remove(source)
        if not self._sources:
            self._sweep.stop()
        self.schedule()

    def set_max_main(self, count: int) -> None:
        self.policy = StreamPolicy(max_main=count, main_above=self.policy.main_above)
        self.schedule()

    def unplayable(self, camera_id: str) -> Unplayable | None:
        """Why ``camera_id`` must not play now, or None when it may (always, here).

        The hook for subclasses that know more than the stream addresses do (a catalogue
        with camera statuses, say). Called on the GUI thread for every tile the policy wants
        playing, at each evaluation, so it must be quick; when its answer changes, call
        ``schedule()`` (and ``addresses.forget(camera_id)`` if the addresses should be asked
        for again).
        """
        return None

    def notice_for(self, camera_id: str) -> str:
        """The line an idle tile of an unplayable camera shows (empty when there is none)."""
        return self._unplayable_notices.get(camera_id, "")

    def schedule(self) -> None:
        """Evaluate soon (many calls in a burst give one evaluation)."""
        if not shiboken6.isValid(self._timer):
            return  # the application is being torn down; nothing plays any more
        if not self._timer.isActive():
            self._timer.start()

    def evaluate(self) -> PolicyResult:
        """Decide and apply every tile's stream now."""
        self._timer.stop()
        self.evaluations += 1
        now = time.monotonic()
        demands: list[TileDemand] = []
        tiles: dict[WallTile, TileView] = {}
        for source in list(self._sources):
            for view in source.tile_views():
                tile = view.tile
                if tile.camera_id is None or tile in tiles:
                    if tile.camera_id is None:
                        tile.suspend()
                    continue
                tiles[tile] = view
                ratio = tile.devicePixelRatioF()
                demands.append(
                    TileDemand(
                        key=tile,
                        width=int(tile.width() * ratio),
                        height=int(tile.height() * ratio),
                        visible=view.visible,
                        maximised=view.maximised,
                        zoomed=tile.zoom > 1.0,
                        preroll=view.preroll,
                        current=tile.wanted_choice,
                        has_main=not tile.main_failed_recently(now),
                    )
                )
        result = self.policy.decide(demands)
        self._deferred_starts.clear()  # decided again just now
        starts = STARTS_PER_TURN
        for tile in tiles:
            if self._apply(tile, result.choices.get(tile, StreamChoice.NONE), may_start=starts > 0):
                starts -= 1
        if self._deferred_starts:
            self._start_timer.start()
        if (result.main_wanted, result.main_granted, result.max_main) != (
            self._result.main_wanted,
            self._result.main_granted,
            self._result.max_main,
        ):
            self.budget_changed.emit(result)
        self._result = result
        return result

    def _on_start_timer_timeout(self) -> None:
        starts = STARTS_PER_TURN
        while self._deferred_starts and starts > 0:
            tile, choice = next(iter(self._deferred_starts.items()))
            del self._deferred_starts[tile]
            if shiboken6.isValid(tile) and self._apply(tile, choice, may_start=True):
                starts -= 1
        if self._deferred_starts:
            self._start_timer.start()

    def _apply(self, tile: WallTile, choice: StreamChoice, *, may_start: bool = True) -> bool:
        """Give ``tile`` the stream ``choice``; True when that started a player. Without
        ``may_start``, a tile that needs a new player is left for a later turn instead."""
        camera_id = tile.camera_id
        refusal = (
            self.unplayable(camera_id)
            if camera_id is not None and choice is not StreamChoice.NONE
            else None
        )
        supervisor = tile.supervisor
        if refusal is not None:
            assert camera_id is not None
            if supervisor is not None:
                # It was playing: keep its last picture, marked, and stop trying.
                supervisor.set_shared(refusal.shared)
                supervisor.set_online(refusal.online)
                return False
            self._unplayable_notices[camera_id] = refusal.notice
            tile.set_notice(refusal.notice)
            return False
        if camera_id is not None:
            self._unplayable_notices.pop(camera_id, None)
        if supervisor is not None and supervisor.state in (
            StreamState.OFFLINE,
            StreamState.NOT_SHARED,
        ):
            # Back: the supervisor reconnects with the picture it held.
            supervisor.set_shared(True)
            supervisor.set_online(True)
        if choice is StreamChoice.NONE or camera_id is None:
            tile.suspend()
            return False
        urls = self.addresses.get(camera_id)
        if urls is None:
            problem = self.addresses.problem(camera_id)
            tile.set_notice(fill(self.tr("No stream address: %1"), problem) if problem else "")
            return False
        sub, main = urls
        url = main if choice is StreamChoice.MAIN else sub
        if url is None:
            tile.set_notice(self.tr("The camera has no stream"))
            return False
        tile.set_supervisor_config(self.supervisor_config)
        if not tile.starts_player(choice, url):
            tile.show_stream(choice, url)
            return False
        if not may_start:
            self._deferred_starts[tile] = choice
            return False
        tile.show_stream(choice, url)
        return True

    def _on_addresses_resolved(self, _camera_id: str) -> None:
        self.schedule()
