"""The console side of ``bench/patrol.py``: the signed-in main window (``bench/wall.py``'s
window side) with one wall page detached to the second screen, driving a video patrol.

The patrol's pages are found the way the wall shows them, not through the runner's internals:
its pages are the wall's transient pages; a page somebody can see is *shown*, a hidden one
that plays its sub streams is *pre-rolled*. So the same code measures a patrol on the main
window alone and a patrol over every wall screen.

The patrol steps on its own dwell timer, as for an operator who only watches: ``step`` waits
for the next step rather than making it, so the pages it pre-rolls play for as long as the
patrol's lead time (``patrol.preroll_s``) says, not as long as a benchmark takes.

Commands (one JSON line each, on ``bench/wall.py``'s child protocol): ``configure``,
``sign_in``, ``screens``, ``detach``, ``start_patrol``, ``step``, ``stop_patrol``, ``mark``,
``decoding``, ``probe_reset``, ``probe_snapshot``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

LIVE = "live"
# The shown players' libvlc counts are read this long before a step is due (they stop at it).
COUNTS_BEFORE_STEP_S = 0.4
SAMPLE_S = 0.05


def make_patrol_side(
    send: Callable[[dict[str, Any]], None],
    spin: Callable[[float], None],
    wait_until: Callable[..., bool],
) -> Any:
    """The side object for ``bench.wall._child_main`` (called in the child, after Qt is up)."""
    from PySide6.QtGui import QGuiApplication

    from bench.wall import _console_side_class, _window_side_class
    from console.gui.wall.tile import WallTile
    from console.wall.layout import preset
    from console.wall.model import WallPage

    window_side = _window_side_class(_console_side_class(send, spin, wait_until))

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
            panel.start_button.click()
            if not self.wait_for(lambda: bool(self.shown_views()), 10.0):
                raise RuntimeError("the patrol showed no page")
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
                profile = getattr(self, "step_profile", None)
                began, cpu = time.perf_counter(), time.thread_time()
                if profile is not None:
                    profile.runcall(show_moved, moved)
                else:
                    show_moved(moved)
                self.step_burst_s.append(time.perf_counter() - began)
                self.step_burst_cpu_s.append(time.thread_time() - cpu)

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
            next pages were pre-rolled (every tile live while hidden), and time from the step
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
            prerolled = bool(standby) and all(map(is_live, standby))
            before = {id(tile): tile.pictures_painted for tile in standby}
            if not self.wait_for(lambda: following in self.step_times, 5.0, 0.005):
                raise RuntimeError(f"the patrol did not step within {due_timeout + 5:.0f} s")
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
