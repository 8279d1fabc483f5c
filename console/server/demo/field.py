"""The field simulator: plays detectors, units and their crews through the real HTTP API.

It runs one background thread that, on every tick of simulated time:

* posts machine alerts (smoke, street vendors, crowds, ...) from online cameras at a
  configured rate, each with a snapshot from its camera when one is available;
* watches for dispatched incidents and, as the user of the linked unit or town team they
  went to, signs and starts them, sends the nearest field member there at a plausible speed
  (reporting positions as it goes), and after some work on the scene reports feedback with a
  photo;
* lets idle members drift around their patch and report where they are.

A configurable share of "fixed" reports are not really fixed; ``truly_fixed(incident_id)``
tells which, so verification can be shown to catch them. Simulated time runs ``speed``
times faster than the wall clock.

With a ``ProblemStage`` (``problems``), every alert comes from a problem the simulator first
puts in front of the camera (a stall, smoke, ...), so the live pictures and the alert's
snapshot show it; a true "fixed" report takes the incident's problem away, a false one
leaves it standing.
"""

from __future__ import annotations

import enum
import logging
import math
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from console.domain.geo import haversine_m
from console.domain.model import (
    AlertKind,
    Camera,
    CameraKind,
    CameraStatus,
    GeoPoint,
    Role,
    Unit,
    UnitKind,
    UnitStatus,
)
from console.server.demo import geography
from console.server.demo.field_api import ApiError, ApiSession
from console.server.demo.photos import scene_photo
from console.server.demo.problems import ProblemStage
from console.server.demo.world import World, is_visible_to

logger = logging.getLogger(__name__)

SnapshotSource = Callable[[str], bytes | None]

_METRES_PER_DEGREE = 111_320.0

# What detectors tend to see at each kind of place (weights).
ALERT_KINDS: dict[CameraKind, tuple[tuple[AlertKind, float], ...]] = {
    CameraKind.ROAD: (
        (AlertKind.ILLEGAL_PARKING, 4),
        (AlertKind.STREET_VENDOR, 3),
        (AlertKind.GARBAGE, 2),
        (AlertKind.CROWD, 1),
        (AlertKind.SMOKE_FIRE, 1),
    ),
    CameraKind.CHECKPOINT: ((AlertKind.ILLEGAL_PARKING, 3), (AlertKind.SMOKE_FIRE, 1)),
    CameraKind.MARKET: (
        (AlertKind.STREET_VENDOR, 5),
        (AlertKind.GARBAGE, 3),
        (AlertKind.CROWD, 2),
    ),
    CameraKind.SCHOOL: (
        (AlertKind.CROWD, 4),
        (AlertKind.ILLEGAL_PARKING, 3),
        (AlertKind.INTRUSION, 1),
    ),
    CameraKind.VILLAGE: (
        (AlertKind.GARBAGE, 4),
        (AlertKind.SMOKE_FIRE, 3),
        (AlertKind.INTRUSION, 1),
    ),
    CameraKind.BEACH: ((AlertKind.CROWD, 5), (AlertKind.INTRUSION, 2), (AlertKind.GARBAGE, 2)),
    CameraKind.RAILWAY: ((AlertKind.INTRUSION, 5), (AlertKind.CROWD, 2)),
    CameraKind.AIRPORT: (
        (AlertKind.CROWD, 4),
        (AlertKind.ILLEGAL_PARKING, 2),
        (AlertKind.INTRUSION, 1),
    ),
    CameraKind.STATION: (
        (AlertKind.CROWD, 4),
        (AlertKind.ILLEGAL_PARKING, 2),
        (AlertKind.STREET_VENDOR, 2),
    ),
    CameraKind.HOSPITAL: ((AlertKind.ILLEGAL_PARKING, 3), (AlertKind.CROWD, 2)),
}

VEHICLE_SPEED_MPS = 11.0  # about 40 km/h through town traffic
PERSON_SPEED_MPS = 4.0  # on an electric bicycle
DRIFT_SPEED_MPS = 1.2
MAX_ALERTS_PER_TICK = 20  # after a stall, catch up gently instead of flooding the server
# Tries at finding a camera whose feed can draw a new problem without mixing it up with
# another one; after that the alert is a detector's false alarm with nothing to see.
PROBLEM_PLACE_TRIES = 4
OUTAGE_LOG_EVERY_S = 30.0


