"""Time limits on incidents (时限): warning levels, the overdue ladder and grid escalation.

Every incident has a window from its report (``started_at``) to its deadline (``due_at``).
Within the window it turns yellow, orange and red at fixed fractions of the window; at the
deadline it is overdue. Past the deadline the overdue ladder climbs: a reminder to the
responsible unit at once (催办), supervision after ``supervise_after`` of the window (督办),
and a report to the supervisor after ``report_after`` (上报领导).

Escalation up the grid (household → group → village → town → city): each category starts at
a level (``Category.start_level``). When the ladder reaches ``report`` the responsibility
moves one level up, and one more for every further ``escalate_every`` of the window that
passes, up to the city. A person may also escalate by hand, one level at a time. The level
in force is the higher of the recorded one and the automatic one, so escalation never goes
back down (a granted delay resets the colours and the ladder, not who is responsible).

Everything here is a pure function of instants and a policy: the server derives the state
from persisted times (report, deadline, granted delays), so it survives restarts, and the
console can show the same countdown from the same numbers.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class SlaLevel(enum.StrEnum):
    """How close to (or past) its deadline an incident is."""

    NORMAL = "normal"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"
    OVERDUE = "overdue"


class Ladder(enum.StrEnum):
    """The overdue ladder: remind (催办) → supervise (督办) → report to the supervisor."""

    NONE = "none"
    REMIND = "remind"
    SUPERVISE = "supervise"
    REPORT = "report"


class GridLevel(enum.StrEnum):
    """Who answers for the incident on the grid, from the household up to the city."""

    HOUSEHOLD = "household"
    GROUP = "group"
    VILLAGE = "village"
    TOWN = "town"
    CITY = "city"


GRID_ORDER: tuple[GridLevel, ...] = tuple(GridLevel)


def grid_up(level: GridLevel, steps: int = 1) -> GridLevel:
    """``level`` moved ``steps`` up the grid, stopping at the city."""
    index = min(GRID_ORDER.index(level) + max(steps, 0), len(GRID_ORDER) - 1)
    return GRID_ORDER[index]


class SlaStepKind(enum.StrEnum):
    """What an SLA timeline entry records."""

    LEVEL = "level"
    LADDER = "ladder"
    ESCALATION = "escalation"


SYSTEM_ACTOR = "system"
"""The actor of timeline entries written by the server's own sweep."""


@dataclass(frozen=True, slots=True)
class SlaStep:
    """One entry of an incident's SLA timeline: the level, ladder rung or grid level it
    reached, when, and who moved it (``SYSTEM_ACTOR`` for the sweep)."""

    at: datetime
    kind: SlaStepKind
    value: str
    actor_id: str = SYSTEM_ACTOR
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    """A category's time limit: ``handle`` from report to deadline, the warning levels as
    fractions of the window, and the ladder and escalation steps as fractions of the window
    past the deadline."""

    handle: timedelta
    yellow: float = 0.5
    orange: float = 0.75
    red: float = 0.9
    supervise_after: float = 0.25
    report_after: float = 0.5
    escalate_every: float = 0.5

    def __post_init__(self) -> None:
        if self.handle <= timedelta(0):
            raise ValueError("the time to handle must be positive")
        if not 0 < self.yellow < self.orange < self.red < 1:
            raise ValueError("thresholds must grow: 0 < yellow < orange < red < 1")
        if not 0 < self.supervise_after < self.report_after:
            raise ValueError("the ladder must climb: 0 < supervise_after < report_after")
        if self.escalate_every <= 0:
            raise ValueError("escalate_every must be positive")


@dataclass(frozen=True, slots=True)
class SlaTimes:
    """The instants at which an incident changes colour, climbs the ladder and escalates."""

    started_at: datetime
    due_at: datetime
    yellow_at: datetime
    orange_at: datetime
    red_at: datetime
    supervise_at: datetime
    report_at: datetime
    escalate_every: timedelta


def sla_times(started_at: datetime, due_at: datetime, policy: SlaPolicy) -> SlaTimes:
    """The instants of ``policy`` for a window from ``started_at`` to ``due_at``.

    A deadline at or before the start (a clock set back, a bad import) gives a window of
    one second, so that the incident is overdue rather than undefined.
    """
    window = max(due_at - started_at, timedelta(seconds=1))
    return SlaTimes(
        started_at=started_at,
        due_at=due_at,
        yellow_at=started_at + window * policy.yellow,
        orange_at=started_at + window * policy.orange,
        red_at=started_at + window * policy.red,
        supervise_at=due_at + window * policy.supervise_after,
        report_at=due_at + window * policy.report_after,
        escalate_every=window * policy.escalate_every,
    )


def level_at(times: SlaTimes, now: datetime) -> SlaLevel:
    if now >= times.due_at:
        return SlaLevel.OVERDUE
    if now >= times.red_at:
        return SlaLevel.RED
    if now >= times.orange_at:
        return SlaLevel.ORANGE
    if now >= times.yellow_at:
        return SlaLevel.YELLOW
    return SlaLevel.NORMAL


def ladder_at(times: SlaTimes, now: datetime) -> Ladder:
    if now >= times.report_at:
        return Ladder.REPORT
    if now >= times.supervise_at:
        return Ladder.SUPERVISE
    if now >= times.due_at:
        return Ladder.REMIND
    return Ladder.NONE


def automatic_escalations(times: SlaTimes, now: datetime) -> int:
    """How many grid levels the time alone has moved the incident up (0 before ``report``)."""
    if now < times.report_at:
        return 0
    return 1 + int((now - times.report_at) / times.escalate_every)


def escalation_at(
    times: SlaTimes, now: datetime, start: GridLevel, recorded: GridLevel | None
) -> GridLevel:
    """The grid level in force: the higher of the recorded one and the automatic one."""
    automatic = grid_up(start, automatic_escalations(times, now))
    if recorded is None:
        return automatic
    return max(automatic, recorded, key=GRID_ORDER.index)
