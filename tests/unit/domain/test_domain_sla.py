"""Time limits: the catalogue, the warning levels, the overdue ladder, grid escalation and
the masking of hotline callers.

Expected instants are worked out by hand from the written rule (yellow at half the window,
orange at three quarters, red at nine tenths, overdue at the deadline; supervise a quarter
window past it, report half a window past it and escalate then and every further half
window), not from the code under test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.categories import CATEGORIES, MAJORS, category, major_of
from console.domain.incident import (
    Action,
    Actor,
    EvidenceMissing,
    IllegalTransition,
    Incident,
    IncidentSource,
    IncidentState,
    NotPermitted,
    Priority,
    default_due_at,
    escalate,
    sla_update,
)
from console.domain.model import GeoPoint, Role
from console.domain.privacy import mask_name, mask_phone
from console.domain.sla import (
    GridLevel,
    Ladder,
    SlaLevel,
    SlaPolicy,
    SlaStepKind,
    grid_up,
    ladder_at,
    level_at,
    sla_times,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
OPERATOR = Actor("u-op", Role.OPERATOR)
UNIT = Actor("u-unit", Role.UNIT, "unit-1")


def _incident(category: str = "smoke_fire", **changes: object) -> Incident:
    base = Incident(
        id="i-1",
        number="QH-1",
        title="t",
        category=category,
        priority=Priority.P1,
        source=IncidentSource.OPERATOR,
        state=IncidentState.REPORTED,
        position=GeoPoint(19.2, 110.4),
        created_by="u-op",
        created_at=T0,
        updated_at=T0,
        due_at=default_due_at(category, T0),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- catalogue


def test_every_minor_category_has_a_major_a_positive_limit_and_a_lead() -> None:
    codes = [item.code for item in CATEGORIES]
    assert len(codes) == len(set(codes))
    assert set(codes) >= {
        "smoke_fire",
        "street_vendor",
        "crowd",
        "illegal_parking",
        "garbage",
        "road_hazard",
        "facility_damage",
        "other",
    }
    for item in CATEGORIES:
        assert item.major in MAJORS
        assert item.policy.handle > timedelta(0)
        assert item.lead_department


def test_majors_group_the_minors_and_unknown_codes_fall_back_to_other() -> None:
    assert major_of("smoke_fire") == major_of("crowd") == "public_safety"
    assert major_of("street_vendor") == major_of("garbage") == "city_appearance"
    assert major_of("no-such-code") == "other"
    assert category("street_vendor").lead_department == "urban_management"
    assert category("smoke_fire").policy.handle == HOUR


def test_a_policy_refuses_thresholds_out_of_order() -> None:
    with pytest.raises(ValueError, match="thresholds must grow"):
        SlaPolicy(handle=HOUR, yellow=0.8, orange=0.7)
    with pytest.raises(ValueError, match="must be positive"):
        SlaPolicy(handle=timedelta(0))
    with pytest.raises(ValueError, match="the ladder must climb"):
        SlaPolicy(handle=HOUR, supervise_after=0.6, report_after=0.5)


# ----------------------------------------------------------------------------- levels and ladder


@pytest.mark.parametrize(
    ("after", "level", "ladder"),
    [
        (timedelta(0), SlaLevel.NORMAL, Ladder.NONE),
        (29 * MINUTE, SlaLevel.NORMAL, Ladder.NONE),
        (30 * MINUTE, SlaLevel.YELLOW, Ladder.NONE),
        (45 * MINUTE, SlaLevel.ORANGE, Ladder.NONE),
        (54 * MINUTE, SlaLevel.RED, Ladder.NONE),
        (59 * MINUTE, SlaLevel.RED, Ladder.NONE),
        (60 * MINUTE, SlaLevel.OVERDUE, Ladder.REMIND),
        (74 * MINUTE, SlaLevel.OVERDUE, Ladder.REMIND),
        (75 * MINUTE, SlaLevel.OVERDUE, Ladder.SUPERVISE),
        (90 * MINUTE, SlaLevel.OVERDUE, Ladder.REPORT),
        (10 * HOUR, SlaLevel.OVERDUE, Ladder.REPORT),
    ],
)
def test_levels_and_rungs_fall_at_their_fractions_of_an_hour_window(
    after: timedelta, level: SlaLevel, ladder: Ladder
) -> None:
    times = sla_times(T0, T0 + HOUR, SlaPolicy(handle=HOUR))
    assert level_at(times, T0 + after) is level
    assert ladder_at(times, T0 + after) is ladder


def test_a_deadline_before_the_start_is_overdue_not_an_error() -> None:
    times = sla_times(T0, T0 - HOUR, SlaPolicy(handle=HOUR))
    assert level_at(times, T0 + timedelta(seconds=2)) is SlaLevel.OVERDUE


def test_grid_up_stops_at_the_city() -> None:
    assert grid_up(GridLevel.HOUSEHOLD) is GridLevel.GROUP
    assert grid_up(GridLevel.VILLAGE, 2) is GridLevel.CITY
    assert grid_up(GridLevel.TOWN, 5) is GridLevel.CITY


# ----------------------------------------------------------------------------- sla_update


def test_a_new_incident_gets_its_first_grid_level_and_no_timeline() -> None:
    updated = sla_update(_incident(), T0)
    assert updated.escalation is GridLevel.TOWN  # smoke and fire start at the town
    assert updated.sla_level is SlaLevel.NORMAL
    assert updated.sla_history == ()
    assert sla_update(updated, T0 + MINUTE) is updated  # nothing more to do


def test_each_level_crossed_is_recorded_at_the_instant_it_was_reached() -> None:
    incident = sla_update(_incident(), T0)
    late = sla_update(incident, T0 + 56 * MINUTE)  # a sweep that ran late: three levels
    steps = [(s.kind, s.value, s.at) for s in late.sla_history]
    assert steps == [
        (SlaStepKind.LEVEL, "yellow", T0 + 30 * MINUTE),
        (SlaStepKind.LEVEL, "orange", T0 + 45 * MINUTE),
        (SlaStepKind.LEVEL, "red", T0 + 54 * MINUTE),
    ]
    assert late.sla_level is SlaLevel.RED
    assert all(s.actor_id == "system" for s in late.sla_history)
    # The caller stamps the change: the state machine's version is not touched here.
    assert late.version == incident.version


def test_overdue_climbs_the_ladder_and_escalates_the_grid_up_to_the_city() -> None:
    incident = sla_update(_incident(state=IncidentState.IN_PROGRESS), T0)
    at_report = sla_update(incident, T0 + 90 * MINUTE)
    rungs = [s.value for s in at_report.sla_history if s.kind is SlaStepKind.LADDER]
    assert rungs == ["remind", "supervise", "report"]
    assert at_report.escalation is GridLevel.CITY  # town + 1 at the report rung
    grid = [(s.value, s.at) for s in at_report.sla_history if s.kind is SlaStepKind.ESCALATION]
    assert grid == [("city", T0 + 90 * MINUTE)]

    garbage = sla_update(_incident("garbage", state=IncidentState.IN_PROGRESS), T0)
    assert garbage.escalation is GridLevel.GROUP
    window = timedelta(hours=24)
    report_at = T0 + window * 1.5
    later = sla_update(garbage, report_at + window * 0.5 + MINUTE)
    grid = [(s.value, s.at) for s in later.sla_history if s.kind is SlaStepKind.ESCALATION]
    assert grid == [("village", report_at), ("town", report_at + window * 0.5)]


def test_the_clock_stands_still_after_feedback_and_while_suspended() -> None:
    for state in (IncidentState.FEEDBACK, IncidentState.SUSPENDED, IncidentState.CLOSED):
        incident = sla_update(_incident(state=IncidentState.IN_PROGRESS), T0)
        stopped = replace(incident, state=state)
        assert sla_update(stopped, T0 + 10 * HOUR) is stopped


def test_a_granted_delay_lowers_the_level_and_the_ladder_but_not_the_grid() -> None:
    incident = sla_update(_incident(state=IncidentState.IN_PROGRESS), T0)
    overdue = sla_update(incident, T0 + 100 * MINUTE)
    assert overdue.escalation is GridLevel.CITY
    moved = replace(overdue, due_at=T0 + 10 * HOUR)
    now = T0 + 101 * MINUTE
    after = sla_update(moved, now)
    assert (after.sla_level, after.ladder) == (SlaLevel.NORMAL, Ladder.NONE)
    assert after.escalation is GridLevel.CITY
    last = after.sla_history[-2:]
    assert [(s.kind, s.value, s.at) for s in last] == [
        (SlaStepKind.LEVEL, "normal", now),
        (SlaStepKind.LADDER, "none", now),
    ]


def test_an_incident_without_a_deadline_has_no_time_limit() -> None:
    incident = _incident(due_at=None)
    assert sla_update(incident, T0 + 10 * HOUR).sla_history == ()


# ----------------------------------------------------------------------------- escalate by hand


def test_escalating_by_hand_moves_one_level_with_the_reason_and_a_new_version() -> None:
    incident = sla_update(_incident("street_vendor"), T0)
    assert incident.escalation is GridLevel.VILLAGE
    up = escalate(incident, OPERATOR, " 村里处理不了 ", at=T0 + MINUTE)
    assert up.escalation is GridLevel.TOWN
    assert up.version == incident.version + 1
    (step,) = up.sla_history
    assert (step.kind, step.value, step.actor_id, step.reason) == (
        SlaStepKind.ESCALATION,
        "town",
        "u-op",
        "村里处理不了",
    )
    # The time-limit sweep never lowers what a person raised.
    assert sla_update(up, T0 + 2 * MINUTE).escalation is GridLevel.TOWN


def test_escalating_by_hand_is_refused_at_the_top_for_units_and_without_reason() -> None:
    incident = sla_update(_incident("street_vendor"), T0)
    with pytest.raises(NotPermitted):
        escalate(incident, UNIT, "why", at=T0)
    with pytest.raises(EvidenceMissing):
        escalate(incident, OPERATOR, "  ", at=T0)
    at_city = replace(incident, escalation=GridLevel.CITY)
    with pytest.raises(IllegalTransition) as refused:
        escalate(at_city, OPERATOR, "why", at=T0)
    assert refused.value.operation == "escalate"
    closed = replace(incident, state=IncidentState.CLOSED)
    with pytest.raises(IllegalTransition):
        escalate(closed, OPERATOR, "why", at=T0)
    assert Action.ACCEPT in refused.value.allowed


# ----------------------------------------------------------------------------- privacy


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三明", "张*明"), ("张三", "张*"), ("欧阳小明", "欧**明"), ("王", "王"), ("", "")],
)
def test_names_keep_the_family_name_and_the_last_character(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("0898-6281234", "089****1234"),
        ("12345", "***45"),
        ("", ""),
    ],
)
def test_phones_keep_the_first_three_and_last_four_digits(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked
    assert "1234567" not in masked