class _Phase(enum.Enum):
    SIGNING = "signing"
    STARTING = "starting"
    TRAVELLING = "travelling"
    WORKING = "working"


@dataclass
class _Mover:
    """A field member the simulator moves and reports on."""

    unit: Unit
    home: GeoPoint
    position: GeoPoint
    speed_mps: float
    busy: bool = False
    returning: bool = False
    last_report: float = -math.inf


@dataclass
class _Task:
    """One assignment the simulator is working through."""

    incident_id: str
    assignment_id: str
    root_id: str
    mover: _Mover
    target: GeoPoint
    number: str
    category: str
    rework_count: int
    phase: _Phase
    due: float  # simulated second when the current wait ends
    attempts: int = 0


@dataclass(frozen=True)
class FieldTiming:
    """Durations in simulated seconds: how long units take over each step."""

    sign_delay_s: tuple[float, float] = (5.0, 45.0)
    start_delay_s: tuple[float, float] = (10.0, 60.0)
    work_s: tuple[float, float] = (120.0, 600.0)
    report_every_s: float = 10.0  # position reports while moving
    drift_report_every_s: float = 120.0  # position reports while idle
    retry_after_s: float = 15.0


@dataclass
class _Progress:
    counts: Counter[str] = field(default_factory=Counter)
    truly_fixed: dict[str, bool] = field(default_factory=dict)


