"""The console side of ``bench/patrol.py``: the signed-in main window (``bench/wall.py``'s
window side) with one wall page detached to the second screen, driving a video patrol.

The patrol's pages are found the way the wall shows them, not through the runner's internals:
its pages are the wall's transient pages; a page somebody can see is *shown*, a hidden one
that plays its sub streams is *pre-rolled*. So the same code measures a patrol on the main
window alone and a patrol over every wall screen.

The patrol steps on its own dwell timer, as for an operator who only watches: ``step`` waits
for the next step rather than making it, so the pages it pre-rolls play for as long as the
patrol's lead time (``patrol.preroll_s``) says, not as long as a benchmark takes.

Each camera's time to its first picture is logged from outside the runner too (works with any
runner): when its tile was asked to play (its hidden page set to pre-roll, or the first pages
shown cold), when its player started (the tile's ``stream_switched``) and when its first
picture came (the tile's ``status_changed`` to live); at every step, how long before it the
page now shown was set to pre-roll (the lead it had) and whether all its tiles were live by
then.

Commands (one JSON line each, on ``bench/wall.py``'s child protocol): ``configure``,
``sign_in``, ``screens``, ``detach``, ``start_patrol``, ``step``, ``stop_patrol``, ``mark``,
``decoding``, ``first_pictures_log``, ``probe_reset``, ``probe_snapshot``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

LIVE = "live"
# The shown players' libvlc counts are read this long before a step is due (they stop at it).
COUNTS_BEFORE_STEP_S = 0.4
# A player that has delivered this many pictures plays on (libvlc shows its first
# picture at once, then waits for its network buffer to fill before the next).
MOVING_PICTURES = 2
SAMPLE_S = 0.05


class FirstPictureLog:
    """Times to first picture of the patrol's tiles (see the module docstring), in seconds
    of ``time.monotonic``."""

    def __init__(self) -> None:
        self.hooked: set[int] = set()
        self.views: set[int] = set()
        self.prerolling: dict[int, float] = {}  # page view id: when it was set to pre-roll
        self.asked: dict[str, tuple[float, bool]] = {}  # camera: (asked at, hidden)
        self.played: dict[str, float] = {}
        # One per camera that showed its first picture: asked to live, played to live, hidden.
        self.cameras: list[dict[str, Any]] = []
        self.pages_live_s: list[float] = []  # a pre-rolled page: asked to all tiles live
        # A pre-rolled tile, page: asked to (every tile's) MOVING_PICTURES-th picture.
        self.moving_s: list[float] = []
        self.pages_moving_s: list[float] = []
        self.leads_s: list[float] = []  # a step: how long its page had been pre-rolling
        self.steps_live: list[bool] = []  # a step: every tile of its page live as it showed
        # When each (tile, camera) got its player; a step: the seconds its page's players had
        # played hidden before it (summed over the page's tiles).
        self.player_started: dict[tuple[int, str], float] = {}
        self.hidden_player_s: list[float] = []

    def clear(self) -> None:
        self.asked.clear()
        self.played.clear()
        self.cameras.clear()
        self.pages_live_s.clear()
        self.moving_s.clear()
        self.pages_moving_s.clear()
        self.leads_s.clear()
        self.steps_live.clear()
        self.player_started.clear()
        self.hidden_player_s.clear()

    def ask(self, camera_ids: list[str], hidden: bool, at: float) -> None:
        for camera_id in camera_ids:
            self.asked[camera_id] = (at, hidden)
            self.played.pop(camera_id, None)

    def on_played(self, camera_id: str | None, at: float) -> None:
        if camera_id is not None and camera_id in self.asked:
            self.played.setdefault(camera_id, at)

    def on_live(self, camera_id: str | None, at: float) -> None:
        if camera_id is None or camera_id not in self.asked:
            return
        asked_at, hidden = self.asked.pop(camera_id)
        played_at = self.played.pop(camera_id, None)
        self.cameras.append(
            {
                "camera": camera_id,
                "hidden": hidden,
                "asked_s": at - asked_at,
                "played_s": at - played_at if played_at is not None else None,
            }
        )

    def report(self) -> dict[str, Any]:
        return {
            "cameras": list(self.cameras),
            "pages_live_s": list(self.pages_live_s),
            "moving_s": list(self.moving_s),
            "pages_moving_s": list(self.pages_moving_s),
            "leads_s": list(self.leads_s),
            "steps_live": list(self.steps_live),
            "hidden_player_s": list(self.hidden_player_s),
        }


def make_patrol_side(
    send: Callable[[dict[str, Any]], None],
    spin: Callable[[float], None],
    wait_until: Callable[..., bool],
) -> Any:
    """The side object for ``bench.wall._child_main`` (called in the child, after Qt is up)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from bench.wall import _console_side_class, _window_side_class
    from console.gui.wall.tile import WallTile
    from console.wall.layout import preset
    from console.wall.model import WallPage

    window_side = _window_side_class(_console_side_class(send, spin, wait_until))

    def pictures(tile: WallTile) -> int:
        supervisor = tile.supervisor
        source = supervisor.source if supervisor is not None else None
        return source.frame_counter if source is not None else 0

    def is_live(tile: WallTile) -> bool:
        supervisor = tile.supervisor
        return supervisor is not None and supervisor.status.state.value == LIVE

    class PatrolSide(window_side):  # type: ignore[misc, valid-type]
        """See the module docstring. ``tiles`` (what ``mark`` reads) are the shown tiles
        while a patrol runs."""

        def __init__(self) -> None:
            super().__init__()
            self.lost_retired = 0
            self.displayed_retired = 0
            self.players_retired = 0
            self.runner_live_s: list[float] = []
            self.step_burst_s: list[float] = []
            self.step_burst_cpu_s: list[float] = []
            self._listening = False
            # When each step showed (the first screen's ``screen_step_shown`` of it).
            self.step_times: dict[int, float] = {}
            # (shown, pre-rolled) players decoding, sampled while waiting for steps.
            self.decoding_samples: list[tuple[int, int]] = []
            self.first_pictures = FirstPictureLog()
            self.step_profile: Any = None  # a cProfile.Profile while sampling

        # ------------------------------------------------------------ the patrol's pages

        def _patrol_views(self) -> list[Any]:
            views = []
            for index, page in enumerate(self.wall.pages):
                if page.transient:
                    views.append(self.view.page_view(index))
            return views

        def shown_views(self) -> list[Any]:
            return [view for view in self._patrol_views() if view.is_seen()]

        def standby_views(self) -> list[Any]:
            return [
                view
                for view in self._patrol_views()
                if not view.is_seen() and any(t.preroll for t in view.tile_views())
            ]

        def _hook(self) -> None:
            """Log the patrol's tiles' first pictures and its pages' pre-roll (each tile
            and page view once)."""
            log = self.first_pictures
            for view in self._patrol_views():
                if id(view) not in log.views:
                    log.views.add(id(view))
                    original = view.set_preroll

                    def set_preroll(
                        preroll: bool, view: Any = view, original: Any = original
                    ) -> None:
                        key = id(view)
                        if preroll and key not in log.prerolling:
                            now = time.monotonic()
                            log.prerolling[key] = now
                            cameras = [t.camera_id for t in view.tiles if t.camera_id]
                            log.ask(
                                [c for c in cameras if not self._live_camera(view, c)], True, now
                            )
                            self._watch_page(view, now)
                        elif not preroll:
                            log.prerolling.pop(key, None)
                        original(preroll)

                    view.set_preroll = set_preroll
                for tile in view.tiles:
                    if id(tile) in log.hooked:
                        continue
                    log.hooked.add(id(tile))
                    tile.stream_switched.connect(
                        lambda _cell, _choice, t=tile: self._on_stream_switched(t)
                    )
                    tile.status_changed.connect(
                        lambda status, t=tile: (
                            log.on_live(t.camera_id, time.monotonic())
                            if status.state.value == LIVE
                            else None
                        )
                    )

        def _on_stream_switched(self, tile: WallTile) -> None:
            log = self.first_pictures
            now = time.monotonic()
            log.on_played(tile.camera_id, now)
            if tile.supervisor is not None and tile.camera_id is not None:
                log.player_started.setdefault((id(tile), tile.camera_id), now)

        @staticmethod
        def _live_camera(view: Any, camera_id: str) -> bool:
            tile = view.tile_for(camera_id)
            return tile is not None and is_live(tile)

        def _watch_page(self, view: Any, asked_at: float) -> None:
            """Time the pre-rolled page until all its tiles are live (while it pre-rolls)."""
            log = self.first_pictures
            key = id(view)

            live = False
            moving: set[int] = set()

            def look() -> None:
                nonlocal live
                if log.prerolling.get(key) != asked_at:
                    return  # shown, or given other cameras, first
                now = time.monotonic()
                tiles = [t for t in view.tiles if t.camera_id is not None]
                for tile in tiles:
                    if id(tile) not in moving and pictures(tile) >= MOVING_PICTURES:
                        moving.add(id(tile))
                        log.moving_s.append(now - asked_at)
                if not live and tiles and all(map(is_live, tiles)):
                    live = True
                    log.pages_live_s.append(now - asked_at)
                if tiles and len(moving) >= len(tiles):
                    log.pages_moving_s.append(now - asked_at)
                    return
                QTimer.singleShot(20, look)

            QTimer.singleShot(20, look)

        @staticmethod
        def _with_camera(views: list[Any]) -> list[WallTile]:
            return [tile for view in views for tile in view.tiles if tile.camera_id is not None]

        @property
        def tiles(self) -> list[WallTile]:
            if self.session is not None and self.session.wall.patrol.running:
                return self._with_camera(self.shown_views())
            return list(super().tiles)

        # ------------------------------------------------------------ commands

        def configure(
            self, preroll_s: float | None = None, video_nice: int | None = None
        ) -> dict[str, Any]:
            """Settings (None: leave it as it is). ``video_nice``: the console's
            ``video.thread_nice``, for the players made from now on (the libvlc threads of
            each run that many nice steps lower)."""
            settings = self.services.settings
            if preroll_s is not None:
                settings.set("patrol.preroll_s", preroll_s)
            if video_nice is not None:
                settings.set("video.thread_nice", video_nice)
            return {
                "preroll_s": settings.get("patrol.preroll_s"),
                "video_nice": settings.get("video.thread_nice"),
            }

        def screens(self) -> dict[str, Any]:
            """The screens Qt sees, and which platform it runs on."""
            return {
                "platform": QGuiApplication.platformName(),
                "screens": [
                    {"name": s.name(), "geometry": [g.x(), g.y(), g.width(), g.height()]}
                    for s in QGuiApplication.screens()
                    for g in [s.geometry()]
                ],
            }

        def detach(self, screens: int, layout: str) -> dict[str, Any]:
            """The main window fills the first screen; with ``screens`` > 1 a wall page with
            ``layout`` goes full screen onto each further screen, as the operator sends it
            there (Send to screen)."""
            assert self.session is not None
            available = QGuiApplication.screens()
            if len(available) < screens:
                raise RuntimeError(f"Qt sees {len(available)} screens, not {screens}")
            window = self.session.window
            window.setGeometry(available[0].availableGeometry())
            self.view.set_layout(layout, page=self.wall.current)
            for number in range(2, screens + 1):
                index = self.wall.add_page(WallPage(preset(layout)))
                self.view.send_page_to_screen(index, number)
            self.pause(0.5)
            detached = [
                i for i in range(len(self.wall.pages)) if self.view.screen_window(i) is not None
            ]
            return {"detached_pages": detached, "main_window_pages": self.wall.main_window_pages()}

        def start_patrol(self, plan_id: str, tiles: int, live_timeout: float) -> dict[str, Any]:
            """Start the plan from the patrol panel as the operator does (plan, cameras per
            page, Start); wait for the first pages' pictures. Their sizes and streams, for
            the bare side."""
            assert self.session is not None
            panel = self.session.wall.patrol_panel
            panel.refresh()
            if not self.wait_for(lambda: any(p.id == plan_id for p in panel.plans), 30.0):
                raise RuntimeError(f"the patrol panel did not list plan {plan_id}")
            panel.plan_list.setCurrentRow([p.id for p in panel.plans].index(plan_id))
            panel.tiles_box.setValue(tiles)
            started = time.monotonic()
            patrol = self.session.wall.patrol
            if not self._listening:
                # The runner's own word on when each screen's step went live, to set beside
                # the pictures this side sees painted.
                patrol.step_live.connect(
                    lambda _screen, _step, seconds: self.runner_live_s.append(seconds)
                )
                patrol.screen_step_shown.connect(self._on_step_shown)
                self._time_steps(patrol)
                self._listening = True
            self.runner_live_s = []
            self.step_times = {}
            self.decoding_samples = []
            self.step_burst_s = []
            self.step_burst_cpu_s = []
            self.first_pictures.clear()
            panel.start_button.click()
            if not self.wait_for(lambda: bool(self.shown_views()), 10.0):
                raise RuntimeError("the patrol showed no page")
            self._hook()
            self.first_pictures.ask(
                [t.camera_id for t in self.tiles if t.camera_id and not is_live(t)], False, started
            )
            shown = self.tiles
            live = self.wait_for(lambda: all(map(self._painting_live, shown)), live_timeout)
            self.lost_retired = self.displayed_retired = self.players_retired = 0
            return {
                "first_live_s": time.monotonic() - started if live else None,
                "screens": len(self.shown_views()),
                "step_mode": str(getattr(patrol, "step_mode", "")),
                "tiles": len(shown),
                "sizes": [[t.width(), t.height()] for t in shown],
                "urls": [t.supervisor.url if t.supervisor is not None else None for t in shown],
                "preroll_s": getattr(patrol, "preroll_s", None),
            }

        def _time_steps(self, patrol: Any) -> None:
            """How long the GUI thread is busy making each step (every screen's page
            switched, the next pages loaded), one figure per step, and how much of that it
            ran on a CPU."""
            show_moved = patrol._show_moved

            def timed(moved: list[int]) -> None:
                log = self.first_pictures
                now = time.monotonic()
                for view in self.standby_views():
                    asked_at = log.prerolling.get(id(view))
                    if asked_at is not None:
                        log.leads_s.append(now - asked_at)
                    tiles = self._with_camera([view])
                    log.steps_live.append(all(map(is_live, tiles)))
                    log.hidden_player_s.append(
                        sum(
                            now - log.player_started.get((id(t), t.camera_id or ""), now)
                            for t in tiles
                            if t.supervisor is not None
                        )
                    )
                profile = getattr(self, "step_profile", None)
                began, cpu = time.perf_counter(), time.thread_time()
                if profile is not None:
                    profile.runcall(show_moved, moved)
                else:
                    show_moved(moved)
                self.step_burst_s.append(time.perf_counter() - began)
                self.step_burst_cpu_s.append(time.thread_time() - cpu)
                self._hook()

            patrol._show_moved = timed

        def _on_step_shown(self, _screen: int, step: int, _steps: int) -> None:
            self.step_times.setdefault(step, time.monotonic())

        def _sample_decoding(self) -> None:
            shown = sum(1 for t in self.tiles if t.supervisor is not None)
            standby = sum(
                1
                for view in self._patrol_views()
                if not view.is_seen()
                for t in view.tiles
                if t.supervisor is not None
            )
            self.decoding_samples.append((shown, standby))

        @staticmethod
        def _painting_live(tile: WallTile) -> bool:
            return is_live(tile) and tile.pictures_painted > 0

        def step(self, due_timeout: float, live_timeout: float) -> dict[str, Any]:
            """Wait for the patrol's next step (its own dwell timer makes it): read the
            libvlc counts of the shown players a moment before they go, note whether the
            next pages were pre-rolled (every tile live while hidden, as the step showed
            them), and time from the step
            until every shown tile has painted a live picture it had not painted before."""
            patrol = self.session.wall.patrol
            following = max(self.step_times, default=-1) + 1

            def near() -> bool:
                self._sample_decoding()
                remaining = [p.remaining_s for p in patrol.progress() if not p.finished]
                return bool(remaining) and min(remaining) <= COUNTS_BEFORE_STEP_S

            self.wait_for(near, due_timeout, SAMPLE_S)
            self._retire(self.mark())
            standby = self._with_camera(self.standby_views())
            before = {id(tile): tile.pictures_painted for tile in standby}
            looked = len(self.first_pictures.steps_live)
            if not self.wait_for(lambda: following in self.step_times, 5.0, 0.005):
                raise RuntimeError(f"the patrol did not step within {due_timeout + 5:.0f} s")
            # Whether each page shown was all live as the step showed it (looked at then).
            at_step = self.first_pictures.steps_live[looked:]
            prerolled = bool(at_step) and all(at_step)
            started = self.step_times[following]
            shown = self.tiles

            def painted(tile: WallTile) -> bool:
                return is_live(tile) and tile.pictures_painted > before.get(id(tile), 0)

            live = self.wait_for(lambda: all(map(painted, shown)), live_timeout, 0.005)
            live_s = time.monotonic() - started
            return {
                "step": following,
                "live_s": live_s if live else None,
                "live_tiles": sum(map(painted, shown)),
                "tiles": len(shown),
                "screens": len(self.shown_views()),
                "prerolled": prerolled,
                "running": patrol.running,
            }

        def _retire(self, marked: dict[str, Any]) -> None:
            # Each shown player goes at the next step (its page is loaded with the pages
            # after next), so its counts are read once, over its life, pre-roll included.
            self.lost_retired += sum(marked["lost"])
            self.displayed_retired += sum(marked["displayed"])
            self.players_retired += len(marked["lost"])

        def stop_patrol(self) -> dict[str, Any]:
            """Count the shown players' pictures, stop the patrol, wait for every player
            to stop; the pictures lost and shown by the players retired since the start."""
            assert self.session is not None
            patrol = self.session.wall.patrol
            if patrol.running:
                self._retire(self.mark())
            playing = self._with_camera(self._patrol_views())
            sources = [t.supervisor.source for t in playing if t.supervisor is not None]
            controllers = [
                controller
                for controller in (getattr(source, "controller", None) for source in sources)
                if controller is not None
            ]
            patrol.stop()
            stopped = self.wait_for(lambda: all(c.join(0) for c in controllers), 15.0)
            return {
                "step_burst_s": self.step_burst_s,
                "step_burst_cpu_s": self.step_burst_cpu_s,
                "runner_live_s": self.runner_live_s,
                "lost": self.lost_retired,
                "displayed": self.displayed_retired,
                "players": self.players_retired,
                "stopped": stopped,
            }

        def decoding(self, since: int = 0) -> dict[str, Any]:
            """How many of the patrol's tiles had a player while waiting for steps, shown
            and pre-rolled (hidden): the most and the mean of the samples from ``since``."""
            samples = self.decoding_samples[since:] or [(0, 0)]
            return {
                "samples": len(self.decoding_samples),
                "shown_max": max(s[0] for s in samples),
                "standby_max": max(s[1] for s in samples),
                "shown_mean": sum(s[0] for s in samples) / len(samples),
                "standby_mean": sum(s[1] for s in samples) / len(samples),
            }

        def first_pictures_log(self) -> dict[str, Any]:
            """The first-picture log of the current (or last) patrol (see the module
            docstring)."""
            return self.first_pictures.report()

        # ------------------------------------------------------------ sampling

        def sample_start(self) -> dict[str, Any]:
            """Sample the GUI thread's stack and count repaints per window from now on
            (``bench/_gui_sampler.py``)."""
            from time import perf_counter

            from bench._gui_sampler import GuiSampler, PaintCounter

            probe = self.probe
            self.sampler = GuiSampler(lambda: perf_counter() - probe._expected_at)
            self.painter = PaintCounter()
            assert self.session is not None
            main = self.session.window
            self.painter.watch(main, "main window", [])
            for number, view in enumerate(self.shown_views() + self.standby_views()):
                window = view.window()
                name = "main window" if window is main else f"window {number}"
                self.painter.watch(window, name, [])
            self.painted_before = self._paints()
            import cProfile

            # The GUI thread's own CPU time: wall time would charge whatever code ran when
            # the loaded machine took the CPU away.
            self.step_profile = cProfile.Profile(time.thread_time)
            self.sampler.start()
            return {}

        def _paints(self) -> dict[str, int]:
            from console.gui.video_tile import RepaintClock

            tiles = [t for view in self._patrol_views() for t in view.tiles]
            return {
                "tile repaints asked": RepaintClock.shared().repaints,
                "pictures painted": sum(t.pictures_painted for t in tiles),
            }

        def sample_stop(self) -> dict[str, Any]:
            self.sampler.stop()
            report = self.sampler.report()
            report["updates"] = dict(self.painter.updates)
            import io
            import pstats

            text = io.StringIO()
            stats = pstats.Stats(self.step_profile, stream=text)
            stats.sort_stats("tottime").print_stats(14)
            self.step_profile = None
            report["step_profile"] = text.getvalue()
            now = self._paints()
            report["paints"] = {key: now[key] - self.painted_before[key] for key in now}
            return {"sampling": report}

        def close(self) -> dict[str, Any]:
            if self.session is not None and self.session.wall.patrol.running:
                self.session.wall.patrol.stop()
            return {}

    return PatrolSide()
