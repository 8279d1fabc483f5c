"""The things a command centre talks about, as plain immutable values.

Everything here is shared by the console and the reference server. Values are frozen
dataclasses: a change is a new value (``dataclasses.replace``), which keeps the incident
state machine a pure function and makes objects safe to hand between threads.

Coordinates are WGS-84 degrees everywhere (GB/T 28181 catalogues use WGS-84); conversion
to GCJ-02 happens only where a map draws on GCJ-02 tiles.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Role(enum.StrEnum):
    """What a signed-in user may do. Checked by the server, mirrored by the console."""

    OPERATOR = "operator"  # 值班员: patrols, raises, dispatches, verifies, closes
    SUPERVISOR = "supervisor"  # 值班长: everything an operator does, plus delays/suspension
    UNIT = "unit"  # 联动单位 / 镇: signs, handles and reports back on its assignments
    ADMIN = "admin"  # 管理员: users, departments, sharing; no part in the workflow


class RegionKind(enum.StrEnum):
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"


class CameraKind(enum.StrEnum):
    ROAD = "road"
    CHECKPOINT = "checkpoint"  # 卡口
    RAILWAY = "railway"
    AIRPORT = "airport"
    STATION = "station"
    SCHOOL = "school"
    VILLAGE = "village"
    BEACH = "beach"
    MARKET = "market"
    HOSPITAL = "hospital"


class CameraStatus(enum.StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"


class UnitKind(enum.StrEnum):
    LINKED_UNIT = "linked_unit"  # one of the six linked units (公安, 综合执法, ...)
    TOWN = "town"  # a town's dispatch team
    TEAM = "team"  # a team under a unit or town
    MEMBER = "member"  # a person or vehicle in the field


class UnitStatus(enum.StrEnum):
    """Operational status of a unit (one at a time); see research §1.6."""

    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    ACKNOWLEDGED = "acknowledged"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    RETURNING = "returning"
    OUT_OF_SERVICE = "out_of_service"


class AlertKind(enum.StrEnum):
    SMOKE_FIRE = "smoke_fire"
    STREET_VENDOR = "street_vendor"
    CROWD = "crowd"
    ILLEGAL_PARKING = "illegal_parking"
    GARBAGE = "garbage"
    INTRUSION = "intrusion"


class AlertStatus(enum.StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    DISMISSED = "dismissed"
    PROMOTED = "promoted"
    MERGED = "merged"  # a duplicate of another alert (``Alert.merged_into``)


class MediaKind(enum.StrEnum):
    SNAPSHOT = "snapshot"
    CLIP = "clip"
    PHOTO = "photo"


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Department:
    """A data-sharing agency (one of 22); cameras are owned by and shared with departments."""

    id: str
    name: str
    code: str


@dataclass(frozen=True, slots=True)
class User:
    id: str
    username: str
    display_name: str
    role: Role
    department_id: str
    unit_id: str | None = None  # set for users acting for a linked unit or town team


@dataclass(frozen=True, slots=True)
class Region:
    """A node of the administrative tree: the city, its 13 towns, their 209 villages."""

    id: str
    code: str  # GB/T 2260 / 10114 / 12-digit statistical code
    name: str
    kind: RegionKind
    parent_id: str | None
    center: GeoPoint


@dataclass(frozen=True, slots=True)
class Camera:
    """A camera channel. ``id`` is its 20-digit GB/T 28181 code."""

    id: str
    name: str
    kind: CameraKind
    region_id: str
    position: GeoPoint
    status: CameraStatus
    owner_department_id: str
    shared_with: frozenset[str] = frozenset()  # department ids besides the owner
    ptz: bool = False
    # Where the lens points, in degrees clockwise from true north (0 = north, 90 = east),
    # and how wide it sees; None when the catalogue does not say. A PTZ camera's heading is
    # its preset (home) position.
    heading_deg: float | None = None
    fov_deg: float | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """A node of the unit tree: linked units, town teams, and their members in the field."""

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None
    department_id: str
    status: UnitStatus = UnitStatus.AVAILABLE
    position: GeoPoint | None = None
    status_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class MediaRef:
    """A stored file (snapshot, clip, photo). ``sha256`` is of its exact bytes."""

    id: str
    kind: MediaKind
    sha256: str
    content_type: str
    size: int
    captured_at: datetime
    camera_id: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """A machine detection (smoke, street vendor, ...). Noisy; an operator promotes the real ones."""

    id: str
    kind: AlertKind
    camera_id: str
    position: GeoPoint
    detected_at: datetime
    confidence: float
    status: AlertStatus = AlertStatus.NEW
    snapshot: MediaRef | None = None
    incident_id: str | None = None
    handled_by: str | None = None
    dismiss_reason: str | None = None
    merged_into: str | None = None
    duplicate_count: int = 0  # alerts merged into this one
    suggested_duplicate_of: str | None = None  # an earlier alert this one likely repeats


@dataclass(frozen=True, slots=True)
class PatrolPlan:
    """视频巡检 plan: cameras visited in order, each for ``dwell_s`` seconds."""

    id: str
    name: str
    camera_ids: tuple[str, ...]
    dwell_s: int = 10
    owner_id: str | None = None


class PatrolVerdict(enum.StrEnum):
    OK = "ok"
    ABNORMAL = "abnormal"
    SKIPPED = "skipped"
    DEAD = "dead"  # the camera showed no picture


@dataclass(frozen=True, slots=True)
class PatrolEntry:
    """One camera of a patrol record. ``screen`` (0-based wall screen, 0 the main window),
    ``monitor``, ``tile`` (0-based cell) and ``live_s`` (seconds of live pictures while on
    screen) are None in records made before patrols spanned several screens."""

    camera_id: str
    seen_at: datetime
    dwell_s: float
    verdict: PatrolVerdict
    note: str = ""
    screen: int | None = None
    monitor: str | None = None
    tile: int | None = None
    live_s: float | None = None


@dataclass(frozen=True, slots=True)
class PatrolRecord:
    id: str
    plan_id: str | None
    operator_id: str
    started_at: datetime
    finished_at: datetime | None
    entries: tuple[PatrolEntry, ...] = field(default_factory=tuple)