class FieldSimulator:
    """Plays the field against a running Tianmu server; ``start()`` / ``stop()``."""

    def __init__(
        self,
        base_url: str,
        world: World,
        *,
        seed: int,
        alert_rate_per_min: float = 6,
        not_fixed_share: float = 0.2,
        snapshot: SnapshotSource | None = None,
        speed: float = 1.0,
        tick_s: float = 0.25,
        poll_interval_s: float = 1.0,
        drift_reports_per_tick: int = 4,
        timing: FieldTiming | None = None,
        request_timeout_s: float = 5.0,
        problems: ProblemStage | None = None,
        problem_ttl_s: float = 300.0,
        alert_after_s: float = 2.0,
    ) -> None:
        if speed <= 0 or tick_s <= 0 or poll_interval_s <= 0:
            raise ValueError("speed, tick_s and poll_interval_s must be positive")
        if not 0.0 <= not_fixed_share <= 1.0:
            raise ValueError("not_fixed_share must be within 0..1")
        self._base_url = base_url
        self._world = world
        self._rng = random.Random(seed)
        self._alert_rate_per_s = max(0.0, alert_rate_per_min) / 60.0
        self._not_fixed_share = not_fixed_share
        self._snapshot = snapshot
        self._speed = speed
        self._tick_s = tick_s
        self._poll_interval_s = poll_interval_s
        self._drift_reports_per_tick = drift_reports_per_tick
        self._timing = timing or FieldTiming()
        self._timeout_s = request_timeout_s
        self._problems = problems
        self._problem_ttl_s = problem_ttl_s
        self._alert_after_s = alert_after_s
        # Alerts waiting for their problem to show in the camera's pictures: (wall time due,
        # camera id, form fields).
        self._pending_alerts: list[tuple[float, str, dict[str, str]]] = []

        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._progress = _Progress()

        self._alert_cameras = [
            c
            for c in world.cameras
            if c.status is CameraStatus.ONLINE and is_visible_to(c, world.command_centre_id)
        ]
        self._movers = {u.id: _new_mover(u) for u in world.units if u.kind is UnitKind.MEMBER}
        self._drift_order = sorted(self._movers)
        self._drift_cursor = 0
        self._tasks: dict[str, _Task] = {}  # by assignment id
        self._seen_assignments: set[str] = set()
        self._sessions: dict[str, ApiSession] = {}
        self._passwords = {c.username: c.password for c in world.credentials}
        self._sim_now = 0.0
        self._next_alert_at = self._next_alert_gap()
        self._next_poll_at = 0.0  # wall clock (monotonic)
        self._last_outage_log = -math.inf

    # ------------------------------------------------------------------ public

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the field simulator is already running")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="field-simulator", daemon=True)
        self._thread.start()
        logger.info("field simulator started (speed %.1fx)", self._speed)

    def stop(self, timeout_s: float | None = None) -> None:
        """Stop the thread; returns within about one request timeout."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        thread.join(timeout_s if timeout_s is not None else self._timeout_s + 2.0)
        if thread.is_alive():
            # Still inside a request; it ends at that request's timeout and exits on its own.
            logger.warning("field simulator did not stop in time")
            return
        self._thread = None
        for session in self._sessions.values():
            session.close()
        self._sessions.clear()
        logger.info("field simulator stopped")

    def __enter__(self) -> FieldSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def progress(self) -> dict[str, int]:
        """How much the simulator has done: alerts, signed, started, arrived, feedback, errors."""
        with self._lock:
            return dict(self._progress.counts)

    def reported_incidents(self) -> set[str]:
        """Ids of incidents the simulator has reported feedback on."""
        with self._lock:
            return set(self._progress.truly_fixed)

    def truly_fixed(self, incident_id: str) -> bool:
        """Whether the last "fixed" report on this incident was true (KeyError if none was sent)."""
        with self._lock:
            return self._progress.truly_fixed[incident_id]

    # ------------------------------------------------------------------ the loop

    def _run(self) -> None:
        last = time.monotonic()
        while not self._stop.wait(self._tick_s):
            now = time.monotonic()
            # A stalled tick (slow server, suspended laptop) is not a time warp.
            elapsed = min(now - last, max(5 * self._tick_s, 2.0))
            last = now
            self._sim_now += elapsed * self._speed
            try:
                self._tick(now, elapsed * self._speed)
            except (requests.RequestException, ApiError) as exc:
                self._count("errors")
                if now - self._last_outage_log >= OUTAGE_LOG_EVERY_S:
                    self._last_outage_log = now
                    logger.warning("field simulator: the server is not answering (%s)", exc)
            except Exception:
                self._count("errors")
                logger.exception("field simulator tick failed")

    def _tick(self, wall_now: float, dt: float) -> None:
        self._emit_alerts()
        self._send_due_alerts(wall_now)
        if wall_now >= self._next_poll_at:
            self._next_poll_at = wall_now + self._poll_interval_s
            self._poll_assignments()
        self._advance_tasks(dt)
        self._drift(dt)

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self._progress.counts[key] += n

    def _session(self, username: str) -> ApiSession:
        session = self._sessions.get(username)
        if session is None:
            session = ApiSession(
                self._base_url, username, self._passwords[username], timeout_s=self._timeout_s
            )
            self._sessions[username] = session
        return session

    def _user_of_role(self, role: Role) -> str:
        return next(u.username for u in self._world.users if u.role is role)

    # ------------------------------------------------------------------ alerts

    def _next_alert_gap(self) -> float:
        if self._alert_rate_per_s <= 0:
            return math.inf
        return self._rng.expovariate(self._alert_rate_per_s)

    def _emit_alerts(self) -> None:
        sent = 0
        while self._sim_now >= self._next_alert_at and sent < MAX_ALERTS_PER_TICK:
            self._next_alert_at += self._next_alert_gap()
            if self._stop.is_set() or not self._alert_cameras:
                return
            self._post_alert()
            sent += 1
        if self._sim_now >= self._next_alert_at:  # dropped the backlog
            self._next_alert_at = self._sim_now + self._next_alert_gap()

    def _post_alert(self) -> None:
        camera, kind = self._pick_detection()
        if self._problems is not None:
            for attempt in range(PROBLEM_PLACE_TRIES):
                if attempt:
                    camera, kind = self._pick_detection()
                placed = self._problems.place(
                    kind.value, camera.position, ttl_s=self._problem_ttl_s, exclusive=True
                )
                if placed is not None:
                    # The detector reports once the problem is in the pictures.
                    self._pending_alerts.append(
                        (
                            time.monotonic() + self._alert_after_s,
                            camera.id,
                            self._alert_form(camera, kind),
                        )
                    )
                    self._count("problems")
                    return
        self._send_alert(camera.id, self._alert_form(camera, kind))

    def _pick_detection(self) -> tuple[Camera, AlertKind]:
        """A camera, and what its detector sees there."""
        camera = self._rng.choice(self._alert_cameras)
        kinds, weights = zip(*ALERT_KINDS[camera.kind], strict=True)
        return camera, self._rng.choices(kinds, weights)[0]

    def _alert_form(self, camera: Camera, kind: AlertKind) -> dict[str, str]:
        confidence = round(self._rng.uniform(0.55, 0.98), 3)
        return {
            "kind": kind.value,
            "camera_id": camera.id,
            "confidence": str(confidence),
            "detected_at": datetime.now(UTC).isoformat(),
            "lat": str(camera.position.lat),
            "lon": str(camera.position.lon),
        }

    def _send_due_alerts(self, wall_now: float) -> None:
        due = [a for a in self._pending_alerts if a[0] <= wall_now]
        if not due:
            return
        self._pending_alerts = [a for a in self._pending_alerts if a[0] > wall_now]
        for _at, camera_id, data in due:
            if self._stop.is_set():
                return
            self._send_alert(camera_id, data)

    def _send_alert(self, camera_id: str, data: dict[str, str]) -> None:
        files = None
        picture = self._take_snapshot(camera_id)
        if picture is not None:
            content_type, filename = _image_type(picture)
            files = [("snapshot", (filename, picture, content_type))]
        admin = self._session(self._user_of_role(Role.ADMIN))
        try:
            admin.call("POST", "/alerts", data=data, files=files)
        except ApiError as exc:
            self._count("errors")
            logger.warning("alert from %s refused: %s", camera_id, exc)
            return
        self._count("alerts")

    def _take_snapshot(self, camera_id: str) -> bytes | None:
        if self._snapshot is None:
            return None
        try:
            return self._snapshot(camera_id)
        except Exception:
            logger.exception("snapshot of %s failed", camera_id)
            return None

    # ------------------------------------------------------------------ assignments

    def _poll_assignments(self) -> None:
        # One query for the whole field: the administrator sees every incident, where asking
        # as each of the 19 unit users would cost 19 requests per poll. Each step on an
        # incident is then taken as the user of the unit it was dispatched to.
        page = self._session(self._user_of_role(Role.ADMIN)).call(
            "GET", "/incidents", params={"state": "dispatched", "limit": 200}
        )
        for incident in page.get("items", []):
            self._take_on(incident)

    def _take_on(self, incident: dict[str, Any]) -> None:
        active = [a for a in incident.get("assignments", []) if a.get("active", True)]
        if not active:
            return
        assignment = active[-1]
        if assignment["id"] in self._seen_assignments:
            return
        self._seen_assignments.add(assignment["id"])
        assigned_unit = assignment["unit_id"]
        if assigned_unit not in self._world.units_by_id:
            logger.warning(
                "incident %s is assigned to unknown unit %s", incident["id"], assigned_unit
            )
            return
        root = self._world.dispatch_root(assigned_unit)
        if self._world.user_for_unit(root.id) is None:
            logger.warning("no demo user acts for %s; incident %s waits", root.id, incident["id"])
            return
        target = GeoPoint(float(incident["lat"]), float(incident["lon"]))
        mover = self._pick_mover(assigned_unit, target)
        if mover is None:
            logger.warning(
                "no field member under %s for incident %s", assigned_unit, incident["id"]
            )
            return
        mover.busy = True
        mover.returning = False
        self._tasks[assignment["id"]] = _Task(
            incident_id=incident["id"],
            assignment_id=assignment["id"],
            root_id=root.id,
            mover=mover,
            target=target,
            number=incident.get("number", incident["id"]),
            category=incident.get("category", ""),
            rework_count=int(incident.get("rework_count", 0)),
            phase=_Phase.SIGNING,
            due=self._sim_now + self._rng.uniform(*self._timing.sign_delay_s),
        )
        logger.info("unit %s received incident %s", root.name, incident["id"])

    def _pick_mover(self, unit_id: str, target: GeoPoint) -> _Mover | None:
        candidates = [
            self._movers[u.id] for u in self._world.subtree(unit_id) if u.id in self._movers
        ]
        if not candidates:
            return None
        free = [m for m in candidates if not m.busy] or candidates
        return min(free, key=lambda m: haversine_m(m.position, target))

    def _advance_tasks(self, dt: float) -> None:
        for task in list(self._tasks.values()):
            if self._stop.is_set():
                return
            try:
                self._advance(task, dt)
            except ApiError as exc:
                if exc.status in (403, 404, 409, 422):
                    # The incident moved on without us (cancelled, returned, re-dispatched).
                    logger.info(
                        "dropping incident %s at %s: %s", task.incident_id, task.phase.value, exc
                    )
                    self._count("dropped")
                    self._finish(task)
                else:
                    self._retry_later(task, exc)
            except requests.RequestException as exc:
                self._retry_later(task, exc)

    def _retry_later(self, task: _Task, exc: Exception) -> None:
        self._count("errors")
        task.attempts += 1
        task.due = self._sim_now + self._timing.retry_after_s
        logger.warning(
            "incident %s: %s failed, will retry (%s)", task.incident_id, task.phase.value, exc
        )

    def _advance(self, task: _Task, dt: float) -> None:
        if task.phase is _Phase.TRAVELLING:
            self._travel(task, dt)
            return
        if self._sim_now < task.due:
            return
        session = self._session(self._unit_username(task.root_id))
        if task.phase is _Phase.SIGNING:
            self._act(session, task, "sign")
            self._count("signed")
            self._report(task.mover, UnitStatus.ACKNOWLEDGED)
            task.phase = _Phase.STARTING
            task.due = self._sim_now + self._rng.uniform(*self._timing.start_delay_s)
        elif task.phase is _Phase.STARTING:
            self._act(session, task, "start")
            self._count("started")
            self._report(task.mover, UnitStatus.EN_ROUTE)
            task.phase = _Phase.TRAVELLING
        elif task.phase is _Phase.WORKING:
            self._send_feedback(session, task)
            self._finish(task)

    def _act(self, session: ApiSession, task: _Task, action: str) -> None:
        session.call(
            "POST",
            f"/incidents/{task.incident_id}/actions",
            json={"action": action},
            idempotency_key=f"field-{task.assignment_id}-{action}",
        )

    def _travel(self, task: _Task, dt: float) -> None:
        mover = task.mover
        arrived = _step_towards(mover, task.target, mover.speed_mps * dt, self._rng)
        if arrived:
            self._report(mover, UnitStatus.ON_SCENE)
            self._count("arrived")
            task.phase = _Phase.WORKING
            task.due = self._sim_now + self._rng.uniform(*self._timing.work_s)
        elif self._sim_now - mover.last_report >= self._timing.report_every_s:
            self._report(mover, UnitStatus.EN_ROUTE)

    def _send_feedback(self, session: ApiSession, task: _Task) -> None:
        # Rework after a failed verification is always done properly; first reports sometimes lie.
        really = task.rework_count > 0 or self._rng.random() >= self._not_fixed_share
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
        photo = scene_photo(
            f"{task.number} {stamp} {task.mover.unit.name}", self._rng.randrange(1 << 30)
        )
        text = f"{task.mover.unit.name}已到场处置，{task.category or '现场'}问题已处理完毕，现场恢复正常。"
        # Known before the report is sent: whoever sees the incident reach "feedback" on the
        # server may ask at once whether the report is true.
        with self._lock:
            previous = self._progress.truly_fixed.get(task.incident_id)
            self._progress.truly_fixed[task.incident_id] = really
        try:
            session.call(
                "POST",
                f"/incidents/{task.incident_id}/feedback",
                data={"result": "fixed", "text": text},
                files=[("photos", (photo.filename, photo.data, photo.content_type))],
                idempotency_key=f"field-{task.assignment_id}-feedback",
            )
        except BaseException:
            with self._lock:
                if previous is None:
                    self._progress.truly_fixed.pop(task.incident_id, None)
                else:
                    self._progress.truly_fixed[task.incident_id] = previous
            raise
        if really and self._problems is not None:
            self._problems.fix(task.incident_id)
        with self._lock:
            self._progress.counts["feedback"] += 1
        logger.info("feedback on incident %s (truly fixed: %s)", task.incident_id, really)

    def _finish(self, task: _Task) -> None:
        self._tasks.pop(task.assignment_id, None)
        task.mover.busy = False
        task.mover.returning = True
        self._report(task.mover, UnitStatus.RETURNING)

    # ------------------------------------------------------------------ positions

    def _unit_username(self, root_id: str) -> str:
        user = self._world.user_for_unit(root_id)
        if user is None:
            raise LookupError(f"no unit user for {root_id}")
        return user.username

    def _report(self, mover: _Mover, status: UnitStatus) -> None:
        """Send the member's status and position; a refusal is logged, never fatal to a task."""
        body = {"status": status.value, "lat": mover.position.lat, "lon": mover.position.lon}
        mover.last_report = self._sim_now
        root = self._world.dispatch_root(mover.unit.id)
        try:
            self._session(self._unit_username(root.id)).call(
                "POST", f"/units/{mover.unit.id}/status", json=body
            )
        except ApiError as exc:
            self._count("errors")
            logger.warning("status of %s refused: %s", mover.unit.id, exc)
            return
        self._count("positions")

    def _drift(self, dt: float) -> None:
        for mover in self._movers.values():
            if mover.busy:
                continue
            if mover.returning:
                if _step_towards(mover, mover.home, mover.speed_mps * dt, self._rng):
                    mover.returning = False
                    mover.last_report = -math.inf  # report "available" soon
            else:
                _wander(mover, DRIFT_SPEED_MPS * dt, self._rng)
        budget = self._drift_reports_per_tick
        for _ in range(len(self._drift_order)):
            if budget <= 0 or self._stop.is_set():
                return
            mover = self._movers[self._drift_order[self._drift_cursor]]
            self._drift_cursor = (self._drift_cursor + 1) % len(self._drift_order)
            if mover.busy or self._sim_now - mover.last_report < self._timing.drift_report_every_s:
                continue
            self._report(mover, UnitStatus.RETURNING if mover.returning else UnitStatus.AVAILABLE)
            budget -= 1


