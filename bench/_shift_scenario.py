"""What happens during the shift benchmark's compressed shift, as an operator and the world
would do it to the signed-in console.

* ``WallDriver``: the operator at the wall. On their own pages they maximise a tile (its sub
  stream gives way to the main stream), restore it and flip to the next page, one step every
  few seconds; after a few steps they start the video patrol, whose pages turn by themselves
  (the next page pre-rolled), and when it ends they are back on their own pages.
* ``OperatorActions``: actions queued in the session's outbox (raised events, each with a
  numbered title), delivered by the session's own delivery worker.
* ``Worker`` and ``Cue``: blocking things the world does (a feed dies or comes back, the
  server is killed or started, a burst of alerts), run in order on a thread of their own at
  their time, so that the GUI thread never waits for them.
"""

from __future__ import annotations

import functools
import logging
import queue
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from console.gui.incidents.raise_dialog import KIND, METHOD, PATH
from console.tasks import STORE

logger = logging.getLogger("bench.shift")

# Own-page steps, in turn: the maximised tile switches to the main stream, back, next page.
OWN_STEPS = ("maximise", "restore", "flip")


class Worker:
    """A thread running the jobs handed to it, one after the other.

    A child process started by a job dies with this thread (``PR_SET_PDEATHSIG`` follows
    the thread that forked it), so stop the worker only when such children may die.
    """

    def __init__(self, name: str) -> None:
        self._jobs: queue.Queue[tuple[Callable[..., object], tuple[Any, ...]] | None] = (
            queue.Queue()
        )
        self.failures: list[str] = []
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Callable[..., object], *args: Any) -> None:
        self._jobs.put((job, args))

    def wait_idle(self) -> None:
        """Until every job handed over so far has finished."""
        self._jobs.join()

    def stop(self, timeout_s: float | None = 30.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout_s)

    def _run(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, args = item
            try:
                job(*args)
            except Exception as error:
                name = getattr(job, "__name__", str(job))
                self.failures.append(f"{name}: {type(error).__name__}: {error}")
                logger.exception("%s failed", name)
            finally:
                self._jobs.task_done()


@dataclass(frozen=True)
class Cue:
    """``job(*args)`` on ``worker`` once ``at_s`` seconds of the run have gone."""

    at_s: float
    what: str
    worker: Worker
    job: Callable[..., object]
    args: tuple[Any, ...] = ()


@dataclass
class Timeline:
    """Cues in time order; ``due(now_s)`` hands over those whose time has come."""

    cues: list[Cue]
    done: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cues.sort(key=lambda cue: cue.at_s)

    def due(self, now_s: float) -> None:
        while self.cues and self.cues[0].at_s <= now_s:
            cue = self.cues.pop(0)
            logger.info("%6.1f s: %s", now_s, cue.what)
            self.done.append(cue.what)
            cue.worker.submit(cue.job, *cue.args)


# ---------------------------------------------------------------------- the operator's actions


class OperatorActions:
    """Raised events queued in ``outbox`` on the store lane, as the raise-event dialog does;
    each title carries ``marker`` and the action's number."""

    def __init__(self, runner: Any, outbox: Any, marker: str) -> None:
        self._runner = runner
        self._outbox = outbox
        self.marker = marker
        self.asked = 0
        self.queued: set[int] = set()
        self.refused = 0

    def title(self, number: int) -> str:
        return f"交班检查 {self.marker}-{number:05d}"

    def number_of(self, title: str) -> int | None:
        found = re.search(re.escape(self.marker) + r"-(\d{5})", title)
        return int(found.group(1)) if found else None

    def queue_one(self) -> None:
        number = self.asked
        self.asked += 1
        body = {
            "title": self.title(number),
            "category": "road",
            "priority": 3,
            "source": "operator",
            "lat": 19.24,
            "lon": 110.47,
        }
        enqueue = functools.partial(
            self._outbox.enqueue, KIND, METHOD, PATH, body, summary=body["title"]
        )
        self._runner.run(
            STORE,
            enqueue,
            on_done=lambda _item: self.queued.add(number),
            on_error=self._on_refused,
        )

    def _on_refused(self, error: BaseException) -> None:
        self.refused += 1
        logger.warning("the outbox refused an action: %s", error)


# ---------------------------------------------------------------------- the wall


class WallDriver:
    """The operator at the wall (see the module docstring). ``due(now_s)`` takes the next step
    when its time has come; ``changed_at`` is when the wall last changed what it shows."""

    def __init__(
        self,
        session_wall: Any,
        plan_id: str,
        *,
        step_s: float,
        own_steps: int,
        on_settled: Callable[[], object],
        settle_s: float,
        seed: int = 7,
    ) -> None:
        self.wall = session_wall
        self.patrol = session_wall.patrol
        self.plan_id = plan_id
        self.step_s = step_s
        self.own_steps = own_steps
        self.settle_s = settle_s
        self._on_settled = on_settled
        self._rng = random.Random(seed)
        self._step = 0
        self._maximised = -1
        self.changed_at = time.monotonic()
        self.next_at = self.changed_at + step_s
        self.flips = 0
        self.main_switches = 0
        self.patrols_started = 0
        self.records_queued = 0
        self.patrol.page_shown.connect(self._on_patrol_page_shown)
        self.patrol.finished.connect(self._on_patrol_finished)
        self.patrol.record_submitted.connect(self._on_patrol_record_submitted)

    def settled(self, now: float) -> bool:
        return now - self.changed_at >= self.settle_s

    def due(self, now: float) -> None:
        if self.patrol.running or now < self.next_at:
            return
        self.next_at = now + self.step_s
        if self._maximised < 0 and self.settled(now):
            self._on_settled()  # the own page, settled, not maximised: alike every time
        if self._step >= self.own_steps and self._maximised < 0:
            self._start_patrol()
            return
        getattr(self, "_" + OWN_STEPS[self._step % len(OWN_STEPS)])()
        self._step += 1
        self.changed_at = now

    def stop(self) -> None:
        """End of the shift: a running patrol stops (its record is queued), the grid is back."""
        if self.patrol.running:
            self.patrol.stop()
        if self._maximised >= 0:
            self._restore()

    # ---------------------------------------------------------------- steps

    def _page(self) -> Any:
        return self.wall.view.current_view()

    def _maximise(self) -> None:
        view = self._page()
        if view is None:
            return
        cell = self._rng.randrange(len(view.tiles))
        view.toggle_maximise(cell)  # what a double click does
        self._maximised = cell
        self.main_switches += 1

    def _restore(self) -> None:
        view = self._page()
        if view is not None and self._maximised >= 0:
            view.toggle_maximise(self._maximised)
            self.main_switches += 1
        self._maximised = -1

    def _flip(self) -> None:
        self.wall.wall.step_page(1)  # the Wall menu's "Next page"
        self.flips += 1

    def _start_patrol(self) -> None:
        panel = self.wall.patrol_panel
        rows = [plan.id for plan in panel.plans]
        if self.plan_id not in rows:
            logger.warning("the patrol plan is not loaded; no patrol this time")
            self._step = 0
            return
        panel.plan_list.setCurrentRow(rows.index(self.plan_id))
        panel.tiles_box.setValue(panel.tiles_box.maximum())
        panel.start_button.click()
        self.patrols_started += 1
        self._step = 0

    # ---------------------------------------------------------------- the patrol's own turns

    def _on_patrol_page_shown(self, _number: int, _total: int) -> None:
        self.flips += 1
        self.changed_at = time.monotonic()

    def _on_patrol_finished(self, _coverage: object) -> None:
        self.flips += 1  # the operator's own page is back
        self.changed_at = time.monotonic()
        self.next_at = self.changed_at + self.step_s

    def _on_patrol_record_submitted(self, _body: object) -> None:
        self.records_queued += 1