# ---------------------------------------------------------------------- movement


def _new_mover(unit: Unit) -> _Mover:
    home = unit.position or geography.CITY_CENTER
    on_foot = any(
        word in unit.name for word in ("民警", "队员", "路政员", "消防员", "武警", "网格员")
    )
    return _Mover(
        unit=unit,
        home=home,
        position=home,
        speed_mps=PERSON_SPEED_MPS if on_foot else VEHICLE_SPEED_MPS,
    )


def _offset(point: GeoPoint, north_m: float, east_m: float) -> GeoPoint:
    lat = point.lat + north_m / _METRES_PER_DEGREE
    lon = point.lon + east_m / (_METRES_PER_DEGREE * math.cos(math.radians(point.lat)))
    return geography.clamp(lat, lon)


def _step_towards(mover: _Mover, target: GeoPoint, metres: float, rng: random.Random) -> bool:
    """Move up to ``metres`` towards ``target`` along a slightly wavering line; True on arrival."""
    distance = haversine_m(mover.position, target)
    if distance <= max(metres, 25.0):
        mover.position = target
        return True
    north = (target.lat - mover.position.lat) * _METRES_PER_DEGREE
    east = (
        (target.lon - mover.position.lon)
        * _METRES_PER_DEGREE
        * math.cos(math.radians(mover.position.lat))
    )
    scale = metres / math.hypot(north, east)
    # Streets are not straight lines: a small sideways wobble, never more than the step.
    wobble = rng.uniform(-0.25, 0.25) * metres
    side_north, side_east = -east / math.hypot(north, east), north / math.hypot(north, east)
    mover.position = _offset(
        mover.position, north * scale + side_north * wobble, east * scale + side_east * wobble
    )
    return False


def _wander(mover: _Mover, metres: float, rng: random.Random) -> None:
    """A random walk that keeps the member within a couple of kilometres of home."""
    if metres <= 0:
        return
    away = haversine_m(mover.position, mover.home)
    if away > 2_000.0:
        _step_towards(mover, mover.home, metres, rng)
        return
    angle = rng.uniform(0, 2 * math.pi)
    mover.position = _offset(mover.position, metres * math.cos(angle), metres * math.sin(angle))


def _image_type(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\x89PNG"):
        return "image/png", "snapshot.png"
    return "image/jpeg", "snapshot.jpg"
